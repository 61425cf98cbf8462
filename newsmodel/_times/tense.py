"""Tense around an expression: whether the words near it look back or ahead.

A date without a year, a weekday, a season take the year or the week the tense points to: by the
preposition right before (``by``, ``until``; ``since``), else by the nearest tense cue of the
sentence.
"""

from __future__ import annotations

import bisect

from .state import TimeState

__all__ = ["cue", "starts_at", "tense"]

_STOPS = frozenset({".", "!", "?"})


def starts_at(starts: list[int], offset: int) -> bool:
    """Whether ``offset`` is among the sorted ``starts``."""
    i = bisect.bisect_left(starts, offset)
    return i < len(starts) and starts[i] == offset


def tense(state: TimeState, start: int, end: int) -> str | None:
    """``"future"`` or ``"past"``: by the preposition right before (``by``, ``until``; ``since``),
    else by the nearest tense cue in the sentence (within 20 tokens before, 12 after; inside a
    quotation, within the quotation: the reporting verb outside does not date what is quoted);
    ``None`` when nothing says."""
    if state.token_starts is None or state.sentence_starts is None:
        segments = state.segments
        state.token_starts = segments.token_starts if segments is not None else [a for a, _ in state.tokens]
        state.sentence_starts = [s.start for s in state.sentences]
    quote = state.segments.quotation_at(start) if state.segments is not None else None
    bounds = (quote.content.start, quote.content.end) if quote is not None else None
    return _tense(state, state.token_starts, state.sentence_starts, start, end, bounds)


def _tense(
    state: TimeState,
    token_starts: list[int],
    sentence_starts: list[int],
    start: int,
    end: int,
    bounds: tuple[int, int] | None,
) -> str | None:
    words, tokens, sentences, ctx = state.words, state.tokens, state.sentences, state.tables.words
    first = bisect.bisect_left(token_starts, start)
    after = bisect.bisect_left(token_starts, end)
    # "Until Thursday, they had not ...": a preposition opening the sentence leaves it to the verbs.
    opens = first == 1 or (
        first > 1 and (words[first - 2] in _STOPS or starts_at(sentence_starts, tokens[first - 1][0]))
    )
    if first > 0:
        word = words[first - 1]
        if word in ctx["past_prepositions"]:
            return "past"
        if word in ctx["future_prepositions"] and not opens:
            # "by Friday" looks ahead, unless a past verb just before says otherwise
            # ("had filed reports by Wednesday").
            behind = (cue(state, j) for j in range(max(0, first - 7), first - 1))
            if not any(c is not None and c[1] == "past" for c in behind):
                return "future"
    lo, hi = max(0, first - 20), min(len(words), after + 12)
    i = bisect.bisect_right(sentence_starts, start) - 1
    if i >= 0 and start < sentences[i].end:
        lo = max(lo, bisect.bisect_left(token_starts, sentences[i].start))
        hi = min(hi, bisect.bisect_left(token_starts, sentences[i].end))
    if bounds is not None:
        lo = max(lo, bisect.bisect_left(token_starts, bounds[0]))
        hi = min(hi, bisect.bisect_left(token_starts, bounds[1]))
    back = ahead = None
    if opens and first > 0 and words[first - 1] in ctx["future_prepositions"]:
        lo = max(lo, first)  # nothing before the opening "Until"
    for k in range(first - 1, lo - 1, -1):
        if not sentences and words[k] in _STOPS:
            break
        back = cue(state, k)
        if back is not None:
            back = (first - k, back[1])
            break
    for k in range(after, hi):
        if not sentences and words[k] in _STOPS:
            break
        ahead = cue(state, k)
        if ahead is not None:
            ahead = (k - after + 2, ahead[1])  # a cue before the expression weighs a little more
            break
    best = min((c for c in (back, ahead) if c is not None), default=None)
    return None if best is None else best[1]


def cue(state: TimeState, k: int) -> tuple[int, str] | None:
    """The tense cue ending at token ``k``, if any."""
    tables, words = state.tables, state.words
    ctx = tables.words
    word = words[k]
    for seq, label in tables.cues.get(word, ()):
        n = len(seq)
        if k + 1 >= n and tuple(words[k + 1 - n : k + 1]) == seq:
            if n == 1 and label == "past" and k and words[k - 1] in ctx["not_past_after"]:
                return None  # "would be held", "a still unspecified date": not the past tense
            if label == "future" and any(
                w in ctx["plan_in_past_after"] for w in words[max(0, k - n - 1) : k + 1 - n]
            ):
                return k, "past"  # "had been scheduled to expire", "had planned to": a past plan
            return k, label
    suffix = tables.past_suffix
    if (
        suffix
        and word.endswith(suffix)
        and len(word) > len(suffix) + 1
        and word.isalpha()
        and state.text[state.tokens[k][0]].islower()
        and word not in ctx["not_past"]
        and not (k and words[k - 1] in ctx["not_past_after"])
    ):
        return k, "past"
    return None
