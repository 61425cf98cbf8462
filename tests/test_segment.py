"""The segmentation stage: datelines, paragraphs, sentences, tokens and quotations.

The texts here are written for these tests in the shapes of wire copy of several eras (modern
Reuters and AP, 1987 Reuters with indented paragraphs, ISOT bodies whose paragraph breaks collapsed
into spaces); the seed article is the only real story.
"""

from __future__ import annotations

import time

import pytest

from newsmodel import RuleError
from newsmodel.rules import load_rules
from newsmodel.segment import Quotation, Segmentation, Segmenter, SegmentRules


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter()


def sentences(seg: Segmenter, text: str) -> list[str]:
    return [s.text for s in seg(text).sentences]


def paragraphs(seg: Segmenter, text: str) -> list[str]:
    return [p.text for p in seg(text).paragraphs]


def quotes(seg: Segmenter, text: str) -> list[tuple[int, str]]:
    return [(q.level, q.content.text) for q in seg(text).quotations]


# --------------------------------------------------------------------------------------------------
# Datelines


@pytest.mark.parametrize(
    ("text", "location", "agency", "date", "span"),
    [
        (
            "WASHINGTON (Reuters) - The Senate voted.",
            "WASHINGTON",
            "Reuters",
            None,
            "WASHINGTON (Reuters) - ",
        ),
        (
            "MARRAKESH, Morocco/CHICAGO (Reuters) - Shares rose.",
            "MARRAKESH, Morocco/CHICAGO",
            "Reuters",
            None,
            "MARRAKESH, Morocco/CHICAGO (Reuters) - ",
        ),
        ("(Reuters) - A watchdog group said on Wednesday.", "", "Reuters", None, "(Reuters) - "),
        ("NEW YORK (IFR) - Bond sales slowed.", "NEW YORK", "IFR", None, "NEW YORK (IFR) - "),
        ("BEIJING - China will expand a pilot project.", "BEIJING", None, None, "BEIJING - "),
        ("WASHINGTON (AP) — The House passed the bill.", "WASHINGTON", "AP", None, "WASHINGTON (AP) — "),
        (
            "SPRINGFIELD, Ill. (AP) — Lawmakers met.",
            "SPRINGFIELD, Ill.",
            "AP",
            None,
            "SPRINGFIELD, Ill. (AP) — ",
        ),
        (
            "    WASHINGTON, March 3 - The Treasury said it will sell notes.",
            "WASHINGTON",
            None,
            "March 3",
            "WASHINGTON, March 3 - ",
        ),
        (
            "LONDON, Oct 5 (Reuters) - Sterling fell.",
            "LONDON",
            "Reuters",
            "Oct 5",
            "LONDON, Oct 5 (Reuters) - ",
        ),
        ("ST. LOUIS (Reuters) - A jury ruled.", "ST. LOUIS", "Reuters", None, "ST. LOUIS (Reuters) - "),
        ("Aden (Reuters) - An air raid hit the airport.", "Aden", "Reuters", None, "Aden (Reuters) - "),
        (
            "HAGERSTOWN, Md./WASHINGTON (Reuters) - Troops left.",
            "HAGERSTOWN, Md./WASHINGTON",
            "Reuters",
            None,
            "HAGERSTOWN, Md./WASHINGTON (Reuters) - ",
        ),
        (
            "KITCHANGA, Democratic Republic of Congo (Reuters) - Aid came.",
            "KITCHANGA, Democratic Republic of Congo",
            "Reuters",
            None,
            "KITCHANGA, Democratic Republic of Congo (Reuters) - ",
        ),
        # a trailing comma before the agency is not part of the place
        ("NUSA DUA, Indonesia, (Reuters) - Students swore.", "NUSA DUA, Indonesia", "Reuters", None, None),
        # 1987 copy: a title-case place with a date, a month in capitals, a dash touching the text
        ("    Kansas City, April 7 - Wheat rose.", "Kansas City", None, "April 7", "Kansas City, April 7 - "),
        ("    NEW YORK, MARCH 20 - Stocks fell.", "NEW YORK", None, "MARCH 20", "NEW YORK, MARCH 20 - "),
        ("    DETROIT, March 4 -General Motors said.", "DETROIT", None, "March 4", "DETROIT, March 4 -"),
        # a stray dash before the agency
        ("SYDNEY - (Reuters) - Thousands rallied.", "SYDNEY", "Reuters", None, "SYDNEY - (Reuters) - "),
    ],
)
def test_dateline_forms(
    seg: Segmenter, text: str, location: str, agency: str | None, date: str | None, span: str | None
) -> None:
    d = seg(text).dateline
    assert d is not None
    assert (d.location, d.agency, d.date) == (location, agency, date)
    if span is not None:
        assert d.span.text == span
    assert text[d.span.start : d.span.end] == d.span.text


