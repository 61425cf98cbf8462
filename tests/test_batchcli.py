"""``newsmodel parse --jobs N``: the serial command's output, in order, errors in place, a progress
bar on a terminal only, a summary line, Ctrl-C."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsmodel
from newsmodel import _batchcli
from newsmodel._batchcli import Progress
from newsmodel.cli import main

from .conftest import SEED_ID, SEEDS

SEED = SEEDS / f"{SEED_ID}.txt"

LINES = [
    json.dumps(
        {"id": "a", "text": "BEIJING - One. Russia attacked Ukraine on Sunday.", "published": "2017-04-09"}
    ),
    "{not json",
    json.dumps({"id": 7, "text": 5}),
    json.dumps({"id": "d", "text": "Two.", "published": "never"}),
    json.dumps({"id": "e", "text": "Three, said the minister.", "headline": "H"}),
    "",
    json.dumps({"text": "No id at all."}),
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(LINES * 3) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_write_what_the_serial_command_writes(
    capsys: pytest.CaptureFixture[str], corpus: Path, jobs: str
) -> None:
    serial = run(capsys, "parse", "--jsonl", str(corpus), "--published", "2017-04-10")
    code, out, err = run(capsys, "parse", "--jsonl", str(corpus), "--published", "2017-04-10", "--jobs", jobs)
    assert code == serial[0] == 1  # data errors
    assert out == serial[1]
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [x for n in (7, 14, 21) for x in ("a", "e", f"{corpus}:{n}")]  # no id: file and line
    *errors, summary = err.strip().splitlines()
    assert errors == serial[2].strip().splitlines()
    assert [e.split(f"{corpus}:")[1].split(":")[0] for e in errors] == [
        "2",
        "3",
        "4",
        "9",
        "10",
        "11",
        "16",
        "17",
        "18",
    ]
    assert summary.startswith("newsmodel: parsed 9 articles, 9 errors in ")
    assert summary.endswith(" articles/s)")


def test_jobs_over_files_keep_their_order_and_report_a_missing_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    texts = ["WASHINGTON - The Senate voted on Tuesday.", "Nothing happened.", "Iran condemned the strike."]
    names = []
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
        names.append(str(tmp_path / f"{i}.txt"))
    names.insert(1, str(tmp_path / "missing.txt"))
    code, out, err = run(capsys, "parse", "--jobs", "2", "--published", "2017-04-09", *names)
    assert code == 1  # a data error
    articles = [newsmodel.from_dict(json.loads(line)["article"]) for line in out.splitlines()]
    assert articles == [newsmodel.parse(t, published="2017-04-09") for t in texts]
    error, summary = err.strip().splitlines()
    assert error.startswith(f"newsmodel: error: {tmp_path / 'missing.txt'}: ")
    assert summary.startswith("newsmodel: parsed 3 articles, 1 errors")


def test_jobs_with_one_file_and_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(SEED), "--published", "2017-04-09", "--jobs", "0")
    assert code == 0
    assert (
        out
        == newsmodel.to_json(
            newsmodel.parse(SEED.read_text(encoding="utf-8"), published="2017-04-09"), indent=2
        )
        + "\n"
    )
    assert err.startswith("newsmodel: parsed 1 articles, 0 errors")
    code, out, _ = run(capsys, "parse", str(SEED), str(SEED), "--format", "text", "--jobs", "1")
    assert code == 0
    assert out.count(f"==> {SEED} <==\nWASHINGTON (Reuters)") == 2


@pytest.mark.parametrize("value", ["-1", "two", ""])
def test_a_bad_jobs_value_is_a_usage_error(capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(SEED), "--jobs", value])
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_on_a_terminal_only() -> None:
    term = Terminal()
    bar = Progress(term, total_bytes=200)
    bar.update(50, failed=False)
    assert term.getvalue() == ""  # at most ten times a second
    bar.drawn -= 1
    bar.update(50, failed=True)
    drawn = term.getvalue()
    assert drawn.startswith("\rnewsmodel: [##########          ]  50% 2 articles, 1 errors, ")
    bar.close()
    assert term.getvalue().endswith("\r\x1b[K")  # the line is cleared for the summary
    assert bar.summary().startswith("newsmodel: parsed 1 articles, 1 errors in ")

    pipe = io.StringIO()
    quiet = Progress(pipe, total_bytes=None)
    quiet.drawn -= 1
    quiet.update(10, failed=False)
    quiet.close()
    assert pipe.getvalue() == ""


def test_ctrl_c_prints_the_summary_and_exits_130(
    capsys: pytest.CaptureFixture[str], corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _batchcli.parse_many

    def interrupted(items: Any, **kwargs: Any) -> Iterator[Any]:
        for n, result in enumerate(real(items, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(_batchcli, "parse_many", interrupted)
    code, out, err = run(capsys, "parse", "--jsonl", str(corpus), "--jobs", "1")
    assert code == 130
    assert len(out.splitlines()) == 1  # "a"; the bad JSON line is the second result
    assert err.strip().splitlines()[-1].startswith("newsmodel: interrupted after 1 articles, 1 errors")
