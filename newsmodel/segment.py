"""Segmentation: the dateline, paragraphs, sentences, tokens and paired quotation marks.

This is the first stage of the pipeline and runs once per article; every later stage reads its
:class:`Segmentation` instead of splitting the text again. The rules (abbreviations, sentence
starters, news agencies, month names) are data in ``newsmodel/rules/segment.toml``; see
``docs/segmentation.md`` for what is found and why.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from .errors import RuleError
from .model import Dateline, Span
from .rules import load_rules

_FIRST = operator.itemgetter(0)

__all__ = ["DatelineStyle", "Quotation", "SegmentRules", "Segmentation", "Segmenter"]


@attrs.frozen(kw_only=True)
class Quotation:
    """A pair of quotation marks and the words between them.

    Attributes:
        open: offset of the opening mark.
        close: offset of the closing mark (of its last character, for the two-character ``''``
            of some copy, so that ``close + 1`` is always where the mark ends); ``None`` when the
            quote runs on into the next paragraph (news style: a paragraph left open and the next
            one opening with a mark).
        content: the words inside the marks, without the marks (to the end of the paragraph when
            ``close`` is ``None``).
        level: 0 for a double-quoted quotation, 1 for a single-quoted one nested inside it.
        continues: whether this quotation continues one left open in the previous paragraph.
    """

    open: int
    close: int | None
    content: Span
    level: int = 0
    continues: bool = False

    @property
    def span(self) -> tuple[int, int]:
        """Offsets of the quotation, marks included."""
        end = self.close + 1 if self.close is not None else self.content.end
        return self.open, end


@attrs.frozen(kw_only=True, repr=False)
class Segmentation:
    """What the segmenter found in one text; shared by every later stage.

    Attributes:
        text: the article text, exactly as given.
        dateline: the dateline, if the text opens with one.
        paragraphs: paragraph spans, in order, not overlapping, trimmed of surrounding whitespace.
        sentences: sentence spans, in order, not overlapping; each lies inside one paragraph.
        tokens: ``(start, end)`` of every word and punctuation token, in order.
        quotations: paired quotation marks, in order of their opening mark.
        note: a correction note in parentheses before the dateline
            (``(This version of the story corrects ...)``), if any; it is a sentence of its own.
        byline: the names of a byline before the dateline place (``Jane Doe`` in
            ``By Jane Doe WASHINGTON (Reuters) -``), if any.
    """

    text: str
    dateline: Dateline | None
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    tokens: tuple[tuple[int, int], ...]
    quotations: tuple[Quotation, ...]
    note: Span | None = None
    byline: Span | None = None
    _sentence_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    _paragraph_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    _top_quotations: list[Quotation] = attrs.field(init=False, repr=False, eq=False)
    _top_opens: list[int] = attrs.field(init=False, repr=False, eq=False)
    _opens: list[int] = attrs.field(init=False, repr=False, eq=False)
    words: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    """The text of every token, aligned with ``tokens``."""
    lower_words: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    """Every token's text in lower case, aligned with ``tokens``: the stages' word look-ups."""
    token_starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    """Every token's start offset, aligned with ``tokens``: for bisection by offset."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_sentence_starts", [s.start for s in self.sentences])
        object.__setattr__(self, "_paragraph_starts", [p.start for p in self.paragraphs])
        top = [q for q in self.quotations if q.level == 0]
        object.__setattr__(self, "_top_quotations", top)
        object.__setattr__(self, "_top_opens", [q.open for q in top])
        object.__setattr__(self, "_opens", [q.open for q in self.quotations])
        text = self.text
        # One string object per distinct word (and its lower case): a big article repeats words.
        same: dict[str, str] = {}
        keep = same.setdefault
        words = tuple([keep(w, w) for w in [text[a:b] for a, b in self.tokens]])
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "lower_words", tuple([keep(w, w) for w in map(str.lower, words)]))
        object.__setattr__(self, "token_starts", list(map(_FIRST, self.tokens)))

    def __repr__(self) -> str:
        return (
            f"Segmentation({self.dateline!r}, {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences, {len(self.tokens)} tokens, {len(self.quotations)} quotations)"
        )

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset``, or of the last one starting before it (-1 if none)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing ``offset``, if any."""
        i = self.sentence_index(offset)
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing ``offset``, or of the last one starting before it (-1 if none)."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph containing ``offset``, if any."""
        i = self.paragraph_index(offset)
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def quotation_at(self, offset: int) -> Quotation | None:
        """The double-quoted (level 0) quotation whose content contains ``offset``, if any."""
        i = bisect.bisect_right(self._top_opens, offset) - 1
        if i >= 0:
            q = self._top_quotations[i]
            if q.content.start <= offset < q.content.end:
                return q
        return None

    def quotations_in(self, start: int, end: int) -> tuple[Quotation, ...]:
        """The quotations (any level) whose opening mark lies in ``[start, end)``."""
        lo = bisect.bisect_left(self._opens, start)
        hi = bisect.bisect_left(self._opens, end)
        return self.quotations[lo:hi]


