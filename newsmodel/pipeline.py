"""What the stages hand each other: the :class:`Context` of one article and the :class:`Cast`.

A stage is a callable taking the :class:`Context` built so far and returning its own part of the
result (times, a cast of actors, statements, events). :class:`~newsmodel.Parser` runs the stages
in order and evolves the context between them; a stage never reaches into another's internals,
and the context is immutable.
"""

from __future__ import annotations

import bisect
import operator
from datetime import date
from typing import Protocol, TypeVar

import attrs
import regex

from .model import Actor, ActorKind, Mention, Statement, TimeExpression
from .segment import Segmentation

__all__ = ["Cast", "Context", "Stage"]

T_co = TypeVar("T_co", covariant=True)


def mention_order(m: tuple[int, int, Actor]) -> tuple[int, int]:
    """Sort key of ``(start, end, actor)`` mentions: by start, the longest first among those
    starting together (the order of :meth:`Cast.mention_spans`)."""
    return (m[0], -m[1])


@attrs.frozen(kw_only=True)
class Cast:
    """The actors of an article, and the lookups later stages ask of them.

    Attributes:
        actors: every actor, in order of first mention.
    """

    actors: tuple[Actor, ...] = ()
    _index: tuple[tuple[int, int, Mention, Actor], ...] = attrs.field(init=False, repr=False, eq=False)
    _starts: list[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index = sorted(
            ((m.span.start, m.span.end, m, a) for a in self.actors for m in a.mentions),
            key=operator.itemgetter(0, 1),
        )
        object.__setattr__(self, "_index", tuple(index))
        object.__setattr__(self, "_starts", [t[0] for t in index])

    def mentions_between(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        """Mentions lying wholly inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._index) and self._index[i][0] < end:
            _, e, m, a = self._index[i]
            if e <= end:
                out.append((m, a))
            i += 1
        return out

    def mention_spans(self) -> list[tuple[int, int, Actor]]:
        """Every mention as ``(start, end, actor)``, in text order; of mentions starting together,
        the longest first.
        """
        out = [(s, e, a) for s, e, _, a in self._index]
        if len(set(self._starts)) != len(self._starts):
            out.sort(key=mention_order)
        return out

    def mention_at(self, start: int, end: int | None = None) -> tuple[Mention, Actor] | None:
        """The mention covering ``[start, end)`` (or the offset ``start``); the longest if several do."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._starts, start)
        best: tuple[Mention, Actor] | None = None
        best_len = -1
        # Mentions are short; look back over the few that start before ``start``.
        j = i - 1
        while j >= 0 and start - self._index[j][0] < 200:
            s, e, m, a = self._index[j]
            if s <= start and end <= e and e - s > best_len:
                best, best_len = (m, a), e - s
            j -= 1
        return best

    def actor_at(self, start: int, end: int | None = None) -> Actor | None:
        """The actor a mention covering ``[start, end)`` refers to, if any.

        When no single mention covers a longer span, such as a speaker's words
        ``"U.S. Secretary of State Rex Tillerson"`` (whose name mention is ``"Rex Tillerson"``
        and whose ``"U.S."`` is a mention of the United States), the span is read as a noun
        phrase and its head answers: the last mention inside it that is not a country or a place
        (a title's country comes first), else the last mention inside it.
        """
        found = self.mention_at(start, end)
        if found is not None:
            return found[1]
        if end is None:
            return None
        return self.head_actor(start, end)

    def head_actor(self, start: int, end: int) -> Actor | None:
        """The head of the noun phrase ``[start, end)``: see :meth:`actor_at`."""
        inside = self.mentions_between(start, end)
        if not inside:
            return None
        for _, actor in reversed(inside):
            if actor.kind not in (ActorKind.COUNTRY, ActorKind.LOCATION):
                return actor
        return inside[-1][1]

    def mentions_of(self, actor: Actor) -> tuple[Mention, ...]:
        """Every mention of ``actor`` (the same as ``actor.mentions``), for symmetry with the lookups."""
        return actor.mentions

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, if any."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Distinct actors mentioned inside ``[start, end)``, in order of their first mention there."""
        seen: dict[str, Actor] = {}
        for _, a in self.mentions_between(start, end):
            seen.setdefault(a.id, a)
        return list(seen.values())


@attrs.frozen(kw_only=True)
class Context:
    """One article on its way through the pipeline.

    Attributes:
        text: the text, exactly as given.
        published: the publication date, if given (a ``datetime`` when it carries a time of day).
        headline: the headline, if given.
        segments: what the segmenter found.
        times: time expressions (after the time stage).
        cast: actors and their mentions (after the actor stage).
        statements: statements (after the statement stage).
        clause_break: what ends a clause under the parser's time rules (set with ``times``), for
            :func:`~newsmodel.times.governing_time`; ``None`` means the shipped rules'.
    """

    text: str
    published: date | None
    headline: str | None
    segments: Segmentation
    times: tuple[TimeExpression, ...] = ()
    cast: Cast = attrs.field(factory=Cast)
    statements: tuple[Statement, ...] = ()
    clause_break: regex.Pattern[str] | None = attrs.field(default=None, eq=False, repr=False)


class Stage(Protocol[T_co]):
    """A pipeline stage: called with the context so far, returns its part of the result."""

    def __call__(self, context: Context) -> T_co: ...
