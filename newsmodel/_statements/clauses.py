"""Clauses: where the words after a cue lead, and the reported clause before or after it.

The content of a statement is a quotation or a clause of the sentence: after the cue (``said
(that) ...``, up to a new statement, a participle aside or a contrast) or before its source
(``..., officials said``). This module also tells quotations that are titles or scare quotes from
quoted speech.
"""

from __future__ import annotations

import bisect
import itertools
import re

import regex

from ..model import StatementKind
from ..segment import Quotation
from .lexicon import CLAUSE_MARKS
from .state import CLOSERS, COLON, COMMA, END, MAX_CLAUSE, OPENERS, QUOTE, QUOTE_CHARS, WORD, Scan, indices


def right_of(st: Scan, ce: int, end: int, frames: frozenset[str]) -> tuple[str, int, Quotation | None]:
    """Where the words after a cue lead: the kind, the offset where it starts, a quotation."""
    text = st.text
    pos = _past_adjuncts(st, ce, end, frames)
    while pos < end and text[pos].isspace():
        pos += 1
    if pos >= end:
        return END, pos, None
    c = text[pos]
    if c in ",:":
        after = pos + 1
        while after < end and text[after].isspace():
            after += 1
        quote = st.by_open.get(after)
        if quote is not None:
            return QUOTE, after, quote
        if after >= end or text[after] in ".!?":
            return END, after, None
        return (COMMA if c == "," else COLON), after, None
    if c in OPENERS and pos in st.by_open:
        return WORD, pos, st.by_open[pos]
    if c.isalnum():
        return WORD, pos, None
    return END, pos, None


def _past_adjuncts(st: Scan, pos: int, end: int, frames: frozenset[str]) -> int:
    """Past up to four times, adjuncts and (first) an addressee after a cue."""
    text, time_start, time_keys, lex = st.text, st.time_start, st.time_keys, st.lex
    for i in range(4):
        q = pos
        while q < end and text[q].isspace():
            q += 1
        stop = time_start.get(q)
        # "said on March 3, 2017: ...", "said in 2013 the ...": its preposition (when a time
        # starts after ``q`` in the sentence)
        nxt = bisect.bisect_right(time_keys, q) if stop is None else len(time_keys)
        if nxt < len(time_keys) and time_keys[nxt] <= end:
            after = q
            while after < end and text[after].isalpha():
                after += 1
            if after > q and text[q:after].lower() in lex.time_prepositions:
                r = after
                while r < end and text[r].isspace():
                    r += 1
                stop = time_start.get(r) if r > after else None
        # A time that owns the next noun is part of the clause: called Friday’s ruling ...
        if stop is not None and stop <= end and not text.startswith(lex.possessives, stop):
            pos = stop
            continue
        m = adjunct_at(st, pos, end)
        if m is not None:
            pos = m.end()
            continue
        if i == 0 and "addressee" in frames:
            m = addressee_at(st, pos, end)
            # A name that ends the sentence is an inverted source, not an addressee:
            # “Why now?” asked Jane Roe.
            if m is not None and not ends_sentence(st, m.end(), end):
                pos = m.end()
                continue
        break
    return pos


_MAX_HEADS = 20_000  # the texts a lexicon remembers for each pattern


def adjunct_at(st: Scan, pos: int, end: int) -> regex.Match[str] | None:
    """The adjunct at ``pos`` (``lex.adjunct.match(text, pos, end)``); see :func:`_match_at`."""
    return _match_at(st, st.lex.adjunct, st.lex.adjunct_heads, pos, end)


def addressee_at(st: Scan, pos: int, end: int) -> regex.Match[str] | None:
    """The addressee at ``pos`` (``lex.addressee.match(text, pos, end)``); see :func:`_match_at`."""
    return _match_at(st, st.lex.addressee, st.lex.addressee_heads, pos, end)


