"""The compiled time rules: what the stage indexes at run time, built from a :class:`TimeRules`.

Each ``[[rule]]`` compiles to one pattern; at one position every rule that can hold the core is
tried and the longest match wins (the first rule in the file on a tie). Patterns are never run
over the whole text: one pass over the tokens finds *core* tokens (a month, a weekday, a unit, a
year ...), and only the rules that can contain that kind of core are tried, at the few token
starts just before it that can begin an expression (``the``, ``last``, ``three`` ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import regex

from .._text.lazy import LazyPattern
from ..errors import RuleError
from ..model import TimeKind
from ..rules._schema import RuleSet
from .firsts import first_chars
from .prefixes import after_lookbehind, may_begin, rule_prefixes

if TYPE_CHECKING:
    from ..times import TimeRules

__all__ = ["DIGIT_START", "CoreWords", "TimeRule", "TimeTables", "compile_clause_break", "compile_tables"]

_FIRST_CHARS = tuple("abcdefghijklmnopqrstuvwxyz0123456789'’‘$")
_MACRO = regex.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_LIST_REF = regex.compile(r"\\L<(\w+)>")
_SPLIT = regex.compile(r"[\s-]+")

RulePatterns = tuple[tuple["TimeRule", LazyPattern], ...]
Matcher = Callable[[str, int], "regex.Match[str] | None"]
RuleMatchers = tuple[tuple["TimeRule", Matcher], ...]
DIGIT_START = frozenset("0123456789'’‘")  # what a number (or a decade: ’90s) starts with
_WORDS_KEPT = 50_000  # the most words a CoreWords remembers
_KEYS_KEPT = 50_000  # the most (core types, beginning) entries TimeTables.matchers remembers


class CoreWords(dict[str, bool]):
    """Whether each lower-case word may anchor an expression (a word of ``core``, a number, an
    apostrophe before a decade, a hyphenated word with a part that is a core word or a number
    ``digit_core`` reads): what the pass over the tokens asks of every word, remembered per word
    (up to a bound) so that the pass is one look-up per token."""

    __slots__ = ("core", "digit_core")

    def __init__(self, core: Mapping[str, frozenset[str]], digit_core: regex.Pattern[str]) -> None:
        super().__init__()
        self.core = core
        self.digit_core = digit_core

    def __missing__(self, word: str) -> bool:
        found = word in self.core or word[0] in DIGIT_START or ("-" in word and self._part_anchors(word))
        if len(self) < _WORDS_KEPT:
            self[word] = found
        return found

    def _part_anchors(self, word: str) -> bool:
        """Whether a part of a hyphenated word is a core word or a number (``mid-2017``)."""
        return any(
            part in self.core or (part[:1].isdigit() and self.digit_core.match(part) is not None)
            for part in word.split("-")
        )

    def __reduce__(self) -> tuple[type[CoreWords], tuple[Mapping[str, frozenset[str]], regex.Pattern[str]]]:
        return CoreWords, (self.core, self.digit_core)  # pickles empty: it fills again as words are seen


@attrs.frozen(kw_only=True)
class TimeRule:
    """One detection rule, compiled.

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
class TimeTables:
    """Compiled time rules: the trigger tables, the rule patterns and the words the passes read.

    ``words`` holds the ``[context]`` word lists (lower case), ``lists`` the ``[lists]`` tables
    (lower-case keys), ``values`` the ``[values]`` tables.
    """

    rules: tuple[TimeRule, ...]
    lists: Mapping[str, Mapping[str, Any]]
    words: Mapping[str, tuple[str, ...]]
    values: Mapping[str, Mapping[str, Any]]
    core: Mapping[str, frozenset[str]]
    prefix: frozenset[str]
    starters: frozenset[str]
    digit_core: regex.Pattern[str]
    digit_core_endings: tuple[str, ...]
    digit_core_next: tuple[str, ...]
    patterns: tuple[LazyPattern, ...]
    rule_types: tuple[frozenset[str], ...]
    groups: frozenset[frozenset[str]]
    outside: frozenset[str]
    cues: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    past_suffix: str
    plural_suffix: str
    am_prefix: str
    pm_prefix: str
    leading_article: regex.Pattern[str]
    decade_article_kept: regex.Pattern[str]
    adjectival_duration: regex.Pattern[str]
    fraction_of: regex.Pattern[str]
    clause_break: regex.Pattern[str]
    # Filled on first use (issue 16, cold start): the rules to try per (core types, first
    # character), and the characters each rule can start with (None: it starts with a look-behind
    # and is tried at every start). A race fills an entry twice with the same value.
    _chosen: dict[tuple[frozenset[str], str], RulePatterns] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    _firsts: dict[int, frozenset[str] | None] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    matchers: dict[tuple[frozenset[str], str], RuleMatchers] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    """The rules the pass tries, with their compiled patterns' ``match``, per (core types, the
    text's first character or first :data:`~.prefixes.WIDTH` characters): filled by
    :meth:`rule_matchers` and :meth:`key_matchers` (a race fills an entry twice with the same value)."""
    _prefixes: dict[str, frozenset[str] | None] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    core_words: CoreWords = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: CoreWords(self.core, self.digit_core), takes_self=True),
        eq=False,
        repr=False,
    )

    def rules_for(self, types: frozenset[str], first: str) -> RulePatterns:
        """The rules (with their patterns, compiled on first use) that can hold a core of these
        types and start with the character ``first`` (lower case), in file order."""
        found = self._chosen.get((types, first))
        if found is None:
            found = self._chosen[types, first] = self._choose(types, first)
        return found

    def rule_matchers(self, types: frozenset[str], first: str) -> RuleMatchers:
        """:meth:`rules_for`, each rule with its pattern's ``match`` (compiled now: the pass tries
        every one of them at once), remembered in :attr:`matchers`."""
        found = self.matchers[types, first] = tuple(
            (rule, pattern.compiled.match) for rule, pattern in self.rules_for(types, first)
        )
        return found

    def key_matchers(self, types: frozenset[str], key: str) -> RuleMatchers:
        """:meth:`rule_matchers` of ``key``'s first character, kept to the rules whose match can
        begin with ``key`` (the text's first :data:`~.prefixes.WIDTH` characters, lower-case
        ASCII: see :mod:`.prefixes`), remembered in :attr:`matchers` (up to a bound). Only the
        rules kept are compiled: most of a character's rules cannot begin with a given three."""
        found = tuple(
            (rule, pattern.compiled.match)
            for rule, pattern in self.rules_for(types, key[0])
            if may_begin(self._prefixes_of(rule), key)
        )
        if len(self.matchers) < _KEYS_KEPT:
            self.matchers[types, key] = found
        return found

    def _prefixes_of(self, rule: TimeRule) -> frozenset[str] | None:
        if rule.id not in self._prefixes:
            # A rule opening with a look-behind ("(?<=\\bthe\\s{1,3})current") begins as what follows it.
            source = after_lookbehind(rule.pattern)
            self._prefixes[rule.id] = rule_prefixes(
                rule.pattern if source is None else source, _named(self.lists, rule.pattern)
            )
        return self._prefixes[rule.id]

    def _choose(self, types: frozenset[str], first: str) -> RulePatterns:
        if types not in self.groups:
            return ()
        if first not in _FIRST_CHARS:
            first = ""
        return tuple(
            (self.rules[i], self.patterns[i])
            for i, rt in enumerate(self.rule_types)
            if rt & types and _may_start(self._first(i), first)
        )

    def _first(self, i: int) -> frozenset[str] | None:
        """The characters rule ``i`` can start with: read from its pattern (:mod:`.firsts`), else
        found by partial matching (which compiles it)."""
        if i not in self._firsts:
            found: frozenset[str] | None = None  # a look-behind first: tried at every start
            if not self.rules[i].pattern.startswith("(?<"):
                pattern = self.patterns[i]
                found = first_chars(pattern.pattern, dict(pattern.named), _FIRST_CHARS)
                if found is None:
                    found = frozenset(c for c in _FIRST_CHARS if pattern.match(c, partial=True))
            self._firsts[i] = found
        return self._firsts[i]