# --------------------------------------------------------------------------------------------------
# Rules

_WORD_ENTRY = regex.compile(r"[\w'’&.\-]+(?: [\w'’&.\-]+)*")


def _entries(data: Mapping[str, Any], section: str, key: str, source: str) -> tuple[str, ...]:
    table = data.get(section, {})
    if not isinstance(table, Mapping):
        raise RuleError(f"{source}: [{section}] must be a table")
    value = table.get(key, [])
    if not isinstance(value, list):
        raise RuleError(f"{source}: [{section}] {key} must be a list of strings")
    for i, entry in enumerate(value):
        if not isinstance(entry, str) or not _WORD_ENTRY.fullmatch(entry):
            raise RuleError(
                f"{source}: [{section}] {key}[{i}] = {entry!r}: expected words of letters, digits, "
                "apostrophes, hyphens or periods, separated by single spaces"
            )
    return tuple(value)


@attrs.frozen(kw_only=True)
class DatelineStyle:
    """A house style of dateline, as rule data (``[[dateline.styles]]`` in ``segment.toml``).

    Attributes:
        id: a name for the style (``"colon"``).
        pattern: a regular expression matched at the start of the text, written with the
            placeholders ``{place}`` (an all-capitals place, optionally followed by a region:
            ``NEW DELHI``, ``SPRINGFIELD, Ill.``), ``{Place}`` (capitalised words: ``New Delhi``),
            ``{date}`` (``, April 9`` or ``, 9 April``), ``{agency}`` (a known agency),
            ``{sep}`` (a dash that ends a dateline, with the spaces after it) and
            ``{not_heading}`` (refuses the heading words: ``BREAKING:``, ``UPDATE:``). ``{place}``,
            ``{Place}``, ``{date}`` and ``{agency}`` capture what they match into the dateline.
            Every quantifier must be bounded (``{1,3}``, not ``+``), so matching stays linear.
        examples: story openings the style must read as a dateline (checked by the tests).
    """

    id: str
    pattern: str
    examples: tuple[str, ...] = ()


def _styles(data: Mapping[str, Any], source: str) -> tuple[DatelineStyle, ...]:
    table = data.get("dateline", {})
    raw = table.get("styles", []) if isinstance(table, Mapping) else []
    if not isinstance(raw, list):
        raise RuleError(f"{source}: [[dateline.styles]] must be an array of tables")
    styles = []
    for i, entry in enumerate(raw):
        where = f"{source}: [[dateline.styles]] #{i + 1}"
        if not isinstance(entry, Mapping) or set(entry) - {"id", "pattern", "examples"}:
            raise RuleError(f"{where}: expected a table with id, pattern and examples")
        ident, pattern, examples = entry.get("id"), entry.get("pattern"), entry.get("examples", [])
        if not isinstance(ident, str) or not ident:
            raise RuleError(f"{where}: id must be a non-empty string")
        if not isinstance(pattern, str) or not pattern:
            raise RuleError(f"{where} ({ident}): pattern must be a non-empty string")
        if regex.search(r"(?<!\\)[+*]|\{\d*,\}", pattern):
            raise RuleError(f"{where} ({ident}): unbounded quantifier in pattern; write {{1,3}}, not + or *")
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            raise RuleError(f"{where} ({ident}): examples must be a list of strings")
        styles.append(DatelineStyle(id=ident, pattern=pattern, examples=tuple(examples)))
    return tuple(styles)


