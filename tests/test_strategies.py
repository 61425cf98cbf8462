"""newsmodel.strategies: the public hypothesis strategies draw valid, consistent values."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import newsmodel
from newsmodel import (
    Actor,
    ActorKind,
    Article,
    Dateline,
    Event,
    Mention,
    MentionKind,
    Span,
    Statement,
    StatementKind,
    TimeExpression,
    TimeKind,
)
from newsmodel import strategies as nst

TEXT = "WASHINGTON (Reuters) - Rex Tillerson said on Sunday that Russia failed."


def assert_indexes(text: str, span: Span) -> None:
    assert 0 <= span.start <= span.end <= len(text)
    assert text[span.start : span.end] == span.text


def test_importing_newsmodel_does_not_import_hypothesis() -> None:
    code = "import sys, newsmodel; newsmodel.parse('x'); sys.exit('hypothesis' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_strategies_module_imports_first_without_a_cycle() -> None:
    # newsmodel.strategies imports hypothesis, whose entry point imports newsmodel again.
    code = "import newsmodel.strategies as s; import hypothesis.strategies as st, newsmodel; st.from_type(newsmodel.Article).example()"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


@given(st.text(max_size=50).flatmap(lambda t: st.tuples(st.just(t), nst.spans(t))))
def test_spans_index_their_text(drawn: tuple[str, Span]) -> None:
    text, span = drawn
    assert_indexes(text, span)


@given(nst.spans(TEXT, min_size=3, max_size=7))
def test_spans_respect_their_sizes(span: Span) -> None:
    assert 3 <= len(span) <= 7
    assert_indexes(TEXT, span)


@given(nst.mentions(TEXT, kinds=st.just(MentionKind.PRONOUN)))
def test_mentions_are_non_empty_and_of_the_asked_kind(m: Mention) -> None:
    assert m.kind is MentionKind.PRONOUN and len(m.span) >= 1 and m.rule
    assert_indexes(TEXT, m.span)


@given(nst.actors(TEXT, countries=st.just("RUS")))
def test_actors_mentions_are_in_text_order(a: Actor) -> None:
    assert a.country == "RUS" and a.id and a.name
    assert list(a.mentions) == sorted(a.mentions, key=lambda m: m.span)
    for m in a.mentions:
        assert_indexes(TEXT, m.span)


_VALUE = {
    TimeKind.DATE: r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?|PRESENT_REF|PAST_REF|FUTURE_REF|XXXX-XX-XX|XXXX-WXX-\d",
    TimeKind.TIME: r"\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}|MO)",
    TimeKind.DURATION: r"P(\d+[DWMY]|XY)",
    TimeKind.SET: r"P1[DWMY]|XXXX-WXX-1",
}


@given(nst.time_expressions(TEXT))
def test_time_values_have_the_shape_of_their_kind(t: TimeExpression) -> None:
    assert re.fullmatch(_VALUE[t.kind], t.value), (t.kind, t.value)
    assert_indexes(TEXT, t.span)


_CAST = (
    Actor(id="rex-tillerson", name="Rex Tillerson", kind=ActorKind.PERSON, mentions=[]),
    Actor(id="russia", name="Russia", kind=ActorKind.COUNTRY, country="RUS"),
)


@given(nst.statements(TEXT, actors=_CAST))
def test_statement_speakers_are_the_given_actors(s: Statement) -> None:
    assert s.speaker is None or any(s.speaker is a for a in _CAST)
    for span in (s.source, s.cue, s.content):
        if span is not None:
            assert_indexes(TEXT, span)


@given(nst.events(TEXT, actors=_CAST, max_actors=2))
def test_event_actors_are_the_given_actors_and_the_trigger_is_in_the_sentence(e: Event) -> None:
    for a in (*e.sources, *e.targets, *([e.location] if e.location else [])):
        assert any(a is b for b in _CAST)
    assert len({a.id for a in e.sources}) == len(e.sources)
    assert e.trigger in e.sentence
    assert_indexes(TEXT, e.trigger)


@given(nst.datelines())
def test_datelines_open_a_text_with_their_written_form(d: Dateline) -> None:
    assert d.span.start == 0
    assert d.span.text.startswith(d.location)
    assert d.agency is None or f"({d.agency})" in d.span.text
    assert d.span.text.endswith(" ")


def check_article(a: Article) -> None:
    """The consistency articles() promises, beyond what Article's constructor checks."""
    text = a.text
    last = 0
    for p in a.paragraphs:
        assert last <= p.start < p.end
        last = p.end
        assert_indexes(text, p)
    for s in a.sentences:
        assert any(s in p for p in a.paragraphs)
    assert len({x.id for x in a.actors}) == len(a.actors)
    held = {id(x) for x in a.actors}
    times = {id(t) for t in a.times}
    for s in a.statements:
        assert s.speaker is None or id(s.speaker) in held
        assert s.time is None or id(s.time) in times
    for e in a.events:
        assert all(id(x) in held for x in (*e.sources, *e.targets))
        assert e.trigger in e.sentence
        if a.sentences:
            assert e.sentence in a.sentences
    if a.dateline is not None:
        assert text.startswith(a.dateline.span.text)


