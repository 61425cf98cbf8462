"""What the stages hand each other: the :class:`Context` of one article and the :class:`Cast`.

A stage is a callable taking the :class:`Context` built so far and returning its own part of the
result (times, a cast of actors, statements, events). :class:`~newsmodel.Parser` runs the stages
in order and evolves the context between them; a stage never reaches into another's internals,
and the context is immutable.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Protocol, TypeVar, runtime_checkable

import attrs
import regex

from . import _trusted
from .model import Actor, ActorKind, Mention, Statement, TimeExpression
from .segment import Segmentation

__all__ = ["Cast", "CastRefiningStage", "Context", "Stage", "actor_slug", "new_actor_id"]

_new = object.__new__
_BY_SPAN = operator.itemgetter(0, 1)

T_co = TypeVar("T_co", covariant=True)

_SLUG = regex.compile(r"[^\p{L}\p{N}]+")


def actor_slug(name: str) -> str:
    """The id an actor named ``name`` gets, before numbering on a clash: lower case, words joined
    by hyphens, at most 60 characters (``"Rex Tillerson"``: ``"rex-tillerson"``)."""
    folded = name.casefold()
    if folded.replace(" ", "").isalpha() and "  " not in folded and folded[:1] != " " and folded[-1:] != " ":
        return folded.replace(" ", "-")[:60]  # letters and single spaces: the common case
    return _SLUG.sub("-", folded).strip("-")[:60]


def new_actor_id(name: str, used: set[str]) -> str:
    """An id for an actor named ``name`` that ``used`` does not hold (its :func:`actor_slug`,
    ``-2``, ``-3`` ... on a clash), added to ``used``."""
    slug = actor_slug(name) or "actor"
    ident, n = slug, 1
    while ident in used:
        n += 1
        ident = f"{slug}-{n}"
    used.add(ident)
    return ident


def mention_order(m: tuple[int, int, Actor]) -> tuple[int, int]:
    """Sort key of ``(start, end, actor)`` mentions: by start, the longest first among those
    starting together (the order of :meth:`Cast.mention_spans`)."""
    return (m[0], -m[1])


@attrs.frozen(kw_only=True)
class Cast:
    """The actors of an article, and the lookups later stages ask of them.

    Attributes:
        actors: every actor, in order of first mention.
        country_names: the name the actor stage gives each country (by ISO 3166-1 alpha-3 code),
            for a later stage that adds a country actor (:meth:`with_mentions`); empty when the
            actor stage gives none (pycountry's common name is used then).
    """

    actors: tuple[Actor, ...] = ()
    country_names: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    _index: tuple[tuple[int, int, Mention, Actor], ...] = attrs.field(init=False, repr=False, eq=False)
    _starts: list[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.actors:  # the cast of an article without actors: nothing to index
            _set_index(self, ())
            _set_starts(self, [])
            return
        index = [(m.span.start, m.span.end, m, a) for a in self.actors for m in a.mentions]
        index.sort(key=_BY_SPAN)
        _set_index(self, tuple(index))
        _set_starts(self, [t[0] for t in index])

    @classmethod
    def _of_index(
        cls,
        actors: tuple[Actor, ...],
        country_names: Mapping[str, str],
        index: list[tuple[int, int, Mention, Actor]],
    ) -> Cast:
        """The cast of ``actors`` whose mentions, as ``(start, end, mention, actor)``, ``index``
        holds in the order ``__attrs_post_init__`` sorts them to (the actor stage has them so)."""
        cast: Cast = object.__new__(cls)
        object.__setattr__(cast, "actors", actors)
        object.__setattr__(cast, "country_names", country_names)
        object.__setattr__(cast, "_index", tuple(index))
        object.__setattr__(cast, "_starts", [t[0] for t in index])
        return cast

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

    def country_name(self, code: str) -> str:
        """The name of the country with this ISO 3166-1 alpha-3 code: the actor stage's, else
        pycountry's common name, else the code."""
        name = self.country_names.get(code)
        if name is not None:
            return name
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
        return (getattr(found, "common_name", None) or found.name) if found is not None else code

    def with_mentions(self, added: Iterable[tuple[Actor, Mention]]) -> Cast:
        """This cast with more mentions, as a stage after the actor stage refines it.

        Each ``(actor, mention)`` adds ``mention`` to ``actor``: an actor of this cast, or a new
        one (any ``id``, no mentions), which joins the cast with an id of its own (the slug of its
        name, numbered on a clash: :func:`actor_slug`). A mention overlapping one the cast already
        holds (or one added before it) is left out, as the actor stage leaves out overlaps. The
        actors stay in order of first mention and keep their ids; those that gain mentions are new
        :class:`~newsmodel.model.Actor` values (the old ones are not in the new cast), built, like
        the shipped stages' actors, without the constructor's checks (the mentions given are
        already checked :class:`~newsmodel.model.Mention` values).
        """
        spans = [(s, e) for s, e, _, _ in self._index]
        starts = list(self._starts)
        extra: dict[int, list[Mention]] = {}
        new: dict[int, Actor] = {}
        held = {id(a) for a in self.actors}
        for actor, mention in added:
            s, e = mention.span.start, mention.span.end
            i = bisect.bisect_left(starts, e)
            # Mentions are short: look back over the few that start before the end.
            j = i - 1
            clash = False
            while j >= 0 and e - spans[j][0] < 400:
                if spans[j][1] > s:
                    clash = True
                    break
                j -= 1
            if clash:
                continue
            starts.insert(i, s)
            spans.insert(i, (s, e))
            extra.setdefault(id(actor), []).append(mention)
            if id(actor) not in held:
                new.setdefault(id(actor), actor)
        if not extra:
            return self
        used = {a.id for a in self.actors}
        actors = []
        for actor in (*self.actors, *new.values()):
            more = extra.get(id(actor))
            if more is None:
                actors.append(actor)
                continue
            mentions = tuple(sorted((*actor.mentions, *more), key=lambda m: m.span.start))
            ident = new_actor_id(actor.name, used) if id(actor) in new else actor.id
            actors.append(
                _trusted.actor(
                    id=ident,
                    name=actor.name,
                    kind=actor.kind,
                    country=actor.country,
                    sector=actor.sector,
                    roles=actor.roles,
                    mentions=mentions,
                )
            )
        actors.sort(key=lambda a: a.mentions[0].span.start)
        return Cast(actors=tuple(actors), country_names=self.country_names)

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


_set_index = Cast._index.__set__  # type: ignore[attr-defined]
_set_starts = Cast._starts.__set__  # type: ignore[attr-defined]
_set_text = Context.text.__set__  # type: ignore[attr-defined]
_set_published = Context.published.__set__  # type: ignore[union-attr]
_set_headline = Context.headline.__set__  # type: ignore[union-attr]
_set_segments = Context.segments.__set__  # type: ignore[attr-defined]
_set_times = Context.times.__set__  # type: ignore[attr-defined]
_set_cast = Context.cast.__set__  # type: ignore[attr-defined]
_set_statements = Context.statements.__set__  # type: ignore[attr-defined]
_set_clause_break = Context.clause_break.__set__  # type: ignore[union-attr]


def context_of(
    text: str,
    published: date | None,
    headline: str | None,
    segments: Segmentation,
    times: tuple[TimeExpression, ...],
    cast: Cast,
    statements: tuple[Statement, ...],
    clause_break: regex.Pattern[str] | None,
) -> Context:
    """``Context(text=text, ...)`` with every field given, built as its ``__init__`` builds it
    (the class has no converter, validator nor post-init) at a fraction of the cost: the parser
    builds four per article."""
    c: Context = _new(Context)
    _set_text(c, text)
    _set_published(c, published)
    _set_headline(c, headline)
    _set_segments(c, segments)
    _set_times(c, times)
    _set_cast(c, cast)
    _set_statements(c, statements)
    _set_clause_break(c, clause_break)
    return c


class Stage(Protocol[T_co]):
    """A pipeline stage: called with the context so far, returns its part of the result."""

    def __call__(self, context: Context) -> T_co: ...


@runtime_checkable
class CastRefiningStage(Protocol[T_co]):
    """A stage that, besides its own part, refines the cast of the actor stage.

    :class:`~newsmodel.Parser` calls :meth:`refine` instead of the stage itself when the stage
    has one, and carries the refined cast into the :class:`Context` of the later stages and into
    the :class:`~newsmodel.Article`. The statement stage is one: who speaks a quotation tells
    who its ``we`` is. A stage without ``refine`` leaves the cast as it is.
    """

    def __call__(self, context: Context) -> T_co: ...

    def refine(self, context: Context) -> tuple[T_co, Cast]:
        """The stage's part and the cast refined by it; what it returns refers to the actors of
        the refined cast."""
        ...
