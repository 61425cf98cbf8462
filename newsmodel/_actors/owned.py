"""People and groups named by what they are after their owner: "a U.S. consulate worker", "an
Afghan Taliban member", "two local U.S. embassy staff members", "three U.S. Republican senators",
"Egyptian NGOs".

The owner is a country's name, a nationality word, an armed group's or an organisation's name;
modifiers (``[owned_agents] modifiers``, ``[group_modifiers]``, one-word ``[institutions]``) may
stand between it and the noun, and before it ("local"). A singular noun of ``[owned_agents]
people`` after a determiner makes a PERSON, a plural one (``[owned_agents] groups`` or
``[groups]``) a GROUP, named by the words from the first modifier to the noun, of the owner's
country ("a U.N. official": of the body's sector; a body's people are a group only with a noun
that is a group alone: "NATO troops", not "EU leaders"). The
owner's own name stays a mention of the owner (the United States is still named in "a U.S.
consulate worker"); the mention of the new actor is the words after it, so the head of the
phrase names the worker, not the country. What the lower-case pass (:mod:`.words`) reads already
("U.S. officials", "Afghan rebel leaders") is left to it. The pass runs before that one.
"""

from __future__ import annotations

import bisect

from ..model import ActorKind, MentionKind
from .place import article_country
from .state import ArticleState, Builder, add_mention, get_actor, opens_sentence, vocabulary
from .tables import DEMONYM
from .words import place_country_before

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_COUNTRY, _K_GROUP, _K_ORGANIZATION, _K_PERSON = (
    ActorKind.COUNTRY,
    ActorKind.GROUP,
    ActorKind.ORGANIZATION,
    ActorKind.PERSON,
)

__all__ = ["owned_agents"]

_NOMINAL, _DEMONYM, _NAME = MentionKind.NOMINAL, MentionKind.DEMONYM, MentionKind.NAME
_MAX_MODIFIERS = 4
_AFTER_OWNER = frozenset([" ", "'", "’"])  # a word or a possessive after the owner's name


def owned_agents(st: ArticleState) -> None:
    """The owned people and groups of the article."""
    owned, text = st.tables.owned, st.text
    tokens, lower = st.seg.tokens, st.seg.lower_words
    if owned.heads.isdisjoint(vocabulary(st)):
        return  # no person's or group's noun in the text (a third of articles): no phrase
    n = len(tokens)
    starters = owned.starters
    # The owners: nationality words, countries' names, bodies' and armed groups' names; only
    # those followed by a modifier, a head or a possessive (most are followed by none).
    ending: dict[int, tuple[int, str | None, Builder | None]] = {}
    for b in st.actors.values():
        if b.kind is _K_COUNTRY or b.kind is _K_ORGANIZATION or b.kind is _K_GROUP:
            for ms, me, kind, _ in b.mentions:
                if kind is _NAME and text[me : me + 1] in _AFTER_OWNER:
                    ti = bisect.bisect_left(st.seg.token_starts, me)
                    if ti < n and lower[ti] in starters:
                        ending[me] = (ms, b.country, b)
    for end, (start, iso, _, cat) in st.adjectives.items():
        if (
            cat == DEMONYM
            and iso
            and text[end : end + 1] == " "
            and end not in st.consumed
            and end not in ending
        ):
            ti = bisect.bisect_left(st.seg.token_starts, end)
            if ti < n and lower[ti] in starters:
                ending[end] = (start, iso, None)
    names = _PersonNames(st)
    for end in sorted(ending):
        _owned_after(st, end, *ending[end], names)


class _PersonNames:
    """Where the article's person names start and end, read when first needed: once per pass,
    which adds no name (its mentions are nominal), not once per phrase."""

    __slots__ = ("_sets", "_st")

    def __init__(self, st: ArticleState) -> None:
        self._st = st
        self._sets: tuple[frozenset[int], frozenset[int]] | None = None

    def starts_ends(self) -> tuple[frozenset[int], frozenset[int]]:
        if self._sets is None:
            spans = [
                (ms, me)
                for b in self._st.actors.values()
                if b.kind is _K_PERSON
                for ms, me, kind, _ in b.mentions
                if kind is _NAME
            ]
            self._sets = frozenset(ms for ms, _ in spans), frozenset(me for _, me in spans)
        return self._sets


