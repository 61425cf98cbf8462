"""The :class:`Parser`, which composes the stages, and :func:`parse`, which uses a default one."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime

import attrs

from .actors import ActorFinder
from .errors import InvalidArgumentError, InvalidPublishedError, InvalidTextError
from .events import EventFinder
from .model import Article, Event, Statement, TimeExpression
from .pipeline import Cast, Context, Stage
from .segment import Segmentation, Segmenter
from .statements import StatementFinder
from .times import TimeFinder

__all__ = ["Parser", "parse"]


@attrs.frozen(kw_only=True)
class Parser:
    """A reusable parser: the stages of the pipeline, each configured with its rule set.

    Build one to change a stage or its rules; :func:`parse` uses a default instance. A parser is
    immutable and safe to share between threads.

    Args:
        segmenter: finds the dateline, paragraphs, sentences, tokens and quotations.
        times: finds time expressions.
        actors: finds actors and their mentions.
        statements: finds statements.
        events: finds events.
    """

    segmenter: Callable[[str], Segmentation] = attrs.field(factory=Segmenter)
    times: Stage[tuple[TimeExpression, ...]] = attrs.field(factory=TimeFinder)
    actors: Stage[Cast] = attrs.field(factory=ActorFinder)
    statements: Stage[tuple[Statement, ...]] = attrs.field(factory=StatementFinder)
    events: Stage[tuple[Event, ...]] = attrs.field(factory=EventFinder)

    def parse(
        self,
        text: str,
        *,
        published: date | datetime | str | None = None,
        headline: str | None = None,
    ) -> Article:
        """Parse one article.

        Args:
            text: the article body as published, dateline included; never modified.
            published: publication date (``date``, ``datetime`` or an ISO 8601 string); relative
                time expressions are resolved against it.
            headline: the headline, if known.

        Raises:
            InvalidTextError: if ``text`` is not a ``str``.
            InvalidPublishedError: if ``published`` is a string that is not an ISO 8601 date.
            InvalidArgumentError: if ``published`` or ``headline`` has the wrong type.
        """
        if not isinstance(text, str):
            raise InvalidTextError(f"text must be a str, not {type(text).__name__}")
        when = coerce_published(published)
        if headline is not None and not isinstance(headline, str):
            raise InvalidArgumentError(f"headline must be a str or None, not {type(headline).__name__}")
        segments = self.segmenter(text)
        context = Context(text=text, published=when, headline=headline, segments=segments)
        # The clause breaks of this parser's time rules travel with the times they govern.
        clause_break = getattr(self.times, "clause_break", None)
        context = attrs.evolve(context, times=tuple(self.times(context)), clause_break=clause_break)
        context = attrs.evolve(context, cast=self.actors(context))
        context = attrs.evolve(context, statements=tuple(self.statements(context)))
        events = tuple(self.events(context))
        return Article(
            text=text,
            headline=headline,
            published=when,
            dateline=segments.dateline,
            paragraphs=segments.paragraphs,
            sentences=segments.sentences,
            actors=context.cast.actors,
            statements=context.statements,
            events=events,
            times=context.times,
        )


def coerce_published(value: object) -> date | None:
    """A publication date from a ``date``, a ``datetime`` or an ISO 8601 string.

    Raises:
        InvalidPublishedError: for a string that is not an ISO 8601 date or date-time.
        InvalidArgumentError: for any other type.
    """
    if value is None or isinstance(value, date):  # datetime is a date
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            if len(s) == 10:
                return date.fromisoformat(s)
            return datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidPublishedError(
                f"published={value!r} is not an ISO 8601 date such as '2017-04-09'"
            ) from None
    raise InvalidArgumentError(
        f"published must be a date, a datetime, an ISO string or None, not {type(value).__name__}"
    )


@functools.cache
def default_parser() -> Parser:
    """The parser :func:`parse` uses, built on first use."""
    return Parser()


def parse(
    text: str,
    *,
    published: date | datetime | str | None = None,
    headline: str | None = None,
) -> Article:
    """Parse a news article into an :class:`~newsmodel.Article`.

    Args:
        text: the article body as published, dateline included; every offset in the result
            indexes into exactly this string.
        published: publication date (``date``, ``datetime`` or an ISO 8601 string). Relative
            expressions ("on Sunday", "last week") are resolved against it; without it they keep
            TIMEX3 ``X`` placeholders.
        headline: the headline, if known.

    Returns:
        A frozen :class:`~newsmodel.Article`.

    Raises:
        InvalidTextError: if ``text`` is not a ``str`` (a ``TypeError``).
        InvalidPublishedError: if ``published`` cannot be read as a date (a ``ValueError``).

    >>> import newsmodel
    >>> article = newsmodel.parse("WASHINGTON (Reuters) - The Senate voted on Tuesday.", published="2017-04-09")
    >>> article.dateline
    Dateline('WASHINGTON', agency='Reuters')
    """
    return default_parser().parse(text, published=published, headline=headline)
