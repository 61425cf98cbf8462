"""Datelines beyond the wire style, as rule data (issue 12 item 10), and a byte-order mark (item 8)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import RuleError
from newsmodel.rules import load_rules
from newsmodel.segment import Segmenter, SegmentRules

SEG = Segmenter()
STYLES = SegmentRules.shipped().styles


def test_the_shipped_styles_are_rule_data() -> None:
    assert {s.id for s in STYLES} >= {"colon", "agency-after-date", "bare-agency", "agency-first"}
    assert all(s.examples for s in STYLES)


@pytest.mark.parametrize(
    ("style", "example"), [(s.id, e) for s in STYLES for e in s.examples], ids=lambda v: str(v)[:30]
)
def test_every_example_of_every_style_reads_as_a_dateline(style: str, example: str) -> None:
    d = SEG(example).dateline
    assert d is not None, (style, example)
    assert d.span.start == 0 and example[d.span.end :][:1].isupper()
    assert d.location and d.location in d.span.text and not d.location.endswith((",", ":", " "))


@pytest.mark.parametrize(
    ("text", "location", "agency", "date"),
    [
        ("NEW DELHI: The government said on Monday it would act.", "NEW DELHI", None, None),  # Hindu, TOI
        ("RIYADH: Saudi Arabia said it would act.", "RIYADH", None, None),  # Arab News
        ("KARACHI, April 9: Pakistan said it would act.", "KARACHI", None, "April 9"),  # Dawn
        ("New Delhi, April 9 (PTI) The government said it would act.", "New Delhi", "PTI", "April 9"),
        ("New Delhi, April 9 (IANS) The government said it would act.", "New Delhi", "IANS", "April 9"),
        ("TOKYO, April 9 Kyodo - Japan said it would act.", "TOKYO", "Kyodo", "April 9"),
        ("(ANSA) - Rome, April 9 - Italy said it would act.", "Rome", "ANSA", "April 9"),
        ("ROME, 9 April - Italy said it would act.", "ROME", None, "9 April"),  # European day-month
        ("BRUSSELS, 9 April (Reuters) - The EU said it would act.", "BRUSSELS", "Reuters", "9 April"),
        ("Paris, April 9, 2017 (AFP) - France said it would act.", "Paris", "AFP", "April 9, 2017"),
        ("BEIJING, April 9 (Xinhua) -- China said it would act.", "BEIJING", "Xinhua", "April 9"),
        (
            "SPRINGFIELD, Ill. — The governor said it would act.",
            "SPRINGFIELD, Ill.",
            None,
            None,
        ),  # US regional
        ("WASHINGTON ― The senator said it would act.", "WASHINGTON", None, None),  # HuffPost's bar
    ],
)
def test_house_styles(text: str, location: str, agency: str | None, date: str | None) -> None:
    d = newsmodel.parse(text).dateline
    assert d is not None and (d.location, d.agency, d.date) == (location, agency, date)


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING: Trump said it would act.",
        "UPDATE: The story was changed on Monday.",
        "EDITOR'S NOTE: This story contains graphic descriptions.",
        "Trump: I will act now.",  # a capitalised word and a colon is no dateline
        "The plan: cut taxes.",
        "NEW DELHI:the colon needs a space and a capital after it.",
    ],
)
def test_no_dateline_is_invented_by_the_styles(text: str) -> None:
    assert newsmodel.parse(text).dateline is None


def test_a_new_style_needs_no_code() -> None:
    data = load_rules("segment")
    data["dateline"]["styles"].append(
        {"id": "pipe", "pattern": "{place}[ \\t]{1,2}\\|[ \\t]{1,3}", "examples": ["LONDON | Prices rose."]}
    )
    d = Segmenter(data)("LONDON | Prices rose.").dateline
    assert d is not None and d.location == "LONDON"
    assert SEG("LONDON | Prices rose.").dateline is None


@pytest.mark.parametrize(
    ("style", "fragment"),
    [
        ({"id": "x", "pattern": "{place}:+ "}, "unbounded quantifier"),
        ({"id": "x", "pattern": "{place}(:"}, "dateline style 'x'"),
        ({"id": "", "pattern": "{place}:"}, "expected id to be non-empty"),
        ({"id": "x", "pattern": "{place}:", "extra": 1}, r"styles\[0\]: extra fields found \(extra\)"),
    ],
)
def test_malformed_styles_are_rule_errors(style: dict[str, object], fragment: str) -> None:
    data = load_rules("segment")
    data["dateline"]["styles"] = [style]
    with pytest.raises(RuleError, match=fragment):
        Segmenter(data)


@given(
    st.sampled_from([e for s in STYLES for e in s.examples] + ["WASHINGTON (Reuters) - The Senate voted."])
)
def test_a_byte_order_mark_does_not_hide_the_dateline(text: str) -> None:
    plain = newsmodel.parse(text)
    marked = newsmodel.parse("\ufeff" + text)
    assert plain.dateline is not None and marked.dateline is not None
    assert marked.text == "\ufeff" + text  # the text is kept exactly, mark included
    assert marked.dateline.location == plain.dateline.location
    assert marked.dateline.span.start == 1 and marked.dateline.span.text == plain.dateline.span.text
