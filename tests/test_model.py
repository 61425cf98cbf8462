"""The model: validation of spans and articles, reprs, lookups, immutability."""

from __future__ import annotations

import pickle

import attrs
import pytest

import newsmodel
from newsmodel import (
    Actor,
    ActorKind,
    Article,
    Dateline,
    Event,
    EventKind,
    EventMode,
    InvalidArticleError,
    InvalidSpanError,
    Mention,
    MentionKind,
    NewsmodelError,
    Span,
    Statement,
    StatementKind,
    TimeExpression,
    TimeKind,
)

TEXT = "Rex Tillerson said Russia failed. He added more."


def span(start: int, end: int, text: str = TEXT) -> Span:
    return Span.of(text, start, end)


def small_article() -> Article:
    rex = Actor(
        id="rex-tillerson",
        name="Rex Tillerson",
        kind=ActorKind.PERSON,
        country="USA",
        mentions=[
            Mention(span=span(0, 13), kind=MentionKind.NAME),
            Mention(span=span(34, 36), kind=MentionKind.PRONOUN),
        ],
    )
    russia = Actor(
        id="russia",
        name="Russia",
        kind=ActorKind.COUNTRY,
        country="RUS",
        mentions=[Mention(span=span(19, 25), kind=MentionKind.NAME)],
    )
    said = TimeExpression(
        span=span(14, 18), kind=TimeKind.DATE, value="XXXX"
    )  # not a real time; any span will do
    return Article(
        text=TEXT,
        paragraphs=[span(0, len(TEXT))],
        sentences=[span(0, 33), span(34, len(TEXT))],
        actors=[rex, russia],
        statements=[
            Statement(
                speaker=rex,
                source=span(0, 13),
                cue=span(14, 18),
                content=span(19, 32),
                kind=StatementKind.INDIRECT,
                rule="test",
            )
        ],
        events=[
            Event(
                kind=EventKind.ACCUSE,
                trigger=span(14, 18),
                sources=[rex],
                targets=[russia],
                location=None,
                time=None,
                mode=EventMode.ASSERTED,
                sentence=span(0, 33),
            )
        ],
        times=[said],
    )


class TestSpan:
    def test_of_takes_its_text(self) -> None:
        s = Span.of("hello world", 6, 11)
        assert (s.start, s.end, s.text) == (6, 11, "world")
        assert len(s) == 5

    @pytest.mark.parametrize(
        ("start", "end", "text", "fragment"),
        [
            (-1, 2, "abc", "never negative"),
            (3, 2, "", "before Span.start"),
            (0, 3, "ab", "covers 3"),
        ],
    )
    def test_inconsistent_spans_are_refused(self, start: int, end: int, text: str, fragment: str) -> None:
        with pytest.raises(InvalidSpanError, match=fragment) as info:
            Span(start=start, end=end, text=text)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, NewsmodelError)

    def test_non_int_offsets_are_refused(self) -> None:
        with pytest.raises(InvalidSpanError, match="Span.start must be an int"):
            Span(start="0", end=1, text="a")  # type: ignore[arg-type]
        with pytest.raises(InvalidSpanError, match="Span.end must be an int"):
            Span(start=0, end=True, text="a")

    def test_of_refuses_offsets_outside_the_text(self) -> None:
        with pytest.raises(InvalidSpanError, match="does not lie inside"):
            Span.of("abc", 1, 9)

    def test_spans_sort_hash_and_contain(self) -> None:
        a, b, c = span(0, 3), span(0, 13), span(19, 25)
        assert sorted([c, b, a]) == [a, b, c]
        assert len({a, span(0, 3)}) == 1
        assert a in b and c not in b and 2 in a and 3 not in a
        assert a.overlaps(b) and not a.overlaps(c)

    def test_is_frozen_and_keyword_only(self) -> None:
        s = span(0, 3)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            s.start = 1  # type: ignore[misc]
        with pytest.raises(TypeError):
            Span(0, 3, "Rex")  # type: ignore[misc]

    def test_repr_is_short(self) -> None:
        long = Span.of("x" * 500, 0, 500)
        assert len(repr(long)) < 80
        assert repr(span(0, 3)) == "Span(0, 3, 'Rex')"


