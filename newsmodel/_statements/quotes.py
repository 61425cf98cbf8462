"""Quotes: the second pass, over the quotations no cue claimed.

A quotation continues the statement before it (a split quote, a quote continued in the next
paragraph, a bare-quote paragraph after ``..., she said.``), or is attributed by a colon or a
signing dash, or stands alone (``quote-unattributed``).
"""

from __future__ import annotations

import bisect

from ..model import StatementKind
from ..segment import Quotation
from .clauses import clause_kind, embedded, is_title, quote_content
from .sources import np_forward, subject
from .speakers import add_statement, speaker_of
from .state import CLOSERS, Scan, StatementDraft


def attribute_quotations(st: Scan) -> None:
    """The second pass: attribute every quotation no cue claimed, in text order."""
    for q in st.quotes:
        if q.close is not None and q.close - q.open < 2:
            continue
        if claimed(st, q):
            continue
        span = quote_content(st, q)
        if span is None:
            continue
        words = st.words_in(*span, max(9, st.lex.scare_quote_words + 1))
        if words <= st.lex.scare_quote_words or is_title(st, q, words):
            continue
        _attribute(st, q, span, words)


def _attribute(st: Scan, q: Quotation, span: tuple[int, int], words: int) -> None:
    """Attribute one quotation of ``words`` words (``span`` its content) no cue claimed."""
    pi = st.seg.paragraph_index(q.open)
    si = st.seg.sentence_index(q.open)
    if colon_quote(st, q, span, si) or dash_signed(st, q, span, si, pi):
        return
    waiting = st.pending.get(pi - 1) if q.open == st.seg.paragraphs[pi].start else None
    if waiting is not None:
        add_statement(
            st, waiting[0], waiting[1], span, StatementKind.DIRECT, "cue-then-quote", si, waiting[2], q
        )
        st.insert(st.pop())
        return
    prev, rule = _continues(st, q, si, pi)
    if rule is None or prev is None:
        if words >= 5:
            unattributed(st, q, span, si, pi)
        return
    split = split_head(st, q.open, pi, si) if rule != "quote-continued" else None
    if split is not None and merge_quote(st, split, q, span, "quote-split"):
        return
    if merge_quote(st, prev, q, span, rule):
        return
    draft = StatementDraft(
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
    st.insert(draft, (None, None, None, prev))


def _continues(st: Scan, q: Quotation, si: int, pi: int) -> tuple[StatementDraft | None, str | None]:
    """The statement a quotation continues and the rule it does so by, if any."""
    prev = previous(st, q.open)
    if prev is not None and prev.rule == "quote-dash-signed":
        prev = None  # a signed quotation is complete: the next one is someone else's
    rule = None
    if q.continues:
        prior = continued(st, q)
        if prior is not None:
            prev, rule = prior, "quote-continued"
    opens = opens_sentence(st, q.open, si) or after_attribution(st, q.open, si, prev)
    if rule is None and prev is not None and prev.paragraph == pi and opens:
        near = prev.sentence >= si - 1
        rule = "quote-split" if near and quoted_end(st, prev) else "quote-same-paragraph"
    if rule is None and prev is not None and prev.paragraph == pi - 1 and pi >= 0:
        para = st.seg.paragraphs[pi]
        # The previous paragraph ends with that statement: "..., she said." then “...”
        ends = prev.content[1] >= st.seg.paragraphs[pi - 1].end - 3 or (
            prev.cue is not None and prev.cue[1] >= st.seg.paragraphs[pi - 1].end - 40
        )
        if q.open == para.start and ends:
            rule = "quote-paragraph"
    return prev, rule


def opens_sentence(st: Scan, offset: int, si: int) -> bool:
    """Whether a quotation opens its sentence, or follows a cue's comma (“A,” he said, “B.”)."""
    if si < 0:
        return False
    if st.index(st.seg.sentences[si].start) >= st.index(offset):
        return True
    k = st.index(offset) - 1
    if k > 1 and st.lows[k] in st.lex.coordinators and st.words[k - 1] == ",":
        k -= 1  # “A,” he said, but “B.”
    return k > 0 and st.words[k] == "," and st.is_cue_word(k - 1)


def quoted_end(st: Scan, d: StatementDraft) -> bool:
    """Whether a statement's content ends with quoted words: a direct one, or a mixed one
    closing its quotation (Some sentiments are "based on ... in fact," he said. "B.")."""
    if d.kind is StatementKind.DIRECT:
        return d.quote is not None
    if d.kind is StatementKind.MIXED and d.cue is not None and d.cue[0] >= d.content[1]:
        tail = st.text[max(d.content[0], d.content[1] - 2) : d.content[1]]
        return any(c in CLOSERS for c in tail)
    return False


def after_attribution(st: Scan, offset: int, si: int, prev: StatementDraft | None) -> bool:
    """``"A," said Sherman, speaking of politicians, "B."``: a quotation after the comma that
    ends the attribution of a direct statement in the same sentence."""
    if prev is None or not quoted_end(st, prev) or prev.cue is None:
        return False
    k = st.index(offset) - 1
    return (
        k > 0
        and st.words[k] in {",", ":"}
        and prev.cue[1] <= st.toks[k][0]
        and st.seg.sentence_index(prev.cue[0]) == si
    )


def unattributed(st: Scan, q: Quotation, span: tuple[int, int], si: int, pi: int) -> None:
    """A quotation of a sentence or more that no cue claims: a DIRECT statement whose speaker
    is the subject of its sentence when the quote sits inside one, else unknown."""
    first = st.first_token(si)
    src = None
    if embedded(st, q, first):
        src = subject(st, first, st.index(q.open))
        # A sentence that opens inside another quotation has quoted words for a "subject",
        # not a clause of the writer's: then the quotation stands alone, its speaker unknown.
        if st.quoted[first] or (src is not None and st.quoted[src[0]]):
            src = None
        else:
            sent = st.seg.sentences[si]
            if (q.content.end - q.content.start) * 2 < sent.end - sent.start:
                return
            end = max(span[1], min(sent.end, q.close + 1 if q.close is not None else span[1]))
            while end > span[0] and st.text[end - 1] in ".,; \n":
                end -= 1
            span = (st.toks[first][0], end)
    source = (st.toks[src[0]][0], st.toks[src[1]][1]) if src is not None else None
    draft = StatementDraft(
        source=source,
        cue=None,
        content=span,
        kind=clause_kind(st, *span) if src is not None else StatementKind.DIRECT,
        rule="quote-unattributed",
        speaker=speaker_of(st, src, None) if src is not None else None,
        sentence=si,
        paragraph=pi,
        quote=q,
        tokens=src,
    )
    st.insert(draft, (src, None, None, None))


def split_head(st: Scan, offset: int, pi: int, si: int) -> StatementDraft | None:
    """The quotation statement a quote at ``offset`` continues, past statements made in its
    attribution sentence: “A,” she said, adding that ... “B.”"""
    head = None
    for d in st.near(offset):
        if d.paragraph != pi:
            continue
        if d.kind is StatementKind.DIRECT and d.quote is not None:
            head = d
        elif head is not None and head.cue is not None and d.sentence != st.seg.sentence_index(head.cue[0]):
            head = None
    return head


def merge_quote(st: Scan, prev: StatementDraft, q: Quotation, span: tuple[int, int], rule: str) -> bool:
    """Join the second part of a split quote, or a quote continued in the next paragraph, to
    the statement it continues: ``“A,” he said. “B.”`` is one statement."""
    if not quoted_end(st, prev):
        return False
    if rule == "quote-split":
        # Only a short attribution between the parts: “A,” he said. “B.”
        if prev.cue is None or not prev.content[1] <= prev.cue[0] < q.open:
            return False
        cue_sentence = st.seg.sentence_index(prev.cue[0])
        reach = st.lex.split_quote_sentences
        if st.seg.sentence_index(q.open) > cue_sentence + reach or q.open - prev.content[1] > 400:
            return False
    elif rule not in ("quote-continued", "quote-paragraph"):
        return False
    # The joined content stays mostly quoted words: a long attribution between the parts
    # leaves them two statements.
    if rule == "quote-split" and q.open - prev.content[1] > (prev.content[1] - prev.content[0]) + (
        span[1] - span[0]
    ):
        return False
    st.merge(prev, (prev.content[0], span[1]), q)
    suffix = {"quote-split": "+split", "quote-continued": "+continued"}.get(rule, "+paragraph")
    if not prev.rule.endswith(suffix):
        prev.rule += suffix
    return True


def colon_quote(st: Scan, q: Quotation, span: tuple[int, int], si: int) -> bool:
    """``Cruz continued: “...”``, ``The email goes on to say: “...”``: any verb phrase before a
    colon that opens a quotation, with the subject of the sentence as the source."""
    k = st.index(q.open) - 1
    if k < 0 or st.words[k] != ":" or si < 0:
        return False
    first = st.first_token(si)
    if k <= first or st.seg.sentence_index(st.toks[k][0]) != si:
        return False
    src = subject(st, first, k)
    if src is None or src[1] + 1 >= k or k - src[1] > 7:
        return False
    cue_start, cue_end = src[1] + 1, k - 1
    if not all(st.is_word(i) or st.words[i] in "’'" for i in range(cue_start, k)):
        return False
    if st.words[cue_start][0].isupper():
        return False
    cue = (st.toks[cue_start][0], st.toks[cue_end][1])
    add_statement(st, src, cue, span, StatementKind.DIRECT, "colon-quote", si, None, q)
    st.insert(st.pop())
    return True


def dash_signed(st: Scan, q: Quotation, span: tuple[int, int], si: int, pi: int) -> bool:
    """``“...” ― Jane Roe`` closing its line: a quotation signed with a dash and a name
    (readers' comments, epigraphs, social-media round-ups); the dash is the cue."""
    if q.close is None or pi < 0:
        return False
    text, end = st.text, st.seg.paragraphs[pi].end
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
    src = np_forward(st, pos, end)
    if src is None or not st.words[src[0]][0].isupper():
        return False
    after = st.toks[src[1]][1]
    rest = text[after:end].strip(" ")
    if (rest.strip(".") and not rest.startswith(("(", ","))) or st.words_in(after, end, 9) > 8:
        return False
    add_statement(st, src, cue, span, StatementKind.DIRECT, "quote-dash-signed", si, None, q)
    st.insert(st.pop())
    return True


def claimed(st: Scan, q: Quotation) -> bool:
    """Whether a statement already holds this quotation (as its content, or inside it)."""
    i = bisect.bisect_right(st.keys, (q.open + 1, len(st.text) + 1))
    for d in st.drafts[max(0, i - 3) : i + 1]:
        if d.quote is q or (d.content[0] <= q.open + 1 and q.content.end <= d.content[1] + 1):
            return True
        if d.content[0] <= q.open < d.content[1]:
            return True
    return False


def previous(st: Scan, offset: int) -> StatementDraft | None:
    """The last statement whose content ends before ``offset``."""
    best = None
    for d in st.near(offset):
        if d.content[1] <= offset and (best is None or d.content[1] >= best.content[1]):
            best = d
    return best


def continued(st: Scan, q: Quotation) -> StatementDraft | None:
    i = st.quote_index.get(id(q), 0)
    if i == 0:
        return None
    return st.by_quote.get(id(st.quotes[i - 1]))
