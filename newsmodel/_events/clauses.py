"""Role finding's primitives: clause bounds, the subject before a trigger, the objects after it,
coordination, passives and places, read off the actor mentions around a trigger.

The objects after a trigger are read in ``objects.py``. There is no syntactic parser in front of this (``chunks.py`` adds a shallow chunker, which the
role finder consults where these readers find no subject): roles are read with a few well-known cues of
English news syntax (the subject before an active verb, ``by`` after a passive participle, the
object or a prepositional phrase after the verb, ``from``/``by`` and possessives around a noun,
coordination with ``and``), each word of which is rule data (``[words]`` in ``events.toml``).
"""

from __future__ import annotations

import bisect

from ..model import Actor, ActorKind, Span
from .chunks import previous_verb
from .grammar import reporter_of_pronoun, title_complement
from .state import PUNCT_BOUNDARY, Doc, Mention, Occurrence

__all__ = [
    "clause_left",
    "clause_right",
    "content_floor",
    "is_passive",
    "noun_phrase_end",
    "place_anywhere",
    "premodifies",
    "subject",
    "subject_is_first_person",
    "support_verb",
]

_bisect_left = bisect.bisect_left
_bisect_right = bisect.bisect_right
_LIST_MAX = 12  # actors coordinated in one list, at most
# Enum members read once (a read through the enum class costs about 70 ns in Python 3.11, a global a few).
_LOCATION, _COUNTRY, _PERSON = ActorKind.LOCATION, ActorKind.COUNTRY, ActorKind.PERSON


def clause_left(doc: Doc, ti: int, sent_start_tok: int, floor: int) -> int:
    """Offset where the clause holding token ``ti`` begins (searching left)."""
    key = (ti, sent_start_tok, floor)
    got = doc.left_cache.get(key)
    if got is None:
        got = doc.left_cache[key] = _find_clause_left(doc, ti, sent_start_tok, floor)
    return got


def _find_clause_left(doc: Doc, ti: int, sent_start_tok: int, floor: int) -> int:
    stops, lw, starts = doc.lex.left_stops, doc.lw, doc.starts
    lowest = max(sent_start_tok, ti - doc.lex.settings.subject_window)
    # The tokens at or past the floor, searched right to left: [past, ti).
    past = _bisect_left(starts, floor, lowest, ti) if ti > lowest else lowest
    if not stops.isdisjoint(lw[past:ti]):  # a search in C first
        for j in range(ti - 1, past - 1, -1):
            if lw[j] in stops:
                return doc.tokens[j][1]
    if past > lowest:  # a token before the floor stops the search
        return floor
    if lowest > sent_start_tok:
        return max(floor, starts[lowest])
    return doc.starts[sent_start_tok] if sent_start_tok < len(doc.tokens) else floor


def clause_right(doc: Doc, ti: int, sent_end: int, window: int) -> int:
    """Offset where the clause holding token ``ti`` ends (searching right, at most ``window`` tokens)."""
    stops, lw, starts = doc.lex.right_stops, doc.lw, doc.starts
    n = len(starts)
    last = ti + 1 + window
    if last > n:
        last = n
    # The tokens of the window inside the sentence: [ti + 1, hi).
    hi = _bisect_left(starts, sent_end, ti + 1, last) if last > ti + 1 else last
    if not stops.isdisjoint(lw[ti + 1 : hi]):  # a search in C first: many windows hold no stop
        complementizers = doc.lex.words.complementizers
        for j in range(ti + 1, hi):
            word = lw[j]
            if word in stops and not (j - ti <= 4 and word in complementizers):
                return starts[j]
    return starts[hi] if hi < n and starts[hi] < sent_end else sent_end


