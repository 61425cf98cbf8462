"""Sources: the noun phrase that names who spoke, before a cue or after it.

``Tillerson said``, ``Brian Fallon, a spokesman for Mrs. Clinton, said``, ``Sen. Jane Roe
(D-Mass.) said``, ``said Jane Roe``, and the subject of a sentence a participle or a coordinated
cue shares (``Tillerson blamed Russia, saying ...``). Sources are token spans (first and last
token, inclusive); ``speakers`` resolves them to actors.
"""

from __future__ import annotations

from ..model import ActorKind
from .state import NP_JOINERS, SEPARATORS, Scan


def skip_back(st: Scan, j: int, first: int) -> int:
    """Skip auxiliaries, adverbs and a time expression between a source and its verb."""
    stop = j - 8
    toks, words, lows, lex, time_end = st.toks, st.words, st.lows, st.lex, st.time_end
    while j >= first and j > stop:
        start = time_end.get(toks[j][1]) if time_end else None
        if start is not None and start >= toks[first][0]:
            j = st.index(start) - 1
            # "on Sunday", "late on Saturday": at most two words before the time
            for _ in range(2):
                if j >= first and lows[j] in lex.time_prepositions and words[j].islower():
                    j -= 1
            continue
        if lows[j] in lex.auxiliaries and words[j].islower() and words[j][0].isalnum():
            j -= 1
            continue
        break
    return j


def np_back(st: Scan, j: int, first: int) -> int | None:
    """Start token of the noun phrase ending at token ``j``, walking back to a clause boundary."""
    words, lows, lex, toks = st.words, st.lows, st.lex, st.toks
    stops, relatives, pronouns = lex.np_stops, lex.relatives, lex.pronouns
    verbs, marked = lex.function_verbs, lex.np_marked
    # The last capitalised token and the last verb met (walking back: the right-most of each).
    upper = verb = -1
    k = j
    last = max(first, j - 9)  # ten tokens at most
    while k >= last:
        t = words[k]
        low = lows[k]
        if t[0].isalnum():
            if low in marked:  # a stop, relative, pronoun or function verb: looked at closer
                # A capitalised word inside a sentence is a name ("Theresa May", "Tom Add").
                # (np_stops: the clause words and the cue forms)
                if (t == low or k == first) and low in stops:
                    break
                if low in relatives or (low in pronouns and k < j):
                    break
                if verb < 0 and low in verbs:
                    verb = k
            if upper < 0 and t[0].isupper():
                upper = k
            k -= 1
            continue
        if not (
            k - 1 >= first
            and words[k - 1][0].isalnum()
            and toks[k - 1][1] == toks[k][0]  # st.joiner(k), inlined
            and (t in NP_JOINERS or (t[:1] in "’'" and t[1:].isalpha()))
        ):
            break
        if verb < 0 and low in verbs:
            verb = k
        k -= 1
    start = k + 1
    while start <= j and not words[start][0].isalnum():
        start += 1
    if start > j:
        return None
    # A long lower-case run is a clause, not a name; a verb inside makes it a clause too
    # ("tensions had fueled fears ...": "fears" is a noun there).
    # ... unless a spokesperson named by a noun, after a determiner: "a spokeswoman for the
    # prosecutor's office said".
    if (
        j - start >= 5
        and upper < start
        and not (
            lows[start] in lex.determiners
            and any(lows[i] in lex.spokesperson_gender for i in range(start + 1, min(j, start + 4)))
        )
    ):
        return None
    return None if verb >= start else start


