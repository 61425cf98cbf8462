"""The state of one call: :class:`Doc`, a view of the article the passes share, and the records
they pass along (:class:`Occurrence`, a trigger found in the text; :class:`Draft`, an event being
coded).

The passes read the compiled tables through ``doc.lex`` (an :class:`~.lexicon.EventLexicon`);
``Doc`` holds only what belongs to the article: its tokens, the words the token scan stopped at,
statement contents and speakers, the sorted mentions, and the caches of lookups.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import operator
from collections.abc import Sequence

import attrs

from ..model import Actor, ActorKind, EventKind, EventMode, Span, TimeExpression, TimeKind
from ..pipeline import Context, mention_order
from .chunks import Chunks, chunk
from .lexicon import SCAN_COUNT, SCAN_CUE, SCAN_HEAD, SCAN_PHRASE_ONLY, SCAN_STATEMENT, EventLexicon, Trigger

__all__ = ["PLACE_KINDS", "POINT_KINDS", "PUNCT_BOUNDARY", "Cue", "Doc", "Draft", "Mention", "Occurrence"]

OPENERS = " \"“'‘(`"  # what may precede a sentence's first word
PUNCT_BOUNDARY = frozenset(';:—–()[]"“”')
PLACE_KINDS = (ActorKind.LOCATION, ActorKind.COUNTRY)
_LOCATION, _COUNTRY = PLACE_KINDS  # globals: a read through the enum class costs about 70 ns

Mention = tuple[int, int, Actor]
Cue = tuple[int, int, str, str]  # start, end, mode ("negated" ...), phrase

_bisect_right = bisect.bisect_right
_bisect_left = bisect.bisect_left
_FIRST_TWO = operator.itemgetter(0, 1)
_FIRST, _SECOND, _THIRD = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)
_KIND = operator.attrgetter("kind")
# An event happens at a point or in a period of time; a duration ("for three days", "within
# days") or a set ("every week") says how long or how often, not when.
POINT_KINDS = (TimeKind.DATE, TimeKind.TIME)  # a tuple: members by identity (an enum's hash is Python code)
_PHRASE_HEAD = SCAN_HEAD | SCAN_PHRASE_ONLY  # the first word of phrases, and nothing else


@attrs.define
class Occurrence:
    """A trigger found in the text: the lexicon entry and where it matched."""

    entry: Trigger
    start: int  # trigger span
    end: int
    head_end: int  # end of the head word (roles are searched from here)
    match_end: int  # end of the whole phrase
    ti: int  # token index of the head
    speaker: Actor | None = None  # for an event coded from a statement's content
    content_start: int = 0
    sentence: Span | None = None  # the sentence, when the trigger scan looked it up


@attrs.define
class Draft:
    """An event being coded: the passes after role finding fold drafts into one another."""

    kind: EventKind
    trig: Occurrence
    sentence: Span
    sources: list[Actor]
    targets: list[Actor]
    location: Actor | None
    mode: EventMode
    cue: str
    rule: str
    passive: bool = False  # read as a passive ("was attacked by"): the subject is the target
    absorbed: bool = False
    mentions: list[Occurrence] = attrs.field(factory=list)  # other words naming this act (absorb.py)


class _Cover:
    """Whether a mention of a sorted list (with its ``starts``) covers a span: only the mentions
    that start within the longest mention's length before it are looked at."""

    def __init__(self, mentions: list[Mention], starts: list[int]) -> None:
        self.mentions = mentions
        self.starts = starts
        self.longest = max(map(operator.sub, map(_SECOND, mentions), starts), default=0)

    def __call__(self, start: int, end: int) -> bool:
        ms = self.mentions
        i = _bisect_right(self.starts, start) - 1
        lowest = start - self.longest
        while i >= 0 and ms[i][0] >= lowest:
            if ms[i][1] >= end:
                return True
            i -= 1
        return False


def _occurrences(text: str, part: str) -> list[int]:
    """Offsets of every occurrence of ``part`` in ``text`` (``str.find``: no pattern scan)."""
    out: list[int] = []
    k = text.find(part)
    while k >= 0:
        out.append(k)
        k = text.find(part, k + 1)
    return out


