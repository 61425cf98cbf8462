"""The statement stage's shortcuts (issue 16, wave 6) give what the full reading gives: a
sourceless cue that can be no inverted or opening cue is dropped before the words after it are
read, a ``that``-frame verb is checked for its ``that`` before its clause is found, and the one
free time of a sentence is its time of saying without the clause search of ``governing_time``."""

from __future__ import annotations

import attrs
import pytest

import newsmodel
from newsmodel._statements import _scan
from newsmodel._statements.timing import saying_time
from newsmodel.model import Statement
from newsmodel.pipeline import Context
from newsmodel.statements import StatementFinder
from newsmodel.times import governing_time


def _statements(text: str) -> list[Statement]:
    return list(newsmodel.parse(text, published="2017-04-09").statements)


def _context(text: str) -> Context:
    parser = newsmodel.Parser()
    ctx = Context(text=text, published=None, headline=None, segments=parser.segmenter(text))
    ctx = attrs.evolve(ctx, times=tuple(parser.times(ctx)))
    return attrs.evolve(ctx, cast=parser.actors(ctx))


def test_an_inverted_source_after_a_quotation_is_still_read() -> None:
    (found,) = _statements("“Why now?” asked Jane Roe.")
    assert (found.rule, found.content.text) == ("quote-then-cue", "Why now?")
    assert found.speaker is not None and found.speaker.name == "Jane Roe"


def test_a_cue_opening_its_sentence_is_still_read() -> None:
    (found,) = _statements("Said Dorothy Poynter, a neighbour, “We were all so proud of him.”")
    assert (found.rule, found.content.text) == ("cue-then-quote", "We were all so proud of him.")
    assert found.cue is not None and found.cue.text == "Said"


def test_a_sourceless_cue_inside_its_sentence_reports_nothing() -> None:
    assert _statements("The plan failed, said to cost billions.") == []


def test_a_that_frame_verb_needs_its_that() -> None:
    (found,) = _statements("A poll found that most voters backed the plan.")
    assert found.content.text == "that most voters backed the plan"
    assert _statements("A poll found most voters backed the plan.") == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Jane Roe said on Monday that the talks had failed.", "Monday"),
        ("On Friday, Jane Roe said the talks had failed, and on Monday she called them off.", "Friday"),
        ("Jane Roe said the talks had failed.", None),
    ],
)
def test_the_time_of_saying(text: str, when: str | None) -> None:
    (found,) = _statements(text)
    assert (found.time.span.text if found.time is not None else None) == when


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe said on Monday that the talks had failed.",
        "“We will win,” Jane Roe said on Monday; the vote is on Friday.",
        "Jane Roe, who arrived on Sunday, said the talks had failed.",
    ],
)
def test_one_free_time_governs_as_governing_time_says(text: str) -> None:
    ctx = _context(text)
    st = _scan(ctx, StatementFinder()._cues)
    assert st.drafts
    for d in st.drafts:
        assert d.cue is not None
        start = d.source[0] if d.source is not None and d.source[0] < d.cue[0] else d.cue[0]
        free = [t for t in st.free_times if not (d.content[0] <= t.span.start < d.content[1])]
        expected = governing_time(free, st.seg, start, d.cue[1], clauses=ctx.clause_break) if free else None
        assert saying_time(st, d.source, d.cue, d.content) == expected
