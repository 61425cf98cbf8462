"""JSON and dictionary round trip of an :class:`~newsmodel.Article`.

Actors are written once, under ``actors``; statements and events refer to them by id, and reading
the document back restores the same object graph: ``from_json(to_json(a)) == a`` and every
``statement.speaker`` is one of ``article.actors``.

Reading is strict: every object must have the keys the schema gives it and no other (keys with a
default may be left out), every value its JSON type, and the article its invariants; the first
failure raises :class:`~newsmodel.SerializationError` naming its path (``$.actors[1].kind``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, NoReturn, TypeVar

import cattrs

from ._fastread import (
    _ACTOR_KINDS,
    _COUNT_KINDS,
    _EVENT_KINDS,
    _EVENT_MODES,
    _MENTION_KINDS,
    _STATEMENT_KINDS,
    _TIME_KINDS,
    _new,
    _set_end,
    _set_start,
    _set_text,
    read_article,
)
from .errors import InvalidArgumentError, NewsmodelError, SerializationError
from .model import (
    Actor,
    Article,
    Count,
    Dateline,
    Event,
    Mention,
    Span,
    Statement,
    TimeExpression,
)

__all__ = ["SCHEMA", "converter", "escape_surrogates", "from_dict", "from_json", "to_dict", "to_json"]

SCHEMA = "newsmodel.article/3"
"""The ``schema`` tag written into every serialised article.

Version 3 added ``mentions`` to events. Version 2 added ``published_at`` to the article and
``quotes`` to statements, and ``published`` is always a date. Documents tagged
``newsmodel.article/2`` and ``newsmodel.article/1`` are still read.
"""

_VERSION_1 = "newsmodel.article/1"
_READABLE = frozenset({SCHEMA, "newsmodel.article/2", _VERSION_1})

T = TypeVar("T")

# -- writing --------------------------------------------------------------------------------------


def _span(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def _opt_span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _time(t: TimeExpression | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"span": _span(t.span), "kind": t.kind.value, "value": t.value, "rule": t.rule, "mod": t.mod}


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind.value,
        "country": a.country,
        "sector": a.sector,
        "roles": list(a.roles),
        "mentions": [
            {
                "span": {"start": m.span.start, "end": m.span.end, "text": m.span.text},
                "kind": m.kind.value,
                "rule": m.rule,
            }
            for m in a.mentions
        ],
    }


def _statement(s: Statement) -> dict[str, Any]:
    return {
        "speaker": None if s.speaker is None else s.speaker.id,
        "source": _opt_span(s.source),
        "cue": _opt_span(s.cue),
        "content": _span(s.content),
        "kind": s.kind.value,
        "time": _time(s.time),
        "rule": s.rule,
        "quotes": [_span(q) for q in s.quotes],
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "kind": e.kind.value,
        "trigger": _span(e.trigger),
        "sources": [a.id for a in e.sources],
        "targets": [a.id for a in e.targets],
        "location": None if e.location is None else e.location.id,
        "time": _time(e.time),
        "mode": e.mode.value,
        "sentence": _span(e.sentence),
        "rule": e.rule,
        "counts": [{"kind": c.kind.value, "number": c.number, "span": _span(c.span)} for c in e.counts],
        "mentions": [_span(m) for m in e.mentions],
    }


def to_dict(article: Article) -> dict[str, Any]:
    """The article as plain dictionaries, lists, strings and numbers (JSON-ready).

    Raises:
        InvalidArgumentError: if ``article`` is not an :class:`~newsmodel.Article`.
    """
    if not isinstance(article, Article):
        raise InvalidArgumentError(f"to_dict takes an Article, not {type(article).__name__}")
    d = article.dateline
    return {
        "schema": SCHEMA,
        "text": article.text,
        "headline": article.headline,
        "published": None if article.published is None else article.published.isoformat(),
        "published_at": None if article.published_at is None else article.published_at.isoformat(),
        "dateline": None
        if d is None
        else {"span": _span(d.span), "location": d.location, "agency": d.agency, "date": d.date},
        "paragraphs": [_span(s) for s in article.paragraphs],
        "sentences": [_span(s) for s in article.sentences],
        "actors": [_actor(a) for a in article.actors],
        "statements": [_statement(s) for s in article.statements],
        "events": [_event(e) for e in article.events],
        "times": [_time(t) for t in article.times],
    }


_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(article: Article, *, indent: int | None = None) -> str:
    """The article as a JSON string (UTF-8 text, non-ASCII characters kept).

    A lone surrogate in the text (which no UTF-8 encoder writes) is escaped as ``\\ud800``: the
    result is valid JSON, can be written as UTF-8, and :func:`from_json` reads the same text back.

    Raises:
        InvalidArgumentError: if ``article`` is not an :class:`~newsmodel.Article` or ``indent``
            is not an int or None.
    """
    if indent is not None and type(indent) is not int:
        raise InvalidArgumentError(f"indent must be an int or None, not {type(indent).__name__}")
    return escape_surrogates(json.dumps(to_dict(article), ensure_ascii=False, indent=indent))


def escape_surrogates(json_text: str) -> str:
    """JSON text with every lone surrogate written as a ``\\udXXX`` escape, so it encodes as UTF-8.

    Surrogates can only occur inside JSON strings, where the escape stands for the same character.
    """
    if json_text.isascii():
        return json_text
    try:
        json_text.encode("utf-8")  # refuses a surrogate; ten times faster than searching for one
        return json_text
    except UnicodeEncodeError:
        pass
    return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", json_text)


# -- reading --------------------------------------------------------------------------------------


class _Bad(Exception):
    """A reading failure on its way out, collecting the path as it passes each level."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def at(self, step: str) -> _Bad:
        self.path = step + self.path
        return self


