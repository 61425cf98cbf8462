"""The third pass: coreference of names. Single words read against the names the article gives.

A single name after a title ("Mr. Tillerson") or a word left undecided by the first pass
("Tillerson", an all-caps "SHEARER" in a headline) is linked to the person or organisation of
that name, else to a leader of the gazetteer ("Putin"), else made a person when a speech verb
follows it ("Simmons said"). Nominals ("the nation", "the president") and pronouns are resolved
against the mentions found before them.
"""

from __future__ import annotations

import bisect
import operator

import regex

from ..model import ActorKind, MentionKind
from .names import place_of
from .state import (
    _NAME,
    ArticleState,
    Builder,
    Deferred,
    Tok,
    add_mention,
    add_roles,
    caps_line,
    common_word,
    get_actor,
    name_location,
    name_organization,
    name_person,
    prev_words,
    says_after,
    team_context,
)
from .tables import KnownName

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_COUNTRY, _K_GROUP, _K_LOCATION, _K_ORGANIZATION, _K_PERSON = (
    ActorKind.COUNTRY,
    ActorKind.GROUP,
    ActorKind.LOCATION,
    ActorKind.ORGANIZATION,
    ActorKind.PERSON,
)

__all__ = ["resolve_deferred", "resolve_nominal", "resolve_pronouns", "resolve_titled"]

# How far back (in characters) a pronoun looks for its antecedent, and a nominal for its referent.
_LOOK_BACK = 1500
_NOMINAL, _PRONOUN = MentionKind.NOMINAL, MentionKind.PRONOUN
_NEAREST_CANDIDATES = 16  # bounds nearest_actor(): see its docstring
# Sort key of (start, end, builder) triples: C-level, and builders are never compared.
_span_key = operator.itemgetter(0, 1)
_RELATIVE_GAP = regex.compile(r"[ ]{0,2},?[ ]{0,2}$")
_PRONOUN_RULES = {
    "male": "pronoun-he",
    "female": "pronoun-she",
    "neuter": "pronoun-it",
    "plural": "pronoun-they",
}


def last_names(st: ArticleState) -> dict[str, list[Builder]]:
    """The people so far by last name (and by the name before a suffix or after a particle)."""
    last: dict[str, list[Builder]] = {}
    tables = st.tables
    suffixes, particles, person = tables.folded_name_suffixes, tables.particles, _K_PERSON
    for b in st.actors.values():
        words = b.words
        if b.kind is person and len(words) >= 2:
            w = words[-1]
            last.setdefault(w, []).append(b)
            if "-" in w and w.split("-", 1)[0] in particles:
                last.setdefault(w.split("-", 1)[1], []).append(b)
            if w in suffixes and len(words) >= 3:
                last.setdefault(words[-2], []).append(b)
    return last


def name_index(
    st: ArticleState,
) -> tuple[dict[str, list[Builder]], dict[str, list[Builder]], dict[str, Builder]]:
    """The actors so far by last name (people: :func:`last_names`), by any word of a name the
    gazetteer does not know (people, organisations), and by whole name or alias."""
    any_word: dict[str, list[Builder]] = {}
    full: dict[str, Builder] = {}
    tables = st.tables
    connectors, aliases, org_suffixes = tables.connectors, tables.aliases, tables.org_suffixes
    person, organization = _K_PERSON, _K_ORGANIZATION
    aliased = []  # actors other than people whose name the gazetteer gives aliases
    for b in st.actors.values():
        words = b.words
        full.setdefault(" ".join(words), b)
        kind = b.kind
        if kind is person:
            if len(words) >= 2:
                any_word.setdefault(words[0], []).append(b)
            continue
        if b.name in aliases:
            aliased.append(b)
        elif kind is organization and len(words) >= 2:
            # Part of a name the gazetteer does not know ("Deportivo" for "Deportivo Coruna");
            # known names come with their aliases instead.
            for w in words:
                if w.title() not in org_suffixes and w not in connectors and len(w) > 2:
                    any_word.setdefault(w, []).append(b)
    for b in aliased:
        for alias in aliases[b.name]:
            full.setdefault(alias, b)
    return last_names(st), any_word, full


