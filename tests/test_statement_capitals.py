"""Copy written in capitals gives its statements (issue 12 item 11)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given

import newsmodel
from newsmodel import StatementKind
from newsmodel.strategies import NewsText, news_texts


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        ('"WE WILL ACT," HE SAID.', StatementKind.DIRECT, "WE WILL ACT"),
        ("TILLERSON SAID RUSSIA HAD FAILED.", StatementKind.INDIRECT, "RUSSIA HAD FAILED"),
        (
            "WASHINGTON (Reuters) - TILLERSON SAID RUSSIA HAD FAILED TO ACT.",
            StatementKind.INDIRECT,
            "RUSSIA HAD FAILED TO ACT",
        ),
        ("TRADE DEFICIT WIDENS, OFFICIALS SAY", StatementKind.INDIRECT, "TRADE DEFICIT WIDENS"),
    ],
)
def test_capitals(text: str, kind: StatementKind, content: str) -> None:
    (s,) = newsmodel.parse(text).statements
    assert (s.kind, s.content.text) == (kind, content)


def test_a_speaker_named_in_capitals_is_resolved() -> None:
    (s,) = newsmodel.parse("TILLERSON SAID RUSSIA HAD FAILED.").statements
    assert s.speaker is not None and s.speaker.name == "Rex Tillerson"


@given(news_texts(shapes=("reported", "direct", "cue-first"), max_paragraphs=2, dateline=False))
def test_speech_in_capitals_is_found_as_in_ordinary_copy(n: NewsText) -> None:
    capitals = n.text.upper()
    assume(len(capitals) == len(n.text))  # same offsets
    ordinary = {(s.content.start, s.content.end) for s in newsmodel.parse(n.text).statements}
    found = {(s.content.start, s.content.end) for s in newsmodel.parse(capitals).statements}
    assert found == ordinary
