"""Cues: the first pass, over every cue of the text (a reporting verb, ``according to``).

Each cue form found among the tokens is read in its frames (``quote``, ``clause``, ``postposed``
...): its source is looked for before it (``sources``), then where its content lies (``clauses``):
``“...,” she said``, ``she said (that) ...``, ``..., officials said``, ``“A,” he said, “B.”``,
``..., saying ...``, ``according to X, ...``. Each reading adds one draft.
"""

from __future__ import annotations

import attrs

from ..model import ActorKind, StatementKind
from ..segment import Quotation
from .clauses import (
    addressee_at,
    clause_after,
    clause_before,
    clause_kind,
    embedded,
    ends_here,
    ends_sentence,
    has_quote,
    infinitive_at,
    is_title,
    only_punct,
    past_adjunct_phrase,
    quote_before,
    quote_content,
    right_of,
    short_tail,
    title_cue_before,
)
from .lexicon import ACCORDING, CueForm
from .sources import (
    appositive_back,
    aside_back,
    extend_back,
    np_back,
    np_forward,
    parenthesis_back,
    skip_back,
    subject,
)
from .speakers import add_statement
from .state import (
    CLOSERS,
    COLON,
    COMMA,
    END,
    OPENERS,
    QUOTE,
    SEPARATORS,
    WORD,
    Scan,
    StatementDraft,
    TokenSpan,
)


def find_cues(st: Scan) -> None:
    """The first pass: read every cue form among the tokens, in text order."""
    text, toks, starts, lows, words, quoted = st.text, st.toks, st.lex.starts, st.lows, st.words, st.quoted
    n = len(toks)
    for k in st.cue_tokens:
        word = words[k]
        if not (word.islower() or word[1:].islower()) or quoted[k]:
            continue
        s, e = toks[k]
        for cue in starts[lows[k]]:
            cw = cue.words
            if len(cw) == 1:  # most cues: nothing more to compare
                read_cue(st, k, s, e, cue)
                break
            last = k + len(cw) - 1
            if last < n and all(
                lows[k + i] == w and text[toks[k + i - 1][1] : toks[k + i][0]].isspace()
                for i, w in enumerate(cw[1:], 1)
            ):
                read_cue(st, k, s, toks[last][1], cue)
                break
    st.sort_drafts()


def read_cue(st: Scan, k: int, cs: int, ce: int, cue: CueForm) -> None:
    """Read the cue ``cue`` found at ``[cs, ce)``, its first token ``k``."""
    seg = st.seg
    si = seg.sentence_index(cs)
    if si < 0:
        return
    end = seg.sentences[si].end
    if cs >= end:
        return
    words, lows, lex = st.words, st.lows, st.lex
    if words[k][:1].isupper():  # as the finder reads its case (state.recased)
        k0 = st.index(seg.sentences[si].start)
        if k - k0 > 2 or any(words[i] not in '“"‘(' for i in range(k0, k)):
            return  # a capitalised form only opens a sentence
    if k > 0:
        before = lows[k - 1]
        if before in lex.determiners:
            return  # "an estimated 19,000", "the reported deal": an adjective, not a cue
        if before in lex.noun_prepositions and not cue.participle:
            return  # "a question on remarks made earlier": a noun, not a cue
    if (
        k + 1 < len(words)
        and lows[k + 1] in lex.agent_prepositions
        and len(cue.words) == 1
        and lows[k].endswith(lex.participle_suffixes)
    ):
        return  # "a cleric blamed by Ankara for the coup": a passive, no act of saying (st.passive)
    # A cue inside reported speech already found is part of what was reported.
    drafts = st.drafts
    if drafts and drafts[-1].content[0] <= cs < drafts[-1].content[1]:
        return
    if ACCORDING in cue.frames:
        according_to(st, cs, ce, si)
    else:
        read_verb(st, k, cs, ce, cue, si, end)


def glued(st: Scan, first: int) -> int:
    """``“Why now?” Smith said.``: the segmenter ends a sentence at ``?”`` or ``!”``; a cue
    sentence that opens right after such a quotation in the same paragraph reaches back to
    its closing mark (returned as the new first token), so the cue can claim the quotation."""
    if first < 2:
        return first
    k = first - 1
    if st.words[k] not in CLOSERS or st.words[k - 1] not in ("?", "!"):
        return first
    if "\n" in st.text[st.toks[k][1] : st.toks[first][0]] or st.toks[k][0] not in st.by_close:
        return first
    return k


