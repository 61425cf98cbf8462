"""Issue 14, wave 7: the purpose phrases of folding are searched for once per group of phrases
sharing a prefix; the tokens found are those a search for each phrase finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel._events.state import Doc
from newsmodel._events.unreal import _prefix_groups, _purpose_starts
from newsmodel.pipeline import Context

PARSER = newsmodel.Parser()
PURPOSES = frozenset(["aim at", "aim to", "aimed at", "aims to", "in order to", "so as to", "meant to"])


def _doc(text: str) -> Doc:
    ctx = Context(text=text, published=None, headline=None, segments=PARSER.segmenter(text))
    return Doc(ctx, PARSER.events.lexicon, prepared=False)


def _each_phrase(doc: Doc, phrases: frozenset[str]) -> list[int]:
    """The tokens opening a phrase, one search of the text per phrase (the reference)."""
    out: list[int] = []
    for p in phrases:
        at = doc.low.find(p)
        while at >= 0:
            k = doc.tok(at)
            words = tuple(p.split())
            if doc.starts[k] == at and tuple(doc.lw[k : k + len(words)]) == words:
                out.append(k)
            at = doc.low.find(p, at + 1)
    return sorted(out)


def test_groups_hold_each_phrase_once_under_a_prefix() -> None:
    groups = _prefix_groups(PURPOSES)
    held = [p for _, ps in groups for p in ps]
    assert sorted(held) == sorted(PURPOSES)
    assert all(p.startswith(key) for key, ps in groups for p in ps)
    assert dict(groups)["aim"] == ("aim at", "aim to", "aimed at", "aims to")
    assert ("so as to", ("so as to",)) in groups  # no prefix of three letters shared


WORDS = ["aim", "aims", "aimed", "claim", "at", "to", "in", "order", "so", "as", "meant", "Aim", ",", "."]


@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_grouped_search_finds_what_each_phrase_finds(words: list[str]) -> None:
    doc = _doc("They " + " ".join(words) + " end.")
    assert _purpose_starts(doc, PURPOSES) == _each_phrase(doc, PURPOSES)


def test_a_purpose_found_inside_a_longer_word_is_not_one() -> None:
    doc = _doc("They claim to act, and aim to win in order to stay.")
    found = [doc.lw[k] for k in _purpose_starts(doc, PURPOSES)]
    assert found == ["aim", "in"]
