"""The segmenter reads its tokens as chunks (a token with the white space before it) and builds its
:class:`Segmentation` whole: the same tokens, texts and look-ups as the token pattern's matches
given to the constructor."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsmodel.segment import Segmentation, Segmenter

_SEGMENTER = Segmenter()
_CHARS = "aZé1 ._-‐’'‘\"“”()\n\t\xa0\u3000\x1cİ"


def _built(text: str) -> Segmentation:
    seg = _SEGMENTER(text)
    return Segmentation(
        text=text,
        dateline=seg.dateline,
        paragraphs=seg.paragraphs,
        sentences=seg.sentences,
        tokens=tuple(m.span() for m in _SEGMENTER._tables.tokens.finditer(text)),
        quotations=seg.quotations,
        note=seg.note,
        byline=seg.byline,
    )


def _same(text: str) -> None:
    seg, built = _SEGMENTER(text), _built(text)
    assert seg == built
    assert seg.tokens == built.tokens
    assert seg.words == built.words and seg.lower_words == built.lower_words
    assert seg.token_starts == built.token_starts
    assert [seg.quotation_at(i) for i in range(len(text))] == [
        built.quotation_at(i) for i in range(len(text))
    ]


def test_tokens_of_plain_and_marked_words() -> None:
    text = "Mr. O’Brien’s U.S.-Russian plan, rock ’n’ roll of the ’90s, cost $1.5 billion...  "
    _same(text)
    assert [text[a:b] for a, b in _SEGMENTER(text).tokens][:6] == [
        "Mr.",
        "O’Brien",
        "’s",
        "U.S.",
        "-",
        "Russian",
    ]


def test_white_space_alone_or_at_the_ends() -> None:
    for text in ("", " ", "\n\n", "a", "  a  ", "a" + " " * 500, "\u3000x\u3000"):
        _same(text)
    assert _SEGMENTER("  ab  cd ").tokens == ((2, 4), (6, 8))


@given(st.text(_CHARS, max_size=60))
def test_same_as_the_token_pattern(text: str) -> None:
    _same(text)