def _match_at(
    st: Scan, pattern: regex.Pattern[str], heads: dict[str, bool] | None, pos: int, end: int
) -> regex.Match[str] | None:
    """``pattern.match(text, pos, end)``, for a pattern that does not look before where it starts.
    With ``heads``, the text from ``pos`` to the end of the next token is looked up first: when
    no match can start with it (a partial match of the pattern, tried once per text), the pattern
    is not run over the text."""
    if heads is not None:
        k = st.index(pos)
        head = st.text[pos : min(end, st.toks[k][1])] if k < len(st.toks) else st.text[pos:end]
        possible = heads.get(head)
        if possible is None:
            possible = pattern.match(head, partial=True) is not None
            if len(heads) < _MAX_HEADS:
                heads[head] = possible
        if not possible:
            return None
    return pattern.match(st.text, pos, end)


def short_tail(st: Scan, pos: int, end: int) -> bool:
    """Whether only a few words without ``that``, a cue or a quote mark end the sentence:
    ``..., she said in a video message to the convention.`` Not a negation (``..., who asked
    not to be identified``)."""
    k = st.index(pos)
    if k >= len(st.toks) or st.lows[k] not in st.lex.not_clause or st.lows[k] in st.lex.negations:
        return False  # "who asked not to be identified": the cue takes an infinitive, no content
    n = 0
    while k < len(st.toks) and st.toks[k][0] < end:
        t = st.words[k]
        if (
            t.lower() in st.lex.complementizers
            or t in QUOTE_CHARS
            or t in {",", ":", ";"}
            or st.is_cue_word(k)
        ):
            return False
        n += 1
        if n > 10:
            return False
        k += 1
    return True


def past_adjunct_phrase(st: Scan, pos: int, end: int) -> tuple[str, int]:
    """Past a prepositional phrase after a cue: ``said in an interview taped on Friday that``
    goes on at ``that``; ``said after the attacks.`` ends there."""
    toks, words, lows, lex = st.toks, st.words, st.lows, st.lex
    k = st.index(pos)
    n = len(toks)
    if k >= n or lows[k] not in lex.not_clause or not words[k][0].isalnum() or lows[k] in lex.negations:
        return WORD, pos  # not "asked not to be identified": no prepositional phrase
    complementizers, frames, personal = lex.complementizers, lex.frames, lex.personal_pronouns
    i = k + 1
    while i < n and toks[i][0] < end and i - k < 14:
        t, low = words[i], lows[i]
        if low in complementizers and i - 1 > k:
            return WORD, toks[i][0]
        if not t[0].isalnum() and not st.joiner(i):
            if t == ",":
                after = toks[i + 1][0] if i + 1 < n else toks[i][1]
                return COMMA, after
            if t in ".!?":
                return END, toks[i][0]
            return WORD, pos
        if low in frames:  # a cue word
            return WORD, pos
        if i - k >= 2 and low in personal and t.islower():
            return WORD, toks[i][0]  # "wrote in both listings he was ...", "say in private it would"
        i += 1
    if i >= n or toks[i][0] >= end:
        return END, end
    return WORD, pos


def ends_sentence(st: Scan, offset: int, end: int) -> bool:
    """Whether only closing punctuation (or an appositive's comma) follows ``offset``."""
    rest = st.text[offset:end].lstrip()
    return not rest or rest[0] in ".,!?"


def ends_here(st: Scan, offset: int, end: int) -> bool:
    """Whether only a party-and-state parenthesis, an adjunct, a comma or the sentence end
    follows ``offset``: ``..., said Rep. Jane Roe (D-Mo.), a member of ...``."""
    text = st.text
    while offset < end and text[offset].isspace():
        offset += 1
    if offset < end and text[offset] == "(":
        close = text.find(")", offset, min(end, offset + 24))
        if close > 0:
            offset = close + 1
    m = adjunct_at(st, offset, end)
    if m is not None:
        offset = m.end()
    while offset < end and text[offset].isspace():
        offset += 1
    if offset >= end or text[offset] in ".,;!?)—–":
        return True
    k = st.index(offset)
    return k < len(st.toks) and st.is_word(k) and st.lows[k] in st.lex.clause_words


