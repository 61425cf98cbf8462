"""The event coder: triggers from the lexicon, then sources, targets, place, time, mode and counts.

There is no syntactic parser in front of this; roles are read off the actor mentions around a
trigger within its clause, with a few well-known cues of English news syntax: the subject before
an active verb, ``by`` after a passive participle, the object or a prepositional phrase after the
verb, ``from``/``by`` and possessives around a noun, coordination with ``and``, and the speaker of
a statement whose cue is the trigger. Everything worded lives in ``events.toml``.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import operator
from collections.abc import Sequence

import attrs
import regex

from ..model import Actor, ActorKind, Count, CountKind, Event, EventKind, EventMode, Span, TimeExpression
from ..pipeline import Context, mention_order
from ..times import governing_time
from .lexicon import (
    SCAN_COUNT,
    SCAN_CUE,
    SCAN_HEAD,
    SCAN_PHRASE_ONLY,
    SCAN_STATEMENT,
    Entry,
    Lexicon,
)

__all__ = ["code_events"]

_OPENERS = " \"“'‘(`"  # what may precede a sentence's first word
_DIGIT = regex.compile(r"\d")
_PUNCT_BOUNDARY = frozenset(';:—–()[]"“”')
_MODE_KEYS = tuple((m, m.name.lower()) for m in (EventMode.NEGATED, EventMode.HYPOTHETICAL, EventMode.FUTURE))
_POSSESSIVE = frozenset(("'s", "’s", "'", "’"))
_CLITIC = regex.compile(r"\w'(?:ll|d)\b")
_PREMODIFIER = regex.compile(r"(?:'s|')?((?:\s+[a-z][a-z\-]*){0,2})\s*")

Mention = tuple[int, int, Actor]
_Cue = tuple[int, int, str, str]  # start, end, mode ("negated" ...), phrase

_bisect_right = bisect.bisect_right
_FIRST_TWO = operator.itemgetter(0, 1)
_bisect_left = bisect.bisect_left
_COUNT_BEFORE = 120  # characters from a count's first word to its verb, at most
_COUNT_AFTER = 80  # characters from a count verb to the end of its count, at most
_PLACE_KINDS = (ActorKind.LOCATION, ActorKind.COUNTRY)
_PHRASE_HEAD = SCAN_HEAD | SCAN_PHRASE_ONLY  # the first word of phrases, and nothing else
_CURLY = itertools.repeat("’")  # the second argument of ``contains``, for ``map``


def _any_inside(mentions: list[Mention], starts: list[int], sentence: Span) -> bool:
    """Whether one of ``mentions`` (sorted, with their ``starts``) lies wholly inside the sentence."""
    k = _bisect_left(starts, sentence.start)
    while k < len(starts) and starts[k] < sentence.end:
        if mentions[k][1] <= sentence.end:
            return True
        k += 1
    return False


@attrs.define
class _Trigger:
    entry: Entry
    start: int  # trigger span
    end: int
    head_end: int  # end of the head word (roles are searched from here)
    match_end: int  # end of the whole phrase
    ti: int  # token index of the head
    speaker: Actor | None = None  # for an event coded from a statement's content
    content_start: int = 0
    sentence: Span | None = None  # the sentence, when the trigger scan looked it up


@attrs.define
class _Draft:
    kind: EventKind
    trig: _Trigger
    sentence: Span
    sources: list[Actor]
    targets: list[Actor]
    location: Actor | None
    mode: EventMode
    cue: str
    rule: str
    absorbed: bool = False


class _Doc:
    """Per-call view of one article: tokens, cues and mentions, with cheap lookups."""

    def __init__(self, lex: Lexicon, context: Context) -> None:
        self.lex = lex
        self.ctx = context
        self.text = context.text
        self.norm = context.text.replace("’", "'")
        low = self.norm.lower()
        if len(low) != len(self.norm):  # a few characters lower-case to two ("İ"): keep offsets
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.norm)
        self.low = low
        self.segs = context.segments
        self.tokens = context.segments.tokens
        self.starts = context.segments.token_starts  # bisect by offset on these, not on token tuples
        cue_at: list[tuple[int, int, str, int]] = []
        self.hits: list[tuple[int, int, str, int]] = []
        low = self.low
        tokens = self.tokens
        # One pass over the segmenter's tokens: a set lookup per word finds heads and cues.
        words = context.segments.lower_words
        # The segmenter's lower-cased words with typographic apostrophes made straight, as in
        # ``norm``: only the tokens holding one are copied.
        lw: Sequence[str] = words
        if "’" in self.text:
            fixed = list(words)
            for k in itertools.compress(range(len(words)), map(operator.contains, words, _CURLY)):
                fixed[k] = fixed[k].replace("’", "'")
            lw = fixed
        self.lw = lw
        scan = lex.scan
        self.count_at: list[int] = []
        found = list(itertools.compress(range(len(lw)), map(scan.__contains__, lw)))
        if "'ll" in low or "'d" in low:  # a clitic the segmenter left on its word ("they'll")
            starts = self.starts
            clitics = {
                i
                for m in _CLITIC.finditer(low)
                if (i := _bisect_right(starts, m.start()) - 1) >= 0
                and tokens[i][1] == m.end()
                and lw[i].endswith(("'ll", "'d"))
            }
            if clitics:
                found = sorted({*found, *clitics})
        self.modal_at: list[int] = []
        needed = lex.needed
        count_at, modal_at, hits = self.count_at, self.modal_at, self.hits
        for i in found:
            w = lw[i]
            f = scan.get(w)
            if f == _PHRASE_HEAD:  # "said", "on": only the first word of phrases, none near
                need, window = needed[w]
                if not need.isdisjoint(lw[i + 1 : i + window]):
                    hits.append((*tokens[i], w, i))
                continue
            start, end0 = tokens[i]
            if f is None:  # "they'll": the cue is the clitic
                cut = w.rfind("'")
                w, start = w[cut:], start + cut
                f = scan.get(w, 0) & (SCAN_CUE | SCAN_HEAD | SCAN_PHRASE_ONLY)
            if f & SCAN_COUNT:
                count_at.append(start)
            if f & SCAN_STATEMENT:
                modal_at.append(i)
            if f & SCAN_CUE:  # read when a trigger's mode asks (most are never asked)
                cue_at.append((start, i, w, end0))
            if f & SCAN_HEAD:
                if f & SCAN_PHRASE_ONLY:  # "said", "on": only the first word of phrases, none near
                    need, window = needed[w]
                    if need.isdisjoint(lw[i + 1 : i + window]):
                        continue
                hits.append((start, end0, w, i))
        self._cue_at = cue_at
        self.cue_starts = [c[0] for c in cue_at]
        self._cues: dict[int, _Cue | None] = {}  # the cue words read so far
        self.left_cache: dict[tuple[int, int, int], int] = {}
        self._preps: dict[int, tuple[str | None, int]] = {}
        self._demonyms: dict[str, Actor] | None = None
        self._sentence_toks: dict[int, int] = {}
        self.subject_reach = lex.settings["subject_window"] * 8  # characters, at most
        self.mode_window = lex.settings["mode_window"]
        self.statements = context.statements
        # Nothing can be coded without a trigger word: the rest is for articles that have one.
        self.idle = not hits and not (modal_at and context.statements)
        if not self.idle:
            self._prepare(lex, context)

    def _prepare(self, lex: Lexicon, context: Context) -> None:
        """What role finding needs: word lists, statement contents and speakers, all mentions."""
        self.w = lex.words
        self.determiners = lex.words["determiners"]
        self.coordinators = lex.words.get("coordinators", frozenset())
        self.relatives = lex.words.get("relatives", frozenset())
        self.participles = lex.words.get("participles", frozenset())
        # Kinds as tuples: a membership test by identity, not by the enum's Python-level hash.
        self.intent_kinds = tuple(lex.intent_kinds)
        self.threat_kinds = tuple(lex.threat_kinds)
        self.absorbs = tuple(lex.absorbs)
        self.absorbs_objects = tuple(lex.absorbs_objects)
        self.absorbs_proposals = tuple(lex.absorbs_proposals)
        self.proposal_nouns = lex.words.get("proposal_nouns", frozenset())
        self.allegation_verbs = lex.words.get("allegation_verbs", frozenset())
        self.allegation_links = lex.words.get("allegation_links", frozenset())
        self.satisfy_verbs = lex.words.get("satisfy_verbs", frozenset())
        self.satisfied_nouns = lex.words.get("satisfied_nouns", frozenset())
        g = lex.words
        self.agent_prepositions, self.passive_agent = g["agent_prepositions"], g["passive_agent"]
        self.complementizers, self.infinitive = g["complementizers"], g["infinitive"]
        self.complement_openers, self.first_person = g["complement_openers"], g["first_person"]
        self.name_links = g["name_links"]
        self.verb_like = lex.verb_like  # be and the auxiliaries
        self.prepositions = lex.prepositions
        self.location_prepositions = lex.words["location_prepositions"]
        self.adverb_suffixes = tuple(g["adverb_suffixes"])
        self.participle_suffixes = tuple(g["participle_suffixes"])
        self.past_suffixes = tuple(g["past_suffixes"])
        self.gerund_suffixes = tuple(g["gerund_suffixes"])
        held = {id(a) for a in context.cast.actors} if context.statements else set()
        # Statement sources the actor stage left unresolved still name their speaker.
        extra: list[Mention] = []
        self.cue_speaker: dict[int, Actor] = {}
        self.contents: list[tuple[int, int, Actor | None]] = []
        for st in context.statements:
            sp = st.speaker if st.speaker is not None and id(st.speaker) in held else None
            if (
                sp is not None
                and st.source is not None
                and context.cast.mention_at(st.source.start, st.source.end) is None
            ):
                extra.append((st.source.start, st.source.end, sp))
            if sp is not None and st.cue is not None:
                self.cue_speaker[st.cue.start] = sp
            self.contents.append((st.content.start, st.content.end, sp))
        self.contents.sort(key=_FIRST_TWO)
        self.content_starts = [c[0] for c in self.contents]
        timed = []
        for st in context.statements:
            if st.time is not None:
                timed.append((st.content.start, st.content.end, st.time))
                if st.cue is not None:
                    timed.append((st.cue.start, st.cue.end, st.time))
        timed.sort(key=_FIRST_TWO)
        self.timed = timed
        # Statements with a time and a speaker whose cue is a participle, by cue: an act of the
        # speaker's "..., saying" happens at the statement's time.
        self.sayings = sorted(
            (
                (st.cue.start, st.cue.end, st.speaker, st.time)
                for st in context.statements
                if st.time is not None
                and st.cue is not None
                and st.speaker is not None
                and self.norm[st.cue.start : st.cue.end].lower().endswith(self.gerund_suffixes)
            ),
            key=_FIRST_TWO,
        )
        self.saying_starts = [s[0] for s in self.sayings]
        self.timed_starts = [t[0] for t in timed]
        self.time_starts = [t.span.start for t in context.times]
        self.extra = sorted(extra, key=_FIRST_TWO)
        # Every mention of the article (statement sources included) by start, longest first.
        self.all_mentions: list[Mention] = context.cast.mention_spans()
        if len(self.extra) <= 8:  # a few: into place (each insertion moves the list)
            for m in self.extra:
                bisect.insort_right(self.all_mentions, m, key=mention_order)
        else:  # many: one merge of the two sorted lists, the cast's first among equals
            extra_sorted = sorted(self.extra, key=mention_order)
            self.all_mentions = list(heapq.merge(self.all_mentions, extra_sorted, key=mention_order))
        self.all_starts = [m[0] for m in self.all_mentions]
        self.places = [m for m in self.all_mentions if m[2].kind in _PLACE_KINDS]
        self.place_starts = [m[0] for m in self.places]

    # -- tokens -------------------------------------------------------------------------------
    def tok(self, pos: int) -> int:
        """Index of the token starting at or before ``pos``."""
        return _bisect_right(self.starts, pos) - 1

    def sentence_tok(self, sentence: Span) -> int:
        """``tok(sentence.start)``, once per sentence."""
        got = self._sentence_toks.get(sentence.start)
        if got is None:
            got = self._sentence_toks[sentence.start] = _bisect_right(self.starts, sentence.start) - 1
        return got

    def _sentence_initial(self, pos: int) -> bool:
        sent = self.segs.sentence_at(pos)
        return sent is None or (pos - sent.start <= 8 and self.norm[sent.start : pos].strip(_OPENERS) == "")

    # -- mode cues ----------------------------------------------------------------------------
    def cue(self, k: int) -> _Cue | None:
        """The mode cue opened by the ``k``-th cue word, if it is one: ``(start, end, mode, phrase)``."""
        if k not in self._cues:
            self._cues[k] = self._read_cue(k)
        return self._cues[k]

    def _read_cue(self, k: int) -> _Cue | None:
        start, i, w, end0 = self._cue_at[k]
        lex, lw = self.lex, self.lw
        found: tuple[int, str, str] | None = None
        single = lex.cue_single.get(w)
        if single is not None and single[1].isdisjoint(lw[i + 1 : i + 5]):
            found = (end0, *single[0])  # "not", "would": the word alone
        elif w not in lex.cue_needed or not lex.cue_needed[w].isdisjoint(lw[i + 1 : i + 5]):
            pattern, which = lex.cues[w]
            t = pattern.match(self.low, end0)
            if t is not None and t.lastgroup is not None:
                found = (t.end(), *which[int(t.lastgroup[1:])])
        if found is None:
            return None
        end, group, phrase = found
        if (
            phrase in self.lex.words["month_cues"]
            and self.norm[start].isupper()
            and not self._sentence_initial(start)
        ):
            return None  # "May": the month
        return (start, end, group, phrase)

    def cues_between(self, lo: int, hi: int) -> list[_Cue]:
        """The mode cues starting in ``[lo, hi)``, in text order."""
        starts = self.cue_starts
        k = _bisect_left(starts, lo)
        out: list[_Cue] = []
        while k < len(starts) and starts[k] < hi:
            c = self.cue(k)
            if c is not None:
                out.append(c)
            k += 1
        return out

    def last_cue(self, ti: int, pos: int) -> _Cue | None:
        """The last mode cue starting at or before ``pos`` (the start of token ``ti``) that may reach it."""
        k = _bisect_right(self.cue_starts, pos) - 1
        lowest = ti - self.lex.cue_reach
        while k >= 0 and self._cue_at[k][1] >= lowest:
            c = self.cue(k)
            if c is not None:
                return c
            k -= 1
        return None

    # -- mentions -----------------------------------------------------------------------------
    def mentions_in(self, sentence: Span, start: int, end: int) -> list[Mention]:
        """Mentions of the sentence lying inside ``[start, end)`` (by bisection: long sentences stay linear)."""
        s, e = sentence.start, sentence.end
        if start < s:
            start = s
        if end > e:
            end = e
        all_, starts = self.all_mentions, self.all_starts
        i = _bisect_left(starts, start)
        j = _bisect_left(starts, end, i)
        return [m for m in all_[i:j] if m[1] <= end]

    def has_mentions(self, sentence: Span) -> bool:
        """Whether anyone is mentioned in the sentence."""
        return _any_inside(self.all_mentions, self.all_starts, sentence)

    def has_places(self, sentence: Span) -> bool:
        """Whether a place or a country is mentioned in the sentence."""
        return _any_inside(self.places, self.place_starts, sentence)

    def demonyms(self) -> dict[str, Actor]:
        """Nationality adjectives the cast itself uses, mapped to the country actor they name.

        "Syrian civilians" (an actor with country SYR) teaches that "Syrian" names Syria, so
        "at the Syrian airbase" has Syria as its target though no actor is mentioned there.
        """
        if self._demonyms is None:
            countries: dict[str, Actor] = {}
            named: list[Actor] = []  # actors of a country that are not the country
            for a in self.ctx.cast.actors:
                if a.country:
                    if a.kind is ActorKind.COUNTRY:
                        countries.setdefault(a.country, a)
                    else:
                        named.append(a)
            found: dict[str, Actor] = {}
            suffixes = tuple(self.w.get("demonym_suffixes", ()))
            for a in named:
                if a.country not in countries:
                    continue
                for m in a.mentions:
                    t = m.span.text
                    if " " not in t or not t[:1].isupper():
                        continue
                    first = t[: t.index(" ")].lower()
                    if first.endswith(suffixes):
                        found.setdefault(first, countries[a.country])
            self._demonyms = found
        return self._demonyms

    @staticmethod
    def outermost(ms: Sequence[Mention]) -> list[tuple[Mention, list[Mention]]]:
        """Mentions not inside another, each with the mentions nested inside it."""
        out: list[tuple[Mention, list[Mention]]] = []
        for m in ms:
            if out and m[0] >= out[-1][0][0] and m[1] <= out[-1][0][1]:
                out[-1][1].append(m)
            else:
                out.append((m, []))
        return out

    def prep_before(self, start: int, floor: int) -> str | None:
        """The preposition governing a noun phrase whose mention starts at ``start``, if any."""
        got = self._preps.get(start)
        if got is None:
            got = self._preps[start] = self._prep_before(start)
        word, at = got
        # Decided at token ``at``: that holds if the floor lets the search get there.
        return word if at >= 0 and self.starts[at] >= floor else None

    def _prep_before(self, start: int) -> tuple[str | None, int]:
        """(the preposition or None, the token where that was decided; -1 if nothing decided)."""
        starts, lw, norm = self.starts, self.lw, self.norm
        i = _bisect_right(starts, start) - 2
        lo = max(0, i - 5)  # six words back at most
        dets = self.determiners
        while i >= lo:
            w = lw[i]
            if w in dets or w.replace(",", "").isdigit() or (w[:1].isalpha() and norm[starts[i]].isupper()):
                i -= 1
                continue
            if (
                w in self.name_links
                and i > 0
                and (lw[i - 1] in dets or (norm[starts[i - 1]].isupper() and norm[starts[i + 1]].isupper()))
            ):
                i -= 1
                continue
            return (w if w in self.lex.prepositions else None), i
        return None, -1


def _clause_left(doc: _Doc, ti: int, sent_start_tok: int, floor: int) -> int:
    """Offset where the clause holding token ``ti`` begins (searching left)."""
    key = (ti, sent_start_tok, floor)
    got = doc.left_cache.get(key)
    if got is None:
        got = doc.left_cache[key] = _find_clause_left(doc, ti, sent_start_tok, floor)
    return got


def _find_clause_left(doc: _Doc, ti: int, sent_start_tok: int, floor: int) -> int:
    j = ti - 1
    stops, lw, starts = doc.lex.left_stops, doc.lw, doc.starts
    lowest = max(sent_start_tok, ti - doc.lex.settings["subject_window"])
    while j >= lowest:
        if starts[j] < floor:
            return floor
        if lw[j] in stops:
            return doc.tokens[j][1]
        j -= 1
    if lowest > sent_start_tok:
        return max(floor, starts[lowest])
    return doc.starts[sent_start_tok] if sent_start_tok < len(doc.tokens) else floor


def _clause_right(doc: _Doc, ti: int, sent_end: int, window: int) -> int:
    """Offset where the clause holding token ``ti`` ends (searching right, at most ``window`` tokens)."""
    j = ti + 1
    stops, lw, starts = doc.lex.right_stops, doc.lw, doc.starts
    n = len(starts)
    last = min(n, ti + 1 + window)
    while j < last and starts[j] < sent_end:
        word = lw[j]
        if word in stops and not (word in doc.complementizers and j - ti <= 4):
            return starts[j]
        j += 1
    if j < n and doc.starts[j] < sent_end:
        return doc.starts[j]
    return sent_end


def _content_floor(doc: _Doc, pos: int) -> tuple[int, Actor | None]:
    """Start of the statement content holding ``pos`` (0 if none) and that statement's speaker."""
    best: tuple[int, Actor | None] = (0, None)
    if not doc.contents:
        return best
    k = bisect.bisect_right(doc.content_starts, pos)
    # Contents rarely nest more than a level or two: look back over a few.
    for s, e, sp in doc.contents[max(0, k - 8) : k]:
        if s <= pos < e and s >= best[0]:
            best = (s, sp)
    return best


