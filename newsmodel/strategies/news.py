"""Synthetic news copy drawn with a record of what a correct parse must contain."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ..model import (
    ActorKind,
    Article,
    EventKind,
    EventMode,
    Mention,
    MentionKind,
    Span,
    StatementKind,
    TimeExpression,
    TimeKind,
)
from ..rules import load_rules
from ._checks import _check_size, _check_strategy
from .model import _MONTHS, _NEWS_DATES

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
        from ..parser import parse

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
# documented where newsmodel.strategies re-exports it

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
