"""The time stage's per-word memo of which tokens may anchor an expression (``CoreWords``): it
answers as the tests it replaces would, and a parser pickled with it keeps working."""

from __future__ import annotations

import pickle

import newsmodel
from newsmodel.times import TimeFinder


def test_core_words_answers_per_word() -> None:
    words = TimeFinder()._tables.core_words
    assert words["monday"] and words["week"]  # core words
    assert words["1987"] and words["’90s"]  # a number, an apostrophe before a decade
    assert words["mid-2017"] and words["two-week"]  # a hyphenated word with a core part
    assert not words["al-assad"] and not words["u.s.-led"]  # hyphenated, no part anchors
    assert not words["minister"]
    assert set(words) >= {"monday", "mid-2017", "al-assad", "minister"}  # remembered


def test_hyphenated_words_still_anchor_expressions() -> None:
    text = "The mid-2017 talks, a two-week pause and the U.S.-led coalition, he said on Monday."
    article = newsmodel.parse(text, published="2018-03-05")
    assert [t.span.text for t in article.times] == ["mid-2017", "two-week", "Monday"]


def test_a_pickled_parser_keeps_its_core_words() -> None:
    parser = newsmodel.Parser()
    text = "In mid-2017, three weeks ago, and on Monday."
    first = parser.parse(text, published="2018-03-05")
    again = pickle.loads(pickle.dumps(parser))
    assert again.parse(text, published="2018-03-05") == first
    assert again.times._tables.core_words["mid-2017"]
