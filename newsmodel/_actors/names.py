"""The second pass: reading the pieces of a chunk as names, titles, roles and countries.

A small grammar reads the pieces left to right: ``[country|demonym] title* name``, or a known
phrase. Before it, the shapes that make a chunk an organisation or a place are tried (a firm's
suffix "Inc", a prefix "Bank of", a sports club, "Lake Geneva").
"""

from __future__ import annotations

import bisect

import regex

from ..model import ActorKind, MentionKind
from .place import word_before
from .state import (
    ACRONYM_AFTER,
    STATE_SECTORS,
    ArticleState,
    Deferred,
    Piece,
    Tok,
    add_mention,
    caps_line,
    common_word,
    get_actor,
    in_dateline,
    may_describe,
    name_country,
    name_location,
    name_organization,
    name_person,
    opens_sentence,
    org_head_after,
    prev_words,
    team_context,
)
from .tables import CAPITAL, CITY, COUNTRY, DEMONYM, ORG, PEOPLE, REGION, SEAT, ActorTables, KnownName, Title

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_GROUP, _K_ORGANIZATION = ActorKind.GROUP, ActorKind.ORGANIZATION

__all__ = ["nationality_before", "place_of", "read_known", "read_pieces"]

_LOWER_GAP = regex.compile(r"[ \xa0]{1,2}(?:[\p{Ll}][\p{Ll}-]{0,20}[ \xa0]{1,2}){1,4}")
_NEXT_LOWER = regex.compile(r"[ ]{1,2}(\p{Ll}[\p{Ll}-]{1,20})(?![\p{L}])")
_COMMA_OR_DIGIT = regex.compile(r"[ ]{0,2}(?:,|\d)")
_DEMONYM = MentionKind.DEMONYM


def read_pieces(st: ArticleState, toks: list[Tok], pieces: list[Piece], caps: bool) -> None:
    """Read the pieces of a chunk: the shapes of organisations and places, else the grammar."""
    tables = st.tables
    first_i = pieces[0].i
    words = [t for t in toks[first_i:] if t.word]
    if not words:
        return
    s0, e0 = toks[first_i].s, toks[pieces[-1].j - 1].e
    if "&" not in st.text[s0:e0]:
        special = tables.special
        for t in words:
            if t.w in special:
                break
        else:  # nothing but known phrases and names: the grammar alone reads it
            walk_pieces(st, toks, pieces, caps)
            return
    if len(pieces) > 1 and len(words) >= 2:
        # A name that ends like an event or a prize is none of ours ("World Cup", "U.S. Open").
        if words[-1].w in tables.misc_suffixes and pieces[-1].cat in ("UNK", "NOT"):
            return
        if not caps and _shaped_name(st, toks, pieces, words):
            return
    if not caps and _up_to_org_suffix(st, toks, pieces, caps):
        return
    walk_pieces(st, toks, pieces, caps)


