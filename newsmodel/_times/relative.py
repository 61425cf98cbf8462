"""Resolvers of expressions relative to the publication date or to the story's last date:
weekdays, today and its neighbours, clock times, "last week", "three years ago", "that day",
durations, sets and vague references."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import regex

from ..model import TimeKind
from .calendar import (
    add_months,
    day_value,
    iso_week_value,
    month_value,
    quarter_of,
    shift_value,
    weekday_after,
    weekday_on_or_before,
)
from .dates import resolve_date, year_for_period
from .state import Found, TimeState, lookup, mod_of, number, squash
from .tables import TimeRule
from .tense import tense

_WORD_AFTER = regex.compile(r"^[\s,]*([\w’'%]+(?:\s+[\w’']+)?)")
_YEAR_MONTH = regex.compile(r"\d{4}-\d\d")
_DAY = regex.compile(r"\d{4}-\d\d-\d\d")
# Placeholders of a relative expression without a DCT, by unit; the units counted in steps.
_UNRESOLVED = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}
_STEPS = frozenset({"D", "W", "M", "Q", "Y", "DE"})


def weekday_date(state: TimeState, wd: int, direction: int | None, start: int, end: int) -> date | None:
    """The date of ISO weekday ``wd`` near publication: by the direction, else by the tense."""
    dct = state.dct
    if dct is None:
        return None
    if direction == -1:
        return weekday_on_or_before(dct - timedelta(days=1), wd)
    if direction == 1:
        return weekday_after(dct, wd)
    # "Tuesday's vote" is a vote already held, whatever the sentence goes on to say.
    possessive = state.text.startswith(state.tables.words["possessive"], end)
    if not possessive and tense(state, start, end) == "future":
        return dct + timedelta(days=(wd - dct.isoweekday()) % 7)
    return weekday_on_or_before(dct, wd)


def clock_value(state: TimeState, gd: Any) -> str | None:
    """The ``THH:MM`` of a match's clock groups (or of noon and midnight), if any."""
    tables = state.tables
    if gd.get("noon"):
        return str(tables.values["noon"].get(gd["noon"].casefold(), "T12:00"))
    if not gd.get("hour"):
        return None
    hour = int(gd["hour"])
    minute = int(gd["minute"]) if gd.get("minute") else 0
    ampm = (gd.get("ampm") or "").casefold()
    if tables.pm_prefix and ampm.startswith(tables.pm_prefix) and hour < 12:
        hour += 12
    elif tables.am_prefix and ampm.startswith(tables.am_prefix) and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


