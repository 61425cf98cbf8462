"""Resolvers: from a rule's match to a TIMEX3 value, by our own calendar arithmetic.

One :class:`Resolution` runs per article. It holds the publication date and the *anchor*, the
last calendar date the text mentioned, which "a year earlier" and "the quarter" count from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import regex

from ..model import TimeKind
from .calendar import (
    add_months,
    day_value,
    iso_week_value,
    month_value,
    nth_weekday,
    quarter_of,
    shift_value,
    weekday_after,
    weekday_on_or_before,
)
from .grammar import Grammar, TimeRule

__all__ = ["Found", "Resolution"]

Found = tuple[int, TimeKind, str, str | None]
"""What a resolver returns: ``(end, kind, value, mod)``; ``end`` may trim the match."""

_SEASONS = ("SP", "SU", "FA", "WI")
_PAST_WORDS = ("ago", "earlier", "before", "previously", "back")
_DCT_WORDS = ("ago", "hence", "from now", "back")
_ANCHORING = frozenset(
    {"date", "quarter", "half", "season", "weekday", "deictic", "relative", "holiday", "dateparser"}
)
_QUANTITY_MODS = frozenset({"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})
_SPACES = regex.compile(r"\s+")
_HALF = regex.compile(r"(\d{1,3})[\s-]1/2")
_DECIMAL = regex.compile(r"[\d,]+(?:\.\d+)?")
_OF = regex.compile(r"\s+of\b")
_YEAR_MONTH = regex.compile(r"\d{4}-\d\d")
_DAY = regex.compile(r"\d{4}-\d\d-\d\d")
_EARLIER_WHICH = frozenset(
    {"year-earlier", "year-ago", "year-before", "comparable", "previous", "prior", "past", "last"}
)
_NUMBER_SPLIT = regex.compile(r"[\s-]+(?:and\s+)?")
_WORD_BEFORE = regex.compile(r"([\w’'.]+)[\s,]*$", regex.REVERSE)
_WORD_AFTER = regex.compile(r"^[\s,]*([\w’'%]+(?:\s+[\w’']+)?)")
_ENDED_ON = regex.compile(
    r"[\s,]{1,4}([a-z]{5,6})\s{1,3}([a-z]{3,9})\.?\s{1,3}(\d{1,2})\b(?:,?\s{1,3}(\d{4})\b)?", regex.IGNORECASE
)


def _squash(words: str) -> str:
    return _SPACES.sub(" ", words) if "  " in words or "\n" in words or "\t" in words else words


def _season_of(d: date) -> tuple[int, int]:
    """(season year, index in SP SU FA WI); January and February belong to the previous year's winter."""
    m = d.month
    if m in (1, 2):
        return d.year - 1, 3
    if m == 12:
        return d.year, 3
    return d.year, (m - 3) // 3