def _coordinated(
    doc: _Doc, outer: list[tuple[Mention, list[Mention]]], k: int, step: int, limit: int
) -> list[int]:
    """Indexes of mentions coordinated with ``outer[k]`` (``A and B``, ``A, B and C``) in direction ``step``."""
    got: list[int] = []
    cur = k
    joined = False
    coord = doc.coordinators
    while 0 <= cur + step < len(outer):
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
        if not all(x in coord or x in doc.determiners for x in words) and between not in coord:
            break
        if any(x != "," for x in words):
            joined = True
        got.append(nxt)
        cur = nxt
    # Commas alone make no list ("to sue Saudi Arabia, Ryan said"): an "and" or "or" must join it.
    return got if joined else []


def _pick(doc: _Doc, m: Mention, inner: list[Mention]) -> tuple[Actor | None, Actor | None]:
    """(participant, place) for an outermost mention: a place with a country inside is both."""
    actor = m[2]
    if actor.kind is ActorKind.LOCATION:
        for im in inner:
            if im[2].kind is not ActorKind.LOCATION:
                return im[2], actor
        return (actor if actor.country else None), actor
    return actor, None


def _subject(
    doc: _Doc, sentence: Span, pos: int, floor: int, depth: int = 0
) -> tuple[list[Actor], Actor | None]:
    """Subject actors of the clause ending at ``pos`` (nearest mention not governed by a preposition)."""
    starts = doc.starts
    ti = _bisect_right(starts, pos) - 1
    st = doc.sentence_tok(sentence)
    st = st if st >= 0 and starts[st] >= sentence.start else st + 1
    left = _clause_left(doc, ti, max(st, 0), max(floor, sentence.start))
    reach = pos - doc.subject_reach
    if left < reach:
        left = reach
    ms = doc.mentions_in(sentence, left, pos)
    if not ms and left <= sentence.start:
        return [], None  # no mention before it in the sentence, and no clause before it
    place: Actor | None = None
    opening_place: Actor | None = None
    if ms:
        outer = doc.outermost(ms)
        lt = _bisect_left(doc.starts, left)
        # "Pakistan, a key U.S. ally in the war, has refused": skip the appositive between commas.
        appositive = _appositive(doc, ti, lt)
        if appositive is not None:
            outer = [o for o in outer if o[0][1] <= appositive]
        for k in range(len(outer) - 1, -1, -1):
            m, inner = outer[k]
            prep = doc.prep_before(m[0], left)
            if prep is not None and doc.norm[m[1] : m[1] + 2] not in ("'s",):
                at_place = prep in doc.location_prepositions
                if place is None and at_place:
                    place = _pick(doc, m, inner)[1] or (m[2] if m[2].kind is ActorKind.COUNTRY else None)
                if (at_place or prep in doc.w["head_prepositions"]) and _opens_clause(doc, lt, m[0]):
                    opening_place = _pick(doc, m, inner)[0] or m[2]
                continue
            who, where = _pick(doc, m, inner)
            if who is None:
                place = place or where
                continue
            found = [who]
            for j in _coordinated(doc, outer, k, -1, left):
                a = _pick(doc, *outer[j])[0]
                if a is not None and a not in found:
                    found.insert(0, a)
            return found, place
    # "Rebels in the Ivory Coast dismissed ...", "A camp for Congolese refugees was attacked": the
    # actor inside the opening noun phrase.
    if opening_place is not None:
        return [opening_place], place
    if left <= sentence.start:
        return [], place
    jl = doc.tok(left - 1)  # the word that closed the clause on the left
    # "Switzerland said it had expelled ...": an unresolved pronoun after a reporting verb is its subject.
    if depth < 2:
        j = jl
        k = j + 1
        if k < len(doc.tokens) and doc.lw[k] in doc.complementizers:
            k += 1
        if (
            j >= 0
            and doc.lw[j] in doc.w["reporting"]
            and k < len(doc.tokens)
            and doc.lw[k] in doc.w["pronouns"]
            and doc.ctx.cast.mention_at(doc.starts[k]) is None
        ):
            found, _ = _subject(doc, sentence, doc.starts[j], floor, depth + 1)
            if found:
                return found, place
    # "..., but was still refusing admittance": a clause without a subject shares the previous one's.
    if depth < 2:
        j = jl
        if j >= 0 and doc.lw[j] in doc.w["clause_coordinators"]:
            found, _ = _subject(doc, sentence, doc.starts[j], floor, depth + 1)
            if found:
                return found, place
    # A relative pronoun opening the clause: the subject is its antecedent.
    j = jl
    if j >= 0 and doc.lw[j] in doc.relatives:
        before = [
            m
            for m in doc.mentions_in(sentence, doc.starts[j] - 200, doc.starts[j])
            if m[1] >= doc.starts[j] - 3
        ]
        if before:
            return [before[-1][2]], place
    return [], place