def quote_before(st: Scan, sep_tok: int, first: int) -> Quotation | None:
    """The quotation whose closing mark stands just before a source: ``“...,” he said``."""
    k = sep_tok
    while k >= first and sep_tok - k < 3:
        t = st.words[k]
        if t in CLOSERS:
            q = st.by_close.get(st.toks[k][0])
            if q is not None:  # titled(st, q, words), its words counted only when it may be
                short = title_cue_before(st, q) and st.words_in(q.content.start, q.content.end, 9) <= 8
                return None if short else q
        elif t not in {",", "?", "!", "—", "–"}:
            return None
        k -= 1
    return None


def embedded(st: Scan, q: Quotation, first: int) -> bool:
    """Whether a quotation sits inside a clause of the writer's (America needs leaders “who
    ...,” she said): then the whole clause is the content, a MIXED one."""
    start = st.toks[first][0] if first < len(st.toks) else q.open
    if q.open <= start:
        return False
    start = max(start, q.open - 400)
    before = st.text[start : q.open].rstrip()
    cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind(":"))
    return any(c.isalnum() for c in before[cut + 1 :])


def quote_content(st: Scan, q: Quotation) -> tuple[int, int] | None:
    s, e = q.content.start, q.content.end
    text = st.text
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if e > s and any(c.isalnum() for c in text[s:e]) else None


def clause_kind(st: Scan, s: int, e: int) -> StatementKind:
    chunk = st.text[s:e]
    if "“" in chunk or "”" in chunk or '"' in chunk or "''" in chunk or "``" in chunk:  # has_quote
        if chunk[:1] in QUOTE_CHARS and chunk.rstrip(".,?!")[-1:] in QUOTE_CHARS and len(chunk) > 2:
            inner = chunk[1:-1]
            if not any(c in '“”"' for c in inner.strip("'")):
                return StatementKind.DIRECT
        return StatementKind.MIXED
    return StatementKind.INDIRECT


def has_quote(st: Scan, s: int, e: int) -> bool:
    text = st.text
    return (
        text.find("“", s, e) >= 0
        or text.find("”", s, e) >= 0
        or text.find('"', s, e) >= 0
        or text.find("''", s, e) >= 0
    )


def only_punct(st: Scan, s: int, e: int) -> bool:
    return not any(c.isalnum() for c in st.text[s:e])


def clause_before(st: Scan, sep_tok: int, first: int) -> tuple[int, int] | None:
    k = sep_tok
    while k >= first and sep_tok - k < 10 and not st.is_word(k) and st.words[k] not in "”\"'’":
        k -= 1
    # Keep a closing quote mark with its clause (``''...,'' he said``), drop the comma.
    while k >= first and st.words[k] in ",;:—–":
        k -= 1
    if k < first:
        return None
    s = st.toks[first][0]
    e = st.toks[k][1]
    # An earlier statement in the sentence ends where this content may start.
    if st.drafts:
        d = st.drafts[-1]
        if d.sentence == st.seg.sentence_index(s) and d.cue is not None and d.content[1] <= e:
            s = max(s, d.content[1], d.cue[1] if d.cue[1] <= e else s)
    while s < e and (st.text[s].isspace() or st.text[s] in ",;:"):
        s += 1
    if st.text[s : s + 1] in ("”", "’") or s in st.by_close:
        return None  # the tail of a quotation: not a clause of the writer's
    return (s, e) if st.words_in(s, e, 2) >= 2 else None


_BRACKET = re.compile(r"[()\[\]]")


def infinitive_at(st: Scan, pos: int) -> bool:
    """Whether an infinitive (``to stand with Mexico``) opens at ``pos``: the marker, then a
    lower-case word that is no determiner (not ``to the voters``)."""
    k = st.index(pos)
    return (
        k + 1 < len(st.toks)
        and st.toks[k][0] == pos
        and st.lows[k] in st.lex.infinitive_markers
        and st.words[k + 1].islower()
        and st.lows[k + 1] not in st.lex.determiners
    )


