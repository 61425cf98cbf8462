"""Trusted construction: the parser builds its article without the constructors' checks, the public
constructors keep them, and what the parser builds passes them all the same."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from datetime import date

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    Actor,
    ActorKind,
    Article,
    Count,
    CountKind,
    Dateline,
    Event,
    EventKind,
    EventMode,
    InvalidArgumentError,
    InvalidArticleError,
    InvalidSpanError,
    Mention,
    MentionKind,
    Span,
    Statement,
    StatementKind,
    TimeExpression,
    TimeKind,
    _model_checks,
    _trusted,
)
from newsmodel.actors import ActorFinder
from newsmodel.strategies import news_texts

from .test_model import small_article

SLOW = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
MODEL = (Span, Mention, Actor, Dateline, TimeExpression, Statement, Count, Event, Article)


def parts(article: Article) -> Iterator[object]:
    """Every object of the article's graph (spans, mentions, actors ... and the article)."""
    yield article
    if article.dateline is not None:
        yield from (article.dateline, article.dateline.span)
    yield from (*article.paragraphs, *article.sentences)
    for a in article.actors:
        yield a
        for m in a.mentions:
            yield from (m, m.span)
    for t in article.times:
        yield from (t, t.span)
    for s in article.statements:
        yield from (s, s.content, *s.quotes)
        yield from (x for x in (s.source, s.cue) if x is not None)
        if s.time is not None:
            yield from (s.time, s.time.span)
    for e in article.events:
        yield from (e, e.trigger, e.sentence)
        for c in e.counts:
            yield from (c, c.span)
        if e.time is not None:
            yield from (e.time, e.time.span)


def recheck(article: Article) -> None:
    """Run every check the public constructors would have run on the article's graph."""
    for obj in parts(article):
        obj.__attrs_post_init__()  # type: ignore[attr-defined]


class _OwnActors(ActorFinder):
    """A stage of one's own (here, the shipped one under another class)."""


def count_checks(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = dict.fromkeys((cls.__name__ for cls in MODEL), 0)
    for cls in MODEL:
        check = cls.__attrs_post_init__

        def counted(self: object, check: object = check, name: str = cls.__name__) -> None:
            calls[name] += 1
            check(self)  # type: ignore[operator]

        monkeypatch.setattr(cls, "__attrs_post_init__", counted)
    return calls


TEXT = (
    "Russian Foreign Minister Sergei Lavrov accused the United States on Sunday of violating "
    "international law. “We will not accept this,” Lavrov told reporters in Moscow, "
    "adding that talks with Iran would go on. Police arrested 12 protesters."
)


def test_the_parser_builds_its_article_without_the_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = newsmodel.Parser()
    parser.parse(TEXT, published="2017-04-09")  # patterns compiled, tables built
    calls = count_checks(monkeypatch)
    article = parser.parse(TEXT, published="2017-04-09")
    assert article.actors and article.statements and article.events and article.times
    assert calls == dict.fromkeys(calls, 0)
    recheck(article)  # and the article passes them all


def test_a_stage_of_ones_own_gets_the_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = newsmodel.Parser(actors=_OwnActors())
    parser.parse(TEXT, published="2017-04-09")
    refused: list[Article] = []
    monkeypatch.setattr(_model_checks, "check_article", refused.append)
    article = parser.parse(TEXT, published="2017-04-09")
    assert refused == [article]
    refused.clear()
    newsmodel.Parser().parse(TEXT, published="2017-04-09")
    assert refused == []


def test_the_public_constructors_still_refuse_bad_input() -> None:
    with pytest.raises(InvalidSpanError):
        Span(start=3, end=1, text="")
    with pytest.raises(InvalidSpanError):
        Span.of("abc", 2, 9)
    span = Span(start=0, end=3, text="Abc")
    with pytest.raises(InvalidArgumentError, match="Mention.kind"):
        Mention(span=span, kind="NAME", rule="r")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="Actor.roles"):
        Actor(id="a", name="A", kind=ActorKind.PERSON, roles=[1])  # type: ignore[list-item]
    with pytest.raises(InvalidArticleError, match="does not match the article text"):
        Article(text="xyz", sentences=[span])
    with pytest.raises(InvalidArticleError, match="outside its sentence"):
        Event(
            kind=EventKind.ACCUSE,
            trigger=Span(start=5, end=6, text="b"),
            sources=(),
            targets=(),
            location=None,
            time=None,
            mode=EventMode.ASSERTED,
            sentence=span,
        )


