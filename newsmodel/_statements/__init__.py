"""Private implementation of :mod:`newsmodel.statements`, one module per pass.

``cues`` reads each cue (a reporting verb, ``according to``) and attributes it to its source
(``sources``) and its content (``clauses``); ``quotes`` then attributes the quotations no cue
claimed (split quotes, continued quotes, bare-quote paragraphs); ``speakers`` resolves each
source to an actor of the cast, dates the act of saying and builds the statements. All passes
share one :class:`~newsmodel._statements.state.Scan`.
"""

from __future__ import annotations

from ..model import Statement
from ..pipeline import Context
from .cues import find_cues
from .lexicon import CueLexicon
from .quotes import attribute_quotations
from .speakers import finish
from .state import Scan

__all__ = ["find_statements"]


def find_statements(context: Context, cues: CueLexicon) -> tuple[Statement, ...]:
    """The statements of one article, in text order."""
    st = Scan(context, cues)
    find_cues(st)
    attribute_quotations(st)
    return finish(st)
