"""The state of one article in the actor stage, and the helpers every pass shares.

:class:`ArticleState` holds what the passes build (the actors found so far, the nationality words
seen, the words left undecided) and caches about the text; the passes are plain functions taking
it first. The helpers here read the text around an offset (a line in capitals, a word opening a
sentence, the words before a name) and add actors and mentions.
"""

from __future__ import annotations

import bisect
from datetime import date

import attrs
import regex

from ..model import ActorKind, MentionKind
from ..pipeline import Context
from ..segment import Segmentation
from .tables import ActorTables, KnownName, Title

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_COUNTRY, _K_LOCATION, _K_PERSON = ActorKind.COUNTRY, ActorKind.LOCATION, ActorKind.PERSON

__all__ = ["ArticleState", "Builder", "Deferred", "Piece", "Tok"]

_ALPHA = regex.compile(r"\p{L}+")
_LOWER_WORD = regex.compile(r"(?<![\p{L}’'-])\p{Ll}[\p{Ll}’'-]{0,40}(?![\p{L}])")
_CAPS_WORD = regex.compile(r"(?<!\p{L})\p{Lu}{2,}(?!\p{L})")
_TEAM_BEFORE = regex.compile(r"(?:^|\n)[ \t]{0,4}(?:\d{1,3}[.)]?[ \t]{1,4})?$|\d[ \t]{1,4}$")
_TEAM_AFTER = regex.compile(r"[ \t]{1,4}\d{1,3}(?:-\d{1,3})?(?![\d.:/-])")
ACRONYM_AFTER = regex.compile(r"[ ]{0,2}\([ ]{0,2}(\p{Lu}[\p{Lu}&.\d]{1,9})[ ]{0,2}\)")
_NAME = MentionKind.NAME
# Sectors of a country's own bodies: a country named before one of these is its owner.
STATE_SECTORS = frozenset(["GOV", "JUD", "LEG", "MIL", "COP"])


@attrs.define
class Tok:
    """A word of a chunk."""

    s: int
    e: int
    w: str  # as written, apostrophes straightened
    word: bool  # a capitalised word (not a connector)
    upper: bool  # written all in capitals (two letters or more)


@attrs.define
class Piece:
    """Tokens ``[i, j)`` of a chunk read as one thing."""

    cat: str  # a gazetteer category, "TITLE", "UNK", "CONN" or "NOT"
    i: int
    j: int
    entry: KnownName | None = None
    title: Title | None = None


@attrs.define
class Builder:
    """An actor being built: its mentions are ``(start, end, kind, rule)``."""

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
class Deferred:
    """Words that could be anything, decided against the names of the whole article."""

    toks: list[Tok]
    initial: bool
    caps: bool
    link_only: bool = False  # only a name the article gives elsewhere may claim it


Adjective = tuple[int, str | None, str, str]  # (start, country, word as written, category)
Titled = tuple[list[Tok], list[Title], str | None, str | None]  # one name, its titles, country, sector