def test_dateline_after_correction_note(seg: Segmenter) -> None:
    text = (
        "(This version of the story corrects the name of the minister in paragraph 3) "
        "WASHINGTON (Reuters) - The minister resigned on Monday. He gave no reason."
    )
    result = seg(text)
    assert result.dateline is not None
    assert (result.dateline.location, result.dateline.agency) == ("WASHINGTON", "Reuters")
    assert result.note is not None and result.note.text.startswith("(This version")
    assert result.note.text.endswith("paragraph 3)")
    # the note is a sentence of its own; the dateline opens the next one
    assert result.sentences[0] == result.note
    assert result.sentences[1].text.startswith("WASHINGTON (Reuters) - The minister")


@pytest.mark.parametrize(
    ("text", "location", "byline"),
    [
        ("By Jane Doe WASHINGTON (Reuters) - The bill passed.", "WASHINGTON", "Jane Doe"),
        ("By Jane Doe and John Roe NEW YORK (Reuters) - Stocks fell.", "NEW YORK", "Jane Doe and John Roe"),
        ("By Jane Doe (Reuters) - The bill passed.", "", "Jane Doe"),
        ("By J.P. Smith ST. LOUIS (Reuters) - A jury ruled.", "ST. LOUIS", "J.P. Smith"),
        (
            " (The March 5 story corrects the date in paragraph 2) By Ann Lee (Reuters) - Rates rose.",
            "",
            "Ann Lee",
        ),
    ],
)
def test_dateline_after_byline(seg: Segmenter, text: str, location: str, byline: str) -> None:
    result = seg(text)
    assert result.dateline is not None
    assert result.dateline.location == location
    assert result.dateline.agency == "Reuters"
    assert result.byline is not None and result.byline.text == byline


@pytest.mark.parametrize(
    "text",
    [
        "The deal - which took a year - closed on Monday.",
        "Shares rose 5 percent - the biggest gain in a year.",
        "US - China talks resumed on Monday.",
        "The U.S. - and its allies - said no.",
        "AIDS research continues - and so does the funding.",
        "The company (Apple) - a maker of phones - said.",
        "J.P. Morgan - the bank - said.",
        "washington (reuters) - lowercase is not a dateline.",
        "WASHINGTON-based groups said on Monday they would sue.",
        "WASHINGTON (Reuters) -based groups sued.",
        "On Tuesday, March 3 - the day of the vote - polls opened.",
        # a headline with a category before the dash is no dateline: no story follows it
        "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.\nAL-AIN 1996-12-06",
        "",
        "   ",
        "(This note has no dateline after it) The story starts here.",
    ],
)
def test_no_dateline_invented(seg: Segmenter, text: str) -> None:
    assert seg(text).dateline is None


def test_dateline_is_part_of_first_sentence(seg: Segmenter, seed_text: str) -> None:
    result = seg(seed_text)
    assert result.dateline is not None
    assert (result.dateline.location, result.dateline.agency) == ("WASHINGTON", "Reuters")
    assert result.dateline.span.start == 0
    assert result.sentences[0].start == 0
    assert result.dateline.span in result.sentences[0]


