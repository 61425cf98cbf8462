"""Reported speech inside brackets ends at the closing bracket (issue 12 item 9)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel

WORDS = st.lists(
    st.sampled_from(["the", "drop", "was", "temporary", "shares", "fell", "sharply"]), min_size=1, max_size=6
)


def _never_closes_more_than_it_opens(s: str) -> bool:
    depth = 0
    for c in s:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
            if depth < 0:
                return False
    return True


@pytest.mark.parametrize(("opening", "closing"), [("(", ")"), ("[", "]")])
def test_the_reported_issue(opening: str, closing: str) -> None:
    a = newsmodel.parse(f"Markets fell {opening}traders said the drop was temporary{closing} on Monday.")
    assert [s.content.text for s in a.statements] == ["the drop was temporary"]


@given(
    WORDS,
    st.sampled_from(["traders said", "analysts say", "he said", "officials told Reuters"]),
    WORDS,
    st.sampled_from([("(", ")"), ("[", "]")]),
    WORDS,
)
def test_a_bracketed_report_never_runs_past_its_bracket(
    before: list[str], said: str, clause: list[str], marks: tuple[str, str], after: list[str]
) -> None:
    text = f"Markets {' '.join(before)} {marks[0]}{said} {' '.join(clause)}{marks[1]} {' '.join(after)}."
    for s in newsmodel.parse(text).statements:
        assert _never_closes_more_than_it_opens(s.content.text), (text, s)
        assert s.content.end <= text.index(marks[1]), (text, s)


def test_brackets_inside_the_clause_are_kept() -> None:
    (s,) = newsmodel.parse("He said the vote (held on Monday) was fair.").statements
    assert s.content.text == "the vote (held on Monday) was fair"
