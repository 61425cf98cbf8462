"""What the segmenter finds: :class:`Segmentation` and its paired :class:`Quotation` marks.

Both are documented and imported from :mod:`newsmodel.segment`.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Iterable
from itertools import accumulate

import attrs

from .._trusted import span_of
from ..model import Dateline, Span

__all__ = ["Quotation", "Segmentation", "inner_span", "segmentation"]

_FIRST = operator.itemgetter(0)
_new = object.__new__
_LSTRIP = str.lstrip
# Tokens past which the words of an article share one string object per distinct word (a 10 KB text).
_SHARE_WORDS = 2000


@attrs.frozen(kw_only=True)
class Quotation:
    """A pair of quotation marks and the words between them.

    Attributes:
        open: offset of the opening mark.
        close: offset of the closing mark (of its last character, for the two-character ``''``
            of some copy, so that ``close + 1`` is always where the mark ends); ``None`` when the
            quote runs on into the next paragraph (news style: a paragraph left open and the next
            one opening with a mark).
        content: the words inside the marks, without the marks (to the end of the paragraph when
            ``close`` is ``None``).
        level: 0 for a double-quoted quotation, 1 for a single-quoted one nested inside it.
        continues: whether this quotation continues one left open in the previous paragraph.
    """

    open: int
    close: int | None
    content: Span
    level: int = 0
    continues: bool = False

    @property
    def span(self) -> tuple[int, int]:
        """Offsets of the quotation, marks included."""
        end = self.close + 1 if self.close is not None else self.content.end
        return self.open, end


@attrs.frozen(kw_only=True, repr=False)
class Segmentation:
    """What the segmenter found in one text; shared by every later stage.

    Attributes:
        text: the article text, exactly as given.
        dateline: the dateline, if the text opens with one.
        paragraphs: paragraph spans, in order, not overlapping, trimmed of surrounding whitespace.
        sentences: sentence spans, in order, not overlapping; each lies inside one paragraph.
        tokens: ``(start, end)`` of every word and punctuation token, in order.
        quotations: paired quotation marks, in order of their opening mark.
        note: a correction note in parentheses before the dateline
            (``(This version of the story corrects ...)``), if any; it is a sentence of its own.
        byline: the names of a byline before the dateline place (``Jane Doe`` in
            ``By Jane Doe WASHINGTON (Reuters) -``), if any.
    """

    text: str
    dateline: Dateline | None
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    tokens: tuple[tuple[int, int], ...]
    quotations: tuple[Quotation, ...]
    note: Span | None = None
    byline: Span | None = None
    _sentence_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    _paragraph_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    _top_quotations: list[Quotation] = attrs.field(init=False, repr=False, eq=False)
    _top_opens: list[int] = attrs.field(init=False, repr=False, eq=False)
    _opens: list[int] = attrs.field(init=False, repr=False, eq=False)
    words: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    """The text of every token, aligned with ``tokens``."""
    lower_words: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    """Every token's text in lower case, aligned with ``tokens``: the stages' word look-ups."""
    token_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    """Every token's start offset, aligned with ``tokens``: for bisection by offset."""

    def __attrs_post_init__(self) -> None:
        text = self.text
        self._derive([text[a:b] for a, b in self.tokens], list(map(_FIRST, self.tokens)))

    def _derive(self, words: list[str], token_starts: list[int]) -> None:
        """Set the look-up fields, from the tokens' texts and start offsets."""
        _SETTERS["_sentence_starts"](self, [s.start for s in self.sentences])
        _SETTERS["_paragraph_starts"](self, [p.start for p in self.paragraphs])
        quotations = self.quotations
        if quotations:
            top = [q for q in quotations if q.level == 0]
            _SETTERS["_top_quotations"](self, top)
            _SETTERS["_top_opens"](self, [q.open for q in top])
            _SETTERS["_opens"](self, [q.open for q in quotations])
        else:  # three empty lists, as the comprehensions give
            _SETTERS["_top_quotations"](self, [])
            _SETTERS["_top_opens"](self, [])
            _SETTERS["_opens"](self, [])
        lower: Iterable[str] = map(str.lower, words)
        if len(words) > _SHARE_WORDS:
            # One string object per distinct word (and its lower case): a big article repeats words.
            # Below the threshold the copies cost little memory and sharing them costs time.
            same: dict[str, str] = {}
            keep = same.setdefault
            words = [keep(w, w) for w in words]
            lower = [keep(w, w) for w in lower]
        _SETTERS["words"](self, tuple(words))
        _SETTERS["lower_words"](self, tuple(lower))
        _SETTERS["token_starts"](self, token_starts)

    def __repr__(self) -> str:
        return (
            f"Segmentation({self.dateline!r}, {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences, {len(self.tokens)} tokens, {len(self.quotations)} quotations)"
        )

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset``, or of the last one starting before it (-1 if none)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing ``offset``, if any."""
        i = self.sentence_index(offset)
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing ``offset``, or of the last one starting before it (-1 if none)."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph containing ``offset``, if any."""
        i = self.paragraph_index(offset)
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def quotation_at(self, offset: int) -> Quotation | None:
        """The double-quoted (level 0) quotation whose content contains ``offset``, if any."""
        i = bisect.bisect_right(self._top_opens, offset) - 1
        if i >= 0:
            q = self._top_quotations[i]
            if q.content.start <= offset < q.content.end:
                return q
        return None

    def quotations_in(self, start: int, end: int) -> tuple[Quotation, ...]:
        """The quotations (any level) whose opening mark lies in ``[start, end)``."""
        lo = bisect.bisect_left(self._opens, start)
        hi = bisect.bisect_left(self._opens, end)
        return self.quotations[lo:hi]


# Each field's slot setter (the class is frozen: its own ``__setattr__`` refuses).
_SETTERS: dict[str, Callable[[Segmentation, object], None]] = {
    f.name: getattr(Segmentation, f.name).__set__ for f in attrs.fields(Segmentation)
}


def segmentation(
    text: str,
    dateline: Dateline | None,
    paragraphs: tuple[Span, ...],
    sentences: tuple[Span, ...],
    token_chunks: re.Pattern[str],
    quotations: tuple[Quotation, ...],
    note: Span | None,
    byline: Span | None,
) -> Segmentation:
    """The :class:`Segmentation` the segmenter found, its tokens read by ``token_chunks`` (a token
    with the white space before it; every character that is not white space starts a token). One
    ``findall`` gives the chunks; the running sum of their lengths gives where each token ends, and
    each chunk stripped of its white space the token's text, so that no token is sliced again."""
    end = len(text)
    if text[-1:].isspace():  # the white space at the end is no chunk (and is not read again and again)
        end = len(text.rstrip())
    chunks = token_chunks.findall(text, 0, end)
    ends = list(accumulate(map(len, chunks)))
    words = list(map(_LSTRIP, chunks))
    starts = list(map(operator.sub, ends, map(len, words)))
    seg: Segmentation = _new(Segmentation)
    set_field = _SETTERS
    set_field["text"](seg, text)
    set_field["dateline"](seg, dateline)
    set_field["paragraphs"](seg, paragraphs)
    set_field["sentences"](seg, sentences)
    set_field["tokens"](seg, tuple(zip(starts, ends, strict=True)))
    set_field["quotations"](seg, quotations)
    set_field["note"](seg, note)
    set_field["byline"](seg, byline)
    seg._derive(words, starts)
    return seg


def inner_span(text: str, start: int, end: int) -> Span:
    """``Span.of`` without its checks, for offsets the segmenter found inside ``text``."""
    return span_of(text, start, end)