def _fail(message: str, step: str = "") -> NoReturn:
    raise _Bad(message, step)


_JSON_TYPES: dict[type, str] = {dict: "an object", list: "an array", str: "a string"}


def _what(value: object) -> str:
    return "null" if value is None else _JSON_TYPES.get(type(value), f"a {type(value).__name__}")


def _object(value: Any, keys: frozenset[str], required: frozenset[str], what: str) -> dict[str, Any]:
    if type(value) is not dict:
        _fail(f"{what} must be an object, not {_what(value)}")
    found = value.keys()
    if found != keys:
        extra = found - keys
        if extra:
            _fail(f"unknown key {sorted(extra)[0]!r} in {what}; {what} has {', '.join(sorted(keys))}")
        for key in sorted(required - found):
            _fail(f"required field missing: {what} has no {key!r}", f".{key}")
    return value


def _array(value: Any, step: str) -> list[Any]:
    if type(value) is not list:
        _fail(f"expected an array, not {_what(value)}", step)
    return value


def _items(value: Any, step: str, read: Callable[[Any], T]) -> tuple[T, ...]:
    if type(value) is not list:
        _fail(f"expected an array, not {_what(value)}", step)
    try:
        return tuple(map(read, value))
    except (_Bad, NewsmodelError):
        pass
    for i, item in enumerate(value):  # read again, one by one, to name the bad item
        try:
            read(item)
        except _Bad as exc:
            raise exc.at(f"{step}[{i}]") from None
        except NewsmodelError as exc:
            raise _Bad(str(exc), f"{step}[{i}]") from None
    raise AssertionError("unreachable: a reader failed once and then succeeded")  # pragma: no cover


def _enum(table: dict[str, T], value: Any, step: str) -> T:
    if type(value) is str:
        found = table.get(value)
        if found is not None:
            return found
    name = type(next(iter(table.values()))).__name__
    _fail(f"{_short(value)} is not a valid {name}; expected one of {', '.join(table)}", step)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_SPAN_KEYS = frozenset({"start", "end", "text"})


def _read_span(value: Any, step: str = "") -> Span:
    if type(value) is dict and value.keys() == _SPAN_KEYS:
        start, end, text = value["start"], value["end"], value["text"]
        valid_types = type(start) is int and type(end) is int and type(text) is str
        if valid_types and 0 <= start <= end and end - start == len(text):
            # The checks Span's constructor makes, made here: spans are most of a document.
            span: Span = _new(Span)
            _set_start(span, start)
            _set_end(span, end)
            _set_text(span, text)
            return span
    try:
        _object(value, _SPAN_KEYS, _SPAN_KEYS, "a span")
        for key in ("start", "end"):
            if type(value[key]) is not int:
                _fail(f"expected an integer, not {_what(value[key])}", f".{key}")
        if type(value["text"]) is not str:
            _fail(f"expected a string, not {_what(value['text'])}", ".text")
        return Span(start=value["start"], end=value["end"], text=value["text"])
    except _Bad as exc:
        raise exc.at(step) from None
    except NewsmodelError as exc:
        raise _Bad(str(exc), step) from None


def _read_opt_span(value: Any, step: str) -> Span | None:
    return None if value is None else _read_span(value, step)


def _keys(*names: str) -> frozenset[str]:
    return frozenset(names)


_TIME_KEYS = _keys("span", "kind", "value", "rule", "mod")
_TIME_REQUIRED = _keys("span", "kind", "value")


def _read_time(value: Any) -> TimeExpression:
    d = _object(value, _TIME_KEYS, _TIME_REQUIRED, "a time expression")
    return TimeExpression(
        span=_read_span(d["span"], ".span"),
        kind=_enum(_TIME_KINDS, d["kind"], ".kind"),
        value=d["value"],
        rule=d.get("rule", ""),
        mod=d.get("mod"),
    )


