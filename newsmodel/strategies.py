"""Hypothesis strategies for newsmodel's types, and synthetic news copy with known answers.

Install the ``hypothesis`` extra (``pip install newsmodel[hypothesis]``) to use this module;
``import newsmodel`` alone never imports hypothesis.

Two families of strategies live here:

- **Model strategies** draw valid, internally consistent model values for testing code that
  *consumes* articles: :func:`spans`, :func:`mentions`, :func:`actors`, :func:`time_expressions`,
  :func:`statements`, :func:`events`, :func:`datelines` and :func:`articles`. Every span they draw
  indexes the text it was drawn for, and every actor a statement or event refers to is one of the
  article's actors. They are also registered with hypothesis, so ``st.from_type(newsmodel.Article)``
  works once newsmodel is installed.
- **Text strategies** draw input for testing code that *produces* articles: :func:`news_texts` draws
  synthetic wire copy together with a :class:`NewsText` record of what a correct parse must contain.

Arguments are keyword-only (apart from the text a span strategy indexes), anything a user may want
to vary is itself a strategy, and bad arguments raise :class:`hypothesis.errors.InvalidArgument` at
once, not at the first draw.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from .model import (
    Actor,
    ActorKind,
    Article,
    Count,
    CountKind,
    Dateline,
    Event,
    EventKind,
    EventMode,
    Mention,
    MentionKind,
    Span,
    Statement,
    StatementKind,
    TimeExpression,
    TimeKind,
)
from .rules import load_rules

__all__ = [
    "SHAPES",
    "ExpectedActor",
    "ExpectedDateline",
    "ExpectedEvent",
    "ExpectedStatement",
    "NewsText",
    "actors",
    "articles",
    "datelines",
    "events",
    "mentions",
    "news_texts",
    "spans",
    "statements",
    "time_expressions",
]

T = TypeVar("T")

# -- argument validation -------------------------------------------------------------------------


def _check_type(value: object, types: type | tuple[type, ...], name: str, what: str) -> None:
    if not isinstance(value, types) or (isinstance(value, bool) and types is int):
        raise InvalidArgument(f"{name}={value!r} must be {what}, not {type(value).__name__}")


def _check_text(text: object, name: str = "text") -> None:
    _check_type(text, str, name, "a str")


def _check_strategy(value: object, name: str) -> None:
    if not isinstance(value, SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a hypothesis strategy, not {type(value).__name__}")


def _check_size(value: object, name: str) -> int:
    _check_type(value, int, name, "an int")
    assert isinstance(value, int)
    if value < 0:
        raise InvalidArgument(f"{name}={value!r} must be non-negative")
    return value


def _check_sequence(value: object, item: type, name: str) -> tuple[Any, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | Collection):
        raise InvalidArgument(f"{name}={value!r} must be a sequence of {item.__name__}")
    items = tuple(value)
    for i, v in enumerate(items):
        if not isinstance(v, item):
            raise InvalidArgument(f"{name}[{i}]={v!r} is a {type(v).__name__}, not a {item.__name__}")
    return items


def _check_spans_in(text: str, items: Sequence[Any], name: str, get: Callable[[Any], Span]) -> None:
    for i, v in enumerate(items):
        span = get(v)
        if span.end > len(text) or text[span.start : span.end] != span.text:
            raise InvalidArgument(f"{name}[{i}] has the span {span!r}, which does not index text")


# -- model strategies ----------------------------------------------------------------------------

# Rule ids as the stages write them; sampled rather than drawn from a regex, which is much slower.
_RULE_IDS = st.sampled_from(
    (
        "name", "title-name", "name-again", "pronoun", "nominal", "demonym", "country", "quote-then-cue",
        "cue-then-quote", "reported", "according-to", "weekday", "absolute-date", "relative-date",
        "duration", "lexicon", "user-rule",
    )
)  # fmt: skip
_SECTORS = ("GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "NGO", "IGO")
_MODS = ("START", "MID", "END", "APPROX", "EARLY", "LATE")
_MENTION_KINDS = st.sampled_from(MentionKind)
_ACTOR_KINDS = st.sampled_from(ActorKind)
_TIME_KINDS = st.sampled_from(TimeKind)
_STATEMENT_KINDS = st.sampled_from(StatementKind)
_EVENT_KINDS = st.sampled_from(EventKind)
_EVENT_MODES = st.sampled_from(EventMode)
_SECTOR_CODES = st.none() | st.sampled_from(_SECTORS)
_ROLES = st.text(min_size=1, max_size=30)
_TEXTS = st.text(max_size=400)
_PUBLISHED = st.none() | st.dates(date(1980, 1, 1), date(2035, 12, 31))
_HEADLINES = st.none() | st.text(max_size=80)
_NEWS_DATES = st.dates(date(1990, 1, 1), date(2030, 12, 31))


@functools.cache
def _alpha3() -> tuple[str, ...]:
    import pycountry

    return tuple(sorted(c.alpha_3 for c in pycountry.countries))


@st.composite
def _span(draw: st.DrawFn, text: str, min_size: int, max_size: int) -> Span:
    start = draw(st.integers(0, len(text) - min_size))
    size = draw(st.integers(min_size, min(max_size, len(text) - start)))
    return Span.of(text, start, start + size)


def spans(text: str, *, min_size: int = 0, max_size: int | None = None) -> SearchStrategy[Span]:
    """Spans of ``text``: ``Span.of(text, start, end)`` with ``min_size <= end - start <= max_size``.

    Args:
        text: the text the spans index.
        min_size: the shortest span (0 allows empty spans).
        max_size: the longest span; ``None`` for no limit but the text's length.

    Shrinks towards the shortest span at offset 0.

    Raises:
        InvalidArgument: if ``text`` is not a ``str``, a size is not a non-negative ``int``,
            ``max_size < min_size``, or ``min_size`` exceeds the length of ``text``.
    """
    _check_text(text)
    lo = _check_size(min_size, "min_size")
    hi = len(text) if max_size is None else _check_size(max_size, "max_size")
    if hi < lo:
        raise InvalidArgument(f"max_size={max_size!r} is less than min_size={min_size!r}")
    if lo > len(text):
        raise InvalidArgument(f"min_size={min_size!r} exceeds the length of text ({len(text)})")
    return _span(text, lo, min(hi, len(text)))


def _nonempty_spans(text: str, max_size: int = 60) -> SearchStrategy[Span]:
    """Non-empty spans of ``text`` (empty ones when the text itself is empty)."""
    return spans(text, min_size=1 if text else 0, max_size=max(1, max_size))


def mentions(
    text: str,
    *,
    kinds: SearchStrategy[MentionKind] = _MENTION_KINDS,
    rules: SearchStrategy[str] = _RULE_IDS,
) -> SearchStrategy[Mention]:
    """Mentions of an actor in ``text``: a non-empty span of it, a kind and a rule id.

    Args:
        text: the text the mention's span indexes; must not be empty.
        kinds: the mention kinds to draw.
        rules: the rule ids to draw.

    Shrinks towards a one-character ``NAME`` mention at offset 0.

    Raises:
        InvalidArgument: if ``text`` is not a non-empty ``str`` or an argument is not a strategy.
    """
    _check_text(text)
    if not text:
        raise InvalidArgument("a mention needs a non-empty text to point into")
    _check_strategy(kinds, "kinds")
    _check_strategy(rules, "rules")
    return st.builds(Mention, span=_nonempty_spans(text, 40), kind=kinds, rule=rules)


_SLUG = "abcdefghijklmnopqrstuvwxyz0123456789-"
_IDS = st.builds(operator.add, st.sampled_from(_SLUG[:26]), st.text(st.sampled_from(_SLUG), max_size=15))
_NAMES = st.text(st.characters(codec="utf-8", categories=["L", "Zs", "Pd"]), min_size=1, max_size=40)


def actors(
    text: str,
    *,
    ids: SearchStrategy[str] = _IDS,
    names: SearchStrategy[str] = _NAMES,
    kinds: SearchStrategy[ActorKind] = _ACTOR_KINDS,
    countries: SearchStrategy[str | None] | None = None,
    sectors: SearchStrategy[str | None] = _SECTOR_CODES,
    roles: SearchStrategy[str] = _ROLES,
    max_mentions: int = 3,
) -> SearchStrategy[Actor]:
    """Actors whose mentions index ``text``, listed in text order.

    Ids are unique only within one drawn value; :func:`articles` draws actors with unique ids.

    Args:
        text: the text the mentions index (an empty text gives actors without mentions).
        ids: actor ids (default: lowercase slugs such as ``"rex-tillerson"``).
        names: canonical names.
        kinds: actor kinds.
        countries: ISO 3166-1 alpha-3 codes or ``None`` (default: any code pycountry knows, or None).
        sectors: CAMEO/PLOVER sector codes or ``None``.
        roles: role strings; up to two are drawn.
        max_mentions: the most mentions an actor gets.

    Shrinks towards a ``PERSON`` with a one-letter id and name, no country, sector, roles or
    mentions.

    Raises:
        InvalidArgument: for a non-str ``text``, an argument that is not a strategy, or a
            negative ``max_mentions``.
    """
    _check_text(text)
    for name, value in (
        ("ids", ids),
        ("names", names),
        ("kinds", kinds),
        ("sectors", sectors),
        ("roles", roles),
    ):
        _check_strategy(value, name)
    if countries is None:
        countries = st.none() | st.sampled_from(_alpha3())
    _check_strategy(countries, "countries")
    n = _check_size(max_mentions, "max_mentions")
    mention_lists = (
        st.lists(mentions(text), max_size=n).map(lambda ms: sorted(ms, key=lambda m: m.span))
        if text
        else st.just([])
    )
    return st.builds(
        Actor,
        id=ids,
        name=names,
        kind=kinds,
        country=countries,
        sector=sectors,
        roles=st.lists(roles, max_size=2),
        mentions=mention_lists,
    )


def _values(kind: TimeKind) -> SearchStrategy[str]:
    years = st.integers(1900, 2099)
    days = st.dates(date(1900, 1, 1), date(2099, 12, 31))
    if kind is TimeKind.DATE:
        return st.one_of(
            days.map(date.isoformat),
            years.map(str),
            st.tuples(years, st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
            days.map(lambda d: "{}-W{:02d}".format(*d.isocalendar()[:2])),
            st.sampled_from(("PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-XX-XX", "XXXX-WXX-7")),
        )
    if kind is TimeKind.TIME:
        return st.tuples(days, st.integers(0, 23), st.integers(0, 59)).map(
            lambda t: f"{t[0].isoformat()}T{t[1]:02d}:{t[2]:02d}"
        ) | days.map(lambda d: f"{d.isoformat()}TMO")
    if kind is TimeKind.DURATION:
        return st.tuples(st.integers(1, 99), st.sampled_from("DWMY")).map(
            lambda t: f"P{t[0]}{t[1]}"
        ) | st.just("PXY")
    return st.sampled_from(("P1D", "P1W", "P1M", "P1Y", "XXXX-WXX-1"))


def time_expressions(
    text: str,
    *,
    kinds: SearchStrategy[TimeKind] = _TIME_KINDS,
    rules: SearchStrategy[str] = _RULE_IDS,
) -> SearchStrategy[TimeExpression]:
    """Time expressions over spans of ``text``, each with a TIMEX3 value of the shape its kind takes.

    ``DATE`` values are days, months, years, ISO weeks or references (``PRESENT_REF``,
    ``XXXX-XX-XX``); ``TIME`` values carry a time of day; ``DURATION`` values are ``P<n><unit>``;
    ``SET`` values are periods such as ``P1W``.

    Args:
        text: the text the spans index (non-empty spans unless the text is empty).
        kinds: the TIMEX3 types to draw.
        rules: rule ids.

    Shrinks towards a ``DATE`` over the first character with the value ``1900-01-01`` and no mod.

    Raises:
        InvalidArgument: for a non-str ``text`` or an argument that is not a strategy.
    """
    _check_text(text)
    _check_strategy(kinds, "kinds")
    _check_strategy(rules, "rules")

    @st.composite
    def build(draw: st.DrawFn) -> TimeExpression:
        kind = draw(kinds)
        return TimeExpression(
            span=draw(_nonempty_spans(text, 30)),
            kind=kind,
            value=draw(_values(kind)),
            rule=draw(rules),
            mod=draw(st.none() | st.sampled_from(_MODS)),
        )

    return build()


def _optional_choice(items: Sequence[T]) -> SearchStrategy[T | None]:
    return st.none() | st.sampled_from(items) if items else st.none()


def statements(
    text: str,
    *,
    actors: Sequence[Actor] = (),
    times: Sequence[TimeExpression] = (),
    kinds: SearchStrategy[StatementKind] = _STATEMENT_KINDS,
    rules: SearchStrategy[str] = _RULE_IDS,
) -> SearchStrategy[Statement]:
    """Statements over spans of ``text`` whose speaker is one of ``actors`` (or ``None``).

    Args:
        text: the text the source, cue and content spans index.
        actors: the actors a speaker is chosen from; the very objects are used, so a statement
            drawn with an article's actors refers to that article's actors.
        times: the time expressions a statement's time is chosen from.
        kinds: statement kinds.
        rules: rule ids.

    Shrinks towards a ``DIRECT`` statement with no speaker, source, cue or time, whose content is
    the first character of the text.

    Raises:
        InvalidArgument: for a non-str ``text``, ``actors`` or ``times`` that are not sequences of
            the model's types or whose spans do not index ``text``, or a non-strategy argument.
    """
    _check_text(text)
    held = _check_sequence(actors, Actor, "actors")
    when = _check_sequence(times, TimeExpression, "times")
    _check_spans_in(text, when, "times", lambda t: t.span)
    _check_spans_in(text, [m for a in held for m in a.mentions], "actors' mentions", lambda m: m.span)
    _check_strategy(kinds, "kinds")
    _check_strategy(rules, "rules")
    return st.builds(
        Statement,
        speaker=_optional_choice(held),
        source=st.none() | _nonempty_spans(text, 40),
        cue=st.none() | _nonempty_spans(text, 20),
        content=_nonempty_spans(text, 200),
        kind=kinds,
        time=_optional_choice(when),
        rule=rules,
    )


@st.composite
def _event_place(draw: st.DrawFn, text: str, sentences: tuple[Span, ...]) -> tuple[Span, Span]:
    """A sentence and a trigger inside it."""
    sentence = draw(st.sampled_from(sentences)) if sentences else draw(_nonempty_spans(text, 300))
    if not sentence.text:
        return sentence, sentence
    start = draw(st.integers(sentence.start, sentence.end - 1))
    end = draw(st.integers(start + 1, min(sentence.end, start + 30)))
    return sentence, Span.of(text, start, end)


def events(
    text: str,
    *,
    actors: Sequence[Actor] = (),
    times: Sequence[TimeExpression] = (),
    sentences: Sequence[Span] = (),
    kinds: SearchStrategy[EventKind] = _EVENT_KINDS,
    modes: SearchStrategy[EventMode] = _EVENT_MODES,
    rules: SearchStrategy[str] = _RULE_IDS,
    max_actors: int = 2,
) -> SearchStrategy[Event]:
    """Events over spans of ``text`` whose sources, targets and location are among ``actors``.

    The trigger always lies inside the event's sentence. Sources and targets are each distinct.

    Args:
        text: the text the spans index.
        actors: the actors sources, targets and location are chosen from (the very objects).
        times: the time expressions an event's time is chosen from.
        sentences: sentences of ``text`` to place events in; when empty, any span of the text
            serves as the sentence.
        kinds: PLOVER categories.
        modes: event modes.
        rules: rule ids.
        max_actors: the most sources, and the most targets, an event gets.

    Shrinks towards an ``AGREE`` event, ``ASSERTED``, with no actors, time or counts, whose
    trigger is the first character of its sentence.

    Raises:
        InvalidArgument: for a non-str ``text``, sequences of the wrong types or whose spans do not
            index ``text``, a non-strategy argument or a negative ``max_actors``.
    """
    _check_text(text)
    held = _check_sequence(actors, Actor, "actors")
    when = _check_sequence(times, TimeExpression, "times")
    where = _check_sequence(sentences, Span, "sentences")
    _check_spans_in(text, when, "times", lambda t: t.span)
    _check_spans_in(text, where, "sentences", lambda s: s)
    _check_spans_in(text, [m for a in held for m in a.mentions], "actors' mentions", lambda m: m.span)
    for name, value in (("kinds", kinds), ("modes", modes), ("rules", rules)):
        _check_strategy(value, name)
    n = _check_size(max_actors, "max_actors")
    where = tuple(s for s in where if s.text)
    participants: SearchStrategy[list[Actor]] = (
        st.lists(st.sampled_from(held), max_size=n, unique_by=lambda a: a.id) if held else st.just([])
    )
    counts = st.lists(
        st.builds(
            Count,
            kind=st.sampled_from(CountKind),
            number=st.integers(0, 10**6),
            span=_nonempty_spans(text, 30),
        ),
        max_size=2,
    )

    @st.composite
    def build(draw: st.DrawFn) -> Event:
        sentence, trigger = draw(_event_place(text, where))
        sources: list[Actor] = draw(participants)
        targets: list[Actor] = draw(participants)
        drawn_counts: list[Count] = draw(counts)
        return Event(
            kind=draw(kinds),
            trigger=trigger,
            sources=tuple(sources),
            targets=tuple(targets),
            location=draw(_optional_choice(held)),
            time=draw(_optional_choice(when)),
            mode=draw(modes),
            sentence=sentence,
            rule=draw(rules),
            counts=tuple(drawn_counts),
        )

    return build()


_PLACES = (
    "WASHINGTON", "MOSCOW", "BEIJING", "LONDON", "PARIS", "NEW YORK", "BRUSSELS", "TOKYO", "NAIROBI",
    "RIO DE JANEIRO", "MARRAKESH, Morocco", "GENEVA", "CAIRO", "NEW DELHI",
)  # fmt: skip
_AGENCIES = ("Reuters", "AP", "AFP", "IFR")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_DATELINE_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_LOCATIONS = st.sampled_from(_PLACES)
_AGENCY_NAMES = st.none() | st.sampled_from(_AGENCIES)
_DATELINE_DATES = st.none() | st.tuples(st.sampled_from(_DATELINE_MONTHS), st.integers(1, 28)).map(
    lambda t: f"{t[0]} {t[1]}"
)
_SEPARATORS = st.sampled_from(("-", "--", "—"))


def datelines(
    *,
    locations: SearchStrategy[str] = _LOCATIONS,
    agencies: SearchStrategy[str | None] = _AGENCY_NAMES,
    dates: SearchStrategy[str | None] = _DATELINE_DATES,
    separators: SearchStrategy[str] = _SEPARATORS,
) -> SearchStrategy[Dateline]:
    """Datelines as written at the start of a wire story, e.g. ``"WASHINGTON (Reuters) - "``.

    The dateline's span starts at offset 0 and covers the written dateline, separator and the space
    after it included: ``dateline.span.text`` is what a story opening with it starts with (this is
    how :func:`articles` uses it).

    Args:
        locations: places as written (``"WASHINGTON"``, ``"MARRAKESH, Morocco"``).
        agencies: agency names, or ``None`` for a dateline without one.
        dates: dates as written in 1980s wire copy (``"March 3"``), or ``None``.
        separators: the dash between dateline and story.

    Shrinks towards ``"WASHINGTON - "`` (no agency, no date).

    Raises:
        InvalidArgument: if an argument is not a strategy.
    """
    for name, value in (
        ("locations", locations),
        ("agencies", agencies),
        ("dates", dates),
        ("separators", separators),
    ):
        _check_strategy(value, name)

    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        location, agency, when, sep = draw(locations), draw(agencies), draw(dates), draw(separators)
        written = location + (f", {when}" if when else "") + (f" ({agency})" if agency else "") + f" {sep} "
        return Dateline(span=Span.of(written, 0, len(written)), location=location, agency=agency, date=when)

    return build()


@st.composite
def _tiling(draw: st.DrawFn, start: int, end: int, max_parts: int) -> list[tuple[int, int]]:
    """Consecutive, non-empty ranges inside ``[start, end)``, in order (fewer when space is short)."""
    if end <= start or max_parts == 0:
        return []
    cuts = draw(st.lists(st.integers(start, end), max_size=2 * max_parts, unique=True))
    points = sorted(cuts)
    return [(a, b) for a, b in itertools.pairwise(points) if a < b][:max_parts]


def articles(
    *,
    texts: SearchStrategy[str] = _TEXTS,
    datelines: SearchStrategy[Dateline | None] | None = None,
    published: SearchStrategy[date | None] = _PUBLISHED,
    headlines: SearchStrategy[str | None] = _HEADLINES,
    max_paragraphs: int = 4,
    max_actors: int = 4,
    max_statements: int = 4,
    max_events: int = 3,
    max_times: int = 3,
) -> SearchStrategy[Article]:
    """Whole articles: a text, and paragraphs, sentences, actors, statements, events and times on it.

    Every span indexes the article's text; paragraphs are in order and do not overlap; each
    sentence lies inside a paragraph; actors have unique ids; statement speakers and event actors
    are the article's own actor objects; statement and event times are among ``article.times``;
    each event's trigger lies in its sentence, which is one of ``article.sentences`` when there are
    any. The values are consistent, not linguistically meaningful: to test a parser, use
    :func:`news_texts`.

    Args:
        texts: the body text. When a dateline is drawn, the text is the dateline's written form
            followed by the drawn body.
        datelines: datelines to open the article with, or ``None`` values for none (default: none
            or :func:`datelines`). Pass ``st.none()`` to keep the drawn text exactly.
        published: publication dates.
        headlines: headlines.
        max_paragraphs: the most paragraphs.
        max_actors: the most actors.
        max_statements: the most statements.
        max_events: the most events.
        max_times: the most time expressions.

    Shrinks towards the empty article: empty text, no dateline, no publication date or headline,
    and nothing found in it.

    Raises:
        InvalidArgument: if an argument is not a strategy or a ``max_*`` is not a non-negative int.
    """
    if datelines is None:
        datelines = st.none() | _datelines()
    for name, value in (
        ("texts", texts),
        ("datelines", datelines),
        ("published", published),
        ("headlines", headlines),
    ):
        _check_strategy(value, name)
    limits = {
        name: _check_size(value, name)
        for name, value in (
            ("max_paragraphs", max_paragraphs),
            ("max_actors", max_actors),
            ("max_statements", max_statements),
            ("max_events", max_events),
            ("max_times", max_times),
        )
    }
    dateline_strategy = datelines

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        dateline = draw(dateline_strategy)
        if dateline is not None and not isinstance(dateline, Dateline):
            raise InvalidArgument(f"datelines drew {dateline!r}, which is not a Dateline or None")
        head = dateline.span.text if dateline is not None else ""
        if dateline is not None and dateline.span.start != 0:
            raise InvalidArgument(f"datelines drew {dateline!r}, whose span does not start at 0")
        body = draw(texts)
        if not isinstance(body, str):
            raise InvalidArgument(f"texts drew {body!r}, which is not a str")
        text = head + body
        paragraphs = [
            Span.of(text, a, b) for a, b in draw(_tiling(len(head), len(text), limits["max_paragraphs"]))
        ]
        sentences = [
            Span.of(text, a, b)
            for p in paragraphs
            for a, b in draw(_tiling(p.start, p.end, 3)) or [(p.start, p.end)]
        ]
        times = sorted(
            draw(st.lists(time_expressions(text), max_size=limits["max_times"])),
            key=lambda t: (t.span, t.value),
        )
        cast = draw(st.lists(actors(text), max_size=limits["max_actors"], unique_by=lambda a: a.id))
        return Article(
            text=text,
            headline=draw(headlines),
            published=draw(published),
            dateline=dateline,
            paragraphs=paragraphs,
            sentences=sentences,
            actors=cast,
            statements=draw(
                st.lists(statements(text, actors=cast, times=times), max_size=limits["max_statements"])
            ),
            events=draw(
                st.lists(
                    events(text, actors=cast, times=times, sentences=sentences), max_size=limits["max_events"]
                )
            ),
            times=times,
        )

    return build()


_datelines = datelines  # articles() has an argument of that name


# -- synthetic news with known answers -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class ExpectedDateline:
    """The dateline a correct parse finds.

    Attributes:
        span: the planted dateline, separator included.
        location: the place as written.
        agency: the agency, if the dateline names one.
    """

    span: Span
    location: str
    agency: str | None


@attrs.frozen(kw_only=True)
class ExpectedActor:
    """An actor a correct parse finds.

    Attributes:
        name: canonical name (``"Anna Kowalski"``, ``"Poland"``).
        kind: ``PERSON`` or ``COUNTRY``.
        country: ISO 3166-1 alpha-3 code.
        sector: sector code (``"GOV"`` for the ministers and presidents planted), if any.
        roles: roles the text gives (``"Foreign Minister"``).
        mentions: planted mentions: ``NAME`` mentions (the full name, without title, then the last
            name) and ``PRONOUN`` mentions, in text order, with the rule ``"planted"``.
    """

    name: str
    kind: ActorKind
    country: str
    sector: str | None = None
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@attrs.frozen(kw_only=True)
class ExpectedStatement:
    """A statement a correct parse finds.

    Attributes:
        speaker: the canonical name of the speaker.
        kind: ``DIRECT`` (quoted) or ``INDIRECT`` (reported).
        content: what was said, without quote marks and without the comma or period that closes it.
        cue: the reporting verb (``"said"``, ``"added"``).
        source: the words naming the speaker there (``"Polish Foreign Minister Anna Kowalski"``,
            ``"Kowalski"``, ``"she"``).
        time: the time expression governing the statement, if one was planted in its sentence.
        shape: the template that planted it (one of :data:`SHAPES`).
    """

    speaker: str
    kind: StatementKind
    content: Span
    cue: Span
    source: Span
    time: TimeExpression | None = None
    shape: str = ""


@attrs.frozen(kw_only=True)
class ExpectedEvent:
    """An event a correct parse finds.

    Attributes:
        kind: the PLOVER category.
        trigger: the verb phrase that expresses it (``"accused"``, ``"did not accuse"`` gives ``"accuse"``).
        sources: canonical names of the actors that act.
        targets: canonical names of the actors acted upon.
        mode: ``ASSERTED``, ``NEGATED`` or ``FUTURE``.
        time: the time expression planted in its sentence, if any.
        sentence: the sentence it was planted in.
    """

    kind: EventKind
    trigger: Span
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    mode: EventMode
    sentence: Span
    time: TimeExpression | None = None


@attrs.frozen(kw_only=True)
class NewsText:
    """A synthetic news story and what a correct parse of it must contain.

    Attributes:
        text: the story.
        published: its publication date; relative time expressions are planted relative to it.
        dateline: the planted dateline, or ``None`` when the story opens without one.
        paragraphs: the planted paragraphs (separated by blank lines), the dateline included.
        sentences: the planted sentences, the first one starting after the dateline.
        actors: the people and countries planted.
        statements: the statements planted.
        times: the time expressions planted, each with its TIMEX3 value against ``published``
            and the rule ``"planted"``.
        events: the events planted.
    """

    text: str
    published: date
    dateline: ExpectedDateline | None
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    actors: tuple[ExpectedActor, ...]
    statements: tuple[ExpectedStatement, ...]
    times: tuple[TimeExpression, ...]
    events: tuple[ExpectedEvent, ...]

    def parse(self) -> Article:
        """The story parsed by :func:`newsmodel.parse` with its publication date."""
        from .parser import parse

        return parse(self.text, published=self.published)

    def actor(self, name: str) -> ExpectedActor:
        """The planted actor with this canonical name.

        Raises:
            KeyError: if none has it.
        """
        for a in self.actors:
            if a.name == name:
                return a
        raise KeyError(name)


SHAPES = ("direct", "cue-first", "pronoun", "reported", "event", "negated-event", "future-event", "dated")
"""The sentence templates :func:`news_texts` plants:

