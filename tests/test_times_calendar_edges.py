"""Calendar edges (issue 12 item 13): past year 1 or 9999 a value is unresolved, never wrong."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel

PHRASES = {
    "next month": (1, "month"),
    "next year": (1, "year"),
    "last month": (-1, "month"),
    "last year": (-1, "year"),
    "10 years ago": (-10, "year"),
    "three months ago": (-3, "month"),
    "tomorrow": (1, "day"),
    "yesterday": (-1, "day"),
    "last week": (None, "week"),
    "next week": (None, "week"),
    "on Sunday": (None, "day"),
    "next decade": (None, "decade"),
    "next century": (None, "century"),
    "two decades ago": (None, "year"),
}
EDGE_DATES = st.one_of(
    st.dates(date(1, 1, 1), date(1, 3, 1)),
    st.dates(date(9999, 10, 1), date(9999, 12, 31)),
    st.dates(),
)


def _month_index(value: str) -> int:
    return int(value[:4]) * 12 + int(value[5:7]) - 1


@given(EDGE_DATES, st.sampled_from(sorted(PHRASES)))
def test_values_are_on_the_calendar_or_unresolved(published: date, phrase: str) -> None:
    a = newsmodel.parse(f"It happened {phrase}.", published=published)
    (t,) = [t for t in a.times if t.span.text.casefold().endswith(phrase.split()[-1].casefold())]
    value = t.value
    assert not value.startswith("-") and not (len(value) >= 5 and value[:5].isdigit()), value
    if "X" in value:
        return  # unresolved: the text's granularity kept, no wrong digits
    offset, unit = PHRASES[phrase]
    if offset is None:
        return
    if unit == "year":
        assert int(value) == published.year + offset
    elif unit == "month":
        assert _month_index(value) == published.year * 12 + published.month - 1 + offset
    elif unit == "day":
        assert (date.fromisoformat(value) - published).days == offset


@pytest.mark.parametrize(
    ("published", "phrase", "value"),
    [
        ("9999-12-15", "next month", "XXXX-XX"),
        ("9999-12-15", "next year", "XXXX"),
        ("9999-12-15", "next decade", "XXX"),
        ("9999-12-31", "tomorrow", "XXXX-XX-XX"),
        (date.min, "10 years ago", "XXXX"),
        (date.min, "on Sunday", "XXXX-WXX-7"),
        (date.min, "last week", "XXXX-WXX"),
        ("2017-04-09", "next month", "2017-05"),
    ],
)
def test_the_reported_cases(published: str | date, phrase: str, value: str) -> None:
    a = newsmodel.parse(f"It happened {phrase}.", published=published)
    assert [t.value for t in a.times] == [value]
