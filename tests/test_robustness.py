"""No input breaks the parser: any str parses, output is deterministic, bad arguments get typed errors.

- ``parse`` never raises on any ``str`` (surrogates, NULs, control characters, long lines, odd
  quote marks) and the article it returns keeps the contract's invariants;
- output is the same across runs, across ``PYTHONHASHSEED`` values and across threads;
- wrong types and unreadable dates raise typed errors; hand-built spans and articles with
  inconsistent offsets are refused with a message naming the field; malformed JSON raises a
  ``SerializationError`` naming the path, never a bare ``KeyError``.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    Actor,
    ActorKind,
    Article,
    InvalidArgumentError,
    InvalidArticleError,
    InvalidPublishedError,
    InvalidSpanError,
    InvalidTextError,
    NewsmodelError,
    SerializationError,
    Span,
    Statement,
    StatementKind,
)
from newsmodel.strategies import articles, news_texts

from .test_trusted import recheck

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


def contract_spans(a: Article) -> list[tuple[str, Span]]:
    """Every span the contract names, with where it is."""
    out: list[tuple[str, Span]] = [("dateline", a.dateline.span)] if a.dateline is not None else []
    out += [("paragraph", p) for p in a.paragraphs] + [("sentence", s) for s in a.sentences]
    out += [(f"mention of {x.id}", m.span) for x in a.actors for m in x.mentions]
    for s in a.statements:
        out += [
            (f"statement {name}", v) for name, v in (("source", s.source), ("cue", s.cue)) if v is not None
        ]
        out += [("statement content", s.content)] + ([("statement time", s.time.span)] if s.time else [])
    for e in a.events:
        out += [("event trigger", e.trigger), ("event sentence", e.sentence)]
        out += [("event time", e.time.span)] if e.time else []
        out += [("event count", c.span) for c in e.counts]
    return out + [("time", t.span) for t in a.times]


def check_invariants(article: Article, text: str) -> None:
    """What the shared scorer checks on every article (``score.py robustness``), and a little more."""
    assert isinstance(article, Article)
    assert article.text == text
    recheck(article)  # every check of the public constructors, which the parser's own build skips
    for where, span in contract_spans(article):
        assert 0 <= span.start <= span.end <= len(text), where
        assert span.text == text[span.start : span.end], where
    ids = [a.id for a in article.actors]
    assert len(ids) == len(set(ids))
    held = {id(a) for a in article.actors}
    for s in article.statements:
        assert s.speaker is None or id(s.speaker) in held
    for e in article.events:
        for a in (*e.sources, *e.targets, *([e.location] if e.location is not None else [])):
            assert id(a) in held
        assert e.trigger in e.sentence
    last = 0
    for p in article.paragraphs:
        assert last <= p.start
        last = p.end
    for s in article.sentences:
        assert article.paragraph_at(s) is not None


# Every code point, surrogates included (st.characters() leaves them out by default).
ANY_CHAR = st.characters(codec=None, exclude_categories=())
NEWSY = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", "'", "(", ")", "[", "]", ".", ",", ":", "-", "—", " ", "\n", "\n\n",
        "\t", "\x00", "\u00a0", "\ufeff", "\u2028", "U.S.", "Mr.", "said", "he", "she", "told",
        "according to", "on Sunday", "last week", "2013", "March 3", "(Reuters) - ", "WASHINGTON",
        "Russia", "Rex Tillerson", "Secretary of State", "accused", "did not", "will", "attack",
        "Syrian", "Moscow", "the", "of", "\ud800", "\udfff", "é", "ß", "İ", "\u0301",
    ]
)  # fmt: skip
ODD_TEXTS = st.one_of(
    st.text(ANY_CHAR, max_size=300),
    st.lists(NEWSY, max_size=120).map("".join),
    st.lists(st.one_of(NEWSY, st.text(ANY_CHAR, max_size=5)), max_size=80).map("".join),
)


@SLOW
@given(ODD_TEXTS, st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_parse_never_raises_and_invariants_hold(text: str, published: date | None) -> None:
    check_invariants(newsmodel.parse(text, published=published), text)


@SLOW
@given(st.lists(NEWSY, min_size=1, max_size=8).map("".join), st.integers(500, 3000))
def test_long_lines_and_repetitions_parse(unit: str, times: int) -> None:
    text = (unit.replace("\n", " ") * times)[:60_000]
    check_invariants(newsmodel.parse(text, published="2017-04-09"), text)


@SLOW
@given(news_texts())
def test_news_texts_parse_with_invariants_and_round_trip(n: newsmodel.strategies.NewsText) -> None:
    a = newsmodel.parse(n.text, published=n.published)
    check_invariants(a, n.text)
    assert newsmodel.from_json(newsmodel.to_json(a)) == a


def test_the_seed_parses_with_invariants(seed_text: str) -> None:
    check_invariants(newsmodel.parse(seed_text, published="2017-04-09"), seed_text)


# -- determinism ---------------------------------------------------------------------------------


@functools.cache
def second_parser() -> newsmodel.Parser:
    """A parser of its own (building one compiles every stage's patterns: about a second)."""
    return newsmodel.Parser()


@SLOW
@given(st.one_of(ODD_TEXTS, news_texts().map(lambda n: n.text)))
def test_parsing_twice_gives_the_same_article(text: str) -> None:
    first = newsmodel.parse(text, published="2017-04-09")
    again = second_parser().parse(text, published="2017-04-09")
    assert newsmodel.to_json(first) == newsmodel.to_json(again)
    assert first == again


def corpus(seed_text: str) -> list[str]:
    """A fixed set of texts: the seed, synthetic stories and odd strings (no randomness)."""
    stories = [
        'MOSCOW (Reuters) - "We will not accept this," Russian Foreign Minister Pavel Kowalski said on '
        "Sunday. He said Russia would respond.\n\nPoland accused Russia of violating the ceasefire last week.",
        "“The door remains open,” she added. “",
        "U.S. " * 200,
        '"' * 301,
        "WASHINGTON - Rex Tillerson, Sergei Lavrov, Bashar al-Assad, Vladimir Putin met in Moscow "
        "on March 3, 2017, three days ago. They did not attack anyone.",
    ]
    return [seed_text, *stories, "", "\x00\ud800 odd", "a\n" * 50]


SCRIPT = """
import json, sys
import newsmodel
texts = json.load(sys.stdin)
print(json.dumps([newsmodel.to_json(newsmodel.parse(t, published="2017-04-09")) for t in texts]))
"""


def test_output_is_the_same_across_hash_seeds(seed_text: str) -> None:
    texts = corpus(seed_text)
    payload = json.dumps(texts)
    outputs = []
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            input=payload,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(json.loads(proc.stdout))
    assert outputs[0] == outputs[1] == outputs[2]


def test_eight_threads_give_what_one_thread_gives(seed_text: str) -> None:
    texts = corpus(seed_text) * 4
    parser = newsmodel.Parser()  # a fresh parser, so that lazy set-up races between the threads
    start = threading.Barrier(8)

    def work(i: int) -> list[str]:
        start.wait()
        order = texts[i:] + texts[:i]
        out = [newsmodel.to_json(parser.parse(t, published="2017-04-09")) for t in order]
        return out[len(texts) - i :] + out[: len(texts) - i]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    sequential = [newsmodel.to_json(second_parser().parse(t, published="2017-04-09")) for t in texts]
    for result in results:
        assert result == sequential


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [b"WASHINGTON (Reuters) - bytes", None, 42, ["a", "list"], bytearray(b"x")])
def test_text_of_the_wrong_type_is_a_typed_error(bad: object) -> None:
    with pytest.raises(InvalidTextError, match="text must be a str") as info:
        newsmodel.parse(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, NewsmodelError)
    assert type(bad).__name__ in str(info.value)


