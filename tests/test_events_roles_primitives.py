"""Role finding's clause bounds (``newsmodel._events.clauses``), searched in C first since wave 7,
against plain token-by-token readings of the same rules, on sentences written here and on
sentences drawn from a vocabulary of stops, complementizers, names and plain words."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel._events.clauses import clause_left, clause_right, content_floor
from newsmodel._events.state import Doc
from newsmodel.parser import coerce_published
from newsmodel.pipeline import Context

_PARSER = newsmodel.Parser()
_LEX = _PARSER.events.lexicon

TEXTS = [
    "Israeli jets attacked Hamas positions in Gaza on Monday, the army said.",
    "The minister said that Iran had attacked the tanker, and Britain condemned it.",
    '"We will not negotiate with Iran," the British foreign minister said. "Never," he added.',
    "Turkey, which has arrested two staff members, summoned a third on Friday.",
    "Police arrested 20 protesters in Paris. It was not clear whether they would be charged.",
]

_WORDS = [
    "said",
    "that",
    "which",
    ",",
    "and",
    "but",
    "Iran",
    "Britain",
    "police",
    "attacked",
    "the",
    "talks",
    ".",
]


def _doc(text: str) -> Doc:
    ctx = Context(
        text=text, published=coerce_published("2020-03-04"), headline=None, segments=_PARSER.segmenter(text)
    )
    ctx = attrs.evolve(ctx, times=tuple(_PARSER.times(ctx)))
    ctx = attrs.evolve(ctx, cast=_PARSER.actors(ctx))
    return Doc(attrs.evolve(ctx, statements=tuple(_PARSER.statements(ctx))), _LEX)


def _right_by_tokens(doc: Doc, ti: int, sent_end: int, window: int) -> int:
    j = ti + 1
    last = min(len(doc.starts), ti + 1 + window)
    while j < last and doc.starts[j] < sent_end:
        w = doc.lw[j]
        if w in doc.lex.right_stops and not (w in doc.lex.words.complementizers and j - ti <= 4):
            return doc.starts[j]
        j += 1
    return doc.starts[j] if j < len(doc.starts) and doc.starts[j] < sent_end else sent_end


def _left_by_tokens(doc: Doc, ti: int, sent_tok: int, floor: int) -> int:
    j = ti - 1
    lowest = max(sent_tok, ti - doc.lex.settings.subject_window)
    while j >= lowest:
        if doc.starts[j] < floor:
            return floor
        if doc.lw[j] in doc.lex.left_stops:
            return doc.tokens[j][1]
        j -= 1
    if lowest > sent_tok:
        return max(floor, doc.starts[lowest])
    return doc.starts[sent_tok] if sent_tok < len(doc.tokens) else floor


def _check_bounds(text: str) -> None:
    doc = _doc(text)
    for sentence in doc.segs.sentences:
        st_ = max(doc.sentence_tok(sentence), 0)
        for ti in range(len(doc.starts)):
            if not sentence.start <= doc.starts[ti] < sentence.end:
                continue
            for window in (0, 3, 14):
                assert clause_right(doc, ti, sentence.end, window) == _right_by_tokens(
                    doc, ti, sentence.end, window
                )
            for floor in (0, sentence.start, doc.starts[max(ti - 2, 0)], doc.starts[ti]):
                doc.left_cache.clear()
                assert clause_left(doc, ti, st_, floor) == _left_by_tokens(doc, ti, st_, floor)


def test_clause_bounds_read_as_token_by_token() -> None:
    for text in TEXTS:
        _check_bounds(text)


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_clause_bounds_read_as_token_by_token_on_drawn_sentences(words: list[str]) -> None:
    _check_bounds(" ".join(words))


def test_a_clause_ends_at_a_stop_but_not_a_complementizer_close_by() -> None:
    text = "Iran attacked the tanker that Britain had sent to the region, officials said on Friday."
    doc = _doc(text)
    end = doc.segs.sentences[0].end
    attacked = doc.lw.index("attacked")
    # "that" three words after the verb may open its object clause: the clause runs on to "said".
    assert text[clause_right(doc, attacked, end, 14) :].startswith("said on Friday")
    # A window of three words ends it after them.
    assert text[clause_right(doc, attacked, end, 3) :].startswith("Britain had sent")
    sent = doc.lw.index("sent")
    # After "sent", only "said" stops it.
    assert text[clause_right(doc, sent, end, 14) :].startswith("said on Friday")
    # Five words or more past the verb, "that" opens a clause of its own, which ends this one.
    far = "Police stopped the ship off the coast that Britain had sent."
    doc = _doc(far)
    stopped = doc.lw.index("stopped")
    assert far[clause_right(doc, stopped, doc.segs.sentences[0].end, 14) :].startswith("that Britain")


def test_the_content_floor_is_the_innermost_quote() -> None:
    text = '"We will not negotiate with Iran," the British foreign minister said. "Never," he added.'
    doc = _doc(text)
    assert content_floor(doc, text.index("negotiate"))[0] == 1
    assert content_floor(doc, text.index("Never"))[0] == text.index("Never")
    assert content_floor(doc, text.index("minister")) == (0, None)
