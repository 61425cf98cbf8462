"""Statement.quotes: the quoted words of a statement, piece by piece (issue 12 item 12)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import InvalidArticleError, Span, Statement, StatementKind
from newsmodel.strategies import news_texts

QUOTE_MARKS = "“”\"‘’'"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "WASHINGTON (Reuters) - “We will not back down,” Tillerson said. “Russia has failed to act.”",
            ["We will not back down,", "Russia has failed to act."],
        ),
        (
            '"The talks failed," he said. "We will try again next week."',
            ["The talks failed,", "We will try again next week."],
        ),
        ("“We will act now,” he said.", ["We will act now"]),
    ],
)
def test_a_split_quotation_gives_its_pieces(text: str, pieces: list[str]) -> None:
    (s,) = newsmodel.parse(text).statements
    assert s.kind is StatementKind.DIRECT
    assert [q.text for q in s.quotes] == pieces
    assert not any(m in q.text for q in s.quotes for m in '“”"')


def test_mixed_statements_give_their_quoted_phrases_and_indirect_none() -> None:
    a = newsmodel.parse("Smith said the plan was “dead on arrival” and wrong. Jones said the plan was fine.")
    mixed, indirect = a.statements
    assert mixed.kind is StatementKind.MIXED and [q.text for q in mixed.quotes] == ["dead on arrival"]
    assert indirect.kind is StatementKind.INDIRECT and indirect.quotes == ()


@given(news_texts())
def test_quotes_lie_in_order_inside_the_content_and_hold_no_marks_at_their_ends(n: object) -> None:
    a = newsmodel.parse(n.text, published=n.published)  # type: ignore[attr-defined]
    for s in a.statements:
        if s.kind is StatementKind.DIRECT:
            assert s.quotes, s
            assert s.quotes[0].start == s.content.start and s.quotes[-1].end <= s.content.end
        for q in s.quotes:
            assert q in s.content and q.text.strip() and q.text[0] not in QUOTE_MARKS
        assert all(x.end <= y.start for x, y in zip(s.quotes, s.quotes[1:], strict=False))


@given(st.text(alphabet='ab “”",.', max_size=60))
def test_quotes_hold_for_any_text(text: str) -> None:
    for s in newsmodel.parse(text).statements:
        for q in s.quotes:
            assert q in s.content


def test_the_model_refuses_quotes_outside_the_content() -> None:
    text = "“A,” said X. “B.”"
    with pytest.raises(InvalidArticleError, match="quotes lie in order inside the content"):
        Statement(
            speaker=None,
            source=None,
            cue=None,
            content=Span.of(text, 1, 3),
            kind=StatementKind.DIRECT,
            quotes=[Span.of(text, 13, 15)],
        )


def test_split_quote_reach_is_a_setting() -> None:
    from newsmodel.pipeline import Context
    from newsmodel.segment import Segmenter
    from newsmodel.statements import StatementFinder, StatementRules

    text = "“We will win,” Jane Roe said. “The voters are with us on this one.”"
    ctx = Context(text=text, published=None, headline=None, segments=Segmenter()(text))
    joined = StatementFinder()(ctx)
    assert [(s.content.text, s.rule) for s in joined] == [
        ("We will win,” Jane Roe said. “The voters are with us on this one.", "quote-then-cue+split")
    ]
    apart = StatementFinder(StatementRules.shipped().extend({"split_quote_sentences": 0}))(ctx)
    assert [(s.content.text, s.rule) for s in apart] == [
        ("We will win", "quote-then-cue"),
        ("The voters are with us on this one.", "quote-split"),
    ]
    same_sentence = "“We will win,” Jane Roe said, “because the voters are with us.”"
    ctx = Context(text=same_sentence, published=None, headline=None, segments=Segmenter()(same_sentence))
    assert len(StatementFinder(StatementRules.shipped().extend({"split_quote_sentences": 0}))(ctx)) == 1
