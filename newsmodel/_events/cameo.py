"""The CAMEO verb dictionary as event triggers: PETRARCH2's patterns (verb + object, particle or
prepositional words -> CAMEO code -> PLOVER category) under the hand-written lexicon.

Read on the first article the stage codes, never at import or when the parser is built: the
stage's lexicon is compiled from the rules first, then :func:`with_cameo` adds the dictionary.

By default (``cameo.confirmed``) only the patterns whose last word is a noun trigger of the same
category in the hand-written lexicon are kept: light verbs of events ("began a hunger strike",
"intensified a crackdown"). They go into ``EventLexicon.light`` (a :class:`LightTable`, filled
noun by noun and verb by verb as they occur; the shipped dictionary is indexed from its rows,
:class:`Rows`), keyed by noun and verb; the trigger pass finds them from a noun back to its verb
(``_follows`` in ``triggers.py``: no pattern to compile). A word of the hand-written lexicon, or
a reporting verb, is never one.

With ``confirmed = false`` every pattern is a phrase found from its verb, as the hand-written
phrases are (a word the lexicon codes on its own, or that opens an exclusion, gets nothing; one
that only opens its phrases gets the dictionary's after its own), and ``defaults`` adds a verb's
own code. On raw text, without a parser, most of those are wrong (docs/events.md).

A pattern is read as a phrase after its verb: each word (or synonym set ``&name``) may follow the
one before with up to ``cameo.gap`` words between, none a preposition, auxiliary, clause boundary
or conjunction (determiners, adjectives, a name: "condemned the brutal killing" for ``- *
KILLING``); words inside ``{...}`` are adjacent. Slots (``$``, ``+``, ``^``, ``%``) are covered
by the gaps. Patterns with words before the verb, and patterns coded ``---``, are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from .._text.lazy import LazyPattern
from ..errors import RuleError
from ..model import EventKind
from ..rules.cameo import (
    CameoDictionary,
    CameoPattern,
    CameoVerb,
    load_cameo_verbs,
    shipped_cameo_data,
    shipped_cameo_verbs,
)
from .inflect import PhraseForms
from .lexicon import SCAN_HEAD, SCAN_PHRASE_ONLY, EventLexicon, LightVerb, Step, Trigger
from .rules import CameoOptions, Inflection

__all__ = ["LightTable", "Rows", "cameo_dictionary", "with_cameo"]

_SLOTS = frozenset("$+%^")
_MARKS = _SLOTS | {"(", ")", "{", "}"}  # pattern tokens that are no word
_WORD = regex.compile(r"[a-z][a-z'\-]*")


def cameo_dictionary(options: CameoOptions, where: str) -> CameoDictionary | Rows | None:
    """The dictionary the options name (``"shipped"``, a file, or ``""`` for none); the shipped
    one as its rows (:class:`Rows`: the light verbs need no more).

    Raises:
        RuleError: naming ``where`` (the rule file and key) when a file cannot be read.
    """
    name = options.dictionary.strip()
    if not name:
        return None
    if name == "shipped" and not options.plover:
        return Rows.shipped()
    if name == "shipped":
        raise RuleError(f"{where}: a CAMEO-to-PLOVER table of your own (cameo.plover) needs a file")
    try:
        return load_cameo_verbs(Path(name), plover=Path(options.plover) if options.plover else None)
    except RuleError as exc:
        raise RuleError(f"{where}: {exc}") from None


@attrs.frozen
class Rows:
    """A dictionary as the light-verb table reads it: synonym sets, verbs as rows ``[block, lemma,
    particle, forms, ...]``, patterns as rows ``[block, before, after, cameo, plover, ...]`` (the
    shipped ``cameo_verbs.json`` read as it is: a record per line costs the first article 0.02 s)."""

    synsets: Mapping[str, Sequence[str]]
    verbs: Sequence[Sequence[Any]]
    patterns: Sequence[Sequence[Any]]

    @classmethod
    def shipped(cls) -> Rows:
        data = shipped_cameo_data()
        return cls(data["synsets"], data["verbs"], data["patterns"])

    @classmethod
    def of(cls, dictionary: CameoDictionary) -> Rows:
        return cls(
            dictionary.synsets,
            [(v.block, v.lemma, v.particle, v.forms) for v in dictionary.verbs],
            [(p.block, p.before, p.after, p.cameo, p.plover) for p in dictionary.patterns],
        )

    def dictionary(self) -> CameoDictionary:
        """The dictionary of records (the shipped one read once)."""
        if self.synsets is shipped_cameo_data()["synsets"]:
            return shipped_cameo_verbs()
        return CameoDictionary(
            synsets={k: tuple(v) for k, v in self.synsets.items()},
            verbs=tuple(
                CameoVerb(block=r[0], lemma=r[1], particle=r[2], forms=tuple(r[3])) for r in self.verbs
            ),
            patterns=tuple(
                CameoPattern(block=r[0], before=tuple(r[1]), after=tuple(r[2]), cameo=r[3], plover=r[4])
                for r in self.patterns
            ),
        )


@attrs.frozen
class _Entry:
    trigger: Trigger
    last: frozenset[str]  # every form of the phrase's last word (what the window must hold)
    window: int  # tokens after the head the last word can lie in
    plan: tuple[Step, ...] = ()  # the phrase after the verb as steps over tokens (light verbs)


def with_cameo(
    lex: EventLexicon, dictionary: CameoDictionary | Rows, options: CameoOptions, inflection: Inflection
) -> EventLexicon:
    """``lex`` with the dictionary's entries: its light verbs, or (``confirmed = false``) its
    patterns as phrases at the words the lexicon leaves to it (plurals by ``inflection``)."""
    # A word the lexicon codes on its own, or that opens an exclusion, is the lexicon's; one that
    # only opens its phrases gets the dictionary's phrases after its own. Reporting verbs are the
    # statement stage's ("said the arrest ..." is no arrest).
    taken = (
        set(lex.singles)
        | set(lex.exclusions)
        | {h for h in lex.by_head if h not in lex.tail_entries}
        | lex.words.reporting
    )
    # The categories were checked by the compiler.
    recode = {code: EventKind[kind.upper()] for code, kind in options.recode.items()}
    kinds = frozenset(EventKind[k.upper()] for k in options.kinds) if options.kinds else None
    entries: dict[str, list[_Entry]] = {}
    singles: dict[str, Trigger] = {}
    stops = (
        lex.prepositions | lex.words.boundaries | lex.verb_like | lex.words.infinitive | lex.words.reporting
    )
    nouns = _event_nouns(lex, stops) if options.confirmed else None
    if nouns is not None:  # a light verb is none of the lexicon's words at all (below)
        taken |= set(lex.by_head)
        # "receive ... aid from" is the lexicon's (its subject is the target), so "receives U.S.
        # military aid" stays its noun. The table is filled noun by noun, as the nouns occur.
        rows = dictionary if isinstance(dictionary, Rows) else Rows.of(dictionary)
        table = LightTable(rows, options, recode, kinds, nouns, frozenset(taken), inflection)
        return attrs.evolve(
            lex, light=table, light_stops=stops | lex.words.relatives | lex.words.verb_coordinators
        )
    if isinstance(dictionary, Rows):
        dictionary = dictionary.dictionary()
    gap = _gap(options.gap, stops | lex.words.relatives | lex.words.verb_coordinators)
    for head, entry in _entries(dictionary, options, recode, kinds, gap, nouns, inflection, frozenset(taken)):
        if not entry.plan:  # a verb alone (defaults)
            singles.setdefault(head, entry.trigger)
        else:
            entries.setdefault(head, []).append(entry)
    if not entries and not singles:
        return lex
    by_head = dict(lex.by_head)
    scan = dict(lex.scan)
    needed = dict(lex.needed)
    tail_entries = dict(lex.tail_entries)
    for head in {*entries, *singles}:
        phrases = sorted(entries.get(head, ()), key=lambda e: -e.trigger.length)
        single = singles.get(head)
        own = lex.by_head.get(head, ())
        by_head[head] = own + tuple(e.trigger for e in phrases) + ((single,) if single is not None else ())
        if phrases:
            need, window = lex.needed.get(head, (frozenset(), 0))
            needed[head] = (
                need.union(*(e.last for e in phrases)),
                max(window, *(e.window for e in phrases)),
            )
            tail_entries[head] = lex.tail_entries.get(head, ()) + tuple((e.trigger, e.last) for e in phrases)
        only = SCAN_PHRASE_ONLY if single is None else 0
        scan[head] = scan.get(head, 0) | SCAN_HEAD | only
    added = list({id(t): t for h in {*entries, *singles} for t in by_head[h] if t.origin == "cameo"}.values())
    return attrs.evolve(
        lex,
        entries=lex.entries + tuple(added),
        by_head=by_head,
        scan=scan,
        needed=needed,
        tail_entries=tail_entries,
        singles=lex.singles | frozenset(singles),
    )


_Candidate = tuple[int, CameoPattern, EventKind]  # a pattern's rank, the pattern, its category


class LightTable(Mapping[str, Mapping[str, Sequence[LightVerb]]]):
    """The light verbs of event nouns (``EventLexicon.light``): per form of a noun trigger, per
    form of a verb before it, the entries whose words run from that verb to that noun.

    Nothing is built before it is asked for: reading the stage's dictionary only indexes its
    patterns by the forms of their last word (the noun triggers of their category); a noun's
    patterns are read the first time the noun is looked up, and the entries of a verb form the
    first time that form stands before the noun (most words before a noun are no light verb of
    it, and most light verbs never occur)."""

    def __init__(
        self,
        dictionary: Rows,
        options: CameoOptions,
        recode: Mapping[str, EventKind],
        kinds: frozenset[EventKind] | None,
        nouns: Mapping[EventKind, frozenset[str]],
        skip: frozenset[str],
        inflection: Inflection,
    ) -> None:
        self._dictionary, self._options, self._skip, self._nouns = dictionary, options, skip, nouns
        # Per form of a last word, the patterns that may end in it, blocks in the order they
        # first come (each block's patterns in dictionary order).
        index: dict[str, list[_Candidate]] = {}
        self._noun_forms = forms = PhraseForms(dictionary.synsets, inflection)
        rank: dict[str, int] = {}
        every = frozenset[str]().union(*nouns.values())
        kind_of: dict[tuple[str, str], EventKind | None] = {}
        ending: dict[str, frozenset[str]] = {}  # per last token, its forms that are event nouns
        for n, row in enumerate(dictionary.patterns):
            after = row[2]
            last = after[-1] if after else None
            if last is None or last in _MARKS:
                last = next((t for t in reversed(after) if t not in _MARKS), None)
                if last is None:
                    continue
            ends = ending.get(last)
            if ends is None:
                ends = ending[last] = forms.last_words(last) & every
            if not ends:
                continue  # the cheap test first: most patterns end in no event noun
            block, before, _, cameo, plover = row[:5]
            code = (cameo, plover)
            kind = (
                kind_of[code]
                if code in kind_of
                else kind_of.setdefault(code, _candidate(code, recode, kinds))
            )
            if kind is None or (before and any(t not in _SLOTS for t in before)):
                continue
            p = CameoPattern(
                block=block, before=tuple(before), after=tuple(after), cameo=cameo, plover=plover
            )
            for noun in ends & nouns.get(kind, frozenset()):
                index.setdefault(noun, []).append((rank.setdefault(block, len(rank)) << 32 | n, p, kind))
        for found in index.values():
            found.sort(key=lambda c: c[0])
        self._index = index
        self._built: dict[int, _Built | None] = {}  # per pattern, its steps (None: unusable)
        self._done: dict[str, _NounVerbs | None] = {}
        self._forms: dict[str, list[tuple[str, tuple[str, ...]]]] | None = None  # per block
        self._by_block: dict[str, dict[str, list[tuple[str, tuple[str, ...]]]]] = {}
        self._made: dict[tuple[int, str, tuple[str, ...]], LightVerb] = {}
        self._any: bool | None = None  # whether a noun has a light verb (asked on every article)

    def get(self, noun: str, default: object = None) -> Any:
        found = self._done.get(noun, _UNSEEN)
        if found is _UNSEEN:
            found = self._done[noun] = self._noun(noun)
        return default if found is None else found

    def __getitem__(self, noun: str) -> Mapping[str, Sequence[LightVerb]]:
        found = self.get(noun)
        if found is None:
            raise KeyError(noun)  # no light verb ends in this noun
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return (noun for noun in self._index if self.get(noun) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        if self._any is None:
            self._any = next(iter(self), None) is not None
        return self._any

    def _noun(self, noun: str) -> _NounVerbs | None:
        """The patterns that end in ``noun``, with their steps; ``None`` when none does."""
        out: list[tuple[CameoPattern, EventKind, _Built]] = []
        for n, p, kind in self._index.get(noun, ()):
            key = n & 0xFFFFFFFF
            if key in self._built:
                built = self._built[key]
            else:
                keep = self._nouns.get(kind, frozenset())
                built = self._built[key] = _phrase(p.after, self._noun_forms, "", self._options.gap, keep)
            if built is not None:  # once per form of its last word that is this noun
                out.extend((p, kind, built) for words in built[3][-1][1] if words[-1] == noun)
        return _NounVerbs(self, out) if out else None

    def verbs(self, block: str) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """A block's verbs by head word (none the lexicon's): each one's name and the particle
        after that head, in dictionary order."""
        found = self._by_block.get(block)
        if found is None:
            if self._forms is None:
                self._forms = {}
                for verb_block, lemma, particle, forms, *_ in self._dictionary.verbs:
                    name = f"{lemma} {particle}".strip()
                    self._forms.setdefault(verb_block, []).append((name, forms))
            found = self._by_block[block] = {}
            for name, forms in self._forms.get(block, ()):
                for head, particle in _heads(forms, self._skip).items():
                    found.setdefault(head, []).append((name, particle))
        return found

    def entry(
        self, p: CameoPattern, kind: EventKind, built: _Built, name: str, particle: tuple[str, ...]
    ) -> LightVerb:
        """The entry of a pattern for one verb and particle, made once."""
        key = (id(p), name, particle)
        found = self._made.get(key)
        if found is None:
            made = _make(kind, name, p, particle, built, self._options)
            found = self._made[key] = (made.trigger, made.plan)
        return found


_UNSEEN: Any = object()


class _NounVerbs(Mapping[str, Sequence[LightVerb]]):
    """One noun's light verbs, per form of a verb: made the first time that form is asked for."""

    def __init__(self, table: LightTable, patterns: list[tuple[CameoPattern, EventKind, _Built]]) -> None:
        self._table, self._patterns = table, patterns
        self._done: dict[str, list[LightVerb]] = {}
        self._heads: frozenset[str] | None = None

    def heads(self) -> frozenset[str]:
        """The verb forms that may have entries (no other word has any): one set test for a window."""
        if self._heads is None:
            self._heads = frozenset(h for p, _, _ in self._patterns for h in self._table.verbs(p.block))
        return self._heads

    def get(self, head: str, default: object = None) -> Any:
        found = self._done.get(head)
        if found is None:
            found = self._done[head] = self._make(head)
        return found if found else default

    def __getitem__(self, head: str) -> Sequence[LightVerb]:
        found = self.get(head)
        if found is None:
            raise KeyError(head)
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        heads = {h: None for p, _, _ in self._patterns for h in self._table.verbs(p.block)}
        return (h for h in heads if self.get(h) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def _make(self, head: str) -> list[LightVerb]:
        table = self._table
        out: list[LightVerb] = []
        for p, kind, built in self._patterns:
            for name, particle in table.verbs(p.block).get(head, ()):
                out.append(table.entry(p, kind, built, name, particle))
        out.sort(key=lambda e: -e[0].length)
        return out


def _candidate(
    code: tuple[str, str], recode: Mapping[str, EventKind], kinds: frozenset[EventKind] | None
) -> EventKind | None:
    """The category of a pattern's ``(CAMEO code, PLOVER category)``, or ``None`` when it is not
    used: coded ``---`` or not mapped, or a category left out."""
    kind = _kind(*code, recode) if code[0] != "---" else None
    return None if kind is None or (kinds is not None and kind not in kinds) else kind


def _heads(forms: Iterable[str], skip: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Each head word of a verb's forms (not in ``skip``) and the particle words after it."""
    heads: dict[str, tuple[str, ...]] = {}
    for form in forms:
        words = form.split()
        if words and _WORD.fullmatch(words[0]) and all(_WORD.fullmatch(w) for w in words[1:]):
            heads.setdefault(words[0], tuple(words[1:]))
    return {h: particle for h, particle in heads.items() if h not in skip}


def _blocks(
    dictionary: CameoDictionary,
    recode: Mapping[str, EventKind],
    kinds: frozenset[EventKind] | None,
    gap: str,
    nouns: Mapping[EventKind, frozenset[str]] | None,
    inflection: Inflection,
    gap_words: int = 3,
) -> dict[str, list[tuple[CameoPattern, EventKind, _Built]]]:
    """The usable patterns of each verb block, each read once for all the verbs of its block."""
    by_block: dict[str, list[tuple[CameoPattern, EventKind, _Built]]] = {}
    forms = PhraseForms(dictionary.synsets, inflection)
    for p in dictionary.patterns:
        usable = _usable(p, forms, recode, kinds, gap, gap_words, nouns)
        if usable is not None:
            by_block.setdefault(p.block, []).append((p, *usable))
    return by_block


def _event_nouns(lex: EventLexicon, stops: frozenset[str]) -> dict[EventKind, frozenset[str]]:
    """Per category, the nouns that are its triggers in the hand-written lexicon (one-word nouns
    and the last words of noun phrases, every form; not a function word in ``stops``)."""
    out: dict[EventKind, set[str]] = {}
    for head, es in lex.by_head.items():
        for e in es:
            if e.pos == "noun" and e.tail is None:
                out.setdefault(e.kind, set()).add(head)
    for phrases in lex.tail_entries.values():
        for phrase, last in phrases:
            if phrase.pos == "noun":
                out.setdefault(phrase.kind, set()).update(last)
    return {k: frozenset(v - stops) for k, v in out.items()}


def _gap(most: int, stops: frozenset[str]) -> str:
    """Up to ``most`` words, none a preposition, auxiliary, clause boundary or conjunction: the
    words between a verb and its object's head ("condemned the brutal killing"), not another
    phrase ("report on the attack")."""
    words = "|".join(regex.escape(w) for w in sorted(stops, key=lambda w: (-len(w), w)) if w)
    return rf"(?:\s+(?!(?:{words})(?![\w'\-]))[^\s;:!?,]+){{0,{most}}}?"


def _kind(code: str, plover: str, recode: Mapping[str, EventKind]) -> EventKind | None:
    c = code
    while c:
        if c in recode:
            return recode[c]
        c = c[:-1] if len(c) > 2 else ""
    return EventKind[plover] if plover in EventKind.__members__ else None


def _entries(
    dictionary: CameoDictionary,
    options: CameoOptions,
    recode: Mapping[str, EventKind],
    kinds: frozenset[EventKind] | None,
    gap: str,
    nouns: Mapping[EventKind, frozenset[str]] | None,
    inflection: Inflection,
    skip: frozenset[str] = frozenset(),
) -> Iterable[tuple[str, _Entry]]:
    """``(head form, entry)`` for every verb form of every usable pattern of its block (and, with
    ``defaults``, for the verb's own code), heads in ``skip`` left out. With ``nouns`` (``confirmed``), a pattern's last word
    must be a noun trigger of its category: the verb is then a light verb of that event ("began a
    hunger strike", "intensified a crackdown"), and of a synonym set only those words are kept."""
    by_block = _blocks(dictionary, recode, kinds, gap, nouns, inflection, options.gap)
    for verb in dictionary.verbs:
        heads = _heads(verb.forms, skip)  # head word -> the particle words after it
        name = f"{verb.lemma} {verb.particle}".strip()
        for p, kind, built in by_block.get(verb.block, ()):
            made: dict[tuple[str, ...], _Entry] = {}  # one entry per particle, for all the forms
            for head, particle in heads.items():
                entry = made.get(particle)
                if entry is None:
                    entry = made[particle] = _make(kind, name, p, particle, built, options)
                yield head, entry
        if options.defaults and verb.cameo and nouns is None:
            own = _kind(verb.cameo, verb.plover, recode)
            if own is not None and (kinds is None or own in kinds):
                for head, particle in heads.items():
                    yield head, _make(own, name, None, particle, ([], frozenset(), 0, ()), options)


# regex pieces, last word forms, words it spans, and the same as steps over tokens
_Built = tuple[list[str], frozenset[str], int, tuple[Step, ...]]


def _usable(
    p: CameoPattern,
    forms: PhraseForms,
    recode: Mapping[str, EventKind],
    kinds: frozenset[EventKind] | None,
    gap_pattern: str,
    gap: int,
    nouns: Mapping[EventKind, frozenset[str]] | None,
) -> tuple[EventKind, _Built] | None:
    """A pattern's category and phrase, or ``None`` when it is not used: words before the verb,
    coded ``---`` or not mapped, a category left out, or (``confirmed``) a last word that is no
    noun trigger of its category."""
    if p.before and any(t not in _SLOTS for t in p.before):
        return None  # words before the verb: not read here
    kind = _kind(p.cameo, p.plover, recode) if p.cameo != "---" else None
    if kind is None or (kinds is not None and kind not in kinds):
        return None
    keep = None if nouns is None else nouns.get(kind, frozenset())
    if keep is not None:
        words = [t for t in p.after if t not in _SLOTS and t not in ("(", ")", "{", "}")]
        if not words or keep.isdisjoint(forms.last_words(words[-1])):
            return None  # the cheap test first: most patterns end in no event noun
    built = _phrase(p.after, forms, "" if keep is not None else gap_pattern, gap, keep)
    return None if built is None else (kind, built)


def _phrase(
    tokens: tuple[str, ...],
    vocabulary: PhraseForms,
    gap_pattern: str,
    gap: int,
    keep: frozenset[str] | None = None,
) -> _Built | None:
    """The regex pieces of a pattern's words after the verb, the forms of its last word and the
    most words it spans; ``None`` when it has no word (or, with ``keep``, when no form of its
    last word is in ``keep``)."""
    literal = [n for n, t in enumerate(tokens) if t not in _SLOTS and t not in ("(", ")", "{", "}")]
    pieces: list[str] = []
    plan: list[Step] = []
    last: frozenset[str] = frozenset()
    span = 0
    adjacent = False  # inside {...}
    first_in_braces = False
    for n, t in enumerate(tokens):
        if t == "{":
            adjacent, first_in_braces = True, True
            continue
        if t == "}":
            adjacent = False
            continue
        if t in _SLOTS or t in ("(", ")"):
            continue
        alternatives = vocabulary.synsets.get(t[1:], ()) if t.startswith("&") else (t,)
        usable = {
            f
            for a in alternatives
            if all(_WORD.fullmatch(w) for w in a.split())
            for f in vocabulary.plurals(a)
        }
        if keep is not None and n == literal[-1]:
            usable = {f for f in usable if f.split()[-1] in keep}
        forms = sorted(usable, key=lambda f: (-len(f), f))
        if not forms:
            return None
        close = adjacent and not first_in_braces
        first_in_braces = False
        if gap_pattern:  # none for light verbs: they are matched over tokens (``plan``)
            between = "" if close else gap_pattern
            words = "|".join(r"\s+".join(regex.escape(w) for w in f.split()) for f in forms)
            pieces.append(rf"{between}\s+(?:{words})(?![\w'\-])")
        plan.append((0 if close else gap, frozenset(tuple(f.split()) for f in forms)))
        last = frozenset(f.split()[-1] for f in forms)
        span += (0 if close else gap) + max(len(f.split()) for f in forms)
    if not plan:
        return None
    return pieces, last, span, tuple(plan)


def _make(
    kind: EventKind,
    name: str,
    pattern: CameoPattern | None,
    particle: tuple[str, ...],
    built: _Built,
    options: CameoOptions,
) -> _Entry:
    pieces, last, span, plan = built
    lead = [rf"\s+{regex.escape(w)}(?![\w'\-])" for w in particle]
    tail_words = particle and not plan
    words = " ".join(
        [name]
        + (["..."] if pattern is not None and pattern.after and pattern.after[0] in _SLOTS else [])
        + [t for t in (pattern.after if pattern is not None else ()) if t not in _SLOTS and t not in "(){}"]
    )
    code = pattern.cameo if pattern is not None else ""
    # A light verb is matched over tokens (its plan); only a phrase read from its verb needs a pattern.
    tail = "" if options.confirmed else "".join(lead + pieces)
    if tail_words:
        last = frozenset({particle[-1]})
    return _Entry(
        trigger=Trigger(
            kind=kind,
            pos="verb",
            text=f"{words} [{code}]" if code else name,
            heads=(),
            tail=LazyPattern(tail) if tail else None,
            gapped=bool(plan),
            swapped=False,
            length=len(particle) + 1 + len(pieces),
            origin="cameo",
        ),
        last=last,
        window=len(particle) + span + 2,
        plan=tuple((0, frozenset({(w,)})) for w in particle) + plan,
    )
