"""Trusted construction: the model's classes built without the checks of their constructors.

The public constructors (``Span(...)``, ``Article(...)`` ...) check every field, and ``Article``
the whole graph of its spans and references. The pipeline's stages and the JSON reader build
millions of these objects from offsets and values they have just checked themselves; checking
again costs about a tenth of a parse. Each function here sets the fields as the class's
``__init__`` does (same keywords, same defaults, same converters, so a list still becomes a tuple)
and skips ``__attrs_post_init__``, where the checks live.

Private: only code that guarantees what the checks would check calls these. The functions are
generated from the classes' attrs fields, so a field added to a class is set here too.

The same holds for pickling: each class pickles as one of the ``restore_*`` functions here and its
field values, so unpickling an article builds each object in one call, unchecked, as it was
pickled.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, SupportsIndex, TypeVar, cast

import attrs

from .model import (
    Actor,
    Article,
    Count,
    Dateline,
    Event,
    Mention,
    MentionKind,
    Span,
    Statement,
    TimeExpression,
)

__all__ = [
    "actor",
    "article",
    "count",
    "dateline",
    "event",
    "mention",
    "mention_of",
    "parsed_actor",
    "parsed_article",
    "span",
    "span_of",
    "statement",
    "time_expression",
]

T = TypeVar("T")


def _generate(
    cls: type[T], name: str, params: list[str], values: dict[str, str], names: dict[str, Any]
) -> Any:
    """Compile ``def name(params)``, which builds ``cls`` from ``values`` (field -> expression)
    through the slots' own setters (frozen is ``__setattr__``), with the hash cache reset."""
    names.update({"_new": object.__new__, "_cls": cls})
    body = ["    self = _new(_cls)"]
    for field, value in values.items():
        names[f"_set_{field}"] = getattr(cls, field).__set__
        body.append(f"    _set_{field}(self, {value})")
    if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
        names["_set_hash"] = cls._attrs_cached_hash.__set__  # type: ignore[attr-defined]
        body.append("    _set_hash(self, None)")
    source = f"def {name}({', '.join(params)}):\n" + "\n".join([*body, "    return self"]) + "\n"
    exec(compile(source, f"<{name}>", "exec"), names)  # source made here, from the attrs fields
    function = names[name]
    function.__module__ = __name__
    return function


def unchecked(cls: type[T], *, convert: bool = True) -> Callable[..., T]:
    """A function that builds ``cls`` from keyword arguments as its ``__init__`` does (defaults and
    converters included), without calling ``__attrs_post_init__``; with ``convert=False``, without
    the converters either (for a caller whose values are what the converters return: tuples)."""
    names: dict[str, Any] = {}
    params, values = ["*"], {}
    for f in attrs.fields(cast(Any, cls)):  # an attrs class (mypy cannot say so of a type[T])
        if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{f.name}: a factory default is not supported here")
        if f.default is attrs.NOTHING:
            params.append(f.name)
        else:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        values[f.name] = f.name
        if f.converter is not None and convert:
            names[f"_convert_{f.name}"] = f.converter
            values[f.name] = f"_convert_{f.name}({f.name})"
    build: Callable[..., T] = _generate(cls, f"trusted_{cls.__name__}", params, values, names)
    build.__doc__ = f"A :class:`~newsmodel.model.{cls.__name__}` built without its constructor's checks."
    return build


def _restorer(cls: type[T], name: str) -> Callable[..., T]:
    """A function that builds ``cls`` from its field values in order, as they are (they come from
    an instance): what a pickle of ``cls`` calls. Gives ``cls`` the ``__reduce_ex__`` that uses it
    (a subclass pickles as attrs pickles it)."""
    fields = [f.name for f in attrs.fields(cast(Any, cls))]
    restore: Callable[..., T] = _generate(cls, name, fields, {f: f for f in fields}, {})
    restore.__doc__ = f"A :class:`~newsmodel.model.{cls.__name__}` from its field values, for pickle."
    get = operator.attrgetter(*fields)

    def __reduce_ex__(self: Any, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        if type(self) is not cls:
            return object.__reduce_ex__(self, protocol)
        return restore, get(self)

    cls.__reduce_ex__ = __reduce_ex__  # type: ignore[method-assign]
    return restore


# Pickling: an object is pickled as its restorer and its field values, and unpickled by one call
# (half the time of attrs' __setstate__, which sets each field through a loop); pickles written
# before keep loading through attrs' __setstate__, which the classes still have.
restore_span = _restorer(Span, "restore_span")
restore_mention = _restorer(Mention, "restore_mention")
restore_actor = _restorer(Actor, "restore_actor")
restore_dateline = _restorer(Dateline, "restore_dateline")
restore_time_expression = _restorer(TimeExpression, "restore_time_expression")
restore_statement = _restorer(Statement, "restore_statement")
restore_count = _restorer(Count, "restore_count")
restore_event = _restorer(Event, "restore_event")
restore_article = _restorer(Article, "restore_article")

span = unchecked(Span)
mention = unchecked(Mention)
actor = unchecked(Actor)
dateline = unchecked(Dateline)
time_expression = unchecked(TimeExpression)
statement = unchecked(Statement)
count = unchecked(Count)
event = unchecked(Event)
article = unchecked(Article)
parsed_article = unchecked(Article, convert=False)
"""The article of the shipped stages, whose sequences are tuples already (the converters would
return them as they are)."""
parsed_actor = unchecked(Actor, convert=False)
"""The actor of the actor stage, whose roles and mentions are tuples already."""

_new = object.__new__
_set_start = Span.start.__set__  # type: ignore[attr-defined]
_set_end = Span.end.__set__  # type: ignore[attr-defined]
_set_text = Span.text.__set__  # type: ignore[attr-defined]


def span_of(text: str, start: int, end: int) -> Span:
    """``Span.of(text, start, end)`` without its checks: ``0 <= start <= end <= len(text)``."""
    s: Span = _new(Span)
    _set_start(s, start)
    _set_end(s, end)
    _set_text(s, text[start:end])
    return s


_set_span = Mention.span.__set__  # type: ignore[attr-defined]
_set_kind = Mention.kind.__set__  # type: ignore[attr-defined]
_set_rule = Mention.rule.__set__  # type: ignore[attr-defined]


def mention_of(text: str, start: int, end: int, kind: MentionKind, rule: str) -> Mention:
    """``Mention(span=Span.of(text, start, end), kind=kind, rule=rule)`` without its checks, in
    one call (the actor stage builds one per mention it keeps): ``0 <= start <= end <= len(text)``."""
    s: Span = _new(Span)
    _set_start(s, start)
    _set_end(s, end)
    _set_text(s, text[start:end])
    m: Mention = _new(Mention)
    _set_span(m, s)
    _set_kind(m, kind)
    _set_rule(m, rule)
    return m
