"""The lower-case words that refer to actors: groups, institutions, nominals and pronouns.

One pass over the segmenter's tokens walks the trie of the lower-case vocabulary: group nouns
("rebels", "Syrian officials"), a country's institutions ("the Syrian government"), nominals
("the nation") and pronouns, which :mod:`.coreference` resolves. Nationality words that qualify
nothing stand for their country. (A government person's "we" is the statement stage's to
resolve: :mod:`newsmodel._statements.refine`.)
"""

from __future__ import annotations

import bisect
from itertools import compress

from ..model import ActorKind, MentionKind
from .coreference import resolve_nominal, resolve_pronouns
from .place import article_country, word_before
from .state import (
    Adjective,
    ArticleState,
    Builder,
    add_mention,
    get_actor,
    opens_sentence,
    says_after,
)
from .tables import DEMONYM

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_COUNTRY, _K_GROUP, _K_ORGANIZATION, _K_PERSON = (
    ActorKind.COUNTRY,
    ActorKind.GROUP,
    ActorKind.ORGANIZATION,
    ActorKind.PERSON,
)
_M_NAME = MentionKind.NAME

__all__ = ["scan_words"]

_DEMONYM, _NOMINAL, _PRONOUN = MentionKind.DEMONYM, MentionKind.NOMINAL, MentionKind.PRONOUN


def scan_words(st: ArticleState) -> None:
    """The lower-case words that refer to actors, then the nationality words left and the
    pronouns."""
    tables = st.tables
    occupied = sorted([(s, e) for b in st.actors.values() for s, e, _, _ in b.mentions])
    starts = [s for s, _ in occupied]
    pronouns: list[tuple[int, int, str]] = []
    tokens = st.seg.tokens
    lower_words = st.seg.lower_words
    n_tokens = len(tokens)
    vocab, words = tables.vocab, st.seg.words
    # The tokens that open a phrase of the vocabulary, picked at C speed (most tokens open none).
    for ti in compress(range(n_tokens), map(vocab.__contains__, words)):
        node = vocab[words[ti]]
        found: frozenset[str] | None = node.get("")
        k = ti + 1
        if found is None and (k == n_tokens or lower_words[k] not in node):
            continue  # only the first word of phrases ("the" of "the nation"), none going on
        s, e = tokens[ti]
        while k < n_tokens:
            node = node.get(lower_words[k])
            if node is None:
                break
            if "" in node:
                found, e = node[""], tokens[k][1]
            k += 1
        if found is None:
            continue
        i = bisect.bisect_left(starts, e)
        if i == 0 or occupied[i - 1][1] <= s:  # not inside a mention found before
            _read_word(st, ti, s, e, found, pronouns)
    demonym_mentions(st)
    resolve_pronouns(st, pronouns)


def _read_word(
    st: ArticleState, ti: int, s: int, e: int, found: frozenset[str], pronouns: list[tuple[int, int, str]]
) -> None:
    """One phrase of the vocabulary at token ``ti`` (``[s, e)``), of the classes ``found``."""
    tables = st.tables
    text = st.text
    raw = text[s:e]
    low = raw.lower()
    word = low if low.isalpha() else " ".join(low.split())  # spaces normalised in a phrase
    if "pronoun" in found:
        cls = tables.pronouns[word]
        if cls in ("neuter", "plural") and raw[1:2].isupper():
            return  # IT, THEY in a headline
        pronouns.append((s, e, cls))
        return
    if "nominal" in found:
        noun = " ".join(word.split()[1:])
        resolve_nominal(st, s, e, tables.nominals[noun], noun)
        return
    adj = st.adjectives.get(s - 1) if s > 0 and text[s - 1] == " " else None
    if (
        raw[0].isupper()
        and not opens_sentence(st, s)
        and (adj is None or adj[3] != DEMONYM)
        and not (word in tables.institutions and (cb := country_before(st, s)) and cb.kind is _K_COUNTRY)
    ):
        return  # "Police" inside a name; "the U.S. Embassy" is the country's
    modifier_sector = first = None
    if adj is None and "group" in found and ti > 1:
        # "Afghan rebel leaders", "Irish nationalist guerrillas": modifiers between.
        adj, modifier_sector = modified(st, ti)
    country_b = country_before(st, s)
    if adj is not None and adj[3] == DEMONYM:
        _demonym_noun(st, adj, modifier_sector, word, e)
    elif country_b is not None:
        _country_noun(st, country_b, word, s, e)
    elif word in tables.institutions and (owner := owner_before(st, s)) is not None:
        _owned_institution(st, owner, word, s, e)
    elif (
        word in tables.bare_institutions
        and (the := tables.article_space)
        and text[max(0, s - len(the)) : s].lower() == the
    ):
        _bare_institution(st, word, s, e)
    elif (word in tables.bare_groups and not _modifies_next(st, ti, e)) or (
        word in tables.cued_groups and ((first := _modifiers_before(st, ti)) is not None or says_after(st, e))
    ):
        sector = tables.groups.get(word) or None
        iso = None
        if sector in tables.domestic_sectors:
            iso = place_country_before(st, s)
        if first is not None:
            _cued_group(st, first, e, word, sector)
            return
        earlier = st.actors.get(st.group_heads.get(word, ""))
        if earlier is not None:
            # "Kenyan police ... police also used teargas": the group named before.
            add_mention(st, earlier, s, e, _NOMINAL, "group-again")
            return
        b = get_actor(st, "G:" + word, word, _K_GROUP, sector=sector)
        if b.country is None and iso is not None:
            b.country = iso
        add_mention(st, b, s, e, _NOMINAL, "group-noun")


