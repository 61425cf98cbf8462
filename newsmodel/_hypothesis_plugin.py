"""Hypothesis entry point: registers newsmodel's strategies for ``st.from_type``.

Hypothesis calls :func:`_register` when it is imported (the ``hypothesis`` entry point in
``pyproject.toml``); ``import newsmodel`` never imports hypothesis. After that,
``st.from_type(newsmodel.Article)`` draws from :func:`newsmodel.strategies.articles`, and likewise
for the other model types. Values that index a text (spans, mentions, statements ...) are drawn
over a text drawn first, and those that refer to actors draw their actors over the same text.

Registration hands hypothesis functions, not strategies, so that :mod:`newsmodel.strategies` is
imported only when a type is first resolved: hypothesis may be imported *by*
``newsmodel.strategies``, and building strategies here would import it half-initialised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _strategies(kind: type) -> SearchStrategy[Any]:
    """The strategy ``st.from_type(kind)`` uses for a model type."""
    from hypothesis import strategies as st

    from . import model
    from . import strategies as nst

    texts = st.text(max_size=200)

    @st.composite
    def context(draw: st.DrawFn) -> tuple[str, list[model.Actor], list[model.TimeExpression]]:
        text = draw(texts)
        cast = draw(st.lists(nst.actors(text), max_size=3, unique_by=lambda a: a.id))
        return text, cast, draw(st.lists(nst.time_expressions(text), max_size=2))

    if kind is model.Article:
        return nst.articles()
    if kind is model.Dateline:
        return nst.datelines()
    if kind is model.Span:
        return texts.flatmap(nst.spans)
    if kind is model.Mention:
        return texts.filter(bool).flatmap(nst.mentions)
    if kind is model.Actor:
        return texts.flatmap(nst.actors)
    if kind is model.TimeExpression:
        return texts.flatmap(nst.time_expressions)
    if kind is model.Statement:
        return context().flatmap(lambda c: nst.statements(c[0], actors=c[1], times=c[2]))
    if kind is model.Event:
        return context().flatmap(lambda c: nst.events(c[0], actors=c[1], times=c[2]))
    return texts.filter(bool).flatmap(
        lambda text: st.builds(
            model.Count,
            kind=st.sampled_from(model.CountKind),
            number=st.integers(0, 10**6),
            span=nst.spans(text, min_size=1),
        )
    )


def _register() -> None:
    """Register each model type with :func:`hypothesis.strategies.register_type_strategy`."""
    from hypothesis import strategies as st

    from . import model

    for kind in (
        model.Article,
        model.Dateline,
        model.Span,
        model.Mention,
        model.Actor,
        model.TimeExpression,
        model.Statement,
        model.Event,
        model.Count,
    ):
        st.register_type_strategy(kind, _strategies)
