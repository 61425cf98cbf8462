"""Time expressions and their TIMEX3 values, resolved against the publication date.

:class:`TimeFinder` is the pipeline's time stage. It finds expressions with the rules of
``newsmodel/rules/times.toml`` (a :class:`TimeRules`) in one pass over the tokens (a core token
such as a month, a weekday, a unit or a year anchors each search; the longest match of the rules
that can hold it wins), drops what the negative rules reject ("may" the modal, "Theresa May",
"2000 soldiers", "the Sunday Times"), and resolves each to a TIMEX3 value by calendar arithmetic
on the publication date. dateparser reads only the date forms the rules do not (``9-Apr-2017``);
it is imported on first use and its results are cached per stage.

:func:`governing_time` finds the expression that governs a stretch of words; statements and
events call it to attach their time, with the clause breaks of the parser's time rules.

The passes live in ``newsmodel/_times``: ``tables`` (compiling the rules), ``scan`` (the pass
over the tokens), ``filter`` (the negative rules), ``tense``, ``dates`` and ``relative`` (the
resolvers), ``calendar`` (arithmetic on TIMEX3 values), ``govern`` (:func:`governing_time`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, ClassVar

import attrs
import regex

from ._times.govern import governing
from ._times.resolve import RESOLVERS
from ._times.scan import find_in_text, find_times, parse_date
from ._times.tables import TimeTables, compile_clause_break, compile_tables
from .model import TimeExpression, TimeKind
from .pipeline import Context
from .rules import Example, RuleSet
from .rules._schema import Source
from .segment import Segmentation

__all__ = ["TimeFinder", "TimeRules", "governing_time"]


def _one_of(choices: Any, what: str) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in choices:
            rule = getattr(instance, "id", "?")
            raise TypeError(
                f"expected {attribute.name} to be {what} ({', '.join(sorted(choices))}), got {value!r} in rule {rule!r}"
            )

    return check


@attrs.frozen
class TimePattern:
    """One ``[[rule]]`` of ``times.toml``: a pattern, the TIMEX3 type it gives and its resolver.

    ``examples`` are texts the rule must find (checked by the test suite).
    """

    id: str
    pattern: str
    kind: str = attrs.field(validator=_one_of(TimeKind.__members__, "a TIMEX3 type"))
    resolve: str = attrs.field(validator=_one_of(RESOLVERS, "a resolver"))
    value: str | None = None
    unit: str | None = None
    offset: int | None = None
    mod: str | None = None
    examples: tuple[str, ...] = ()


@attrs.frozen
class TimeTriggers:
    """``[triggers]``: which tokens anchor a search for an expression, and where it may start."""

    core_lists: tuple[str, ...] = ()
    core: tuple[str, ...] = ()
    digit_core: str = "(?!)"
    digit_core_endings: tuple[str, ...] = ()
    digit_core_next: tuple[str, ...] = ()
    prefix_lists: tuple[str, ...] = ()
    starters: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()


@attrs.frozen
class TimeContext:
    """``[context]``: the words of the tense cues and of the negative rules (see ``times.toml``)."""

    future: tuple[str, ...] = ()
    past: tuple[str, ...] = ()
    future_prepositions: tuple[str, ...] = ()
    past_prepositions: tuple[str, ...] = ()
    period_end: tuple[str, ...] = ()
    past_suffix: str = ""
    not_past_after: tuple[str, ...] = ()
    not_past: tuple[str, ...] = ()
    month_alone_before: tuple[str, ...] = ()
    word_months: tuple[str, ...] = ()
    list_joiners: tuple[str, ...] = ()
    deictic_days: tuple[str, ...] = ()
    anaphoric_directions: tuple[str, ...] = ()
    weekday_titles: tuple[str, ...] = ()
    year_not_before: tuple[str, ...] = ()
    generic_after_today: tuple[str, ...] = ()
    rate_before: tuple[str, ...] = ()
    noon_not_after: tuple[str, ...] = ()
    year_not_after: tuple[str, ...] = ()
    abbreviated_months: tuple[str, ...] = ()
    possessive: tuple[str, ...] = ()
    comparison_infix: tuple[str, ...] = ()
    deictic_not_after: tuple[str, ...] = ()
    plan_in_past_after: tuple[str, ...] = ()
    meridiem_ends: tuple[str, ...] = ()
    am_prefix: str = ""
    pm_prefix: str = ""
    ago_past: tuple[str, ...] = ()
    ago_from_publication: tuple[str, ...] = ()
    ago_duration: tuple[str, ...] = ()
    ago_duration_short: tuple[str, ...] = ()
    quarter_year_back: tuple[str, ...] = ()
    quarter_back: tuple[str, ...] = ()
    quarter_current: tuple[str, ...] = ()
    last_ordinal: tuple[str, ...] = ()
    first_half: tuple[str, ...] = ()
    period_words: tuple[str, ...] = ()
    ambiguous_seasons: tuple[str, ...] = ()
    season_alone_after: tuple[str, ...] = ()
    pod_back: tuple[str, ...] = ()
    anaphoric_next_day: tuple[str, ...] = ()
    indefinite: tuple[str, ...] = ()
    definite: tuple[str, ...] = ()
    plural_suffix: str = ""


@attrs.frozen
class TimeValues:
    """``[values]``: fixed readings of words the resolvers look up."""

    counts: dict[str, int | float | str] = attrs.field(factory=dict)
    millennia: dict[str, int] = attrs.field(factory=dict)
    deictic_pod: dict[str, str] = attrs.field(factory=dict)
    pod_mods: dict[str, str] = attrs.field(factory=dict)
    noon: dict[str, str] = attrs.field(factory=dict)
    unit_aliases: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class TimeSpanPatterns:
    """``[patterns]``: the patterns that trim a span (``regex`` syntax, bounded quantifiers)."""

    leading_article: str = "(?!)"
    decade_article_kept: str = "(?!)"
    adjectival_duration: str = "(?!)"
    fraction_of: str = "(?!)"


@attrs.frozen
class TimeClauses:
    """``[clauses]``: what ends a clause for :func:`governing_time`."""

    after_comma: tuple[str, ...] = ()
    alone: tuple[str, ...] = ()


@attrs.frozen(eq=False, repr=False)
class TimeRules(RuleSet):
    """The time rules (``newsmodel/rules/times.toml``), structured.

    Start from the shipped rules and add your own (a TOML file or a mapping in the same layout;
    a ``[[rule]]`` with the id of a shipped one replaces it)::

        rules = TimeRules.shipped().extend({"rule": [{"id": "ramadan", ...}]})
        parser = newsmodel.Parser(times=TimeFinder(rules))
    """

    SHIPPED: ClassVar[tuple[str | tuple[str, str], ...]] = ("times",)

    rule: tuple[TimePattern, ...]
    lists: dict[str, dict[str, int | str]] = attrs.field(factory=dict)
    macros: dict[str, str] = attrs.field(factory=dict)
    numbers: dict[str, int] = attrs.field(factory=dict)
    examples_published: str | None = None
    triggers: TimeTriggers = attrs.field(factory=TimeTriggers)
    context: TimeContext = attrs.field(factory=TimeContext)
    values: TimeValues = attrs.field(factory=TimeValues)
    patterns: TimeSpanPatterns = attrs.field(factory=TimeSpanPatterns)
    clauses: TimeClauses = attrs.field(factory=TimeClauses)

    def examples(self) -> Iterator[Example]:
        """Every rule's examples, resolved against ``examples_published``."""
        for rule in self.rule:
            for text in rule.examples:
                yield Example(rule=rule.id, text=text, published=self.examples_published)


