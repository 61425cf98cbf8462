"""Resolvers of absolute and calendar dates: a date, a month, a year, a decade, a century, a
quarter, a half, a season, a holiday; the year a date without one takes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import regex

from .._text.patterns import WORD_BEFORE
from .calendar import add_months, day_value, iso_week_value, month_value, nth_weekday, quarter_of, shift_value
from .state import Found, TimeState, lookup, mod_of, spelled_year, squash
from .tables import TimeRule
from .tense import tense

__all__ = [
    "ended_on",
    "infer_year",
    "reported",
    "resolve_century",
    "resolve_date",
    "resolve_dateparser",
    "resolve_decade",
    "resolve_half",
    "resolve_holiday",
    "resolve_numeric",
    "resolve_quarter",
    "resolve_quarter_ref",
    "resolve_season",
    "year_for_period",
]

_SEASONS = ("SP", "SU", "FA", "WI")
_QUANTITY_MODS = frozenset({"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})
_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # TIMEX3 weekday codes of holidays
_ENDED_ON = regex.compile(
    r"[\s,]{1,4}([a-z]{5,6})\s{1,3}([a-z]{3,9})\.?\s{1,3}(\d{1,2})\b(?:,?\s{1,3}(\d{4})\b)?", regex.IGNORECASE
)


def _season_of(d: date) -> tuple[int, int]:
    """(season year, index in SP SU FA WI); January and February belong to the previous year's winter."""
    m = d.month
    if m in (1, 2):
        return d.year - 1, 3
    if m == 12:
        return d.year, 3
    return d.year, (m - 3) // 3


def infer_year(state: TimeState, month: int, day: int | None, start: int, end: int, dct: date) -> int:
    """The year of a month (and day) the text gives without one.

    The nearest such date to publication, unless the tense says otherwise and the nearest lies
    more than two months on the wrong side of publication.
    """

    def ordinal(y: int) -> int:
        return y * 372 + month * 31 + (day or 15)

    now = dct.year * 372 + dct.month * 31 + (dct.day if day is not None else 15)
    year = min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs(ordinal(y) - now))
    said = tense(state, start, end)
    if said == "past" and ordinal(year) - now > 62:
        year -= 1
    elif said == "future" and now - ordinal(year) > 62:
        year += 1
    return year


# -- the entry point -------------------------------------------------------------------------


def year_for_period(state: TimeState, start_month: int, m: regex.Match[str]) -> int | None:
    """The year of a quarter or half the text gives without a year."""
    if state.dct is None:
        return None
    y = state.dct.year
    if start_month > state.dct.month and tense(state, m.start(), m.end()) != "future":
        return y - 1
    return y


def reported(state: TimeState, quarter: str) -> bool:
    """Whether a quarter value is before publication's quarter: one results can be reported
    for, and so the one a later "a year earlier" or "the year-ago period" compares with (a
    quarter said to have ended on a date counts too: "its fourth quarter ended Sept. 30")."""
    if state.dct is None:
        return True
    return quarter[:7] < f"{state.dct.year:04d}-Q{quarter_of(state.dct)}"


