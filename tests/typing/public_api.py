"""Type-checked use of the public API (``mypy --strict tests/typing``); run by CI, not by pytest.

If a public signature changes type, this file stops type-checking.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from typing_extensions import assert_type

import newsmodel
from newsmodel import Actor, Article, Dateline, Event, Span, Statement, TimeExpression
from newsmodel.batch import Item

article = newsmodel.parse("WASHINGTON (Reuters) - He said so on Sunday.", published=date(2017, 4, 9))
assert_type(article, Article)
assert_type(article.text, str)
assert_type(article.published, date | None)
assert_type(article.dateline, Dateline | None)
assert_type(article.sentences, tuple[Span, ...])
assert_type(article.actors, tuple[Actor, ...])
assert_type(article.statements, tuple[Statement, ...])
assert_type(article.events, tuple[Event, ...])
assert_type(article.times, tuple[TimeExpression, ...])

for statement in article.statements:
    speaker = statement.speaker
    if speaker is not None:
        assert_type(speaker.name, str)
        assert_type(article.statements_by(speaker), tuple[Statement, ...])
    assert_type(statement.content.text, str)
    assert_type(statement.kind.name, str)

for event in article.events:
    assert_type(event.sources, tuple[Actor, ...])
    assert_type(event.mode, newsmodel.EventMode)

parser = newsmodel.Parser()
assert_type(parser.parse("text", published="2017-04-09", headline=None), Article)
assert_type(newsmodel.to_json(article), str)
assert_type(newsmodel.from_json("{}"), Article)
assert_type(newsmodel.to_dict(article), dict[str, Any])
assert_type(Span.of("abc", 0, 1), Span)
assert_type(article.sentence_at(0), Span | None)

docs: list[Item] = [
    newsmodel.Document(id="a1", text="Russia denied it."),
    "A plain text.",
    ("a3", "Text", None, None),
]
for result in newsmodel.parse_many(docs, workers=1):
    assert_type(result, Article | newsmodel.Failure)
for text in newsmodel.parse_many(docs, output="json"):
    assert_type(text, str | newsmodel.Failure)
for doc_id, tables in newsmodel.parse_many(docs, output="records", with_ids=True):
    assert_type(doc_id, str | None)
    assert_type(tables, dict[str, list[dict[str, Any]]] | newsmodel.Failure)