@attrs.define
class _Reading:
    """One cue verb being read: where it is, its source and what lies on either side of it."""

    cue: tuple[int, int]
    frames: frozenset[str]
    si: int  # its sentence
    end: int  # the end of its sentence
    first: int  # the first token of its sentence
    j: int  # the token before it, past auxiliaries, adverbs and a time
    src: TokenSpan | None  # its source, if one stands before it
    antecedent: TokenSpan | None  # a relative source's antecedent: "Putin, who said"
    sep_tok: int  # the token before the source (or the cue)
    left_sep: bool  # whether that token is a separator: "“...,” she said"
    right: str  # where the words after it lead: END, COMMA, COLON, QUOTE or WORD
    pos: int  # where they start
    quote: Quotation | None  # the quotation they open, if any


def read_verb(st: Scan, k: int, cs: int, ce: int, cue: CueForm, si: int, end: int) -> None:
    """Read a cue verb (first token ``k``, its sentence ``si`` ending at ``end``) in its frames."""
    frames = cue.frames
    words = st.words
    first = st.first_token(si)
    if first >= 2 and words[first - 1] in CLOSERS:
        first = glued(st, first)
    j = skip_back(st, k - 1, first)
    participle = cue.participle
    src, antecedent = _source_before(st, j, first, participle=participle)
    sep_tok = (src[0] if src else j + 1) - 1
    left_sep = sep_tok >= first and words[sep_tok] in SEPARATORS
    # "..., saying ..." and "... and said ...": the subject of the main clause speaks.
    # A comma closing a quotation counts: on "Morning Joe," adding ...
    comma = j >= first and (
        words[j] == "," or (words[j] in CLOSERS and j - 1 >= first and words[j - 1] == ",")
    )
    shared = j >= first and (
        (participle and src is None and comma) or (st.lows[j] in st.lex.coordinators and j > first)
    )
    if src is None and not shared and not _inverted(st, k, j, first, frames, left_sep=left_sep):
        return  # what follows the cue cannot make a sourceless reading (see _read_sourceless)
    right, pos, quote = right_of(st, ce, end, frames)
    infinitive = "infinitive" in frames and infinitive_at(st, pos)
    if right == WORD and quote is None and not infinitive:
        right, pos = past_adjunct_phrase(st, pos, end)
        if right == COMMA and pos in st.by_open:
            right, quote = QUOTE, st.by_open[pos]
    if shared:
        if right in (WORD, QUOTE, COLON) and "clause" in frames:
            rule = "participle-clause" if comma else "coordinated-clause"
            need_quote, need_that = "quoted" in frames, "that" in frames
            shared_subject_clause(
                st, (cs, ce), pos, quote, si, first, j, rule, need_quote=need_quote, need_that=need_that
            )
        return
    r = _Reading((cs, ce), frames, si, end, first, j, src, antecedent, sep_tok, left_sep, right, pos, quote)
    if src is None:
        _read_sourceless(st, r)
    elif not _read_content_before(st, r):
        _read_content_after(st, r)


def _source_before(
    st: Scan, j: int, first: int, *, participle: bool
) -> tuple[TokenSpan | None, TokenSpan | None]:
    """The source ending at token ``j`` (before a cue) and, for a relative, its antecedent."""
    if j < first:
        return None, None
    words, lex = st.words, st.lex
    t = words[j]
    if t[0].isalnum():
        low = st.lows[j]
        relative = low in lex.relatives and low not in lex.complementizers
        if relative and j - 1 >= first and words[j - 1] == ",":
            start = np_back(st, j - 2, first)
            return (j, j), ((start, j - 2) if start is not None else None)
        if relative and named_before(st, j - 1, first):
            start = np_back(st, j - 1, first)  # "negotiator Guy Verhofstadt who said"
            return (j, j), ((start, j - 1) if start is not None else None)
        if (t != low and j > first) or (low not in lex.clause_words and low not in lex.frames):
            start = np_back(st, j, first)
            if start is not None:
                start = extend_back(st, start, first)
            return ((start, j) if start is not None else None), None
        return None, None
    if t == "," and not participle:
        src = appositive_back(st, j, first) or aside_back(st, j, first)
        if src is None and j - 1 > first and words[j - 1] == ")":
            src = parenthesis_back(st, j - 1, first)  # Gov. Jane Roe (R-Ohio), said
        return src, None
    if t == ")":
        return parenthesis_back(st, j, first), None
    return None, None


