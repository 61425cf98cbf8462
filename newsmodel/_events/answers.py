"""The target of a response that names what it answers but not whose it is.

"Freeland rejected the suggestion", "Gelernt praised the ruling", "the U.N. criticized the law":
a response (a verb of the kinds that absorb their object: ``absorbs_objects``) with no target, whose object is a definite noun phrase naming no
actor (``anaphoric_determiners``), answers an act reported before it; its target is
the author of the last act coded in the sentences just before that is not the responder's own.
"""

from __future__ import annotations

import bisect

from ..model import Actor
from .state import Doc, Draft

__all__ = ["answer_targets"]

_REACH = 600  # characters back to the act answered: the last two or three sentences


def answer_targets(doc: Doc, kept: list[Draft]) -> None:
    """Fill the target of the responses among ``kept`` (in text order) from the acts before them."""
    kinds = doc.lex.absorbs_objects
    if not kinds:
        return
    authors: list[tuple[int, list[Actor]]] | None = None  # read for the first response only
    starts: list[int] = []
    for d in kept:
        if d.targets or d.kind not in kinds or d.trig.entry.pos != "verb" or not d.sources:
            continue
        if not _definite_object(doc, d):
            continue
        if authors is None:
            authors = _authors(doc, kept)
            starts = [a[0] for a in authors]
        k = bisect.bisect_left(starts, d.sentence.start)
        for pos, who in reversed(authors[max(0, k - 6) : k]):
            if pos < d.sentence.start - _REACH:
                break
            got = [
                a
                for a in who
                if all(a is not s and (a.country is None or a.country != s.country) for s in d.sources)
            ]
            if got:
                d.targets = got
                d.rule += "+answer"
                break
            if any(a is s for a in who for s in d.sources):
                break  # the responder's own act: what it answers is not known


def _authors(doc: Doc, kept: list[Draft]) -> list[tuple[int, list[Actor]]]:
    """(position, authors) of the acts of the article, in text order."""
    return [(d.trig.start, d.sources) for d in kept if d.sources]


def _definite_object(doc: Doc, d: Draft) -> bool:
    """Whether the trigger's object is opened by a definite determiner ("rejected the suggestion")."""
    j = doc.tok(d.trig.match_end - 1) + 1
    return j < len(doc.lw) and doc.lw[j] in doc.lex.words.anaphoric_determiners
