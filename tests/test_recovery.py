"""Every stage recovers what newsmodel.strategies.news_texts() planted.

Each test draws synthetic wire copy with known answers and checks one stage's contract on it:
the segmenter finds the dateline, paragraphs and sentences; the time stage finds each planted
expression with its TIMEX3 value; the actor stage finds each person and country with kind,
country and mentions; the statement stage finds each quote and reported statement with its
speaker, cue and source; the event stage finds each event with its kind, actors and mode.

Every planted shape is checked; none is skipped.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

import newsmodel
from newsmodel import ActorKind, Article, Span
from newsmodel.strategies import NewsText, news_texts

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def trimmed(s: str) -> str:
    """Content as the shared scorer compares it: quote marks and closing , . trimmed."""
    quotes = "“”\"‘’' "
    return s.strip(quotes).rstrip(",.").strip(quotes)


def parse(n: NewsText) -> Article:
    return newsmodel.parse(n.text, published=n.published)


# -- segmentation --------------------------------------------------------------------------------


@SLOW
@given(news_texts())
def test_segmenter_recovers_dateline_paragraphs_and_sentences(n: NewsText) -> None:
    a = parse(n)
    if n.dateline is None:
        assert a.dateline is None
    else:
        assert a.dateline is not None
        assert (a.dateline.location, a.dateline.agency) == (n.dateline.location, n.dateline.agency)
        assert a.dateline.span.end == n.dateline.span.end
    assert a.paragraphs == n.paragraphs
    assert [s.end for s in a.sentences] == [s.end for s in n.sentences]


# -- times ---------------------------------------------------------------------------------------


@SLOW
@given(news_texts(shapes=["dated", "direct", "reported", "event"]))
def test_time_stage_recovers_each_planted_expression_with_its_value(n: NewsText) -> None:
    a = parse(n)
    found = {t.span: t for t in a.times}
    for t in n.times:
        assert t.span in found, (t, a.times)
        assert found[t.span].value == t.value, (t, found[t.span], n.published)


# -- actors --------------------------------------------------------------------------------------


@SLOW
@given(news_texts(shapes=["direct", "pronoun", "reported", "event", "negated-event"]))
def test_actor_stage_recovers_people_and_countries_with_their_mentions(n: NewsText) -> None:
    a = parse(n)
    for expected in n.actors:
        named = a.actors_named(expected.name)
        assert len(named) == 1, (expected.name, a.actors)
        actor = named[0]
        assert (actor.kind, actor.country) == (expected.kind, expected.country)
        if expected.kind is ActorKind.PERSON:
            assert actor.sector == expected.sector
            # "Polish Foreign Minister X" may give the role "Foreign Minister" or "Foreign Minister of Poland".
            assert any(r.startswith(expected.roles[0]) for r in actor.roles), (expected.roles, actor.roles)
        got = {(m.span, m.kind) for m in actor.mentions}
        for m in expected.mentions:
            assert (m.span, m.kind) in got, (expected.name, m, actor.mentions)


# -- statements ----------------------------------------------------------------------------------


@SLOW
@given(news_texts(shapes=["direct", "cue-first", "pronoun", "reported", "event"]))
def test_statement_stage_recovers_quotes_and_reported_speech_with_speakers(n: NewsText) -> None:
    a = parse(n)
    for s in n.statements:
        matches = [x for x in a.statements if overlaps(x.content, s.content)]
        assert len(matches) == 1, (s, a.statements)
        x = matches[0]
        assert trimmed(x.content.text) == s.content.text
        assert x.kind is s.kind
        assert x.speaker is not None and x.speaker.name == s.speaker, (s, x.speaker)
        assert x.cue is not None and overlaps(x.cue, s.cue), (s.cue, x.cue)
        assert x.source is not None and overlaps(x.source, s.source), (s.source, x.source)
        if s.time is not None:
            assert x.time is not None and x.time.value == s.time.value, (s.time, x.time)


@given(news_texts(shapes=["direct", "pronoun"], max_paragraphs=2))
def test_pronoun_follow_ups_are_attributed_to_the_person_quoted_before(n: NewsText) -> None:
    a = parse(n)
    for s in n.statements:
        if s.shape != "pronoun":
            continue
        (x,) = [x for x in a.statements if overlaps(x.content, s.content)]
        assert x.speaker is not None and x.speaker.name == s.speaker
        assert x.source == s.source


# -- events --------------------------------------------------------------------------------------


@SLOW
@given(news_texts(shapes=["event", "negated-event", "future-event", "direct"]))
def test_event_stage_recovers_kind_actors_and_mode(n: NewsText) -> None:
    a = parse(n)
    for e in n.events:
        matches = [x for x in a.events if x.kind is e.kind and overlaps(x.trigger, e.trigger)]
        assert matches, (e, a.events)
        x = matches[0]
        assert tuple(y.name for y in x.sources) == e.sources, (e, x)
        assert tuple(y.name for y in x.targets) == e.targets, (e, x)
        assert x.mode is e.mode, (e, x)
        assert x.sentence.end == e.sentence.end  # the first sentence may or may not include the dateline
        if e.time is not None:
            assert x.time is not None and x.time.value == e.time.value, (e.time, x.time)