- ``direct``: ``“We expect a clear answer,” Polish Foreign Minister Anna Kowalski said on Sunday.``
- ``cue-first``: ``Kowalski said: “We expect a clear answer.”``
- ``pronoun``: a follow-up ``“The door remains open,” she added.`` after a statement by a person.
- ``reported``: ``Kowalski said the border would remain closed.``
- ``event``: ``Russia accused Ukraine of violating the ceasefire on Tuesday.``
- ``negated-event``: ``Russia did not accuse Ukraine of violating the ceasefire.``
- ``future-event``: ``Russia will impose sanctions on Ukraine.`` (expected as PLOVER codes an
  announced act: THREATEN, or AGREE for a cooperative one, with mode FUTURE)
- ``dated``: ``The meeting took place on March 3, 2017.``
"""

_SPEECH = frozenset({"direct", "cue-first", "reported"})
_EVENTS = frozenset({"event", "negated-event", "future-event"})

# (name, ISO 3166-1 alpha-3, demonym, capital as a dateline writes it)
_COUNTRIES = (
    ("Russia", "RUS", "Russian", "MOSCOW"),
    ("France", "FRA", "French", "PARIS"),
    ("Germany", "DEU", "German", "BERLIN"),
    ("Japan", "JPN", "Japanese", "TOKYO"),
    ("Brazil", "BRA", "Brazilian", "BRASILIA"),
    ("Poland", "POL", "Polish", "WARSAW"),
    ("Egypt", "EGY", "Egyptian", "CAIRO"),
    ("Kenya", "KEN", "Kenyan", "NAIROBI"),
    ("Canada", "CAN", "Canadian", "OTTAWA"),
    ("India", "IND", "Indian", "NEW DELHI"),
    ("China", "CHN", "Chinese", "BEIJING"),
    ("Mexico", "MEX", "Mexican", "MEXICO CITY"),
    ("Sweden", "SWE", "Swedish", "STOCKHOLM"),
    ("Nigeria", "NGA", "Nigerian", "ABUJA"),
    ("Ukraine", "UKR", "Ukrainian", "KIEV"),
    ("Spain", "ESP", "Spanish", "MADRID"),
    ("Italy", "ITA", "Italian", "ROME"),
    ("Argentina", "ARG", "Argentine", "BUENOS AIRES"),
)
_MEN = ("Pavel", "Tomas", "Javier", "Kenji", "Lars", "Marco", "Daniel", "Omar")
_WOMEN = ("Anna", "Maria", "Elena", "Ingrid", "Sofia", "Amina", "Keiko", "Clara")
_SURNAMES = (
    "Kowalski", "Novak", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Okafor", "Brennan", "Castillo",
    "Petrov", "Berger", "Jansen",
)  # fmt: skip
_TITLES = ("Foreign Minister", "Prime Minister", "President", "Defence Minister", "Finance Minister")
_QUOTES = (
    "We expect a clear answer",
    "Our position has not changed",
    "There is no military solution",
    "This is a matter of principle",
    "The door to dialogue remains open",
    "Nobody wants a new crisis",
    "We will not accept these conditions",
    "The situation is very serious",
)
_CLAUSES = (
    "the border would remain closed",
    "the negotiations had made good progress",
    "the new law was necessary",
    "the economy was growing faster than expected",
    "the two sides were close to a deal",
    "the decision had been difficult",
)
# (past, base, PLOVER kind, what follows the target, how many words of the phrase are the trigger)
_VERBS = (
    ("accused", "accuse", EventKind.ACCUSE, " of violating the ceasefire"),
    ("criticised", "criticise", EventKind.ACCUSE, " over its handling of the crisis"),
    ("threatened", "threaten", EventKind.THREATEN, " with new sanctions"),
    ("imposed sanctions on", "impose sanctions on", EventKind.SANCTION, ""),
    ("held talks with", "hold talks with", EventKind.CONSULT, ""),
    ("attacked", "attack", EventKind.ASSAULT, " with artillery"),
    ("sent humanitarian aid to", "send humanitarian aid to", EventKind.AID, ""),
)


def _announced() -> dict[EventKind, EventKind]:
    """PLOVER codes an announced act as the announcement, mode FUTURE: CAMEO 03 "express intent
    to cooperate" is AGREE, CAMEO 13 "threaten" is THREATEN ("Russia will attack Ukraine"). The
    kinds are the shipped event rules' (``[recode]`` in ``events.toml``)."""
    recode = load_rules("events").get("recode", {})
    return {
        **{EventKind[k]: EventKind.AGREE for k in recode.get("intent_kinds", ())},
        **{EventKind[k]: EventKind.THREATEN for k in recode.get("threat_kinds", ())},
    }


