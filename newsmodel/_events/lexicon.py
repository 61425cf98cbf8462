"""The PLOVER event lexicon: ``events.toml`` validated into typed entries and compiled patterns.

Every trigger is written once, as a lemma (``"accuse"``) or a phrase whose first word is a lemma
(``"hold ... talks with"``); the loader generates the inflections (``accuses``, ``accused``,
``accusing``), irregular forms come from the ``[irregular]`` table. A phrase is matched from its
first word (the *head*, found for all entries at once with one ``regex`` named list) and then its
*tail* is tried at that position, longest phrases first. ``...`` in a phrase stands for zero to
``settings.gap`` words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from ..errors import RuleError
from ..model import EventKind

__all__ = [
    "SCAN_COUNT",
    "SCAN_CUE",
    "SCAN_HEAD",
    "SCAN_PHRASE_ONLY",
    "SCAN_STATEMENT",
    "Entry",
    "Lexicon",
    "inflect_noun",
    "inflect_verb",
]

# What a word of the token scan is (bits of ``Lexicon.scan``).
SCAN_COUNT = 1  # first word of a count verb
SCAN_STATEMENT = 2  # a statement word ("must")
SCAN_CUE = 4  # first word of a mode cue
SCAN_HEAD = 8  # first word of a trigger
SCAN_PHRASE_ONLY = 16  # ... of phrases only (see ``Lexicon.phrase_only``)

_VOWELS = "aeiou"
_WORD = regex.compile(r"[A-Za-z][A-Za-z'’\-.]*")
_POS = ("verbs", "nouns", "phrases")
_KIND_KEYS = {
    *_POS,
    "noun_source",
    "absorbs",
    "absorbs_objects",
    "absorbs_proposals",
    "description",
    "swapped",
    "from_target",
    "needs_target",
}


def inflect_verb(lemma: str, irregular: Mapping[str, Iterable[str]] = {}) -> tuple[str, ...]:
    """Every form of a regular English verb, plus its irregular forms.

    Over-generation is harmless (``visitted`` never occurs in text), so a final consonant is
    given both the doubled and the plain spelling.
    """
    w = lemma.lower()
    forms = {w}
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(w + "es")
    elif len(w) > 1 and w.endswith("y") and w[-2] not in _VOWELS:
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if w.endswith("e"):
        forms.add(w + "d")
        forms.add(
            (w[:-2] + "ying")
            if w.endswith("ie")
            else (w + "ing" if w.endswith(("ee", "ye", "oe")) else w[:-1] + "ing")
        )
    elif len(w) > 1 and w.endswith("y") and w[-2] not in _VOWELS:
        forms.update((w[:-1] + "ied", w + "ing"))
    else:
        forms.update((w + "ed", w + "ing"))
        if len(w) > 2 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            forms.update((w + w[-1] + "ed", w + w[-1] + "ing"))
    forms.update(f.lower() for f in irregular.get(w, ()))
    return tuple(sorted(forms))


def inflect_noun(word: str) -> tuple[str, ...]:
    """A noun and its regular plural."""
    w = word.lower()
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return (w, w + "es")
    if len(w) > 1 and w.endswith("y") and w[-2] not in _VOWELS:
        return (w, w[:-1] + "ies")
    return (w, w + "s")


@attrs.frozen(kw_only=True)
class Entry:
    """One lexicon entry.

    Attributes:
        kind: the PLOVER category.
        pos: ``"verb"`` or ``"noun"`` (how sources and targets are found around it).
        text: the entry as written in the rule file (``"hold ... talks with"``).
        heads: lower-case forms of its first word.
        tail: pattern for the rest of the phrase, matched right after the head (``None`` for one word).
        gapped: whether the phrase has a ``...`` gap (the trigger is then the head word only).
        swapped: the subject is the target and the ``from``/``by`` phrase the source (``receive``).
        from_target: the ``from`` phrase is the target, not the object (``withdraw troops from``).
        needs_target: an event only when an actor is its target (``released Prime Minister X``,
            not ``a video released by``).
        origin: ``"lexicon"``, or ``"statement"`` for the words that make reported speech an
            event (``must`` in "said the rebels must disarm").
        rule: the rule id events from this entry carry (``"lexicon:ACCUSE:blame"``).
        length: words in the phrase, to try longer phrases first.
    """

    kind: EventKind
    pos: str
    text: str
    heads: tuple[str, ...]
    tail: regex.Pattern[str] | None
    gapped: bool
    swapped: bool
    length: int
    from_target: bool = False
    needs_target: bool = False
    origin: str = "lexicon"

    rule: str = attrs.field(init=False)

    @rule.default
    def _rule(self) -> str:
        """The rule id events from this entry carry (``"lexicon:ACCUSE:blame"``)."""
        return f"{self.origin}:{self.kind.name}:{self.text}"


def _words(file: str, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"{file}: {where} must be a list of non-empty strings")
    return [v.strip() for v in value]


_OBJECT_WORDS = 4  # "...+" stands for a noun phrase: "ordered former president Carlos Menem to"


def _tail(
    words: list[str], gap: int, plural: bool = True, determiners: frozenset[str] = frozenset()
) -> tuple[regex.Pattern[str] | None, bool]:
    parts: list[str] = []
    gapped = False
    for n, w in enumerate(words):
        if w in ("...", "...+"):
            gapped = True
            if w == "...+":  # an object, so not "to" first ("want ...+ to" is not "want to reach out to")
                parts.append(rf"\s+(?!to\s)[^\s;:!?]+(?:\s+[^\s;:!?]+){{0,{_OBJECT_WORDS - 1}}}?")
            else:
                parts.append(rf"(?:\s+[^\s;:!?]+){{0,{gap}}}?")
            continue
        forms = sorted(set(inflect_noun(w)) | {w.lower()}, key=len, reverse=True) if plural else [w.lower()]
        parts.append(r"\s+(?:" + "|".join(regex.escape(f) for f in forms) + r")(?![\w'\-])")
        if w == "to" and n > 0 and words[n - 1] == "...+" and n == len(words) - 1:
            # "ask X to" + a verb: not "told a news conference during a visit to Washington".
            dets = "|".join(regex.escape(d) for d in sorted(determiners) if d.isalpha()) or "(?!x)x"
            parts.append(rf"(?=\s+(?!(?:{dets})\b)[a-z])")
    if not parts:
        return None, False
    return regex.compile("".join(parts)), gapped


@attrs.frozen(kw_only=True)
class Lexicon:
    """The validated event rule set.

    Attributes:
        entries: every trigger entry.
        by_head: entries keyed by the lower-case form of their first word, longest phrase first.
        first_words: every head, first word of a cue, count verb and statement word: the words the
            one scan over the segmenter's tokens stops at (a set lookup per token).
        count_words: first words of the count verbs (sentences without one are not searched for counts).
        scan: ``first_words`` with what each is, as ``SCAN_*`` bits: one lookup per token.
        tails: per head, the tails of its phrases as one alternation (group ``e<i>``: entry ``i``).
        ambiguous: heads that are a one-word noun and a one-word verb (``attack``): context decides.
        needed: per head with tails, the literal tail words (any form) and the token window they lie in.
        tail_entries: per head with tails, its phrases in the order of ``tails``, each with the forms
            of its last word: only the phrases whose last word is near are tried.
        cue_needed: per cue first word whose cues all have tails, the words of those tails.
        cue_single: per cue first word that is a cue on its own and whose longer cues are short
            phrases of plain words: that cue (mode, phrase) and the words of the longer ones;
            when none of those is among the next four tokens, the word is the cue.
        singles: heads that are a trigger on their own (not only the first word of phrases).
        phrase_only: heads that are only the first word of phrases, none of which an exclusion
            starts: an occurrence whose phrases' last words are not near is no trigger at all.
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
        cue_reach: tokens a cue may cover after its first one, at most (its words lie on whitespace,
            so twice its other words, and one for a clitic, bound it).
        settings: numeric settings (``gap``, ``mode_window``, ``target_window`` ...).
        words: named word lists (prepositions, clause boundaries, determiners ...).
        noun_source: per kind, whether a noun trigger takes the clause subject as its source
            (``"subject"``) or only with a support verb (``"support"``).
        absorbs: kinds whose control verbs absorb the event of their complement (``threatened to ban``).
        absorbs_objects: kinds whose verbs absorb a noun event heading their object (``rejected an offer``).
        absorbs_proposals: kinds whose verbs absorb the events proposed in the complement of a
            proposal they take as object (``rejected an offer to host a summit``).
        recode: cue lists and kind sets of the recoding rules (intent, conditional threat).
        counts: word lists for casualty and arrest counts, by :class:`~newsmodel.CountKind` name.
        numbers: number words and their values (``"seventy"``: 70).
        count_patterns: the two count patterns (verb before the number, number before the verb).
        number_words: the words of the number words: where none occurs and no digit, no count can.
        count_starts: first words of the number words and count qualifiers: where a count that
            does not start with its verb starts.
    """

    entries: tuple[Entry, ...]
    by_head: Mapping[str, tuple[Entry, ...]]
    first_words: frozenset[str]
    intent_kinds: frozenset[EventKind]
    threat_kinds: frozenset[EventKind]
    count_words: frozenset[str]
    scan: Mapping[str, int]
    tails: Mapping[str, tuple[regex.Pattern[str], tuple[Entry, ...]]]
    ambiguous: frozenset[str]
    needed: Mapping[str, tuple[frozenset[str], int]]
    tail_entries: Mapping[str, tuple[tuple[Entry, frozenset[str]], ...]]
    singles: frozenset[str]
    phrase_only: frozenset[str]
    statement_words: Mapping[str, Entry]
    exclusions: Mapping[str, regex.Pattern[str]]
    left_stops: frozenset[str]
    right_stops: frozenset[str]
    prepositions: frozenset[str]
    verb_like: frozenset[str]
    cue_needed: Mapping[str, frozenset[str]]
    cue_single: Mapping[str, tuple[tuple[str, str], frozenset[str]]]
    cues: Mapping[str, tuple[regex.Pattern[str], tuple[tuple[str, str], ...]]]
    cue_reach: int
    settings: Mapping[str, int]
    words: Mapping[str, frozenset[str]]
    noun_source: Mapping[EventKind, str]
    absorbs: frozenset[EventKind]
    absorbs_objects: frozenset[EventKind]
    absorbs_proposals: frozenset[EventKind]
    recode: Mapping[str, frozenset[str]]
    counts: Mapping[str, frozenset[str]]
    numbers: Mapping[str, int]
    count_patterns: tuple[regex.Pattern[str], regex.Pattern[str]]
    number_words: tuple[str, ...]
    count_starts: frozenset[str]

    @classmethod
    def from_rules(cls, rules: Mapping[str, Any], file: str = "events.toml") -> Lexicon:
        """Validate a rule set (the parsed TOML) and compile it.

        Raises:
            RuleError: naming the file and the entry that is malformed.
        """
        if not isinstance(rules, Mapping):
            raise RuleError(f"{file}: the rule set must be a table")
        settings_raw = rules.get("settings", {})
        if not isinstance(settings_raw, Mapping):
            raise RuleError(f"{file}: [settings] must be a table")
        settings = {"gap": 6, "mode_window": 8, "target_window": 14, "subject_window": 40}
        for k, v in settings_raw.items():
            if k not in settings or type(v) is not int or not 0 <= v <= 100:
                raise RuleError(f"{file}: settings.{k} must be one of {sorted(settings)} with an int 0..100")
            settings[k] = v
        irregular_raw = rules.get("irregular", {})
        if not isinstance(irregular_raw, Mapping):
            raise RuleError(f"{file}: [irregular] must be a table of lemma = [forms]")
        irregular = {str(k).lower(): _words(file, f"irregular.{k}", v) for k, v in irregular_raw.items()}
        words_raw = rules.get("words", {})
        if not isinstance(words_raw, Mapping):
            raise RuleError(f"{file}: [words] must be a table of lists")
        words = {k: frozenset(w.lower() for w in _words(file, f"words.{k}", v)) for k, v in words_raw.items()}
        for k in [k for k in words if k.endswith("_verbs")]:
            words[k] = frozenset(f for w in words[k] for f in inflect_verb(w, irregular))
        needed = (
            "location_prepositions",
            "other_prepositions",
            "target_prepositions",
            "boundaries",
            "reporting",
            "be",
            "determiners",
            "support_verbs",
            "pronouns",
            # the grammar the role finder reads
            "agent_prepositions",
            "passive_agent",
            "complementizers",
            "infinitive",
            "complement_openers",
            "first_person",
            "name_links",
            "adverb_suffixes",
            "participle_suffixes",
            "past_suffixes",
            "gerund_suffixes",
            "month_cues",
        )
        for k in needed:
            if k not in words:
                raise RuleError(f"{file}: words.{k} is missing")

        modes_raw = rules.get("modes", {})
        if not isinstance(modes_raw, Mapping):
            raise RuleError(f"{file}: [modes] must be a table")
        cue_lists = {}
        for k in ("negated", "future", "hypothetical"):
            cue_lists[k] = _words(file, f"modes.{k}", modes_raw.get(k, []))
        recode_raw = rules.get("recode", {})
        if not isinstance(recode_raw, Mapping):
            raise RuleError(f"{file}: [recode] must be a table")
        recode: dict[str, frozenset[str]] = {}
        for k in ("intent_cues", "intent_kinds", "threat_cues", "threat_kinds", "refusal_cues"):
            recode[k] = frozenset(w.lower() for w in _words(file, f"recode.{k}", recode_raw.get(k, [])))
        for k in ("intent_kinds", "threat_kinds"):
            for name in recode[k]:
                if name.upper() not in EventKind.__members__:
                    raise RuleError(f"{file}: recode.{k}: {name!r} is not a PLOVER category")
        counts_raw = rules.get("counts", {})
        if not isinstance(counts_raw, Mapping):
            raise RuleError(f"{file}: [counts] must be a table")
        counts = {}
        for k, v in counts_raw.items():
            if k.upper() not in ("KILLED", "INJURED", "ARRESTED"):
                raise RuleError(f"{file}: counts.{k} is not KILLED, INJURED or ARRESTED")
            counts[k.upper()] = frozenset(w.lower() for w in _words(file, f"counts.{k}", v))

        numbers_raw = rules.get("numbers", {})
        if not isinstance(numbers_raw, Mapping) or not all(
            type(v) is int and v >= 0 for v in numbers_raw.values()
        ):
            raise RuleError(f"{file}: [numbers] must map number words to non-negative ints")
        numbers = {str(k).lower(): int(v) for k, v in numbers_raw.items()}
        count_patterns = _count_patterns(counts, numbers, words)

        exclusions_raw = rules.get("exclusions", {})
        if not isinstance(exclusions_raw, Mapping):
            raise RuleError(f"{file}: [exclusions] must be a table with a list of phrases")
        excluded: dict[str, list[str]] = {}
        for text in _words(file, "exclusions.phrases", exclusions_raw.get("phrases", [])):
            parts = text.split()
            if len(parts) < 2 or not _WORD.fullmatch(parts[0]) or parts[-1] in ("...", "...+"):
                raise RuleError(f"{file}: exclusions.phrases: {text!r} must be a phrase of words")
            tail, _ = _tail(parts[1:], settings["gap"], plural=False)
            assert tail is not None
            for h in inflect_verb(parts[0], irregular):
                excluded.setdefault(h, []).append(tail.pattern)
        exclusions = {h: regex.compile("|".join(f"(?:{p})" for p in ps)) for h, ps in excluded.items()}

        statement_raw = rules.get("statements", {})
        if not isinstance(statement_raw, Mapping):
            raise RuleError(f"{file}: [statements] must be a table of CATEGORY = [words]")
        statement_words: dict[str, Entry] = {}
        for name, ws in statement_raw.items():
            if name not in EventKind.__members__:
                raise RuleError(f"{file}: statements.{name} is not a PLOVER 2021 category")
            for w in _words(file, f"statements.{name}", ws):
                statement_words[w.lower()] = Entry(
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

        kinds_raw = rules.get("kinds", {})
        if not isinstance(kinds_raw, Mapping) or not kinds_raw:
            raise RuleError(f"{file}: [kinds.<CATEGORY>] tables are missing")
        gap = settings["gap"]
        entries: list[Entry] = []
        noun_source: dict[EventKind, str] = {}
        absorbs: set[EventKind] = set()
        absorbs_objects: set[EventKind] = set()
        absorbs_proposals: set[EventKind] = set()
        for name, table in kinds_raw.items():
            if name not in EventKind.__members__:
                raise RuleError(f"{file}: [kinds.{name}] is not a PLOVER 2021 category")
            if not isinstance(table, Mapping):
                raise RuleError(f"{file}: [kinds.{name}] must be a table")
            unknown = set(table) - _KIND_KEYS
            if unknown:
                raise RuleError(f"{file}: [kinds.{name}] has unknown keys {sorted(unknown)}")
            kind = EventKind[name]
            ns = table.get("noun_source", "support")
            if ns not in ("subject", "support"):
                raise RuleError(f"{file}: kinds.{name}.noun_source must be 'subject' or 'support'")
            noun_source[kind] = ns
            if table.get("absorbs", False) is True:
                absorbs.add(kind)
            if table.get("absorbs_objects", False) is True:
                absorbs_objects.add(kind)
            if table.get("absorbs_proposals", False) is True:
                absorbs_proposals.add(kind)
            swapped = set(_words(file, f"kinds.{name}.swapped", table.get("swapped", [])))
            from_target = set(_words(file, f"kinds.{name}.from_target", table.get("from_target", [])))
            needs_target = set(_words(file, f"kinds.{name}.needs_target", table.get("needs_target", [])))
            for pos in _POS:
                for text in _words(file, f"kinds.{name}.{pos}", table.get(pos, [])):
                    parts = text.split()
                    if not _WORD.fullmatch(parts[0]):
                        raise RuleError(f"{file}: kinds.{name}.{pos}: {text!r} must start with a word")
                    if pos != "phrases" and len(parts) > 1:
                        raise RuleError(
                            f"{file}: kinds.{name}.{pos}: {text!r} has several words; put it in phrases"
                        )
                    if parts[-1] in ("...", "...+"):
                        raise RuleError(f"{file}: kinds.{name}.{pos}: {text!r} must not end with '...'")
                    head = parts[0]
                    if pos == "nouns":
                        heads = inflect_noun(head)
                    elif head.islower() or pos == "verbs":
                        heads = inflect_verb(head, irregular)
                        if pos == "phrases":
                            heads = tuple(sorted(set(heads) | set(inflect_noun(head))))
                    else:
                        heads = (head.lower(),)
                    tail, gapped = _tail(parts[1:], gap, determiners=words["determiners"])
                    entries.append(
                        Entry(
                            kind=kind,
                            pos="noun"
                            if pos == "nouns" or (pos == "phrases" and not _is_verb_phrase(head, words))
                            else "verb",
                            text=text,
                            heads=heads,
                            tail=tail,
                            gapped=gapped,
                            swapped=text in swapped,
                            from_target=text in from_target,
                            needs_target=text in needs_target,
                            length=len(parts),
                        )
                    )
        by_head: dict[str, list[Entry]] = {}
        for e in entries:
            for h in e.heads:
                by_head.setdefault(h, []).append(e)
        ordered = {h: tuple(sorted(es, key=lambda e: -e.length)) for h, es in by_head.items()}
        # All phrase tails of one head in one alternation, longest first: one match per head found.
        tails: dict[str, tuple[regex.Pattern[str], tuple[Entry, ...]]] = {}
        tail_needs: dict[str, tuple[frozenset[str], int]] = {}
        tail_entries: dict[str, tuple[tuple[Entry, frozenset[str]], ...]] = {}
        for h, es in ordered.items():
            with_tail = tuple(e for e in es if e.tail is not None)
            if with_tail:
                alt = "|".join(f"(?P<e{i}>{e.tail.pattern})" for i, e in enumerate(with_tail) if e.tail)
                tails[h] = (regex.compile(alt), with_tail)
                # The words one of the tails needs, and how far ahead they can be: a set test on
                # the next tokens skips the pattern for most occurrences of common heads ("said").
                tail_needs[h] = (
                    frozenset(f for e in with_tail for f in _tail_words(e.text)),
                    max(len(e.text.split()) + (gap if e.gapped else 0) for e in with_tail) + 2,
                )
                tail_entries[h] = tuple((e, frozenset(_tail_words(e.text))) for e in with_tail)
        count_first = frozenset(w.split()[0] for ws in counts.values() for w in ws)
        cues: dict[str, list[tuple[str, regex.Pattern[str] | None, str]]] = {}
        for k, phrases in cue_lists.items():
            for phrase in phrases:
                ws = phrase.lower().replace("’", "'").split()
                cues.setdefault(ws[0], []).append((k, _tail(ws[1:], gap, plural=False)[0], phrase.lower()))
        ordered_cues = {w: tuple(sorted(v, key=lambda c: -len(c[2].split()))) for w, v in cues.items()}
        # Like trigger tails: the tails of the cues sharing a first word, as one alternation.
        cue_tails: dict[str, tuple[regex.Pattern[str], tuple[tuple[str, str], ...]]] = {}
        cue_needed: dict[str, frozenset[str]] = {}
        cue_single: dict[str, tuple[tuple[str, str], frozenset[str]]] = {}
        for w, cs in ordered_cues.items():
            alts = [f"(?P<c{i}>{c[1].pattern if c[1] is not None else ''})" for i, c in enumerate(cs)]
            cue_tails[w] = (regex.compile("|".join(alts)), tuple((c[0], c[2]) for c in cs))
            if all(c[1] is not None for c in cs):
                cue_needed[w] = frozenset(x for c in cs for x in c[2].split()[1:])
            # A one-word cue ("not") needs no pattern when none of the longer ones can follow.
            single = next(((c[0], c[2]) for c in cs if c[1] is None), None)
            longer = [c[2].split()[1:] for c in cs if c[1] is not None]
            if single is not None and all(len(t) <= 4 and all(x.isalpha() for x in t) for t in longer):
                cue_single[w] = (single, frozenset(x for t in longer for x in t))
        first_words = frozenset(ordered) | frozenset(ordered_cues) | count_first | frozenset(statement_words)
        singles = frozenset(h for h, es in ordered.items() if any(e.tail is None for e in es))
        phrase_only = frozenset(
            h for h, es in ordered.items() if h in tails and h not in exclusions and h not in singles
        )
        scan = {
            w: (SCAN_COUNT if w in count_first else 0)
            | (SCAN_STATEMENT if w in statement_words else 0)
            | (SCAN_CUE if w in ordered_cues else 0)
            | (SCAN_HEAD if w in ordered else 0)
            | (SCAN_PHRASE_ONLY if w in phrase_only else 0)
            for w in first_words
        }
        return cls(
            entries=tuple(entries),
            by_head=ordered,
            first_words=first_words,
            scan=scan,
            intent_kinds=frozenset(EventKind[k.upper()] for k in recode["intent_kinds"]),
            threat_kinds=frozenset(EventKind[k.upper()] for k in recode["threat_kinds"]),
            count_words=count_first,
            tails=tails,
            needed=tail_needs,
            tail_entries=tail_entries,
            statement_words=statement_words,
            exclusions=exclusions,
            left_stops=frozenset(';:—–()[]"“”') | words["boundaries"] | words["reporting"],
            right_stops=frozenset(";:—–()[]") | words["boundaries"] | words["reporting"],
            verb_like=words["be"] | words["auxiliaries"],
            prepositions=words["location_prepositions"]
            | words["other_prepositions"]
            | words["target_prepositions"],
            singles=singles,
            phrase_only=phrase_only,
            cue_needed=cue_needed,
            cue_single=cue_single,
            ambiguous=frozenset(
                h for h, es in ordered.items() if len({e.pos for e in es if e.tail is None}) > 1
            ),
            cues=cue_tails,
            cue_reach=2 * max((len(c[2].split()) for cs in ordered_cues.values() for c in cs), default=1) + 1,
            settings=settings,
            words=words,
            noun_source=noun_source,
            absorbs=frozenset(absorbs),
            absorbs_objects=frozenset(absorbs_objects),
            absorbs_proposals=frozenset(absorbs_proposals),
            recode=recode,
            counts=counts,
            numbers=numbers,
            count_patterns=count_patterns,
            number_words=tuple(sorted({w for n in numbers for w in n.split()})),
            count_starts=frozenset(
                w.split()[0] for w in (*numbers, *words.get("count_qualifiers", frozenset()))
            ),
        )


def _tail_words(text: str) -> set[str]:
    """Every form of the last word of a phrase (the rarest word is usually the last: "shields")."""
    w = text.split()[-1]
    return {*inflect_noun(w), w.lower()}


def _is_verb_phrase(head: str, words: Mapping[str, frozenset[str]]) -> bool:
    """A phrase is coded like a verb unless its first word is listed as a noun-phrase opener."""
    return head.lower() not in words.get("noun_phrase_heads", frozenset())


def _count_patterns(
    counts: Mapping[str, frozenset[str]], numbers: Mapping[str, int], words: Mapping[str, frozenset[str]]
) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """``killed at least 70 people`` and ``at least three civilians were killed``, as two patterns."""
    verbs = sorted({w for ws in counts.values() for w in ws}) or ["(?!x)x"]
    quals = sorted(words.get("count_qualifiers", frozenset())) or ["(?!x)x"]
    people = sorted(words.get("count_nouns", frozenset())) or ["(?!x)x"]
    nums = sorted(numbers) or ["(?!x)x"]
    num = r"(?:(?P<q>\L<quals>)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d{1,9}|\L<nums>)\b"
    after = r"(?:\s+(?P<p>\L<people>)\b)?"
    verb_first = regex.compile(
        rf"\b(?P<v>\L<verbs>)\s+{num}{after}",
        regex.IGNORECASE,
        verbs=verbs,
        quals=quals,
        nums=nums,
        people=people,
    )
    number_first = regex.compile(
        rf"(?<![\w.,]){num}{after}(?:\s+[A-Za-z][\w\-.]*){{0,3}}?\s+"
        r"(?:(?:have|has|had|were|was|are|is)\s+(?:been\s+)?|been\s+)?(?P<v>\L<verbs>)\b",
        regex.IGNORECASE,
        verbs=verbs,
        quals=quals,
        nums=nums,
        people=people,
    )
    return verb_first, number_first
