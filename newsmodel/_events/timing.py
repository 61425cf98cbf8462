"""The time pass: the time expression that governs each event.

Durations and sets are never an event's time. The sentence's only time expression governs all of it; otherwise :func:`newsmodel.times.governing_time`
picks one within the clause, then the sentence. An event with none takes the time of the
statement reporting it (or of the speaker's last dated statement), or of its source's participle
cue after it ("..., saying ..."); a speech act with none, the time of its source's last dated act.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import EventMode, Span, TimeExpression
from ..times import governing_time
from .state import POINT_KINDS, Doc, Draft

__all__ = ["event_times"]

_bisect_left = bisect.bisect_left
_ASSERTED = EventMode.ASSERTED  # a global: a read through the enum class costs about 70 ns in Python 3.11


def event_times(doc: Doc, kept: list[Draft], triggers: Sequence[int] = ()) -> list[TimeExpression | None]:
    """The time of each event, in the order of ``kept``; ``triggers`` are the starts of every
    trigger found (events or not, in text order): a time nearer another trigger is that one's."""
    out: list[TimeExpression | None] = []
    sentence_times: dict[int, Sequence[TimeExpression]] = {}
    last: dict[int, TimeExpression] = {}  # by actor: the time of their last dated act
    starts = sorted(set(triggers)) or [d.trig.start for d in kept]
    lead: list[TimeExpression | None] = []  # the lead's time, looked up once
    for d in kept:
        here_times = sentence_times.get(d.sentence.start)
        if here_times is None:
            here_times = sentence_times[d.sentence.start] = _times_in(doc, d.sentence)
        when: TimeExpression | None = None
        if len(here_times) == 1:
            when = here_times[0]  # the only expression of the sentence governs all of it
            when = _not_anothers(doc, d, when, here_times, starts)
        elif here_times:
            try:
                when = governing_time(
                    here_times, doc.segs, d.trig.start, d.trig.end, clauses=doc.ctx.clause_break
                )
            except Exception:  # a fault in another stage must not lose the events
                when = None
            if when is not None:
                when = _not_anothers(doc, d, when, here_times, starts)
        if when is None and doc.timed:
            when = _statement_time(doc, d)
            if when is None and d.sources:
                when = _saying_time(doc, d)
        if when is None and d.trig.start in doc.cue_speaker:
            # A speech act with no time of its own is made on the occasion of its source's last
            # dated act ("A delegation warned on Tuesday ... The delegation called for ...").
            when = next((last[id(a)] for a in d.sources if id(a) in last), None)
        if when is None and d.mode is _ASSERTED:
            when = _lead_time(doc, d, lead)
        if when is not None and when.kind in POINT_KINDS:
            for a in d.sources:
                last[id(a)] = when
        out.append(when)
    return out


_LEAD_PARAGRAPHS = 1  # the paragraphs an event with no time of its own shares the lead's time in


def _lead_time(doc: Doc, d: Draft, lead: list[TimeExpression | None]) -> TimeExpression | None:
    """The time of the article's first sentence, for an asserted event with no time of its own in
    the lead paragraph: the news a wire story opens with happened then ("Egypt defended on
    Thursday a new law ... The UN rights chief also criticized the law")."""
    paragraphs = doc.segs.paragraphs
    if not paragraphs or d.trig.start >= paragraphs[min(len(paragraphs), _LEAD_PARAGRAPHS) - 1].end:
        return None
    if not lead:
        sentences = doc.segs.sentences
        first = _times_in(doc, sentences[0]) if sentences else ()
        lead.append(first[0] if first else None)
    return lead[0]


def _not_anothers(
    doc: Doc, d: Draft, when: TimeExpression, here: Sequence[TimeExpression], starts: Sequence[int]
) -> TimeExpression | None:
    """The governing time, unless another trigger lies between it and ``d``'s: then it is that
    trigger's time.

    Before the trigger ("halted late on Monday the deportation of all Iraqi nationals detained
    ... this month"), the time after the trigger, before any other trigger, is taken instead
    (when there is one); after it, past a relative pronoun ("sided with lawyers who filed a
    complaint on Saturday"), the time is the relative clause's: the one before the trigger, if any.
    """
    s, e = d.trig.start, d.trig.end
    if when.span.end <= s:
        k = _bisect_left(starts, when.span.end)
        if k >= len(starts) or starts[k] >= s:
            return when  # no trigger between
        nxt = _bisect_left(starts, e)
        limit = min(starts[nxt] if nxt < len(starts) else d.sentence.end, d.sentence.end)
        after = [t for t in here if e <= t.span.start < limit]
        return after[0] if after else when
    if when.span.start >= e:
        k = _bisect_left(starts, e)
        if k >= len(starts) or starts[k] >= when.span.start:
            return when
        between = doc.lw[doc.tok(e) : doc.tok(starts[k])]
        if not any(w in doc.lex.words.relatives for w in between):
            return when
        before = [t for t in here if t.span.end <= s]
        return before[-1] if before else None
    return when


def _times_in(doc: Doc, sentence: Span) -> Sequence[TimeExpression]:
    """The time expressions of a sentence: what ``governing_time`` looks at (same clause, then
    same sentence), handed over alone so that a long article costs it no more per event. When
    there is one, it governs the whole sentence, and ``governing_time`` is not asked.
    """
    times = doc.ctx.times
    lo = _bisect_left(doc.time_starts, sentence.start - 100)  # none is that long
    hi = _bisect_left(doc.time_starts, sentence.end)
    s, e = sentence.start, sentence.end
    return [t for t in times[lo:hi] if t.span.end > s and t.span.start < e and t.kind in POINT_KINDS]


def _statement_time(doc: Doc, d: Draft) -> TimeExpression | None:
    """The time of the statement reporting the event (its content or cue holds the trigger)."""
    pos = d.trig.start
    k = bisect.bisect_right(doc.timed_starts, pos)
    for s, e, when in reversed(doc.timed[max(0, k - 8) : k]):
        if s <= pos < e:
            return when
    return None


def _saying_time(doc: Doc, d: Draft) -> TimeExpression | None:
    """``He stopped short of accusing Russia ..., saying he had not seen ...``: an act of the speaker
    followed in its sentence by a participle cue ("saying", "adding") happens as they speak, at
    the statement's time.
    """
    k = _bisect_left(doc.saying_starts, d.trig.end)
    for cue_start, _, speaker, when in doc.sayings[k : k + 4]:  # the next few cues
        if cue_start >= d.sentence.end:
            break
        if any(a is speaker for a in d.sources):
            return when
    return None
