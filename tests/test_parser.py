"""parse() and Parser: argument validation, published dates, composing stages."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    InvalidArgumentError,
    InvalidPublishedError,
    InvalidTextError,
    NewsmodelError,
    Parser,
    TimeExpression,
    TimeKind,
)
from newsmodel.pipeline import Context


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_non_str_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(InvalidTextError, match="text must be a str") as info:
        newsmodel.parse(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, NewsmodelError)


@pytest.mark.parametrize(
    "bad", ["not a date", "2017-13-01", "09/04/2017", "", "February 30, 2017", "Funday, April 9, 2017"]
)
def test_unparseable_published_is_a_value_error(bad: str) -> None:
    with pytest.raises(InvalidPublishedError, match="published=") as info:
        newsmodel.parse("text", published=bad)
    assert isinstance(info.value, ValueError)


def test_published_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(InvalidArgumentError, match="published must be"):
        newsmodel.parse("text", published=20170409)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="headline must be"):
        newsmodel.parse("text", headline=7)  # type: ignore[arg-type]


UTC = timezone.utc


@pytest.mark.parametrize(
    ("given_", "day", "at"),
    [
        ("2017-04-09", date(2017, 4, 9), None),
        ("20170409", date(2017, 4, 9), None),
        (date(2017, 4, 9), date(2017, 4, 9), None),
        ("2013-01-02T14:30:00", date(2013, 1, 2), datetime(2013, 1, 2, 14, 30)),
        ("2017-04-09T10:00", date(2017, 4, 9), datetime(2017, 4, 9, 10, 0)),
        ("2013-01-02T14:30:00Z", date(2013, 1, 2), datetime(2013, 1, 2, 14, 30, tzinfo=UTC)),
        (datetime(2013, 1, 2, 14, 30), date(2013, 1, 2), datetime(2013, 1, 2, 14, 30)),
        ("Sun, 09 Apr 2017 14:30:00 GMT", date(2017, 4, 9), datetime(2017, 4, 9, 14, 30, tzinfo=UTC)),
        (
            "9 Apr 2017 14:30 +0200",
            date(2017, 4, 9),
            datetime(2017, 4, 9, 14, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("April 9, 2017", date(2017, 4, 9), None),
        ("Sunday, April 9, 2017", date(2017, 4, 9), None),
        ("Apr. 9 2017", date(2017, 4, 9), None),
        ("9 April 2017", date(2017, 4, 9), None),
        ("26-FEB-1987 15:01:01.79", date(1987, 2, 26), datetime(1987, 2, 26, 15, 1, 1, 790000)),
        ("April 9, 2017 14:30", date(2017, 4, 9), datetime(2017, 4, 9, 14, 30)),
        (None, None, None),
    ],
)
def test_published_forms(given_: object, day: date | None, at: datetime | None) -> None:
    a = newsmodel.parse("Hello.", published=given_)  # type: ignore[arg-type]
    assert a.published == day and a.published_at == at
    # one representation whatever the input: published is a plain date, never a datetime
    assert a.published is None or type(a.published) is date


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.sampled_from(["iso", "obj", "date"]),
)
def test_published_is_always_a_date(when: datetime, form: str) -> None:
    given_: object = {"iso": when.isoformat(), "obj": when, "date": when.date()}[form]
    a = newsmodel.parse("Hello.", published=given_)  # type: ignore[arg-type]
    assert type(a.published) is date and a.published == when.date()
    assert a.published_at == (None if form == "date" else when)


@pytest.mark.parametrize("ambiguous", ["04/09/2017", "9/4/2017", "04-09-2017", "04.09.2017"])
def test_ambiguous_published_says_how_to_write_it(ambiguous: str) -> None:
    with pytest.raises(InvalidPublishedError, match="ambiguous.*2017-04-09"):
        newsmodel.parse("text", published=ambiguous)


def test_text_is_kept_exactly() -> None:
    text = "  \r\n WASHINGTON (Reuters) - Odd\u00a0spacing\x00 and “quotes”\n\n"
    a = newsmodel.parse(text, headline="H")
    assert a.text is text or a.text == text
    assert a.headline == "H"


@given(st.text(max_size=2000))
def test_parse_never_raises_and_spans_tile_the_text(text: str) -> None:
    a = newsmodel.parse(text)
    assert a.text == text
    last_end = 0
    for p in a.paragraphs:
        assert last_end <= p.start < p.end <= len(text)
        assert p.text == text[p.start : p.end]
        last_end = p.end
    for s in a.sentences:
        assert s.text == text[s.start : s.end]
        assert sum(1 for p in a.paragraphs if s in p) == 1
    assert [s.start for s in a.sentences] == sorted(s.start for s in a.sentences)


def test_parse_is_deterministic(seed_text: str) -> None:
    assert newsmodel.parse(seed_text, published="2017-04-09") == newsmodel.parse(
        seed_text, published="2017-04-09"
    )


def test_a_stage_can_be_replaced() -> None:
    @attrs.frozen
    class EveryMonday:
        def __call__(self, context: Context) -> tuple[TimeExpression, ...]:
            i = context.text.find("Monday")
            if i < 0:
                return ()
            span = newsmodel.Span.of(context.text, i, i + 6)
            return (TimeExpression(span=span, kind=TimeKind.DATE, value="XXXX-WXX-1", rule="every-monday"),)

    parser = Parser(times=EveryMonday())
    a = parser.parse("They met on Monday.")
    assert [(t.span.text, t.value, t.rule) for t in a.times] == [("Monday", "XXXX-WXX-1", "every-monday")]


def test_import_is_light() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); import newsmodel; dt = time.perf_counter() - t;"
        "print(dt, 'dateparser' in sys.modules, 'hypothesis' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[1:] == ["False", "False"], "import newsmodel must not import dateparser or hypothesis"
