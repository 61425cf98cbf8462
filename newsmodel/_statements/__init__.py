"""Private implementation of :mod:`newsmodel.statements`, one module per pass.

``cues`` reads each cue (a reporting verb, ``according to``) and attributes it to its source
(``sources``) and its content (``clauses``); ``quotes`` then attributes the quotations no cue
claimed (split quotes, continued quotes, bare-quote paragraphs); ``speakers`` resolves each
source to an actor of the cast, dates the act of saying (``timing``) and builds the statements;
``refine`` then refines the actor stage's cast by the speakers found (a government speaker's
``we`` is his country), and ``respeak`` resolves the speakers again through the refined cast.
All passes share one :class:`~newsmodel._statements.state.Scan`.
"""

from __future__ import annotations

import attrs

from ..model import Statement
from ..pipeline import Cast, Context
from .cues import find_cues
from .lexicon import CueLexicon
from .quotes import attribute_quotations
from .refine import refine_cast
from .respeak import respeak
from .speakers import finish
from .state import Scan

__all__ = ["find_statements", "statements_and_cast"]


def find_statements(context: Context, cues: CueLexicon) -> tuple[Statement, ...]:
    """The statements of one article, in text order, resolved through ``context.cast``."""
    if _silent(context, cues):
        return ()
    return finish(_scan(context, cues))


def _silent(context: Context, cues: CueLexicon) -> bool:
    """Whether the article has nothing the passes read: no word that opens a cue form and no
    (level-0) quotation. Then no draft is ever made, and the scan is not built (most of the cost
    of a short text such as ``Hello.``)."""
    seg = context.segments
    return cues.starts.keys().isdisjoint(seg.lower_words) and all(q.level for q in seg.quotations)


def _scan(context: Context, cues: CueLexicon) -> Scan:
    """The scan of one article, its drafts found (cues, then quotations), not yet finished."""
    st = Scan(context, cues)
    find_cues(st)
    attribute_quotations(st)
    return st


def statements_and_cast(context: Context, cues: CueLexicon) -> tuple[tuple[Statement, ...], Cast]:
    """The statements of one article and the cast their speakers refine (:mod:`.refine`).

    When the speakers add to the cast, the speakers are resolved again through the refined cast
    (:mod:`.respeak`), so that every speaker is an actor of the returned cast; the statements are
    found again only when a changed speaker would change which statements there are.
    """
    if _silent(context, cues):
        return (), context.cast  # refine_cast adds nothing without statements
    st = _scan(context, cues)
    statements = finish(st)
    cast = refine_cast(context, statements, cues)
    if cast is context.cast:
        return statements, cast
    again = respeak(st, cast)
    if again is None:
        again = find_statements(attrs.evolve(context, cast=cast), cues)
    return again, cast
