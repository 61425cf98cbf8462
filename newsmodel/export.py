"""Flat tables of an article, for dataframes and CSV, and the exchange formats of the field.

Five tables, each a function returning a list of plain dictionaries (``str``, ``int``, ``None``)
with a documented, stable set of columns (:data:`COLUMNS`), in text order:

- :func:`actors`: one row per actor;
- :func:`mentions`: one row per mention of an actor;
- :func:`statements`: one row per statement, with its speaker;
- :func:`events`: one row per event, a PLOVER record (PLOVER's field names; ``source`` and
  ``target`` are lists of actor dictionaries, :func:`flatten` joins them for CSV);
- :func:`times`: one row per time expression, with its TIMEX3 value.

Each takes an optional ``article_id`` that is written into every row as the column
``article_id``, so the rows of many articles can share one table. :func:`to_pandas` and
:func:`to_arrow` build a ``pandas.DataFrame`` or a ``pyarrow.Table`` over many articles; they
import those libraries only when called (``pip install 'newsmodel[pandas]'`` or
``'newsmodel[arrow]'``), and ``import newsmodel`` imports neither.

Two exchange formats: :func:`timeml` writes the time expressions as TIMEX3 tags in the text, as
the TempEval-3 evaluation toolkit reads them (:func:`read_timeml` reads them back), and
:func:`brat` writes the whole article as brat standoff annotation (:func:`read_brat` reads the
``.ann`` file back).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

import attrs

from .errors import InvalidArgumentError
from .model import Actor, Article, Event, Span, Statement, StatementKind, TimeExpression, TimeKind

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

    import pandas
    import pyarrow

# csv and xml.etree are imported where they are used: a program that only builds tables pays for
# neither (and `import newsmodel` does not import this module at all).

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "QUOTE_SEPARATOR",
    "TABLES",
    "BratAnnotation",
    "actors",
    "arrow_schema",
    "brat",
    "events",
    "flatten",
    "mentions",
    "quotes",
    "read_brat",
    "read_timeml",
    "statements",
    "table",
    "timeml",
    "times",
    "to_arrow",
    "to_pandas",
    "write_csv",
]

Row = dict[str, Any]

TABLES: tuple[str, ...] = ("actors", "mentions", "statements", "events", "times")
"""The names of the tables, each a function of this module."""

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
    ),
    "times": ("article_id", "time", "text", "start", "end", "kind", "value", "mod", "sentence", "rule"),
}
"""The columns of each table, in order. Rows hold exactly these keys."""

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
"""The columns of each table once :func:`flatten`\\ ed for CSV (only ``events`` differs)."""

QUOTE_SEPARATOR = " … "
"""Joins the quoted pieces of a statement in the ``quotes`` column."""


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


_QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»"}


def _quoted_pieces(content: Span) -> tuple[Span, ...]:
    # one pass: an opening mark waits for its own closing mark; anything unpaired is dropped
    found = []
    closing: str | None = None
    opened = 0
    for i, ch in enumerate(content.text):
        if closing is not None and ch == closing:
            start, end = content.start + opened, content.start + i
            found.append(Span(start=start, end=end, text=content.text[opened:i]))
            closing = None
        elif closing is None and ch in _QUOTE_PAIRS:
            closing, opened = _QUOTE_PAIRS[ch], i + 1
    return tuple(found)


def quotes(statement: Statement) -> tuple[Span, ...]:
    """The quoted pieces of a statement: spans of the words inside its quote marks.

    A ``DIRECT`` statement's content is one quoted piece; a ``MIXED`` statement's quoted pieces are
    the stretches of its content between paired quote marks; an ``INDIRECT`` statement has none.
    """
    pieces = getattr(statement, "quotes", None)  # the model may carry them itself
    if pieces is not None:
        return tuple(pieces)
    content = statement.content
    if statement.kind is StatementKind.DIRECT:
        return (content,)
    if statement.kind is StatementKind.INDIRECT:
        return ()
    return _quoted_pieces(content)


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
    (the sentence); ``rule``.

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


# -- dataframes ------------------------------------------------------------------------------------


def _rows_of_many(
    articles: Iterable[Article] | Iterable[tuple[str, Article]] | Mapping[str, Article], name: str
) -> list[Row]:
    items: Iterable[Any] = articles.items() if isinstance(articles, Mapping) else articles
    rows: list[Row] = []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2:
            article_id, article = item
            rows.extend(table(name, article, article_id=article_id))
        else:
            rows.extend(table(name, item))
    return rows


def _import(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"this needs {module}: pip install 'newsmodel[{extra}]' (or pip install {module})"
        ) from None


def to_pandas(
    articles: Iterable[Article] | Iterable[tuple[str, Article]] | Mapping[str, Article],
    table: str = "events",
) -> pandas.DataFrame:
    """A ``pandas.DataFrame`` of one table over many articles.

    Args:
        articles: articles, ``(article_id, article)`` pairs, or a mapping from ids to articles.
        table: one of :data:`TABLES`.

    The columns are :data:`COLUMNS[table] <COLUMNS>`, even when there are no rows; integer
    columns that may be missing use pandas' nullable ``Int64``. Needs pandas
    (``pip install 'newsmodel[pandas]'``), imported only when this is called.
    """
    _table_function(table)
    pd = _import("pandas", "pandas")
    rows = _rows_of_many(articles, table)
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS[table]))
    for column, kind in _TYPES[table].items():
        if kind == "int":
            frame[column] = frame[column].astype("Int64")
    return frame


_ACTOR_STRUCT = ("actorText", "name", "code", "sector", "actorId")
_TYPES: dict[str, dict[str, str]] = {
    "actors": {"mentions": "int"},
    "mentions": {"start": "int", "end": "int", "sentence": "int"},
    "statements": {
        "statement": "int",
        "source_start": "int",
        "source_end": "int",
        "cue_start": "int",
        "cue_end": "int",
        "content_start": "int",
        "content_end": "int",
        "sentence": "int",
    },
    "events": {
        "killed": "int",
        "injured": "int",
        "arrested": "int",
        "start": "int",
        "end": "int",
        "source": "actors",
        "target": "actors",
    },
    "times": {"time": "int", "start": "int", "end": "int", "sentence": "int"},
}


def arrow_schema(table: str) -> pyarrow.Schema:
    """The ``pyarrow.Schema`` of a table: strings, 64-bit integers, and lists of actor structs."""
    _table_function(table)
    pa = _import("pyarrow", "arrow")
    actor = pa.list_(pa.struct([(f, pa.string()) for f in _ACTOR_STRUCT]))
    kinds = {"int": pa.int64(), "actors": actor}
    return pa.schema([(c, kinds.get(_TYPES[table].get(c, ""), pa.string())) for c in COLUMNS[table]])


def to_arrow(
    articles: Iterable[Article] | Iterable[tuple[str, Article]] | Mapping[str, Article],
    table: str = "events",
) -> pyarrow.Table:
    """A ``pyarrow.Table`` of one table over many articles, with the schema :func:`arrow_schema`.

    Arguments as for :func:`to_pandas`. Write it with ``pyarrow.parquet.write_table``. Needs
    pyarrow (``pip install 'newsmodel[arrow]'``), imported only when this is called.
    """
    _table_function(table)
    pa = _import("pyarrow", "arrow")
    schema = arrow_schema(table)
    rows = _rows_of_many(articles, table)
    return pa.Table.from_pylist(rows, schema=schema)


# -- TimeML ----------------------------------------------------------------------------------------

# XML 1.0 forbids these; each is replaced by U+FFFD, one character for one, so offsets hold
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    text = _NOT_XML.sub("\ufffd", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")  # a bare CR would be read back as LF


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def timeml(article: Article, *, doc_id: str = "article") -> str:
    """The article as a TimeML document: its text with the time expressions as ``TIMEX3`` tags.

    The layout is that of the TempEval-3 corpora, which the TempEval-3 evaluation toolkit reads:
    ``DOCID``, the publication date as the document creation time (``DCT``, ``tid="t0"``) when
    the article has one, and ``TEXT`` holding the text exactly, each time expression tagged with
    ``tid``, ``type``, ``value`` and, when qualified, ``mod``. Where time expressions overlap, the
    first is tagged. Characters XML cannot hold (control characters, lone surrogates) are written
    as U+FFFD, so offsets still agree; a carriage return is written as ``&#13;`` and survives.

    >>> import newsmodel
    >>> from newsmodel import export
    >>> print(export.timeml(newsmodel.parse("Talks begin next week.", published="2017-04-09"), doc_id="a1"))
    <?xml version="1.0" ?>
    <TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
    <BLANKLINE>
    <DOCID>a1</DOCID>
    <BLANKLINE>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2017-04-09" temporalFunction="false" functionInDocument="CREATION_TIME">2017-04-09</TIMEX3></DCT>
    <BLANKLINE>
    <TEXT>Talks begin <TIMEX3 tid="t1" type="DATE" value="2017-W15">next week</TIMEX3>.</TEXT>
    <BLANKLINE>
    </TimeML>
    <BLANKLINE>
    """
    _check(article, None)
    out = [
        '<?xml version="1.0" ?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
        f"<DOCID>{_xml_text(doc_id)}</DOCID>\n\n"
    ]
    if article.published is not None:
        day = article.published.isoformat()[:10]
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false"'
            f' functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n\n'
        )
    if article.headline is not None:
        out.append(f"<TITLE>{_xml_text(article.headline)}</TITLE>\n\n")
    out.append("<TEXT>")
    text = article.text
    at = 0
    for n, t in enumerate(sorted(article.times, key=lambda t: (t.span.start, -t.span.end)), 1):
        if t.span.start < at:
            continue
        mod = f' mod="{_xml_attr(t.mod)}"' if t.mod else ""
        out.append(_xml_text(text[at : t.span.start]))
        out.append(
            f'<TIMEX3 tid="t{n}" type="{t.kind.name}" value="{_xml_attr(t.value)}"{mod}>'
            f"{_xml_text(t.span.text)}</TIMEX3>"
        )
        at = t.span.end
    out.append(_xml_text(text[at:]))
    out.append("</TEXT>\n\n</TimeML>\n")
    return "".join(out)


def read_timeml(document: str) -> tuple[str, tuple[TimeExpression, ...]]:
    """The text of a TimeML document and its ``TIMEX3`` time expressions, with spans into that text.

    Reads what :func:`timeml` writes and the TempEval-3 corpora (other tags inside ``TEXT``, such
    as ``EVENT``, are read as their text). A ``TIMEX3`` whose ``type`` is not a TIMEX3 type is
    skipped. Each time expression's ``rule`` is ``"timeml"``.

    Raises:
        InvalidArgumentError: if ``document`` is not a ``str`` or is not TimeML with a ``TEXT``.
    """
    import xml.etree.ElementTree as ET

    if not isinstance(document, str):
        raise InvalidArgumentError(f"a TimeML document is a str, not {type(document).__name__}")
    try:
        root = ET.fromstring(document)
    except ET.ParseError as exc:
        raise InvalidArgumentError(f"not well-formed XML: {exc}") from None
    body = root.find("TEXT")
    if body is None:
        raise InvalidArgumentError("the TimeML document has no TEXT element")
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3":
            found.append((start, length, element))

    walk(body)
    text = "".join(parts)
    kinds = {k.name for k in TimeKind}
    times = tuple(
        TimeExpression(
            span=Span(start=start, end=end, text=text[start:end]),
            kind=TimeKind[element.get("type", "")],
            value=element.get("value", ""),
            mod=element.get("mod"),
            rule="timeml",
        )
        for start, end, element in sorted(found, key=lambda f: (f[0], -f[1]))
        if element.get("type") in kinds
    )
    return text, times


# -- brat ------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BratAnnotation:
    """One line of a brat standoff ``.ann`` file, as :func:`read_brat` reads it.

    Attributes:
        id: ``T3``, ``E1``, ``A2``, ``#1``, or ``*`` for an equivalence (coreference) line.
        type: the entity, event, attribute or equivalence type, or ``AnnotatorNotes``.
        spans: the character ranges of a text-bound annotation (``T``), one per fragment.
        text: the text of a text-bound annotation (fragments joined by a space), or a note's text.
        args: an event's ``(role, id)`` pairs, its trigger first as ``(type, id)``; the ids an
            equivalence groups as ``("", id)``; an attribute's or a note's target as ``("", id)``.
        value: an attribute's value.
    """

    id: str
    type: str
    spans: tuple[tuple[int, int], ...] = ()
    text: str = ""
    args: tuple[tuple[str, str], ...] = ()
    value: str | None = None


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    # brat keeps a text-bound annotation on one line: a span across line breaks becomes fragments
    out = []
    at = start
    for i in range(start, end + 1):
        if i == end or text[i] in "\n\r":
            if i > at:
                out.append((at, i))
            at = i + 1
    return out or [(start, start)]  # nothing but line breaks: brat can only hold an empty span


class _Brat:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.t = self.e = self.a = self.notes = 0
        self.bound: dict[tuple[str, int, int], str] = {}
        self.mention_ids: dict[str, list[tuple[int, int, str]]] = {}
        self.time_ids: dict[tuple[int, int], str] = {}
        self.ordered: dict[str, list[tuple[int, int, str]]] = {}
        self.starts: dict[str, list[int]] = {}

    def entity(self, type_: str, start: int, end: int, *, share: bool = True) -> str:
        key = (type_, start, end)
        if share and key in self.bound:
            return self.bound[key]
        self.t += 1
        tid = f"T{self.t}"
        frags = _fragments(self.text, start, end)
        where = ";".join(f"{s} {e}" for s, e in frags)
        words = " ".join(self.text[s:e] for s, e in frags)
        self.lines.append(f"{tid}\t{type_} {where}\t{words}")
        self.bound[key] = tid
        return tid

    def event(self, type_: str, trigger: str, args: list[tuple[str, str]]) -> str:
        self.e += 1
        eid = f"E{self.e}"
        self.lines.append(f"{eid}\t{type_}:{trigger}" + "".join(f" {r}:{i}" for r, i in args))
        return eid

    def attribute(self, type_: str, target: str, value: str) -> None:
        self.a += 1
        self.lines.append(f"A{self.a}\t{type_} {target} {value}")

    def note(self, target: str, note: str) -> None:
        self.notes += 1
        note = note.replace("\r", " ").replace("\n", " ")
        self.lines.append(f"#{self.notes}\tAnnotatorNotes {target}\t{note}")

    def add_actors(self, actors: Iterable[Actor]) -> None:
        import json

        for a in actors:
            ids = []
            for i, m in enumerate(a.mentions):
                tid = self.entity(a.kind.name, m.span.start, m.span.end, share=False)
                self.attribute("Mention", tid, m.kind.name)
                if i == 0:
                    about = {
                        "id": a.id,
                        "name": a.name,
                        "kind": a.kind.name,
                        "country": a.country,
                        "sector": a.sector,
                        "roles": list(a.roles),
                    }
                    self.note(tid, json.dumps(about, ensure_ascii=False))
                ids.append((m.span.start, m.span.end, tid))
            self.mention_ids[a.id] = ids
            if len(ids) > 1:
                self.lines.append("*\tCoref " + " ".join(t for _, _, t in ids))

    def add_times(self, times: Iterable[TimeExpression]) -> None:
        for t in times:
            key = (t.span.start, t.span.end)
            tid = self.entity("TIMEX3", *key)
            if key not in self.time_ids:
                self.attribute("Type", tid, t.kind.name)
                self.note(tid, f"value={t.value}" + (f" mod={t.mod}" if t.mod else ""))
            self.time_ids[key] = tid

    def time_arg(self, time: TimeExpression | None) -> list[tuple[str, str]]:
        if time is None:
            return []
        key = (time.span.start, time.span.end)
        if key not in self.time_ids:
            self.time_ids[key] = self.entity("TIMEX3", *key)
        return [("Time", self.time_ids[key])]

    def index_mentions(self) -> None:
        # each actor's mentions by offset: long articles have actors with thousands of them
        self.ordered = {key: sorted(ids) for key, ids in self.mention_ids.items()}
        self.starts = {key: [m[0] for m in ids] for key, ids in self.ordered.items()}

    def add_statement(self, s: Statement) -> None:
        trigger = s.cue or s.content
        tid = self.entity("Statement", trigger.start, trigger.end)
        args: list[tuple[str, str]] = []
        if s.source is not None:
            args.append(("Source", self.entity("Source", s.source.start, s.source.end)))
        args.append(("Content", self.entity("Content", s.content.start, s.content.end)))
        if s.speaker is not None and s.source is not None:
            ids, at = self.ordered.get(s.speaker.id, []), self.starts.get(s.speaker.id, [])
            lo, hi = bisect.bisect_left(at, s.source.start), bisect.bisect_left(at, s.source.end)
            inside = [t for _, b, t in ids[lo:hi] if b <= s.source.end]
            if inside:
                args.append(("Speaker", inside[-1]))
        args.extend(self.time_arg(s.time))
        eid = self.event("Statement", tid, args)
        self.attribute("Kind", eid, s.kind.name)

    def nearest(self, actor: Actor, event: Event) -> str | None:
        """The actor's mention nearest the trigger in the event's sentence, else anywhere."""
        ids, at = self.ordered.get(actor.id, []), self.starts.get(actor.id, [])
        lo = bisect.bisect_left(at, event.sentence.start)
        hi = bisect.bisect_left(at, event.sentence.end)
        if lo == hi:
            lo, hi = 0, len(ids)
        if lo == hi:
            return None
        i = bisect.bisect_left(at, event.trigger.start, lo, hi)
        near = [j for j in (i - 1, i) if lo <= j < hi]
        return ids[min(near, key=lambda j: (abs(at[j] - event.trigger.start), at[j]))][2]

    def add_event(self, e: Event) -> None:
        tid = self.entity(e.kind.name, e.trigger.start, e.trigger.end)
        args: list[tuple[str, str]] = []
        for role, group in (("Source", e.sources), ("Target", e.targets)):
            found = [m for m in (self.nearest(a, e) for a in group) if m is not None]
            args.extend((_numbered(role, n), m) for n, m in enumerate(found))
        if e.location is not None:
            where = self.nearest(e.location, e)
            if where is not None:
                args.append(("Location", where))
        args.extend(self.time_arg(e.time))
        eid = self.event(e.kind.name, tid, args)
        self.attribute("Mode", eid, e.mode.name)


def _numbered(role: str, n: int) -> str:
    return role if n == 0 else f"{role}{n + 1}"


def brat(article: Article) -> str:
    """The article as brat standoff annotation: the ``.ann`` file that goes beside ``article.text``.

    Save the text unchanged as the ``.txt`` file (``open(path, "w", encoding="utf-8",
    newline="")``: brat's offsets count characters of the file as written). The annotation holds:

    - every mention as an entity typed by its actor's kind (``PERSON``, ``COUNTRY`` ...), with a
      ``Mention`` attribute (``NAME``, ``PRONOUN`` ...); the mentions of one actor grouped by a
      ``Coref`` equivalence; on the actor's first mention a note with the actor as JSON (``id``,
      ``name``, ``kind``, ``country``, ``sector``, ``roles``);
    - every time expression as a ``TIMEX3`` entity with a ``Type`` attribute (``DATE`` ...) and a
      note ``value=... mod=...``;
    - every statement as a ``Statement`` event: its cue as trigger (the content when there is no
      cue), ``Source`` (the words naming the speaker), ``Content``, ``Speaker`` (the speaker's
      mention inside the source, if any) and ``Time`` arguments, and a ``Kind`` attribute;
    - every event as an event of its PLOVER category: the trigger, ``Source``, ``Source2`` ... and
      ``Target`` ... (each actor's mention nearest the trigger in the event's sentence, else its
      nearest mention), ``Location`` and ``Time``, and a ``Mode`` attribute.

    A span across a line break is written as fragments, as brat requires (the line breaks at
    either end of a span are thus left out, and a span of nothing but line breaks is written empty).

    >>> import newsmodel
    >>> from newsmodel import export
    >>> ann = export.brat(newsmodel.parse("Russia accused Israel of spying."))
    >>> print(ann.replace("\\t", " | "), end="")  # the file separates fields with tabs
    T1 | COUNTRY 0 6 | Russia
    A1 | Mention T1 NAME
    #1 | AnnotatorNotes T1 | {"id": "russia", "name": "Russia", "kind": "COUNTRY", "country": "RUS", "sector": null, "roles": []}
    T2 | COUNTRY 15 21 | Israel
    A2 | Mention T2 NAME
    #2 | AnnotatorNotes T2 | {"id": "israel", "name": "Israel", "kind": "COUNTRY", "country": "ISR", "sector": null, "roles": []}
    T3 | ACCUSE 7 14 | accused
    E1 | ACCUSE:T3 Source:T1 Target:T2
    A3 | Mode E1 ASSERTED
    """
    _check(article, None)
    out = _Brat(article.text)
    out.add_actors(article.actors)
    out.add_times(article.times)
    out.index_mentions()
    for s in article.statements:
        out.add_statement(s)
    for e in article.events:
        out.add_event(e)
    return "\n".join(out.lines) + ("\n" if out.lines else "")


def read_brat(ann: str) -> tuple[BratAnnotation, ...]:
    """The annotations of a brat standoff ``.ann`` file, in file order.

    Reads the lines :func:`brat` writes and any brat file's entities (``T``), events (``E``),
    relations (``R``), attributes (``A``/``M``), notes (``#``) and equivalences (``*``).

    Raises:
        InvalidArgumentError: if ``ann`` is not a ``str`` or a line cannot be read, naming it.
    """
    if not isinstance(ann, str):
        raise InvalidArgumentError(f"a brat .ann file is a str, not {type(ann).__name__}")
    out = []
    for number, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            out.append(_brat_line(line))
        except (ValueError, IndexError):
            raise InvalidArgumentError(f"line {number} is not a brat annotation: {line[:60]!r}") from None
    return tuple(out)


def _brat_line(line: str) -> BratAnnotation:
    ident, rest = line.split("\t", 1)
    head, _, tail = rest.partition("\t")
    if ident.startswith("T"):
        type_, where = head.split(" ", 1)
        spans = tuple((int(s), int(e)) for s, e in (f.split(" ") for f in where.split(";")))
        return BratAnnotation(id=ident, type=type_, spans=spans, text=tail)
    if ident.startswith("E"):
        parts = [p.split(":", 1) for p in head.split()]
        return BratAnnotation(id=ident, type=parts[0][0], args=tuple((r, i) for r, i in parts))
    if ident.startswith("R"):
        type_, *args = head.split()
        return BratAnnotation(id=ident, type=type_, args=tuple(tuple(a.split(":", 1)) for a in args))  # type: ignore[misc]
    if ident.startswith(("A", "M")):
        type_, target, *value = head.split()
        return BratAnnotation(id=ident, type=type_, args=(("", target),), value=value[0] if value else None)
    if ident.startswith("#"):
        type_, target = head.split()
        return BratAnnotation(id=ident, type=type_, args=(("", target),), text=tail)
    if ident == "*":
        type_, *members = head.split()
        return BratAnnotation(id=ident, type=type_, args=tuple(("", m) for m in members))
    raise ValueError(ident)
