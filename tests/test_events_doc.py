"""The event stage's per-article view (``newsmodel._events.state.Doc``): what the trigger pass reads
is there before role finding is prepared, and preparing later gives what preparing at once does."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel._events.coder import code_events
from newsmodel._events.state import Doc
from newsmodel._events.triggers import find_triggers
from newsmodel.parser import coerce_published
from newsmodel.pipeline import Context

_PARSER = newsmodel.Parser()
_LEX = _PARSER.events.lexicon

TEXTS = [
    "Israeli jets attacked Hamas positions in Gaza on Monday, the army said.",
    'Iran must release the sailors, the British foreign minister said. "We will not negotiate," he added.',
    "The talks on trade were held in Geneva. Officials said on Friday they would meet again.",
    "Police arrested 20 protesters in Paris. It was not clear whether they would be charged.",
    "The minister declined to comment.",  # a head word, no trigger
    "",
]


def _context(text: str) -> Context:
    """The context the event stage is given, as the parser builds it."""
    ctx = Context(
        text=text,
        published=coerce_published("2020-03-04"),
        headline=None,
        segments=_PARSER.segmenter(text),
    )
    ctx = attrs.evolve(ctx, times=tuple(_PARSER.times(ctx)))
    ctx = attrs.evolve(ctx, cast=_PARSER.actors(ctx))
    return attrs.evolve(ctx, statements=tuple(_PARSER.statements(ctx)))


def _triggers(doc: Doc) -> list[tuple[int, int, str, int | None]]:
    return [
        (t.start, t.end, t.entry.rule, None if t.sentence is None else t.sentence.start)
        for t in find_triggers(doc)
    ]


_PREPARED = (
    "all_mentions",
    "all_starts",
    "places",
    "contents",
    "cue_speaker",
    "cue_content",
    "extra",
    "timed",
    "sayings",
    "time_starts",
)


@pytest.mark.parametrize("text", TEXTS)
def test_prepared_later_is_prepared_at_once(text: str) -> None:
    ctx = _context(text)
    eager = Doc(ctx, _LEX)
    lazy = Doc(ctx, _LEX, prepared=False)
    assert not lazy.prepared
    assert _triggers(lazy) == _triggers(eager)  # the trigger pass reads nothing prepared
    if eager.idle:
        assert not eager.prepared
        return
    lazy.prepare()
    lazy.prepare()  # once: a second call changes nothing
    assert lazy.prepared
    for name in _PREPARED:
        assert getattr(lazy, name) == getattr(eager, name), name


def test_head_words_without_a_trigger_code_nothing() -> None:
    # "declined" heads a trigger and an excluded phrase; "Attack" is part of a name.
    ctx = _context("The minister declined to comment after the Attack of the Clones opened.")
    doc = Doc(ctx, _LEX, prepared=False)
    assert len(doc.hits) == 2 and not find_triggers(doc)
    assert code_events(ctx, _LEX) == ()


@given(st.lists(st.sampled_from([*TEXTS[:4], "\n\n", " ", "Rebels said so. "]), max_size=5))
def test_each_trigger_lies_in_the_sentence_it_carries(parts: list[str]) -> None:
    text = "".join(parts)
    ctx = _context(text)
    doc = Doc(ctx, _LEX, prepared=False)
    for t in find_triggers(doc):
        assert t.sentence is not None
        assert t.sentence == ctx.segments.sentence_at(t.start)
        assert t.sentence.start <= t.start < t.end <= len(text)
