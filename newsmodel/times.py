"""Time expressions and their TIMEX3 values (filled in by the time-expressions issue)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .model import TimeExpression
from .pipeline import Context
from .segment import Segmentation

__all__ = ["TimeFinder", "governing_time"]


@attrs.frozen
class TimeFinder:
    """Finds time expressions and resolves them against the publication date."""

    def __call__(self, context: Context) -> tuple[TimeExpression, ...]:
        return ()


def governing_time(
    times: Sequence[TimeExpression], segments: Segmentation, start: int, end: int
) -> TimeExpression | None:
    """The time expression that governs the words ``[start, end)``: same clause first, then same sentence.

    Statements and events use this to attach their time. ``None`` when no expression governs them.
    """
    return None
