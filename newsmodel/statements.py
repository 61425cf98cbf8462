"""Statements: direct quotes, reported speech and denials, each with its resolved speaker.

:class:`StatementFinder` is the statement stage of the pipeline. Its language (the cue verbs and
their inflections, ``according to``, the adjuncts and addressees it skips) is the rule set
:class:`StatementRules`, shipped as ``newsmodel/rules/statements.toml``; the mechanism lives in
``newsmodel._statements``. See the "Statements" page of the documentation for the kinds and the
rule ids.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ._statements import find_statements, statements_and_cast
from ._statements.lexicon import FRAMES, CueLexicon, compile_cues
from .model import Statement
from .pipeline import Cast, Context
from .rules import Example, RuleSet
from .rules._schema import Source

__all__ = ["CuePattern", "CueVerb", "FirstNames", "StatementFinder", "StatementRules"]


def _words(_: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    for word in value:
        if not word.strip():
            raise TypeError(f"{attribute.name}: expected non-empty words, got {word!r}")


def _frames(_: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    unknown = sorted(set(value) - FRAMES)
    if unknown:
        raise TypeError(f"frames: expected frames among {sorted(FRAMES)}, got {unknown}")
    if not value:
        raise TypeError("frames: expected at least one frame")


def _not_negative(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise TypeError(f"{attribute.name}: expected a non-negative integer, got {value}")


@attrs.frozen
class CueVerb:
    """A ``[[verb]]`` of ``statements.toml``: every form that counts as a cue, and its frames."""

    forms: tuple[str, ...] = attrs.field(validator=_words)
    frames: tuple[str, ...] = attrs.field(validator=_frames)

    @forms.validator
    def _has_forms(self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if not value:
            raise TypeError("forms: expected at least one form")


@attrs.frozen
class CuePattern:
    """A ``[[pattern]]`` of ``statements.toml``: one way a statement is attributed, by the rule id
    its statements carry (``quote-then-cue``), with example texts it finds. A ``[[refinement]]``
    is one way the stage refines the cast, by the rule id of the mentions it adds
    (``quote-we-country``)."""

    id: str
    about: str = ""
    examples: tuple[str, ...] = ()


def _stripped(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.strip() for w in value)


def _word_list() -> tuple[str, ...]:
    return attrs.field(default=(), validator=_words, converter=_stripped)


@attrs.frozen
class FirstNames:
    """Given names by the gender they usually carry (``actors_people.toml``, shared with the
    actor stage): the gender a ``he`` or ``she`` source must agree with."""

    male: tuple[str, ...] = _word_list()
    female: tuple[str, ...] = _word_list()
    either: tuple[str, ...] = _word_list()


@attrs.frozen(eq=False, repr=False)
class StatementRules(RuleSet):
    """The statement rules (``statements.toml``): cue verbs with their frames, the words around
    them, and two settings. Every field is documented in the shipped file.

    Start from the shipped rules and add your own::

        rules = StatementRules.shipped().extend({"verb": [{"forms": ["muse", "mused"], "frames": ["clause"]}]})
        finder = StatementFinder(rules)
    """

    SHIPPED = ("statements", ("first_names", "actors_people"))

    verb: tuple[CueVerb, ...] = ()
    pattern: tuple[CuePattern, ...] = ()
    refinement: tuple[CuePattern, ...] = ()
    according: tuple[str, ...] = _word_list()
    auxiliaries: tuple[str, ...] = _word_list()
    adjuncts: tuple[str, ...] = _word_list()
    addressees: tuple[str, ...] = _word_list()
    clause_words: tuple[str, ...] = _word_list()
    not_clause: tuple[str, ...] = _word_list()
    spokespeople: tuple[str, ...] = _word_list()
    noun_prepositions: tuple[str, ...] = _word_list()
    negations: tuple[str, ...] = _word_list()
    infinitive_markers: tuple[str, ...] = _word_list()
    organisation_nouns: tuple[str, ...] = _word_list()
    leader_nouns: tuple[str, ...] = _word_list()
    subordinators: tuple[str, ...] = _word_list()
    first_person: tuple[str, ...] = _word_list()
    male_spokespeople: tuple[str, ...] = _word_list()
    female_spokespeople: tuple[str, ...] = _word_list()
    either_spokespeople: tuple[str, ...] = _word_list()
    plural_spokespeople: tuple[str, ...] = _word_list()
    plural_pronouns: tuple[str, ...] = _word_list()
    relatives: tuple[str, ...] = _word_list()
    pronouns: tuple[str, ...] = _word_list()
    title_cues: tuple[str, ...] = _word_list()
    connectives: tuple[str, ...] = _word_list()
    determiners: tuple[str, ...] = _word_list()
    modifier_prepositions: tuple[str, ...] = _word_list()
    time_prepositions: tuple[str, ...] = _word_list()
    prepositions: tuple[str, ...] = _word_list()
    function_verbs: tuple[str, ...] = _word_list()
    subject_pronouns: tuple[str, ...] = _word_list()
    anaphors: tuple[str, ...] = _word_list()
    name_joiners: tuple[str, ...] = _word_list()
    coordinators: tuple[str, ...] = _word_list()
    clause_openers: tuple[str, ...] = _word_list()
    contrasts: tuple[str, ...] = _word_list()
    do_support: tuple[str, ...] = _word_list()
    title_words: tuple[str, ...] = _word_list()
    complementizers: tuple[str, ...] = _word_list()
    speaker_conjunctions: tuple[str, ...] = _word_list()
    gerund_suffixes: tuple[str, ...] = _word_list()
    adverb_suffixes: tuple[str, ...] = _word_list()
    possessives: tuple[str, ...] = _word_list()
    definite: tuple[str, ...] = _word_list()
    documents: tuple[str, ...] = _word_list()
    bodies: tuple[str, ...] = _word_list()
    addressed: tuple[str, ...] = _word_list()
    agent_prepositions: tuple[str, ...] = _word_list()
    participle_suffixes: tuple[str, ...] = _word_list()
    male_pronouns: tuple[str, ...] = _word_list()
    female_pronouns: tuple[str, ...] = _word_list()
    neuter_pronouns: tuple[str, ...] = _word_list()
    male_titles: tuple[str, ...] = _word_list()
    female_titles: tuple[str, ...] = _word_list()
    first_person_plural: tuple[str, ...] = _word_list()
    state_sectors: tuple[str, ...] = _word_list()
    first_names: FirstNames = FirstNames()
    scare_quote_words: int = attrs.field(default=3, validator=_not_negative)
    time_inheritance_paragraphs: int = attrs.field(default=2, validator=_not_negative)
    split_quote_sentences: int = attrs.field(default=1, validator=_not_negative)

    def examples(self) -> Iterator[Example]:
        """The example texts of the ``[[pattern]]`` and ``[[refinement]]`` entries, each with its
        rule id."""
        for pattern in (*self.pattern, *self.refinement):
            for text in pattern.examples:
                yield Example(rule=pattern.id, text=text)


def _rules(value: StatementRules | Source) -> StatementRules:
    return StatementRules.coerce(value)


@attrs.frozen
class StatementFinder:
    """Finds statements and resolves their speakers through the actor stage's cast.

    Args:
        rules: the statement rules: a :class:`StatementRules`, or a TOML file path or a mapping
            in the layout of ``newsmodel/rules/statements.toml`` (added to the shipped rules when
            a path; read alone when a mapping). The shipped rules by default.

    Raises:
        RuleError: if ``rules`` is malformed (the message names the file, the key and what was
            expected).

    Calling the finder with a :class:`~newsmodel.pipeline.Context` returns the statements of the
    article in text order (by content). A ``DIRECT`` statement's content is the quoted words
    without their quote marks (and without the comma that closes them); an ``INDIRECT`` or
    ``MIXED`` statement's content is the reported clause, ``that`` and any quote marks included.
    """

    rules: StatementRules = attrs.field(factory=StatementRules.shipped, converter=_rules)
    _cues: CueLexicon = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_cues", self.rules.built(compile_cues))

    def __call__(self, context: Context) -> tuple[Statement, ...]:
        """The statements of the article, their speakers resolved through ``context.cast`` (the
        cast as the actor stage left it: see :meth:`refine` for the speakers' refinements)."""
        return find_statements(context, self._cues)

    def refine(self, context: Context) -> tuple[tuple[Statement, ...], Cast]:
        """The statements and the cast as their speakers refine it (what :class:`~newsmodel.Parser`
        calls): ``we`` in a government speaker's quotation is a mention of the speaker's country.
        Every speaker is an actor of the returned cast."""
        return statements_and_cast(context, self._cues)