_ANNOUNCED = _announced()
_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EVENTS_DATED = ("The meeting took place", "The vote was held", "The agreement was signed")


@attrs.define
class _Person:
    first: str
    last: str
    pronoun: str
    title: str
    country: tuple[str, str, str, str]
    introduced: bool = False

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@attrs.define
class _Writer:
    """Appends text and remembers where planted things are (offsets, turned into spans at the end)."""

    parts: list[str] = attrs.field(factory=list)
    pos: int = 0
    mentions: dict[str, list[tuple[int, int, MentionKind]]] = attrs.field(factory=dict)

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def mention(self, name: str, s: str, kind: MentionKind = MentionKind.NAME) -> tuple[int, int]:
        where = self.add(s)
        self.mentions.setdefault(name, []).append((*where, kind))
        return where


@st.composite
def _draw_time(draw: st.DrawFn, published: date) -> tuple[str, str, str]:
    """A past time phrase: (words before the expression, the expression, its TIMEX3 value)."""
    form = draw(
        st.sampled_from(("weekday", "date", "year", "ago", "yesterday", "last-week", "month", "last-year"))
    )
    if form == "weekday":
        wd = draw(st.integers(0, 6))
        day = published - timedelta(days=(published.weekday() - wd) % 7)
        return "on ", _WEEKDAYS[wd], day.isoformat()
    if form == "date":
        day = published - timedelta(days=draw(st.integers(1, 1000)))
        return "on ", f"{_MONTHS[day.month - 1]} {day.day}, {day.year}", day.isoformat()
    if form == "year":
        year = published.year - draw(st.integers(1, 15))
        return "in ", str(year), str(year)
    if form == "ago":
        n = draw(st.integers(2, 9))
        day = published - timedelta(days=n)
        return "", f"{_NUMBERS[n - 2]} days ago", day.isoformat()
    if form == "yesterday":
        return "", "yesterday", (published - timedelta(days=1)).isoformat()
    if form == "last-week":
        # On a Sunday "last week" is the ISO week now ending; on other days, the one before.
        day = published if published.weekday() == 6 else published - timedelta(days=7)
        return "", "last week", "{}-W{:02d}".format(*day.isocalendar()[:2])
    if form == "month":
        day = published - timedelta(days=draw(st.integers(40, 1000)))
        return "in ", f"{_MONTHS[day.month - 1]} {day.year}", f"{day.year}-{day.month:02d}"
    return "", "last year", str(published.year - 1)


