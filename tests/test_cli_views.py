"""The command line's views: --format html, csv (--table), timeml and brat, and --output-dir."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import newsmodel
from newsmodel import export
from newsmodel.cli import main

from .conftest import SEED_ID, SEEDS

SEED = SEEDS / f"{SEED_ID}.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed() -> newsmodel.Article:
    return newsmodel.parse(SEED.read_text(encoding="utf-8"), published="2017-04-09")


def test_html_page(capsys: pytest.CaptureFixture[str], seed: newsmodel.Article) -> None:
    code, out, err = run(capsys, "parse", str(SEED), "--published", "2017-04-09", "--format", "html")
    assert code == 0 and err == ""
    assert out == newsmodel.render.html(seed)
    ET.fromstring(out.split("\n", 1)[1])


@pytest.mark.parametrize("table", export.TABLES)
def test_csv_over_many_files_has_one_header(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: newsmodel.Article, table: str
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Russia accused Israel of spying on Sunday, Putin said.", encoding="utf-8")
    code, out, err = run(
        capsys,
        "parse",
        str(SEED),
        str(other),
        "--published",
        "2017-04-09",
        "--format",
        "csv",
        "--table",
        table,
    )
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == ",".join(export.CSV_COLUMNS[table])
    assert sum(line == lines[0] for line in lines) == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    want = export.table(table, seed, article_id=str(SEED)) + export.table(
        table, newsmodel.parse(other.read_text(), published="2017-04-09"), article_id=str(other)
    )
    assert len(rows) == len(want)
    for row, expected in zip(rows, want, strict=True):
        flat = export.flatten(expected)
        assert row == {k: "" if flat[k] is None else str(flat[k]) for k in export.CSV_COLUMNS[table]}


def test_csv_defaults_to_events(capsys: pytest.CaptureFixture[str], seed: newsmodel.Article) -> None:
    code, out, _ = run(capsys, "parse", str(SEED), "--published", "2017-04-09", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["event"] for r in rows] == [e.kind.name for e in seed.events]


def test_csv_over_json_lines_uses_the_ids(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a1", "text": '"We will act," Putin said on Monday.', "published": "2017-04-10"},
        {"id": 7, "text": "Russia accused Israel of spying.", "headline": "Spies"},
        {"text": "Nobody said anything."},
    ]
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    code, out, err = run(capsys, "parse", "--jsonl", str(corpus), "--format", "csv", "--table", "statements")
    assert code == 1  # a data error: the bad line is reported, the others written
    assert f"{corpus}:4: not valid JSON" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["article_id"], r["speaker"], r["time_value"]) for r in rows] == [
        ("a1", "Vladimir Putin", "2017-04-10")
    ]
    code, out, _ = run(capsys, "parse", "--jsonl", str(corpus), "--format", "csv", "--table", "actors")
    ids = {r["article_id"] for r in csv.DictReader(io.StringIO(out))}
    assert {"a1", "7"} <= ids


def test_timeml_and_brat_to_standard_output(
    capsys: pytest.CaptureFixture[str], seed: newsmodel.Article
) -> None:
    code, out, _ = run(capsys, "parse", str(SEED), "--published", "2017-04-09", "--format", "timeml")
    assert code == 0
    text, times = export.read_timeml(out)
    assert text == seed.text and [t.value for t in times] == [t.value for t in seed.times]
    code, out, _ = run(capsys, "parse", str(SEED), "--published", "2017-04-09", "--format", "brat")
    assert code == 0 and out == export.brat(seed)


def test_output_dir_writes_one_file_per_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: newsmodel.Article
) -> None:
    copy = tmp_path / "in" / f"{SEED_ID}.txt"
    copy.parent.mkdir()
    copy.write_bytes(SEED.read_bytes())
    out_dir = tmp_path / "out"
    code, out, err = run(
        capsys,
        "parse",
        str(SEED),
        str(copy),
        "--published",
        "2017-04-09",
        "--format",
        "brat",
        "--output-dir",
        str(out_dir),
    )
    assert code == 0 and out == "" and err == ""
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"{SEED_ID}-2.ann",
        f"{SEED_ID}-2.txt",
        f"{SEED_ID}.ann",
        f"{SEED_ID}.txt",
    ]
    assert (out_dir / f"{SEED_ID}.txt").read_bytes() == SEED.read_bytes()
    assert (out_dir / f"{SEED_ID}.ann").read_text(encoding="utf-8") == export.brat(seed)
    code, _, _ = run(
        capsys,
        "parse",
        str(SEED),
        "--published",
        "2017-04-09",
        "--format",
        "html",
        "--output-dir",
        str(out_dir),
    )
    assert code == 0
    page = (out_dir / f"{SEED_ID}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Rex Tillerson" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "html", "A", "B"), "give --output-dir DIR for several"),
        (("--format", "json", "--table", "events", "A"), "--table goes with --format csv"),
        (
            ("--format", "csv", "--output-dir", "D", "A"),
            "--output-dir goes with --format html, timeml or brat",
        ),
        (("--format", "text", "--output-dir", "D", "A"), "not text"),
    ],
)
def test_bad_combinations_are_usage_errors(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "parse", *args)
    assert code == 2 and out == ""
    assert err.startswith("newsmodel: error: ") and message in err
    assert len(err.splitlines()) == 1


def test_a_missing_file_is_reported_and_the_rest_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "parse", str(tmp_path / "nope.txt"), str(SEED), "--format", "csv", "--table", "times"
    )
    assert code == 1  # a data error
    assert "nope.txt: no such file" in err
    assert len(list(csv.DictReader(io.StringIO(out)))) == 7


def test_lone_surrogates_in_json_lines_do_not_break_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = tmp_path / "odd.jsonl"
    corpus.write_text('{"id": "x", "text": "Putin said \\ud800 it would act."}\n', encoding="utf-8")
    code, out, err = run(capsys, "parse", "--jsonl", str(corpus), "--format", "csv", "--table", "statements")
    assert code == 0 and err == ""
    out.encode("utf-8")