def test_agencies_come_from_the_rules() -> None:
    data = load_rules("segment")
    data["dateline"]["agencies"] = ["Wirecorp"]
    custom = Segmenter(data)
    d = custom("Shanghai (Wirecorp) - Factories reopened.").dateline
    assert d is not None and (d.location, d.agency) == ("Shanghai", "Wirecorp")
    assert custom("Shanghai (Reuters) - Factories reopened.").dateline is None


# --------------------------------------------------------------------------------------------------
# Paragraphs

WIRE_1987 = """    WASHINGTON, March 3 - The Treasury said it will sell 9.75
billion dlrs of new two-year notes next week to refund maturing
issues and raise about 1.1 billion dlrs in new cash.
    The notes will be dated March 31 and mature March 31, 1989,
the department said.
    "The market expects a heavy calendar," one dealer said. "We
are ready for it."
 Reuter
"""


def test_paragraphs_of_indented_1987_copy(seg: Segmenter) -> None:
    result = seg(WIRE_1987)
    assert [p.text.split()[0] for p in result.paragraphs] == ["WASHINGTON,", "The", '"The', "Reuter"]
    assert result.paragraphs[0].text.endswith("in new cash.")
    assert result.dateline is not None and result.dateline.date == "March 3"
    # wrapped lines join into one sentence; the quote over a line break pairs
    assert "9.75\nbillion" in result.sentences[0].text
    assert quotes(seg, WIRE_1987) == [
        (0, "The market expects a heavy calendar,"),
        (0, "We\nare ready for it."),
    ]


def test_paragraphs_blank_line_separated(seg: Segmenter) -> None:
    text = "BEIJING - First paragraph.\n\nSecond paragraph, which\nwraps onto a second line.\n\n\nThird."
    assert paragraphs(seg, text) == [
        "BEIJING - First paragraph.",
        "Second paragraph, which\nwraps onto a second line.",
        "Third.",
    ]


def test_paragraphs_one_per_line(seg: Segmenter, seed_text: str) -> None:
    result = seg(seed_text)
    assert len(result.paragraphs) == 11
    assert [p.text for p in result.paragraphs] == seed_text.strip().split("\n")


def test_paragraphs_short_lines_each_a_paragraph(seg: Segmenter) -> None:
    text = "BEIJING - China met.\nIt said yes.\nOfficials agreed."
    assert paragraphs(seg, text) == ["BEIJING - China met.", "It said yes.", "Officials agreed."]


def test_paragraphs_hard_wrapped_without_blank_lines(seg: Segmenter) -> None:
    text = (
        "The central bank left its key rate unchanged on Thursday, as\n"
        "expected, and said inflation would stay low.\n"
        "Analysts said the decision was no surprise.\n"
    )
    # the second line ends a sentence and "Analysts" would have fitted on it: a new paragraph
    assert paragraphs(seg, text) == [
        "The central bank left its key rate unchanged on Thursday, as\nexpected, and said inflation would stay low.",
        "Analysts said the decision was no surprise.",
    ]


def test_paragraphs_isot_collapsed(seg: Segmenter) -> None:
    text = (
        "WASHINGTON (Reuters) - A mining slump has forced rounds of layoffs.    The administration "
        "has pursued new rules. “Free trade matters,” the company said.  Shares in Deere & Co rose. "
        "The index was down  sharply, dealers said."
    )
    assert paragraphs(seg, text) == [
        "WASHINGTON (Reuters) - A mining slump has forced rounds of layoffs.",
        "The administration has pursued new rules. “Free trade matters,” the company said.",
        # a run of spaces that follows no sentence end is not a break
        "Shares in Deere & Co rose. The index was down  sharply, dealers said.",
    ]


def test_paragraphs_isot_subheading(seg: Segmenter) -> None:
    text = "BEIJING (Reuters) - Talks ended.  STATE VISIT-PLUS  In Beijing, leaders met.  Talks went on."
    assert paragraphs(seg, text) == [
        "BEIJING (Reuters) - Talks ended.",
        "STATE VISIT-PLUS",
        "In Beijing, leaders met.",
        "Talks went on.",
    ]