def content_floor(doc: Doc, pos: int) -> tuple[int, Actor | None]:
    """Start of the statement content holding ``pos`` (0 if none) and that statement's speaker."""
    contents = doc.contents
    if not contents:
        return 0, None
    k = _bisect_right(doc.content_starts, pos)
    # Contents rarely nest more than a level or two: look back over a few. The innermost (the
    # latest start; of equal starts, the last) is the nearest before ``pos`` that holds it.
    for i in range(k - 1, max(0, k - 8) - 1, -1):
        s, e, sp = contents[i]
        if pos < e:  # s <= pos: it starts at or before pos
            return s, sp
    return 0, None


def _coordinated(
    doc: Doc, outer: list[tuple[Mention, list[Mention]]], k: int, step: int, limit: int
) -> list[int]:
    """Indexes of mentions coordinated with ``outer[k]`` (``A and B``, ``A, B and C``) in direction ``step``."""
    if not 0 <= k + step < len(outer):
        return []  # nothing beside it: the commonest
    got: list[int] = []
    cur = k
    joined = False
    coord = doc.lex.words.coordinators
    # A list of a dozen actors at most: a longer chain is no coordination of participants, and
    # following it would make a text of many "and"s quadratic.
    while 0 <= cur + step < len(outer) and len(got) < _LIST_MAX:
        nxt = cur + step
        a, b = (outer[nxt][0][1], outer[cur][0][0]) if step < 0 else (outer[cur][0][1], outer[nxt][0][0])
        if (step < 0 and outer[nxt][0][0] < limit) or (step > 0 and outer[nxt][0][1] > limit):
            break
        if b - a > 40:  # four short words at most lie between coordinated actors
            break
        between = doc.low[a:b].strip()
        words = between.replace(",", " , ").split()
        if not words or len(words) > 4 or not any(x in coord for x in (*words, between)):
            break
        if not all(x in coord or x in doc.lex.words.determiners for x in words) and between not in coord:
            break
        if any(x != "," for x in words):
            joined = True
        got.append(nxt)
        cur = nxt
    # Commas alone make no list ("to sue Saudi Arabia, Ryan said"): an "and" or "or" must join it.
    return got if joined else []


def _pick(doc: Doc, m: Mention, inner: list[Mention]) -> tuple[Actor | None, Actor | None]:
    """(participant, place) for an outermost mention: a place with a country inside is both."""
    actor = m[2]
    if actor.kind is _LOCATION:
        for im in inner:
            if im[2].kind is not _LOCATION:
                return im[2], actor
        return (actor if actor.country else None), actor
    return actor, None


def subject(
    doc: Doc, sentence: Span, pos: int, floor: int, depth: int = 0
) -> tuple[list[Actor], Actor | None]:
    """Subject actors of the clause ending at ``pos`` (nearest mention not governed by a
    preposition), and a place named on the way."""
    starts, lw, lex = doc.starts, doc.lw, doc.lex
    s_start = sentence.start
    ti = _bisect_right(starts, pos) - 1
    st = doc.sentence_tok(sentence)
    if st < 0 or starts[st] < s_start:
        st += 1
    if st < 0:
        st = 0
    lowest = floor if floor > s_start else s_start
    # "Pakistan, a key U.S. ally, has refused to deploy": the comma before "has refused" closes
    # the apposition for "deploy" too.
    vi = _controlling_verb(doc, ti, st) if lw[ti - 1] in lex.words.infinitive else ti
    w = lw[vi - 1]
    # A test before the search: a comma, or an auxiliary, a negation or an adverb between it and
    # the verb, must stand right before the verb.
    if depth < 2 and (
        w == "," or w in lex.verb_like or w in lex.words.negations or w.endswith(lex.words.adverb_suffixes)
    ):
        rel = _relative_clause_before(doc, vi, st, lowest)
        if rel is not None:
            # "Turkey, which has arrested two staff members, summoned a third": the subject is
            # before the relative clause.
            before = subject(doc, sentence, rel, floor, depth + 1)
            if before[0]:
                return before
    key = (ti, st, lowest)
    left = doc.left_cache.get(key)
    if left is None:
        left = doc.left_cache[key] = _find_clause_left(doc, ti, st, lowest)
    reach = pos - doc.subject_reach
    if left < reach:
        left = reach
    ms = doc.mentions_in(sentence, left, pos)
    if not ms and left <= s_start:
        return [], None  # no mention before it in the sentence, and no clause before it
    place: Actor | None = None
    opening_place: Actor | None = None
    if ms:
        found, place, opening_place = _subject_among(doc, ms, vi, left)
        if found is not None:
            return found, place
    # "Rebels in the Ivory Coast dismissed ...", "A camp for Congolese refugees was attacked": the
    # actor inside the opening noun phrase.
    if opening_place is not None:
        return [opening_place], place
    if left <= s_start:
        return [], place
    return _subject_before(doc, sentence, left, floor, depth, pos), place


