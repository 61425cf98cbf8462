"""People and groups who act for another actor: "a spokeswoman for the ministry", "an aide to
President X", "lawyers for X", "X's spokesman".

An agent noun (``[agents]`` in ``actors.toml``) followed by a link word ("for", "to", "of") and
an actor's name, or written after an actor's name and a possessive, makes an actor of its own:
a PERSON for a singular noun, a GROUP for a plural one, named ``"<noun> <link> <principal>"``
("spokeswoman for Theresa May"), of the principal's country and sector. An agent noun followed
by a person's name ("spokesman Ahmed Zeid", "a spokesman, Ahmed Zeid,") is that person's title,
not an actor of its own.
"""

from __future__ import annotations

import bisect

from ..model import ActorKind, MentionKind
from .place import article_country, mark
from .state import ArticleState, Builder, add_mention, get_actor, vocabulary

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_COUNTRY, _K_LOCATION, _K_PERSON = ActorKind.COUNTRY, ActorKind.LOCATION, ActorKind.PERSON
_M_NAME = MentionKind.NAME

__all__ = ["find_agents", "place_agents"]

_NOMINAL = MentionKind.NOMINAL
_KINDS = {"PERSON": ActorKind.PERSON, "GROUP": ActorKind.GROUP}
_PRINCIPAL_KINDS = frozenset([ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY, ActorKind.GROUP])


def find_agents(st: ArticleState) -> None:
    """The agents of the article's actors, each an actor linked to its principal."""
    tables = st.tables
    nouns = tables.agents.nouns
    if not nouns:
        return
    tokens, text = st.seg.tokens, st.text
    lower = st.seg.lower_words
    present = tables.agents.noun_set.intersection(vocabulary(st))
    if not present:
        return
    n = len(tokens)
    links, possessives = tables.agents.links, tables.agents.possessives
    # Only a noun with a link word after it or a possessive before it can make an agent.
    found = [
        ti
        for ti in sorted(_indices(lower, present))
        if (ti + 2 < n and lower[ti + 1] in links) or (ti >= 2 and lower[ti - 1] in possessives)
    ]
    if not found:
        return
    by_start, by_end, starts = _name_index(st)
    for ti in found:
        s, e = tokens[ti]
        if ti + 1 < n and (_named_after(st, ti, by_start) or lower[ti + 1] in tables.role_heads):
            continue  # "spokesman Ahmed Zeid", "attorney general": a title
        principal, link, opens = None, "", ti
        if ti + 2 < n and lower[ti + 1] in links:
            principal = _principal_after(st, ti + 2, by_start, starts)
            link = text[tokens[ti + 1][0] : tokens[ti + 1][1]].lower()
        if principal is None and ti >= 2 and lower[ti - 1] in possessives:
            ps = tokens[ti - 1][0]
            owner = by_end.get(ps) or by_end.get(ps - 1)
            if owner is not None:
                principal, link = owner[1], tables.agents.possessive_link
                opens = bisect.bisect_left(st.seg.token_starts, owner[0])
        if opens >= 1 and _apposed_or_predicated(st, opens, by_end):
            continue  # "Hem Socheat, a lawyer for X"; "seen as a representative of X"
        noun = lower[ti]
        if principal is None and link:
            body = _body_after(st, ti + 2)  # "a spokeswoman for the prosecutor's office"
            if body:
                _agent(st, f"{noun} {link} {body}", nouns[noun], s, e, None)
            continue
        if principal is not None and principal.kind in _PRINCIPAL_KINDS:
            _agent(st, f"{noun} {link} {principal.name}", nouns[noun], s, e, principal)


def _indices(words: tuple[str, ...], wanted: frozenset[str]) -> list[int]:
    """Where each of ``wanted`` stands in ``words`` (a C-speed scan per word wanted)."""
    out = []
    for w in wanted:
        i = words.index(w)
        while True:
            out.append(i)
            try:
                i = words.index(w, i + 1)
            except ValueError:
                break
    return out


def _agent(st: ArticleState, name: str, kind: str, s: int, e: int, principal: Builder | None) -> None:
    """The agent ``name`` mentioned at ``[s, e)``, of ``principal`` (None: a body in lower case)."""
    agent = get_actor(st, "A:" + name.casefold(), name, _KINDS[kind])
    add_mention(st, agent, s, e, _NOMINAL, "agent-of")
    st.agents.append((agent, principal))