def test_paragraphs_crlf_and_trimmed(seg: Segmenter) -> None:
    text = "  LONDON (Reuters) - First.  \r\n\r\n\tSecond one here.\r\n"
    result = seg(text)
    assert [p.text for p in result.paragraphs] == ["LONDON (Reuters) - First.", "Second one here."]


# --------------------------------------------------------------------------------------------------
# Sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. officials met U.N. envoys. Gov. Jerry Brown and Sen. John McCain spoke. Rep. Nancy Pelosi agreed.",
            [
                "U.S. officials met U.N. envoys.",
                "Gov. Jerry Brown and Sen. John McCain spoke.",
                "Rep. Nancy Pelosi agreed.",
            ],
        ),
        (
            "Mr. Smith met Dr. Jones on Jan. 5 at Apple Inc. headquarters. Acme Corp. profits rose.",
            ["Mr. Smith met Dr. Jones on Jan. 5 at Apple Inc. headquarters.", "Acme Corp. profits rose."],
        ),
        (
            "He finished No. 2 in the poll. J.P. Morgan and George W. Bush agreed. It cost $1.5 billion.",
            [
                "He finished No. 2 in the poll.",
                "J.P. Morgan and George W. Bush agreed.",
                "It cost $1.5 billion.",
            ],
        ),
        (
            "The company sold 2 million units in the U.S. The company said sales rose.",
            ["The company sold 2 million units in the U.S.", "The company said sales rose."],
        ),
        (
            "The plant was sold to Acme Inc. It will close. Acme Inc. Chairman Bob Lee said so.",
            ["The plant was sold to Acme Inc.", "It will close.", "Acme Inc. Chairman Bob Lee said so."],
        ),
        (
            "He paused... Then he left. We will ... fight on.",
            ["He paused...", "Then he left.", "We will ... fight on."],
        ),
        (
            "“There is no change to our military posture.” Other than that, he said nothing.",
            ["“There is no change to our military posture.”", "Other than that, he said nothing."],
        ),
        (
            "“We will win,” he said. “Stop!” she shouted. “Why?” he asked.",
            ["“We will win,” he said.", "“Stop!” she shouted.", "“Why?” he asked."],
        ),
        (
            "Prices fell 2.5 pct. Volume was 2,000 lots. It ended at 10:30 a.m. Thursday.",
            ["Prices fell 2.5 pct.", "Volume was 2,000 lots.", "It ended at 10:30 a.m. Thursday."],
        ),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        ("The rate rose (to 5 pct.) Then it fell.", ["The rate rose (to 5 pct.)", "Then it fell."]),
    ],
)
def test_sentences_abbreviation_aware(seg: Segmenter, text: str, expected: list[str]) -> None:
    assert sentences(seg, text) == expected


def test_sentences_of_the_seed(seg: Segmenter, seed_text: str) -> None:
    result = seg(seed_text)
    second = [s.text for s in result.sentences if result.paragraph_index(s.start) == 1]
    assert len(second) == 2
    assert second[0].endswith("Tillerson said on ABC’s “This Week.”")
    assert second[1].endswith("he added.")
    # "Other than that, he added, ..." is a sentence of its own after a quote that ends one
    assert any(s.text.startswith("Other than that, he added") for s in result.sentences)
    assert len(result.sentences) == 13


def test_dateline_never_split(seg: Segmenter) -> None:
    text = "ST. PAUL, Minn. (AP) — The governor signed it. He said so."
    assert sentences(seg, text) == ["ST. PAUL, Minn. (AP) — The governor signed it.", "He said so."]


# --------------------------------------------------------------------------------------------------
# Quotations


