"""Property tests of the segmenter: it never raises, and its spans tile the text as documented."""

from __future__ import annotations

import itertools

from hypothesis import example, given
from hypothesis import strategies as st

from newsmodel.rules import load_rules
from newsmodel.segment import Segmentation, Segmenter

SEG = Segmenter()
_RULES = load_rules("segment")
_RULES["quotations"]["double_apostrophes"] = True
SEG2 = Segmenter(_RULES)  # '' as a double quotation mark

# Fragments of wire copy, so that generated texts reach datelines, abbreviations, quotes and line
# structure far more often than uniformly random characters would.
FRAGMENTS = [
    "WASHINGTON (Reuters) - ", "(Reuters) - ", "BEIJING - ", "NEW YORK (IFR) - ", "LONDON, March 3 - ",
    "WASHINGTON (AP) — ", "(This version of the story corrects paragraph 2) ", "By Jane Doe ",
    "U.S. ", "Inc. ", "Mr. ", "No. 2 ", "J.P. Morgan ", "$1.5 billion ", "... ", "…", "The ", "He said ",
    "“", "”", '"', "‘", "’", "'", "''", "Russia’s ", "’90s ", " ’n’ ", "6\" ", ". ", "? ", "! ", ", ", " - ",
    "\n", "\n\n", "\r\n", "    ", "  ", "\t", "(", ")", "[", "]", "word ", "Name ", "2,000 ", "al-Assad ",
    "\u2028", "\u2029", "\x0b", "\x1c", "\x85", "\xa0", "\x00", "\ud800",
]  # fmt: skip

wire_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=60).map("".join)
any_text = st.text() | wire_like


def check_invariants(text: str, seg: Segmentation, double_apostrophes: bool = False) -> None:
    assert seg.text is text
    n = len(text)
    prev = 0
    for p in seg.paragraphs:
        assert prev <= p.start < p.end <= n
        assert p.text == text[p.start : p.end] == p.text.strip()
        prev = p.end
    prev = 0
    for s in seg.sentences:
        assert prev <= s.start < s.end <= n
        assert s.text == text[s.start : s.end] == s.text.strip()
        inside = [p for p in seg.paragraphs if p.start <= s.start and s.end <= p.end]
        assert len(inside) == 1, f"sentence {s!r} lies in {len(inside)} paragraphs"
        assert seg.sentence_at(s.start) == s
        prev = s.end
    # every paragraph is covered by its sentences, from its first character to its last
    for p in seg.paragraphs:
        own = [s for s in seg.sentences if s.start >= p.start and s.end <= p.end]
        assert own and own[0].start == p.start and own[-1].end == p.end
    prev = 0
    for start, end in seg.tokens:
        assert prev <= start < end <= n
        assert not text[start:end].isspace()
        prev = end
    # The shared per-token views line up with the tokens.
    assert seg.token_starts == [start for start, _ in seg.tokens]
    assert seg.words == tuple(text[a:b] for a, b in seg.tokens)
    assert seg.lower_words == tuple(w.lower() for w in seg.words)
    last_open = -1
    for q in seg.quotations:
        assert 0 <= q.open < n and q.open > last_open
        last_open = q.open
        para = seg.paragraph_at(q.open)
        assert para is not None
        assert para.start <= q.content.start <= q.content.end <= para.end
        assert q.content.text == text[q.content.start : q.content.end]
        assert q.level in (0, 1)
        if q.close is None:
            assert q.content.end == para.end and q.level == 0
        else:
            two = double_apostrophes and text.startswith("''", q.open)
            assert q.content.start == q.open + (2 if two else 1)
            two = double_apostrophes and text.startswith("''", q.content.end)
            assert q.content.end == q.close - (1 if two else 0)
            assert q.close < para.end
        if q.continues:
            assert q.open == para.start
    # double-quoted quotations do not overlap one another
    top = [q for q in seg.quotations if q.level == 0]
    for a, b in itertools.pairwise(top):
        assert a.span[1] <= b.open
    if seg.dateline is not None:
        d = seg.dateline.span
        assert d.text == text[d.start : d.end]
        assert seg.sentences and seg.sentences[0].start <= d.start


@given(any_text)
@example("")
@example("\x00" * 10)
@example("\ud800\udfff“")
@example("“" * 50 + "\n" + "”" * 50)
@example('"\n"\n"\n"')
@example("U.S. " * 100)
@example("a" * 100_000)
@example("WASHINGTON (Reuters) - ")
@example("(Reuters) - ")
@example(" \n ".join(["x"] * 300))
def test_never_raises_and_spans_tile(text: str) -> None:
    check_invariants(text, SEG(text))
    check_invariants(text, SEG2(text), double_apostrophes=True)


@given(any_text)
def test_deterministic(text: str) -> None:
    assert SEG(text) == SEG(text)
    assert SEG(text) == Segmenter()(text)


@given(wire_like, wire_like)
def test_paragraph_break_separates(a: str, b: str) -> None:
    """Text joined by a blank line never yields a paragraph or sentence that spans the break."""
    text = a + "\n\n" + b
    seg = SEG(text)
    check_invariants(text, seg)
    cut = len(a) + 1
    for p in seg.paragraphs:
        assert not (p.start < cut < p.end)


@given(st.integers(min_value=1, max_value=400))
def test_adversarial_shapes(k: int) -> None:
    """Shapes that break naive segmenters: runs of marks, nesting, abbreviations, empty lines."""
    for text in (
        '"' * k,
        "“" * k + "”" * k,
        "((\"'" * k + "'\"))" * k,
        "U.S. " * k,
        "A. " * k,
        "\n" * k,
        ". " * k,
        "x\n" * k,
        "WASHINGTON " * k + "- x",
    ):
        check_invariants(text, SEG(text))
