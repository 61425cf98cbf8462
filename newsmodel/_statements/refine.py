"""The cast refined by the speakers: who speaks a quotation tells who its ``we`` is.

Once the statements are found, a first-person plural word (``we``, ``our``, ``us``: the
``first_person_plural`` list of ``statements.toml``) inside the quoted words of a statement whose
speaker is a government person (sectors ``state_sectors``) stands for the speaker's country, when
the actor stage read that country with the name (a title, a nationality, a known leader; not a
country it placed from the context, whose first mention's rule ends ``+country-...``): each such
word is a mention of that country (rule ``quote-we-country``), and the country joins the cast if
the article did not name it. ``“... there is no change to our military posture,” he added``, said
by the U.S. Secretary of State, makes ``our`` a mention of the United States.
"""

from __future__ import annotations

from .. import _trusted
from ..model import Actor, ActorKind, Mention, MentionKind, Statement
from ..pipeline import Cast, Context
from .lexicon import CueLexicon

__all__ = ["refine_cast"]

_RULE = "quote-we-country"
_PLACED = "+country-"  # the suffix of a country the actor stage placed from the context


def refine_cast(context: Context, statements: tuple[Statement, ...], lex: CueLexicon) -> Cast:
    """The cast with the ``we`` of each government speaker's quoted words added to the speaker's
    country; the cast itself when nothing is added."""
    pattern = lex.first_person_plural
    cast = context.cast
    if pattern is None:
        return cast
    text = context.text
    added: list[tuple[Actor, Mention]] = []
    countries: dict[str, Actor] = {}
    for statement in statements:
        speaker = statement.speaker
        if speaker is None or not statement.quotes or not _speaks_for_state(speaker, lex):
            continue
        code = speaker.country or ""
        country = countries.get(code)
        if country is None:
            country = countries[code] = _country(cast, code)
        for piece in statement.quotes:
            for m in pattern.finditer(text, piece.start, piece.end):
                span = _trusted.span_of(text, m.start(), m.end())
                added.append((country, _trusted.mention(span=span, kind=MentionKind.PRONOUN, rule=_RULE)))
    return cast.with_mentions(added) if added else cast


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
    return _trusted.actor(id="", name=cast.country_name(code), kind=ActorKind.COUNTRY, country=code)
