"""The compiled words of the agents pass (:mod:`.agents`): ``[agents]`` of ``actors.toml``."""

from __future__ import annotations

import attrs

from .rules import Agents

__all__ = ["AgentWords"]


def _lower(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


@attrs.frozen(kw_only=True)
class AgentWords:
    """The agent nouns and the words around them, lower-cased."""

    nouns: dict[str, str]  # lower-case agent noun -> "PERSON" or "GROUP"
    noun_set: frozenset[str]  # the same nouns, for a set intersection with an article's words
    links: frozenset[str]  # "for", "to", "of"
    skips: frozenset[str]  # "the"
    possessives: frozenset[str]  # "'s"
    possessive_link: str  # "for"
    not_after: frozenset[str]  # "as"
    bodies: frozenset[str]  # "office", "ministry"

    @classmethod
    def of(cls, agents: Agents) -> AgentWords:
        """The compiled form of the rules' ``[agents]``."""
        return cls(
            nouns={
                **{w.casefold(): "PERSON" for w in agents.person},
                **{w.casefold(): "GROUP" for w in agents.group},
            },
            noun_set=frozenset(w.casefold() for w in (*agents.person, *agents.group)),
            links=_lower(agents.links),
            skips=_lower(agents.skips),
            possessives=_lower(agents.possessives),
            possessive_link=agents.possessive_link,
            not_after=_lower(agents.not_after),
            bodies=_lower(agents.bodies),
        )
