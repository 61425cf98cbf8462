"""The time rules: validated from TOML data and compiled for a fast, anchored search.

Each ``[[rule]]`` compiles to one pattern; at one position every rule that can hold the core is
tried and the longest match wins (the first rule in the file on a tie). Patterns are never run over the whole
text: one pass over the tokens finds *core* tokens (a month, a weekday, a unit, a year ...), and
only the rules that can contain that kind of core are tried, at the few token starts just before
it that can begin an expression (``the``, ``last``, ``three`` ...).
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
        "numeric",
        "decade",
        "century",
        "quarter",
        "quarter-ref",
        "half",
        "season",
        "holiday",
        "if-future",
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

_FIRST_CHARS = tuple("abcdefghijklmnopqrstuvwxyz0123456789'’‘$")
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

    def evolve_id(self, rule_id: str) -> TimeRule:
        """This rule under another id (a resolver delegating to another rule's reading)."""
        return attrs.evolve(self, id=rule_id)


@attrs.frozen(kw_only=True)
class Grammar:
    """Compiled rules: the trigger scanner, the combined pattern and the lists the resolvers read."""

    rules: tuple[TimeRule, ...]
    lists: Mapping[str, Mapping[str, Any]]
    context: Mapping[str, tuple[str, ...]]
    core: Mapping[str, frozenset[str]]
    prefix: frozenset[str]
    starters: frozenset[str]
    digit_core: regex.Pattern[str]
    patterns: Mapping[tuple[frozenset[str], str], tuple[tuple[TimeRule, regex.Pattern[str]], ...]]
    outside: frozenset[str]
    cues: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    past_suffix: str

    def rules_for(self, types: frozenset[str], first: str) -> tuple[tuple[TimeRule, regex.Pattern[str]], ...]:
        """The rules (with their compiled patterns) that can hold a core of these types and start
        with the character ``first`` (lower case), in file order."""
        found = self.patterns.get((types, first))
        if found is None:
            found = self.patterns.get((types, ""), ())
        return found


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
        "not_past_after",
        "period_end",
        "month_alone_before",
        "weekday_titles",
        "year_not_before",
        "year_not_after",
        "generic_after_today",
        "noon_not_after",
        "rate_before",
        "word_months",
        "list_joiners",
        "deictic_days",
        "anaphoric_directions",
    ):
        context.setdefault(need, ())
    raw_triggers = data.get("triggers", {})
    if not isinstance(raw_triggers, Mapping):
        raise _fail("[triggers]", "must be a table")
    core_lists = _words(raw_triggers.get("core_lists", []), "triggers.core_lists")
    for name in core_lists:
        if name not in lists:
            raise _fail("triggers.core_lists", f"no list named {name!r}")
    digit_source = raw_triggers.get("digit_core", "(?!)")
    if not isinstance(digit_source, str):
        raise _fail("triggers.digit_core", "must be a pattern string")
    try:
        digit_core = regex.compile(digit_source, regex.IGNORECASE)
    except regex.error as exc:
        raise _fail("triggers.digit_core", f"bad pattern: {exc}") from exc
    # Core words and their types: the lists they end an entry of, and "word:<w>" when a rule
    # names the word itself.
    core: dict[str, set[str]] = {}
    for name in core_lists:
        for key in lists[name]:
            last = regex.split(r"[\s-]+", key.rstrip("."))[-1]
            if last:
                core.setdefault(last, set()).add(name)
    for word in _words(raw_triggers.get("core", []), "triggers.core"):
        core.setdefault(word, set())
    rule_types: list[set[str]] = []
    for r in rules:
        types = set(_LIST_REF.findall(r.pattern))
        bare = regex.sub(r"\\L<\w+>|\(\?P<\w+>|\\[a-zA-Z]", " ", r.pattern.casefold())
        types |= {f"word:{w}" for w in regex.findall(r"[a-z]+", bare) if w in core}
        if "\\d" in r.pattern:
            types.add("digit")
        rule_types.append(types)
    used_words = {t for types in rule_types for t in types if t.startswith("word:")}
    # A core also has the type of every other list it is a word of ("past" is a vague reference
    # and a direction), so the rules reading those lists are tried around it too.
    in_lists: dict[str, set[str]] = {}
    for name, table in lists.items():
        for key in table:
            for w in regex.split(r"[\s-]+", key.rstrip(".")):
                in_lists.setdefault(w, set()).add(name)
    typed_core = {
        w: frozenset(types | in_lists.get(w, set()) | ({f"word:{w}"} if f"word:{w}" in used_words else set()))
        for w, types in core.items()
    }
    typed_core = {w: t for w, t in typed_core.items() if t}
    starters = set(_words(raw_triggers.get("starters", []), "triggers.starters"))
    prefix = set(_words(raw_triggers.get("prefix", []), "triggers.prefix")) | starters
    for name in _words(raw_triggers.get("prefix_lists", []), "triggers.prefix_lists"):
        if name not in lists:
            raise _fail("triggers.prefix_lists", f"no list named {name!r}")
        for key in lists[name]:
            words = [w for w in regex.split(r"[\s-]+", key.rstrip(".")) if w]
            prefix.update(words)
            starters.update(words[:1])
    for name in core_lists:
        starters.update(regex.split(r"[\s-]+", key)[0] for key in lists[name])
    # Tokens carry a final period ("Jan.", "a.m."): look them up with and without it.
    typed_core.update({f"{w}.": t for w, t in list(typed_core.items())})
    compiled = [
        _compile(f"(?:{r.pattern})(?![\\w])", regex.IGNORECASE | regex.V0, _named(lists, r.pattern))
        for r in rules
    ]
    # The characters each rule can start with, found by partial matching; "" for a rule that
    # starts with a look-behind (it is tried at every start).
    firsts = [
        None
        if r.pattern.startswith("(?<")
        else frozenset(c for c in _FIRST_CHARS if compiled[i].match(c, partial=True))
        for i, r in enumerate(rules)
    ]
    patterns: dict[tuple[frozenset[str], str], tuple[tuple[TimeRule, regex.Pattern[str]], ...]] = {}
    groups: set[frozenset[str]] = {*typed_core.values(), frozenset({"digit"})}
    for group in groups:
        members = [i for i, rt in enumerate(rule_types) if rt & group]
        for first in ("", *_FIRST_CHARS):
            chosen = tuple((rules[i], compiled[i]) for i in members if _may_start(firsts[i], first))
            if chosen:
                patterns[group, first] = chosen
    return Grammar(
        rules=tuple(rules),
        lists=lists,
        context=context,
        core=typed_core,
        prefix=frozenset(prefix),
        starters=frozenset(starters),
        digit_core=digit_core,
        patterns=patterns,
        outside=frozenset(k.split()[-1] for k in lists.get("mod_outside", {})),
        cues=_cues(context["future"], context["past"]),
        past_suffix=suffix,
    )


def _may_start(firsts: frozenset[str] | None, first: str) -> bool:
    return firsts is None or (bool(first) and first in firsts)


def _cues(
    future: tuple[str, ...], past: tuple[str, ...]
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Tense cues by their last word: ``{"due": ((("is", "due"), "future"), ...)}``."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for label, words in (("future", future), ("past", past)):
        for cue in words:
            seq = tuple(cue.split())
            out.setdefault(seq[-1], []).append((seq, label))
    return {k: tuple(sorted(v, key=lambda c: -len(c[0]))) for k, v in out.items()}


def _compile(pattern: str, flags: Any, named: dict[str, list[str]]) -> regex.Pattern[str]:
    compiled: regex.Pattern[str] = regex.compile(pattern, flags, **named)  # type: ignore[arg-type]
    return compiled


def _named(lists: Mapping[str, Mapping[str, Any]], pattern: str) -> dict[str, list[str]]:
    return {name: sorted(lists[name], key=len, reverse=True) for name in set(_LIST_REF.findall(pattern))}