def extend_back(st: Scan, start: int, first: int) -> int:
    """Where a source really starts when the noun phrase before the cue is the tail of a longer
    one: joint speakers (``John McCain and Lindsey Graham said``: two names of the cast joined by
    a coordinator) and an agent after a participle (``Economists polled by Reuters said``: the
    economists speak; Reuters is who polled them)."""
    k = start - 1
    if k - 1 < first or not st.words[k].islower():
        return start
    low = st.lows[k]
    if low in st.lex.coordinators and st.words[k - 1] == "," and st.words[start][0].isupper():
        # "McCain, who chairs the committee, and Graham said": the sentence's subject first
        subj = subject(st, first, k - 1)
        if subj is not None and subj[1] + 1 < k - 1 and st.words[subj[1] + 1] == ",":
            before = st.cast.mention_at(st.toks[subj[1]][0], st.toks[subj[1]][1])
            after = st.cast.mention_at(st.toks[start][0], st.toks[start][1])
            if (
                before is not None
                and after is not None
                and before[1] is not after[1]
                and before[1].kind is after[1].kind
            ):
                return subj[0]
        return start
    if low in st.lex.coordinators and st.words[start][0].isupper() and st.words[k - 1][0].isupper():
        before = st.cast.mention_at(st.toks[k - 1][0], st.toks[k - 1][1])
        after = st.cast.mention_at(st.toks[start][0], st.toks[start][1])
        if (
            before is not None
            and after is not None
            and before[1] is not after[1]
            and before[1].kind is after[1].kind
            and before[0].span.end == st.toks[k - 1][1]
        ):
            s = np_back(st, k - 1, first)
            if s is not None and all(not st.words[i].islower() for i in range(s, k)):
                return s
        return start
    if (
        low in st.lex.agent_prepositions
        and k - 2 >= first
        and st.words[k - 1].islower()
        and st.lows[k - 1].endswith(st.lex.participle_suffixes)
        and st.is_word(k - 2)
    ):
        s = np_back(st, k - 2, first)
        if s is not None and s < k - 1:
            return s
    return start


def appositive_back(st: Scan, j: int, first: int) -> tuple[int, int] | None:
    """``Brian Fallon, a spokesman for Mrs. Clinton, said``: the name and its appositive, which
    may hold commas of its own (``Jane Roe, who lives outside the capital, Sacramento, said``)."""
    words, lows, lex = st.words, st.lows, st.lex
    frames, gerund = lex.frames, lex.gerund_suffixes
    p = j
    for _ in range(3):
        q = p - 1
        while q >= first and j - q < 40:
            t = words[q]
            if t == ")" and q > first:
                # a short parenthesis inside the appositive: "director at the division (CID)"
                o = q - 1
                while o > first and q - o < 8 and words[o] not in {"(", ")", ","}:
                    o -= 1
                if words[o] == "(" and o - 1 > first and st.is_word(o - 1) and words[o - 1] != ",":
                    q = o - 1
                    continue
            if t in {",", "”", '"', ";", ":", "(", ")"}:
                break
            # a cue word (st.is_cue_word) that is no participle: the appositive holds a clause
            if t[0].isalnum() and lows[q] in frames and not lows[q].endswith(gerund):
                return None
            q -= 1
        if q < first or st.words[q] != "," or q + 1 >= p:
            return None
        p = q
        head = st.lows[p + 1]
        person = st.cast.mention_at(st.toks[p - 1][0], st.toks[p - 1][1]) if st.is_word(p - 1) else None
        if not (
            (
                person is not None
                and person[1].kind is ActorKind.PERSON
                and person[0].span.end == st.toks[p - 1][1]
            )
            or head in st.lex.determiners
            or head in st.lex.relatives
            or st.words[p + 1][0].isupper()
            or st.words[p + 1][0].isdigit()
            or head.endswith(st.lex.gerund_suffixes)
        ):
            continue
        if st.words[p - 1] == ")":
            named = parenthesis_back(st, p - 1, first)  # Sen. Jane Roe (D-Mo.), who ..., said
            start = named[0] if named is not None else None
        else:
            start = np_back(st, p - 1, first)
        if (
            start is not None
            and any(st.words[i][0].isupper() for i in range(start, p))
            and (
                start == first
                or st.words[start - 1] in SEPARATORS
                or st.lows[start - 1] in st.lex.connectives
            )
        ):
            return (start, j - 1)
    return None


