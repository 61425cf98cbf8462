"""The recipes of the "At scale" page (docs/examples/): Dask runs when installed; Spark's
partition function runs on plain dictionaries (Spark itself is not installed here)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsmodel
from newsmodel.events import to_records

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"

CORPUS: list[dict[str, Any]] = [
    {
        "id": "a1",
        "text": "Israeli troops arrested 12 Palestinians in Hebron on Sunday.",
        "published": "2017-04-10",
    },
    {"id": "a2", "text": "Russia did not accuse Israel of spying.", "published": None},
    {"id": "a3", "text": None, "published": None},
    {
        "id": "a4",
        "text": "WASHINGTON (Reuters) - U.S. Secretary of State Rex Tillerson on Sunday blamed Russia.",
        "published": "2017-04-09",
    },
    {"id": "a5", "text": "The talks ended.", "published": "not a date"},
] * 3


def recipe(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(EXAMPLES))  # workers started with 'spawn' import it too
    return importlib.import_module(name)


def expected(record: dict[str, Any]) -> newsmodel.Article:
    return newsmodel.parse(record["text"], published=record["published"])


def test_spark_partition_gives_event_rows_and_error_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    spark = recipe("scale_spark", monkeypatch)
    rows = list(spark.parse_partition(CORPUS[:5]))
    width = len(spark.COLUMNS.split(","))
    assert all(len(r) == width for r in rows)
    events = [r for r in rows if r[-1] is None]
    want = [(doc["id"], e) for doc in (CORPUS[0], CORPUS[1], CORPUS[3]) for e in to_records(expected(doc))]
    assert [(r[0], r[1], r[2], r[5], r[7]) for r in events] == [
        (doc_id, e["event"], e["mode"], e["eventText"], e["start"]) for doc_id, e in want
    ]
    assert [r[0] for r in rows if r[-1] is not None] == ["a3", "a5"]


def test_dask_recipe_writes_one_json_line_per_record(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    dask_recipe = recipe("scale_dask", monkeypatch)
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps(r) for r in CORPUS]
    lines.insert(3, "{not json")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written = dask_recipe.parse_corpus(str(corpus), str(tmp_path / "out"), workers=2, blocksize=400)
    assert len(written) > 1  # several partitions, in order
    out = [
        json.loads(line) for path in written for line in Path(path).read_text(encoding="utf-8").splitlines()
    ]
    assert len(out) == len(lines)
    assert out[3]["id"] is None and out[3]["error"].startswith("JSONDecodeError: ")
    del out[3]
    for record, line in zip(CORPUS, out, strict=True):
        assert line["id"] == record["id"]
        if record["text"] is None or record["published"] == "not a date":
            assert line["error"].split(":")[0] in ("InvalidTextError", "InvalidPublishedError")
        else:
            assert newsmodel.from_dict(line["article"]) == expected(record)


def test_dask_recipe_writes_parquet(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    dask_recipe = recipe("scale_dask", monkeypatch)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in CORPUS) + "\n", encoding="utf-8")
    dask_recipe.parse_to_parquet(str(corpus), str(tmp_path / "articles"), workers=2, blocksize=400)
    frame = pd.read_parquet(tmp_path / "articles")
    assert list(frame["id"]) == [r["id"] for r in CORPUS]
    for record, (article, error) in zip(
        CORPUS, zip(frame["article"], frame["error"], strict=True), strict=True
    ):
        if record["text"] is None or record["published"] == "not a date":
            assert pd.isna(article) and error.startswith("Invalid")
        else:
            assert pd.isna(error) and newsmodel.from_json(article) == expected(record)
