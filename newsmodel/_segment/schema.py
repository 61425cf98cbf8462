"""The value types of ``segment.toml``, checked as the rules are structured.

An entry of a word list is a :data:`SegmentWord`, a dateline dash a :data:`Dash`; the validators
check what a type cannot say (a non-empty id, bounded quantifiers, a wrap width in range). Each
error names the file and the key path (see :class:`~newsmodel.rules.RuleSet`).
"""

from __future__ import annotations

from typing import Any, NewType

import attrs
import regex

from ..rules._schema import CONVERTER

__all__ = ["Dash", "SegmentWord", "Words", "bounded", "non_empty", "wrap_width"]

SegmentWord = NewType("SegmentWord", str)
"""An entry of a segmentation word list: words of letters, digits, apostrophes, ampersands,
hyphens or periods, separated by single spaces (``Gov``, ``Moody's``, ``EDITOR'S NOTE``)."""
Dash = NewType("Dash", str)
"""A dateline dash: one to three dash characters (``-``, ``--``, ``—``)."""
Words = tuple[SegmentWord, ...]

_WORD_ENTRY = regex.compile(r"[\w'’&.\-]+(?: [\w'’&.\-]+)*")
_UNBOUNDED = regex.compile(r"(?<!\\)[+*]|\{\d*,\}")


def _segment_word(value: Any, _: type) -> SegmentWord:
    if not isinstance(value, str) or not _WORD_ENTRY.fullmatch(value):
        raise TypeError(
            "expected words of letters, digits, apostrophes, ampersands, hyphens or periods, separated by "
            f"single spaces, got {value!r}"
        )
    return SegmentWord(value)


def _dash(value: Any, _: type) -> Dash:
    if not isinstance(value, str) or not regex.fullmatch(r"\p{Pd}{1,3}", value):
        raise TypeError(f"expected one to three dashes, got {value!r}")
    return Dash(value)


CONVERTER.register_structure_hook(SegmentWord, _segment_word)
CONVERTER.register_structure_hook(Dash, _dash)


def non_empty(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...] | str) -> None:
    if not value:
        raise TypeError(f"expected {attribute.name} to be non-empty")


def bounded(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if _UNBOUNDED.search(value):
        raise TypeError(
            f"expected bounded quantifiers in {attribute.name} (write {{1,3}}, not + or *): "
            f"unbounded quantifier in {value!r}"
        )


def wrap_width(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 20 <= value <= 10_000:
        raise TypeError(f"expected {attribute.name} to be an integer from 20 to 10000, got {value!r}")