def _owned_after(
    st: ArticleState, end: int, start: int, iso: str | None, owner: Builder | None, names: _PersonNames
) -> None:
    """The person or group the owner written at ``[start, end)`` qualifies, if any."""
    tables, owned, lower = st.tables, st.tables.owned, st.seg.lower_words
    found = _phrase(st, end)
    if found is None:
        return
    end, ti, head = found
    word, mods = lower[head], lower[ti:head]
    person = word in owned.people
    demonym = st.adjectives.get(start - 1) if owner is not None and start > 0 else None
    if demonym is not None and demonym[3] != DEMONYM:
        demonym = None
    first = _leading_modifiers(st, demonym[0] if demonym is not None else start)
    if person and first >= 2 and lower[first - 1] in owned.ordinals and lower[first - 2] in owned.determiners:
        first -= 1  # "a second U.S. consulate employee": counted, named with the ordinal
    if person and (
        first == 0 or lower[first - 1] not in owned.determiners or _describes(st, first - 1, head, names)
    ):
        return  # no determiner, or a description of a person named: read elsewhere
    if not person and st.seg.words[head].islower() and _read_elsewhere(st, owner, mods, word):
        return
    if not person and _body_of(owner) and word not in tables.bare_groups and word not in tables.cued_groups:
        return  # "EU leaders": a body's people only where the noun is a group alone ("NATO troops")
    if demonym is not None:
        st.consumed.add(start - 1)  # "an Afghan Taliban member": the nationality is the member's
        iso = iso or demonym[1]
    start = st.seg.tokens[first][0]
    own = owned.people.get(word) if person else owned.groups.get(word)
    mod_sector = next((owned.modifiers[m] for m in mods if owned.modifiers[m]), "")
    if own != "GOV" and not owned.abroad.isdisjoint(mods):
        # "a U.S. consulate worker", "local U.S. embassy staff": hired where the body serves.
        iso, mod_sector = place_country_before(st, start) or article_country(st), ""
    if _body_of(owner) and owner is not None and owner.sector:
        sector = owner.sector  # "a U.N. official", "NATO troops": the body's people
    else:
        group = owner is not None and owner.kind is not _K_COUNTRY
        sector = own or mod_sector or (owner.sector or "" if group and owner is not None else "")
    _make(st, person, (start, end, st.seg.tokens[head][1]), iso, owner, sector, word)


def _phrase(st: ArticleState, end: int) -> tuple[int, int, int] | None:
    """(owner's end past a possessive, first token after it, head token) of the noun phrase an
    owner ending at ``end`` opens, if its words are modifiers and a head ("consulate worker")."""
    tables, owned, text = st.tables, st.tables.owned, st.text
    tokens, lower = st.seg.tokens, st.seg.lower_words
    n = len(tokens)
    ti = bisect.bisect_left(st.seg.token_starts, end)
    if ti < n and tokens[ti][0] <= end + 1 and lower[ti] in tables.agents.possessives:
        end = tokens[ti][1]  # "Canada's", "Guatemala s": the owner's possessive
        ti += 1
    if ti >= n or tokens[ti][0] != end + 1 or text[end] != " ":
        return None
    head, j = -1, ti
    while j < n and j - ti <= _MAX_MODIFIERS and (j == ti or tokens[j][0] == tokens[j - 1][1] + 1):
        w = lower[j]
        if w in owned.people or w in owned.groups:
            head = j
        elif w not in owned.modifiers:
            break
        j += 1
    if head < 0 or any(m not in owned.modifiers for m in lower[ti:head]):
        return None  # "U.S. worker staff": one noun qualifying another
    written = st.seg.words[head]
    if not written.islower() and not written[:-1].isupper():
        return None  # "Syrian Democratic Forces": a name; an acronym's plural is a noun ("NGOs")
    after = head + 1
    if after < n and tokens[after][0] == tokens[head][1] + 1:
        if st.seg.words[after][:1].isupper() and not opens_sentence(st, tokens[after][0]):
            return None  # "U.S. envoy Jon Huntsman": a title
        if lower[after] in owned.modifiers or lower[after] in tables.role_heads:
            return None  # "a top White House national security adviser": the head is later
        if lower[head] in owned.people and lower[after] in tables.agents.links:
            return None  # "an Afghan member of the Taliban": the role reader's
    return end, ti, head


