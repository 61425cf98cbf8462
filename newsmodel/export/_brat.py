"""brat standoff annotation: the ``.ann`` file of an article, and a reader for it."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import attrs

from ..errors import InvalidArgumentError
from ..model import Actor, Article, Event, Statement, TimeExpression
from ._tables import _check


@attrs.frozen(kw_only=True)
class BratAnnotation:
    """One line of a brat standoff ``.ann`` file, as :func:`read_brat` reads it.

    Attributes:
        id: ``T3``, ``E1``, ``A2``, ``#1``, or ``*`` for an equivalence (coreference) line.
        type: the entity, event, attribute or equivalence type, or ``AnnotatorNotes``.
        spans: the character ranges of a text-bound annotation (``T``), one per fragment.
        text: the text of a text-bound annotation (fragments joined by a space), or a note's text.
        args: an event's ``(role, id)`` pairs, its trigger first as ``(type, id)``; the ids an
            equivalence groups as ``("", id)``; an attribute's or a note's target as ``("", id)``.
        value: an attribute's value.
    """

    id: str
    type: str
    spans: tuple[tuple[int, int], ...] = ()
    text: str = ""
    args: tuple[tuple[str, str], ...] = ()
    value: str | None = None


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    # brat keeps a text-bound annotation on one line: a span across line breaks becomes fragments
    out = []
    at = start
    for i in range(start, end + 1):
        if i == end or text[i] in "\n\r":
            if i > at:
                out.append((at, i))
            at = i + 1
    return out or [(start, start)]  # nothing but line breaks: brat can only hold an empty span


class _Brat:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.t = self.e = self.a = self.notes = 0
        self.bound: dict[tuple[str, int, int], str] = {}
        self.mention_ids: dict[str, list[tuple[int, int, str]]] = {}
        self.time_ids: dict[tuple[int, int], str] = {}
        self.ordered: dict[str, list[tuple[int, int, str]]] = {}
        self.starts: dict[str, list[int]] = {}

    def entity(self, type_: str, start: int, end: int, *, share: bool = True) -> str:
        key = (type_, start, end)
        if share and key in self.bound:
            return self.bound[key]
        self.t += 1
        tid = f"T{self.t}"
        frags = _fragments(self.text, start, end)
        where = ";".join(f"{s} {e}" for s, e in frags)
        words = " ".join(self.text[s:e] for s, e in frags)
        self.lines.append(f"{tid}\t{type_} {where}\t{words}")
        self.bound[key] = tid
        return tid

    def event(self, type_: str, trigger: str, args: list[tuple[str, str]]) -> str:
        self.e += 1
        eid = f"E{self.e}"
        self.lines.append(f"{eid}\t{type_}:{trigger}" + "".join(f" {r}:{i}" for r, i in args))
        return eid

    def attribute(self, type_: str, target: str, value: str) -> None:
        self.a += 1
        self.lines.append(f"A{self.a}\t{type_} {target} {value}")

    def note(self, target: str, note: str) -> None:
        self.notes += 1
        note = note.replace("\r", " ").replace("\n", " ")
        self.lines.append(f"#{self.notes}\tAnnotatorNotes {target}\t{note}")

    def add_actors(self, actors: Iterable[Actor]) -> None:
        import json

        for a in actors:
            ids = []
            for i, m in enumerate(a.mentions):
                tid = self.entity(a.kind.name, m.span.start, m.span.end, share=False)
                self.attribute("Mention", tid, m.kind.name)
                if i == 0:
                    about = {
                        "id": a.id,
                        "name": a.name,
                        "kind": a.kind.name,
                        "country": a.country,
                        "sector": a.sector,
                        "roles": list(a.roles),
                    }
                    self.note(tid, json.dumps(about, ensure_ascii=False))
                ids.append((m.span.start, m.span.end, tid))
            self.mention_ids[a.id] = ids
            if len(ids) > 1:
                self.lines.append("*\tCoref " + " ".join(t for _, _, t in ids))

    def add_times(self, times: Iterable[TimeExpression]) -> None:
        for t in times:
            key = (t.span.start, t.span.end)
            tid = self.entity("TIMEX3", *key)
            if key not in self.time_ids:
                self.attribute("Type", tid, t.kind.name)
                self.note(tid, f"value={t.value}" + (f" mod={t.mod}" if t.mod else ""))
            self.time_ids[key] = tid

    def time_arg(self, time: TimeExpression | None) -> list[tuple[str, str]]:
        if time is None:
            return []
        key = (time.span.start, time.span.end)
        if key not in self.time_ids:
            self.time_ids[key] = self.entity("TIMEX3", *key)
        return [("Time", self.time_ids[key])]

    def index_mentions(self) -> None:
        # each actor's mentions by offset: long articles have actors with thousands of them
        self.ordered = {key: sorted(ids) for key, ids in self.mention_ids.items()}
        self.starts = {key: [m[0] for m in ids] for key, ids in self.ordered.items()}

    def add_statement(self, s: Statement) -> None:
        trigger = s.cue or s.content
        tid = self.entity("Statement", trigger.start, trigger.end)
        args: list[tuple[str, str]] = []
        if s.source is not None:
            args.append(("Source", self.entity("Source", s.source.start, s.source.end)))
        args.append(("Content", self.entity("Content", s.content.start, s.content.end)))
        if s.speaker is not None and s.source is not None:
            ids, at = self.ordered.get(s.speaker.id, []), self.starts.get(s.speaker.id, [])
            lo, hi = bisect.bisect_left(at, s.source.start), bisect.bisect_left(at, s.source.end)
            inside = [t for _, b, t in ids[lo:hi] if b <= s.source.end]
            if inside:
                args.append(("Speaker", inside[-1]))
        args.extend(self.time_arg(s.time))
        eid = self.event("Statement", tid, args)
        self.attribute("Kind", eid, s.kind.name)

    def nearest(self, actor: Actor, event: Event) -> str | None:
        """The actor's mention nearest the trigger in the event's sentence, else anywhere."""
        ids, at = self.ordered.get(actor.id, []), self.starts.get(actor.id, [])
        lo = bisect.bisect_left(at, event.sentence.start)
        hi = bisect.bisect_left(at, event.sentence.end)
        if lo == hi:
            lo, hi = 0, len(ids)
        if lo == hi:
            return None
        i = bisect.bisect_left(at, event.trigger.start, lo, hi)
        near = [j for j in (i - 1, i) if lo <= j < hi]
        return ids[min(near, key=lambda j: (abs(at[j] - event.trigger.start), at[j]))][2]

    def add_event(self, e: Event) -> None:
        tid = self.entity(e.kind.name, e.trigger.start, e.trigger.end)
        args: list[tuple[str, str]] = []
        for role, group in (("Source", e.sources), ("Target", e.targets)):
            found = [m for m in (self.nearest(a, e) for a in group) if m is not None]
            args.extend((_numbered(role, n), m) for n, m in enumerate(found))
        if e.location is not None:
            where = self.nearest(e.location, e)
            if where is not None:
                args.append(("Location", where))
        args.extend(self.time_arg(e.time))
        eid = self.event(e.kind.name, tid, args)
        self.attribute("Mode", eid, e.mode.name)


def _numbered(role: str, n: int) -> str:
    return role if n == 0 else f"{role}{n + 1}"


def brat(article: Article) -> str:
    """The article as brat standoff annotation: the ``.ann`` file that goes beside ``article.text``.

    Save the text unchanged as the ``.txt`` file (``open(path, "w", encoding="utf-8",
    newline="")``: brat's offsets count characters of the file as written). The annotation holds:

    - every mention as an entity typed by its actor's kind (``PERSON``, ``COUNTRY`` ...), with a
      ``Mention`` attribute (``NAME``, ``PRONOUN`` ...); the mentions of one actor grouped by a
      ``Coref`` equivalence; on the actor's first mention a note with the actor as JSON (``id``,
      ``name``, ``kind``, ``country``, ``sector``, ``roles``);
    - every time expression as a ``TIMEX3`` entity with a ``Type`` attribute (``DATE`` ...) and a
      note ``value=... mod=...``;
    - every statement as a ``Statement`` event: its cue as trigger (the content when there is no
      cue), ``Source`` (the words naming the speaker), ``Content``, ``Speaker`` (the speaker's
      mention inside the source, if any) and ``Time`` arguments, and a ``Kind`` attribute;
    - every event as an event of its PLOVER category: the trigger, ``Source``, ``Source2`` ... and
      ``Target`` ... (each actor's mention nearest the trigger in the event's sentence, else its
      nearest mention), ``Location`` and ``Time``, and a ``Mode`` attribute.

    A span across a line break is written as fragments, as brat requires (the line breaks at
    either end of a span are thus left out, and a span of nothing but line breaks is written empty).

    >>> import newsmodel
    >>> from newsmodel import export
    >>> ann = export.brat(newsmodel.parse("Russia accused Israel of spying."))
    >>> print(ann.replace("\\t", " | "), end="")  # the file separates fields with tabs
    T1 | COUNTRY 0 6 | Russia
    A1 | Mention T1 NAME
    #1 | AnnotatorNotes T1 | {"id": "russia", "name": "Russia", "kind": "COUNTRY", "country": "RUS", "sector": null, "roles": []}
    T2 | COUNTRY 15 21 | Israel
    A2 | Mention T2 NAME
    #2 | AnnotatorNotes T2 | {"id": "israel", "name": "Israel", "kind": "COUNTRY", "country": "ISR", "sector": null, "roles": []}
    T3 | ACCUSE 7 14 | accused
    E1 | ACCUSE:T3 Source:T1 Target:T2
    A3 | Mode E1 ASSERTED
    """
    _check(article, None)
    out = _Brat(article.text)
    out.add_actors(article.actors)
    out.add_times(article.times)
    out.index_mentions()
    for s in article.statements:
        out.add_statement(s)
    for e in article.events:
        out.add_event(e)
    return "\n".join(out.lines) + ("\n" if out.lines else "")


def read_brat(ann: str) -> tuple[BratAnnotation, ...]:
    """The annotations of a brat standoff ``.ann`` file, in file order.

    Reads the lines :func:`brat` writes and any brat file's entities (``T``), events (``E``),
    relations (``R``), attributes (``A``/``M``), notes (``#``) and equivalences (``*``).

    Raises:
        InvalidArgumentError: if ``ann`` is not a ``str`` or a line cannot be read, naming it.
    """
    if not isinstance(ann, str):
        raise InvalidArgumentError(f"a brat .ann file is a str, not {type(ann).__name__}")
    out = []
    for number, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            out.append(_brat_line(line))
        except (ValueError, IndexError):
            raise InvalidArgumentError(f"line {number} is not a brat annotation: {line[:60]!r}") from None
    return tuple(out)


def _brat_line(line: str) -> BratAnnotation:
    ident, rest = line.split("\t", 1)
    head, _, tail = rest.partition("\t")
    if ident.startswith("T"):
        type_, where = head.split(" ", 1)
        spans = tuple((int(s), int(e)) for s, e in (f.split(" ") for f in where.split(";")))
        return BratAnnotation(id=ident, type=type_, spans=spans, text=tail)
    if ident.startswith("E"):
        parts = [p.split(":", 1) for p in head.split()]
        return BratAnnotation(id=ident, type=parts[0][0], args=tuple((r, i) for r, i in parts))
    if ident.startswith("R"):
        type_, *args = head.split()
        return BratAnnotation(id=ident, type=type_, args=tuple(tuple(a.split(":", 1)) for a in args))  # type: ignore[misc]
    if ident.startswith(("A", "M")):
        type_, target, *value = head.split()
        return BratAnnotation(id=ident, type=type_, args=(("", target),), value=value[0] if value else None)
    if ident.startswith("#"):
        type_, target = head.split()
        return BratAnnotation(id=ident, type=type_, args=(("", target),), text=tail)
    if ident == "*":
        type_, *members = head.split()
        return BratAnnotation(id=ident, type=type_, args=tuple(("", m) for m in members))
    raise ValueError(ident)
