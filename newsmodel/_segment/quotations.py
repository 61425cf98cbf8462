"""The quotation pass: quotation marks paired inside each paragraph, and quotes that run on.

Curly marks pair by shape, straight ones by position (:func:`_opens`); a paragraph holds at most
one open double-quoted quotation (the *outer* one) and one open quotation nested in it (the
*inner* one) at a time.
"""

from __future__ import annotations

import regex

from ..model import Span
from .segmentation import Quotation, inner_span
from .tables import SegmentTables

__all__ = ["find_quotations"]

# Each quotation mark by the form that closes it: a quotation is closed by its own kind of mark.
_CLOSING_FORM = {"“": "”", "”": "”", '"': '"', "‘": "’", "’": "’", "'": "'"}
_OPENING_CONTEXT = frozenset("([{<—–-/“‘\"'")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}>—–-/…”’\"'")
_DOUBLE = '”"'  # the closing forms of double marks
_APOSTROPHES = "’'‘"


class _Open:
    """A quotation opened and not yet closed: its mark's offset, kind (closing form), width, the
    slot its :class:`Quotation` will fill, and whether it continues the previous paragraph's."""

    __slots__ = ("continues", "kind", "offset", "slot", "width")

    def __init__(self, offset: int, kind: str, width: int, slot: int, continues: bool = False) -> None:
        self.offset = offset
        self.kind = kind
        self.width = width
        self.slot = slot
        self.continues = continues


def find_quotations(text: str, tables: SegmentTables, paragraphs: tuple[Span, ...]) -> tuple[Quotation, ...]:
    """Quotation marks paired inside each paragraph (the rules are described at
    :meth:`newsmodel.segment.Segmenter.find_quotations`)."""
    # The marks of the whole text, read once: every character that is not white space lies in a
    # paragraph, and white space surrounds each, so each paragraph's marks are those it would read.
    marks = list(tables.marks.finditer(text))
    if not marks:
        return ()
    slots: list[Quotation | None] = []  # one per opening mark, in order; None if it pairs with nothing
    carried = False
    n_par = len(paragraphs)
    n_marks = len(marks)
    j = 0
    for k, p in enumerate(paragraphs):
        ps, pe = p.start, p.end
        while j < n_marks and marks[j].start() < ps:
            j += 1
        first = j
        while j < n_marks and marks[j].start() < pe:
            j += 1
        if first == j:  # no mark: nothing opens, and nothing left open runs on
            carried = False
            continue
        left = _pair(text, tables, ps, pe, marks[first:j], slots, carried)
        carried = False
        if left is None:
            continue
        nxt_start = paragraphs[k + 1].start if k + 1 < n_par else -1
        if nxt_start >= 0 and (
            text[nxt_start] in '“"' or (tables.double_apostrophes and text.startswith("''", nxt_start))
        ):
            slots[left.slot] = Quotation(
                open=left.offset,
                close=None,
                content=inner_span(text, left.offset + left.width, p.end),
                continues=left.continues,
            )
            carried = True
        else:
            slots[left.slot] = None
    return tuple(q for q in slots if q is not None)