def _cued_group(st: ArticleState, first: int, e: int, word: str, sector: str | None) -> None:
    """ "government and militant sources", "security sources": the group with its modifiers; one
    led by a bare institution ("two government officials") is of the article's country."""
    name = " ".join(st.text[first:e].lower().split())
    b = get_actor(st, "G:" + name, name, _K_GROUP, sector=sector)
    if b.country is None and name.split()[0] in st.tables.bare_institutions:
        b.country = article_country(st)
    add_mention(st, b, first, e, _NOMINAL, "group-noun")
    _head(st, word, b.key)


def _bare_institution(st: ArticleState, word: str, s: int, e: int) -> None:
    """ "the election board", "the interior ministry": a body of the state the article is about
    (the placing pass gives it that country), or the one named before ("the Kenyan government
    ... the government")."""
    earlier = st.actors.get(st.group_heads.get(word, ""))
    if earlier is not None:
        add_mention(st, earlier, s, e, _NOMINAL, "institution-again")
        return
    sector = st.tables.institutions[word] or None
    b = get_actor(st, "O:" + word, word, _K_ORGANIZATION, sector=sector)
    add_mention(st, b, s, e, _NOMINAL, "institution-noun")
    st.group_heads.setdefault(word, b.key)


def _head(st: ArticleState, word: str, key: str) -> None:
    """The first qualified group or institution ``word`` heads (it replaces a bare one)."""
    if st.group_heads.get(word, "")[2:] in ("", word):
        st.group_heads[word] = key


def _demonym_noun(st: ArticleState, adj: Adjective, modifier_sector: str | None, word: str, e: int) -> None:
    """ "the Syrian government", "Syrian rebels", "Afghan rebel leaders": a nationality word and
    the institution or group it qualifies."""
    tables = st.tables
    a_start, iso, demonym, _ = adj
    if word in tables.institutions and modifier_sector is None:
        name = f"{demonym} {word}"
        sector = tables.institutions[word] or None
        b = get_actor(st, "O:" + name.casefold(), name, _K_ORGANIZATION, country=iso, sector=sector)
    else:
        name = (
            f"{demonym} {st.text[a_start:e].split(' ', 1)[1]}"
            if modifier_sector is not None
            else f"{demonym} {word}"
        )
        name = " ".join(name.split())
        sector = modifier_sector or tables.groups.get(word) or None
        b = get_actor(st, "G:" + name.casefold(), name, _K_GROUP, country=iso, sector=sector)
        coordinated(st, a_start, name[len(demonym) :], sector)
    add_mention(st, b, a_start, e, _DEMONYM, "demonym-noun")
    st.consumed.add(a_start + len(demonym))
    _head(st, word, b.key)


