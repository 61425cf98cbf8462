"""The counts pass: casualty and arrest counts (``killed at least 70 people``), found around the
count verbs of a sentence and attached to the nearest event of the kinds ``[count_events]`` names."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import TYPE_CHECKING

import regex

from .. import _trusted
from ..model import Count, CountKind

if TYPE_CHECKING:
    from .lexicon import EventLexicon, WordSets
    from .rules import CountWords
    from .state import Doc, Draft

__all__ = ["attach_counts", "count_patterns", "has_count"]

_DIGIT = regex.compile(r"\d")
_COUNT_BEFORE = 120  # characters from a count's first word to its verb, at most
_COUNT_AFTER = 80  # characters from a count verb to the end of its count, at most
_bisect_left = bisect.bisect_left


def count_patterns(
    counts: Mapping[CountKind, frozenset[str]],
    numbers: Mapping[str, int],
    words: WordSets,
    grammar: CountWords,
) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """``killed at least 70 people`` and ``at least three civilians were killed``, as two patterns."""
    verbs = sorted({w for ws in counts.values() for w in ws}) or ["(?!x)x"]
    quals = sorted(words.count_qualifiers) or ["(?!x)x"]
    people = sorted(words.count_nouns) or ["(?!x)x"]
    nums = sorted(numbers) or ["(?!x)x"]
    auxes = sorted(w.lower() for w in grammar.auxiliaries) or ["(?!x)x"]
    perfect = sorted(w.lower() for w in grammar.perfect) or ["(?!x)x"]
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
        r"(?:(?:\L<auxes>)\s+(?:(?:\L<perfect>)\s+)?|(?:\L<perfect>)\s+)?(?P<v>\L<verbs>)\b",
        regex.IGNORECASE,
        verbs=verbs,
        quals=quals,
        nums=nums,
        people=people,
        auxes=auxes,
        perfect=perfect,
    )
    return verb_first, number_first


def _counts(doc: Doc, start: int, end: int) -> list[tuple[Count, int]]:
    """Casualty and arrest counts in ``[start, end)`` of a sentence, each with the offset of its verb.

    The two count patterns are tried only where a match can start (as ``finditer`` would, left
    to right, without overlaps): the first at the count verbs, the second at a number or at the
    first word of a number or qualifier ("at least 70 people were killed").
    """
    lex, text, norm = doc.lex, doc.text, doc.norm
    out: list[tuple[Count, int]] = []
    if _DIGIT.search(norm, start, end) is None:
        window = norm[start:end].lower()
        if not any(w in window for w in lex.number_words):
            return out  # no number, no count: a digit search and a few substring tests
    i0 = _bisect_left(doc.starts, start)
    i1 = _bisect_left(doc.starts, end)
    firsts, starts = lex.count_starts, doc.starts
    at_number = [starts[i0 + k] for k, w in enumerate(doc.lw[i0:i1]) if w in firsts or w[:1].isdigit()]
    at_verb = doc.count_at[_bisect_left(doc.count_at, start) : _bisect_left(doc.count_at, end)]
    seen: set[int] = set()
    for pat, candidates in zip(lex.count_patterns, (at_verb, at_number), strict=True):
        last = start
        for c in candidates:
            if c < last:
                continue
            m = pat.match(norm, c, end)
            if m is None:
                continue
            last = m.end()
            if m.start("n") in seen:
                continue
            verb = m.group("v").lower()
            kind = next((k for k, ws in lex.counts.items() if verb in ws), None)
            if kind is None:
                continue
            n = _number(m.group("n"), lex)
            if n is None:
                continue
            seen.add(m.start("n"))
            s = m.start("q") if m.group("q") else m.start("n")
            e = m.end("p") if m.group("p") else m.end("n")
            out.append((_trusted.count(kind=kind, number=n, span=_trusted.span_of(text, s, e)), m.start("v")))
    return out


def _number(s: str, lex: EventLexicon) -> int | None:
    s = s.lower().replace(",", "")
    if s.isdigit():
        return int(s) if len(s) < 10 else None
    return lex.numbers.get(s)


def has_count(doc: Doc, d: Draft) -> bool:
    """Whether a count verb follows the trigger closely in its sentence."""
    k = _bisect_left(doc.count_at, d.trig.start)
    return k < len(doc.count_at) and doc.count_at[k] < min(d.sentence.end, d.trig.end + 60)


def attach_counts(doc: Doc, kept: list[Draft]) -> dict[int, tuple[Count, ...]]:
    """The counts of each event (by its index in ``kept``): a count goes to the nearest event of
    its sentence among the kinds ``count_events`` names for it (any event when there is none)."""
    count_at = doc.count_at
    if not count_at:
        return {}  # no count verb in the article: no count (most articles)
    counts_by_sentence: dict[int, list[tuple[Count, int]]] = {}
    for d in kept:
        if d.sentence.start not in counts_by_sentence:
            k = _bisect_left(count_at, d.sentence.start)
            k2 = _bisect_left(count_at, d.sentence.end)
            # A count lies within a few words of its verb: search only around the count verbs.
            counts_by_sentence[d.sentence.start] = (
                _counts(
                    doc,
                    max(d.sentence.start, count_at[k] - _COUNT_BEFORE),
                    min(d.sentence.end, count_at[k2 - 1] + _COUNT_AFTER),
                )
                if k < k2
                else []
            )
    attach: dict[int, list[Count]] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, d in enumerate(kept):
        by_sentence.setdefault(d.sentence.start, []).append(i)
    wanted = doc.lex.count_events
    for sent_start, found in counts_by_sentence.items():
        here = by_sentence[sent_start]
        for count, at in found:
            want = wanted.get(count.kind, ())
            pool = [i for i in here if kept[i].kind in want] or here
            best = min(pool, key=lambda i: abs(kept[i].trig.start - at))
            attach.setdefault(best, []).append(count)
    return {i: tuple(sorted(cs, key=lambda c: c.span.start)) for i, cs in attach.items()}
