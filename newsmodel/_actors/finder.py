"""Finding actors: names, places, organisations and groups, then coreference.

One pass of a compiled pattern finds runs of capitalised words ("chunks"); each chunk is cut into
known phrases by longest match against the gazetteer's hash tables and read left to right by a
small grammar (country or demonym, titles, a name). Single words that could be anything are
decided after the pass, against the names the whole article has given (a later "Tillerson", an
all-caps "SHEARER" in a headline). A pass over the segmenter's tokens then finds the lower-case
words that refer to actors: group nouns, institutions, nominals ("the nation") and pronouns,
which are resolved last.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable

import attrs
import regex

from ..model import Actor, ActorKind, Mention, MentionKind, Span
from ..pipeline import Cast, Context
from .gazetteer import (
    CAPITAL,
    CITY,
    COUNTRY,
    DEMONYM,
    ORG,
    PEOPLE,
    REGION,
    SEAT,
    Entry,
    Gazetteer,
    Title,
)

__all__ = ["find_cast"]

_ALPHA = regex.compile(r"\p{L}+")
_LOWER_GAP = regex.compile(r"[ \xa0]{1,2}(?:[\p{Ll}][\p{Ll}-]{0,20}[ \xa0]{1,2}){1,4}")
_LOWER_WORD = regex.compile(r"(?<![\p{L}’'-])\p{Ll}[\p{Ll}’'-]{0,40}(?![\p{L}])")
_CAPS_WORD = regex.compile(r"(?<!\p{L})\p{Lu}{2,}(?!\p{L})")
# The two words before a position, searched backwards from it: "expected in |Moscow".
_PREV_WORDS = regex.compile(
    r"(?r)(?:(?<![\p{L}’'.-])([\p{L}][\p{L}’'.-]{0,30})[ \xa0]{1,3})?"
    r"(?<![\p{L}’'.-])([\p{L}][\p{L}’'.-]{0,30})[ \xa0,]{1,3}(?:the[ \xa0]{1,3})?\Z"
)
_TEAM_BEFORE = regex.compile(r"(?:^|\n)[ \t]{0,4}(?:\d{1,3}[.)]?[ \t]{1,4})?$|\d[ \t]{1,4}$")
_TEAM_AFTER = regex.compile(r"[ \t]{1,4}\d{1,3}(?:-\d{1,3})?(?![\d.:/-])")
_ACRONYM_AFTER = regex.compile(r"[ ]{0,2}\([ ]{0,2}(\p{Lu}[\p{Lu}&.\d]{1,9})[ ]{0,2}\)")
_NEAREST_CANDIDATES = 16  # bounds nearest(): see its docstring
_COMMA_OR_DIGIT = regex.compile(r"[ ]{0,2}(?:,|\d)")
_COORDINATION = regex.compile(r"(?:,[ ]{1,2}(?:and[ ]{1,2}|or[ ]{1,2})?|[ ]{1,2}(?:and|or)[ ]{1,2})\Z")
# Between a closing mark and its speaker: a comma, and capitalised title words ("Foreign Minister").
_TITLE_GAP = regex.compile(r"[ ,]{0,3}(?:\p{Lu}[\p{L}.’'-]{0,20}[ ]{1,2}){0,5}")
_OF_PLACE = regex.compile(
    r"[ ]{1,2}of[ ]{1,2}(?:the[ ]{1,2})?\p{Lu}[\p{L}.’'-]{0,20}(?:[ ]{1,2}\p{Lu}[\p{L}.’'-]{0,20}){0,3}"
)
# A speech verb closing the text before an opening quotation mark ("he added, “...").
_CUE_BEFORE_QUOTE = regex.compile(r"[ ]{1,2}(\p{Ll}{2,12})[ ]{0,2}[,:]?[ ]{0,2}\Z")
_RELATIVE_GAP = regex.compile(r"[ ]{0,2},?[ ]{0,2}$")

# How far back (in characters) a pronoun looks for its antecedent, and a nominal for its referent.
_LOOK_BACK = 1500
_NAME, _DEMONYM, _NOMINAL, _PRONOUN = (
    MentionKind.NAME,
    MentionKind.DEMONYM,
    MentionKind.NOMINAL,
    MentionKind.PRONOUN,
)
# Sectors of a country's own bodies: a country named before one of these is its owner.
_STATE_SECTORS = frozenset(["GOV", "JUD", "LEG", "MIL", "COP"])
_PRIORITY = {_NAME: 0, _DEMONYM: 1, _NOMINAL: 2, _PRONOUN: 3}
# Sort key of (start, end, builder) triples: C-level, and builders are never compared.
_span_key = operator.itemgetter(0, 1)
_PRIORITY_OF = {id(k): v for k, v in _PRIORITY.items()}  # keyed by identity: enum hashing is slow


@attrs.define
class _Tok:
    s: int
    e: int
    w: str  # as written, apostrophes straightened
    word: bool  # a capitalised word (not a connector)
    upper: bool  # written all in capitals (two letters or more)


@attrs.define
class _Piece:
    cat: str  # a gazetteer category, "TITLE", "UNK", "CONN" or "NOT"
    i: int
    j: int
    entry: Entry | None = None
    title: Title | None = None


@attrs.define
class _Builder:
    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    roles: list[str] = attrs.Factory(list)
    gender: str | None = None
    words: tuple[str, ...] = ()
    mentions: list[tuple[int, int, MentionKind, str]] = attrs.Factory(list)


@attrs.define
class _Deferred:
    toks: list[_Tok]
    initial: bool
    caps: bool
    link_only: bool = False  # only a name the article gives elsewhere may claim it


def find_cast(gaz: Gazetteer, context: Context) -> Cast:
    """The actors of one article (the whole algorithm; see the module docstring)."""
    return _Run(gaz, context).run()


class _Run:
    """State of one article on its way through the actor stage."""

    def __init__(self, gaz: Gazetteer, context: Context) -> None:
        self.g = gaz
        self.text = context.text
        self.seg = context.segments
        self.starts = frozenset(s.start for s in self.seg.sentences)
        self.actors: dict[str, _Builder] = {}
        self.deferred: list[_Deferred] = []
        self.titled: list[tuple[list[_Tok], list[Title], str | None, str | None]] = []
        self.adjectives: dict[int, tuple[int, str | None, str, str]] = {}  # end -> (start, iso, word, cat)
        self.adjective_ends: list[int] = []  # the same ends, in text order
        self.consumed: set[int] = set()  # ends of nationality words that qualify a group or an institution
        self.places: list[tuple[int, str | None]] = []  # (offset, country) of places named
        self.country_places: list[tuple[int, str]] = []  # countries named, places if after "in"
        self.lines: dict[int, bool] = {}
        self.country_ends: dict[int, str] = {}  # end of a country's name -> its code
        self.actors_ending: dict[int, _Builder] | None = None
        self.by_start: tuple[list[tuple[int, int, _Builder]], list[int]] | None = None
        self.place_index: tuple[list[tuple[int, str]], list[int]] | None = None
        self.referents: dict[str, set[int]] = {}  # nominal noun -> ids of the actors it can name
        self.lower_words: set[str] | None = None
        self.aliases: dict[str, str] = {}  # acronyms defined in the text -> actor key
        dl = self.seg.dateline
        self.dateline = (dl.span.start, dl.span.end) if dl is not None else (-1, -1)
        # Where the dateline's place is written ("NEW DELHI" in "NEW DELHI (Reuters) - ").
        at = self.text.find(dl.location, dl.span.start, dl.span.end) if dl is not None and dl.location else -1
        self.dateline_place = (at, at + len(dl.location)) if dl is not None and at >= 0 else (-1, -1)

    # -- the passes --------------------------------------------------------------------------------

    def run(self) -> Cast:
        for start, end in _chunks(self.g, self.text):
            self.chunk(start, end)
        self.resolve_titled()
        self.resolve_deferred()
        self.places_named_like_people()
        self.scan_words()
        return self.cast()

    # -- helpers about the text --------------------------------------------------------------------

    def caps_line(self, offset: int) -> bool:
        """Whether the line holding ``offset`` is written in capitals (a headline, a dateline).

        A long line is judged on the 200 characters around ``offset``.
        """
        text = self.text
        before = text[offset - 3 : offset - 1] if offset > 2 and text[offset - 1] == " " else ""
        if before.isalpha() and before.islower():
            return False  # a lower-case word just before: prose
        back = text.rfind("\n", max(0, offset - 300), offset)
        start = back + 1 if back >= 0 or offset <= 300 else offset - 300
        end = text.find("\n", offset, offset + 300)
        if end < 0:
            end = min(len(text), offset + 300)
        if end - start > 240:
            start = max(start, (offset - 100) // 100 * 100)
            end = min(end, start + 200)
        known = self.lines.get(start)
        if known is None:
            words = len(_ALPHA.findall(text, start, end))
            upper = len(_CAPS_WORD.findall(text, start, end))
            known = upper >= 1 and upper >= 0.5 * words
            self.lines[start] = known
        return known

    def initial(self, offset: int) -> bool:
        """Whether a word at ``offset`` opens a sentence or a line (so its capital says nothing)."""
        text = self.text
        if offset and text[offset - 1].isalnum():
            return False
        i = offset
        while i > 0 and text[i - 1] in "“\"‘'([ ":
            if text[i - 1] == " " and i - 1 > 0 and text[i - 2] not in "“\"‘'([":
                break
            i -= 1
        return i in self.starts or i == 0 or text[i - 1] == "\n"

    def may_describe(self, offset: int) -> bool:
        """Whether the word before ``offset`` may end a description ("coach Glenn Hoddle"): a
        cheap test that spares most names the search of :meth:`prev_words`."""
        word = self.text[max(0, offset - 32) : offset - 1].rsplit(" ", 1)[-1]
        return not (word.isalpha() and word.islower()) or word == "the" or word in self.g.descriptor_words

    def prev_words(self, offset: int) -> tuple[str, str]:
        """The one or two words before ``offset`` (lower-cased), skipping "the"."""
        m = _PREV_WORDS.search(self.text, max(0, offset - 80), offset)
        if m is None:
            return "", ""
        return m.group(2).lower(), (m.group(1) or "").lower()

    def common_word(self, word: str) -> bool:
        """Whether ``word`` also appears in lower case in the text (so it is a common word)."""
        low = word.lower()
        if low == word:
            return True
        text = self.text
        if len(text) > 20000:  # a long text: one pass over its words, not one search per word
            if self.lower_words is None:
                self.lower_words = set(_LOWER_WORD.findall(text))
            return low in self.lower_words
        i = text.find(low)
        while i >= 0:
            before = text[i - 1] if i > 0 else " "
            after = text[i + len(low) : i + len(low) + 1]
            if not before.isalpha() and not (after.isalpha() if after else False):
                return True
            i = text.find(low, i + 1)
        return False

    def in_dateline(self, offset: int) -> bool:
        return self.dateline[0] <= offset < self.dateline[1]

    def team_context(self, s: int, e: int) -> bool:
        """A name in a results table: at the start of a row, or between scores, before a number."""
        text = self.text
        if e + 1 >= len(text) or text[e] not in " \t" or not (text[e + 1].isdigit() or text[e + 1] in " \t"):
            return False
        return bool(_TEAM_AFTER.match(text, e)) and bool(_TEAM_BEFORE.search(text, max(0, s - 12), s))

    # -- actors ------------------------------------------------------------------------------------

    def actor(self, key: str, name: str, kind: ActorKind, **fields: object) -> _Builder:
        b = self.actors.get(key)
        if b is None:
            b = _Builder(key=key, name=name, kind=kind, words=tuple(name.casefold().split()))
            if fields:
                for k, v in fields.items():
                    setattr(b, k, v)
            self.actors[key] = b
        elif fields:
            for k, v in fields.items():
                if v is not None and getattr(b, k) is None:
                    setattr(b, k, v)
        return b

    def mention(self, b: _Builder, s: int, e: int, kind: MentionKind, rule: str) -> None:
        b.mentions.append((s, e, kind, rule))

    def country(self, iso: str, s: int, e: int, rule: str) -> _Builder:
        b = self.actors.get("C:" + iso)
        if b is None:
            b = self.actor("C:" + iso, self.g.country_names.get(iso, iso), ActorKind.COUNTRY, country=iso)
        b.mentions.append((s, e, _NAME, rule))
        self.country_ends[e] = iso
        return b

    def location(self, name: str, iso: str | None, s: int, e: int, rule: str) -> None:
        key = "L:" + name.casefold()
        b = self.actors.get(key)
        if b is None:
            b = self.actor(key, name, ActorKind.LOCATION, country=iso)
        b.mentions.append((s, e, _NAME, rule))
        self.places.append((s, iso))

    def organisation(
        self,
        name: str,
        s: int,
        e: int,
        rule: str,
        *,
        country: str | None,
        sector: str | None,
        kind: ActorKind,
        key: str = "",
    ) -> None:
        key = key or "O:" + name.casefold()
        b = self.actors.get(key)
        if b is None:
            b = self.actor(key, name, kind, country=country, sector=sector)
        b.mentions.append((s, e, _NAME, rule))
        m = _ACRONYM_AFTER.match(self.text, e) if "(" in self.text[e : e + 3] else None
        if m is not None:
            self.aliases.setdefault(m.group(1), b.key)

    def person(
        self,
        toks: list[_Tok],
        rule: str,
        *,
        titles: list[Title] = [],  # noqa: B006 - never mutated
        country: str | None = None,
        sector: str | None = None,
        gender: str | None = None,
    ) -> None:
        s, e = toks[0].s, toks[-1].e
        words = [t.w.title() if t.upper and len(toks) > 0 and self.caps_line(s) else t.w for t in toks]
        name = " ".join(words)
        if len(toks) == 1:
            self.titled.append((toks, titles, country, sector))
            return
        first = self.g.first_names.get(words[0])
        for t in titles:
            gender = gender or t.gender
            sector = sector or t.sector
        known = self.g.leaders.get(name)
        said_country = country  # the roles say what the text says
        if known is not None:  # "Bill Clinton", "President Abdelaziz Bouteflika"
            name = known.name
            country = country or known.country
            sector = sector or known.sector
        b = self.actor("P:" + name.casefold(), name, ActorKind.PERSON, country=country, sector=sector)
        b.gender = b.gender or gender or first
        self.add_roles(b, titles, said_country)
        self.mention(b, s, e, _NAME, rule)

    def add_roles(self, b: _Builder, titles: list[Title], country: str | None) -> None:
        for t in titles:
            if not t.role:
                continue
            role = t.role
            if t.national and country:
                cname = self.g.country_names.get(country, country)
                the = "the " if cname in self.g.countries_with_the else ""
                role = f"{role} of {the}{cname}"
            if role not in b.roles:
                b.roles.append(role)

    # -- chunks of capitalised words ---------------------------------------------------------------

    def chunk(self, start: int, end: int) -> None:
        if self.dateline_place[0] <= start and end <= self.dateline_place[1]:
            return  # where the story was filed ("NEW DELHI - "), not someone in it: see Dateline
        text = self.text
        g = self.g
        spans: list[tuple[int, int, str]]
        if text.find(" ", start, end) < 0 and text.find("\xa0", start, end) < 0:  # one word: most chunks
            w = text[start:end]
            bare = w.rstrip(".")
            if bare in g.not_names or (
                w.isupper() and bare.capitalize() in g.not_names and self.caps_line(start)
            ):
                return
            spans = [(start, end, w)]
        else:
            # Words in a chunk are separated by spaces only.
            spans = []
            pos = start
            for w in text[start:end].replace("\xa0", " ").split(" "):
                if w:
                    spans.append((pos, pos + len(w), w))
                pos += len(w) + 1
        if len(spans) == 1 and spans[0][2][0].isupper():
            s, e, w = spans[0]
            cut = _compound_cut(w) if "-" in w else 0
            if cut:
                self.one_word(s, s + cut, w[:cut])
            else:
                self.one_word(s, e, w)
            return
        if len(spans) == 2:
            if self.two_words(spans):
                return
            (_, _, w1), (s2, e2, w2) = spans
            if (
                w1 in g.not_names
                and not w1.isupper()
                and w1 not in g.name_openers
                and w1 not in g.titles
                and w1 not in g.first_names
                and w1 not in g.phrases
                and f"{w1} {w2}" not in g.pairs
                and w2[0].isupper()
                and "-" not in w2
                and w2 not in g.titles
            ):
                self.one_word(s2, e2, w2)  # "The Taliban", "While Trump": the word that is not a name goes
                return
        toks: list[_Tok] = []
        for s, e, w in spans:
            cut = _compound_cut(w) if "-" in w else 0
            if cut:
                # "Middle East-based", "U.S.-led": an adjective; the name ends before it.
                toks.append(_Tok(s, s + cut, w[:cut], True, cut > 1 and w[:cut].isupper()))
                self.interpret(toks)
                toks = []
                continue
            if "’" in w:
                w = w.replace("’", "'")
            c0 = w[0]
            word = c0.isupper() or (
                c0.islower()
                and (
                    ("-" in w[:4] and w.split("-", 1)[1][:1].isupper())
                    or (c0 == "d" and w[1:2] == "'" and w[2:3].isupper())
                )
            )
            if (
                word
                and w[-1] == "."
                and len(w) > 2
                and w[-2] != "."
                and w[-3] != "."
                and w not in g.abbreviations
            ):
                w, e = w[:-1], e - 1
            if toks and word and s in self.starts:
                self.interpret(toks)
                toks = []
            upper = len(w) > 1 and w.isupper() and not (len(w) == 2 and w[1] == ".")
            toks.append(_Tok(s, e, w, word, upper))
        if toks:
            self.interpret(toks)

    def two_words(self, spans: list[tuple[int, int, str]]) -> bool:
        """Two plain words that are a known phrase ("North Korea") or a first name and a name
        ("Rex Tillerson"): the common cases, read without the general grammar. Returns whether
        it read them."""
        g = self.g
        (s, _, w1), (s2, e, w2) = spans
        if s2 in self.starts or "’" in w2 or "-" in w2 or w2[-1] == "." or not w1[0].isupper():
            return False
        if not w2[0].isupper() or w2.isupper() or "'" in w1 or w1[-1] == "." or "-" in w1:
            return False
        entry = g.phrases.get(f"{w1} {w2}")
        if entry is not None:
            tok = _Tok(s, e, f"{w1} {w2}", True, False)
            self.known(entry, s, e, [tok], None)
            return True
        if w1 not in g.first_names or w1 in g.not_names or w1 in g.phrases or w1 in g.titles:
            return False
        if w2 in g.phrases or w2 in g.titles or w2 in g.not_names or w2 in g.org_suffixes:
            return False
        if w2 in g.misc_suffixes or w2 in g.place_suffixes or w2.lower() in g.groups:
            return False
        text = self.text
        if "(" in text[e : e + 3]:
            return False  # perhaps an acronym defined after the name
        run = [_Tok(s, s + len(w1), w1, True, False), _Tok(s2, e, w2, True, False)]
        if s > 1 and text[s - 1] in " \xa0" and text[s - 2].islower() and self.may_describe(s):
            before, before2 = self.prev_words(s)
            descriptor = g.descriptors.get(before) or g.descriptors.get(f"{before2} {before}")
            if descriptor is not None:
                self.person(
                    run,
                    "descriptor-name",
                    country=self.nationality_before(s),
                    sector=descriptor[0],
                    gender=descriptor[1],
                )
                return True
        self.person(run, "first-name")
        return True

    def one_word(self, s: int, e: int, w: str) -> None:
        """A chunk of one capitalised word: the common case, read without the general grammar."""
        g = self.g
        if "’" in w:
            w = w.replace("’", "'")
        if w[-1] == "." and len(w) > 2 and w[-2] != "." and w[-3] != "." and w not in g.abbreviations:
            w, e = w[:-1], e - 1
        key = self.aliases.get(w)
        if key is not None:
            self.mention(self.actors[key], s, e, _NAME, "acronym-defined")
            return
        upper = len(w) > 1 and w.isupper() and not (len(w) == 2 and w[1] == ".")
        tok = _Tok(s, e, w, True, upper)
        caps = upper and self.caps_line(s)
        entry = g.phrases.get(w)
        if entry is None and caps:
            entry = g.folded.get(w.casefold())
        if entry is not None:
            self.known(entry, s, e, [tok], None)
            return
        if w in g.titles:
            if not self.initial(s):
                self.deferred.append(_Deferred([tok], False, caps, True))
            return
        if (w.capitalize() if caps else w) in g.not_names:
            return
        # One unknown word: the single-word case of name_run, without its machinery.
        text = self.text
        if s > 1 and text[s - 1] in " \xa0" and text[s - 2].islower() and not caps and self.may_describe(s):
            before, before2 = self.prev_words(s)
            descriptor = g.descriptors.get(before) or g.descriptors.get(f"{before2} {before}")
            if descriptor is not None:
                self.person(
                    [tok],
                    "descriptor-name",
                    country=self.nationality_before(s),
                    sector=descriptor[0],
                    gender=descriptor[1],
                )
                return
        if caps:
            self.deferred.append(_Deferred([tok], False, True))
        elif len(w) > 1:
            if self.team_context(s, e):
                self.organisation(
                    w, s, e, "team-row", country=None, sector="SPT", kind=ActorKind.ORGANIZATION
                )
            else:
                self.deferred.append(_Deferred([tok], self.initial(s), False))

    def lookup(self, toks: list[_Tok], i: int, caps: bool) -> _Piece | None:
        """The longest known phrase starting at token ``i``."""
        g = self.g
        first = toks[i].w
        longest = g.span_of.get(first) or (g.span_of.get(first.casefold(), 0) if caps else 0)
        if not longest:
            return None
        n_max = min(longest, len(toks) - i)
        if n_max > 1:
            pair = f"{first} {toks[i + 1].w}"
            if pair not in g.pairs and not (caps and pair.casefold() in g.pairs):
                n_max = 1  # no known phrase opens with these two words
        if n_max == 1:
            entry = g.phrases.get(first)
            if entry is None and caps and toks[i].upper:
                entry = g.folded.get(first.casefold())
            if entry is not None:
                return _Piece(entry.cat, i, i + 1, entry=entry)
            title = g.titles.get(first)
            return _Piece("TITLE", i, i + 1, title=title) if title is not None else None
        for n in range(n_max, 0, -1):
            if not toks[i + n - 1].word:
                continue
            key = " ".join(t.w for t in toks[i : i + n])
            entry = g.phrases.get(key)
            if entry is None and caps and all(t.upper or not t.word for t in toks[i : i + n]):
                entry = g.folded.get(key.casefold())
            if entry is not None:
                return _Piece(entry.cat, i, i + n, entry=entry)
            title = g.titles.get(key)
            if title is not None:
                return _Piece("TITLE", i, i + n, title=title)
        return None

    def interpret(self, toks: list[_Tok]) -> None:
        g = self.g
        while toks and not toks[-1].word:
            toks.pop()
        if not toks:
            return
        caps = any(t.upper for t in toks) and self.caps_line(toks[0].s)
        if len(toks) == 1 and toks[0].w in self.aliases:
            b = self.actors[self.aliases[toks[0].w]]
            self.mention(b, toks[0].s, toks[0].e, _NAME, "acronym-defined")
            return
        # Pieces: known phrases by longest match, connectors, and unknown words.
        pieces: list[_Piece] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if not t.word:
                pieces.append(_Piece("CONN", i, i + 1))
                i += 1
                continue
            p = self.lookup(toks, i, caps)
            if p is None:
                w = t.w.capitalize() if caps and t.upper else t.w
                cat = "NOT" if w in g.not_names or t.w in g.not_names else "UNK"
                if cat == "NOT" and t.w in g.first_names and i + 1 < len(toks) and toks[i + 1].word:
                    cat = "UNK"  # "Mark Philippoussis", "Will Smith"
                p = _Piece(cat, i, i + 1)
            pieces.append(p)
            i = p.j
        # Leading words that are not names ("The", "But") go, except those that open the name of
        # an organisation ("Federal Open Market Committee").
        ends_as_body = toks[-1].w in g.org_suffixes and not caps
        while pieces and pieces[0].cat in ("NOT", "CONN"):
            if ends_as_body and pieces[0].cat == "NOT" and toks[pieces[0].i].w in g.name_openers:
                pieces[0].cat = "UNK"
                break
            pieces.pop(0)
        if not pieces:
            return
        if len(pieces) == 1 and pieces[0].j - pieces[0].i == 1 and toks[pieces[0].i].w in self.aliases:
            t = toks[pieces[0].i]  # "The ZRC" after "Zorblax Regional Council (ZRC)"
            self.mention(self.actors[self.aliases[t.w]], t.s, t.e, _NAME, "acronym-defined")
            return
        self.read(toks, pieces, caps)

    def read(self, toks: list[_Tok], pieces: list[_Piece], caps: bool) -> None:
        g = self.g
        first_i = pieces[0].i
        words = [t for t in toks[first_i:] if t.word]
        if not words:
            return
        last = pieces[-1]
        s0, e0 = toks[first_i].s, toks[last.j - 1].e
        n_words = len(words)
        if "&" not in self.text[s0:e0]:
            special = g.special
            for t in words:
                if t.w in special:
                    break
            else:  # nothing but known phrases and names: the grammar alone reads it
                self.walk(toks, pieces, caps)
                return
        whole = pieces[0] if len(pieces) == 1 else None
        # A name that ends like an event or a prize is none of ours ("World Cup", "U.S. Open").
        if (
            whole is None
            and n_words >= 2
            and words[-1].w in g.misc_suffixes
            and pieces[-1].cat in ("UNK", "NOT")
        ):
            return
        if whole is None and n_words >= 2 and not caps:
            # "Douglas & Lomason", "Procter & Gamble": an ampersand joins a firm's name.
            if "&" in self.text[s0:e0] and pieces[-1].cat in ("UNK", "NOT"):
                name = " ".join(t.w for t in toks[first_i : last.j])
                self.organisation(
                    name, s0, e0, "ampersand-name", country=None, sector="BUS", kind=ActorKind.ORGANIZATION
                )
                return
            # "Real Madrid", "Bayern Munich", "Red Star Belgrade": a sports club.
            if (
                " ".join(t.w for t in words[:2]) in g.club_prefixes
                or (words[0].w in g.club_prefixes and pieces[0].cat != COUNTRY)
                or (
                    pieces[0].cat == COUNTRY
                    and pieces[0].j - pieces[0].i == 1
                    and words[0].w in g.club_prefixes
                )
            ):
                name = " ".join(t.w for t in toks[first_i : last.j])
                self.organisation(
                    name, s0, e0, "club-name", country=None, sector="SPT", kind=ActorKind.ORGANIZATION
                )
                return
            # "Bank of Japan", "University of Chicago".
            p0 = pieces[0]
            if (
                p0.cat in ("UNK", "NOT")
                and toks[p0.i].w in g.org_prefixes
                and p0.j < len(toks)
                and toks[p0.j].w == "of"
            ):
                name = " ".join(t.w for t in toks[first_i : last.j])
                self.organisation(
                    name,
                    s0,
                    e0,
                    "org-prefix",
                    country=self.country_in(pieces),
                    sector=g.org_prefixes[toks[p0.i].w] or None,
                    kind=ActorKind.ORGANIZATION,
                )
                return
            # "Tiananmen Square", "Lake Geneva".
            placed = (words[-1].w in g.place_suffixes and pieces[-1].cat in ("UNK", "NOT")) or (
                p0.cat in ("UNK", "NOT") and toks[p0.i].w in g.place_prefixes
            )
            if placed and not any(p.cat == "TITLE" for p in pieces):
                name = " ".join(t.w for t in toks[first_i : last.j])
                self.location(name, self.country_in(pieces), s0, e0, "place-name")
                return
        # "Caterpillar Inc", "Labour Party", "Manchester United": an organisation up to its suffix.
        if not caps:
            for k in range(len(pieces) - 1, 0, -1):
                p = pieces[k]
                if p.cat in ("UNK", "NOT") and toks[p.i].w in g.org_suffixes:
                    head = pieces[:k]
                    if any(h.cat in ("TITLE", "CONN") and toks[h.i].w == "and" for h in head) or all(
                        h.cat == "CONN" for h in head
                    ):
                        break
                    ends_name = k == len(pieces) - 1 or pieces[k + 1].cat == "CONN"
                    if not ends_name and any(h.cat == "TITLE" for h in head):
                        break  # "Marshal Fahim University" is one body; a title before a name is not
                    s, e = toks[pieces[0].i].s, toks[p.i].e
                    name = " ".join(t.w for t in toks[pieces[0].i : p.j])
                    self.organisation(
                        name,
                        s,
                        e,
                        "org-suffix",
                        country=self.country_in(head),
                        sector=g.org_suffixes[toks[p.i].w] or None,
                        kind=ActorKind.ORGANIZATION,
                    )
                    rest = pieces[k + 1 :]
                    while rest and rest[0].cat in ("CONN", "NOT"):
                        rest.pop(0)
                    if rest:
                        self.read(toks, rest, caps)
                    return
        self.walk(toks, pieces, caps)

    def country_in(self, pieces: list[_Piece]) -> str | None:
        for p in pieces:
            if (
                p.entry is not None
                and p.entry.cat in (COUNTRY, DEMONYM, CAPITAL, CITY, REGION)
                and p.entry.country
            ):
                return p.entry.country
        return None

    def walk(self, toks: list[_Tok], pieces: list[_Piece], caps: bool) -> None:
        """Read pieces left to right: [country|demonym] title* name, or a known phrase."""
        g = self.g
        titles: list[Title] = []
        t_country: str | None = None
        k = 0
        n = len(pieces)
        while k < n:
            p = pieces[k]
            nxt = pieces[k + 1] if k + 1 < n else None
            if p.cat == "CONN":
                titles, t_country = [], None
                k += 1
                continue
            if p.cat == "TITLE" and p.title is not None:
                titles.append(p.title)
                k += 1
                continue
            entry = p.entry
            # "Kurdistan Democratic Party": a place or a word before a known organisation's name.
            if (
                p.cat in (REGION, CITY, "UNK")
                and nxt is not None
                and nxt.cat == ORG
                and nxt.entry is not None
                and not titles
                and (k + 2 == n or pieces[k + 2].cat == "CONN")
            ):
                self.organisation(
                    " ".join(t.w for t in toks[p.i : nxt.j]),
                    toks[p.i].s,
                    toks[nxt.j - 1].e,
                    "organisation-named",
                    country=entry.country if entry is not None else nxt.entry.country,
                    sector=nxt.entry.sector,
                    kind=nxt.entry.kind or ActorKind.ORGANIZATION,
                )
                k += 2
                continue
            # A country or demonym before a title is the person's country: "Syrian President ...".
            if (
                entry is not None
                and nxt is not None
                and nxt.cat == "TITLE"
                and entry.cat in (COUNTRY, DEMONYM, CAPITAL)
            ):
                t_country = entry.country
                if entry.cat == COUNTRY and entry.country:
                    self.country(entry.country, toks[p.i].s, toks[p.j - 1].e, "country-name")
                k += 1
                continue
            # A place word that is also a first name, followed by a name: "Jordan Henderson".
            is_first = p.cat in ("UNK", "NOT") and toks[p.i].w in g.first_names
            if (
                entry is not None
                and p.j - p.i == 1
                and toks[p.i].w in g.first_names
                and nxt is not None
                and nxt.cat == "UNK"
                and not caps
            ):
                is_first = True
            if p.cat == "UNK" or is_first or (titles and entry is not None and p.j - p.i == 1):
                k = self.name_run(toks, pieces, k, titles, t_country, caps, is_first)
                titles, t_country = [], None
                continue
            if entry is not None:
                self.known(entry, toks[p.i].s, toks[p.j - 1].e, toks[p.i : p.j], nxt)
            titles, t_country = [], None
            k += 1

    def name_run(
        self,
        toks: list[_Tok],
        pieces: list[_Piece],
        k: int,
        titles: list[Title],
        t_country: str | None,
        caps: bool,
        is_first: bool,
    ) -> int:
        """A run of name words from piece ``k``; returns the index of the piece after it."""
        g = self.g
        n = len(pieces)
        run = [toks[pieces[k].i]]
        text = self.text
        start = run[0].s
        # A lower-case description just before ("coach Glenn Hoddle", "seed MaliVai Washington").
        described = start > 1 and text[start - 1] in " \xa0" and text[start - 2].islower()
        j = k + 1
        while j < n:
            p = pieces[j]
            t = toks[p.i]
            if p.cat == "UNK" or (
                p.cat == "CONN" and t.w.lower() in g.particles and _particles_then_name(pieces, toks, j, g)
            ):
                run.append(t)  # "Osama bin Laden", "Joost van der Westhuizen"
            elif (
                p.cat in ("NOT", "TITLE", CITY, CAPITAL, REGION, ORG, COUNTRY, SEAT)
                and p.j - p.i == 1
                and (is_first or titles)
                and (j == n - 1 or toks[pieces[j + 1].i].w in g.name_suffixes)
                and t.w not in g.not_surnames
            ):
                run.append(t)  # "Theresa May", "John Major", "Denzel Washington"
            elif p.cat == "NOT" and t.w in g.name_suffixes:
                run.append(t)
            else:
                break
            j += 1
        while run and not run[-1].word:
            run.pop()
        s, e = run[0].s, run[-1].e
        of_entry = pieces[j + 1].entry if titles and t_country is None and j + 1 < n else None
        if (
            of_entry is not None
            and of_entry.cat == COUNTRY
            and pieces[j].cat == "CONN"
            and toks[pieces[j].i].w == "of"
        ):
            t_country = of_entry.country  # "President Bouteflika of Algeria"
        if described:
            before, before2 = self.prev_words(s)
            descriptor = g.descriptors.get(before) or g.descriptors.get(f"{before2} {before}")
            if descriptor is not None and t_country is None:
                # "North Korean leader Kim Jong Un": the nationality before the description.
                t_country = self.nationality_before(s)
        else:
            before = before2 = ""
            descriptor = None
        if titles or (descriptor is not None and not caps):
            sector = descriptor[0] if descriptor else None
            gender = descriptor[1] if descriptor else None
            self.person(
                run,
                "title-name" if titles else "descriptor-name",
                titles=titles,
                country=t_country,
                sector=sector,
                gender=gender,
            )
            return j
        if caps:
            self.deferred.append(_Deferred(run, False, True))
            return j
        if any(len(t.w) == 1 for t in run):
            return j  # "W L PCT": a table header, not a name
        first = run[0].w in g.first_names
        initial = self.initial(s)
        if len(run) >= 2 and first:
            self.person(run, "first-name")
            return j
        if self.team_context(s, e):
            self.organisation(
                " ".join(t.w for t in run),
                s,
                e,
                "team-row",
                country=None,
                sector="SPT",
                kind=ActorKind.ORGANIZATION,
            )
            return j
        acronym = _ACRONYM_AFTER.match(self.text, e) if "(" in self.text[e : e + 3] else None
        if len(run) >= 2 and acronym is not None and _initials(run, acronym.group(1)):
            self.organisation(
                " ".join(t.w for t in run),
                s,
                e,
                "acronym-defined",
                country=None,
                sector=None,
                kind=ActorKind.ORGANIZATION,
            )
            return j
        if len(run) >= 2:
            joined = " ".join(t.w for t in run)
            if joined in g.org_suffixes:  # "Air Force", "Air Lines" on their own
                sector = g.org_suffixes[joined] or None
                self.organisation(
                    joined, s, e, "org-suffix", country=None, sector=sector, kind=ActorKind.ORGANIZATION
                )
                return j
            if run[-1].w.lower() in g.groups:  # "Chaldean Catholics"
                return j
            place = self.place_of(s, e, before, before2)
            if place is not None:
                self.location(" ".join(t.w for t in run), place[1], s, e, place[0])
            elif initial and self.common_word(run[0].w):
                self.deferred.append(_Deferred(run[1:], False, False))
            elif self.text[max(0, s - 4) : s].lower() != "the ":  # "the Forbidden City" is no one
                self.person(run, "two-names")
            return j
        self.deferred.append(_Deferred(run, initial, False))
        return j

    def nationality_before(self, s: int) -> str | None:
        """The country of a nationality word a few lower-case words before ``s``
        ("Nigerian junior foreign minister Dubem Oniya")."""
        ends = self.adjective_ends
        i = bisect.bisect_left(ends, s) - 1
        if i < 0 or s - ends[i] > 48:
            return None
        end = ends[i]
        if not _LOWER_GAP.fullmatch(self.text, end, s):
            return None
        found = self.adjectives[end]
        if found[3] == DEMONYM:
            self.consumed.add(end)
        return found[1]

    def place_of(self, s: int, e: int, before: str, before2: str) -> tuple[str, str | None] | None:
        """Whether the name at ``[s, e)`` reads as a place; the rule and the country if so."""
        g = self.g
        if before == "of" and before2 in g.place_nouns:
            iso = None
            for end, (_, country, _, _) in self.adjectives.items():
                if s - 40 < end < s and country:
                    iso = country
            return "place-noun-of", iso
        m = self.g.comma_place.match(self.text, e)
        if m is not None:
            entry = g.phrases.get(m.group(1).replace("’", "'"))
            if entry is not None and entry.cat in (COUNTRY, REGION):
                return "place-comma-region", entry.country
        return None

    def known(self, entry: Entry, s: int, e: int, toks: list[_Tok], nxt: _Piece | None) -> None:
        """A phrase of the gazetteer."""
        cat = entry.cat
        if cat == ORG:
            country, key, rule = entry.country, "", "organisation"
            if entry.sector in _STATE_SECTORS and s > 2:
                # "the Ivory Coast's Supreme Court", "the Algerian Senate": that country's body.
                owner = None
                if self.text[s - 3 : s] in ("'s ", "’s "):
                    owner = self.country_ends.get(s - 3)
                elif self.text[s - 1] == " " and (adj := self.adjectives.get(s - 1)) is not None:
                    owner = adj[1] if adj[3] == DEMONYM else None
                if owner is not None and owner != country:
                    country, rule = owner, "organisation-of-country"
                    key = f"O:{entry.name.casefold()}@{owner}"
                    if self.text[s - 1] == " " and s - 1 in self.adjectives:
                        self.consumed.add(s - 1)
            self.organisation(
                entry.name,
                s,
                e,
                rule,
                country=country,
                sector=entry.sector,
                kind=entry.kind or ActorKind.ORGANIZATION,
                key=key,
            )
            return
        if cat == COUNTRY and entry.country:
            self.country(entry.country, s, e, "country-name")
            self.country_places.append((s, entry.country))
            return
        if cat == SEAT and entry.country:
            self.country(entry.country, s, e, "seat-metonym")
            return
        if cat in (DEMONYM, PEOPLE):
            self.adjectives[e] = (s, entry.country, self.text[s:e], cat)
            self.adjective_ends.append(e)
            before = self.adjectives.get(s - 1) if cat == PEOPLE and self.text[s - 1 : s] == " " else None
            if before is not None and before[3] == DEMONYM and before[1]:
                # "Iraqi Kurds", "Bosnian Serbs": a people of that country.
                a_start, iso, demonym, _ = before
                name = f"{demonym} {self.text[s:e]}"
                b = self.actor("G:" + name.casefold(), name, ActorKind.GROUP, country=iso)
                self.mention(b, a_start, e, _DEMONYM, "demonym-people")
                self.consumed.add(s - 1)
                del self.adjectives[e]
                self.adjective_ends.pop()
            elif cat == PEOPLE:
                b = self.actor(
                    "G:" + entry.name.casefold(), entry.name, ActorKind.GROUP, country=entry.country
                )
                self.mention(b, s, e, _DEMONYM, "demonym-people")
            return
        if cat in (CAPITAL, CITY, REGION):
            if self.team_context(s, e):
                self.organisation(
                    self.text[s:e],
                    s,
                    e,
                    "team-row",
                    country=entry.country,
                    sector="SPT",
                    kind=ActorKind.ORGANIZATION,
                )
                return
            if cat == CAPITAL and entry.country and not self.is_place(s, e):
                self.country(entry.country, s, e, "capital-metonym")
                return
            self.location(entry.name, entry.country, s, e, "place-name")

    def is_place(self, s: int, e: int) -> bool:
        """A capital read as a place rather than its government acting."""
        if self.in_dateline(s) or (self.initial(s) and self.caps_line(s)):
            return True
        before, _ = self.prev_words(s)
        if before in self.g.place_prepositions:
            return True
        text = self.text
        if self.initial(s) and _COMMA_OR_DIGIT.match(text, e):
            return True
        return bool(self.g.comma_place.match(text, e))

    # -- deciding what was left open ---------------------------------------------------------------

    def index(self) -> tuple[dict[str, list[_Builder]], dict[str, list[_Builder]], dict[str, _Builder]]:
        last: dict[str, list[_Builder]] = {}
        any_word: dict[str, list[_Builder]] = {}
        full: dict[str, _Builder] = {}
        g = self.g
        suffixes, connectors = g.folded_name_suffixes, g.connectors
        for b in self.actors.values():
            full.setdefault(" ".join(b.words), b)
            if b.kind is ActorKind.PERSON and len(b.words) >= 2:
                last.setdefault(b.words[-1], []).append(b)
                if "-" in b.words[-1] and b.words[-1].split("-", 1)[0] in g.particles:
                    last.setdefault(b.words[-1].split("-", 1)[1], []).append(b)
                if b.words[-1] in suffixes and len(b.words) >= 3:
                    last.setdefault(b.words[-2], []).append(b)
                any_word.setdefault(b.words[0], []).append(b)
            elif b.kind is ActorKind.ORGANIZATION and len(b.words) >= 2 and b.name not in g.aliases:
                # Part of a name the gazetteer does not know ("Deportivo" for "Deportivo Coruna");
                # known names come with their aliases instead.
                for w in b.words:
                    if w.title() not in g.org_suffixes and w not in connectors and len(w) > 2:
                        any_word.setdefault(w, []).append(b)
        for b in self.actors.values():
            if b.kind is not ActorKind.PERSON:
                for alias in g.aliases.get(b.name, ()):
                    full.setdefault(alias, b)
        return last, any_word, full

    def resolve_titled(self) -> None:
        """Single names after a title: "Mr. Tillerson", "President Clinton", "Pope Francis"."""
        if not self.titled:
            return
        last, _, _ = self.index()
        titled, self.titled = self.titled, []
        for toks, titles, country, sector in titled:
            t = toks[0]
            word = t.w.casefold()
            found = last.get(word)
            gender = None
            for ti in titles:
                gender = gender or ti.gender
                sector = sector or ti.sector
            known = self.g.surnames.get(t.w) if not found else None
            if found:
                b = self.nearest(found, t.s)
            elif known is not None:  # "President Bouteflika": a known person
                b = self.known_person(known)
                last.setdefault(word, []).append(b)
            else:
                royal = bool(titles) and titles[-1].role in self.g.titles_in_name
                name = f"{titles[-1].role} {t.w}" if royal else t.w
                lk = self.g.leaders.get(name) if royal else None  # "King Salman"
                b = self.actor(
                    "P:" + name.casefold(),
                    name,
                    ActorKind.PERSON,
                    country=country or (lk.country if lk else None),
                    sector=sector or (lk.sector if lk else None),
                )
                b.words = (word,) if not royal else tuple(name.casefold().split())
                last.setdefault(word, []).append(b)
            b.gender = b.gender or gender or self.g.first_names.get(t.w)
            b.country = b.country or country
            b.sector = b.sector or sector
            self.add_roles(b, titles, country)
            self.mention(b, t.s, t.e, _NAME, "title-name")

    def known_person(self, entry: Entry) -> _Builder:
        """The actor of a person of the leaders' gazetteer."""
        b = self.actor(
            "P:" + entry.name.casefold(),
            entry.name,
            ActorKind.PERSON,
            country=entry.country,
            sector=entry.sector,
        )
        if len(b.words) > 1 and b.gender is None:
            b.gender = self.g.first_names.get(entry.name.split()[0])
        return b

    def nearest(self, found: list[_Builder], offset: int) -> _Builder:
        """The candidate with a mention nearest before ``offset`` (else nearest after it).

        Only the latest candidates are weighed: real articles have a handful of people sharing a
        name, and a text of thousands (adversarial input) must not make each look-up grow with it.
        """
        if len(found) == 1:
            return found[0]
        best, best_d = found[-1], None
        for b in found[-_NEAREST_CANDIDATES:]:
            for s, _, _, _ in b.mentions[-64:]:
                d = offset - s if s <= offset else 10**9 + s - offset
                if best_d is None or d < best_d:
                    best, best_d = b, d
        return best

    def resolve_deferred(self) -> None:
        """Words that could be anything, read against the names the article gives elsewhere."""
        if not self.deferred:
            return
        last, any_word, full = self.index()
        g = self.g
        text = self.text
        for d in self.deferred:
            toks = d.toks
            i = 0
            while i < len(toks):
                matched = False
                for n in range(min(len(toks) - i, 6), 0, -1):
                    part = toks[i : i + n]
                    if n == 1 and (len(part[0].w) < 2 or part[0].w in g.misc_suffixes):
                        break
                    key = part[0].w.casefold() if n == 1 else " ".join([t.w.casefold() for t in part])
                    s, e = part[0].s, part[-1].e
                    b = full.get(key)
                    if b is None and n == 1:
                        cands = last.get(key) or any_word.get(key)
                        b = self.nearest(cands, s) if cands else None
                    if b is not None:
                        self.mention(b, s, e, _NAME, "name-again")
                        i += n
                        matched = True
                        break
                if matched:
                    continue
                t = toks[i]
                i += 1
                known = g.surnames.get(t.w.title() if t.upper else t.w)
                if known is not None and not d.link_only:  # "Putin", "Mugabe"
                    self.mention(self.known_person(known), t.s, t.e, _NAME, "known-surname")
                    continue
                if (
                    d.link_only
                    or len(t.w) < 2
                    or d.caps
                    or (d.initial and (self.common_word(t.w) or (len(toks) == 1 and not self.says(t.e))))
                ):
                    continue
                if t.w.lower() in g.groups or t.w in g.not_names:
                    continue
                if self.says(t.e) and not t.upper:
                    self.person([t], "name-says")
                elif t.upper and 2 <= len(t.w) <= 6 and not self.caps_line(t.s):
                    self.organisation(
                        t.w, t.s, t.e, "acronym", country=None, sector=None, kind=ActorKind.ORGANIZATION
                    )
                elif self.team_context(t.s, t.e):
                    self.organisation(
                        t.w, t.s, t.e, "team-row", country=None, sector="SPT", kind=ActorKind.ORGANIZATION
                    )
                elif t.s > 1 and text[t.s - 2].isalpha():  # a word just before: maybe "in", "town of"
                    before, before2 = self.prev_words(t.s)
                    if (place := self.place_of(t.s, t.e, before, before2)) is not None:
                        self.location(t.w, place[1], t.s, t.e, place[0])
                    elif before in g.place_in and not d.initial:
                        self.location(t.w, None, t.s, t.e, "place-after-in")
        self.resolve_titled_again()

    def places_named_like_people(self) -> None:
        """A one-word place that is the last name of a person of the article ("Jordan" after
        "Michael Jordan", "Washington" after "MaliVai Washington") is that person."""
        last = self.index()[0]
        if not last:
            return
        text = self.text
        for b in list(self.actors.values()):
            if b.kind not in (ActorKind.COUNTRY, ActorKind.LOCATION) or not b.mentions:
                continue
            keep = []
            for m in b.mentions:
                s, e = m[0], m[1]
                word = text[s:e].casefold()
                found = last.get(word) if m[2] is _NAME and " " not in word else None
                if found:
                    self.mention(self.nearest(found, s), s, e, _NAME, "name-again")
                else:
                    keep.append(m)
            b.mentions = keep

    def says(self, e: int) -> bool:
        return bool(self.g.person_cue.match(self.text, e))

    def resolve_titled_again(self) -> None:
        """Single names that the last pass made people ("Simmons said")."""
        self.resolve_titled()

    # -- lower-case words: groups, institutions, nominals, pronouns ---------------------------------

    def scan_words(self) -> None:
        g = self.g
        text = self.text
        occupied = sorted((s, e) for b in self.actors.values() for s, e, _, _ in b.mentions)
        starts = [s for s, _ in occupied]
        pronouns: list[tuple[int, int, str]] = []

        def free(s: int, e: int) -> bool:
            i = bisect.bisect_left(starts, e)
            return i == 0 or occupied[i - 1][1] <= s

        tokens = self.seg.tokens
        lower_words = self.seg.lower_words
        vocab = g.vocab
        n_tokens = len(tokens)
        get = vocab.get
        for ti, w in enumerate(self.seg.words):
            node = get(w)
            if node is None:
                continue
            s, e = tokens[ti]
            found: frozenset[str] | None = node.get("")
            k = ti + 1
            while k < n_tokens:
                node = node.get(lower_words[k])
                if node is None:
                    break
                if "" in node:
                    found, e = node[""], tokens[k][1]
                k += 1
            if found is None or not free(s, e):
                continue
            raw = text[s:e]
            word = " ".join(raw.lower().split())
            if "pronoun" in found:
                if g.pronouns[word] in ("neuter", "plural") and raw[1:2].isupper():
                    continue  # IT, THEY in a headline
                pronouns.append((s, e, g.pronouns[word]))
                continue
            if "nominal" in found:
                noun = " ".join(word.split()[1:])
                self.nominal(s, e, g.nominals[noun], noun)
                continue
            adj = self.adjectives.get(s - 1) if s > 0 and text[s - 1] == " " else None
            if raw[0].isupper() and not self.initial(s) and (adj is None or adj[3] != DEMONYM):
                continue  # "Police" inside a name
            modifier_sector = None
            if adj is None and "group" in found and ti > 1:
                # "Afghan rebel leaders", "Irish nationalist guerrillas": modifiers between.
                adj, modifier_sector = self.modified(ti)
            country_b = self.country_before(s)
            if adj is not None and adj[3] == DEMONYM:
                a_start, iso, demonym, _ = adj
                if word in g.institutions and modifier_sector is None:
                    name = f"{demonym} {word}"
                    sector = g.institutions[word] or None
                    b = self.actor(
                        "O:" + name.casefold(), name, ActorKind.ORGANIZATION, country=iso, sector=sector
                    )
                else:
                    name = (
                        f"{demonym} {text[a_start:e].split(' ', 1)[1]}"
                        if modifier_sector is not None
                        else f"{demonym} {word}"
                    )
                    name = " ".join(name.split())
                    sector = modifier_sector or g.groups.get(word) or None
                    b = self.actor("G:" + name.casefold(), name, ActorKind.GROUP, country=iso, sector=sector)
                    self.coordinated(a_start, name[len(demonym) :], sector)
                self.mention(b, a_start, e, _DEMONYM, "demonym-noun")
                self.consumed.add(a_start + len(demonym))
                continue
            if country_b is not None:
                name = f"{country_b.name} {word}"
                if word in g.institutions:
                    b = self.actor(
                        "O:" + name.casefold(),
                        name,
                        ActorKind.ORGANIZATION,
                        country=country_b.country,
                        sector=g.institutions[word] or None,
                    )
                else:
                    b = self.actor(
                        "G:" + name.casefold(),
                        name,
                        ActorKind.GROUP,
                        country=country_b.country,
                        sector=g.groups.get(word) or None,
                    )
                rule = "country-noun" if country_b.kind is ActorKind.COUNTRY else "organisation-noun"
                self.mention(b, s, e, _NOMINAL, rule)
                continue
            if word in g.bare_groups:
                sector = g.groups.get(word) or None
                iso = None
                if sector in g.domestic_sectors:
                    iso = self.place_country_before(s)
                b = self.actor("G:" + word, word, ActorKind.GROUP, sector=sector)
                if b.country is None and iso is not None:
                    b.country = iso
                self.mention(b, s, e, _NOMINAL, "group-noun")
        self.demonym_mentions()
        self.resolve_pronouns(pronouns)
        if self.g.quote_we is not None and self.seg.quotations:
            self.quoted_we(self.g.quote_we)

    def quoted_we(self, pattern: regex.Pattern[str]) -> None:
        """ "we", "our" inside a direct quotation of a government person stand for the person's
        country, when the quotation's speaker is plain: a name or pronoun with a speech verb right
        before the opening mark ("he added, “...") or right after the closing one (",” he said")."""
        text = self.text
        quotes = [
            q
            for q in self.seg.quotations
            if q.level == 0 and pattern.search(text, q.content.start, q.content.end)
        ]
        if not quotes:
            return
        by_start: dict[int, tuple[int, _Builder]] = {}
        by_end: dict[int, _Builder] = {}
        for b in self.actors.values():
            for s, e, _, _ in b.mentions:
                by_start[s] = (e, b)
                by_end[e] = b
        cue = self.g.person_cue
        for q in quotes:
            speaker = None
            # Before the opening mark: "<speaker> <cue>, “..."
            m = _CUE_BEFORE_QUOTE.search(text, max(0, q.open - 40), q.open)
            if m is not None and cue.fullmatch(text, m.start(), m.end(1)):
                speaker = by_end.get(m.start())
            # After the closing mark: ",” <speaker> <cue>" or ",” <cue> <speaker>".
            if speaker is None and q.close is not None:
                after = q.close + 1
                for at in range(after, min(len(text), after + 60)):
                    if at not in by_start:
                        continue
                    e, b = by_start[at]
                    if e < len(text) and text[e] == " " and (of := _OF_PLACE.match(text, e)) is not None:
                        e = of.end()  # "Foreign Minister Jan Brel of Belgium said"
                    if (_TITLE_GAP.fullmatch(text, after, at) and cue.match(text, e)) or (
                        (c := cue.match(text, after, at)) is not None and text[c.end() : at].strip() == ""
                    ):
                        speaker = b
                    break
            if (
                speaker is None
                or speaker.kind is not ActorKind.PERSON
                or not speaker.country
                or speaker.sector not in _STATE_SECTORS
            ):
                continue
            country = self.actors.get("C:" + speaker.country) or self.actor(
                "C:" + speaker.country,
                self.g.country_names.get(speaker.country, speaker.country),
                ActorKind.COUNTRY,
                country=speaker.country,
            )
            for m in pattern.finditer(text, q.content.start, q.content.end):
                self.mention(country, m.start(), m.end(), _PRONOUN, "quote-we-country")

    def modified(self, ti: int) -> tuple[tuple[int, str | None, str, str] | None, str | None]:
        """A nationality word one or two group modifiers before token ``ti`` ("Afghan rebel
        leaders"): the adjective and the modifiers' sector ("" when they give none)."""
        tokens, text, mods = self.seg.tokens, self.text, self.g.group_modifiers
        sector = ""
        for back in (1, 2):
            k = ti - back
            if k < 0:
                return None, None
            ks, ke = tokens[k]
            if text[ke : tokens[k + 1][0]] != " ":
                return None, None
            mod = mods.get(text[ks:ke])
            if mod is None:
                return None, None
            sector = sector or mod
            adj = self.adjectives.get(ks - 1) if ks > 0 and text[ks - 1] == " " else None
            if adj is not None and adj[3] == DEMONYM:
                return adj, sector
        return None, None

    def coordinated(self, start: int, noun: str, sector: str | None) -> None:
        """ "French and Egyptian warships": the nationality words coordinated before ``start``
        qualify the same noun, each a group of its own country."""
        text = self.text
        for _ in range(4):
            m = _COORDINATION.search(text, max(0, start - 8), start)
            if m is None:
                return
            adj = self.adjectives.get(m.start())
            if adj is None or adj[3] != DEMONYM or adj[1] is None:
                return
            a_start, iso, demonym, _ = adj
            name = demonym + noun
            b = self.actor("G:" + name.casefold(), name, ActorKind.GROUP, country=iso, sector=sector)
            self.mention(b, a_start, m.start(), _DEMONYM, "demonym-noun-coordinated")
            self.consumed.add(m.start())
            start = a_start

    def demonym_mentions(self) -> None:
        """A nationality word that qualifies neither a group nor an institution stands for its
        country ("an Indian proposal", "Egyptian warships", "Hungarian and Romanian officials")."""
        for end, (start, iso, _, cat) in self.adjectives.items():
            if cat == DEMONYM and iso and end not in self.consumed:
                b = self.actor("C:" + iso, self.g.country_names.get(iso, iso), ActorKind.COUNTRY, country=iso)
                self.mention(b, start, end, _DEMONYM, "demonym-country")

    def place_country_before(self, s: int) -> str | None:
        """The country of the place where ``s`` happens: the last place named before it ("in
        Syria", "the town of Khan Sheikhoun"), or one named later in its sentence ("protesters
        marched in Caracas") when none was named in that sentence before it."""
        seg = self.seg
        si = seg.sentence_index(s)
        end = seg.sentences[si].end if si >= 0 else s
        if self.place_index is None:
            places = [(off, iso) for off, iso in self.places if iso]
            for off, iso in self.country_places:
                if self.prev_words(off)[0] in self.g.place_prepositions:
                    places.append((off, iso))
            places.sort()
            self.place_index = (places, [off for off, _ in places])
        places, offsets = self.place_index
        i = bisect.bisect_left(offsets, s)
        best = places[i - 1] if i > 0 else None
        later = places[i] if i < len(places) and offsets[i] < end else None
        if later is not None and (best is None or seg.sentence_index(best[0]) < si):
            return later[1]
        return best[1] if best else None

    def country_before(self, s: int) -> _Builder | None:
        """The country named just before ``s`` ("U.S. officials"), or an armed group
        ("Hezbollah guerrillas": the group's men, of the group's country)."""
        if s < 2 or self.text[s - 1] != " ":
            return None
        if self.actors_ending is None:
            ending: dict[int, _Builder] = {}
            for x in self.actors.values():
                if x.kind is ActorKind.COUNTRY or (x.kind is ActorKind.ORGANIZATION and x.sector == "REB"):
                    for _, me, _, _ in x.mentions:
                        ending[me] = x
            self.actors_ending = ending
        return self.actors_ending.get(s - 1)

    def nominal(self, s: int, e: int, cls: str, noun: str) -> None:
        """ "the nation", "the president": the nearest earlier actor of that kind (a person of
        that role; a country or an organisation of that sector in the last three sentences)."""
        seg = self.seg
        si = seg.sentence_index(s)
        if si < 0:
            return
        floor = seg.sentences[max(0, si - 3)].start if cls != "PERSON" else s - 20 * _LOOK_BACK
        index, starts = self.sorted_mentions()
        j = bisect.bisect_left(starts, s) - 1
        # "Indra Nooyi, the chief executive of PepsiCo": the name just before.
        if (
            cls == "PERSON"
            and j >= 0
            and index[j][1] == s - 2
            and self.text[s - 2 : s] == ", "
            and index[j][2].kind is ActorKind.PERSON
        ):
            self.mention(index[j][2], s, e, _NOMINAL, "nominal-person")
            return
        fits = self.referents.get(noun)
        if fits is None:
            if cls == "COUNTRY":
                found = [b for b in self.actors.values() if b.kind is ActorKind.COUNTRY]
            elif cls == "PERSON":
                found = [
                    b
                    for b in self.actors.values()
                    if b.kind is ActorKind.PERSON and any(noun in r.lower() for r in b.roles)
                ]
            else:
                found = [
                    b for b in self.actors.values() if b.kind is ActorKind.ORGANIZATION and b.sector == cls
                ]
            fits = self.referents[noun] = {id(b) for b in found}
        if not fits:
            return
        for _ in range(400):
            if j < 0 or index[j][0] < floor:
                return
            b = index[j][2]
            j -= 1
            if id(b) in fits:
                self.mention(b, s, e, _NOMINAL, f"nominal-{cls.lower()}")
                return

    def sorted_mentions(self) -> tuple[list[tuple[int, int, _Builder]], list[int]]:
        """Every mention found by names and groups, by start (built once, before nominals)."""
        if self.by_start is None:
            index = sorted(
                ((s, e, b) for b in self.actors.values() for s, e, _, _ in b.mentions), key=_span_key
            )
            self.by_start = (index, [x[0] for x in index])
        return self.by_start

    def resolve_pronouns(self, pronouns: list[tuple[int, int, str]]) -> None:
        if not pronouns:
            return
        text = self.text
        seg = self.seg
        base = sorted(((s, e, b) for b in self.actors.values() for s, e, _, _ in b.mentions), key=_span_key)
        base_starts = [x[0] for x in base]
        ends_at: dict[int, _Builder] = {e: b for _, e, b in base}
        # Resolved pronouns join the candidates (a chain of "he"); they come in text order.
        added: list[tuple[int, int, _Builder]] = []
        added_starts: list[int] = []
        rules = {
            "male": "pronoun-he",
            "female": "pronoun-she",
            "neuter": "pronoun-it",
            "plural": "pronoun-they",
        }
        for s, e, cls in pronouns:
            si = seg.sentence_index(s)
            if si < 0 or s >= seg.sentences[si].end:
                continue
            if cls == "relative":
                m = _RELATIVE_GAP.search(text, max(0, s - 4), s)
                b = ends_at.get(m.start()) if m is not None else None
                if b is not None and b.kind in (ActorKind.PERSON, ActorKind.GROUP):
                    self.mention(b, s, e, _PRONOUN, "relative-who")
                    added.append((s, e, b))
                    added_starts.append(s)
                continue

            def in_range(lo: int, hi: int, s: int = s) -> list[_Builder]:
                lo = max(lo, s - _LOOK_BACK)
                items = []
                for items_of, starts_of in ((base, base_starts), (added, added_starts)):
                    i = bisect.bisect_left(starts_of, lo)
                    while i < len(items_of) and items_of[i][0] < hi:
                        if items_of[i][1] <= hi:
                            items.append(items_of[i])
                        i += 1
                items.sort(key=_span_key)
                return [x[2] for x in items]

            found = self.antecedent(in_range, s, si, cls)
            if found is None:
                continue
            if cls == "male" and found.gender is None:
                found.gender = "M"
            elif cls == "female" and found.gender is None:
                found.gender = "F"
            self.mention(found, s, e, _PRONOUN, rules[cls])
            added.append((s, e, found))
            added_starts.append(s)

    def antecedent(
        self, in_range: Callable[[int, int], list[_Builder]], s: int, si: int, cls: str
    ) -> _Builder | None:
        """The actor a pronoun at ``s`` (in sentence ``si``) refers to, if it can be told."""
        seg = self.seg

        def compatible(b: _Builder) -> bool:
            if cls == "male":
                return b.kind is ActorKind.PERSON and b.gender != "F"
            if cls == "female":
                return b.kind is ActorKind.PERSON and b.gender != "M"
            if cls == "neuter":
                return b.kind in (ActorKind.ORGANIZATION, ActorKind.COUNTRY)
            return b.kind is ActorKind.GROUP

        sent = seg.sentences[si]
        current = [b for b in in_range(sent.start, s) if compatible(b)]
        if cls in ("male", "female"):
            if current:
                return current[0]
            for back in (1, 2):
                if si - back < 0:
                    break
                prev = seg.sentences[si - back]
                cands = [b for b in in_range(prev.start, prev.end) if compatible(b)]
                if cands:
                    return cands[0]
            return None
        # it / they: only when one actor could be meant.
        distinct = {id(b): b for b in current}
        if len(distinct) == 1:
            return current[0]
        return None

    # -- the result --------------------------------------------------------------------------------

    def cast(self) -> Cast:
        text = self.text
        sentences = self.seg.sentences
        priority = _PRIORITY_OF
        raw = []
        for b in self.actors.values():
            key = b.key
            for s, e, kind, rule in b.mentions:
                if s < e:
                    raw.append((s, -e, priority[id(kind)], key, rule, kind))
        # In text order, the longest first and names before demonyms, nominals and pronouns at
        # one place; a mention overlapping one kept before it, or crossing a sentence end, goes.
        raw.sort()
        kept_end = -1
        # Mentions come in text order, so each actor's list is in text order, and the actors in
        # the order of their first mention; the sentence holding a mention only moves forward.
        by_actor: dict[str, list[Mention]] = {}
        n_sentences = len(sentences)
        si, sent_end = -1, -1
        next_start = sentences[0].start if sentences else len(text) + 1
        for s, neg_end, _, key, rule, kind in raw:
            e = -neg_end
            if s < kept_end:
                continue
            while s >= next_start:
                si += 1
                sent_end = sentences[si].end
                next_start = sentences[si + 1].start if si + 1 < n_sentences else len(text) + 1
            if si < 0 or e > sent_end:
                continue
            kept_end = e
            mention = Mention(span=Span(start=s, end=e, text=text[s:e]), kind=kind, rule=rule)
            found = by_actor.get(key)
            if found is None:
                by_actor[key] = [mention]
            else:
                found.append(mention)
        used: set[str] = set()
        actors = []
        for key, mentions in by_actor.items():
            b = self.actors[key]
            slug = _slug(b.name) or "actor"
            ident, n = slug, 1
            while ident in used:
                n += 1
                ident = f"{slug}-{n}"
            used.add(ident)
            actors.append(
                Actor(
                    id=ident,
                    name=b.name,
                    kind=b.kind,
                    country=b.country,
                    sector=b.sector,
                    roles=b.roles,
                    mentions=mentions,
                )
            )
        return Cast(actors=tuple(actors))


