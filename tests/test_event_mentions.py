"""Event.mentions (issue 14): the other words that name one act, recorded on the event that
carries it; the model's checks, JSON, export and strategies agree."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import Event, InvalidArgumentError, InvalidArticleError, Span, export
from newsmodel.strategies import articles


def parse(text: str) -> newsmodel.Article:
    return newsmodel.parse(text, published="2020-03-04")


def test_a_later_definite_mention_is_recorded_on_the_first_event() -> None:
    text = (
        "Russia arrested two Georgian journalists on Monday. "
        "Georgia protested after Monday's arrest of the Georgian journalists by Russia."
    )
    coerce = next(e for e in parse(text).events if e.kind.name == "COERCE")
    assert coerce.trigger.text == "arrested"
    assert [(m.text, m.start) for m in coerce.mentions] == [("arrest", text.index("arrest of"))]


def test_a_verb_placed_in_the_mention_is_recorded_too_in_text_order() -> None:
    text = "Russia attacked Georgia on Monday. Five soldiers were killed in Monday's attack, Georgia said."
    (e,) = parse(text).events
    assert e.trigger.text == "attacked"
    assert [m.text for m in e.mentions] == ["killed", "attack"]
    assert [m.start for m in e.mentions] == sorted(m.start for m in e.mentions)


def test_the_object_of_a_response_is_a_mention_of_the_act_it_answers() -> None:
    text = "Police in Ruritania detained Anna Weber on Monday. Germany condemned the detention."
    got = parse(text).events
    detained = next(e for e in got if e.kind.name == "COERCE")
    assert [m.text for m in detained.mentions] == ["detention"]
    assert [e.kind.name for e in got] == ["COERCE", "ACCUSE"]


def test_a_second_name_in_the_sentence_is_a_mention() -> None:
    (e,) = parse("Austria hosted Hungary for a meeting on trade.").events
    assert (e.kind.name, e.trigger.text, [m.text for m in e.mentions]) == ("CONSULT", "hosted", ["meeting"])


def test_an_act_named_once_has_no_mentions() -> None:
    got = parse("Russia arrested two journalists. An arrest of a French diplomat by Poland followed.").events
    assert [e.mentions for e in got] == [(), ()]


def test_the_model_checks_mentions() -> None:
    text = "Russia attacked Georgia. The attack was condemned."
    sentence = Span.of(text, 0, 23)
    trigger = Span.of(text, 7, 15)
    later = Span.of(text, 28, 34)
    base = {
        "kind": newsmodel.EventKind.ASSAULT,
        "trigger": trigger,
        "sources": (),
        "targets": (),
        "location": None,
        "time": None,
        "mode": newsmodel.EventMode.ASSERTED,
        "sentence": sentence,
    }
    assert Event(**base, mentions=[later]).mentions == (later,)  # a list becomes a tuple
    assert Event(**base).mentions == ()
    with pytest.raises(InvalidArticleError, match="Event.mentions"):
        Event(**base, mentions=(later, Span.of(text, 7, 15)))  # out of order
    with pytest.raises(InvalidArticleError, match="Event.mentions"):
        Event(**base, mentions=(later, later))  # twice
    with pytest.raises(InvalidArgumentError, match="mentions"):
        Event(**base, mentions="attack")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="Event.mentions must be a tuple of Span"):
        Event(**base, mentions=[(28, 34)])  # type: ignore[list-item]


def test_an_article_refuses_a_mention_that_disagrees_with_its_text() -> None:
    a = parse("Russia attacked Georgia on Monday. Five soldiers were killed in Monday's attack.")
    (e,) = a.events
    wrong = attrs.evolve(e, mentions=(Span(start=40, end=46, text="xxxxxx"),))
    with pytest.raises(InvalidArticleError, match=r"events\[0\]\.mentions\[0\]"):
        attrs.evolve(a, events=(wrong,))


def test_mentions_round_trip_through_json_and_export() -> None:
    a = parse("Russia attacked Georgia on Monday. Five soldiers were killed in Monday's attack.")
    doc = newsmodel.to_dict(a)
    assert [m["text"] for m in doc["events"][0]["mentions"]] == ["killed", "attack"]
    assert newsmodel.from_dict(doc) == a
    (record,) = export.events(a)
    assert record["mentions"] == "killed … attack"
    assert tuple(record) == export.COLUMNS["events"]


@given(articles())
def test_drawn_articles_have_ordered_mentions_that_round_trip(article: newsmodel.Article) -> None:
    for e in article.events:
        starts = [m.start for m in e.mentions]
        assert starts == sorted(set(starts))
        assert all(article.text[m.start : m.end] == m.text for m in e.mentions)
    assert newsmodel.from_json(newsmodel.to_json(article)) == article


@given(st.text(max_size=200))
def test_parsed_mentions_index_the_text(text: str) -> None:
    a = newsmodel.parse(text)
    for e in a.events:
        assert all(a.text[m.start : m.end] == m.text for m in e.mentions)


def test_both_and_all_make_a_mention_definite() -> None:
    text = "Russia shelled Georgian villages on Monday and Tuesday. Both attacks were condemned by Georgia."
    got = parse(text).events
    assert (got[0].kind.name, got[0].trigger.text) == ("ASSAULT", "shelled")
    assert [m.text for m in got[0].mentions] == ["attacks"]
    assert not any(e.trigger.text == "attacks" for e in got)


def test_a_possessive_makes_a_mention_definite() -> None:
    text = "U.S. agents deported five Iraqi nationals on Monday. A judge halted the Iraqis' deportation."
    got = parse(text).events
    deported = next(e for e in got if e.trigger.text == "deported")
    assert [m.text for m in deported.mentions] == ["deportation"]
    assert [e.trigger.text for e in got].count("deportation") == 0