def _appositive(doc: _Doc, ti: int, lt: int) -> int | None:
    """End of the subject before an appositive ``X, a ... ,`` that ends right before the verb at ``ti``."""
    j = ti - 1
    lw, verb_like = doc.lw, doc.verb_like
    while j >= lt and (lw[j] in verb_like or lw[j].endswith(doc.adverb_suffixes)):
        j -= 1
    if j < lt or doc.lw[j] != ",":
        return None
    k = j - 1
    while k >= lt and j - k <= 14:
        if doc.lw[k] == ",":
            before = doc.starts[k]
            if doc.ctx.cast.mention_at(before - 1) is not None or any(m[1] == before for m in doc.extra):
                return before
            return None
        if doc.lw[k] in _PUNCT_BOUNDARY:
            return None
        k -= 1
    return None


def _opens_clause(doc: _Doc, lt: int, start: int) -> bool:
    """Whether ``noun in PLACE`` at ``start`` is the clause's opening noun phrase (two to four plain words before ``in``)."""
    i = doc.tok(start) - 1  # the preposition
    j = i - 1
    n = 0
    while j >= lt:
        w = doc.lw[j]
        if not w.isalpha() or w in doc.verb_like or w in doc.w["reporting"]:
            return False
        if doc.lex.by_head.get(w) and w not in doc.w["determiners"]:
            return False
        n += 1
        j -= 1
    return 1 <= n <= 4