def place_agents(st: ArticleState) -> None:
    """An agent takes its principal's country and sector (once the principal has been placed);
    the agent of a body named without a country ("the prosecutor's office") that of the article."""
    for agent, principal in st.agents:
        if principal is None:
            iso = article_country(st)
            if agent.country is None and iso is not None:
                agent.country = iso
                mark(agent, "country-of-article")
            continue
        if principal.country:
            agent.country = principal.country
        if agent.sector is None and principal.kind is not _K_COUNTRY:
            agent.sector = principal.sector


def _name_index(
    st: ArticleState,
) -> tuple[dict[int, Builder], dict[int, tuple[int, Builder]], list[int]]:
    """The actors' name mentions by start, by end (with the start), and the starts in order."""
    by_start: dict[int, Builder] = {}
    by_end: dict[int, tuple[int, Builder]] = {}
    for b in st.actors.values():
        if b.kind is _K_LOCATION:
            continue
        for s, e, kind, _ in b.mentions:
            if kind is _M_NAME:
                by_start[s] = b
                by_end[e] = (s, b)
    return by_start, by_end, sorted(by_start)


def _named_after(st: ArticleState, ti: int, by_start: dict[int, Builder]) -> bool:
    """Whether a person's name follows the agent noun at token ``ti`` ("spokesman Ahmed Zeid",
    "a spokesman, Ahmed Zeid,")."""
    tokens, words = st.seg.tokens, st.seg.words
    k = ti + 1
    if words[k] == "," and k + 1 < len(tokens):
        k += 1
    b = by_start.get(tokens[k][0])
    return b is not None and b.kind is _K_PERSON


def _apposed_or_predicated(st: ArticleState, k: int, by_end: dict[int, tuple[int, Builder]]) -> bool:
    """Whether the agent phrase opening at token ``k`` describes a person just named ("Hem
    Socheat, a senior lawyer for Kem Sokha", "Hisyam Teh, Huong's lawyer") or is predicated
    ("seen as a representative of X", "was the committee's spokesman")."""
    tables, tokens, lower, words = st.tables, st.seg.tokens, st.seg.lower_words, st.seg.words
    k -= 1
    for _ in range(3):  # modifiers: "a senior adviser", "a former aide"
        w = lower[k]
        if (
            k < 1
            or w != words[k]
            or not w.isalpha()
            or w in tables.apposition_openers
            or w in tables.agents.not_after
        ):
            break
        k -= 1
    if lower[k] in tables.apposition_openers and k >= 1:
        k -= 1
    if lower[k] in tables.agents.not_after:
        return True
    if k < 1 or lower[k] != ",":
        return False
    found = by_end.get(tokens[k - 1][1])
    return found is not None and found[1].kind is _K_PERSON


def _body_after(st: ArticleState, k: int) -> str:
    """A body named in lower case from token ``k`` on: the article, then up to four words, the
    last an agent body ("the prosecutor's office", "the interior ministry"); "" if none."""
    tables, tokens, lower = st.tables, st.seg.tokens, st.seg.lower_words
    if lower[k] != tables.article:
        return ""
    last = 0
    for j in range(k + 1, min(k + 5, len(tokens))):
        w = lower[j]
        if not (w.isalpha() or w in tables.agents.possessives) or st.seg.words[j] != w:
            break
        if w in tables.agents.bodies:
            last = j
    return " ".join(st.text[tokens[k][0] : tokens[last][1]].split()) if last else ""


def _principal_after(
    st: ArticleState, k: int, by_start: dict[int, Builder], starts: list[int]
) -> Builder | None:
    """The actor named from token ``k`` on, past an article and capitalised words (titles,
    nationalities): the last name that starts within them ("an aide to French President
    Francois Hollande": Francois Hollande)."""
    tokens, words = st.seg.tokens, st.seg.words
    n = len(tokens)
    if words[k].lower() in st.tables.agents.skips:
        k += 1
    first = k
    while k < n and k - first < 8 and words[k][:1].isupper():
        k += 1
    if k == first:
        return None
    lo, hi = tokens[first][0], tokens[k - 1][1]
    i = bisect.bisect_right(starts, hi - 1) - 1
    while i >= 0 and starts[i] >= lo:
        b = by_start[starts[i]]
        if b.kind is not _K_COUNTRY or starts[i] == lo:
            return b
        i -= 1
    return None