def _any_inside(mentions: list[Mention], starts: list[int], sentence: Span) -> bool:
    """Whether one of ``mentions`` (sorted, with their ``starts``) lies wholly inside the sentence."""
    k = _bisect_left(starts, sentence.start)
    while k < len(starts) and starts[k] < sentence.end:
        if mentions[k][1] <= sentence.end:
            return True
        k += 1
    return False


class Doc:
    """Per-call view of one article: tokens, cues and mentions, with cheap lookups."""

    def __init__(self, context: Context, lex: EventLexicon, *, prepared: bool = True) -> None:
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
        self.cue_at: list[tuple[int, int, str, int]] = []  # cue words: start, token, word, end
        self.hits: list[tuple[int, int, str, int]] = []  # trigger heads: start, end, word, token
        self.count_at: list[int] = []  # offsets of count verbs
        self.modal_at: list[int] = []  # tokens of statement words
        self.lw: Sequence[str] = self._straight_words()
        self._scan()
        self.cue_starts = list(map(_FIRST, self.cue_at))
        self.cues_read: dict[int, Cue | None] = {}  # the cue words read so far
        self.left_cache: dict[tuple[int, int, int], int] = {}
        self._preps: dict[int, tuple[str | None, int]] = {}
        self._demonyms: dict[str, Actor] | None = None
        self._countries: dict[str, Actor] | None = None
        self._sentence_toks: dict[int, int] = {}
        self._chunks: dict[int, Chunks] = {}
        self._has_mentions: dict[int, bool] = {}  # by sentence start
        self._has_places: dict[int, bool] = {}
        self.verb_tokens: list[int] = []  # tokens of the verb triggers found, sorted (the chunker's hints)
        self.subject_reach = lex.settings.subject_window * 8  # characters, at most
        self.statements = context.statements
        # Nothing can be coded without a trigger word: the rest is for articles that have one.
        self.idle = not self.hits and not (self.modal_at and context.statements)
        self.prepared = False
        if prepared and not self.idle:
            self.prepare()

    def prepare(self) -> None:
        """Read what role finding needs (statement contents and speakers, every mention, times);
        the trigger pass needs none of it, so an article whose head words make no trigger skips
        it (``Doc(..., prepared=False)``, then this once the triggers are known)."""
        if not self.prepared:
            self.prepared = True
            self._prepare(self.ctx)

    def _straight_words(self) -> Sequence[str]:
        """The segmenter's lower-cased words with typographic apostrophes made straight, as in
        ``norm``: only the tokens holding one are copied."""
        words = self.segs.lower_words
        text = self.text
        at = text.find("’")
        if at < 0:
            return words
        # The tokens holding one, found from the apostrophes' offsets (a token's lower-case word
        # holds one where its text does): no pass over every token.
        fixed = list(words)
        starts, tokens = self.starts, self.tokens
        while at >= 0:
            k = _bisect_right(starts, at) - 1
            if k >= 0 and at < tokens[k][1]:
                fixed[k] = words[k].replace("’", "'")
            at = text.find("’", at + 1)
        return fixed

    def _scan_found(self) -> list[int]:
        """Tokens the scan stops at: a set lookup per word, and words ending in a clitic."""
        lw, tokens, lex = self.lw, self.tokens, self.lex
        found = list(itertools.compress(range(len(lw)), map(lex.scan.__contains__, lw)))
        clitics = lex.words.clitics
        low = self.low
        at = [k for c in clitics if c in low for k in _occurrences(low, c)]
        if at:  # a clitic the segmenter left on its word ("they'll"): the pattern is tried there only
            starts, match = self.starts, lex.clitic.match
            on_words = {
                i
                for k in at
                if k > 0
                and (m := match(low, k - 1)) is not None
                and (i := _bisect_right(starts, m.start()) - 1) >= 0
                and tokens[i][1] == m.end()
                and lw[i].endswith(clitics)
            }
            if on_words:
                found = sorted({*found, *on_words})
        return found

    def _scan(self) -> None:
        """One pass over the segmenter's tokens: heads, cue words, count verbs, statement words."""
        lw, tokens, lex = self.lw, self.tokens, self.lex
        scan, needed, clitics = lex.scan, lex.needed, lex.words.clitics
        count_at, modal_at, hits, cue_at = self.count_at, self.modal_at, self.hits, self.cue_at
        for i in self._scan_found():
            w = lw[i]
            f = scan.get(w)
            if f == SCAN_CUE:  # "is", "will", "not": the commonest, a cue and nothing else
                start, end0 = tokens[i]
                cue_at.append((start, i, w, end0))
                continue
            if f == _PHRASE_HEAD:  # "said", "on": only the first word of phrases, none near
                need, window = needed[w]
                if not need.isdisjoint(lw[i + 1 : i + window]):
                    hits.append((*tokens[i], w, i))
                continue
            start, end0 = tokens[i]
            if f is None:  # "they'll": the cue is the clitic
                cut = len(w) - len(next(c for c in clitics if w.endswith(c)))
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

    def _prepare(self, context: Context) -> None:
        """What role finding needs: statement contents, speakers and times, all mentions."""
        # Every mention of the cast by start, longest first (statement sources join them below).
        cast: list[Mention] = context.cast.mention_spans()
        cast_starts = list(map(_FIRST, cast))
        extra = self._read_statements(context, cast, cast_starts)
        self.time_starts = [t.span.start for t in context.times]
        self.extra = sorted(extra, key=_FIRST_TWO)
        self.extra_ends = {m[1] for m in extra}  # a set: one look-up, however many statements
        # Every mention of the article (statement sources included) by start, longest first.
        self.all_mentions: list[Mention] = cast
        if not extra:  # the commonest: the cast's mentions, whose starts are known
            self.all_starts = cast_starts
        else:
            if len(extra) <= 8:  # a few: into place (each insertion moves the list)
                for m in self.extra:
                    bisect.insort_right(cast, m, key=mention_order)
            else:  # many: one merge of the two sorted lists, the cast's first among equals
                extra_sorted = sorted(self.extra, key=mention_order)
                self.all_mentions = list(heapq.merge(cast, extra_sorted, key=mention_order))
            self.all_starts = list(map(_FIRST, self.all_mentions))
        # In C: the kinds of the mentions' actors, tested against the (identity) tuple of kinds.
        is_place = map(PLACE_KINDS.__contains__, map(_KIND, map(_THIRD, self.all_mentions)))
        self.places = list(itertools.compress(self.all_mentions, is_place))
        self.place_starts = list(map(_FIRST, self.places))

    def _read_statements(
        self, context: Context, cast: list[Mention], cast_starts: list[int]
    ) -> list[Mention]:
        """One pass over the statements: their contents and speakers (by content and by cue), their
        times (by content and cue) and the participle cues of timed speakers; returns the mentions
        of statement sources the actor stage left unresolved (they still name their speaker)."""
        statements = context.statements
        held = set(map(id, context.cast.actors)) if statements else set()
        covered: _Cover | None = None  # built for the first statement source it is asked about
        extra: list[Mention] = []
        self.cue_speaker: dict[int, Actor] = {}
        self.cue_content: dict[int, tuple[int, int]] = {}  # by cue start, for cues with a speaker
        contents: list[tuple[int, int, Actor | None]] = []
        timed: list[tuple[int, int, TimeExpression]] = []
        # A speaker's statement with no time of its own is made on the occasion of their last
        # dated one ("A delegation warned on Tuesday ... The delegation called for ...").
        last: dict[int, TimeExpression] = {}
        # Statements with a time and a speaker whose cue is a participle, by cue: an act of the
        # speaker's "..., saying" happens at the statement's time.
        sayings: list[tuple[int, int, Actor, TimeExpression]] = []
        gerund, norm = self.lex.words.gerund_suffixes, self.norm
        for st in statements:
            speaker, content, cue = st.speaker, st.content, st.cue
            sp = speaker if speaker is not None and id(speaker) in held else None
            if sp is not None:
                source = st.source
                if source is not None:
                    if covered is None:
                        covered = _Cover(cast, cast_starts)
                    if not covered(source.start, source.end):
                        extra.append((source.start, source.end, sp))
                if cue is not None:
                    self.cue_speaker[cue.start] = sp
                    self.cue_content[cue.start] = (content.start, content.end)
            contents.append((content.start, content.end, sp))
            when = st.time if st.time is not None and st.time.kind in POINT_KINDS else None
            if speaker is not None:
                if when is not None:
                    last[id(speaker)] = when
                    if cue is not None and norm[cue.start : cue.end].lower().endswith(gerund):
                        sayings.append((cue.start, cue.end, speaker, when))
                else:
                    when = last.get(id(speaker))
            if when is None:
                continue
            timed.append((content.start, content.end, when))
            if cue is not None:
                # The reporting clause: the cue, and after a content that comes first, the rest
                # of its sentence ("...," Erdogan told a news conference during a visit to Belgrade).
                end = cue.end
                if content.end <= cue.start:
                    sentence = self.segs.sentence_at(cue.start)
                    end = sentence.end if sentence is not None else end
                timed.append((cue.start, end, when))
        contents.sort(key=_FIRST_TWO)
        self.contents = contents
        self.content_starts = list(map(_FIRST, contents))
        timed.sort(key=_FIRST_TWO)
        self.timed = timed
        self.timed_starts = list(map(_FIRST, timed))
        sayings.sort(key=_FIRST_TWO)
        self.sayings = sayings
        self.saying_starts = list(map(_FIRST, sayings))
        return extra

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

    def chunks(self, sentence: Span) -> Chunks:
        """The chunks of a sentence (computed on first use, once per sentence)."""
        got = self._chunks.get(sentence.start)
        if got is None:
            lo = self.sentence_tok(sentence)
            lo = lo if lo >= 0 and self.starts[lo] >= sentence.start else lo + 1
            hi = _bisect_left(self.starts, sentence.end, lo)
            vt = self.verb_tokens
            verbs = vt[_bisect_left(vt, lo) : _bisect_left(vt, hi)]
            got = self._chunks[sentence.start] = chunk(self.lw, lo, hi, verbs=verbs, cased=self.segs.words)
        return got

    def sentence_initial(self, pos: int) -> bool:
        """Whether ``pos`` opens its sentence (past quote marks and brackets)."""
        sent = self.segs.sentence_at(pos)
        return sent is None or (pos - sent.start <= 8 and self.norm[sent.start : pos].strip(OPENERS) == "")

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
        if i == j:
            return []
        return [m for m in all_[i:j] if m[1] <= end]

    def has_mentions(self, sentence: Span) -> bool:
        """Whether anyone is mentioned in the sentence (once per sentence)."""
        got = self._has_mentions.get(sentence.start)
        if got is None:
            got = self._has_mentions[sentence.start] = _any_inside(
                self.all_mentions, self.all_starts, sentence
            )
        return got

    def has_places(self, sentence: Span) -> bool:
        """Whether a place or a country is mentioned in the sentence (once per sentence)."""
        got = self._has_places.get(sentence.start)
        if got is None:
            got = self._has_places[sentence.start] = _any_inside(self.places, self.place_starts, sentence)
        return got

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
                    if a.kind is _COUNTRY:
                        countries.setdefault(a.country, a)
                    else:
                        named.append(a)
            found: dict[str, Actor] = {}
            suffixes = self.lex.words.demonym_suffixes
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

    def country_of(self, place: Actor) -> Actor | None:
        """The cast's country actor for a place inside a country (a city, a region, a capital):
        "visiting New Delhi" is a visit to India when the article names India."""
        if self._countries is None:
            self._countries = {}
            for a in self.ctx.cast.actors:
                if a.kind is _COUNTRY and a.country:
                    self._countries.setdefault(a.country, a)
        if place.kind is not _LOCATION or not place.country:
            return None
        return self._countries.get(place.country)

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
        dets, links = self.lex.words.determiners, self.lex.words.name_links
        while i >= lo:
            w = lw[i]
            # A name's word, or a number (no character is both a letter and a digit).
            if w in dets or (norm[starts[i]].isupper() if w[:1].isalpha() else w.replace(",", "").isdigit()):
                i -= 1
                continue
            if (
                w in links
                and i > 0
                and (lw[i - 1] in dets or (norm[starts[i - 1]].isupper() and norm[starts[i + 1]].isupper()))
            ):
                i -= 1
                continue
            return (w if w in self.lex.prepositions else None), i
        return None, -1
