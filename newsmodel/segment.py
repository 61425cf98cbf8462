"""Segmentation: the dateline, paragraphs, sentences, tokens and paired quotation marks.

This is the first stage of the pipeline and runs once per article; every later stage reads its
:class:`Segmentation` instead of splitting the text again.
"""

from __future__ import annotations

import bisect

import attrs
import regex

from .model import Dateline, Span
from .rules import load_rules

__all__ = ["Quotation", "Segmentation", "Segmenter"]


@attrs.frozen(kw_only=True)
class Quotation:
    """A pair of quotation marks and the words between them.

    Attributes:
        open: offset of the opening mark.
        close: offset of the closing mark; ``None`` when the quote runs on into the next paragraph
            (news style: a paragraph left open and the next one opening with a mark).
        content: the words inside the marks, without the marks.
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


@attrs.frozen(kw_only=True)
class Segmentation:
    """What the segmenter found in one text; shared by every later stage.

    Attributes:
        text: the article text, exactly as given.
        dateline: the dateline, if the text opens with one.
        paragraphs: paragraph spans, in order, not overlapping.
        sentences: sentence spans, in order; each lies inside one paragraph.
        tokens: ``(start, end)`` of every word and punctuation token, in order.
        quotations: paired quotation marks, in order of their opening mark.
    """

    text: str
    dateline: Dateline | None
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    tokens: tuple[tuple[int, int], ...]
    quotations: tuple[Quotation, ...]
    _sentence_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    _paragraph_starts: list[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_sentence_starts", [s.start for s in self.sentences])
        object.__setattr__(self, "_paragraph_starts", [p.start for p in self.paragraphs])

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
        """The innermost double-quoted quotation whose content contains ``offset``."""
        for q in self.quotations:
            if q.open > offset:
                break
            if q.level == 0 and q.content.start <= offset < q.content.end:
                return q
        return None


_TOKEN = regex.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]", regex.V1)
_OPENING = "“‘"
_CLOSING = "”’"


@attrs.frozen
class Segmenter:
    """Finds the dateline, paragraphs, sentences, tokens and quotations of a text.

    Args:
        rules: the segmentation rule set (abbreviations, agencies); the shipped one by default.
    """

    rules: dict[str, object] = attrs.field(factory=lambda: load_rules("segment"))
    _dateline: regex.Pattern[str] = attrs.field(init=False, repr=False)
    _abbrev: frozenset[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_abbrev", frozenset(str(a) for a in self.rules.get("abbreviations", [])))  # type: ignore[attr-defined]
        object.__setattr__(
            self,
            "_dateline",
            regex.compile(
                r"""
                \A[ \t\r\n]{0,20}
                (?:\((?:This|In\ this|The|Corrects|Refiles|Updates)[^()\n]{0,300}\)[ \t\r\n]{1,20})?
                (?:By\ [A-Z][^\n]{0,80}?(?=[A-Z]{2}))?
                (?P<loc>[A-Z][A-Z.'’\-]*(?:[ ,/]{1,3}[A-Za-z.'’\-]+){0,6}?)?
                (?:,\ (?P<date>(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z.]*\ \d{1,2}))?
                [ ]{0,3}(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\)[ ]{0,3})?
                (?P<sep>--?|—|–)[ ]
                """,
                regex.VERBOSE,
            ),
        )

    def __call__(self, text: str) -> Segmentation:
        dateline = self.find_dateline(text)
        paragraphs = self.find_paragraphs(text)
        sentences = self.find_sentences(text, paragraphs, dateline)
        tokens = tuple((m.start(), m.end()) for m in _TOKEN.finditer(text))
        quotations = self.find_quotations(text, paragraphs)
        return Segmentation(
            text=text,
            dateline=dateline,
            paragraphs=paragraphs,
            sentences=sentences,
            tokens=tokens,
            quotations=quotations,
        )

    def find_dateline(self, text: str) -> Dateline | None:
        """The dateline opening ``text``, if there is one."""
        m = self._dateline.match(text[:600])
        if m is None or not (m["loc"] or m["agency"]):
            return None
        loc = (m["loc"] or "").strip(" ,")
        if loc and not any(c.isupper() for c in loc[:2]):
            return None
        if not m["agency"] and (not loc or not loc.split(",")[0].replace(" ", "").isupper()):
            return None
        start = m.start("loc") if m["loc"] else m.start("agency") - 1
        return Dateline(
            span=Span.of(text, start, m.end()),
            location=loc,
            agency=m["agency"],
            date=m["date"],
        )

    def find_paragraphs(self, text: str) -> tuple[Span, ...]:
        """Paragraph spans: blank-line separated, indented lines, or one line each."""
        out: list[Span] = []
        for m in regex.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append(Span.of(text, s, e))
        return tuple(out)

    def find_sentences(
        self, text: str, paragraphs: tuple[Span, ...], dateline: Dateline | None
    ) -> tuple[Span, ...]:
        """Sentence spans inside each paragraph."""
        out: list[Span] = []
        for p in paragraphs:
            start = p.start
            for m in regex.finditer(
                r"[.!?]+[”’\"')\]]*(?=\s+[“‘\"(\[]?[A-Z0-9])", text, pos=p.start, endpos=p.end
            ):
                end = m.end()
                word = regex.search(r"(\w+(?:\.\w+)*)\.?$", text[max(start, m.start() - 20) : m.start() + 1])
                if (
                    word is not None
                    and m.group()[0] == "."
                    and (word.group(1) in self._abbrev or len(word.group(1)) == 1 or "." in word.group(1))
                ):
                    continue
                out.append(Span.of(text, start, end))
                start = end
                while start < p.end and text[start].isspace():
                    start += 1
            if start < p.end:
                out.append(Span.of(text, start, p.end))
        return tuple(out)

    def find_quotations(self, text: str, paragraphs: tuple[Span, ...]) -> tuple[Quotation, ...]:
        """Pair quotation marks within paragraphs; a quote left open continues into a paragraph that opens with a mark."""
        out: list[Quotation] = []
        carried = False
        for p in paragraphs:
            open_at: int | None = None
            continues = False
            if carried and text[p.start] in '“"':
                open_at, continues = p.start, True
            carried = False
            for m in regex.finditer(r"[“”\"]", text, pos=p.start, endpos=p.end):
                i = m.start()
                if continues and i == p.start:
                    continue
                c = text[i]
                if open_at is None:
                    if c in '“"':
                        open_at = i
                    continue
                if c in '”"':
                    out.append(
                        Quotation(
                            open=open_at, close=i, content=Span.of(text, open_at + 1, i), continues=continues
                        )
                    )
                    open_at, continues = None, False
                elif c == "“":
                    open_at = i
            if open_at is not None:
                carried = True
                out.append(
                    Quotation(
                        open=open_at,
                        close=None,
                        content=Span.of(text, open_at + 1, p.end),
                        continues=continues,
                    )
                )
        return tuple(out)
