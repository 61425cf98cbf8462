"""From a rule's match to a TIMEX3 value: the resolver a rule names (``resolve = "..."``), and the
anchor each resolved date leaves for the expressions after it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from ..model import TimeKind
from . import dates, relative
from .state import Found, TimeState
from .tables import TimeRule

__all__ = ["RESOLVERS", "resolve"]

Resolver = Callable[[TimeState, TimeRule, "regex.Match[str]", Any], "Found | None"]

#: The resolvers a rule may name (``resolve = "..."``); see docs/times.md.
RESOLVERS: dict[str, Resolver] = {
    "date": dates.resolve_date,
    "dateparser": dates.resolve_dateparser,
    "numeric": dates.resolve_numeric,
    "decade": dates.resolve_decade,
    "century": dates.resolve_century,
    "quarter": dates.resolve_quarter,
    "quarter-ref": dates.resolve_quarter_ref,
    "half": dates.resolve_half,
    "season": dates.resolve_season,
    "holiday": dates.resolve_holiday,
    "if-future": relative.resolve_if_future,
    "weekday": relative.resolve_weekday,
    "deictic": relative.resolve_deictic,
    "clock": relative.resolve_clock,
    "relative": relative.resolve_relative,
    "ago": relative.resolve_ago,
    "year-earlier": relative.resolve_year_earlier,
    "fixed": relative.resolve_fixed,
    "duration": relative.resolve_duration,
    "set": relative.resolve_set,
    "ref": relative.resolve_ref,
    "that": relative.resolve_that,
}


def _beyond(value: str) -> bool:
    """Whether a value is past the calendar (before year 1, after 9999: ``-``, five digits or
    ``0000`` first): it is resolved again without the DCT."""
    return value.startswith(("-", "0000")) or (len(value) >= 5 and value[:5].isdecimal())


# Resolvers whose dates become the anchor later expressions count from.
_ANCHORING = frozenset(
    {"date", "quarter", "half", "season", "weekday", "deictic", "relative", "holiday", "dateparser"}
)


def resolve(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    """The value of one match (``gd`` its group dictionary), or ``None`` when a rule rejects it."""
    resolver = RESOLVERS[rule.resolve]
    try:
        found = resolver(state, rule, m, gd)
        if found is not None and _beyond(found[2]):
            raise OverflowError(found[2])
    except (ValueError, OverflowError) as exc:
        if state.dct is None or not (isinstance(exc, OverflowError) or "year" in str(exc)):
            raise
        # Past year 1 or 9999: the value the text gives without a publication date (X
        # placeholders), never a wrong one.
        dct, state.dct = state.dct, None
        try:
            found = resolver(state, rule, m, gd)
        finally:
            state.dct = dct
    if found is not None and rule.resolve in _ANCHORING and found[1] in (TimeKind.DATE, TimeKind.TIME):
        value = found[2].split("T")[0]
        if value[:1].isdigit() and "X" not in value:
            state.anchor = value
            if "-Q" in value and (dates.reported(state, value) or dates.ended_on(state, m) is not None):
                state.quarter = value
    return found
