"""The compiled words of the owned-agents pass (:mod:`.owned`): ``[owned_agents]`` of
``actors.toml`` with the group nouns, group modifiers and institutions it also reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from .rules import ActorRules

__all__ = ["OwnedWords"]


@attrs.frozen(kw_only=True)
class OwnedWords:
    """Lower-cased: noun or modifier -> sector (``""`` for none)."""

    people: dict[str, str]  # singular nouns: a PERSON ("worker")
    groups: dict[str, str]  # plural nouns: ``[owned_agents] groups`` and the one-word ``[groups]``
    modifiers: dict[str, str]  # ``[owned_agents] modifiers``, ``[group_modifiers]``, ``[institutions]``
    heads: frozenset[str]  # the people's and the groups' nouns
    starters: frozenset[str]  # the words that may follow an owner: heads, modifiers, possessives
    determiners: frozenset[str]  # before a person's noun phrase
    plain_groups: frozenset[str]  # the plurals the lower-case pass reads after an owner itself
    abroad: frozenset[str]  # bodies posted abroad: their staff are of the host country
    ordinals: frozenset[str]  # "second", "third": a person counted after "a" (.counted)
    cardinals: frozenset[str]  # "two", "three": a group counted (.counted)
    counted_groups: dict[str, str]  # the plurals a number counts: those the lower-case pass leaves
    counts: frozenset[str]  # the one-word ordinals and cardinals

    @classmethod
    def of(
        cls,
        rules: ActorRules,
        sector: Callable[[str, str], str | None],
        groups: dict[str, str],
        institutions: dict[str, str],
    ) -> OwnedWords:
        """The compiled form of ``rules.owned_agents``; ``sector(code, key)`` checks a code."""
        owned = rules.owned_agents

        def table(lists: Mapping[str, tuple[str, ...]], key: str) -> dict[str, str]:
            out: dict[str, str] = {}
            for code, words in lists.items():
                checked = sector(code, key) or ""
                for w in words:
                    out.setdefault(" ".join(w.casefold().split()), checked)
            return out

        one_word = {w: s for w, s in groups.items() if " " not in w}
        extra = table(owned.groups, "groups")
        mods = table(owned.modifiers, "modifiers")
        for code, listed in rules.group_modifiers.items():
            for word in listed:
                mods.setdefault(word.casefold(), code)
        for noun, code in institutions.items():
            if " " not in noun:
                mods.setdefault(noun, code)
        people = table(owned.people, "people")
        ordinals = frozenset(w.casefold() for w in owned.ordinals)
        cardinals = frozenset(w.casefold() for w in owned.cardinals)
        return cls(
            people=people,
            groups={**one_word, **extra},
            heads=(heads := frozenset(people) | frozenset(one_word) | frozenset(extra)),
            starters=heads | frozenset(mods) | frozenset(w.casefold() for w in rules.agents.possessives),
            modifiers=mods,
            determiners=frozenset(w.casefold() for w in owned.determiners),
            plain_groups=frozenset(one_word),
            abroad=frozenset(w.casefold() for w in owned.abroad),
            ordinals=ordinals,
            cardinals=cardinals,
            counted_groups=extra,
            counts=frozenset(w for w in ordinals | cardinals if " " not in w),
        )