def _objects(
    doc: _Doc, sentence: Span, start: int, end: int, *, allowed: frozenset[str] | None
) -> tuple[list[Actor], Actor | None, list[Actor]]:
    """Objects after a trigger: (targets, place, by/from actors) within ``[start, end)``.

    ``allowed``: prepositions that may introduce a target (``None``: also a bare object).
    """
    ms = doc.mentions_in(sentence, start, end)
    outer = doc.outermost(ms)
    targets: list[Actor] = []
    agents: list[Actor] = []
    place: Actor | None = None
    k = 0
    while k < len(outer):
        m, inner = outer[k]
        prep = doc.prep_before(m[0], start)
        who, where = _pick(doc, m, inner)
        if prep in doc.agent_prepositions:
            if who is not None and not agents:
                agents.append(who)
                agents.extend(
                    a
                    for j in _coordinated(doc, outer, k, 1, end)
                    if (a := _pick(doc, *outer[j])[0]) is not None
                )
            k += 1
            continue
        if prep is not None and prep in doc.location_prepositions:
            if place is None:
                place = where or (m[2] if m[2].kind in (ActorKind.COUNTRY, ActorKind.LOCATION) else None)
            k += 1
            continue
        if targets or who is None or doc.norm[m[0] : m[1]].lower() in doc.w["possessive_pronouns"]:
            if where is not None and place is None:
                place = where
            k += 1
            continue
        if prep is None and allowed is not None:
            k += 1
            continue
        if prep is not None and allowed is not None and prep not in allowed:
            k += 1
            continue
        targets.append(who)
        if where is not None and place is None:
            place = where
        coord = _coordinated(doc, outer, k, 1, end)
        targets.extend(a for j in coord if (a := _pick(doc, *outer[j])[0]) is not None)
        k = (coord[-1] if coord else k) + 1
    if not targets:
        demonym = _demonym_target(doc, start, end, allowed or doc.w["target_prepositions"])
        if demonym is not None:
            targets.append(demonym)
    return targets, place, agents


def _demonym_target(doc: _Doc, start: int, end: int, allowed: frozenset[str]) -> Actor | None:
    """``at the Syrian airbase``: a nationality adjective after a target preposition names the target."""
    demonyms = doc.demonyms()
    if not demonyms:
        return None
    i = _bisect_left(doc.starts, start)
    n = _bisect_left(doc.starts, end)
    if demonyms.keys().isdisjoint(doc.lw[i:n]):
        return None  # no nationality word in the range: one set test
    n = len(doc.tokens)
    while i < n and doc.tokens[i][1] <= end:
        w = doc.lw[i]
        if w in demonyms and doc.ctx.cast.mention_at(doc.starts[i]) is None:
            j = i - 1
            while j >= 0 and doc.lw[j] in doc.w["determiners"]:
                j -= 1
            if j >= 0 and doc.lw[j] in allowed and doc.lw[j] not in doc.agent_prepositions:
                return demonyms[w]
        i += 1
    return None


def _is_passive(doc: _Doc, ti: int, word: str) -> bool:
    """A participle after a form of "be" ("was attacked"), or right before "by" ("a lunch hosted by")."""
    if not (word.endswith(doc.participle_suffixes) or word in doc.participles):
        return False
    if ti + 1 < len(doc.lw) and doc.lw[ti + 1] in doc.passive_agent:
        return True
    j = ti - 1
    steps = 0
    while j >= 0 and steps < 3:
        w = doc.lw[j]
        if w in doc.w["be"]:
            return True
        if (
            w.endswith(doc.adverb_suffixes)
            or w in doc.w.get("negations", ())
            or w in doc.w.get("passive_fillers", ())
        ):
            j -= 1
            steps += 1
            continue
        return False
    return False


def _is_nounlike(doc: _Doc, ti: int) -> bool:
    """Whether a word that may be a noun or a verb (``attack``) is used as a noun here."""
    if ti <= 0:
        return True
    w = doc.lw[ti - 1]
    if w in doc.w.get("negations", ()):  # "did not attack": the word before the negation decides
        return _is_nounlike(doc, ti - 1)
    if w in doc.w["determiners"] or w in _POSSESSIVE or w.endswith("'s") or w[:1].isdigit():
        return True
    if w in doc.infinitive or w in doc.verb_like or w in doc.w["pronouns"]:
        return False
    if w in doc.prepositions:
        return True
    # After a mention (the subject) it is a verb; after another word (an adjective) a noun.
    s = doc.starts[ti - 1]
    return doc.ctx.cast.mention_at(s) is None and not w.endswith(doc.adverb_suffixes)


def _mode(doc: _Doc, trig: _Trigger, sentence: Span, prev: _Trigger | None) -> tuple[EventMode, str]:
    """Mode from the cues in the window before the trigger, within its clause.

    A cue before the previous trigger belongs to that one ("would meet ... in peace talks"),
    except a negation that opens it ("refused to deploy": REJECT, and the deployment NEGATED).
    """
    win = doc.mode_window
    # Most triggers have no cue word at all in the window: one bisection says so.
    k = _bisect_left(doc.cue_starts, doc.starts[trig.ti - win] if trig.ti >= win else 0)
    if k == len(doc.cue_starts) or doc.cue_starts[k] >= trig.start:
        return EventMode.ASSERTED, ""
    lo_tok = max(doc.sentence_tok(sentence), trig.ti - win)
    lo = max(sentence.start, doc.starts[lo_tok] if lo_tok >= 0 else 0)
    neg_lo = lo
    if prev is not None and prev.start >= sentence.start:
        neg_lo = max(lo, prev.start)
        lo = max(lo, prev.end)
    if not doc.cues_between(min(lo, neg_lo), trig.start):
        return EventMode.ASSERTED, ""  # no cue in the window (most triggers)
    # Do not cross a clause boundary (punctuation) when looking for cues.
    j = trig.ti - 1
    while j >= 0 and doc.starts[j] >= lo:
        if doc.lw[j] in _PUNCT_BOUNDARY or (doc.lw[j] in (",",) and j < trig.ti - 2):
            lo = neg_lo = doc.tokens[j][1]
            break
        j -= 1
    found: dict[str, str] = {}
    for b, e, group, cue in doc.cues_between(min(lo, neg_lo), trig.start):
        if (e <= trig.start or group == "negated") and b >= (neg_lo if group == "negated" else lo):
            found[group] = cue  # the nearest cue of each kind
    # A negation or modal right after an auxiliary that follows the trigger does not count; only
    # cues before it. Negation wins over a modal, a modal over the future.
    for mode, key in _MODE_KEYS:
        if key in found:
            return mode, found[key]
    return EventMode.ASSERTED, ""