def resolve_titled(st: ArticleState) -> None:
    """Single names after a title: "Mr. Tillerson", "President Clinton", "Pope Francis"."""
    if not st.titled:
        return
    last = last_names(st)
    titled, st.titled = st.titled, []
    for toks, titles, country, sector in titled:
        t = toks[0]
        word = t.w.casefold()
        found = last.get(word)
        gender = None
        for ti in titles:
            gender = gender or ti.gender
            sector = sector or ti.sector
        known = st.tables.surnames.get(t.w) if not found else None
        if found:
            b = nearest_actor(st, found, t.s)
        elif known is not None:  # "President Bouteflika": a known person
            b = known_person(st, known)
            last.setdefault(word, []).append(b)
        else:
            royal = bool(titles) and titles[-1].role in st.tables.titles_in_name
            name = f"{titles[-1].role} {t.w}" if royal else t.w
            lk = st.tables.leaders.get(name) if royal else None  # "King Salman"
            b = get_actor(
                st,
                "P:" + name.casefold(),
                name,
                _K_PERSON,
                country=country or (lk.country if lk else None),
                sector=sector or (lk.sector if lk else None),
            )
            b.words = (word,) if not royal else tuple(name.casefold().split())
            last.setdefault(word, []).append(b)
        b.gender = b.gender or gender or st.tables.first_names.get(t.w)
        b.country = b.country or country
        b.sector = b.sector or sector
        add_roles(st, b, titles, country)
        add_mention(st, b, t.s, t.e, _NAME, "title-name")


def known_person(st: ArticleState, entry: KnownName) -> Builder:
    """The actor of a person of the leaders' gazetteer."""
    b = get_actor(
        st,
        "P:" + entry.name.casefold(),
        entry.name,
        _K_PERSON,
        country=entry.country,
        sector=entry.sector,
    )
    if len(b.words) > 1 and b.gender is None:
        b.gender = st.tables.first_names.get(entry.name.split()[0])
    return b


def nearest_actor(st: ArticleState, found: list[Builder], offset: int) -> Builder:
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


def resolve_deferred(st: ArticleState) -> None:
    """Words that could be anything, read against the names the article gives elsewhere."""
    if not st.deferred:
        return
    last, any_word, full = name_index(st)
    # The first words of the names of several words: a run of words can be one of those names
    # only from one of these (most deferred words open none).
    openers = {key.split(" ", 1)[0] for key in full if " " in key}
    misc_suffixes = st.tables.misc_suffixes
    for d in st.deferred:
        toks = d.toks
        folded = [t.w.casefold() for t in toks]
        i, n_toks = 0, len(toks)
        while i < n_toks:
            t, key = toks[i], folded[i]
            if openers and (key in openers or (" " in key and key.split(" ", 1)[0] in openers)):
                n = _name_again(st, toks, folded, i, full)
                if n:
                    i += n
                    continue
            # One word (most deferred words): a whole name, else a part of one.
            w = t.w
            if len(w) >= 2 and w not in misc_suffixes:
                b = full.get(key)
                if b is None:
                    cands = last.get(key) or any_word.get(key)
                    b = nearest_actor(st, cands, t.s) if cands else None
                if b is not None:
                    add_mention(st, b, t.s, t.e, _NAME, "name-again")
                    i += 1
                    continue
            _decide_word(st, d, t)
            i += 1
    resolve_titled_again(st)