class TestArticle:
    def test_valid_article_builds_and_answers_lookups(self) -> None:
        a = small_article()
        rex = a.actor("rex-tillerson")
        assert rex.name == "Rex Tillerson"
        assert a.statements_by(rex) == a.statements
        assert a.statements_by("russia") == ()
        assert a.events_involving("russia") == a.events
        assert a.sentence_at(40) == a.sentences[1]
        assert a.sentence_at(a.statements[0].content) == a.sentences[0]
        assert a.sentence_at(33) is None  # the space between sentences
        assert a.paragraph_at(0) == a.paragraphs[0]
        assert a.actors_named("rex tillerson") == (rex,)
        found = a.mention_at(35)
        assert found is not None and found[0] is rex and found[1].kind is MentionKind.PRONOUN
        with pytest.raises(KeyError):
            a.actor("nobody")

    def test_span_outside_the_text_is_named(self) -> None:
        with pytest.raises(InvalidArticleError, match=r"sentences\[0\].*past the end"):
            Article(text="short", sentences=[Span(start=0, end=9, text="x" * 9)])

    def test_span_text_disagreeing_with_the_article_is_named(self) -> None:
        with pytest.raises(InvalidArticleError, match=r"paragraphs\[0\].*does not match"):
            Article(text="hello", paragraphs=[Span(start=0, end=5, text="HELLO")])

    def test_statement_speaker_must_be_one_of_the_actors(self) -> None:
        a = small_article()
        stranger = attrs.evolve(a.actors[0], id="someone-else")
        bad = attrs.evolve(a.statements[0], speaker=stranger)
        with pytest.raises(InvalidArticleError, match=r"statements\[0\]\.speaker"):
            attrs.evolve(a, statements=[bad])

    def test_an_equal_but_distinct_actor_object_is_refused(self) -> None:
        a = small_article()
        copy = pickle.loads(pickle.dumps(a.actors[1]))
        assert copy == a.actors[1] and copy is not a.actors[1]
        bad = attrs.evolve(a.events[0], targets=[copy])
        with pytest.raises(InvalidArticleError, match=r"events\[0\]\.targets"):
            attrs.evolve(a, events=[bad])

    def test_duplicate_actor_ids_are_refused(self) -> None:
        a = small_article()
        with pytest.raises(InvalidArticleError, match="repeats the actor id"):
            Article(text=TEXT, actors=[a.actors[0], attrs.evolve(a.actors[1], id="rex-tillerson")])

    def test_mention_span_is_checked(self) -> None:
        bad = Actor(
            id="x",
            name="x",
            kind=ActorKind.GROUP,
            mentions=[Mention(span=Span(start=0, end=3, text="abc"), kind=MentionKind.NAME)],
        )
        with pytest.raises(InvalidArticleError, match=r"actors\[0\]\.mentions\[0\]\.span"):
            Article(text=TEXT, actors=[bad])

    def test_article_is_hashable_and_pickles(self) -> None:
        a = small_article()
        assert hash(a) == hash(small_article())
        b = pickle.loads(pickle.dumps(a))
        assert b == a
        assert b.statements[0].speaker is b.actors[0]  # pickle keeps the object graph

    def test_reprs_are_short(self) -> None:
        a = small_article()
        assert (
            repr(a)
            == "<Article 48 chars 'Rex Tillerson said Russia fai...', 2 actors, 1 statements, 1 events, 1 times>"
        )
        assert (
            repr(a.actors[0]) == "Actor('rex-tillerson', 'Rex Tillerson', PERSON, country='USA', 2 mentions)"
        )
        assert repr(a.events[0]) == "Event(ACCUSE, 'said', [Rex Tillerson] -> [Russia], ASSERTED)"
        assert repr(Dateline(span=Span.of("X - ", 0, 4), location="X")) == "Dateline('X')"


def test_public_names_are_exported() -> None:
    for name in newsmodel.__all__:
        assert hasattr(newsmodel, name), name
    assert sorted(newsmodel.__all__) == list(newsmodel.__all__)


def test_enums_have_the_contract_members() -> None:
    assert {k.name for k in EventKind} == {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    assert {k.name for k in ActorKind} >= {"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "GROUP"}
    assert {k.name for k in MentionKind} >= {"NAME", "PRONOUN", "NOMINAL", "DEMONYM"}
    assert {k.name for k in EventMode} >= {"ASSERTED", "NEGATED", "FUTURE", "HYPOTHETICAL"}
    assert {k.name for k in TimeKind} >= {"DATE", "TIME", "DURATION", "SET"}
    assert {k.name for k in StatementKind} >= {"DIRECT", "INDIRECT", "MIXED"}