def _country_noun(st: ArticleState, country_b: Builder, word: str, s: int, e: int) -> None:
    """ "U.S. officials", "Hezbollah guerrillas": a country or an armed group and its people."""
    tables = st.tables
    key = f"{country_b.name} {word}".casefold()  # one actor however the country is written
    # Named as first written, as a descriptive group is: "U.S. officials", "Britain's embassy".
    written = written_before(st, country_b, s)
    name = " ".join(f"{written} {word}".split())
    iso = country_b.country
    if word in tables.institutions:
        sector = tables.institutions[word] or None
        b = get_actor(st, "O:" + key, name, _K_ORGANIZATION, country=iso, sector=sector)
    elif country_b.kind is _K_GROUP and tables.groups.get(word) == country_b.sector:
        # "Taliban fighters": an armed group's fighters are the group.
        add_mention(st, country_b, s, e, _NOMINAL, "organisation-noun")
        return
    else:
        # "Taliban sources": the armed group's men, of its sector when the noun gives none.
        sector = tables.groups.get(word) or (country_b.sector if country_b.kind is not _K_COUNTRY else None)
        b = get_actor(st, "G:" + key, name, _K_GROUP, country=iso, sector=sector)
    rule = "country-noun" if country_b.kind is _K_COUNTRY else "organisation-noun"
    add_mention(st, b, s, e, _NOMINAL, rule)
    _head(st, word, b.key)


def _owned_institution(st: ArticleState, owner: Builder, word: str, s: int, e: int) -> None:
    """ "the Trump administration", "a European Parliament delegation": a body of a person or an
    organisation, of the owner's country; "BBC radio" (a body of the owner's own sector) is the
    owner itself."""
    sector = st.tables.institutions[word] or None
    if owner.kind is _K_ORGANIZATION and sector == owner.sector:
        add_mention(st, owner, s, e, _NOMINAL, "owner-noun")
        return
    written = written_before(st, owner, s)
    name = " ".join(f"{written} {word}".split())  # as first written: "the Trump administration"
    b = get_actor(st, "O:" + f"{owner.name} {word}".casefold(), name, _K_ORGANIZATION, sector=sector)
    add_mention(st, b, s, e, _NOMINAL, "owner-noun")
    st.agents.append((b, owner))  # placed in the owner's country (.agents.place_agents)
    _head(st, word, b.key)


def written_before(st: ArticleState, b: Builder, s: int) -> str:
    """How ``b`` is written in its first mention ending just before ``s`` ("U.S." of "U.S.
    officials"), else its name.

    By an index of the mentions' ends built once, not a scan of ``b``'s mentions per noun (which
    grows with the text: "U.S. officials" a thousand times). This pass only appends mentions, so a
    mention the index holds comes before any added since; one it misses is looked for in full.
    """
    if st.written_ending is None:
        index: dict[tuple[str, int], int] = {}
        for x in st.actors.values():
            key = x.key
            for ms, me, _, _ in x.mentions:
                index.setdefault((key, me), ms)
        st.written_ending = index
    start = st.written_ending.get((b.key, s - 1))
    if start is not None:
        return st.text[start : s - 1]
    return next((st.text[ms:me] for ms, me, _, _ in b.mentions if me == s - 1), b.name)


def owner_before(st: ArticleState, s: int) -> Builder | None:
    """The person or organisation named just before ``s`` ("the Trump administration")."""
    if s < 2 or st.text[s - 1] != " ":
        return None
    if st.owners_ending is None:
        ending: dict[int, Builder] = {}
        for x in st.actors.values():
            if x.kind is _K_PERSON or x.kind is _K_ORGANIZATION:
                for _, me, kind, _ in x.mentions:
                    if kind is _M_NAME:
                        ending[me] = x
        st.owners_ending = ending
    return st.owners_ending.get(s - 1)


def modified(st: ArticleState, ti: int) -> tuple[tuple[int, str | None, str, str] | None, str | None]:
    """A nationality word one or two group modifiers before token ``ti`` ("Afghan rebel
    leaders"): the adjective and the modifiers' sector ("" when they give none)."""
    tokens, text, mods = st.seg.tokens, st.text, st.tables.group_modifiers
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
        adj = st.adjectives.get(ks - 1) if ks > 0 and text[ks - 1] == " " else None
        if adj is not None and adj[3] == DEMONYM:
            return adj, sector
    return None, None


def _modifies_next(st: ArticleState, ti: int, e: int) -> bool:
    """Whether the group noun at token ``ti`` (ending at ``e``) qualifies the word after it: after
    a determiner of singulars ("a police request"), before a role ("opposition leader"), another
    group or institution, or a name ("the opposition Jobbik party")."""
    tokens, words = st.seg.tokens, st.seg.words
    if ti >= 1 and st.seg.lower_words[ti - 1] in st.tables.singular_determiners:
        return True  # "a police request": a plural is never "a"'s
    n = len(tokens)
    j = ti
    while j < n and tokens[j][1] < e:
        j += 1
    j += 1
    if j >= n or tokens[j][0] != e + 1 or st.text[e] != " ":
        return False
    w = words[j]
    tables = st.tables
    if w[:1].isupper():
        return not opens_sentence(st, tokens[j][0])
    if w in tables.role_glue:
        return False
    return w in tables.role_heads or w in tables.groups or w in tables.institutions


