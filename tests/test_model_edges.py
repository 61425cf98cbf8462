"""The model at its edges (issue 12): linear equality, one ``published`` type, typed errors for
wrong types everywhere in the public API, invariants checked on construction, parser identity."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    Actor,
    ActorKind,
    Article,
    Event,
    EventKind,
    EventMode,
    InvalidArticleError,
    Mention,
    MentionKind,
    NewsmodelError,
    Parser,
    Span,
    Statement,
    StatementKind,
)

from .test_model import small_article


def _big_article(n: int) -> Article:
    """``n`` sentences "A x.", one actor mentioned in each, one event and one statement per sentence."""
    text = "A x. " * n
    a = Actor(
        id="a",
        name="A",
        kind=ActorKind.PERSON,
        mentions=[Mention(span=Span.of(text, 5 * i, 5 * i + 1), kind=MentionKind.NAME) for i in range(n)],
    )
    sentences = [Span.of(text, 5 * i, 5 * i + 4) for i in range(n)]
    return Article(
        text=text,
        sentences=sentences,
        actors=[a],
        events=[
            Event(
                kind=EventKind.ACCUSE,
                trigger=Span.of(text, 5 * i + 2, 5 * i + 3),
                sources=[a],
                targets=[a],
                location=a,
                time=None,
                mode=EventMode.ASSERTED,
                sentence=sentences[i],
            )
            for i in range(n)
        ],
        statements=[
            Statement(
                speaker=a,
                source=None,
                cue=None,
                content=Span.of(text, 5 * i + 2, 5 * i + 3),
                kind=StatementKind.INDIRECT,
            )
            for i in range(n)
        ],
    )


@given(st.integers(min_value=1, max_value=80))
def test_equality_compares_each_mention_once(n: int) -> None:
    # Counting comparisons, not timing them: equality must be linear in the size of the article,
    # so each of the n mentions is compared once, not once per event and statement (n * n).
    a = _big_article(n)
    b = newsmodel.from_dict(newsmodel.to_dict(a))  # equal, but no object is shared
    calls = 0
    original = Mention.__eq__

    def counting(self: Mention, other: object) -> bool:
        nonlocal calls
        calls += 1
        return original(self, other)

    Mention.__eq__ = counting  # type: ignore[method-assign,assignment]
    try:
        assert a == b
        assert hash(a) == hash(b)
    finally:
        Mention.__eq__ = original  # type: ignore[method-assign]
    assert calls <= n


def test_events_and_statements_compare_actors_by_id() -> None:
    a = small_article()
    rex = a.actors[0]
    other_rex = Actor(id=rex.id, name="Someone else", kind=ActorKind.PERSON)
    s = a.statements[0]
    same = Statement(
        speaker=other_rex, source=s.source, cue=s.cue, content=s.content, kind=s.kind, rule=s.rule
    )
    assert same == s and hash(same) == hash(s)


class TestPublished:
    def test_article_refuses_a_string_or_a_number(self) -> None:
        for bad in ("2017-04-09", 5, 2017.4):
            with pytest.raises(InvalidArticleError, match="Article.published must be a date"):
                Article(text="x", published=bad)  # type: ignore[arg-type]

    def test_a_datetime_goes_in_published_at(self) -> None:
        with pytest.raises(InvalidArticleError, match="published_at"):
            Article(text="x", published=datetime(2017, 4, 9, 10))
        a = Article(text="x", published=date(2017, 4, 9), published_at=datetime(2017, 4, 9, 10))
        assert newsmodel.from_json(newsmodel.to_json(a)) == a

    def test_published_at_must_agree_with_published(self) -> None:
        with pytest.raises(InvalidArticleError, match=r"published_at.date\(\)"):
            Article(text="x", published=date(2017, 4, 8), published_at=datetime(2017, 4, 9, 10))
        with pytest.raises(InvalidArticleError, match="published_at"):
            Article(text="x", published_at=date(2017, 4, 9))  # type: ignore[arg-type]


class TestInvariants:
    def test_sentences_out_of_order_are_refused(self) -> None:
        text = "One. Two."
        with pytest.raises(InvalidArticleError, match=r"sentences\[1\].*text order"):
            Article(text=text, sentences=[Span.of(text, 5, 9), Span.of(text, 0, 4)])

    def test_overlapping_paragraphs_are_refused(self) -> None:
        text = "One. Two."
        with pytest.raises(InvalidArticleError, match=r"paragraphs\[1\]"):
            Article(text=text, paragraphs=[Span.of(text, 0, 6), Span.of(text, 5, 9)])

    def test_mentions_out_of_order_are_refused(self) -> None:
        text = "A and A."
        a = Actor(
            id="a",
            name="A",
            kind=ActorKind.PERSON,
            mentions=[
                Mention(span=Span.of(text, 6, 7), kind=MentionKind.NAME),
                Mention(span=Span.of(text, 0, 1), kind=MentionKind.NAME),
            ],
        )
        with pytest.raises(InvalidArticleError, match=r"actors\[0\].mentions\[1\]"):
            Article(text=text, actors=[a])

    def test_event_trigger_outside_its_sentence_is_refused(self) -> None:
        text = "One. Two."
        with pytest.raises(InvalidArticleError, match="outside its sentence"):
            Event(
                kind=EventKind.AID,
                trigger=Span.of(text, 5, 8),
                sources=(),
                targets=(),
                location=None,
                time=None,
                mode=EventMode.ASSERTED,
                sentence=Span.of(text, 0, 4),
            )

    def test_roles_must_be_a_sequence_not_a_string(self) -> None:
        with pytest.raises(NewsmodelError, match="roles must be a list or tuple"):
            Actor(id="a", name="A", kind=ActorKind.PERSON, roles="Secretary")  # type: ignore[arg-type]


# -- every public function, given a wrong type, raises a NewsmodelError ---------------------------

_WRONG = st.one_of(
    st.floats(allow_nan=False),
    st.binary(max_size=4),
    st.lists(st.integers(), min_size=1, max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), min_size=1, max_size=2),
    st.tuples(st.integers()),
    st.booleans(),
    st.builds(object),
    st.sets(st.integers(), min_size=1, max_size=2),
)
_WRONG_OR_STR = _WRONG | st.text(max_size=5)


def _calls() -> dict[str, tuple[Callable[[Any], object], st.SearchStrategy[Any]]]:
    a = small_article()
    parser = newsmodel.parser.default_parser()
    return {
        "parse(text)": (lambda v: newsmodel.parse(v), _WRONG),
        "parse(published)": (lambda v: newsmodel.parse("x", published=v), _WRONG_OR_STR),
        "parse(headline)": (lambda v: newsmodel.parse("x", headline=v), _WRONG),
        "Parser.parse(text)": (lambda v: parser.parse(v), _WRONG),
        "to_json": (lambda v: newsmodel.to_json(v), _WRONG_OR_STR),
        "to_json(indent)": (lambda v: newsmodel.to_json(a, indent=v), _WRONG_OR_STR),
        "to_dict": (lambda v: newsmodel.to_dict(v), _WRONG_OR_STR),
        "from_json": (lambda v: newsmodel.from_json(v), _WRONG_OR_STR),
        "from_dict": (lambda v: newsmodel.from_dict(v), _WRONG_OR_STR),
        "mention_at": (lambda v: a.mention_at(v), _WRONG_OR_STR),
        "sentence_at": (lambda v: a.sentence_at(v), _WRONG_OR_STR),
        "paragraph_at": (lambda v: a.paragraph_at(v), _WRONG_OR_STR),
        "statements_by": (lambda v: a.statements_by(v), _WRONG),
        "events_involving": (lambda v: a.events_involving(v), _WRONG),
        "actor": (lambda v: a.actor(v), _WRONG),
        "actors_named": (lambda v: a.actors_named(v), _WRONG),
        "span": (lambda v: a.span(v, 1), _WRONG_OR_STR),
        "Span.of": (lambda v: Span.of(v, 0, 0), _WRONG),
        "Span.overlaps": (lambda v: Span.of("ab", 0, 1).overlaps(v), _WRONG_OR_STR),
        "Span(start)": (lambda v: Span(start=v, end=1, text="x"), _WRONG_OR_STR),
        "Article(text)": (lambda v: Article(text=v), _WRONG),
        "Article(headline)": (lambda v: Article(text="x", headline=v), _WRONG),
        "Article(published)": (lambda v: Article(text="x", published=v), _WRONG_OR_STR),
        "Article(published_at)": (lambda v: Article(text="x", published_at=v), _WRONG_OR_STR),
        "Article(dateline)": (lambda v: Article(text="x", dateline=v), _WRONG_OR_STR),
        "Article(sentences)": (lambda v: Article(text="x", sentences=v), _WRONG_OR_STR),
        "Article(actors)": (lambda v: Article(text="x", actors=v), _WRONG_OR_STR),
        "Article(statements)": (lambda v: Article(text="x", statements=v), _WRONG_OR_STR),
        "Article(events)": (lambda v: Article(text="x", events=v), _WRONG_OR_STR),
        "Article(times)": (lambda v: Article(text="x", times=v), _WRONG_OR_STR),
        "Mention(kind)": (lambda v: Mention(span=Span.of("x", 0, 1), kind=v), _WRONG_OR_STR),
        "Actor(id)": (lambda v: Actor(id=v, name="A", kind=ActorKind.PERSON), _WRONG),
        "Actor(kind)": (lambda v: Actor(id="a", name="A", kind=v), _WRONG_OR_STR),
        "Actor(roles)": (lambda v: Actor(id="a", name="A", kind=ActorKind.PERSON, roles=v), _WRONG_OR_STR),
        "Actor(mentions)": (
            lambda v: Actor(id="a", name="A", kind=ActorKind.PERSON, mentions=v),
            _WRONG_OR_STR,
        ),
    }


_CALLS = _calls()


@pytest.mark.parametrize("name", sorted(_CALLS))
@given(data=st.data())
def test_every_public_call_given_a_wrong_type_raises_a_newsmodel_error(
    name: str, data: st.DataObject
) -> None:
    call, wrong = _CALLS[name]
    value = data.draw(wrong, label="value")
    try:
        call(value)
    except NewsmodelError:
        pass
    except KeyError:  # actor(id) of no actor: the documented KeyError, only for a str
        assert name == "actor" and isinstance(value, str)
    except Exception as exc:  # the assertion is that nothing else escapes
        pytest.fail(f"{name}({value!r}) raised {type(exc).__name__}: {exc}")


def test_parser_is_hashable_and_compares_by_identity() -> None:
    p = Parser()
    assert hash(p) == hash(p) and p == p
    assert {p: 1}[p] == 1
    assert p != Parser()  # documented: stages hold rule tables, which are not compared
    q = pickle.loads(pickle.dumps(p))
    assert hash(q) == hash(q) and q.parse("BEIJING - Talks ended.") == p.parse("BEIJING - Talks ended.")
