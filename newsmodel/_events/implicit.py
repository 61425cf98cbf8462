"""Participants the trigger's clause leaves unnamed but the article makes clear.

- the **host of a visit**: a visit whose host is not named ("he said after a two-day visit",
  "had been making farewell visits to government offices") is a visit to the country of the
  dateline, where the reporter is, when the visitor is not of that country and no place is named
  for it (``words.hosted_visits``: the nouns of such visits);
- the **state behind an arrest**: an arrest, a detention or a deportation with no agent named
  ("after the arrest of a consulate worker", "two journalists were detained") is the act of the
  state where it happens: the country of its place, else of the dateline
  (``words.state_acts``).
"""

from __future__ import annotations

from ..model import Actor, ActorKind, EventKind
from .state import Doc, Draft

_COERCE, _CONSULT = EventKind.COERCE, EventKind.CONSULT  # globals: an enum class read is slow

__all__ = ["implicit_sides"]


def implicit_sides(doc: Doc, drafts: list[Draft]) -> None:
    """Fill the sides the article makes clear (see the module docstring) of the drafts kept."""
    _state_agents(doc, drafts)
    _visit_hosts(doc, drafts)


def _state_agents(doc: Doc, drafts: list[Draft]) -> None:
    """An arrest with no agent named is the act of the state where it happens."""
    acts = doc.lex.words.state_acts
    if not acts:
        return
    here: Actor | None = None
    looked = False
    for d in drafts:
        if d.absorbed or d.sources or not d.targets or d.kind is not _COERCE or doc.lw[d.trig.ti] not in acts:
            continue
        state = doc.country_of(d.location) if d.location is not None else None
        if state is None and d.location is None:
            if not looked:
                here, looked = dateline_country(doc), True
            state = here
        if state is None or any(t is state for t in d.targets):
            continue
        d.sources = [state]
        d.rule += "+state-agent"


def _visit_hosts(doc: Doc, drafts: list[Draft]) -> None:
    """A visit with no host and no place named is to the dateline's country."""
    visits = doc.lex.words.hosted_visits
    if not visits:
        return
    host: Actor | None = None
    looked = False  # the host is looked up at the first visit that needs it
    for d in drafts:
        if (
            d.absorbed
            or d.kind is not _CONSULT
            or d.targets
            or not d.sources
            or d.location is not None
            or d.trig.entry.pos != "noun"
            or doc.lw[d.trig.ti] not in visits
        ):
            continue
        if not looked:
            host, looked = dateline_country(doc), True
        if host is None:
            return
        if any(s is host or (s.country is not None and s.country == host.country) for s in d.sources):
            continue
        d.targets = [host]
        d.rule += "+dateline-host"


def dateline_country(doc: Doc) -> Actor | None:
    """The cast's country actor of the dateline's place ("ANKARA (Reuters)": Turkey), when the
    dateline names one place the cast knows (a country, or a place inside a country it names)."""
    dl = doc.segs.dateline
    if dl is None or not dl.location or "/" in dl.location:
        return None
    parts = {p.strip().casefold() for p in dl.location.split(",") if p.strip()}
    found: set[str] = set()
    for a in doc.ctx.cast.actors:
        if a.country and a.kind in (ActorKind.COUNTRY, ActorKind.LOCATION) and a.name.casefold() in parts:
            found.add(a.country)
    if len(found) != 1:
        return None
    code = found.pop()
    return next(
        (a for a in doc.ctx.cast.actors if a.kind is ActorKind.COUNTRY and a.country == code),
        None,
    )