def _controlling_verb(doc: Doc, ti: int, lo: int) -> int:
    """The token of the past form whose infinitive complement the verb at ``ti`` opens ("refused
    to deploy": refused), whose subject is the verb's; ``ti`` when there is none."""
    words, lw = doc.lex.words, doc.lw
    if ti - 2 < lo or lw[ti - 1] not in words.infinitive:
        return ti
    w = lw[ti - 2]
    return ti - 2 if w.endswith(words.past_suffixes) or w in words.participles else ti


def _subject_among(
    doc: Doc, ms: list[Mention], ti: int, left: int
) -> tuple[list[Actor] | None, Actor | None, Actor | None]:
    """``(subjects or None, place, opening place)`` from the mentions of the clause before ``ti``."""
    words = doc.lex.words
    place: Actor | None = None
    opening_place: Actor | None = None
    outer = doc.outermost(ms)
    lt = _bisect_left(doc.starts, left)
    # "Pakistan, a key U.S. ally in the war, has refused": skip the appositive between commas.
    w = doc.lw[ti - 1]
    appositive = (
        _appositive(doc, ti, lt)
        if w == "," or w in doc.lex.verb_like or w.endswith(words.adverb_suffixes)
        else None
    )
    if appositive is not None:
        outer = [o for o in outer if o[0][1] <= appositive]
    for k in range(len(outer) - 1, -1, -1):
        m, inner = outer[k]
        prep = doc.prep_before(m[0], left)
        if prep is not None and _named_after_title(doc, outer, k):
            prep = None
        if prep is not None and not doc.norm.startswith(words.possessive_clitic, m[1]):
            at_place = prep in words.location_prepositions
            if place is None and at_place:
                place = _pick(doc, m, inner)[1] or (m[2] if m[2].kind is _COUNTRY else None)
            if (at_place or prep in words.head_prepositions) and _opens_clause(doc, lt, m[0]):
                opening_place = _pick(doc, m, inner)[0] or m[2]
            continue
        who, where = _pick(doc, m, inner)
        if who is None:
            place = place or where
            continue
        found = [who]
        for j in _coordinated(doc, outer, k, -1, left) if k else ():  # none before the first
            a = _pick(doc, *outer[j])[0]
            if a is not None and a not in found:
                found.insert(0, a)
        return found, place, opening_place
    return None, place, opening_place


def _named_after_title(doc: Doc, outer: list[tuple[Mention, list[Mention]]], k: int) -> bool:
    """Whether the outer mention ``k`` is a person named right after another mention, ending the
    title that mention completes ("Ambassador to the United Nations Nikki Haley"): the
    preposition governs the title's complement, not the name; also when the complement names
    no actor ("High Commissioner for Human Rights Zeid Ra'ad")."""
    if outer[k][0][2].kind is not _PERSON:
        return False
    if k > 0:
        end = outer[k - 1][0][1]
        if end < outer[k][0][0] and not doc.norm[end : outer[k][0][0]].strip():
            return True
    # "High Commissioner for Human Rights Zeid Ra'ad": a complement that names no actor.
    return title_complement(doc, outer[k][0][0])


