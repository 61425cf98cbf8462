"""The segmentation rules as a rule set: extending the shipped rules, errors naming the file and
the key, and the words the code used to test (elisions, decades, months) as rule data."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import newsmodel
from newsmodel import RuleError
from newsmodel.rules import load_rules
from newsmodel.rules._schema import english
from newsmodel.segment import DatelineStyle, Segmenter, SegmentRules

SHIPPED = SegmentRules.shipped()
SEG = Segmenter()


def quotes(seg: Segmenter, text: str) -> list[str]:
    return [q.content.text for q in seg(text).quotations]


def words(seg: Segmenter, text: str) -> list[str]:
    return [text[s:e] for s, e in seg(text).tokens]


def test_extend_adds_to_the_shipped_rules() -> None:
    rules = SHIPPED.extend({"dateline": {"agencies": ["Wirecorp"]}})
    assert "Wirecorp" in rules.dateline.agencies and set(SHIPPED.dateline.agencies) < set(
        rules.dateline.agencies
    )
    custom = Segmenter(rules)
    for agency in ("Wirecorp", "Reuters"):
        d = custom(f"Shanghai ({agency}) - Factories reopened.").dateline
        assert d is not None and d.agency == agency
    assert SEG("Shanghai (Wirecorp) - Factories reopened.").dateline is None


def test_a_style_with_a_shipped_id_replaces_it() -> None:
    text = "NEW DELHI: The government said it would act."
    assert SEG(text).dateline is not None
    rules = SHIPPED.extend(
        {"dateline": {"styles": [{"id": "colon", "pattern": "{place}[ \\t]{0,2};[ \\t]{1,3}"}]}}
    )
    assert [s.id for s in rules.dateline.styles] == [s.id for s in SHIPPED.dateline.styles]
    custom = Segmenter(rules)
    assert custom(text).dateline is None
    d = custom("NEW DELHI; The government said it would act.").dateline
    assert d is not None and d.location == "NEW DELHI"


def test_a_path_extends_the_shipped_rules_and_errors_name_the_file(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[sentences]\ntitles = ["Brig", "Insp"]\n[paragraphs]\nwrap_width = 120\n', encoding="utf-8"
    )
    seg = Segmenter(str(mine))
    assert seg.rules.paragraphs.wrap_width == 120 and "Mr" in seg.rules.sentences.titles
    bad = tmp_path / "bad.toml"
    bad.write_text('[dateline]\nseparators = ["->"]\n', encoding="utf-8")
    with pytest.raises(
        RuleError, match=r"bad\.toml: dateline\.separators\[\d+\]: expected one to three dashes"
    ):
        Segmenter(str(bad))
    bad.write_text("[sentences]\nunknown = []\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.toml: .*unknown"):
        SegmentRules.shipped().extend(bad)


def test_rule_sets_compare_hash_and_pickle() -> None:
    again = SegmentRules.load(load_rules("segment"))
    assert again == SHIPPED and hash(again) == hash(SHIPPED)
    assert SHIPPED.extend({"dateline": {"agencies": ["Wirecorp"]}}) != SHIPPED
    assert pickle.loads(pickle.dumps(SHIPPED)) == SHIPPED
    assert Segmenter(pickle.loads(pickle.dumps(SHIPPED))) == SEG
    assert SegmentRules.from_mapping(load_rules("segment")) == SHIPPED  # the deprecated name


def test_the_former_flat_names_read_the_tables() -> None:
    assert SHIPPED.titles == frozenset(SHIPPED.sentences.titles) and "Gov" in SHIPPED.titles
    assert SHIPPED.styles == SHIPPED.dateline.styles and all(
        isinstance(s, DatelineStyle) for s in SHIPPED.styles
    )
    assert (SHIPPED.wrap_width, SHIPPED.double_apostrophes) == (100, False)
    assert SHIPPED.clitics == SHIPPED.tokens.clitics and SHIPPED.separators == SHIPPED.dateline.separators


def test_month_names_come_from_english() -> None:
    assert load_rules("segment")["dateline"]["months"] == "@calendar.month_names"
    assert list(SHIPPED.dateline.months) == list(english()["calendar"]["month_names"])
    d = SEG("WASHINGTON, Sept. 3 - The Treasury said it will sell notes.").dateline
    assert d is not None and d.date == "Sept. 3"
    without = SegmentRules.load(
        {**load_rules("segment"), "dateline": {**load_rules("segment")["dateline"], "months": []}}
    )
    assert Segmenter(without)("WASHINGTON, Sept. 3 - The Treasury said it will sell notes.").dateline is None


def test_elisions_and_decades_are_rule_data() -> None:
    text = "He said “rock ’n’ roll in the ’90s” was over."
    assert words(SEG, text)[2:8] == ["“", "rock", "’n’", "roll", "in", "the"]
    assert "’90s" in words(SEG, text)
    assert quotes(SEG, text) == ["rock ’n’ roll in the ’90s"]
    data = load_rules("segment")
    data["tokens"]["elisions"] = []
    data["tokens"]["decade_suffixes"] = []
    bare = Segmenter(data)
    assert "’n’" not in words(bare, text) and "’90s" not in words(bare, text)
    # more elisions, as data: "rock ’em ’n’ roll" has none by default
    data = load_rules("segment")
    data["tokens"]["elisions"] = ["n", "o"]
    text = "“The jack ’o’ lantern,” she said."
    assert "’o’" not in words(SEG, text)
    assert "’o’" in words(Segmenter(data), text)
    assert quotes(Segmenter(data), text) == ["The jack ’o’ lantern,"]


def test_numbered_abbreviations_keep_their_period_before_a_number_only() -> None:
    from newsmodel.segment import Segmenter

    assert Segmenter()("See No. 2 and p. 5.").words == ("See", "No.", "2", "and", "p.", "5", ".")
    # At the end of a sentence the period is the sentence's: "a p." is a clause a cue can report.
    assert Segmenter()("Aaa Aaa said a p.").words[-2:] == ("p", ".")
    article = newsmodel.parse("Aaa Aaa said a p.")
    assert [s.content.text for s in article.statements] == ["a p"]