def _shaped_name(st: ArticleState, toks: list[Tok], pieces: list[Piece], words: list[Tok]) -> bool:
    """A firm joined by an ampersand, a sports club, "Bank of Japan", "Lake Geneva": a name whose
    shape tells what it is. Returns whether it read one."""
    tables = st.tables
    first_i, last = pieces[0].i, pieces[-1]
    s0, e0 = toks[first_i].s, toks[last.j - 1].e
    name = " ".join(t.w for t in toks[first_i : last.j])
    # "Douglas & Lomason", "Procter & Gamble": an ampersand joins a firm's name.
    if "&" in st.text[s0:e0] and last.cat in ("UNK", "NOT"):
        org = _K_ORGANIZATION
        name_organization(st, name, s0, e0, "ampersand-name", country=None, sector="BUS", kind=org)
        return True
    # "Real Madrid", "Bayern Munich", "Red Star Belgrade": a sports club.
    p0 = pieces[0]
    if (
        " ".join(t.w for t in words[:2]) in tables.club_prefixes
        or (words[0].w in tables.club_prefixes and p0.cat != COUNTRY)
        or (p0.cat == COUNTRY and p0.j - p0.i == 1 and words[0].w in tables.club_prefixes)
    ):
        name_organization(st, name, s0, e0, "club-name", country=None, sector="SPT", kind=_K_ORGANIZATION)
        return True
    # "Bank of Japan", "University of Chicago".
    if (
        p0.cat in ("UNK", "NOT")
        and toks[p0.i].w in tables.org_prefixes
        and p0.j < len(toks)
        and toks[p0.j].w == tables.of
    ):
        name_organization(
            st,
            name,
            s0,
            e0,
            "org-prefix",
            country=country_in(st, pieces),
            sector=tables.org_prefixes[toks[p0.i].w] or None,
            kind=_K_ORGANIZATION,
        )
        return True
    # "Tiananmen Square", "Lake Geneva".
    placed = (words[-1].w in tables.place_suffixes and last.cat in ("UNK", "NOT")) or (
        p0.cat in ("UNK", "NOT") and toks[p0.i].w in tables.place_prefixes
    )
    if placed and not any(p.cat == "TITLE" for p in pieces):
        name_location(st, name, country_in(st, pieces), s0, e0, "place-name")
        return True
    return False


def _up_to_org_suffix(st: ArticleState, toks: list[Tok], pieces: list[Piece], caps: bool) -> bool:
    """ "Caterpillar Inc", "Labour Party", "Manchester United": an organisation up to its suffix,
    then the rest of the chunk. Returns whether it read one."""
    tables = st.tables
    for k in range(len(pieces) - 1, 0, -1):
        p = pieces[k]
        if p.cat not in ("UNK", "NOT") or toks[p.i].w not in tables.org_suffixes:
            continue
        head = pieces[:k]
        if any(h.cat in ("TITLE", "CONN") and toks[h.i].w == tables.conjunction for h in head) or all(
            h.cat == "CONN" for h in head
        ):
            return False
        ends_name = k == len(pieces) - 1 or pieces[k + 1].cat == "CONN"
        if not ends_name and any(h.cat == "TITLE" for h in head):
            return False  # "Marshal Fahim University" is one body; a title before a name is not
        sector = tables.org_suffixes[toks[p.i].w] or None
        person = _person_of(st, toks, head, sector)
        if person:  # "Bill Sullivan of Dean Witter Reynolds Inc.": a person, then the firm
            head = head[person + 1 :]
        s, e = toks[head[0].i].s, toks[p.i].e
        name = " ".join(t.w for t in toks[head[0].i : p.j])
        name_organization(
            st,
            name,
            s,
            e,
            "org-suffix",
            country=country_in(st, head),
            sector=sector,
            kind=_K_ORGANIZATION,
        )
        rest = pieces[k + 1 :]
        while rest and rest[0].cat in ("CONN", "NOT"):
            rest.pop(0)
        if rest:
            read_pieces(st, toks, rest, caps)
        return True
    return False


def _person_of(st: ArticleState, toks: list[Tok], head: list[Piece], sector: str | None) -> int:
    """A person named before "of" at the start of an organisation's name ("Bill Sullivan of Dean
    Witter Reynolds Inc."): a first name and one or two more names. Names the person and returns
    the index of the "of" piece, or 0."""
    tables = st.tables
    for c in (2, 3):
        if len(head) <= c + 1 or head[c].cat != "CONN" or toks[head[c].i].w != tables.of:
            continue
        names = head[:c]
        if (
            all(h.cat == "UNK" and h.j - h.i == 1 for h in names[1:])
            and names[0].j - names[0].i == 1
            and toks[names[0].i].w in tables.first_names
            and head[c + 1].cat != "CONN"
        ):
            name_person(st, [toks[h.i] for h in names], "first-name", sector=sector)
            return c
    return 0


