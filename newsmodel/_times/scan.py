"""The pass over the tokens: find core tokens, try the rules that can hold each, keep the longest
reading the negative rules accept, and resolve it.

:func:`find_times` is the stage's entry; :func:`find_in_text` serves
:meth:`~newsmodel.times.TimeFinder.find`, which may be given no segmentation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import compress
from typing import Any

import regex

from .. import _trusted
from ..model import Span, TimeExpression, TimeKind
from ..pipeline import Context
from ..segment import Segmentation
from .filter import acceptable
from .prefixes import WIDTH
from .resolve import resolve
from .state import TimeState
from .tables import DIGIT_START, TimeRule, TimeTables

__all__ = ["find_in_text", "find_times", "parse_date"]

_SENTENCE_END = regex.compile(r"\s{1,3}[A-Z\u201c\"]|\s{0,3}$|\n")
_DIGITS = frozenset("0123456789")
_DIGIT_TYPES = frozenset({"digit"})
_TOKEN = regex.compile(
    r"\d+(?:[.,:/]\d+)*\w*|[^\W\d_](?:\.(?:[^\W\d_]\.)+|\w*(?:-\w+)*\.?)|['’‘]\d0s|['’]\w+|[^\w\s]"
)
_TRIMMED_START = frozenset({"decade", "duration"})  # the rules _trim_start may trim
_TRIMMED_END = frozenset(" \t\n,.")  # the last characters _trim_end may trim
_DATEPARSER_CACHE_SIZE = 4096
_PREFIX_REACH = 6  # tokens before a core an expression may start at


def find_times(
    context: Context, tables: TimeTables, parse_date: Callable[[str], date | None]
) -> tuple[TimeExpression, ...]:
    """The time expressions of the context's text, in text order, never overlapping."""
    return find_in_text(context.text, context.published, context.segments, tables, parse_date)


def find_in_text(
    text: str,
    published: date | None,
    segments: Segmentation | None,
    tables: TimeTables,
    parse_date: Callable[[str], date | None],
) -> tuple[TimeExpression, ...]:
    """The time expressions of ``text``; ``segments`` (if of this text) gives sentences and quotes."""
    if not isinstance(text, str) or not text:
        return ()
    state = _state(text, published, segments, tables, parse_date)
    words, tokens, core = state.words, state.tokens, tables.core
    if not tokens:
        return ()
    hits = compress(range(len(words)), map(tables.core_words.__getitem__, words))
    word_months = tables.words["word_months"]
    out: list[TimeExpression] = []
    covered = 0
    for k in hits:
        if tokens[k][0] < covered:
            continue
        types = core.get(words[k])
        if types is None or words[k] in word_months:
            types = _core_types(state, k)
            if types is None:
                continue
        found = _match_around(state, k, covered, types)
        if found is not None:
            out.append(found)
            covered = found.span.end
    return tuple(out)


def _state(
    text: str,
    published: date | None,
    segments: Segmentation | None,
    tables: TimeTables,
    parse_date: Callable[[str], date | None],
) -> TimeState:
    words: Sequence[str]
    if segments is not None and segments.text == text:
        tokens: Sequence[tuple[int, int]] = segments.tokens
        sentences: Sequence[Span] = segments.sentences
        words = segments.lower_words
    else:
        tokens, sentences, segments = [m.span() for m in _TOKEN.finditer(text)], (), None
        words = [text[a:b].lower() for a, b in tokens]
    return TimeState(
        tables=tables,
        text=text,
        words=words,
        tokens=tokens,
        sentences=sentences,
        segments=segments,
        dct=published.date() if isinstance(published, datetime) else published,
        parse_date=parse_date,
    )


def _core_types(state: TimeState, k: int) -> frozenset[str] | None:
    """The core types of token ``k``, or ``None`` when it is no core (the modal verb, the march)."""
    tables, text, words = state.tables, state.text, state.words
    ts = state.tokens[k][0]
    word = words[k]
    types = tables.core.get(word)
    if types is None:
        if word[0] in DIGIT_START:
            following = words[k + 1] if k + 1 < len(words) else ""
            if _maybe_digit_core(tables, word, following) and tables.digit_core.match(
                text, ts + (word[0] not in _DIGITS)
            ):
                types = _DIGIT_TYPES
        else:
            for part in word.split("-"):
                types = tables.core.get(part)
                if types is None and part[:1].isdigit() and tables.digit_core.match(part):
                    types = _DIGIT_TYPES
                if types is not None:
                    break
    if types is None or (word in tables.words["word_months"] and not text[ts].isupper()):
        return None
    return types