@attrs.frozen(kw_only=True, repr=False)
class SegmentRules:
    """The language data the segmenter uses, validated (``newsmodel/rules/segment.toml``).

    Attributes:
        titles: abbreviations standing before a name that never end a sentence (``Gov``).
        abbreviations: abbreviations that end a sentence only before a sentence starter (``Inc``).
        numbered: abbreviations that never end a sentence before a number (``No``).
        starters: capitalised function words that start a sentence (``The``, ``He``, ``But``).
        agencies: news agencies named in parentheses in a dateline (``Reuters``, ``AP``).
        months: month names a dateline may carry (``March``, ``Sept``).
        separators: the dashes that end a dateline.
        byline_words: words that open a byline (``By``).
        headings: words that open a story as a heading, not a place (``BREAKING:``, ``UPDATE:``).
        styles: house styles of dateline beyond the wire style, tried first (:class:`DatelineStyle`).
        place_particles: lowercase words inside a place name (``Republic of Congo``).
        clitics: what an apostrophe splits from its word as a token of its own (``’s``, ``’t``).
        wrap_width: lines no longer than this may be hard-wrapped copy.
        double_apostrophes: whether two apostrophes ``''`` are a double quotation mark (some
            newspapers' copy writes ``''`` for both ``“`` and ``”``).
    """

    titles: frozenset[str]
    abbreviations: frozenset[str]
    numbered: frozenset[str]
    starters: frozenset[str]
    agencies: tuple[str, ...]
    months: tuple[str, ...]
    separators: tuple[str, ...]
    byline_words: tuple[str, ...]
    headings: tuple[str, ...] = ()
    styles: tuple[DatelineStyle, ...] = ()
    place_particles: tuple[str, ...] = ()
    clitics: tuple[str, ...] = ()
    wrap_width: int = 100
    double_apostrophes: bool = False

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "segment.toml") -> SegmentRules:
        """Validate rule data read from TOML (or built by hand).

        Raises:
            RuleError: naming ``source`` and the entry, when an entry is malformed.
        """
        if not isinstance(data, Mapping):
            raise RuleError(f"{source}: rule data must be a table, not {type(data).__name__}")
        seps = (
            data.get("dateline", {}).get("separators", ["-"])
            if isinstance(data.get("dateline"), Mapping)
            else ["-"]
        )
        if not isinstance(seps, list) or not seps:
            raise RuleError(f"{source}: [dateline] separators must be a non-empty list of dashes")
        for i, sep in enumerate(seps):
            if not isinstance(sep, str) or not regex.fullmatch(r"\p{Pd}{1,3}", sep):
                raise RuleError(
                    f"{source}: [dateline] separators[{i}] = {sep!r}: expected one to three dashes"
                )
        paragraphs = data.get("paragraphs", {})
        width = paragraphs.get("wrap_width", 100) if isinstance(paragraphs, Mapping) else None
        if not isinstance(width, int) or isinstance(width, bool) or not 20 <= width <= 10_000:
            raise RuleError(
                f"{source}: [paragraphs] wrap_width = {width!r}: expected an integer from 20 to 10000"
            )
        quotations = data.get("quotations", {})
        double2 = quotations.get("double_apostrophes", False) if isinstance(quotations, Mapping) else None
        if not isinstance(double2, bool):
            raise RuleError(
                f"{source}: [quotations] double_apostrophes = {double2!r}: expected true or false"
            )
        return cls(
            titles=frozenset(_entries(data, "sentences", "titles", source)),
            abbreviations=frozenset(_entries(data, "sentences", "abbreviations", source)),
            numbered=frozenset(_entries(data, "sentences", "numbered", source)),
            starters=frozenset(_entries(data, "sentences", "starters", source)),
            agencies=_entries(data, "dateline", "agencies", source),
            months=_entries(data, "dateline", "months", source),
            separators=tuple(seps),
            byline_words=_entries(data, "dateline", "byline_words", source),
            headings=_entries(data, "dateline", "headings", source),
            styles=_styles(data, source),
            place_particles=_entries(data, "dateline", "place_particles", source),
            clitics=_entries(data, "tokens", "clitics", source),
            wrap_width=width,
            double_apostrophes=double2,
        )

    def __repr__(self) -> str:
        return (
            f"SegmentRules({len(self.titles)} titles, {len(self.abbreviations)} abbreviations, "
            f"{len(self.starters)} starters, {len(self.agencies)} agencies, wrap_width={self.wrap_width})"
        )

    @classmethod
    def shipped(cls) -> SegmentRules:
        """The rules shipped in ``newsmodel/rules/segment.toml``."""
        return cls.from_mapping(load_rules("segment"))


def _to_rules(value: SegmentRules | Mapping[str, Any]) -> SegmentRules:
    if isinstance(value, SegmentRules):
        return value
    return SegmentRules.from_mapping(value, source="segment rules")


# --------------------------------------------------------------------------------------------------
# Patterns that hold no language data (typography only)

# Line breaks as str.splitlines() knows them.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# ISOT-style bodies: paragraph breaks collapsed into a run of spaces after a sentence end (the
# sentence end is checked in code: a lookbehind here would run at every position).
# Only at the start of a run, taken whole (possessive): a long run of spaces is read once.
_COLLAPSED_BREAK = regex.compile(r"  (?<![ \t\u00a0]  )[ \t\u00a0]*+(?=[“‘\"'(\[]?[\p{Lu}\p{N}])")
_SENTENCE_PUNCT = frozenset(".!?…")
_SENTENCE_CLOSERS = frozenset("”’\"')]")
# A candidate sentence end: terminal punctuation, closing quotes or brackets, whitespace, then an
# uppercase letter or a digit (past opening quotes or brackets).
_SENTENCE_END = regex.compile(
    r"(?P<end>\.\.\.|…|[.!?]{1,3})(?P<close>[”’\"')\]]{0,3})(?P<ws>\s+)(?=[“‘\"'(\[]{0,3}[\p{Lu}\p{N}])"
)
_NEXT_WORD = regex.compile(r"[“‘\"'(\[]{0,3}(?P<word>\p{L}+)")
# Quotation marks, except apostrophes inside a word (Russia’s); those before a decade (’90s) and
# in ’n’ are skipped in code.
_QUOTE_MARK = regex.compile(r"[“”\"‘]|[’'](?!(?<=\w.)\w)")
_QUOTE_MARK_2 = regex.compile(r"''|[“”\"‘]|[’'](?!(?<=\w.)\w)")  # '' is a double mark too
_DECADE = regex.compile(r"\d0s(?!\w)")
# Each quotation mark by the form that closes it: a quotation is closed by its own kind of mark.
_CLOSING_FORM = {"“": "”", "”": "”", '"': '"', "‘": "’", "’": "’", "'": "'"}
_LINE_CLOSED = frozenset(".!?:;”\"’')]…")
_OPENING_CONTEXT = frozenset("([{<—–-/“‘\"'")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}>—–-/…”’\"'")


