"""The compiled segmentation rules: what the passes index at run time, built from a :class:`SegmentRules`.

:func:`compile_tables` turns the rules (plain, comparable data) into a :class:`SegmentTables`:
the dateline patterns tried in order at the start of a text, the token pattern, the quotation
mark pattern and the word sets the sentence pass looks up.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
import regex

from .._text.lazy import LazyPattern
from .._text.patterns import alternation
from ..errors import RuleError
from ..rules._schema import RuleSet

if TYPE_CHECKING:
    from ..segment import DatelineRules, SegmentRules

__all__ = ["SegmentTables", "compile_tables"]

# Quotation marks, except apostrophes inside a word (Russia’s); those before a decade (’90s) and
# in an elision (rock ’n’ roll) are passed over by the quotation pass.
_QUOTE_MARK = regex.compile(r"[“”\"‘]|[’'](?!(?<=\w.)\w)")
_QUOTE_MARK_2 = regex.compile(r"''|[“”\"‘]|[’'](?!(?<=\w.)\w)")  # '' is a double mark too


@attrs.frozen(kw_only=True)
class SegmentTables:
    """The compiled segmentation rules.

    Attributes:
        heads: the dateline patterns, tried in order at the start of a text (the house styles,
            then the wire styles), each compiled the first time it is tried.
        tokens: the token pattern (the standard library's ``re``: see :func:`token_pattern`).
        token_chunks: a token with the white space before it (see :func:`token_chunks`).
        marks: the quotation marks (with ``''`` when ``double_apostrophes`` is on).
        decade: a decade after an apostrophe (``90s`` of ``’90s``), matched after the apostrophe.
        elisions: the words standing between two apostrophes (``n`` of ``rock ’n’ roll``).
        titles, abbreviations, numbered, starters: the ``[sentences]`` word sets.
        wrap_width: lines no longer than this may be hard-wrapped copy.
        double_apostrophes: whether ``''`` is a double quotation mark.
    """

    heads: tuple[LazyPattern, ...]
    tokens: re.Pattern[str]
    token_chunks: re.Pattern[str]
    marks: regex.Pattern[str]
    decade: regex.Pattern[str]
    elisions: tuple[str, ...]
    titles: frozenset[str]
    abbreviations: frozenset[str]
    numbered: frozenset[str]
    starters: frozenset[str]
    wrap_width: int
    double_apostrophes: bool


def compile_tables(rules: SegmentRules) -> SegmentTables:
    """The tables of ``rules``.

    Raises:
        RuleError: when a dateline style's pattern does not compile (naming the file and the style).
    """
    sentences, tokens = rules.sentences, rules.tokens
    double2 = rules.quotations.double_apostrophes
    token = token_pattern(
        (*sentences.titles, *sentences.abbreviations),
        tokens.clitics,
        double2,
        elisions=tokens.elisions,
        decade_suffixes=tokens.decade_suffixes,
        numbered=sentences.numbered,
    )
    return SegmentTables(
        heads=_heads(rules),
        tokens=token,
        token_chunks=re.compile(rf"\s*{_POSSESSIVE}(?:{token.pattern})", token.flags),
        marks=_QUOTE_MARK_2 if double2 else _QUOTE_MARK,
        decade=regex.compile(rf"\d0(?:{alternation(tokens.decade_suffixes)})(?!\w)"),
        elisions=tokens.elisions,
        titles=frozenset(sentences.titles),
        abbreviations=frozenset(sentences.abbreviations),
        numbered=frozenset(sentences.numbered),
        starters=frozenset(sentences.starters),
        wrap_width=rules.paragraphs.wrap_width,
        double_apostrophes=double2,
    )


# --------------------------------------------------------------------------------------------------
# Dateline patterns

# An all-capitals word with two capitals in a row: WASHINGTON, ST., MAZAR-I-SHARIF, not J.P.
_CAPS = r"(?=[\p{Lu}.'’&\-]{0,10}\p{Lu}\p{Lu})\p{Lu}[\p{Lu}\p{M}.'’&\-]{0,39}(?![\p{Ll}\p{N}])"
_CAPS_MORE = r"\p{Lu}[\p{Lu}\p{M}.'’&\-]{0,39}(?![\p{Ll}\p{N}])"
_REGION_WORD = r"\p{Lu}[\p{L}\p{M}.'’&\-]{0,39}"
_ANY_AGENCY = r"\p{Lu}[\p{L}\p{N}&'’.\-]{0,20}(?: [\p{L}\p{N}&'’.\-]{1,20}){0,3}"
_ANY_LOC = r"(?P<loc>\p{Lu}[^\s()]{0,40}(?:[ \t]{1,3}[^\s()]{1,40}){0,8})"
_WORD = r"\p{Lu}[\p{L}\p{M}.'’&\-]{0,39}"


def _fragments(d: DatelineRules, starters: Iterable[str]) -> dict[str, str]:
    """The pieces the dateline patterns are written with, by name (the style placeholders and the
    pieces of the wire styles)."""
    dashes = alternation(d.separators)
    known = rf"(?:{alternation(d.agencies)})"
    month = rf"(?i:{alternation(d.months)})"
    # April 9 / 9 April, with an optional year (April 9, 2017)
    day_month = rf"{month}\.?[ \t]{{1,2}}\d{{1,2}}(?:,[ \t]{{1,2}}\d{{4}})?|\d{{1,2}}[ \t]{{1,2}}{month}\.?(?:[ \t]{{1,2}}\d{{4}})?"
    region = rf"{_REGION_WORD}(?:[ \t]{{1,2}}(?:{alternation(d.place_particles)}|{_REGION_WORD})){{0,4}}"
    place = rf"{_CAPS}(?:[ \t]{{1,2}}{_CAPS_MORE}){{0,4}}(?:[ \t]{{0,2}},[ \t]{{1,2}}{region})?"
    # Place, DATE [(Agency)] -   with any capitalised place: the date is evidence enough
    dated_loc = rf"(?P<loc>(?!(?:{alternation(starters)})\b){_WORD}(?:(?:[ \t]{{1,2}}|[ \t]{{0,2}}[,/][ \t]{{0,2}}){_WORD}){{0,6}})"
    return {
        "place": rf"(?P<loc>{place}(?:[ \t]{{0,2}}/[ \t]{{0,2}}{place}){{0,3}}[ \t]{{0,2}},?)",
        "Place": dated_loc,
        "date": rf"[ \t]{{0,2}},[ \t]{{1,3}}(?P<date>{day_month})(?!\d)",
        "agency": rf"(?P<agency>{known})",
        "sep": rf"(?P<sep>{dashes})(?=\s|\Z)[ \t\u00a0]{{0,5}}",
        "not_heading": rf"(?!(?i:{alternation(d.headings)})\b)",
        # after a date the dash may touch the first word (1987 copy: "March 4 -General Motors")
        "sep_dated": rf"(?P<sep>{dashes})(?(date)|(?=\s|\Z))[ \t\u00a0]{{0,5}}",
        "known": known,
        "stray": rf"(?:(?:{dashes})[ \t]{{1,3}})?",
        # names split only at spaces (after an optional comma): one way to read each byline
        "byline": rf"(?:{alternation(d.byline_words)})[ \t]{{1,3}}(?P<by>[^\s(),]{{1,40}}(?:,?[ \t]{{1,3}}[^\s(),]{{1,40}}){{0,14}}?),?\s{{1,5}}",
    }


def _fill(pattern: str, fragments: Mapping[str, str]) -> str:
    """A style's pattern with its ``{placeholder}`` names replaced; regex braces (``{1,3}``) kept."""
    names = "|".join(regex.escape(name) for name in fragments)
    return regex.sub(rf"\{{({names})\}}", lambda m: f"(?:{fragments[m[1]]})", pattern)


def _heads(rules: SegmentRules) -> tuple[LazyPattern, ...]:
    """The dateline patterns: the house styles of the rules, then the wire styles."""
    f = _fragments(rules.dateline, rules.sentences.starters)
    agency = rf"\((?P<agency>{f['known']}|{_ANY_AGENCY})\)[ \t]{{0,3}}"
    # LOCATION[, DATE] [(Agency)] -   with an all-capitals place; any agency in parentheses
    head_caps = rf"{f['place']}(?:{f['date']})?[ \t]{{0,3}}(?:{f['stray']}{agency})?{f['sep_dated']}"
    # Place (Agency) -   or   (Agency) -   with a known agency
    head_known = rf"(?:{_ANY_LOC}[ \t]{{0,3}})?{f['stray']}\((?P<agency>{f['known']})\)[ \t]{{0,3}}{f['sep']}"
    agency_only = rf"\((?P<agency>{f['known']})\)[ \t]{{0,3}}{f['sep']}"
    head_dated = rf"{f['Place']}{f['date']}[ \t]{{0,3}}(?:{f['stray']}{agency})?{f['sep_dated']}"
    placeholders = {k: f[k] for k in ("place", "Place", "date", "agency", "sep", "not_heading")}
    # Compiled on first use (issue 16): an article tries the patterns in order up to the first that
    # matches. The shipped styles are compiled by the test suite; styles of your own at once, so
    # that one that does not compile is an error when the segmenter is built.
    shipped = RuleSet._SHIPPED_CACHE.get(type(rules)) is rules
    styles = []
    for i, style in enumerate(rules.dateline.styles):
        lazy = LazyPattern(_fill(style.pattern, placeholders))
        if not shipped:
            try:
                lazy.match("")  # compiles it
            except regex.error as exc:
                where = rules.where("dateline", "styles", i, "pattern")
                raise RuleError(f"{where}: dateline style {style.id!r}: {exc}") from None
        styles.append(lazy)
    wire = (
        head_caps,
        rf"{f['byline']}(?:{head_caps})",
        rf"{f['byline']}(?:{agency_only})",
        head_known,
        head_dated,
    )
    return (*styles, *(LazyPattern(h) for h in wire))


# --------------------------------------------------------------------------------------------------
# Tokens


def _lookbehinds(words: Iterable[str], after: str) -> str:
    """One fixed-width lookbehind per length, matching a period after one of ``words``."""
    by_length: defaultdict[int, list[str]] = defaultdict(list)
    for a in words:
        if re.fullmatch(r"[\w'’\-]+", a):
            by_length[len(a)].append(re.escape(a))
    return "|".join(
        f"(?<=(?<!\\w)(?:{'|'.join(sorted(group))})\\.){after}" for _, group in sorted(by_length.items())
    )


_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""  # the standard library's re has *+ from 3.11


def token_pattern(
    abbreviations: Iterable[str],
    clitics: Iterable[str] = (),
    double_apostrophes: bool = False,
    *,
    elisions: Iterable[str] = (),
    decade_suffixes: Iterable[str] = (),
    numbered: Iterable[str] = (),
) -> re.Pattern[str]:
    """The token pattern, with the rules' abbreviations keeping their period (``Mr.``, ``Inc.``),
    and the ``numbered`` ones (``No.``, ``p.``) keeping it before a number only (``No. 2``; a
    sentence that ends "... page p." ends with its period).

    This one pattern runs over every character of every article, so it is written for the standard
    library's ``re``, which runs it about 1.3 times faster than ``regex`` (both tokenise the 20,000
    documents of the shared corpora identically). It needs no named list: the abbreviations are
    checked only after a word followed by a period, by one fixed-width lookbehind per length.
    """
    known = _lookbehinds(abbreviations, "")
    before_number = _lookbehinds(numbered, r"(?=[ \xa0]?\d)")
    known = "|".join(x for x in (known, before_number) if x)
    clitic = f"(?:{alternation({f for c in clitics for f in (c, c.upper())})})(?!\\w)"
    elided = f"(?:{alternation(elisions)})[’'](?!\\w)"
    decade = f"\\d0(?:{alternation(decade_suffixes)})(?!\\w)"
    # Dispatch on the first character so that a plain word costs one alternative. Nothing after a
    # word's letters or a number's digits is required, so the first way to match is the greedy one
    # and never backtracks: possessive repeats (Python 3.11) match the same, without saving states.
    p = _POSSESSIVE
    return re.compile(
        rf"""
        [A-Za-z]+{p}(?![\-‐‑’'.\w])                     # a plain word: the next line's token, sooner
        |[^\W\d_](?:                                    # a letter
            \.(?:[^\W\d_]\.)+                            # U.S., J.P., a.m.
            |\w*{p}(?:(?:[\-‐‑]|[’'](?!{clitic}))\w+{p})*{p}  # al-Assad, O’Brien
             (?:\.(?:{known or "(?!)"}))?                  # Mr., Inc., Jan.
        )
        |\d+{p}(?:[.,:/]\d+{p})*{p}\w*{p}                  # 1.5, 2,000, 10:30, 1990s
        |[’'](?:{clitic}|{elided}|{decade})              # ’s, ’t, ’n’, ’90s
        |‘{decade}
        |\.{{2,}}|-{{2,}}{"|''(?!')" if double_apostrophes else ""}
        |[^\w\s]
        |_\w*
        """,
        re.VERBOSE,
    )
