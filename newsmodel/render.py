"""An article as HTML: the text with its actors, statements, events and times marked, to read.

:func:`html` returns a standalone page (or, with ``page=False``, a fragment such as a notebook
shows: :meth:`Article._repr_html_ <newsmodel.Article._repr_html_>` calls it). The page has no
script and fetches nothing: the style is inline CSS, and what a reader hovers over (a mention, a
statement, a trigger) shows its details in a tooltip (the ``title`` attribute).

In the text, each mention is marked with its actor's kind (a colour per kind, listed in the legend
with every actor's name, country, sector and roles); each statement's content is underlined, with
its speaker and cue labelled, quoted pieces in a darker shade; each event trigger is labelled with
its kind, mode and ``sources → targets``; each time expression with its TIMEX3 value. The labels
are drawn by CSS from ``data-label`` attributes, so the text of the article element is the article
text exactly. Below the text, the statements, events and times are listed.

Everything taken from the article is HTML-escaped; a lone surrogate (which no HTML file can hold),
a control character other than a tab or a line break, and a noncharacter are shown as U+FFFD, one
character for one, so the page is valid HTML and well-formed XML whatever the text.
"""

from __future__ import annotations

import html as _html
import itertools
import re
from collections.abc import Iterable

from .errors import InvalidArgumentError
from .export import quotes
from .model import Actor, Article, StatementKind

__all__ = ["CSS", "html"]

CSS = """
.nm { font: 16px/1.9 Georgia, "Times New Roman", serif; color: #1d1d1f; max-width: 54rem; margin: 1.5rem auto; padding: 0 1rem; }
.nm h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .3rem; }
.nm h2 { font: 600 1rem/1.4 system-ui, sans-serif; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #ddd; }
.nm .nm-meta, .nm table, .nm .nm-legend { font: 13px/1.5 system-ui, sans-serif; }
.nm .nm-meta { color: #555; margin-bottom: .8rem; }
.nm .nm-legend { display: flex; flex-wrap: wrap; gap: .3rem .5rem; margin: .5rem 0 1rem; }
.nm .nm-legend span { padding: 0 .4rem; border-radius: .3rem; }
.nm .nm-text { white-space: pre-wrap; overflow-wrap: break-word; }
.nm mark { color: inherit; padding: .1em .15em; border-radius: .25em; }
.nm .nm-PERSON { background: #d9d0ff; }
.nm .nm-ORGANIZATION { background: #b8f0f0; }
.nm .nm-COUNTRY { background: #ffe2a8; }
.nm .nm-LOCATION { background: #ffcba8; }
.nm .nm-GROUP { background: #c8f2c0; }
.nm .nm-statement { border-bottom: 2px solid #3b6fd8; }
.nm .nm-statement.nm-INDIRECT { border-bottom-style: dashed; }
.nm .nm-quote { background: #e8eefc; }
.nm .nm-statement[data-label]::before, .nm .nm-trigger[data-label]::after, .nm .nm-time[data-label]::after {
  content: attr(data-label); font: 600 10px/1 system-ui, sans-serif; vertical-align: .35em;
  padding: .15em .35em; margin: 0 .2em; border-radius: .3em; white-space: nowrap; }
.nm .nm-statement[data-label]::before { background: #3b6fd8; color: #fff; }
.nm .nm-source { text-decoration: underline dotted #3b6fd8 2px; }
.nm .nm-cue { font-weight: bold; color: #2451a6; }
.nm .nm-trigger { border-bottom: 3px double #c0392b; font-style: italic; }
.nm .nm-trigger[data-label]::after { background: #c0392b; color: #fff; }
.nm .nm-NEGATED[data-label]::after { background: #777; }
.nm .nm-FUTURE[data-label]::after, .nm .nm-HYPOTHETICAL[data-label]::after { background: #d68910; }
.nm .nm-time { border-bottom: 2px solid #1e8449; }
.nm .nm-time[data-label]::after { background: #1e8449; color: #fff; }
.nm table { border-collapse: collapse; width: 100%; }
.nm th, .nm td { text-align: left; vertical-align: top; padding: .2rem .4rem; border-bottom: 1px solid #eee; }
.nm :target { outline: 2px solid #3b6fd8; }
"""
"""The style sheet of the view, every rule scoped under the ``nm`` class."""