def clause_after(st: Scan, start: int, si: int, *, infinitive: bool = False) -> tuple[int, int] | None:
    """The reported clause from ``start`` to the end of its sentence (or a participle cue);
    with ``infinitive``, an infinitive (``vowed to stand with Mexico``) may be the clause."""
    text, toks = st.text, st.toks
    end = min(st.seg.sentences[si].end, start + MAX_CLAUSE)
    # A clause said inside brackets ends at the bracket that closes them: "Markets fell
    # (traders said the drop was temporary) on Monday."
    depth = 0
    chunk = text[start:end]
    brackets = (
        _BRACKET.finditer(text, start, end)
        if "(" in chunk or ")" in chunk or "[" in chunk or "]" in chunk
        else ()
    )
    for b in brackets:
        if b[0] in "([":
            depth += 1
        elif depth:
            depth -= 1
        else:
            end = b.start()
            break
    k = st.index(start)
    if k >= len(toks) or toks[k][0] >= end:
        return None
    if (
        st.lows[k] in st.lex.not_clause
        and st.words[k][0].isalnum()
        and not (infinitive and infinitive_at(st, start))
    ):
        return None
    end = _clause_end(st, k, end)
    # A quotation opened in the clause runs to its closing mark, past a sentence break in it.
    quotes = st.quotes
    qi = bisect.bisect_left(st.quote_starts, start + 1)
    if qi < len(quotes) and quotes[qi].open < end:
        paragraph = st.seg.paragraph_index(start)
        while qi < len(quotes) and quotes[qi].open < end:
            q = quotes[qi]
            if q.close is not None and q.close + 1 > end and st.seg.paragraph_index(q.close) == paragraph:
                end = q.close + 1
            qi += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–"):
        end -= 1
    if end <= start:
        return None
    # a word token wholly inside the clause (st.words_in(start, end, 1) >= 1)
    words = st.words
    while k < len(toks) and toks[k][1] <= end:
        if words[k][0].isalnum():
            return start, end
        k += 1
    return None


def _clause_end(st: Scan, k: int, end: int) -> int:
    """Where a clause starting at token ``k`` ends: before a new statement or clause in the same
    sentence: a participle cue (", adding ..."), "according to", a contrast (", but ..."), "and
    said ...", or a comma that opens another source and cue (", Rubio fired back: ...")."""
    lex = st.lex
    conjunctions, frames = lex.clause_conjunctions, lex.frames
    toks, words, lows, quoted = st.toks, st.words, st.lows, st.quoted
    n_toks = len(toks)
    last_comma = -1
    # The marks of the clause (the tokens where it may end), found in one pass in C.
    stop = st.index(end)
    for i in itertools.compress(indices(stop)[k + 1 : stop], map(lex.marks.__contains__, lows[k + 1 : stop])):
        cut = toks[i][0]
        t = words[i]
        if quoted[i]:
            # A comma closing a quotation ends the clause as one outside would: `“...,” though`
            if not (t == "," and i + 1 < n_toks and words[i + 1] in CLOSERS):
                continue
            i += 1
            cut = toks[i][1]
        nxt = lows[i + 1] if i + 1 < n_toks and toks[i + 1][0] < end else ""
        if t in CLAUSE_MARKS:
            if _aside_opens(st, i, t, nxt, cut):
                return cut
            last_comma = i
        elif t[0].isalnum() and lows[i] in frames:
            if _source_opens(st, last_comma, i):
                return toks[last_comma][0]
        elif t.lower() in conjunctions and _statement_opens(st, k, i, nxt, end):
            return toks[i][0]
    return end


