"""Pattern helpers: alternations of phrases, the word before an offset."""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["WORD_BEFORE", "alternation"]

WORD_BEFORE = regex.compile(r"([\w’'.]+)[\s,]*$", regex.REVERSE)
"""The word (letters, digits, apostrophes, periods) before an offset, past spaces and commas.

Search it backwards over a short window: ``WORD_BEFORE.search(text, max(0, start - 30), start)``.
"""


def alternation(words: Iterable[str]) -> str:
    """A ``regex`` alternation of ``words``, escaped, longest first (ties in alphabetical order), so
    that the longest phrase wins where several start together. An empty list gives a pattern that
    cannot match."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique) or "(?!)"
