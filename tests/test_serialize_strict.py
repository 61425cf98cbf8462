"""Strict reading of JSON (issue 12): every mutation of a valid document is refused with a
SerializationError naming its path; lone surrogates; deep nesting; schema versions."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import SerializationError
from newsmodel.serialize import SCHEMA

from .test_model import small_article

DOC = newsmodel.to_dict(small_article())


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*path, i))


PATHS = [p for p in _paths(DOC) if p]


def _json_path(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = value
    return doc


# A value of another JSON type than the one at that path. Nulls are allowed where the schema says
# optional, so replacing a value by null is only wrong where the value is not null already and the
# field is required; those cases are covered below by the explicit list.
def _other_type(value: Any) -> st.SearchStrategy[Any]:
    choices: list[st.SearchStrategy[Any]] = []
    if type(value) is not str:
        choices.append(st.text(max_size=3))
    if type(value) is not int:
        choices.append(st.integers(-3, 3))
    if type(value) is not list:
        choices.append(st.lists(st.integers(), max_size=2))
    if type(value) is not dict:
        choices.append(st.just({}))
    choices.append(st.floats(allow_nan=False) | st.booleans())
    return st.one_of(choices)


@given(st.sampled_from(PATHS), st.data())
def test_every_change_of_json_type_is_refused_with_its_path(
    path: tuple[Any, ...], data: st.DataObject
) -> None:
    old: Any = DOC
    for p in path:
        old = old[p]
    if old is None:
        return  # optional field: its other values are tested where they are defined
    value = data.draw(_other_type(old), label="value")
    if path[-1] in ("rule", "mod", "value", "name", "id", "location") and type(value) is str:
        return  # any string is a valid rule id, name ...
    doc = _set(DOC, path, value)
    try:
        article = newsmodel.from_dict(doc)
    except SerializationError as exc:
        where = exc.path
    else:
        # a string that still names a valid value (an actor id, a kind ...) may be accepted, never
        # a value of another type
        assert type(value) is type(old), (path, value, article)
        return
    # the error points at the changed value or at an object that holds it
    assert _json_path(path).startswith(where) or where == "$", (where, path)


@given(
    st.sampled_from([p for p in PATHS if isinstance(p[-1], str)]), st.sampled_from(["statments", "x", "Kind"])
)
def test_an_unknown_key_is_refused(path: tuple[Any, ...], key: str) -> None:
    doc = copy.deepcopy(DOC)
    target: Any = doc
    for p in path[:-1]:
        target = target[p]
    target[key] = 1
    with pytest.raises(SerializationError, match=f"unknown key '{key}'") as info:
        newsmodel.from_dict(doc)
    assert info.value.path == _json_path(path[:-1])


@pytest.mark.parametrize(
    ("path", "value", "fragment"),
    [
        (("actors", 0, "roles"), "Secretary", "expected an array"),
        (("events",), {}, "expected an array"),
        (("actors", 0, "mentions"), None, "expected an array"),
        (("dateline",), "WASHINGTON", "must be an object"),
        (("statements", 0, "speaker"), 7, "actor id"),
        (("events", 0, "trigger"), {"start": 37, "end": 42, "text": "added"}, "outside its sentence"),
        (("sentences",), [DOC["sentences"][1], DOC["sentences"][0]], "text order"),
        (("schema",), "newsmodel.article/99", "unsupported schema"),
    ],
)
def test_reported_cases_are_refused(path: tuple[Any, ...], value: Any, fragment: str) -> None:
    with pytest.raises(SerializationError, match=fragment) as info:
        newsmodel.from_dict(_set(DOC, path, value))
    assert _json_path(path).startswith(info.value.path)


def test_a_missing_schema_is_refused() -> None:
    doc = copy.deepcopy(DOC)
    del doc["schema"]
    with pytest.raises(SerializationError, match="required field missing") as info:
        newsmodel.from_dict(doc)
    assert info.value.path == "$.schema"


@pytest.mark.parametrize("depth", [10, 100_000])
def test_deep_nesting_is_a_serialization_error(depth: int) -> None:
    for doc in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
        with pytest.raises(SerializationError):
            newsmodel.from_json(doc)
    nested: Any = []
    for _ in range(depth if depth < 1000 else 5000):
        nested = [nested]
    with pytest.raises(SerializationError):
        newsmodel.from_dict(_set(DOC, ("sentences",), nested))


_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


@given(
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.characters(), max_size=40).filter(
        lambda t: not _PAIR.search(t)  # a high and a low surrogate side by side read back as one character
    )
)
def test_lone_surrogates_write_as_utf8_and_round_trip(text: str) -> None:
    a = newsmodel.parse("WASHINGTON (Reuters) - " + text)
    s = newsmodel.to_json(a)
    s.encode("utf-8")  # writable as UTF-8: surrogates are escaped
    json.loads(s)
    assert newsmodel.from_json(s) == a
    assert newsmodel.from_json(s.encode("utf-8")) == a


def test_schema_tag_is_version_3_and_versions_1_and_2_are_still_read() -> None:
    assert SCHEMA == "newsmodel.article/3" and DOC["schema"] == SCHEMA
    two = copy.deepcopy(DOC)
    two["schema"] = "newsmodel.article/2"
    for e in two["events"]:
        del e["mentions"]  # version 2 had no event mentions
    read = newsmodel.from_dict(two)
    assert read.events and all(e.mentions == () for e in read.events)
    assert list(read.events) == [attrs.evolve(e, mentions=()) for e in newsmodel.from_dict(DOC).events]
    old = copy.deepcopy(DOC)
    old["schema"] = "newsmodel.article/1"
    old["published"] = "2013-01-02T14:30:00"
    del old["published_at"]
    for s in old["statements"]:
        del s["quotes"]
    a = newsmodel.from_dict(old)
    assert str(a.published) == "2013-01-02" and a.published_at is not None and a.published_at.hour == 14
