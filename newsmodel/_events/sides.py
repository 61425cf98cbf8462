"""Sides read off the chunks: the actors the heads of a verb's or a noun's groups name, through
the actor stage's coreference (split from ``roles.py``)."""

from __future__ import annotations

import bisect

from ..model import Actor, ActorKind, Span
from .chunks import NOUN, VERB, Chunks, agent_of, object_of, subject_of
from .state import Doc, Occurrence

__all__ = ["chunk_noun_sides", "chunk_sides", "dedupe", "group_actor"]

_LOCATION = ActorKind.LOCATION  # a global: a read through the enum class costs about 70 ns


def chunk_noun_sides(
    doc: Doc, trig: Occurrence, sentence: Span, floor: int, right: int
) -> tuple[list[Actor], list[Actor]]:
    """(target, agent) actors of a noun trigger heading its noun group, read off the chunks: the
    head of the prepositional phrase right after it ("the arrest of opposition leader X"), and of
    a "by" phrase among the next ones ("the arrest of X by police")."""
    ch = doc.chunks(sentence)
    k = ch.item_of(trig.ti)
    if k < 0 or ch.kinds[k] != NOUN or ch.head(k) != trig.ti:
        return [], []
    groups, prep = object_of(ch, k, doc.lex.words.target_prepositions)
    if prep is None or prep in doc.lex.words.agent_prepositions:
        groups = []
    targets = [a for j in groups if (a := group_actor(doc, ch, j, floor, right)) is not None]
    agents = [a for j in agent_of(ch, k) if (a := group_actor(doc, ch, j, floor, right)) is not None]
    return dedupe(targets), dedupe(agents)


def chunk_sides(
    doc: Doc, trig: Occurrence, sentence: Span, floor: int, right: int
) -> tuple[list[Actor], list[Actor], list[Actor]]:
    """(subject, object, agent) actors of a verb trigger read off the sentence's chunks: the
    actors the heads of the noun groups name."""
    ch = doc.chunks(sentence)
    v = ch.item_of(trig.ti)
    if v < 0 or ch.kinds[v] != VERB:
        return [], [], []
    # The subject of an opening participle clause follows it, past the objects' bound ("Complaining
    # of the tariffs, he said"): only the sentence bounds it.
    subj = [a for k in subject_of(ch, v) if (a := group_actor(doc, ch, k, floor, sentence.end)) is not None]
    # A phrase ("hold ... talks with") reads its own object: only a one-word trigger's is read here.
    groups = object_of(ch, v, doc.lex.words.target_prepositions)[0] if trig.match_end == trig.head_end else []
    obj = [a for k in groups if (a := group_actor(doc, ch, k, floor, right)) is not None]
    agents = [a for k in agent_of(ch, v) if (a := group_actor(doc, ch, k, floor, right)) is not None]
    return dedupe(subj), dedupe(obj), dedupe(agents)


def group_actor(doc: Doc, ch: Chunks, k: int, floor: int, right: int) -> Actor | None:
    """The actor a mention of the head of the noun group at item ``k`` names, through the actor
    stage's coreference (a pronoun or a nominal is resolved there); ``None`` when the head names
    none ("a U.S. consulate worker" is a worker, not the United States: the word-window readers
    then decide), or names a place without a country ("the Europe Bridge": where, not who)."""
    if ch.kinds[k] != NOUN or doc.starts[ch.first(k)] < floor:
        return None
    hs, he = doc.tokens[ch.head(k)]
    if hs >= right:
        return None
    ms, starts = doc.all_mentions, doc.all_starts
    i = bisect.bisect_right(starts, hs) - 1
    best: Actor | None = None
    best_len = -1
    while i >= 0 and hs - starts[i] < 200:
        s, e, a = ms[i]
        if e >= he and e - s > best_len:
            best, best_len = a, e - s
        i -= 1
    if best is not None and best.kind is _LOCATION and not best.country:
        return None
    return best


def dedupe(actors: list[Actor]) -> list[Actor]:
    if len(actors) < 2:
        return actors
    out: list[Actor] = []
    for a in actors:
        if all(a is not b for b in out):
            out.append(a)
    return out