def country_in(st: ArticleState, pieces: list[Piece]) -> str | None:
    """The country of the first place, country or nationality among ``pieces``."""
    for p in pieces:
        if (
            p.entry is not None
            and p.entry.cat in (COUNTRY, DEMONYM, CAPITAL, CITY, REGION)
            and p.entry.country
        ):
            return p.entry.country
    return None


def walk_pieces(st: ArticleState, toks: list[Tok], pieces: list[Piece], caps: bool) -> None:
    """Read pieces left to right: [country|demonym] title* name, or a known phrase."""
    tables = st.tables
    titles: list[Title] = []
    t_country: str | None = None
    k = 0
    n = len(pieces)
    while k < n:
        p = pieces[k]
        nxt = pieces[k + 1] if k + 1 < n else None
        if p.cat == "CONN":
            j = _portfolio_end(st, toks, pieces, k) if titles else k
            if j == k:
                titles, t_country = [], None
            k = max(j, k + 1)  # "Minister of State for Interior Affairs": the title goes on
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
            name_organization(
                st,
                " ".join(t.w for t in toks[p.i : nxt.j]),
                toks[p.i].s,
                toks[nxt.j - 1].e,
                "organisation-named",
                # "Liberal Democratic Party" is not the Democratic Party: not its country.
                country=entry.country if entry is not None else None,
                sector=nxt.entry.sector,
                kind=nxt.entry.kind or _K_ORGANIZATION,
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
                name_country(st, entry.country, toks[p.i].s, toks[p.j - 1].e, "country-name")
            k += 1
            continue
        # A place word that is also a first name, followed by a name: "Jordan Henderson".
        is_first = p.cat in ("UNK", "NOT") and toks[p.i].w in tables.first_names
        if (
            entry is not None
            and p.j - p.i == 1
            and toks[p.i].w in tables.first_names
            and nxt is not None
            and nxt.cat == "UNK"
            and not caps
        ):
            is_first = True
        if p.cat == "UNK" or is_first or (titles and entry is not None and p.j - p.i == 1):
            k = name_run(st, toks, pieces, k, titles, t_country, caps, is_first)
            titles, t_country = [], None
            continue
        if entry is not None:
            read_known(st, entry, toks[p.i].s, toks[p.j - 1].e)
        titles, t_country = [], None
        k += 1


def _portfolio_end(st: ArticleState, toks: list[Tok], pieces: list[Piece], k: int) -> int:
    """After a title, a connector ``k`` and the words of a portfolio ("for Interior Affairs",
    "of State"): the index of the piece after them, or ``k`` if none follow."""
    tables = st.tables
    if toks[pieces[k].i].w.lower() not in tables.role_glue:
        return k
    j, end = k + 1, k
    while j < len(pieces):
        p = pieces[j]
        w = toks[p.i].w
        if p.cat in ("UNK", "NOT") and p.j - p.i == 1 and w in tables.portfolio_words:
            end = j + 1
        elif p.cat != "CONN" or w.lower() not in tables.role_glue:
            break
        j += 1
    return end


def name_run(
    st: ArticleState,
    toks: list[Tok],
    pieces: list[Piece],
    k: int,
    titles: list[Title],
    t_country: str | None,
    caps: bool,
    is_first: bool,
) -> int:
    """A run of name words from piece ``k``; returns the index of the piece after it."""
    tables = st.tables
    n = len(pieces)
    text = st.text
    start = toks[pieces[k].i].s
    # A lower-case description just before ("coach Glenn Hoddle", "seed MaliVai Washington").
    described = start > 1 and text[start - 1] in " \xa0" and text[start - 2].islower()
    run, j = _run_of_names(st, toks, pieces, k, bool(titles) or is_first)
    s = run[0].s
    of_entry = pieces[j + 1].entry if titles and t_country is None and j + 1 < n else None
    if (
        of_entry is not None
        and of_entry.cat == COUNTRY
        and pieces[j].cat == "CONN"
        and toks[pieces[j].i].w == tables.of
    ):
        t_country = of_entry.country  # "President Bouteflika of Algeria"
    # The search of prev_words only when its words can matter: a description, or "of" (place_of).
    if described and (may_describe(st, s) or text[max(0, s - 32) : s - 1].rsplit(" ", 1)[-1] == tables.of):
        before, before2 = prev_words(st, s)
        descriptor = tables.descriptors.get(before) or tables.descriptors.get(f"{before2} {before}")
        if descriptor is not None and t_country is None:
            # "North Korean leader Kim Jong Un": the nationality before the description.
            t_country = nationality_before(st, s)
    else:
        before = before2 = ""
        descriptor = None
    if titles or (descriptor is not None and not caps):
        sector = descriptor[0] if descriptor else None
        gender = descriptor[1] if descriptor else None
        name_person(
            st,
            run,
            "title-name" if titles else "descriptor-name",
            titles=titles,
            country=t_country,
            sector=sector,
            gender=gender,
        )
    elif caps:
        st.deferred.append(Deferred(run, False, True))
    elif not any(len(t.w) == 1 for t in run):  # "W L PCT": a table header, not a name
        _untitled_run(st, run, before, before2)
    return j


def _run_of_names(
    st: ArticleState, toks: list[Tok], pieces: list[Piece], k: int, named: bool
) -> tuple[list[Tok], int]:
    """The tokens of the name run from piece ``k`` and the index of the piece after it; ``named``
    when a title or a first name opens it (so a known word may end it: "Theresa May")."""
    tables = st.tables
    n = len(pieces)
    run = [toks[pieces[k].i]]
    j = k + 1
    while j < n:
        p = pieces[j]
        t = toks[p.i]
        if p.cat == "UNK" or (
            p.cat == "CONN"
            and t.w.lower() in tables.particles
            and particles_then_name(pieces, toks, j, tables)
        ):
            run.append(t)  # "Osama bin Laden", "Joost van der Westhuizen"
        elif (
            p.cat in ("NOT", "TITLE", CITY, CAPITAL, REGION, ORG, COUNTRY, SEAT)
            and p.j - p.i == 1
            and named
            and (j == n - 1 or toks[pieces[j + 1].i].w in tables.name_suffixes)
            and t.w not in tables.not_surnames
        ):
            run.append(t)  # "Theresa May", "John Major", "Denzel Washington"
        elif p.cat == "NOT" and t.w in tables.name_suffixes:
            run.append(t)
        else:
            break
        j += 1
    while run and not run[-1].word:
        run.pop()
    return run, j


def _untitled_run(st: ArticleState, run: list[Tok], before: str, before2: str) -> None:
    """A run of name words with no title or description before it, in prose."""
    tables = st.tables
    s, e = run[0].s, run[-1].e
    first = run[0].w in tables.first_names
    initial = opens_sentence(st, s)
    org = _K_ORGANIZATION
    if (sector := org_head_after(st, e)) is not None:  # "the Zorblax Unionist party"
        joined = " ".join(t.w for t in run)
        org = _K_GROUP if sector == "REB" else org  # "the Haqqani network": an armed group
        name_organization(st, joined, s, e, "org-head", country=None, sector=sector or None, kind=org)
        return
    if len(run) >= 2 and first:
        name_person(st, run, "first-name")
        return
    if team_context(st, s, e):
        name_organization(
            st, " ".join(t.w for t in run), s, e, "team-row", country=None, sector="SPT", kind=org
        )
        return
    acronym = ACRONYM_AFTER.match(st.text, e) if "(" in st.text[e : e + 3] else None
    if len(run) >= 2 and acronym is not None and initials(run, acronym.group(1)):
        joined = " ".join(t.w for t in run)
        name_organization(st, joined, s, e, "acronym-defined", country=None, sector=None, kind=org)
        return
    if len(run) < 2:
        st.deferred.append(Deferred(run, initial, False))
        return
    joined = " ".join(t.w for t in run)
    if joined in tables.org_suffixes:  # "Air Force", "Air Lines" on their own
        sector = tables.org_suffixes[joined] or None
        name_organization(st, joined, s, e, "org-suffix", country=None, sector=sector, kind=org)
        return
    if run[-1].w.lower() in tables.groups:  # "Chaldean Catholics"
        return
    place = place_of(st, s, e, before, before2)
    if place is not None:
        name_location(st, joined, place[1], s, e, place[0])
    elif initial and (common_word(st, run[0].w) or _shaped_like_a_verb(st, run[0].w)):
        st.deferred.append(Deferred(run[1:], False, False))
    elif _qualifies_next(st, e):
        return  # "House Democratic lawmakers", "the Senate Intelligence committee": no one
    elif not (the := tables.article_space) or st.text[max(0, s - len(the)) : s].lower() != the:
        # "the Forbidden City" is no one
        name_person(st, run, "two-names")


def _qualifies_next(st: ArticleState, e: int) -> bool:
    """Whether the lower-case word right after ``e`` is a group, an institution or a role that the
    capitalised words before it qualify ("House Democratic lawmakers")."""
    m = _NEXT_LOWER.match(st.text, e)
    if m is None:
        return False
    w, tables = m.group(1), st.tables
    return (
        w in tables.groups
        or w in tables.institutions
        or (w in tables.role_heads and w not in tables.role_glue)
    )


def _shaped_like_a_verb(st: ArticleState, word: str) -> bool:
    """Whether a word opening a sentence ends like a gerund or an adverb ("Putting Nielsen ...",
    "Unlike Mattis ...") and is no first name: not the first word of a name."""
    tables = st.tables
    return (
        len(word) > 5
        and word not in tables.first_names
        and any(word.endswith(x) for x in tables.verb_shaped_endings)
    )


def nationality_before(st: ArticleState, s: int) -> str | None:
    """The country of a nationality word a few lower-case words before ``s``
    ("Nigerian junior foreign minister Dubem Oniya")."""
    ends = st.adjective_ends
    i = bisect.bisect_left(ends, s) - 1
    if i < 0 or s - ends[i] > 48:
        return None
    end = ends[i]
    if not _LOWER_GAP.fullmatch(st.text, end, s):
        return None
    found = st.adjectives[end]
    if found[3] == DEMONYM:
        st.consumed.add(end)
    return found[1]


def place_of(st: ArticleState, s: int, e: int, before: str, before2: str) -> tuple[str, str | None] | None:
    """Whether the name at ``[s, e)`` reads as a place; the rule and the country if so."""
    tables = st.tables
    if before == tables.of and before2 in tables.place_nouns:
        iso = None
        for end, (_, country, _, _) in st.adjectives.items():
            if s - 40 < end < s and country:
                iso = country
        return "place-noun-of", iso
    m = tables.comma_place.match(st.text, e) if "," in st.text[e : e + 3] else None  # ", Illinois"
    marks = tables.possessives
    if m is not None and not (marks and st.text.startswith(marks, m.end())):
        # "Springfield, Illinois"; not "Talal Chaudhry, Pakistan's minister"
        entry = tables.phrases.get(m.group(1).replace("’", "'"))
        if entry is not None and entry.cat in (COUNTRY, REGION):
            return "place-comma-region", entry.country
    return None


def read_known(st: ArticleState, entry: KnownName, s: int, e: int) -> None:
    """A phrase of the gazetteer."""
    cat = entry.cat
    if cat == ORG:
        country, key, rule = entry.country, "", "organisation"
        if entry.sector in STATE_SECTORS and s > 2:
            # "the Ivory Coast's Supreme Court", "the Algerian Senate": that country's body.
            owner = None
            if (marks := st.tables.possessives) and st.text[s - len(marks[0]) : s] in marks:
                owner = st.country_ends.get(s - 3)
            elif st.text[s - 1] == " " and (adj := st.adjectives.get(s - 1)) is not None:
                owner = adj[1] if adj[3] == DEMONYM else None
            if owner is not None and owner != country:
                country, rule = owner, "organisation-of-country"
                key = f"O:{entry.name.casefold()}@{owner}"
                if st.text[s - 1] == " " and s - 1 in st.adjectives:
                    st.consumed.add(s - 1)
        name_organization(
            st,
            entry.name,
            s,
            e,
            rule,
            country=country,
            sector=entry.sector,
            kind=entry.kind or _K_ORGANIZATION,
            key=key,
        )
        return
    if cat == COUNTRY and entry.country:
        name_country(st, entry.country, s, e, "country-name")
        st.country_places.append((s, entry.country))
        return
    if cat == SEAT and entry.country:
        name_country(st, entry.country, s, e, "seat-metonym")
        return
    if cat in (DEMONYM, PEOPLE):
        st.adjectives[e] = (s, entry.country, st.text[s:e], cat)
        st.adjective_ends.append(e)
        before = st.adjectives.get(s - 1) if cat == PEOPLE and st.text[s - 1 : s] == " " else None
        if before is not None and before[3] == DEMONYM and before[1]:
            # "Iraqi Kurds", "Bosnian Serbs": a people of that country.
            a_start, iso, demonym, _ = before
            name = f"{demonym} {st.text[s:e]}"
            b = get_actor(st, "G:" + name.casefold(), name, _K_GROUP, country=iso)
            add_mention(st, b, a_start, e, _DEMONYM, "demonym-people")
            st.consumed.add(s - 1)
            del st.adjectives[e]
            st.adjective_ends.pop()
        elif cat == PEOPLE:
            b = get_actor(st, "G:" + entry.name.casefold(), entry.name, _K_GROUP, country=entry.country)
            add_mention(st, b, s, e, _DEMONYM, "demonym-people")
        return
    if cat in (CAPITAL, CITY, REGION):
        if team_context(st, s, e):
            name_organization(
                st,
                st.text[s:e],
                s,
                e,
                "team-row",
                country=entry.country,
                sector="SPT",
                kind=_K_ORGANIZATION,
            )
            return
        if cat == CAPITAL and entry.country and not is_place(st, s, e):
            name_country(st, entry.country, s, e, "capital-metonym")
            return
        name_location(st, entry.name, entry.country, s, e, "place-name")


def is_place(st: ArticleState, s: int, e: int) -> bool:
    """A capital read as a place rather than its government acting."""
    if in_dateline(st, s) or (opens_sentence(st, s) and caps_line(st, s)):
        return True
    if word_before(st, s) in st.tables.place_prepositions:
        return True
    text = st.text
    if opens_sentence(st, s) and _COMMA_OR_DIGIT.match(text, e):
        return True
    return "," in text[e : e + 3] and bool(st.tables.comma_place.match(text, e))  # ", Illinois"


def particles_then_name(pieces: list[Piece], toks: list[Tok], j: int, tables: ActorTables) -> bool:
    """Whether the particles from piece ``j`` on are followed by a name word ("van der Sar")."""
    n = len(pieces)
    while j < n and pieces[j].cat == "CONN" and toks[pieces[j].i].w.lower() in tables.particles:
        j += 1
    return j < n and pieces[j].cat in ("UNK", "NOT")


def initials(run: list[Tok], acronym: str) -> bool:
    """Whether ``acronym`` is made of the initials of the run's words ("CPJ")."""
    letters = [c for c in acronym if c.isalpha()]
    initials = [t.w[0] for t in run if t.word]
    return len(letters) >= 2 and letters[0] == initials[0] and set(letters) <= set(initials)
