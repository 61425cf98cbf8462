"""The last pass: the cast. Every actor with its mentions, overlaps and sentence-crossers dropped.

:func:`find_cast` runs the passes in order (chunks, names and their coreference, the lower-case
words) and builds the :class:`~newsmodel.pipeline.Cast`.
"""

from __future__ import annotations

import functools

from .. import _trusted
from ..model import Actor, Mention, MentionKind
from ..pipeline import Cast, Context, actor_slug
from .agents import find_agents, place_agents
from .chunks import find_chunks, read_chunks
from .coreference import people_into_groups, places_named_like_people, resolve_deferred, resolve_titled
from .counted import counted_agents
from .dictionary_groups import dictionary_groups
from .dictionary_orgs import dictionary_organisations
from .owned import owned_agents
from .place import countries_as_places, drop_agency, place_actors
from .possessive import possessive_nouns
from .state import ArticleState
from .tables import ActorTables
from .words import scan_words

__all__ = ["find_cast"]

_NAME, _DEMONYM, _NOMINAL, _PRONOUN = (
    MentionKind.NAME,
    MentionKind.DEMONYM,
    MentionKind.NOMINAL,
    MentionKind.PRONOUN,
)
_PRIORITY = {_NAME: 0, _DEMONYM: 1, _NOMINAL: 2, _PRONOUN: 3}
_PRIORITY_OF = {id(k): v for k, v in _PRIORITY.items()}  # keyed by identity: enum hashing is slow
# The slug of a name, kept for the next article that names the actor (names recur across a feed).
_slug = functools.lru_cache(maxsize=4096)(actor_slug)


def find_cast(context: Context, tables: ActorTables) -> Cast:
    """The actors of one article: the passes in order, then the cast."""
    st = ArticleState.start(context, tables)
    read_chunks(st, find_chunks(tables, context.text))
    resolve_titled(st)
    resolve_deferred(st)
    places_named_like_people(st)
    drop_agency(st)
    dictionary_organisations(st)
    find_agents(st)
    dictionary_groups(st)
    owned_agents(st)
    counted_agents(st)
    possessive_nouns(st)
    scan_words(st)
    people_into_groups(st)
    place_actors(st)
    place_agents(st)
    countries_as_places(st)
    return build_cast(st)


def build_cast(st: ArticleState) -> Cast:
    """The cast: mentions in text order (the longest first, names before demonyms, nominals and
    pronouns at one place); a mention overlapping one kept before it, or crossing a sentence end,
    goes. Actor ids are slugs of the names, numbered on a clash."""
    text = st.text
    sentences = st.seg.sentences
    priority = _PRIORITY_OF
    raw = [
        (s, -e, priority[id(kind)], b.key, rule, kind)
        for b in st.actors.values()
        for s, e, kind, rule in b.mentions
        if s < e
    ]
    # In text order, the longest first and names before demonyms, nominals and pronouns at
    # one place; a mention overlapping one kept before it, or crossing a sentence end, goes.
    raw.sort()
    kept_end = -1
    # Mentions come in text order, so each actor's list is in text order, and the actors in
    # the order of their first mention; the sentence holding a mention only moves forward.
    by_actor: dict[str, list[Mention]] = {}
    kept: list[tuple[int, int, Mention, str]] = []  # in text order, the starts increasing
    n_sentences = len(sentences)
    mention_of = _trusted.mention_of
    si, sent_end = -1, -1
    next_start = sentences[0].start if sentences else len(text) + 1
    for s, neg_end, _, key, rule, kind in raw:
        if s < kept_end:
            continue
        e = -neg_end
        while s >= next_start:
            si += 1
            sent_end = sentences[si].end
            next_start = sentences[si + 1].start if si + 1 < n_sentences else len(text) + 1
        if si < 0 or e > sent_end:
            continue
        kept_end = e
        mention = mention_of(text, s, e, kind, rule)
        kept.append((s, e, mention, key))
        found = by_actor.get(key)
        if found is None:
            by_actor[key] = [mention]
        else:
            found.append(mention)
    used: set[str] = set()
    actors = []
    of_key: dict[str, Actor] = {}
    builders, make_actor = st.actors, _trusted.parsed_actor
    for key, mentions in by_actor.items():
        b = builders[key]
        # new_actor_id, with the slug cached: the slug, then "-2", "-3" ... on a clash.
        ident = slug = _slug(b.name) or "actor"
        n = 1
        while ident in used:
            n += 1
            ident = f"{slug}-{n}"
        used.add(ident)
        actor = make_actor(
            id=ident,
            name=b.name,
            kind=b.kind,
            country=b.country,
            sector=b.sector,
            roles=tuple(b.roles),
            mentions=tuple(mentions),
        )
        actors.append(actor)
        of_key[key] = actor
    # The cast's index of mentions is the kept mentions in order: no sort of them again.
    index = [(s, e, mention, of_key[key]) for s, e, mention, key in kept]
    return Cast._of_index(tuple(actors), st.tables.country_names, index)