def _modifiers_before(st: ArticleState, ti: int) -> int | None:
    """Where the group modifiers that qualify token ``ti`` start ("government and militant
    sources": "government"), counting only modifiers that give a sector; None if there are none."""
    tokens, lower, text, mods = st.seg.tokens, st.seg.lower_words, st.text, st.tables.group_modifiers
    coordinators = st.tables.coordinator_words
    first = None
    k = ti - 1
    while k >= 0 and ti - k <= 5 and text[tokens[k][1] : tokens[k + 1][0]] == " ":
        w = lower[k]
        if st.seg.words[k][:1].isupper() and not opens_sentence(st, tokens[k][0]):
            break  # "Foreign Ministry officials": a name's words are no modifiers
        if mods.get(w):
            first = tokens[k][0]
        elif w not in coordinators or first is None:
            break
        k -= 1
    return first


def coordinated(st: ArticleState, start: int, noun: str, sector: str | None) -> None:
    """ "French and Egyptian warships": the nationality words coordinated before ``start``
    qualify the same noun, each a group of its own country."""
    text = st.text
    for _ in range(4):
        m = st.tables.coordination.search(text, max(0, start - 8), start)
        if m is None:
            return
        adj = st.adjectives.get(m.start())
        if adj is None or adj[3] != DEMONYM or adj[1] is None:
            return
        a_start, iso, demonym, _ = adj
        name = demonym + noun
        b = get_actor(st, "G:" + name.casefold(), name, _K_GROUP, country=iso, sector=sector)
        add_mention(st, b, a_start, m.start(), _DEMONYM, "demonym-noun-coordinated")
        st.consumed.add(m.start())
        start = a_start


def demonym_mentions(st: ArticleState) -> None:
    """A nationality word that qualifies neither a group nor an institution stands for its
    country ("an Indian proposal", "Egyptian warships", "Hungarian and Romanian officials")."""
    for end, (start, iso, _, cat) in st.adjectives.items():
        if cat == DEMONYM and iso and end not in st.consumed:
            b = get_actor(st, "C:" + iso, st.tables.country_names.get(iso, iso), _K_COUNTRY, country=iso)
            add_mention(st, b, start, end, _DEMONYM, "demonym-country")


def place_country_before(st: ArticleState, s: int) -> str | None:
    """The country of the place where ``s`` happens: the last place named before it ("in
    Syria", "the town of Khan Sheikhoun"; not one travelled to: "a visit to London"), or one
    named later in its sentence ("protesters marched in Caracas") when none was named in that
    sentence before it."""
    seg = st.seg
    si = seg.sentence_index(s)
    end = seg.sentences[si].end if si >= 0 else s
    if st.place_index is None:
        away = st.tables.travel_words
        # "during a visit to London": a place travelled to is not where things happen.
        places = [(off, iso) for off, iso in st.places if iso and word_before(st, off) not in away]
        for off, iso in st.country_places:
            if (before := word_before(st, off)) in st.tables.place_prepositions and before not in away:
                places.append((off, iso))
        places.sort()
        st.place_index = (places, [off for off, _ in places])
    places, offsets = st.place_index
    i = bisect.bisect_left(offsets, s)
    best = places[i - 1] if i > 0 else None
    later = places[i] if i < len(places) and offsets[i] < end else None
    if later is not None and (best is None or seg.sentence_index(best[0]) < si):
        return later[1]
    return best[1] if best else None


def country_before(st: ArticleState, s: int) -> Builder | None:
    """The country named just before ``s`` ("U.S. officials"), or an armed group
    ("Hezbollah guerrillas": the group's men, of the group's country)."""
    if s < 2 or st.text[s - 1] != " ":
        return None
    if st.actors_ending is None:
        ending: dict[int, Builder] = {}
        for x in st.actors.values():
            if x.kind is _K_COUNTRY or (x.kind is not _K_PERSON and x.sector == "REB"):
                for _, me, _, _ in x.mentions:
                    ending[me] = x
        st.actors_ending = ending
    return st.actors_ending.get(s - 1)