def _aside_opens(st: Scan, i: int, t: str, nxt: str, cut: int) -> bool:
    """``, adding ...``, ``, referring to ...``, ``— a play on words``: after the punctuation mark
    ``t`` (token ``i``), an aside of the writer or another clause begins."""
    lex = st.lex
    return (
        t == ";"
        or (nxt.endswith(lex.gerund_suffixes) and nxt.isalpha() and nxt not in lex.not_clause)
        or (  # ", implicitly putting ...": an adverb before the participle
            nxt.endswith(lex.adverb_suffixes)
            and i + 2 < len(st.toks)
            and st.lows[i + 2].endswith(lex.gerund_suffixes)
            and st.lows[i + 2].isalpha()
            and st.lows[i + 2] not in lex.not_clause
        )
        or nxt in lex.clause_openers
        or (t != "," and nxt[:1].isalpha())
        or (nxt in lex.speaker_conjunctions and i + 2 < len(st.toks) and st.lows[i + 2] in lex.pronouns)
        or (cut > st.toks[i][0] and nxt in lex.prepositions)
    )


def _source_opens(st: Scan, last_comma: int, i: int) -> bool:
    """Whether the words between the last comma and the cue at token ``i`` are another source:
    ``..., Rubio fired back``."""
    return (
        last_comma >= 0
        and i - last_comma <= 12
        and not st.passive(i)
        and st.lows[last_comma + 1] not in st.lex.subordinators
        and st.lows[last_comma + 1] not in st.lex.relatives
        and not any(st.lows[x] in st.lex.function_verbs for x in range(last_comma + 1, i))
    )


def _statement_opens(st: Scan, k: int, i: int, nxt: str, end: int) -> bool:
    """Whether the conjunction at token ``i`` opens another statement or a contrast: ``and
    Donald Trump says``, ``and said``, ``and did not say``, ``and repeatedly says``, ``while``."""
    lex = st.lex
    low = st.lows[i]
    return (
        (low in lex.speaker_conjunctions and new_speaker(st, i, end))
        or (low in lex.coordinators and (nxt in lex.frames or nxt in lex.do_support))
        or (  # "... and repeatedly says ..."
            low in lex.coordinators
            and nxt in lex.auxiliaries
            and i + 2 < len(st.toks)
            and st.lows[i + 2] in lex.frames
            and st.words[i + 2].islower()
        )
        or (low in lex.contrasts and i - k >= 3)
    )


def new_speaker(st: Scan, i: int, end: int) -> bool:
    """``... and Donald Trump says ...``: a conjunction opening another statement."""
    nxt = i + 1
    if nxt >= len(st.toks) or not (st.words[nxt][:1].isupper() or st.lows[nxt] in st.lex.subject_pronouns):
        return False
    for x in range(nxt + 1, min(nxt + 7, len(st.toks))):
        if st.toks[x][0] >= end or not (st.is_word(x) or st.joiner(x)):
            return False
        if st.words[x].islower() and st.is_cue_word(x) and not st.lows[x].endswith(st.lex.gerund_suffixes):
            return True
    return False


def titled(st: Scan, q: Quotation, words: int) -> bool:
    """Whether the words before a short quotation make it a title: ABC’s “This Week”, the
    book “...”, on “Hannity”."""
    return words <= 8 and title_cue_before(st, q)


def title_cue_before(st: Scan, q: Quotation) -> bool:
    """Whether the token before a quotation may make it a title (a possessive, ``book``, ``on``):
    :func:`titled` when the quotation is short."""
    k = st.index(q.open) - 1
    if k < 0:
        return False
    t = st.words[k]
    return (
        t.endswith(st.lex.possessives)
        or t.lower() in st.lex.title_cues
        or t in st.lex.possessives  # the possessive split off its word
    )


def is_title(st: Scan, q: Quotation, words: int) -> bool:
    """ABC’s “This Week”, the book “...”, “Saturday Night Live”: a title, not a statement."""
    if titled(st, q, words):
        return True
    content = st.text[q.content.start : q.content.end].strip(" ,.")
    if ". " in content:
        return False  # two sentences are not a title: “The Donald. Big man.”
    ws = content.split()
    return 0 < len(ws) <= 6 and all(w[:1].isupper() or w.lower() in st.lex.title_words for w in ws)