def _chunks(g: Gazetteer, text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words, in text order."""
    spans = [m.span() for m in g.chunk.finditer(text)]
    if g.possessive_names is not None and any(h in text for h in g.possessive_heads):
        spans = _with_possessives(g.possessive_names, text, spans)
    extra = [m.span() for m in g.particle_chunk.finditer(text)]
    if not extra:
        return spans
    merged: list[tuple[int, int]] = []
    i = 0
    for s, e in extra:  # both lists are in text order: merge, dropping particle runs inside a chunk
        while i < len(spans) and spans[i][0] < s:
            merged.append(spans[i])
            i += 1
        if (not merged or merged[-1][1] <= s) and (i >= len(spans) or spans[i][0] >= e):
            merged.append((s, e))
    merged.extend(spans[i:])
    return merged


def _with_possessives(
    pattern: regex.Pattern[str], text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Known names with a possessive inside ("Democratic People's Republic of Korea") replace the
    runs they cover (the run pattern stops at "'s")."""
    found = [m.span() for m in pattern.finditer(text)]
    if not found:
        return spans
    out: list[tuple[int, int]] = []
    k = 0
    for s, e in spans:
        while k < len(found) and found[k][1] <= s:
            if not out or out[-1][1] <= found[k][0]:
                out.append(found[k])
            k += 1
        if k < len(found) and found[k][0] < e:  # the run overlaps a known name
            fs, fe = found[k]
            if s < fs:
                out.append((s, fs))
            if not out or out[-1][1] <= fs:
                out.append((fs, fe))
            if e > fe:
                out.append((fe, e))
            continue
        out.append((s, e))
    for f in found[k:]:
        if not out or out[-1][1] <= f[0]:
            out.append(f)
    return out


def _compound_cut(word: str) -> int:
    """Where a capitalised compound adjective's name part ends ("East-based": 4), or 0."""
    i = word.find("-")
    if i <= 0 or not word[0].isupper() or not word[i + 1 : i + 2].islower():
        return 0
    last = word.rindex("-")
    return i if word[last + 1 : last + 2].islower() else 0


def _particles_then_name(pieces: list[_Piece], toks: list[_Tok], j: int, g: Gazetteer) -> bool:
    """Whether the particles from piece ``j`` on are followed by a name word ("van der Sar")."""
    n = len(pieces)
    while j < n and pieces[j].cat == "CONN" and toks[pieces[j].i].w.lower() in g.particles:
        j += 1
    return j < n and pieces[j].cat in ("UNK", "NOT")


def _initials(run: list[_Tok], acronym: str) -> bool:
    """Whether ``acronym`` is made of the initials of the run's words ("CPJ")."""
    letters = [c for c in acronym if c.isalpha()]
    initials = [t.w[0] for t in run if t.word]
    return len(letters) >= 2 and letters[0] == initials[0] and set(letters) <= set(initials)


_SLUG = regex.compile(r"[^\p{L}\p{N}]+")


def _slug(name: str) -> str:
    folded = name.casefold()
    if folded.replace(" ", "").isalpha() and "  " not in folded and folded[:1] != " " and folded[-1:] != " ":
        return folded.replace(" ", "-")[:60]  # letters and single spaces: the common case
    return _SLUG.sub("-", folded).strip("-")[:60]