def test_published_of_the_wrong_type_is_a_typed_error() -> None:
    with pytest.raises(InvalidArgumentError, match="published") as info:
        newsmodel.parse("text", published=42)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("bad", ["not a date", "2017-02-30", "9 Apbril 2017", "2017/04/09", " "])
def test_unreadable_published_is_a_value_error(bad: str) -> None:
    with pytest.raises(InvalidPublishedError, match="published") as info:
        newsmodel.parse("text", published=bad)
    assert isinstance(info.value, ValueError) and bad in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start": -1, "end": 2, "text": "abc"}, "Span.start"),
        ({"start": 5, "end": 2, "text": ""}, "Span.end"),
        ({"start": 0, "end": 3, "text": "ab"}, "Span.text"),
        ({"start": 0, "end": 2, "text": None}, "Span.text"),
        ({"start": "0", "end": 2, "text": "ab"}, "Span.start"),
        ({"start": 0, "end": 2.0, "text": "ab"}, "Span.end"),
    ],
)
def test_a_span_with_inconsistent_offsets_is_refused_naming_the_field(
    kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidSpanError, match=field.replace(".", r"\.")):
        Span(**kwargs)  # type: ignore[arg-type]


def test_an_article_with_inconsistent_offsets_is_refused_naming_the_field() -> None:
    text = "Rex Tillerson said Russia failed."
    with pytest.raises(InvalidArticleError, match=r"sentences\[1\]"):
        Article(text=text, sentences=[Span.of(text, 0, 5), Span(start=30, end=40, text="x" * 10)])
    with pytest.raises(InvalidArticleError, match=r"paragraphs\[0\]"):
        Article(text=text, paragraphs=[Span(start=0, end=3, text="Tex")])
    rex = Actor(id="rex", name="Rex Tillerson", kind=ActorKind.PERSON)
    stranger = Actor(id="rex", name="Rex Tillerson", kind=ActorKind.PERSON)
    content = Span.of(text, 19, 33)
    with pytest.raises(InvalidArticleError, match=r"statements\[0\]\.speaker"):
        Article(
            text=text,
            actors=[rex],
            statements=[
                Statement(
                    speaker=stranger, source=None, cue=None, content=content, kind=StatementKind.INDIRECT
                )
            ],
        )
    with pytest.raises(InvalidArticleError, match=r"statements\[0\]\.cue"):
        Article(
            text=text,
            statements=[
                Statement(
                    speaker=None,
                    source=None,
                    cue=Span(start=14, end=18, text="says"),
                    content=content,
                    kind=StatementKind.INDIRECT,
                )
            ],
        )
    with pytest.raises(InvalidArticleError, match=r"actors\[1\]"):
        Article(text=text, actors=[rex, stranger])