def _fail(rules: TimeRules, keys: Iterable[str | int], message: str) -> RuleError:
    return RuleError(f"{rules.where(*keys)}: {message}")


def _expand(rules: TimeRules, i: int, pattern: str) -> str:
    for _ in range(5):
        new = _MACRO.sub(lambda m: rules.macros.get(m[1], m[0]), pattern)
        if new == pattern:
            break
        pattern = new
    left = _MACRO.search(pattern)
    if left:
        raise _fail(rules, ("rule", i, "pattern"), f"rule {rules.rule[i].id!r}: unknown macro {left[0]}")
    return pattern


def _lists(rules: TimeRules) -> dict[str, dict[str, Any]]:
    """The ``[lists]`` tables with lower-case keys; ``numword`` gains the shared number words."""
    lists = {name: {k.casefold(): v for k, v in table.items()} for name, table in rules.lists.items()}
    if rules.numbers:
        lists["numword"] = {**{k.casefold(): v for k, v in rules.numbers.items()}, **lists.get("numword", {})}
    return lists


def _compile_rules(rules: TimeRules, lists: Mapping[str, Mapping[str, Any]]) -> list[TimeRule]:
    out: list[TimeRule] = []
    seen: set[str] = set()
    shipped = RuleSet._SHIPPED_CACHE.get(type(rules)) is rules
    for i, spec in enumerate(rules.rule):
        if spec.id in seen:
            raise _fail(rules, ("rule", i, "id"), f"rule {spec.id!r}: duplicate id")
        seen.add(spec.id)
        expanded = _expand(rules, i, spec.pattern)
        for ref in _LIST_REF.findall(expanded):
            if ref not in lists:
                raise _fail(
                    rules,
                    ("rule", i, "pattern"),
                    f"rule {spec.id!r}: pattern uses \\L<{ref}> but [lists] has no {ref}",
                )
        if not shipped:  # the shipped patterns are compiled by the test suite, and lazily here
            try:
                _compile(expanded, regex.IGNORECASE | regex.V0, _named(lists, expanded))
            except regex.error as exc:
                raise _fail(rules, ("rule", i, "pattern"), f"rule {spec.id!r}: bad pattern: {exc}") from exc
        out.append(
            TimeRule(
                id=spec.id,
                pattern=expanded,
                kind=TimeKind[spec.kind],
                resolve=spec.resolve,
                value=spec.value,
                unit=spec.unit,
                offset=spec.offset,
                mod=spec.mod,
            )
        )
    return out


