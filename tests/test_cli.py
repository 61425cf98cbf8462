"""The command line: formats, stdin, JSON Lines, one-line errors, exit status, Ctrl-C, --version."""

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


def test_several_files_give_one_record_each_with_its_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "b.txt"
    other.write_text("TOKYO - Markets rose.", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(SEED), str(other))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [str(SEED), str(other)]
    assert newsmodel.from_dict(records[1]["article"]).text == "TOKYO - Markets rose."


def test_lines_switch_gives_records_for_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEED), "--lines")
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["id"] == str(SEED) and newsmodel.from_dict(record["article"]).dateline is not None


@pytest.mark.parametrize(
    ("args", "message", "status"),
    [
        (["parse", "no/such/file.txt"], "no/such/file.txt: no such file", 1),
        (["parse", str(SEED), "--published", "someday"], "is not a date newsmodel reads", 2),
        (["parse", str(SEED), "--published", "04/09/2017"], "ambiguous", 2),
        (["parse", "--jsonl", str(SEED), "--headline", "H"], "--headline does not apply to --jsonl", 2),
    ],
)
def test_user_errors_are_one_line_with_their_status(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str, status: int
) -> None:
    code, _, err = run(capsys, *args)
    assert code == status
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_bad_file_among_good_ones_is_a_data_error_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"BEIJING - caf\xe9.")
    code, out, err = run(capsys, "parse", str(bad), str(SEED))
    assert code == 1
    assert err == f"newsmodel: error: {bad}: not UTF-8 text (invalid continuation byte at byte 13)\n"
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(SEED)]


def _cli(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *args], input=stdin, capture_output=True, check=False, env=env
    )


@pytest.mark.parametrize("strict_stdio", [False, True])
def test_non_utf8_standard_input_is_a_clean_data_error(strict_stdio: bool) -> None:
    import os

    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"} if strict_stdio else None
    proc = _cli("parse", "-", stdin=b"BEIJING - \xff\xfe bytes.", env=env)
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr == b"newsmodel: error: <stdin>: not UTF-8 text (invalid start byte at byte 10)\n"


def test_jsonl_with_lone_surrogates_and_bad_bytes_goes_on() -> None:
    stdin = b'{"id": "a", "text": "BEIJING - x \\ud800 y"}\n\xff\xfe\n{"id": "b", "text": "TOKYO - Fine."}\n'
    proc = _cli("parse", "--jsonl", "-", stdin=stdin)
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert newsmodel.from_dict(records[0]["article"]).text == "BEIJING - x \ud800 y"
    assert (
        proc.stderr.decode() == "newsmodel: error: <stdin>:2: not UTF-8 text (invalid start byte at byte 0)\n"
    )


def test_ctrl_c_exits_quietly_with_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("newsmodel.cli.parse", interrupted)
    code, out, err = run(capsys, "parse", str(SEED))
    assert code == 130 and out == "" and "Traceback" not in err


def test_sigint_exits_quietly_with_130() -> None:
    import signal

    proc = subprocess.Popen(
        [sys.executable, "-m", "newsmodel", "parse", "--jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_default_sigint,  # as a terminal delivers it, even from a background job
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b'{"id": "a", "text": "BEIJING - One."}\n')
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["id"] == "a"  # running, waiting for the next line
    proc.send_signal(signal.SIGINT)
    # Wait with standard input still open: closing it first would race the signal with an
    # end of input, after which the command ends normally.
    assert proc.wait(timeout=60) == 130
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stdin.close()
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


def test_version_and_help_with_exit_codes_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out == f"newsmodel {newsmodel.__version__}\n"
    for argv in (["--help"], ["parse", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        assert "exit status:" in out and "130" in out and "examples:" in out and "newsmodel parse" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", "--no-such-option", "x"])
    assert info.value.code == 2


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
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "e"]
    assert newsmodel.from_dict(records[0]["article"]).published is not None
    errors = err.strip().splitlines()
    prefix = f"newsmodel: error: {corpus}:"
    assert [e.removeprefix(prefix).split(":")[0] for e in errors] == ["2", "3", "4"]
    assert "at at" not in err and "not valid JSON: Expecting property name" in errors[0]


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


def _default_sigint() -> None:
    """In the child before it starts: SIGINT back to its default (an ignored one is inherited)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