def _span(text: str, start: int, end: int) -> Span:
    """``Span.of`` without its bounds check, for offsets the segmenter found inside ``text``."""
    return Span(start=start, end=end, text=text[start:end])


def _token_pattern(
    abbreviations: Iterable[str], clitics: Iterable[str] = (), double_apostrophes: bool = False
) -> re.Pattern[str]:
    """The token pattern, with the rules' abbreviations keeping their period (``Mr.``, ``Inc.``).

    This one pattern runs over every character of every article, so it is written for the standard
    library's ``re``, which runs it about 1.3 times faster than ``regex`` (both tokenise the 20,000
    documents of the shared corpora identically). It needs no named list: the abbreviations are
    checked only after a word followed by a period, by one fixed-width lookbehind per length.
    """
    by_length: defaultdict[int, list[str]] = defaultdict(list)
    for a in abbreviations:
        if re.fullmatch(r"[\w'’\-]+", a):
            by_length[len(a)].append(re.escape(a))
    known = "|".join(
        f"(?<=(?<!\\w)(?:{'|'.join(sorted(words))})\\.)" for _, words in sorted(by_length.items())
    )
    forms = sorted({f for c in clitics for f in (c, c.upper())}, key=len, reverse=True)
    clitic = f"(?:{'|'.join(re.escape(f) for f in forms)})(?!\\w)" if forms else "(?!)"
    # Dispatch on the first character so that a plain word costs one alternative.
    return re.compile(
        rf"""
        [^\W\d_](?:                                     # a letter
            \.(?:[^\W\d_]\.)+                            # U.S., J.P., a.m.
            |\w*(?:(?:[\-‐‑]|[’'](?!{clitic}))\w+)*      # al-Assad, O’Brien
             (?:\.(?:{known or "(?!)"}))?                  # Mr., Inc., Jan.
        )
        |\d+(?:[.,:/]\d+)*\w*                            # 1.5, 2,000, 10:30, 1990s
        |[’'](?:{clitic}|n[’'](?!\w)|\d0s(?!\w))         # ’s, ’t, ’n’, ’90s
        |‘\d0s(?!\w)
        |\.{{2,}}|-{{2,}}{"|''(?!')" if double_apostrophes else ""}
        |[^\w\s]
        |_\w*
        """,
        re.VERBOSE,
    )


def _is_subhead(chunk: str) -> bool:
    """Whether a paragraph's first words are a subheading in capitals (``STATE VISIT-PLUS``)."""
    return len(chunk) <= 60 and any(c.isalpha() for c in chunk) and not any(c.islower() for c in chunk)


def _fill(pattern: str, fragments: Mapping[str, str]) -> str:
    """A style's pattern with its ``{placeholder}`` names replaced; regex braces (``{1,3}``) kept."""
    names = "|".join(regex.escape(name) for name in fragments)
    return regex.sub(rf"\{{({names})\}}", lambda m: f"(?:{fragments[m[1]]})", pattern)


