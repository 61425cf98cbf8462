"""parse_many: order, failures in place, lazy reading, workers agreeing with one process, Ctrl-C."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import Document, Failure, parse_many
from newsmodel.events import to_records
from newsmodel.pipeline import Context

ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    "WASHINGTON (Reuters) - U.S. Secretary of State Rex Tillerson on Sunday blamed Russia for the attack.",
    'BEIJING - China\'s cabinet met on Monday. "We will act," Premier Li Keqiang said.',
    "",
    "Israeli troops arrested 12 Palestinians in Hebron on Sunday.",
    "Russia did not accuse Israel of spying, the ministry said last week.",
]


def expected(item: Any) -> newsmodel.Article:
    doc = item if isinstance(item, Document) else Document(id="x", text=item)
    return newsmodel.parse(doc.text, published=doc.published, headline=doc.headline)


def no_children(timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while multiprocessing.active_children():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


class NoEvents:
    """A stage that finds no event: a custom parser that pickles (a module-level class)."""

    def __call__(self, context: Context) -> tuple[newsmodel.Event, ...]:
        return ()


# ---------------------------------------------------------------- records and failures


def test_document_reads_ids_and_checks_types() -> None:
    assert Document(id=7, text="x").id == "7"
    assert Document(id="a", text="x", published=date(2017, 4, 9), headline="H").headline == "H"
    with pytest.raises(newsmodel.InvalidTextError):
        Document(id="a", text=b"bytes")  # type: ignore[arg-type]
    with pytest.raises(newsmodel.InvalidArgumentError):
        Document(id=1.5, text="x")  # type: ignore[arg-type]
    with pytest.raises(newsmodel.InvalidArgumentError):
        Document(id=True, text="x")  # type: ignore[arg-type]
    with pytest.raises(newsmodel.InvalidPublishedError):
        Document(id="a", text="x", published="yesterday")
    with pytest.raises(newsmodel.InvalidArgumentError):
        Document(id="a", text="x", headline=3)  # type: ignore[arg-type]


def test_every_item_shape_is_read_and_results_keep_input_order() -> None:
    items: list[Any] = [
        TEXTS[0],
        Document(id="d", text=TEXTS[1], published="2017-04-10", headline="Cabinet"),
        {"id": "m", "text": TEXTS[3], "published": "2017-04-10", "url": "ignored"},
        {"text": TEXTS[4]},
        ("t2", TEXTS[0]),
        ("t4", TEXTS[4], date(2017, 4, 10), "Spying"),
        (None, TEXTS[3], "2017-04-10"),
        {"id": 42, "text": TEXTS[2]},
    ]
    got = list(parse_many(items, workers=1, with_ids=True))
    assert [doc_id for doc_id, _ in got] == ["0", "d", "m", "3", "t2", "t4", "6", "42"]
    docs = [
        Document(id="0", text=TEXTS[0]),
        items[1],
        Document(id="m", text=TEXTS[3], published="2017-04-10"),
        Document(id="3", text=TEXTS[4]),
        Document(id="t2", text=TEXTS[0]),
        Document(id="t4", text=TEXTS[4], published=date(2017, 4, 10), headline="Spying"),
        Document(id="6", text=TEXTS[3], published="2017-04-10"),
        Document(id="42", text=TEXTS[2]),
    ]
    assert [article for _, article in got] == [expected(d) for d in docs]
    assert got[1][1].headline == "Cabinet"  # type: ignore[union-attr]


def test_a_bad_document_yields_a_failure_in_its_place_and_the_run_goes_on() -> None:
    items: list[Any] = [
        TEXTS[0],
        None,
        {"id": "no-text", "headline": "H"},
        {"id": "bad-date", "text": "x", "published": "someday"},
        ("t", b"bytes"),
        (1,),
        5,
        {"id": 3.5, "text": "x"},
        TEXTS[3],
    ]
    results = list(parse_many(items, workers=1))
    assert len(results) == len(items)
    assert isinstance(results[0], newsmodel.Article) and isinstance(results[-1], newsmodel.Article)
    assert results[-1] == expected(TEXTS[3])
    failures = results[1:-1]
    assert all(isinstance(f, Failure) for f in failures)
    summary = [(f.index, f.id, f.error, f.code) for f in failures]  # type: ignore[union-attr]
    assert summary == [
        (1, None, "InvalidArgumentError", "NM103"),
        (2, "no-text", "InvalidArgumentError", "NM103"),
        (3, "bad-date", "InvalidPublishedError", "NM102"),
        (4, "t", "InvalidTextError", "NM101"),
        (5, "1", "InvalidArgumentError", "NM103"),
        (6, None, "InvalidArgumentError", "NM103"),
        (7, None, "InvalidArgumentError", "NM103"),
    ]
    assert "someday" in failures[2].message  # type: ignore[union-attr]


def test_an_exception_inside_the_parser_is_a_failure() -> None:
    class Boom:
        def __call__(self, context: Context) -> tuple[newsmodel.Event, ...]:
            if "boom" in context.text:
                raise RecursionError("too deep")
            return ()

    parser = newsmodel.Parser(events=Boom())
    results = list(parse_many(["fine", "boom", "fine again"], workers=1, parser=parser, with_ids=True))
    assert results[1] == (
        "1",
        Failure(index=1, id="1", error="RecursionError", code=None, message="too deep"),
    )
    assert [type(r).__name__ for _, r in results] == ["Article", "Failure", "Article"]


@pytest.mark.parametrize(
    ("kwargs", "items"),
    [
        ({}, "one text is not a corpus"),
        ({}, b"bytes"),
        ({}, {"text": "a mapping is one record"}),
        ({}, 5),
        ({"output": "xml"}, []),
        ({"workers": -1}, []),
        ({"workers": 1.5}, []),
        ({"chunksize": 0}, []),
        ({"parser": "default"}, []),
        ({"start_method": "teleport"}, []),
        ({"workers": 2, "parser": newsmodel.Parser(events=lambda context: ())}, []),
    ],
)
def test_bad_arguments_raise_at_the_call(kwargs: dict[str, Any], items: Any) -> None:
    with pytest.raises(newsmodel.InvalidArgumentError):
        parse_many(items, **kwargs)


# ---------------------------------------------------------------- outputs


def test_json_output_is_to_json_of_the_article() -> None:
    docs = [Document(id=str(i), text=t, published="2017-04-10") for i, t in enumerate(TEXTS)]
    got = list(parse_many(docs, workers=1, output="json"))
    assert got == [newsmodel.to_json(expected(d)) for d in docs]
    assert newsmodel.from_json(got[0]) == expected(docs[0])  # type: ignore[arg-type]


def test_records_output_is_flat_tables_stamped_with_the_id(seed_text: str) -> None:
    (tables,) = parse_many([("seed", seed_text, "2017-04-09")], workers=1, output="records")
    assert isinstance(tables, dict)
    article = newsmodel.parse(seed_text, published="2017-04-09")
    try:
        from newsmodel import export  # type: ignore[attr-defined]

        names = list(export.TABLES)
    except ImportError:
        names = ["actors", "mentions", "statements", "events", "times"]
    assert list(tables) == names
    for rows in tables.values():
        for row in rows:
            assert row["article_id"] == "seed"
            json.dumps(row)  # plain values only
    assert len(tables["actors"]) == len(article.actors)
    assert len(tables["mentions"]) == sum(len(a.mentions) for a in article.actors)
    assert len(tables["statements"]) == len(article.statements) > 0
    assert len(tables["times"]) == len(article.times) > 0
    assert [r["eventText"] for r in tables["events"]] == [
        r["eventText"] for r in to_records(article, article_id="seed")
    ]


# ---------------------------------------------------------------- streaming


def counting(source: Iterator[str], pulled: list[int]) -> Iterator[str]:
    for text in source:
        pulled[0] += 1
        yield text


def test_in_process_reads_one_item_at_a_time() -> None:
    pulled = [0]
    stream = counting(itertools.cycle(TEXTS), pulled)
    results = parse_many(stream, workers=1)
    assert pulled[0] == 0  # nothing read before the first result is asked for
    for n, _ in enumerate(itertools.islice(results, 12), 1):
        assert pulled[0] == n


def test_workers_read_a_bounded_window_ahead_of_an_endless_stream() -> None:
    pulled = [0]
    workers, chunksize = 2, 3
    stream = counting(itertools.cycle(TEXTS), pulled)
    results = parse_many(stream, workers=workers, chunksize=chunksize, output="json")
    ahead = []
    for n, _ in enumerate(itertools.islice(results, 40), 1):
        ahead.append(pulled[0] - n)
    assert max(ahead) <= (2 * workers + 1) * chunksize
    assert min(ahead) >= 0
    results.close()  # type: ignore[attr-defined]
    assert no_children(), "closing the results ends the worker processes"


# ---------------------------------------------------------------- workers agree with one process


@pytest.fixture(scope="module")
def corpus(seed_text: str) -> list[Any]:
    docs: list[Any] = [("seed", seed_text, "2017-04-09")]
    docs += [{"id": f"t{i}", "text": t, "published": "2017-04-10"} for i, t in enumerate(TEXTS)]
    docs += [None, ("bad", "x", "someday")]
    return docs * 4


@pytest.mark.parametrize("output", ["article", "json", "records"])
def test_two_workers_give_what_one_process_gives(corpus: list[Any], output: Any) -> None:
    one = list(parse_many(corpus, workers=1, output=output, with_ids=True))
    two = list(parse_many(corpus, workers=2, chunksize=2, output=output, with_ids=True))
    assert two == one
    assert sum(isinstance(r, Failure) for _, r in two) == 8
    assert no_children()


def test_spawned_workers_use_the_pickled_custom_parser(corpus: list[Any]) -> None:
    parser = newsmodel.Parser(events=NoEvents())
    spawned = list(parse_many(corpus, workers=2, parser=parser, start_method="spawn"))
    assert spawned == list(parse_many(corpus, workers=1, parser=parser))
    default = list(parse_many(corpus, workers=2, start_method="spawn", output="json"))
    assert default == list(parse_many(corpus, workers=1, output="json"))
    assert all(not r.events for r in spawned if isinstance(r, newsmodel.Article))
    assert any(r.events for r in parse_many(corpus[:1], workers=1) if isinstance(r, newsmodel.Article))


def test_ctrl_c_stops_the_run_and_its_workers(tmp_path: Path) -> None:
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent(
            """
            import itertools, multiprocessing, sys, time
            import newsmodel

            if __name__ == "__main__":
                texts = ("Russia attacked Ukraine on Sunday, officials said. " * 40 for _ in itertools.count())
                try:
                    for n, _ in enumerate(newsmodel.parse_many(texts, workers=2, output="json")):
                        if n == 0:
                            print("running", flush=True)
                except KeyboardInterrupt:
                    deadline = time.monotonic() + 10
                    while multiprocessing.active_children() and time.monotonic() < deadline:
                        time.sleep(0.05)
                    print("interrupted", len(multiprocessing.active_children()), flush=True)
                    sys.exit(130)
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
        # Ctrl-C as a terminal delivers it, even when this test runs where SIGINT is ignored (a
        # background job): an ignored SIGINT is inherited, and Python then keeps ignoring it.
        preexec_fn=_default_sigint,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "running"
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert out.strip() == "interrupted 0"


