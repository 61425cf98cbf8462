"""The mechanism of the statement stage: cue verbs, quotations, sources and speakers.

One pass over the cue matches of the whole text attributes each cue (a reporting verb, ``according
to``) to its source and content; a second pass over the quotations that no cue claimed attributes
split quotes, continued quotes and bare-quote paragraphs to the statement they continue. Everything
works on the tokens, sentences and quotations of the segmenter; nothing here splits text again.
"""

from __future__ import annotations

import bisect
import itertools

import attrs
import regex

from ..model import Actor, ActorKind, Span, Statement, StatementKind, TimeExpression, TimeKind
from ..pipeline import Context
from ..segment import Quotation, Segmentation
from ..times import governing_time
from ._lexicon import Lexicon

__all__ = ["find_statements"]


_OPENERS = '“"‘'
_CLOSERS = "”\"’'"
_QUOTE_CHARS = "“”\"‘’'"
_SEPARATORS = frozenset({",", "”", '"', "’", "'", "—", "–", "―", ":", "?", "!", ";"})
_NP_JOINERS = frozenset({"’", "'", ".", "&", "-"})
_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")  # a TIMEX3 value of day precision or finer
_MAX_CLAUSE = 3000  # characters: no reported clause is longer, and the bound keeps the scan linear
_BRACKET = regex.compile(r"[()\[\]]")

# Where the words after a cue lead.
_END, _COMMA, _COLON, _QUOTE, _WORD = "end", "comma", "colon", "quote", "word"


@attrs.define
class _Draft:
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
    tokens: tuple[int, int] | None = None  # the source's first and last token


def _known_words(lex: Lexicon) -> frozenset[str]:
    """Every lowercase word the lexicon names (cues, pronouns, function words ...); computed only
    for an article with a sentence in capitals, which is rare."""
    sets = [getattr(lex, f.name) for f in attrs.fields(type(lex))]
    words: set[str] = set(lex.frames) | set(lex.starts)
    for value in sets:
        if isinstance(value, frozenset):
            words.update(w for w in value if isinstance(w, str))
    return frozenset(words)


def _recased(seg: Segmentation, lex: Lexicon) -> tuple[str, ...]:
    """The tokens as the finder reads their case. In a sentence written in capitals ("TILLERSON SAID
    RUSSIA HAD FAILED."), the words of the lexicon read lowercase and the others capitalised, as
    they would be in ordinary copy; the text and every offset are unchanged."""
    words = seg.words
    if not any(w.isupper() and len(w) > 1 for w in words):
        return words  # no word in capitals: nothing to do (most articles)
    known = _known_words(lex)
    out = list(words)
    starts = seg.token_starts
    for sent in seg.sentences:
        a, b = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        upper = sum(1 for k in range(a, b) if words[k].isupper() and len(words[k]) > 1)
        lower = sum(1 for k in range(a, b) if any(c.islower() for c in words[k]))
        if upper < 3 or upper < 4 * lower:  # not written in capitals (a dateline's "(Reuters)" aside)
            continue
        for k in range(a, b):
            w = words[k]
            if w.isupper():
                low = seg.lower_words[k]
                out[k] = low if low in known else w[0] + w[1:].lower()
    return tuple(out)


def find_statements(context: Context, lex: Lexicon) -> tuple[Statement, ...]:
    """The statements of one article, in text order."""
    return _Run(context, lex).run()


