"""Actors: people, countries, organisations and groups, with coreference (filled in by the actors issue)."""

from __future__ import annotations

import attrs

from .pipeline import Cast, Context

__all__ = ["ActorFinder"]


@attrs.frozen
class ActorFinder:
    """Finds the actors of an article and every mention of each."""

    def __call__(self, context: Context) -> Cast:
        return Cast()