def _name_again(
    st: ArticleState, toks: list[Tok], folded: list[str], i: int, full: dict[str, Builder]
) -> int:
    """How many tokens from ``i`` (two or more) name an actor the article gives elsewhere (0 if
    none): the longest run of words that is a whole name. ``folded`` are the tokens' words
    casefolded; the token at ``i`` opens a name of several words."""
    for n in range(min(len(toks) - i, 6), 1, -1):
        b = full.get(" ".join(folded[i : i + n]))
        if b is not None:
            add_mention(st, b, toks[i].s, toks[i + n - 1].e, _NAME, "name-again")
            return n
    return 0


def _decide_word(st: ArticleState, d: Deferred, t: Tok) -> None:
    """A word of the article no name claims: a known leader's surname, a person when a speech
    verb follows, an acronym, a team, a place after "in"; else nothing."""
    tables = st.tables
    known = tables.surnames.get(t.w.title() if t.upper else t.w)
    if known is not None and not d.link_only:  # "Putin", "Mugabe"
        add_mention(st, known_person(st, known), t.s, t.e, _NAME, "known-surname")
        return
    said: bool | None = None  # whether a person cue follows: read once, if at all
    if (
        d.link_only
        or len(t.w) < 2
        or d.caps
        or (d.initial and (common_word(st, t.w) or (len(d.toks) == 1 and not (said := says_after(st, t.e)))))
    ):
        return
    if t.w.lower() in tables.groups or t.w in tables.not_names:
        return
    org = _K_ORGANIZATION
    if not t.upper and (said if said is not None else says_after(st, t.e)):
        name_person(st, [t], "name-says")
    elif t.upper and 2 <= len(t.w) <= 6 and not caps_line(st, t.s):
        named = _spelled_out(st, t.w)
        if named is not None:  # "ACLU" after "American Civil Liberties Union"
            add_mention(st, named, t.s, t.e, _NAME, "acronym-of-name")
        else:
            name_organization(st, t.w, t.s, t.e, "acronym", country=None, sector=None, kind=org)
    elif team_context(st, t.s, t.e):
        name_organization(st, t.w, t.s, t.e, "team-row", country=None, sector="SPT", kind=org)
    elif t.s > 1 and st.text[t.s - 2].isalpha():  # a word just before: maybe "in", "town of"
        before, before2 = prev_words(st, t.s)
        if (place := place_of(st, t.s, t.e, before, before2)) is not None:
            name_location(st, t.w, place[1], t.s, t.e, place[0])
        elif before in tables.place_in and not d.initial:
            name_location(st, t.w, None, t.s, t.e, "place-after-in")


def _spelled_out(st: ArticleState, acronym: str) -> Builder | None:
    """The organisation of the article whose name's capitalised words give ``acronym``'s letters
    in order ("American Civil Liberties Union" for "ACLU"), if exactly one does. The index of
    initials is built once, on the first acronym (every name of several words is known by then)."""
    if st.initials is None:
        index: dict[str, Builder | None] = {}
        for b in st.actors.values():
            if b.kind is _K_ORGANIZATION and " " in b.name:
                key = "".join(w[0] for w in b.name.split() if w[:1].isupper())
                index[key] = None if key in index else b  # two names, one acronym: neither
        st.initials = index
    return st.initials.get(acronym.replace(".", ""))


def people_into_groups(st: ArticleState) -> None:
    """A people named after a group of its country's civilians ("Iraqi nationals ... Iraqis",
    "Syrian refugees ... Syrians") refers to that group: its mentions join the group's."""
    sectors = st.tables.people_group_sectors
    first: dict[str, tuple[int, Builder]] = {}
    peoples = []
    for b in st.actors.values():
        if b.kind is not _K_GROUP or not b.country or not b.mentions:
            continue
        start = min(m[0] for m in b.mentions)
        if b.sector is None and " " not in b.name and min(b.mentions)[3] == "demonym-people":
            peoples.append((start, b))
        elif b.sector in sectors and (b.country not in first or start < first[b.country][0]):
            first[b.country] = (start, b)
    for start, b in peoples:
        found = first.get(b.country or "")
        if found is not None and found[0] < start:
            found[1].mentions.extend(b.mentions)
            del st.actors[b.key]