@st.composite
def _news_text(
    draw: st.DrawFn,
    published: SearchStrategy[date],
    shapes: frozenset[str],
    min_paragraphs: int,
    max_paragraphs: int,
    dateline: bool | None,
) -> NewsText:
    pub = draw(published)
    if not isinstance(pub, date):
        raise InvalidArgument(f"published drew {pub!r}, which is not a date")
    curly = draw(st.booleans())
    oq, cq = ("“", "”") if curly else ('"', '"')
    countries = draw(st.permutations(_COUNTRIES))
    # The cast: up to three people (distinct first and last names) and two countries.
    n_people = draw(st.integers(1, 3)) if shapes & (_SPEECH | _EVENTS) else 0
    lasts = draw(st.permutations(_SURNAMES))[:n_people]
    people: list[_Person] = []
    used_first: set[str] = set()
    for i, last in enumerate(lasts):
        female = draw(st.booleans())
        first = draw(st.sampled_from([f for f in (_WOMEN if female else _MEN) if f not in used_first]))
        used_first.add(first)
        people.append(
            _Person(
                first=first,
                last=last,
                pronoun="she" if female else "he",
                title=draw(st.sampled_from(_TITLES)),
                country=countries[i],
            )
        )
    nations = list(countries[n_people : n_people + 2]) if shapes & _EVENTS else []

    w = _Writer()
    raw_statements: list[dict[str, Any]] = []
    raw_events: list[dict[str, Any]] = []
    raw_times: list[tuple[int, int, str]] = []
    paragraphs: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    planted_dateline: tuple[int, int, str, str | None] | None = None
    with_dateline = draw(st.booleans()) if dateline is None else dateline

    def person_ref(p: _Person) -> tuple[int, int]:
        if p.introduced:
            return w.mention(p.name, p.last)
        p.introduced = True
        start = w.add(f"{p.country[2]} {p.title} ")[0]
        w.mention(p.name, p.name)
        return start, w.pos

    def time_phrase(force: bool = False) -> tuple[int, int, str] | None:
        if not force and not draw(st.booleans()):
            return None
        before, words, value = draw(_draw_time(pub))
        w.add(" " + before)
        start, end = w.add(words)
        raw_times.append((start, end, value))
        return start, end, value

    def actor_ref(name: str) -> tuple[int, int]:
        for p in people:
            if p.name == name:
                return person_ref(p)
        return w.mention(name, name)

    n_paragraphs = draw(st.integers(min_paragraphs, max_paragraphs))
    pool = [s for s in SHAPES if s in shapes and s != "pronoun"]
    for k in range(n_paragraphs):
        if k:
            w.add("\n\n")
        p_start = w.pos
        if k == 0 and with_dateline:
            place = draw(st.sampled_from([c[3] for c in _COUNTRIES]))
            agency = draw(st.sampled_from(("Reuters", "AP", None)))
            written = place + (f" ({agency})" if agency else "") + (" — " if agency == "AP" else " - ")
            planted_dateline = (*w.add(written), place, agency)
        n_sentences = draw(st.integers(1, 3))
        for j in range(n_sentences):
            if j:
                w.add(" ")
            s_start = w.pos
            shape = draw(st.sampled_from(pool))
            speaker: _Person | None = None
            if shape in _SPEECH:
                speaker = draw(st.sampled_from(people))
                said = draw(st.sampled_from(("said", "told reporters") if shape == "reported" else ("said",)))
                if shape == "direct":
                    w.add(oq)
                    content = w.add(draw(st.sampled_from(_QUOTES)))
                    w.add(f",{cq} ")
                    source = person_ref(speaker)
                    w.add(" ")
                    cue = w.add(said)
                    when = time_phrase()
                    w.add(".")
                elif shape == "cue-first":
                    source = person_ref(speaker)
                    w.add(" ")
                    cue = w.add(said)
                    when = time_phrase()
                    w.add(f": {oq}")
                    content = w.add(draw(st.sampled_from(_QUOTES)))
                    w.add(f".{cq}")
                else:
                    source = person_ref(speaker)
                    w.add(" ")
                    cue = w.add(said)
                    when = time_phrase()
                    w.add(" ")
                    content = w.add(draw(st.sampled_from(_CLAUSES)))
                    w.add(".")
                raw_statements.append(
                    {
                        "speaker": speaker.name,
                        "kind": StatementKind.INDIRECT if shape == "reported" else StatementKind.DIRECT,
                        "content": content,
                        "cue": cue,
                        "source": source,
                        "time": when,
                        "shape": shape,
                    }
                )
            elif shape in _EVENTS:
                cast = [p.name for p in people] + [c[0] for c in nations]
                src, tgt = draw(st.permutations(cast))[:2]
                past, base, kind, rest = draw(st.sampled_from(_VERBS))
                actor_ref(src)
                w.add(" ")
                if shape == "event":
                    trigger, mode = w.add(past), EventMode.ASSERTED
                elif shape == "negated-event":
                    w.add("did not ")
                    trigger, mode = w.add(base), EventMode.NEGATED
                else:
                    w.add("will ")
                    trigger, mode = w.add(base), EventMode.FUTURE
                    kind = _ANNOUNCED.get(kind, kind)
                w.add(" ")
                actor_ref(tgt)
                w.add(rest)
                when = time_phrase() if mode is EventMode.ASSERTED else None
                w.add(".")
                raw_events.append(
                    {
                        "kind": kind,
                        "trigger": trigger,
                        "sources": (src,),
                        "targets": (tgt,),
                        "mode": mode,
                        "time": when,
                    }
                )
            else:  # dated
                w.add(draw(st.sampled_from(_EVENTS_DATED)))
                time_phrase(force=True)
                w.add(".")
            sentences.append((s_start, w.pos))
            if raw_events and shape in _EVENTS:
                raw_events[-1]["sentence"] = (s_start, w.pos)
            if speaker is not None and "pronoun" in shapes and draw(st.booleans()):
                s_start = w.add(" ")[1]
                w.add(oq)
                content = w.add(draw(st.sampled_from(_QUOTES)))
                w.add(f",{cq} ")
                source = w.mention(speaker.name, speaker.pronoun, MentionKind.PRONOUN)
                w.add(" ")
                cue = w.add("added")
                w.add(".")
                sentences.append((s_start, w.pos))
                raw_statements.append(
                    {
                        "speaker": speaker.name,
                        "kind": StatementKind.DIRECT,
                        "content": content,
                        "cue": cue,
                        "source": source,
                        "time": None,
                        "shape": "pronoun",
                    }
                )
        paragraphs.append((p_start, w.pos))

    text = "".join(w.parts)

    def span(where: tuple[Any, ...]) -> Span:
        return Span.of(text, where[0], where[1])

    times = {
        (s, e): TimeExpression(span=Span.of(text, s, e), kind=TimeKind.DATE, value=v, rule="planted")
        for s, e, v in raw_times
    }

    def time_of(when: tuple[int, int, str] | None) -> TimeExpression | None:
        return None if when is None else times[when[0], when[1]]

    expected_actors = [
        ExpectedActor(
            name=p.name,
            kind=ActorKind.PERSON,
            country=p.country[1],
            sector="GOV",
            roles=(p.title,),
            mentions=tuple(
                Mention(span=span(m), kind=m[2], rule="planted") for m in w.mentions.get(p.name, [])
            ),
        )
        for p in people
        if p.name in w.mentions
    ] + [
        ExpectedActor(
            name=c[0],
            kind=ActorKind.COUNTRY,
            country=c[1],
            mentions=tuple(Mention(span=span(m), kind=m[2], rule="planted") for m in w.mentions[c[0]]),
        )
        for c in nations
        if c[0] in w.mentions
    ]
    return NewsText(
        text=text,
        published=pub,
        dateline=None
        if planted_dateline is None
        else ExpectedDateline(
            span=span(planted_dateline), location=planted_dateline[2], agency=planted_dateline[3]
        ),
        paragraphs=tuple(span(p) for p in paragraphs),
        sentences=tuple(span(s) for s in sentences),
        actors=tuple(sorted(expected_actors, key=lambda a: a.mentions[0].span)),
        statements=tuple(
            ExpectedStatement(
                speaker=s["speaker"],
                kind=s["kind"],
                content=span(s["content"]),
                cue=span(s["cue"]),
                source=span(s["source"]),
                time=time_of(s["time"]),
                shape=s["shape"],
            )
            for s in raw_statements
        ),
        times=tuple(sorted(times.values(), key=lambda t: t.span)),
        events=tuple(
            ExpectedEvent(
                kind=e["kind"],
                trigger=span(e["trigger"]),
                sources=e["sources"],
                targets=e["targets"],
                mode=e["mode"],
                sentence=span(e["sentence"]),
                time=time_of(e["time"]),
            )
            for e in raw_events
        ),
    )


