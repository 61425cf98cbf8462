"""Groups the shipped vocabulary does not list, named by a nationality and a plural agent noun of
the Phoenix dictionary ("Egyptian scientists": CVL, "Congolese peasants": AGR).

The actor stage's own group nouns (``[groups]`` in ``actors.toml``) are read by :mod:`.words`;
this pass only reads a nationality word followed by a lower-case plural that none of the stage's
lists knows, and asks the agent nouns of the shipped Phoenix dictionary for its sector
(``phoenix_data/agents.tsv.gz``, read alone on first need; the people are not loaded). A noun the
dictionary files under no sector makes no group.
"""

from __future__ import annotations

import bisect
import functools
import gzip

from ..model import ActorKind, MentionKind
from ..rules.phoenix import ActorDictionary
from .state import ArticleState, add_mention, get_actor
from .tables import DEMONYM

__all__ = ["dictionary_groups"]


def dictionary_groups(st: ArticleState) -> None:
    """ "Egyptian scientists": a nationality word and a plural agent noun of the dictionary make a
    group of that country, of the noun's sector."""
    tables, text, tokens = st.tables, st.text, st.seg.tokens
    lower = st.seg.lower_words
    for end, (start, iso, demonym, cat) in list(st.adjectives.items()):
        if cat != DEMONYM or not iso or end in st.consumed or text[end : end + 1] != " ":
            continue
        ti = bisect.bisect_left(tokens, (end + 1,))
        if ti >= len(tokens) or tokens[ti][0] != end + 1:
            continue
        noun = lower[ti]
        if (
            noun != st.seg.words[ti]
            or not noun.isalpha()
            or noun in tables.groups
            or noun in tables.institutions
            or (
                ti + 1 < len(tokens)
                and (lower[ti + 1] in tables.groups or lower[ti + 1] in tables.institutions)
            )
        ):
            continue  # a capital, or a noun the stage reads itself ("Syrian government")
        sector = _plural_sector(noun)
        if sector is None:
            continue
        name = f"{demonym} {noun}"
        b = get_actor(st, "G:" + name.casefold(), name, ActorKind.GROUP, country=iso, sector=sector)
        add_mention(st, b, start, tokens[ti][1], MentionKind.DEMONYM, "demonym-agent")
        st.consumed.add(end)


@functools.cache
def _agents() -> ActorDictionary:
    """The agent nouns of the shipped Phoenix dictionary alone (``phoenix_data/agents.tsv.gz``: a
    few thousand nouns, read in milliseconds), loaded on first need, never at import."""
    from importlib import resources

    from ..rules._phoenix.compiled import _read_compiled

    path = resources.files("newsmodel.rules") / "phoenix_data" / "agents.tsv.gz"
    return _read_compiled(gzip.decompress(path.read_bytes()).decode("utf-8"), source=str(path))


def _plural_sector(noun: str) -> str | None:
    """The sector the dictionary gives ``noun`` when it is a plural form of one of its agents."""
    agent = _agents().agent(noun)
    if agent is None or agent.sector is None or noun.upper() == agent.name:
        return None  # unknown, of no sector, or the singular ("an Egyptian scientist")
    return agent.sector
