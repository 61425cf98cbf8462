"""The compiled event lexicon: :class:`EventLexicon`, built from the rules by
:func:`~newsmodel._events.compiler.compile_lexicon`.

Every trigger is written once, as a lemma (``"accuse"``) or a phrase whose first word is a lemma
(``"hold ... talks with"``); the compiler generates the inflections (``accuses``, ``accused``,
``accusing``) by the suffix rules of ``english.toml``. A phrase is matched from its first word
(the *head*, found by the one token scan) and then its *tail* is tried at that position, longest
phrases first. ``...`` in a phrase stands for zero to ``settings.gap`` words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import regex

from .._text.lazy import LazyPattern
from ..model import CountKind, EventKind
from .rules import Settings

__all__ = [
    "SCAN_COUNT",
    "SCAN_CUE",
    "SCAN_HEAD",
    "SCAN_PHRASE_ONLY",
    "SCAN_STATEMENT",
    "CuePhrase",
    "EventLexicon",
    "LightVerb",
    "Step",
    "Trigger",
    "WordSets",
]

# What a word of the token scan is (bits of ``EventLexicon.scan``).
SCAN_COUNT = 1  # first word of a count verb
SCAN_STATEMENT = 2  # a statement word ("must")
SCAN_CUE = 4  # first word of a mode cue
SCAN_HEAD = 8  # first word of a trigger
SCAN_PHRASE_ONLY = 16  # ... of phrases only (see ``EventLexicon.phrase_only``)


@attrs.frozen(kw_only=True)
class Trigger:
    """One lexicon entry: a word or phrase that codes an event.

    Attributes:
        kind: the PLOVER category.
        pos: ``"verb"`` or ``"noun"`` (how sources and targets are found around it).
        text: the entry as written in the rule file (``"hold ... talks with"``).
        heads: lower-case forms of its first word.
        tail: pattern for the rest of the phrase, matched right after the head (``None`` for one word).
        gapped: whether the phrase has a ``...`` gap.
        swapped: the subject is the target and the ``from``/``by`` phrase the source (``receive``).
        length: words in the phrase, to try longer phrases first.
        from_target: the ``from`` phrase is the target, not the object (``withdraw troops from``).
        needs_target: an event only when an actor is its target (``released Prime Minister X``,
            not ``a video released by``).
        origin: ``"lexicon"``, or ``"statement"`` for the words that make reported speech an
            event (``must`` in "said the rebels must disarm").
        rule: the rule id events from this entry carry (``"lexicon:ACCUSE:blame"``).
    """

    kind: EventKind
    pos: str
    text: str
    heads: tuple[str, ...]
    tail: LazyPattern | None
    gapped: bool
    swapped: bool
    length: int
    from_target: bool = False
    needs_target: bool = False
    origin: str = "lexicon"

    rule: str = attrs.field(init=False)

    @rule.default
    def _rule(self) -> str:
        return f"{self.origin}:{self.kind.name}:{self.text}"


@attrs.frozen(kw_only=True)
class WordSets:
    """The ``[words]`` lists, lower-cased, as sets (endings as tuples, for ``str.endswith``);
    lists whose name ends in ``_verbs`` with every inflection."""

    location_prepositions: frozenset[str]
    other_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    boundaries: frozenset[str]
    reporting: frozenset[str]
    be: frozenset[str]
    auxiliaries: frozenset[str]
    determiners: frozenset[str]
    support_verbs: frozenset[str]
    pronouns: frozenset[str]
    agent_prepositions: frozenset[str]
    passive_agent: frozenset[str]
    complementizers: frozenset[str]
    infinitive: frozenset[str]
    complement_openers: frozenset[str]
    first_person: frozenset[str]
    name_links: frozenset[str]
    adverb_suffixes: tuple[str, ...]
    participle_suffixes: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    gerund_suffixes: tuple[str, ...]
    month_cues: frozenset[str]
    possessive_clitic: tuple[str, ...]
    possessive_marks: frozenset[str]
    clitics: tuple[str, ...]
    satisfy_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    causative_verbs: frozenset[str]
    authority_verbs: frozenset[str]
    authority_sectors: frozenset[str]
    authority_auxiliaries: frozenset[str]
    authority_perfect: frozenset[str]
    singular_determiners: frozenset[str]
    articles: frozenset[str]
    noun_complements: frozenset[str]
    restrictive_relatives: frozenset[str]
    interview_nouns: frozenset[str]
    satisfied_nouns: frozenset[str]
    allegation_verbs: frozenset[str]
    allegation_links: frozenset[str]
    proposal_nouns: frozenset[str]
    head_prepositions: frozenset[str]
    relatives: frozenset[str]
    negations: frozenset[str]
    passive_fillers: frozenset[str]
    demonym_suffixes: tuple[str, ...]
    possessive_pronouns: frozenset[str]
    verb_coordinators: frozenset[str]
    clause_coordinators: frozenset[str]
    anaphoric_determiners: frozenset[str]
    anaphoric_possessives: frozenset[str]
    anaphoric_links: frozenset[str]
    coordinators: frozenset[str]
    participles: frozenset[str]
    noun_phrase_heads: frozenset[str]
    count_qualifiers: frozenset[str]
    count_nouns: frozenset[str]
    capacity_nouns: frozenset[str]
    unrealized_modifiers: frozenset[str]
    modifier_heads: frozenset[str]
    purposes: frozenset[str]
    conditions: frozenset[str]
    states: frozenset[str]
    prohibition_nouns: frozenset[str]
    prevention_verbs: frozenset[str]
    prevention_links: frozenset[str]
    hosted_visits: frozenset[str]
    bare_determiners: frozenset[str]
    state_acts: frozenset[str]


CuePhrase = tuple[str, str]  # a mode cue as written: (mode: "negated" ..., phrase)
Step = tuple[int, frozenset[tuple[str, ...]]]  # up to n words (no stop word), then one of these
LightVerb = tuple[Trigger, tuple[Step, ...]]  # a light verb's entry and its words after the verb


@attrs.frozen(kw_only=True)
class EventLexicon:
    """What the event stage indexes at run time, compiled from :class:`EventRules`.

    Attributes:
        entries: every trigger entry.
        by_head: entries keyed by the lower-case form of their first word, longest phrase first.
        scan: the words the one scan over the segmenter's tokens stops at (every head, first word
            of a cue, count verb and statement word), with what each is as ``SCAN_*`` bits.
        ambiguous: heads that are a one-word noun and a one-word verb (``attack``): context decides.
        needed: per head with tails, the literal tail words (any form) and the token window they lie in.
        tail_entries: per head with tails, its phrases longest first, each with the forms of its
            last word: only the phrases whose last word is near are tried.
        singles: heads that are a trigger on their own (not only the first word of phrases).
        exclusions: per head, the tails of phrases that are no event ("declined to comment"); the
            scan skips them whole.
        statement_words: words that code the content of a statement as an event of the speaker's
            (``must``: REQUEST from the speaker to the subject of ``must``).
        left_stops: tokens that open a clause (punctuation, boundary words, reporting verbs).
        right_stops: tokens that close a clause looking right (quote marks do not).
        prepositions: every preposition the role finder knows.
        verb_like: forms of "be" and auxiliaries, where the phrases after a noun end.
        cues: mode cues keyed by their first word: the alternation of their tails, longest first
            (group ``c<i>``), and each cue's ``(mode, phrase)``.
        cue_needed: per cue first word whose cues all have tails, the words of those tails.
        cue_single: per cue first word that is a cue on its own and whose longer cues are short
            phrases of plain words: that cue and the words of the longer ones; when none of those
            is among the next four tokens, the word is the cue.
        cue_reach: tokens a cue may cover after its first one, at most.
        clitic: a clitic the segmenter leaves on its word ("they'll"), as a pattern.
        premodifier: what may lie between a possessor or modifier and a noun trigger ("Israel's
            raid", "U.S. air strikes"): a possessive mark and two lower-case words at most.
        settings: numeric settings (``gap``, ``mode_window``, ``target_window`` ...).
        words: the word lists.
        noun_source: per kind, whether a noun trigger takes the clause subject as its source
            (``"subject"``) or only with a support verb (``"support"``).
        absorbs, absorbs_objects, absorbs_proposals: the kinds whose verbs absorb their
            complement's event, a noun event heading their object, the events a proposal they
            take as object proposes (tuples: a membership test by identity).
        anonymous: the kinds whose verb events stand without an actor (crowds protest).
        intent_kinds, threat_kinds: the kinds recoded by an intent or a condition.
        intent_cues, threat_cues, refusal_cues: the cues of the recoding rules.
        refusal_kinds: the kinds a refusal cue recodes as REJECT ("will not accept").
        refused_kinds: the kinds of a complement a rejection absorbs ("refused to step down").
        counts: count verbs by :class:`~newsmodel.CountKind`, in rule order.
        count_events: per count kind, the event kinds its count goes to first.
        numbers: number words and their values (``"seventy"``: 70).
        count_patterns: the two count patterns (verb before the number, number before the verb).
        count_verbs: first words of the count verbs.
        number_words: the words of the number words: where none occurs and no digit, no count can.
        count_starts: first words of the number words and count qualifiers.
        light: the light verbs of event nouns from the CAMEO dictionary (``[cameo]``): per form of
            a noun trigger, per form of a verb before it, the entries whose phrase runs from that
            verb to that noun ("began a hunger strike"), each with its words after the verb as
            steps over tokens; empty until the dictionary is read.
        light_stops: the words that may not stand between a light verb and its words.
        received: the kinds whose noun triggers, governed by a verb of receiving
            (``words.recipient_verbs``), are aimed at that verb's subject ("Egypt receives aid").
        caused: the kinds whose verb triggers, in the infinitive after a causative verb's object
            (``words.causative_verbs``), are that verb's subject's act upon the object.
    """

    entries: tuple[Trigger, ...]
    by_head: Mapping[str, tuple[Trigger, ...]]
    scan: Mapping[str, int]
    ambiguous: frozenset[str]
    needed: Mapping[str, tuple[frozenset[str], int]]
    tail_entries: Mapping[str, tuple[tuple[Trigger, frozenset[str]], ...]]
    singles: frozenset[str]
    exclusions: Mapping[str, LazyPattern]
    statement_words: Mapping[str, Trigger]
    left_stops: frozenset[str]
    right_stops: frozenset[str]
    prepositions: frozenset[str]
    verb_like: frozenset[str]
    cues: Mapping[str, tuple[LazyPattern, tuple[CuePhrase, ...]]]
    cue_needed: Mapping[str, frozenset[str]]
    cue_single: Mapping[str, tuple[CuePhrase, frozenset[str]]]
    cue_reach: int
    clitic: regex.Pattern[str]
    premodifier: regex.Pattern[str]
    settings: Settings
    words: WordSets
    noun_source: Mapping[EventKind, str]
    absorbs: tuple[EventKind, ...]
    absorbs_objects: tuple[EventKind, ...]
    absorbs_proposals: tuple[EventKind, ...]
    anonymous: tuple[EventKind, ...]
    intent_kinds: tuple[EventKind, ...]
    threat_kinds: tuple[EventKind, ...]
    intent_cues: frozenset[str]
    threat_cues: frozenset[str]
    refusal_cues: frozenset[str]
    refusal_kinds: frozenset[EventKind]
    refused_kinds: frozenset[EventKind]
    counts: Mapping[CountKind, frozenset[str]]
    count_events: Mapping[CountKind, tuple[EventKind, ...]]
    numbers: Mapping[str, int]
    count_patterns: tuple[regex.Pattern[str], regex.Pattern[str]]
    count_verbs: frozenset[str]
    number_words: tuple[str, ...]
    count_starts: frozenset[str]
    light: Mapping[str, Mapping[str, Sequence[LightVerb]]] = attrs.field(factory=dict)
    received: tuple[EventKind, ...] = ()
    caused: tuple[EventKind, ...] = ()
    light_stops: frozenset[str] = frozenset()