@attrs.define
class ArticleState:
    """One article on its way through the actor stage."""

    tables: ActorTables
    text: str
    seg: Segmentation
    starts: frozenset[int]  # where sentences start
    dateline: tuple[int, int]
    dateline_place: tuple[int, int]  # where the dateline's place is written ("NEW DELHI")
    actors: dict[str, Builder] = attrs.Factory(dict)
    deferred: list[Deferred] = attrs.Factory(list)
    titled: list[Titled] = attrs.Factory(list)
    adjectives: dict[int, Adjective] = attrs.Factory(dict)  # nationality words, by end
    adjective_ends: list[int] = attrs.Factory(list)  # the same ends, in text order
    consumed: set[int] = attrs.Factory(
        set
    )  # ends of nationality words that qualify a group or an institution
    places: list[tuple[int, str | None]] = attrs.Factory(list)  # (offset, country) of places named
    country_places: list[tuple[int, str]] = attrs.Factory(list)  # countries named, places if after "in"
    lines: dict[int, bool] = attrs.Factory(dict)  # line start -> written in capitals
    country_ends: dict[int, str] = attrs.Factory(dict)  # end of a country's name -> its code
    actors_ending: dict[int, Builder] | None = None
    initials: dict[str, Builder | None] | None = None  # organisations by initials (acronyms)
    people_ending: dict[int, Builder] | None = None  # people's names by end (placing pass)
    owners_ending: dict[int, Builder] | None = None  # people's and organisations' names, by end
    written_ending: dict[tuple[str, int], int] | None = None  # (actor key, mention end) -> start
    by_start: tuple[list[tuple[int, int, Builder]], list[int]] | None = None
    place_index: tuple[list[tuple[int, str]], list[int]] | None = None
    referents: dict[str, set[int]] = attrs.Factory(dict)  # nominal noun -> ids of the actors it can name
    lower_words: set[str] | None = None
    aliases: dict[str, str] = attrs.Factory(dict)  # acronyms defined in the text -> actor key
    published: date | None = None
    group_heads: dict[str, str] = attrs.Factory(dict)  # group noun -> the first group it heads
    country_mentions: tuple[list[int], list[str]] | None = None  # starts and codes, for placing
    agents: list[tuple[Builder, Builder | None]] = attrs.Factory(list)  # (agent, principal): see .agents
    _vocabulary: frozenset[str] | None = None  # the lower-cased words of the text: see vocabulary()

    @classmethod
    def start(cls, context: Context, tables: ActorTables) -> ArticleState:
        """The state of an article before the first pass."""
        seg = context.segments
        dl = seg.dateline
        text = context.text
        at = text.find(dl.location, dl.span.start, dl.span.end) if dl is not None and dl.location else -1
        return cls(
            tables=tables,
            text=text,
            seg=seg,
            starts=frozenset(s.start for s in seg.sentences),
            dateline=(dl.span.start, dl.span.end) if dl is not None else (-1, -1),
            dateline_place=(at, at + len(dl.location)) if dl is not None and at >= 0 else (-1, -1),
            published=context.published,
        )


def vocabulary(st: ArticleState) -> frozenset[str]:
    """The text's words, lower-cased (``seg.lower_words`` as a set, built on the first call): a
    pass asks it whether the text holds any of its trigger words before reading the tokens."""
    words = st._vocabulary
    if words is None:
        words = st._vocabulary = frozenset(st.seg.lower_words)
    return words


# -- the text around an offset ---------------------------------------------------------------------


def caps_line(st: ArticleState, offset: int) -> bool:
    """Whether the line holding ``offset`` is written in capitals (a headline, a dateline).

    A long line is judged on the 200 characters around ``offset``.
    """
    text = st.text
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
    known = st.lines.get(start)
    if known is None:
        words = len(_ALPHA.findall(text, start, end))
        upper = len(_CAPS_WORD.findall(text, start, end))
        known = upper >= 1 and upper >= 0.5 * words
        st.lines[start] = known
    return known


def opens_sentence(st: ArticleState, offset: int) -> bool:
    """Whether a word at ``offset`` opens a sentence or a line (so its capital says nothing)."""
    text = st.text
    if offset > 1 and text[offset - 1] == " " and text[offset - 2] not in "“\"‘'([":
        return offset in st.starts  # after a space and a word: most words
    if offset and text[offset - 1].isalnum():
        return False
    i = offset
    while i > 0 and text[i - 1] in "“\"‘'([ ":
        if text[i - 1] == " " and i - 1 > 0 and text[i - 2] not in "“\"‘'([":
            break
        i -= 1
    return i in st.starts or i == 0 or text[i - 1] == "\n"


def may_describe(st: ArticleState, offset: int) -> bool:
    """Whether the word before ``offset`` may end a description ("coach Glenn Hoddle"): a
    cheap test that spares most names the search of :func:`prev_words`."""
    word = st.text[max(0, offset - 32) : offset - 1].rsplit(" ", 1)[-1]
    return (
        not (word.isalpha() and word.islower())
        or word == st.tables.article
        or word in st.tables.descriptor_words
    )


def prev_words(st: ArticleState, offset: int) -> tuple[str, str]:
    """The one or two words before ``offset`` (lower-cased), skipping the article ("the")."""
    m = st.tables.prev_words.search(st.text, max(0, offset - 80), offset)
    if m is None:
        return "", ""
    return m.group(2).lower(), (m.group(1) or "").lower()


def common_word(st: ArticleState, word: str) -> bool:
    """Whether ``word`` also appears in lower case in the text (so it is a common word)."""
    low = word.lower()
    if low == word:
        return True
    text = st.text
    if len(text) > 20000:  # a long text: one pass over its words, not one search per word
        if st.lower_words is None:
            st.lower_words = set(_LOWER_WORD.findall(text))
        return low in st.lower_words
    i = text.find(low)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(low) : i + len(low) + 1]
        if not before.isalpha() and not (after.isalpha() if after else False):
            return True
        i = text.find(low, i + 1)
    return False