# ---------------------------------------------------------------- properties


ids = st.one_of(st.none(), st.text(max_size=5), st.integers(0, 10**6))
items = st.one_of(
    st.text(max_size=300),
    st.builds(lambda i, t: {"id": i, "text": t}, ids, st.text(max_size=200)),
    st.builds(lambda i, t, d: (i, t, d), ids, st.text(max_size=200), st.none() | st.dates()),
    st.none(),
    st.integers(),
)


@given(st.lists(items, max_size=6))
def test_any_items_give_one_result_each_in_order(batch: list[Any]) -> None:
    results = list(parse_many(batch, workers=1, output="json", with_ids=True))
    assert len(results) == len(batch)
    for index, (item, (doc_id, result)) in enumerate(zip(batch, results, strict=True)):
        if isinstance(result, Failure):
            assert result.index == index and result.id == doc_id
            assert item is None or isinstance(item, int)
            continue
        assert isinstance(result, str)
        text = item if isinstance(item, str) else item["text"] if isinstance(item, dict) else item[1]
        assert newsmodel.from_json(result).text == text
        raw = index if isinstance(item, str) else item["id"] if isinstance(item, dict) else item[0]
        assert doc_id == str(index if raw is None else raw)


def test_import_newsmodel_starts_no_multiprocessing_machinery() -> None:
    code = "import sys, newsmodel; print(sorted(m for m in ('multiprocessing', 'concurrent.futures') if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert proc.stdout.strip() == "[]"


@settings(max_examples=10)  # a pool per example: a few examples, drawn like any other
@given(st.lists(items, min_size=1, max_size=12), st.integers(1, 4))
def test_any_items_give_the_same_results_on_two_workers(batch: list[Any], chunksize: int) -> None:
    two = list(parse_many(batch, workers=2, chunksize=chunksize, output="json", with_ids=True))
    assert two == list(parse_many(batch, workers=1, output="json", with_ids=True))


def _default_sigint() -> None:
    """In the child before it starts: SIGINT back to its default (an ignored one is inherited)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