def news_texts(
    *,
    published: SearchStrategy[date] = _NEWS_DATES,
    shapes: Collection[str] = SHAPES,
    min_paragraphs: int = 1,
    max_paragraphs: int = 5,
    dateline: bool | None = None,
) -> SearchStrategy[NewsText]:
    """Synthetic wire copy, drawn with what a correct parse of it must contain.

    A story has an optional dateline (``"MOSCOW (Reuters) - "``, ``"CAIRO (AP) — "``, ``"OTTAWA - "``)
    and paragraphs separated by blank lines, each of one to three sentences made from the
    templates in :data:`SHAPES`: direct quotes with the cue after or before them, reported speech,
    pronoun follow-ups (``“...,” she added.``), events between people and countries in PLOVER
    categories (asserted, negated, future), and sentences dated with a time expression whose
    TIMEX3 value is computed from the drawn publication date (``on Sunday``, ``March 3, 2017``,
    ``three days ago``, ``last week``, ``in 2013``). People are introduced with a demonym and a
    title (``Polish Foreign Minister Anna Kowalski``) and named by their last name afterwards.
    Quote marks are curly or straight, one kind per story.

    Args:
        published: publication dates.
        shapes: the sentence templates to use, a non-empty subset of :data:`SHAPES`
            (``"pronoun"`` needs one of ``"direct"``, ``"cue-first"``, ``"reported"``).
        min_paragraphs: the fewest paragraphs.
        max_paragraphs: the most paragraphs.
        dateline: ``True`` always to open with a dateline, ``False`` never, ``None`` sometimes.

    Returns:
        A strategy for :class:`NewsText` records.

    Shrinks towards a one-paragraph, one-sentence story in the first template of ``shapes``
    (in :data:`SHAPES` order), without a dateline or time expression, published 2000-01-01
    (where hypothesis shrinks dates).

    Raises:
        InvalidArgument: for an unknown or empty set of shapes, paragraph counts that are not
            ints with ``1 <= min_paragraphs <= max_paragraphs``, a non-strategy ``published``, or a
            ``dateline`` that is not a bool or None.
    """
    _check_strategy(published, "published")
    if isinstance(shapes, str) or not isinstance(shapes, Collection):
        raise InvalidArgument(f"shapes={shapes!r} must be a collection of shape names from {SHAPES}")
    unknown = sorted(set(shapes) - set(SHAPES))
    if unknown:
        raise InvalidArgument(f"unknown shapes {unknown}; the shapes are {SHAPES}")
    chosen = frozenset(shapes)
    if not chosen - {"pronoun"}:
        raise InvalidArgument(f"shapes={shapes!r} must name at least one shape besides 'pronoun'")
    if "pronoun" in chosen and not chosen & _SPEECH:
        raise InvalidArgument(
            "the 'pronoun' shape follows a statement: add 'direct', 'cue-first' or 'reported'"
        )
    lo = _check_size(min_paragraphs, "min_paragraphs")
    hi = _check_size(max_paragraphs, "max_paragraphs")
    if lo < 1 or hi < lo:
        raise InvalidArgument(
            f"need 1 <= min_paragraphs <= max_paragraphs, got min_paragraphs={lo}, max_paragraphs={hi}"
        )
    if dateline is not None and not isinstance(dateline, bool):
        raise InvalidArgument(f"dateline={dateline!r} must be True, False or None")
    return _news_text(published, chosen, lo, hi, dateline)