def ended_on(state: TimeState, m: regex.Match[str]) -> date | None:
    """The date in "... ended Sept. 30" right after the match (its year inferred), if any."""
    after = _ENDED_ON.match(state.text, m.end(), min(len(state.text), m.end() + 30))
    if after is None or state.dct is None or after[1].casefold() not in state.tables.words["period_end"]:
        return None
    month = lookup(state.tables, "month", after[2].casefold())
    if not isinstance(month, int):
        return None
    day = int(after[3])
    year = int(after[4]) if after[4] else infer_year(state, month, day, m.start(), m.end(), state.dct)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_date(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    mod = mod_of(state.tables, gd, rule)
    year = int(gd["year"]) if gd.get("year") else None
    if year is None and gd.get("spelled"):
        year = spelled_year(state.tables, gd["spelled"])
        if year is None:
            return None
    month_word = gd.get("month")
    if gd.get("year") and mod in _QUANTITY_MODS:
        return None  # "about 2000" counts things
    month: int | None = None
    if month_word:
        month = int(month_word) if month_word.isdigit() else lookup(state.tables, "month", month_word)
        if month is None:
            return None
    day = int(gd["day"]) if gd.get("day") else None
    if month is None:
        if year is None:
            return None
        period = (gd.get("period") or "").casefold()
        if period in state.tables.words["period_words"] and state.quarter:
            # "the 1988 period" beside "the third quarter": that quarter of 1988
            return m.end(), rule.kind, f"{year:04d}{state.quarter[4:]}", mod
        return m.end(), rule.kind, f"{year:04d}", mod
    if day is not None and rule.id == "week-of":
        found = resolve_date(state, rule.evolve_id("month-day-year"), m, gd)
        if found is None or "X" in found[2]:
            return found
        return found[0], rule.kind, iso_week_value(date.fromisoformat(found[2])), mod
    if day is not None:
        return _day_value(state, rule, m, mod, (year, month, day))
    if year is not None:
        return m.end(), rule.kind, month_value(year, month), mod
    return _month_value(state, rule, m, gd, mod, month)


def _day_value(
    state: TimeState, rule: TimeRule, m: regex.Match[str], mod: str | None, ymd: tuple[int | None, int, int]
) -> Found | None:
    """A day of a month, in the year given, else the year inferred (``XXXX`` without a DCT)."""
    year, month, day = ymd
    dct = state.dct
    try:
        if year is not None:
            return m.end(), rule.kind, day_value(date(year, month, day)), mod
        if dct is None:
            date(2000, month, day)
            return m.end(), rule.kind, f"XXXX-{month:02d}-{day:02d}", mod
        y = infer_year(state, month, day, m.start(), m.end(), dct)
        return m.end(), rule.kind, day_value(date(y, month, day)), mod
    except ValueError:
        return None


def _month_value(
    state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any, mod: str | None, month: int
) -> Found | None:
    """A month without a year: by its direction ("last March"), else the year inferred."""
    dct = state.dct
    if dct is None:
        return m.end(), rule.kind, f"XXXX-{month:02d}", mod
    direction = lookup(state.tables, "direction", gd.get("dir"))
    if direction is not None and rule.id == "month-relyear":
        y = dct.year + int(direction)
    elif direction == -1:
        y = dct.year if month < dct.month else dct.year - 1
    elif direction == 1:
        y = dct.year if month > dct.month else dct.year + 1
    elif direction == 0:
        y = dct.year
    else:
        y = infer_year(state, month, None, m.start(), m.end(), dct)
    return m.end(), rule.kind, month_value(y, month), mod


def resolve_numeric(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    """``4/9/2017``, ``5/14/82``: month first as in US copy, day first when the first is over 12."""
    a, b, y = int(gd["n1"]), int(gd["n2"]), int(gd["n3"])
    month, day = (a, b) if a <= 12 else (b, a)
    if y < 100:
        now = state.dct.year if state.dct else 2000
        y += 100 * (now // 100)
        if y > now + 10:
            y -= 100
    try:
        return m.end(), rule.kind, day_value(date(y, month, day)), rule.mod
    except ValueError:
        return None


def resolve_dateparser(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    d = state.parse_date(m[0])
    return None if d is None else (m.end(), rule.kind, day_value(d), rule.mod)


def resolve_decade(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    mod = mod_of(state.tables, gd, rule)
    if gd.get("decade"):
        return m.end(), rule.kind, gd["decade"], mod
    word = lookup(state.tables, "decade_word", gd.get("decword"))
    if word is not None:
        return m.end(), rule.kind, f"19{word}", mod
    digit = gd.get("decade2")
    if not digit:
        return None
    if state.dct is not None:
        century = (
            state.dct.year // 100 if int(digit) * 10 <= state.dct.year % 100 else state.dct.year // 100 - 1
        )
    else:
        century = 19
    return m.end(), rule.kind, f"{century:02d}{digit}", mod


def resolve_century(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    n = lookup(state.tables, "ordinal", gd.get("ordinal"))
    if not isinstance(n, int) or n < 1:
        return None
    return m.end(), rule.kind, f"{n - 1:02d}", mod_of(state.tables, gd, rule)


def resolve_quarter(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    word = (gd.get("ordinal") or "").casefold()
    last = word in state.tables.words["last_ordinal"]
    q = 4 if last else int(word) if word.isdigit() else lookup(state.tables, "ordinal", word)
    if not isinstance(q, int) or not 1 <= q <= 4:
        return None
    mod = mod_of(state.tables, gd, rule)
    if gd.get("year"):
        return m.end(), rule.kind, f"{int(gd['year']):04d}-Q{q}", mod
    direction = lookup(state.tables, "direction", gd.get("dir"))
    if direction is not None and state.dct is not None:
        return m.end(), rule.kind, f"{state.dct.year + int(direction):04d}-Q{q}", mod
    y = year_for_period(state, 3 * q - 2, m)
    return m.end(), rule.kind, f"{'XXXX' if y is None else f'{y:04d}'}-Q{q}", mod


def resolve_quarter_ref(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    which = squash((gd.get("which") or "").casefold())
    ctx = state.tables.words
    if not which and not m[0].casefold().startswith(ctx["definite"]):
        return None
    ended = None if state.quarter else ended_on(state, m)
    earlier_words = (*ctx["quarter_year_back"], *ctx["quarter_back"])
    if ended is not None and not gd.get("ago") and which not in earlier_words:
        # "the quarter ended July 31", no quarter named before (a fiscal one would number it):
        # the calendar quarter most of those three months lie in
        d = ended - timedelta(days=45)
        own = f"{d.year:04d}-Q{quarter_of(d)}"
        state.anchor = state.quarter = own
        return m.end(), rule.kind, own, rule.mod
    earlier = which in earlier_words or bool(gd.get("ago"))
    anchor = state.anchor if state.anchor and "-Q" in state.anchor else None
    if earlier and (anchor is None or not reported(state, anchor)):
        anchor = state.quarter  # a reported quarter: "the quarter ended July 31 ... the year-ago period"
    current = which in ctx["quarter_current"]
    if current and state.dct is not None:
        return m.end(), rule.kind, f"{state.dct.year:04d}-Q{quarter_of(state.dct)}", rule.mod
    if anchor is None and state.dct is not None:
        d = state.dct if current else add_months(state.dct, -3)
        anchor = f"{d.year:04d}-Q{quarter_of(d)}"
    if anchor is None:
        return m.end(), rule.kind, "XXXX-QX", rule.mod
    if which in ctx["quarter_year_back"] or gd.get("ago"):
        value = shift_value(anchor, -1, "Y")
    elif which in ctx["quarter_back"]:
        value = shift_value(anchor, -1, "Q")
    else:
        value = anchor
        state.anchor = anchor
    return (m.end(), rule.kind, value, rule.mod) if value else None


def resolve_half(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    h = (
        1 if (gd.get("ordinal") or "").casefold() in state.tables.words["first_half"] else 2
    )  # second, last, latter
    mod = mod_of(state.tables, gd, rule)
    if gd.get("year"):
        return m.end(), rule.kind, f"{int(gd['year']):04d}-H{h}", mod
    y = year_for_period(state, 6 * h - 5, m)
    return m.end(), rule.kind, f"{'XXXX' if y is None else f'{y:04d}'}-H{h}", mod


def resolve_season(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    code = lookup(state.tables, "season", gd.get("season"))
    if code not in _SEASONS:
        return None
    mod = mod_of(state.tables, gd, rule)
    direction = lookup(state.tables, "direction", gd.get("dir"))
    year = int(gd["year"]) if gd.get("year") else None
    if year is None and gd.get("spelled"):
        year = spelled_year(state.tables, gd["spelled"])
    if year is not None:
        return m.end(), rule.kind, f"{year:04d}-{code}", mod
    word = (gd.get("season") or "").casefold()
    ctx = state.tables.words
    if word in ctx["ambiguous_seasons"] and direction is None and not gd.get("mod"):
        before = WORD_BEFORE.search(state.text, max(0, m.start() - 30), m.start())
        if before is None or before[1].casefold() not in ctx["season_alone_after"]:
            return None
    if state.dct is None:
        return m.end(), rule.kind, f"XXXX-{code}", mod
    year, now = _season_of(state.dct)
    idx = _SEASONS.index(code)
    if direction is None:
        said = tense(state, m.start(), m.end())
        direction = {"past": -1, "future": 1}.get(said or "", 0)
        if direction == -1 and idx == now:
            direction = 0
        if direction == 1 and idx == now:
            direction = 0
    if direction == -1:
        y = year if idx < now else year - 1
    elif direction == 1:
        y = year if idx > now else year + 1
    else:
        y = year
    return m.end(), rule.kind, f"{y:04d}-{code}", mod


def resolve_holiday(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    spec = lookup(state.tables, "holiday", gd.get("holiday"))
    if not isinstance(spec, str):
        return None
    word = gd.get("holiday") or ""
    if not word[:1].isupper():
        return None
    year = int(gd["year"]) if gd.get("year") else (state.dct.year if state.dct else None)

    def on(y: int) -> date | None:
        month_s, day_s = spec.split("-")
        month = int(month_s)
        if day_s.isdigit():
            return date(y, month, int(day_s))
        wd = _WEEKDAY_CODES.index(day_s[:2]) + 1
        n = -1 if day_s[2:] == "L" else int(day_s[2:])
        return nth_weekday(y, month, wd, n)

    if year is None:
        d0 = on(2000)
        if d0 is None:
            return None
        value = f"XXXX-{d0.month:02d}-{d0.day:02d}" if spec[3:].isdigit() else "XXXX-XX-XX"
        return m.end(), rule.kind, value, rule.mod
    d = on(year)
    if d is None:
        return None
    if not gd.get("year") and state.dct is not None:
        direction = lookup(state.tables, "direction", gd.get("dir"))
        said = tense(state, m.start(), m.end())
        if (direction == -1 or (direction is None and said == "past")) and d > state.dct:
            d = on(year - 1)
        elif (direction == 1 or said == "future") and d < state.dct:
            d = on(year + 1)
    return (m.end(), rule.kind, day_value(d), rule.mod) if d else None
