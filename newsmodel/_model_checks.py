"""The checks behind :mod:`newsmodel.model`'s constructors, and the helpers of its lookups.

Private: :mod:`newsmodel.model` is the public module. Each class there keeps its fast path (one
chained type test) inline and calls in here only when that test fails, to name the field that is
wrong; :func:`check_article` checks the whole graph of an :class:`~newsmodel.model.Article`.

``newsmodel.model`` imports this module while it is being defined, so the classes are reached at
call time through the module (``_model.Span``), never imported by name at import time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from . import model as _model
from .errors import InvalidArgumentError, InvalidArticleError, InvalidSpanError

if TYPE_CHECKING:
    from .model import Actor, Article, Count, Dateline, Event, Mention, Span, Statement, TimeExpression


def short(text: str, limit: int = 40) -> str:
    """``text`` quoted for a repr or a message, cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def tuple_of(value: Any, what: str) -> tuple[Any, ...]:
    """A list or tuple field as a tuple; refuses a str, bytes, a dict or a non-iterable."""
    if type(value) is tuple:
        return value
    if type(value) is list:
        return tuple(value)
    # A str is iterable, but "Secretary" is not a tuple of roles; a dict is not a sequence either.
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        raise InvalidArgumentError(f"{what} must be a list or tuple, not {type(value).__name__}")
    return tuple(value)


def opt_str(value: object) -> bool:
    """Whether ``value`` is a str or None (the fast test of an optional str field)."""
    return value is None or type(value) is str


# -- the slow paths: name the first field whose type is wrong -------------------------------------


def _check(instance: object, name: str, value: object, kind: type | tuple[type, ...], label: str) -> None:
    if not isinstance(value, kind) or type(value) is bool:
        raise InvalidArgumentError(
            f"{type(instance).__name__}.{name} must be {label}, not {type(value).__name__}"
        )


def _check_optional(instance: object, name: str, kind: type, label: str) -> None:
    value = getattr(instance, name)
    if value is not None:
        _check(instance, name, value, kind, label)


def _check_optional_str(instance: object, *names: str) -> None:
    for name in names:
        value = getattr(instance, name)
        if value is not None and not isinstance(value, str):
            raise InvalidArgumentError(
                f"{type(instance).__name__}.{name} must be a str or None, not {type(value).__name__}"
            )


def refuse_span(span: Span) -> None:
    """Raise the :class:`InvalidSpanError` naming what is wrong with ``span``."""
    for name in ("start", "end"):
        value = getattr(span, name)
        if type(value) is not int:  # bool is an int, but never an offset
            raise InvalidSpanError(f"Span.{name} must be an int, not {type(value).__name__}")
    if not isinstance(span.text, str):
        raise InvalidSpanError(f"Span.text must be a str, not {type(span.text).__name__}")
    if span.start < 0:
        raise InvalidSpanError(f"Span.start is {span.start}; offsets are never negative")
    if span.end < span.start:
        raise InvalidSpanError(f"Span.end ({span.end}) is before Span.start ({span.start})")
    raise InvalidSpanError(
        f"Span.text has {len(span.text)} characters but the span [{span.start}, {span.end}) "
        f"covers {span.end - span.start}"
    )


def check_span_of(text: object, start: object, end: object) -> None:
    """The argument checks of :meth:`Span.of <newsmodel.model.Span.of>`."""
    if not isinstance(text, str) or type(start) is not int or type(end) is not int:
        raise InvalidSpanError(
            f"Span.of takes a str and two int offsets, not {type(text).__name__}, "
            f"{type(start).__name__}, {type(end).__name__}"
        )
    if not 0 <= start <= end <= len(text):
        raise InvalidSpanError(f"[{start}, {end}) does not lie inside a text of {len(text)} characters")


def check_dateline(d: Dateline) -> None:
    """Name the field of a :class:`~newsmodel.model.Dateline` whose type is wrong."""
    _check(d, "span", d.span, _model.Span, "a Span")
    _check(d, "location", d.location, str, "a str")
    _check_optional_str(d, "agency", "date")


def check_mention(m: Mention) -> None:
    """Name the field of a :class:`~newsmodel.model.Mention` whose type is wrong."""
    _check(m, "span", m.span, _model.Span, "a Span")
    _check(m, "kind", m.kind, _model.MentionKind, "a MentionKind")
    _check(m, "rule", m.rule, str, "a str")


def check_actor(a: Actor) -> None:
    """Name the field of an :class:`~newsmodel.model.Actor` whose type is wrong."""
    _check(a, "id", a.id, str, "a str")
    _check(a, "name", a.name, str, "a str")
    _check(a, "kind", a.kind, _model.ActorKind, "an ActorKind")
    _check_optional_str(a, "country", "sector")
    for role in a.roles:
        _check(a, "roles", role, str, "a tuple of str")
    for m in a.mentions:
        _check(a, "mentions", m, _model.Mention, "a tuple of Mention")


