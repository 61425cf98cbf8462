"""The typed domain model: what :func:`newsmodel.parse` returns.

Every class is an attrs class, frozen, keyword-only, hashable and slotted. Offsets are half-open
character offsets into :attr:`Article.text`, and every :class:`Span` carries the text it covers, so a
span can be read without the article at hand and checked against it.

Object references inside an article (a statement's speaker, an event's sources) are the very
:class:`Actor` objects that :attr:`Article.actors` holds.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from .errors import InvalidArticleError, InvalidSpanError

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Count",
    "CountKind",
    "Dateline",
    "Event",
    "EventKind",
    "EventMode",
    "Mention",
    "MentionKind",
    "Span",
    "Statement",
    "StatementKind",
    "TimeExpression",
    "TimeKind",
]


class _NamedEnum(enum.Enum):
    """An enum whose values are its names, with a short repr (``ActorKind.PERSON``)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class ActorKind(_NamedEnum):
    """What kind of entity an :class:`Actor` is."""

    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    COUNTRY = "COUNTRY"
    LOCATION = "LOCATION"
    GROUP = "GROUP"


class MentionKind(_NamedEnum):
    """How a :class:`Mention` refers to its actor.

    ``NAME`` is the proper name itself, without titles (``Rex Tillerson``); ``PRONOUN`` a pronoun
    (``he``, ``its``, ``who``); ``NOMINAL`` a common noun phrase (``the president``, ``the nation``);
    ``DEMONYM`` a nationality word standing for a country or its people (``Russian officials``).
    """

    NAME = "NAME"
    PRONOUN = "PRONOUN"
    NOMINAL = "NOMINAL"
    DEMONYM = "DEMONYM"


class StatementKind(_NamedEnum):
    """``DIRECT``: quoted words; ``INDIRECT``: reported speech; ``MIXED``: reported speech with quoted words."""

    DIRECT = "DIRECT"
    INDIRECT = "INDIRECT"
    MIXED = "MIXED"


