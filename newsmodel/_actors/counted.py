"""People and groups counted, with no owner written: "a third local staff member", "a second
consulate employee" (a PERSON), "two embassy employees" (a GROUP).

The owned pass (:mod:`.owned`) needs an owner before the noun ("a U.S. consulate worker"); news
often leaves it out once the owner is clear, and counts the people instead. An ordinal of
``[owned_agents] ordinals`` after a determiner, then at least one modifier (``[owned_agents]
modifiers``, the group modifiers, one-word institutions) and a singular noun of ``[owned_agents]
people`` make a PERSON named by the words from the ordinal to the noun ("third local staff
member": not the first, so not one named before). A number of ``[owned_agents] cardinals`` before modifiers and a plural of ``[owned_agents] groups`` that the lower-case pass does
not read ("employees", "staff members", "guards") make a GROUP named by the words after the
number. Both are of the country the article is about (else of the last place named before them),
as a body's local staff are. As in the owned pass, a noun followed by a name is a title,
one followed by "of", "for", "to" a role, and one predicated ("was a third ...") a description:
none makes an actor.
"""

from __future__ import annotations

from ..model import ActorKind, MentionKind
from .place import article_country
from .state import ArticleState, LazyClaimed, add_mention, get_actor, opens_sentence, vocabulary
from .words import place_country_before

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_GROUP, _K_PERSON = ActorKind.GROUP, ActorKind.PERSON
_M_NOMINAL = MentionKind.NOMINAL

__all__ = ["counted_agents"]

_MAX_MODIFIERS = 4


class _Made:
    """What the pass reads once, on the first phrase it makes (most articles have none): the text
    mentions cover, the article's country. The pass makes no country mention, so the article's
    country (a count over every country mention) is the same for all its phrases."""

    __slots__ = ("_home", "_st", "claimed")

    def __init__(self, st: ArticleState) -> None:
        self._st = st
        self.claimed = LazyClaimed(st)
        self._home: tuple[str | None] | None = None

    def home(self) -> str | None:
        """The country the article is about."""
        if self._home is None:
            self._home = (article_country(self._st),)
        return self._home[0]


def counted_agents(st: ArticleState) -> None:
    """The counted people and groups of the article, in text order."""
    owned = st.tables.owned
    lower = st.seg.lower_words
    found: list[int] = []
    for word in owned.counts.intersection(vocabulary(st)):  # most texts hold a few, if any
        ti = -1
        while True:
            try:
                ti = lower.index(word, ti + 1)
            except ValueError:
                break
            found.append(ti)
    if not found:
        return
    made = _Made(st)
    for ti in sorted(found):
        if lower[ti] in owned.ordinals:
            _counted_person(st, ti, made)
        elif ti == 0 or lower[ti - 1] not in owned.determiners:  # "one" after "a" is no count
            _counted_group(st, ti, made)


def _counted_person(st: ArticleState, ti: int, made: _Made) -> None:
    """ "a third local staff member": determiner, the ordinal at ``ti``, modifiers, a person noun."""
    owned, lower = st.tables.owned, st.seg.lower_words
    if ti < 1 or lower[ti - 1] not in owned.determiners:
        return
    if ti >= 2 and lower[ti - 2] in st.tables.agents.not_after:
        return  # "was a third ...": a description
    head = _head(st, ti + 1, owned.people)
    if head is not None:
        _make(st, made, ti, ti, head, person=True)


def _counted_group(st: ArticleState, ti: int, made: _Made) -> None:
    """ "two embassy employees": the number at ``ti``, modifiers, a plural the lower-case pass
    leaves ("employees", not "officials")."""
    head = _head(st, ti + 1, st.tables.owned.counted_groups)
    if head is not None:
        _make(st, made, ti, ti + 1, head, person=False)


def _head(st: ArticleState, first: int, nouns: dict[str, str]) -> int | None:
    """The token of the noun closing a run of lower-case modifiers from token ``first`` (at least
    one modifier), if nothing after it makes it a title or a role."""
    owned, tables = st.tables.owned, st.tables
    tokens, lower, words = st.seg.tokens, st.seg.lower_words, st.seg.words
    n = len(tokens)
    j, head = first, -1
    while j < n and j - first <= _MAX_MODIFIERS and tokens[j][0] == tokens[j - 1][1] + 1:
        w = lower[j]
        if not words[j].islower():
            break  # a name or an owner: the owned pass's ("a second U.S. consulate employee")
        if j > first and w in nouns:
            head = j  # "local staff members": the last noun of the run
        elif w not in owned.modifiers:
            break
        j += 1
    if head < 0 or any(m not in owned.modifiers for m in lower[first:head]):
        return None
    j = head
    after = j + 1
    if after < n and tokens[after][0] == tokens[j][1] + 1:
        if words[after][:1].isupper() and not opens_sentence(st, tokens[after][0]):
            return None  # "a second embassy official John Smith": a title
        if lower[after] in owned.modifiers or lower[after] in tables.role_heads:
            return None  # the head is later
        if lower[after] in tables.agents.links and _names_after(st, after + 1):
            return None  # "a third staff member of the mission": a role ("for questioning" is not)
    return j


def _names_after(st: ArticleState, ti: int) -> bool:
    """Whether token ``ti`` opens a name or a noun phrase ("the mission", "Reuters")."""
    if ti >= len(st.seg.tokens):
        return False
    return (
        st.seg.words[ti][:1].isupper()
        or st.seg.lower_words[ti] in st.tables.owned.determiners
        or (st.seg.lower_words[ti] in st.tables.agents.skips)
    )


def _make(st: ArticleState, made: _Made, count: int, first: int, head: int, *, person: bool) -> None:
    """The actor named by tokens ``first`` to ``head``, mentioned from token ``count``."""
    owned, tokens, lower = st.tables.owned, st.seg.tokens, st.seg.lower_words
    start, end = tokens[first][0], tokens[head][1]
    mention_start = tokens[count][0]
    if made.claimed.overlaps(mention_start, end):
        return  # read by an earlier pass
    name = " ".join(st.text[start:end].split())
    word, mods = lower[head], lower[first + 1 if person else first : head]
    own = owned.people.get(word) if person else owned.groups.get(word)
    mod_sector = next((owned.modifiers[m] for m in mods if owned.modifiers[m]), "")
    if own != "GOV" and not owned.abroad.isdisjoint(mods):
        mod_sector = ""  # a body's local staff are hired where it serves
    iso = made.home() or place_country_before(st, start)
    kind = _K_PERSON if person else _K_GROUP
    key = ("P:" if person else "G:") + name.casefold()
    b = get_actor(st, key, name, kind, country=iso, sector=(own or mod_sector) or None)
    rule = "counted-agent" if person else "counted-group"
    add_mention(st, b, mention_start if person else start, end, _M_NOMINAL, rule)
    made.claimed.add(end)
