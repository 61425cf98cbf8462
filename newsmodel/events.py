"""Events coded in PLOVER 2021 (filled in by the events issue)."""

from __future__ import annotations

import attrs

from .model import Event
from .pipeline import Context

__all__ = ["EventFinder"]


@attrs.frozen
class EventFinder:
    """Finds events: who did what to whom, when and where."""

    def __call__(self, context: Context) -> tuple[Event, ...]:
        return ()
