"""The cast refined by the speakers of quotations: a government speaker's ``we`` is his country.

Before the cues are read, each direct quotation holding a first-person plural word (``we``,
``our``, ``us``: ``first_person_plural`` in ``statements.toml``) is attributed to its speaker
when the speaker is plain: a name or pronoun with a quotation cue (``quotation_cues``) right
before the opening mark (``he added, “...``) or right after the closing one (``,” he said``,
``,” Foreign Minister Jan Brel of Belgium said``, ``,” said Jan Brel``). When that speaker is a
government person (sectors ``state_sectors``) whose country the actor stage read with the name
(a title, a nationality, a known leader; not one it placed from the context, whose first
mention's rule ends ``+country-...``), the words stand for that country: each is a mention of it
(rule ``quote-we-country``), and the country joins the cast if the article did not name it.
"""

from __future__ import annotations

import regex

from ..model import Actor, ActorKind, Mention, MentionKind, Span
from ..pipeline import Cast, Context
from ..segment import Quotation
from .lexicon import CueLexicon

__all__ = ["refine_cast"]

_RULE = "quote-we-country"
_PLACED = "+country-"  # the suffix of a country the actor stage placed from the context
# Between a closing mark and its speaker: a comma, and capitalised title words ("Foreign Minister").
_TITLE_GAP = regex.compile(r"[ ,]{0,3}(?:\p{Lu}[\p{L}.’'-]{0,20}[ ]{1,2}){0,5}")
# A cue word closing the text before an opening quotation mark ("he added, “...").
_CUE_BEFORE_QUOTE = regex.compile(r"[ ]{1,2}(\p{Ll}{2,12})[ ]{0,2}[,:]?[ ]{0,2}\Z")


def refine_cast(context: Context, lex: CueLexicon) -> Cast:
    """The cast with the ``we`` of each government speaker's quotations added to the speaker's
    country; the cast itself when nothing is added."""
    pattern = lex.first_person_plural
    cast = context.cast
    text = context.text
    if pattern is None or not cast.actors:
        return cast
    quotes = [
        q
        for q in context.segments.quotations
        if q.level == 0 and pattern.search(text, q.content.start, q.content.end)
    ]
    if not quotes:
        return cast
    by_start: dict[int, tuple[int, Actor]] = {}
    by_end: dict[int, Actor] = {}
    for actor in cast.actors:
        for mention in actor.mentions:
            by_start[mention.span.start] = (mention.span.end, actor)
            by_end[mention.span.end] = actor
    added: list[tuple[Actor, Mention]] = []
    countries: dict[str, Actor] = {}
    for q in quotes:
        speaker = _plain_speaker(text, q, lex, by_start, by_end)
        if speaker is None or not _speaks_for_state(speaker, lex):
            continue
        code = speaker.country or ""
        country = countries.get(code)
        if country is None:
            country = countries[code] = _country(cast, code)
        for m in pattern.finditer(text, q.content.start, q.content.end):
            span = Span(start=m.start(), end=m.end(), text=m.group())
            added.append((country, Mention(span=span, kind=MentionKind.PRONOUN, rule=_RULE)))
    return cast.with_mentions(added) if added else cast


def _plain_speaker(
    text: str,
    q: Quotation,
    lex: CueLexicon,
    by_start: dict[int, tuple[int, Actor]],
    by_end: dict[int, Actor],
) -> Actor | None:
    """The actor a mention next to the quotation's marks names, with a cue between."""
    cue = lex.quotation_cue
    # Before the opening mark: "<speaker> <cue>, “..."
    m = _CUE_BEFORE_QUOTE.search(text, max(0, q.open - 40), q.open)
    if m is not None and cue.fullmatch(text, m.start(), m.end(1)):
        found = by_end.get(m.start())
        if found is not None:
            return found
    if q.close is None:
        return None
    # After the closing mark: ",” <speaker> <cue>" or ",” <cue> <speaker>".
    after = q.close + 1
    for at in range(after, min(len(text), after + 60)):
        if at not in by_start:
            continue
        e, actor = by_start[at]
        if e < len(text) and text[e] == " " and (of := lex.of_place.match(text, e)) is not None:
            e = of.end()  # "Foreign Minister Jan Brel of Belgium said"
        if (_TITLE_GAP.fullmatch(text, after, at) and cue.match(text, e)) or (
            (c := cue.match(text, after, at)) is not None and text[c.end() : at].strip() == ""
        ):
            return actor
        return None
    return None


def _speaks_for_state(speaker: Actor, lex: CueLexicon) -> bool:
    """A government person whose country the actor stage read with the name."""
    return (
        speaker.kind is ActorKind.PERSON
        and bool(speaker.country)
        and speaker.sector in lex.state_sectors
        and not (speaker.mentions and _PLACED in speaker.mentions[0].rule)
    )


def _country(cast: Cast, code: str) -> Actor:
    """The country actor of the cast with this code, or a new one."""
    for actor in cast.actors:
        if actor.kind is ActorKind.COUNTRY and actor.country == code:
            return actor
    return Actor(id="", name=cast.country_name(code), kind=ActorKind.COUNTRY, country=code)