def aside_back(st: Scan, j: int, first: int) -> tuple[int, int] | None:
    """``Jane Roe’s campaign, for example, said``: the subject before a short aside."""
    p = j - 1
    while p >= first and j - p <= 4 and st.words[p] != ",":
        if not st.words[p].islower():
            return None
        p -= 1
    if p < first or st.words[p] != "," or p + 1 >= j or p - 1 < first or not st.is_word(p - 1):
        return None
    start = np_back(st, p - 1, first)
    if start is None or not (start == first or st.lows[start - 1] in st.lex.connectives):
        return None
    return (start, p - 1)


def parenthesis_back(st: Scan, j: int, first: int) -> tuple[int, int] | None:
    """``Sen. Jane Roe (D-Mass.) said``: the name before the parenthesis (a capitalised word)."""
    p = j - 1
    while p >= first and j - p < 10 and st.words[p] != "(":
        p -= 1
    if p < first or st.words[p] != "(":
        return None
    if p - 1 < first or not st.words[p - 1][:1].isupper():
        return None  # "used by the mujahideen (Afghan Taliban fighters), said ...": a gloss, no name
    start = np_back(st, p - 1, first)
    return (start, j) if start is not None else None


def subject(st: Scan, first: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase opening a sentence (after connectives and a leading time expression)."""
    limit = min(limit, first + 20)
    k = _subject_start(st, first, limit)
    if k is None:
        return None
    if st.lows[k] in st.lex.personal_pronouns:
        return (k, k)
    e = k
    while e + 1 < limit and e - k < 9:
        t = st.words[e + 1]
        if st.is_word(e + 1):
            if not (t[0].isupper() or t.lower() in st.lex.name_joiners):
                break
        elif not st.joiner(e + 1):
            break
        e += 1
    while e > k and not st.is_word(e):
        e -= 1
    if not st.words[k][0].isupper():
        return None
    # Only as far as a mention of an actor reaches, when the cast knows one there.
    found = st.cast.mentions_between(st.toks[k][0], st.toks[e][1])
    if found:
        last = found[-1][0].span.end
        e = st.index(last) - 1 if st.index(last) > k else e
        while e > k and st.toks[e][1] > last:
            e -= 1
    return (k, e)


def _subject_start(st: Scan, first: int, limit: int) -> int | None:
    """The first token of a sentence's subject: past connectives, quote marks and an opening
    phrase of time or place ("On Thursday, he ...", "In Iowa, Cruz ...")."""
    k = first
    while k < limit and (not st.is_word(k) or st.lows[k] in st.lex.connectives):
        if st.words[k] not in {",", "“", '"', "‘"} and not st.is_word(k):
            return None
        k += 1
    if k >= limit:
        return None
    if st.lows[k] in st.lex.not_clause or st.toks[k][0] in st.time_start:
        c = k + 1
        while c < limit and c - k < 12 and st.words[c] != ",":
            c += 1
        if c >= limit or c - k >= 12:
            return None
        k = c + 1
        if k >= limit or not st.is_word(k):
            return None
    return k


def np_forward(st: Scan, pos: int, end: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``pos`` (an inverted source, ``according to`` a source)."""
    k = st.index(pos)
    if k >= len(st.toks) or st.toks[k][0] >= end or not st.is_word(k):
        return None
    last = None
    n = 0
    while k < len(st.toks) and st.toks[k][0] < end and n < 15:
        t = st.words[k]
        if st.is_word(k):
            low = t.lower()
            if n > 0 and (low in st.lex.clause_words or low in st.lex.relatives or low in st.lex.frames):
                break
            last = k
        elif st.joiner(k) and (t[:1] in "’'" or (k + 1 < len(st.toks) and st.adjacent(k + 1))):
            pass
        elif t == "." and st.adjacent(k) and len(st.words[k - 1]) <= 3 and st.words[k - 1][0].isupper():
            if k + 1 >= len(st.toks) or st.toks[k + 1][0] >= end:
                break
        elif t in "’'" and st.adjacent(k):
            pass
        else:
            break
        k += 1
        n += 1
    if last is None:
        return None
    return st.index(pos), last
