"""The HTML view: structure, escaping, every annotation present, valid markup, and a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import render, strategies
from newsmodel.errors import InvalidArgumentError

NASTY = (
    "WASHINGTON (Reuters) - <script>alert('x')</script> Russia & Israel \"held\" 'talks' "
    "on Sunday.\n\n\u201cWe <b>will</b> act,\u201d Putin said \ud800 \x00 \x0b \ufffe done."
)


def page_tree(page: str) -> ET.Element:
    """The page parsed as XML: it is well-formed, so every tag is closed and nested."""
    assert page.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(page.split("\n", 1)[1])


def text_of(root: ET.Element) -> str:
    box = next(e for e in root.iter() if e.get("class") == "nm-text")
    return "".join(box.itertext())


def shown(text: str) -> str:
    """The text as a page shows it: unshowable characters as U+FFFD, line breaks as XML reads them."""
    text = re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]", "\ufffd", text
    )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def marks(root: ET.Element, attribute: str) -> Counter[str]:
    """How many marks (first parts only) carry each value of ``attribute``."""
    return Counter(
        e.get(attribute, "") for e in root.iter() if attribute in e.attrib and "data-more" not in e.attrib
    )


def test_seed_page_has_every_annotation(seed_article: newsmodel.Article) -> None:
    page = render.html(seed_article)
    root = page_tree(page)
    assert text_of(root) == seed_article.text
    assert marks(root, "data-actor") == Counter({a.id: len(a.mentions) for a in seed_article.actors})
    statements = [
        e
        for e in root.iter()
        if "data-statement" in e.attrib and "nm-statement" in e.get("class", "").split()
        if "data-more" not in e.attrib
    ]
    assert [e.get("data-statement") for e in statements] == [
        str(n) for n in range(1, len(seed_article.statements) + 1)
    ]
    triggers = [e for e in root.iter() if e.get("data-event") and "data-more" not in e.attrib]
    assert len(triggers) == len(seed_article.events)
    for element, event in zip(triggers, seed_article.events, strict=True):
        label = element.get("data-label", "")
        assert label.startswith(f"{event.kind.name} · {event.mode.name} · ")
        assert all(a.name in label for a in (*event.sources, *event.targets))
        assert "".join(element.itertext()).startswith(event.trigger.text[:1])
    assert sum(marks(root, "data-time").values()) == len(seed_article.times)
    labels = [e.get("data-label") for e in root.iter() if e.get("data-time") and "data-more" not in e.attrib]
    assert labels == [t.value for t in seed_article.times]


def test_statement_labels_name_speaker_and_cue(seed_article: newsmodel.Article) -> None:
    root = page_tree(render.html(seed_article))
    first = {
        e.get("data-statement"): e
        for e in root.iter()
        if "nm-statement" in e.get("class", "") and "data-more" not in e.attrib
    }
    for n, s in enumerate(seed_article.statements, 1):
        element = first[str(n)]
        assert s.kind.name in element.get("class", "")
        assert (
            element.get("data-label")
            == f"{s.speaker.name if s.speaker else 'unknown speaker'} {s.cue.text if s.cue else ''}".strip()
        )


def test_actor_legend_lists_every_actor_with_its_facts(seed_article: newsmodel.Article) -> None:
    root = page_tree(render.html(seed_article))
    rows = {e.get("id"): ["".join(td.itertext()) for td in e] for e in root.iter("tr") if e.get("id")}
    assert len(rows) == len(seed_article.actors)
    tillerson = rows["nm-actor-rex-tillerson"]
    assert tillerson[:4] == ["Rex Tillerson", "PERSON", "USA", "GOV"]
    assert "Secretary of State" in tillerson[4]
    hover = next(e.get("title", "") for e in root.iter("mark") if e.get("data-actor") == "rex-tillerson")
    assert "Rex Tillerson" in hover and "USA" in hover and "Secretary of State" in hover


def test_text_is_escaped() -> None:
    article = newsmodel.parse(NASTY, published="2017-04-09", headline='<i>Head & "line"</i>')
    page = render.html(article)
    assert "<script" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;" in page and "&amp;" in page
    assert "\ud800" not in page and "\x00" not in page
    page.encode("utf-8")  # no lone surrogate left
    root = page_tree(page)
    assert text_of(root) == shown(NASTY)
    assert root.find(".//title").text == '<i>Head & "line"</i>'  # type: ignore[union-attr]


def test_fragment_for_notebooks(seed_article: newsmodel.Article) -> None:
    fragment = seed_article._repr_html_()
    assert fragment == render.html(seed_article, page=False)
    assert fragment.startswith("<style>") and "<html" not in fragment and "<script" not in fragment
    root = ET.fromstring(f"<root>{fragment}</root>")
    assert text_of(root) == seed_article.text


def test_no_network_and_no_script(seed_article: newsmodel.Article) -> None:
    page = render.html(seed_article)
    assert not re.search(r"<script|<link|<img|@import|url\(|https?://", page)


def test_not_an_article() -> None:
    with pytest.raises(InvalidArgumentError):
        render.html("text")  # type: ignore[arg-type]


TAGS = {"html", "head", "meta", "title", "style", "body", "div", "h1", "h2", "p", "span", "mark", "table"}
TAGS |= {"thead", "tbody", "tr", "th", "td"}


@given(strategies.articles())
def test_any_article_renders_valid_and_complete(article: newsmodel.Article) -> None:
    root = page_tree(render.html(article))
    assert {e.tag for e in root.iter()} <= TAGS
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) == len(article.actors)
    assert text_of(root) == shown(article.text)
    want = Counter({a.id: len([m for m in a.mentions if m.span.end > m.span.start]) for a in article.actors})
    assert marks(root, "data-actor") == +want
    assert sum(marks(root, "data-event").values()) == sum(
        1 for e in article.events if e.trigger.end > e.trigger.start
    )


@given(st.text(max_size=200))
def test_any_text_renders_valid(text: str) -> None:
    article = newsmodel.parse(text)
    root = page_tree(render.html(article))
    assert text_of(root) == shown(text)


# -- a real browser --------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_shows_every_highlight(seed_article: newsmodel.Article, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = tmp_path / "seed.html"
    page.write_text(render.html(seed_article), encoding="utf-8")
    base = [CHROMIUM, *FLAGS, "--window-size=1000,1400"]
    dom = subprocess.run(
        [*base, f"--user-data-dir={tmp_path / 'profile-dom'}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    # what the browser built, not what we wrote: it parsed every mark where we put it
    assert Counter(re.findall(r'data-actor="([^"]+)"(?![^>]*data-more)', dom)) == Counter(
        {a.id: len(a.mentions) for a in seed_article.actors}
    )
    assert len(set(re.findall(r'data-statement="(\d+)"', dom))) == len(seed_article.statements)
    assert len(set(re.findall(r'data-event="(\d+)"', dom))) == len(seed_article.events)
    assert len(set(re.findall(r'data-time="(\d+)"', dom))) == len(seed_article.times)
    assert "<script" not in dom
    shot = tmp_path / "seed.png"
    subprocess.run(
        [*base, f"--user-data-dir={tmp_path / 'profile-shot'}", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 1000 and int.from_bytes(png[20:24], "big") == 1400
    assert len(png) > 20_000  # a page of coloured text, not a blank one


def test_hovering_links_mentions_to_their_actor(seed_article: newsmodel.Article) -> None:
    page = render.html(seed_article)
    root = page_tree(page)
    style = root.find(".//style").text or ""  # type: ignore[union-attr]
    for n, actor in enumerate(seed_article.actors):
        assert f".nm:has(.nm-a{n}:hover) .nm-a{n}" in style
        linked = [e for e in root.iter() if f"nm-a{n}" in e.get("class", "").split()]
        rows = [e for e in linked if e.tag == "tr"]
        assert [r.get("id") for r in rows] == [f"nm-actor-{actor.id}"]
        assert {e.get("data-actor") for e in linked if e.tag == "mark"} == {actor.id}
