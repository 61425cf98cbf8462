"""Time expressions and their TIMEX3 values, resolved against the publication date.

:class:`TimeFinder` is the pipeline's time stage. It finds expressions with the rules of
``newsmodel/rules/times.toml`` in one pass over the tokens (a core token such as a month, a
weekday, a unit or a year anchors each search; the longest match of the rules that can hold it
wins), drops what the negative rules reject ("may" the modal, "Theresa May", "2000 soldiers",
"the Sunday Times"), and resolves each to a TIMEX3 value by calendar arithmetic on the
publication date. dateparser reads only the date forms the rules do not (``9-Apr-2017``); it is
imported on first use and its results are cached per stage.

:func:`governing_time` finds the expression that governs a stretch of words; statements and
events call it to attach their time.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs
import regex

from ._timex.grammar import Grammar, compile_grammar
from ._timex.resolve import Resolution
from .model import Span, TimeExpression, TimeKind
from .pipeline import Context
from .rules import load_rules
from .segment import Segmentation

__all__ = ["TimeFinder", "governing_time"]

_NEAREST = 8  # expressions weighed on each side of the words: real sentences hold a handful
_LONGEST_CLAUSE = 2000  # characters; words further apart are not in one clause
_BREAK_LENGTH = 40  # longer than any clause break


def _span_start(t: TimeExpression) -> int:
    return t.span.start


def _span_end(t: TimeExpression) -> int:
    return t.span.end


@functools.cache
def _clause_break() -> regex.Pattern[str]:
    """What ends a clause: ``; : —``, a spaced hyphen, and the words of ``[clauses]`` in the
    shipped ``times.toml`` (compiled once per process)."""
    clauses = load_rules("times").get("clauses", {})
    return regex.compile(
        r"[;:—–]|\s-\s|,\s{1,3}(?=\L<after_comma>\b)|\b\L<alone>\b",
        after_comma=[str(w) for w in clauses.get("after_comma", ())] or ["\x00"],
        alone=[str(w) for w in clauses.get("alone", ())] or ["\x00"],
    )


_WORD_BEFORE = regex.compile(r"([\w’'.]+)[\s,]*$", regex.REVERSE)
_WORD_AFTER = regex.compile(r"\s{0,3}([\w%]+(?:\s{1,3}\w+)?)")
_CURRENCY = frozenset("$£€¥#")
_DAY_AFTER = regex.compile(r"\s{1,3}\d")
_SENTENCE_END = regex.compile(r"\s{1,3}[A-Z\u201c\"]|\s{0,3}$|\n")
_DIGITS = frozenset("0123456789")
_STOPS = frozenset({".", "!", "?"})
_DIGIT_START = frozenset("0123456789'’‘")
_DIGIT_TYPES = frozenset({"digit"})
_TOKEN = regex.compile(
    r"\d+(?:[.,:/]\d+)*\w*|[^\W\d_](?:\.(?:[^\W\d_]\.)+|\w*(?:-\w+)*\.?)|['’‘]\d0s|['’]\w+|[^\w\s]"
)
_DATEPARSER_CACHE_SIZE = 4096


def _default_rules() -> dict[str, Any]:
    return load_rules("times")


@attrs.frozen(kw_only=True)
class TimeFinder:
    """Finds time expressions and resolves them against the publication date.

    Args:
        rules: rule data in the layout of ``newsmodel/rules/times.toml`` (the shipped file by
            default; see ``docs/times.md`` for how to add rules).

    Raises:
        RuleError: at construction, naming the rule that is malformed.

    Called with a :class:`~newsmodel.pipeline.Context`, it returns the expressions in text order,
    never overlapping. Without ``context.published``, values that need it keep TIMEX3 ``X``
    placeholders (``XXXX-WXX-7`` for "on Sunday", ``XXXX-WXX`` for "last week").
    """

    rules: Mapping[str, Any] = attrs.field(factory=_default_rules, repr=False)
    _grammar: Grammar = attrs.field(init=False, repr=False, eq=False)
    _dates: dict[str, date | None] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_grammar", compile_grammar(self.rules))
        object.__setattr__(self, "_dates", {})

    def __call__(self, context: Context) -> tuple[TimeExpression, ...]:
        return self.find(context.text, context.published, context.segments)

    def find(
        self, text: str, published: date | None = None, segments: Segmentation | None = None
    ) -> tuple[TimeExpression, ...]:
        """The time expressions of ``text``, resolved against ``published``.

        Args:
            text: the text.
            published: the publication date (a ``datetime`` is read as its date).
            segments: the segmentation, for sentence bounds when deciding tense (optional).
        """
        if not isinstance(text, str) or not text:
            return ()
        g = self._grammar
        words: Sequence[str]
        if segments is not None and segments.text == text:
            tokens: Sequence[tuple[int, int]] = segments.tokens
            sentences: Sequence[Span] = segments.sentences
            quoted: Segmentation | None = segments
            words = segments.lower_words
        else:
            tokens, sentences = [m.span() for m in _TOKEN.finditer(text)], ()
            quoted = None
            words = [text[a:b].lower() for a, b in tokens]
        if not tokens:
            return ()
        core, prefix, starters = g.core, g.prefix, g.starters
        hits = [i for i, w in enumerate(words) if w in core or w[0] in _DIGIT_START or "-" in w]
        if not hits:
            return ()
        lazy: dict[str, list[int]] = {}

        def tense(start: int, end: int) -> str | None:
            if not lazy:
                lazy["tokens"] = quoted.token_starts if quoted is not None else [a for a, _ in tokens]
                lazy["sentences"] = [s.start for s in sentences]
            quote = quoted.quotation_at(start) if quoted is not None else None
            bounds = (quote.content.start, quote.content.end) if quote is not None else None
            return self._tense(
                text, words, tokens, lazy["tokens"], sentences, lazy["sentences"], start, end, bounds
            )

        resolution = Resolution(g, text, published, tense, self._parse_date)
        out: list[TimeExpression] = []
        covered = 0
        for k in hits:
            ts = tokens[k][0]
            if ts < covered:
                continue
            word = words[k]
            types = core.get(word)
            if types is None:
                if word[0] in _DIGIT_START:
                    following = words[k + 1] if k + 1 < len(words) else ""
                    if _maybe_digit_core(word, following) and g.digit_core.match(
                        text, ts + (word[0] not in _DIGITS)
                    ):
                        types = _DIGIT_TYPES
                else:
                    for part in word.split("-"):
                        types = core.get(part)
                        if types is None and part[:1].isdigit() and g.digit_core.match(part):
                            types = _DIGIT_TYPES
                        if types is not None:
                            break
            if types is None or (word in g.context["word_months"] and not text[ts].isupper()):
                continue  # not a core; the modal verb, the march
            found = self._match_around(text, words, tokens, k, covered, types, prefix, starters, resolution)
            if found is not None:
                out.append(found)
                covered = found.span.end
        return tuple(out)

    def _match_around(
        self,
        text: str,
        words: Sequence[str],
        tokens: Sequence[tuple[int, int]],
        k: int,
        covered: int,
        types: frozenset[str],
        prefix: frozenset[str],
        starters: frozenset[str],
        resolution: Resolution,
    ) -> TimeExpression | None:
        """The expression holding core token ``k``, tried from the earliest prefix token before it."""
        core_start = tokens[k][0]
        first = k
        while first > 0 and k - first < 6:
            ps, pe = tokens[first - 1]
            if ps < covered or "\n" in text[pe : tokens[first][0]]:
                break
            w = words[first - 1]
            if w in prefix or w[0] in _DIGITS or w in (",", "-"):
                first -= 1
            else:
                break
        for c in range(first, k + 1):
            w = words[c]
            if c != k and w not in starters and w[0] not in _DIGITS:
                continue
            start = tokens[c][0]
            matches = []
            for rule, pattern in self._grammar.rules_for(types, w[0]):
                m = pattern.match(text, start)
                if m is not None and m.end() > core_start:
                    matches.append((m, rule))
            # The longest reading wins; a shorter one is tried when a negative rule rejects it.
            matches.sort(key=lambda mr: -mr[0].end())
            for m, rule in matches:
                gd = m.groupdict()
                if not self._acceptable(text, m, rule, gd):
                    continue
                try:
                    found = resolution.resolve(rule, m, gd)
                except (ValueError, OverflowError):  # arithmetic past year 1 or 9999
                    found = None
                if found is None:
                    continue
                end, kind, value, mod = found
                begin = _trim_start(text, start, end, rule.id)
                end = _trim_end(text, begin, end)
                if end <= begin:
                    continue
                if mod is None and kind is not TimeKind.SET and c and words[c - 1] in self._grammar.outside:
                    mod = self._mod_before(text, begin)
                return TimeExpression(
                    span=Span.of(text, begin, end), kind=kind, value=value, rule=rule.id, mod=mod
                )
        return None

    def _mod_before(self, text: str, start: int) -> str | None:
        """The mod of a qualifier left outside the span ("about", "almost"), if one comes right before."""
        table = self._grammar.lists.get("mod_outside", {})
        if not table:
            return None
        head = text[max(0, start - 12) : start].casefold().split()
        for n in (2, 1):
            words = " ".join(head[-n:])
            if len(head) >= n and words in table:
                return str(table[words])
        return None

    # -- negative rules --------------------------------------------------------------------------

    def _acceptable(self, text: str, m: regex.Match[str], rule: Any, gd: dict[str, Any]) -> bool:
        g = self._grammar
        start, end = m.start(), m.end()
        before, after = text[max(0, start - 2) : start], text[end : end + 2]
        if before[-1:] in _CURRENCY or (before[:1].isdigit() and before[1:] in (".", ",")):
            return False  # "$2013", "1,2013"
        if after[:1] == "%" or (after[:1] in (".", ",", "-", "/") and after[1:].isdigit()):
            return False  # "2013.5", "2013-14" read as a number
        if text.startswith("-to-", end):
            return False  # "quarter-to-quarter", "day-to-day": a comparison, not a time
        if rule.resolve == "deictic" and not self._deictic_specific(text, m, gd):
            return False  # "today's youth", "the people of tomorrow"
        if gd.get("frequency"):
            prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
            word = prev[1].casefold() if prev is not None else ""
            last = text[max(0, start - 3) : start].rstrip()[-1:]
            if word in g.context["rate_before"] or word[-1:].isdigit() or last == "%" or last.isdigit():
                return False  # "rise 8.5% annually", "average daily volume": a rate, not a time
        if gd.get("noon"):
            prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if prev is not None and prev[1].casefold() in g.context["noon_not_after"]:
                return False  # "high noon", "High Noon"
        unit = gd.get("unit")
        if rule.resolve == "duration" and unit and unit[:1].isupper() and not m[0].isupper():
            return False  # "CBS's 60 Minutes": a capitalised unit makes a title
        if rule.resolve in ("relative", "deictic", "ref") and _is_title(text, start, end):
            return False  # ABC's "This Week", "Good Morning America"
        month = gd.get("month")
        if month and not month.isdigit():
            if not month[:1].isupper():
                return False
            bare = rule.id == "month" and not gd.get("day") and not gd.get("year")
            if bare and _DAY_AFTER.match(text, end, end + 4):
                return False  # "last Oct. 23": the date starts at the month
            if bare:
                key = month.casefold().rstrip(".")
                abbreviated = key not in ("may", "june", "july", "march", "april") and len(key) <= 4
                if abbreviated and not m[0].endswith("."):
                    return False
                if not gd.get("dir") and not gd.get("mod"):
                    prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
                    word = prev[1].casefold() if prev is not None else ""
                    if word in g.context["list_joiners"] and prev is not None:
                        # "March, April and May": a month in a list of months
                        prev2 = _WORD_BEFORE.search(text, max(0, prev.start() - 30), prev.start())
                        if prev2 is not None and prev2[1].casefold().rstrip(".") in g.lists["month"]:
                            return prev2[1][:1].isupper()
                    if word.rstrip(".") in g.lists["month"] and prev is not None and prev[1][:1].isupper():
                        return True
                    if word not in g.context["month_alone_before"]:
                        return False
                    if key in g.context["word_months"] and word in g.context["list_joiners"]:
                        return False
        if rule.id in ("year", "year-range") and not gd.get("fiscal"):
            nxt = _WORD_AFTER.match(text, end, min(len(text), end + 30))
            if nxt:
                words = nxt[1].casefold()
                first = words.split()[0]
                if first in g.context["year_not_before"] or words in g.context["year_not_before"]:
                    return False
            prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if prev and prev[1].casefold() in g.context["year_not_after"] and not gd.get("mod"):
                return False
            if prev and not gd.get("mod") and _names_a_product(text, prev, g):
                return False  # "Windows 2000", "Apollo 13"
            year = int(gd["year"] or 0)
            if not 1600 <= year <= 2099 and not gd.get("mod"):
                return False
        return True

    def _deictic_specific(self, text: str, m: regex.Match[str], gd: dict[str, Any]) -> bool:
        """Whether "today" or "tomorrow" names a day rather than the present age or the future."""
        word = (gd.get("deictic") or "").casefold()
        if word not in self._grammar.context["deictic_days"] or gd.get("pod"):
            return True
        start, end = m.start(), m.end()
        if text[end : end + 2] in ("'s", "’s"):
            nxt = _WORD_AFTER.match(text, end + 2, min(len(text), end + 40))
            if (
                nxt is not None
                and nxt[1].casefold().split()[0] in self._grammar.context["generic_after_today"]
            ):
                return False
        prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return not (prev is not None and prev[1].casefold() == "of" and not text[start].isupper())

    # -- context ---------------------------------------------------------------------------------

    def _tense(
        self,
        text: str,
        words: Sequence[str],
        tokens: Sequence[tuple[int, int]],
        token_starts: list[int],
        sentences: Sequence[Span],
        sentence_starts: list[int],
        start: int,
        end: int,
        bounds: tuple[int, int] | None = None,
    ) -> str | None:
        """``"future"`` or ``"past"``: by the preposition right before (``by``, ``until``; ``since``),
        else by the nearest tense cue in the sentence (within 20 tokens before, 12 after; inside a
        quotation, within the quotation: the reporting verb outside does not date what is quoted);
        ``None`` when nothing says."""
        g = self._grammar
        first = bisect.bisect_left(token_starts, start)
        after = bisect.bisect_left(token_starts, end)
        # "Until Thursday, they had not ...": a preposition opening the sentence leaves it to the verbs.
        opens = first == 1 or (
            first > 1 and (words[first - 2] in _STOPS or _starts_at(sentence_starts, tokens[first - 1][0]))
        )
        if first > 0:
            word = words[first - 1]
            if word in g.context["past_prepositions"]:
                return "past"
            if word in g.context["future_prepositions"] and not opens:
                # "by Friday" looks ahead, unless a past verb just before says otherwise
                # ("had filed reports by Wednesday").
                behind = (self._cue(text, words, tokens, j) for j in range(max(0, first - 7), first - 1))
                if not any(c is not None and c[1] == "past" for c in behind):
                    return "future"
        lo, hi = max(0, first - 20), min(len(words), after + 12)
        i = bisect.bisect_right(sentence_starts, start) - 1
        if i >= 0 and start < sentences[i].end:
            lo = max(lo, bisect.bisect_left(token_starts, sentences[i].start))
            hi = min(hi, bisect.bisect_left(token_starts, sentences[i].end))
        if bounds is not None:
            lo = max(lo, bisect.bisect_left(token_starts, bounds[0]))
            hi = min(hi, bisect.bisect_left(token_starts, bounds[1]))
        back = ahead = None
        if opens and first > 0 and words[first - 1] in g.context["future_prepositions"]:
            lo = max(lo, first)  # nothing before the opening "Until"
        for k in range(first - 1, lo - 1, -1):
            if not sentences and words[k] in _STOPS:
                break
            back = self._cue(text, words, tokens, k)
            if back is not None:
                back = (first - k, back[1])
                break
        for k in range(after, hi):
            if not sentences and words[k] in _STOPS:
                break
            ahead = self._cue(text, words, tokens, k)
            if ahead is not None:
                ahead = (k - after + 2, ahead[1])  # a cue before the expression weighs a little more
                break
        best = min((c for c in (back, ahead) if c is not None), default=None)
        return None if best is None else best[1]

    def _cue(
        self, text: str, words: Sequence[str], tokens: Sequence[tuple[int, int]], k: int
    ) -> tuple[int, str] | None:
        """The tense cue ending at token ``k``, if any."""
        g = self._grammar
        word = words[k]
        for seq, label in g.cues.get(word, ()):
            n = len(seq)
            if k + 1 >= n and tuple(words[k + 1 - n : k + 1]) == seq:
                if n == 1 and label == "past" and k and words[k - 1] in g.context["not_past_after"]:
                    return None  # "would be held", "a still unspecified date": not the past tense
                if label == "future" and "had" in words[max(0, k - n - 1) : k + 1 - n]:
                    return k, "past"  # "had been scheduled to expire", "had planned to": a past plan
                return k, label
        suffix = g.past_suffix
        if (
            suffix
            and word.endswith(suffix)
            and len(word) > len(suffix) + 1
            and word.isalpha()
            and text[tokens[k][0]].islower()
            and word not in g.context["not_past"]
            and not (k and words[k - 1] in g.context["not_past_after"])
        ):
            return k, "past"
        return None

    def _parse_date(self, s: str) -> date | None:
        """An all-numeric date read by dateparser (month first, as in US wire copy), cached."""
        cache = self._dates
        if s in cache:
            return cache[s]
        import dateparser  # lazy: ``import newsmodel`` stays fast

        try:
            parsed = dateparser.parse(
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


_LEADING_THE = regex.compile(r"the\s{1,3}", regex.IGNORECASE)
_DECADE_MOD = regex.compile(r"the\s{1,3}(?:early|mid|late)", regex.IGNORECASE)
_HYPHEN_DURATION = regex.compile(r"the\s{1,3}\S{1,20}-", regex.IGNORECASE)


def _trim_start(text: str, start: int, end: int, rule_id: str) -> int:
    """TimeML leaves "the" out of a decade ("the [1990s]") and of an adjectival duration ("the [two-week]")."""
    if (rule_id == "decade" and not _DECADE_MOD.match(text, start, end)) or (
        rule_id == "duration" and _HYPHEN_DURATION.match(text, start, end)
    ):
        m = _LEADING_THE.match(text, start, end)
        if m:
            return m.end()
    return start


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces and commas, and a "p.m." period that also ends the sentence."""
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    if end - start > 3 and text[end - 1] == "." and text[end - 3 : end].casefold() in ("a.m", ".m."):
        after = text[end : end + 3]
        if not after or _SENTENCE_END.match(after):
            end -= 1
    return end


