"""The fast path of :func:`newsmodel.from_dict`: a document exactly as :func:`~newsmodel.to_dict`
writes it (schema 3, every key present), read in one pass.

Each object's keys are counted rather than compared (a dict of the right size that has every key
has no other), every value's JSON type is tested inline, and the objects are built by trusted
construction (:mod:`newsmodel._trusted`) after the tests their constructors would make; the
article itself goes through :class:`~newsmodel.Article`'s constructor, which checks the whole
graph (spans against the text, order, references). Anything else (a missing optional key, an
older schema, any fault at all) raises here, and :mod:`newsmodel.serialize` reads the document
again with its strict reader, which accepts what is valid and names the first fault of what is not.

A field added to a class and to ``to_dict`` must be read here too (and its object's key count
raised): until it is, every document falls back to the strict reader, which stays correct, and
``tests/test_serialize_fast.py`` fails.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from . import _model_checks as _checks
from . import _trusted
from .model import (
    Actor,
    ActorKind,
    Article,
    Count,
    CountKind,
    Event,
    EventKind,
    EventMode,
    Mention,
    MentionKind,
    Span,
    StatementKind,
    TimeExpression,
    TimeKind,
)

__all__ = ["Irregular", "read_article"]


class Irregular(Exception):
    """The document is not in the form the fast path reads (or has a fault): read it strictly."""


_MENTION_KINDS = {k.value: k for k in MentionKind}
_ACTOR_KINDS = {k.value: k for k in ActorKind}
_STATEMENT_KINDS = {k.value: k for k in StatementKind}
_EVENT_KINDS = {k.value: k for k in EventKind}
_EVENT_MODES = {k.value: k for k in EventMode}
_TIME_KINDS = {k.value: k for k in TimeKind}
_COUNT_KINDS = {k.value: k for k in CountKind}

_new = object.__new__
_set_start = Span.start.__set__  # type: ignore[attr-defined]
_set_end = Span.end.__set__  # type: ignore[attr-defined]
_set_text = Span.text.__set__  # type: ignore[attr-defined]
_mention = _trusted.mention
_actor = _trusted.actor
_time = _trusted.time_expression
_statement = _trusted.statement
_event = _trusted.event
_count = _trusted.count


def _span(v: Any) -> Span:
    if type(v) is not dict or len(v) != 3:
        raise Irregular
    start, end, text = v["start"], v["end"], v["text"]
    if type(start) is not int or type(end) is not int or type(text) is not str:
        raise Irregular
    if not 0 <= start <= end or end - start != len(text):
        raise Irregular
    s: Span = _new(Span)
    _set_start(s, start)
    _set_end(s, end)
    _set_text(s, text)
    return s


def _opt_span(v: Any) -> Span | None:
    return None if v is None else _span(v)


def _str(v: Any) -> str:
    if type(v) is not str:
        raise Irregular
    return v


def _opt_str(v: Any) -> str | None:
    if v is not None and type(v) is not str:
        raise Irregular
    return v


def _list(v: Any) -> list[Any]:
    if type(v) is not list:
        raise Irregular
    return v


def _read_time(v: Any) -> TimeExpression:
    if type(v) is not dict or len(v) != 5:
        raise Irregular
    return _time(
        span=_span(v["span"]),
        kind=_TIME_KINDS[v["kind"]],
        value=_str(v["value"]),
        rule=_str(v["rule"]),
        mod=_opt_str(v["mod"]),
    )


def _opt_time(v: Any) -> TimeExpression | None:
    return None if v is None else _read_time(v)


def _read_mention(v: Any) -> Mention:
    if type(v) is not dict or len(v) != 3:
        raise Irregular
    return _mention(span=_span(v["span"]), kind=_MENTION_KINDS[v["kind"]], rule=_str(v["rule"]))


def _read_actor(v: Any) -> Actor:
    if type(v) is not dict or len(v) != 7:
        raise Irregular
    roles = tuple(_list(v["roles"]))
    for r in roles:
        if type(r) is not str:
            raise Irregular
    return _actor(
        id=_str(v["id"]),
        name=_str(v["name"]),
        kind=_ACTOR_KINDS[v["kind"]],
        country=_opt_str(v["country"]),
        sector=_opt_str(v["sector"]),
        roles=roles,
        mentions=tuple([_read_mention(m) for m in _list(v["mentions"])]),
    )


def _read_count(v: Any) -> Count:
    if type(v) is not dict or len(v) != 3 or type(v["number"]) is not int:
        raise Irregular
    return _count(kind=_COUNT_KINDS[v["kind"]], number=v["number"], span=_span(v["span"]))


def _date(v: Any, kind: type[date]) -> Any:
    if v is None:
        return None
    if type(v) is not str:
        raise Irregular
    return kind.fromisoformat(v)  # a ValueError falls back to the strict reader


def read_article(d: Any, schema: str) -> Article:
    """The article of a document in :func:`~newsmodel.to_dict`'s form.

    Raises:
        Irregular, or any other exception: the document is not in that form, or not valid; the
            caller reads it again strictly.
    """
    if type(d) is not dict or len(d) != 12 or d["schema"] != schema:
        raise Irregular
    actors = tuple([_read_actor(a) for a in _list(d["actors"])])
    by_id = {a.id: a for a in actors}
    statements = []
    for s in _list(d["statements"]):
        if type(s) is not dict or len(s) != 8:
            raise Irregular
        speaker = s["speaker"]
        st = _statement(
            speaker=None if speaker is None else by_id[_str(speaker)],
            source=_opt_span(s["source"]),
            cue=_opt_span(s["cue"]),
            content=_span(s["content"]),
            kind=_STATEMENT_KINDS[s["kind"]],
            time=_opt_time(s["time"]),
            rule=_str(s["rule"]),
            quotes=tuple([_span(q) for q in _list(s["quotes"])]),
        )
        _checks.check_quotes(st)
        statements.append(st)
    events = []
    for e in _list(d["events"]):
        if type(e) is not dict or len(e) != 11:
            raise Irregular
        location = e["location"]
        ev: Event = _event(
            kind=_EVENT_KINDS[e["kind"]],
            trigger=_span(e["trigger"]),
            sources=tuple([by_id[_str(a)] for a in _list(e["sources"])]),
            targets=tuple([by_id[_str(a)] for a in _list(e["targets"])]),
            location=None if location is None else by_id[_str(location)],
            time=_opt_time(e["time"]),
            mode=_EVENT_MODES[e["mode"]],
            sentence=_span(e["sentence"]),
            rule=_str(e["rule"]),
            counts=tuple([_read_count(c) for c in _list(e["counts"])]),
            mentions=_checks.event_mentions([_span(m) for m in _list(e["mentions"])]),
        )
        if not (ev.sentence.start <= ev.trigger.start and ev.trigger.end <= ev.sentence.end):
            raise Irregular
        events.append(ev)
    dateline = d["dateline"]
    if dateline is not None:
        if type(dateline) is not dict or len(dateline) != 4:
            raise Irregular
        dateline = _trusted.dateline(
            span=_span(dateline["span"]),
            location=_str(dateline["location"]),
            agency=_opt_str(dateline["agency"]),
            date=_opt_str(dateline["date"]),
        )
    return Article(  # the public constructor: the graph is checked
        text=_str(d["text"]),
        headline=_opt_str(d["headline"]),
        published=_date(d["published"], date),
        published_at=_date(d["published_at"], datetime),
        dateline=dateline,
        paragraphs=tuple([_span(p) for p in _list(d["paragraphs"])]),
        sentences=tuple([_span(p) for p in _list(d["sentences"])]),
        actors=actors,
        statements=tuple(statements),
        events=tuple(events),
        times=tuple([_read_time(t) for t in _list(d["times"])]),
    )
