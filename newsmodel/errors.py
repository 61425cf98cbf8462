"""The exceptions newsmodel raises.

Every error derives from :class:`NewsmodelError`, and each subclass also derives from the builtin
exception a caller would expect (``TypeError``, ``ValueError``), so code can catch either.
Each class carries a stable ``code`` (``"NM101"`` ...) that is easy to search for.
"""

from __future__ import annotations

__all__ = [
    "InvalidArgumentError",
    "InvalidArticleError",
    "InvalidPublishedError",
    "InvalidSpanError",
    "InvalidTextError",
    "NewsmodelError",
    "RuleError",
    "SerializationError",
]


class NewsmodelError(Exception):
    """Root of every exception raised by newsmodel."""

    code = "NM000"


class InvalidTextError(NewsmodelError, TypeError):
    """The text handed to :func:`newsmodel.parse` is not a ``str``."""

    code = "NM101"


class InvalidPublishedError(NewsmodelError, ValueError):
    """``published`` is neither a date, a datetime nor an ISO 8601 date string."""

    code = "NM102"


class InvalidArgumentError(NewsmodelError, TypeError):
    """Another argument of the public API has the wrong type."""

    code = "NM103"


class InvalidSpanError(NewsmodelError, ValueError):
    """A :class:`~newsmodel.Span` with inconsistent offsets or text."""

    code = "NM201"


class InvalidArticleError(NewsmodelError, ValueError):
    """An :class:`~newsmodel.Article` whose parts do not agree with its text or its actors."""

    code = "NM202"


class SerializationError(NewsmodelError, ValueError):
    """JSON or a dictionary that does not describe an article.

    Attributes:
        path: where in the document the problem is, e.g. ``$.actors[2].kind``.
    """

    code = "NM301"

    def __init__(self, message: str, path: str = "$") -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class RuleError(NewsmodelError, ValueError):
    """A rule file (TOML) that is malformed: the message names the file and the entry."""

    code = "NM401"
