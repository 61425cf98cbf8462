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
from datetime import date, datetime
from typing import Any

import attrs

from .errors import InvalidArgumentError, InvalidArticleError, InvalidSpanError

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


def _tuple_of(value: Any, what: str) -> tuple[Any, ...]:
    if type(value) is tuple:
        return value
    if type(value) is list:
        return tuple(value)
    # A str is iterable, but "Secretary" is not a tuple of roles; a dict is not a sequence either.
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        raise InvalidArgumentError(f"{what} must be a list or tuple, not {type(value).__name__}")
    return tuple(value)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return _tuple_of(value, "roles")


def _mention_tuple(value: Iterable[Mention]) -> tuple[Mention, ...]:
    return _tuple_of(value, "mentions")


def _actor_tuple(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return _tuple_of(value, "an event's actors")


def _count_tuple(value: Iterable[Count]) -> tuple[Count, ...]:
    return _tuple_of(value, "counts")


def _quote_tuple(value: Iterable[Span]) -> tuple[Span, ...]:
    return _tuple_of(value, "quotes")


def _check(instance: object, name: str, value: object, kind: type | tuple[type, ...], label: str) -> None:
    if not isinstance(value, kind) or type(value) is bool:
        raise InvalidArgumentError(
            f"{type(instance).__name__}.{name} must be {label}, not {type(value).__name__}"
        )


def _opt_str(value: object) -> bool:
    return value is None or type(value) is str


def _check_optional_str(instance: object, *names: str) -> None:
    for name in names:
        value = getattr(instance, name)
        if value is not None and not isinstance(value, str):
            raise InvalidArgumentError(
                f"{type(instance).__name__}.{name} must be a str or None, not {type(value).__name__}"
            )


def _actor_key(actor: Actor | None) -> str | None:
    # Statements and events compare and hash their actors by id: an article compares its actors
    # (and their mentions) once, under Article.actors, so equality stays linear in its size.
    return None if actor is None else actor.id


def _actor_keys(actors: tuple[Actor, ...]) -> tuple[str, ...]:
    return tuple(a.id for a in actors)


def _offsets(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Span:
    """A half-open range ``[start, end)`` of characters in an article's text, with that text.

    Spans compare, hash and sort by ``(start, end, text)``, so they dedupe with ``set`` and order
    with ``sorted``.

    Raises:
        InvalidSpanError: if ``start < 0``, ``end < start``, or ``len(text) != end - start``.
    """

    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        start, end, text = self.start, self.end, self.text
        valid_types = type(start) is int and type(end) is int and type(text) is str
        if valid_types and 0 <= start <= end and len(text) == end - start:
            return
        self._refuse()

    def _refuse(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if type(value) is not int:  # bool is an int, but never an offset
                raise InvalidSpanError(f"Span.{name} must be an int, not {type(value).__name__}")
        if not isinstance(self.text, str):
            raise InvalidSpanError(f"Span.text must be a str, not {type(self.text).__name__}")
        if self.start < 0:
            raise InvalidSpanError(f"Span.start is {self.start}; offsets are never negative")
        if self.end < self.start:
            raise InvalidSpanError(f"Span.end ({self.end}) is before Span.start ({self.start})")
        raise InvalidSpanError(
            f"Span.text has {len(self.text)} characters but the span [{self.start}, {self.end}) "
            f"covers {self.end - self.start}"
        )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``, taking its text from it."""
        if not isinstance(text, str) or type(start) is not int or type(end) is not int:
            raise InvalidSpanError(
                f"Span.of takes a str and two int offsets, not {type(text).__name__}, "
                f"{type(start).__name__}, {type(end).__name__}"
            )
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
        if not isinstance(other, Span):
            raise InvalidArgumentError(f"overlaps takes a Span, not {type(other).__name__}")
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

    def __attrs_post_init__(self) -> None:
        if (
            type(self.span) is Span
            and type(self.location) is str
            and _opt_str(self.agency)
            and _opt_str(self.date)
        ):
            return
        _check(self, "span", self.span, Span, "a Span")
        _check(self, "location", self.location, str, "a str")
        _check_optional_str(self, "agency", "date")

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

    def __attrs_post_init__(self) -> None:
        if type(self.span) is Span and type(self.kind) is MentionKind and type(self.rule) is str:
            return
        _check(self, "span", self.span, Span, "a Span")
        _check(self, "kind", self.kind, MentionKind, "a MentionKind")
        _check(self, "rule", self.rule, str, "a str")

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

    def __attrs_post_init__(self) -> None:
        if (
            type(self.id) is str
            and type(self.name) is str
            and type(self.kind) is ActorKind
            and _opt_str(self.country)
            and _opt_str(self.sector)
            and all(type(r) is str for r in self.roles)
            and all(type(m) is Mention for m in self.mentions)
        ):
            return
        _check(self, "id", self.id, str, "a str")
        _check(self, "name", self.name, str, "a str")
        _check(self, "kind", self.kind, ActorKind, "an ActorKind")
        _check_optional_str(self, "country", "sector")
        for role in self.roles:
            _check(self, "roles", role, str, "a tuple of str")
        for m in self.mentions:
            _check(self, "mentions", m, Mention, "a tuple of Mention")

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

    def __attrs_post_init__(self) -> None:
        if (
            type(self.span) is Span
            and type(self.kind) is TimeKind
            and type(self.value) is str
            and type(self.rule) is str
            and _opt_str(self.mod)
        ):
            return
        _check(self, "span", self.span, Span, "a Span")
        _check(self, "kind", self.kind, TimeKind, "a TimeKind")
        _check(self, "value", self.value, str, "a str")
        _check(self, "rule", self.rule, str, "a str")
        _check_optional_str(self, "mod")

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
            marks, from the first quoted word to the last: a quotation split by its attribution
            (``“A,” said X. “B.”``) is one statement whose content runs from ``A`` to ``B`` and
            so holds the attribution and the inner quote marks; :attr:`quotes` has the pieces.
            For ``INDIRECT`` and ``MIXED`` the reported clause, any quote marks inside included.
        kind: direct, indirect or mixed.
        time: the time expression governing the statement (``"on Sunday"``), if there is one.
        rule: the id of the rule that found it.
        quotes: the quoted words, each piece without its quote marks, in text order: one span for
            an unbroken quotation, one per piece for a quotation split by its attribution; the
            quoted phrases of a ``MIXED`` statement; empty for ``INDIRECT`` speech.

    Statements compare and hash their speaker by id (:attr:`Actor.id`), not by its mentions.
    """

    speaker: Actor | None = attrs.field(eq=_actor_key)
    source: Span | None
    cue: Span | None
    content: Span
    kind: StatementKind
    time: TimeExpression | None = None
    rule: str = ""
    quotes: tuple[Span, ...] = attrs.field(default=(), converter=_quote_tuple)

    def __attrs_post_init__(self) -> None:
        if (
            (self.speaker is None or type(self.speaker) is Actor)
            and (self.source is None or type(self.source) is Span)
            and (self.cue is None or type(self.cue) is Span)
            and type(self.content) is Span
            and type(self.kind) is StatementKind
            and (self.time is None or type(self.time) is TimeExpression)
            and type(self.rule) is str
            and all(type(q) is Span for q in self.quotes)
        ):
            self._check_quotes()
            return
        if self.speaker is not None:
            _check(self, "speaker", self.speaker, Actor, "an Actor or None")
        for name in ("source", "cue"):
            value = getattr(self, name)
            if value is not None:
                _check(self, name, value, Span, "a Span or None")
        _check(self, "content", self.content, Span, "a Span")
        _check(self, "kind", self.kind, StatementKind, "a StatementKind")
        if self.time is not None:
            _check(self, "time", self.time, TimeExpression, "a TimeExpression or None")
        _check(self, "rule", self.rule, str, "a str")
        for q in self.quotes:
            _check(self, "quotes", q, Span, "a tuple of Span")
        self._check_quotes()

    def _check_quotes(self) -> None:
        last = self.content.start
        for q in self.quotes:
            if q.start < last or q.end > self.content.end:
                raise InvalidArticleError(
                    f"Statement.quotes: {q!r} is not inside the content {self.content!r} after the quote"
                    " before it; quotes lie in order inside the content"
                )
            last = q.end

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

    def __attrs_post_init__(self) -> None:
        if type(self.kind) is CountKind and type(self.number) is int and type(self.span) is Span:
            return
        _check(self, "kind", self.kind, CountKind, "a CountKind")
        _check(self, "number", self.number, int, "an int")
        _check(self, "span", self.span, Span, "a Span")

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

    Events compare and hash their actors by id and their sentence by its offsets, so comparing two
    articles compares each actor's mentions once, under :attr:`Article.actors`.
    """

    kind: EventKind
    trigger: Span
    sources: tuple[Actor, ...] = attrs.field(converter=_actor_tuple, eq=_actor_keys)
    targets: tuple[Actor, ...] = attrs.field(converter=_actor_tuple, eq=_actor_keys)
    location: Actor | None = attrs.field(eq=_actor_key)
    time: TimeExpression | None
    mode: EventMode
    sentence: Span = attrs.field(eq=_offsets)
    rule: str = ""
    counts: tuple[Count, ...] = attrs.field(default=(), converter=_count_tuple)

    def __attrs_post_init__(self) -> None:
        if not (
            type(self.kind) is EventKind
            and type(self.trigger) is Span
            and all(type(a) is Actor for a in self.sources)
            and all(type(a) is Actor for a in self.targets)
            and (self.location is None or type(self.location) is Actor)
            and (self.time is None or type(self.time) is TimeExpression)
            and type(self.mode) is EventMode
            and type(self.sentence) is Span
            and type(self.rule) is str
            and all(type(c) is Count for c in self.counts)
        ):
            self._check_types()
        if not (self.sentence.start <= self.trigger.start and self.trigger.end <= self.sentence.end):
            raise InvalidArticleError(
                f"Event.trigger {self.trigger!r} lies outside its sentence {self.sentence!r}"
            )

    def _check_types(self) -> None:
        _check(self, "kind", self.kind, EventKind, "an EventKind")
        _check(self, "trigger", self.trigger, Span, "a Span")
        for name in ("sources", "targets"):
            for a in getattr(self, name):
                _check(self, name, a, Actor, "a tuple of Actor")
        if self.location is not None:
            _check(self, "location", self.location, Actor, "an Actor or None")
        if self.time is not None:
            _check(self, "time", self.time, TimeExpression, "a TimeExpression or None")
        _check(self, "mode", self.mode, EventMode, "an EventMode")
        _check(self, "sentence", self.sentence, Span, "a Span")
        _check(self, "rule", self.rule, str, "a str")
        for c in self.counts:
            _check(self, "counts", c, Count, "a tuple of Count")

    def __repr__(self) -> str:
        src = ", ".join(a.name for a in self.sources)
        tgt = ", ".join(a.name for a in self.targets)
        return (
            f"Event({self.kind.name}, {_short(self.trigger.text, 24)}, [{src}] -> [{tgt}], {self.mode.name})"
        )


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return _tuple_of(value, "Article.paragraphs and Article.sentences")


def _actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return _tuple_of(value, "Article.actors")


def _statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return _tuple_of(value, "Article.statements")


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return _tuple_of(value, "Article.events")


def _times(value: Iterable[TimeExpression]) -> tuple[TimeExpression, ...]:
    return _tuple_of(value, "Article.times")


@attrs.frozen(kw_only=True, repr=False, cache_hash=True)
class Article:
    """A parsed news article.

    The constructor checks the whole graph: every field has its type, every span lies inside
    ``text`` and agrees with it, paragraphs, sentences and each actor's mentions are in text order,
    and every actor a statement or event refers to is one of ``actors``.

    ``published`` is always a :class:`~datetime.date` (never a ``datetime``); when the publication
    time is known too, ``published_at`` holds it and ``published == published_at.date()``.

    Equality and hashing are linear in the size of the article: actors, with their mentions, are
    compared once; statements and events compare the actors they refer to by id.

    Raises:
        InvalidArticleError: naming the first field, span or reference that does not hold.
    """

    text: str
    headline: str | None = None
    published: date | None = None
    published_at: datetime | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    sentences: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_statements)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    times: tuple[TimeExpression, ...] = attrs.field(default=(), converter=_times)

    def __attrs_post_init__(self) -> None:
        self._check_types()
        text = self.text
        size = len(text)
        starts = text.startswith
        for sp in self._all_spans():
            if type(sp) is not Span or sp.end > size or not starts(sp.text, sp.start):
                self._refuse_spans()
        for name in ("paragraphs", "sentences"):
            spans = getattr(self, name)
            for i in range(1, len(spans)):
                if spans[i].start < spans[i - 1].end:
                    raise InvalidArticleError(
                        f"{name}[{i}] {spans[i]!r} starts before {name}[{i - 1}] {spans[i - 1]!r} ends;"
                        f" {name} are in text order and do not overlap"
                    )
        held = {id(a) for a in self.actors}
        ids: set[str] = set()
        for i, actor in enumerate(self.actors):
            if actor.id in ids:
                raise InvalidArticleError(f"actors[{i}] repeats the actor id {actor.id!r}")
            ids.add(actor.id)
            mentions = actor.mentions
            for j in range(1, len(mentions)):
                if mentions[j].span.start < mentions[j - 1].span.start:
                    raise InvalidArticleError(
                        f"actors[{i}].mentions[{j}] {mentions[j]!r} comes before the mention ahead of it;"
                        " mentions are in text order"
                    )
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

    def _check_types(self) -> None:
        def refuse(name: str, value: object, wanted: str) -> InvalidArticleError:
            return InvalidArticleError(f"Article.{name} must be {wanted}, not {type(value).__name__}")

        if not isinstance(self.text, str):
            raise refuse("text", self.text, "a str")
        if self.headline is not None and not isinstance(self.headline, str):
            raise refuse("headline", self.headline, "a str or None")
        published, at = self.published, self.published_at
        if published is not None and (not isinstance(published, date) or isinstance(published, datetime)):
            wanted = "a date or None (a datetime goes in published_at)"
            raise refuse("published", published, wanted)
        if at is not None:
            if not isinstance(at, datetime):
                raise refuse("published_at", at, "a datetime or None")
            if published != at.date():
                raise InvalidArticleError(
                    f"Article.published ({published}) must be published_at.date() ({at.date()})"
                )
        if self.dateline is not None and not isinstance(self.dateline, Dateline):
            raise refuse("dateline", self.dateline, "a Dateline or None")
        for name, kind in (
            ("actors", Actor),
            ("statements", Statement),
            ("events", Event),
            ("times", TimeExpression),
        ):
            for i, item in enumerate(getattr(self, name)):
                if not isinstance(item, kind):
                    raise refuse(f"{name}[{i}]", item, f"a {kind.__name__}")

    def _all_spans(self) -> list[Span]:
        # Every span, for the fast pass; _refuse_spans names the first bad one.
        out: list[Any] = [*self.paragraphs, *self.sentences]
        add, extend = out.append, out.extend
        if self.dateline is not None:
            add(self.dateline.span)
        for actor in self.actors:
            extend([m.span for m in actor.mentions])
        for s in self.statements:
            extend((s.content, *s.quotes))
            if s.source is not None:
                add(s.source)
            if s.cue is not None:
                add(s.cue)
            if s.time is not None:
                add(s.time.span)
        for e in self.events:
            extend((e.trigger, e.sentence, *[c.span for c in e.counts]))
            if e.time is not None:
                add(e.time.span)
        extend([t.span for t in self.times])
        return out

    def _refuse_spans(self) -> None:
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
            for j, q in enumerate(s.quotes):
                yield f"statements[{i}].quotes[{j}]", q
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
        """The span ``[start, end)`` of this article's text.

        Raises:
            InvalidSpanError: if the offsets are not ints inside the text.
        """
        return Span.of(self.text, start, end)

    def sentence_at(self, where: Span | int) -> Span | None:
        """The sentence containing an offset, or the start of a span; ``None`` outside every sentence."""
        return _containing(self.sentences, _offset(where, "sentence_at"))

    def paragraph_at(self, where: Span | int) -> Span | None:
        """The paragraph containing an offset, or the start of a span; ``None`` outside every paragraph."""
        return _containing(self.paragraphs, _offset(where, "paragraph_at"))

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id.

        Raises:
            KeyError: if no actor has it.
            InvalidArgumentError: if ``actor_id`` is not a str.
        """
        if not isinstance(actor_id, str):
            raise InvalidArgumentError(f"actor takes an actor id (str), not {type(actor_id).__name__}")
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def actors_named(self, name: str) -> tuple[Actor, ...]:
        """Actors whose canonical name is ``name`` (case-insensitive)."""
        if not isinstance(name, str):
            raise InvalidArgumentError(f"actors_named takes a str, not {type(name).__name__}")
        folded = name.casefold()
        return tuple(a for a in self.actors if a.name.casefold() == folded)

    def statements_by(self, actor: Actor | str) -> tuple[Statement, ...]:
        """Statements whose speaker is this actor (or the actor with this id)."""
        actor_id = _actor_id(actor, "statements_by")
        return tuple(s for s in self.statements if s.speaker is not None and s.speaker.id == actor_id)

    def events_involving(self, actor: Actor | str) -> tuple[Event, ...]:
        """Events in which this actor (or the actor with this id) is a source or a target."""
        actor_id = _actor_id(actor, "events_involving")
        return tuple(e for e in self.events if any(a.id == actor_id for a in (*e.sources, *e.targets)))

    def mention_at(self, where: Span | int) -> tuple[Actor, Mention] | None:
        """The actor and mention covering an offset (or the start of a span), if any."""
        offset = _offset(where, "mention_at")
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


def _offset(where: object, method: str) -> int:
    if isinstance(where, Span):
        return where.start
    if type(where) is not int:
        raise InvalidArgumentError(f"{method} takes an int offset or a Span, not {type(where).__name__}")
    return where


def _actor_id(actor: object, method: str) -> str:
    if isinstance(actor, Actor):
        return actor.id
    if not isinstance(actor, str):
        raise InvalidArgumentError(
            f"{method} takes an Actor or an actor id (str), not {type(actor).__name__}"
        )
    return actor


def _containing(spans: tuple[Span, ...], offset: int) -> Span | None:
    i = bisect.bisect_right([s.start for s in spans], offset) - 1
    if i >= 0 and spans[i].start <= offset < max(spans[i].end, spans[i].start + 1):
        return spans[i]
    return None