def _subject_before(doc: Doc, sentence: Span, left: int, floor: int, depth: int, pos: int) -> list[Actor]:
    """The subject of a clause that names none, from the word that closed it on the left."""
    words = doc.lex.words
    jl = doc.tok(left - 1)  # the word that closed the clause on the left
    # "Yildirim said the suspension had punished citizens, and accused Washington ...", "Erdogan
    # told a news conference during a visit to Belgrade": outside the content of a statement, the
    # words after its cue belong to the reporting clause, whose subject is the speaker.
    if jl >= 0:
        # "... he said after a two-day visit": past a boundary word right after the cue.
        jc = (
            jl - 1
            if jl > 0 and doc.lw[jl] in words.boundaries and doc.starts[jl - 1] in doc.cue_speaker
            else jl
        )
        cue = doc.starts[jc]
        sp = doc.cue_speaker.get(cue)
        if sp is not None:
            c_start, c_end = doc.cue_content[cue]
            if not c_start <= pos < c_end:
                return [sp]
    # "Switzerland said it had expelled ...", "The embassy said on Sunday night it was
    # suspending ...": an unresolved pronoun opening a reported clause is the reporter.
    if depth < 2 and (j := reporter_of_pronoun(doc, jl, pos)) >= 0:
        at = doc.starts[j]
        sp = doc.cue_speaker.get(at)
        if sp is not None:
            return [sp]
        found, _ = subject(doc, sentence, at, content_floor(doc, at)[0], depth + 1)
        if found:
            return found
    # "Haley wept after visiting a camp", "while backpacking": a gerund right after a
    # subordinating word shares the subject of the clause it hangs from.
    if (
        depth < 2
        and jl >= 0
        and jl + 1 < len(doc.lw)
        and doc.lw[jl] in words.boundaries
        and doc.lw[jl] not in words.relatives
        and doc.lw[jl] not in words.complementizers
        and not doc.lw[jl].endswith(words.gerund_suffixes)
        and doc.lw[jl + 1].endswith(words.gerund_suffixes)
        and doc.starts[jl + 1] <= pos
    ):
        # The subject of the verb the clause hangs from ("met officials after visiting":
        # whoever met, not the officials), else the nearest before the subordinator.
        ch = doc.chunks(sentence)
        k = ch.item_of(jl)
        p = previous_verb(ch, k, through=True) if k >= 0 else -1
        at = doc.starts[ch.first(p)] if p >= 0 else doc.starts[jl]
        found, _ = subject(doc, sentence, at, floor, depth + 1)
        if found:
            return found
    # "..., but was still refusing admittance": a clause without a subject shares the previous one's.
    if depth < 2:
        j = jl
        if j >= 0 and doc.lw[j] in words.clause_coordinators:
            found, _ = subject(doc, sentence, doc.starts[j], floor, depth + 1)
            if found:
                return found
    # A relative pronoun opening the clause: the subject is its antecedent.
    j = jl
    if j >= 0 and doc.lw[j] in words.relatives:
        before = [
            m
            for m in doc.mentions_in(sentence, doc.starts[j] - 200, doc.starts[j])
            if m[1] >= doc.starts[j] - 3
        ]
        if before:
            return [before[-1][2]]
    return []


def _relative_clause_before(doc: Doc, ti: int, lo: int, floor: int) -> int | None:
    """Start of a relative clause between commas that ends right before the verb at ``ti``
    (``X, which ... , summoned``), or ``None``."""
    words, lw = doc.lex.words, doc.lw
    j = ti - 1
    while (
        j > lo
        and ti - j <= 4
        and (lw[j] in doc.lex.verb_like or lw[j] in words.negations or lw[j].endswith(words.adverb_suffixes))
    ):
        j -= 1
    if j <= lo or lw[j] != ",":
        return None
    k = j - 2
    while k > lo and j - k <= 40 and doc.starts[k] >= floor:
        w = lw[k]
        if w == "," and (lw[k + 1] in words.relatives or _opens_parenthetical(doc, k)):
            return doc.starts[k]
        if w in PUNCT_BOUNDARY and w != ",":
            return None
        k -= 1
    return None