def _pair(
    text: str,
    tables: SegmentTables,
    ps: int,
    pe: int,
    marks: list[regex.Match[str]],
    slots: list[Quotation | None],
    carried: bool,
) -> _Open | None:
    """Pair the ``marks`` of the paragraph ``[ps, pe)`` into ``slots``; the double-quoted quotation
    left open at its end, if any. ``carried``: the previous paragraph left one open."""
    outer: _Open | None = None
    inner: _Open | None = None
    skip = -1
    for m in marks:
        i = m.start()
        if i == skip:
            continue
        w = m.end() - i  # 2 for '' (a double quotation mark in some copy), else 1
        c = text[i] if w == 1 else '"'
        if c in _APOSTROPHES:
            passed = _passed_over(text, tables, i, pe)
            if passed >= 0:
                skip = passed
                continue
        kind = _CLOSING_FORM[c]
        # the offset of an open quotation of this kind, or -1
        same = (
            inner.offset
            if inner is not None and inner.kind == kind
            else (outer.offset if outer is not None and outer.kind == kind else -1)
        )
        opens = _opens(text, i, w, c, ps, pe, same)
        if opens is None:
            continue
        if opens:
            if outer is None:
                if kind in _DOUBLE:  # single quotes pair only inside a double-quoted quotation
                    outer = _Open(i, kind, w, len(slots), carried and i == ps)
                    slots.append(None)
                continue
            _drop(slots, inner)
            if kind == outer.kind:  # the earlier mark was unbalanced: start again here
                slots[outer.slot] = None
                inner = None
                outer = _Open(i, kind, w, len(slots))
            else:
                inner = _Open(i, kind, w, len(slots))
            slots.append(None)
        elif inner is not None and kind == inner.kind:
            content = inner_span(text, inner.offset + inner.width, i)
            slots[inner.slot] = Quotation(open=inner.offset, close=i + w - 1, content=content, level=1)
            inner = None
        elif outer is not None and kind in _DOUBLE:
            _drop(slots, inner)
            inner = None
            content = inner_span(text, outer.offset + outer.width, i)
            slots[outer.slot] = Quotation(
                open=outer.offset, close=i + w - 1, content=content, continues=outer.continues
            )
            outer = None
    _drop(slots, inner)
    return outer


def _drop(slots: list[Quotation | None], quotation: _Open | None) -> None:
    """Pair an open quotation with nothing (its slot stays empty)."""
    if quotation is not None:
        slots[quotation.slot] = None


def _passed_over(text: str, tables: SegmentTables, i: int, pe: int) -> int:
    """For the apostrophe at ``i``: -1 if it may be a quotation mark, else the offset of the mark to
    pass over: ``i`` itself before a decade (``’90s``), the closing one of an elision (``’n’``)."""
    j = i + 1
    if j < pe and text[j].isdigit() and tables.decade.match(text, j, pe):
        return i
    for word in tables.elisions:
        end = j + len(word)
        if (
            end < pe
            and text.startswith(word, j)
            and text[end] in "’'"
            and not text[end + 1 : end + 2].isalnum()
        ):
            return end
    return -1


def _opens(text: str, i: int, w: int, c: str, ps: int, pe: int, same: int) -> bool | None:
    """Whether the mark ``c`` at ``i`` (``w`` characters wide) opens a quotation (True) or closes
    one (False), or is no quotation mark (None). ``same``: the offset of an open quotation of the
    mark's kind, or -1."""
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + w] if i + w < pe else " "
    can_open = (prev.isspace() or prev in _OPENING_CONTEXT) and not nxt.isspace()
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSING_CONTEXT)
    if c == '"' or c == "'":
        if prev.isdigit() and nxt not in _CLOSING_CONTEXT and _is_measure(text, i, w, c, ps, pe, same):
            return None
        if can_open != can_close:
            return can_open
        if can_open or (prev.isspace() and nxt.isspace()) or (prev in ",:;" and nxt.isalnum()):
            # either way, between spaces, or after a comma (said,"From): toggle
            return same < 0
        return None  # inside a word: OPEC"s
    if can_open != can_close and c in "“”":
        return can_open  # a curly mark in the other's position: unusual,“ said
    return c in "“‘"


def _is_measure(text: str, i: int, w: int, c: str, ps: int, pe: int, same: int) -> bool:
    """Whether the straight mark at ``i``, after a digit, is a measure (``6" pipe``, ``5' 10"``)
    rather than the close of a quotation (``"50-50" chance``)."""
    if c == "'" or same < 0:
        return True
    last_straight = max(text.rfind('"', ps, pe), text.rfind("''", ps, pe))
    nxt = text[i + w] if i + w < pe else " "
    return (
        i < last_straight
        and (i - same > 40 or any(ch.isspace() for ch in text[same + 1 : i]))
        and (nxt.isalpha() or nxt == "-" or text[i + w + 1 : i + w + 2].islower())
    )
