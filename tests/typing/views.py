"""Type-checked with ``mypy --strict tests/typing``: the export and render modules as users call them."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

import newsmodel
from newsmodel import export, render
from newsmodel.events import to_records

article = newsmodel.parse("Russia accused Israel of spying on Sunday.", published="2017-04-09")

assert_type(render.html(article), str)
assert_type(render.html(article, page=False, title="x"), str)
assert_type(article._repr_html_(), str)

assert_type(export.TABLES, tuple[str, ...])
assert_type(export.COLUMNS, dict[str, tuple[str, ...]])
assert_type(export.actors(article, article_id="a1"), list[dict[str, Any]])
assert_type(export.mentions(article), list[dict[str, Any]])
assert_type(export.statements(article, article_id=None), list[dict[str, Any]])
assert_type(export.events(article), list[dict[str, Any]])
assert_type(export.times(article), list[dict[str, Any]])
assert_type(export.table("events", article, article_id="a1"), list[dict[str, Any]])
assert_type(to_records(article, article_id="a1"), list[dict[str, Any]])
assert_type(export.flatten(export.events(article)[0]), dict[str, Any])
assert_type(export.quotes(article.statements[0]) if article.statements else (), tuple[newsmodel.Span, ...])

text, times = export.read_timeml(export.timeml(article, doc_id="a1"))
assert_type(text, str)
assert_type(times, tuple[newsmodel.TimeExpression, ...])
brat_lines = export.read_brat(export.brat(article))
assert_type(brat_lines, tuple[export.BratAnnotation, ...])
assert_type(brat_lines[0].spans, tuple[tuple[int, int], ...])