def check_time(t: TimeExpression) -> None:
    """Name the field of a :class:`~newsmodel.model.TimeExpression` whose type is wrong."""
    _check(t, "span", t.span, _model.Span, "a Span")
    _check(t, "kind", t.kind, _model.TimeKind, "a TimeKind")
    _check(t, "value", t.value, str, "a str")
    _check(t, "rule", t.rule, str, "a str")
    _check_optional_str(t, "mod")


def check_statement(s: Statement) -> None:
    """Name the field of a :class:`~newsmodel.model.Statement` whose type is wrong."""
    _check_optional(s, "speaker", _model.Actor, "an Actor or None")
    for name in ("source", "cue"):
        _check_optional(s, name, _model.Span, "a Span or None")
    _check(s, "content", s.content, _model.Span, "a Span")
    _check(s, "kind", s.kind, _model.StatementKind, "a StatementKind")
    _check_optional(s, "time", _model.TimeExpression, "a TimeExpression or None")
    _check(s, "rule", s.rule, str, "a str")
    for q in s.quotes:
        _check(s, "quotes", q, _model.Span, "a tuple of Span")


def check_quotes(s: Statement) -> None:
    """A statement's quotes lie in order inside its content."""
    last = s.content.start
    for q in s.quotes:
        if q.start < last or q.end > s.content.end:
            raise InvalidArticleError(
                f"Statement.quotes: {q!r} is not inside the content {s.content!r} after the quote"
                " before it; quotes lie in order inside the content"
            )
        last = q.end


def check_count(c: Count) -> None:
    """Name the field of a :class:`~newsmodel.model.Count` whose type is wrong."""
    _check(c, "kind", c.kind, _model.CountKind, "a CountKind")
    _check(c, "number", c.number, int, "an int")
    _check(c, "span", c.span, _model.Span, "a Span")


def check_event(e: Event) -> None:
    """Name the field of an :class:`~newsmodel.model.Event` whose type is wrong."""
    _check(e, "kind", e.kind, _model.EventKind, "an EventKind")
    _check(e, "trigger", e.trigger, _model.Span, "a Span")
    for name in ("sources", "targets"):
        for a in getattr(e, name):
            _check(e, name, a, _model.Actor, "a tuple of Actor")
    _check_optional(e, "location", _model.Actor, "an Actor or None")
    _check_optional(e, "time", _model.TimeExpression, "a TimeExpression or None")
    _check(e, "mode", e.mode, _model.EventMode, "an EventMode")
    _check(e, "sentence", e.sentence, _model.Span, "a Span")
    _check(e, "rule", e.rule, str, "a str")
    for c in e.counts:
        _check(e, "counts", c, _model.Count, "a tuple of Count")


def event_mentions(value: Iterable[Span]) -> tuple[Span, ...]:
    """``Event.mentions`` as a tuple of spans in text order (the converter of the field)."""
    mentions = tuple_of(value, "Event.mentions")
    last = -1
    for m in mentions:
        if type(m) is not _model.Span:
            raise InvalidArgumentError(f"Event.mentions must be a tuple of Span, not of {type(m).__name__}")
        if m.start <= last:
            raise InvalidArticleError(
                f"Event.mentions: {m!r} starts before or with the mention before it; mentions are in text order"
            )
        last = m.start
    return mentions


# -- the article: its graph of spans and references ----------------------------------------------


def check_article(article: Article) -> None:
    """Check the whole graph of an article; raise :class:`InvalidArticleError` on the first fault."""
    _check_article_types(article)
    text = article.text
    size = len(text)
    starts = text.startswith
    span_type = _model.Span
    for sp in _all_spans(article):
        if type(sp) is not span_type or sp.end > size or not starts(sp.text, sp.start):
            _refuse_spans(article)
    _check_order(article)
    _check_references(article)


def _check_order(article: Article) -> None:
    for name in ("paragraphs", "sentences"):
        spans = getattr(article, name)
        for i in range(1, len(spans)):
            if spans[i].start < spans[i - 1].end:
                raise InvalidArticleError(
                    f"{name}[{i}] {spans[i]!r} starts before {name}[{i - 1}] {spans[i - 1]!r} ends;"
                    f" {name} are in text order and do not overlap"
                )
    ids: set[str] = set()
    for i, actor in enumerate(article.actors):
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


def _check_references(article: Article) -> None:
    held = {id(a) for a in article.actors}
    for i, s in enumerate(article.statements):
        if s.speaker is not None and id(s.speaker) not in held:
            raise InvalidArticleError(f"statements[{i}].speaker {s.speaker!r} is not one of article.actors")
    for i, e in enumerate(article.events):
        for role, actor in (
            *(("sources", a) for a in e.sources),
            *(("targets", a) for a in e.targets),
            *((("location", e.location),) if e.location is not None else ()),
        ):
            if id(actor) not in held:
                raise InvalidArticleError(f"events[{i}].{role} {actor!r} is not one of article.actors")


