"""The five tables of an article (documented in :mod:`newsmodel.export`), and CSV."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import IO, Any

from ..errors import InvalidArgumentError
from ..model import Actor, Article, Event, Span, Statement

# csv is imported where it is used: a program that only builds tables does not pay for it.

Row = dict[str, Any]

# The constants are documented where newsmodel.export re-exports them.

TABLES: tuple[str, ...] = ("actors", "mentions", "statements", "events", "times")

COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": ("article_id", "actor_id", "name", "kind", "country", "sector", "roles", "mentions"),
    "mentions": (
        "article_id",
        "actor_id",
        "actor_name",
        "actor_kind",
        "kind",
        "text",
        "start",
        "end",
        "sentence",
        "rule",
    ),
    "statements": (
        "article_id",
        "statement",
        "kind",
        "speaker",
        "speaker_id",
        "speaker_kind",
        "speaker_country",
        "source",
        "source_start",
        "source_end",
        "cue",
        "cue_start",
        "cue_end",
        "content",
        "content_start",
        "content_end",
        "quotes",
        "time",
        "time_value",
        "sentence",
        "rule",
    ),
    "events": (
        "article_id",
        "id",
        "event",
        "mode",
        "source",
        "target",
        "eventText",
        "location",
        "date",
        "killed",
        "injured",
        "arrested",
        "text",
        "start",
        "end",
        "rule",
        "mentions",
    ),
    "times": ("article_id", "time", "text", "start", "end", "kind", "value", "mod", "sentence", "rule"),
}

CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    **COLUMNS,
    "events": tuple(
        c
        for name in COLUMNS["events"]
        for c in (
            (name, f"{name}_code", f"{name}_sector", f"{name}_actorText", f"{name}_actorId")
            if name in ("source", "target")
            else (name,)
        )
    ),
}

QUOTE_SEPARATOR = " … "


def _sentence_index(article: Article) -> Callable[[int], int | None]:
    starts = [s.start for s in article.sentences]

    def index(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < max(article.sentences[i].end, article.sentences[i].start + 1):
            return i
        return None

    return index


def _check(article: Any, article_id: Any) -> None:
    if not isinstance(article, Article):
        raise InvalidArgumentError(f"expected a newsmodel.Article, not {type(article).__name__}")
    if article_id is not None and not isinstance(article_id, str):
        raise InvalidArgumentError(f"article_id must be a str or None, not {type(article_id).__name__}")


def actors(article: Article, *, article_id: str | None = None) -> list[Row]:
    """One row per actor, in the order of :attr:`Article.actors <newsmodel.Article.actors>`.

    Columns: ``article_id``; ``actor_id``; ``name`` (canonical); ``kind`` (an
    :class:`~newsmodel.ActorKind` name); ``country`` (ISO 3166-1 alpha-3) and ``sector`` or
    ``None``; ``roles`` joined with ``"; "`` (``""`` when none); ``mentions``, the number of mentions.

    >>> import newsmodel
    >>> from newsmodel import export
    >>> export.actors(newsmodel.parse("Russia warned Israel."), article_id="a1")[0]
    {'article_id': 'a1', 'actor_id': 'russia', 'name': 'Russia', 'kind': 'COUNTRY', 'country': 'RUS', 'sector': None, 'roles': '', 'mentions': 1}
    """
    _check(article, article_id)
    return [
        {
            "article_id": article_id,
            "actor_id": a.id,
            "name": a.name,
            "kind": a.kind.name,
            "country": a.country,
            "sector": a.sector,
            "roles": "; ".join(a.roles),
            "mentions": len(a.mentions),
        }
        for a in article.actors
    ]


def mentions(article: Article, *, article_id: str | None = None) -> list[Row]:
    """One row per mention of an actor, in text order.

    Columns: ``article_id``; ``actor_id``, ``actor_name`` and ``actor_kind`` of the actor referred
    to; ``kind`` (a :class:`~newsmodel.MentionKind` name); ``text``, ``start`` and ``end`` of the
    mention; ``sentence``, the index of its sentence in :attr:`Article.sentences
    <newsmodel.Article.sentences>` (``None`` outside every sentence); ``rule``.
    """
    _check(article, article_id)
    sentence = _sentence_index(article)
    rows = [
        {
            "article_id": article_id,
            "actor_id": a.id,
            "actor_name": a.name,
            "actor_kind": a.kind.name,
            "kind": m.kind.name,
            "text": m.span.text,
            "start": m.span.start,
            "end": m.span.end,
            "sentence": sentence(m.span.start),
            "rule": m.rule,
        }
        for a in article.actors
        for m in a.mentions
    ]
    rows.sort(key=lambda r: (r["start"], r["end"], r["actor_id"]))
    return rows


def quotes(statement: Statement) -> tuple[Span, ...]:
    """The quoted pieces of a statement, as the statement stage found them
    (:attr:`Statement.quotes <newsmodel.Statement.quotes>`): the words inside its quote marks, each
    piece without its marks; none for an ``INDIRECT`` statement."""
    return statement.quotes


def _start(span: Span | None) -> int | None:
    return None if span is None else span.start


def _end(span: Span | None) -> int | None:
    return None if span is None else span.end


def _text(span: Span | None) -> str | None:
    return None if span is None else span.text


def statements(article: Article, *, article_id: str | None = None) -> list[Row]:
    """One row per statement, in the order of :attr:`Article.statements <newsmodel.Article.statements>`.

    Columns: ``article_id``; ``statement``, its number in the article from 1; ``kind`` (a
    :class:`~newsmodel.StatementKind` name); ``speaker``, ``speaker_id``, ``speaker_kind`` and
    ``speaker_country`` of the resolved speaker (``None`` when unknown); ``source``, ``cue`` and
    ``content`` with their ``_start`` and ``_end`` offsets (``source`` and ``cue`` may be
    ``None``); ``quotes``, the quoted pieces joined with ``" … "`` (``""`` when none); ``time`` and
    ``time_value``, the governing time expression and its TIMEX3 value; ``sentence``, the index of
    the sentence the content starts in; ``rule``.

    >>> import newsmodel
    >>> from newsmodel import export
    >>> row = export.statements(newsmodel.parse('"We will act," Putin said on Monday.'))[0]
    >>> row["speaker"], row["kind"], row["cue"], row["quotes"], row["time"]
    ('Vladimir Putin', 'DIRECT', 'said', 'We will act', 'Monday')
    """
    _check(article, article_id)
    sentence = _sentence_index(article)
    rows = []
    for n, s in enumerate(article.statements, 1):
        who = s.speaker
        rows.append(
            {
                "article_id": article_id,
                "statement": n,
                "kind": s.kind.name,
                "speaker": who.name if who else None,
                "speaker_id": who.id if who else None,
                "speaker_kind": who.kind.name if who else None,
                "speaker_country": who.country if who else None,
                "source": _text(s.source),
                "source_start": _start(s.source),
                "source_end": _end(s.source),
                "cue": _text(s.cue),
                "cue_start": _start(s.cue),
                "cue_end": _end(s.cue),
                "content": s.content.text,
                "content_start": s.content.start,
                "content_end": s.content.end,
                "quotes": QUOTE_SEPARATOR.join(q.text for q in quotes(s)),
                "time": s.time.span.text if s.time else None,
                "time_value": s.time.value if s.time else None,
                "sentence": sentence(s.content.start),
                "rule": s.rule,
            }
        )
    return rows


def events(article: Article, *, article_id: str | None = None) -> list[Row]:
    """One PLOVER record per event, in the order of :attr:`Article.events <newsmodel.Article.events>`.

    Columns, with PLOVER's field names: ``article_id``; ``id``, ``"<article_id>-<n>"`` (or
    ``"<n>"``) numbering the events from 1; ``event`` (the category) and ``mode``; ``source`` and
    ``target``, lists of ``{"actorText", "name", "code", "sector", "actorId"}`` (the words naming
    the actor in the event's sentence, its canonical name, its ISO 3166-1 alpha-3 country, its
    sector and its id); ``eventText`` (the trigger) with its ``start`` and ``end`` offsets;
    ``location`` (the place's name); ``date`` (the TIMEX3 value of the governing time expression);
    ``killed``, ``injured`` and ``arrested`` (the counts the text gives, else ``None``); ``text``
    (the sentence); ``rule``; ``mentions``, the other words naming the same act
    (:attr:`Event.mentions <newsmodel.Event.mentions>`: "the arrest" in a later sentence) joined
    with ``" … "`` (``""`` when the act is named once).

    :func:`flatten` turns a record into one CSV row (:data:`CSV_COLUMNS`).

    >>> import newsmodel
    >>> from newsmodel import export
    >>> export.events(newsmodel.parse("Nothing happened."))
    []
    >>> record = export.events(newsmodel.parse("Russia accused Israel of spying."), article_id="a1")[0]
    >>> record["id"], record["event"], [a["code"] for a in record["source"]], record["eventText"]
    ('a1-1', 'ACCUSE', ['RUS'], 'accused')
    """
    _check(article, article_id)
    out: list[Row] = []
    where = _MentionIndex(article)
    for n, e in enumerate(article.events, 1):
        counts = {c.kind.name.lower(): c.number for c in e.counts}
        out.append(
            {
                "article_id": article_id,
                "id": f"{article_id}-{n}" if article_id is not None else str(n),
                "event": e.kind.name,
                "mode": e.mode.name,
                "source": [_event_actor(a, e, where) for a in e.sources],
                "target": [_event_actor(a, e, where) for a in e.targets],
                "eventText": e.trigger.text,
                "location": e.location.name if e.location is not None else None,
                "date": e.time.value if e.time is not None else None,
                "killed": counts.get("killed"),
                "injured": counts.get("injured"),
                "arrested": counts.get("arrested"),
                "text": e.sentence.text,
                "start": e.trigger.start,
                "end": e.trigger.end,
                "rule": e.rule,
                "mentions": QUOTE_SEPARATOR.join(m.text for m in e.mentions),
            }
        )
    return out


class _MentionIndex:
    """Each actor's mentions sorted by offset, to find one inside a sentence by bisection."""

    def __init__(self, article: Article) -> None:
        self.mentions = {
            a.id: sorted((m.span.start, m.span.text) for m in a.mentions) for a in article.actors
        }
        self.starts = {key: [m[0] for m in ms] for key, ms in self.mentions.items()}

    def first_in(self, actor: Actor, sentence: Span) -> str | None:
        at = self.starts.get(actor.id, [])
        i = bisect.bisect_left(at, sentence.start)
        if i < len(at) and at[i] < sentence.end:
            return self.mentions[actor.id][i][1]
        return None


def _event_actor(actor: Actor, event: Event, where: _MentionIndex) -> dict[str, str | None]:
    text = where.first_in(actor, event.sentence) or actor.name
    return {
        "actorText": text,
        "name": actor.name,
        "code": actor.country,
        "sector": actor.sector,
        "actorId": actor.id,
    }


def times(article: Article, *, article_id: str | None = None) -> list[Row]:
    """One row per time expression, in text order.

    Columns: ``article_id``; ``time``, its number in the article from 1; ``text``, ``start`` and
    ``end``; ``kind`` (the TIMEX3 type, a :class:`~newsmodel.TimeKind` name); ``value`` (the TIMEX3
    value); ``mod`` (``None`` when unqualified); ``sentence``, the index of its sentence; ``rule``.

    >>> import newsmodel
    >>> from newsmodel import export
    >>> row = export.times(newsmodel.parse("Talks begin next week.", published="2017-04-09"))[0]
    >>> row["text"], row["kind"], row["value"]
    ('next week', 'DATE', '2017-W15')
    """
    _check(article, article_id)
    sentence = _sentence_index(article)
    return [
        {
            "article_id": article_id,
            "time": n,
            "text": t.span.text,
            "start": t.span.start,
            "end": t.span.end,
            "kind": t.kind.name,
            "value": t.value,
            "mod": t.mod,
            "sentence": sentence(t.span.start),
            "rule": t.rule,
        }
        for n, t in enumerate(article.times, 1)
    ]


_FUNCTIONS: dict[str, Callable[..., list[Row]]] = {
    "actors": actors,
    "mentions": mentions,
    "statements": statements,
    "events": events,
    "times": times,
}


def _table_function(name: object) -> Callable[..., list[Row]]:
    try:
        return _FUNCTIONS[name]  # type: ignore[index]
    except (KeyError, TypeError):
        raise InvalidArgumentError(f"no table {name!r}; the tables are {', '.join(TABLES)}") from None


def table(name: str, article: Article, *, article_id: str | None = None) -> list[Row]:
    """The table called ``name`` (one of :data:`TABLES`) of an article.

    Raises:
        InvalidArgumentError: if ``name`` is not one of :data:`TABLES`.
    """
    return _table_function(name)(article, article_id=article_id)


def flatten(row: Row) -> Row:
    """A row with its lists of actors joined, ready for a CSV writer.

    An event record's ``source`` becomes the actors' names joined with ``";"``, and
    ``source_code``, ``source_sector``, ``source_actorText`` and ``source_actorId`` hold their other
    fields the same way (a missing code is an empty string between the separators); ``target``
    likewise. Rows of the other tables are returned unchanged (a copy).

    >>> from newsmodel.export import flatten
    >>> flatten({"source": [{"actorText": "Moscow", "name": "Russia", "code": "RUS", "sector": None, "actorId": "russia"}]})
    {'source': 'Russia', 'source_code': 'RUS', 'source_sector': '', 'source_actorText': 'Moscow', 'source_actorId': 'russia'}
    """
    out: Row = {}
    for key, value in row.items():
        if isinstance(value, list):
            out[key] = ";".join(str(a.get("name") or "") for a in value)
            for field in ("code", "sector", "actorText", "actorId"):
                out[f"{key}_{field}"] = ";".join(str(a.get(field) or "") for a in value)
        else:
            out[key] = value
    return out


def write_csv(rows: Iterable[Row], file: IO[str], *, name: str, header: bool = True) -> int:
    """Write rows of the table ``name`` to a text file as CSV, flattened; returns the number of rows.

    The columns are :data:`CSV_COLUMNS[name] <CSV_COLUMNS>`. Open the file with ``newline=""``.
    ``header=False`` appends to a table already begun.
    """
    import csv

    _table_function(name)
    writer = csv.DictWriter(file, fieldnames=CSV_COLUMNS[name], extrasaction="ignore")
    if header:
        writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(flatten(row))
        n += 1
    return n
