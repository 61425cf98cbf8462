"""The compiled cue lexicon: what the statement stage indexes at run time, built from its rules.

:func:`compile_cues` turns a :class:`~newsmodel.statements.StatementRules` (plain, comparable
data) into a :class:`CueLexicon`: the frames of every cue form, the forms by their first word, the
adjunct and addressee patterns, and the word lists as lower-case sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import regex

from .._text.patterns import alternation
from ..errors import RuleError
from ..rules._schema import RuleSet

if TYPE_CHECKING:
    from ..statements import StatementRules

__all__ = ["ACCORDING", "CLAUSE_MARKS", "FRAMES", "PLURAL", "CueForm", "CueLexicon", "compile_cues"]

FRAMES = frozenset({"quote", "clause", "postposed", "addressee", "quoted", "that", "infinitive"})
"""The frames a cue verb may report speech in (see ``statements.toml``)."""

ACCORDING = "according"
"""The frame of the ``according to`` forms (their own rule, ``according-to``)."""

PLURAL = "P"
"""The "gender" of a plural spokesperson noun (``lawyers``), which ``they`` agrees with."""

CLAUSE_MARKS = frozenset({",", ";", "—", "–", "―"})
"""Punctuation where a reported clause may end. The clause scan visits only these, the
conjunctions that may end a clause (``clause_conjunctions``) and the cue words."""


@attrs.frozen
class CueForm:
    """One cue form: its words (lower case), as one key (``"pointed out"``), its frames, and
    whether its first word is a participle (``saying``: it may share the main clause's subject)."""

    words: tuple[str, ...]
    key: str
    frames: frozenset[str]
    participle: bool


@attrs.frozen(kw_only=True)
class CueLexicon:
    """The compiled statement rules.

    Attributes:
        frames: the frames of every cue form (lower case), e.g. ``frames["said"]``; the
            ``according to`` forms have the frame ``"according"``.
        starts: the cue forms (longest first) by their first word.
        marks: the tokens (lower case) the finder stops at: cue words and clause boundaries.
        adjunct: a pattern matching one adjunct (``in a statement``) at a position.
        addressee: a pattern matching one addressee (``reporters``) at a position.
        clause_conjunctions: the conjunctions that may end a reported clause (coordinators,
            contrasts and speaker conjunctions).
        personal_pronouns: the pronouns that are not relatives (``he``, not ``who``).
        gerund_suffixes, adverb_suffixes, possessives: word endings, for ``str.endswith``.
        the other word sets: lower case, as documented in ``statements.toml``.
        scare_quote_words: the longest cue-less quotation taken for scare quotes.
        split_quote_sentences: how many sentences after its cue's the second part of a split
            quotation may open and still join the first.
        definite, documents: ``the statement``, ``the report``: a source that is the latest
            speaker's document.
        bodies: head nouns of a source that speaks for the actor named in it (``Cairo's foreign
            ministry``).
        addressed: cue forms whose object is always the addressee (``told Reuters``): never read
            as an inverted source.
        agent_prepositions: a preposition naming the agent of a participle inside a source
            (``Economists polled by Reuters``).
        participle_suffixes: endings of such a participle.
        noun_prepositions: a cue form after one of these is a noun (``on remarks``), unless a
            participle (``by saying``).
        infinitive_markers: ``to``, opening the content of a verb of the ``infinitive`` frame.
        negations: a tail after a cue opening with one is no adjunct (``asked not to be named``).
        organisation_nouns: head nouns of an organisation (``the company``).
        leader_nouns: head nouns of a state's leader (``the Mexican leader``).
        first_person: ``I``, ``we``: a source that speaks with the voice of the statement holding it.
        subordinators: after a comma inside a reported clause, they open a clause of it, not
            another source (``he spoke with X on Thursday, when the Mexican leader announced``).
        spokesperson_gender: the nouns a later ``he`` or ``she`` may refer to (a spokesperson
            named by a noun), with the gender each tells (``"M"``, ``"F"``, ``None`` for either,
            :data:`PLURAL` for a plural one, which a later ``they`` refers to).
        plural_pronouns: ``they``: a source a plural spokesperson noun may be.
        male, female, neuter: the third-person pronouns of each referent (lower case).
        male_titles, female_titles: courtesy titles that tell a person's gender (lower case,
            without the full stop).
        male_names, female_names: given names that tell a person's gender (as written; names
            either gender carries are left out).
        first_person_plural: ``we``, ``our`` ... as whole words, lower case or capitalised
            (``None`` without any): in a government speaker's quotation, the speaker's country.
        state_sectors: the sectors of a government speaker.
        time_reach: how many paragraphs back a statement without a time of its own looks for
            the same speaker's previous statement, whose time it inherits.
    """

    frames: Mapping[str, frozenset[str]]
    starts: Mapping[str, tuple[CueForm, ...]]
    marks: frozenset[str]
    adjunct: regex.Pattern[str]
    addressee: regex.Pattern[str]
    auxiliaries: frozenset[str]
    clause_words: frozenset[str]
    relatives: frozenset[str]
    pronouns: frozenset[str]
    personal_pronouns: frozenset[str]
    title_cues: frozenset[str]
    not_clause: frozenset[str]
    spokespeople: frozenset[str]
    noun_prepositions: frozenset[str]
    negations: frozenset[str]
    infinitive_markers: frozenset[str]
    organisation_nouns: frozenset[str]
    leader_nouns: frozenset[str]
    subordinators: frozenset[str]
    first_person: frozenset[str]
    spokesperson_gender: Mapping[str, str | None]
    plural_pronouns: frozenset[str]
    connectives: frozenset[str]
    determiners: frozenset[str]
    modifier_prepositions: frozenset[str]
    time_prepositions: frozenset[str]
    prepositions: frozenset[str]
    function_verbs: frozenset[str]
    subject_pronouns: frozenset[str]
    anaphors: frozenset[str]
    name_joiners: frozenset[str]
    title_words: frozenset[str]
    coordinators: frozenset[str]
    clause_openers: frozenset[str]
    contrasts: frozenset[str]
    do_support: frozenset[str]
    complementizers: frozenset[str]
    speaker_conjunctions: frozenset[str]
    clause_conjunctions: frozenset[str]
    gerund_suffixes: tuple[str, ...]
    adverb_suffixes: tuple[str, ...]
    possessives: tuple[str, ...]
    definite: frozenset[str]
    documents: frozenset[str]
    bodies: frozenset[str]
    addressed: frozenset[str]
    agent_prepositions: frozenset[str]
    participle_suffixes: tuple[str, ...]
    male: frozenset[str]
    female: frozenset[str]
    neuter: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    scare_quote_words: int
    split_quote_sentences: int
    time_reach: int
    first_person_plural: regex.Pattern[str] | None
    state_sectors: tuple[str, ...]
    adjunct_heads: dict[str, bool] | None = attrs.field(default=None, eq=False, repr=False)
    """With the shipped adjuncts (none looks before where it starts): whether an adjunct may
    start with each text already met at a position (a whitespace and a token), filled as they
    are met (``clauses.adjunct_at``); ``None`` to run the pattern at every position."""
    addressee_heads: dict[str, bool] | None = attrs.field(factory=dict, eq=False, repr=False)
    """The same for the addressee pattern (whose form is fixed: always safe)."""
    known: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    """Every lowercase word the lexicon names (cue forms, pronouns, function words ...): how the
    finder reads a sentence written in capitals (``state.recased``)."""

    np_stops: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    """The clause words and the cue forms: a lower-case word among them ends a noun phrase
    walked back from a cue (``sources.np_back``)."""

    np_marked: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    """Every word ``sources.np_back`` looks at more closely: the stops, relatives, pronouns and
    function verbs."""

    def __attrs_post_init__(self) -> None:
        stops = self.clause_words | frozenset(self.frames)
        object.__setattr__(self, "np_stops", stops)
        marked = stops | self.relatives | self.pronouns | self.function_verbs
        object.__setattr__(self, "np_marked", marked)
        words: set[str] = set(self.frames) | set(self.starts)
        for f in attrs.fields(type(self)):
            value = getattr(self, f.name, None)
            if f.name not in ("known", "np_stops", "np_marked") and isinstance(value, frozenset):
                words.update(w for w in value if isinstance(w, str))
        object.__setattr__(self, "known", frozenset(words))


def _key(form: str) -> str:
    return " ".join(form.lower().split())


def _lower_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for entry in words for w in entry.split())


