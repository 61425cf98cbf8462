"""The placing pass: the country of each actor the earlier passes left without one.

A person's country comes, in this order, from the words around a mention of the name (a role
before it: ``Hungarian prime minister Viktor Orban``, ``Pakistan's Minister of State ... Talal
Chaudhry``; an apposition after it: ``Nikki Haley, the U.S. ambassador``), from the Phoenix
dictionary of people with dated roles (:func:`newsmodel.rules.phoenix.shipped_phoenix`, read
through its name index, loaded on the first article that needs it), and, for a domestic office written without a country (``County
Commissioner Josephine Onunga``, ``President Uhuru Kenyatta``), from the country the article is
about: the dateline's place resolved through the gazetteer, else the country named most often.
A body every state has (``the Supreme Court``) and a domestic group (``protesters``) named
without their state take that country too. Nothing gets a fixed default.

The rule that placed an actor is appended to the rule of its first mention
(``title-name+country-role``), as the events and statements stages mark a rule refined later.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import regex

from ..model import ActorKind, MentionKind
from .state import ArticleState, Builder, prev_words
from .tables import CAPITAL, CITY, COUNTRY, DEMONYM, ORG, PEOPLE, REGION, SEAT, norm

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_COUNTRY, _K_LOCATION = ActorKind.COUNTRY, ActorKind.LOCATION

if TYPE_CHECKING:
    from ..rules._phoenix.names import NameIndex

__all__ = [
    "article_country",
    "countries_as_places",
    "country_in",
    "drop_agency",
    "mark",
    "most_named",
    "place_actors",
    "word_before",
]

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{N}.'’-]{0,40}")
_APPOSITION = regex.compile(r"[ ]{0,2},[ ]{1,2}((?:[^,.;:()\"“”\n]|\.(?=\S)){1,120})")
_INTERNATIONAL = ""  # a role in an international body: no country from the article
_PLACED = frozenset([COUNTRY, DEMONYM, PEOPLE, REGION, CAPITAL, CITY, SEAT])
_PERSON, _GROUP, _ORGANIZATION = ActorKind.PERSON, ActorKind.GROUP, ActorKind.ORGANIZATION
_NAME, _DEMONYM = MentionKind.NAME, MentionKind.DEMONYM
_MAX_ROLE_WORDS = 12
_POSSESSIVE_MARKS = ("'s", "’s")
_PHOENIX: list[NameIndex] = []  # the shipped dictionary's name index, once loaded


def place_actors(st: ArticleState) -> None:
    """Give each person, domestic body and domestic group without a country the one the text
    says."""
    _short_forms(st)
    _bare_into_qualified(st)
    home: list[str | None] = []  # the article's country, computed on first need

    def article() -> str | None:
        if not home:
            home.append(article_country(st))
        return home[0]

    tables = st.tables
    for b in list(st.actors.values()):
        if b.country is not None and not (b.kind is _ORGANIZATION and b.name in tables.domestic_bodies):
            continue
        if b.key[:2] == "A:":
            continue  # an agent takes its principal's country (.agents)
        if b.kind is _PERSON:
            _place_person(st, b, article)
        elif (b.kind is _ORGANIZATION and _domestic_organization(st, b)) or (
            b.kind is _GROUP and b.sector in tables.domestic_sectors
        ):
            b.country = article()  # no fixed default: None when the article names no country
            if b.country is not None:
                mark(b, "country-of-article")


def countries_as_places(st: ArticleState) -> None:
    """A country named only as where things happen ("fighting in Syria", "troops near
    Afghanistan"; after a word of ``place_in``), never acting, referred to or qualifying, is a
    LOCATION of that country, as a city so named is."""
    tables, text = st.tables, st.text
    before: tuple[str, ...] = ()
    for b in st.actors.values():
        if b.kind is not _K_COUNTRY or not b.mentions:
            continue
        before = before or _place_in_before(tables.place_in, tables.article_space)
        if all(
            kind is _NAME and rule == "country-name" and text.endswith(before, max(0, s - 16), s)
            for s, _, kind, rule in b.mentions
        ):
            b.kind = _K_LOCATION
            mark(b, "country-as-place")


@functools.lru_cache(maxsize=8)
def _place_in_before(place_in: frozenset[str], article_space: str) -> tuple[str, ...]:
    """The endings of the text before a country named as a place (" in ", " in the "), built once
    per rule set."""
    return tuple(f" {w} {a}" for w in place_in for a in ("", article_space))


def _domestic_organization(st: ArticleState, b: Builder) -> bool:
    """Whether an organisation named without a country is a body of the article's country: "the
    National Audit Office", "the election board", "the ruling Fidesz party", "the Supreme Court"
    (unless its owner is written: "Kenya's Supreme Court")."""
    tables, name = st.tables, b.name
    if name.split(" ", 1)[0] in tables.domestic_name_words or name in tables.bare_institutions:
        return True
    if name.rsplit(" ", 1)[-1].lower() in tables.domestic_org_heads or any(
        r == "org-head" for *_, r in b.mentions
    ):
        return True
    return name in tables.domestic_bodies and all(r == "organisation" for *_, r in b.mentions)


def _place_person(st: ArticleState, b: Builder, article: Callable[[], str | None]) -> None:
    tables = st.tables
    international = False
    for s, e, kind, rule in sorted(b.mentions):
        if kind is not _NAME or rule == "name-again":
            continue  # a bare surname said again ("..., Erdogan said") has no role of its own
        # The role before the name, then an apposition after it.
        for placed, find, at in (("country-role", _role_before, s), ("country-apposition", _apposition, e)):
            found = find(st, at)
            if found is None:
                continue
            if found == _INTERNATIONAL:
                international = True
                continue
            b.country = found
            mark(b, placed)
            return
    iso = _phoenix_country(st, b.name)
    if iso is not None:
        b.country = iso
        mark(b, "country-phoenix")
        return
    if international:
        return
    domestic = (b.sector in tables.domestic_people or b.roles) and not any(
        w in tables.posted_roles for r in b.roles for w in r.lower().split()
    )
    if domestic:
        iso = _country_before_in_sentence(st, min(m[0] for m in b.mentions))
        if iso is not None:
            b.country = iso
            mark(b, "country-of-sentence")
            return
    elif b.sector is not None or b.roles:
        return
    iso = _coordinated_country(st, b)
    if iso is not None:
        b.country = iso
        mark(b, "country-coordinated")
        return
    home = article()
    if home is not None:
        b.country = home
        mark(b, "country-of-article")


def _coordinated_country(st: ArticleState, b: Builder) -> str | None:
    """The country of the person named right before, joined by "and" ("Senators John McCain
    and Lindsey Graham")."""
    s = min(m[0] for m in b.mentions)
    joint = f" {st.tables.conjunction} "
    if st.text[max(0, s - len(joint)) : s] != joint:
        return None
    if st.people_ending is None:  # built once: one scan of the actors, not one per person
        ending: dict[int, Builder] = {}
        for person in st.actors.values():
            if person.kind is _PERSON:
                for _, e, kind, _ in person.mentions:
                    if kind is _NAME:
                        ending.setdefault(e, person)
        st.people_ending = ending
    before = st.people_ending.get(s - len(joint))
    return before.country if before is not None and before is not b else None


def _country_before_in_sentence(st: ArticleState, s: int) -> str | None:
    """The country named last before ``s`` in its sentence ("In Egypt's response, foreign
    ministry spokesman Ahmed Abu Zeid said")."""
    si = st.seg.sentence_index(s)
    if si < 0:
        return None
    floor = max(st.seg.sentences[si].start, st.dateline[1])
    if st.country_mentions is None:
        found = sorted(
            (ms, b.country)
            for b in st.actors.values()
            if b.kind is _K_COUNTRY and b.country
            for ms, _, _, _ in b.mentions
        )
        st.country_mentions = ([ms for ms, _ in found], [iso for _, iso in found])
    starts, codes = st.country_mentions
    i = bisect.bisect_left(starts, s) - 1
    return codes[i] if i >= 0 and starts[i] >= floor else None


def mark(b: Builder, rule: str) -> None:
    """Append ``rule`` to the rule of the actor's first mention."""
    if not b.mentions:
        return
    starts = [m[0] for m in b.mentions]
    i = starts.index(min(starts))  # the first of the earliest
    s, e, kind, old = b.mentions[i]
    b.mentions[i] = (s, e, kind, f"{old}+{rule}")


def drop_agency(st: ArticleState) -> None:
    """The dateline's agency ("(Reuters)") is no actor unless the body names it (run before
    pronouns are resolved, so that none refers to it)."""
    dl = st.seg.dateline
    if dl is None or not dl.agency:
        return
    start, end = st.dateline
    for b in st.actors.values():
        if b.mentions and any(start <= s < end for s, _, _, _ in b.mentions):
            kept = [m for m in b.mentions if not (start <= m[0] < end and st.text[m[0] : m[1]] == dl.agency)]
            if len(kept) != len(b.mentions):
                b.mentions[:] = kept
    for key in [k for k, b in st.actors.items() if not b.mentions]:
        del st.actors[key]


def _bare_into_qualified(st: ArticleState) -> None:
    """A bare group or institution named before its qualified form ("prosecutors said ...
    Hungarian prosecutors"): one actor, the qualified one."""
    for word, key in st.group_heads.items():
        head = st.actors.get(key)
        if head is None:
            continue
        for bare_key in ("G:" + word, "O:" + word):
            bare = st.actors.get(bare_key)
            if bare is None or bare is head or bare.country not in (None, head.country):
                continue
            head.mentions.extend(bare.mentions)
            del st.actors[bare_key]


def _short_forms(st: ArticleState) -> None:
    """A short name two states share ("Congo") is the one whose full name the article gives
    ("Democratic Republic of Congo ... Congo"): its mentions move there (rule ``+short-form``)."""
    forms = st.tables.short_forms
    if not forms:
        return
    text = st.text
    for b in list(st.actors.values()):
        if b.kind is not _K_COUNTRY or not b.mentions:
            continue
        names = {text[s:e] for s, e, kind, _ in b.mentions if kind is _NAME}
        if not names or not names <= forms.keys():
            continue
        other = next(
            (
                st.actors["C:" + c]
                for name in sorted(names)
                for c in forms[name]
                if c != b.country and "C:" + c in st.actors
            ),
            None,
        )
        if other is None:
            continue
        other.mentions.extend((s, e, kind, f"{rule}+short-form") for s, e, kind, rule in b.mentions)
        del st.actors[b.key]


# -- the words around a name --------------------------------------------------------------------


def country_in(st: ArticleState, s: int, e: int) -> str | None:
    """The country of the first country, nationality, state or city named in ``[s, e)`` (not
    after "to", "in"...); ``""`` when an international body comes first or the only country
    follows "to", "in"...; ``None`` when none."""
    tables = st.tables
    text = st.text
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(text, s, e)]
    words = [_bare(w) for _, w in toks]
    n = len(words)
    i = 0
    skipped = False
    while i < n:
        w = words[i]
        if not w[:1].isupper():
            i += 1
            continue
        prev = words[i - 1].lower() if i else ""
        if prev == tables.article and i > 1:
            prev = words[i - 2].lower()
        skip = prev in tables.not_country_after
        # No known phrase opens with a word the gazetteer has no phrase of that length for.
        longest = tables.span_of.get(w.replace("’", "'"), 0)
        for k in range(min(n, i + 4, i + longest), i, -1):
            entry = tables.phrases.get(norm(" ".join(words[i:k])))
            if entry is None:
                continue
            if entry.cat in _PLACED and entry.country:
                # "at Cambodia's Interior Ministry": a possessive country owns what follows.
                owner = toks[k - 1][1] != words[k - 1] or (k < n and words[k] == "s")
                if not skip or owner:
                    return entry.country
                skipped = True
            elif entry.cat == ORG and not skip:
                if entry.country:
                    return entry.country
                if entry.sector == "IGO":
                    return _INTERNATIONAL
            i = k - 1
            break
        i += 1
    # "Ambassador to Russia": a country served in, not the person's; nor is the article's.
    return _INTERNATIONAL if skipped else None


def _bare(word: str) -> str:
    """A word without its possessive ("Pakistan's") or final period of a sentence."""
    return word[:-2] if word.endswith(_POSSESSIVE_MARKS) else word


def _role_before(st: ArticleState, s: int) -> str | None:
    """The country written in the role right before a name."""
    tables = st.tables
    text = st.text
    si = st.seg.sentence_index(s)
    floor = st.seg.sentences[si].start if si >= 0 else max(0, s - 200)
    floor = max(floor, s - 200, st.dateline[1])
    start, end = s, s
    has_head = False
    if text[max(floor, s - 2) : s] == ", ":
        # "her Canadian husband, Joshua Boyle,": a role word right before the comma.
        w = _word_ending(st, s - 2, floor)
        if w is None or not w[1].islower() or w[1] not in tables.role_heads:
            return None
        start, end, has_head = w[0], s - 2, True
    count = 0
    while count < _MAX_ROLE_WORDS:
        gap = start
        while gap > floor and start - gap < 3 and text[gap - 1] in " \xa0":
            gap -= 1
        if gap == start:
            break
        w = _word_ending(st, gap, floor)
        if w is None:
            break
        ws, word = w
        low = _bare(word).lower()
        if low in tables.role_heads:
            has_head = True
        elif not (word[:1].isupper() or low in tables.role_glue):
            break
        start = ws
        count += 1
    if not has_head or start == end:
        return None
    return country_in(st, start, end)


def word_before(st: ArticleState, offset: int) -> str:
    """The first word of :func:`~.state.prev_words` (the word before ``offset``, lower-cased,
    past the article), without its search when the word is plain: letters in lower case, not the
    article, one space before ``offset`` (most words before a name). The search reads the same."""
    text = st.text
    if offset > 1 and text[offset - 1] == " ":
        word = text[max(0, offset - 32) : offset - 1].rsplit(" ", 1)[-1]
        if len(word) <= 30 and word.isalpha() and word.islower() and word != st.tables.article:
            return word.lower()
    return prev_words(st, offset)[0]


def _word_ending(st: ArticleState, end: int, floor: int) -> tuple[int, str] | None:
    """The word ending at ``end`` (not before ``floor``) and where it starts."""
    text = st.text
    i = end
    while i > floor and i > end - 42 and (text[i - 1].isalnum() or text[i - 1] in ".'’-"):
        i -= 1
    if i == end or not text[i].isalpha():
        return None
    return i, text[i:end]


def _apposition(st: ArticleState, e: int) -> str | None:
    """The country written in an apposition after a name ("Werner Langen, a German member of
    the European Parliament")."""
    if "," not in st.text[e : e + 3]:
        return None  # no comma after the name: most names
    m = _APPOSITION.match(st.text, e)
    if m is None:
        return None
    first = m.group(1).split(" ", 1)[0]
    s, end = m.start(1), m.end(1)
    low = first.lower()
    if low not in st.tables.apposition_openers and not (first.islower() and low in st.tables.role_heads):
        entry = st.tables.phrases.get(norm(_bare(first)))
        if entry is None or entry.cat not in _PLACED or not first.endswith(("'s", "’s")):
            return None  # "Kenya's ambassador"; a list of names is no apposition
    return country_in(st, s, end)


# -- the dictionaries and the article --------------------------------------------------------------


def _phoenix_country(st: ArticleState, name: str) -> str | None:
    """The country Phoenix gives every person named ``name`` on the publication date."""
    if len(name.split()) < 2:
        return None
    return _phoenix_country_on(name, st.published)


@functools.lru_cache(maxsize=4096)
def _phoenix_country_on(name: str, day: date | None) -> str | None:
    """:func:`_phoenix_country` of ``name`` on ``day``: the shipped dictionary never changes, so
    a name's answer is kept for the next article that names the person on that day."""
    if not _PHOENIX:
        from ..rules._phoenix.names import shipped_names

        _PHOENIX.append(shipped_names())
    roles = [r for r in _PHOENIX[0].roles_on(name, day) if r.country]
    if not roles:
        return None
    # Two entries for one name ("Salva Kiir" of Sudan, then of South Sudan): the latest role.
    latest = max((r.start for r in roles if r.start is not None), default=None)
    countries = {r.country for r in roles if r.start == latest}
    return countries.pop() if len(countries) == 1 else None


def article_country(st: ArticleState) -> str | None:
    """The country the article is about: the dateline's place, else the country named most."""
    tables = st.tables
    dl = st.seg.dateline
    if dl is not None and dl.location:
        parts = [p.strip() for p in dl.location.split(",")]
        found = []
        for part in (*reversed(parts[1:]), *parts[0].split("/")):
            entry = tables.phrases.get(norm(part)) or tables.folded.get(norm(part).casefold())
            if entry is not None and entry.cat in _PLACED and entry.country:
                found.append(entry.country)
        if len(set(found)) == 1 or (found and len(parts) > 1):
            return found[0]
        if found:  # "WASHINGTON/CAIRO": the one of them named most
            counts = _country_counts(st)
            return max(found, key=lambda iso: (counts[iso], -found.index(iso)))
    return most_named(st)


def most_named(st: ArticleState) -> str | None:
    """The country named most often (its name, capital, nationality), the first named on a tie."""
    counts = _country_counts(st)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _country_counts(st: ArticleState) -> Counter[str]:
    """How often each country is named (by name, capital or nationality)."""
    counts: Counter[str] = Counter()
    for b in st.actors.values():
        if b.kind is _K_COUNTRY and b.country:
            counts[b.country] += sum(1 for m in b.mentions if m[2] is _NAME or m[2] is _DEMONYM)
    return counts