def _match_around(state: TimeState, k: int, covered: int, types: frozenset[str]) -> TimeExpression | None:
    """The expression holding core token ``k``, tried from the earliest prefix token before it."""
    text, words, tokens, tables = state.text, state.words, state.tokens, state.tables
    prefix = tables.prefix
    core_start = tokens[k][0]
    first = k  # the earliest token before the core (up to a few) the expression may start at
    while first > 0 and k - first < _PREFIX_REACH:
        ps, pe = tokens[first - 1]
        if ps < covered or "\n" in text[pe : tokens[first][0]]:
            break
        w = words[first - 1]
        if w in prefix or w[0] in _DIGITS or w in (",", "-"):
            first -= 1
        else:
            break
    starters, matchers = tables.starters, tables.matchers
    for c in range(first, k + 1):
        w = words[c]
        if c != k and w not in starters and w[0] not in _DIGITS:
            continue
        start = tokens[c][0]
        key = text[start : start + WIDTH]
        if len(key) == WIDTH and key.isascii():  # the rules that can begin with these characters
            key = key.lower()
            rules = matchers.get((types, key))
            if rules is None:
                rules = tables.key_matchers(types, key)
        else:  # the rules that can begin with the word's first character
            rules = matchers.get((types, w[0]))
            if rules is None:
                rules = tables.rule_matchers(types, w[0])
        matches = []
        for rule, match in rules:
            m = match(text, start)
            if m is not None and m.end() > core_start:
                matches.append((m, rule))
        # The longest reading wins; a shorter one is tried when a negative rule rejects it.
        if len(matches) > 1:
            matches.sort(key=_longest_first)
        for m, rule in matches:
            found = _expression(state, c, start, m, rule)
            if found is not None:
                return found
    return None


def _longest_first(found: tuple[regex.Match[str], TimeRule]) -> int:
    return -found[0].end()


def _expression(
    state: TimeState, c: int, start: int, m: regex.Match[str], rule: TimeRule
) -> TimeExpression | None:
    """The expression a match makes, if the negative rules accept it and it resolves."""
    text, tables = state.text, state.tables
    gd = m.groupdict()
    if not acceptable(state, m, rule, gd):
        return None
    try:
        found = resolve(state, rule, m, gd)
    except (ValueError, OverflowError):  # arithmetic past year 1 or 9999
        found = None
    if found is None:
        return None
    end, kind, value, mod = found
    begin = _trim_start(tables, text, start, end, rule.id) if rule.id in _TRIMMED_START else start
    if text[end - 1] in _TRIMMED_END:  # else _trim_end keeps the end
        end = _trim_end(tables, text, begin, end)
    if end <= begin:
        return None
    if mod is None and kind is not TimeKind.SET and c and state.words[c - 1] in tables.outside:
        mod = _mod_before(tables, text, begin)
    return _trusted.time_expression(
        span=_trusted.span_of(text, begin, end), kind=kind, value=value, rule=rule.id, mod=mod
    )


def _mod_before(tables: TimeTables, text: str, start: int) -> str | None:
    """The mod of a qualifier left outside the span ("about", "almost"), if one comes right before."""
    table = tables.lists.get("mod_outside", {})
    if not table:
        return None
    head = text[max(0, start - 12) : start].casefold().split()
    for n in (2, 1):
        words = " ".join(head[-n:])
        if len(head) >= n and words in table:
            return str(table[words])
    return None


def _trim_start(tables: TimeTables, text: str, start: int, end: int, rule_id: str) -> int:
    """TimeML leaves "the" out of a decade ("the [1990s]") and of an adjectival duration ("the [two-week]")."""
    if (rule_id == "decade" and not tables.decade_article_kept.match(text, start, end)) or (
        rule_id == "duration" and tables.adjectival_duration.match(text, start, end)
    ):
        m = tables.leading_article.match(text, start, end)
        if m:
            return m.end()
    return start


def _trim_end(tables: TimeTables, text: str, start: int, end: int) -> int:
    """Drop trailing spaces and commas, and a "p.m." period that also ends the sentence."""
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    if (
        end - start > 3
        and text[end - 1] == "."
        and text[end - 3 : end].casefold() in tables.words["meridiem_ends"]
    ):
        after = text[end : end + 3]
        if not after or _SENTENCE_END.match(after):
            end -= 1
    return end


def _maybe_digit_core(tables: TimeTables, word: str, following: str) -> bool:
    """A cheap test before the digit_core pattern: a number can only anchor an expression when it
    might be a year, a clock time, an all-numeric date or a decade."""
    if len(word) >= 4 and word[:4].isdigit():
        return True
    if ":" in word or "/" in word or "-" in word or word.count(".") > 1:
        return True
    if word.endswith(tables.digit_core_endings):
        return True
    return len(word) <= 5 and following[:1] in tables.digit_core_next


def parse_date(s: str, cache: dict[str, date | None]) -> date | None:
    """An all-numeric date read by dateparser (month first, as in US wire copy), cached in ``cache``."""
    if s in cache:
        return cache[s]
    import dateparser  # lazy: ``import newsmodel`` stays fast

    try:
        parsed: Any = dateparser.parse(
            s,
            languages=["en"],
            settings={
                "DATE_ORDER": "MDY",
                "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "RELATIVE_BASE": datetime(2000, 1, 1),
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input
        parsed = None
    result = parsed.date() if isinstance(parsed, datetime) else None
    if len(cache) >= _DATEPARSER_CACHE_SIZE:
        cache.clear()
    cache[s] = result
    return result
