"""The time stage: detection, TIMEX3 values, negative rules, placeholders, governing_time."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest

from newsmodel import RuleError
from newsmodel.model import TimeExpression, TimeKind
from newsmodel.rules import load_rules
from newsmodel.segment import Segmenter
from newsmodel.times import TimeFinder, governing_time

FINDER = TimeFinder()
SEGMENTER = Segmenter()
SUNDAY = date(2017, 4, 9)


def times(text: str, published: date | None = SUNDAY) -> tuple[TimeExpression, ...]:
    return FINDER.find(text, published, SEGMENTER(text))


def found(text: str, published: date | None = SUNDAY) -> list[tuple[str, str]]:
    return [(t.span.text, t.value) for t in times(text, published)]


EXAMPLES = [
    # absolute dates
    ("It was signed on April 9, 2017.", "April 9, 2017", "2017-04-09", TimeKind.DATE),
    ("It was signed on 9 April.", "9 April", "2017-04-09", TimeKind.DATE),
    ("It was signed on Apr. 9.", "Apr. 9", "2017-04-09", TimeKind.DATE),
    ("Sales fell in April 2016.", "April 2016", "2016-04", TimeKind.DATE),
    ("The treaty dates from 2013.", "2013", "2013", TimeKind.DATE),
    ("Prices rose in the 1990s.", "1990s", "199", TimeKind.DATE),
    ("Output peaked in mid-2016.", "mid-2016", "2016", TimeKind.DATE),
    ("The plan covers fiscal 2018.", "fiscal 2018", "2018", TimeKind.DATE),
    ("Profit rose in the first quarter of 2016.", "the first quarter of 2016", "2016-Q1", TimeKind.DATE),
    ("Profit rose in the first quarter.", "the first quarter", "2017-Q1", TimeKind.DATE),
    ("Talks resume this summer.", "this summer", "2017-SU", TimeKind.DATE),
    ("It began last fall.", "last fall", "2016-FA", TimeKind.DATE),
    ("Reform was urgent in the 21st century.", "the 21st century", "20", TimeKind.DATE),
    # weekdays, today and its neighbours, times of day
    ("Tillerson spoke on Sunday.", "Sunday", "2017-04-09", TimeKind.DATE),
    ("Tuesday’s vote was close.", "Tuesday", "2017-04-04", TimeKind.DATE),
    ("The minister will visit on Tuesday.", "Tuesday", "2017-04-11", TimeKind.DATE),
    ("They met next Friday.", "next Friday", "2017-04-14", TimeKind.DATE),
    ("He spoke today.", "today", "2017-04-09", TimeKind.DATE),
    ("He spoke yesterday.", "yesterday", "2017-04-08", TimeKind.DATE),
    ("He will speak tomorrow.", "tomorrow", "2017-04-10", TimeKind.DATE),
    ("Troops moved on Tuesday morning.", "Tuesday morning", "2017-04-04TMO", TimeKind.TIME),
    ("The vote starts at 3 p.m. EST.", "3 p.m. EST", "2017-04-09T15:00", TimeKind.TIME),
    ("Protests grew tonight.", "tonight", "2017-04-09TNI", TimeKind.TIME),
    # relative dates
    ("The attack happened last week.", "last week", "2017-W14", TimeKind.DATE),
    ("The attack happened this week.", "this week", "2017-W15", TimeKind.DATE),
    ("Talks resume next month.", "next month", "2017-05", TimeKind.DATE),
    ("It was agreed earlier this month.", "earlier this month", "2017-04", TimeKind.DATE),
    ("It was agreed two years ago.", "two years ago", "2015", TimeKind.DATE),
    ("It was agreed three days ago.", "three days ago", "2017-04-06", TimeKind.DATE),
    ("It was agreed last year.", "last year", "2016", TimeKind.DATE),
    # durations
    ("He served for three years.", "three years", "P3Y", TimeKind.DURATION),
    ("It lasted a few days.", "a few days", "PXD", TimeKind.DURATION),
    ("Shares fell over the past three months.", "the past three months", "P3M", TimeKind.DURATION),
    ("He was jailed for 2 1/2 years.", "2 1/2 years", "P2Y6M", TimeKind.DURATION),
    ("It took two decades.", "two decades", "P20Y", TimeKind.DURATION),
    ("Prices rose in recent weeks.", "recent weeks", "PXW", TimeKind.DURATION),
    ("A few days after the raid, he left.", "A few days", "PXD", TimeKind.DURATION),
    # sets
    ("They meet every week.", "every week", "P1W", TimeKind.SET),
    ("Flights leave daily.", "daily", "P1D", TimeKind.SET),
    ("The board meets annually.", "annually", "P1Y", TimeKind.SET),
    ("They meet every Sunday.", "every Sunday", "XXXX-WXX-7", TimeKind.SET),
    # vague references
    ("The rebels now hold the city.", "now", "PRESENT_REF", TimeKind.DATE),
    ("He recently resigned.", "recently", "PAST_REF", TimeKind.DATE),
    ("Nobody knows the future.", "the future", "FUTURE_REF", TimeKind.DATE),
    # numbers that are dates
    ("The order was dated 4/9/2017.", "4/9/2017", "2017-04-09", TimeKind.DATE),
]


@pytest.mark.parametrize(("text", "span", "value", "kind"), EXAMPLES)
def test_examples(text: str, span: str, value: str, kind: TimeKind) -> None:
    got = [t for t in times(text) if t.span.text == span]
    assert got, f"{span!r} not found in {found(text)}"
    assert got[0].value == value
    assert got[0].kind is kind
    assert got[0].rule


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the talks may resume.",
        "Theresa May said Britain would leave.",
        "Thousands march through the capital.",
        "The Sun reported the story first.",
        "The Sunday Times reported the story first.",
        "The army sent 2000 soldiers to the border.",
        "The bill came to $2013 in total.",
        "He finished 21st in the race.",
        "Prices fall when demand drops.",
        "The second round starts soon.",
        "He still runs Windows 2000 on Apollo 13 hardware.",
        "The annual meeting approved the plan.",
        "He was soon released.",
        "It is a lesson for today's youth.",
        "He chose the leaders of tomorrow.",
        "The quarter-to-quarter comparison was weak.",
        "She watched High Noon again.",
        "He said so on CBS's 60 Minutes.",
        "The recent strike failed.",
        "Sales rise 8.5% annually.",
        "The average daily volume fell.",
        "It pays $5 million annually.",
        "He left in the early hours.",
    ],
)
def test_negative_rules(text: str) -> None:
    assert found(text) == []


def test_months_in_a_list_and_clock_with_full_date() -> None:
    assert found("Sales rose in March, April and May.", date(2017, 6, 1)) == [
        ("March", "2017-03"),
        ("April", "2017-04"),
        ("May", "2017-05"),
    ]
    assert found("The deal closes at 10 a.m. on Monday, June 5, 2017.") == [
        ("10 a.m. on Monday, June 5, 2017", "2017-06-05T10:00")
    ]


def test_mod_is_read() -> None:
    (early,) = times("Output fell in early 2016.")
    assert (early.span.text, early.value, early.mod) == ("early 2016", "2016", "START")
    (mid,) = times("Output fell in mid-2016.")
    assert mid.mod == "MID"
    (about,) = times("The meeting lasted about five hours.")
    assert (about.span.text, about.value, about.mod) == ("five hours", "PT5H", "APPROX")
    (plain,) = times("The meeting lasted five hours.")
    assert plain.mod is None


def test_seed_article_times(seed_text: str, seed_gold: dict) -> None:  # type: ignore[type-arg]
    got = times(seed_text, SUNDAY)
    for gold in seed_gold["times"]:
        hits = [t for t in got if t.span.text == gold["text"]]
        index = gold.get("occurrence", 1) - 1
        assert len(hits) > index, f"{gold['text']!r} missing"
        assert hits[index].value == gold["value"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He spoke on Sunday.", "XXXX-WXX-7"),
        ("The attack happened last week.", "XXXX-WXX"),
        ("He spoke yesterday.", "XXXX-XX-XX"),
        ("Talks resume next month.", "XXXX-XX"),
        ("It was agreed last year.", "XXXX"),
        ("Profit rose in the third quarter.", "XXXX-Q3"),
        ("It was signed on April 9.", "XXXX-04-09"),
        ("Talks went on in March.", "XXXX-03"),
        ("He served for three years.", "P3Y"),
        ("It was signed on April 9, 2017.", "2017-04-09"),
    ],
)
def test_placeholders_without_published(text: str, value: str) -> None:
    (t,) = times(text, None)
    assert t.value == value


@pytest.mark.parametrize("when", [date.min, date.max, date(1, 1, 7), date(9999, 12, 26)])
def test_calendar_edges_do_not_raise(when: date) -> None:
    text = "Yesterday, last week, next month, a decade ago, the following year and in 2 years, tomorrow."
    for t in times(text, when):
        assert text[t.span.start : t.span.end] == t.span.text


def test_text_whose_lower_case_changes_length() -> None:
    text = "İİİ İstanbul said on Sunday that ﬁve years ago it was quiet."
    got = times(text)
    assert ("Sunday", "2017-04-09") in [(t.span.text, t.value) for t in got]
    for t in got:
        assert text[t.span.start : t.span.end] == t.span.text


def test_datetime_published_is_read_as_its_date() -> None:
    (t,) = times("He spoke on Friday.", datetime(2017, 4, 9, 18, 30))
    assert t.value == "2017-04-07"


@pytest.mark.parametrize(
    ("published", "last", "this"),
    [
        (date(2017, 4, 9), "2017-W14", "2017-W15"),  # a Sunday: the week ending, the one beginning
        (date(2017, 4, 10), "2017-W14", "2017-W15"),
        (date(2021, 1, 3), "2020-W53", "2021-W01"),  # ISO week 53 and the year rollover
        (date(2021, 1, 4), "2020-W53", "2021-W01"),
        (date(2020, 12, 31), "2020-W52", "2020-W53"),
        (date(2019, 12, 30), "2019-W52", "2020-W01"),  # Monday of ISO 2020-W01
    ],
)
def test_iso_weeks(published: date, last: str, this: str) -> None:
    assert found("It happened last week.", published) == [("last week", last)]
    assert found("It happens this week.", published) == [("this week", this)]


def test_anchored_year_earlier() -> None:
    text = "Profit rose in the third quarter, up from $4 million a year earlier."
    assert found(text, date(1989, 10, 26)) == [
        ("the third quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
    ]


def test_tense_picks_the_year_of_a_date_without_one() -> None:
    assert found("The offer expires Nov. 6.", date(1989, 10, 30)) == [("Nov. 6", "1989-11-06")]
    assert found("The deal closed in January.", date(1990, 2, 15)) == [("January", "1990-01")]
    assert found("The deal will close by February.", date(1989, 10, 30)) == [("February", "1990-02")]


def test_dateparser_is_imported_lazily() -> None:
    code = "import sys, newsmodel; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_dateparser_reads_odd_forms() -> None:
    assert found("It was filed on 9-Apr-2017 in court.") == [("9-Apr-2017", "2017-04-09")]


def test_bad_rules_raise_rule_error_naming_the_rule() -> None:
    rules = load_rules("times")
    rules["rule"][0]["resolve"] = "no-such-resolver"
    with pytest.raises(RuleError, match=rules["rule"][0]["id"]):
        TimeFinder(rules=rules)
    rules = load_rules("times")
    rules["rule"][1]["pattern"] = "(unclosed"
    with pytest.raises(RuleError, match=rules["rule"][1]["id"]):
        TimeFinder(rules=rules)
    rules = load_rules("times")
    rules["rule"][2]["pattern"] = "{NO_SUCH_MACRO}"
    with pytest.raises(RuleError, match="NO_SUCH_MACRO"):
        TimeFinder(rules=rules)


def test_a_rule_added_as_data_is_used() -> None:
    rules = load_rules("times")
    rules["rule"].append(
        {"id": "ramadan", "pattern": "Ramadan", "kind": "DATE", "resolve": "fixed", "value": "XXXX-XX-XX"}
    )
    rules["triggers"]["core"].append("ramadan")
    finder = TimeFinder(rules=rules)
    (t,) = finder.find("Talks stalled during Ramadan.", SUNDAY)
    assert (t.span.text, t.rule, t.value) == ("Ramadan", "ramadan", "XXXX-XX-XX")


def test_stage_call_reads_the_context() -> None:
    from newsmodel.pipeline import Context

    text = "Tillerson spoke on Sunday."
    context = Context(text=text, published=SUNDAY, headline=None, segments=SEGMENTER(text))
    assert [t.value for t in FINDER(context)] == ["2017-04-09"]


# -- governing_time ----------------------------------------------------------------------------


def test_governing_time_prefers_the_same_clause() -> None:
    text = "On Sunday the minister left; the talks had lasted three years and ended last week."
    seg = SEGMENTER(text)
    ts = FINDER.find(text, SUNDAY, seg)
    left = text.index("left")
    ended = text.index("ended")
    assert governing_time(ts, seg, left, left + 4).span.text == "Sunday"  # type: ignore[union-attr]
    assert governing_time(ts, seg, ended, ended + 5).span.text == "last week"  # type: ignore[union-attr]


def test_governing_time_prefers_dates_over_durations() -> None:
    text = "After three years of talks, the deal was signed on Friday."
    seg = SEGMENTER(text)
    ts = FINDER.find(text, SUNDAY, seg)
    signed = text.index("signed")
    got = governing_time(ts, seg, signed, signed + 6)
    assert got is not None and got.span.text == "Friday"


def test_governing_time_in_a_sentence_of_many_dates() -> None:
    """Only the expressions nearest the words are weighed; the answer is the same as with few."""
    days = [f"March {d}, 2016" for d in range(1, 29)]
    text = "Prices rose on " + ", then on ".join(days) + "; shares fell on Friday."
    seg = SEGMENTER(text)
    ts = FINDER.find(text, SUNDAY, seg)
    assert len(ts) >= 29
    for day in ("March 3, 2016", "March 17, 2016", "March 28, 2016"):
        at = text.index(day)
        got = governing_time(ts, seg, at, at + 2)
        assert got is not None and got.span.text == day
    fell = text.index("fell")
    got = governing_time(ts, seg, fell, fell + 4)
    assert got is not None and got.span.text == "Friday"


def test_governing_time_stays_in_the_sentence() -> None:
    text = "He resigned on Friday. Nobody commented."
    seg = SEGMENTER(text)
    ts = FINDER.find(text, SUNDAY, seg)
    at = text.index("commented")
    assert governing_time(ts, seg, at, at + 9) is None
    assert governing_time((), seg, 0, 2) is None


# -- calendar arithmetic -------------------------------------------------------------------------


def test_shift_value_keeps_granularity() -> None:
    from newsmodel._times.calendar import shift_value

    assert shift_value("1989-Q3", -1, "Y") == "1988-Q3"
    assert shift_value("1989-Q1", -1, "Q") == "1988-Q4"
    assert shift_value("2016-02-29", 1, "Y") == "2017-02-28"
    assert shift_value("2020-W53", 1, "W") == "2021-W01"
    assert shift_value("2020-W53", -1, "Y") == "2019-W52"
    assert shift_value("2017-04", -4, "M") == "2016-12"
    assert shift_value("2017", 3, "D") is None
    assert shift_value("PRESENT_REF", 1, "Y") is None


def test_days_ago_crosses_month_and_leap_day() -> None:
    assert found("It was signed 10 days ago.", date(2016, 3, 5)) == [("10 days ago", "2016-02-24")]
    assert found("It was signed a week ago.", date(2021, 1, 6)) == [("a week ago", "2020-W53")]
    assert found("It was signed 100 years ago.", date(2017, 4, 9)) == [("100 years ago", "1917")]


WEDNESDAY = date(2017, 4, 12)
NEWS_RULES = [
    # a year-ago quarter named by its ordinal is that quarter of the year before
    (
        "In the year-ago third quarter, it earned $5.",
        date(2017, 10, 30),
        "the year-ago third quarter",
        "2016-Q3",
    ),
    (
        "The year-earlier fourth-quarter loss was small.",
        date(2017, 10, 30),
        "The year-earlier fourth-quarter",
        "2016-Q4",
    ),
    # "the previous Friday" counts back from the story's last date, not from publication
    (
        "Stocks fell on Friday, down 4% from the previous Friday.",
        date(2017, 4, 10),
        "previous Friday",
        "2017-03-31",
    ),
    (
        "He arrived on Monday, April 3, and left the following Thursday.",
        WEDNESDAY,
        "following Thursday",
        "2017-04-06",
    ),
    # a participle after "be" is not the past tense: "would" decides
    ("He added that a ceremony would still be held on May 24.", date(2017, 2, 10), "May 24", "2017-05-24"),
    # an adjective in -ed after an article is not the past tense either
    (
        "The dividend would be paid on a still unspecified date in January.",
        date(2017, 10, 26),
        "January",
        "2018-01",
    ),
    # a sentence opened by "Until" takes its tense from the verbs
    ("Until Tuesday, they had not named a suspect.", WEDNESDAY, "Tuesday", "2017-04-11"),
    ("The team planned to leave on Friday.", WEDNESDAY, "Friday", "2017-04-14"),
    # vague future references
    ("The budget will soon move into surplus.", WEDNESDAY, "soon", "FUTURE_REF"),
    ("Islam will one day be the second largest religion there.", WEDNESDAY, "one day", "FUTURE_REF"),
    ("He stayed one day.", WEDNESDAY, "one day", "P1D"),
    # "today" naming the day is kept
    ("Today's vote was close.", WEDNESDAY, "Today", "2017-04-12"),
    # a quarter named by the day it ended, when no quarter was named before
    ("In the quarter ended July 31, sales rose.", date(2017, 10, 30), "the quarter", "2017-Q2"),
    ("For the quarter ended Sept. 30, 2016, it lost money.", date(2017, 10, 30), "the quarter", "2016-Q3"),
    # a part of yesterday is yesterday's
    (
        "In London at mid-afternoon yesterday, shares rose.",
        WEDNESDAY,
        "mid-afternoon yesterday",
        "2017-04-11TAF",
    ),
    # the last completed year; past and future references
    ("Sales rose 5% in the latest fiscal year.", WEDNESDAY, "the latest fiscal year", "2016"),
    ("Holders could buy shares at the then-current price.", WEDNESDAY, "then-current", "PAST_REF"),
    ("The rest will be raised at a later date.", WEDNESDAY, "a later date", "FUTURE_REF"),
    # durations with a qualifier between the number and the unit
    ("Eight trading days after the crash, it recovered.", WEDNESDAY, "Eight trading days", "P8D"),
    ("The loan may be extended for an additional year.", WEDNESDAY, "an additional year", "P1Y"),
    ("The post-1959 politics split families.", WEDNESDAY, "post-1959", "1959"),
    # a forecast quarter is not the one a year-ago figure compares with
    (
        "Losses may last through the third quarter of 2018. Profit fell. In the year-ago period, it earned $5.",
        date(2017, 10, 26),
        "the year-ago period",
        "2016-Q3",
    ),
    (
        "Net for the year-earlier nine months included a gain.",
        date(2017, 10, 26),
        "the year-earlier nine months",
        "2016",
    ),
    ("Carry-forwards will cut tax payments in future quarters.", WEDNESDAY, "future quarters", "FUTURE_REF"),
    (
        "They kept the secret for more than two thousand years.",
        WEDNESDAY,
        "more than two thousand years",
        "P2000Y",
    ),
    ("Police arrested him in the early hours of Tuesday.", WEDNESDAY, "Tuesday", "2017-04-11"),
    ("He probably died within weeks or months of his capture.", WEDNESDAY, "weeks or months", "PXW"),
    ("Many funds in recent weeks and months sold bonds.", WEDNESDAY, "recent weeks and months", "PXW"),
    (
        "In the quarter ended July 31 sales rose; in the year-ago period they fell.",
        date(2017, 10, 30),
        "the year-ago period",
        "2016-Q2",
    ),
    ("The offer had been scheduled to expire on Friday.", WEDNESDAY, "Friday", "2017-04-07"),
    ("The offer is scheduled to expire on Friday.", WEDNESDAY, "Friday", "2017-04-14"),
]


@pytest.mark.parametrize(("text", "published", "span", "value"), NEWS_RULES)
def test_news_rules(text: str, published: date, span: str, value: str) -> None:
    got = [t for t in times(text, published) if t.span.text == span]
    assert got, f"{span!r} not found in {found(text, published)}"
    assert got[0].value == value
