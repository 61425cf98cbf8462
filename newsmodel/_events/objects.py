"""The objects after a trigger: its targets, its place and its ``by``/``from`` actors, read off the
actor mentions after it (the object, or a prepositional phrase whose preposition may introduce a
target), with the words of ``[words]`` in ``events.toml``. Split from ``clauses.py``.
"""

from __future__ import annotations

import bisect

from ..model import Actor, ActorKind, Span
from .clauses import _coordinated, _pick
from .grammar import said_to
from .state import PLACE_KINDS, Doc, Mention

__all__ = ["objects"]

_bisect_left = bisect.bisect_left
_PERSON = ActorKind.PERSON  # a global: a read through the enum class costs about 70 ns in Python 3.11


def objects(
    doc: Doc, sentence: Span, start: int, end: int, *, allowed: frozenset[str] | None
) -> tuple[list[Actor], Actor | None, list[Actor]]:
    """Objects after a trigger: (targets, place, by/from actors) within ``[start, end)``.

    ``allowed``: prepositions that may introduce a target (``None``: also a bare object).
    """
    ms = doc.mentions_in(sentence, start, end)
    targets: list[Actor] = []
    agents: list[Actor] = []
    place: Actor | None = None
    if ms:
        place = _read_objects(doc, ms, start, end, allowed, targets, agents)
    if not targets:
        demonym = _demonym_target(doc, start, end, allowed or doc.lex.words.target_prepositions)
        if demonym is not None:
            targets.append(demonym)
    return targets, place, agents


def _read_objects(
    doc: Doc,
    ms: list[Mention],
    start: int,
    end: int,
    allowed: frozenset[str] | None,
    targets: list[Actor],
    agents: list[Actor],
) -> Actor | None:
    """The loop of :func:`objects` over the mentions after the trigger: fills ``targets`` and
    ``agents``, returns the place."""
    outer = doc.outermost(ms)
    words = doc.lex.words
    agent_preps, location_preps = words.agent_prepositions, words.location_prepositions
    prep_before = doc.prep_before
    place: Actor | None = None
    n = len(outer)
    k = 0
    while k < n:
        m, inner = outer[k]
        prep = prep_before(m[0], start)
        if k + 1 < n and _qualifies_next(doc, m, outer[k + 1][0]):
            k, (m, inner) = k + 1, outer[k + 1]  # "arrested U.S. officials": the head after it
        who, where = _pick(doc, m, inner)
        if prep is not None:
            if prep in agent_preps:
                if who is not None and not agents:
                    agents.append(who)
                    agents.extend(
                        a
                        for j in _coordinated(doc, outer, k, 1, end)
                        if (a := _pick(doc, *outer[j])[0]) is not None
                    )
                k += 1
                continue
            if prep in location_preps:
                if place is None:
                    place = where or (m[2] if m[2].kind in PLACE_KINDS else None)
                k += 1
                continue
        if (
            targets
            or who is None
            or doc.norm[m[0] : m[1]].lower() in words.possessive_pronouns
            or (prep is not None and said_to(doc, m[0]))
        ):
            if where is not None and place is None:
                place = where
            k += 1
            continue
        if allowed is not None and (prep is None or prep not in allowed):
            k += 1
            continue
        targets.append(who)
        if where is not None and place is None:
            place = where
        coord = _coordinated(doc, outer, k, 1, end) if k + 1 < n else []  # none after the last
        targets.extend(a for j in coord if (a := _pick(doc, *outer[j])[0]) is not None)
        k = (coord[-1] if coord else k) + 1
    return place


def _qualifies_next(doc: Doc, m: Mention, after: Mention) -> bool:
    """Whether a name qualifies the mention after it ("U.S. officials", "a U.S. consulate worker")."""
    gap = doc.norm[m[1] : after[0]]
    ok = gap == " " or (len(gap) <= 3 and gap.startswith(doc.lex.words.possessive_clitic))
    return ok and m[2].kind is not _PERSON and after[2].kind not in PLACE_KINDS


def _demonym_target(doc: Doc, start: int, end: int, allowed: frozenset[str]) -> Actor | None:
    """``at the Syrian airbase``: a nationality adjective after a target preposition names the target.

    The capitalised words after such a preposition are found first: the article's nationality
    adjectives are only learned (``doc.demonyms``) when there is one."""
    lw, starts, text, tokens = doc.lw, doc.starts, doc.text, doc.tokens
    dets, agents = doc.lex.words.determiners, doc.lex.words.agent_prepositions
    found: list[int] = []
    lo = _bisect_left(starts, start)
    # A search in C first: a preposition that may introduce a target, past determiners only,
    # must stand before a word of the window (most windows hold none).
    j = lo - 1
    while j >= 0 and lw[j] in dets:
        j -= 1
    hi = _bisect_left(starts, end, lo)
    if allowed.isdisjoint(lw[max(j, 0) : hi]):
        return None
    # The tokens wholly inside the window: all that start before its end but one that crosses it.
    if hi > lo and tokens[hi - 1][1] > end:
        hi -= 1
    # A nationality adjective ends in one of ``demonym_suffixes`` (every key of ``doc.demonyms``
    # does): other capitalised words are not looked up.
    suffixes = doc.lex.words.demonym_suffixes
    for i in range(lo, hi):
        if text[starts[i]].isupper() and lw[i].endswith(suffixes):
            j = i - 1
            while j >= 0 and lw[j] in dets:
                j -= 1
            if j >= 0 and lw[j] in allowed and lw[j] not in agents:
                found.append(i)
    if not found:
        return None
    demonyms = doc.demonyms()
    for i in found:
        w = lw[i]
        if w in demonyms and doc.ctx.cast.mention_at(starts[i]) is None:
            return demonyms[w]
    return None