def places_named_like_people(st: ArticleState) -> None:
    """A one-word place that is the last name of a person of the article ("Jordan" after
    "Michael Jordan", "Washington" after "MaliVai Washington") is that person."""
    last = last_names(st)
    if not last:
        return
    text = st.text
    for b in list(st.actors.values()):
        if b.kind not in (_K_COUNTRY, _K_LOCATION) or not b.mentions:
            continue
        keep = []
        for m in b.mentions:
            s, e = m[0], m[1]
            found = None
            if m[2] is _NAME:  # not a nationality word
                word = text[s:e].casefold()
                found = last.get(word) if " " not in word else None
            if found:
                add_mention(st, nearest_actor(st, found, s), s, e, _NAME, "name-again")
            else:
                keep.append(m)
        b.mentions = keep


def resolve_titled_again(st: ArticleState) -> None:
    """Single names that the last pass made people ("Simmons said")."""
    resolve_titled(st)


def resolve_nominal(st: ArticleState, s: int, e: int, cls: str, noun: str) -> None:
    """ "the nation", "the president": the nearest earlier actor of that kind (a person of
    that role; a country or an organisation of that sector in the last three sentences)."""
    seg = st.seg
    si = seg.sentence_index(s)
    if si < 0:
        return
    floor = seg.sentences[max(0, si - 3)].start if cls != "PERSON" else s - 20 * _LOOK_BACK
    index, starts = sorted_mentions(st)
    j = bisect.bisect_left(starts, s) - 1
    # "Indra Nooyi, the chief executive of PepsiCo": the name just before.
    if (
        cls == "PERSON"
        and j >= 0
        and index[j][1] == s - 2
        and st.text[s - 2 : s] == ", "
        and index[j][2].kind is _K_PERSON
    ):
        add_mention(st, index[j][2], s, e, _NOMINAL, "nominal-person")
        return
    fits = st.referents.get(noun)
    if fits is None:
        if cls == "COUNTRY":
            found = [b for b in st.actors.values() if b.kind is _K_COUNTRY]
        elif cls == "PERSON":
            found = [
                b
                for b in st.actors.values()
                if b.kind is _K_PERSON and any(noun in r.lower() for r in b.roles)
            ]
        else:
            found = [b for b in st.actors.values() if b.kind is _K_ORGANIZATION and b.sector == cls]
        fits = st.referents[noun] = {id(b) for b in found}
    if not fits:
        return
    for _ in range(400):
        if j < 0 or index[j][0] < floor:
            return
        b = index[j][2]
        j -= 1
        if id(b) in fits:
            add_mention(st, b, s, e, _NOMINAL, f"nominal-{cls.lower()}")
            return


def sorted_mentions(st: ArticleState) -> tuple[list[tuple[int, int, Builder]], list[int]]:
    """Every mention found by names and groups, by start (built once, before nominals)."""
    if st.by_start is None:
        index = sorted([(s, e, b) for b in st.actors.values() for s, e, _, _ in b.mentions], key=_span_key)
        st.by_start = (index, [x[0] for x in index])
    return st.by_start