def test_quotations_of_the_seed(seg: Segmenter, seed_text: str) -> None:
    result = seg(seed_text)
    second = result.paragraphs[1]
    inside = [q for q in result.quotations if q.open in second]
    assert [q.content.text[:20] for q in inside] == [
        "I think the real fai",
        "This Week.",
        "The failure related ",
    ]
    assert inside[0].content.text.endswith("entered into in 2013,")
    assert inside[2].content.text.endswith("to the international community,")
    for q in inside:
        assert q.close is not None and seed_text[q.open] == "“" and seed_text[q.close] == "”"
        assert q.level == 0 and not q.continues
    assert [q.content.text for q in result.quotations[3:]] == [
        "any hard evidence",
        "every time one of these horrific attacks occurs, it draws Russia closer into some level of "
        "responsibility.",
        "there is no change to our military posture",
    ]


def test_quotation_fields(seg: Segmenter) -> None:
    text = "“We won,” she said."
    (q,) = seg(text).quotations
    assert isinstance(q, Quotation)
    assert (q.open, q.close, q.content.text, q.level, q.continues) == (0, 8, "We won,", 0, False)
    assert q.span == (0, 9)


def test_nested_single_quotes(seg: Segmenter) -> None:
    text = "“He told me ‘never again’ and left,” she said. He said ‘maybe’ later."
    assert quotes(seg, text) == [(0, "He told me ‘never again’ and left,"), (1, "never again")]
    straight = "\"He told me 'never again' and left,\" she said."
    assert quotes(seg, straight) == [(0, "He told me 'never again' and left,"), (1, "never again")]


def test_apostrophes_are_not_quotes(seg: Segmenter) -> None:
    text = "“Russia’s rock ’n’ roll of the ’90s and the officials’ ‘80s plans,” he said of Tillerson’s trip."
    assert quotes(seg, text) == [(0, "Russia’s rock ’n’ roll of the ’90s and the officials’ ‘80s plans,")]
    text2 = "\"The fans' rock 'n' roll in the '90s,\" he said. Don't."
    assert quotes(seg, text2) == [(0, "The fans' rock 'n' roll in the '90s,")]


def test_straight_quotes_pair_by_position(seg: Segmenter) -> None:
    text = 'He called it "a mistake" and said: "We will appeal." It was (" quoted ").'
    assert quotes(seg, text)[:2] == [(0, "a mistake"), (0, "We will appeal.")]


def test_inch_marks_pair_with_nothing(seg: Segmenter) -> None:
    assert quotes(seg, 'Crews laid a 6" pipe and a 12" valve on Monday.') == []
    assert quotes(seg, '"The 6" pipe burst," he said.') == [(0, 'The 6" pipe burst,')]
    # a quoted number is no measure
    assert quotes(seg, 'He gave it a "50-50" chance and backed the "0/92" plan.') == [
        (0, "50-50"),
        (0, "0/92"),
    ]


def test_straight_marks_in_old_copy(seg: Segmenter) -> None:
    # 1987 copy: a straight mark for an apostrophe, and no space after a comma
    text = 'OPEC"s panel met. He said,"We are pleased with the result," and left.'
    assert quotes(seg, text) == [(0, "We are pleased with the result,")]


def test_quote_across_paragraphs(seg: Segmenter) -> None:
    text = (
        "“We will not back down. We will fight this in every court in the land, and we will take "
        "it to the Supreme Court if we have to.\n"
        "“And we will win,” the governor said on Tuesday, after the state lost its appeal in a "
        "federal court.\n"
        "Nobody else spoke."
    )
    result = seg(text)
    first, second = result.quotations
    p0, p1 = result.paragraphs[0], result.paragraphs[1]
    assert first.close is None and not first.continues
    assert first.content.end == p0.end and first.content.text.endswith("if we have to.")
    assert second.continues and second.open == p1.start and second.close is not None
    assert second.content.text == "And we will win,"
    assert result.quotation_at(first.content.start + 3) == first


def test_quote_across_three_paragraphs(seg: Segmenter) -> None:
    text = '"One.\n"Two.\n"Three," he said.'
    qs = seg(text).quotations
    assert [(q.close is None, q.continues) for q in qs] == [(True, False), (True, True), (False, True)]


