"""Compiling the event rules (:class:`~.rules.EventRules`) into the tables the stage indexes
(:class:`~.lexicon.EventLexicon`), with the validation the schema cannot express."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs
import regex

from .._text.lazy import LazyPattern
from .._text.patterns import alternation
from ..errors import RuleError
from ..model import CountKind, EventKind
from .counts import count_patterns
from .inflect import inflect_noun, inflect_verb
from .lexicon import (
    SCAN_COUNT,
    SCAN_CUE,
    SCAN_HEAD,
    SCAN_PHRASE_ONLY,
    SCAN_STATEMENT,
    CuePhrase,
    EventLexicon,
    Trigger,
    WordSets,
)
from .rules import EventRules, EventWords, Inflection, Settings

__all__ = ["compile_lexicon"]

_WORD = regex.compile(r"[A-Za-z][A-Za-z'’\-.]*")
_GAP, _OBJECT_GAP = "...", "...+"  # the rule language's gaps: any words, an object
_GAPS = (_GAP, _OBJECT_GAP)
_POS = ("verbs", "nouns", "phrases")
_OBJECT_WORDS = 4  # "...+" stands for a noun phrase: "ordered former president Carlos Menem to"
_ENDINGS = frozenset(
    (
        "adverb_suffixes",
        "participle_suffixes",
        "past_suffixes",
        "gerund_suffixes",
        "demonym_suffixes",
        "possessive_clitic",
        "clitics",
    )
)


class _Checker:
    """Validation the schema cannot express, with errors naming the file and key path."""

    def __init__(self, rules: EventRules) -> None:
        sources = rules._sources
        self.file = sources[-1][0] if sources else "events.toml"

    def fail(self, where: str, what: str) -> RuleError:
        return RuleError(f"{self.file}: {where}: {what}")

    def words(self, where: str, value: tuple[str, ...]) -> list[str]:
        if not all(v.strip() for v in value):
            raise self.fail(where, "expected a list of non-empty strings")
        return [v.strip() for v in value]

    def kind(self, where: str, name: str) -> EventKind:
        if name.upper() not in EventKind.__members__:
            raise self.fail(where, f"{name!r} is not a PLOVER 2021 category")
        return EventKind[name.upper()]


def compile_lexicon(rules: EventRules) -> EventLexicon:
    """Validate what the schema does not (categories, phrases, ranges) and compile the tables.

    Raises:
        RuleError: naming the file and the key path of the malformed entry.
    """
    check = _Checker(rules)
    _check_settings(check, rules.settings)
    _check_cameo(check, rules)
    inflection = rules.inflection
    irregular = {k.lower(): check.words(f"irregular.{k}", v) for k, v in rules.irregular.items()}
    words = _word_sets(check, rules.words, inflection, irregular)
    entries, kinds = _entries(check, rules, words, irregular)
    ordered = {h: tuple(sorted(es, key=lambda e: -e.length)) for h, es in _by_head(entries).items()}
    tails = _tails(ordered, rules)
    exclusions = _exclusions(check, rules, words, irregular)
    cues = _cues(check, rules, words)
    statement_words = _statement_words(check, rules)
    counts = _counts(check, rules)
    numbers = _numbers(check, rules)
    count_verbs = frozenset(w.split()[0] for ws in counts.values() for w in ws)
    singles = frozenset(h for h, es in ordered.items() if any(e.tail is None for e in es))
    phrase_only = frozenset(h for h in ordered if h in tails[0] and h not in exclusions and h not in singles)
    scan = _scan(ordered, cues[0], count_verbs, statement_words, phrase_only)
    recode = rules.recode
    return EventLexicon(
        entries=tuple(entries),
        by_head=ordered,
        scan=scan,
        ambiguous=frozenset(h for h, es in ordered.items() if len({e.pos for e in es if e.tail is None}) > 1),
        needed=tails[0],
        tail_entries=tails[1],
        singles=singles,
        exclusions=exclusions,
        statement_words=statement_words,
        left_stops=frozenset(';:—–()[]"“”') | words.boundaries | words.reporting,
        right_stops=frozenset(";:—–()[]") | words.boundaries | words.reporting,
        verb_like=words.be | words.auxiliaries,
        prepositions=words.location_prepositions | words.other_prepositions | words.target_prepositions,
        cues=cues[0],
        cue_needed=cues[1],
        cue_single=cues[2],
        cue_reach=cues[3],
        clitic=regex.compile(r"\w(?:" + "|".join(regex.escape(c) for c in words.clitics) + r")\b"),
        premodifier=regex.compile(
            r"(?:" + alternation(words.possessive_marks) + r")?((?:\s+[a-z][a-z\-]*){0,2})\s*"
        ),
        settings=rules.settings,
        words=words,
        noun_source=kinds.noun_source,
        absorbs=tuple(kinds.absorbs),
        absorbs_objects=tuple(kinds.absorbs_objects),
        absorbs_proposals=tuple(kinds.absorbs_proposals),
        anonymous=tuple(kinds.anonymous),
        received=tuple(kinds.received),
        caused=tuple(kinds.caused),
        intent_kinds=tuple(_kinds(check, "recode.intent_kinds", recode.intent_kinds)),
        threat_kinds=tuple(_kinds(check, "recode.threat_kinds", recode.threat_kinds)),
        intent_cues=_lower(check, "recode.intent_cues", recode.intent_cues),
        threat_cues=_lower(check, "recode.threat_cues", recode.threat_cues),
        refusal_cues=_lower(check, "recode.refusal_cues", recode.refusal_cues),
        refusal_kinds=_kinds(check, "recode.refusal_kinds", recode.refusal_kinds),
        refused_kinds=_kinds(check, "recode.refused_kinds", recode.refused_kinds),
        counts=counts,
        count_events=_count_events(check, rules),
        numbers=numbers,
        count_patterns=count_patterns(counts, numbers, words, rules.count_grammar),
        count_verbs=count_verbs,
        number_words=tuple(sorted({w for n in numbers for w in n.split()})),
        count_starts=frozenset(w.split()[0] for w in (*numbers, *words.count_qualifiers)),
    )


def _lower(check: _Checker, where: str, value: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in check.words(where, value))


def _kinds(check: _Checker, where: str, names: tuple[str, ...]) -> frozenset[EventKind]:
    return frozenset(check.kind(where, n) for n in check.words(where, names))


def _check_settings(check: _Checker, settings: Settings) -> None:
    for field in attrs.fields(Settings):
        value = getattr(settings, field.name)
        if not 0 <= value <= 100:
            raise check.fail(f"settings.{field.name}", f"expected an integer from 0 to 100, got {value}")


def _check_cameo(check: _Checker, rules: EventRules) -> None:
    """The ``[cameo]`` options: categories, CAMEO codes and the gap (the dictionary itself is
    read on the first article, or when the stage is built for a file of your own)."""
    options = rules.cameo
    for kind in options.kinds:
        check.kind("cameo.kinds", kind)
    for code, kind in options.recode.items():
        if not code.isdigit():
            raise check.fail(f"cameo.recode.{code}", "expected a CAMEO code (digits)")
        check.kind(f"cameo.recode.{code}", kind)
    if not 0 <= options.gap <= 10:
        raise check.fail("cameo.gap", f"expected an integer from 0 to 10, got {options.gap}")


def _word_sets(
    check: _Checker, raw: EventWords, inflection: Inflection, irregular: Mapping[str, list[str]]
) -> WordSets:
    out: dict[str, frozenset[str] | tuple[str, ...]] = {}
    for field in attrs.fields(EventWords):
        name = field.name
        ws = frozenset(w.lower() for w in check.words(f"words.{name}", getattr(raw, name)))
        if name.endswith("_verbs"):
            ws = frozenset(f for w in ws for f in inflect_verb(w, inflection, irregular))
        out[name] = tuple(sorted(ws)) if name in _ENDINGS else ws
    return WordSets(**out)  # type: ignore[arg-type]


@attrs.define
class _KindTables:
    noun_source: dict[EventKind, str] = attrs.field(factory=dict)
    absorbs: set[EventKind] = attrs.field(factory=set)
    absorbs_objects: set[EventKind] = attrs.field(factory=set)
    absorbs_proposals: set[EventKind] = attrs.field(factory=set)
    received: set[EventKind] = attrs.field(factory=set)
    caused: set[EventKind] = attrs.field(factory=set)
    anonymous: set[EventKind] = attrs.field(factory=set)


def _entries(
    check: _Checker, rules: EventRules, words: WordSets, irregular: Mapping[str, list[str]]
) -> tuple[list[Trigger], _KindTables]:
    """Every trigger entry of ``[kinds]``, with the per-kind settings."""
    if not rules.kinds:
        raise check.fail("kinds", "the [kinds.<CATEGORY>] tables are missing")
    entries: list[Trigger] = []
    tables = _KindTables()
    for name, table in rules.kinds.items():
        if name not in EventKind.__members__:
            raise check.fail(f"kinds.{name}", f"{name!r} is not a PLOVER 2021 category")
        kind = EventKind[name]
        if table.noun_source not in ("subject", "support"):
            raise check.fail(f"kinds.{name}.noun_source", "expected 'subject' or 'support'")
        tables.noun_source[kind] = table.noun_source
        for flag, found in (
            (table.absorbs, tables.absorbs),
            (table.absorbs_objects, tables.absorbs_objects),
            (table.absorbs_proposals, tables.absorbs_proposals),
            (table.received, tables.received),
            (table.caused, tables.caused),
            (table.anonymous, tables.anonymous),
        ):
            if flag:
                found.add(kind)
        swapped = set(check.words(f"kinds.{name}.swapped", table.swapped))
        from_target = set(check.words(f"kinds.{name}.from_target", table.from_target))
        needs_target = set(check.words(f"kinds.{name}.needs_target", table.needs_target))
        written: set[str] = set()
        for pos in _POS:
            for text in check.words(f"kinds.{name}.{pos}", getattr(table, pos)):
                written.add(text)
                where = f"kinds.{name}.{pos}"
                heads, tail, gapped, is_noun = _entry_parts(check, where, pos, text, rules, words, irregular)
                entries.append(
                    Trigger(
                        kind=kind,
                        pos="noun" if is_noun else "verb",
                        text=text,
                        heads=heads,
                        tail=tail,
                        gapped=gapped,
                        swapped=text in swapped,
                        from_target=text in from_target,
                        needs_target=text in needs_target,
                        length=len(text.split()),
                    )
                )
        for entry in table.examples:
            if entry not in written:
                raise check.fail(f"kinds.{name}.examples.{entry}", "not an entry of this category")
    return entries, tables


def _entry_parts(
    check: _Checker,
    where: str,
    pos: str,
    text: str,
    rules: EventRules,
    words: WordSets,
    irregular: Mapping[str, list[str]],
) -> tuple[tuple[str, ...], LazyPattern | None, bool, bool]:
    """``(heads, tail, gapped, is_noun)`` of one entry."""
    parts = text.split()
    if not _WORD.fullmatch(parts[0]):
        raise check.fail(where, f"{text!r} must start with a word")
    if pos != "phrases" and len(parts) > 1:
        raise check.fail(where, f"{text!r} has several words; put it in phrases")
    if parts[-1] in _GAPS:
        raise check.fail(where, f"{text!r} must not end with '...'")
    head = parts[0]
    inflection = rules.inflection
    if pos == "nouns":
        heads = inflect_noun(head, inflection)
    elif head.islower() or pos == "verbs":
        heads = inflect_verb(head, inflection, irregular)
        if pos == "phrases":
            heads = tuple(sorted(set(heads) | set(inflect_noun(head, inflection))))
    else:
        heads = (head.lower(),)
    tail, gapped = _tail(parts[1:], rules, words.infinitive, words.determiners)
    # A phrase is coded like a verb unless its first word is listed as a noun-phrase opener.
    is_noun = pos == "nouns" or (pos == "phrases" and head.lower() in words.noun_phrase_heads)
    return heads, tail, gapped, is_noun


def _tail(
    words: list[str],
    rules: EventRules,
    infinitive: frozenset[str],
    determiners: frozenset[str],
    plural: bool = True,
) -> tuple[LazyPattern | None, bool]:
    """The pattern of a phrase after its first word, and whether it has a gap."""
    gap = rules.settings.gap
    to = _escaped(tuple(sorted(infinitive))) or "(?!x)x"
    parts: list[str] = []
    gapped = False
    for n, w in enumerate(words):
        if w in _GAPS:
            gapped = True
            if (
                w == _OBJECT_GAP
            ):  # an object, so not "to" first ("want ...+ to" is not "want to reach out to")
                parts.append(rf"\s+(?!(?:{to})\s)[^\s;:!?]+(?:\s+[^\s;:!?]+){{0,{_OBJECT_WORDS - 1}}}?")
            else:
                parts.append(rf"(?:\s+[^\s;:!?]+){{0,{gap}}}?")
            continue
        if plural:
            forms = sorted(set(inflect_noun(w, rules.inflection)) | {w.lower()}, key=len, reverse=True)
        else:
            forms = [w.lower()]
        parts.append(r"\s+(?:" + _escaped(tuple(forms)) + r")(?![\w'\-])")
        if w in infinitive and n > 0 and words[n - 1] == _OBJECT_GAP and n == len(words) - 1:
            # "ask X to" + a verb: not "told a news conference during a visit to Washington".
            dets = "|".join(regex.escape(d) for d in sorted(determiners) if d.isalpha()) or "(?!x)x"
            parts.append(rf"(?=\s+(?!(?:{dets})\b)[a-z])")
    if not parts:
        return None, False
    return LazyPattern("".join(parts)), gapped  # compiled on first use (issue 16)


@functools.lru_cache(maxsize=4096)
def _escaped(words: tuple[str, ...]) -> str:
    """``words`` escaped and joined as an alternation (a phrase's words recur across entries)."""
    return "|".join(regex.escape(w) for w in words)


def _by_head(entries: list[Trigger]) -> dict[str, list[Trigger]]:
    by_head: dict[str, list[Trigger]] = {}
    for e in entries:
        for h in e.heads:
            by_head.setdefault(h, []).append(e)
    return by_head


Tails = tuple[dict[str, tuple[frozenset[str], int]], dict[str, tuple[tuple[Trigger, frozenset[str]], ...]]]


def _tails(ordered: Mapping[str, tuple[Trigger, ...]], rules: EventRules) -> Tails:
    """Per head with phrases: the words one of its tails needs and how far ahead they can be (a set
    test on the next tokens skips the patterns for most occurrences of common heads, "said"), and
    its phrases longest first, each with the forms of its last word."""
    gap = rules.settings.gap
    needed: dict[str, tuple[frozenset[str], int]] = {}
    tail_entries: dict[str, tuple[tuple[Trigger, frozenset[str]], ...]] = {}
    last: dict[str, frozenset[str]] = {}  # an entry's forms, once (it is listed under each of its heads)
    for h, es in ordered.items():
        with_tail = tuple(e for e in es if e.tail is not None)
        if with_tail:
            for e in with_tail:
                if e.text not in last:
                    last[e.text] = frozenset(_last_word_forms(e.text, rules.inflection))
            needed[h] = (
                frozenset(f for e in with_tail for f in last[e.text]),
                max(len(e.text.split()) + (gap if e.gapped else 0) for e in with_tail) + 2,
            )
            tail_entries[h] = tuple((e, last[e.text]) for e in with_tail)
    return needed, tail_entries


def _last_word_forms(text: str, inflection: Inflection) -> set[str]:
    """Every form of the last word of a phrase (the rarest word is usually the last: "shields")."""
    w = text.split()[-1]
    return {*inflect_noun(w, inflection), w.lower()}


def _exclusions(
    check: _Checker, rules: EventRules, words: WordSets, irregular: Mapping[str, list[str]]
) -> dict[str, LazyPattern]:
    """Per head, the tails of the phrases that are no event, as one pattern."""
    excluded: dict[str, list[str]] = {}
    for text in check.words("exclusions.phrases", rules.exclusions.phrases):
        parts = text.split()
        if len(parts) < 2 or not _WORD.fullmatch(parts[0]) or parts[-1] in _GAPS:
            raise check.fail("exclusions.phrases", f"{text!r} must be a phrase of words")
        tail, _ = _tail(parts[1:], rules, words.infinitive, frozenset(), plural=False)
        assert tail is not None
        for h in inflect_verb(parts[0], rules.inflection, irregular):
            excluded.setdefault(h, []).append(tail.pattern)
    return {h: LazyPattern("|".join(f"(?:{p})" for p in ps)) for h, ps in excluded.items()}


Cues = tuple[
    dict[str, tuple[LazyPattern, tuple[CuePhrase, ...]]],
    dict[str, frozenset[str]],
    dict[str, tuple[CuePhrase, frozenset[str]]],
    int,
]


def _cues(check: _Checker, rules: EventRules, words: WordSets) -> Cues:
    """Mode cues by first word (the tails of the cues sharing it as one alternation, longest first),
    the words their tails need, the one-word cues that need no pattern, and the cues' reach."""
    found: dict[str, list[tuple[str, LazyPattern | None, str]]] = {}
    for mode in ("negated", "future", "hypothetical"):
        for phrase in check.words(f"modes.{mode}", getattr(rules.modes, mode)):
            ws = phrase.lower().replace("’", "'").split()
            tail = _tail(ws[1:], rules, words.infinitive, frozenset(), plural=False)[0]
            found.setdefault(ws[0], []).append((mode, tail, phrase.lower()))
    ordered = {w: tuple(sorted(v, key=lambda c: -len(c[2].split()))) for w, v in found.items()}
    cues: dict[str, tuple[LazyPattern, tuple[CuePhrase, ...]]] = {}
    needed: dict[str, frozenset[str]] = {}
    single: dict[str, tuple[CuePhrase, frozenset[str]]] = {}
    for w, cs in ordered.items():
        alts = [f"(?P<c{i}>{c[1].pattern if c[1] is not None else ''})" for i, c in enumerate(cs)]
        cues[w] = (LazyPattern("|".join(alts)), tuple((c[0], c[2]) for c in cs))
        if all(c[1] is not None for c in cs):
            needed[w] = frozenset(x for c in cs for x in c[2].split()[1:])
        # A one-word cue ("not") needs no pattern when none of the longer ones can follow.
        alone = next(((c[0], c[2]) for c in cs if c[1] is None), None)
        longer = [c[2].split()[1:] for c in cs if c[1] is not None]
        if alone is not None and all(len(t) <= 4 and all(x.isalpha() for x in t) for t in longer):
            single[w] = (alone, frozenset(x for t in longer for x in t))
    # A cue's words lie on whitespace, so twice its other words, and one for a clitic, bound it.
    reach = 2 * max((len(c[2].split()) for cs in ordered.values() for c in cs), default=1) + 1
    return cues, needed, single, reach


def _statement_words(check: _Checker, rules: EventRules) -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for name, ws in rules.statements.items():
        if name not in EventKind.__members__:
            raise check.fail(f"statements.{name}", f"{name!r} is not a PLOVER 2021 category")
        for w in check.words(f"statements.{name}", ws):
            out[w.lower()] = Trigger(
                kind=EventKind[name],
                pos="verb",
                text=w.lower(),
                heads=(w.lower(),),
                tail=None,
                gapped=False,
                swapped=False,
                length=1,
                origin="statement",
            )
    return out


def _count_kind(check: _Checker, where: str, name: str) -> CountKind:
    if name.upper() not in CountKind.__members__:
        raise check.fail(where, f"{name!r} is not {', '.join(CountKind.__members__)}")
    return CountKind[name.upper()]


def _counts(check: _Checker, rules: EventRules) -> dict[CountKind, frozenset[str]]:
    return {
        _count_kind(check, f"counts.{k}", k): _lower(check, f"counts.{k}", v) for k, v in rules.counts.items()
    }


def _count_events(check: _Checker, rules: EventRules) -> dict[CountKind, tuple[EventKind, ...]]:
    return {
        _count_kind(check, f"count_events.{k}", k): tuple(
            check.kind(f"count_events.{k}", n) for n in check.words(f"count_events.{k}", v)
        )
        for k, v in rules.count_events.items()
    }


def _numbers(check: _Checker, rules: EventRules) -> dict[str, int]:
    for k, v in rules.numbers.items():
        if v < 0:
            raise check.fail(f"numbers.{k}", f"expected a non-negative integer, got {v}")
    return {k.lower(): v for k, v in rules.numbers.items()}


def _scan(
    ordered: Mapping[str, object],
    cues: Mapping[str, object],
    count_verbs: frozenset[str],
    statement_words: Mapping[str, object],
    phrase_only: frozenset[str],
) -> dict[str, int]:
    """The words the token scan stops at, each with what it is (``SCAN_*`` bits)."""
    first_words = frozenset(ordered) | frozenset(cues) | count_verbs | frozenset(statement_words)
    return {
        w: (SCAN_COUNT if w in count_verbs else 0)
        | (SCAN_STATEMENT if w in statement_words else 0)
        | (SCAN_CUE if w in cues else 0)
        | (SCAN_HEAD if w in ordered else 0)
        | (SCAN_PHRASE_ONLY if w in phrase_only else 0)
        for w in first_words
    }
