"""Statements: direct quotes, reported speech and denials (filled in by the statements issue)."""

from __future__ import annotations

import attrs

from .model import Statement
from .pipeline import Context

__all__ = ["StatementFinder"]


@attrs.frozen
class StatementFinder:
    """Finds statements and resolves their speakers."""

    def __call__(self, context: Context) -> tuple[Statement, ...]:
        return ()
