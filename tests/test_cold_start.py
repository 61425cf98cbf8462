"""Cold start (issue 16): patterns compiled on first use give what eager compilation gave."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsmodel._events.compiler import compile_lexicon
from newsmodel._text.lazy import LazyPattern
from newsmodel._times.firsts import first_chars
from newsmodel._times.tables import _FIRST_CHARS, TimeTables, compile_tables
from newsmodel.errors import RuleError
from newsmodel.events import EventRules
from newsmodel.times import TimeFinder, TimeRules

ROOT = Path(__file__).resolve().parent.parent


def test_lazy_pattern_compiles_on_first_use_and_matches_as_regex() -> None:
    lazy = LazyPattern(r"\L<w>\s+(?P<n>\d+)", regex.IGNORECASE, {"w": ["talks", "talk"]})
    assert not lazy.is_compiled
    eager = regex.compile(r"\L<w>\s+(?P<n>\d+)", regex.IGNORECASE, w=["talks", "talk"])
    text = "TALKS 12 and talk 3"
    assert lazy.match(text).span() == eager.match(text).span()  # type: ignore[union-attr]
    assert lazy.is_compiled
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.search(text, 5).group("n") == "3"  # type: ignore[union-attr]
    assert lazy.fullmatch("talk 3") is not None and lazy.fullmatch("talk 3x") is None
    assert lazy.match("tal", partial=True).partial  # type: ignore[union-attr]


def test_lazy_pattern_pickles_with_what_it_has_and_compares_by_its_source() -> None:
    lazy = LazyPattern(r"a\L<w>", regex.IGNORECASE, {"w": ["b", "cd"]})
    back = pickle.loads(pickle.dumps(lazy))
    assert back == lazy and hash(back) == hash(lazy) and not back.is_compiled
    assert back.match("ACD") is not None
    lazy.match("ab")
    again = pickle.loads(pickle.dumps(lazy))
    assert again == lazy and again.is_compiled  # compiled, it travels compiled
    assert again.match("ACD").span() == (0, 3) and again.match("ac") is None  # type: ignore[union-attr]
    assert LazyPattern("a") != LazyPattern("a", regex.IGNORECASE) and LazyPattern("a") != "a"


def test_lazy_pattern_bad_source_fails_on_first_use() -> None:
    lazy = LazyPattern("(unclosed")
    with pytest.raises(regex.error):
        lazy.match("x")


def _eager_rules_for(tables: TimeTables) -> dict[tuple[frozenset[str], str], tuple[str, ...]]:
    """The table the time stage built before issue 16: every rule compiled, its first characters
    found by partial matching, the rules per (core types, first character)."""
    firsts: list[frozenset[str] | None] = []
    for rule, p in zip(tables.rules, tables.patterns, strict=True):
        named: dict[str, Any] = {k: list(v) for k, v in p.named}
        compiled = regex.compile(p.pattern, p.flags, **named)
        partial = frozenset(c for c in _FIRST_CHARS if compiled.match(c, partial=True))
        firsts.append(None if rule.pattern.startswith("(?<") else partial)
    out: dict[tuple[frozenset[str], str], tuple[str, ...]] = {}
    for group in tables.groups:
        members = [i for i, rt in enumerate(tables.rule_types) if rt & group]
        for first in ("", *_FIRST_CHARS):
            f = [i for i in members if (fs := firsts[i]) is None or (bool(first) and first in fs)]
            if f:
                out[group, first] = tuple(tables.rules[i].id for i in f)
    return out


def test_time_rules_for_is_what_eager_compilation_gave() -> None:
    tables = compile_tables(TimeRules.shipped())
    eager = _eager_rules_for(tables)
    for group in tables.groups:
        for first in ("", *_FIRST_CHARS, "£", "é"):
            expected = eager.get((group, first)) or eager.get((group, ""), ())
            assert tuple(r.id for r, _ in tables.rules_for(group, first)) == expected, (group, first)
    assert tables.rules_for(frozenset({"no such type"}), "a") == ()


def test_first_characters_read_from_the_pattern_are_exact_for_the_shipped_rules() -> None:
    tables = compile_tables(TimeRules.shipped())
    read = 0
    for rule, p in zip(tables.rules, tables.patterns, strict=True):
        if rule.pattern.startswith("(?<"):
            continue
        found = first_chars(p.pattern, dict(p.named), _FIRST_CHARS)
        assert found is not None, rule.id
        assert found == frozenset(c for c in _FIRST_CHARS if p.match(c, partial=True)), rule.id
        read += 1
    assert read > 40


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:the\s+)?\L<month>", "tjm"),
        (r"(?P<n>\d+)|(?P<n>one)", "0123456789o"),
        (r"[^a-y0-9]x", "z'’‘$"),
        (r"(?=a)b?c", "bc"),  # a look-ahead is read as matching nothing: never too few
        (r"x*", "".join(_FIRST_CHARS)),  # can match empty: every character
        (r"\bApril", "a"),
    ],
)
def test_first_characters_of_patterns(pattern: str, expected: str) -> None:
    found = first_chars(pattern, {"month": ["jan", "march", "may"]}, _FIRST_CHARS)
    assert found == frozenset(expected)


def test_first_characters_unknown_constructs_fall_back() -> None:
    assert first_chars(r"(?P<x>a)?(?P=x)b", {}, _FIRST_CHARS) is None  # a back reference
    assert first_chars(r"\L<missing>x", {}, _FIRST_CHARS) is None
    assert first_chars(r"(?V1)[[a-z]--[b]]", {}, _FIRST_CHARS) is None  # regex-only syntax
    assert first_chars(r"[[a]x", {}, _FIRST_CHARS) is None  # what re would warn about


@given(st.from_regex(r"[a-z0-9()?|\[\]^*+{},\\sdw-]{0,12}", fullmatch=True))
def test_first_characters_never_too_few(pattern: str) -> None:
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.V0)
    except regex.error:
        return
    found = first_chars(pattern, {}, _FIRST_CHARS)
    if found is not None:
        assert frozenset(c for c in _FIRST_CHARS if compiled.match(c, partial=True)) <= found


def test_every_shipped_pattern_compiles() -> None:
    # The shipped time rules are not compiled when a finder is built (a rule set of your own is).
    tables = compile_tables(TimeRules.shipped())
    for p in tables.patterns:
        assert p.compiled.pattern == p.pattern
    lexicon = compile_lexicon(EventRules.shipped())
    tails = [e.tail for e in lexicon.entries if e.tail is not None]
    assert len(tails) > 400
    for lazy in (*tails, *lexicon.exclusions.values(), *(c[0] for c in lexicon.cues.values())):
        assert lazy.compiled.pattern == lazy.pattern


def test_a_bad_pattern_in_rules_of_your_own_fails_when_the_finder_is_built(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        "[[rule]]\nid = 'broken'\npattern = 'a)(b'\nkind = 'DATE'\nresolve = 'fixed'\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match=r"bad\.toml: rule\[\d+\]\.pattern: rule 'broken': bad pattern"):
        TimeFinder(TimeRules.shipped().extend(path))


def test_a_parser_pickled_after_use_parses_alike() -> None:
    import newsmodel
    from newsmodel.serialize import to_json

    parser = newsmodel.Parser()
    text = "Iran and the United States agreed on Tuesday to hold talks with European envoys next week."
    first = parser.parse(text, published="2024-03-05")
    back = pickle.loads(pickle.dumps(parser))
    assert to_json(back.parse(text, published="2024-03-05")) == to_json(first)


def test_import_does_not_build_a_parser_nor_import_pycountry() -> None:
    code = (
        "import sys, regex\n"
        "calls = []\n"
        "real = regex.compile\n"
        "regex.compile = lambda *a, **k: calls.append(a) or real(*a, **k)\n"
        "import newsmodel\n"
        "assert 'pycountry' not in sys.modules and 'dateparser' not in sys.modules\n"
        "print(len(calls))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=None
    )
    assert int(out.stdout) < 100  # the module-level patterns only


def test_dateline_patterns_compile_on_first_use_and_every_shipped_one_compiles() -> None:
    from newsmodel._segment.tables import compile_tables as segment_tables
    from newsmodel.segment import SegmentRules

    tables = segment_tables(SegmentRules.shipped())
    assert tables.heads and not any(h.is_compiled for h in tables.heads)
    assert all(isinstance(h.compiled, regex.Pattern) for h in tables.heads)


def test_the_countries_read_from_pycountrys_file_are_pycountrys() -> None:
    from newsmodel.rules._countries import _from_file, _from_pycountry, iso_countries

    from_file = _from_file()
    assert from_file is not None and from_file == _from_pycountry()
    assert {"alpha_3": "FRA", "name": "France"}.items() <= dict(
        next(c for c in iso_countries() if c["alpha_3"] == "FRA")
    ).items()


def test_stages_built_with_the_same_rules_share_their_tables() -> None:
    import newsmodel
    from newsmodel.actors import ActorFinder
    from newsmodel.segment import Segmenter, SegmentRules

    first, second = newsmodel.Parser(), newsmodel.Parser()
    for name, table in (
        ("segmenter", "_tables"),
        ("times", "_tables"),
        ("actors", "_tables"),
        ("statements", "_cues"),
        ("events", "_lexicon"),
    ):
        assert getattr(getattr(first, name), table) is getattr(getattr(second, name), table), name
    text = "PARIS (Reuters) - France said on Monday it would send envoys to Iran."
    assert first.parse(text) == second.parse(text)
    assert first.events.lexicon is second.events.lexicon  # with the CAMEO dictionary's entries
    mine = SegmentRules.shipped().extend({"paragraphs": {"wrap_width": 60}})
    assert Segmenter(mine)._tables is not first.segmenter._tables  # type: ignore[attr-defined]
    assert Segmenter(mine)._tables is Segmenter(mine)._tables  # type: ignore[attr-defined]
    assert ActorFinder()._tables is first.actors._tables  # type: ignore[attr-defined]


def test_a_bad_adjunct_of_your_own_is_named_when_the_finder_is_built() -> None:
    from newsmodel.statements import StatementFinder, StatementRules

    mine = StatementRules.shipped().extend({"adjuncts": ["on (Monday"]})
    with pytest.raises(RuleError, match=r"adjuncts\[\d+\] 'on \(Monday' is not a valid pattern"):
        StatementFinder(mine)


def test_building_a_parser_reads_neither_toml_nor_pycountry() -> None:
    # The shipped rules come from their JSON mirrors, the countries from pycountry's data file.
    code = (
        "import sys, newsmodel\n"
        "newsmodel.Parser()\n"
        "print(sorted(m for m in ('pycountry', 'tomllib', 'tomli') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=None
    )
    assert out.stdout.strip() == "[]"