def test_unbalanced_mark_pairs_with_nothing(seg: Segmenter) -> None:
    text = "He said “we are leaving and left.\nLater, officials met. “Talks failed,” one said.\nThe end."
    result = seg(text)
    # the open quote of paragraph 1 is not continued: it is no quotation
    assert [q.content.text for q in result.quotations] == ["Talks failed,"]
    # an unbalanced mark inside a paragraph does not swallow the rest of it
    text2 = "“Fine, he said. Then “we go,” she said."
    assert quotes(seg, text2) == [(0, "we go,")]
    assert quotes(seg, "He left” quickly. “Then he came back,” she said.") == [(0, "Then he came back,")]


def test_quotation_lookups(seg: Segmenter, seed_text: str) -> None:
    result = seg(seed_text)
    q = result.quotations[0]
    assert result.quotation_at(q.content.start) == q
    assert result.quotation_at(q.open) is None  # the mark itself is not content
    assert result.quotation_at(0) is None
    assert result.quotations_in(result.paragraphs[1].start, result.paragraphs[1].end) == result.quotations[:3]


# --------------------------------------------------------------------------------------------------
# Tokens


def test_tokens(seg: Segmenter) -> None:
    text = (
        "Mr. O’Brien’s U.S.-Russian plan cost $1.5 billion, 2,000 jobs at 10:30 a.m. — al-Assad "
        "said rock ’n’ roll of the ’90s can’t ... F-16s"
    )
    tokens = [text[s:e] for s, e in seg(text).tokens]
    assert tokens == [
        "Mr.", "O’Brien", "’s", "U.S.", "-", "Russian", "plan", "cost", "$", "1.5", "billion", ",",
        "2,000", "jobs", "at", "10:30", "a.m.", "—", "al-Assad", "said", "rock", "’n’", "roll", "of",
        "the", "’90s", "can", "’t", "...", "F-16s",
    ]  # fmt: skip


def test_sentence_final_period_is_its_own_token(seg: Segmenter) -> None:
    text = "Russia’s army moved. It stopped."
    assert [text[s:e] for s, e in seg(text).tokens] == [
        "Russia",
        "’s",
        "army",
        "moved",
        ".",
        "It",
        "stopped",
        ".",
    ]


# --------------------------------------------------------------------------------------------------
# Lookups and rules


def test_lookups(seg: Segmenter) -> None:
    text = "BEIJING - One. Two.\n\nThree."
    result = seg(text)
    assert isinstance(result, Segmentation)
    assert result.sentence_at(text.index("Two")) == result.sentences[1]
    assert result.sentence_at(text.index("\n")) is None
    assert result.sentence_index(text.index("Three")) == 2
    assert result.paragraph_at(text.index("Three")) == result.paragraphs[1]
    assert result.paragraph_index(0) == 0 and result.paragraph_at(len(text)) is None


def test_rules_validated() -> None:
    data = load_rules("segment")
    data["sentences"]["titles"].append(42)
    with pytest.raises(RuleError, match=r"sentences\.titles\[\d+\]: expected words .*, got 42"):
        Segmenter(data)
    data = load_rules("segment")
    data["dateline"]["separators"] = ["->"]
    with pytest.raises(RuleError, match="separators"):
        SegmentRules.from_mapping(data)
    data = load_rules("segment")
    data["paragraphs"]["wrap_width"] = "wide"
    with pytest.raises(RuleError, match="wrap_width"):
        SegmentRules.from_mapping(data)


def test_custom_abbreviation(seg: Segmenter) -> None:
    text = "He met Insp. Clouseau. Then Brig. Lee left."
    assert len(sentences(seg, text)) == 2
    data = load_rules("segment")
    data["sentences"]["titles"].remove("Brig")
    assert len(sentences(Segmenter(data), text)) == 3


# --------------------------------------------------------------------------------------------------
# Whole stories in the shapes of several eras

AP_STORY = """LOS ANGELES (AP) — A wildfire forced thousands from their homes near Ventura, Calif. The fire \
began Monday night, officials said.

“It’s moving fast,” said Capt. Mark Lorenzen of the county fire department. “We’re asking people \
to leave now.”

The Associated Press’ count of homes lost rose to 150."""


