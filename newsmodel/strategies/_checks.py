"""Argument validation shared by the strategies: bad arguments raise ``InvalidArgument`` at once."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ..model import Span


def _check_type(value: object, types: type | tuple[type, ...], name: str, what: str) -> None:
    if not isinstance(value, types) or (isinstance(value, bool) and types is int):
        raise InvalidArgument(f"{name}={value!r} must be {what}, not {type(value).__name__}")


def _check_text(text: object, name: str = "text") -> None:
    _check_type(text, str, name, "a str")


def _check_strategy(value: object, name: str) -> None:
    if not isinstance(value, SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a hypothesis strategy, not {type(value).__name__}")


def _check_size(value: object, name: str) -> int:
    _check_type(value, int, name, "an int")
    assert isinstance(value, int)
    if value < 0:
        raise InvalidArgument(f"{name}={value!r} must be non-negative")
    return value


def _check_sequence(value: object, item: type, name: str) -> tuple[Any, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | Collection):
        raise InvalidArgument(f"{name}={value!r} must be a sequence of {item.__name__}")
    items = tuple(value)
    for i, v in enumerate(items):
        if not isinstance(v, item):
            raise InvalidArgument(f"{name}[{i}]={v!r} is a {type(v).__name__}, not a {item.__name__}")
    return items


def _check_spans_in(text: str, items: Sequence[Any], name: str, get: Callable[[Any], Span]) -> None:
    for i, v in enumerate(items):
        span = get(v)
        if span.end > len(text) or text[span.start : span.end] != span.text:
            raise InvalidArgument(f"{name}[{i}] has the span {span!r}, which does not index text")
