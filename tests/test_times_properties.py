"""Property tests of the time stage: calendar arithmetic, robustness, spans, determinism."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from newsmodel._times.calendar import add_months, iso_week_value, shift_value, weekday_on_or_before
from newsmodel._times.tables import compile_clause_break
from newsmodel.segment import Segmenter
from newsmodel.times import TimeFinder, TimeRules, governing_time

FINDER = TimeFinder()
SEGMENTER = Segmenter()
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = dict(
    enumerate(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=2)
)

dates = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
published = st.one_of(
    st.none(), dates, st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(2099, 1, 1))
)
NEWS_WORDS = """on Sunday last week the third quarter of 2013 May may march March 9 April ago years a few
days after every daily now early mid-2016 fiscal 1990s ’90s p.m. 3 EST tonight Theresa $ 2000 soldiers
, . “ ” year-earlier next Tuesday morning 4/9/2017 9-Apr-2017 half first 21st century this summer Q3
noon -"""
news_words = st.sampled_from([*NEWS_WORDS.split(), "\n"])
newsy_text = st.lists(news_words, max_size=40).map(" ".join)


def values(text: str, when: date | None) -> list[tuple[str, str]]:
    return [(t.span.text, t.value) for t in FINDER.find(text, when, SEGMENTER(text))]


@given(dates, st.integers(min_value=1, max_value=7))
def test_on_weekday_is_within_the_seven_days_up_to_publication(when: date, weekday: int) -> None:
    text = f"The minister spoke on {WEEKDAYS[weekday - 1]} about the plan."
    ((span, value),) = values(text, when)
    assert span == WEEKDAYS[weekday - 1]
    day = date.fromisoformat(value)
    assert when - timedelta(days=6) <= day <= when
    assert day.isoweekday() == weekday


@given(dates, st.integers(min_value=1, max_value=7))
def test_weekday_with_a_future_cue_is_on_or_after_publication(when: date, weekday: int) -> None:
    text = f"The minister will speak on {WEEKDAYS[weekday - 1]}."
    ((_, value),) = values(text, when)
    day = date.fromisoformat(value)
    assert when <= day <= when + timedelta(days=6)
    assert day.isoweekday() == weekday


@given(dates.filter(lambda d: d.year >= 1900), st.integers(min_value=2, max_value=400), st.booleans())
def test_days_ago_is_exact(when: date, n: int, spell: bool) -> None:
    count = NUMBER_WORDS.get(n, str(n)) if spell else str(n)
    ((_, value),) = values(f"The deal was signed {count} days ago.", when)
    assert value == (when - timedelta(days=n)).isoformat()


@given(dates.filter(lambda d: d.year >= 1900), st.integers(min_value=2, max_value=60))
def test_weeks_ago_is_the_iso_week(when: date, n: int) -> None:
    ((_, value),) = values(f"The deal was signed {n} weeks ago.", when)
    assert value == iso_week_value(when - timedelta(weeks=n))


@given(dates.filter(lambda d: d.year >= 1900), st.integers(min_value=2, max_value=99))
def test_years_ago_is_exact(when: date, n: int) -> None:
    ((_, value),) = values(f"The deal was signed {n} years ago.", when)
    assert value == f"{when.year - n:04d}"


@given(dates)
def test_last_and_this_week_follow_iso_weeks_and_the_sunday_rule(when: date) -> None:
    ((_, last),) = values("It happened last week.", when)
    ((_, this),) = values("It happens this week.", when)
    if when.isoweekday() == 7:
        assert last == iso_week_value(when)
        assert this == iso_week_value(when + timedelta(days=1))
    else:
        assert last == iso_week_value(when - timedelta(days=7))
        assert this == iso_week_value(when)


@given(dates)
def test_iso_week_value_agrees_with_the_calendar(day: date) -> None:
    value = iso_week_value(day)
    year, week = int(value[:4]), int(value[6:])
    assert date.fromisocalendar(year, week, day.isoweekday()) == day
    assert shift_value(value, 1, "W") == iso_week_value(day + timedelta(weeks=1))


@given(dates, st.integers(min_value=-240, max_value=240))
def test_add_months_clamps_the_day(day: date, n: int) -> None:
    if not 1 <= day.year + n // 12 <= 9998:
        return
    moved = add_months(day, n)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == n
    assert moved.day == day.day or moved.day < day.day


@given(dates, st.integers(min_value=1, max_value=7))
def test_weekday_on_or_before(day: date, weekday: int) -> None:
    got = weekday_on_or_before(day, weekday)
    assert got.isoweekday() == weekday
    assert 0 <= (day - got).days <= 6


@given(st.text(max_size=300), published)
def test_never_raises_and_spans_index_the_text(text: str, when: date | None) -> None:
    got = FINDER.find(text, when, SEGMENTER(text))
    end = 0
    for t in got:
        assert text[t.span.start : t.span.end] == t.span.text
        assert t.span.start >= end  # in text order, never overlapping
        end = t.span.end
        assert t.value
        assert t.rule


@given(newsy_text, st.one_of(st.dates(), st.datetimes()))
def test_any_publication_date_never_raises(text: str, when: date) -> None:
    for t in FINDER.find(text, when, SEGMENTER(text)):
        assert text[t.span.start : t.span.end] == t.span.text


@given(newsy_text, published)
def test_newsy_text_never_raises_and_is_deterministic(text: str, when: date | None) -> None:
    first = FINDER.find(text, when, SEGMENTER(text))
    again = FINDER.find(text, when, SEGMENTER(text))
    without_segments = FINDER.find(text, when)
    assert first == again
    assert [t.span for t in first] == [t.span for t in without_segments]
    for t in first:
        assert text[t.span.start : t.span.end] == t.span.text


CLAUSE_WORDS = st.lists(
    st.sampled_from(["and", "but", "whereupon", "meanwhile", "which", "so", "2013"]), max_size=4
)


@given(newsy_text, CLAUSE_WORDS, st.data())
def test_governing_time_with_any_clause_words(text: str, alone: list[str], data: st.DataObject) -> None:
    """Whatever the clause words, the governing time is one of the sentence's expressions (or
    none), the same on every call; with no words added it is the shipped rules' answer."""
    segments = SEGMENTER(text)
    found = FINDER.find(text, date(2017, 4, 9), segments)
    clauses = compile_clause_break(TimeRules.shipped().extend({"clauses": {"alone": alone}}))
    start = data.draw(st.integers(min_value=0, max_value=max(0, len(text) - 1)))
    end = data.draw(st.integers(min_value=start, max_value=max(start, len(text))))
    got = governing_time(found, segments, start, end, clauses=clauses)
    assert got == governing_time(found, segments, start, end, clauses=clauses)
    if got is not None:
        assert got in found
        sentence = segments.sentence_at(start)
        if sentence is not None:
            assert got.span.end > sentence.start and got.span.start < sentence.end
    if not alone:
        assert got == governing_time(found, segments, start, end)