class Resolution:
    """Resolves the matches of one article, in text order."""

    def __init__(
        self,
        grammar: Grammar,
        text: str,
        published: date | None,
        tense: Callable[[int, int], str | None],
        parse_date: Callable[[str], date | None],
    ) -> None:
        self.g = grammar
        self.text = text
        self.dct: date | None = published.date() if isinstance(published, datetime) else published
        self.tense = tense
        self.parse_date = parse_date
        self.anchor: str | None = None
        self.quarter: str | None = None

    # -- helpers ---------------------------------------------------------------------------------

    def _list(self, name: str, word: str | None) -> Any:
        if word is None:
            return None
        return self.g.lists.get(name, {}).get(_squash(word.casefold()).rstrip("."))

    def _mod(self, gd: Mapping[str, str | None], rule: TimeRule) -> str | None:
        mod = self._list("mod", gd.get("mod"))
        return str(mod) if mod is not None else rule.mod

    def _number(self, words: str | None) -> float | str | None:
        """The count a number phrase says: an int or float, ``"X"`` when vague, ``None`` if unreadable."""
        if words is None:
            return 1
        w = words.casefold().strip()
        if w in self.g.lists.get("vague", {}) or w in (
            "recent",
            "past few",
            "last few",
            "next few",
            "coming",
        ):
            return "X"
        half = _HALF.fullmatch(w)
        if half:
            return int(half[1]) + 0.5
        if _DECIMAL.fullmatch(w):
            n = float(w.replace(",", ""))
            return int(n) if n.is_integer() else n
        if w in ("a", "an"):
            return 1
        if w in ("half a", "half an", "a half"):
            return 0.5
        if w == "one and a half":
            return 1.5
        if w in ("other",):
            return 2
        numbers = self.g.lists.get("numword", {})
        if w in numbers:
            return int(numbers[w])
        total = 0
        for part in _NUMBER_SPLIT.split(w):
            if part not in numbers:
                return None
            value = int(numbers[part])
            total = total * value if value in (100, 1000) and total else total + value
        return total

    def _spelled_year(self, words: str) -> int | None:
        """``nineteen ninety-six`` -> 1996, ``two thousand one`` -> 2001."""
        parts = _NUMBER_SPLIT.split(words.casefold().strip())
        if parts[:2] == ["two", "thousand"]:
            rest = self._number(" ".join(parts[2:])) if parts[2:] else 0
            return 2000 + rest if isinstance(rest, int) else None
        head = self._number(parts[0])
        tail = self._number(" ".join(parts[1:])) if parts[1:] else None
        if not isinstance(head, int) or not isinstance(tail, int):
            return None
        return head * 100 + (0 if tail == 100 else tail)

    def _infer_year(self, month: int, day: int | None, start: int, end: int, dct: date) -> int:
        """The year of a month (and day) the text gives without one.

        The nearest such date to publication, unless the tense says otherwise and the nearest lies
        more than two months on the wrong side of publication.
        """

        def ordinal(y: int) -> int:
            return y * 372 + month * 31 + (day or 15)

        now = dct.year * 372 + dct.month * 31 + (dct.day if day is not None else 15)
        year = min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs(ordinal(y) - now))
        tense = self.tense(start, end)
        if tense == "past" and ordinal(year) - now > 62:
            year -= 1
        elif tense == "future" and now - ordinal(year) > 62:
            year += 1
        return year

    # -- the entry point -------------------------------------------------------------------------

    def resolve(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        """The value of one match (``gd`` its group dictionary), or ``None`` when a rule rejects it."""
        method = getattr(self, "_r_" + rule.resolve.replace("-", "_"))
        try:
            found: Found | None = method(rule, m, gd)
            if found is not None and _BEYOND.match(found[2]):
                raise OverflowError(found[2])
        except (ValueError, OverflowError) as exc:
            if self.dct is None or not (isinstance(exc, OverflowError) or "year" in str(exc)):
                raise
            # Past year 1 or 9999: the value the text gives without a publication date (X
            # placeholders), never a wrong one.
            dct, self.dct = self.dct, None
            try:
                found = method(rule, m, gd)
            finally:
                self.dct = dct
        if found is not None and rule.resolve in _ANCHORING and found[1] in (TimeKind.DATE, TimeKind.TIME):
            value = found[2].split("T")[0]
            if value[:1].isdigit() and "X" not in value:
                self.anchor = value
                if "-Q" in value and (self._reported(value) or self._ended_on(m) is not None):
                    self.quarter = value
        return found

    # -- resolvers -------------------------------------------------------------------------------

    def _r_fixed(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        return m.end(), rule.kind, rule.value or "", rule.mod

    def _r_if_future(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        if self.tense(m.start(), m.end()) != "future":
            return None
        return m.end(), rule.kind, rule.value or "FUTURE_REF", rule.mod

    def _r_ref(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        value = self._list("ref", gd["ref"])
        return None if value is None else (m.end(), rule.kind, str(value), rule.mod)

    def _r_date(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        mod = self._mod(gd, rule)
        year = int(gd["year"]) if gd.get("year") else None
        if year is None and gd.get("spelled"):
            year = self._spelled_year(gd["spelled"])
            if year is None:
                return None
        month_word = gd.get("month")
        if gd.get("year") and mod in _QUANTITY_MODS:
            return None  # "about 2000" counts things
        month: int | None = None
        if month_word:
            month = int(month_word) if month_word.isdigit() else self._list("month", month_word)
            if month is None:
                return None
        day = int(gd["day"]) if gd.get("day") else None
        dct = self.dct
        if month is None:
            if year is None:
                return None
            period = (gd.get("period") or "").casefold()
            if period in ("period", "quarter") and self.quarter:
                # "the 1988 period" beside "the third quarter": that quarter of 1988
                return m.end(), rule.kind, f"{year:04d}{self.quarter[4:]}", mod
            return m.end(), rule.kind, f"{year:04d}", mod
        if day is not None and rule.id == "week-of":
            found = self._r_date(rule.evolve_id("month-day-year"), m, gd)
            if found is None or "X" in found[2]:
                return found
            return found[0], rule.kind, iso_week_value(date.fromisoformat(found[2])), mod
        if day is not None:
            try:
                if year is not None:
                    return m.end(), rule.kind, day_value(date(year, month, day)), mod
                if dct is None:
                    date(2000, month, day)
                    return m.end(), rule.kind, f"XXXX-{month:02d}-{day:02d}", mod
                y = self._infer_year(month, day, m.start(), m.end(), dct)
                return m.end(), rule.kind, day_value(date(y, month, day)), mod
            except ValueError:
                return None
        if year is not None:
            return m.end(), rule.kind, month_value(year, month), mod
        if dct is None:
            return m.end(), rule.kind, f"XXXX-{month:02d}", mod
        direction = self._list("direction", gd.get("dir"))
        if direction is not None and rule.id == "month-relyear":
            y = dct.year + int(direction)
        elif direction == -1:
            y = dct.year if month < dct.month else dct.year - 1
        elif direction == 1:
            y = dct.year if month > dct.month else dct.year + 1
        elif direction == 0:
            y = dct.year
        else:
            y = self._infer_year(month, None, m.start(), m.end(), dct)
        return m.end(), rule.kind, month_value(y, month), mod

    def _r_numeric(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        """``4/9/2017``, ``5/14/82``: month first as in US copy, day first when the first is over 12."""
        a, b, y = int(gd["n1"]), int(gd["n2"]), int(gd["n3"])
        month, day = (a, b) if a <= 12 else (b, a)
        if y < 100:
            now = self.dct.year if self.dct else 2000
            y += 100 * (now // 100)
            if y > now + 10:
                y -= 100
        try:
            return m.end(), rule.kind, day_value(date(y, month, day)), rule.mod
        except ValueError:
            return None

    def _r_dateparser(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        d = self.parse_date(m[0])
        return None if d is None else (m.end(), rule.kind, day_value(d), rule.mod)

    def _r_decade(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        mod = self._mod(gd, rule)
        if gd.get("decade"):
            return m.end(), rule.kind, gd["decade"], mod
        word = self._list("decade_word", gd.get("decword"))
        if word is not None:
            return m.end(), rule.kind, f"19{word}", mod
        digit = gd.get("decade2")
        if not digit:
            return None
        if self.dct is not None:
            century = (
                self.dct.year // 100 if int(digit) * 10 <= self.dct.year % 100 else self.dct.year // 100 - 1
            )
        else:
            century = 19
        return m.end(), rule.kind, f"{century:02d}{digit}", mod

    def _r_century(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        n = self._list("ordinal", gd.get("ordinal"))
        if not isinstance(n, int) or n < 1:
            return None
        return m.end(), rule.kind, f"{n - 1:02d}", self._mod(gd, rule)

    def _year_for_period(self, start_month: int, m: regex.Match[str]) -> int | None:
        """The year of a quarter or half the text gives without a year."""
        if self.dct is None:
            return None
        y = self.dct.year
        if start_month > self.dct.month and self.tense(m.start(), m.end()) != "future":
            return y - 1
        return y

    def _r_quarter(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        word = (gd.get("ordinal") or "").casefold()
        q = 4 if word == "final" else int(word) if word.isdigit() else self._list("ordinal", word)
        if not isinstance(q, int) or not 1 <= q <= 4:
            return None
        mod = self._mod(gd, rule)
        if gd.get("year"):
            return m.end(), rule.kind, f"{int(gd['year']):04d}-Q{q}", mod
        direction = self._list("direction", gd.get("dir"))
        if direction is not None and self.dct is not None:
            return m.end(), rule.kind, f"{self.dct.year + int(direction):04d}-Q{q}", mod
        y = self._year_for_period(3 * q - 2, m)
        return m.end(), rule.kind, f"{'XXXX' if y is None else f'{y:04d}'}-Q{q}", mod

    def _r_quarter_ref(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        which = _squash((gd.get("which") or "").casefold())
        if not which and not m[0].casefold().startswith("the"):
            return None
        ended = None if self.quarter else self._ended_on(m)
        if ended is not None and not gd.get("ago") and which not in _EARLIER_WHICH:
            # "the quarter ended July 31", no quarter named before (a fiscal one would number it):
            # the calendar quarter most of those three months lie in
            d = ended - timedelta(days=45)
            own = f"{d.year:04d}-Q{quarter_of(d)}"
            self.anchor = self.quarter = own
            return m.end(), rule.kind, own, rule.mod
        earlier = which in _EARLIER_WHICH or bool(gd.get("ago"))
        anchor = self.anchor if self.anchor and "-Q" in self.anchor else None
        if earlier and (anchor is None or not self._reported(anchor)):
            anchor = self.quarter  # a reported quarter: "the quarter ended July 31 ... the year-ago period"
        if which == "current" and self.dct is not None:
            return m.end(), rule.kind, f"{self.dct.year:04d}-Q{quarter_of(self.dct)}", rule.mod
        if anchor is None and self.dct is not None:
            d = self.dct if which == "current" else add_months(self.dct, -3)
            anchor = f"{d.year:04d}-Q{quarter_of(d)}"
        if anchor is None:
            return m.end(), rule.kind, "XXXX-QX", rule.mod
        if which in ("year-earlier", "year-ago", "year-before", "comparable") or gd.get("ago"):
            value = shift_value(anchor, -1, "Y")
        elif which in ("previous", "prior", "past", "last"):
            value = shift_value(anchor, -1, "Q")
        else:
            value = anchor
            self.anchor = anchor
        return (m.end(), rule.kind, value, rule.mod) if value else None

    def _reported(self, quarter: str) -> bool:
        """Whether a quarter value is before publication's quarter: one results can be reported
        for, and so the one a later "a year earlier" or "the year-ago period" compares with (a
        quarter said to have ended on a date counts too: "its fourth quarter ended Sept. 30")."""
        if self.dct is None:
            return True
        return quarter[:7] < f"{self.dct.year:04d}-Q{quarter_of(self.dct)}"

    def _ended_on(self, m: regex.Match[str]) -> date | None:
        """The date in "... ended Sept. 30" right after the match (its year inferred), if any."""
        after = _ENDED_ON.match(self.text, m.end(), min(len(self.text), m.end() + 30))
        if after is None or self.dct is None or after[1].casefold() not in self.g.context["period_end"]:
            return None
        month = self._list("month", after[2].casefold())
        if not isinstance(month, int):
            return None
        day = int(after[3])
        year = int(after[4]) if after[4] else self._infer_year(month, day, m.start(), m.end(), self.dct)
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def _r_half(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        h = 1 if (gd.get("ordinal") or "").casefold() == "first" else 2  # second, last, latter
        mod = self._mod(gd, rule)
        if gd.get("year"):
            return m.end(), rule.kind, f"{int(gd['year']):04d}-H{h}", mod
        y = self._year_for_period(6 * h - 5, m)
        return m.end(), rule.kind, f"{'XXXX' if y is None else f'{y:04d}'}-H{h}", mod

    def _r_season(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        code = self._list("season", gd.get("season"))
        if code not in _SEASONS:
            return None
        mod = self._mod(gd, rule)
        direction = self._list("direction", gd.get("dir"))
        year = int(gd["year"]) if gd.get("year") else None
        if year is None and gd.get("spelled"):
            year = self._spelled_year(gd["spelled"])
        if year is not None:
            return m.end(), rule.kind, f"{year:04d}-{code}", mod
        word = (gd.get("season") or "").casefold()
        if word in ("fall", "spring") and direction is None and not gd.get("mod"):
            before = _WORD_BEFORE.search(self.text, max(0, m.start() - 30), m.start())
            if before is None or before[1].casefold() not in (
                "the",
                "this",
                "in",
                "during",
                "until",
                "by",
                "since",
            ):
                return None
        if self.dct is None:
            return m.end(), rule.kind, f"XXXX-{code}", mod
        year, now = _season_of(self.dct)
        idx = _SEASONS.index(code)
        if direction is None:
            tense = self.tense(m.start(), m.end())
            direction = {"past": -1, "future": 1}.get(tense or "", 0)
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

    def _r_holiday(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        spec = self._list("holiday", gd.get("holiday"))
        if not isinstance(spec, str):
            return None
        word = gd.get("holiday") or ""
        if not word[:1].isupper():
            return None
        year = int(gd["year"]) if gd.get("year") else (self.dct.year if self.dct else None)

        def on(y: int) -> date | None:
            month_s, day_s = spec.split("-")
            month = int(month_s)
            if day_s.isdigit():
                return date(y, month, int(day_s))
            wd = ("MO", "TU", "WE", "TH", "FR", "SA", "SU").index(day_s[:2]) + 1
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
        if not gd.get("year") and self.dct is not None:
            direction = self._list("direction", gd.get("dir"))
            tense = self.tense(m.start(), m.end())
            if (direction == -1 or (direction is None and tense == "past")) and d > self.dct:
                d = on(year - 1)
            elif (direction == 1 or tense == "future") and d < self.dct:
                d = on(year + 1)
        return (m.end(), rule.kind, day_value(d), rule.mod) if d else None

    def _weekday_date(self, wd: int, direction: int | None, start: int, end: int) -> date | None:
        dct = self.dct
        if dct is None:
            return None
        if direction == -1:
            return weekday_on_or_before(dct - timedelta(days=1), wd)
        if direction == 1:
            return weekday_after(dct, wd)
        # "Tuesday's vote" is a vote already held, whatever the sentence goes on to say.
        possessive = self.text[end : end + 2] in ("'s", "’s")
        if not possessive and self.tense(start, end) == "future":
            return dct + timedelta(days=(wd - dct.isoweekday()) % 7)
        return weekday_on_or_before(dct, wd)

    def _clock(self, gd: Any) -> str | None:
        if gd.get("noon"):
            word = gd["noon"].casefold()
            return "T24:00" if word == "midnight" else "T12:00"
        if not gd.get("hour"):
            return None
        hour = int(gd["hour"])
        minute = int(gd["minute"]) if gd.get("minute") else 0
        ampm = (gd.get("ampm") or "").casefold()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        return f"T{hour:02d}:{minute:02d}"

    def _r_weekday(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        word = gd.get("weekday") or ""
        wd = self._list("weekday", word)
        if not isinstance(wd, int) or not word[:1].isupper():
            return None
        after = _WORD_AFTER.match(self.text[m.end() : m.end() + 40])
        if after and after[1][:1].isupper():
            first = after[1].casefold().split()[0]
            if (
                first in self.g.context["weekday_titles"]
                or after[1].casefold() in self.g.context["weekday_titles"]
            ):
                return None
        direction = self._list("direction", gd.get("dir"))
        dir_word = (gd.get("dir") or "").casefold()
        if (
            dir_word in self.g.context["anaphoric_directions"]
            and direction
            and self.anchor
            and _DAY.fullmatch(self.anchor)
        ):
            # "the previous Friday", "the following Monday": counted from the story's last date
            anchor = date.fromisoformat(self.anchor)
            if direction < 0:
                d: date | None = weekday_on_or_before(anchor - timedelta(days=1), wd)
            else:
                d = weekday_after(anchor, wd)
        else:
            d = self._weekday_date(wd, direction, m.start(), m.end())
        base = f"XXXX-WXX-{wd}" if d is None else day_value(d)
        clock = self._clock(gd)
        pod = self._list("pod", gd.get("pod"))
        if clock:
            return m.end(), TimeKind.TIME, base + clock, rule.mod
        if pod:
            return m.end(), TimeKind.TIME, f"{base}T{pod}", rule.mod
        return m.end(), rule.kind, base, rule.mod

    def _r_deictic(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        word = (gd.get("deictic") or "").casefold()
        offset = self._list("deictic", word)
        mod = rule.mod
        words = (gd.get("dir") or "").casefold().split()
        if offset is None:
            offset = -1 if words[-1:] == ["last"] else 0
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(words[0] if words else "", mod)
        pod = self._list("pod", gd.get("pod"))
        if word == "tonight":
            pod = pod or "NI"
        base = "XXXX-XX-XX" if self.dct is None else day_value(self.dct + timedelta(days=int(offset)))
        if pod:
            return m.end(), TimeKind.TIME, f"{base}T{pod}", mod
        return m.end(), rule.kind, base, mod

    def _r_clock(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        clock = self._clock(gd)
        if clock is None:
            return None
        if gd.get("month") and gd.get("day"):
            found = self._r_date(rule, m, {**gd, "mod": None})
            if found is None:
                return None
            base = found[2]
        elif gd.get("weekday"):
            wd = self._list("weekday", gd["weekday"])
            d = self._weekday_date(int(wd), None, m.start(), m.end()) if isinstance(wd, int) else None
            base = day_value(d) if d else (f"XXXX-WXX-{wd}" if isinstance(wd, int) else "XXXX-XX-XX")
        elif gd.get("deictic") and self.dct is not None:
            base = day_value(self.dct + timedelta(days=int(self._list("deictic", gd["deictic"]) or 0)))
        elif self.anchor and len(self.anchor) == 10:
            base = self.anchor  # a clock time tells the time of the day the story is at
        else:
            base = "XXXX-XX-XX" if self.dct is None else day_value(self.dct)
        return m.end(), rule.kind, base + clock, self._mod(gd, rule)

    def _relative(self, unit: str, offset: int, m: regex.Match[str]) -> str | None:
        """DCT moved by ``offset`` units, at the unit's granularity; placeholders without a DCT."""
        dct = self.dct
        unit = "year" if unit.endswith("year") else unit
        if dct is None:
            return {
                "day": "XXXX-XX-XX",
                "week": "XXXX-WXX",
                "weekend": "XXXX-WXX-WE",
                "month": "XXXX-XX",
                "quarter": "XXXX-QX",
                "year": "XXXX",
                "decade": "XXX",
                "century": "XX",
            }.get(unit)
        if unit == "day":
            return day_value(dct + timedelta(days=offset))
        if unit == "week":
            if dct.isoweekday() == 7 and offset >= 0:
                # On a Sunday the week now ending is "last week" and "this week" is the one beginning.
                return iso_week_value(dct + timedelta(days=1 + 7 * max(0, offset - 1)))
            if dct.isoweekday() == 7 and offset == -1:
                return iso_week_value(dct)
            return iso_week_value(dct + timedelta(weeks=offset))
        if unit == "weekend":
            past = self.tense(m.start(), m.end()) != "future"
            if offset == 0 and m[0].casefold().startswith("the") and dct.isoweekday() < 6 and past:
                offset = -1
            return iso_week_value(dct + timedelta(weeks=offset)) + "-WE"
        if unit == "month":
            d = add_months(dct, offset)
            return month_value(d.year, d.month)
        if unit == "quarter":
            d = add_months(dct, 3 * offset)
            return f"{d.year:04d}-Q{quarter_of(d)}"
        if unit == "year":
            return f"{dct.year + offset:04d}"
        if unit == "decade":
            return _in_range(dct.year // 10 + offset, 999, "{:03d}")
        if unit == "century":
            return _in_range(dct.year // 100 + offset, 99, "{:02d}")
        return None

    def _r_relative(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        unit = _squash((gd.get("unit") or rule.unit or "").casefold())
        direction = self._list("direction", gd.get("dir"))
        offset = rule.offset if direction is None else int(direction)
        if offset is None:
            return None
        mod = self._mod(gd, rule)
        if rule.id == "the-year":
            after = _WORD_AFTER.match(self.text[m.end() : m.end() + 20])
            if after and after[1].casefold().split()[0] in self.g.context["period_end"]:
                return m.end(), TimeKind.DURATION, "P1Y", mod  # "the year ended June 30"
        dir_word = (gd.get("dir") or "").casefold()
        anaphoric = dir_word in ("following", "previous", "prior", "preceding") or (
            dir_word == "next" and unit == "day"
        )
        step = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE"}.get(unit)
        if anaphoric and self.anchor and step:
            shifted = shift_value(_truncate(self.anchor, step), offset, step)
            if shifted:
                return m.end(), rule.kind, shifted, mod
        value = self._relative(unit, offset, m)
        return None if value is None else (m.end(), rule.kind, value, mod)

    def _r_ago(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        word = _squash((gd.get("ago") or "").casefold())
        n = self._number(gd.get("num"))
        unit = self._list("unit", gd.get("unit"))
        if n is None or not isinstance(unit, str):
            return None
        sign = -1 if word in _PAST_WORDS else 1
        mod = self._mod(gd, rule)
        if n == "X" or not isinstance(n, int):
            if word in _DCT_WORDS:
                return m.end(), rule.kind, "PAST_REF" if sign < 0 else "FUTURE_REF", mod
            # "a few days after": the span is the duration, the relation is the event's business.
            end = m.start("ago")
            while end > m.start() and self.text[end - 1].isspace():
                end -= 1
            return end, TimeKind.DURATION, _duration_value(n, unit), mod
        if word in ("before", "after", "on") or (
            word in ("earlier", "later") and unit in ("D", "H", "MIN", "S")
        ):
            end = m.start("ago")
            while end > m.start() and self.text[end - 1].isspace():
                end -= 1
            return end, TimeKind.DURATION, _duration_value(n, unit), mod
        units = {"D": "D", "W": "W", "WE": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE"}
        step = units.get(unit)
        if step is None:  # hours and minutes ago: the day
            return (m.end(), rule.kind, "XXXX-XX-XX" if self.dct is None else day_value(self.dct), mod)
        anchor = self.anchor
        if step == "Y" and n == 1 and self.quarter:
            anchor = self.quarter  # "up from $4 million a year earlier": the same quarter of last year
        elif word in _DCT_WORDS:
            anchor = None
        if anchor is not None:
            value = shift_value(anchor, sign * n, step)
            if value is not None:
                return m.end(), rule.kind, value, mod
        if self.dct is None:
            return (
                m.end(),
                rule.kind,
                {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(step, "XXXX"),
                mod,
            )
        dct = self.dct
        if step == "D":
            value = day_value(dct + timedelta(days=sign * n))
        elif step == "W":
            value = iso_week_value(dct + timedelta(weeks=sign * n))
        elif step == "M":
            d = add_months(dct, sign * n)
            value = month_value(d.year, d.month)
        elif step == "Q":
            d = add_months(dct, 3 * sign * n)
            value = f"{d.year:04d}-Q{quarter_of(d)}"
        elif step == "Y":
            value = f"{dct.year + sign * n:04d}"
        else:
            value = f"{dct.year + 10 * sign * n:04d}"
        return m.end(), rule.kind, value, mod

    def _r_year_earlier(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        word = (gd.get("ordinal") or "").casefold()
        if word:  # "the year-ago third quarter": that quarter, a year before this year's
            q = 4 if word == "final" else self._list("ordinal", word)
            y = self._year_for_period(3 * int(q) - 2, m) if isinstance(q, int) else None
            year = "XXXX" if y is None else f"{y - 1:04d}"
            return m.end(), rule.kind, f"{year}-Q{q}", rule.mod
        anchor = self.quarter or self.anchor
        if anchor:
            value = shift_value(anchor, -1, "Y")
            if value:
                return m.end(), rule.kind, value, rule.mod
        if self.dct is None:
            return m.end(), rule.kind, "XXXX", rule.mod
        return m.end(), rule.kind, f"{self.dct.year - 1:04d}", rule.mod

    def _r_that(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        unit = (gd.get("unit") or "").casefold()
        pod = self._list("pod", unit)
        anchor = self.anchor
        if anchor is None:
            return None
        if pod or unit == "day":
            if len(anchor) != 10:
                return None
            if pod:
                return m.end(), TimeKind.TIME, f"{anchor}T{pod}", rule.mod
            return m.end(), rule.kind, anchor, rule.mod
        step = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}[unit]
        if step == "Q":
            return (m.end(), rule.kind, self.quarter, rule.mod) if self.quarter else None
        return m.end(), rule.kind, _truncate(anchor, step), rule.mod

    def _r_duration(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        n = self._number(gd.get("num")) if gd.get("num") is not None else "X"
        unit = self._list("unit", gd.get("unit"))
        if n is None or not isinstance(unit, str):
            return None
        if unit == "Q" and _OF.match(self.text, m.end(), m.end() + 4):
            return None  # "three quarters of the vote"
        if unit == "S" and n != "X" and (gd.get("num") or "").casefold() in ("a", "an"):
            return None  # "a second": the ordinal, mostly
        return m.end(), rule.kind, _duration_value(n, unit), self._mod(gd, rule)

    def _r_set(self, rule: TimeRule, m: regex.Match[str], gd: Any) -> Found | None:
        if gd.get("frequency"):
            value = self._list("frequency", gd["frequency"])
            return None if value is None else (m.end(), rule.kind, str(value), rule.mod)
        if gd.get("weekday"):
            wd = self._list("weekday", gd["weekday"].casefold().rstrip("s"))
            return None if wd is None else (m.end(), rule.kind, f"XXXX-WXX-{wd}", rule.mod)
        if gd.get("pod"):
            return m.end(), rule.kind, f"XXXX-XX-XXT{self._list('pod', gd['pod'])}", rule.mod
        if gd.get("month"):
            month = self._list("month", gd["month"])
            return None if month is None else (m.end(), rule.kind, f"XXXX-{int(month):02d}", rule.mod)
        unit = self._list("unit", gd.get("unit"))
        if not isinstance(unit, str):
            return None
        n = self._number(gd.get("num")) if gd.get("num") else 1
        if not isinstance(n, int):
            return None
        return m.end(), rule.kind, _duration_value(n, unit), rule.mod


# A value past the calendar (before year 1, after 9999): resolved again without the DCT.
_BEYOND = regex.compile(r"-|\d{5}|0000")


def _in_range(n: int, top: int, form: str) -> str:
    if not 0 <= n <= top:
        raise OverflowError(f"{n} is past the calendar")
    return form.format(n)


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