def named_before(st: Scan, k: int, first: int) -> bool:
    """Whether token ``k`` ends the name of a person of the cast (a relative without a comma
    after it still refers to that person: ``negotiator Guy Verhofstadt who said``)."""
    if k < first or not st.is_word(k) or not st.words[k][:1].isupper():
        return False
    found = st.cast.mention_at(st.toks[k][0], st.toks[k][1])
    return found is not None and found[1].kind is ActorKind.PERSON and found[0].span.end == st.toks[k][1]


def _inverted(st: Scan, k: int, j: int, first: int, frames: frozenset[str], *, left_sep: bool) -> bool:
    """Whether a cue at token ``k`` without a source may still be read (:func:`_read_sourceless`
    asks the same before it looks at the words after the cue): after a separator
    (``“...,” said Jane Roe``), or opening its sentence (``Said Jane Roe, “...”``)."""
    if left_sep and frames & {"postposed", "quote"}:
        return True
    return j < first and "quote" in frames and st.words[k][:1].isupper()


def _read_sourceless(st: Scan, r: _Reading) -> None:
    """A cue with no source before it: ``“...,” said Jane Roe`` or ``Said Jane Roe, “...”``."""
    frames = r.frames
    if r.left_sep and r.right == WORD and frames & {"postposed", "quote"}:
        if st.text[r.cue[0] : r.cue[1]].lower() in st.lex.addressed:
            return  # "..., told Reuters": the addressee, never an inverted source
        inv = np_forward(st, r.pos, r.end)
        if inv is not None:
            inv = named_after(st, inv)
        if inv is not None and ends_here(st, st.toks[inv[1]][1], r.end):
            content_before(
                st, r.cue, inv, None, r.sep_tok, r.first, r.si, quote_only="postposed" not in frames
            )
        return
    form_opens = st.words[st.index(r.cue[0])][:1].isupper()
    if r.j < r.first and form_opens and r.right == WORD and "quote" in frames:
        opening_cue(st, r.cue, r.pos, r.end, r.si)


def named_after(st: Scan, inv: TokenSpan) -> TokenSpan:
    """``said the delegation's chairman, Werner Langen, ...``: an inverted source whose
    description is followed by the person's name reaches to the name."""
    k = inv[1] + 1
    if k + 1 >= len(st.toks) or st.words[k] != "," or st.lows[inv[0]] not in st.lex.determiners:
        return inv
    found = st.cast.mention_at(st.toks[k + 1][0], st.toks[k + 1][1])
    if found is None or found[1].kind is not ActorKind.PERSON or found[0].span.start != st.toks[k + 1][0]:
        return inv
    return (inv[0], st.index(found[0].span.end) - 1)


def _read_content_before(st: Scan, r: _Reading) -> bool:
    """Content before the source: ``“...,” he said``, ``..., officials said``, ``“A,” he said,
    “B.”``. Whether the cue is read (even without a statement)."""
    assert r.src is not None
    frames = r.frames
    if r.left_sep and r.right == WORD and r.quote is None and short_tail(st, r.pos, r.end):
        r.right = END
    elif r.left_sep and r.right == WORD and r.quote is None and "addressee" in frames:
        # "..., Jane Roe, a lawyer for the defence, told the court.": only the addressee follows
        m = addressee_at(st, r.pos, len(st.text))
        if m is not None and m.end() > r.pos and ends_sentence(st, m.end(), r.end):
            r.right = END
    q_before = quote_before(st, r.sep_tok, r.first) if r.left_sep else None
    if (
        q_before is not None
        and r.right == WORD
        and "clause" in frames
        and "addressee" not in frames  # “...?” Obama asked the workers as he ...
        and q_before.close is not None
        and st.text[q_before.close - 1] in "?!."
    ):
        # “... in Istanbul?” He said Bass had been ...: a quotation that ends its sentence, then a
        # cue with a clause of its own, which is what the cue reports
        q_before = None
    if r.left_sep and (r.right in (END, COMMA) or (q_before is not None and r.right != QUOTE)):
        if not frames & {"postposed", "quote"}:
            return True
        if r.right == COMMA and q_before is None:
            content_around(st, r.cue, r.src, r.antecedent, r.sep_tok, r.first, r.pos, r.si)
        else:
            quote_only = "postposed" not in frames
            content_before(st, r.cue, r.src, r.antecedent, r.sep_tok, r.first, r.si, quote_only=quote_only)
        return True
    quote = r.quote
    if q_before is not None and r.right == QUOTE and quote is not None and frames & {"quote", "postposed"}:
        # “A,” he said, “B.”: one statement, split by its attribution
        a, b = quote_content(st, q_before), quote_content(st, quote)
        if a is not None and b is not None and not embedded(st, q_before, r.first):
            if quote.open - a[1] <= (a[1] - a[0]) + (b[1] - b[0]):
                content, rule, q = (a[0], b[1]), "quote-then-cue+split", quote
            else:
                content, rule, q = a, "quote-then-cue", q_before
            add_statement(st, r.src, r.cue, content, StatementKind.DIRECT, rule, r.si, r.antecedent, q)
            return True
    if (
        r.left_sep
        and q_before is None
        and r.right == QUOTE
        and st.words[r.sep_tok] == ","
        and "quote" in frames
    ):
        # Other than that, he added, “...”
        content_around(st, r.cue, r.src, r.antecedent, r.sep_tok, r.first, r.pos, r.si)
        return True
    return False