def _counts(doc: _Doc, start: int, end: int) -> list[tuple[Count, int]]:
    """Casualty and arrest counts in ``[start, end)`` of a sentence, each with the offset of its verb.

    The two count patterns are tried only where a match can start (as ``finditer`` would, left
    to right, without overlaps): the first at the count verbs, the second at a number or at the
    first word of a number or qualifier ("at least 70 people were killed").
    """
    lex, text, norm = doc.lex, doc.text, doc.norm
    out: list[tuple[Count, int]] = []
    if _DIGIT.search(norm, start, end) is None:
        window = norm[start:end].lower()
        if not any(w in window for w in lex.number_words):
            return out  # no number, no count: a digit search and a few substring tests
    i0 = _bisect_left(doc.starts, start)
    i1 = _bisect_left(doc.starts, end)
    firsts, starts = lex.count_starts, doc.starts
    at_number = [starts[i0 + k] for k, w in enumerate(doc.lw[i0:i1]) if w in firsts or w[:1].isdigit()]
    at_verb = doc.count_at[_bisect_left(doc.count_at, start) : _bisect_left(doc.count_at, end)]
    seen: set[int] = set()
    for pat, candidates in zip(lex.count_patterns, (at_verb, at_number), strict=True):
        last = start
        for c in candidates:
            if c < last:
                continue
            m = pat.match(norm, c, end)
            if m is None:
                continue
            last = m.end()
            if m.start("n") in seen:
                continue
            verb = m.group("v").lower()
            kind = next((k for k, ws in lex.counts.items() if verb in ws), None)
            if kind is None:
                continue
            n = _number(m.group("n"), lex)
            if n is None:
                continue
            seen.add(m.start("n"))
            s = m.start("q") if m.group("q") else m.start("n")
            e = m.end("p") if m.group("p") else m.end("n")
            out.append((Count(kind=CountKind[kind], number=n, span=Span.of(text, s, e)), m.start("v")))
    return out


def _number(s: str, lex: Lexicon) -> int | None:
    s = s.lower().replace(",", "")
    if s.isdigit():
        return int(s) if len(s) < 10 else None
    return lex.numbers.get(s)


def code_events(lex: Lexicon, context: Context) -> tuple[Event, ...]:
    """Every event of an article, in text order."""
    doc = _Doc(lex, context)
    if doc.idle:
        return ()
    text = context.text
    triggers = _triggers(doc)
    if lex.statement_words and context.statements:
        triggers = sorted([*triggers, *_statement_triggers(doc, triggers)], key=lambda t: t.start)
    drafts: list[_Draft] = []
    prev: _Trigger | None = None
    for trig in triggers:
        sentence = trig.sentence or doc.segs.sentence_at(trig.start)
        if sentence is None:
            continue
        draft = _roles(
            doc, trig, sentence, prev if prev is not None and prev.start >= sentence.start else None
        )
        if draft is not None:
            drafts.append(draft)
        prev = trig
    _coordinated_verbs(doc, drafts)
    _absorb(doc, drafts)
    _dedupe_mentions_of_one_event(doc, drafts)
    events: list[Event] = []
    counts_by_sentence: dict[int, list[tuple[Count, int]]] = {}
    # A noun with no participant ("the allegations", "the attack") refers to an event reported
    # elsewhere; it is not a report of one. Counts make it one ("an attack that killed 70").
    kept = [
        d
        for d in drafts
        if not d.absorbed and (d.trig.entry.pos == "verb" or d.sources or d.targets or _has_count(doc, d))
    ]
    for d in kept:
        if d.sentence.start not in counts_by_sentence:
            k = bisect.bisect_left(doc.count_at, d.sentence.start)
            k2 = bisect.bisect_left(doc.count_at, d.sentence.end)
            # A count lies within a few words of its verb: search only around the count verbs.
            counts_by_sentence[d.sentence.start] = (
                _counts(
                    doc,
                    max(d.sentence.start, doc.count_at[k] - _COUNT_BEFORE),
                    min(d.sentence.end, doc.count_at[k2 - 1] + _COUNT_AFTER),
                )
                if k < k2
                else []
            )
    attach: dict[int, list[Count]] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, d in enumerate(kept):
        by_sentence.setdefault(d.sentence.start, []).append(i)
    for sent_start, found in counts_by_sentence.items():
        here = by_sentence[sent_start]
        for count, at in found:
            want = (
                (EventKind.COERCE, EventKind.ASSAULT)
                if count.kind is CountKind.ARRESTED
                else (EventKind.ASSAULT,)
            )
            pool = [i for i in here if kept[i].kind in want] or here
            best = min(pool, key=lambda i: abs(kept[i].trig.start - at))
            attach.setdefault(best, []).append(count)
    sentence_times: dict[int, Sequence[TimeExpression]] = {}
    for i, d in enumerate(kept):
        here_times = sentence_times.get(d.sentence.start)
        if here_times is None:
            here_times = sentence_times[d.sentence.start] = _times_in(doc, d.sentence)
        when: TimeExpression | None = None
        if len(here_times) == 1:
            when = here_times[0]  # the only expression of the sentence governs all of it
        elif here_times:
            try:
                when = governing_time(here_times, doc.segs, d.trig.start, d.trig.end)
            except Exception:  # a fault in another stage must not lose the events
                when = None
        if when is None and doc.timed:
            when = _statement_time(doc, d)
            if when is None and d.sources:
                when = _saying_time(doc, d)
        events.append(
            Event(
                kind=d.kind,
                trigger=Span(start=d.trig.start, end=d.trig.end, text=text[d.trig.start : d.trig.end]),
                sources=tuple(d.sources),
                targets=tuple(d.targets),
                location=d.location,
                time=when,
                mode=d.mode,
                sentence=d.sentence,
                rule=d.rule,
                counts=_sorted_counts(attach[i]) if i in attach else (),
            )
        )
    return tuple(events)


def _times_in(doc: _Doc, sentence: Span) -> Sequence[TimeExpression]:
    """The time expressions of a sentence: what ``governing_time`` looks at (same clause, then
    same sentence), handed over alone so that a long article costs it no more per event. When
    there is one, it governs the whole sentence, and ``governing_time`` is not asked.
    """
    times = doc.ctx.times
    lo = bisect.bisect_left(doc.time_starts, sentence.start - 100)  # none is that long
    hi = bisect.bisect_left(doc.time_starts, sentence.end)
    s, e = sentence.start, sentence.end
    return [t for t in times[lo:hi] if t.span.end > s and t.span.start < e]


def _statement_time(doc: _Doc, d: _Draft) -> TimeExpression | None:
    """The time of the statement reporting the event (its content or cue holds the trigger)."""
    pos = d.trig.start
    k = bisect.bisect_right(doc.timed_starts, pos)
    for s, e, when in reversed(doc.timed[max(0, k - 8) : k]):
        if s <= pos < e:
            return when
    return None


def _saying_time(doc: _Doc, d: _Draft) -> TimeExpression | None:
    """``He stopped short of accusing Russia ..., saying he had not seen ...``: an act of the speaker
    followed in its sentence by a participle cue ("saying", "adding") happens as they speak, at
    the statement's time.
    """
    k = _bisect_left(doc.saying_starts, d.trig.end)
    for cue_start, _, speaker, when in doc.sayings[k : k + 4]:  # the next few cues
        if cue_start >= d.sentence.end:
            break
        if any(a is speaker for a in d.sources):
            return when
    return None


def _has_count(doc: _Doc, d: _Draft) -> bool:
    """Whether a count verb follows the trigger closely in its sentence."""
    k = bisect.bisect_left(doc.count_at, d.trig.start)
    return k < len(doc.count_at) and doc.count_at[k] < min(d.sentence.end, d.trig.end + 60)


def _sorted_counts(counts: list[Count]) -> tuple[Count, ...]:
    return tuple(sorted(counts, key=lambda c: c.span.start))


