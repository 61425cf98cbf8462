"""A country's institutions and groups written after its possessive: "Kenya's government",
"Cairo's foreign ministry", "Egypt's lawmakers", "Guatemala s attorney general" is not ours.

The lower-case pass (:mod:`.words`) reads a nationality word before an institution or a group
noun ("the Kenyan government", "Egyptian lawmakers") and a country's name right before one ("U.S.
officials"); the owned pass (:mod:`.owned`) a possessive before modifiers and a noun ("Turkey's
opposition lawmakers"). A country's name, capital or seat followed by a possessive (``[agents]
possessives``: "'s", "’s", a lone "s" where a feed dropped the apostrophe) and a lower-case
institution (``[institutions]``, one word or two: "foreign ministry") or group noun (``[groups]``)
is that country's body or group, named as the nationality word would name it ("Kenyan
government": the same actor as a later "the Kenyan government"), of the country, of the noun's
sector. The country keeps its own mention; the new actor's is the noun (rule
``possessive-noun``). A noun followed by a word that makes it a modifier ("Egypt's army chief",
"Kenya's government spokesman") is left to the passes that read titles and agents.
"""

from __future__ import annotations

import bisect

from ..model import ActorKind, MentionKind
from .state import ArticleState, Builder, LazyClaimed, add_mention, get_actor, vocabulary
from .tables import DEMONYM, ActorTables

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_COUNTRY, _K_GROUP, _K_ORGANIZATION = ActorKind.COUNTRY, ActorKind.GROUP, ActorKind.ORGANIZATION
_M_NAME, _M_NOMINAL = MentionKind.NAME, MentionKind.NOMINAL

__all__ = ["possessive_nouns"]

_RULE = "possessive-noun"
_AFTER = frozenset(["'", "’", " "])
_DEMONYMS: dict[int, tuple[ActorTables, dict[str, str]]] = {}


def possessive_nouns(st: ArticleState) -> None:
    """The bodies and groups written after a country's possessive."""
    text, tokens, lower = st.text, st.seg.tokens, st.seg.lower_words
    possessives = st.tables.agents.possessives
    if possessives.isdisjoint(vocabulary(st)):
        return  # no possessive in the text
    n = len(tokens)
    found: list[tuple[int, Builder]] = []
    for b in st.actors.values():
        if b.kind is _K_COUNTRY and b.country:
            for _, me, kind, _ in b.mentions:
                if kind is _M_NAME and text[me : me + 1] in _AFTER:
                    found.append((me, b))
    if not found:
        return
    claimed = LazyClaimed(st)
    for me, b in sorted(found, key=lambda f: f[0]):
        ti = bisect.bisect_left(st.seg.token_starts, me)
        if ti + 1 < n and tokens[ti][0] <= me + 1 and lower[ti] in possessives:
            _noun_after(st, b, ti + 1, claimed)


def _noun_after(st: ArticleState, country: Builder, ti: int, claimed: LazyClaimed) -> None:
    """The institution or group whose noun opens at token ``ti``, after ``country``'s possessive."""
    tables, tokens, lower, words = st.tables, st.seg.tokens, st.seg.lower_words, st.seg.words
    n = len(tokens)
    if tokens[ti][0] != tokens[ti - 1][1] + 1 or not words[ti].islower():
        return
    for size in (2, 1):
        last = ti + size - 1
        if last >= n or (size == 2 and tokens[last][0] != tokens[ti][1] + 1):
            continue
        noun = " ".join(lower[ti : last + 1])
        if noun in tables.institutions:
            kind, sector = _K_ORGANIZATION, tables.institutions[noun] or None
        elif noun in tables.groups:
            kind, sector = _K_GROUP, tables.groups[noun] or None
        else:
            continue
        after = last + 1
        if after < n and tokens[after][0] == tokens[last][1] + 1 and _qualifies(st, lower[after]):
            return  # "Egypt's army chief": the noun qualifies the word after it
        _make(st, claimed, country, kind, sector, noun, (tokens[ti][0], tokens[last][1]))
        return


def _qualifies(st: ArticleState, word: str) -> bool:
    """Whether ``word`` after a noun makes that noun its modifier."""
    tables = st.tables
    return (
        word in tables.role_heads
        or word in tables.groups
        or word in tables.institutions
        or word in tables.owned.heads
        or word in tables.owned.modifiers
        or word in tables.agents.nouns
    )


def _make(
    st: ArticleState,
    claimed: LazyClaimed,
    country: Builder,
    kind: ActorKind,
    sector: str | None,
    noun: str,
    span: tuple[int, int],
) -> None:
    s, e = span
    if claimed.overlaps(s, e):
        return  # read by an earlier pass
    iso = country.country or ""
    demonym = _demonyms(st.tables).get(iso)
    name = f"{demonym} {noun}" if demonym else f"{country.name} {noun}"
    prefix = "O:" if kind is _K_ORGANIZATION else "G:"
    b = get_actor(st, prefix + name.casefold(), name, kind, country=iso, sector=sector)
    add_mention(st, b, s, e, _M_NOMINAL, _RULE)
    claimed.add(e)
    if st.group_heads.get(noun, "")[2:] in ("", noun):
        st.group_heads[noun] = b.key


def _demonyms(tables: ActorTables) -> dict[str, str]:
    """The first nationality word of each country in the gazetteer ("KEN": "Kenyan")."""
    cached = _DEMONYMS.get(id(tables))
    if cached is not None and cached[0] is tables:
        return cached[1]
    out: dict[str, str] = {}
    for entry in tables.phrases.values():
        if entry.cat == DEMONYM and entry.country and entry.name[:1].isupper():
            out.setdefault(entry.country, entry.name)
    _DEMONYMS[id(tables)] = (tables, out)
    return out
