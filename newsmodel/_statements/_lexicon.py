"""The statement rule set (``statements.toml``), validated into a typed, compiled lexicon."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import regex

from ..errors import RuleError

__all__ = ["FRAMES", "Lexicon", "compile_lexicon"]

FRAMES = frozenset({"quote", "clause", "postposed", "addressee", "quoted", "that"})
_FILE = "statements.toml"
# Tokens where a reported clause may end; the finder's clause scan visits only these and cues.
_BOUNDARIES = (",", ";", "—", "–", "―", "and", "but", "while", "whereas")
_WORD_LISTS = (
    "according",
    "name_joiners",
    "title_words",
    "coordinators",
    "clause_openers",
    "contrasts",
    "do_support",
    "auxiliaries",
    "addressees",
    "clause_words",
    "relatives",
    "pronouns",
    "title_cues",
    "not_clause",
    "spokespeople",
    "connectives",
    "determiners",
    "modifier_prepositions",
    "time_prepositions",
    "prepositions",
    "function_verbs",
    "subject_pronouns",
    "anaphors",
)


@attrs.frozen(kw_only=True)
class Lexicon:
    """The compiled statement rules.

    Attributes:
        frames: the frames of every cue form (lower case), e.g. ``frames["said"]``.
        starts: the cue forms (as word tuples, longest first) by their first word.
        marks: the tokens (lower case) the finder stops at: cue words and clause boundaries.
        adjunct: a pattern matching one adjunct (``in a statement``) at a position.
        addressee: a pattern matching one addressee (``reporters``) at a position.
        auxiliaries, clause_words, relatives, pronouns, title_cues, not_clause, spokespeople,
            connectives, determiners, modifier_prepositions, time_prepositions, prepositions,
            function_verbs, subject_pronouns, anaphors: word sets (lower case), as documented in
            ``statements.toml``.
        scare_quote_words: the longest cue-less quotation taken for scare quotes.
        time_reach: how many paragraphs back a statement without a time of its own looks for
            the same speaker's previous statement, whose time it inherits.
    """

    frames: Mapping[str, frozenset[str]]
    starts: Mapping[str, tuple[tuple[str, ...], ...]]
    marks: frozenset[str]
    adjunct: regex.Pattern[str]
    addressee: regex.Pattern[str]
    auxiliaries: frozenset[str]
    clause_words: frozenset[str]
    relatives: frozenset[str]
    pronouns: frozenset[str]
    title_cues: frozenset[str]
    not_clause: frozenset[str]
    spokespeople: frozenset[str]
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
    scare_quote_words: int
    time_reach: int


def _words(rules: Mapping[str, Any], key: str) -> list[str]:
    value = rules.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RuleError(f"{_FILE}: {key} must be a list of non-empty strings")
    return [w.strip() for w in value]


def compile_lexicon(rules: Mapping[str, Any]) -> Lexicon:
    """Validate a statement rule set and compile its patterns.

    Raises:
        RuleError: naming the file and the entry that is malformed.
    """
    if not isinstance(rules, Mapping):
        raise RuleError(f"{_FILE}: the rule set must be a table, not {type(rules).__name__}")
    verbs = rules.get("verb", [])
    if not isinstance(verbs, list):
        raise RuleError(f"{_FILE}: verb must be an array of tables ([[verb]])")
    frames: dict[str, frozenset[str]] = {}
    for i, verb in enumerate(verbs):
        where = f"{_FILE}: verb[{i}]"
        if not isinstance(verb, Mapping):
            raise RuleError(f"{where} must be a table")
        forms, kinds = verb.get("forms"), verb.get("frames")
        if (
            not isinstance(forms, list)
            or not forms
            or not all(isinstance(f, str) and f.strip() for f in forms)
        ):
            raise RuleError(f"{where}.forms must be a non-empty list of words")
        if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
            raise RuleError(f"{where}.frames must be a non-empty list of frame names")
        unknown = sorted(set(kinds) - FRAMES)
        if unknown:
            raise RuleError(f"{where} ({forms[0]!r}) has unknown frame(s) {unknown}; known: {sorted(FRAMES)}")
        for form in forms:
            key = " ".join(form.lower().split())
            frames[key] = frames.get(key, frozenset()) | frozenset(kinds)
    lists = {key: _words(rules, key) for key in _WORD_LISTS}
    according = [" ".join(a.lower().split()) for a in lists["according"]]
    scare = rules.get("scare_quote_words", 3)
    if type(scare) is not int or scare < 0:
        raise RuleError(f"{_FILE}: scare_quote_words must be a non-negative integer")
    reach = rules.get("time_inheritance_paragraphs", 2)
    if type(reach) is not int or reach < 0:
        raise RuleError(f"{_FILE}: time_inheritance_paragraphs must be a non-negative integer")
    adjuncts = _words(rules, "adjuncts")
    for i, pattern in enumerate(adjuncts):
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise RuleError(f"{_FILE}: adjuncts[{i}] {pattern!r} is not a valid pattern: {exc}") from exc
    if not frames:
        raise RuleError(f"{_FILE}: no [[verb]] cues")
    # The finder looks each word token up in ``starts`` (a hash lookup per token, much faster than
    # one alternation of hundreds of forms run at every position) and checks the rest of a
    # multi-word form ("according to", "pointed out") on the following tokens.
    starts: dict[str, list[tuple[str, ...]]] = {}
    for key in (*frames, *according):
        words = tuple(key.split())
        starts.setdefault(words[0], []).append(words)
    for options in starts.values():
        options.sort(key=len, reverse=True)
    adjunct = regex.compile(
        r"\s{0,3}(?:" + "|".join(f"(?:{p})" for p in adjuncts) + r")(?![\w’'\-])", regex.IGNORECASE
    )
    addressees = sorted({a.lower() for a in lists["addressees"]})
    addressee = regex.compile(
        r"\s{0,3}(?:(?i:\L<addressees>)|(?:The\s)?[A-Z][\w.’'&\-]{0,30}(?:\s[A-Z][\w.’'&\-]{0,30}){0,4})"
        r"(?![\w’'\-])",
        addressees=addressees,
    )

    def lower_set(key: str) -> frozenset[str]:
        return frozenset(w.lower() for entry in lists[key] for w in entry.split())

    return Lexicon(
        frames={**frames, **dict.fromkeys(according, frozenset({"according"}))},
        starts={k: tuple(v) for k, v in starts.items()},
        marks=frozenset({*frames, *starts, *_BOUNDARIES}),
        adjunct=adjunct,
        addressee=addressee,
        auxiliaries=lower_set("auxiliaries"),
        clause_words=lower_set("clause_words"),
        relatives=lower_set("relatives"),
        pronouns=lower_set("pronouns"),
        title_cues=lower_set("title_cues"),
        not_clause=lower_set("not_clause"),
        spokespeople=lower_set("spokespeople"),
        connectives=lower_set("connectives"),
        determiners=lower_set("determiners"),
        modifier_prepositions=lower_set("modifier_prepositions"),
        time_prepositions=lower_set("time_prepositions"),
        prepositions=lower_set("prepositions"),
        function_verbs=lower_set("function_verbs"),
        subject_pronouns=lower_set("subject_pronouns"),
        anaphors=lower_set("anaphors"),
        name_joiners=lower_set("name_joiners"),
        title_words=lower_set("title_words"),
        coordinators=lower_set("coordinators"),
        clause_openers=lower_set("clause_openers"),
        contrasts=lower_set("contrasts"),
        do_support=lower_set("do_support"),
        scare_quote_words=scare,
        time_reach=reach,
    )
