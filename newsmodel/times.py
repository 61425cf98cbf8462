"""Time expressions and their TIMEX3 values (filled in by the time-expressions issue)."""

from __future__ import annotations

import attrs

from .model import TimeExpression
from .pipeline import Context

__all__ = ["TimeFinder"]


@attrs.frozen
class TimeFinder:
    """Finds time expressions and resolves them against the publication date."""

    def __call__(self, context: Context) -> tuple[TimeExpression, ...]:
        return ()
