"""Model strategies: valid, internally consistent model values for code that consumes articles."""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ..model import (
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
from ._checks import _check_sequence, _check_size, _check_spans_in, _check_strategy, _check_text

T = TypeVar("T")

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
# What parse accepts and keeps: a date (published), or a date-time (published and published_at).
_PUBLISHED: SearchStrategy[date | datetime | None] = (
    st.none()
    | st.dates(date(1980, 1, 1), date(2035, 12, 31))
    | st.datetimes(datetime(1980, 1, 1), datetime(2035, 12, 31))
    | st.datetimes(datetime(1980, 1, 1), datetime(2035, 12, 31), timezones=st.just(timezone.utc))
)
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
# Names as the actor stage writes them: with periods, apostrophes, commas and ampersands.
_REAL_NAMES = (
    "Dean Witter Reynolds Inc.", "Data Resources' Wyss", "Rex Tillerson", "Bashar al-Assad",
    "Procter & Gamble Co.", "Merrill Lynch, Pierce, Fenner & Smith Inc.", "U.S.", "O’Brien",
    "Washington, D.C.", "J.P. Morgan",
)  # fmt: skip
_NAMES = st.sampled_from(_REAL_NAMES) | st.text(
    st.characters(codec="utf-8", categories=["L", "Zs", "Pd"], include_characters=".,'’&"),
    min_size=1,
    max_size=40,
)


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

    ``quotes`` are ordered, non-overlapping spans inside the content, none for ``INDIRECT``.

    Shrinks towards a ``DIRECT`` statement with no speaker, source, cue, time or quotes, whose
    content is the first character of the text.

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

    @st.composite
    def build(draw: st.DrawFn) -> Statement:
        kind = draw(kinds)
        content = draw(_nonempty_spans(text, 200))
        pieces = [] if kind is StatementKind.INDIRECT else draw(_tiling(content.start, content.end, 3))
        return Statement(
            kind=kind,
            content=content,
            quotes=[Span.of(text, a, b) for a, b in pieces],
            speaker=draw(_optional_choice(held)),
            source=draw(st.none() | _nonempty_spans(text, 40)),
            cue=draw(st.none() | _nonempty_spans(text, 20)),
            time=draw(_optional_choice(when)),
            rule=draw(rules),
        )

    return build()


@st.composite
def _event_place(draw: st.DrawFn, text: str, sentences: tuple[Span, ...]) -> tuple[Span, Span]:
    """A sentence and a trigger inside it."""
    sentence = draw(st.sampled_from(sentences)) if sentences else draw(_nonempty_spans(text, 300))
    if not sentence.text:
        return sentence, sentence
    start = draw(st.integers(sentence.start, sentence.end - 1))
    end = draw(st.integers(start + 1, min(sentence.end, start + 30)))
    return sentence, Span.of(text, start, end)


def _event_mentions(text: str) -> SearchStrategy[list[Span]]:
    """Up to two spans of ``text`` starting at distinct offsets, in text order."""
    return st.lists(_nonempty_spans(text, 30), max_size=2, unique_by=lambda m: m.start).map(
        lambda ms: sorted(ms, key=lambda m: m.start)
    )


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
    ``mentions`` are up to two other spans of the text, in text order, none the trigger.

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

    Shrinks towards an ``AGREE`` event, ``ASSERTED``, with no actors, time, counts or mentions,
    whose trigger is the first character of its sentence.

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
    extra_mentions = _event_mentions(text)

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
            mentions=[m for m in draw(extra_mentions) if m != trigger],
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
    published: SearchStrategy[date | datetime | None] = _PUBLISHED,
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
        published: publication dates or date-times, as :func:`newsmodel.parse` takes them: a
            ``date`` becomes ``article.published``; a ``datetime`` becomes ``published_at`` and its
            date ``published``, as parse keeps them.
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
    return _article(texts, datelines, published, headlines, limits)


@st.composite
def _article(
    draw: st.DrawFn,
    texts: SearchStrategy[str],
    datelines: SearchStrategy[Dateline | None],
    published: SearchStrategy[date | datetime | None],
    headlines: SearchStrategy[str | None],
    limits: dict[str, int],
) -> Article:
    """One article for :func:`articles`, its arguments checked."""
    dateline = draw(datelines)
    if dateline is not None and not isinstance(dateline, Dateline):
        raise InvalidArgument(f"datelines drew {dateline!r}, which is not a Dateline or None")
    head = dateline.span.text if dateline is not None else ""
    if dateline is not None and dateline.span.start != 0:
        raise InvalidArgument(f"datelines drew {dateline!r}, whose span does not start at 0")
    body = draw(texts)
    if not isinstance(body, str):
        raise InvalidArgument(f"texts drew {body!r}, which is not a str")
    text = head + body
    when = draw(published)
    if when is not None and not isinstance(when, date):
        raise InvalidArgument(f"published drew {when!r}, which is not a date, a datetime or None")
    at = when if isinstance(when, datetime) else None
    day = when.date() if isinstance(when, datetime) else when
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
        published=day,
        published_at=at,
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


_datelines = datelines  # articles() has an argument of that name
