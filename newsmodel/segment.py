"""Segmentation: the dateline, paragraphs, sentences, tokens and paired quotation marks.

This is the first stage of the pipeline and runs once per article; every later stage reads its
:class:`Segmentation` instead of splitting the text again. The rules (abbreviations, sentence
starters, news agencies, dateline styles) are data in ``newsmodel/rules/segment.toml``, structured
into a :class:`SegmentRules`; see ``docs/segmentation.md`` for what is found and why.

The passes live in ``newsmodel/_segment``: ``tables`` (compiling the rules), ``dateline``,
``paragraphs``, ``sentences`` and ``quotations`` (one pass each; the tokens are one pattern of
``tables``), ``segmentation`` (:class:`Segmentation` and :class:`Quotation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ._segment.dateline import find_head
from ._segment.paragraphs import find_paragraphs
from ._segment.quotations import find_quotations
from ._segment.schema import Dash, Words, bounded, non_empty, wrap_width
from ._segment.segmentation import Quotation, Segmentation, segmentation
from ._segment.sentences import find_sentences
from ._segment.tables import SegmentTables, compile_tables
from .model import Dateline, Span
from .rules import RuleSet
from .rules._schema import Source

__all__ = [
    "DatelineRules",
    "DatelineStyle",
    "ParagraphRules",
    "Quotation",
    "QuotationRules",
    "SegmentRules",
    "Segmentation",
    "Segmenter",
    "SentenceRules",
    "TokenRules",
]

# --------------------------------------------------------------------------------------------------
# Rules


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

    id: str = attrs.field(validator=non_empty)
    pattern: str = attrs.field(validator=[non_empty, bounded])
    examples: tuple[str, ...] = ()


@attrs.frozen
class SentenceRules:
    """``[sentences]``: the words that decide where a sentence ends.

    Attributes:
        titles: abbreviations standing before a name that never end a sentence (``Gov``).
        abbreviations: abbreviations that end a sentence only before a sentence starter (``Inc``).
        numbered: abbreviations that never end a sentence before a number (``No``).
        starters: capitalised function words that start a sentence (``The``, ``He``, ``But``).
    """

    titles: Words = ()
    abbreviations: Words = ()
    numbered: Words = ()
    starters: Words = ()


@attrs.frozen
class DatelineRules:
    """``[dateline]``: the words of datelines, and the house styles.

    Attributes:
        agencies: news agencies named in parentheses in a dateline (``Reuters``, ``AP``).
        months: month names a dateline may carry (``March``, ``Sept``); the shipped file takes
            them from ``english.toml``.
        separators: the dashes that end a dateline.
        place_particles: lowercase words inside a place name (``Republic of Congo``).
        byline_words: words that open a byline (``By``).
        headings: words that open a story as a heading, not a place (``BREAKING:``, ``UPDATE:``).
        styles: house styles of dateline beyond the wire style, tried first (:class:`DatelineStyle`).
    """

    agencies: Words = ()
    months: Words = ()
    separators: tuple[Dash, ...] = attrs.field(default=(Dash("-"),), validator=non_empty)
    place_particles: Words = ()
    byline_words: Words = ()
    headings: Words = ()
    styles: tuple[DatelineStyle, ...] = ()


@attrs.frozen
class TokenRules:
    """``[tokens]``: what an apostrophe splits from its word.

    Attributes:
        clitics: what an apostrophe splits from its word as a token of its own (``’s``, ``’t``).
        elisions: words written between two apostrophes, a token with them and no quotation
            (``n`` of ``rock ’n’ roll``).
        decade_suffixes: what follows the digits of a decade after an apostrophe (``s`` of
            ``’90s``): a token of its own, and no quotation mark.
    """

    clitics: Words = ()
    elisions: Words = ()
    decade_suffixes: Words = ()


@attrs.frozen
class ParagraphRules:
    """``[paragraphs]``: ``wrap_width``, the longest line that may be hard-wrapped copy."""

    wrap_width: int = attrs.field(default=100, validator=wrap_width)


@attrs.frozen
class QuotationRules:
    """``[quotations]``: ``double_apostrophes``, whether two apostrophes ``''`` are a double
    quotation mark (some newspapers' copy writes ``''`` for both ``“`` and ``”``)."""

    double_apostrophes: bool = False


@attrs.frozen(eq=False, repr=False)
class SegmentRules(RuleSet):
    """The segmentation rules (``newsmodel/rules/segment.toml``), structured.

    Start from the shipped rules and add your own (a TOML file or a mapping in the same layout;
    word lists concatenate, a ``[[dateline.styles]]`` table with the id of a shipped style
    replaces it)::

        rules = SegmentRules.shipped().extend({"dateline": {"agencies": ["Wirecorp"]}})
        parser = newsmodel.Parser(segmenter=Segmenter(rules))

    The word lists are also readable under their former flat names (``rules.titles``,
    ``rules.styles``, ``rules.wrap_width`` ...).
    """

    SHIPPED: ClassVar[tuple[str | tuple[str, str], ...]] = ("segment",)

    sentences: SentenceRules = attrs.field(factory=SentenceRules)
    dateline: DatelineRules = attrs.field(factory=DatelineRules)
    tokens: TokenRules = attrs.field(factory=TokenRules)
    paragraphs: ParagraphRules = attrs.field(factory=ParagraphRules)
    quotations: QuotationRules = attrs.field(factory=QuotationRules)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "segment.toml") -> SegmentRules:
        """Deprecated: ``SegmentRules.load(data)``, rule data in the layout of ``segment.toml``.

        Raises:
            RuleError: naming the key path of a malformed entry.
        """
        return cls.load(data)

    # The flat names of the rule set before it followed the file's layout (read-only).
    @property
    def titles(self) -> frozenset[str]:
        """``sentences.titles``, as a set."""
        return frozenset(self.sentences.titles)

    @property
    def abbreviations(self) -> frozenset[str]:
        """``sentences.abbreviations``, as a set."""
        return frozenset(self.sentences.abbreviations)

    @property
    def numbered(self) -> frozenset[str]:
        """``sentences.numbered``, as a set."""
        return frozenset(self.sentences.numbered)

    @property
    def starters(self) -> frozenset[str]:
        """``sentences.starters``, as a set."""
        return frozenset(self.sentences.starters)

    @property
    def agencies(self) -> tuple[str, ...]:
        """``dateline.agencies``."""
        return self.dateline.agencies

    @property
    def months(self) -> tuple[str, ...]:
        """``dateline.months``."""
        return self.dateline.months

    @property
    def separators(self) -> tuple[str, ...]:
        """``dateline.separators``."""
        return self.dateline.separators

    @property
    def byline_words(self) -> tuple[str, ...]:
        """``dateline.byline_words``."""
        return self.dateline.byline_words

    @property
    def headings(self) -> tuple[str, ...]:
        """``dateline.headings``."""
        return self.dateline.headings

    @property
    def styles(self) -> tuple[DatelineStyle, ...]:
        """``dateline.styles``."""
        return self.dateline.styles

    @property
    def place_particles(self) -> tuple[str, ...]:
        """``dateline.place_particles``."""
        return self.dateline.place_particles

    @property
    def clitics(self) -> tuple[str, ...]:
        """``tokens.clitics``."""
        return self.tokens.clitics

    @property
    def wrap_width(self) -> int:
        """``paragraphs.wrap_width``."""
        return self.paragraphs.wrap_width

    @property
    def double_apostrophes(self) -> bool:
        """``quotations.double_apostrophes``."""
        return self.quotations.double_apostrophes


