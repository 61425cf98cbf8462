"""The sentence pass: sentence ends inside each paragraph, abbreviation-aware."""

from __future__ import annotations

import regex

from .._trusted import span_of
from ..model import Dateline, Span
from .tables import SegmentTables

__all__ = ["find_sentences"]

# A candidate sentence end: terminal punctuation, closing quotes or brackets, whitespace, then an
# uppercase letter or a digit (past opening quotes or brackets). Read by group number (1: end,
# 2: close) in the pass.
_SENTENCE_END = regex.compile(
    r"(?P<end>\.\.\.|…|[.!?]{1,3})(?P<close>[”’\"')\]]{0,3})(?P<ws>\s+)(?=[“‘\"'(\[]{0,3}[\p{Lu}\p{N}])"
)
_NEXT_WORD = regex.compile(r"[“‘\"'(\[]{0,3}(?P<word>\p{L}+)")


def find_sentences(
    text: str,
    tables: SegmentTables,
    paragraphs: tuple[Span, ...],
    dateline: Dateline | None = None,
    note: Span | None = None,
) -> tuple[Span, ...]:
    """Sentence spans inside each paragraph; the dateline opens the first, a correction note
    before it is a sentence of its own."""
    protected = dateline.span.end if dateline is not None else 0
    out: list[Span] = []
    add = out.append
    finditer = _SENTENCE_END.finditer
    for p in paragraphs:
        start = p.start
        pe = p.end
        if note is not None and start <= note.start and note.end < pe:
            add(span_of(text, note.start, note.end))
            start = note.end
            while start < pe and text[start].isspace():
                start += 1
        for m in finditer(text, start, pe):
            if m.start() < protected:
                continue
            end = m.group(1)
            if end == ".":
                if not _period_ends(text, m, start, tables):
                    continue
            elif (end == "..." or end == "…") and not _starter_follows(text, m, tables):
                continue
            close = m.end(2)
            if close > start:
                add(span_of(text, start, close))
            start = m.end()
        if start < pe:
            add(span_of(text, start, pe))
    return tuple(out)


def _period_ends(text: str, m: regex.Match[str], start: int, tables: SegmentTables) -> bool:
    """Whether the period at ``m`` ends a sentence, judged by the word before and after it."""
    i = m.start()
    chunk = text[max(start, i - 40) : i]
    parts = chunk.rsplit(None, 1)
    word = parts[-1] if parts else ""
    word = word.lstrip("([{“‘\"'")
    if not word or not (word[-1].isalnum()):
        return True
    if word in tables.titles:
        return False
    if word in tables.numbered:
        nxt = m.end()
        if nxt < len(text) and text[nxt].isdigit():
            return False
    if word in tables.abbreviations or "." in word or (len(word) == 1 and word.isalpha()):
        return _starter_follows(text, m, tables)
    return True


def _starter_follows(text: str, m: regex.Match[str], tables: SegmentTables) -> bool:
    w = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 40))
    return w is not None and w["word"] in tables.starters
