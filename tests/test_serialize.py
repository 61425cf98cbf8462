"""JSON, dict and pickle round trips, and the errors of malformed input."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import SerializationError
from newsmodel.serialize import SCHEMA

from .test_model import small_article


def test_round_trip_keeps_the_object_graph() -> None:
    a = small_article()
    b = newsmodel.from_json(newsmodel.to_json(a))
    assert b == a
    assert b.statements[0].speaker is b.actors[0]
    assert b.events[0].sources[0] is b.actors[0]
    assert b.events[0].targets[0] is b.actors[1]


def test_actors_are_written_once_and_referenced_by_id() -> None:
    d = json.loads(newsmodel.to_json(small_article()))
    assert d["schema"] == SCHEMA
    assert d["statements"][0]["speaker"] == "rex-tillerson"
    assert d["events"][0]["sources"] == ["rex-tillerson"]
    assert d["events"][0]["targets"] == ["russia"]
    assert [a["id"] for a in d["actors"]] == ["rex-tillerson", "russia"]
    assert d["actors"][0]["kind"] == "PERSON"


def test_seed_round_trips(seed_article: newsmodel.Article) -> None:
    assert newsmodel.from_json(newsmodel.to_json(seed_article, indent=2)) == seed_article
    assert newsmodel.from_dict(newsmodel.to_dict(seed_article)) == seed_article
    assert pickle.loads(pickle.dumps(seed_article)) == seed_article


@pytest.mark.parametrize("published", [date(2017, 4, 9), datetime(2013, 1, 2, 14, 30)])
def test_published_dates_and_datetimes_round_trip(published: date) -> None:
    a = newsmodel.parse("BEIJING - Talks ended on Monday.", published=published)
    b = newsmodel.from_json(newsmodel.to_json(a))
    assert b == a and type(b.published) is date
    if isinstance(published, datetime):
        assert b.published == published.date() and b.published_at == published
    else:
        assert b.published == published and b.published_at is None


@given(st.text(max_size=300), st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_any_parsed_article_round_trips(text: str, published: date | None) -> None:
    a = newsmodel.parse(text, published=published)
    assert newsmodel.from_json(newsmodel.to_json(a)) == a
    assert pickle.loads(pickle.dumps(a)) == a


def _mutate(f: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    d = copy.deepcopy(newsmodel.to_dict(small_article()))
    f(d)
    return d


@pytest.mark.parametrize(
    ("mutation", "path", "fragment"),
    [
        (lambda d: d["actors"][0].__setitem__("kind", "ALIEN"), "$.actors[0].kind", "not a valid ActorKind"),
        (lambda d: d["actors"][0].pop("name"), "$.actors[0].name", "required field missing"),
        (
            lambda d: d["statements"][0].__setitem__("speaker", "nobody"),
            "$.statements[0].speaker",
            "not the id",
        ),
        (lambda d: d["events"][0].__setitem__("sources", "x"), "$.events[0].sources", "list of actor ids"),
        (lambda d: d["sentences"][0].__setitem__("end", 999), "$.sentences[0]", "covers 999"),
        (
            lambda d: d["actors"][1]["mentions"][0]["span"].__setitem__("start", "19"),
            "$.actors[1].mentions[0].span.start",
            "expected an integer",
        ),
        (lambda d: d.__setitem__("published", "yesterday"), "$.published", "isoformat"),
        (lambda d: d.__setitem__("text", 5), "$.text", "expected a string"),
        (lambda d: d.pop("text"), "$.text", "required field missing"),
    ],
)
def test_malformed_fields_are_named_by_path(mutation: Any, path: str, fragment: str) -> None:
    with pytest.raises(SerializationError, match=fragment) as info:
        newsmodel.from_dict(_mutate(mutation))
    assert info.value.path == path
    assert isinstance(info.value, ValueError)


def test_text_disagreeing_with_a_span_is_refused() -> None:
    d = _mutate(lambda d: d.__setitem__("text", "X" + d["text"][1:]))
    with pytest.raises(SerializationError, match="does not match the article text"):
        newsmodel.from_dict(d)


@pytest.mark.parametrize("bad", ["", "{", "[]", "null", b"\xff", '{"schema": "other/9", "text": ""}'])
def test_malformed_json_raises_a_serialization_error(bad: str | bytes) -> None:
    with pytest.raises(SerializationError):
        newsmodel.from_json(bad)


def test_truncated_json_raises_a_serialization_error() -> None:
    s = newsmodel.to_json(small_article())
    for cut in range(0, len(s), 37):
        with pytest.raises(SerializationError):
            newsmodel.from_json(s[:cut])