def test_ap_story(seg: Segmenter) -> None:
    result = seg(AP_STORY)
    assert result.dateline is not None and result.dateline.span.text == "LOS ANGELES (AP) — "
    assert [p.text[:12] for p in result.paragraphs] == ["LOS ANGELES ", "“It’s moving", "The Associat"]
    ends = ["near Ventura, Calif.", "officials said.", "fire department.", "leave now.”", "rose to 150."]
    assert len(result.sentences) == len(ends)
    assert all(s.text.endswith(e) for s, e in zip(result.sentences, ends, strict=True))
    # the possessive ’ after "Press" is no closing quote
    assert quotes(seg, AP_STORY) == [(0, "It’s moving fast,"), (0, "We’re asking people to leave now.")]


def test_mixed_quotation_marks(seg: Segmenter) -> None:
    # hand-typed web copy mixes curly and straight marks, or turns a curly mark the wrong way
    assert quotes(seg, '“We’re going to build a wall," he said.') == [(0, "We’re going to build a wall,")]
    assert quotes(seg, 'She wonders "which Donald Trump will show up.” And she waits.') == [
        (0, "which Donald Trump will show up.")
    ]
    assert quotes(seg, "“It's unusual,“ said Larry Noble, a lawyer.") == [(0, "It's unusual,")]
    # a double mark of the other kind inside a quotation is nested in it
    assert quotes(seg, '“He said "no" today,” she said.') == [(0, 'He said "no" today,'), (1, "no")]
    assert quotes(seg, '"He said “no” today," she said.') == [(0, "He said “no” today,"), (1, "no")]


def test_two_apostrophes_as_double_quotes(seg: Segmenter) -> None:
    # some newspapers' copy writes '' for both double quotation marks: a rule switches them on
    text = "''This isn't tax reform,'' said an economist. ''We will see.''\n''And soon,'' she said."
    assert seg(text).quotations == ()
    data = load_rules("segment")
    data["quotations"]["double_apostrophes"] = True
    result = Segmenter(data)(text)
    assert [(q.content.text, text[q.span[0] : q.span[1]]) for q in result.quotations] == [
        ("This isn't tax reform,", "''This isn't tax reform,''"),
        ("We will see.", "''We will see.''"),
        ("And soon,", "''And soon,''"),
    ]
    first = result.quotations[0]
    assert (first.open, first.close) == (0, 25)  # close + 1 is where the mark ends
    assert "''" in [text[s:e] for s, e in result.tokens]


def test_reprs_are_short(seg: Segmenter, seed_text: str) -> None:
    result = seg(seed_text)
    assert repr(result) == (
        "Segmentation(Dateline('WASHINGTON', agency='Reuters'), 11 paragraphs, 13 sentences, "
        f"{len(result.tokens)} tokens, 6 quotations)"
    )
    assert len(repr(seg)) < 200 and "SegmentRules(" in repr(seg)


@pytest.mark.parametrize(
    "text",
    [
        "By " + "a," * 300 + " x",
        "By " + ", ".join(["Ab"] * 200) + " WASHINGTON x",
        "(" + "a" * 400 + ") By " + "a," * 300,
        "By " + "A. " * 400,
        "AA " * 400,
        "AA, " * 300,
        "AA/" * 400,
        "AA-" * 400,
        "Ab, " * 300 + "March 3 - x",
        ("AB " * 4 + ", Cd ") * 60,
        "AAAAA" + " (" * 300,
        # a long run of spaces is read once, not once from each of its positions
        "a" + " " * 100_000 + "a",
        "a." + " " * 100_000 + "a",
        "\u201c" + " " * 100_000 + "x",
    ],
)
def test_patterns_do_not_backtrack(seg: Segmenter, text: str) -> None:
    """Shapes with many ways to split a place or a byline, and long runs of spaces: each is read
    one way, at once."""
    started = time.process_time()
    seg(text)
    assert time.process_time() - started < 0.5