def in_dateline(st: ArticleState, offset: int) -> bool:
    """Whether ``offset`` lies in the dateline."""
    return st.dateline[0] <= offset < st.dateline[1]


def team_context(st: ArticleState, s: int, e: int) -> bool:
    """A name in a results table: at the start of a row, or between scores, before a number."""
    text = st.text
    if e + 1 >= len(text) or text[e] not in " \t" or not (text[e + 1].isdigit() or text[e + 1] in " \t"):
        return False
    return bool(_TEAM_AFTER.match(text, e)) and bool(_TEAM_BEFORE.search(text, max(0, s - 12), s))


def org_head_after(st: ArticleState, e: int) -> str | None:
    """The sector ("" for none) of an organisation's lower-case head right after a name ending
    at ``e`` ("the ruling Fidesz party"), or None if none follows."""
    tables, text = st.tables, st.text
    if not text[e + 1 : e + 2].islower() and not text[e + 2 : e + 3].islower():
        return None  # no lower-case word right after: most names
    # The pattern needs one or two spaces, then a head's first letter: most words have none.
    firsts = _head_firsts(tables.org_heads)
    c1 = text[e + 1 : e + 2]
    if text[e : e + 1] not in _SPACES or (
        c1 not in firsts and (c1 not in _SPACES or text[e + 2 : e + 3] not in firsts)
    ):
        return None
    m = tables.org_head.match(text, e)
    return None if m is None else tables.org_heads[m.group(1)]


_SPACES = frozenset([" ", "\xa0"])
_FIRSTS: dict[int, tuple[dict[str, str], frozenset[str]]] = {}  # id of the heads -> (them, first letters)


def _head_firsts(heads: dict[str, str]) -> frozenset[str]:
    """The first letters of the organisation heads (kept per rule set)."""
    known = _FIRSTS.get(id(heads))
    if known is None or known[0] is not heads:
        known = (heads, frozenset(h[:1] for h in heads if h))
        _FIRSTS[id(heads)] = known
    return known[1]


def says_after(st: ArticleState, e: int) -> bool:
    """Whether a word ending at ``e`` is followed by a person cue ("said", ", who")."""
    return bool(st.tables.person_cue.match(st.text, e))


def get_actor(
    st: ArticleState,
    key: str,
    name: str,
    kind: ActorKind,
    *,
    country: str | None = None,
    sector: str | None = None,
) -> Builder:
    """The actor of ``key``, made with this country and sector if new; an existing one gets
    those it lacks."""
    b = st.actors.get(key)
    if b is None:
        b = Builder(key, name, kind, country=country, sector=sector, words=tuple(name.casefold().split()))
        st.actors[key] = b
    else:
        if country is not None and b.country is None:
            b.country = country
        if sector is not None and b.sector is None:
            b.sector = sector
    return b


def add_mention(st: ArticleState, b: Builder, s: int, e: int, kind: MentionKind, rule: str) -> None:
    """A mention of ``b`` at ``[s, e)`` made by ``rule``."""
    b.mentions.append((s, e, kind, rule))


def name_country(st: ArticleState, iso: str, s: int, e: int, rule: str) -> Builder:
    """A country named at ``[s, e)`` (by name, capital, seat of power)."""
    b = st.actors.get("C:" + iso)
    if b is None:
        b = get_actor(st, "C:" + iso, st.tables.country_names.get(iso, iso), _K_COUNTRY, country=iso)
    b.mentions.append((s, e, _NAME, rule))
    st.country_ends[e] = iso
    return b


def name_location(st: ArticleState, name: str, iso: str | None, s: int, e: int, rule: str) -> None:
    """A place named at ``[s, e)``."""
    key = "L:" + name.casefold()
    b = st.actors.get(key)
    if b is None:
        b = get_actor(st, key, name, _K_LOCATION, country=iso)
    b.mentions.append((s, e, _NAME, rule))
    st.places.append((s, iso))


