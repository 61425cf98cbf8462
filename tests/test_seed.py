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


def test_paragraphs_sentences_and_quotations(seed_article: newsmodel.Article, seed_text: str) -> None:
    from newsmodel.segment import Segmenter

    assert len(seed_article.paragraphs) == 11  # one per line
    assert [p.text for p in seed_article.paragraphs] == seed_text.strip().split("\n")
    assert len(seed_article.sentences) == 13
    # “...,” Tillerson said on ABC’s “This Week.” stays one sentence; the next quote starts one.
    assert seed_article.sentences[1].text.endswith("“This Week.”")
    assert seed_article.sentences[2].text.startswith("“The failure related")
    quotes = [q.content.text for q in Segmenter()(seed_text).quotations]
    assert quotes[1:2] == ["This Week."]
    assert "any hard evidence" in quotes
    assert quotes[-1] == "there is no change to our military posture"
    assert all("’s" not in q[:2] for q in quotes)  # Russia’s is an apostrophe, not a quote


def test_every_gold_part_is_present(seed_article: newsmodel.Article, seed_gold: dict[str, Any]) -> None:
    """A coarse whole-article check; each stage's own tests check its part in detail."""

    def words(name: str) -> set[str]:
        return {w for w in name.lower().replace("-", " ").split() if w != "the"}

    for g in seed_gold["actors"]:  # found by name (one name's words within the other's), kind and country
        found = [
            a
            for a in seed_article.actors
            if words(g["name"]) <= words(a.name) or words(a.name) <= words(g["name"])
        ]
        assert any(a.kind.name == g["kind"] and a.country == g["country"] for a in found), g["name"]
    speakers = [s.speaker.name if s.speaker else None for s in seed_article.statements]
    assert [g["speaker"] for g in seed_gold["statements"]] == speakers
    assert {(t.span.text, t.value) for t in seed_article.times} >= {
        (g["text"], g["value"]) for g in seed_gold["times"]
    }
