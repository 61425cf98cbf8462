"""Calendar arithmetic on TIMEX3 values: our own, on top of :mod:`datetime` only.

Values are strings at one of these granularities (see ``docs/times.md``): ``2017-04-09`` (day),
``2017-W14`` (ISO week), ``2017-W14-WE`` (weekend), ``2017-04`` (month), ``2017-Q2`` (quarter),
``2017-H1`` (half), ``2017-SU`` (season), ``2017`` (year), ``201`` (decade), ``20`` (century).
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

import regex

__all__ = [
    "add_months",
    "add_years",
    "day_value",
    "iso_week_value",
    "month_value",
    "nth_weekday",
    "quarter_of",
    "shift_value",
    "weekday_after",
    "weekday_on_or_before",
]

_VALUE = regex.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
)


def day_value(d: date) -> str:
    """``YYYY-MM-DD``."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_value(year: int, month: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def iso_week_value(d: date) -> str:
    """The ISO 8601 week holding ``d``: ``2017-W14``; the ISO year may differ from ``d.year``."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    """1 to 4."""
    return (d.month - 1) // 3 + 1


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, the day clamped to the month's length."""
    total = d.year * 12 + d.month - 1 + n
    year, month = divmod(total, 12)
    month += 1
    if not 1 <= year <= 9999:  # past the calendar: never clamp to a wrong month
        raise OverflowError(f"year {year} is out of range")
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def add_years(d: date, n: int) -> date:
    """``d`` moved by ``n`` years (29 February becomes 28 February in other years)."""
    return add_months(d, 12 * n)


def weekday_on_or_before(d: date, weekday: int) -> date:
    """The latest date on or before ``d`` whose ISO weekday (Monday 1 ... Sunday 7) is ``weekday``."""
    return d - timedelta(days=(d.isoweekday() - weekday) % 7)


def weekday_after(d: date, weekday: int) -> date:
    """The first date strictly after ``d`` with this ISO weekday."""
    return d + timedelta(days=(weekday - d.isoweekday() - 1) % 7 + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` for the last one."""
    if n < 0:
        last = date(year, month, _cal.monthrange(year, month)[1])
        return weekday_on_or_before(last, weekday)
    first = date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def _monday_of_iso_week(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def shift_value(value: str, n: int, unit: str) -> str | None:
    """Move a TIMEX3 date value by ``n`` units (``D``, ``W``, ``M``, ``Q``, ``Y``, ``DE``), keeping its granularity.

    Returns ``None`` when the value is not a calendar value or the unit is finer than the value
    (a day cannot be counted from a year).
    """
    m = _VALUE.fullmatch(value)
    if m is None:
        if unit == "DE" and regex.fullmatch(r"\d{3}", value):
            return f"{int(value) + n:03d}" if 0 <= int(value) + n <= 999 else None
        return None
    y = int(m["y"])
    try:
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            if unit == "D":
                return day_value(d + timedelta(days=n))
            if unit == "W":
                return day_value(d + timedelta(weeks=n))
            months = {"M": 1, "Q": 3, "Y": 12, "DE": 120}.get(unit)
            return None if months is None else day_value(add_months(d, n * months))
        if m["w"]:
            monday = _monday_of_iso_week(y, int(m["w"]))
            days = {"W": 7, "Y": 364}.get(unit)
            if unit == "Y":
                iso_y, iso_w = y + n, int(m["w"])
                if iso_w == 53 and date(iso_y, 12, 28).isocalendar()[1] != 53:
                    iso_w = 52
                return f"{iso_y:04d}-W{iso_w:02d}{m['we'] or ''}"
            if days is None:
                return None
            return iso_week_value(monday + timedelta(days=days * n)) + (m["we"] or "")
        if m["m"]:
            months = {"M": 1, "Q": 3, "Y": 12, "DE": 120}.get(unit)
            if months is None:
                return None
            d = add_months(date(y, int(m["m"]), 1), n * months)
            return month_value(d.year, d.month)
        if m["q"]:
            quarters = {"Q": 1, "Y": 4, "DE": 40}.get(unit)
            if quarters is None:
                return None
            total = y * 4 + int(m["q"]) - 1 + n * quarters
            return f"{total // 4:04d}-Q{total % 4 + 1}"
        if m["h"]:
            halves = {"Y": 2, "DE": 20}.get(unit)
            if halves is None:
                return None
            total = y * 2 + int(m["h"]) - 1 + n * halves
            return f"{total // 2:04d}-H{total % 2 + 1}"
        if m["s"]:
            return f"{y + n:04d}-{m['s']}" if unit in ("Y",) else None
        years = {"Y": 1, "DE": 10}.get(unit)
        return None if years is None else f"{y + n * years:04d}"
    except (ValueError, OverflowError):
        return None
