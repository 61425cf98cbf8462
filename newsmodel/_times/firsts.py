"""The characters a time rule can start with, read from its pattern without compiling it.

:meth:`TimeTables.rules_for <newsmodel._times.tables.TimeTables.rules_for>` tries at a token only the
rules that can start with its first character. Finding those characters by partial matching means
compiling every rule of a core type the first time that type is seen, which is most of the cost of
the first parse (issue 16, cold start). This module reads them from the parse tree of Python's own
``re`` parser instead (some 0.2 ms a rule against 1-3 ms for a ``regex`` compile), with the named
lists (``\\L<name>``) replaced by the first characters of their entries and the group names
dropped (``regex`` allows a name twice, ``re`` does not).

The answer is never too small: look-arounds and anchors are read as matching nothing, so a rule is
at worst tried where it cannot match, which changes no result. It is exact for the shipped rules
(a test compares it with partial matching). Anything the reader does not know (a back reference,
a syntax only ``regex`` has) gives ``None``, and the caller falls back to partial matching.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

import regex

__all__ = ["first_chars"]

try:  # Python 3.11 and later
    _sre: Any = importlib.import_module("re._parser")
    _ops: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - Python 3.10
    _sre = importlib.import_module("sre_parse")
    _ops = importlib.import_module("sre_constants")

_LIST_REF = regex.compile(r"\\L<(\w+)>")
_GROUP_NAME = regex.compile(r"\(\?P<\w+>")
# What re reads as a possible nested set or set operation (and warns about): left to regex.
_SET_MARKS = ("[[", "--", "&&", "~~", "||")


class _Unknown(Exception):
    """A construct the reader does not handle."""


def first_chars(
    pattern: str, lists: Mapping[str, Iterable[str]], universe: tuple[str, ...]
) -> frozenset[str] | None:
    """The characters of ``universe`` a match of ``pattern`` (case-insensitive) can start with, or
    ``None`` when the pattern cannot be read this way."""
    if any(mark in pattern for mark in _SET_MARKS):
        return None  # read otherwise by re, which warns about them
    try:
        source = _LIST_REF.sub(lambda m: _firsts_of(lists[m[1]]), pattern)
        tree = _sre.parse(_GROUP_NAME.sub("(?:", source), _ops.SRE_FLAG_IGNORECASE)
        chars, nullable = _sequence(tree, universe)
    except Exception:  # a construct not handled, a syntax only regex has: fall back
        return None
    return frozenset(universe) if nullable else frozenset(chars)


def _firsts_of(entries: Iterable[str]) -> str:
    alts = sorted({e[:1] for e in entries})
    return "(?:" + "|".join(regex.escape(a) for a in alts) + ")"


def _sequence(items: Iterable[tuple[Any, Any]], universe: tuple[str, ...]) -> tuple[set[str], bool]:
    """``(chars, nullable)`` of a sequence: the first characters of its items up to the first that
    cannot match empty."""
    chars: set[str] = set()
    for op, av in items:
        found, nullable = _item(op, av, universe)
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


def _item(op: Any, av: Any, universe: tuple[str, ...]) -> tuple[set[str], bool]:
    if op is _ops.LITERAL:
        low = chr(av).lower()
        return {c for c in universe if c.lower() == low}, False
    if op in (_ops.NOT_LITERAL, _ops.IN, _ops.ANY):
        return {c for c in universe if _matches(op, av, c)}, False
    if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
        return set(), True  # zero width: read as matching nothing, so never too small
    if op is _ops.SUBPATTERN:
        return _sequence(av[-1], universe)
    if op is _ops.BRANCH:
        chars: set[str] = set()
        nullable = False
        for alt in av[1]:
            found, empty = _sequence(alt, universe)
            chars |= found
            nullable = nullable or empty
        return chars, nullable
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT) or op is getattr(_ops, "POSSESSIVE_REPEAT", None):
        low, _high, body = av
        found, empty = _sequence(body, universe)
        return found, empty or low == 0
    if op is getattr(_ops, "ATOMIC_GROUP", None):
        return _sequence(av, universe)
    raise _Unknown(str(op))


def _matches(op: Any, av: Any, c: str) -> bool:
    """Whether the one-character item ``(op, av)`` matches ``c`` in some case."""
    forms = {c, c.lower(), c.upper()}
    if op is _ops.ANY:
        return c != "\n"
    if op is _ops.LITERAL:
        return chr(av) in forms or chr(av).lower() in forms
    if op is _ops.NOT_LITERAL:
        return not (chr(av) in forms or chr(av).lower() in forms)
    negate = False
    hit = False
    for sub, value in av:
        if sub is _ops.NEGATE:
            negate = True
        elif sub is _ops.LITERAL:
            hit = hit or chr(value) in forms or chr(value).lower() in forms
        elif sub is _ops.RANGE:
            hit = hit or any(value[0] <= ord(f) <= value[1] for f in forms)
        elif sub is _ops.CATEGORY:
            hit = hit or _category(value, c)
        else:
            raise _Unknown(str(sub))
    return hit != negate


def _category(category: Any, c: str) -> bool:
    name = str(category)
    if name.endswith("DIGIT"):
        found = c.isdecimal()
    elif name.endswith("SPACE"):
        found = c.isspace()
    elif name.endswith("WORD"):
        found = c.isalnum() or c == "_"
    else:
        raise _Unknown(name)
    return found != ("NOT_" in name)
