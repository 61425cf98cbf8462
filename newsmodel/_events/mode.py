"""The mode pass: mode cues read where a trigger asks for one, the mode of an event, and the PLOVER
recodings that depend on it (intent, conditional threat, refusal)."""

from __future__ import annotations

import bisect

from ..model import EventKind, EventMode, Span
from .state import PUNCT_BOUNDARY, Cue, Doc, Occurrence

__all__ = ["cues_between", "last_cue", "mode", "recode"]

_MODE_KEYS = tuple((m, m.name.lower()) for m in (EventMode.NEGATED, EventMode.HYPOTHETICAL, EventMode.FUTURE))
_bisect_left = bisect.bisect_left
_bisect_right = bisect.bisect_right
_ASSERTED = EventMode.ASSERTED  # a global: a read through the enum class costs about 70 ns in Python 3.11


def cue(doc: Doc, k: int) -> Cue | None:
    """The mode cue opened by the ``k``-th cue word, if it is one: ``(start, end, mode, phrase)``."""
    read = doc.cues_read
    if k not in read:
        read[k] = _read_cue(doc, k)
    return read[k]


def _read_cue(doc: Doc, k: int) -> Cue | None:
    start, i, w, end0 = doc.cue_at[k]
    lex, lw = doc.lex, doc.lw
    found: tuple[int, str, str] | None = None
    single = lex.cue_single.get(w)
    if single is not None and single[1].isdisjoint(lw[i + 1 : i + 5]):
        found = (end0, *single[0])  # "not", "would": the word alone
    elif w not in lex.cue_needed or not lex.cue_needed[w].isdisjoint(lw[i + 1 : i + 5]):
        pattern, which = lex.cues[w]
        t = pattern.compiled.match(doc.low, end0)
        if t is not None and t.lastgroup is not None:
            found = (t.end(), *which[int(t.lastgroup[1:])])
    if found is None:
        return None
    end, group, phrase = found
    if phrase in lex.words.month_cues and doc.norm[start].isupper() and not doc.sentence_initial(start):
        return None  # "May": the month
    return (start, end, group, phrase)


def cues_between(doc: Doc, lo: int, hi: int) -> list[Cue]:
    """The mode cues starting in ``[lo, hi)``, in text order."""
    starts = doc.cue_starts
    k = _bisect_left(starts, lo)
    out: list[Cue] = []
    while k < len(starts) and starts[k] < hi:
        c = cue(doc, k)
        if c is not None:
            out.append(c)
        k += 1
    return out


def last_cue(doc: Doc, ti: int, pos: int) -> Cue | None:
    """The last mode cue starting at or before ``pos`` (the start of token ``ti``) that may reach it."""
    k = _bisect_right(doc.cue_starts, pos) - 1
    lowest = ti - doc.lex.cue_reach
    while k >= 0 and doc.cue_at[k][1] >= lowest:
        c = cue(doc, k)
        if c is not None:
            return c
        k -= 1
    return None


def mode(doc: Doc, trig: Occurrence, sentence: Span, prev: Occurrence | None) -> tuple[EventMode, str]:
    """Mode from the cues in the window before the trigger, within its clause.

    A cue before the previous trigger belongs to that one ("would meet ... in peace talks"),
    except a negation that opens it ("refused to deploy": REJECT, and the deployment NEGATED).
    """
    win = doc.lex.settings.mode_window
    # Most triggers have no cue word at all in the window: one bisection says so.
    k = _bisect_left(doc.cue_starts, doc.starts[trig.ti - win] if trig.ti >= win else 0)
    if k == len(doc.cue_starts) or doc.cue_starts[k] >= trig.start:
        return _ASSERTED, ""
    lo_tok = max(doc.sentence_tok(sentence), trig.ti - win)
    lo = max(sentence.start, doc.starts[lo_tok] if lo_tok >= 0 else 0)
    neg_lo = lo
    if prev is not None and prev.start >= sentence.start:
        neg_lo = max(lo, prev.start)
        lo = max(lo, prev.end)
    window = cues_between(doc, min(lo, neg_lo), trig.start)
    if not window:
        return _ASSERTED, ""  # no cue in the window (most triggers)
    # Do not cross a clause boundary (punctuation) when looking for cues.
    j = trig.ti - 1
    while j >= 0 and doc.starts[j] >= lo:
        if doc.lw[j] in PUNCT_BOUNDARY or (doc.lw[j] in (",",) and j < trig.ti - 2):
            lo = neg_lo = doc.tokens[j][1]
            window = cues_between(doc, lo, trig.start)  # the cues after the boundary
            break
        j -= 1
    found: dict[str, str] = {}
    for b, e, group, phrase in window:
        if (e <= trig.start or group == "negated") and b >= (neg_lo if group == "negated" else lo):
            found[group] = phrase  # the nearest cue of each kind
    # A negation or modal right after an auxiliary that follows the trigger does not count; only
    # cues before it. Negation wins over a modal, a modal over the future.
    for m, key in _MODE_KEYS:
        if key in found:
            return m, found[key]
    return _ASSERTED, ""


def recode(
    doc: Doc, trig: Occurrence, sentence: Span, kind: EventKind, mode: EventMode, cue: str
) -> tuple[EventKind, EventMode, str]:
    """PLOVER's recodings by mode: ``(kind, mode, rule suffix)``.

    An announced cooperative act is AGREE and an announced conflictual one THREATEN (CAMEO 03 and
    13: "will give", "would boycott"; not a passive: "will be detained" is a detention to come);
    an agreement refused is REJECT ("will not accept"); a
    conflictual act under a condition is THREATEN ("will withdraw ... unless").
    """
    lex = doc.lex
    # An act announced is the subject's own: "will be detained by ICE" announces nothing.
    verb = trig.entry.pos == "verb" and not (trig.ti > 0 and doc.lw[trig.ti - 1] in lex.words.be)
    if verb and cue in lex.intent_cues and kind in lex.intent_kinds:
        return EventKind.AGREE, mode, "+intent"
    if verb and cue in lex.intent_cues and kind in lex.threat_kinds:
        return EventKind.THREATEN, mode, "+intent"
    if (
        kind in lex.refusal_kinds
        and mode is EventMode.NEGATED
        and cue in lex.refusal_cues
        and trig.entry.pos == "verb"  # "would not comment on his resignation" refuses nothing
    ):
        return EventKind.REJECT, EventMode.ASSERTED, "+refusal"
    if (
        mode in (EventMode.FUTURE, EventMode.HYPOTHETICAL)  # first: a set of kinds hashes in Python
        and kind in lex.threat_kinds
        and not lex.threat_cues.isdisjoint(doc.lw[doc.sentence_tok(sentence) : doc.tok(sentence.end - 1) + 1])
    ):
        return EventKind.THREATEN, mode, "+threat"
    return kind, mode, ""
