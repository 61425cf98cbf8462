"""The state of one run of the statement stage: the text's tokens, quotations and the drafts.

Every pass (``cues``, ``sources``, ``clauses``, ``quotes``, ``speakers``) is a set of plain
functions over one :class:`Scan`. It holds what the segmenter and the earlier stages found, a few
indexes built once (which tokens are quoted, which quotation opens or closes at an offset, where
the time expressions are), and the statements found so far as :class:`StatementDraft` records.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Callable, Sequence

import attrs
import regex

from ..model import Actor, StatementKind, TimeExpression
from ..pipeline import Context
from ..segment import Quotation, Segmentation
from .lexicon import CueLexicon

__all__ = [
    "CLOSERS",
    "COLON",
    "COMMA",
    "DAY",
    "END",
    "MAX_CLAUSE",
    "NP_JOINERS",
    "OPENERS",
    "QUOTE",
    "QUOTE_CHARS",
    "SEPARATORS",
    "WORD",
    "Scan",
    "StatementDraft",
    "TokenSpan",
    "content_of",
    "indices",
]

OPENERS = '“"‘'
CLOSERS = "”\"’'"
QUOTE_CHARS = "“”\"‘’'"
SEPARATORS = frozenset({",", "”", '"', "’", "'", "—", "–", "―", ":", "?", "!", ";"})
NP_JOINERS = frozenset({"’", "'", ".", "&", "-"})
DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")  # a TIMEX3 value of day precision or finer
MAX_CLAUSE = 3000  # characters: no reported clause is longer, and the bound keeps the scan linear

# Where the words after a cue lead.
END, COMMA, COLON, QUOTE, WORD = "end", "comma", "colon", "quote", "word"

TokenSpan = tuple[int, int]
"""The first and last token (inclusive) of a source or an antecedent."""

# What the log of a scan records (:attr:`Scan.log`, read by :mod:`.respeak`).
ADDED, INSERTED, POPPED, SORTED, MERGED, KEPT_SPEAKERLESS, DROPPED_SPEAKERLESS = range(7)


@attrs.define
class StatementDraft:
    """A statement being built: character spans, except ``tokens`` (the source's first and last token)."""

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[int, int]
    kind: StatementKind
    rule: str
    speaker: Actor | None
    sentence: int
    paragraph: int
    quote: Quotation | None = None
    time: TimeExpression | None = None
    tokens: TokenSpan | None = None


Recipe = tuple[TokenSpan | None, TokenSpan | None, "tuple[int, int] | None", StatementDraft | None]
"""How a draft's speaker was found: ``(source tokens, antecedent, content, like)``: the speaker of
the draft ``like`` (if any), else the speaker the source names (content given to the resolution)."""

Event = tuple[int, StatementDraft | None, "tuple[int, int] | None", TimeExpression | None, Recipe | None]
"""One entry of :attr:`Scan.log`: what happened, to which draft, its content and time then, and how
its speaker was found."""


def content_of(draft: StatementDraft) -> tuple[int, int]:
    """A draft's content: the key drafts are sorted by."""
    return draft.content


_SPAN_START = operator.attrgetter("span.start")


_INDICES = [list(range(4096))]
_MAX_KEPT = 1 << 16  # the longest list kept: about 2.3 MB (a text of some 300 KB)


def indices(n: int) -> Sequence[int]:
    """``0, 1, 2, ...``: at least ``n`` of them, in a list kept between calls (to select tokens
    by index with ``itertools.compress`` without making an ``int`` for every token). Past
    ``_MAX_KEPT`` a ``range``, so that one huge text does not leave a huge list behind."""
    found = _INDICES[0]
    if len(found) >= n:
        return found
    if n > _MAX_KEPT:
        return range(n)
    _INDICES[0] = found = list(range(min(2 * n, _MAX_KEPT)))
    return found


def recased(seg: Segmentation, lex: CueLexicon) -> tuple[str, ...]:
    """The tokens as the finder reads their case. In a sentence written in capitals ("TILLERSON SAID
    RUSSIA HAD FAILED."), the words of the lexicon read lowercase and the others capitalised, as
    they would be in ordinary copy; the text and every offset are unchanged."""
    words = seg.words
    # The words in capitals, by index (one pass in C, then the few found checked for length).
    capitals = [
        k for k in itertools.compress(indices(len(words)), map(str.isupper, words)) if len(words[k]) > 1
    ]
    if len(capitals) < 3:
        return words  # no sentence with three words in capitals: nothing to do
    out: list[str] | None = None
    starts = seg.token_starts
    # Capitals per sentence (a token counts in the sentence its start lies in).
    per_sentence: dict[int, int] = {}
    for k in capitals:
        si = seg.sentence_index(starts[k])
        if si >= 0 and starts[k] < seg.sentences[si].end:
            per_sentence[si] = per_sentence.get(si, 0) + 1
    for si, n_upper in per_sentence.items():
        if n_upper < 3:
            continue  # most sentences: a "U.S." or a "(Reuters)" at most
        sent = seg.sentences[si]
        a, b = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        # Not written in capitals when n_upper < 4 * (the words with a lower-case letter): the
        # count stops as soon as it says so.
        limit, lower = n_upper // 4, 0
        for k in range(a, b):
            if any(map(str.islower, words[k])):
                lower += 1
                if lower > limit:
                    break
        if lower > limit:
            continue
        if out is None:
            out = list(words)
        known = lex.known
        for k in range(a, b):
            w = words[k]
            if w.isupper():
                low = seg.lower_words[k]
                out[k] = low if low in known else w[0] + w[1:].lower()
    return words if out is None else tuple(out)


class Scan:
    """The state of one call: the text, its tokens, quotations and the drafts found so far."""

    def __init__(self, context: Context, lex: CueLexicon) -> None:
        self.ctx = context
        self.lex = lex
        self.text = context.text
        self.seg = context.segments
        self.cast = context.cast
        self.toks = self.seg.tokens
        self.starts = self.seg.token_starts
        # index(offset): the first token starting at or after ``offset`` (a bisection in C)
        self.index: Callable[[int], int] = functools.partial(bisect.bisect_left, self.starts)
        self.words = recased(self.seg, lex)
        self.lows = lows = self.seg.lower_words
        # cue_tokens: the tokens where a cue form may start (one pass in C); the clause scan
        # finds the other marks (punctuation, conjunctions) in the clause it reads
        self.cue_tokens = list(itertools.compress(indices(len(lows)), map(lex.starts.__contains__, lows)))
        # quoted[k]: token k lies inside the content of a (level-0) quotation
        self.quoted = bytearray(len(lows))
        self.quotes = quotes = [q for q in self.seg.quotations if q.level == 0]
        self.quote_starts: list[int] = []
        self.by_close: dict[int, Quotation] = {}
        self.by_open: dict[int, Quotation] = {}
        if quotes:
            for q in quotes:
                a = bisect.bisect_left(self.starts, q.content.start)
                b = bisect.bisect_left(self.starts, q.content.end)
                self.quoted[a:b] = b"\x01" * (b - a)
            self.quote_starts = [q.content.start for q in quotes]
            self.by_close = {q.close: q for q in quotes if q.close is not None}
            self.by_open = {q.open: q for q in quotes}
        # the times: by end and by start, where they start, and those outside quotations
        self.time_end: dict[int, int] = {}
        self.time_start: dict[int, int] = {}
        self.time_keys: list[int] = []
        self.free_times: list[TimeExpression] = []
        times = context.times
        if times:
            spans = [t.span for t in times]
            self.time_end = {span.end: span.start for span in spans}
            self.time_start = {span.start: span.end for span in spans}
            self.time_keys = sorted(self.time_start)
            quotation_at = self.seg.quotation_at
            self.free_times = (
                [t for t in times if quotation_at(t.span.start) is None] if quotes else list(times)
            )
            self.free_times.sort(key=_SPAN_START)
        self.time_starts = [t.span.start for t in self.free_times]
        self.drafts: list[StatementDraft] = []
        # signs of a person's gender (male, female) and its pronouns by start, by actor id
        self.genders: dict[str, tuple[int, int, dict[int, str]]] = {}
        self.firsts: dict[int, int] = {}
        # the actors by each word of their names and roles (speakers._named_by, built at first use)
        self.head_words: dict[str, list[Actor]] | None = None
        # a cue closing its paragraph with a colon, by paragraph: (source, cue, antecedent)
        self.pending: dict[int, tuple[TokenSpan, tuple[int, int], TokenSpan | None]] = {}
        # set when the cue pass is over (the second pass inserts drafts in content order)
        self.keys: list[tuple[int, int]] = []
        self.by_quote: dict[int, StatementDraft] = {}
        self.quote_index: dict[int, int] = {}
        # every change to the drafts, in order: what :mod:`.respeak` replays through another cast
        self.log: list[Event] = []

    # -- tokens ------------------------------------------------------------------------------------

    def is_word(self, k: int) -> bool:
        return self.words[k][0].isalnum()

    def adjacent(self, k: int) -> bool:
        """Whether token ``k`` touches the token before it."""
        return k > 0 and self.toks[k - 1][1] == self.toks[k][0]

    def joiner(self, k: int) -> bool:
        """A token that joins a name or phrase to the word before it: ``’s``, ``.``, ``-``, ``&``."""
        t = self.words[k]
        return self.adjacent(k) and (t in NP_JOINERS or (t[:1] in "’'" and t[1:].isalpha()))

    def is_cue_word(self, k: int) -> bool:
        return self.lows[k] in self.lex.frames

    def passive(self, k: int) -> bool:
        """Whether the cue form at token ``k`` is a passive participle with its agent (``a cleric
        blamed by Ankara for ...``): no act of saying."""
        return (
            k + 1 < len(self.toks)
            and self.lows[k].endswith(self.lex.participle_suffixes)
            and self.lows[k + 1] in self.lex.agent_prepositions
        )

    def words_in(self, start: int, end: int, cap: int = 12) -> int:
        """Word tokens lying wholly inside ``[start, end)``, counted up to ``cap``."""
        starts = self.starts
        i = bisect.bisect_left(starts, start)
        # The tokens inside: up to the first one starting at ``end`` or later, less one that
        # starts before ``end`` and ends after it.
        stop = bisect.bisect_left(starts, end, i)
        if stop > i and self.toks[stop - 1][1] > end:
            stop -= 1
        n = 0
        if cap > 0:
            for word in self.words[i:stop]:
                if word[0].isalnum():
                    n += 1
                    if n == cap:
                        break
        return n

    def first_token(self, si: int) -> int:
        """The first token of a sentence, past the dateline."""
        found = self.firsts.get(si)
        if found is not None:
            return found
        start = self.seg.sentences[si].start
        dateline = self.seg.dateline
        if dateline is not None and dateline.span.start <= start < dateline.span.end:
            start = dateline.span.end
        self.firsts[si] = found = self.index(start)
        return found

    # -- drafts ------------------------------------------------------------------------------------

    def add(self, draft: StatementDraft, recipe: Recipe | None) -> None:
        """Append a draft (first pass); ``recipe`` tells how its speaker was found."""
        self.log.append((ADDED, draft, draft.content, draft.time, recipe))
        self.drafts.append(draft)

    def pop(self) -> StatementDraft:
        """Remove and return the last draft appended."""
        self.log.append((POPPED, None, None, None, None))
        return self.drafts.pop()

    def drop_speakerless(self) -> None:
        """Remove the last draft appended if it has no speaker."""
        speakerless = self.drafts[-1].speaker is None
        self.log.append((DROPPED_SPEAKERLESS if speakerless else KEPT_SPEAKERLESS, None, None, None, None))
        if speakerless:
            self.drafts.pop()

    def sort_drafts(self) -> None:
        """The end of the first pass: the drafts sorted by content, and indexed."""
        self.log.append((SORTED, None, None, None, None))
        self.drafts.sort(key=content_of)
        self.keys = [d.content for d in self.drafts]
        self.by_quote = {id(d.quote): d for d in self.drafts if d.quote is not None}
        self.quote_index = {id(q): i for i, q in enumerate(self.quotes)}

    def merge(self, draft: StatementDraft, content: tuple[int, int], quote: Quotation) -> None:
        """Extend a draft's content to the end of a quotation that continues it."""
        self.log.append((MERGED, draft, content, None, None))
        draft.content = content
        draft.quote = quote
        self.by_quote[id(quote)] = draft

    def insert(self, draft: StatementDraft, recipe: Recipe | None = None) -> None:
        """Insert a draft of the second pass, keeping drafts sorted by content."""
        self.log.append((INSERTED, draft, draft.content, draft.time, recipe))
        i = bisect.bisect_right(self.keys, draft.content)
        self.keys.insert(i, draft.content)
        self.drafts.insert(i, draft)
        if draft.quote is not None:
            self.by_quote[id(draft.quote)] = draft

    def near(self, offset: int, n: int = 8) -> list[StatementDraft]:
        """Up to ``n`` drafts whose content starts before ``offset``, in text order."""
        i = bisect.bisect_left(self.keys, (offset, -1))
        return self.drafts[max(0, i - n) : i]
