"""Actors: people, countries, organisations, places and groups, with every mention resolved.

:class:`ActorFinder` is the pipeline's actor stage. It finds names (with their titles, countries
and sectors), places, organisations and groups, and links later mentions to them: last names,
pronouns, nominals ("the nation"), capitals standing for their country ("Moscow said"). See
``docs/actors.md`` for the rules and how to extend the gazetteers.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ._actors.finder import find_cast
from ._actors.gazetteer import Gazetteer, build_gazetteer, merge_rules
from .pipeline import Cast, Context
from .rules import load_rules, load_rules_file

__all__ = ["ActorFinder", "actor_rules", "merge_rules"]


def actor_rules(*extra: str | Path | Mapping[str, Any]) -> dict[str, Any]:
    """The shipped actor rules, merged with your own (TOML file paths or dictionaries).

    The shipped rules are ``actors.toml``, ``actors_places.toml`` and ``actors_people.toml``
    (under the key ``first_names``) and ``actors_leaders.toml`` (under the key ``leaders``). Tables merge key by key and lists concatenate, so
    a file of your own only lists what it adds::

        [organisations.BUS]
        "Acme Widgets" = "USA"

    Raises:
        RuleError: if a file cannot be read or is not valid TOML.
    """
    sets: list[Mapping[str, Any]] = [
        load_rules("actors"),
        load_rules("actors_places"),
        {"first_names": load_rules("actors_people")},
        {"leaders": load_rules("actors_leaders")},
    ]
    for item in extra:
        sets.append(item if isinstance(item, Mapping) else load_rules_file(item))
    return merge_rules(*sets)


@attrs.frozen
class ActorFinder:
    """Finds the actors of an article and every mention of each.

    Args:
        rules: the actor rule set, as :func:`actor_rules` returns it; the shipped one by default.
            Build it with ``actor_rules("my_gazetteer.toml")`` to add entries of your own.

    Raises:
        RuleError: at construction, if the rules are malformed (the message names the entry).

    >>> import newsmodel
    >>> from newsmodel.actors import ActorFinder
    >>> parser = newsmodel.Parser(actors=ActorFinder())
    >>> article = parser.parse("Russian President Vladimir Putin, who spoke in Moscow, said he was ready.")
    >>> putin = article.actors_named("Vladimir Putin")[0]
    >>> putin.country, putin.roles, [m.span.text for m in putin.mentions]
    ('RUS', ('President of Russia',), ['Vladimir Putin', 'who', 'he'])
    """

    rules: Mapping[str, Any] = attrs.field(factory=actor_rules, repr=False)
    _gazetteer: Gazetteer = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_gazetteer", build_gazetteer(self.rules))

    def __call__(self, context: Context) -> Cast:
        """The cast of one article."""
        return find_cast(self._gazetteer, context)
