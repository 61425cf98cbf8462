"""The beginnings of a time rule's match read from its pattern (newsmodel/_times/prefixes.py): the
time pass tries at a token only the rules whose match can begin with its first three characters,
so the reading must never be too small."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsmodel._times.prefixes import WIDTH, after_lookbehind, may_begin, rule_prefixes
from newsmodel._times.tables import compile_tables
from newsmodel.times import TimeFinder, TimeRules

_LISTS = {"month": ["jan", "march", "may"]}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\L<month>\s+\d", {"jan", "mar", "may"}),
        (r"(?:the\s+)?\L<month>", {"jan", "mar", "may", "the"}),
        (r"(?P<n>\d) ?am", {f"{d}{x}" for d in "0123456789" for x in ("am", " a")}),
        (r"ab", {"ab"}),  # a match may end before the width: any text may follow
        (r"(?=x)ab\b", {"ab"}),  # look-arounds and anchors are read as matching nothing
        (r"Q[1-4]", {"q1", "q2", "q3", "q4"}),  # case aside: the keys are lower case
        (r"x*", {"", "x", "xx", "xxx"}),
    ],
)
def test_beginnings_of_patterns(pattern: str, expected: set[str]) -> None:
    assert rule_prefixes(pattern, _LISTS) == frozenset(expected)


@pytest.mark.parametrize(
    ("pattern", "rest"),
    [
        (r"(?<=\bthe\s{1,3})current", "current"),
        (r"(?<!\w)(?:a|per)\s", r"(?:a|per)\s"),
        (r"(?<=[(\]])x", "x"),  # a class's brackets and parentheses are characters
        (r"(?<=[^]a)])y", "y"),
        (r"(?<=\))z", "z"),  # so is an escaped parenthesis
        (r"(?=x)ab", None),  # a look-ahead is no look-behind
        (r"(?<=(a)", None),  # unbalanced: not read
    ],
)
def test_what_follows_an_opening_lookbehind(pattern: str, rest: str | None) -> None:
    assert after_lookbehind(pattern) == rest


def test_a_rule_opening_with_a_lookbehind_is_tried_where_what_follows_can_begin() -> None:
    tables = compile_tables(TimeRules.shipped())
    i, current = next((i, r) for i, r in enumerate(tables.rules) if r.id == "current")
    assert current.pattern.startswith("(?<")
    assert tables._prefixes_of(current) == frozenset({"cur"})
    types = tables.core["year"]  # "the current year": the core's types
    assert tables.rule_types[i] & types
    assert current in [rule for rule, _ in tables.rule_matchers(types, "c")]  # by its first character
    assert current in [rule for rule, _ in tables.key_matchers(types, "cur")]
    assert current not in [rule for rule, _ in tables.key_matchers(types, "cou")]


def test_what_cannot_be_read_is_tried_everywhere() -> None:
    assert rule_prefixes(r"(?<=\s)May", {}) is None  # a look-behind first
    assert rule_prefixes(r"(?P<x>a)?(?P=x)b", {}) is None  # a back reference
    assert rule_prefixes(r"\L<missing>x", {}) is None
    assert rule_prefixes(r"(?V1)[[a-z]--[b]]", {}) is None  # regex-only syntax
    assert rule_prefixes(r"\w\w\w\w", {}) is None  # too many beginnings to list
    assert may_begin(None, "zzz")


def test_a_negated_class_or_a_letter_beyond_ascii_matches_any_key() -> None:
    assert may_begin(rule_prefixes(r"[^ab]b", {}), "ab?")  # read as matching anything: never too few
    assert not may_begin(rule_prefixes(r"[^a]b", {}), "ab?")  # one character refused: exact
    assert may_begin(rule_prefixes(r"éa", {}), "xa!")
    assert not may_begin(rule_prefixes(r"[b-d]a", {}), "aa!")


def test_a_match_that_may_end_sooner_begins_anything_after_it() -> None:
    found = rule_prefixes(r"to(?:day)?", {})
    assert may_begin(found, "to ") and may_begin(found, "tod") and not may_begin(found, "ta ")


@given(
    st.from_regex(r"[a-c0-9()?|\[\]^*+{},.\\sdw\- ]{0,12}", fullmatch=True), st.text("abc019 .-", max_size=8)
)
def test_beginnings_are_never_too_few(pattern: str, text: str) -> None:
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.V0)
    except regex.error:
        return
    found = rule_prefixes(pattern, {})
    key = text[:WIDTH]
    if len(key) == WIDTH and compiled.match(text) is not None:
        assert may_begin(found, key.lower()), (pattern, text)


def test_every_shipped_rule_begins_its_examples() -> None:
    rules = TimeRules.shipped()
    tables = compile_tables(rules)
    finder = TimeFinder(rules)
    checked = 0
    for rule, pattern in zip(tables.rules, tables.patterns, strict=True):
        found = tables._prefixes_of(rule)
        for example in next(r for r in rules.rule if r.id == rule.id).examples:
            for expression in finder.find(example):
                start = expression.span.start
                key = example[start : start + WIDTH]
                if expression.rule == rule.id and len(key) == WIDTH and key.isascii():
                    assert pattern.match(example, start) is not None
                    assert may_begin(found, key.lower()), (rule.id, example)
                    checked += 1
    assert checked > 40


def test_a_rule_of_ones_own_is_read_too() -> None:
    ramadan = {
        "id": "ramadan",
        "pattern": r"(?:the\s+first\s+day\s+of\s+)?Ramadan",
        "kind": "DATE",
        "resolve": "fixed",
        "value": "XXXX-XX-XX",
        "examples": ["Talks stalled during Ramadan."],
    }
    rules = TimeRules.shipped().extend({"rule": [ramadan], "triggers": {"core": ["ramadan"]}})
    found = TimeFinder(rules).find("They met on the first day of Ramadan, and again during RAMADAN.")
    assert [(t.span.text, t.rule) for t in found] == [
        ("the first day of Ramadan", "ramadan"),
        ("RAMADAN", "ramadan"),
    ]