def _opens_parenthetical(doc: Doc, k: int) -> bool:
    """Whether the comma at token ``k`` opens an adverbial phrase set off after a named subject
    ("Chile and Peru, after weeks of talks, signed", "X, speaking in Lima, accused"): a
    subordinator, a preposition or a gerund after it, an actor's mention right before it."""
    w = doc.lw[k + 1]
    words = doc.lex.words
    if not (
        (w in words.boundaries and w not in words.relatives and w not in words.complementizers)
        or w in doc.lex.prepositions
        or w.endswith(words.gerund_suffixes)
    ):
        return False
    return doc.ctx.cast.mention_at(doc.starts[k] - 1) is not None


def _appositive(doc: Doc, ti: int, lt: int) -> int | None:
    """End of the subject before an appositive ``X, a ... ,`` that ends right before the verb at ``ti``."""
    j = ti - 1
    lw, verb_like = doc.lw, doc.lex.verb_like
    while j >= lt and (lw[j] in verb_like or lw[j].endswith(doc.lex.words.adverb_suffixes)):
        j -= 1
    if j < lt or doc.lw[j] != ",":
        return None
    k = j - 1
    while k >= lt and j - k <= 14:
        if doc.lw[k] == ",":
            before = doc.starts[k]
            if doc.ctx.cast.mention_at(before - 1) is not None or before in doc.extra_ends:
                return before
            return None
        if doc.lw[k] in PUNCT_BOUNDARY:
            return None
        k -= 1
    return None


def _opens_clause(doc: Doc, lt: int, start: int) -> bool:
    """Whether ``noun in PLACE`` at ``start`` is the clause's opening noun phrase (two to four plain words before ``in``)."""
    i = doc.tok(start) - 1  # the preposition
    j = i - 1
    n = 0
    while j >= lt:
        w = doc.lw[j]
        if not w.isalpha() or w in doc.lex.verb_like or w in doc.lex.words.reporting:
            return False
        if j == lt and w in doc.lex.prepositions:  # "In a speech in Ankara, X said": no subject
            return False
        if doc.lex.by_head.get(w) and w not in doc.lex.words.determiners:
            return False
        n += 1
        j -= 1
    return 1 <= n <= 4


def is_passive(doc: Doc, ti: int, word: str) -> bool:
    """A participle after a form of "be" ("was attacked"), or right before "by" ("a lunch hosted by")."""
    if not (word.endswith(doc.lex.words.participle_suffixes) or word in doc.lex.words.participles):
        return False
    if ti + 1 < len(doc.lw) and doc.lw[ti + 1] in doc.lex.words.passive_agent:
        return True
    j = ti - 1
    steps = 0
    while j >= 0 and steps < 3:
        w = doc.lw[j]
        if w in doc.lex.words.be:
            return True
        if (
            w.endswith(doc.lex.words.adverb_suffixes)
            or w in doc.lex.words.negations
            or w in doc.lex.words.passive_fillers
        ):
            j -= 1
            steps += 1
            continue
        return False
    return False


def subject_is_first_person(doc: Doc, trig: Occurrence, sentence: Span, floor: int) -> bool:
    """Whether the clause before the trigger opens with an unresolved first-person pronoun (in a quote)."""
    lo = max(floor, sentence.start)
    i = doc.tok(lo)
    i = i if i >= 0 and doc.starts[i] >= lo else i + 1
    while i < trig.ti:
        w = doc.lw[i]
        if w in doc.lex.words.first_person:
            return doc.ctx.cast.mention_at(doc.starts[i]) is None
        if (
            w.isalpha()
            and w not in doc.lex.words.clause_coordinators
            and w not in doc.lex.words.verb_coordinators
        ):
            return False  # "But we ...", "And our ministers ...": the conjunction opens no subject
        i += 1
    return False