def _read_content_after(st: Scan, r: _Reading) -> None:
    """Content after the cue: ``he said (that) ...``, ``he said: “...”``, ``chanted “...”``."""
    frames, quote, right, src, cue = r.frames, r.quote, r.right, r.src, r.cue
    need = "quoted" in frames
    that = "that" in frames
    if quote is not None and right == WORD and "clause" not in frames and "quote" in frames:
        # A verb that only quotes takes the quotation right after it: chanted “What curfew?”
        span = quote_content(st, quote)
        if span is not None and not is_title(st, quote, st.words_in(*span)):
            add_statement(
                st, src, cue, span, StatementKind.DIRECT, "cue-then-quote", r.si, r.antecedent, quote
            )
        return
    if right == QUOTE and quote is not None and frames & {"quote", "clause"}:
        content_after(
            st, cue, src, r.antecedent, quote.open, r.si, "cue-then-quote", need_quote=need, need_that=that
        )
    elif right in (WORD, COLON) and "clause" in frames:
        infinitive = "infinitive" in frames and infinitive_at(st, r.pos)
        content_after(
            st,
            cue,
            src,
            r.antecedent,
            r.pos,
            r.si,
            "cue-then-clause",
            need_quote=need,
            need_that=that and not infinitive,
            infinitive=infinitive,
        )
    elif right == END and "quote" in frames and st.text[cue[1] : r.pos].strip() == ":" and src is not None:
        # "Jane Roe, a voter, said:" closing its paragraph: the next one opens with the quote
        pi = st.seg.paragraph_index(cue[0])
        if pi >= 0 and st.text[r.pos : st.seg.paragraphs[pi].end].strip() == "":
            st.pending[pi] = (src, cue, r.antecedent)


def opening_cue(st: Scan, cue: tuple[int, int], pos: int, end: int, si: int) -> None:
    """``Said Dorothy Poynter, a neighbour, “We were all so proud of him.”``"""
    src = np_forward(st, pos, end)
    if src is None:
        return
    k = src[1] + 1
    stop = min(len(st.toks), k + 40)
    while k < stop and st.toks[k][0] < end and not st.quoted[k] and st.words[k] not in OPENERS:
        k += 1
    if k >= stop:
        return
    q = st.by_open.get(st.toks[k][0]) if k < len(st.toks) else None
    if q is not None and st.words[k - 1] in {",", ":"}:
        span = quote_content(st, q)
        if span is not None:
            add_statement(st, src, cue, span, StatementKind.DIRECT, "cue-then-quote", si, None, q)


def according_to(st: Scan, cs: int, ce: int, si: int) -> None:
    sent = st.seg.sentences[si]
    first = st.first_token(si)
    src = np_forward(st, ce, sent.end)
    if src is None:
        return
    cue = (cs, ce)
    src_end = st.toks[src[1]][1]
    ai = st.index(cs)
    opening = ai <= first or (
        ai - first <= 4
        and all(not st.is_word(i) or st.lows[i] in st.lex.connectives for i in range(first, ai))
    )
    after = src_end
    while after < sent.end and (st.text[after].isspace() or st.text[after] in ",:"):
        after += 1
    rest = clause_after(st, after, si) if after < sent.end else None
    before = None if opening else clause_before(st, ai - 1, first)
    span = (
        rest
        if opening or (rest is not None and before is not None and rest[1] - rest[0] > before[1] - before[0])
        else before
    )
    if span is None:
        return
    add_statement(st, src, cue, span, clause_kind(st, *span), "according-to", si, None)


