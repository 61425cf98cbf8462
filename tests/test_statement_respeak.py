"""The statement stage resolves only the speakers again when its refinement adds to the cast
(``_statements/respeak.py``): the result is what finding every statement again gives."""

from __future__ import annotations

import attrs
import pytest

import newsmodel
from newsmodel._statements import _scan, find_statements
from newsmodel._statements.respeak import respeak
from newsmodel._statements.speakers import finish
from newsmodel._statements.state import DROPPED_SPEAKERLESS, KEPT_SPEAKERLESS
from newsmodel.pipeline import Cast, Context
from newsmodel.statements import StatementFinder

TEXTS = [
    "“We will not retreat,” Foreign Minister Jan Brel of Belgium said. "
    "Brel added, “our position is clear.” “We are tired,” said one villager.",
    "“We will not retreat,” Russian Foreign Minister Sergei Lavrov said on Monday. "
    "“Our troops stay,” he added. The ministry said it would reply. “We are ready.”\n\n"
    "“And we will win,” Lavrov said, vowing to keep the base.",
]


def _context(text: str) -> Context:
    parser = newsmodel.Parser()
    ctx = Context(text=text, published=None, headline=None, segments=parser.segmenter(text))
    ctx = attrs.evolve(ctx, times=tuple(parser.times(ctx)))
    return attrs.evolve(ctx, cast=parser.actors(ctx))


@pytest.mark.parametrize("text", TEXTS)
def test_refined_speakers_are_those_of_a_second_full_run(text: str) -> None:
    ctx = _context(text)
    statements, cast = StatementFinder().refine(ctx)
    assert cast is not ctx.cast  # the refinement added to the cast
    again = StatementFinder()(attrs.evolve(ctx, cast=cast))
    assert statements == again
    held = {id(a) for a in cast.actors}
    assert all(s.speaker is None or id(s.speaker) in held for s in statements)
    assert [id(s.speaker) for s in statements] == [id(s.speaker) for s in again]


def test_a_changed_speaker_that_would_keep_or_drop_a_statement_gives_up() -> None:
    # "vowed to ...": a commitment is kept only with a speaker; without the cast there is none.
    text = "Foreign Minister Jan Brel of Belgium vowed to keep the base open."
    ctx = _context(text)
    lex = StatementFinder()._cues
    st = _scan(ctx, lex)
    assert any(event == KEPT_SPEAKERLESS for event, *_ in st.log)
    kept = finish(st)
    assert kept and kept[0].speaker is not None
    assert respeak(st, Cast(actors=())) is None
    # Through the same cast, the replay gives the statements of the first run.
    st = _scan(ctx, lex)
    assert respeak(st, ctx.cast) == find_statements(ctx, lex) == finish(_scan(ctx, lex))
    # And the other way round: dropped without a speaker, kept with one.
    bare = attrs.evolve(ctx, cast=Cast(actors=()))
    st = _scan(bare, lex)
    assert any(event == DROPPED_SPEAKERLESS for event, *_ in st.log)
    assert finish(st) == ()
    assert respeak(st, ctx.cast) is None
