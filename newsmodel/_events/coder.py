"""The event coder: the passes in order, triggers -> roles (and mode) -> folding -> counts -> time."""

from __future__ import annotations

from .. import _trusted
from ..model import Event, Span
from ..pipeline import Context
from .absorb import fold
from .answers import answer_targets
from .counts import attach_counts, has_count
from .lexicon import EventLexicon
from .roles import read_roles
from .state import Doc, Draft, Occurrence
from .timing import event_times
from .triggers import find_triggers, statement_triggers

__all__ = ["code_events"]


def _mention_spans(text: str, d: Draft) -> tuple[Span, ...]:
    """The other words naming the act of ``d`` (``Event.mentions``): in text order, once each."""
    if not d.mentions:
        return ()
    at = sorted({(o.start, o.end) for o in d.mentions if (o.start, o.end) != (d.trig.start, d.trig.end)})
    at = [(s, e) for n, (s, e) in enumerate(at) if n == 0 or s != at[n - 1][0]]
    return tuple(_trusted.span_of(text, s, e) for s, e in at)


def code_events(context: Context, lex: EventLexicon) -> tuple[Event, ...]:
    """Every event of an article, in text order."""
    doc = Doc(context, lex, prepared=False)
    if doc.idle:
        return ()
    triggers = find_triggers(doc)
    demands = bool(lex.statement_words and context.statements)  # statement words may make triggers
    if not triggers and not (demands and doc.modal_at):
        return ()  # head words but no trigger ("said", "on" alone): nothing to prepare
    doc.prepare()
    if demands:
        triggers = sorted([*triggers, *statement_triggers(doc, triggers)], key=lambda t: t.start)
    doc.verb_tokens = sorted({t.ti for t in triggers if t.entry.pos == "verb"})
    drafts: list[Draft] = []
    prev: Occurrence | None = None
    for trig in triggers:
        # (No truth test of the span: ``Span.__len__`` is Python code.)
        sentence = trig.sentence
        if sentence is None or sentence.end == sentence.start:
            sentence = doc.segs.sentence_at(trig.start)
        if sentence is None:
            continue
        draft = read_roles(
            doc, trig, sentence, prev if prev is not None and prev.start >= sentence.start else None
        )
        if draft is not None:
            drafts.append(draft)
        prev = trig
    fold(doc, drafts)
    # An event is an act between actors: one with no participant is none ("20 people were
    # injured", "those being deported"), unless its kind is done by crowds the actor stage need
    # not name ("500,000 workers stopped work"). A noun with no participant ("the allegations",
    # "the attack") refers to an event reported elsewhere; counts make it one ("an attack that
    # killed 70").
    anonymous = lex.anonymous
    kept = [
        d
        for d in drafts
        if not d.absorbed
        and (
            d.sources
            or d.targets
            or (has_count(doc, d) if d.trig.entry.pos != "verb" else d.kind in anonymous)
        )
    ]
    answer_targets(doc, kept)
    counts = attach_counts(doc, kept)
    times = event_times(doc, kept, [d.trig.start for d in drafts])
    text = context.text
    # Every field is built here as its converter would leave it (tuples; mentions in text order,
    # one per start), so the event is made by the pickle restorer: no converter, no check.
    build, span_of = _trusted.restore_event, _trusted.span_of
    get_counts = counts.get
    return tuple(
        [
            build(
                d.kind,
                span_of(text, d.trig.start, d.trig.end),
                tuple(d.sources),
                tuple(d.targets),
                d.location,
                when,
                d.mode,
                d.sentence,
                d.rule,
                get_counts(i, ()),
                _mention_spans(text, d) if d.mentions else (),
            )
            for i, (d, when) in enumerate(zip(kept, times, strict=True))
        ]
    )