@SLOW
@given(articles(max_actors=2, max_statements=2, max_events=1), st.data())
def test_truncated_json_is_a_serialization_error(article: Article, data: st.DataObject) -> None:
    s = newsmodel.to_json(article)
    cut = data.draw(st.integers(0, len(s) - 1), label="cut")
    with pytest.raises(SerializationError):
        newsmodel.from_json(s[:cut])


def _paths(value: object, path: str = "$") -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = [(path, value)]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, f"{path}[{i}]")
    return out


@SLOW
@given(articles(max_actors=2, max_statements=2, max_events=1), st.data())
def test_json_with_a_bad_field_is_refused_naming_its_path(article: Article, data: st.DataObject) -> None:
    doc = newsmodel.to_dict(article)
    paths = [(p, v) for p, v in _paths(doc) if p != "$" and p != "$.schema"]
    path, _ = data.draw(st.sampled_from(paths), label="path")
    bad = data.draw(st.sampled_from([None, [], {}, "x", -7, 3.5, True]), label="bad")
    broken = json.loads(json.dumps(doc))
    parts = path[2:].replace("[", ".[").split(".")
    target = broken
    for part in parts[:-1]:
        target = target[int(part[1:-1])] if part.startswith("[") else target[part]
    last = parts[-1]
    if last.startswith("["):
        target[int(last[1:-1])] = bad
    else:
        target[last] = bad
    error: SerializationError | None = None
    try:
        result = newsmodel.from_dict(broken)
    except SerializationError as exc:
        error = exc
    if error is None:
        # Some replacements still describe an article (a None headline, an empty list of actors ...).
        assert isinstance(result, Article)
    else:
        assert error.path.startswith("$"), error
        assert "KeyError" not in str(error), error
