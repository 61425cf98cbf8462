"""Events coded in PLOVER 2021: who did what to whom, when and where.

:class:`EventFinder` is the pipeline's event stage. It finds triggers from a lexicon of verbs,
nouns and multiword phrases for the 16 PLOVER categories (``newsmodel/rules/events.toml``), then
reads the sources and targets off the actor mentions around each trigger, the place, the governing
time expression, the mode (asserted, negated, future, hypothetical) and casualty or arrest counts.
:func:`to_records` flattens an article's events into PLOVER-style dictionaries for JSON or CSV.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._events.finder import code_events
from ._events.lexicon import Lexicon
from .errors import RuleError
from .model import Article, Event
from .pipeline import Context
from .rules import load_rules

__all__ = ["EventFinder", "to_records"]


def _default_rules() -> dict[str, Any]:
    return load_rules("events")


@attrs.frozen
class EventFinder:
    """Finds events: who did what to whom, when and where, coded in PLOVER 2021.

    Args:
        rules: the event rule set, in the format of ``newsmodel/rules/events.toml`` (the shipped
            one by default). Load your own with :func:`newsmodel.rules.load_rules_file`, or start
            from ``load_rules("events")`` and add entries.

    Raises:
        RuleError: at construction, if the rule set is malformed (naming the entry).

    >>> import newsmodel
    >>> from newsmodel.events import EventFinder
    >>> finder = EventFinder()
    >>> len(finder.lexicon.entries) > 500
    True
    """

    rules: dict[str, Any] = attrs.field(factory=_default_rules, repr=False)
    lexicon: Lexicon = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.rules, dict):
            raise RuleError(
                f"events rules must be a dict (a parsed TOML table), not {type(self.rules).__name__}"
            )
        object.__setattr__(self, "lexicon", Lexicon.from_rules(self.rules))

    def __call__(self, context: Context) -> tuple[Event, ...]:
        """The events of one article, in text order."""
        return code_events(self.lexicon, context)


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