def _cue_frames(rules: StatementRules) -> dict[str, frozenset[str]]:
    frames: dict[str, frozenset[str]] = {}
    for verb in rules.verb:
        for form in verb.forms:
            key = _key(form)
            frames[key] = frames.get(key, frozenset()) | frozenset(verb.frames)
    if not frames:
        raise RuleError("statements.toml: no [[verb]] cues")
    return frames


def _adjunct_pattern(adjuncts: tuple[str, ...], shipped: bool = False) -> regex.Pattern[str]:
    # Each adjunct of your own is compiled alone first, to name a bad one; the shipped ones are
    # compiled by the test suite (issue 16, cold start).
    for i, pattern in enumerate(() if shipped else adjuncts):
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise RuleError(
                f"statements.toml: adjuncts[{i}] {pattern!r} is not a valid pattern: {exc}"
            ) from exc
    return regex.compile(
        r"\s{0,3}(?:" + "|".join(f"(?:{p})" for p in adjuncts) + r")(?![\w’'\-])", regex.IGNORECASE
    )


def _addressee_pattern(addressees: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(
        r"\s{0,3}(?:(?i:\L<addressees>)|(?:The\s)?[A-Z][\w.’'&\-]{0,30}(?:\s[A-Z][\w.’'&\-]{0,30}){0,4})"
        r"(?![\w’'\-])",
        addressees=sorted({a.lower() for a in addressees}),
    )


def _whole_words(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """The words, in lower case or capitalised, as whole words; ``None`` for no words."""
    if not words:
        return None
    forms = {w.lower() for w in words} | {w.capitalize() for w in words}
    return regex.compile(r"(?<![\p{L}\d'’-])(?:" + alternation(forms) + r")(?![\p{L}\d'’-])")


_MORE_SETS = (
    "noun_prepositions",
    "negations",
    "infinitive_markers",
    "organisation_nouns",
    "leader_nouns",
    "subordinators",
    "first_person",
)
"""Word lists compiled as lower-case sets under their own names (kept out of compile_cues' body)."""


def _sets(rules: StatementRules, names: tuple[str, ...]) -> dict[str, Any]:
    """The word lists ``names`` of ``rules`` as lower-case sets, by name."""
    return {name: _lower_set(getattr(rules, name)) for name in names}


def _genders(rules: StatementRules) -> dict[str, Any]:
    """The words that tell a person's gender: titles, given names, spokesperson nouns."""
    names = rules.first_names
    return {
        "plural_pronouns": _lower_set(rules.plural_pronouns),
        "male_titles": frozenset(t.lower().rstrip(".") for t in rules.male_titles),
        "female_titles": frozenset(t.lower().rstrip(".") for t in rules.female_titles),
        "male_names": frozenset(names.male) - frozenset(names.female) - frozenset(names.either),
        "female_names": frozenset(names.female) - frozenset(names.male) - frozenset(names.either),
        "spokesperson_gender": {
            **dict.fromkeys(_lower_set(rules.either_spokespeople)),
            **dict.fromkeys(_lower_set(rules.male_spokespeople), "M"),
            **dict.fromkeys(_lower_set(rules.female_spokespeople), "F"),
            **dict.fromkeys(_lower_set(rules.plural_spokespeople), PLURAL),
        },
    }


def _refinement(rules: StatementRules) -> dict[str, Any]:
    """The tables of the cast refinement (:mod:`.refine`)."""
    return {
        "first_person_plural": _whole_words(rules.first_person_plural),
        "state_sectors": tuple(rules.state_sectors),
    }


def compile_cues(rules: StatementRules) -> CueLexicon:
    """The lookup tables of a statement rule set.

    Raises:
        RuleError: if an adjunct is not a valid pattern, or there are no cue verbs.
    """
    frames = _cue_frames(rules)
    according = [_key(a) for a in rules.according]
    # The finder looks each word token up in ``starts`` (a hash lookup per token, much faster than
    # one alternation of hundreds of forms run at every position) and checks the rest of a
    # multi-word form ("according to", "pointed out") on the following tokens.
    every = {**frames, **dict.fromkeys(according, frozenset({ACCORDING}))}
    gerund = tuple(rules.gerund_suffixes)
    starts: dict[str, list[CueForm]] = {}
    for key in (*frames, *according):
        words = tuple(key.split())
        cue = CueForm(words, key, every[key], participle=words[0].endswith(gerund))
        starts.setdefault(words[0], []).append(cue)
    for options in starts.values():
        options.sort(key=lambda c: len(c.words), reverse=True)

    def ws(name: str) -> frozenset[str]:
        words: tuple[str, ...] = getattr(rules, name)
        return _lower_set(words)

    conjunctions = ws("coordinators") | ws("contrasts") | ws("speaker_conjunctions")
    shipped = RuleSet._SHIPPED_CACHE.get(type(rules)) is rules
    return CueLexicon(
        frames=every,
        starts={k: tuple(v) for k, v in starts.items()},
        marks=frozenset({*frames, *starts, *CLAUSE_MARKS, *conjunctions}),
        clause_conjunctions=conjunctions,
        adjunct=_adjunct_pattern(rules.adjuncts, shipped),
        adjunct_heads={} if shipped else None,
        addressee=_addressee_pattern(rules.addressees),
        personal_pronouns=ws("pronouns") - ws("relatives"),
        gerund_suffixes=tuple(rules.gerund_suffixes),
        adverb_suffixes=tuple(rules.adverb_suffixes),
        possessives=tuple(rules.possessives),
        scare_quote_words=rules.scare_quote_words,
        split_quote_sentences=rules.split_quote_sentences,
        definite=ws("definite"),
        documents=ws("documents"),
        bodies=ws("bodies"),
        addressed=ws("addressed"),
        agent_prepositions=ws("agent_prepositions"),
        participle_suffixes=tuple(rules.participle_suffixes),
        male=ws("male_pronouns"),
        female=ws("female_pronouns"),
        neuter=ws("neuter_pronouns"),
        **_genders(rules),
        time_reach=rules.time_inheritance_paragraphs,
        **_refinement(rules),
        **_sets(rules, _MORE_SETS),
        auxiliaries=ws("auxiliaries"),
        clause_words=ws("clause_words"),
        relatives=ws("relatives"),
        pronouns=ws("pronouns"),
        title_cues=ws("title_cues"),
        not_clause=ws("not_clause"),
        spokespeople=ws("spokespeople"),
        connectives=ws("connectives"),
        determiners=ws("determiners"),
        modifier_prepositions=ws("modifier_prepositions"),
        time_prepositions=ws("time_prepositions"),
        prepositions=ws("prepositions"),
        function_verbs=ws("function_verbs"),
        subject_pronouns=ws("subject_pronouns"),
        anaphors=ws("anaphors"),
        name_joiners=ws("name_joiners"),
        title_words=ws("title_words"),
        coordinators=ws("coordinators"),
        clause_openers=ws("clause_openers"),
        contrasts=ws("contrasts"),
        do_support=ws("do_support"),
        complementizers=ws("complementizers"),
        speaker_conjunctions=ws("speaker_conjunctions"),
    )
