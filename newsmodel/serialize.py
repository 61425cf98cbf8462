"""JSON and dictionary round trip of an :class:`~newsmodel.Article`, through a cattrs converter.

Actors are written once, under ``actors``; statements and events refer to them by id, and reading
the document back restores the same object graph: ``from_json(to_json(a)) == a`` and every
``statement.speaker`` is one of ``article.actors``.
"""

from __future__ import annotations

import contextvars
import json
from datetime import date, datetime
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .errors import NewsmodelError, SerializationError
from .model import Actor, Article, Event, Statement

__all__ = ["SCHEMA", "converter", "from_dict", "from_json", "to_dict", "to_json"]

SCHEMA = "newsmodel.article/1"
"""The ``schema`` tag written into every serialised article."""

_actors_by_id: contextvars.ContextVar[dict[str, Actor]] = contextvars.ContextVar("_actors_by_id")


def _ref(value: Any, _: Any) -> Actor:
    if not isinstance(value, str):
        raise TypeError(f"an actor reference must be an actor id (str), not {type(value).__name__}")
    try:
        return _actors_by_id.get()[value]
    except KeyError:
        raise ValueError(f"{value!r} is not the id of one of the article's actors") from None


def _optional_ref(value: Any, _: Any) -> Actor | None:
    return None if value is None else _ref(value, None)


def _refs(value: Any, _: Any) -> tuple[Actor, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list of actor ids, not {type(value).__name__}")
    return tuple(_ref(v, None) for v in value)


def _structure_date(value: Any, _: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date string, not {type(value).__name__}")
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def _strict_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {type(value).__name__}")
    return value


def _strict_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, not {type(value).__name__}")
    return value


def _make_converter() -> cattrs.Converter:
    c = cattrs.Converter(forbid_extra_keys=False)
    c.register_structure_hook(str, _strict_str)
    c.register_structure_hook(int, _strict_int)
    c.register_unstructure_hook(date, lambda d: d.isoformat())
    c.register_structure_hook(date, _structure_date)
    c.register_unstructure_hook(
        Statement,
        make_dict_unstructure_fn(
            Statement, c, speaker=override(unstruct_hook=lambda a: None if a is None else a.id)
        ),
    )
    c.register_structure_hook(
        Statement, make_dict_structure_fn(Statement, c, speaker=override(struct_hook=_optional_ref))
    )
    ids = override(unstruct_hook=lambda actors: [a.id for a in actors])
    c.register_unstructure_hook(
        Event,
        make_dict_unstructure_fn(
            Event,
            c,
            sources=ids,
            targets=ids,
            location=override(unstruct_hook=lambda a: None if a is None else a.id),
        ),
    )
    c.register_structure_hook(
        Event,
        make_dict_structure_fn(
            Event,
            c,
            sources=override(struct_hook=_refs),
            targets=override(struct_hook=_refs),
            location=override(struct_hook=_optional_ref),
        ),
    )
    article_unstructure = make_dict_unstructure_fn(Article, c)
    c.register_unstructure_hook(Article, lambda a: {"schema": SCHEMA, **article_unstructure(a)})

    def structure_actors(value: Any, _: Any) -> tuple[Actor, ...]:
        # Actors come before statements and events in Article's fields, so cattrs structures them
        # first: record them by id for the references that follow.
        actors: tuple[Actor, ...] = c.structure(value, tuple[Actor, ...])
        _actors_by_id.get().update((a.id, a) for a in actors)
        return actors

    article_structure = make_dict_structure_fn(Article, c, actors=override(struct_hook=structure_actors))

    def structure_article(value: Any, _: Any) -> Article:
        if not isinstance(value, dict):
            raise TypeError(f"an article is a JSON object, not {type(value).__name__}")
        schema = value.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported schema {schema!r}; this version reads {SCHEMA!r}")
        token = _actors_by_id.set({})
        try:
            return article_structure(value, Article)
        finally:
            _actors_by_id.reset(token)

    c.register_structure_hook(Article, structure_article)
    return c


converter = _make_converter()
"""The cattrs converter behind :func:`to_dict` and :func:`from_dict`."""


def to_dict(article: Article) -> dict[str, Any]:
    """The article as plain dictionaries, lists, strings and numbers (JSON-ready)."""
    result: dict[str, Any] = converter.unstructure(article, Article)
    return result


def _describe(exc: BaseException, _type: Any = None) -> str:
    if isinstance(exc, NewsmodelError | ValueError | TypeError) and str(exc):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    return f"{type(exc).__name__}: {exc}"


def from_dict(data: Any) -> Article:
    """An article from :func:`to_dict`'s output.

    Raises:
        SerializationError: naming the path of the first bad field (``$.actors[1].kind``).
    """
    try:
        return converter.structure(data, Article)
    except cattrs.BaseValidationError as exc:
        messages = cattrs.transform_error(exc, path="$", format_exception=_describe)
        first = messages[0] if messages else str(exc)
        message, _, path = first.rpartition(" @ ")
        raise SerializationError(message or first, path or "$") from exc
    except NewsmodelError as exc:
        raise SerializationError(str(exc)) from exc
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise SerializationError(_describe(exc)) from exc


def to_json(article: Article, *, indent: int | None = None) -> str:
    """The article as a JSON string (UTF-8 text, non-ASCII characters kept)."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent)


def from_json(s: str | bytes) -> Article:
    """An article from :func:`to_json`'s output.

    Raises:
        SerializationError: for malformed JSON, or JSON that does not describe an article; the
            message names the path of the bad field.
    """
    try:
        data = json.loads(s)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SerializationError(f"not valid JSON: {exc}") from exc
    except TypeError as exc:
        raise SerializationError(f"from_json takes a str or bytes: {exc}") from exc
    return from_dict(data)