def resolve_pronouns(st: ArticleState, pronouns: list[tuple[int, int, str]]) -> None:
    """Link each pronoun ``(start, end, class)`` to its antecedent; resolved pronouns join the
    candidates of the next ones (a chain of "he")."""
    if not pronouns:
        return
    text = st.text
    seg = st.seg
    base = sorted([(s, e, b) for b in st.actors.values() for s, e, _, _ in b.mentions], key=_span_key)
    base_starts = [x[0] for x in base]
    ends_at: dict[int, Builder] = {e: b for _, e, b in base}
    # Resolved pronouns join the candidates (a chain of "he"); they come in text order.
    added: list[tuple[int, int, Builder]] = []
    added_starts: list[int] = []
    window = (base, base_starts, added, added_starts)
    rules = _PRONOUN_RULES
    for s, e, cls in pronouns:
        si = seg.sentence_index(s)
        if si < 0 or s >= seg.sentences[si].end:
            continue
        if cls == "relative":
            m = _RELATIVE_GAP.search(text, max(0, s - 4), s)
            b = ends_at.get(m.start()) if m is not None else None
            if b is not None and b.kind in (_K_PERSON, _K_GROUP):
                add_mention(st, b, s, e, _PRONOUN, "relative-who")
                added.append((s, e, b))
                added_starts.append(s)
            continue
        found = antecedent(st, window, s, si, cls)
        if found is None:
            continue
        if cls == "male" and found.gender is None:
            found.gender = "M"
        elif cls == "female" and found.gender is None:
            found.gender = "F"
        add_mention(st, found, s, e, _PRONOUN, rules[cls])
        added.append((s, e, found))
        added_starts.append(s)


Window = tuple[list[tuple[int, int, Builder]], list[int], list[tuple[int, int, Builder]], list[int]]


def antecedent(st: ArticleState, window: Window, s: int, si: int, cls: str) -> Builder | None:
    """The actor a pronoun at ``s`` (in sentence ``si``) refers to, if it can be told: among the
    mentions of ``window`` (by start, and the pronouns resolved before, by start), the first
    compatible one in the sentence, else in the two before (he, she); the only actor compatible in
    the sentence (it, they)."""
    sentences = st.seg.sentences
    sent = sentences[si]
    if cls not in ("male", "female"):
        # it / they: only when one actor could be meant.
        return _only_compatible(window, sent.start, s, s, cls)
    found = _first_compatible(window, sent.start, s, s, cls)
    if found is not None:
        return found
    for back in (1, 2):
        if si - back < 0:
            break
        prev = sentences[si - back]
        found = _first_compatible(window, prev.start, prev.end, s, cls)
        if found is not None:
            return found
    return None


def _compatible(b: Builder, cls: str) -> bool:
    """Whether a pronoun of class ``cls`` can refer to ``b``."""
    kind = b.kind
    if cls == "male":
        return kind is _K_PERSON and b.gender != "F"
    if cls == "female":
        return kind is _K_PERSON and b.gender != "M"
    if cls == "neuter":
        return kind is _K_ORGANIZATION or kind is _K_COUNTRY
    return kind is _K_GROUP


def _first_compatible(window: Window, lo: int, hi: int, s: int, cls: str) -> Builder | None:
    """The actor of the first mention (by start, then end) lying in ``[lo, hi)`` (not more than
    :data:`_LOOK_BACK` before ``s``) that ``cls`` can refer to: the first of each list of
    ``window``, the earlier of the two (the mentions' on a tie)."""
    lo = max(lo, s - _LOOK_BACK)
    base, base_starts, added, added_starts = window
    best: tuple[int, int, Builder] | None = None
    for items, starts in ((base, base_starts), (added, added_starts)):
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_left(starts, hi, i)
        while i < j:
            x = items[i]
            if x[1] <= hi and _compatible(x[2], cls):
                if best is None or (x[0], x[1]) < (best[0], best[1]):
                    best = x
                break
            i += 1
    return best[2] if best is not None else None


def _only_compatible(window: Window, lo: int, hi: int, s: int, cls: str) -> Builder | None:
    """The one actor that ``cls`` can refer to among the mentions lying in ``[lo, hi)`` (not more
    than :data:`_LOOK_BACK` before ``s``), if there is exactly one."""
    lo = max(lo, s - _LOOK_BACK)
    base, base_starts, added, added_starts = window
    only: Builder | None = None
    for items, starts in ((base, base_starts), (added, added_starts)):
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_left(starts, hi, i)
        while i < j:
            x = items[i]
            i += 1
            if x[1] <= hi and _compatible(x[2], cls):
                if only is None:
                    only = x[2]
                elif x[2] is not only:
                    return None
    return only