@given(nst.articles())
def test_articles_are_consistent(a: Article) -> None:
    check_article(a)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(nst.articles(max_actors=3))
def test_articles_round_trip_through_json_and_pickle(a: Article) -> None:
    assert newsmodel.from_json(newsmodel.to_json(a)) == a
    assert pickle.loads(pickle.dumps(a)) == a


@settings(max_examples=50)
@given(nst.articles(texts=st.just("Hello there."), datelines=st.none(), published=st.just(date(2017, 4, 9))))
def test_articles_keep_a_given_text_exactly(a: Article) -> None:
    assert a.text == "Hello there." and a.published == date(2017, 4, 9) and a.dateline is None


@pytest.mark.parametrize(
    "kind",
    [Article, Span, Dateline, Mention, Actor, TimeExpression, Statement, Event, newsmodel.Count],
)
def test_from_type_is_registered(kind: type) -> None:
    @settings(max_examples=10, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_type(kind))
    def inner(value: object) -> None:
        assert isinstance(value, kind)
        if isinstance(value, Article):
            check_article(value)

    inner()


def test_articles_shrink_towards_the_empty_article() -> None:
    a = find(nst.articles(), lambda a: True, settings=settings(database=None, max_examples=10))
    assert (a.text, a.dateline, a.published, a.headline, a.actors, a.statements) == (
        "",
        None,
        None,
        None,
        (),
        (),
    )


def test_spans_shrink_towards_the_shortest_span_at_the_start() -> None:
    assert find(nst.spans(TEXT, min_size=2), lambda s: True, settings=settings(database=None)) == Span.of(
        TEXT, 0, 2
    )