def resolve_weekday(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    word = gd.get("weekday") or ""
    wd = lookup(state.tables, "weekday", word)
    if not isinstance(wd, int) or not word[:1].isupper():
        return None
    after = _WORD_AFTER.match(state.text[m.end() : m.end() + 40])
    if after and after[1][:1].isupper():
        first = after[1].casefold().split()[0]
        if (
            first in state.tables.words["weekday_titles"]
            or after[1].casefold() in state.tables.words["weekday_titles"]
        ):
            return None
    direction = lookup(state.tables, "direction", gd.get("dir"))
    dir_word = (gd.get("dir") or "").casefold()
    if (
        dir_word in state.tables.words["anaphoric_directions"]
        and direction
        and state.anchor
        and _DAY.fullmatch(state.anchor)
    ):
        # "the previous Friday", "the following Monday": counted from the story's last date
        anchor = date.fromisoformat(state.anchor)
        if direction < 0:
            d: date | None = weekday_on_or_before(anchor - timedelta(days=1), wd)
        else:
            d = weekday_after(anchor, wd)
    else:
        d = weekday_date(state, wd, direction, m.start(), m.end())
    base = f"XXXX-WXX-{wd}" if d is None else day_value(d)
    clock = clock_value(state, gd)
    pod = lookup(state.tables, "pod", gd.get("pod"))
    if clock:
        return m.end(), TimeKind.TIME, base + clock, rule.mod
    if pod:
        return m.end(), TimeKind.TIME, f"{base}T{pod}", rule.mod
    return m.end(), rule.kind, base, rule.mod


def resolve_deictic(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    word = (gd.get("deictic") or "").casefold()
    offset = lookup(state.tables, "deictic", word)
    mod = rule.mod
    words = (gd.get("dir") or "").casefold().split()
    values = state.tables.values
    if offset is None:
        offset = -1 if words[-1:] and words[-1] in state.tables.words["pod_back"] else 0
    mod = values["pod_mods"].get(words[0] if words else "", mod)
    pod = lookup(state.tables, "pod", gd.get("pod"))
    if word in values["deictic_pod"]:
        pod = pod or values["deictic_pod"][word]
    base = "XXXX-XX-XX" if state.dct is None else day_value(state.dct + timedelta(days=int(offset)))
    if pod:
        return m.end(), TimeKind.TIME, f"{base}T{pod}", mod
    return m.end(), rule.kind, base, mod


def resolve_clock(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    clock = clock_value(state, gd)
    if clock is None:
        return None
    if gd.get("month") and gd.get("day"):
        found = resolve_date(state, rule, m, {**gd, "mod": None})
        if found is None:
            return None
        base = found[2]
    elif gd.get("weekday"):
        wd = lookup(state.tables, "weekday", gd["weekday"])
        d = weekday_date(state, int(wd), None, m.start(), m.end()) if isinstance(wd, int) else None
        base = day_value(d) if d else (f"XXXX-WXX-{wd}" if isinstance(wd, int) else "XXXX-XX-XX")
    elif gd.get("deictic") and state.dct is not None:
        base = day_value(state.dct + timedelta(days=int(lookup(state.tables, "deictic", gd["deictic"]) or 0)))
    elif state.anchor and len(state.anchor) == 10:
        base = state.anchor  # a clock time tells the time of the day the story is at
    else:
        base = "XXXX-XX-XX" if state.dct is None else day_value(state.dct)
    return m.end(), rule.kind, base + clock, mod_of(state.tables, gd, rule)


def relative_value(state: TimeState, unit: str, offset: int, m: regex.Match[str]) -> str | None:
    """DCT moved by ``offset`` units, at the unit's granularity; placeholders without a DCT."""
    dct = state.dct
    code = lookup(state.tables, "unit", state.tables.values["unit_aliases"].get(unit, unit))
    if dct is None:
        return _UNRESOLVED.get(code)
    if code == "D":
        return day_value(dct + timedelta(days=offset))
    if code == "W":
        if dct.isoweekday() == 7 and offset >= 0:
            # On a Sunday the week now ending is "last week" and "this week" is the one beginning.
            return iso_week_value(dct + timedelta(days=1 + 7 * max(0, offset - 1)))
        if dct.isoweekday() == 7 and offset == -1:
            return iso_week_value(dct)
        return iso_week_value(dct + timedelta(weeks=offset))
    if code == "WE":
        past = tense(state, m.start(), m.end()) != "future"
        definite = m[0].casefold().startswith(state.tables.words["definite"])
        if offset == 0 and definite and dct.isoweekday() < 6 and past:
            offset = -1
        return iso_week_value(dct + timedelta(weeks=offset)) + "-WE"
    if code in ("M", "Q"):
        d = add_months(dct, offset * (3 if code == "Q" else 1))
        return month_value(d.year, d.month) if code == "M" else f"{d.year:04d}-Q{quarter_of(d)}"
    if code == "Y":
        return f"{dct.year + offset:04d}"
    if code == "DE":
        return _in_range(dct.year // 10 + offset, 999, "{:03d}")
    if code == "CE":
        return _in_range(dct.year // 100 + offset, 99, "{:02d}")
    return None


def resolve_relative(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    unit = squash((gd.get("unit") or rule.unit or "").casefold())
    direction = lookup(state.tables, "direction", gd.get("dir"))
    offset = rule.offset if direction is None else int(direction)
    if offset is None:
        return None
    mod = mod_of(state.tables, gd, rule)
    if rule.id == "the-year":
        after = _WORD_AFTER.match(state.text[m.end() : m.end() + 20])
        if after and after[1].casefold().split()[0] in state.tables.words["period_end"]:
            return m.end(), TimeKind.DURATION, "P1Y", mod  # "the year ended June 30"
    dir_word = (gd.get("dir") or "").casefold()
    code = lookup(state.tables, "unit", unit)
    ctx = state.tables.words
    anaphoric = dir_word in ctx["anaphoric_directions"] or (
        dir_word in ctx["anaphoric_next_day"] and code == "D"
    )
    step = code if code in _STEPS else None
    if anaphoric and state.anchor and step:
        shifted = shift_value(_truncate(state.anchor, step), offset, step)
        if shifted:
            return m.end(), rule.kind, shifted, mod
    value = relative_value(state, unit, offset, m)
    return None if value is None else (m.end(), rule.kind, value, mod)


def resolve_ago(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    word = squash((gd.get("ago") or "").casefold())
    n = number(state.tables, gd.get("num"))
    unit = lookup(state.tables, "unit", gd.get("unit"))
    if n is None or not isinstance(unit, str):
        return None
    ctx = state.tables.words
    sign = -1 if word in ctx["ago_past"] else 1
    mod = mod_of(state.tables, gd, rule)
    if n == "X" or not isinstance(n, int):
        if word in ctx["ago_from_publication"]:
            return m.end(), rule.kind, "PAST_REF" if sign < 0 else "FUTURE_REF", mod
        # "a few days after": the span is the duration, the relation is the event's business.
        end = m.start("ago")
        while end > m.start() and state.text[end - 1].isspace():
            end -= 1
        return end, TimeKind.DURATION, _duration_value(n, unit), mod
    if word in ctx["ago_duration"] or (word in ctx["ago_duration_short"] and unit in ("D", "H", "MIN", "S")):
        end = m.start("ago")
        while end > m.start() and state.text[end - 1].isspace():
            end -= 1
        return end, TimeKind.DURATION, _duration_value(n, unit), mod
    units = {"D": "D", "W": "W", "WE": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE"}
    step = units.get(unit)
    if step is None:  # hours and minutes ago: the day
        return (m.end(), rule.kind, "XXXX-XX-XX" if state.dct is None else day_value(state.dct), mod)
    anchor = state.anchor
    if step == "Y" and n == 1 and state.quarter:
        anchor = state.quarter  # "up from $4 million a year earlier": the same quarter of last year
    elif word in ctx["ago_from_publication"]:
        anchor = None
    if anchor is not None:
        value = shift_value(anchor, sign * n, step)
        if value is not None:
            return m.end(), rule.kind, value, mod
    if state.dct is None:
        return (
            m.end(),
            rule.kind,
            {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(step, "XXXX"),
            mod,
        )
    return m.end(), rule.kind, _counted_from(state.dct, step, sign * n), mod


def _in_range(n: int, top: int, form: str) -> str:
    """``n`` formatted, or OverflowError when it is past the calendar (the caller resolves again
    without the publication date)."""
    if not 0 <= n <= top:
        raise OverflowError(f"{n} is past the calendar")
    return form.format(n)


def _counted_from(dct: date, step: str, n: int) -> str:
    """Publication moved by ``n`` steps (``D``, ``W``, ``M``, ``Q``, ``Y``, ``DE``), at the step's granularity."""
    if step == "D":
        return day_value(dct + timedelta(days=n))
    if step == "W":
        return iso_week_value(dct + timedelta(weeks=n))
    if step == "M":
        d = add_months(dct, n)
        return month_value(d.year, d.month)
    if step == "Q":
        d = add_months(dct, 3 * n)
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if step == "Y":
        return f"{dct.year + n:04d}"
    return f"{dct.year + 10 * n:04d}"


def resolve_year_earlier(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    word = (gd.get("ordinal") or "").casefold()
    if word:  # "the year-ago third quarter": that quarter, a year before this year's
        q = 4 if word in state.tables.words["last_ordinal"] else lookup(state.tables, "ordinal", word)
        y = year_for_period(state, 3 * int(q) - 2, m) if isinstance(q, int) else None
        year = "XXXX" if y is None else f"{y - 1:04d}"
        return m.end(), rule.kind, f"{year}-Q{q}", rule.mod
    anchor = state.quarter or state.anchor
    if anchor:
        value = shift_value(anchor, -1, "Y")
        if value:
            return m.end(), rule.kind, value, rule.mod
    if state.dct is None:
        return m.end(), rule.kind, "XXXX", rule.mod
    return m.end(), rule.kind, f"{state.dct.year - 1:04d}", rule.mod


def resolve_that(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    unit = (gd.get("unit") or "").casefold()
    pod = lookup(state.tables, "pod", unit)
    anchor = state.anchor
    if anchor is None:
        return None
    code = lookup(state.tables, "unit", unit)
    if pod or code == "D":
        if len(anchor) != 10:
            return None
        if pod:
            return m.end(), TimeKind.TIME, f"{anchor}T{pod}", rule.mod
        return m.end(), rule.kind, anchor, rule.mod
    step = str(code)
    if step == "Q":
        return (m.end(), rule.kind, state.quarter, rule.mod) if state.quarter else None
    return m.end(), rule.kind, _truncate(anchor, step), rule.mod


def resolve_duration(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    n = number(state.tables, gd.get("num")) if gd.get("num") is not None else "X"
    unit = lookup(state.tables, "unit", gd.get("unit"))
    if n is None or not isinstance(unit, str):
        return None
    if unit == "Q" and state.tables.fraction_of.match(state.text, m.end(), m.end() + 4):
        return None  # "three quarters of the vote"
    if unit == "S" and n != "X" and (gd.get("num") or "").casefold() in state.tables.words["indefinite"]:
        return None  # "a second": the ordinal, mostly
    return m.end(), rule.kind, _duration_value(n, unit), mod_of(state.tables, gd, rule)


def resolve_set(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    if gd.get("frequency"):
        value = lookup(state.tables, "frequency", gd["frequency"])
        return None if value is None else (m.end(), rule.kind, str(value), rule.mod)
    if gd.get("weekday"):
        wd = lookup(
            state.tables, "weekday", gd["weekday"].casefold().removesuffix(state.tables.plural_suffix)
        )
        return None if wd is None else (m.end(), rule.kind, f"XXXX-WXX-{wd}", rule.mod)
    if gd.get("pod"):
        return m.end(), rule.kind, f"XXXX-XX-XXT{lookup(state.tables, 'pod', gd['pod'])}", rule.mod
    if gd.get("month"):
        month = lookup(state.tables, "month", gd["month"])
        return None if month is None else (m.end(), rule.kind, f"XXXX-{int(month):02d}", rule.mod)
    unit = lookup(state.tables, "unit", gd.get("unit"))
    if not isinstance(unit, str):
        return None
    n = number(state.tables, gd.get("num")) if gd.get("num") else 1
    if not isinstance(n, int):
        return None
    return m.end(), rule.kind, _duration_value(n, unit), rule.mod


def resolve_fixed(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    return m.end(), rule.kind, rule.value or "", rule.mod


def resolve_if_future(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    if tense(state, m.start(), m.end()) != "future":
        return None
    return m.end(), rule.kind, rule.value or "FUTURE_REF", rule.mod


def resolve_ref(state: TimeState, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
    value = lookup(state.tables, "ref", gd["ref"])
    return None if value is None else (m.end(), rule.kind, str(value), rule.mod)


def _truncate(value: str, step: str) -> str:
    """A date value cut to the granularity of ``step`` (a day to its month for ``M``)."""
    if step in ("Y", "DE"):
        return value[:4]
    if step == "M" and _YEAR_MONTH.match(value):
        return value[:7]
    if step == "W" and len(value) == 10:
        try:
            return iso_week_value(date.fromisoformat(value))
        except ValueError:
            return value
    return value


def _duration_value(n: float | str, unit: str) -> str:
    """``P3D``, ``PT2H``, ``PXY``, ``P20Y`` for two decades, ``P2Y6M`` for 2 1/2 years."""
    if unit == "DE" and not isinstance(n, str):
        n, unit = n * 10, "Y"
    elif unit == "CE" and not isinstance(n, str):
        n, unit = n * 100, "Y"
    if isinstance(n, float) and not n.is_integer():
        whole = int(n)
        rest = {
            "Y": (12, "M", ""),
            "D": (24, "H", "T"),
            "H": (60, "M", ""),
            "W": (7, "D", ""),
            "M": (30, "D", ""),
        }
        if unit in rest:
            factor, small, sep = rest[unit]
            part = (n - whole) * factor
            if part.is_integer():
                head = "PT" if unit == "H" else "P"
                lead = f"{whole}{unit}" if whole else ""
                return f"{head}{lead}{sep}{int(part)}{small}"
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    count = str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    return f"P{count}{unit}"
