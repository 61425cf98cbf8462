"""Hypothesis strategies for newsmodel's types, and synthetic news copy with known answers.

Install the ``hypothesis`` extra (``pip install 'newsmodel[hypothesis]'``) to use this package;
``import newsmodel`` alone never imports hypothesis. The model strategies live in
``newsmodel.strategies.model``, the synthetic news in ``newsmodel.strategies.news``; import
them from here.

Two families of strategies live here:

- **Model strategies** draw valid, internally consistent model values for testing code that
  *consumes* articles: :func:`spans`, :func:`mentions`, :func:`actors`, :func:`time_expressions`,
  :func:`statements`, :func:`events`, :func:`datelines` and :func:`articles`. Every span they draw
  indexes the text it was drawn for, and every actor a statement or event refers to is one of the
  article's actors. They are also registered with hypothesis, so ``st.from_type(newsmodel.Article)``
  works once newsmodel is installed.
- **Text strategies** draw input for testing code that *produces* articles: :func:`news_texts` draws
  synthetic wire copy together with a :class:`NewsText` record of what a correct parse must contain.

Arguments are keyword-only (apart from the text a span strategy indexes), anything a user may want
to vary is itself a strategy, and bad arguments raise :class:`hypothesis.errors.InvalidArgument` at
once, not at the first draw.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - checked here for a clear message
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "newsmodel.strategies needs hypothesis; install it with: pip install 'newsmodel[hypothesis]'"
    ) from exc

from . import news as _news
from .model import actors, articles, datelines, events, mentions, spans, statements, time_expressions
from .news import (
    ExpectedActor,
    ExpectedDateline,
    ExpectedEvent,
    ExpectedStatement,
    NewsText,
    news_texts,
)

SHAPES: tuple[str, ...] = _news.SHAPES
"""The sentence templates :func:`news_texts` plants:

- ``direct``: ``“We expect a clear answer,” Polish Foreign Minister Anna Kowalski said on Sunday.``
- ``cue-first``: ``Kowalski said: “We expect a clear answer.”``
- ``pronoun``: a follow-up ``“The door remains open,” she added.`` after a statement by a person.
- ``reported``: ``Kowalski said the border would remain closed.``
- ``event``: ``Russia accused Ukraine of violating the ceasefire on Tuesday.``
- ``negated-event``: ``Russia did not accuse Ukraine of violating the ceasefire.``
- ``future-event``: ``Russia will impose sanctions on Ukraine.`` (expected as PLOVER codes an
  announced act: THREATEN, or AGREE for a cooperative one, with mode FUTURE)
- ``dated``: ``The meeting took place on March 3, 2017.``
"""

__all__ = [
    "SHAPES",
    "ExpectedActor",
    "ExpectedDateline",
    "ExpectedEvent",
    "ExpectedStatement",
    "NewsText",
    "actors",
    "articles",
    "datelines",
    "events",
    "mentions",
    "news_texts",
    "spans",
    "statements",
    "time_expressions",
]
