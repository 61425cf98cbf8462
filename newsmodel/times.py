"""Time expressions and their TIMEX3 values, resolved against the publication date.

:class:`TimeFinder` is the pipeline's time stage. It finds expressions with the rules of
``newsmodel/rules/times.toml`` in one pass (a scan for trigger words, then the longest match of
all rules at each trigger), drops what the negative rules reject ("may" the modal, "Theresa May",
"2000 soldiers", "the Sunday Times"), and resolves each to a TIMEX3 value by calendar arithmetic
on the publication date. dateparser is used only for all-numeric dates (``4/9/2017``), cached.

:func:`governing_time` finds the expression that governs a stretch of words; statements and
events call it to attach their time.
"""

from __future__ import annotations

import bisect
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

_CLAUSE_BREAK = regex.compile(
    r"[;:—–]|\s-\s|,\s+(?=(?:and|but|while|whereas|although|though|because|after|before|when|which|who|as|since|where|saying|adding)\b)|\b(?:but|while|whereas|although)\b"
)
_WORD_BEFORE = regex.compile(r"([\w’'.]+)[\s,]*$")
_WORD_AFTER = regex.compile(r"\s{0,3}([\w%]+(?:\s+\w+)?)")
_CURRENCY = frozenset("$£€¥#")
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
        sentences = segments.sentences if segments is not None and segments.text == text else ()
        starts = [s.start for s in sentences]

        def tense(start: int, end: int) -> str | None:
            return self._tense(text, start, end, sentences, starts)

        resolution = Resolution(g, text, published, tense, self._parse_date)
        out: list[TimeExpression] = []
        pos = 0
        n = len(text)
        while pos < n:
            trig = g.triggers.search(text, pos)
            if trig is None:
                break
            start = trig.start()
            m = g.pattern.match(text, start)
            if m is None or m.end() <= start:
                pos = start + 1
                continue
            rule = None
            for i, r in enumerate(g.rules):
                if m.start(f"r_{i}") >= 0:
                    rule = r
                    break
            if rule is None or not self._acceptable(text, m, rule):
                pos = _next_word(text, start)
                continue
            found = resolution.resolve(rule, m)
            if found is None:
                pos = _next_word(text, start)
                continue
            end, kind, value, mod = found
            start = _trim_start(text, start, end, rule.id)
            end = _trim_end(text, start, end)
            out.append(
                TimeExpression(span=Span.of(text, start, end), kind=kind, value=value, rule=rule.id, mod=mod)
            )
            pos = end
        return tuple(out)

    # -- negative rules --------------------------------------------------------------------------

    def _acceptable(self, text: str, m: regex.Match[str], rule: Any) -> bool:
        g = self._grammar
        gd = m.groupdict()
        start, end = m.start(), m.end()
        if start and (
            text[start - 1] in _CURRENCY or regex.match(r"\d[.,]", text[max(0, start - 2) : start])
        ):
            return False
        if regex.match(r"[.,]\d|-\d|/\d|%", text[end : end + 2]):
            return False
        month = gd.get("month")
        if month and not month.isdigit():
            if not month[:1].isupper():
                return False
            bare = rule.id == "month" and not gd.get("day") and not gd.get("year")
            if bare and regex.match(r"\s{1,3}\d", text[end : end + 4]):
                return False  # "last Oct. 23": the date starts at the month
            if bare:
                key = month.casefold().rstrip(".")
                abbreviated = key not in ("may", "june", "july", "march", "april") and len(key) <= 4
                if abbreviated and not m[0].endswith("."):
                    return False
                if not gd.get("dir") and not gd.get("mod"):
                    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
                    if before is None or before[1].casefold() not in g.context["month_alone_before"]:
                        return False
                    if key in ("may", "march") and before[1].casefold() in ("and", "or", "to"):
                        return False
        if rule.id in ("year", "year-range") and not gd.get("fiscal"):
            after = _WORD_AFTER.match(text, end, min(len(text), end + 30))
            if after:
                words = after[1].casefold()
                first = words.split()[0]
                if first in g.context["year_not_before"] or words in g.context["year_not_before"]:
                    return False
            before = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if before and before[1].casefold() in g.context["year_not_after"] and not gd.get("mod"):
                return False
            year = int(gd["year"] or 0)
            if not 1600 <= year <= 2099 and not gd.get("mod"):
                return False
        return True

    # -- context ---------------------------------------------------------------------------------

    def _tense(
        self, text: str, start: int, end: int, sentences: Sequence[Span], starts: list[int]
    ) -> str | None:
        """``"future"`` or ``"past"``: by the preposition right before (``by``, ``until``; ``since``),
        else by the nearest tense cue in the sentence; ``None`` when nothing says."""
        g = self._grammar
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if before is not None:
            word = before[1].casefold()
            if word in g.context["future_prepositions"]:
                return "future"
            if word in g.context["past_prepositions"]:
                return "past"
        lo, hi = max(0, start - 100), min(len(text), end + 60)
        if sentences:
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start < sentences[i].end:
                lo, hi = max(lo, sentences[i].start), min(hi, sentences[i].end)
        else:
            cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
            if cut >= 0:
                lo = cut + 1
            stop = regex.compile(r"[.!?]\s|\n").search(text, end, hi)
            if stop:
                hi = stop.start()
        best: tuple[int, str] | None = None
        for label, pattern in (("future", g.future), ("past", g.past)):
            for cue in pattern.finditer(text, lo, start):
                d = start - cue.end()
                if best is None or d < best[0]:
                    best = (d, label)
            ahead = pattern.search(text, end, hi)
            if ahead is not None:
                d = ahead.start() - end + 5  # a cue before the expression weighs a little more
                if best is None or d < best[0]:
                    best = (d, label)
        return None if best is None else best[1]

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
_HYPHEN_DURATION = regex.compile(r"the\s{1,3}\S{1,20}-", regex.IGNORECASE)


def _trim_start(text: str, start: int, end: int, rule_id: str) -> int:
    """TimeML leaves "the" out of a decade ("the [1990s]") and of an adjectival duration ("the [two-week]")."""
    if rule_id == "decade" or (rule_id == "duration" and _HYPHEN_DURATION.match(text, start, end)):
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
        if not after or regex.match(r"\s+[A-Z\u201c\"]|\s*$|\n", after):
            end -= 1
    return end


def _next_word(text: str, pos: int) -> int:
    m = regex.compile(r"\W").search(text, pos)
    return m.end() if m else len(text)


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
    candidates = [t for t in times if t.span.start < hi and t.span.end > lo]
    if not candidates:
        return None
    text = segments.text
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text, lo, hi)]

    def clause(offset: int) -> int:
        return sum(1 for b in breaks if b <= offset)

    here = clause(start)
    same = [t for t in candidates if clause(t.span.start) == here]
    pool = same or candidates

    def key(t: TimeExpression) -> tuple[int, int, int]:
        if t.span.end <= start:
            distance = start - t.span.end
        elif t.span.start >= end:
            distance = t.span.start - end
        else:
            distance = 0
        return (0 if t.kind in _DATE_KINDS else 1, distance, t.span.start)

    return min(pool, key=key)