def _read_opt_time(value: Any, step: str) -> TimeExpression | None:
    if value is None:
        return None
    try:
        return _read_time(value)
    except _Bad as exc:
        raise exc.at(step) from None
    except NewsmodelError as exc:
        raise _Bad(str(exc), step) from None


_MENTION_KEYS = _keys("span", "kind", "rule")
_MENTION_REQUIRED = _keys("span", "kind")


def _read_mention(value: Any) -> Mention:
    d = _object(value, _MENTION_KEYS, _MENTION_REQUIRED, "a mention")
    return Mention(
        span=_read_span(d["span"], ".span"),
        kind=_enum(_MENTION_KINDS, d["kind"], ".kind"),
        rule=d.get("rule", ""),
    )


_ACTOR_KEYS = _keys("id", "name", "kind", "country", "sector", "roles", "mentions")
_ACTOR_REQUIRED = _keys("id", "name", "kind")


def _read_actor(value: Any) -> Actor:
    d = _object(value, _ACTOR_KEYS, _ACTOR_REQUIRED, "an actor")
    return Actor(
        id=d["id"],
        name=d["name"],
        kind=_enum(_ACTOR_KINDS, d["kind"], ".kind"),
        country=d.get("country"),
        sector=d.get("sector"),
        roles=_array(d.get("roles", []), ".roles"),
        mentions=_items(d.get("mentions", []), ".mentions", _read_mention),
    )


_COUNT_KEYS = _keys("kind", "number", "span")


def _read_count(value: Any) -> Count:
    d = _object(value, _COUNT_KEYS, _COUNT_KEYS, "a count")
    return Count(
        kind=_enum(_COUNT_KINDS, d["kind"], ".kind"), number=d["number"], span=_read_span(d["span"], ".span")
    )


_DATELINE_KEYS = _keys("span", "location", "agency", "date")
_DATELINE_REQUIRED = _keys("span", "location")


def _read_dateline(value: Any) -> Dateline | None:
    if value is None:
        return None
    d = _object(value, _DATELINE_KEYS, _DATELINE_REQUIRED, "a dateline")
    return Dateline(
        span=_read_span(d["span"], ".span"),
        location=d["location"],
        agency=d.get("agency"),
        date=d.get("date"),
    )


def _read_date(value: Any, step: str) -> date | None:
    if value is None:
        return None
    if type(value) is str:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    _fail(f"expected an ISO 8601 date such as '2017-04-09' (isoformat), not {_short(value)}", step)


def _read_datetime(value: Any, step: str) -> datetime | None:
    if value is None:
        return None
    if type(value) is str:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    _fail(
        f"expected an ISO 8601 date-time such as '2017-04-09T14:30:00' (isoformat), not {_short(value)}", step
    )


_STATEMENT_KEYS = _keys("speaker", "source", "cue", "content", "kind", "time", "rule", "quotes")
_STATEMENT_REQUIRED = _keys("speaker", "source", "cue", "content", "kind")
_EVENT_KEYS = _keys(
    "kind",
    "trigger",
    "sources",
    "targets",
    "location",
    "time",
    "mode",
    "sentence",
    "rule",
    "counts",
    "mentions",
)
_EVENT_REQUIRED = _keys("kind", "trigger", "sources", "targets", "location", "time", "mode", "sentence")
_ARTICLE_KEYS = _keys(
    "schema",
    "text",
    "headline",
    "published",
    "published_at",
    "dateline",
    "paragraphs",
    "sentences",
    "actors",
    "statements",
    "events",
    "times",
)
_ARTICLE_REQUIRED = _keys("schema", "text")


def _dateline_at(value: Any) -> Dateline | None:
    """The article's dateline, an error naming ``.dateline``."""
    try:
        return _read_dateline(value)
    except _Bad as exc:
        raise exc.at(".dateline") from None
    except NewsmodelError as exc:
        raise _Bad(str(exc), ".dateline") from None


