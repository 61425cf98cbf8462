"""The :class:`Parser`, which composes the stages, and :func:`parse`, which uses a default one."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeGuard

import attrs

from . import _trusted
from .actors import ActorFinder
from .errors import InvalidArgumentError, InvalidPublishedError, InvalidTextError
from .events import EventFinder
from .model import Article, Event, Statement, TimeExpression
from .pipeline import Cast, CastRefiningStage, Stage, context_of
from .rules import load_rules
from .segment import Segmentation, Segmenter
from .statements import StatementFinder
from .times import TimeFinder

__all__ = ["Parser", "coerce_published", "parse", "read_published"]

_NO_CAST = Cast()  # the cast of a context before the actor stage (a Cast is immutable)


@attrs.frozen(kw_only=True, eq=False)
class Parser:
    """A reusable parser: the stages of the pipeline, each configured with its rule set.

    Build one to change a stage or its rules; :func:`parse` uses a default instance. A parser is
    immutable and safe to share between threads.

    A parser compares and hashes by identity: two parsers built alike (or a parser and its pickle
    round trip) are different objects and compare unequal, and a parser can be a ``dict`` key or
    an ``lru_cache`` argument. Its stages hold rule tables, which are not compared.

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
            published: publication date (``date``, ``datetime`` or a string, see
                :func:`~newsmodel.parser.read_published`); relative time expressions are resolved against it.
            headline: the headline, if known.

        Raises:
            InvalidTextError: if ``text`` is not a ``str``.
            InvalidPublishedError: if ``published`` is a string that is not an unambiguous date.
            InvalidArgumentError: if ``published`` or ``headline`` has the wrong type.
        """
        if not isinstance(text, str):
            raise InvalidTextError(f"text must be a str, not {type(text).__name__}")
        day, at = read_published(published)
        if headline is not None and not isinstance(headline, str):
            raise InvalidArgumentError(f"headline must be a str or None, not {type(headline).__name__}")
        segments = self.segmenter(text)
        head = (text, at or day, headline, segments)
        # Each context is built whole, unchecked (``attrs.evolve`` would look its fields up again
        # on every call; ``Context`` checks nothing). The clause breaks of this parser's time rules
        # travel with the times they govern.
        context = context_of(*head, (), _NO_CAST, (), None)
        clause_break = getattr(self.times, "clause_break", None)
        times = tuple(self.times(context))
        cast = self.actors(context_of(*head, times, _NO_CAST, (), clause_break))
        context = context_of(*head, times, cast, (), clause_break)
        stage = self.statements
        if _refining(stage):
            # The statement stage refines the cast by its speakers; later stages see the refined one.
            found, cast = stage.refine(context)
            statements = tuple(found)
        else:
            statements = tuple(stage(context))
        context = context_of(*head, times, cast, statements, clause_break)
        events = tuple(self.events(context))
        # The shipped stages build what Article checks (spans of the text, in order, actors held),
        # every sequence a tuple: their article is built without the checks (nor the converters,
        # which would return the tuples as they are); a stage of your own gets them.
        build = _trusted.parsed_article if _shipped(self) else Article
        return build(
            text=text,
            headline=headline,
            published=day,
            published_at=at,
            dateline=segments.dateline,
            paragraphs=segments.paragraphs,
            sentences=segments.sentences,
            actors=cast.actors,
            statements=statements,
            events=events,
            times=times,
        )


def _refining(stage: Stage[tuple[Statement, ...]]) -> TypeGuard[CastRefiningStage[tuple[Statement, ...]]]:
    """Whether the statement stage refines the cast: the shipped one does (checked first: a
    Protocol's ``isinstance`` costs more than the rest of the parser's own work on an article)."""
    return type(stage) is StatementFinder or isinstance(stage, CastRefiningStage)


def _shipped(parser: Parser) -> bool:
    """Whether every stage of ``parser`` is the shipped class (whatever its rules)."""
    return (
        type(parser.segmenter) is Segmenter
        and type(parser.times) is TimeFinder
        and type(parser.actors) is ActorFinder
        and type(parser.statements) is StatementFinder
        and type(parser.events) is EventFinder
    )


def coerce_published(value: object) -> date | None:
    """A publication date or date-time from a ``date``, a ``datetime`` or a string.

    Returns a ``datetime`` when the value carries a time of day, a ``date`` otherwise (see
    :func:`~newsmodel.parser.read_published` for the pair an article keeps).

    Raises:
        InvalidPublishedError: for a string that is not an unambiguous date.
        InvalidArgumentError: for any other type.
    """
    day, at = read_published(value)
    return at if at is not None else day


def read_published(value: object) -> tuple[date | None, datetime | None]:
    """``(published, published_at)`` as an :class:`~newsmodel.Article` keeps them.

    ``published`` is a plain ``date``; ``published_at`` the full ``datetime`` when the value carries
    a time of day, else ``None``. Strings may be written as

    - ISO 8601: ``2017-04-09``, ``20170409``, ``2017-04-09T14:30``, ``2017-04-09 14:30:00+02:00``,
      ``...Z``;
    - RFC 2822, as RSS and e-mail write dates: ``Sun, 09 Apr 2017 14:30:00 GMT``;
    - English month names: ``April 9, 2017``, ``9 April 2017``, ``Apr. 9 2017``, each optionally
      followed by a time ``14:30[:00[.79]]``, and Reuters-21578's ``26-FEB-1987 15:01:01.79``.

    All-number dates other than ISO 8601 (``04/09/2017``: April 9 or 4 September?) are refused.

    Raises:
        InvalidPublishedError: for a string in none of these forms, or naming no real date.
        InvalidArgumentError: for a value that is neither a date, a datetime, a str nor None.
    """
    if value is None:
        return None, None
    if isinstance(value, datetime):
        return value.date(), value
    if isinstance(value, date):
        return value, None
    if isinstance(value, str):
        return _read_published_string(value)
    raise InvalidArgumentError(
        f"published must be a date, a datetime, a date string or None, not {type(value).__name__}"
    )


_HOW = (
    "write it as ISO 8601 ('2017-04-09', '2017-04-09T14:30'), RFC 2822 ('Sun, 09 Apr 2017 14:30:00 GMT')"
    " or with an English month name ('April 9, 2017')"
)
_TIME = r"(?:[ T,]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,6}))?)?)?"
_NAMED_FORMS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # April 9, 2017 / Sunday, April 9, 2017 / Apr. 9 2017
        r"(?:(?P<wd>[a-z]{2,9})\.?,?\s{1,3})?(?P<mon>[a-z]{3,9})\.?\s{1,3}(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}"
        r"(?P<y>\d{4})" + _TIME,
        # 9 April 2017 / Sun, 9 April 2017
        r"(?:(?P<wd>[a-z]{2,9})\.?,?\s{1,3})?(?P<d>\d{1,2})\s{1,3}(?P<mon>[a-z]{3,9})\.?,?\s{1,3}(?P<y>\d{4})"
        + _TIME,
        # 26-FEB-1987 15:01:01.79
        r"(?P<d>\d{1,2})-(?P<mon>[a-z]{3,9})-(?P<y>\d{4})" + _TIME,
    )
)
_RFC_2822 = re.compile(
    r"(?:[a-z]{3},\s{0,3})?\d{1,2}\s{1,3}[a-z]{3}\s{1,3}\d{2,4}\s{1,3}\d{1,2}:\d{2}(?::\d{2})?\s{0,3}\S{1,10}",
    re.IGNORECASE,
)


@functools.cache
def _month_names() -> tuple[dict[str, int], frozenset[str]]:
    data = load_rules("published")
    months: dict[str, int] = {}
    for number, names in enumerate(data["months"], 1):
        for name in names:
            months[name.casefold()] = number
    return months, frozenset(w.casefold() for w in data["weekdays"])


def _read_iso(s: str) -> tuple[date, datetime | None] | None:
    """ISO 8601: ``20170409``, ``2017-04-09``, ``2017-04-09T10:00:00Z``."""
    if s.endswith(("Z", "z")) and "T" in s.upper():
        s = s[:-1] + "+00:00"
    if len(s) in (8, 10) and s[:4].isdigit():
        try:
            if len(s) == 8 and s.isdigit():  # the basic form, which Python 3.10 does not read
                return date(int(s[:4]), int(s[4:6]), int(s[6:])), None
            return date.fromisoformat(s), None
        except ValueError:
            pass
    if s[:4].isdigit() and len(s) > 10:
        try:
            at = datetime.fromisoformat(s)
        except ValueError:
            return None
        return at.date(), at
    return None


def _read_rfc_2822(s: str) -> tuple[date, datetime | None] | None:
    """RSS and e-mail dates: ``Sun, 09 Apr 2017 14:30:00 GMT``."""
    if not _RFC_2822.fullmatch(s):
        return None
    import email.utils  # here, not at the top: it imports socket, calendar and more (import time)

    try:
        at = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return at.date(), at


def _read_named_month(s: str, value: str) -> tuple[date, datetime | None] | None:
    """English month names: ``April 9, 2017``, ``9 April 2017``, ``26-FEB-1987 15:01:01.79``."""
    months, weekdays = _month_names()
    for form in _NAMED_FORMS:
        m = form.fullmatch(s)
        if m is None:
            continue
        month = months.get(m["mon"].casefold())
        weekday = m.groupdict().get("wd")
        if month is None or (weekday is not None and weekday.casefold() not in weekdays):
            continue
        try:
            day = date(int(m["y"]), month, int(m["d"]))
            if m["h"] is None:
                return day, None
            fraction = int((m["f"] or "0").ljust(6, "0"))
            at = datetime(day.year, day.month, day.day, int(m["h"]), int(m["mi"]), int(m["s"] or 0), fraction)
        except ValueError as exc:
            raise InvalidPublishedError(f"published={value!r} is not a real date ({exc})") from None
        return day, at
    return None


def _read_published_string(value: str) -> tuple[date, datetime | None]:
    s = value.strip()
    found = _read_iso(s) or _read_rfc_2822(s) or _read_named_month(s, value)
    if found is not None:
        return found
    if re.fullmatch(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}.{0,40}", s):
        raise InvalidPublishedError(f"published={value!r} is ambiguous (which number is the month?); {_HOW}")
    raise InvalidPublishedError(f"published={value!r} is not a date newsmodel reads; {_HOW}")


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
        published: publication date: a ``date``, a ``datetime``, or a string in ISO 8601
            (``2017-04-09``), RFC 2822 (``Sun, 09 Apr 2017 14:30:00 GMT``) or with an English month
            name (``April 9, 2017``). The article keeps the date as ``published`` and, when a time
            of day is given, the full ``datetime`` as ``published_at``. Relative
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