def _starts_at(starts: list[int], offset: int) -> bool:
    """Whether ``offset`` is among the sorted ``starts``."""
    i = bisect.bisect_left(starts, offset)
    return i < len(starts) and starts[i] == offset


def _names_a_product(text: str, prev: regex.Match[str], g: Grammar) -> bool:
    """Whether the capitalised word right before a bare year makes it part of a name
    ("Windows 2000"): not a month, weekday or season, not opening a sentence."""
    word = prev[1]
    if not word[:1].isupper() or text[prev.end(1) : prev.end()].strip():
        return False
    key = word.casefold().rstrip(".")
    if any(key in g.lists.get(name, {}) for name in ("month", "weekday", "season", "weekday_abbr")):
        return False
    if key in g.context["month_alone_before"] or key in g.prefix:
        return False  # "In 2013", "Since 1949", "Early 2016"
    before = text[max(0, prev.start() - 3) : prev.start()].rstrip(" “\"‘'(")
    return bool(before) and before[-1] not in ".!?:\n"


def _is_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is two or more capitalised words not opening a sentence."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, start - 8) : start].rstrip(" “\"‘'(")
    return bool(before) and before[-1] not in ".!?:\n"


def _maybe_digit_core(word: str, following: str) -> bool:
    """A cheap test before the digit_core pattern: a number can only anchor an expression when it
    might be a year, a clock time, an all-numeric date or a decade."""
    if len(word) >= 4 and word[:4].isdigit():
        return True
    if ":" in word or "/" in word or "-" in word or word.count(".") > 1:
        return True
    if word.endswith(("0s", "am", "pm", "a.m.", "p.m.", "a.m", "p.m")):
        return True
    return len(word) <= 5 and following[:1] in ("a", "p")


