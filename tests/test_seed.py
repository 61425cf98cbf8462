"""Golden test on the seed article (seeds/): what a careful reader takes from it."""

from __future__ import annotations

from typing import Any

import newsmodel


def test_text_is_the_input(seed_article: newsmodel.Article, seed_text: str) -> None:
    assert seed_article.text == seed_text
    assert seed_article.published is not None and seed_article.published.isoformat() == "2017-04-09"


def test_dateline(seed_article: newsmodel.Article, seed_gold: dict[str, Any]) -> None:
    d = seed_article.dateline
    assert d is not None
    assert d.location == seed_gold["dateline"]["location"]
    assert d.agency == seed_gold["dateline"]["agency"]
    assert d.span.start == 0 and d.span.text == "WASHINGTON (Reuters) - "
