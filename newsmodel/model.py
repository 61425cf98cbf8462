"""The typed domain model: what :func:`newsmodel.parse` returns.

Every class is an attrs class, frozen, keyword-only, hashable and slotted. Offsets are half-open
character offsets into :attr:`Article.text`, and every :class:`Span` carries the text it covers, so a
span can be read without the article at hand and checked against it.

Object references inside an article (a statement's speaker, an event's sources) are the very
:class:`Actor` objects that :attr:`Article.actors` holds.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime

import attrs

from . import _model_checks as _checks
from .errors import InvalidArgumentError, InvalidArticleError

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


# Checks live in newsmodel._model_checks; converters (attrs reads __init__'s annotations from them)
# and equality keys (what keeps equality linear, see Article) stay beside the classes.


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return _checks.tuple_of(value, "roles")


def _mention_tuple(value: Iterable[Mention]) -> tuple[Mention, ...]:
    return _checks.tuple_of(value, "mentions")


def _actor_tuple(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return _checks.tuple_of(value, "an event's actors")


def _count_tuple(value: Iterable[Count]) -> tuple[Count, ...]:
    return _checks.tuple_of(value, "counts")


def _quote_tuple(value: Iterable[Span]) -> tuple[Span, ...]:
    return _checks.tuple_of(value, "quotes")


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
        _checks.refuse_span(self)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``, taking its text from it."""
        _checks.check_span_of(text, start, end)
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
        return f"Span({self.start}, {self.end}, {_checks.short(self.text)})"


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
            and _checks.opt_str(self.agency)
            and _checks.opt_str(self.date)
        ):
            return
        _checks.check_dateline(self)

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
        _checks.check_mention(self)

    def __repr__(self) -> str:
        return f"Mention({self.kind.name}, {self.span.start}, {_checks.short(self.span.text)})"


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
            and _checks.opt_str(self.country)
            and _checks.opt_str(self.sector)
            and all(type(r) is str for r in self.roles)
            and all(type(m) is Mention for m in self.mentions)
        ):
            return
        _checks.check_actor(self)

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
            and _checks.opt_str(self.mod)
        ):
            return
        _checks.check_time(self)

    def __repr__(self) -> str:
        return f"TimeExpression({_checks.short(self.span.text)}, {self.kind.name}, {self.value!r})"


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
            _checks.check_quotes(self)
            return
        _checks.check_statement(self)
        _checks.check_quotes(self)

    def __repr__(self) -> str:
        who = self.speaker.name if self.speaker else None
        return f"Statement({self.kind.name}, speaker={who!r}, content={_checks.short(self.content.text)})"


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
        _checks.check_count(self)

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
        mentions: the other words naming the same act ("the arrest" later on), in text order.

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
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_checks.event_mentions)

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
            _checks.check_event(self)
        if not (self.sentence.start <= self.trigger.start and self.trigger.end <= self.sentence.end):
            raise InvalidArticleError(
                f"Event.trigger {self.trigger!r} lies outside its sentence {self.sentence!r}"
            )

    def __repr__(self) -> str:
        src = ", ".join(a.name for a in self.sources)
        tgt = ", ".join(a.name for a in self.targets)
        return f"Event({self.kind.name}, {_checks.short(self.trigger.text, 24)}, [{src}] -> [{tgt}], {self.mode.name})"


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return _checks.tuple_of(value, "Article.paragraphs and Article.sentences")


def _actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return _checks.tuple_of(value, "Article.actors")


def _statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return _checks.tuple_of(value, "Article.statements")


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return _checks.tuple_of(value, "Article.events")


def _times(value: Iterable[TimeExpression]) -> tuple[TimeExpression, ...]:
    return _checks.tuple_of(value, "Article.times")


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
        _checks.check_article(self)

    # -- lookups a user reaches for ---------------------------------------------------------------

    def span(self, start: int, end: int) -> Span:
        """The span ``[start, end)`` of this article's text.

        Raises:
            InvalidSpanError: if the offsets are not ints inside the text.
        """
        return Span.of(self.text, start, end)

    def sentence_at(self, where: Span | int) -> Span | None:
        """The sentence containing an offset, or the start of a span; ``None`` outside every sentence."""
        return _checks.containing(self.sentences, _checks.offset_of(where, "sentence_at"))

    def paragraph_at(self, where: Span | int) -> Span | None:
        """The paragraph containing an offset, or the start of a span; ``None`` outside every paragraph."""
        return _checks.containing(self.paragraphs, _checks.offset_of(where, "paragraph_at"))

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
        actor_id = _checks.actor_id_of(actor, "statements_by")
        return tuple(s for s in self.statements if s.speaker is not None and s.speaker.id == actor_id)

    def events_involving(self, actor: Actor | str) -> tuple[Event, ...]:
        """Events in which this actor (or the actor with this id) is a source or a target."""
        actor_id = _checks.actor_id_of(actor, "events_involving")
        return tuple(e for e in self.events if any(a.id == actor_id for a in (*e.sources, *e.targets)))

    def mention_at(self, where: Span | int) -> tuple[Actor, Mention] | None:
        """The actor and mention covering an offset (or the start of a span), if any."""
        return _checks.mention_at(self, _checks.offset_of(where, "mention_at"))

    def _repr_html_(self) -> str:
        """The article as HTML, for notebooks: :func:`newsmodel.render.html` with ``page=False``."""
        from .render import html  # imported on use: most programs never render

        return html(self, page=False)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}" for name in ("actors", "statements", "events", "times")
        )
        return f"<Article {len(self.text):,} chars {_checks.short(self.text, 32)}, {counts}>"
