"""Events coded in PLOVER 2021: who did what to whom, when and where.

:class:`EventFinder` is the pipeline's event stage. It finds triggers from a lexicon of verbs,
nouns and multiword phrases for the 16 PLOVER categories (``newsmodel/rules/events.toml``), then
reads the sources and targets off the actor mentions around each trigger, the place, the governing
time expression, the mode (asserted, negated, future, hypothetical) and casualty or arrest counts.
:func:`newsmodel.export.events` (here also as ``to_records``) flattens an article's events into
PLOVER records for JSON or CSV.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._events.finder import code_events
from ._events.lexicon import Lexicon
from .errors import RuleError
from .model import Event
from .pipeline import Context
from .rules import load_rules

if TYPE_CHECKING:  # pragma: no cover
    from .export import events as to_records

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


def __getattr__(name: str) -> Any:
    # ``to_records`` is newsmodel.export.events under its old name, imported on first use so that
    # ``import newsmodel`` does not load the export module
    if name == "to_records":
        from .export import events

        return events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