def _triggers(doc: _Doc) -> list[_Trigger]:
    out: list[_Trigger] = []
    last_end = -1
    lex = doc.lex
    exclusions, tail_entries, needed, singles = lex.exclusions, lex.tail_entries, lex.needed, lex.singles
    low, lw, norm, sentence_at = doc.low, doc.lw, doc.norm, doc.segs.sentence_at
    for h_start, h_end, word, ti in doc.hits:
        if h_start < last_end:
            continue
        excluded = exclusions.get(word)
        if excluded is not None:
            x = excluded.match(low, h_end)
            if x is not None:  # "declined to comment": no event, nor any inside it
                last_end = x.end()
                continue
        combined = tail_entries.get(word)
        ahead: Sequence[str] = ()
        if combined is not None:
            need, window = needed[word]
            ahead = lw[ti + 1 : ti + window]
            if need.isdisjoint(ahead):
                combined = None
        if combined is None and word not in singles:
            continue  # only the first word of phrases, none of which can follow here
        sent = sentence_at(h_start)
        if sent is None:
            continue
        # A capitalised word inside a sentence is part of a name ("the Rally", "in March").
        if (
            norm[h_start].isupper()
            and not (h_start - sent.start <= 8 and norm[sent.start : h_start].strip(_OPENERS) == "")
            and not norm[h_start:h_end].isupper()
        ):
            continue
        # A trigger word inside a cue of intention ("is expected to") is not an event.
        cue = doc.last_cue(ti, h_start)
        if cue is not None and h_start < cue[1] and cue[2] == "future":
            continue
        entries = doc.lex.by_head.get(word, ())
        want = ("noun" if _is_nounlike(doc, ti) else "verb") if word in doc.lex.ambiguous else None
        chosen: Entry | None = None
        end = h_end
        if combined is not None:
            # The phrases in order, longest first, as one alternation would try them; only those
            # whose last word lies ahead can match.
            for candidate, last in combined:
                if last.isdisjoint(ahead):
                    continue
                assert candidate.tail is not None
                t = candidate.tail.match(low, h_end, sent.end)
                if t is not None:
                    chosen, end = candidate, t.end()
                    break
        if chosen is None:
            for entry in entries:
                if entry.tail is not None or (want is not None and entry.pos != want):
                    continue
                if (
                    entry.pos == "verb"
                    and want is None
                    and not word.endswith(doc.gerund_suffixes)
                    and _in_noun_slot(doc, ti)
                ):
                    continue
                chosen = entry
                break
        if (
            chosen is not None
            and chosen.tail is None
            and chosen.pos == "verb"
            and word in doc.satisfy_verbs
            and _satisfies(doc, ti)
        ):
            chosen = None  # "met the demands": satisfied, no meeting
        if chosen is not None:
            entry = chosen
            out.append(
                _Trigger(
                    entry=entry, start=h_start, end=end, head_end=h_end, match_end=end, ti=ti, sentence=sent
                )
            )
            last_end = end
    return out


def _satisfies(doc: _Doc, ti: int) -> bool:
    """Whether the verb at ``ti`` ("met") has a demand, condition, target ... as its object (or,
    passive, as its subject): "meet the demands", "until their demands are met".
    """
    lw, nouns = doc.lw, doc.satisfied_nouns
    j = ti + 1
    for j in range(ti + 1, min(len(lw), ti + 5)):
        w = lw[j]
        if w in nouns:
            return True
        if w not in doc.determiners and w not in _POSSESSIVE and _is_function_word(doc, w):
            break
    j = ti - 1
    while j >= 0 and ti - j <= 3 and (lw[j] in doc.verb_like or lw[j] in doc.w["negations"]):
        j -= 1
    return j < ti - 1 and j >= 0 and lw[j] in nouns


def _statement_triggers(doc: _Doc, triggers: list[_Trigger]) -> list[_Trigger]:
    """``Straw said the rebels must disarm``: a demand in reported speech, from the speaker."""
    out: list[_Trigger] = []
    words = doc.lex.statement_words
    trigger_starts = [t.start for t in triggers]
    for i in doc.modal_at:
        s, e = doc.tokens[i]
        k = bisect.bisect_right(trigger_starts, s) - 1
        if k >= 0 and triggers[k].start <= s < triggers[k].end:
            continue  # part of a lexicon trigger ("said ... must")
        c = bisect.bisect_right(doc.content_starts, s)
        for cs, ce, sp in reversed(doc.contents[max(0, c - 8) : c]):
            if sp is not None and cs <= s and e <= ce:  # speakers in contents are in the cast
                out.append(
                    _Trigger(
                        entry=words[doc.lw[i]],
                        start=s,
                        end=e,
                        head_end=e,
                        match_end=e,
                        ti=i,
                        speaker=sp,
                        content_start=cs,
                    )
                )
                break
    return out


def _in_noun_slot(doc: _Doc, ti: int) -> bool:
    """Whether the word at ``ti`` follows a determiner, possessive, number or preposition."""
    if ti <= 0:
        return False
    w = doc.lw[ti - 1]
    if w in doc.infinitive:
        return False
    return (
        w in doc.w["determiners"]
        or w in _POSSESSIVE
        or w.endswith("'s")
        or w[:1].isdigit()
        or w in doc.prepositions
    )


def _roles(doc: _Doc, trig: _Trigger, sentence: Span, prev: _Trigger | None) -> _Draft | None:
    lex = doc.lex
    e = trig.entry
    floor, speaker = _content_floor(doc, trig.start)
    right = _clause_right(
        doc,
        trig.ti if trig.match_end == trig.head_end else doc.tok(trig.match_end - 1),
        sentence.end,
        lex.settings["target_window"],
    )
    sources: list[Actor] = []
    targets: list[Actor] = []
    place: Actor | None = None
    rule = e.rule
    word = doc.lw[trig.ti]
    pos = e.pos
    tp = lex.words["target_prepositions"]
    if trig.speaker is not None:
        # Coded from a statement: the speaker demands it of the subject of "must".
        subj, _ = _subject(doc, sentence, trig.start, max(floor, trig.content_start))
        sources, targets = [trig.speaker], [a for a in subj if a is not trig.speaker]
        if not targets:  # "we must never forget": no demand of anyone
            return None
    elif not doc.has_mentions(sentence):
        if e.needs_target:
            return None  # nobody to find, and so no target

    elif pos == "verb" and _is_passive(doc, trig.ti, word):
        subj, lplace = _subject(doc, sentence, trig.start, floor)
        tg, rplace, agents = _objects(doc, sentence, trig.head_end, right, allowed=tp)
        sources, targets, place = agents, subj, rplace or lplace
        rule += "+passive"
    elif pos == "verb":
        tg, rplace, agents = _objects(doc, sentence, trig.head_end, right, allowed=None)
        if e.needs_target and not e.swapped and not tg and not agents:
            return None  # "a video released by ...": release of an actor or nothing
        subj, lplace = _subject(doc, sentence, trig.start, floor)
        if e.swapped:
            sources, targets = agents or tg, subj
        elif e.from_target and agents:
            sources, targets = subj, agents  # "withdrew its troops from Lebanon": Lebanon
        else:
            sources, targets = subj, tg or agents
        place = rplace or lplace
    else:
        # A noun: possessor or modifier before it, by/from after it, else the subject of a support verb.
        ti = trig.ti
        pre = [m for m in doc.mentions_in(sentence, trig.start - 224, trig.start) if trig.start - 24 <= m[1]]
        if pre:
            m = pre[-1]
            between = doc.norm[m[1] : trig.start]
            if _premodifies(doc, between):
                sources = [m[2]]
        # The noun's own phrases end where a verb begins ("the attack in large measure is ...").
        tg, rplace, agents = _objects(
            doc, sentence, trig.head_end, _noun_phrase_end(doc, trig, right), allowed=tp
        )
        targets = tg
        if e.needs_target and not targets:
            return None
        if not sources:
            sources = agents
        if not sources:
            support = _support_verb(doc, ti, sentence)
            if support is not None:
                sources, _ = _subject(doc, sentence, support, floor)
                rule += "+support"
            elif lex.noun_source.get(e.kind) == "subject":
                sources, _ = _subject(doc, sentence, trig.start, floor)
        place = rplace
    # The speaker of a statement whose cue is this trigger ("blamed", "denied") is its source.
    if trig.start in doc.cue_speaker and not e.swapped:
        sp = doc.cue_speaker[trig.start]
        if sp not in sources:
            sources = [sp]
            rule += "+speaker"
    elif (
        not sources
        and pos == "verb"
        and speaker is not None
        and _subject_is_first_person(doc, trig, sentence, floor)
    ):
        sources = [speaker]
        rule += "+speaker"
    if sources and targets:
        targets = [a for a in targets if all(a is not s for s in sources)]
    if e.needs_target and not targets:
        return None  # "a video released by ...": release of an actor or nothing
    if place is not None and any(place is a for a in (*sources, *targets)):
        place = None
    if place is None:
        place = _place_anywhere(doc, sentence, trig, sources, targets, right)
    # With no target named, the place where it happens stands for it, as PLOVER codes domestic
    # events ("suspended aid deliveries in Baghdad": Iraq; "demonstrated in Serbia": Serbia).
    if not targets and place is not None and place.country and all(place is not a for a in sources):
        targets = [place]
        rule += "+place-target"
    mode, cue = _mode(doc, trig, sentence, prev)
    kind = e.kind
    if pos == "verb" and cue in lex.recode["intent_cues"] and kind in doc.intent_kinds:
        kind, rule = EventKind.AGREE, rule + "+intent"
    elif pos == "verb" and cue in lex.recode["intent_cues"] and kind in doc.threat_kinds:
        kind, rule = EventKind.THREATEN, rule + "+intent"
    elif kind is EventKind.AGREE and mode is EventMode.NEGATED and cue in lex.recode["refusal_cues"]:
        kind, mode, rule = EventKind.REJECT, EventMode.ASSERTED, rule + "+refusal"
    elif (
        kind in doc.threat_kinds
        and mode in (EventMode.FUTURE, EventMode.HYPOTHETICAL)
        and not lex.recode["threat_cues"].isdisjoint(
            doc.lw[doc.sentence_tok(sentence) : doc.tok(sentence.end - 1) + 1]
        )
    ):
        kind, rule = EventKind.THREATEN, rule + "+threat"
    return _Draft(
        kind=kind,
        trig=trig,
        sentence=sentence,
        sources=_dedupe(sources) if len(sources) > 1 else sources,
        targets=_dedupe(targets) if len(targets) > 1 else targets,
        location=place,
        mode=mode,
        cue=cue,
        rule=rule,
    )


