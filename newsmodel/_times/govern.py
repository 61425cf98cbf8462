"""The expression that governs a stretch of words: same clause first, then same sentence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from ..model import TimeExpression, TimeKind
from ..segment import Segmentation

__all__ = ["governing"]

_NEAREST = 8  # expressions weighed on each side of the words: real sentences hold a handful
_LONGEST_CLAUSE = 2000  # characters; words further apart are not in one clause
_BREAK_LENGTH = 40  # longer than any clause break
_DATE_KINDS = (TimeKind.DATE, TimeKind.TIME)


def _span_start(t: TimeExpression) -> int:
    return t.span.start


def _span_end(t: TimeExpression) -> int:
    return t.span.end


def governing(
    times: Sequence[TimeExpression],
    segments: Segmentation,
    start: int,
    end: int,
    clause_break: regex.Pattern[str],
) -> TimeExpression | None:
    """See :func:`newsmodel.times.governing_time`; ``clause_break`` is what ends a clause."""
    if not times:
        return None
    sentence = segments.sentence_at(start)
    if sentence is None:
        lo, hi = start, max(end, start + 1)
    else:
        lo, hi = sentence.start, sentence.end
    # ``times`` is in text order and non-overlapping (as the time stage gives it): find the
    # sentence's expressions by bisection, and weigh only those nearest ``start``, so that a call
    # costs the same in a long article (or a megabyte-long sentence) as in a short one.
    first = bisect.bisect_right(times, lo, key=_span_end)
    stop = bisect.bisect_left(times, hi, lo=first, key=_span_start)
    if first >= stop:
        return None
    middle = bisect.bisect_left(times, start, lo=first, hi=stop, key=_span_start)
    candidates = times[max(first, middle - _NEAREST) : min(stop, middle + _NEAREST)]
    text = segments.text

    def same_clause(t: TimeExpression) -> bool:
        a, b = (start, t.span.start) if start <= t.span.start else (t.span.start, start)
        if b - a > _LONGEST_CLAUSE:
            return False
        found = clause_break.search(text, a + 1, min(hi, b + _BREAK_LENGTH))
        return found is None or found.start() > b

    pool = [t for t in candidates if same_clause(t)] or candidates

    def key(t: TimeExpression) -> tuple[int, int, int]:
        if t.span.end <= start:
            distance = start - t.span.end
        elif t.span.start >= end:
            distance = t.span.start - end
        else:
            distance = 0
        return (0 if t.kind in _DATE_KINDS else 1, distance, t.span.start)

    return min(pool, key=key)