def _check_article_types(article: Article) -> None:
    def refuse(name: str, value: object, wanted: str) -> InvalidArticleError:
        return InvalidArticleError(f"Article.{name} must be {wanted}, not {type(value).__name__}")

    if not isinstance(article.text, str):
        raise refuse("text", article.text, "a str")
    if article.headline is not None and not isinstance(article.headline, str):
        raise refuse("headline", article.headline, "a str or None")
    published, at = article.published, article.published_at
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
    if article.dateline is not None and not isinstance(article.dateline, _model.Dateline):
        raise refuse("dateline", article.dateline, "a Dateline or None")
    for name, kind in (
        ("actors", _model.Actor),
        ("statements", _model.Statement),
        ("events", _model.Event),
        ("times", _model.TimeExpression),
    ):
        for i, item in enumerate(getattr(article, name)):
            if not isinstance(item, kind):
                raise refuse(f"{name}[{i}]", item, f"a {kind.__name__}")


def _all_spans(article: Article) -> list[Span]:
    # Every span, for the fast pass; _refuse_spans names the first bad one.
    out: list[Any] = [*article.paragraphs, *article.sentences]
    add, extend = out.append, out.extend
    if article.dateline is not None:
        add(article.dateline.span)
    for actor in article.actors:
        extend([m.span for m in actor.mentions])
    for s in article.statements:
        extend((s.content, *s.quotes))
        if s.source is not None:
            add(s.source)
        if s.cue is not None:
            add(s.cue)
        if s.time is not None:
            add(s.time.span)
    for e in article.events:
        extend((e.trigger, e.sentence, *[c.span for c in e.counts], *e.mentions))
        if e.time is not None:
            add(e.time.span)
    extend([t.span for t in article.times])
    return out


def _refuse_spans(article: Article) -> None:
    text = article.text
    for where, span in _labelled_spans(article):
        if not isinstance(span, _model.Span):
            raise InvalidArticleError(f"{where} is a {type(span).__name__}, not a Span")
        if span.end > len(text):
            raise InvalidArticleError(
                f"{where} {span!r} ends at {span.end}, past the end of the text ({len(text)} characters)"
            )
        if text[span.start : span.end] != span.text:
            raise InvalidArticleError(
                f"{where} {span!r} does not match the article text there: {short(text[span.start : span.end])}"
            )


def _labelled_spans(article: Article) -> Iterator[tuple[str, Span]]:
    if article.dateline is not None:
        yield "dateline.span", article.dateline.span
    for i, span in enumerate(article.paragraphs):
        yield f"paragraphs[{i}]", span
    for i, span in enumerate(article.sentences):
        yield f"sentences[{i}]", span
    for i, actor in enumerate(article.actors):
        for j, m in enumerate(actor.mentions):
            yield f"actors[{i}].mentions[{j}].span", m.span
    for i, s in enumerate(article.statements):
        yield from _statement_spans(f"statements[{i}]", s)
    for i, e in enumerate(article.events):
        yield from _event_spans(f"events[{i}]", e)
    for i, t in enumerate(article.times):
        yield f"times[{i}].span", t.span


def _statement_spans(where: str, s: Statement) -> Iterator[tuple[str, Span]]:
    for name in ("source", "cue", "content"):
        span = getattr(s, name)
        if span is not None:
            yield f"{where}.{name}", span
    for j, q in enumerate(s.quotes):
        yield f"{where}.quotes[{j}]", q
    if s.time is not None:
        yield f"{where}.time.span", s.time.span


def _event_spans(where: str, e: Event) -> Iterator[tuple[str, Span]]:
    yield f"{where}.trigger", e.trigger
    yield f"{where}.sentence", e.sentence
    if e.time is not None:
        yield f"{where}.time.span", e.time.span
    for j, c in enumerate(e.counts):
        yield f"{where}.counts[{j}].span", c.span
    for j, m in enumerate(e.mentions):
        yield f"{where}.mentions[{j}]", m


# -- the lookups' argument handling ---------------------------------------------------------------


def offset_of(where: object, method: str) -> int:
    """An int offset, or the start of a span; refuses anything else, naming ``method``."""
    if isinstance(where, _model.Span):
        return where.start
    if type(where) is not int:
        raise InvalidArgumentError(f"{method} takes an int offset or a Span, not {type(where).__name__}")
    return where


def actor_id_of(actor: object, method: str) -> str:
    """An actor's id, given the actor or its id; refuses anything else, naming ``method``."""
    if isinstance(actor, _model.Actor):
        return actor.id
    if not isinstance(actor, str):
        raise InvalidArgumentError(
            f"{method} takes an Actor or an actor id (str), not {type(actor).__name__}"
        )
    return actor


def containing(spans: tuple[Span, ...], offset: int) -> Span | None:
    """The span of ``spans`` (in text order, not overlapping) containing ``offset``, if any."""
    i = bisect.bisect_right([s.start for s in spans], offset) - 1
    if i >= 0 and spans[i].start <= offset < max(spans[i].end, spans[i].start + 1):
        return spans[i]
    return None


def mention_at(article: Article, offset: int) -> tuple[Actor, Mention] | None:
    """The actor and mention covering ``offset``, if any."""
    for a in article.actors:
        for m in a.mentions:
            if m.span.start <= offset < m.span.end:
                return a, m
    return None