def content_before(
    st: Scan,
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
    q = quote_before(st, sep_tok, first)
    if q is not None and not embedded(st, q, first):
        span = quote_content(st, q)
        if span is not None:
            add_statement(st, src, cue, span, StatementKind.DIRECT, "quote-then-cue", si, antecedent, q)
        return
    if quote_only and q is None:
        return
    span = clause_before(st, sep_tok, first)
    if span is not None:
        kind = clause_kind(st, *span)
        rule = "quote-then-cue" if kind is StatementKind.DIRECT else "clause-then-cue"
        add_statement(st, src, cue, span, kind, rule, si, antecedent)


def content_around(
    st: Scan,
    cue: tuple[int, int],
    src: tuple[int, int],
    antecedent: tuple[int, int] | None,
    sep_tok: int,
    first: int,
    after: int,
    si: int,
) -> None:
    """``Other than that, he added, “there is no change ...”``: a cue inside its sentence."""
    before = clause_before(st, sep_tok, first)
    rest = clause_after(st, after, si)
    if rest is not None and st.lows[st.index(rest[0])].endswith(st.lex.gerund_suffixes):
        rest = None  # "..., Trump said, speaking as ...": an aside, not what was said
    if rest is not None and (
        before is None or st.words_in(*before, 5) <= 4 or rest[1] - rest[0] > before[1] - before[0]
    ):
        if st.text[rest[0]] in OPENERS and rest[0] in st.by_open:
            q = st.by_open[rest[0]]
            span = quote_content(st, q)
            if span is not None and q.close is not None and only_punct(st, q.close + 1, rest[1]):
                add_statement(
                    st, src, cue, span, StatementKind.DIRECT, "parenthetical-cue", si, antecedent, q
                )
                return
        add_statement(st, src, cue, rest, clause_kind(st, *rest), "parenthetical-cue", si, antecedent)
    elif before is not None:
        add_statement(st, src, cue, before, clause_kind(st, *before), "clause-then-cue", si, antecedent)


def content_after(
    st: Scan,
    cue: tuple[int, int],
    src: tuple[int, int] | None,
    antecedent: tuple[int, int] | None,
    start: int,
    si: int,
    rule: str,
    like: StatementDraft | None = None,
    *,
    need_quote: bool = False,
    need_that: bool = False,
    infinitive: bool = False,
) -> None:
    """Content after the cue: ``he said (that) ...``, ``he said: “...”``, ``vowed to ...``."""
    if need_that:  # the clause would start at ``start``: no need to find where it ends
        k = st.index(start)
        if k >= len(st.lows) or st.lows[k] not in st.lex.complementizers:
            return
    span = clause_after(st, start, si, infinitive=infinitive)
    if span is None or (need_quote and not has_quote(st, *span)):
        return
    q = st.by_open.get(start)
    if q is not None:
        inner = quote_content(st, q)
        # The quotation is what was said when it is all the clause holds, or when a comma or
        # colon introduces it and its words end an utterance (“...,” / “...?”): what follows
        # it is the writer's ("says, “Don’t do it,” until shots are heard").
        closed = (
            q.close is not None
            and st.text[q.close - 1 : q.close] in {",", ".", "?", "!"}
            and st.text[max(0, q.open - 3) : q.open].rstrip()[-1:] in {",", ":"}
        )
        if inner is not None and (q.close is None or closed or only_punct(st, q.close + 1, span[1])):
            # is_title(...) and titled(...) is titled(...): a short quotation after a title cue
            if title_cue_before(st, q) and st.words_in(*inner, 9) <= 8:
                return  # told ABC’s “Good Morning America.”: a show, not what was said
            add_statement(st, src, cue, inner, StatementKind.DIRECT, rule, si, antecedent, q, like)
            return
    kind = clause_kind(st, *span)
    if kind is StatementKind.INDIRECT and st.words_in(*span, 2) < 2:
        return
    if rule == "cue-then-quote" and kind is not StatementKind.DIRECT:
        rule = "cue-then-clause"
    add_statement(st, src, cue, span, kind, rule, si, antecedent, None, like)
    if infinitive:
        st.drop_speakerless()  # "the new sanctions threaten to ban ...": a commitment needs an actor


def shared_subject_clause(
    st: Scan,
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
    for d in reversed(st.drafts):  # "X said ..., adding ...": the same speaker
        if d.sentence != si:
            break
        if d.cue is not None and d.cue[1] <= cue[0]:
            content_after(
                st,
                cue,
                d.tokens,
                None,
                start,
                si,
                rule,
                d,
                need_quote=need_quote,
                need_that=need_that,
            )
            return
    src = subject(st, first, comma)
    if src is None:
        return
    content_after(st, cue, src, None, start, si, rule, need_quote=need_quote, need_that=need_that)
