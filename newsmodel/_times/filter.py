"""The negative rules: what only looks like a time ("may" the modal, "Theresa May", "2000
soldiers", "the Sunday Times", "$2013", "today's youth")."""

from __future__ import annotations

from typing import Any

import regex

from .._text.patterns import WORD_BEFORE
from .state import TimeState
from .tables import TimeRule, TimeTables

__all__ = ["acceptable", "is_title"]

_WORD_AFTER = regex.compile(r"\s{0,3}([\w%]+(?:\s{1,3}\w+)?)")
_CURRENCY = frozenset("$£€¥#")
_DAY_AFTER = regex.compile(r"\s{1,3}\d")


def _word_before(text: str, start: int) -> regex.Match[str] | None:
    return WORD_BEFORE.search(text, max(0, start - 30), start)


def acceptable(state: TimeState, m: regex.Match[str], rule: TimeRule, gd: dict[str, Any]) -> bool:
    """Whether no negative rule rejects the match ``m`` of ``rule``."""
    text = state.text
    start, end = m.start(), m.end()
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    if before[-1:] in _CURRENCY or (before[:1].isdigit() and before[1:] in (".", ",")):
        return False  # "$2013", "1,2013"
    if after[:1] == "%" or (after[:1] in (".", ",", "-", "/") and after[1:].isdigit()):
        return False  # "2013.5", "2013-14" read as a number
    if text.startswith(state.tables.words["comparison_infix"], end):
        return False  # "quarter-to-quarter", "day-to-day": a comparison, not a time
    if rule.resolve == "deictic" and not _deictic_specific(state, m, gd):
        return False  # "today's youth", "the people of tomorrow"
    if gd.get("frequency") and _is_rate(state, start):
        return False  # "rise 8.5% annually", "average daily volume": a rate, not a time
    if gd.get("noon"):
        prev = _word_before(text, start)
        if prev is not None and prev[1].casefold() in state.tables.words["noon_not_after"]:
            return False  # "high noon", "High Noon"
    unit = gd.get("unit")
    if rule.resolve == "duration" and unit and unit[:1].isupper() and not m[0].isupper():
        return False  # "CBS's 60 Minutes": a capitalised unit makes a title
    if rule.resolve in ("relative", "deictic", "ref") and is_title(text, start, end):
        return False  # ABC's "This Week", "Good Morning America"
    month = gd.get("month")
    if month and not month.isdigit():
        found = _month_ok(state, m, rule, gd, month)
        if found is not None:
            return found
    if rule.id in ("year", "year-range") and not gd.get("fiscal"):
        return _year_ok(state, start, end, gd)
    return True


def _is_rate(state: TimeState, start: int) -> bool:
    text = state.text
    prev = _word_before(text, start)
    word = prev[1].casefold() if prev is not None else ""
    last = text[max(0, start - 3) : start].rstrip()[-1:]
    return word in state.tables.words["rate_before"] or word[-1:].isdigit() or last == "%" or last.isdigit()


def _month_ok(
    state: TimeState, m: regex.Match[str], rule: TimeRule, gd: dict[str, Any], month: str
) -> bool | None:
    """For a match holding a month name: ``False`` when it is no month here ("may" the modal,
    "Theresa May", "March, April and May" read apart), ``True`` when it surely is, ``None`` when
    the other rules decide."""
    if not month[:1].isupper():
        return False
    bare = rule.id == "month" and not gd.get("day") and not gd.get("year")
    if not bare:
        return None
    text, ctx = state.text, state.tables.words
    start, end = m.start(), m.end()
    if _DAY_AFTER.match(text, end, end + 4):
        return False  # "last Oct. 23": the date starts at the month
    key = month.casefold().rstrip(".")
    if key in ctx["abbreviated_months"] and not m[0].endswith("."):
        return False
    if gd.get("dir") or gd.get("mod"):
        return None
    prev = _word_before(text, start)
    word = prev[1].casefold() if prev is not None else ""
    months = state.tables.lists["month"]
    if word in ctx["list_joiners"] and prev is not None:
        # "March, April and May": a month in a list of months
        prev2 = _word_before(text, prev.start())
        if prev2 is not None and prev2[1].casefold().rstrip(".") in months:
            return prev2[1][:1].isupper()
    if word.rstrip(".") in months and prev is not None and prev[1][:1].isupper():
        return True
    if word not in ctx["month_alone_before"]:
        return False
    if key in ctx["word_months"] and word in ctx["list_joiners"]:
        return False
    return None


def _year_ok(state: TimeState, start: int, end: int, gd: dict[str, Any]) -> bool:
    """Whether a bare four-digit number is a year ("2000 soldiers", "Windows 2000" are not)."""
    text, ctx = state.text, state.tables.words
    nxt = _WORD_AFTER.match(text, end, min(len(text), end + 30))
    if nxt:
        words = nxt[1].casefold()
        first = words.split()[0]
        if first in ctx["year_not_before"] or words in ctx["year_not_before"]:
            return False
    prev = _word_before(text, start)
    if prev and prev[1].casefold() in ctx["year_not_after"] and not gd.get("mod"):
        return False
    if prev and not gd.get("mod") and _names_a_product(text, prev, state.tables):
        return False  # "Windows 2000", "Apollo 13"
    year = int(gd["year"] or 0)
    return 1600 <= year <= 2099 or bool(gd.get("mod"))


def _deictic_specific(state: TimeState, m: regex.Match[str], gd: dict[str, Any]) -> bool:
    """Whether "today" or "tomorrow" names a day rather than the present age or the future."""
    text, ctx = state.text, state.tables.words
    word = (gd.get("deictic") or "").casefold()
    if word not in ctx["deictic_days"] or gd.get("pod"):
        return True
    start, end = m.start(), m.end()
    if text.startswith(ctx["possessive"], end):
        nxt = _WORD_AFTER.match(text, end + 2, min(len(text), end + 40))
        if nxt is not None and nxt[1].casefold().split()[0] in ctx["generic_after_today"]:
            return False
    prev = _word_before(text, start)
    return not (
        prev is not None and prev[1].casefold() in ctx["deictic_not_after"] and not text[start].isupper()
    )


def _names_a_product(text: str, prev: regex.Match[str], tables: TimeTables) -> bool:
    """Whether the capitalised word right before a bare year makes it part of a name
    ("Windows 2000"): not a month, weekday or season, not opening a sentence."""
    word = prev[1]
    if not word[:1].isupper() or text[prev.end(1) : prev.end()].strip():
        return False
    key = word.casefold().rstrip(".")
    if any(key in tables.lists.get(name, {}) for name in ("month", "weekday", "season", "weekday_abbr")):
        return False
    if key in tables.words["month_alone_before"] or key in tables.prefix:
        return False  # "In 2013", "Since 1949", "Early 2016"
    before = text[max(0, prev.start() - 3) : prev.start()].rstrip(" “\"‘'(")
    return bool(before) and before[-1] not in ".!?:\n"


def is_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is two or more capitalised words not opening a sentence."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, start - 8) : start].rstrip(" “\"‘'(")
    return bool(before) and before[-1] not in ".!?:\n"