class EventKind(_NamedEnum):
    """The 16 event categories of the PLOVER 2021 ontology."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class EventMode(_NamedEnum):
    """Whether an event is reported as happening, not happening, expected, or only possible."""

    ASSERTED = "ASSERTED"
    NEGATED = "NEGATED"
    FUTURE = "FUTURE"
    HYPOTHETICAL = "HYPOTHETICAL"


class TimeKind(_NamedEnum):
    """The TIMEX3 type of a :class:`TimeExpression`."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class CountKind(_NamedEnum):
    """What an event's :class:`Count` counts (PLOVER's event size)."""

    KILLED = "KILLED"
    INJURED = "INJURED"
    ARRESTED = "ARRESTED"


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _mention_tuple(value: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(value)


def _actor_tuple(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(value)


def _count_tuple(value: Iterable[Count]) -> tuple[Count, ...]:
    return tuple(value)


def _check_span(instance: Span, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int:  # bool is an int, but never an offset
        raise InvalidSpanError(f"Span.{attribute.name} must be an int, not {type(value).__name__}")


@attrs.frozen(kw_only=True, order=True, repr=False)
class Span:
    """A half-open range ``[start, end)`` of characters in an article's text, with that text.

    Spans compare, hash and sort by ``(start, end, text)``, so they dedupe with ``set`` and order
    with ``sorted``.

    Raises:
        InvalidSpanError: if ``start < 0``, ``end < start``, or ``len(text) != end - start``.
    """

    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    text: str = attrs.field()

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InvalidSpanError(f"Span.text must be a str, not {type(self.text).__name__}")
        if self.start < 0:
            raise InvalidSpanError(f"Span.start is {self.start}; offsets are never negative")
        if self.end < self.start:
            raise InvalidSpanError(f"Span.end ({self.end}) is before Span.start ({self.start})")
        if len(self.text) != self.end - self.start:
            raise InvalidSpanError(
                f"Span.text has {len(self.text)} characters but the span [{self.start}, {self.end}) "
                f"covers {self.end - self.start}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``, taking its text from it."""
        if not 0 <= start <= end <= len(text):
            raise InvalidSpanError(f"[{start}, {end}) does not lie inside a text of {len(text)} characters")
        return cls(start=start, end=end, text=text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def __contains__(self, other: object) -> bool:
        """``other in span``: an int offset, or a span lying wholly inside this one."""
        if isinstance(other, Span):
            return self.start <= other.start and other.end <= self.end
        if isinstance(other, int):
            return self.start <= other < self.end
        return False

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {_short(self.text)})"


@attrs.frozen(kw_only=True, repr=False)
class Dateline:
    """The dateline that opens a wire story, such as ``WASHINGTON (Reuters) -``.

    Attributes:
        span: the whole dateline, separator included.
        location: the place as written (``"WASHINGTON"``, ``"MARRAKESH, Morocco/CHICAGO"``).
        agency: the news agency, when named (``"Reuters"``, ``"AP"``).
        date: the date, when the dateline carries one (``"March 3"`` in 1987 wire copy), as written.
    """

    span: Span
    location: str
    agency: str | None = None
    date: str | None = None

    def __repr__(self) -> str:
        parts = [repr(self.location)]
        if self.agency:
            parts.append(f"agency={self.agency!r}")
        if self.date:
            parts.append(f"date={self.date!r}")
        return f"Dateline({', '.join(parts)})"


@attrs.frozen(kw_only=True, repr=False)
class Mention:
    """One place where the text refers to an actor.

    Attributes:
        span: the words of the mention (for a ``NAME``, the proper name without titles).
        kind: how it refers.
        rule: the id of the rule that found or resolved it.
    """

    span: Span
    kind: MentionKind
    rule: str = ""

    def __repr__(self) -> str:
        return f"Mention({self.kind.name}, {self.span.start}, {_short(self.span.text)})"


@attrs.frozen(kw_only=True, repr=False, cache_hash=True)
class Actor:
    """A person, country, organisation, place or group, with every mention of it in the article.

    Attributes:
        id: unique within the article and stable across runs (``"rex-tillerson"``).
        name: canonical name (``"Rex Tillerson"``, ``"Russia"``).
        kind: what kind of entity it is.
        country: ISO 3166-1 alpha-3 code of its country (``"USA"``), if known.
        sector: CAMEO/PLOVER sector code (``"GOV"``, ``"MIL"``, ``"REB"``, ``"MED"`` ...), if known.
        roles: roles the text gives it (``"Secretary of State"``).
        mentions: every mention, in text order.
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    roles: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mention_tuple)

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in (("country", self.country), ("sector", self.sector)) if v)
        return (
            f"Actor({self.id!r}, {self.name!r}, {self.kind.name}{extra}, "
            f"{len(self.mentions)} mention{'s' * (len(self.mentions) != 1)})"
        )


@attrs.frozen(kw_only=True, repr=False)
class TimeExpression:
    """A time expression and its TIMEX3 value, resolved against the publication date.

    Attributes:
        span: the words (``"last week"``).
        kind: TIMEX3 type.
        value: TIMEX3 value: ``2017-04-09``, ``2017-W14``, ``2013``, ``P3D``, ``PRESENT_REF``;
            ``X`` placeholders where the text does not say and no publication date was given.
        rule: the id of the rule that found it.
        mod: TIMEX3 ``mod`` (``START``, ``MID``, ``END``, ``APPROX`` ...) when the text qualifies it.
    """

    span: Span
    kind: TimeKind
    value: str
    rule: str = ""
    mod: str | None = None

    def __repr__(self) -> str:
        return f"TimeExpression({_short(self.span.text)}, {self.kind.name}, {self.value!r})"


@attrs.frozen(kw_only=True, repr=False)
class Statement:
    """Something an actor said, wrote or denied.

    Attributes:
        speaker: who said it, resolved through pronouns; ``None`` when unknown.
        source: the words that name the speaker here (``"he"``, ``"U.S. Secretary of State Rex Tillerson"``).
        cue: the reporting verb or phrase (``"said"``, ``"denied"``, ``"according to"``).
        content: what was said. For a ``DIRECT`` statement, the quoted words without their quote
            marks; for ``INDIRECT`` and ``MIXED`` the reported clause, any quote marks inside included.
        kind: direct, indirect or mixed.
        time: the time expression governing the statement (``"on Sunday"``), if there is one.
        rule: the id of the rule that found it.
    """

    speaker: Actor | None
    source: Span | None
    cue: Span | None
    content: Span
    kind: StatementKind
    time: TimeExpression | None = None
    rule: str = ""

    def __repr__(self) -> str:
        who = self.speaker.name if self.speaker else None
        return f"Statement({self.kind.name}, speaker={who!r}, content={_short(self.content.text)})"


@attrs.frozen(kw_only=True, repr=False)
class Count:
    """A number of people an event killed, injured or led to be arrested (PLOVER's event size).

    Attributes:
        kind: what is counted.
        number: the number the text gives (the lower bound for ``at least 70``).
        span: the words (``"at least 70 people"``).
    """

    kind: CountKind
    number: int
    span: Span

    def __repr__(self) -> str:
        return f"Count({self.kind.name}, {self.number})"


@attrs.frozen(kw_only=True, repr=False)
class Event:
    """Who did what to whom, when and where, coded in PLOVER 2021.

    Attributes:
        kind: PLOVER category.
        trigger: the words that express the event (``"blamed"``, ``"fired"``, ``"talks"``).
        sources: who acts.
        targets: to whom.
        location: where, when the text says.
        time: the governing time expression, if any.
        mode: asserted, negated, future or hypothetical.
        sentence: the sentence the trigger lies in.
        rule: the id of the lexicon entry or rule that found it.
        counts: people killed, injured or arrested, when the text gives numbers.
    """

    kind: EventKind
    trigger: Span
    sources: tuple[Actor, ...] = attrs.field(converter=_actor_tuple)
    targets: tuple[Actor, ...] = attrs.field(converter=_actor_tuple)
    location: Actor | None
    time: TimeExpression | None
    mode: EventMode
    sentence: Span
    rule: str = ""
    counts: tuple[Count, ...] = attrs.field(default=(), converter=_count_tuple)

    def __repr__(self) -> str:
        src = ", ".join(a.name for a in self.sources)
        tgt = ", ".join(a.name for a in self.targets)
        return (
            f"Event({self.kind.name}, {_short(self.trigger.text, 24)}, [{src}] -> [{tgt}], {self.mode.name})"
        )


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(value)


def _statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return tuple(value)


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(value)


def _times(value: Iterable[TimeExpression]) -> tuple[TimeExpression, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False, cache_hash=True)
class Article:
    """A parsed news article.

    The constructor checks the whole graph: every span lies inside ``text`` and agrees with it,
    and every actor a statement or event refers to is one of ``actors``.

    Raises:
        InvalidArticleError: naming the first span or reference that does not hold.
    """

    text: str
    headline: str | None = None
    published: date | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    sentences: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_statements)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    times: tuple[TimeExpression, ...] = attrs.field(default=(), converter=_times)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InvalidArticleError(f"Article.text must be a str, not {type(self.text).__name__}")
        text = self.text
        for where, span in self._spans():
            if not isinstance(span, Span):
                raise InvalidArticleError(f"{where} is a {type(span).__name__}, not a Span")
            if span.end > len(text):
                raise InvalidArticleError(
                    f"{where} {span!r} ends at {span.end}, past the end of the text ({len(text)} characters)"
                )
            if text[span.start : span.end] != span.text:
                raise InvalidArticleError(
                    f"{where} {span!r} does not match the article text there: {_short(text[span.start : span.end])}"
                )
        held = {id(a) for a in self.actors}
        ids: set[str] = set()
        for i, actor in enumerate(self.actors):
            if actor.id in ids:
                raise InvalidArticleError(f"actors[{i}] repeats the actor id {actor.id!r}")
            ids.add(actor.id)
        for i, s in enumerate(self.statements):
            if s.speaker is not None and id(s.speaker) not in held:
                raise InvalidArticleError(
                    f"statements[{i}].speaker {s.speaker!r} is not one of article.actors"
                )
        for i, e in enumerate(self.events):
            for role, actor in (
                *(("sources", a) for a in e.sources),
                *(("targets", a) for a in e.targets),
                *((("location", e.location),) if e.location is not None else ()),
            ):
                if id(actor) not in held:
                    raise InvalidArticleError(f"events[{i}].{role} {actor!r} is not one of article.actors")

    def _spans(self) -> Iterator[tuple[str, Span]]:
        if self.dateline is not None:
            yield "dateline.span", self.dateline.span
        for i, span in enumerate(self.paragraphs):
            yield f"paragraphs[{i}]", span
        for i, span in enumerate(self.sentences):
            yield f"sentences[{i}]", span
        for i, actor in enumerate(self.actors):
            for j, m in enumerate(actor.mentions):
                yield f"actors[{i}].mentions[{j}].span", m.span
        for i, s in enumerate(self.statements):
            for name in ("source", "cue", "content"):
                span = getattr(s, name)
                if span is not None:
                    yield f"statements[{i}].{name}", span
            if s.time is not None:
                yield f"statements[{i}].time.span", s.time.span
        for i, e in enumerate(self.events):
            yield f"events[{i}].trigger", e.trigger
            yield f"events[{i}].sentence", e.sentence
            if e.time is not None:
                yield f"events[{i}].time.span", e.time.span
            for j, c in enumerate(e.counts):
                yield f"events[{i}].counts[{j}].span", c.span
        for i, t in enumerate(self.times):
            yield f"times[{i}].span", t.span

    # -- lookups a user reaches for ---------------------------------------------------------------

    def span(self, start: int, end: int) -> Span:
        """The span ``[start, end)`` of this article's text."""
        return Span.of(self.text, start, end)

    def sentence_at(self, where: Span | int) -> Span | None:
        """The sentence containing an offset, or the start of a span; ``None`` outside every sentence."""
        return _containing(self.sentences, where)

    def paragraph_at(self, where: Span | int) -> Span | None:
        """The paragraph containing an offset, or the start of a span; ``None`` outside every paragraph."""
        return _containing(self.paragraphs, where)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id.

        Raises:
            KeyError: if no actor has it.
        """
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def actors_named(self, name: str) -> tuple[Actor, ...]:
        """Actors whose canonical name is ``name`` (case-insensitive)."""
        folded = name.casefold()
        return tuple(a for a in self.actors if a.name.casefold() == folded)

    def statements_by(self, actor: Actor | str) -> tuple[Statement, ...]:
        """Statements whose speaker is this actor (or the actor with this id)."""
        actor_id = actor if isinstance(actor, str) else actor.id
        return tuple(s for s in self.statements if s.speaker is not None and s.speaker.id == actor_id)

    def events_involving(self, actor: Actor | str) -> tuple[Event, ...]:
        """Events in which this actor (or the actor with this id) is a source or a target."""
        actor_id = actor if isinstance(actor, str) else actor.id
        return tuple(e for e in self.events if any(a.id == actor_id for a in (*e.sources, *e.targets)))

    def mention_at(self, where: Span | int) -> tuple[Actor, Mention] | None:
        """The actor and mention covering an offset (or the start of a span), if any."""
        offset = where.start if isinstance(where, Span) else where
        for a in self.actors:
            for m in a.mentions:
                if m.span.start <= offset < m.span.end:
                    return a, m
        return None

    def _repr_html_(self) -> str:
        """The article as HTML, for notebooks: :func:`newsmodel.render.html` with ``page=False``."""
        from .render import html  # imported on use: most programs never render

        return html(self, page=False)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}" for name in ("actors", "statements", "events", "times")
        )
        return f"<Article {len(self.text):,} chars {_short(self.text, 32)}, {counts}>"


def _containing(spans: tuple[Span, ...], where: Span | int) -> Span | None:
    offset = where.start if isinstance(where, Span) else where
    i = bisect.bisect_right([s.start for s in spans], offset) - 1
    if i >= 0 and spans[i].start <= offset < max(spans[i].end, spans[i].start + 1):
        return spans[i]
    return None
