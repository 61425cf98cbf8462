"""Events coded in PLOVER 2021: who did what to whom, when and where.

:class:`EventFinder` is the pipeline's event stage. It finds triggers from a lexicon of verbs,
nouns and multiword phrases for the 16 PLOVER categories (``newsmodel/rules/events.toml``, read
into :class:`EventRules`), then reads the sources and targets off the actor mentions around each
trigger, the place, the governing time expression, the mode (asserted, negated, future,
hypothetical) and casualty or arrest counts.
:func:`to_records` flattens an article's events into PLOVER-style dictionaries for JSON or CSV.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._events.coder import code_events
from ._events.compiler import compile_lexicon
from ._events.lexicon import EventLexicon
from ._events.rules import EventRules
from .model import Article, Event
from .pipeline import Context
from .rules._schema import Source

__all__ = ["EventFinder", "EventRules", "to_records"]


def _coerce_rules(value: EventRules | Source) -> EventRules:
    return EventRules.coerce(value)


@attrs.frozen
class EventFinder:
    """Finds events: who did what to whom, when and where, coded in PLOVER 2021.

    Args:
        rules: the event rules (:class:`EventRules`; the shipped ones by default), or a TOML file
            or mapping in the layout of ``newsmodel/rules/events.toml``: a file is merged over the
            shipped rules, a mapping is taken as the whole rule set. Start from the shipped rules
            with ``EventRules.shipped().extend(...)``.

    Raises:
        RuleError: at construction, if the rules are malformed (naming the file and key path).

    >>> import newsmodel
    >>> from newsmodel.events import EventFinder
    >>> finder = EventFinder()
    >>> len(finder.lexicon.entries) > 500
    True
    """

    rules: EventRules = attrs.field(factory=EventRules.shipped, converter=_coerce_rules, repr=False)
    _lexicon: EventLexicon = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_lexicon", compile_lexicon(self.rules))

    @property
    def lexicon(self) -> EventLexicon:
        """The compiled lexicon the stage indexes (read-only; built from :attr:`rules`)."""
        return self._lexicon

    def __call__(self, context: Context) -> tuple[Event, ...]:
        """The events of one article, in text order."""
        return code_events(context, self._lexicon)


def to_records(article: Article, *, article_id: str | None = None) -> list[dict[str, Any]]:
    """The article's events as PLOVER-style records (plain dictionaries, ready for JSON or CSV).

    Each record has the PLOVER fields ``event`` (category), ``mode``, ``source`` and ``target``
    (lists of ``{"actorText", "name", "code", "sector"}``, where ``code`` is the ISO 3166-1
    alpha-3 country), ``eventText`` (the trigger), ``location``, ``date`` (the TIMEX3 value of
    the governing time expression), ``text`` (the sentence), the counts (``killed``,
    ``injured``, ``arrested``), the character offsets of the trigger, and the ``rule`` that
    coded it.

    Args:
        article: a parsed article.
        article_id: copied into every record as ``id`` prefix (``"<id>-<n>"``) when given.

    >>> import newsmodel
    >>> from newsmodel.events import to_records
    >>> to_records(newsmodel.parse("Nothing happened."))
    []
    """
    out: list[dict[str, Any]] = []
    for n, e in enumerate(article.events, 1):
        counts = {c.kind.name.lower(): c.number for c in e.counts}
        out.append(
            {
                "id": f"{article_id}-{n}" if article_id is not None else str(n),
                "event": e.kind.name,
                "mode": e.mode.name,
                "source": [_actor(a, e) for a in e.sources],
                "target": [_actor(a, e) for a in e.targets],
                "eventText": e.trigger.text,
                "location": e.location.name if e.location is not None else None,
                "date": e.time.value if e.time is not None else None,
                "killed": counts.get("killed"),
                "injured": counts.get("injured"),
                "arrested": counts.get("arrested"),
                "text": e.sentence.text,
                "start": e.trigger.start,
                "end": e.trigger.end,
                "rule": e.rule,
            }
        )
    return out


def _actor(actor: Any, event: Event) -> dict[str, Any]:
    text = next(
        (m.span.text for m in actor.mentions if event.sentence.start <= m.span.start < event.sentence.end),
        actor.name,
    )
    return {"actorText": text, "name": actor.name, "code": actor.country, "sector": actor.sector}
