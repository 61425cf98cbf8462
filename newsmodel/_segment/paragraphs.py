"""The paragraph pass: blank lines, indentation, hard-wrapped lines and collapsed breaks."""

from __future__ import annotations

import regex

from ..model import Span
from .segmentation import inner_span
from .tables import SegmentTables

__all__ = ["SENTENCE_CLOSERS", "SENTENCE_PUNCT", "find_paragraphs"]

# Line breaks as str.splitlines() knows them.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# What a line ends with when it ends a sentence (hard-wrapped copy breaks lines elsewhere too).
_LINE_CLOSED = frozenset(".!?:;”\"’')]…")
# ISOT-style bodies: paragraph breaks collapsed into a run of spaces after a sentence end (the
# sentence end is checked in code: a lookbehind here would run at every position).
# Only at the start of a run, taken whole (possessive): a long run of spaces is read once.
_COLLAPSED_BREAK = regex.compile(r"  (?<![ \t\u00a0]  )[ \t\u00a0]*+(?=[“‘\"'(\[]?[\p{Lu}\p{N}])")
SENTENCE_PUNCT = frozenset(".!?…")
SENTENCE_CLOSERS = frozenset("”’\"')]")

Line = tuple[int, int, int]  # (start, content start, content end)


def find_paragraphs(text: str, tables: SegmentTables) -> tuple[Span, ...]:
    """Paragraph spans, trimmed of surrounding whitespace, in order (the rules are described at
    :meth:`newsmodel.segment.Segmenter.find_paragraphs`)."""
    blocks = _blocks(text)
    out: list[Span] = []
    for lines in blocks:
        for first, last in _split_block(text, lines, tables.wrap_width):
            out.append(inner_span(text, lines[first][1], lines[last][2]))
    if len(out) == 1 and len(blocks[0]) == 1:
        return _split_collapsed(text, out[0])
    return tuple(out)


def _blocks(text: str) -> list[list[Line]]:
    """The blocks of non-blank lines of ``text``."""
    blocks: list[list[Line]] = []
    block: list[Line] = []
    pos = 0
    for raw in text.splitlines(True):
        s = pos
        pos += len(raw)
        line = raw.rstrip(_LINE_BREAKS)
        stripped = line.lstrip()
        if not stripped:
            if block:
                blocks.append(block)
                block = []
            continue
        block.append((s, s + len(line) - len(stripped), s + len(line.rstrip())))
    if block:
        blocks.append(block)
    return blocks


def _split_block(text: str, lines: list[Line], wrap_width: int) -> list[tuple[int, int]]:
    """Paragraphs of one block as (first line, last line) index pairs."""
    n = len(lines)
    if n == 1:
        return [(0, 0)]
    indents = [cs - s for s, cs, _ in lines]
    base = min(indents)
    starts = [i for i in range(1, n) if indents[i] > base]
    if not starts:
        widths = [ce - s for s, _, ce in lines]
        width = max(widths)
        wrapped = width <= wrap_width and any(text[ce - 1] not in _LINE_CLOSED for _, _, ce in lines[:-1])
        if not wrapped:
            return [(i, i) for i in range(n)]
        for i in range(1, n):
            _, cs, ce = lines[i]
            prev_end = lines[i - 1][2]
            if text[prev_end - 1] not in _LINE_CLOSED:
                continue
            word = 0
            while cs + word < ce and not text[cs + word].isspace():
                word += 1
            if widths[i - 1] + 1 + word <= width:
                starts.append(i)
    bounds = [0, *starts, n]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


def _split_collapsed(text: str, para: Span) -> tuple[Span, ...]:
    out: list[Span] = []
    start = para.start
    for m in _COLLAPSED_BREAK.finditer(text, para.start, para.end):
        i = m.start() - 1
        while i > max(para.start, m.start() - 3) and text[i] in SENTENCE_CLOSERS:
            i -= 1
        if text[i] in SENTENCE_PUNCT or _is_subhead(text[start : m.start()]):
            out.append(inner_span(text, start, m.start()))
            start = m.end()
    out.append(inner_span(text, start, para.end))
    return tuple(out)


def _is_subhead(chunk: str) -> bool:
    """Whether a paragraph's first words are a subheading in capitals (``STATE VISIT-PLUS``)."""
    return len(chunk) <= 60 and any(c.isalpha() for c in chunk) and not any(c.islower() for c in chunk)
