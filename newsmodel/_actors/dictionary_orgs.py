"""Companies and bodies read as people: a name of unknown words ("Credit Suisse", "Wells Fargo",
"Eli Lilly") that the Phoenix dictionaries list as an organisation, and as nothing else, is that
organisation.

The chunk grammar (:mod:`.names`) takes two or more capitalised words it does not know, with no
title or organisation word, for a person's name (rule ``two-names``), and a name opening with a
known first name for a person too (``first-name``: "Philip Morris", "Charles Schwab"). The
shipped Phoenix dictionaries (:func:`newsmodel.rules.phoenix.shipped_phoenix`, through the name
index the placing pass reads: loaded on the first article that needs it, never at import) list
some 6,000 organisations: companies, state bodies, international bodies. Such a person becomes the
organisation, of the country and the sector of its dictionary code on the publication date
(``MNCCHE``: Switzerland, business), when every entry of that name is an organisation: a name the
dictionary also gives a person or an armed group (whose entries list their leaders' names) is left
alone. A known first name is read as a company only when the code is a business's. The mentions
keep their places and take the rule ``organisation-phoenix``. The pass runs before pronouns are
resolved, so no "he" refers to a company.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import ActorKind
from .state import ArticleState

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_ORGANIZATION, _K_PERSON = ActorKind.ORGANIZATION, ActorKind.PERSON

if TYPE_CHECKING:
    from ..rules._phoenix.names import NameIndex

__all__ = ["dictionary_organisations"]

_READ_AS = {"two-names": None, "first-name": "BUS"}  # the person's rule -> the sector it needs
_RULE = "organisation-phoenix"
_INDEX: list[NameIndex] = []


def dictionary_organisations(st: ArticleState) -> None:
    """Turn the people the dictionaries know only as organisations into those organisations."""
    found = [
        b
        for b in st.actors.values()
        if b.kind is _K_PERSON
        and b.mentions
        and not b.roles
        and b.mentions[0][3] in _READ_AS
        and " " in b.name
    ]
    if not found:
        return
    if not _INDEX:
        from ..rules._phoenix.names import shipped_names

        _INDEX.append(shipped_names())
    index = _INDEX[0]
    for b in found:
        entries = index.lookup(b.name)
        if not entries or any(e.kind is not _K_ORGANIZATION for e in entries):
            continue
        roles = index.roles_on(b.name, st.published)
        if len({(r.country, r.sector) for r in roles}) != 1:
            continue  # no role on that day, or two bodies of one name
        role = roles[0]
        needs = _READ_AS[b.mentions[0][3]]
        if needs is not None and role.sector != needs:
            continue
        b.kind, b.country, b.sector, b.gender = _K_ORGANIZATION, role.country, role.sector, None
        b.mentions = [(s, e, kind, _RULE if rule in _READ_AS else rule) for s, e, kind, rule in b.mentions]