def _pattern(
    rules: TimeRules, keys: tuple[str, ...], source: str, flags: int = regex.IGNORECASE
) -> regex.Pattern[str]:
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise _fail(rules, keys, f"bad pattern: {exc}") from exc


def _words(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in values)


def _typed_core(
    rules: TimeRules, lists: Mapping[str, Mapping[str, Any]], compiled: list[TimeRule]
) -> tuple[dict[str, frozenset[str]], list[set[str]]]:
    """Core words and their types (the lists they end an entry of, and ``word:<w>`` when a rule
    names the word itself), and the types each rule can hold."""
    core: dict[str, set[str]] = {}
    for i, name in enumerate(rules.triggers.core_lists):
        if name not in lists:
            raise _fail(rules, ("triggers", "core_lists", i), f"no list named {name!r}")
        for key in lists[name]:
            last = _SPLIT.split(key.rstrip("."))[-1]
            if last:
                core.setdefault(last, set()).add(name)
    for word in _words(rules.triggers.core):
        core.setdefault(word, set())
    rule_types: list[set[str]] = []
    for r in compiled:
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
            for w in _SPLIT.split(key.rstrip(".")):
                in_lists.setdefault(w, set()).add(name)
    typed = {
        w: frozenset(types | in_lists.get(w, set()) | ({f"word:{w}"} if f"word:{w}" in used_words else set()))
        for w, types in core.items()
    }
    typed = {w: t for w, t in typed.items() if t}
    # Tokens carry a final period ("Jan.", "a.m."): look them up with and without it.
    typed.update({f"{w}.": t for w, t in list(typed.items())})
    return typed, rule_types


