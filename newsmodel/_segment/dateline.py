"""The dateline pass: the dateline opening a text, after a correction note or a byline."""

from __future__ import annotations

import regex

from ..model import Dateline, Span
from .tables import SegmentTables

__all__ = ["find_head"]

# A correction note in parentheses before the dateline: "(This version of the story corrects ...)"
_NOTE = regex.compile(r"\((?P<note>[^()\n]{2,500})\)\s{1,10}")

Head = tuple[Dateline | None, Span | None, Span | None]


def find_head(text: str, tables: SegmentTables) -> Head:
    """``(dateline, note, byline)`` of the head of ``text``: each ``None`` when absent.

    The dateline patterns are tried in order at the start of the text (past whitespace and a
    byte-order mark), then after a correction note in parentheses.
    """
    limit = min(len(text), 1200)
    pos = 0
    while pos < limit and pos < 50 and (text[pos].isspace() or text[pos] == "\ufeff"):  # byte-order mark
        pos += 1
    note: Span | None = None
    m = _match_head(tables, text, pos, limit)
    if m is None:
        n = _NOTE.match(text, pos, limit)
        if n is None:
            return None, None, None
        m = _match_head(tables, text, n.end(), limit)
        if m is None:
            return None, None, None
        note = Span.of(text, n.start(), n.end("note") + 1)
    groups = m.groupdict()
    loc = groups.get("loc") or ""
    if not groups.get("agency") and not groups.get("date") and not _stands_alone(text, m, loc):
        return None, None, None
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


def _stands_alone(text: str, m: regex.Match[str], loc: str) -> bool:
    """Whether a place with neither agency nor date is a dateline: long enough to be a place, and
    followed by a story rather than more of a headline in capitals."""
    if sum(c.isalpha() for c in loc) < 3:
        return False  # "US - China talks": too short to be a place without an agency
    after = text[m.end() : m.end() + 80].split("\n", 1)[0]
    # "SOCCER - JAPAN GET LUCKY WIN": a headline, not a story
    return not (any(c.isalpha() for c in after) and not any(c.islower() for c in after))


def _match_head(tables: SegmentTables, text: str, pos: int, limit: int) -> regex.Match[str] | None:
    for head in tables.heads:  # every article tries them: the compiled pattern's match, directly
        m = head.compiled.match(text, pos, limit)
        if m is not None:
            return m
    return None