def _noun_phrase_end(doc: _Doc, trig: _Trigger, right: int) -> int:
    """Where the phrases after a noun trigger end: at the first verb-like word (be, auxiliaries)."""
    j = doc.tok(max(trig.match_end - 1, trig.start)) + 1
    stop = doc.lex.verb_like
    while j < len(doc.tokens) and doc.starts[j] < right:
        if doc.lw[j] in stop:
            return doc.starts[j]
        j += 1
    return right


def _premodifies(doc: _Doc, between: str) -> bool:
    """Whether the words between a mention and a noun make the mention its possessor or modifier."""
    m = _PREMODIFIER.fullmatch(between)
    if m is None:
        return False
    w = doc.w
    return not any(
        x in w["determiners"]
        or x in w["reporting"]
        or x in w["be"]
        or x in w["auxiliaries"]
        or x in w["boundaries"]
        or x in w["target_prepositions"]
        or x in w["other_prepositions"]
        or x in w["location_prepositions"]
        or x.endswith(doc.past_suffixes)
        for x in m.group(1).split()
    )


def _dedupe(actors: list[Actor]) -> list[Actor]:
    if len(actors) < 2:
        return actors
    out: list[Actor] = []
    for a in actors:
        if all(a is not b for b in out):
            out.append(a)
    return out


def _subject_is_first_person(doc: _Doc, trig: _Trigger, sentence: Span, floor: int) -> bool:
    """Whether the clause before the trigger opens with an unresolved first-person pronoun (in a quote)."""
    lo = max(floor, sentence.start)
    i = doc.tok(lo)
    i = i if i >= 0 and doc.starts[i] >= lo else i + 1
    while i < trig.ti:
        w = doc.lw[i]
        if w in doc.first_person:
            return doc.ctx.cast.mention_at(doc.starts[i]) is None
        if w.isalpha():
            return False
        i += 1
    return False


def _support_verb(doc: _Doc, ti: int, sentence: Span) -> int | None:
    """Offset of a support verb (``launched``, ``held``) governing the noun at token ``ti``."""
    j = ti - 1
    steps = 0
    lo = doc.sentence_tok(sentence)
    while j >= lo and steps < 5:
        w = doc.lw[j]
        if w in doc.w["support_verbs"]:
            return doc.starts[j]
        if w in _PUNCT_BOUNDARY or w in doc.w["boundaries"]:
            return None
        j -= 1
        steps += 1
    return None


def _place_anywhere(
    doc: _Doc, sentence: Span, trig: _Trigger, sources: list[Actor], targets: list[Actor], right: int
) -> Actor | None:
    """A place named with a location preposition in the trigger's clause, nearest first."""
    if not doc.has_places(sentence):
        return None
    left = _clause_left(doc, trig.ti, max(doc.sentence_tok(sentence), 0), sentence.start)
    best: tuple[int, Actor] | None = None
    preps = doc.w["location_prepositions"]
    for start, _, a in doc.mentions_in(sentence, left, right):
        if (
            a.kind not in _PLACE_KINDS
            or doc.prep_before(start, sentence.start) not in preps
            or any(a is b for b in sources)
            or any(a is b for b in targets)
        ):
            continue
        d = abs(start - trig.start)
        if best is None or d < best[0]:
            best = (d, a)
    return best[1] if best else None


def _coordinated_verbs(doc: _Doc, drafts: list[_Draft]) -> None:
    """``X killed two youths and wounded five others``: the second verb shares the first one's subject.

    Two coordinated verbs of one category are one event ("killed ... and wounded").
    """
    coord = doc.w["verb_coordinators"]
    for i in range(1, len(drafts)):
        d, p = drafts[i], drafts[i - 1]
        if d.trig.entry.pos != "verb" or p.trig.entry.pos != "verb" or "passive" in d.rule:
            continue
        if p.sentence.start != d.sentence.start or d.trig.ti < 1 or doc.lw[d.trig.ti - 1] not in coord:
            continue
        if not _same_clause(doc, p.trig, d.trig):
            continue
        if p.sources and "passive" not in p.rule:
            d.sources = [a for a in p.sources if all(a is not t for t in d.targets)]
            d.rule += "+coordinated"
        if p.kind is d.kind and not p.absorbed:
            d.absorbed = True


def _absorb(doc: _Doc, drafts: list[_Draft]) -> None:
    """A control verb (``threatened to``, ``promised to``, ``urged X to``) absorbs its complement's event.

    A promise of force is a threat: ``vowed to fight`` is THREATEN.
    """
    threat = doc.threat_kinds
    _absorb_objects(doc, drafts)
    _absorb_proposals(doc, drafts)
    _absorb_allegations(doc, drafts)
    for i, d in enumerate(drafts):
        if d.trig.entry.kind not in doc.absorbs:  # an absorbed event takes its complement along
            continue
        if d.trig.entry.pos != "verb" and not (
            d.trig.ti + 1 < len(doc.lw) and doc.lw[doc.tok(d.trig.end - 1) + 1] in doc.infinitive
        ):
            continue  # a noun controls only a "to" right after it ("a hunger strike to demand")
        last_word = doc.norm[d.trig.start : d.trig.match_end].rsplit(None, 1)[-1].lower()
        comp: int | None = None
        j = doc.tok(max(d.trig.match_end - 1, d.trig.start))
        if last_word in doc.complement_openers and d.trig.match_end > d.trig.head_end:
            comp = d.trig.match_end
        else:
            j = d.trig.ti + 1
            limit = min(len(doc.tokens), j + 8)
            while j < limit and doc.starts[j] < d.sentence.end:
                w = doc.lw[j]
                if w in doc.infinitive or w in doc.complementizers:
                    comp = doc.tokens[j][1]
                    break
                if w in _PUNCT_BOUNDARY:
                    break
                j += 1
        if comp is None:
            continue
        for other in drafts[i + 1 :]:
            if other.trig.start < comp:
                continue
            if other.trig.ti - j > 5 or other.sentence.start != d.sentence.start:
                break
            other.absorbed = True
            if d.kind is EventKind.AGREE and other.trig.entry.kind in threat:
                d.kind, d.rule = EventKind.THREATEN, d.rule + "+threat"
            if not d.targets:
                d.targets = [a for a in other.targets if all(a is not s for s in d.sources)]
            break