def _coerce_rules(value: SegmentRules | Source) -> SegmentRules:
    return SegmentRules.coerce(value)


# --------------------------------------------------------------------------------------------------
# The stage


@attrs.frozen
class Segmenter:
    """Finds the dateline, paragraphs, sentences, tokens and quotations of a text.

    A segmenter is immutable and compiles its patterns once; calling it never raises.

    Args:
        rules: the segmentation rules: a :class:`SegmentRules` (the shipped ones by default), or
            a TOML file or mapping in the layout of ``newsmodel/rules/segment.toml``: a path
            extends the shipped rules, a mapping is read alone.

    Raises:
        RuleError: when the rules are malformed (naming the file and the key path).

    Example:
        >>> from newsmodel.segment import Segmenter
        >>> seg = Segmenter()("WASHINGTON (Reuters) - The U.S. said so. It did.")
        >>> seg.dateline.location, [s.text for s in seg.sentences]
        ('WASHINGTON', ['WASHINGTON (Reuters) - The U.S. said so.', 'It did.'])
    """

    rules: SegmentRules = attrs.field(factory=SegmentRules.shipped, converter=_coerce_rules)
    _tables: SegmentTables = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_tables", self.rules.built(compile_tables))

    def __call__(self, text: str) -> Segmentation:
        """Segment ``text``; never raises on a ``str``."""
        tables = self._tables
        dateline, note, byline = find_head(text, tables)
        paragraphs = find_paragraphs(text, tables)
        return segmentation(
            text,
            dateline,
            paragraphs,
            find_sentences(text, tables, paragraphs, dateline, note),
            tables.token_chunks,
            find_quotations(text, tables, paragraphs),
            note,
            byline,
        )

    def find_dateline(self, text: str) -> Dateline | None:
        """The dateline opening ``text``, if there is one (after a correction note or a byline)."""
        return find_head(text, self._tables)[0]

    def find_paragraphs(self, text: str) -> tuple[Span, ...]:
        """Paragraph spans, trimmed of surrounding whitespace, in order.

        Blank lines always separate paragraphs. Inside a block of lines, a line indented deeper
        than the block's least indented line starts a paragraph (old wire copy); hard-wrapped lines
        (no longer than ``wrap_width``, some breaking mid-sentence) are joined unless a line ends a
        sentence and the next line's first word would have fitted on it; otherwise every line is a
        paragraph. A text of a single line is split where a run of spaces follows a sentence end
        (ISOT bodies, whose paragraph breaks collapsed into spaces).
        """
        return find_paragraphs(text, self._tables)

    def find_sentences(
        self, text: str, paragraphs: tuple[Span, ...], dateline: Dateline | None = None
    ) -> tuple[Span, ...]:
        """Sentence spans inside each paragraph, abbreviation-aware; the dateline opens the first."""
        return find_sentences(text, self._tables, paragraphs, dateline)

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
        return find_quotations(text, self._tables, paragraphs)
