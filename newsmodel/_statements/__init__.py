"""Private implementation of :mod:`newsmodel.statements`, one module per pass.

``cues`` reads each cue (a reporting verb, ``according to``) and attributes it to its source
(``sources``) and its content (``clauses``); ``quotes`` then attributes the quotations no cue
claimed (split quotes, continued quotes, bare-quote paragraphs); ``speakers`` resolves each
source to an actor of the cast, dates the act of saying and builds the statements; ``refine``
then refines the actor stage's cast by the speakers found (a government speaker's ``we`` is his
country). All passes
share one :class:`~newsmodel._statements.state.Scan`.
"""

from __future__ import annotations

import attrs

from ..model import Statement
from ..pipeline import Cast, Context
from .cues import find_cues
from .lexicon import CueLexicon
from .quotes import attribute_quotations
from .refine import refine_cast
from .speakers import finish
from .state import Scan

__all__ = ["find_statements", "statements_and_cast"]


def find_statements(context: Context, cues: CueLexicon) -> tuple[Statement, ...]:
    """The statements of one article, in text order, resolved through ``context.cast``."""
    st = Scan(context, cues)
    find_cues(st)
    attribute_quotations(st)
    return finish(st)


def statements_and_cast(context: Context, cues: CueLexicon) -> tuple[tuple[Statement, ...], Cast]:
    """The statements of one article and the cast their speakers refine (:mod:`.refine`).

    When the speakers add to the cast, the statements are resolved again through the refined
    cast (a source inside a quotation may be one of the words added), so that every speaker is
    an actor of the returned cast.
    """
    statements = find_statements(context, cues)
    cast = refine_cast(context, statements, cues)
    if cast is context.cast:
        return statements, cast
    return find_statements(attrs.evolve(context, cast=cast), cues), cast