def test_trusted_objects_equal_checked_ones() -> None:
    a = small_article()
    for obj in parts(a):
        cls = type(obj)
        fields = {f.name: getattr(obj, f.name) for f in attrs.fields(cls)}
        build = getattr(
            _trusted, {"TimeExpression": "time_expression"}.get(cls.__name__, cls.__name__.lower())
        )
        made = build(**fields)
        assert type(made) is cls
        assert made == obj and hash(made) == hash(obj)
    # defaults and converters as the public constructor has them (a list becomes a tuple)
    actor = _trusted.actor(id="x", name="X", kind=ActorKind.GROUP, roles=["r"])
    assert actor == Actor(id="x", name="X", kind=ActorKind.GROUP, roles=("r",))
    assert actor.roles == ("r",) and actor.mentions == () and actor.country is None
    assert _trusted.span_of("abcd", 1, 3) == Span.of("abcd", 1, 3)
    t = _trusted.time_expression(span=Span.of("May", 0, 3), kind=TimeKind.DATE, value="XXXX-05")
    assert t == TimeExpression(span=Span.of("May", 0, 3), kind=TimeKind.DATE, value="XXXX-05")
    c = _trusted.count(kind=CountKind.KILLED, number=2, span=Span.of("two", 0, 3))
    assert c == Count(kind=CountKind.KILLED, number=2, span=Span.of("two", 0, 3))
    m = _trusted.mention(span=Span.of("he", 0, 2), kind=MentionKind.PRONOUN)
    assert m.rule == ""
    # the mention and its span in one call: every field set, equal and hashing as the checked one
    m = _trusted.mention_of("so he said", 3, 5, MentionKind.PRONOUN, "pronoun-he")
    checked = Mention(span=Span.of("so he said", 3, 5), kind=MentionKind.PRONOUN, rule="pronoun-he")
    assert m == checked and hash(m) == hash(checked) and m.span.text == "he"
    roles, mentions = ("r",), (checked,)
    actor = _trusted.parsed_actor(id="x", name="X", kind=ActorKind.GROUP, roles=roles, mentions=mentions)
    assert actor == Actor(id="x", name="X", kind=ActorKind.GROUP, roles=roles, mentions=mentions)
    assert actor.roles is roles and actor.mentions is mentions
    s = _trusted.statement(
        speaker=None, source=None, cue=None, content=Span.of("hi", 0, 2), kind=StatementKind.DIRECT
    )
    assert s == Statement(
        speaker=None, source=None, cue=None, content=Span.of("hi", 0, 2), kind=StatementKind.DIRECT
    )


def test_trusted_construction_does_not_check() -> None:
    # what the callers vouch for is not checked again: that is the saving
    assert _trusted.span(start=3, end=1, text="").end == 1
    assert _trusted.article(text="xyz", sentences=[Span.of("abc", 0, 3)]).sentences[0].text == "abc"


def test_the_seed_article_passes_every_check(seed_article: Article) -> None:
    recheck(seed_article)
    assert Article(**{f.name: getattr(seed_article, f.name) for f in attrs.fields(Article)}) == seed_article


@SLOW
@given(news_texts(), st.none() | st.dates(date(1980, 1, 1), date(2030, 12, 31)))
def test_what_the_parser_builds_passes_every_check(
    n: newsmodel.strategies.NewsText, published: date | None
) -> None:
    recheck(newsmodel.parse(n.text, published=published or n.published))


@given(st.text(max_size=400))
def test_any_text_parses_into_an_article_that_passes_every_check(text: str) -> None:
    recheck(newsmodel.parse(text))


def test_pickles_restore_each_object_in_one_call_and_keep_the_graph(seed_article: Article) -> None:
    data = pickle.dumps(seed_article, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"restore_span" in data and b"__setstate__" not in data
    again = pickle.loads(data)
    assert again == seed_article and hash(again) == hash(seed_article)
    assert newsmodel.to_json(again) == newsmodel.to_json(seed_article)
    held = {id(a) for a in again.actors}
    assert all(id(s.speaker) in held for s in again.statements if s.speaker is not None)
    assert all(id(a) in held for e in again.events for a in (*e.sources, *e.targets))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(seed_article, protocol=protocol)) == seed_article


def test_pickles_written_with_attrs_state_still_load(seed_article: Article) -> None:
    # what earlier versions wrote: the object, then attrs' __getstate__ for __setstate__
    for obj in parts(seed_article):
        cls = type(obj)
        state = obj.__getstate__()  # type: ignore[attr-defined]
        old = object.__new__(cls)
        old.__setstate__(state)  # type: ignore[attr-defined]
        assert old == obj


@attrs.frozen(kw_only=True, order=True, repr=False)
class _OwnSpan(Span):
    """A subclass of one's own: it pickles as attrs pickles it, and comes back as itself."""


def test_a_subclass_pickles_as_itself() -> None:
    span = _OwnSpan(start=0, end=2, text="ab")
    again = pickle.loads(pickle.dumps(span))
    assert type(again) is _OwnSpan and again == span
