"""The time rules: validated from TOML data and compiled into one pattern.

Each ``[[rule]]`` becomes one branch ``(?P<r_N>...)`` of a single POSIX (leftmost-longest)
pattern, so at one position the longest expression any rule reads wins. The pattern is only tried
where a trigger word or a digit starts a word, found by one linear scan of the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import regex

from ..errors import RuleError
from ..model import TimeKind

__all__ = ["RESOLVERS", "Grammar", "TimeRule", "compile_grammar"]

#: The resolvers a rule may name (``resolve = "..."``); see docs/times.md.
RESOLVERS = frozenset(
    {
        "date",
        "dateparser",
        "decade",
        "century",
        "quarter",
        "quarter-ref",
        "half",
        "season",
        "holiday",
        "weekday",
        "deictic",
        "clock",
        "relative",
        "ago",
        "year-earlier",
        "fixed",
        "duration",
        "set",
        "ref",
        "that",
    }
)

_MACRO = regex.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_LIST_REF = regex.compile(r"\\L<(\w+)>")


@attrs.frozen(kw_only=True)
class TimeRule:
    """One detection rule.

    Attributes:
        id: its id, carried by every expression it finds.
        pattern: the pattern after macro expansion.
        kind: the TIMEX3 type it gives.
        resolve: the resolver that computes the value.
        value: a fixed value (``fixed`` resolver) or an override.
        unit: a fixed unit for ``relative``.
        offset: a fixed offset for ``relative``.
        mod: a fixed TIMEX3 mod.
    """

    id: str
    pattern: str
    kind: TimeKind
    resolve: str
    value: str | None = None
    unit: str | None = None
    offset: int | None = None
    mod: str | None = None


@attrs.frozen(kw_only=True)
class Grammar:
    """Compiled rules: the trigger scanner, the combined pattern and the lists the resolvers read."""

    rules: tuple[TimeRule, ...]
    lists: Mapping[str, Mapping[str, Any]]
    context: Mapping[str, tuple[str, ...]]
    triggers: regex.Pattern[str]
    pattern: regex.Pattern[str]
    future: regex.Pattern[str]
    past: regex.Pattern[str]


def _fail(where: str, message: str) -> RuleError:
    return RuleError(f"times.toml: {where}: {message}")


def _expand(pattern: str, macros: Mapping[str, str], where: str) -> str:
    for _ in range(5):
        new = _MACRO.sub(lambda m: macros.get(m[1], m[0]), pattern)
        if new == pattern:
            break
        pattern = new
    left = _MACRO.search(pattern)
    if left:
        raise _fail(where, f"unknown macro {left[0]}")
    return pattern


def _words(entries: Any, where: str) -> tuple[str, ...]:
    if not isinstance(entries, list) or not all(isinstance(w, str) and w for w in entries):
        raise _fail(where, "must be a list of non-empty strings")
    return tuple(w.casefold() for w in entries)


def compile_grammar(data: Mapping[str, Any]) -> Grammar:
    """Validate rule data (the ``times.toml`` layout) and compile it.

    Raises:
        RuleError: naming the table or rule that is malformed.
    """
    if not isinstance(data, Mapping):
        raise _fail("top level", "must be a table")
    raw_lists = data.get("lists", {})
    if not isinstance(raw_lists, Mapping):
        raise _fail("[lists]", "must be a table of tables")
    lists: dict[str, dict[str, Any]] = {}
    for name, table in raw_lists.items():
        if not isinstance(table, Mapping) or not table:
            raise _fail(f"lists.{name}", "must be a non-empty table of word = value")
        lists[name] = {str(k).casefold(): v for k, v in table.items()}
    macros = data.get("macros", {})
    if not isinstance(macros, Mapping) or not all(isinstance(v, str) for v in macros.values()):
        raise _fail("[macros]", "must map names to pattern strings")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _fail("[[rule]]", "there must be at least one rule")
    rules: list[TimeRule] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw_rules):
        where = f"rule[{i}]"
        if not isinstance(entry, Mapping):
            raise _fail(where, "must be a table")
        rid = entry.get("id")
        if not isinstance(rid, str) or not rid:
            raise _fail(where, "needs a string id")
        where = f"rule {rid!r}"
        if rid in seen:
            raise _fail(where, "duplicate id")
        seen.add(rid)
        unknown = set(entry) - {"id", "pattern", "kind", "resolve", "value", "unit", "offset", "mod"}
        if unknown:
            raise _fail(where, f"unknown keys {sorted(unknown)}")
        pattern = entry.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise _fail(where, "needs a pattern")
        kind = entry.get("kind")
        if kind not in TimeKind.__members__:
            raise _fail(where, f"kind must be one of {sorted(TimeKind.__members__)}, not {kind!r}")
        resolve = entry.get("resolve")
        if resolve not in RESOLVERS:
            raise _fail(where, f"resolve must be one of {sorted(RESOLVERS)}, not {resolve!r}")
        for key, typ in (("value", str), ("unit", str), ("mod", str), ("offset", int)):
            if key in entry and not isinstance(entry[key], typ):
                raise _fail(where, f"{key} must be a {typ.__name__}")
        expanded = _expand(pattern, macros, where)
        for ref in _LIST_REF.findall(expanded):
            if ref not in lists:
                raise _fail(where, f"pattern uses \\L<{ref}> but [lists] has no {ref}")
        try:
            _compile(expanded, regex.IGNORECASE | regex.V0, _named(lists, expanded))
        except regex.error as exc:
            raise _fail(where, f"bad pattern: {exc}") from exc
        rules.append(
            TimeRule(
                id=rid,
                pattern=expanded,
                kind=TimeKind[str(kind)],
                resolve=resolve,
                value=entry.get("value"),
                unit=entry.get("unit"),
                offset=entry.get("offset"),
                mod=entry.get("mod"),
            )
        )
    raw_context = data.get("context", {})
    if not isinstance(raw_context, Mapping):
        raise _fail("[context]", "must be a table")
    suffix = raw_context.get("past_suffix", "")
    if not isinstance(suffix, str) or not regex.fullmatch(r"[a-z]{0,5}", suffix):
        raise _fail("context.past_suffix", "must be a short lower-case word ending")
    context = {k: _words(v, f"context.{k}") for k, v in raw_context.items() if k != "past_suffix"}
    for need in (
        "future",
        "past",
        "future_prepositions",
        "past_prepositions",
        "not_past",
        "period_end",
        "month_alone_before",
        "weekday_titles",
        "year_not_before",
        "year_not_after",
    ):
        context.setdefault(need, ())
    raw_triggers = data.get("triggers", {}).get("words", [])
    trigger_words = set(_words(raw_triggers, "triggers.words"))
    for table in lists.values():
        for word in table:
            trigger_words.add(regex.split(r"[\s-]", word)[0])
    trigger_words.discard("")
    triggers = _compile(
        r"(?<![\w’'])(?:\L<trig>(?![\w])|\d|['’]\d)", regex.IGNORECASE, {"trig": sorted(trigger_words)}
    )
    body = "|".join(f"(?P<r_{i}>{r.pattern})" for i, r in enumerate(rules))
    pattern = _compile(f"(?:{body})(?![\\w])", regex.IGNORECASE | regex.POSIX | regex.V0, _named(lists, body))
    return Grammar(
        rules=tuple(rules),
        lists=lists,
        context=context,
        triggers=triggers,
        pattern=pattern,
        future=_cue(context["future"]),
        past=_cue(context["past"], suffix, context.get("not_past", ())),
    )


def _cue(words: tuple[str, ...], suffix: str = "", exceptions: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """Any of ``words``; with a ``suffix``, also any lower-case word ending in it but ``exceptions``."""
    named = {"w": sorted(words) or ["\x00"], "x": sorted(exceptions) or ["\x00"]}
    if not suffix:
        return _compile(r"(?<!\w)(?i:\L<w>)(?!\w)", 0, {"w": named["w"]})
    return _compile(rf"(?<!\w)(?:(?i:\L<w>)|(?!\L<x>(?!\w))[a-z]{{2,20}}{suffix})(?!\w)", 0, named)


def _compile(pattern: str, flags: Any, named: dict[str, list[str]]) -> regex.Pattern[str]:
    compiled: regex.Pattern[str] = regex.compile(pattern, flags, **named)  # type: ignore[arg-type]
    return compiled


def _named(lists: Mapping[str, Mapping[str, Any]], pattern: str) -> dict[str, list[str]]:
    return {name: sorted(lists[name], key=len, reverse=True) for name in set(_LIST_REF.findall(pattern))}
