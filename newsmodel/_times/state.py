"""The state of one article's pass through the time stage, and the word lookups every pass makes.

One :class:`TimeState` runs per article. Besides the text and its tokens it holds the
publication date and the *anchor*, the last calendar date the text mentioned, which "a year
earlier" and "the quarter" count from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs
import regex

from ..model import Span
from ..segment import Segmentation
from .tables import TimeRule, TimeTables

__all__ = ["Found", "TimeState", "lookup", "mod_of", "number", "spelled_year", "squash"]

Found = tuple[int, Any, str, str | None]
"""What a resolver returns: ``(end, kind, value, mod)``; ``end`` may trim the match."""

_SPACES = regex.compile(r"\s+")
_HALF = regex.compile(r"(\d{1,3})[\s-]1/2")
_DECIMAL = regex.compile(r"[\d,]+(?:\.\d+)?")
_NUMBER_SPLIT = regex.compile(r"[\s-]+(?:and\s+)?")


@attrs.define(kw_only=True)
class TimeState:
    """One article in the time stage: its text and tokens, the publication date, the anchor.

    Attributes:
        tables: the compiled rules.
        text: the text.
        words: the tokens, lower case.
        tokens: the token spans.
        sentences: the sentence spans (empty without a segmentation).
        segments: the segmentation, when it is of this text.
        dct: the publication date (document creation time).
        parse_date: reads a date dateparser's way (cached by the stage).
        anchor: the last calendar value the text mentioned.
        quarter: the last quarter results can be reported for.
    """

    tables: TimeTables
    text: str
    words: Sequence[str]
    tokens: Sequence[tuple[int, int]]
    sentences: Sequence[Span]
    segments: Segmentation | None
    dct: date | None
    parse_date: Callable[[str], date | None]
    anchor: str | None = None
    quarter: str | None = None
    token_starts: list[int] | None = None
    sentence_starts: list[int] | None = None


def squash(words: str) -> str:
    """Runs of white space as one space."""
    return _SPACES.sub(" ", words) if "  " in words or "\n" in words or "\t" in words else words


def lookup(tables: TimeTables, name: str, word: str | None) -> Any:
    """The value of ``word`` in the list ``name`` (case, spacing and a final period aside)."""
    if word is None:
        return None
    return tables.lists.get(name, {}).get(squash(word.casefold()).rstrip("."))


def mod_of(tables: TimeTables, gd: Mapping[str, str | None], rule: TimeRule) -> str | None:
    """The TIMEX3 mod of a match: its ``mod`` group's, else the rule's."""
    mod = lookup(tables, "mod", gd.get("mod"))
    return str(mod) if mod is not None else rule.mod


def number(tables: TimeTables, words: str | None) -> float | str | None:
    """The count a number phrase says: an int or float, ``"X"`` when vague, ``None`` if unreadable."""
    if words is None:
        return 1
    w = words.casefold().strip()
    counts = tables.values["counts"]
    if w in tables.lists.get("vague", {}) or counts.get(w) == "X":
        return "X"
    half = _HALF.fullmatch(w)
    if half:
        return int(half[1]) + 0.5
    if _DECIMAL.fullmatch(w):
        n = float(w.replace(",", ""))
        return int(n) if n.is_integer() else n
    if w in counts:
        value: float = counts[w]
        return value
    numbers = tables.lists.get("numword", {})
    if w in numbers:
        return int(numbers[w])
    total = 0
    for part in _NUMBER_SPLIT.split(w):
        if part not in numbers:
            return None
        value = int(numbers[part])
        total = total * value if value in (100, 1000) and total else total + value
    return total


def spelled_year(tables: TimeTables, words: str) -> int | None:
    """``nineteen ninety-six`` -> 1996, ``two thousand one`` -> 2001."""
    parts = _NUMBER_SPLIT.split(words.casefold().strip())
    millennium = tables.values["millennia"].get(" ".join(parts[:2]))
    if millennium is not None:
        rest = number(tables, " ".join(parts[2:])) if parts[2:] else 0
        return int(millennium) + rest if isinstance(rest, int) else None
    head = number(tables, parts[0])
    tail = number(tables, " ".join(parts[1:])) if parts[1:] else None
    if not isinstance(head, int) or not isinstance(tail, int):
        return None
    return head * 100 + (0 if tail == 100 else tail)