def _make(
    st: ArticleState,
    person: bool,
    where: tuple[int, int, int],
    iso: str | None,
    owner: Builder | None,
    sector: str,
    word: str,
) -> None:
    """The actor and its mention: ``where`` is (phrase start, owner end, head end)."""
    text = st.text
    first, end, head_end = where
    name = " ".join(text[first:head_end].split())
    kind = _K_PERSON if person else _K_GROUP
    key = ("P:" if person else "G:") + name.casefold()
    b = get_actor(st, key, name, kind, country=iso, sector=sector or None)
    if owner is None:
        st.consumed.add(end)
        add_mention(st, b, first, head_end, _DEMONYM, "owned-agent" if person else "owned-group")
    else:
        add_mention(st, b, end + 1, head_end, _NOMINAL, "owned-agent" if person else "owned-group")
    if not person and st.group_heads.get(word, "")[2:] in ("", word):
        st.group_heads[word] = b.key


def _describes(st: ArticleState, det: int, head: int, names: _PersonNames) -> bool:
    """Whether the person's phrase from the determiner at token ``det`` to the noun at ``head`` is
    predicated ("is a U.S. citizen") or in apposition to a person's name, before it ("Ali Veli, a
    Turkish police officer") or after it ("a top Revolutionary Guards commander, Qassem
    Soleimani")."""
    tokens, lower = st.seg.tokens, st.seg.lower_words
    if det >= 1 and lower[det - 1] in st.tables.agents.not_after:
        return True
    before = det >= 2 and lower[det - 1] == ","
    after = head + 2 < len(tokens) and lower[head + 1] == "," and st.seg.words[head + 2][:1].isupper()
    if not before and not after:
        return False
    starts, ends = names.starts_ends()
    return (before and tokens[det - 2][1] in ends) or (after and tokens[head + 2][0] in starts)


def _leading_modifiers(st: ArticleState, start: int) -> int:
    """The token where the phrase of an owner starting at ``start`` opens: up to two modifiers
    before the owner ("two local U.S. embassy staff members": "local")."""
    tokens, lower, mods = st.seg.tokens, st.seg.lower_words, st.tables.owned.modifiers
    k = bisect.bisect_left(st.seg.token_starts, start)
    for _ in range(2):
        if k < 1 or tokens[k - 1][1] + 1 != tokens[k][0] or lower[k - 1] not in mods:
            break
        if st.seg.words[k - 1][:1].isupper():
            break  # a capitalised modifier opens its own name
        k -= 1
    return k


def _read_elsewhere(st: ArticleState, owner: Builder | None, mods: tuple[str, ...], word: str) -> bool:
    """Whether the lower-case pass reads this plural itself: right after a country or an armed
    group ("U.S. officials"), or after a nationality across up to two group modifiers ("Afghan
    rebel leaders")."""
    owned = st.tables.owned
    if word not in owned.plain_groups:
        return False
    if _body_of(owner):
        return False  # "NATO troops": the lower-case pass reads a country's or an armed group's
    if not mods:
        return True
    return owner is None and len(mods) <= 2 and all(m in st.tables.group_modifiers for m in mods)


def _body_of(owner: Builder | None) -> bool:
    """Whether the owner is an organisation other than an armed group ("EU", "NATO", "Google")."""
    return owner is not None and owner.kind is _K_ORGANIZATION and owner.sector != "REB"
