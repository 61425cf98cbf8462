"""Helpers for the tests that parse one small sentence and read its events' sides."""

from __future__ import annotations

import newsmodel
from newsmodel import Event


def events(text: str) -> list[Event]:
    """The events of ``text``, parsed as published on 2020-03-04."""
    return list(newsmodel.parse(text, published="2020-03-04").events)


def sides(e: Event) -> tuple[list[str], list[str]]:
    """The names of ``e``'s sources and targets."""
    return [a.name for a in e.sources], [a.name for a in e.targets]


def by_trigger(got: list[Event], word: str) -> Event:
    """The first event whose trigger starts with ``word``."""
    return next(e for e in got if e.trigger.text.startswith(word))