def name_organization(
    st: ArticleState,
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
    """An organisation named at ``[s, e)``; an acronym defined right after it ("(ZRC)") becomes
    another name of it."""
    key = key or "O:" + name.casefold()
    b = st.actors.get(key)
    if b is None:
        b = get_actor(st, key, name, kind, country=country, sector=sector)
    b.mentions.append((s, e, _NAME, rule))
    m = ACRONYM_AFTER.match(st.text, e) if "(" in st.text[e : e + 3] else None
    if m is not None:
        st.aliases.setdefault(m.group(1), b.key)


def name_person(
    st: ArticleState,
    toks: list[Tok],
    rule: str,
    *,
    titles: list[Title] = [],  # noqa: B006 - never mutated
    country: str | None = None,
    sector: str | None = None,
    gender: str | None = None,
) -> None:
    """A person named by ``toks``, with the titles before the name. A single word waits for the
    names of the whole article (:func:`~.coreference.resolve_titled`)."""
    s, e = toks[0].s, toks[-1].e
    words = [t.w.title() if t.upper and len(toks) > 0 and caps_line(st, s) else t.w for t in toks]
    name = " ".join(words)
    if len(toks) == 1:
        if _not_a_one_word_name(st, toks[0]):
            return
        st.titled.append((toks, titles, country, sector))
        return
    first = st.tables.first_names.get(words[0])
    for t in titles:
        gender = gender or t.gender
        sector = sector or t.sector
    known = st.tables.leaders.get(name)
    said_country = country  # the roles say what the text says
    if known is not None:  # "Bill Clinton", "President Abdelaziz Bouteflika"
        name = known.name
        country = country or known.country
        sector = sector or known.sector
    b = get_actor(st, "P:" + name.casefold(), name, _K_PERSON, country=country, sector=sector)
    b.gender = b.gender or gender or first
    add_roles(st, b, titles, said_country)
    add_mention(st, b, s, e, _NAME, rule)


def _not_a_one_word_name(st: ArticleState, tok: Tok) -> bool:
    """A word after a title or description that names no person: an organisation's head word
    ("the International Commission Against ..."), or a modifier of the description that follows
    it ("chief Brexit negotiator Guy Verhofstadt")."""
    if tok.w in st.tables.org_suffixes:
        return True
    text = st.text
    if text[tok.e : tok.e + 1] != " ":
        return False
    after = text[tok.e + 1 : tok.e + 30].split(" ", 1)[0]
    return after.islower() and after in st.tables.descriptor_words


def add_roles(st: ArticleState, b: Builder, titles: list[Title], country: str | None) -> None:
    """The titles' roles, "<title> of <country>" for a head of state's title after a country."""
    for t in titles:
        if not t.role:
            continue
        role = t.role
        if t.national and country:
            cname = st.tables.country_names.get(country, country)
            the = st.tables.article_space if cname in st.tables.countries_with_the else ""
            role = f"{role} {st.tables.of} {the}{cname}"
        if role not in b.roles:
            b.roles.append(role)


class Claimed:
    """The text the actor mentions made so far cover, for a pass that reads phrases in text order
    and must leave those an earlier pass read: :meth:`overlaps` tells by bisection over the
    mentions there were when the pass began, and by the greatest end of those the pass has made
    since (each starts before the next phrase it reads ends). One scan of the mentions per pass,
    where a scan per phrase made such a pass quadratic in the article."""

    def __init__(self, st: ArticleState) -> None:
        spans = sorted((ms, me) for b in st.actors.values() for ms, me, _, _ in b.mentions)
        self._starts = [ms for ms, _ in spans]
        self._reach: list[int] = []  # the greatest end of the mentions up to each, in start order
        high = -1
        for _, me in spans:
            high = max(high, me)
            self._reach.append(high)
        self._made = -1  # the greatest end of the mentions the pass made

    def overlaps(self, s: int, e: int) -> bool:
        """Whether a mention overlaps ``[s, e)``."""
        i = bisect.bisect_left(self._starts, e)
        return (i > 0 and self._reach[i - 1] > s) or self._made > s

    def add(self, e: int) -> None:
        """Record a mention the pass made, ending at ``e``."""
        self._made = max(self._made, e)


class LazyClaimed:
    """A :class:`Claimed` read on the pass's first :meth:`overlaps` (most articles give a pass no
    phrase to check): the mentions are those there were when the pass began, as long as the pass
    makes none before it asks."""

    __slots__ = ("_claimed", "_st")

    def __init__(self, st: ArticleState) -> None:
        self._st = st
        self._claimed: Claimed | None = None

    def overlaps(self, s: int, e: int) -> bool:
        """Whether a mention overlaps ``[s, e)``."""
        if self._claimed is None:
            self._claimed = Claimed(self._st)
        return self._claimed.overlaps(s, e)

    def add(self, e: int) -> None:
        """Record a mention the pass made, ending at ``e`` (it asked :meth:`overlaps` first)."""
        if self._claimed is not None:
            self._claimed.add(e)