_DATE_KINDS = (TimeKind.DATE, TimeKind.TIME)


def governing_time(
    times: Sequence[TimeExpression], segments: Segmentation, start: int, end: int
) -> TimeExpression | None:
    """The time expression that governs the words ``[start, end)``: same clause first, then same sentence.

    The sentence is the one holding ``start``; clauses are its stretches between ``;``, ``:``,
    dashes, and a comma before a conjunction or relative word (", but", ", which"). Among the
    candidates of the clause (failing that, of the sentence) a date or time beats a duration or a
    set, then the nearest wins (an expression inside ``[start, end)`` is nearest of all), then the
    earlier. Statements and events use this to attach their time.

    Returns:
        The governing expression, or ``None`` when no expression shares the sentence.
    """
    if not times:
        return None
    sentence = segments.sentence_at(start)
    if sentence is None:
        lo, hi = start, max(end, start + 1)
    else:
        lo, hi = sentence.start, sentence.end
    # ``times`` is in text order and non-overlapping (as the time stage gives it): find the
    # sentence's expressions by bisection, and weigh only those nearest ``start``, so that a call
    # costs the same in a long article (or a megabyte-long sentence) as in a short one.
    first = bisect.bisect_right(times, lo, key=_span_end)
    stop = bisect.bisect_left(times, hi, lo=first, key=_span_start)
    if first >= stop:
        return None
    middle = bisect.bisect_left(times, start, lo=first, hi=stop, key=_span_start)
    candidates = times[max(first, middle - _NEAREST) : min(stop, middle + _NEAREST)]
    text = segments.text

    def same_clause(t: TimeExpression) -> bool:
        a, b = (start, t.span.start) if start <= t.span.start else (t.span.start, start)
        if b - a > _LONGEST_CLAUSE:
            return False
        found = _clause_break().search(text, a + 1, min(hi, b + _BREAK_LENGTH))
        return found is None or found.start() > b

    pool = [t for t in candidates if same_clause(t)] or candidates

    def key(t: TimeExpression) -> tuple[int, int, int]:
        if t.span.end <= start:
            distance = start - t.span.end
        elif t.span.start >= end:
            distance = t.span.start - end
        else:
            distance = 0
        return (0 if t.kind in _DATE_KINDS else 1, distance, t.span.start)

    return min(pool, key=key)