def _read_article(data: Any) -> Article:
    d = _object(data, _ARTICLE_KEYS, _ARTICLE_REQUIRED, "an article")
    schema = d["schema"]
    if type(d["text"]) is not str:
        _fail(f"expected a string, not {_what(d['text'])}", ".text")
    if type(schema) is not str or schema not in _READABLE:
        _fail(f"unsupported schema {_short(schema)}; this version reads {SCHEMA!r}", ".schema")
    actors = _items(d.get("actors", []), ".actors", _read_actor)
    by_id = {a.id: a for a in actors}

    def ref(value: Any, step: str) -> Actor:
        if type(value) is not str:
            _fail(f"an actor reference is an actor id (a string), not {_what(value)}", step)
        found = by_id.get(value)
        if found is None:
            _fail(f"{_short(value)} is not the id of one of the article's actors", step)
        return found

    def opt_ref(value: Any, step: str) -> Actor | None:
        return None if value is None else ref(value, step)

    def refs(value: Any, step: str) -> tuple[Actor, ...]:
        if type(value) is not list:
            _fail(f"expected a list of actor ids, not {_what(value)}", step)
        return tuple(ref(v, f"{step}[{i}]") for i, v in enumerate(value))

    def statement(value: Any) -> Statement:
        s = _object(value, _STATEMENT_KEYS, _STATEMENT_REQUIRED, "a statement")
        return Statement(
            speaker=opt_ref(s["speaker"], ".speaker"),
            source=_read_opt_span(s["source"], ".source"),
            cue=_read_opt_span(s["cue"], ".cue"),
            content=_read_span(s["content"], ".content"),
            kind=_enum(_STATEMENT_KINDS, s["kind"], ".kind"),
            time=_read_opt_time(s.get("time"), ".time"),
            rule=s.get("rule", ""),
            quotes=_items(s.get("quotes", []), ".quotes", _read_span),
        )

    def event(value: Any) -> Event:
        e = _object(value, _EVENT_KEYS, _EVENT_REQUIRED, "an event")
        return Event(
            kind=_enum(_EVENT_KINDS, e["kind"], ".kind"),
            trigger=_read_span(e["trigger"], ".trigger"),
            sources=refs(e["sources"], ".sources"),
            targets=refs(e["targets"], ".targets"),
            location=opt_ref(e["location"], ".location"),
            time=_read_opt_time(e["time"], ".time"),
            mode=_enum(_EVENT_MODES, e["mode"], ".mode"),
            sentence=_read_span(e["sentence"], ".sentence"),
            rule=e.get("rule", ""),
            counts=_items(e.get("counts", []), ".counts", _read_count),
            mentions=_items(e.get("mentions", []), ".mentions", _read_span),
        )

    published = d.get("published")
    published_at = _read_datetime(d.get("published_at"), ".published_at")
    if schema == _VERSION_1 and type(published) is str and "T" in published:  # version 1 kept the time here
        published_at = _read_datetime(published, ".published")
        published = published_at.date() if published_at is not None else None
    else:
        published = _read_date(published, ".published")
    return Article(
        text=d["text"],
        headline=d.get("headline"),
        published=published,
        published_at=published_at,
        dateline=_dateline_at(d.get("dateline")),
        paragraphs=_items(d.get("paragraphs", []), ".paragraphs", _read_span),
        sentences=_items(d.get("sentences", []), ".sentences", _read_span),
        actors=actors,
        statements=_items(d.get("statements", []), ".statements", statement),
        events=_items(d.get("events", []), ".events", event),
        times=_items(d.get("times", []), ".times", _read_time),
    )


def from_dict(data: Any) -> Article:
    """An article from :func:`to_dict`'s output.

    Raises:
        SerializationError: naming the path of the first bad field (``$.actors[1].kind``): an
            unknown or missing key, a value of the wrong JSON type, a missing or unknown
            ``schema``, or an article whose parts do not hold together (a span that disagrees with
            the text, sentences out of order, an event trigger outside its sentence).
    """
    try:
        return read_article(data, SCHEMA)  # a document as to_dict writes it, in one pass
    except Exception:  # any fault: the strict reader reads the document again and names it
        pass
    try:
        return _read_article(data)
    except _Bad as exc:
        raise SerializationError(exc.message, "$" + exc.path) from None
    except NewsmodelError as exc:
        raise SerializationError(str(exc)) from None
    except RecursionError:
        raise SerializationError("the document is nested too deeply to be an article") from None


def from_json(s: str | bytes) -> Article:
    """An article from :func:`to_json`'s output.

    Raises:
        SerializationError: for malformed JSON, or JSON that does not describe an article; the
            message names the path of the bad field.
    """
    if not isinstance(s, str | bytes | bytearray):
        raise SerializationError(f"from_json takes a str or bytes, not {type(s).__name__}")
    try:
        data = json.loads(s)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SerializationError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise SerializationError("not valid JSON: nested too deeply") from None
    return from_dict(data)


def _make_converter() -> cattrs.Converter:
    c = cattrs.Converter()
    c.register_unstructure_hook(Article, to_dict)
    c.register_structure_hook(Article, lambda value, _: from_dict(value))
    return c


converter = _make_converter()
"""A cattrs converter that (un)structures an :class:`~newsmodel.Article` with :func:`to_dict` and
:func:`from_dict`, for applications that embed articles in their own attrs classes."""
