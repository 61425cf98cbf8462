"""The time of saying: the time expression governing a statement's source and cue, and the time
a statement without one inherits from the same speaker's previous statement."""

from __future__ import annotations

import bisect

from ..model import TimeExpression, TimeKind
from ..times import governing_time
from .state import DAY, Scan, StatementDraft

__all__ = ["inherit_times", "saying_time"]


def saying_time(
    st: Scan, source: tuple[int, int] | None, cue: tuple[int, int], content: tuple[int, int]
) -> TimeExpression | None:
    """The time governing the act of saying: near the source and cue, never one inside the
    content or a quotation (those date what was said, or name a show: ABC’s “This Week”)."""
    if not st.time_starts:
        return None  # no time outside quotations: none governs
    start = source[0] if source is not None and source[0] < cue[0] else cue[0]
    si = st.seg.sentence_index(start)
    if si < 0:
        return None
    sent = st.seg.sentences[si]
    lo = bisect.bisect_left(st.time_starts, sent.start)
    hi = bisect.bisect_left(st.time_starts, sent.end)
    if lo == hi:
        return None
    times = [t for t in st.free_times[lo:hi] if not (content[0] <= t.span.start < content[1])]
    if len(times) == 1 and start < sent.end:
        return times[0]  # the one time of the sentence governs it (what governing_time gives)
    return governing_time(times, st.seg, start, cue[1], clauses=st.ctx.clause_break) if times else None


def inherit_times(st: Scan, drafts: list[StatementDraft]) -> None:
    """A statement with no time of its own inherits the time of the same speaker's previous
    statement (``“...,” he added``; ``He stopped short of ..., saying ...``) when that one is
    at most ``time_reach`` paragraphs back, no statement in between has another time of its
    own, and no date of day precision with another value stands between them (outside
    quotations and statement contents): the narrative has not moved to another day."""
    last: dict[int, StatementDraft] = {}
    latest: tuple[int, str] | None = None  # where the latest time of a statement's own was, its value
    for d in drafts:
        key = id(d.speaker)
        prev = last.get(key) if d.speaker is not None else None
        mine = d.time
        if (
            mine is None
            and prev is not None
            and prev.time is not None
            and 0 <= d.paragraph - prev.paragraph <= st.lex.time_reach
            and (latest is None or latest[0] <= prev.content[0] or latest[1] == prev.time.value)
            and not moved(st, prev, d, prev.time)
        ):
            d.time = prev.time
        if mine is not None:
            latest = (d.content[0], mine.value)
        if d.speaker is not None:
            last[key] = d


def moved(st: Scan, prev: StatementDraft, d: StatementDraft, time: TimeExpression) -> bool:
    """Whether a date of day precision other than ``time`` stands between two statements."""
    lo = max(prev.content[1], prev.cue[1] if prev.cue is not None else 0)
    hi = min(d.content[0], d.cue[0] if d.cue is not None else d.content[0])
    if d.source is not None:
        hi = min(hi, d.source[0])
    i = bisect.bisect_left(st.time_starts, lo)
    while i < len(st.time_starts) and st.time_starts[i] < hi:
        t = st.free_times[i]
        i += 1
        if t.kind not in (TimeKind.DATE, TimeKind.TIME) or not DAY.match(t.value):
            continue
        if t.value[:10] == time.value[:10] or in_content(st, t.span.start):
            continue
        return True
    return False


def in_content(st: Scan, offset: int) -> bool:
    """Whether ``offset`` lies inside the content of a statement found."""
    i = bisect.bisect_right(st.keys, (offset, len(st.text) + 1))
    return any(d.content[0] <= offset < d.content[1] for d in st.drafts[max(0, i - 4) : i])
