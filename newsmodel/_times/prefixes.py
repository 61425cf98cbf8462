"""The first three characters a time rule's match can begin with, read from its pattern.

At a token the pass tries the rules that can hold the core's types and start with the token's
first character (:meth:`TimeTables.rules_for <newsmodel._times.tables.TimeTables.rules_for>`);
most of them still fail (``the`` starts "the first quarter" and "the 1990s", and ``m`` "March" and
"Monday"). Where the text at the token is three ASCII characters, the pass tries only the rules
whose match can begin with those three (case aside): a rule's possible beginnings are read once
from the parse tree of Python's own ``re`` parser, as :mod:`.firsts` reads the first character.

The answer is never too small: look-arounds and anchors are read as matching nothing (any text
passes them), a negated class, a range beyond ASCII and anything unknown as matching every
character, a repeat that may match nothing as ending anywhere; a pattern the reader cannot read,
or whose beginnings are too many to list, gives ``None`` (tried at every token, as before). So a
rule is at worst tried where it cannot match, which changes no result.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import regex

from . import firsts
from .firsts import _GROUP_NAME, _LIST_REF, _SET_MARKS, _ops, _sre

__all__ = ["WIDTH", "after_lookbehind", "may_begin", "rule_prefixes"]

WIDTH = 3  # characters read at each token
_LIMIT = 20_000  # the most beginnings listed for one rule (or one part of it)
_KEYS = tuple(chr(i) for i in range(128) if not chr(i).isupper())  # lower-case ASCII
_ONE_CHAR = ("LITERAL", "NOT_LITERAL", "IN", "ANY")
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class _Unknown(Exception):
    """A construct the reader does not handle, or too many beginnings."""


def rule_prefixes(pattern: str, lists: Mapping[str, Iterable[str]]) -> frozenset[str] | None:
    """The lower-case beginnings of a match of ``pattern`` (case-insensitive): strings of
    :data:`WIDTH` characters, and shorter ones where a match may end (any text may follow them);
    ``None`` when the pattern cannot be read this way (it may begin anywhere)."""
    if pattern.startswith("(?<") or any(mark in pattern for mark in _SET_MARKS):
        return None
    try:
        source = _LIST_REF.sub(lambda m: _entries(lists[m[1]]), pattern)
        tree = _sre.parse(_GROUP_NAME.sub("(?:", source), _ops.SRE_FLAG_IGNORECASE)
        return frozenset(_sequence(list(tree), WIDTH))
    except Exception:  # a construct not handled, a syntax only regex has, too many: not read
        return None


def after_lookbehind(pattern: str) -> str | None:
    """``pattern`` without the look-behind it opens with (``(?<=...)`` or ``(?<!...)``), or
    ``None`` when it opens with none (or its end cannot be found). A look-behind matches no text,
    so what follows it begins every match: its beginnings are the rule's (the look-behind only
    refuses some of them, and Python's ``re`` cannot read one of variable width)."""
    if not pattern.startswith(("(?<=", "(?<!")):
        return None
    depth = 0
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: its brackets and parentheses are characters ("[^]..." too)
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return pattern[i + 1 :]
        i += 1
    return None


def may_begin(prefixes: frozenset[str] | None, key: str) -> bool:
    """Whether a match with these beginnings can start at text whose first :data:`WIDTH`
    characters are ``key`` (lower-case ASCII)."""
    return prefixes is None or any(key[:n] in prefixes for n in range(WIDTH, -1, -1))


def _entries(entries: Iterable[str]) -> str:
    """A named list as an alternation of its entries' beginnings (an entry of more than
    :data:`WIDTH` characters fills the width whatever follows it)."""
    alts = sorted({e[:WIDTH] for e in entries})
    return "(?:" + "|".join(regex.escape(a) for a in alts) + ")"


def _sequence(items: Iterable[tuple[Any, Any]], width: int) -> set[str]:
    """The beginnings of a sequence of items, up to ``width`` characters (shorter: it ends)."""
    found = {""}
    for op, av in items:
        if all(len(s) == width for s in found):
            break
        found = _extend(found, width, functools.partial(_item, op, av))
    return found


def _extend(found: set[str], width: int, part: Callable[[int], set[str]]) -> set[str]:
    """``found`` followed by what ``part(room)`` gives in the room each leaves (read once per room)."""
    parts: dict[int, set[str]] = {}
    grown: set[str] = set()
    for s in found:
        room = width - len(s)
        if not room:
            grown.add(s)
            continue
        if room not in parts:
            parts[room] = part(room)
        grown.update(s + t for t in parts[room])
        if len(grown) > _LIMIT:
            raise _Unknown("too many beginnings")
    return grown


def _item(op: Any, av: Any, width: int) -> set[str]:
    name = op.name
    if name == "LITERAL":
        p = chr(av)
        return {p.lower()} if p.isascii() else set(_KEYS)
    if name in _ONE_CHAR:
        return {c for c in _KEYS if _char(name, av, c)}
    if name in _ZERO_WIDTH:
        return {""}  # read as matching nothing: any text passes
    if name == "SUBPATTERN":
        return _sequence(av[-1], width)
    if name == "ATOMIC_GROUP":
        return _sequence(av, width)
    if name == "BRANCH":
        out: set[str] = set()
        for alt in av[1]:
            out |= _sequence(alt, width)
        return out
    if name in _REPEATS:
        return _repeat(av[0], av[1], av[2], width)
    raise _Unknown(name)


def _repeat(low: int, high: int, body: Any, width: int) -> set[str]:
    """The beginnings of ``body`` repeated ``low`` to ``high`` times."""
    out: set[str] = set()
    found = {""}
    count = 0
    while True:
        if count >= low:
            out |= found
        else:
            out |= {s for s in found if len(s) == width}  # past the width: it goes on
        if count >= high or count > width:
            break
        grown = _extend(found, width, lambda room: _sequence(body, room))
        if grown == found:
            break  # nothing more: the body matches nothing new (it may match nothing)
        found = grown
        count += 1
    if count < low:
        out |= found  # a body that may match nothing stopped short of low: read as ending anywhere
    return out


def _char(name: str, av: Any, c: str) -> bool:
    """Whether the one-character item matches the lower-case ASCII ``c`` in some case (never
    ``False`` when it might match)."""
    forms = (c, c.upper())
    if name == "ANY":
        return c != "\n"
    if name == "LITERAL":
        return _literal(chr(av), forms)
    if name == "NOT_LITERAL":
        return not (chr(av).isascii() and chr(av).lower() == c)
    for sub, value in av:
        kind = sub.name
        if kind == "NEGATE":
            return True  # a negated class: read as matching anything
        if kind == "LITERAL":
            hit = _literal(chr(value), forms)
        elif kind == "RANGE":
            hit = value[1] > 127 or any(value[0] <= ord(f) <= value[1] for f in forms)
        elif kind == "CATEGORY":
            hit = _category(value, c)
        else:
            hit = True
        if hit:
            return True
    return False


def _literal(p: str, forms: tuple[str, str]) -> bool:
    return any(x in forms for x in (p, p.lower(), p.upper(), p.casefold())) or not p.isascii()


def _category(category: Any, c: str) -> bool:
    r""":mod:`.firsts`' reading of a class (``\d``, ``\s``, ``\w`` ...) for the ASCII ``c``; one it
    does not know may match."""
    try:
        return firsts._category(category, c)
    except firsts._Unknown:
        return True
