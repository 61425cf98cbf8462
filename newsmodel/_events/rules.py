"""The event rule set: ``events.toml`` structured into attrs classes (see :class:`EventRules`).

These classes are plain data, as read; what the stage indexes at run time is compiled from them
by :func:`newsmodel._events.lexicon.compile_lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..rules import Example, RuleSet

__all__ = [
    "CameoOptions",
    "CountWords",
    "EventRules",
    "EventWords",
    "Exclusions",
    "Inflection",
    "KindRules",
    "ModeCues",
    "Recoding",
    "Settings",
]

Words = tuple[str, ...]


@attrs.frozen
class Settings:
    """Numeric settings: ``gap`` (words a ``...`` stands for), ``mode_window`` (tokens before a
    trigger in which a mode cue counts), ``target_window`` and ``subject_window`` (tokens searched
    for targets after a trigger and for its subject before it). Each is 0 to 100."""

    gap: int = 6
    mode_window: int = 8
    target_window: int = 14
    subject_window: int = 40


@attrs.frozen
class ModeCues:
    """Mode cues (``[modes]``): negation wins over hypothetical, hypothetical over future."""

    negated: Words = ()
    future: Words = ()
    hypothetical: Words = ()


@attrs.frozen
class Recoding:
    """The PLOVER recoding rules (``[recode]``): intent, conditional threat, refusal.

    ``refusal_kinds``: the kinds of an act that a refusal cue turns into a rejection ("will not
    accept", "would not resign": REJECT); ``refused_kinds``: the kinds of the act a rejection
    absorbs from its complement ("refused to step down" is one REJECT; "declined to accuse" keeps
    the accusation, negated).
    """

    intent_cues: Words = ()
    intent_kinds: Words = ()
    threat_cues: Words = ()
    threat_kinds: Words = ()
    refusal_cues: Words = ()
    refusal_kinds: Words = ("AGREE",)
    refused_kinds: Words = ()


@attrs.frozen
class CameoOptions:
    """The CAMEO verb dictionary the stage reads beside its own lexicon (``[cameo]``).

    ``dictionary`` is ``"shipped"`` (PETRARCH2's, compiled into ``newsmodel/rules/cameo_verbs.json``),
    the path of a dictionary of your own in PETRARCH2's format, or ``""`` for none; ``plover`` the
    path of your CAMEO-to-PLOVER table (``""``: the shipped one). Its patterns (a verb and the
    words after it) code events where the hand-written lexicon has nothing at that word;
    ``defaults`` also codes a verb with no pattern matching by its own code. ``gap`` is the most
    words between two words of a pattern, ``kinds`` the categories taken from it (all when
    empty), and ``recode`` maps CAMEO codes (and the codes under them) to the category this
    lexicon codes them with where it differs from the table (``"163" = "SANCTION"``).
    """

    dictionary: str = ""
    plover: str = ""
    defaults: bool = False
    confirmed: bool = True
    gap: int = 3
    kinds: Words = ()
    recode: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class Exclusions:
    """Phrases that are no event though a trigger opens them (``declined to comment``)."""

    phrases: Words = ()


@attrs.frozen
class CountWords:
    """How counts are read (``[count_grammar]``): the auxiliaries that may stand between a count
    and its passive verb ("three people were killed", "have been arrested")."""

    auxiliaries: Words = ()
    perfect: Words = ()


@attrs.frozen
class Inflection:
    """How regular English forms are generated (``[inflection]`` in ``english.toml``).

    The third person and the plural add ``suffix_s`` (``suffix_es`` after ``es_after`` for a verb,
    ``noun_es_after`` for a noun); a ``final_y`` after a consonant becomes ``y_stem`` before
    ``suffix_es`` and ``suffix_ed``. The past adds ``suffix_ed`` (``suffix_d`` after ``final_e``).
    The gerund adds ``suffix_ing``: a ``final_e`` is dropped except in ``keep_e``, a ``final_ie``
    becomes ``ie_stem``. A final consonant (not in ``vowels`` or ``no_doubling``) after a single
    vowel is also given doubled before ``suffix_ed`` and ``suffix_ing`` (over-generation is
    harmless: "visitted" never occurs in text). ``irregular`` lists the other forms of a verb.
    """

    vowels: str
    no_doubling: str
    es_after: Words
    noun_es_after: Words
    final_y: str
    y_stem: str
    final_e: str
    keep_e: Words
    final_ie: str
    ie_stem: str
    suffix_s: str
    suffix_es: str
    suffix_d: str
    suffix_ed: str
    suffix_ing: str
    irregular: dict[str, Words] = attrs.field(factory=dict)


@attrs.frozen
class EventWords:
    """The word lists the role finder reads (``[words]``). Lists whose name ends in ``_verbs`` are
    inflected; the ones without a default are required."""

    location_prepositions: Words
    other_prepositions: Words
    target_prepositions: Words
    boundaries: Words
    reporting: Words
    be: Words
    auxiliaries: Words
    determiners: Words
    support_verbs: Words
    pronouns: Words
    agent_prepositions: Words
    passive_agent: Words
    complementizers: Words
    infinitive: Words
    complement_openers: Words
    first_person: Words
    name_links: Words
    adverb_suffixes: Words
    participle_suffixes: Words
    past_suffixes: Words
    gerund_suffixes: Words
    month_cues: Words
    possessive_clitic: Words
    possessive_marks: Words
    clitics: Words
    satisfy_verbs: Words = ()
    satisfied_nouns: Words = ()
    allegation_verbs: Words = ()
    allegation_links: Words = ()
    proposal_nouns: Words = ()
    head_prepositions: Words = ()
    relatives: Words = ()
    negations: Words = ()
    passive_fillers: Words = ()
    demonym_suffixes: Words = ()
    possessive_pronouns: Words = ()
    verb_coordinators: Words = ()
    clause_coordinators: Words = ()
    anaphoric_determiners: Words = ()
    anaphoric_possessives: Words = ()
    anaphoric_links: Words = ()
    coordinators: Words = ()
    participles: Words = ()
    noun_phrase_heads: Words = ()
    count_qualifiers: Words = ()
    count_nouns: Words = ()
    capacity_nouns: Words = ()
    unrealized_modifiers: Words = ()
    modifier_heads: Words = ()
    purposes: Words = ()
    conditions: Words = ()
    states: Words = ()
    recipient_verbs: Words = ()
    causative_verbs: Words = ()
    prohibition_nouns: Words = ()
    prevention_verbs: Words = ()
    prevention_links: Words = ()
    hosted_visits: Words = ()
    bare_determiners: Words = ()
    state_acts: Words = ()
    authority_verbs: Words = ()
    authority_sectors: Words = ()
    authority_auxiliaries: Words = ()
    authority_perfect: Words = ()
    singular_determiners: Words = ()
    articles: Words = ()
    noun_complements: Words = ()
    restrictive_relatives: Words = ()
    interview_nouns: Words = ()


@attrs.frozen
class KindRules:
    """The triggers of one PLOVER category (``[kinds.<CATEGORY>]``); ``examples`` maps an entry
    (as written in ``verbs``, ``nouns`` or ``phrases``) to texts in which it codes an event."""

    verbs: Words = ()
    nouns: Words = ()
    phrases: Words = ()
    swapped: Words = ()
    from_target: Words = ()
    needs_target: Words = ()
    noun_source: str = "support"
    absorbs: bool = False
    absorbs_objects: bool = False
    absorbs_proposals: bool = False
    received: bool = False
    caused: bool = False
    anonymous: bool = False
    description: str = ""
    examples: dict[str, Words] = attrs.field(factory=dict)


@attrs.frozen(eq=False, repr=False)
class EventRules(RuleSet):
    """The event stage's rules: ``newsmodel/rules/events.toml``, structured.

    Start from the shipped rules and add entries with :meth:`extend` (a TOML file or a mapping in
    the same layout), then build an :class:`~newsmodel.events.EventFinder` with them::

        rules = EventRules.shipped().extend({"kinds": {"ACCUSE": {"verbs": ["excoriate"]}}})
        parser = newsmodel.Parser(events=EventFinder(rules))
    """

    SHIPPED = ("events",)

    kinds: dict[str, KindRules]
    words: EventWords
    inflection: Inflection
    count_grammar: CountWords
    settings: Settings = attrs.field(factory=Settings)
    modes: ModeCues = attrs.field(factory=ModeCues)
    recode: Recoding = attrs.field(factory=Recoding)
    exclusions: Exclusions = attrs.field(factory=Exclusions)
    cameo: CameoOptions = attrs.field(factory=CameoOptions)
    statements: dict[str, Words] = attrs.field(factory=dict)
    counts: dict[str, Words] = attrs.field(factory=dict)
    count_events: dict[str, Words] = attrs.field(factory=dict)
    numbers: dict[str, int] = attrs.field(factory=dict)
    irregular: dict[str, Words] = attrs.field(factory=dict)

    def examples(self) -> Iterator[Example]:
        """The example texts of the lexicon entries, each with the rule id of the event it codes
        (``lexicon:ACCUSE:accuse``)."""
        for name, kind in self.kinds.items():
            for entry, texts in kind.examples.items():
                for text in texts:
                    yield Example(rule=f"lexicon:{name}:{entry}", text=text)
