"""Groups the shipped vocabulary does not list, named by a nationality and a plural agent noun of
the Phoenix dictionary ("Egyptian scientists": CVL, "Congolese peasants": AGR).

The actor stage's own group nouns (``[groups]`` in ``actors.toml``) are read by :mod:`.words`;
this pass only reads a nationality word followed by a lower-case plural that none of the stage's
lists knows, and asks the agent nouns of the shipped Phoenix dictionary for its sector
(``phoenix_data/agents.tsv.gz``, read alone when the stage is built; the people are not loaded).
A noun the dictionary files under no sector makes no group.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import io

from ..errors import RuleError
from ..model import ActorKind, MentionKind
from .state import ArticleState, add_mention, get_actor
from .tables import DEMONYM

# Enum members as module constants: an attribute of the enum class is slow to read in a loop.
_K_GROUP = ActorKind.GROUP
_M_DEMONYM = MentionKind.DEMONYM

__all__ = ["dictionary_groups", "plural_agent_sectors"]


def dictionary_groups(st: ArticleState) -> None:
    """ "Egyptian scientists": a nationality word and a plural agent noun of the dictionary make a
    group of that country, of the noun's sector."""
    tables, text, tokens = st.tables, st.text, st.seg.tokens
    lower = st.seg.lower_words
    for end, (start, iso, demonym, cat) in list(st.adjectives.items()):
        if text[end : end + 1] != " " or not text[end + 1 : end + 2].islower():
            continue  # no lower-case word right after: most nationality words
        if cat != DEMONYM or not iso or end in st.consumed:
            continue
        ti = bisect.bisect_left(st.seg.token_starts, end + 1)
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
        b = get_actor(st, "G:" + name.casefold(), name, _K_GROUP, country=iso, sector=sector)
        add_mention(st, b, start, tokens[ti][1], _M_DEMONYM, "demonym-agent")
        st.consumed.add(end)


@functools.cache
def plural_agent_sectors() -> dict[str, str]:
    """The plural forms of the shipped Phoenix agent nouns with their sectors, one string per
    first two letters (``"pe"``: ``"|peasants:AGR|pensioners:CVL|..."``): read line by line from
    ``phoenix_data/agents.tsv.gz`` once (a few milliseconds) and kept as some 80 KB of text, where
    a table of the same words would take several hundred, for a rare look-up that scans a few
    hundred bytes. :class:`~newsmodel.actors.ActorFinder` reads it when it is built, so no parse pays it.
    Each ``A`` line lists an agent's forms, its name (the singular) first; ``@`` lines give each
    code's sector (the compiled format of ``tools/build_phoenix.py``)."""
    from importlib import resources

    path = resources.files("newsmodel.rules") / "phoenix_data" / "agents.tsv.gz"
    sectors: dict[str, str] = {}
    out: dict[str, io.StringIO] = {}  # written as read: no list of thousands of small strings
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        if not next(lines, "").startswith("# newsmodel-phoenix "):
            raise RuleError(f"{path}, line 1: not a compiled dictionary")
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "@" and len(fields) == 4 and fields[3]:
                sectors[fields[1]] = fields[3]
            elif fields[0] == "A" and len(fields) == 3 and fields[2] in sectors:
                forms = fields[1].lower().split("|")
                for form in forms[1:]:
                    if form and form != forms[0]:  # a form listed twice: the first agent's wins
                        key = form[:2]
                        if key not in out:
                            out[key] = io.StringIO("|")
                            out[key].seek(1)
                        out[key].write(f"{form}:{sectors[fields[2]]}|")
    return {letter: buffer.getvalue() for letter, buffer in out.items()}


def _plural_sector(noun: str) -> str | None:
    """The sector the dictionary gives ``noun`` when it is a plural form of one of its agents
    (None for a singular, "an Egyptian scientist", or a noun it does not know)."""
    table = plural_agent_sectors().get(noun[:2], "")
    at = table.find(f"|{noun}:")
    if at < 0:
        return None
    start = at + len(noun) + 2
    return table[start : table.index("|", start)]