def _alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@attrs.frozen
class Segmenter:
    """Finds the dateline, paragraphs, sentences, tokens and quotations of a text.

    A segmenter is immutable and compiles its patterns once; calling it never raises.

    Args:
        rules: the segmentation rules: a :class:`SegmentRules`, or a mapping in the format of
            ``newsmodel/rules/segment.toml``; the shipped rules by default.

    Raises:
        RuleError: when the rules are malformed.

    Example:
        >>> from newsmodel.segment import Segmenter
        >>> seg = Segmenter()("WASHINGTON (Reuters) - The U.S. said so. It did.")
        >>> seg.dateline.location, [s.text for s in seg.sentences]
        ('WASHINGTON', ['WASHINGTON (Reuters) - The U.S. said so.', 'It did.'])
    """

    rules: SegmentRules = attrs.field(factory=SegmentRules.shipped, converter=_to_rules)
    _heads: tuple[regex.Pattern[str], ...] = attrs.field(init=False, repr=False)
    _note: regex.Pattern[str] = attrs.field(init=False, repr=False)
    _tokens: re.Pattern[str] = attrs.field(init=False, repr=False)
    _marks: regex.Pattern[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        r = self.rules
        sep = rf"(?P<sep>{_alternation(r.separators)})(?=\s|\Z)[ \t\u00a0]{{0,5}}"
        # after a date the dash may touch the first word (1987 copy: "March 4 -General Motors")
        sep_dated = rf"(?P<sep>{_alternation(r.separators)})(?(date)|(?=\s|\Z))[ \t\u00a0]{{0,5}}"
        known = rf"(?:{_alternation(r.agencies)})" if r.agencies else r"(?!)"
        any_agency = r"\p{Lu}[\p{L}\p{N}&'’.\-]{0,20}(?: [\p{L}\p{N}&'’.\-]{1,20}){0,3}"
        month = rf"(?i:{_alternation(r.months)})" if r.months else r"(?!)"
        # April 9 / 9 April, with an optional year (April 9, 2017)
        day_month = rf"{month}\.?[ \t]{{1,2}}\d{{1,2}}(?:,[ \t]{{1,2}}\d{{4}})?|\d{{1,2}}[ \t]{{1,2}}{month}\.?(?:[ \t]{{1,2}}\d{{4}})?"
        date = rf"[ \t]{{0,2}},[ \t]{{1,3}}(?P<date>{day_month})(?!\d)"
        # An all-capitals word with two capitals in a row: WASHINGTON, ST., MAZAR-I-SHARIF, not J.P.
        caps = r"(?=[\p{Lu}.'’&\-]{0,10}\p{Lu}\p{Lu})\p{Lu}[\p{Lu}\p{M}.'’&\-]{0,39}(?![\p{Ll}\p{N}])"
        caps_more = r"\p{Lu}[\p{Lu}\p{M}.'’&\-]{0,39}(?![\p{Ll}\p{N}])"
        region_word = r"\p{Lu}[\p{L}\p{M}.'’&\-]{0,39}"
        particles = f"{_alternation(r.place_particles)}|" if r.place_particles else ""
        region = rf"{region_word}(?:[ \t]{{1,2}}(?:{particles}{region_word})){{0,4}}"
        place = rf"{caps}(?:[ \t]{{1,2}}{caps_more}){{0,4}}(?:[ \t]{{0,2}},[ \t]{{1,2}}{region})?"
        caps_loc = rf"(?P<loc>{place}(?:[ \t]{{0,2}}/[ \t]{{0,2}}{place}){{0,3}}[ \t]{{0,2}},?)"
        any_loc = r"(?P<loc>\p{Lu}[^\s()]{0,40}(?:[ \t]{1,3}[^\s()]{1,40}){0,8})"
        stray = rf"(?:(?:{_alternation(r.separators)})[ \t]{{1,3}})?"
        # LOCATION[, DATE] [(Agency)] -   with an all-capitals place; any agency in parentheses
        head_caps = rf"{caps_loc}(?:{date})?[ \t]{{0,3}}(?:{stray}\((?P<agency>{known}|{any_agency})\)[ \t]{{0,3}})?{sep_dated}"
        # Place (Agency) -   or   (Agency) -   with a known agency
        head_known = rf"(?:{any_loc}[ \t]{{0,3}})?{stray}\((?P<agency>{known})\)[ \t]{{0,3}}{sep}"
        agency_only = rf"\((?P<agency>{known})\)[ \t]{{0,3}}{sep}"
        by = rf"(?:{_alternation(r.byline_words)})" if r.byline_words else r"(?!)"
        # names split only at spaces (after an optional comma): one way to read each byline
        byline = (
            rf"{by}[ \t]{{1,3}}(?P<by>[^\s(),]{{1,40}}(?:,?[ \t]{{1,3}}[^\s(),]{{1,40}}){{0,14}}?),?\s{{1,5}}"
        )
        # Place, DATE [(Agency)] -   with any capitalised place: the date is evidence enough
        starters = rf"(?:{_alternation(r.starters)})\b" if r.starters else r"(?!)"
        word = r"\p{Lu}[\p{L}\p{M}.'’&\-]{0,39}"
        dated_loc = (
            rf"(?P<loc>(?!{starters}){word}(?:(?:[ \t]{{1,2}}|[ \t]{{0,2}}[,/][ \t]{{0,2}}){word}){{0,6}})"
        )
        head_dated = rf"{dated_loc}{date}[ \t]{{0,3}}(?:{stray}\((?P<agency>{known}|{any_agency})\)[ \t]{{0,3}})?{sep_dated}"
        heading = rf"(?!(?i:{_alternation(r.headings)})\b)" if r.headings else ""
        fragments = {
            "place": caps_loc,
            "Place": dated_loc,
            "date": date,
            "agency": rf"(?P<agency>{known})",
            "sep": sep,
            "not_heading": heading,
        }
        styles = []
        for style in r.styles:
            try:
                styles.append(regex.compile(_fill(style.pattern, fragments)))
            except regex.error as exc:
                raise RuleError(f"segment rules: dateline style {style.id!r}: {exc}") from None
        heads = (
            *styles,
            head_caps,
            rf"{byline}(?:{head_caps})",
            rf"{byline}(?:{agency_only})",
            head_known,
            head_dated,
        )
        object.__setattr__(self, "_heads", tuple(regex.compile(h) for h in heads))
        object.__setattr__(self, "_note", regex.compile(r"\((?P<note>[^()\n]{2,500})\)\s{1,10}"))
        object.__setattr__(
            self,
            "_tokens",
            _token_pattern((*r.titles, *r.abbreviations, *r.numbered), r.clitics, r.double_apostrophes),
        )
        object.__setattr__(self, "_marks", _QUOTE_MARK_2 if r.double_apostrophes else _QUOTE_MARK)

    def __call__(self, text: str) -> Segmentation:
        """Segment ``text``; never raises on a ``str``."""
        dateline, note, byline = self._find_head(text)
        paragraphs = self.find_paragraphs(text)
        sentences = self._sentences(text, paragraphs, dateline, note)
        tokens = tuple(m.span() for m in self._tokens.finditer(text))
        quotations = self.find_quotations(text, paragraphs)
        return Segmentation(
            text=text,
            dateline=dateline,
            paragraphs=paragraphs,
            sentences=sentences,
            tokens=tokens,
            quotations=quotations,
            note=note,
            byline=byline,
        )

    # ----------------------------------------------------------------------------------------------
    # Dateline

    def find_dateline(self, text: str) -> Dateline | None:
        """The dateline opening ``text``, if there is one (after a correction note or a byline)."""
        return self._find_head(text)[0]

    def _find_head(self, text: str) -> tuple[Dateline | None, Span | None, Span | None]:
        limit = min(len(text), 1200)
        pos = 0
        while pos < limit and pos < 50 and (text[pos].isspace() or text[pos] == "\ufeff"):  # byte-order mark
            pos += 1
        note: Span | None = None
        m = self._match_head(text, pos, limit)
        if m is None:
            n = self._note.match(text, pos, limit)
            if n is None:
                return None, None, None
            m = self._match_head(text, n.end(), limit)
            if m is None:
                return None, None, None
            note = Span.of(text, n.start(), n.end("note") + 1)
        groups = m.groupdict()
        loc = groups.get("loc") or ""
        if not groups.get("agency") and not groups.get("date"):
            if sum(c.isalpha() for c in loc) < 3:
                return None, None, None  # "US - China talks": too short to be a place without an agency
            after = text[m.end() : m.end() + 80].split("\n", 1)[0]
            if any(c.isalpha() for c in after) and not any(c.islower() for c in after):
                return None, None, None  # "SOCCER - JAPAN GET LUCKY WIN": a headline, not a story
        agency_start = m.start("agency") - 1 if groups.get("agency") else len(text)
        start = min(m.start("loc") if loc else len(text), agency_start)
        dateline = Dateline(
            span=Span.of(text, start, m.end()),
            location=loc.rstrip(" \t,"),
            agency=groups.get("agency"),
            date=groups.get("date"),
        )
        byline = Span.of(text, m.start("by"), m.end("by")) if groups.get("by") else None
        return dateline, note, byline

    def _match_head(self, text: str, pos: int, limit: int) -> regex.Match[str] | None:
        for head in self._heads:
            m = head.match(text, pos, limit)
            if m is not None:
                return m
        return None

    # ----------------------------------------------------------------------------------------------
    # Paragraphs

    def find_paragraphs(self, text: str) -> tuple[Span, ...]:
        """Paragraph spans, trimmed of surrounding whitespace, in order.

        Blank lines always separate paragraphs. Inside a block of lines, a line indented deeper
        than the block's least indented line starts a paragraph (old wire copy); hard-wrapped lines
        (no longer than ``wrap_width``, some breaking mid-sentence) are joined unless a line ends a
        sentence and the next line's first word would have fitted on it; otherwise every line is a
        paragraph. A text of a single line is split where a run of spaces follows a sentence end
        (ISOT bodies, whose paragraph breaks collapsed into spaces).
        """
        blocks: list[list[tuple[int, int, int]]] = []  # lines as (start, content start, content end)
        block: list[tuple[int, int, int]] = []
        pos = 0
        for raw in text.splitlines(True):
            s = pos
            pos += len(raw)
            line = raw.rstrip(_LINE_BREAKS)
            stripped = line.lstrip()
            if not stripped:
                if block:
                    blocks.append(block)
                    block = []
                continue
            block.append((s, s + len(line) - len(stripped), s + len(line.rstrip())))
        if block:
            blocks.append(block)

        out: list[Span] = []
        for lines in blocks:
            for first, last in self._split_block(text, lines):
                out.append(_span(text, lines[first][1], lines[last][2]))
        if len(out) == 1 and len(blocks[0]) == 1:
            return self._split_collapsed(text, out[0])
        return tuple(out)

    def _split_block(self, text: str, lines: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """Paragraphs of one block as (first line, last line) index pairs."""
        n = len(lines)
        if n == 1:
            return [(0, 0)]
        indents = [cs - s for s, cs, _ in lines]
        base = min(indents)
        starts = [i for i in range(1, n) if indents[i] > base]
        if not starts:
            widths = [ce - s for s, _, ce in lines]
            width = max(widths)
            wrapped = width <= self.rules.wrap_width and any(
                text[ce - 1] not in _LINE_CLOSED for _, _, ce in lines[:-1]
            )
            if not wrapped:
                return [(i, i) for i in range(n)]
            for i in range(1, n):
                _, cs, ce = lines[i]
                prev_end = lines[i - 1][2]
                if text[prev_end - 1] not in _LINE_CLOSED:
                    continue
                word = 0
                while cs + word < ce and not text[cs + word].isspace():
                    word += 1
                if widths[i - 1] + 1 + word <= width:
                    starts.append(i)
        bounds = [0, *starts, n]
        return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]

    @staticmethod
    def _split_collapsed(text: str, para: Span) -> tuple[Span, ...]:
        out: list[Span] = []
        start = para.start
        for m in _COLLAPSED_BREAK.finditer(text, para.start, para.end):
            i = m.start() - 1
            while i > max(para.start, m.start() - 3) and text[i] in _SENTENCE_CLOSERS:
                i -= 1
            if text[i] in _SENTENCE_PUNCT or _is_subhead(text[start : m.start()]):
                out.append(_span(text, start, m.start()))
                start = m.end()
        out.append(_span(text, start, para.end))
        return tuple(out)

    # ----------------------------------------------------------------------------------------------
    # Sentences

    def find_sentences(
        self, text: str, paragraphs: tuple[Span, ...], dateline: Dateline | None = None
    ) -> tuple[Span, ...]:
        """Sentence spans inside each paragraph, abbreviation-aware; the dateline opens the first."""
        return self._sentences(text, paragraphs, dateline, None)

    def _sentences(
        self, text: str, paragraphs: tuple[Span, ...], dateline: Dateline | None, note: Span | None
    ) -> tuple[Span, ...]:
        rules = self.rules
        protected = dateline.span.end if dateline is not None else 0
        out: list[Span] = []
        for p in paragraphs:
            start = p.start
            if note is not None and p.start <= note.start and note.end < p.end:
                out.append(_span(text, note.start, note.end))
                start = note.end
                while start < p.end and text[start].isspace():
                    start += 1
            for m in _SENTENCE_END.finditer(text, start, p.end):
                if m.start() < protected:
                    continue
                end = m["end"]
                if end[0] == "." and len(end) == 1:
                    if not self._period_ends(text, m, start, rules):
                        continue
                elif end in ("...", "…") and not self._starter_follows(text, m, rules):
                    continue
                if m.end("close") > start:
                    out.append(_span(text, start, m.end("close")))
                start = m.end()
            if start < p.end:
                out.append(_span(text, start, p.end))
        return tuple(out)

    def _period_ends(self, text: str, m: regex.Match[str], start: int, rules: SegmentRules) -> bool:
        """Whether the period at ``m`` ends a sentence, judged by the word before and after it."""
        i = m.start()
        chunk = text[max(start, i - 40) : i]
        parts = chunk.rsplit(None, 1)
        word = parts[-1] if parts else ""
        word = word.lstrip("([{“‘\"'")
        if not word or not (word[-1].isalnum()):
            return True
        if word in rules.titles:
            return False
        if word in rules.numbered:
            nxt = m.end()
            if nxt < len(text) and text[nxt].isdigit():
                return False
        if word in rules.abbreviations or "." in word or (len(word) == 1 and word.isalpha()):
            return self._starter_follows(text, m, rules)
        return True

    @staticmethod
    def _starter_follows(text: str, m: regex.Match[str], rules: SegmentRules) -> bool:
        w = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 40))
        return w is not None and w["word"] in rules.starters

    # ----------------------------------------------------------------------------------------------
    # Quotations

    def find_quotations(self, text: str, paragraphs: tuple[Span, ...]) -> tuple[Quotation, ...]:
        """Pair quotation marks inside each paragraph.

        Curly marks pair by shape, straight ones by position (an opening mark follows a space or
        an opening bracket and precedes a word; a closing mark follows a word); a curly mark in the
        wrong position takes the role its position gives it (``unusual,“ said``). Any closing
        double mark closes the open double-quoted quotation, whatever its kind (``“...,"`` in
        hand-typed copy), unless it closes a quotation of its own kind nested inside. Single
        quotes, and double marks of the other kind, open a nested quotation (level 1) only inside a
        double-quoted one. A quotation left open at the end of its paragraph is kept (with
        ``close=None``) only when the next paragraph opens with a quotation mark, news style for a
        quote that runs on; otherwise the unbalanced mark pairs with nothing. Apostrophes
        (``Russia’s``, ``’90s``, ``rock ’n’ roll``) and inch marks (``a 6" pipe``) are not
        quotation marks.
        """
        slots: list[Quotation | None] = []
        double2 = self.rules.double_apostrophes
        carried = False
        n_par = len(paragraphs)
        for k, p in enumerate(paragraphs):
            ps, pe = p.start, p.end
            # open quotations: offset of the mark, its kind (the mark's closing form), its slot
            outer = inner = -1
            outer_kind = inner_kind = ""
            outer_slot = inner_slot = -1
            outer_continues = False
            outer_w = inner_w = 1
            skip = -1
            last_straight = -1
            for m in self._marks.finditer(text, ps, pe):
                i = m.start()
                if i == skip:
                    continue
                w = m.end() - i  # 2 for '' (a double quotation mark in some copy), else 1
                c = text[i] if w == 1 else '"'
                prev = text[i - 1] if i > ps else " "
                nxt = text[i + w] if i + w < pe else " "
                if c in "’'‘":
                    if nxt.isdigit() and _DECADE.match(text, i + 1, pe):
                        continue  # ’90s
                    if (
                        nxt == "n"
                        and i + 2 < pe
                        and text[i + 2] in "’'"
                        and not text[i + 3 : i + 4].isalnum()
                    ):
                        skip = i + 2  # rock ’n’ roll
                        continue
                kind = _CLOSING_FORM[c]
                # the offset of an open quotation of this kind, or -1
                same = inner if inner_kind == kind else (outer if outer_kind == kind else -1)
                can_open = (prev.isspace() or prev in _OPENING_CONTEXT) and not nxt.isspace()
                can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSING_CONTEXT)
                if c == '"' or c == "'":
                    if prev.isdigit() and nxt not in _CLOSING_CONTEXT:
                        # 6" pipe, 5' 10": a measure, unless it closes a quotation ("50-50" chance)
                        if c == "'" or same < 0:
                            continue
                        if last_straight < 0:
                            last_straight = max(text.rfind('"', ps, pe), text.rfind("''", ps, pe))
                        if (
                            i < last_straight
                            and (i - same > 40 or any(ch.isspace() for ch in text[same + 1 : i]))
                            and (nxt.isalpha() or nxt == "-" or text[i + w + 1 : i + w + 2].islower())
                        ):
                            continue
                    if can_open != can_close:
                        open_now = can_open
                    elif can_open or (prev.isspace() and nxt.isspace()) or (prev in ",:;" and nxt.isalnum()):
                        # either way, between spaces, or after a comma (said,"From): toggle
                        open_now = same < 0
                    else:
                        continue  # inside a word: OPEC"s
                elif can_open != can_close and c in "“”":
                    open_now = can_open  # a curly mark in the other's position: unusual,“ said
                else:
                    open_now = c in "“‘"
                if open_now:
                    if outer < 0:
                        if kind not in '”"':
                            continue  # single quotes pair only inside a double-quoted quotation
                        outer, outer_kind, outer_slot, outer_w = i, kind, len(slots), w
                        outer_continues = carried and i == ps
                    elif kind == outer_kind:
                        # the earlier mark was unbalanced: start again here
                        slots[outer_slot] = None
                        if inner >= 0:
                            slots[inner_slot] = None
                            inner, inner_kind = -1, ""
                        outer, outer_slot, outer_w = i, len(slots), w
                        outer_continues = False
                    else:
                        if inner >= 0:
                            slots[inner_slot] = None
                        inner, inner_kind, inner_slot, inner_w = i, kind, len(slots), w
                    slots.append(None)
                elif inner >= 0 and kind == inner_kind:
                    slots[inner_slot] = Quotation(
                        open=inner, close=i + w - 1, content=_span(text, inner + inner_w, i), level=1
                    )
                    inner, inner_kind = -1, ""
                elif outer >= 0 and kind in '”"':
                    if inner >= 0:
                        slots[inner_slot] = None
                        inner, inner_kind = -1, ""
                    slots[outer_slot] = Quotation(
                        open=outer,
                        close=i + w - 1,
                        content=_span(text, outer + outer_w, i),
                        continues=outer_continues,
                    )
                    outer, outer_kind = -1, ""
            if inner >= 0:
                slots[inner_slot] = None
            carried = False
            if outer >= 0:
                nxt_start = paragraphs[k + 1].start if k + 1 < n_par else -1
                if nxt_start >= 0 and (
                    text[nxt_start] in '“"' or (double2 and text.startswith("''", nxt_start))
                ):
                    slots[outer_slot] = Quotation(
                        open=outer,
                        close=None,
                        content=_span(text, outer + outer_w, pe),
                        continues=outer_continues,
                    )
                    carried = True
                else:
                    slots[outer_slot] = None
        return tuple(q for q in slots if q is not None)