# -- eager argument validation -----------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: nst.spans(42),  # type: ignore[arg-type]
        lambda: nst.spans("abc", min_size=-1),
        lambda: nst.spans("abc", min_size=4),
        lambda: nst.spans("abc", min_size=2, max_size=1),
        lambda: nst.spans("abc", max_size=True),
        lambda: nst.mentions(""),
        lambda: nst.mentions("abc", kinds=MentionKind.NAME),  # type: ignore[arg-type]
        lambda: nst.actors("abc", max_mentions=-1),
        lambda: nst.actors("abc", names="Rex"),  # type: ignore[arg-type]
        lambda: nst.time_expressions(b"abc"),  # type: ignore[arg-type]
        lambda: nst.statements("abc", actors=["not an actor"]),  # type: ignore[list-item]
        lambda: nst.statements("abc", actors=_CAST[0]),  # type: ignore[arg-type]
        lambda: nst.statements(
            "abc", times=[TimeExpression(span=Span.of("abcdef", 3, 6), kind=TimeKind.DATE, value="2013")]
        ),
        lambda: nst.events("abc", sentences=[Span.of("xyz", 0, 3)]),
        lambda: nst.events("abc", max_actors=-2),
        lambda: nst.datelines(agencies="Reuters"),  # type: ignore[arg-type]
        lambda: nst.articles(texts="hello"),  # type: ignore[arg-type]
        lambda: nst.articles(max_actors=-1),
        lambda: nst.articles(max_events=1.5),  # type: ignore[arg-type]
        lambda: nst.news_texts(shapes=["direct", "sonnet"]),
        lambda: nst.news_texts(shapes=[]),
        lambda: nst.news_texts(shapes="direct"),
        lambda: nst.news_texts(shapes=["pronoun"]),
        lambda: nst.news_texts(shapes=["pronoun", "event"]),
        lambda: nst.news_texts(min_paragraphs=0),
        lambda: nst.news_texts(min_paragraphs=3, max_paragraphs=2),
        lambda: nst.news_texts(published=date(2017, 4, 9)),  # type: ignore[arg-type]
        lambda: nst.news_texts(dateline="yes"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_invalid_argument_at_once(call: object) -> None:
    with pytest.raises(InvalidArgument):
        call()  # type: ignore[operator]


# -- news_texts: the planted record is consistent with the text ---------------------------------


@given(nst.news_texts())
def test_news_texts_record_indexes_the_text(n: nst.NewsText) -> None:
    text = n.text
    spans: list[Span] = [*n.paragraphs, *n.sentences, *(t.span for t in n.times)]
    spans += [m.span for a in n.actors for m in a.mentions]
    spans += [x for s in n.statements for x in (s.content, s.cue, s.source)]
    spans += [x for e in n.events for x in (e.trigger, e.sentence)]
    if n.dateline is not None:
        spans.append(n.dateline.span)
        assert n.dateline.span.start == 0 and text.startswith(n.dateline.location)
    for span in spans:
        assert_indexes(text, span)
    assert "\n\n".join(p.text for p in n.paragraphs) == text
    for s in n.sentences:
        assert any(s in p for p in n.paragraphs)
    names = {a.name for a in n.actors}
    for s in n.statements:
        assert s.speaker in names
        assert s.content.text and '"' not in s.content.text and "“" not in s.content.text
        assert s.time is None or s.time in n.times
    for e in n.events:
        assert set(e.sources) | set(e.targets) <= names and not set(e.sources) & set(e.targets)
        assert e.trigger in e.sentence
    for a in n.actors:
        assert a.mentions and all(m.span.text for m in a.mentions)
        assert a.kind is not ActorKind.PERSON or a.mentions[0].span.text == a.name


@given(nst.news_texts(shapes=["dated"]))
def test_planted_time_values_follow_from_the_publication_date(n: nst.NewsText) -> None:
    pub = n.published
    assert n.times
    for t in n.times:
        words = t.span.text
        if words in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            day = date.fromisoformat(t.value)
            assert pub - timedelta(days=6) <= day <= pub and day.strftime("%A") == words
        elif words == "yesterday":
            assert t.value == (pub - timedelta(days=1)).isoformat()
        elif words.endswith("days ago"):
            assert date.fromisoformat(t.value) < pub
        elif words == "last week":
            y, w = map(int, t.value.split("-W"))
            wanted = pub if pub.weekday() == 6 else pub - timedelta(days=7)
            assert (y, w) == tuple(wanted.isocalendar()[:2])
        elif re.fullmatch(r"\d{4}", words):
            assert t.value == words and int(words) < pub.year
        elif words == "last year":
            assert t.value == str(pub.year - 1)
        else:  # "March 3, 2017" or "March 2017"
            assert t.value[:4] in words


@given(nst.news_texts(shapes=["direct", "pronoun"], max_paragraphs=1))
def test_pronoun_follow_ups_follow_a_statement_by_the_same_person(n: nst.NewsText) -> None:
    for prev, s in zip(n.statements, n.statements[1:], strict=False):
        if s.shape == "pronoun":
            assert prev.speaker == s.speaker and s.source.text in ("he", "she")
    assert n.statements[0].shape != "pronoun"


def test_news_texts_shrink_towards_one_short_sentence() -> None:
    n = find(nst.news_texts(), lambda n: True, settings=settings(database=None, max_examples=10))
    assert n.dateline is None and len(n.paragraphs) == 1 and len(n.sentences) == 1 and not n.times
    assert n.published == date(2000, 1, 1) and n.statements[0].shape == "direct"


def test_news_texts_can_be_restricted_to_shapes() -> None:
    @settings(max_examples=20, database=None)
    @given(nst.news_texts(shapes=["event"], dateline=False))
    def inner(n: nst.NewsText) -> None:
        assert n.dateline is None and not n.statements and n.events
        assert all(s.kind is StatementKind.DIRECT for s in n.statements)

    inner()


# -- issue 12: what the strategies draw agrees with what parse returns ----------------------------


@given(nst.articles(texts=st.text(max_size=40), datelines=st.none()))
def test_articles_draw_published_as_parse_keeps_it(article: Article) -> None:
    assert article.published is None or type(article.published) is date
    if article.published_at is not None:
        assert article.published == article.published_at.date()
    given_ = article.published_at or article.published
    parsed = newsmodel.parse(article.text, published=given_)
    assert (parsed.published, parsed.published_at) == (article.published, article.published_at)


def test_articles_draw_date_times_too() -> None:
    quick = settings(phases=[Phase.generate], database=None)
    a = find(
        nst.articles(texts=st.just("x"), datelines=st.none()),
        lambda a: a.published_at is not None,
        settings=quick,
    )
    assert a.published == a.published_at.date()  # type: ignore[union-attr]


@pytest.mark.parametrize("mark", [".", "'", ","])
def test_actor_names_have_the_punctuation_real_names_have(mark: str) -> None:
    quick = settings(phases=[Phase.generate], database=None, max_examples=2000)  # found, not shrunk
    actor = find(nst.actors(TEXT), lambda a: mark in a.name, settings=quick)
    assert mark in actor.name


@given(nst.statements(TEXT))
def test_statement_quotes_lie_in_order_inside_the_content(s: Statement) -> None:
    if s.kind is StatementKind.INDIRECT:
        assert s.quotes == ()
    for q in s.quotes:
        assert q in s.content
        assert_indexes(TEXT, q)
    assert all(a.end <= b.start for a, b in zip(s.quotes, s.quotes[1:], strict=False))


def test_import_without_hypothesis_says_what_to_install() -> None:
    code = "import sys; sys.modules['hypothesis'] = None; import newsmodel; import newsmodel.strategies"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "pip install 'newsmodel[hypothesis]'" in proc.stderr.splitlines()[-1]


def test_the_package_keeps_the_public_names() -> None:
    from newsmodel.strategies import model, news

    for name in nst.__all__:
        assert getattr(nst, name) is getattr(model, name, None) or getattr(nst, name) is getattr(news, name)