# lone surrogates cannot be encoded; control characters and noncharacters are HTML parse errors
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_KINDS = ("PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "GROUP")


def _e(text: object) -> str:
    """Escape for text and attribute values; what a page cannot hold becomes U+FFFD."""
    return _html.escape(_UNSHOWABLE.sub("\ufffd", str(text)), quote=True)


def _id(actor_id: str) -> str:
    return "nm-actor-" + re.sub(r"[^A-Za-z0-9_-]", lambda m: f".{ord(m.group()):x}.", actor_id)


def _names(actors: Iterable[Actor]) -> str:
    return ", ".join(a.name for a in actors) or "?"


def _about(actor: Actor) -> str:
    facts = [actor.kind.name, actor.country, actor.sector, *actor.roles]
    return " · ".join([actor.name, *(f for f in facts if f)])


class _Mark:
    """An element to wrap around ``[start, end)``; ``rank`` orders marks starting together."""

    __slots__ = ("attrs", "end", "rank", "start", "tag")

    def __init__(self, start: int, end: int, rank: int, tag: str, attrs: dict[str, str]) -> None:
        self.start, self.end, self.rank, self.tag, self.attrs = start, end, rank, tag, attrs

    def open(self, first: bool) -> str:
        attrs = self.attrs
        if not first:  # a later part of a mark split by another: no second label
            attrs = {k: v for k, v in attrs.items() if k != "data-label"} | {"data-more": "1"}
        return f"<{self.tag}" + "".join(f' {k}="{_e(v)}"' for k, v in attrs.items()) + ">"


def _marks(article: Article) -> list[_Mark]:
    marks = [
        *_statement_marks(article),
        *_event_marks(article),
        *_time_marks(article),
        *_mention_marks(article),
    ]
    return [m for m in marks if m.start < m.end]


def _statement_marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for n, s in enumerate(article.statements, 1):
        who = s.speaker.name if s.speaker else "unknown speaker"
        cue = s.cue.text if s.cue else ""
        label = f"{who} {cue}".strip()
        title = f"{s.kind.name} statement {n}: {who}" + (f", {cue}" if cue else "")
        if s.time is not None:
            title += f" ({s.time.value})"
        marks.append(
            _Mark(
                s.content.start,
                s.content.end,
                0,
                "span",
                {
                    "class": f"nm-statement nm-{s.kind.name}",
                    "data-statement": str(n),
                    "data-label": label,
                    "title": title,
                },
            )
        )
        if s.kind is not StatementKind.INDIRECT:
            for q in quotes(s):
                marks.append(
                    _Mark(q.start, q.end, 1, "span", {"class": "nm-quote", "data-statement": str(n)})
                )
        if s.source is not None:
            marks.append(
                _Mark(
                    s.source.start,
                    s.source.end,
                    2,
                    "span",
                    {"class": "nm-source", "data-statement": str(n), "title": f"source of statement {n}"},
                )
            )
        if s.cue is not None:
            marks.append(
                _Mark(
                    s.cue.start,
                    s.cue.end,
                    3,
                    "span",
                    {"class": "nm-cue", "data-statement": str(n), "title": f"cue of statement {n}"},
                )
            )
    return marks


def _event_marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for n, e in enumerate(article.events, 1):
        arrow = f"{_names(e.sources)} → {_names(e.targets)}"
        extra = [e.time.value if e.time else "", f"in {e.location.name}" if e.location else ""]
        extra += [f"{c.kind.name.lower()} {c.number}" for c in e.counts]
        title = f"{e.kind.name} ({e.mode.name}): {arrow}" + "".join(f"; {x}" for x in extra if x)
        marks.append(
            _Mark(
                e.trigger.start,
                e.trigger.end,
                4,
                "span",
                {
                    "class": f"nm-trigger nm-{e.mode.name}",
                    "data-event": str(n),
                    "data-label": f"{e.kind.name} · {e.mode.name} · {arrow}",
                    "title": title + f"; rule {e.rule}",
                },
            )
        )
    return marks


def _time_marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for n, t in enumerate(article.times, 1):
        mod = f" ({t.mod})" if t.mod else ""
        marks.append(
            _Mark(
                t.span.start,
                t.span.end,
                5,
                "span",
                {
                    "class": "nm-time",
                    "data-time": str(n),
                    "data-label": t.value + mod,
                    "title": f"{t.kind.name} {t.value}{mod}",
                },
            )
        )
    return marks


def _mention_marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for n, a in enumerate(article.actors):
        for m in a.mentions:
            marks.append(
                _Mark(
                    m.span.start,
                    m.span.end,
                    6,
                    "mark",
                    {
                        "class": f"nm-mention nm-{a.kind.name} nm-a{n}",
                        "data-actor": a.id,
                        "data-mention": m.kind.name,
                        "title": f"{_about(a)} ({m.kind.name.lower()})",
                    },
                )
            )
    return marks


def _text(article: Article) -> str:
    """The text with every mark, properly nested: a mark crossing another is split in parts."""
    text = article.text
    marks = sorted(_marks(article), key=lambda m: (m.start, -m.end, m.rank))
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
    i = 0
    for a, b in itertools.pairwise(points):
        # close what ends here: pop down to it, reopen the marks above it
        ending = [m for m in stack if m.end <= a]
        if ending:
            depth = min(stack.index(m) for m in ending)
            above = [m for m in stack[depth:] if m.end > a]
            for m in reversed(stack[depth:]):
                out.append(f"</{m.tag}>")
            del stack[depth:]
            for m in above:
                out.append(m.open(first=False))
                stack.append(m)
        while i < len(marks) and marks[i].start <= a:
            if marks[i].end > a:
                out.append(marks[i].open(first=marks[i].start == a))
                stack.append(marks[i])
            i += 1
        out.append(_e(text[a:b]))
    for m in reversed(stack):
        out.append(f"</{m.tag}>")
    return "".join(out)


def _linking_css(n: int) -> str:
    """Hovering a mention or an actor's row outlines every mention of that actor, without a script."""
    if n == 0:
        return ""
    hovered = ", ".join(f".nm:has(.nm-a{i}:hover) .nm-a{i}" for i in range(n))
    return f"{hovered} {{ outline: 2px solid #1d1d1f; outline-offset: 1px; }}\n"


def _row(cells: Iterable[object], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{_e('' if c is None else c)}</{tag}>" for c in cells) + "</tr>"


def _table(caption: str, head: tuple[str, ...], rows: list[list[object]]) -> str:
    if not rows:
        return f"<h2>{_e(caption)}</h2><p>none</p>"
    body = "".join(_row(r) for r in rows)
    return f"<h2>{_e(caption)}</h2><table><thead>{_row(head, 'th')}</thead><tbody>{body}</tbody></table>"


def _body(article: Article) -> str:
    return "".join(
        (
            '<div class="nm">',
            _head(article),
            f'<div class="nm-text">{_text(article)}</div>',
            _actor_table(article),
            _statement_table(article),
            _event_table(article),
            _time_table(article),
            "</div>",
        )
    )


def _head(article: Article) -> str:
    """The headline, a line of facts about the article, and the legend of the marks."""
    parts = []
    if article.headline:
        parts.append(f"<h1>{_e(article.headline)}</h1>")
    meta = []
    if article.dateline is not None:
        d = article.dateline
        meta.append(" ".join(x for x in (d.location, f"({d.agency})" if d.agency else "", d.date or "") if x))
    if article.published is not None:
        meta.append(f"published {article.published.isoformat()}")
    meta.append(
        f"{len(article.actors)} actors, {len(article.statements)} statements, "
        f"{len(article.events)} events, {len(article.times)} times"
    )
    parts.append(f'<div class="nm-meta">{_e(" · ".join(meta))}</div>')
    legend = "".join(
        f'<span class="nm-{k}">{k.lower()}</span>'
        for k in _KINDS
        if any(a.kind.name == k for a in article.actors)
    )
    legend += '<span class="nm-statement">statement</span><span class="nm-quote">quoted</span>'
    legend += '<span class="nm-cue">cue</span><span class="nm-trigger">event</span><span class="nm-time">time</span>'
    parts.append(f'<div class="nm-legend">{legend}</div>')
    return "".join(parts)


def _actor_table(article: Article) -> str:
    parts = ["<h2>Actors</h2><table><thead>"]
    parts.append(_row(("actor", "kind", "country", "sector", "roles", "mentions"), "th"))
    parts.append("</thead><tbody>")
    for n, a in enumerate(article.actors):
        cells = (a.kind.name, a.country, a.sector, "; ".join(a.roles), len(a.mentions))
        parts.append(
            f'<tr id="{_e(_id(a.id))}" class="nm-a{n}"><td><mark class="nm-{a.kind.name}">{_e(a.name)}</mark></td>'
            + "".join(f"<td>{_e('' if c is None else c)}</td>" for c in cells)
            + "</tr>"
        )
    parts.append("</tbody></table>")
    return "".join(parts)


def _statement_table(article: Article) -> str:
    return _table(
        "Statements",
        ("#", "speaker", "kind", "cue", "content", "time"),
        [
            [
                n,
                s.speaker.name if s.speaker else "?",
                s.kind.name,
                s.cue.text if s.cue else "",
                s.content.text,
                s.time.value if s.time else "",
            ]
            for n, s in enumerate(article.statements, 1)
        ],
    )


def _event_table(article: Article) -> str:
    return _table(
        "Events",
        ("#", "kind", "mode", "source → target", "trigger", "time", "where"),
        [
            [
                n,
                e.kind.name,
                e.mode.name,
                f"{_names(e.sources)} → {_names(e.targets)}",
                e.trigger.text,
                e.time.value if e.time else "",
                e.location.name if e.location else "",
            ]
            for n, e in enumerate(article.events, 1)
        ],
    )


def _time_table(article: Article) -> str:
    return _table(
        "Times",
        ("#", "text", "kind", "value"),
        [
            [n, t.span.text, t.kind.name, t.value + (f" ({t.mod})" if t.mod else "")]
            for n, t in enumerate(article.times, 1)
        ],
    )


def html(article: Article, *, page: bool = True, title: str | None = None) -> str:
    """The article as HTML: a standalone page, or with ``page=False`` a ``<div>`` to embed.

    Args:
        article: a parsed article.
        page: a whole document (``<!DOCTYPE html>`` with its ``<style>``) or a fragment (a
            ``<style>`` and a ``<div class="nm">``, what a notebook shows).
        title: the page title; by default the headline, else the dateline, else ``"newsmodel"``.

    Raises:
        InvalidArgumentError: if ``article`` is not an :class:`~newsmodel.Article`.

    >>> import newsmodel
    >>> from newsmodel import render
    >>> page = render.html(newsmodel.parse("<b>Russia</b> & Israel held talks."))
    >>> page.startswith("<!DOCTYPE html>"), "&lt;b&gt;" in page, "<b>" in page
    (True, True, False)
    """
    if not isinstance(article, Article):
        raise InvalidArgumentError(f"expected a newsmodel.Article, not {type(article).__name__}")
    body = _body(article)
    style = f"<style>{CSS}{_linking_css(len(article.actors))}</style>"
    if not page:
        return style + body
    if title is None:
        title = article.headline or (
            article.dateline.span.text.strip(" -–—") if article.dateline else "newsmodel"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f"<title>{_e(title)}</title>{style}</head><body>{body}</body></html>\n"
    )
