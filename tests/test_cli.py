"""The command line: formats, stdin, JSON Lines, and one-line user errors with exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsmodel
from newsmodel.cli import format_text, main

from .conftest import SEED_ID, SEEDS

SEED = SEEDS / f"{SEED_ID}.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_is_the_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(SEED), "--published", "2017-04-09")
    assert code == 0 and err == ""
    article = newsmodel.from_json(out)
    assert article == newsmodel.parse(SEED.read_text(encoding="utf-8"), published="2017-04-09")


def test_text_output_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEED), "--published", "2017-04-09", "--format", "text")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("WASHINGTON (Reuters) · published 2017-04-09")
    for heading in ("Actors (", "Statements (", "Events (", "Times ("):
        assert heading in out


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("BEIJING - China said so."))
    code, out, _ = run(capsys, "parse", "-", "--headline", "China speaks")
    assert code == 0
    a = newsmodel.from_json(out)
    assert a.headline == "China speaks" and a.dateline is not None and a.dateline.location == "BEIJING"


def test_several_files_give_one_json_line_each(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("TOKYO - Markets rose.", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(SEED), str(other))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 and newsmodel.from_json(lines[1]).text == "TOKYO - Markets rose."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "no/such/file.txt"], "no/such/file.txt: no such file"),
        (["parse", str(SEED), "--published", "someday"], "is not an ISO 8601 date"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_jsonl_reports_a_bad_line_and_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "BEIJING - One.", "published": "2017-04-09"}),
                "{not json",
                json.dumps({"id": "c", "text": 5}),
                json.dumps({"id": "d", "text": "Two.", "published": "never"}),
                json.dumps({"id": "e", "text": "Three.", "headline": "H"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "parse", "--jsonl", str(corpus))
    assert code == 2
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "e"]
    assert newsmodel.from_dict(records[0]["article"]).published is not None
    errors = err.strip().splitlines()
    prefix = f"newsmodel: error: {corpus}:"
    assert [e.removeprefix(prefix).split(":")[0] for e in errors] == ["2", "3", "4"]


def test_format_text_of_an_empty_article() -> None:
    out = format_text(newsmodel.parse(""))
    assert "Actors (0)" in out and "Times (0)" in out


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsmodel", "parse", str(SEED), "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("WASHINGTON (Reuters)")