def _starts(
    rules: TimeRules, lists: Mapping[str, Mapping[str, Any]]
) -> tuple[frozenset[str], frozenset[str]]:
    """``(prefix, starters)``: words an expression can hold before its core, and start with."""
    starters = set(_words(rules.triggers.starters))
    prefix = set(_words(rules.triggers.prefix)) | starters
    for i, name in enumerate(rules.triggers.prefix_lists):
        if name not in lists:
            raise _fail(rules, ("triggers", "prefix_lists", i), f"no list named {name!r}")
        for key in lists[name]:
            words = [w for w in _SPLIT.split(key.rstrip(".")) if w]
            prefix.update(words)
            starters.update(words[:1])
    for name in rules.triggers.core_lists:
        starters.update(_SPLIT.split(key)[0] for key in lists[name])
    return frozenset(prefix), frozenset(starters)


def _lazy_patterns(
    compiled: list[TimeRule], lists: Mapping[str, Mapping[str, Any]]
) -> tuple[LazyPattern, ...]:
    """The pattern each rule is matched with, compiled on first use."""
    return tuple(
        LazyPattern(f"(?:{r.pattern})(?![\\w])", regex.IGNORECASE | regex.V0, _named(lists, r.pattern))
        for r in compiled
    )


def compile_clause_break(rules: TimeRules) -> regex.Pattern[str]:
    """What ends a clause for :func:`~newsmodel.times.governing_time`: ``; : —``, a spaced hyphen,
    and the words of ``[clauses]`` (after a comma, or wherever they stand)."""
    return regex.compile(
        r"[;:—–]|\s-\s|,\s{1,3}(?=\L<after_comma>\b)|\b\L<alone>\b",
        after_comma=list(rules.clauses.after_comma) or ["\x00"],
        alone=list(rules.clauses.alone) or ["\x00"],
    )


def compile_tables(rules: TimeRules) -> TimeTables:
    """Compile a time rule set.

    Raises:
        RuleError: naming the file, the key and the rule that is malformed (a pattern that does
            not compile, an unknown macro or list, a duplicate id).
    """
    lists = _lists(rules)
    compiled = _compile_rules(rules, lists)
    ctx = rules.context
    if not regex.fullmatch(r"[a-z]{0,5}", ctx.past_suffix):
        raise _fail(rules, ("context", "past_suffix"), "expected a short lower-case word ending")
    words = {
        f.name: _words(getattr(ctx, f.name))
        for f in attrs.fields(type(ctx))
        if isinstance(getattr(ctx, f.name), tuple)
    }
    typed_core, rule_types = _typed_core(rules, lists, compiled)
    prefix, starters = _starts(rules, lists)
    pats = rules.patterns
    return TimeTables(
        rules=tuple(compiled),
        lists=lists,
        words=words,
        values={f.name: getattr(rules.values, f.name) for f in attrs.fields(type(rules.values))},
        core=typed_core,
        prefix=prefix,
        starters=starters,
        digit_core=_pattern(rules, ("triggers", "digit_core"), rules.triggers.digit_core),
        digit_core_endings=_words(rules.triggers.digit_core_endings),
        digit_core_next=_words(rules.triggers.digit_core_next),
        patterns=_lazy_patterns(compiled, lists),
        rule_types=tuple(frozenset(t) for t in rule_types),
        groups=frozenset({*typed_core.values(), frozenset({"digit"})}),
        outside=frozenset(k.split()[-1] for k in lists.get("mod_outside", {})),
        cues=_cues(words["future"], words["past"]),
        past_suffix=ctx.past_suffix,
        plural_suffix=ctx.plural_suffix,
        am_prefix=ctx.am_prefix,
        pm_prefix=ctx.pm_prefix,
        leading_article=_pattern(rules, ("patterns", "leading_article"), pats.leading_article),
        decade_article_kept=_pattern(rules, ("patterns", "decade_article_kept"), pats.decade_article_kept),
        adjectival_duration=_pattern(rules, ("patterns", "adjectival_duration"), pats.adjectival_duration),
        fraction_of=_pattern(rules, ("patterns", "fraction_of"), pats.fraction_of, 0),
        clause_break=compile_clause_break(rules),
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