def support_verb(doc: Doc, ti: int, sentence: Span) -> int | None:
    """Offset of a support verb (``launched``, ``held``) governing the noun at token ``ti``."""
    j = ti - 1
    steps = 0
    lo = doc.sentence_tok(sentence)
    while j >= lo and steps < 5:
        w = doc.lw[j]
        if w in doc.lex.words.support_verbs:
            return doc.starts[j]
        if w in PUNCT_BOUNDARY or w in doc.lex.words.boundaries:
            return None
        j -= 1
        steps += 1
    return None


def place_anywhere(
    doc: Doc, sentence: Span, trig: Occurrence, sources: list[Actor], targets: list[Actor], right: int
) -> Actor | None:
    """A place named with a location preposition in the trigger's clause, nearest first."""
    # The place mentions of the sentence before ``right`` (``doc.places``: the mentions of places
    # and countries, in the order of all mentions), found by bisection.
    places, pstarts = doc.places, doc.place_starts
    s_start = sentence.start
    end = right if right < sentence.end else sentence.end
    i = _bisect_left(pstarts, s_start)
    hi = _bisect_left(pstarts, end, i)
    if i == hi:
        return None
    st = doc.sentence_tok(sentence)
    key = (trig.ti, st if st > 0 else 0, s_start)
    left = doc.left_cache.get(key)
    if left is None:
        left = doc.left_cache[key] = _find_clause_left(doc, *key)
    if left > s_start:
        i = _bisect_left(pstarts, left, i, hi)
    best: tuple[int, Actor] | None = None
    preps = doc.lex.words.location_prepositions
    lw, starts = doc.lw, doc.starts
    # "Bass, who is to take up a posting in Afghanistan, had been making farewell visits": a
    # place in a relative clause closed before the trigger is not where the trigger happens.
    jl = _bisect_right(starts, left - 1) - 1 if left > s_start else -1
    closed_relative = jl >= 0 and lw[jl] in doc.lex.words.relatives
    at = trig.start
    for k in range(i, hi):
        start, m_end, a = places[k]
        if m_end > end:
            continue
        if closed_relative and start < at and "," in lw[_bisect_right(starts, m_end - 1) : trig.ti]:
            continue
        if (
            doc.prep_before(start, s_start) not in preps
            or any(a is b for b in sources)
            or any(a is b for b in targets)
        ):
            continue
        d = abs(start - at)
        if best is None or d < best[0]:
            best = (d, a)
    return best[1] if best else None


def noun_phrase_end(doc: Doc, trig: Occurrence, right: int) -> int:
    """Where the phrases after a noun trigger end: at the first verb-like word (be, auxiliaries)."""
    starts, lw = doc.starts, doc.lw
    j = _bisect_right(starts, max(trig.match_end - 1, trig.start))
    hi = _bisect_left(starts, right, j) if j < len(starts) else j
    stop = doc.lex.verb_like
    if not stop.isdisjoint(lw[j:hi]):  # a search in C first
        for k in range(j, hi):
            if lw[k] in stop:
                return starts[k]
    return right


def premodifies(doc: Doc, between: str) -> bool:
    """Whether the words between a mention and a noun make the mention its possessor or modifier."""
    m = doc.lex.premodifier.fullmatch(between)
    if m is None:
        return False
    w = doc.lex.words
    return not any(
        x in w.determiners
        or x in w.reporting
        or x in w.be
        or x in w.auxiliaries
        or x in w.boundaries
        or x in w.target_prepositions
        or x in w.other_prepositions
        or x in w.location_prepositions
        or x.endswith(w.past_suffixes)
        for x in m.group(1).split()
    )
