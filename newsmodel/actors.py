"""Actors: people, countries, organisations, places and groups, with every mention resolved.

:class:`ActorFinder` is the pipeline's actor stage. It finds names (with their titles, countries
and sectors), places, organisations and groups, and links later mentions to them: last names,
pronouns, nominals ("the nation"), capitals standing for their country ("Moscow said"). Its rules
are an :class:`ActorRules`. See ``docs/actors.md`` for the rules and how to extend the gazetteers.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ._actors.cast import find_cast
from ._actors.dictionary_groups import plural_agent_sectors
from ._actors.rules import ActorRules
from ._actors.tables import ActorTables, compile_tables
from .pipeline import Cast, Context
from .rules import merge
from .rules._schema import Source

__all__ = ["ActorFinder", "ActorRules", "actor_rules", "merge_rules"]


def _coerce(value: ActorRules | Source) -> ActorRules:
    return ActorRules.coerce(value)


@attrs.frozen
class ActorFinder:
    """Finds the actors of an article and every mention of each.

    Args:
        rules: the actor rule set (the shipped one by default). A TOML file path is read as the
            shipped rules extended by it, a mapping as a whole rule set in the shipped layout
            (see :meth:`~newsmodel.rules.RuleSet.coerce`). Build your own with
            ``ActorRules.shipped().extend("my_gazetteer.toml")``.

    Raises:
        RuleError: at construction, if the rules are malformed (the message names the file and
            the key path).

    >>> import newsmodel
    >>> from newsmodel.actors import ActorFinder
    >>> parser = newsmodel.Parser(actors=ActorFinder())
    >>> article = parser.parse("Russian President Vladimir Putin, who spoke in Moscow, said he was ready.")
    >>> putin = article.actors_named("Vladimir Putin")[0]
    >>> putin.country, putin.roles, [m.span.text for m in putin.mentions]
    ('RUS', ('President of Russia',), ['Vladimir Putin', 'who', 'he'])
    """

    rules: ActorRules = attrs.field(factory=ActorRules.shipped, converter=_coerce, repr=False)
    _tables: ActorTables = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_tables", self.rules.built(compile_tables))
        plural_agent_sectors()  # the Phoenix agent nouns (a few ms, once): not in a parse's peak

    def __call__(self, context: Context) -> Cast:
        """The cast of one article."""
        return find_cast(context, self._tables)


def actor_rules(*extra: str | Path | Mapping[str, Any]) -> ActorRules:
    """The shipped actor rules extended by your own (TOML file paths or mappings).

    Kept for compatibility: the same as ``ActorRules.shipped().extend(*extra)``.

    Raises:
        RuleError: if a file cannot be read or is not valid TOML, or the rules are malformed.
    """
    return ActorRules.shipped().extend(*extra)


def merge_rules(*rule_sets: Mapping[str, Any]) -> dict[str, Any]:
    """Merge rule tables in order, later ones winning (tables merge key by key, lists concatenate).

    Kept for compatibility: the same as :func:`newsmodel.rules.merge`.
    """
    return merge(*rule_sets)
