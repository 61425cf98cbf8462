"""The fast path of ``from_dict``: documents as ``to_dict`` writes them are read in one pass, and it
accepts nothing the strict reader refuses, nor reads anything differently."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import Article, SerializationError, serialize
from newsmodel._fastread import Irregular, read_article
from newsmodel.strategies import articles

from .test_model import small_article

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


def strict(doc: Any) -> Article:
    return serialize._read_article(doc)


def test_a_document_as_to_dict_writes_it_takes_the_fast_path(
    seed_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(doc: Any) -> Article:
        raise AssertionError("the strict reader was used")

    monkeypatch.setattr(serialize, "_read_article", refuse)
    for article in (seed_article, small_article()):
        again = newsmodel.from_json(newsmodel.to_json(article))
        assert again == article
        assert newsmodel.to_json(again) == newsmodel.to_json(article)
        assert {id(s.speaker) for s in again.statements if s.speaker} <= {id(a) for a in again.actors}


def test_other_documents_take_the_strict_path(seed_article: Article) -> None:
    doc = newsmodel.to_dict(seed_article)
    del doc["headline"]  # a key with a default, left out
    with pytest.raises(Irregular):
        read_article(doc, serialize.SCHEMA)
    assert newsmodel.from_dict(doc) == seed_article
    with pytest.raises(SerializationError, match="unknown key 'extra'"):
        newsmodel.from_dict({**newsmodel.to_dict(seed_article), "extra": 1})


def test_faults_are_named_as_before(seed_article: Article) -> None:
    doc = json.loads(newsmodel.to_json(seed_article))
    doc["actors"][1]["mentions"][0]["kind"] = "NAMED"
    with pytest.raises(SerializationError) as err:
        newsmodel.from_dict(doc)
    assert err.value.path == "$.actors[1].mentions[0].kind"
    doc = json.loads(newsmodel.to_json(seed_article))
    doc["sentences"][0]["text"] = doc["sentences"][0]["text"].upper()
    with pytest.raises(SerializationError, match="does not match the article text"):
        newsmodel.from_dict(doc)


def _set(doc: Any, path: list[str | int], value: object) -> None:
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    out = [path] if path else []
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


ODD = st.sampled_from([None, [], {}, "x", "", -7, 0, 3, 2**70, 3.5, True, "ASSERTED", "PERSON", {"a": 1}])


@SLOW
@given(articles(max_actors=3, max_statements=2, max_events=2), st.data())
def test_the_fast_path_agrees_with_the_strict_reader(article: Article, data: st.DataObject) -> None:
    doc = json.loads(json.dumps(newsmodel.to_dict(article)))
    for _ in range(data.draw(st.integers(0, 2), label="changes")):
        path = data.draw(st.sampled_from(_paths(doc)), label="path")
        _set(doc, list(path), data.draw(ODD, label="value"))
    try:
        expected: Article | None = strict(doc)
    except Exception:  # the strict reader refuses it: so must the fast path
        expected = None
    try:
        fast: Article | None = read_article(doc, serialize.SCHEMA)
    except Exception:
        fast = None  # the fast path may leave any document to the strict reader
    if fast is not None:
        assert expected is not None, "the fast path accepted what the strict reader refuses"
        assert fast == expected
        assert newsmodel.to_json(fast) == newsmodel.to_json(expected)


@SLOW
@given(articles(max_actors=3, max_statements=3, max_events=3))
def test_every_document_to_dict_writes_takes_the_fast_path(article: Article) -> None:
    # A field added to the model and written by to_dict must be read here too: until it is, this
    # fails (the fast path would leave every such document to the strict reader).
    doc = json.loads(json.dumps(newsmodel.to_dict(article)))
    fast = read_article(doc, serialize.SCHEMA)
    assert fast == article
    assert newsmodel.to_json(fast) == newsmodel.to_json(article)


@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=60))
def test_escape_surrogates_escapes_each_lone_surrogate_and_nothing_else(text: str) -> None:
    expected = serialize._SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    escaped = serialize.escape_surrogates(text)
    assert escaped == expected
    escaped.encode("utf-8")
    assert (escaped is text) == (expected == text)