def _absorb_objects(doc: _Doc, drafts: list[_Draft]) -> None:
    """The object of a response is not an event of its own: "rejected a US offer", "dismissed an
    appeal", "demanded a truce" are one event each. Only a noun heading the direct object counts
    (determiners, adjectives and names between), not one in a prepositional phrase.
    """
    for i, d in enumerate(drafts):
        if d.absorbed or d.trig.entry.kind not in doc.absorbs_objects or d.trig.entry.pos != "verb":
            continue
        for other in drafts[i + 1 : i + 2]:
            if other.trig.entry.pos != "noun" or other.sentence.start != d.sentence.start:
                continue
            j0 = doc.tok(max(d.trig.end - 1, d.trig.start)) + 1
            between = doc.lw[j0 : other.trig.ti]
            if len(between) <= 4 and all(
                w in doc.w["determiners"] or w in _POSSESSIVE or not _is_function_word(doc, w)
                for w in between
            ):
                other.absorbed = True
                if not d.targets:
                    d.targets = [
                        a for a in other.sources or other.targets if all(a is not s for s in d.sources)
                    ]


_PROPOSAL_OBJECT = 6  # tokens from a verb to the proposal noun heading its object, at most
_PROPOSAL_REACH = 12  # tokens from the proposal noun to the end of what it proposes, at most


def _absorb_proposals(doc: _Doc, drafts: list[_Draft]) -> None:
    """What a rejected proposal proposes did not happen: "rejected a US offer to host a summit",
    "dismissed an appeal from the president to lay down their arms" are one REJECT event each.

    The proposal is a noun heading the verb's object (``words.proposal_nouns``, or a trigger
    there, such as "appeal for"); it and the first event after it in the same clause (up to a
    clause break or comma) are absorbed, and the proposal's author becomes the target when none
    is named.
    """
    if not doc.absorbs_proposals:
        return
    lw, nouns = doc.lw, doc.proposal_nouns
    starts: dict[int, _Draft] | None = None
    for i, d in enumerate(drafts):
        if d.absorbed or d.trig.entry.pos != "verb" or d.kind not in doc.absorbs_proposals:
            continue
        if starts is None:
            starts = {d.trig.ti: d for d in drafts}
        # The head of the object: past determiners, names and adjectives, before any function word.
        j = doc.tok(max(d.trig.end - 1, d.trig.start)) + 1
        last = min(len(lw), j + _PROPOSAL_OBJECT)
        head = -1
        while j < last and doc.starts[j] < d.sentence.end:
            w = lw[j]
            if w in nouns or (j in starts and starts[j] is not d and starts[j].trig.entry.pos == "noun"):
                head = j
                break
            if w not in doc.determiners and w not in _POSSESSIVE and _is_function_word(doc, w):
                break
            j += 1
        if head < 0:
            continue
        reach = min(len(lw), head + 1 + _PROPOSAL_REACH)
        k = head + 1
        while k < reach and doc.starts[k] < d.sentence.end:
            w = lw[k]
            if w in _PUNCT_BOUNDARY or w == "," or w in doc.w["boundaries"]:
                break
            k += 1
        end = doc.starts[k] if k < len(doc.tokens) else d.sentence.end
        lo = doc.starts[head]
        for other in drafts[i + 1 :]:
            if other.trig.start >= end or other.sentence.start != d.sentence.start:
                break
            if other.trig.start < lo or other.absorbed:
                continue
            other.absorbed = True
            if other.trig.ti == head:  # the proposal itself ("appeal for"); then what it proposes
                if not d.targets:
                    d.targets = [
                        a for a in other.sources or other.targets if all(a is not s for s in d.sources)
                    ]
                continue
            # Only the proposed event and a noun event heading its object ("to host a summit"), not
            # what else the clause names ("an ultimatum to hand over a guard involved in a shooting").
            n = drafts.index(other) + 1
            if n < len(drafts) and _heads_object(doc, other, drafts[n]):
                drafts[n].absorbed = True
            break


_ALLEGATION_REACH = 8  # tokens from an allegation verb to its "of"/"for"/"with", at most


def _absorb_allegations(doc: _Doc, drafts: list[_Draft]) -> None:
    """An event named by a gerund after an allegation verb's "of"/"for"/"with" is what is alleged:
    "accused the United States of violating human rights" is one ACCUSE, "was arrested for
    collaborating with Israel" one COERCE; neither the violation nor the collaboration is reported
    as having happened.
    """
    verbs, links, lw = doc.allegation_verbs, doc.allegation_links, doc.lw
    if not verbs:
        return
    for d in drafts:
        if (
            d.absorbed
            or d.trig.ti < 1
            or lw[d.trig.ti - 1] not in links
            or d.trig.entry.pos != "verb"
            or not doc.norm[d.trig.start : d.trig.head_end].lower().endswith(doc.gerund_suffixes)
        ):
            continue
        j = d.trig.ti - 1
        if j < 0 or lw[j] not in links:
            continue
        # The allegation verb before it, in the same clause, within a few words.
        lo = max(doc.sentence_tok(d.sentence), j - _ALLEGATION_REACH)
        k = j - 1
        while k >= lo and lw[k] not in verbs:
            if lw[k] in _PUNCT_BOUNDARY or lw[k] in doc.w["boundaries"] or lw[k] == ",":
                k = lo - 1
                break
            k -= 1
        if k >= lo:
            d.absorbed = True


def _heads_object(doc: _Doc, verb: _Draft, other: _Draft) -> bool:
    """Whether ``other`` is a noun event heading the direct object of the verb event ``verb``."""
    if other.trig.entry.pos != "noun" or other.sentence.start != verb.sentence.start:
        return False
    j0 = doc.tok(max(verb.trig.end - 1, verb.trig.start)) + 1
    between = doc.lw[j0 : other.trig.ti]
    return len(between) <= 4 and all(
        w in doc.determiners or w in _POSSESSIVE or not _is_function_word(doc, w) for w in between
    )


def _is_function_word(doc: _Doc, w: str) -> bool:
    """A preposition, auxiliary, clause boundary or punctuation: what ends a noun phrase."""
    return w in doc.prepositions or w in doc.verb_like or w in doc.lex.left_stops or w == ","


def _dedupe_mentions_of_one_event(doc: _Doc, drafts: list[_Draft]) -> None:
    """One happening named twice in a sentence is one event.

    A noun of the same category as a verb event in its sentence ("hosted ... for a meeting"), and
    a participle after a comma ("attacked ..., killing 156") are folded into that event.
    """
    by_sentence: dict[int, list[_Draft]] = {}
    for d in drafts:
        if not d.absorbed:
            by_sentence.setdefault(d.sentence.start, []).append(d)
    for group in by_sentence.values():
        for n, d in enumerate(group):
            if d.trig.entry.pos == "verb" and not _participle_after_comma(doc, d.trig):
                continue
            # Only neighbours can share a clause (``_same_clause`` wants 12 tokens at most).
            for o in group[max(0, n - 6) : n + 7]:
                if o is d or o.absorbed or o.kind is not d.kind or o.trig.entry.pos != "verb":
                    continue
                if _participle_after_comma(doc, o.trig) and o.trig.start > d.trig.start:
                    continue
                if d.trig.entry.pos == "verb" and o.trig.start > d.trig.start:
                    continue
                if not _same_clause(doc, d.trig, o.trig):
                    continue
                d.absorbed = True
                break


def _same_clause(doc: _Doc, a: _Trigger, b: _Trigger) -> bool:
    """Whether two triggers are close and no clause boundary but a relative pronoun lies between them."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    j0 = doc.tok(max(lo.end - 1, lo.start)) + 1
    if hi.ti - j0 > 12:
        return False
    for j in range(j0, hi.ti):
        w = doc.lw[j]
        if (
            w in _PUNCT_BOUNDARY
            or w in doc.w["reporting"]
            or (w in doc.w["boundaries"] and w not in doc.w["relatives"])
        ):
            return False
    return True


def _participle_after_comma(doc: _Doc, trig: _Trigger) -> bool:
    return (
        trig.ti > 0
        and doc.lw[trig.ti - 1] == ","
        and doc.norm[trig.start : trig.head_end].lower().endswith(doc.gerund_suffixes)
    )