def _coerce_rules(value: TimeRules | Source) -> TimeRules:
    return TimeRules.coerce(value)


@attrs.frozen
class TimeFinder:
    """Finds time expressions and resolves them against the publication date.

    Args:
        rules: the time rules: a :class:`TimeRules` (the shipped ones by default), or a TOML file
            or mapping in the layout of ``newsmodel/rules/times.toml``: a path extends the shipped
            rules, a mapping is read alone (see ``docs/times.md``).

    Raises:
        RuleError: at construction, naming the file, the key and the rule that is malformed.

    Called with a :class:`~newsmodel.pipeline.Context`, it returns the expressions in text order,
    never overlapping. Without ``context.published``, values that need it keep TIMEX3 ``X``
    placeholders (``XXXX-WXX-7`` for "on Sunday", ``XXXX-WXX`` for "last week").
    """

    rules: TimeRules = attrs.field(factory=TimeRules.shipped, converter=_coerce_rules, repr=False)
    _tables: TimeTables = attrs.field(init=False, repr=False, eq=False)
    _dates: dict[str, date | None] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_tables", self.rules.built(compile_tables))
        object.__setattr__(self, "_dates", {})

    @property
    def clause_break(self) -> regex.Pattern[str]:
        """What ends a clause under these rules: the ``clauses`` of :func:`governing_time`."""
        return self._tables.clause_break

    def __call__(self, context: Context) -> tuple[TimeExpression, ...]:
        return find_times(context, self._tables, self._parse_date)

    def find(
        self, text: str, published: date | None = None, segments: Segmentation | None = None
    ) -> tuple[TimeExpression, ...]:
        """The time expressions of ``text``, resolved against ``published``.

        Args:
            text: the text.
            published: the publication date (a ``datetime`` is read as its date).
            segments: the segmentation, for sentence bounds when deciding tense (optional).
        """
        return find_in_text(text, published, segments, self._tables, self._parse_date)

    def _parse_date(self, s: str) -> date | None:
        return parse_date(s, self._dates)


@functools.cache
def _shipped_clause_break() -> regex.Pattern[str]:
    return compile_clause_break(TimeRules.shipped())


def governing_time(
    times: Sequence[TimeExpression],
    segments: Segmentation,
    start: int,
    end: int,
    *,
    clauses: regex.Pattern[str] | None = None,
) -> TimeExpression | None:
    """The time expression that governs the words ``[start, end)``: same clause first, then same sentence.

    The sentence is the one holding ``start``; clauses are its stretches between ``;``, ``:``,
    dashes, and a comma before a conjunction or relative word (", but", ", which"). Among the
    candidates of the clause (failing that, of the sentence) a date or time beats a duration or a
    set, then the nearest wins (an expression inside ``[start, end)`` is nearest of all), then the
    earlier. Statements and events use this to attach their time.

    Args:
        clauses: what ends a clause: the :attr:`TimeFinder.clause_break` of the parser's time
            stage (the pipeline passes it as ``Context.clause_break``); by default, that of the
            shipped time rules.

    Returns:
        The governing expression, or ``None`` when no expression shares the sentence.
    """
    return governing(times, segments, start, end, clauses if clauses is not None else _shipped_clause_break())