class _Run:
    """The state of one call: the text, its tokens, quotations and the drafts found so far."""

    def __init__(self, context: Context, lex: Lexicon) -> None:
        self.ctx = context
        self.lex = lex
        self.text = context.text
        self.seg = context.segments
        self.cast = context.cast
        self.toks = self.seg.tokens
        self.starts = self.seg.token_starts
        self.words = _recased(self.seg, lex)
        self.lows = self.seg.lower_words
        # marks: the tokens where a cue may start or a reported clause end (punctuation,
        # conjunctions, cues); everything else is looked at only around them
        marks = lex.marks
        self.marks = list(itertools.compress(range(len(self.lows)), map(marks.__contains__, self.lows)))
        # quoted[k]: token k lies inside the content of a (level-0) quotation
        self.quoted = bytearray(len(self.toks))
        for q in self.seg.quotations:
            if q.level == 0:
                a = bisect.bisect_left(self.starts, q.content.start)
                b = bisect.bisect_left(self.starts, q.content.end)
                self.quoted[a:b] = b"\x01" * (b - a)
        self.quotes = [q for q in self.seg.quotations if q.level == 0]
        self.quote_starts = [q.content.start for q in self.quotes]
        self.by_close = {q.close: q for q in self.quotes if q.close is not None}
        self.by_open = {q.open: q for q in self.quotes}
        self.time_end = {t.span.end: t.span.start for t in context.times}
        self.time_start = {t.span.start: t.span.end for t in context.times}
        self.drafts: list[_Draft] = []
        self.firsts: dict[int, int] = {}
        self.pending: dict[int, tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None]] = {}
        self.free_times = sorted(
            (t for t in context.times if self.inside_quote(t.span.start) is None), key=lambda t: t.span.start
        )
        self.time_starts = [t.span.start for t in self.free_times]

    # -- tokens ------------------------------------------------------------------------------------

    def tok(self, k: int) -> str:
        return self.words[k]

    def low(self, k: int) -> str:
        return self.lows[k]

    def is_word(self, k: int) -> bool:
        return self.words[k][0].isalnum()

    def index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def adjacent(self, k: int) -> bool:
        """Whether token ``k`` touches the token before it."""
        return k > 0 and self.toks[k - 1][1] == self.toks[k][0]

    def joiner(self, k: int) -> bool:
        """A token that joins a name or phrase to the word before it: ``’s``, ``.``, ``-``, ``&``."""
        t = self.tok(k)
        return self.adjacent(k) and (t in _NP_JOINERS or (t[:1] in "’'" and t[1:].isalpha()))

    def is_cue_word(self, k: int) -> bool:
        return self.lows[k] in self.lex.frames

    def words_in(self, start: int, end: int, cap: int = 12) -> int:
        """Word tokens lying wholly inside ``[start, end)``, counted up to ``cap``."""
        i = bisect.bisect_left(self.starts, start)
        n = 0
        words, toks = self.words, self.toks
        while i < len(toks) and toks[i][1] <= end and n < cap:
            if words[i][0].isalnum():
                n += 1
            i += 1
        return n

    def inside_quote(self, offset: int) -> Quotation | None:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.content.start <= offset < q.content.end:
                return q
        return None

    # -- the two passes ----------------------------------------------------------------------------

    def insert(self, draft: _Draft) -> None:
        """Insert a draft of the second pass, keeping drafts sorted by content."""
        i = bisect.bisect_right(self.keys, draft.content)
        self.keys.insert(i, draft.content)
        self.drafts.insert(i, draft)
        if draft.quote is not None:
            self.by_quote[id(draft.quote)] = draft

    def near(self, offset: int, n: int = 8) -> list[_Draft]:
        """Up to ``n`` drafts whose content starts before ``offset``, in text order."""
        i = bisect.bisect_left(self.keys, (offset, -1))
        return self.drafts[max(0, i - n) : i]

    def run(self) -> tuple[Statement, ...]:
        text, toks, starts, lows = self.text, self.toks, self.lex.starts, self.lows
        for k in [k for k in self.marks if lows[k] in starts]:
            word = self.words[k]
            if not (word.islower() or word[1:].islower()) or self.quoted[k]:
                continue
            s = toks[k][0]
            for words in starts[lows[k]]:
                last = k + len(words) - 1
                if last < len(toks) and all(
                    text[toks[k + i][0] : toks[k + i][1]].lower() == w
                    and text[toks[k + i - 1][1] : toks[k + i][0]].isspace()
                    for i, w in enumerate(words[1:], 1)
                ):
                    self.cue(s, toks[last][1], text[s : toks[last][1]])
                    break
        self.drafts.sort(key=lambda d: d.content)
        self.keys = [d.content for d in self.drafts]
        self.by_quote = {id(d.quote): d for d in self.drafts if d.quote is not None}
        self.quote_index = {id(q): i for i, q in enumerate(self.quotes)}
        self.quotations()
        return self.finish()

    def cue(self, cs: int, ce: int, form: str) -> None:
        si = self.seg.sentence_index(cs)
        if si < 0 or cs >= self.seg.sentences[si].end:
            return
        sent = self.seg.sentences[si]
        if self.words[self.index(cs)][:1].isupper():  # as the finder reads its case (_recased)
            k, k0 = self.index(cs), self.index(sent.start)
            if k - k0 > 2 or any(self.words[i] not in '“"‘(' for i in range(k0, k)):
                return  # a capitalised form only opens a sentence
        # A cue inside reported speech already found is part of what was reported.
        if self.drafts and self.drafts[-1].content[0] <= cs < self.drafts[-1].content[1]:
            return
        key = " ".join(form.lower().split())
        frames = self.lex.frames.get(key, frozenset())
        if "according" in frames:
            self.according(cs, ce, si)
        else:
            self.verb(cs, ce, key, frames, si)

    # -- reporting verbs ---------------------------------------------------------------------------

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

    def glued(self, first: int) -> int:
        """``“Why now?” Smith said.``: the segmenter ends a sentence at ``?”`` or ``!”``; a cue
        sentence that opens right after such a quotation in the same paragraph reaches back to
        its closing mark (returned as the new first token), so the cue can claim the quotation."""
        if first < 2:
            return first
        k = first - 1
        if self.words[k] not in _CLOSERS or self.words[k - 1] not in ("?", "!"):
            return first
        if "\n" in self.text[self.toks[k][1] : self.toks[first][0]] or self.toks[k][0] not in self.by_close:
            return first
        return k

    def verb(self, cs: int, ce: int, key: str, frames: frozenset[str], si: int) -> None:
        sent = self.seg.sentences[si]
        first = self.glued(self.first_token(si))
        ci = self.index(cs)
        j = self.skip_back(ci - 1, first)
        src: tuple[int, int] | None = None  # token indices, inclusive
        antecedent: tuple[int, int] | None = None
        participle = key.split()[0].endswith("ing")
        form_opens = self.words[ci][:1].isupper()
        if j >= first:
            low = self.low(j)
            if self.is_word(j):
                if low in self.lex.relatives and low != "that" and j - 1 >= first and self.tok(j - 1) == ",":
                    src = (j, j)
                    start = self.np_back(j - 2, first)
                    antecedent = (start, j - 2) if start is not None else None
                elif (self.words[j] != low and j > first) or (
                    low not in self.lex.clause_words and not self.is_cue_word(j)
                ):
                    start = self.np_back(j, first)
                    src = (start, j) if start is not None else None
            elif self.tok(j) == "," and not participle:
                src = self.appositive_back(j, first) or self.aside_back(j, first)
                if src is None and j - 1 > first and self.tok(j - 1) == ")":
                    src = self.parenthesis_back(j - 1, first)  # Gov. Jane Roe (R-Ohio), said
            elif self.tok(j) == ")":
                src = self.parenthesis_back(j, first)
        sep_tok = (src[0] if src else j + 1) - 1
        left_sep = sep_tok >= first and self.tok(sep_tok) in _SEPARATORS
        right, pos, quote = self.right_of(ce, sent.end, frames)
        if right == _WORD and quote is None:
            right, pos = self.past_adjunct_phrase(pos, sent.end)
            if right == _COMMA and pos in self.by_open:
                right, quote = _QUOTE, self.by_open[pos]
        cue = (cs, ce)

        # "..., saying ..." and "... and said ...": the subject of the main clause speaks.
        # A comma closing a quotation counts: on "Morning Joe," adding ...
        comma = j >= first and (
            self.tok(j) == "," or (self.tok(j) in _CLOSERS and j - 1 >= first and self.tok(j - 1) == ",")
        )
        shared = j >= first and (
            (participle and src is None and comma) or (self.low(j) in self.lex.coordinators and j > first)
        )
        if shared:
            if right in (_WORD, _QUOTE, _COLON) and "clause" in frames:
                rule = "participle-clause" if comma else "coordinated-clause"
                self.participle(
                    cue,
                    pos,
                    quote,
                    si,
                    first,
                    j,
                    rule,
                    need_quote="quoted" in frames,
                    need_that="that" in frames,
                )
            return
        if src is None and left_sep and right == _WORD and frames & {"postposed", "quote"}:
            inv = self.np_forward(pos, sent.end)
            if inv is not None and self.ends_here(self.toks[inv[1]][1], sent.end):
                self.before(cue, inv, None, sep_tok, first, si, quote_only="postposed" not in frames)
            return
        if src is None and j < first and form_opens and right == _WORD and "quote" in frames:
            self.opening_cue(cue, pos, sent.end, si)
        if src is None:
            return
        if left_sep and right == _WORD and quote is None and self.short_tail(pos, sent.end):
            right = _END
        q_before = self.quote_before(sep_tok, first) if left_sep else None
        if left_sep and (right in (_END, _COMMA) or (q_before is not None and right != _QUOTE)):
            if not frames & {"postposed", "quote"}:
                return
            if right == _COMMA and q_before is None:
                self.middle(cue, src, antecedent, sep_tok, first, pos, si)
            else:
                self.before(cue, src, antecedent, sep_tok, first, si, quote_only="postposed" not in frames)
            return
        if q_before is not None and right == _QUOTE and quote is not None and frames & {"quote", "postposed"}:
            # “A,” he said, “B.”: one statement, split by its attribution
            a, b = self.quote_content(q_before), self.quote_content(quote)
            if a is not None and b is not None and not self.embedded(q_before, first):
                if quote.open - a[1] <= (a[1] - a[0]) + (b[1] - b[0]):
                    self.add(
                        src,
                        cue,
                        (a[0], b[1]),
                        StatementKind.DIRECT,
                        "quote-then-cue+split",
                        si,
                        antecedent,
                        quote,
                    )
                else:
                    self.add(src, cue, a, StatementKind.DIRECT, "quote-then-cue", si, antecedent, q_before)
                return
        need = "quoted" in frames
        that = "that" in frames
        if (
            left_sep
            and q_before is None
            and right == _QUOTE
            and self.tok(sep_tok) == ","
            and "quote" in frames
        ):
            self.middle(cue, src, antecedent, sep_tok, first, pos, si)  # Other than that, he added, “...”
            return
        if quote is not None and right == _WORD and "clause" not in frames and "quote" in frames:
            # A verb that only quotes takes the quotation right after it: chanted “What curfew?”
            span = self.quote_content(quote)
            if span is not None and not self.is_title(quote, self.words_in(*span)):
                self.add(src, cue, span, StatementKind.DIRECT, "cue-then-quote", si, antecedent, quote)
            return
        if right == _QUOTE and quote is not None and frames & {"quote", "clause"}:
            self.forward(
                cue, src, antecedent, quote.open, si, "cue-then-quote", need_quote=need, need_that=that
            )
        elif right in (_WORD, _COLON) and "clause" in frames:
            self.forward(cue, src, antecedent, pos, si, "cue-then-clause", need_quote=need, need_that=that)
        elif right == _END and "quote" in frames and self.text[ce:pos].strip() == ":":
            # "Jane Roe, a voter, said:" closing its paragraph: the next one opens with the quote
            pi = self.seg.paragraph_index(cs)
            if pi >= 0 and self.text[pos : self.seg.paragraphs[pi].end].strip() == "":
                self.pending[pi] = (src, cue, antecedent)

    def opening_cue(self, cue: tuple[int, int], pos: int, end: int, si: int) -> None:
        """``Said Dorothy Poynter, a neighbour, “We were all so proud of him.”``"""
        src = self.np_forward(pos, end)
        if src is None:
            return
        k = src[1] + 1
        stop = min(len(self.toks), k + 40)
        while k < stop and self.toks[k][0] < end and not self.quoted[k] and self.tok(k) not in _OPENERS:
            k += 1
        if k >= stop:
            return
        q = self.by_open.get(self.toks[k][0]) if k < len(self.toks) else None
        if q is not None and self.tok(k - 1) in {",", ":"}:
            span = self.quote_content(q)
            if span is not None:
                self.add(src, cue, span, StatementKind.DIRECT, "cue-then-quote", si, None, q)

    def skip_back(self, j: int, first: int) -> int:
        """Skip auxiliaries, adverbs and a time expression between a source and its verb."""
        stop = j - 8
        while j >= first and j > stop:
            start = self.time_end.get(self.toks[j][1])
            if start is not None and start >= self.toks[first][0]:
                j = self.index(start) - 1
                if j >= first and self.low(j) in self.lex.time_prepositions:
                    j -= 1
                continue
            if self.is_word(j) and self.low(j) in self.lex.auxiliaries and self.words[j].islower():
                j -= 1
                continue
            break
        return j

    def np_back(self, j: int, first: int) -> int | None:
        """Start token of the noun phrase ending at token ``j``, walking back to a clause boundary."""
        words, lows, lex = self.words, self.lows, self.lex
        stops, frames, relatives, pronouns = lex.clause_words, lex.frames, lex.relatives, lex.pronouns
        k, n = j, 0
        while k >= first and n < 10:
            t = words[k]
            if t[0].isalnum():
                low = lows[k]
                # A capitalised word inside a sentence is a name ("Theresa May", "Tom Add").
                function = t == low or k == first
                if function and (low in stops or low in frames):
                    break
                if low in relatives or (low in pronouns and k < j):
                    break
            elif not (self.joiner(k) and k - 1 >= first and words[k - 1][0].isalnum()):
                break
            k -= 1
            n += 1
        start = k + 1
        while start <= j and not self.is_word(start):
            start += 1
        if start > j:
            return None
        # A long lower-case run is a clause, not a name; a verb inside makes it a clause too
        # ("tensions had fueled fears ...": "fears" is a noun there).
        if j - start >= 5 and not any(self.tok(i)[0].isupper() for i in range(start, j + 1)):
            return None
        if any(self.lows[i] in self.lex.function_verbs for i in range(start, j + 1)):
            return None
        return start

    def appositive_back(self, j: int, first: int) -> tuple[int, int] | None:
        """``Brian Fallon, a spokesman for Mrs. Clinton, said``: the name and its appositive, which
        may hold commas of its own (``Jane Roe, who lives outside the capital, Sacramento, said``)."""
        p = j
        for _ in range(3):
            q = p - 1
            while q >= first and j - q < 40 and self.tok(q) not in {",", "”", '"', ";", ":", "(", ")"}:
                if self.is_word(q) and self.is_cue_word(q) and not self.low(q).endswith("ing"):
                    return None
                q -= 1
            if q < first or self.tok(q) != "," or q + 1 >= p:
                return None
            p = q
            head = self.low(p + 1)
            if not (
                head in self.lex.determiners
                or head in self.lex.relatives
                or self.tok(p + 1)[0].isupper()
                or self.tok(p + 1)[0].isdigit()
                or head.endswith("ing")
            ):
                continue
            if self.tok(p - 1) == ")":
                named = self.parenthesis_back(p - 1, first)  # Sen. Jane Roe (D-Mo.), who ..., said
                start = named[0] if named is not None else None
            else:
                start = self.np_back(p - 1, first)
            if (
                start is not None
                and any(self.tok(i)[0].isupper() for i in range(start, p))
                and (
                    start == first
                    or self.tok(start - 1) in _SEPARATORS
                    or self.low(start - 1) in self.lex.connectives
                )
            ):
                return (start, j - 1)
        return None

    def aside_back(self, j: int, first: int) -> tuple[int, int] | None:
        """``Jane Roe’s campaign, for example, said``: the subject before a short aside."""
        p = j - 1
        while p >= first and j - p <= 4 and self.tok(p) != ",":
            if not self.words[p].islower():
                return None
            p -= 1
        if p < first or self.tok(p) != "," or p + 1 >= j or p - 1 < first or not self.is_word(p - 1):
            return None
        start = self.np_back(p - 1, first)
        if start is None or not (start == first or self.low(start - 1) in self.lex.connectives):
            return None
        return (start, p - 1)

    def parenthesis_back(self, j: int, first: int) -> tuple[int, int] | None:
        """``Sen. Jane Roe (D-Mass.) said``: the name before the parenthesis."""
        p = j - 1
        while p >= first and j - p < 10 and self.tok(p) != "(":
            p -= 1
        if p < first or self.tok(p) != "(":
            return None
        start = self.np_back(p - 1, first)
        return (start, j) if start is not None else None

    def right_of(self, ce: int, end: int, frames: frozenset[str]) -> tuple[str, int, Quotation | None]:
        """Where the words after a cue lead: the kind, the offset where it starts, a quotation."""
        text = self.text
        pos = ce
        for i in range(4):
            q = pos
            while q < end and text[q].isspace():
                q += 1
            stop = self.time_start.get(q)
            if stop is None:  # "said on March 3, 2017: ...", "said in 2013 the ...": its preposition
                after = q
                while after < end and text[after].isalpha():
                    after += 1
                if after > q and text[q:after].lower() in self.lex.time_prepositions:
                    r = after
                    while r < end and text[r].isspace():
                        r += 1
                    stop = self.time_start.get(r) if r > after else None
            # A time that owns the next noun is part of the clause: called Friday’s ruling ...
            if stop is not None and stop <= end and text[stop : stop + 2] not in ("’s", "'s"):
                pos = stop
                continue
            m = self.lex.adjunct.match(text, pos, end)
            if m is not None:
                pos = m.end()
                continue
            if i == 0 and "addressee" in frames:
                m = self.lex.addressee.match(text, pos, end)
                # A name that ends the sentence is an inverted source, not an addressee:
                # “Why now?” asked Jane Roe.
                if m is not None and not self.ends_sentence(m.end(), end):
                    pos = m.end()
                    continue
            break
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            return _END, pos, None
        c = text[pos]
        if c in ",:":
            after = pos + 1
            while after < end and text[after].isspace():
                after += 1
            quote = self.by_open.get(after)
            if quote is not None:
                return _QUOTE, after, quote
            if after >= end or text[after] in ".!?":
                return _END, after, None
            return (_COMMA if c == "," else _COLON), after, None
        if c in _OPENERS and pos in self.by_open:
            return _WORD, pos, self.by_open[pos]
        if c.isalnum():
            return _WORD, pos, None
        return _END, pos, None

    def short_tail(self, pos: int, end: int) -> bool:
        """Whether only a few words without ``that``, a cue or a quote mark end the sentence:
        ``..., she said in a video message to the convention.``"""
        k = self.index(pos)
        if k >= len(self.toks) or self.low(k) not in self.lex.not_clause:
            return False
        n = 0
        while k < len(self.toks) and self.toks[k][0] < end:
            t = self.tok(k)
            if t.lower() == "that" or t in _QUOTE_CHARS or t in {",", ":", ";"} or self.is_cue_word(k):
                return False
            n += 1
            if n > 10:
                return False
            k += 1
        return True

    def past_adjunct_phrase(self, pos: int, end: int) -> tuple[str, int]:
        """Past a prepositional phrase after a cue: ``said in an interview taped on Friday that``
        goes on at ``that``; ``said after the attacks.`` ends there."""
        k = self.index(pos)
        if k >= len(self.toks) or not self.is_word(k) or self.low(k) not in self.lex.not_clause:
            return _WORD, pos
        i = k + 1
        while i < len(self.toks) and self.toks[i][0] < end and i - k < 14:
            t = self.tok(i)
            if t.lower() == "that" and i - 1 > k:
                return _WORD, self.toks[i][0]
            if not self.is_word(i) and not self.joiner(i):
                if t == ",":
                    after = self.toks[i + 1][0] if i + 1 < len(self.toks) else self.toks[i][1]
                    return _COMMA, after
                if t in ".!?":
                    return _END, self.toks[i][0]
                return _WORD, pos
            if self.is_cue_word(i):
                return _WORD, pos
            if i - k >= 2 and self.lows[i] in self.lex.subject_pronouns:
                return _WORD, self.toks[i][0]  # "wrote in both listings he was ..."
            i += 1
        if i >= len(self.toks) or self.toks[i][0] >= end:
            return _END, end
        return _WORD, pos

    def ends_sentence(self, offset: int, end: int) -> bool:
        """Whether only closing punctuation (or an appositive's comma) follows ``offset``."""
        rest = self.text[offset:end].lstrip()
        return not rest or rest[0] in ".,!?"

    def ends_here(self, offset: int, end: int) -> bool:
        """Whether only a party-and-state parenthesis, an adjunct, a comma or the sentence end
        follows ``offset``: ``..., said Rep. Jane Roe (D-Mo.), a member of ...``."""
        text = self.text
        while offset < end and text[offset].isspace():
            offset += 1
        if offset < end and text[offset] == "(":
            close = text.find(")", offset, min(end, offset + 24))
            if close > 0:
                offset = close + 1
        m = self.lex.adjunct.match(text, offset, end)
        if m is not None:
            offset = m.end()
        while offset < end and text[offset].isspace():
            offset += 1
        if offset >= end or text[offset] in ".,;!?)—–":
            return True
        k = self.index(offset)
        return k < len(self.toks) and self.is_word(k) and self.low(k) in self.lex.clause_words

    # -- content -----------------------------------------------------------------------------------

    def quote_before(self, sep_tok: int, first: int) -> Quotation | None:
        """The quotation whose closing mark stands just before a source: ``“...,” he said``."""
        k = sep_tok
        while k >= first and sep_tok - k < 3:
            t = self.tok(k)
            if t in _CLOSERS:
                q = self.by_close.get(self.toks[k][0])
                if q is not None:
                    words = self.words_in(q.content.start, q.content.end, 9)
                    return None if self.titled(q, words) else q
            elif t not in {",", "?", "!", "—", "–"}:
                return None
            k -= 1
        return None

    def embedded(self, q: Quotation, first: int) -> bool:
        """Whether a quotation sits inside a clause of the writer's (America needs leaders “who
        ...,” she said): then the whole clause is the content, a MIXED one."""
        start = self.toks[first][0] if first < len(self.toks) else q.open
        if q.open <= start:
            return False
        start = max(start, q.open - 400)
        before = self.text[start : q.open].rstrip()
        cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind(":"))
        return any(c.isalnum() for c in before[cut + 1 :])

    def quote_content(self, q: Quotation) -> tuple[int, int] | None:
        s, e = q.content.start, q.content.end
        text = self.text
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        return (s, e) if e > s and any(c.isalnum() for c in text[s:e]) else None

    def clause_kind(self, s: int, e: int) -> StatementKind:
        chunk = self.text[s:e]
        if self.has_quote(s, e) or "``" in chunk:
            if chunk[:1] in _QUOTE_CHARS and chunk.rstrip(".,?!")[-1:] in _QUOTE_CHARS and len(chunk) > 2:
                inner = chunk[1:-1]
                if not any(c in '“”"' for c in inner.strip("'")):
                    return StatementKind.DIRECT
            return StatementKind.MIXED
        return StatementKind.INDIRECT

    def before(
        self,
        cue: tuple[int, int],
        src: tuple[int, int],
        antecedent: tuple[int, int] | None,
        sep_tok: int,
        first: int,
        si: int,
        *,
        quote_only: bool = False,
    ) -> None:
        """Content before the source: ``“...,” Tillerson said`` or ``..., officials said.``"""
        q = self.quote_before(sep_tok, first)
        if q is not None and not self.embedded(q, first):
            span = self.quote_content(q)
            if span is not None:
                self.add(src, cue, span, StatementKind.DIRECT, "quote-then-cue", si, antecedent, q)
            return
        if quote_only and q is None:
            return
        span = self.clause_before(sep_tok, first)
        if span is not None:
            kind = self.clause_kind(*span)
            rule = "quote-then-cue" if kind is StatementKind.DIRECT else "clause-then-cue"
            self.add(src, cue, span, kind, rule, si, antecedent)

    def clause_before(self, sep_tok: int, first: int) -> tuple[int, int] | None:
        k = sep_tok
        while k >= first and sep_tok - k < 10 and not self.is_word(k) and self.tok(k) not in "”\"'’":
            k -= 1
        # Keep a closing quote mark with its clause (``''...,'' he said``), drop the comma.
        while k >= first and self.tok(k) in ",;:—–":
            k -= 1
        if k < first:
            return None
        s = self.toks[first][0]
        e = self.toks[k][1]
        # An earlier statement in the sentence ends where this content may start.
        if self.drafts:
            d = self.drafts[-1]
            if d.sentence == self.seg.sentence_index(s) and d.cue is not None and d.content[1] <= e:
                s = max(s, d.content[1], d.cue[1] if d.cue[1] <= e else s)
        while s < e and (self.text[s].isspace() or self.text[s] in ",;:"):
            s += 1
        if self.text[s : s + 1] in ("”", "’") or s in self.by_close:
            return None  # the tail of a quotation: not a clause of the writer's
        return (s, e) if self.words_in(s, e, 2) >= 2 else None

    def middle(
        self,
        cue: tuple[int, int],
        src: tuple[int, int],
        antecedent: tuple[int, int] | None,
        sep_tok: int,
        first: int,
        after: int,
        si: int,
    ) -> None:
        """``Other than that, he added, “there is no change ...”``: a cue inside its sentence."""
        before = self.clause_before(sep_tok, first)
        rest = self.clause_after(after, si)
        if rest is not None and self.lows[self.index(rest[0])].endswith("ing"):
            rest = None  # "..., Trump said, speaking as ...": an aside, not what was said
        if rest is not None and (
            before is None or self.words_in(*before, 5) <= 4 or rest[1] - rest[0] > before[1] - before[0]
        ):
            if self.text[rest[0]] in _OPENERS and rest[0] in self.by_open:
                q = self.by_open[rest[0]]
                span = self.quote_content(q)
                if span is not None and q.close is not None and self.only_punct(q.close + 1, rest[1]):
                    self.add(src, cue, span, StatementKind.DIRECT, "parenthetical-cue", si, antecedent, q)
                    return
            self.add(src, cue, rest, self.clause_kind(*rest), "parenthetical-cue", si, antecedent)
        elif before is not None:
            self.add(src, cue, before, self.clause_kind(*before), "clause-then-cue", si, antecedent)

    def has_quote(self, s: int, e: int) -> bool:
        text = self.text
        return (
            text.find("“", s, e) >= 0
            or text.find("”", s, e) >= 0
            or text.find('"', s, e) >= 0
            or text.find("''", s, e) >= 0
        )

    def only_punct(self, s: int, e: int) -> bool:
        return not any(c.isalnum() for c in self.text[s:e])

    def clause_after(self, start: int, si: int) -> tuple[int, int] | None:
        """The reported clause from ``start`` to the end of its sentence (or a participle cue)."""
        sent = self.seg.sentences[si]
        text = self.text
        end = min(sent.end, start + _MAX_CLAUSE)
        # A clause said inside brackets ends at the bracket that closes them: "Markets fell
        # (traders said the drop was temporary) on Monday."
        depth = 0
        for b in _BRACKET.finditer(text, start, end):
            if b[0] in "([":
                depth += 1
            elif depth:
                depth -= 1
            else:
                end = b.start()
                break
        k = self.index(start)
        if k >= len(self.toks) or self.toks[k][0] >= end:
            return None
        if self.is_word(k) and self.low(k) in self.lex.not_clause:
            return None
        # The clause ends before a new statement or clause in the same sentence: a participle cue
        # (", adding ..."), "according to", a contrast (", but ..."), "and said ...", or a comma
        # that opens another source and cue (", Rubio fired back: ...").
        last_comma = -1
        m = bisect.bisect_right(self.marks, k)
        while m < len(self.marks) and self.toks[self.marks[m]][0] < end:
            i = self.marks[m]
            m += 1
            t = self.words[i]
            cut = self.toks[i][0]
            if self.quoted[i]:
                # A comma closing a quotation ends the clause as one outside would: `“...,” though`
                if not (t == "," and i + 1 < len(self.toks) and self.words[i + 1] in _CLOSERS):
                    continue
                i += 1
                cut = self.toks[i][1]
            nxt = self.low(i + 1) if i + 1 < len(self.toks) and self.toks[i + 1][0] < end else ""
            low = t.lower()
            if t in {",", ";", "—", "–", "―"}:
                # ", adding ...", ", referring to ...", "— a play on words": an aside of the writer.
                if (
                    t == ";"
                    or (nxt.endswith("ing") and nxt.isalpha() and nxt not in self.lex.not_clause)
                    or (  # ", implicitly putting ...": an adverb before the participle
                        nxt.endswith("ly")
                        and i + 2 < len(self.toks)
                        and self.lows[i + 2].endswith("ing")
                        and self.lows[i + 2].isalpha()
                        and self.lows[i + 2] not in self.lex.not_clause
                    )
                    or nxt in self.lex.clause_openers
                    or (t != "," and nxt[:1].isalpha())
                    or (nxt == "and" and i + 2 < len(self.toks) and self.low(i + 2) in self.lex.pronouns)
                    or (cut > self.toks[i][0] and nxt in self.lex.prepositions)
                ):
                    end = cut
                    break
                last_comma = i
            elif self.is_word(i) and self.is_cue_word(i):
                if (
                    last_comma >= 0
                    and i - last_comma <= 12
                    and self.low(last_comma + 1) not in self.lex.relatives
                    and not any(self.lows[x] in self.lex.function_verbs for x in range(last_comma + 1, i))
                ):
                    end = self.toks[last_comma][0]
                    break
            elif (
                (low == "and" and self.new_speaker(i, end))
                or (low in self.lex.coordinators and (nxt in self.lex.frames or nxt in self.lex.do_support))
                or (  # "... and repeatedly says ..."
                    low in self.lex.coordinators
                    and nxt in self.lex.auxiliaries
                    and i + 2 < len(self.toks)
                    and self.lows[i + 2] in self.lex.frames
                    and self.words[i + 2].islower()
                )
                or (low in self.lex.contrasts and i - k >= 3)
            ):
                end = self.toks[i][0]
                break
        # A quotation opened in the clause runs to its closing mark, past a sentence break in it.
        qi = bisect.bisect_left(self.quote_starts, start + 1)
        while qi < len(self.quotes) and self.quotes[qi].open < end:
            q = self.quotes[qi]
            if (
                q.close is not None
                and q.close + 1 > end
                and self.seg.paragraph_index(q.close) == self.seg.paragraph_index(start)
            ):
                end = q.close + 1
            qi += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–"):
            end -= 1
        if end <= start or self.words_in(start, end, 1) < 1:
            return None
        return start, end

    def new_speaker(self, i: int, end: int) -> bool:
        """``... and Donald Trump says ...``: a conjunction opening another statement."""
        nxt = i + 1
        if nxt >= len(self.toks) or not (
            self.words[nxt][:1].isupper() or self.lows[nxt] in self.lex.subject_pronouns
        ):
            return False
        for x in range(nxt + 1, min(nxt + 7, len(self.toks))):
            if self.toks[x][0] >= end or not (self.is_word(x) or self.joiner(x)):
                return False
            if self.words[x].islower() and self.is_cue_word(x) and not self.lows[x].endswith("ing"):
                return True
        return False

    def forward(
        self,
        cue: tuple[int, int],
        src: tuple[int, int] | None,
        antecedent: tuple[int, int] | None,
        start: int,
        si: int,
        rule: str,
        speaker: Actor | None = None,
        *,
        need_quote: bool = False,
        need_that: bool = False,
    ) -> None:
        """Content after the cue: ``he said (that) ...``, ``he said: “...”``."""
        span = self.clause_after(start, si)
        if span is None or (need_quote and not self.has_quote(*span)):
            return
        if need_that and self.lows[self.index(span[0])] != "that":
            return
        q = self.by_open.get(start)
        if q is not None:
            inner = self.quote_content(q)
            # The quotation is what was said when it is all the clause holds, or when a comma or
            # colon introduces it and its words end an utterance (“...,” / “...?”): what follows
            # it is the writer's ("says, “Don’t do it,” until shots are heard").
            closed = (
                q.close is not None
                and self.text[q.close - 1 : q.close] in {",", ".", "?", "!"}
                and self.text[max(0, q.open - 3) : q.open].rstrip()[-1:] in {",", ":"}
            )
            if inner is not None and (q.close is None or closed or self.only_punct(q.close + 1, span[1])):
                words = self.words_in(*inner)
                if self.is_title(q, words) and self.titled(q, words):
                    return  # told ABC’s “Good Morning America.”: a show, not what was said
                self.add(src, cue, inner, StatementKind.DIRECT, rule, si, antecedent, q, speaker)
                return
        kind = self.clause_kind(*span)
        if kind is StatementKind.INDIRECT and self.words_in(*span, 2) < 2:
            return
        if rule == "cue-then-quote" and kind is not StatementKind.DIRECT:
            rule = "cue-then-clause"
        self.add(src, cue, span, kind, rule, si, antecedent, None, speaker)

    def participle(
        self,
        cue: tuple[int, int],
        pos: int,
        quote: Quotation | None,
        si: int,
        first: int,
        comma: int,
        rule: str,
        *,
        need_quote: bool = False,
        need_that: bool = False,
    ) -> None:
        """``Tillerson blamed Russia, saying ...``: the subject of the main clause is the speaker."""
        start = quote.open if quote is not None else pos
        for d in reversed(self.drafts):  # "X said ..., adding ...": the same speaker
            if d.sentence != si:
                break
            if d.cue is not None and d.cue[1] <= cue[0]:
                self.forward(
                    cue,
                    d.tokens,
                    None,
                    start,
                    si,
                    rule,
                    d.speaker,
                    need_quote=need_quote,
                    need_that=need_that,
                )
                return
        src = self.subject(first, comma)
        if src is None:
            return
        self.forward(cue, src, None, start, si, rule, need_quote=need_quote, need_that=need_that)

    def subject(self, first: int, limit: int) -> tuple[int, int] | None:
        """The noun phrase opening a sentence (after connectives and a leading time expression)."""
        k = first
        limit = min(limit, first + 20)
        while k < limit and (not self.is_word(k) or self.low(k) in self.lex.connectives):
            if self.tok(k) not in {",", "“", '"', "‘"} and not self.is_word(k):
                return None
            k += 1
        if k >= limit:
            return None
        # An opening phrase of time or place is not the subject: "On Thursday, he ...",
        # "In Iowa, Cruz ..."; the subject follows its comma.
        if self.low(k) in self.lex.not_clause or self.toks[k][0] in self.time_start:
            c = k + 1
            while c < limit and c - k < 12 and self.tok(c) != ",":
                c += 1
            if c >= limit or c - k >= 12:
                return None
            k = c + 1
            if k >= limit or not self.is_word(k):
                return None
        if self.low(k) in self.lex.pronouns and self.low(k) != "who":
            return (k, k)
        e = k
        while e + 1 < limit and e - k < 9:
            t = self.tok(e + 1)
            if self.is_word(e + 1):
                if not (t[0].isupper() or t.lower() in self.lex.name_joiners):
                    break
            elif not self.joiner(e + 1):
                break
            e += 1
        while e > k and not self.is_word(e):
            e -= 1
        if not self.tok(k)[0].isupper():
            return None
        # Only as far as a mention of an actor reaches, when the cast knows one there.
        found = self.cast.mentions_between(self.toks[k][0], self.toks[e][1])
        if found:
            last = found[-1][0].span.end
            e = self.index(last) - 1 if self.index(last) > k else e
            while e > k and self.toks[e][1] > last:
                e -= 1
        return (k, e)

    def np_forward(self, pos: int, end: int) -> tuple[int, int] | None:
        """The noun phrase starting at ``pos`` (an inverted source, ``according to`` a source)."""
        k = self.index(pos)
        if k >= len(self.toks) or self.toks[k][0] >= end or not self.is_word(k):
            return None
        last = None
        n = 0
        while k < len(self.toks) and self.toks[k][0] < end and n < 15:
            t = self.tok(k)
            if self.is_word(k):
                low = t.lower()
                if n > 0 and (
                    low in self.lex.clause_words or low in self.lex.relatives or low in self.lex.frames
                ):
                    break
                last = k
            elif self.joiner(k) and (t[:1] in "’'" or (k + 1 < len(self.toks) and self.adjacent(k + 1))):
                pass
            elif t == "." and self.adjacent(k) and len(self.tok(k - 1)) <= 3 and self.tok(k - 1)[0].isupper():
                if k + 1 >= len(self.toks) or self.toks[k + 1][0] >= end:
                    break
            elif t in "’'" and self.adjacent(k):
                pass
            else:
                break
            k += 1
            n += 1
        if last is None:
            return None
        return self.index(pos), last

    # -- according to ------------------------------------------------------------------------------

    def according(self, cs: int, ce: int, si: int) -> None:
        sent = self.seg.sentences[si]
        first = self.first_token(si)
        src = self.np_forward(ce, sent.end)
        if src is None:
            return
        cue = (cs, ce)
        src_end = self.toks[src[1]][1]
        ai = self.index(cs)
        opening = ai <= first or (
            ai - first <= 4
            and all(not self.is_word(i) or self.low(i) in self.lex.connectives for i in range(first, ai))
        )
        after = src_end
        while after < sent.end and (self.text[after].isspace() or self.text[after] in ",:"):
            after += 1
        rest = self.clause_after(after, si) if after < sent.end else None
        before = None if opening else self.clause_before(ai - 1, first)
        span = (
            rest
            if opening
            or (rest is not None and before is not None and rest[1] - rest[0] > before[1] - before[0])
            else before
        )
        if span is None:
            return
        self.add(src, cue, span, self.clause_kind(*span), "according-to", si, None)

    # -- the second pass: quotations no cue claimed ------------------------------------------------

    def quotations(self) -> None:
        for q in self.quotes:
            if q.close is not None and q.close - q.open < 2:
                continue
            if self.claimed(q):
                continue
            span = self.quote_content(q)
            if span is None:
                continue
            words = self.words_in(*span, max(9, self.lex.scare_quote_words + 1))
            if words <= self.lex.scare_quote_words or self.is_title(q, words):
                continue
            pi = self.seg.paragraph_index(q.open)
            si = self.seg.sentence_index(q.open)
            if self.colon_quote(q, span, si) or self.dash_signed(q, span, si, pi):
                continue
            waiting = self.pending.get(pi - 1) if q.open == self.seg.paragraphs[pi].start else None
            if waiting is not None:
                self.add(
                    waiting[0], waiting[1], span, StatementKind.DIRECT, "cue-then-quote", si, waiting[2], q
                )
                self.insert(self.drafts.pop())
                continue
            prev = self.previous(q.open)
            if prev is not None and prev.rule == "quote-dash-signed":
                prev = None  # a signed quotation is complete: the next one is someone else's
            rule = None
            if q.continues:
                prior = self.continued(q)
                if prior is not None:
                    prev, rule = prior, "quote-continued"
            opens = self.opens_sentence(q.open, si) or self.after_attribution(q.open, si, prev)
            if rule is None and prev is not None and prev.paragraph == pi and opens:
                near = prev.sentence >= si - 1
                rule = "quote-split" if near and self.quoted_end(prev) else "quote-same-paragraph"
            if rule is None and prev is not None and prev.paragraph == pi - 1 and pi >= 0:
                para = self.seg.paragraphs[pi]
                # The previous paragraph ends with that statement: "..., she said." then “...”
                ends = prev.content[1] >= self.seg.paragraphs[pi - 1].end - 3 or (
                    prev.cue is not None and prev.cue[1] >= self.seg.paragraphs[pi - 1].end - 40
                )
                if q.open == para.start and ends:
                    rule = "quote-paragraph"
            if rule is None or prev is None:
                if words >= 5:
                    self.unattributed(q, span, si, pi)
                continue
            split = self.split_head(q.open, pi, si) if rule != "quote-continued" else None
            if split is not None and self.merge(split, q, span, "quote-split"):
                continue
            if self.merge(prev, q, span, rule):
                continue
            draft = _Draft(
                source=prev.source,
                cue=prev.cue,
                content=span,
                kind=StatementKind.DIRECT,
                rule=rule,
                speaker=prev.speaker,
                sentence=si,
                paragraph=pi,
                quote=q,
                time=prev.time,
                tokens=prev.tokens,
            )
            self.insert(draft)

    def opens_sentence(self, offset: int, si: int) -> bool:
        """Whether a quotation opens its sentence, or follows a cue's comma (“A,” he said, “B.”)."""
        if si < 0:
            return False
        if self.index(self.seg.sentences[si].start) >= self.index(offset):
            return True
        k = self.index(offset) - 1
        if k > 1 and self.low(k) in self.lex.coordinators and self.tok(k - 1) == ",":
            k -= 1  # “A,” he said, but “B.”
        return k > 0 and self.tok(k) == "," and self.is_cue_word(k - 1)

    def quoted_end(self, d: _Draft) -> bool:
        """Whether a statement's content ends with quoted words: a direct one, or a mixed one
        closing its quotation (Some sentiments are "based on ... in fact," he said. "B.")."""
        if d.kind is StatementKind.DIRECT:
            return d.quote is not None
        if d.kind is StatementKind.MIXED and d.cue is not None and d.cue[0] >= d.content[1]:
            tail = self.text[max(d.content[0], d.content[1] - 2) : d.content[1]]
            return any(c in _CLOSERS for c in tail)
        return False

    def after_attribution(self, offset: int, si: int, prev: _Draft | None) -> bool:
        """``"A," said Sherman, speaking of politicians, "B."``: a quotation after the comma that
        ends the attribution of a direct statement in the same sentence."""
        if prev is None or not self.quoted_end(prev) or prev.cue is None:
            return False
        k = self.index(offset) - 1
        return (
            k > 0
            and self.tok(k) in {",", ":"}
            and prev.cue[1] <= self.toks[k][0]
            and self.seg.sentence_index(prev.cue[0]) == si
        )

    def unattributed(self, q: Quotation, span: tuple[int, int], si: int, pi: int) -> None:
        """A quotation of a sentence or more that no cue claims: a DIRECT statement whose speaker
        is the subject of its sentence when the quote sits inside one, else unknown."""
        first = self.first_token(si)
        src = None
        if self.embedded(q, first):
            src = self.subject(first, self.index(q.open))
            # A sentence that opens inside another quotation has quoted words for a "subject",
            # not a clause of the writer's: then the quotation stands alone, its speaker unknown.
            if self.quoted[first] or (src is not None and self.quoted[src[0]]):
                src = None
            else:
                sent = self.seg.sentences[si]
                if (q.content.end - q.content.start) * 2 < sent.end - sent.start:
                    return
                end = max(span[1], min(sent.end, q.close + 1 if q.close is not None else span[1]))
                while end > span[0] and self.text[end - 1] in ".,; \n":
                    end -= 1
                span = (self.toks[first][0], end)
        source = (self.toks[src[0]][0], self.toks[src[1]][1]) if src is not None else None
        draft = _Draft(
            source=source,
            cue=None,
            content=span,
            kind=self.clause_kind(*span) if src is not None else StatementKind.DIRECT,
            rule="quote-unattributed",
            speaker=self.speaker(src, None) if src is not None else None,
            sentence=si,
            paragraph=pi,
            quote=q,
            tokens=src,
        )
        self.insert(draft)

    def split_head(self, offset: int, pi: int, si: int) -> _Draft | None:
        """The quotation statement a quote at ``offset`` continues, past statements made in its
        attribution sentence: “A,” she said, adding that ... “B.”"""
        head = None
        for d in self.near(offset):
            if d.paragraph != pi:
                continue
            if d.kind is StatementKind.DIRECT and d.quote is not None:
                head = d
            elif (
                head is not None
                and head.cue is not None
                and d.sentence != self.seg.sentence_index(head.cue[0])
            ):
                head = None
        return head

    def merge(self, prev: _Draft, q: Quotation, span: tuple[int, int], rule: str) -> bool:
        """Join the second part of a split quote, or a quote continued in the next paragraph, to
        the statement it continues: ``“A,” he said. “B.”`` is one statement."""
        if not self.quoted_end(prev):
            return False
        if rule == "quote-split":
            # Only a short attribution between the parts: “A,” he said. “B.”
            if prev.cue is None or not prev.content[1] <= prev.cue[0] < q.open:
                return False
            cue_sentence = self.seg.sentence_index(prev.cue[0])
            if self.seg.sentence_index(q.open) > cue_sentence + 1 or q.open - prev.content[1] > 400:
                return False
        elif rule not in ("quote-continued", "quote-paragraph"):
            return False
        # The joined content stays mostly quoted words: a long attribution between the parts
        # leaves them two statements.
        if rule == "quote-split" and q.open - prev.content[1] > (prev.content[1] - prev.content[0]) + (
            span[1] - span[0]
        ):
            return False
        prev.content = (prev.content[0], span[1])
        prev.quote = q
        self.by_quote[id(q)] = prev
        suffix = {"quote-split": "+split", "quote-continued": "+continued"}.get(rule, "+paragraph")
        if not prev.rule.endswith(suffix):
            prev.rule += suffix
        return True

    def colon_quote(self, q: Quotation, span: tuple[int, int], si: int) -> bool:
        """``Cruz continued: “...”``, ``The email goes on to say: “...”``: any verb phrase before a
        colon that opens a quotation, with the subject of the sentence as the source."""
        k = self.index(q.open) - 1
        if k < 0 or self.tok(k) != ":" or si < 0:
            return False
        first = self.first_token(si)
        if k <= first or self.seg.sentence_index(self.toks[k][0]) != si:
            return False
        src = self.subject(first, k)
        if src is None or src[1] + 1 >= k or k - src[1] > 7:
            return False
        cue_start, cue_end = src[1] + 1, k - 1
        if not all(self.is_word(i) or self.tok(i) in "’'" for i in range(cue_start, k)):
            return False
        if self.tok(cue_start)[0].isupper():
            return False
        cue = (self.toks[cue_start][0], self.toks[cue_end][1])
        self.add(src, cue, span, StatementKind.DIRECT, "colon-quote", si, None, q)
        self.insert(self.drafts.pop())
        return True

    def dash_signed(self, q: Quotation, span: tuple[int, int], si: int, pi: int) -> bool:
        """``“...” ― Jane Roe`` closing its line: a quotation signed with a dash and a name
        (readers' comments, epigraphs, social-media round-ups); the dash is the cue."""
        if q.close is None or pi < 0:
            return False
        text, end = self.text, self.seg.paragraphs[pi].end
        pos = q.close + 1
        line_end = text.find("\n", pos, end)
        end = line_end if line_end >= 0 else end
        while pos < end and text[pos] in " \t,.":
            pos += 1
        dash = pos
        while pos < end and pos - dash < 2 and text[pos] in "―—–-":
            pos += 1
        if pos == dash or (pos - dash == 1 and text[dash] == "-"):
            return False
        cue = (dash, pos)
        while pos < end and text[pos] == " ":
            pos += 1
        src = self.np_forward(pos, end)
        if src is None or not self.tok(src[0])[0].isupper():
            return False
        after = self.toks[src[1]][1]
        rest = text[after:end].strip(" ")
        if (rest.strip(".") and not rest.startswith(("(", ","))) or self.words_in(after, end, 9) > 8:
            return False
        self.add(src, cue, span, StatementKind.DIRECT, "quote-dash-signed", si, None, q)
        self.insert(self.drafts.pop())
        return True

    def claimed(self, q: Quotation) -> bool:
        """Whether a statement already holds this quotation (as its content, or inside it)."""
        i = bisect.bisect_right(self.keys, (q.open + 1, len(self.text) + 1))
        for d in self.drafts[max(0, i - 3) : i + 1]:
            if d.quote is q or (d.content[0] <= q.open + 1 and q.content.end <= d.content[1] + 1):
                return True
            if d.content[0] <= q.open < d.content[1]:
                return True
        return False

    def titled(self, q: Quotation, words: int) -> bool:
        """Whether the words before a short quotation make it a title: ABC’s “This Week”, the
        book “...”, on “Hannity”."""
        k = self.index(q.open) - 1
        if k >= 0 and words <= 8:
            t = self.tok(k)
            if (
                t.endswith(("’s", "'s"))
                or t.lower() in self.lex.title_cues
                or t in ("’s", "'s")  # the possessive split off its word
            ):
                return True
        return False

    def is_title(self, q: Quotation, words: int) -> bool:
        """ABC’s “This Week”, the book “...”, “Saturday Night Live”: a title, not a statement."""
        if self.titled(q, words):
            return True
        content = self.text[q.content.start : q.content.end].strip(" ,.")
        if ". " in content:
            return False  # two sentences are not a title: “The Donald. Big man.”
        ws = content.split()
        return 0 < len(ws) <= 6 and all(w[:1].isupper() or w.lower() in self.lex.title_words for w in ws)

    def previous(self, offset: int) -> _Draft | None:
        """The last statement whose content ends before ``offset``."""
        best = None
        for d in self.near(offset):
            if d.content[1] <= offset and (best is None or d.content[1] >= best.content[1]):
                best = d
        return best

    def continued(self, q: Quotation) -> _Draft | None:
        i = self.quote_index.get(id(q), 0)
        if i == 0:
            return None
        return self.by_quote.get(id(self.quotes[i - 1]))

    # -- speakers and output -----------------------------------------------------------------------

    def add(
        self,
        src: tuple[int, int] | None,
        cue: tuple[int, int],
        content: tuple[int, int],
        kind: StatementKind,
        rule: str,
        si: int,
        antecedent: tuple[int, int] | None,
        quote: Quotation | None = None,
        speaker: Actor | None = None,
    ) -> None:
        source = None
        if src is not None:
            source = (self.toks[src[0]][0], self.toks[src[1]][1])
            if speaker is None:
                speaker = self.speaker(src, antecedent)
        draft = _Draft(
            source=source,
            cue=cue,
            content=content,
            kind=kind,
            rule=rule,
            speaker=speaker,
            sentence=si,
            paragraph=self.seg.paragraph_index(content[0]),
            quote=quote,
            time=self.time(source, cue, content),
            tokens=src,
        )
        self.drafts.append(draft)

    def time(
        self, source: tuple[int, int] | None, cue: tuple[int, int], content: tuple[int, int]
    ) -> TimeExpression | None:
        """The time governing the act of saying: near the source and cue, never one inside the
        content or a quotation (those date what was said, or name a show: ABC’s “This Week”)."""
        if not self.ctx.times:
            return None
        start = source[0] if source is not None and source[0] < cue[0] else cue[0]
        si = self.seg.sentence_index(start)
        if si < 0:
            return None
        sent = self.seg.sentences[si]
        lo = bisect.bisect_left(self.time_starts, sent.start)
        hi = bisect.bisect_left(self.time_starts, sent.end)
        times = [t for t in self.free_times[lo:hi] if not (content[0] <= t.span.start < content[1])]
        return governing_time(times, self.seg, start, cue[1])

    def speaker(self, src: tuple[int, int], antecedent: tuple[int, int] | None) -> Actor | None:
        """The actor the source names: the head of the phrase, through the actor stage's cast."""
        s, e = self.toks[src[0]][0], self.toks[src[1]][1]
        if antecedent is not None:
            found = self.cast.actor_at(s, e)
            return found if found is not None else self.head_actor(*antecedent)
        actor = self.head_actor(*src)
        if actor is None and src[0] == src[1] and self.low(src[0]) in self.lex.anaphors:
            actor = self.recent_person()
        return actor

    def head_actor(self, a: int, b: int) -> Actor | None:
        # The head is the last word, or the last word before an appositive comma.
        for k in range(a, b + 1):
            if self.tok(k) == "," and k > a:
                b = k - 1
                break
        if self.tok(b) == ")":  # Sen. Jane Roe (D-Mo.): the name before the parenthesis
            k = b
            while k > a and self.tok(k) != "(":
                k -= 1
            if k > a:
                b = k - 1
        while b > a and not self.is_word(b):
            b -= 1
        s, e = self.toks[b]
        found = self.cast.mention_at(s, e)
        if found is None and b > a and self.lows[b] in self.lex.spokespeople:
            # "a Kremlin spokesman", "police officials": they speak for the actor before them
            found = self.cast.mention_at(self.toks[b - 1][0], self.toks[b - 1][1])
            if found is not None and found[0].span.end != self.toks[b - 1][1]:
                found = None
        if found is None:
            return None
        mention, actor = found
        m0 = self.index(mention.span.start)
        if m0 > a and self.low(m0 - 1) in self.lex.modifier_prepositions:
            return None  # "a spokesman for Mrs. Clinton": Clinton is not the speaker
        return actor

    def recent_person(self) -> Actor | None:
        """The speaker of the latest statement, when a person: ``“...,” he added``."""
        for d in self.drafts[-1:-9:-1]:
            if d.speaker is not None:
                return d.speaker if d.speaker.kind is ActorKind.PERSON else None
        return None

    def inherit_times(self, drafts: list[_Draft]) -> None:
        """A statement with no time of its own inherits the time of the same speaker's previous
        statement (``“...,” he added``; ``He stopped short of ..., saying ...``) when that one is
        at most ``time_reach`` paragraphs back, no statement in between has another time of its
        own, and no date of day precision with another value stands between them (outside
        quotations and statement contents): the narrative has not moved to another day."""
        last: dict[int, _Draft] = {}
        latest: tuple[int, str] | None = None  # where the latest time of a statement's own was, its value
        for d in drafts:
            key = id(d.speaker)
            prev = last.get(key) if d.speaker is not None else None
            mine = d.time
            if (
                mine is None
                and prev is not None
                and prev.time is not None
                and 0 <= d.paragraph - prev.paragraph <= self.lex.time_reach
                and (latest is None or latest[0] <= prev.content[0] or latest[1] == prev.time.value)
                and not self.moved(prev, d, prev.time)
            ):
                d.time = prev.time
            if mine is not None:
                latest = (d.content[0], mine.value)
            if d.speaker is not None:
                last[key] = d

    def moved(self, prev: _Draft, d: _Draft, time: TimeExpression) -> bool:
        """Whether a date of day precision other than ``time`` stands between two statements."""
        lo = max(prev.content[1], prev.cue[1] if prev.cue is not None else 0)
        hi = min(d.content[0], d.cue[0] if d.cue is not None else d.content[0])
        if d.source is not None:
            hi = min(hi, d.source[0])
        i = bisect.bisect_left(self.time_starts, lo)
        while i < len(self.time_starts) and self.time_starts[i] < hi:
            t = self.free_times[i]
            i += 1
            if t.kind not in (TimeKind.DATE, TimeKind.TIME) or not _DAY.match(t.value):
                continue
            if t.value[:10] == time.value[:10] or self.in_content(t.span.start):
                continue
            return True
        return False

    def in_content(self, offset: int) -> bool:
        """Whether ``offset`` lies inside the content of a statement found."""
        i = bisect.bisect_right(self.keys, (offset, len(self.text) + 1))
        return any(d.content[0] <= offset < d.content[1] for d in self.drafts[max(0, i - 4) : i])

    def finish(self) -> tuple[Statement, ...]:
        text = self.text
        out: list[Statement] = []
        seen: set[tuple[int, int]] = set()
        drafts = sorted(self.drafts, key=lambda d: d.content)
        if self.free_times:
            self.keys = [d.content for d in drafts]
            self.drafts = drafts
            self.inherit_times(drafts)
        for d in drafts:
            if d.content in seen:
                continue
            seen.add(d.content)
            out.append(
                Statement(
                    speaker=d.speaker,
                    source=Span.of(text, *d.source) if d.source else None,
                    cue=Span.of(text, *d.cue) if d.cue else None,
                    content=Span.of(text, *d.content),
                    kind=d.kind,
                    time=d.time,
                    rule=d.rule,
                    quotes=self.quoted_pieces(d),
                )
            )
        return tuple(out)

    def quoted_pieces(self, d: _Draft) -> tuple[Span, ...]:
        """The quoted words of a statement, each piece without its marks (``Statement.quotes``)."""
        if d.kind is StatementKind.INDIRECT:
            return ()
        c0, c1 = d.content
        pieces = []
        i = max(0, bisect.bisect_right(self.quote_starts, c0) - 1)
        while i < len(self.quotes) and self.quote_starts[i] < c1:
            q = self.quotes[i].content
            i += 1
            a, b = max(q.start, c0), min(q.end, c1)
            if a < b and not self.text[a:b].isspace():
                pieces.append(Span.of(self.text, a, b))
        return tuple(pieces)
