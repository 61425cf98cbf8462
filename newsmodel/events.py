"""Events coded in PLOVER 2021: who did what to whom, when and where.

:class:`EventFinder` is the pipeline's event stage. It finds triggers from a lexicon of verbs,
nouns and multiword phrases for the 16 PLOVER categories (``newsmodel/rules/events.toml``, read
into :class:`EventRules`), then reads the sources and targets off the actor mentions around each
trigger, the place, the governing time expression, the mode (asserted, negated, future,
hypothetical) and casualty or arrest counts.
:func:`newsmodel.export.events` (here also as ``to_records``) flattens an article's events into
PLOVER records for JSON or CSV.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._events.coder import code_events
from ._events.compiler import compile_lexicon
from ._events.lexicon import EventLexicon
from ._events.rules import EventRules
from .model import Event
from .pipeline import Context
from .rules._schema import Source

if TYPE_CHECKING:  # pragma: no cover
    from .export import events as to_records

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
    _merged: bool = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_lexicon", self.rules.built(compile_lexicon))
        # The CAMEO dictionary ([cameo]) is read on the first article, not here; a file of your
        # own is checked now, so that a bad path fails when the stage is built.
        options = self.rules.cameo
        object.__setattr__(self, "_merged", not options.dictionary.strip())
        if options.dictionary.strip() not in ("", "shipped") or options.plover:
            self._merge()

    def _merge(self) -> EventLexicon:
        lexicon = self.rules.built(_with_dictionary)
        object.__setattr__(self, "_lexicon", lexicon)
        object.__setattr__(self, "_merged", True)
        return lexicon

    @property
    def lexicon(self) -> EventLexicon:
        """The compiled lexicon the stage indexes (read-only; built from :attr:`rules`, with the
        CAMEO dictionary's entries once they are read)."""
        return self._lexicon if self._merged else self._merge()

    def __call__(self, context: Context) -> tuple[Event, ...]:
        """The events of one article, in text order."""
        return code_events(context, self._lexicon if self._merged else self._merge())


def _with_dictionary(rules: EventRules) -> EventLexicon:
    """The lexicon of ``rules`` with the entries of its CAMEO dictionary, if it names one."""
    from ._events.cameo import cameo_dictionary, with_cameo

    lexicon = rules.built(compile_lexicon)
    dictionary = cameo_dictionary(rules.cameo, rules.where("cameo", "dictionary"))
    if dictionary is not None:
        lexicon = with_cameo(lexicon, dictionary, rules.cameo, rules.inflection)
    return lexicon


def __getattr__(name: str) -> Any:
    # ``to_records`` is newsmodel.export.events under its old name, imported on first use so that
    # ``import newsmodel`` does not load the export module
    if name == "to_records":
        from .export import events

        return events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
