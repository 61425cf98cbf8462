"""``newsmodel parse --jobs N``: files or JSON Lines parsed by :func:`~newsmodel.parse_many`.

Output has the shape of the serial command (one JSON object per line, ``{"id", "article"}`` for
JSON Lines), results in input order. Standard error gets one line per input that could not be
read or parsed, a progress bar while it is a terminal, and a summary line at the end.

The progress bar is our own (a few lines) rather than tqdm's or rich's: it needs a counter, a
rate and a percentage of the input's bytes, which does not justify a dependency for every user,
and an optional one would leave the command with two behaviours.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import date
from typing import IO, Any

import attrs

from .batch import Failure, parse_many
from .model import Article
from .serialize import to_json

__all__ = ["Progress", "run_batch"]

EXIT_FAILED = 2
EXIT_INTERRUPTED = 130


@attrs.define
class _Entry:
    """What the parent keeps of a document in flight: results come back in the same order."""

    label: str  # for messages: the file name, or name:line
    id: Any = None  # a JSON Lines record's own id, written back as given
    size: int = 0  # bytes of input, for the progress bar
    error: str | None = None  # a read error, found before parsing


class Progress:
    """A progress bar on one line of a terminal: articles, errors, rate, share of the input.

    Draws at most ten times a second, and nothing at all when ``stream`` is not a terminal.
    """

    def __init__(self, stream: IO[str], total_bytes: int | None) -> None:
        self.stream = stream
        self.total = total_bytes or None
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.start = self.drawn = time.monotonic()
        self.done = self.errors = self.bytes = 0

    def update(self, size: int, *, failed: bool) -> None:
        self.done += 1
        self.errors += failed
        self.bytes += size
        now = time.monotonic()
        if self.live and now - self.drawn >= 0.1:
            self.drawn = now
            self.draw(now)

    def draw(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        line = f"{self.done} articles, {self.errors} errors, {rate:.0f} articles/s"
        if self.total:
            share = min(self.bytes / self.total, 1.0)
            bar = "#" * int(20 * share)
            line = f"[{bar:<20}] {100 * share:3.0f}% " + line
        self.stream.write(f"\rnewsmodel: {line}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.live and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def summary(self, *, interrupted: bool = False) -> str:
        seconds = time.monotonic() - self.start
        rate = self.done / seconds if seconds > 0 else 0.0
        how = "interrupted after" if interrupted else "parsed"
        return (
            f"newsmodel: {how} {self.done - self.errors} articles, {self.errors} errors"
            f" in {seconds:.2f} s ({rate:.0f} articles/s)"
        )


def run_batch(
    names: Sequence[str],
    *,
    jsonl: bool,
    published: date | None,
    headline: str | None,
    fmt: str,
    jobs: int,
    out: IO[str],
    err: IO[str],
) -> int:
    """Parse ``names`` (text files, or JSON Lines files with ``jsonl``) on ``jobs`` processes
    (0: one per core); returns the exit status (2 when any input failed, 130 on Ctrl-C)."""
    entries: collections.deque[_Entry] = collections.deque()
    reader = _jsonl_items(names, published) if jsonl else _file_items(names, published, headline)

    def items() -> Iterator[tuple[Any, ...] | None]:
        for entry, item in reader:
            entries.append(entry)
            yield item

    output = "article" if fmt == "text" or (len(names) == 1 and not jsonl) else "json"
    progress = Progress(err, _total_bytes(names))
    interrupted = False
    try:
        results = parse_many(items(), workers=jobs or None, output=output)  # type: ignore[call-overload]
        for result in results:
            entry = entries.popleft()
            message = entry.error or (result.message if isinstance(result, Failure) else None)
            if message is not None:
                progress.close()
                err.write(f"newsmodel: error: {entry.label}: {message}\n")
            else:
                out.write(_render(result, entry, jsonl=jsonl, fmt=fmt, several=len(names) > 1) + "\n")
            progress.update(entry.size, failed=message is not None)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.close()
    err.write(progress.summary(interrupted=interrupted) + "\n")
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if progress.errors else 0


def _render(result: Article | str, entry: _Entry, *, jsonl: bool, fmt: str, several: bool) -> str:
    if fmt == "text":
        from .cli import format_text

        assert isinstance(result, Article)
        title = entry.id if jsonl and entry.id is not None else entry.label
        return f"==> {title} <==\n{format_text(result)}" if several or jsonl else format_text(result)
    if jsonl:  # the article is JSON already: wrap it without parsing it again
        return f'{{"id": {json.dumps(entry.id, ensure_ascii=False)}, "article": {result}}}'
    return result if isinstance(result, str) else to_json(result, indent=2)


def _total_bytes(names: Sequence[str]) -> int | None:
    try:
        return sum(os.path.getsize(n) for n in names) if "-" not in names else None
    except OSError:
        return None


def _file_items(
    names: Sequence[str], published: date | None, headline: str | None
) -> Iterator[tuple[_Entry, tuple[Any, ...] | None]]:
    for name in names:
        try:
            if name == "-":
                text = sys.stdin.read()
            else:
                with open(name, encoding="utf-8", newline="") as f:
                    text = f.read()
        except UnicodeDecodeError as exc:
            yield _Entry(name, error=f"not UTF-8 text ({exc.reason} at byte {exc.start})"), None
            continue
        except OSError as exc:
            yield _Entry(name, error=exc.strerror or str(exc)), None
            continue
        yield _Entry(name, size=len(text.encode("utf-8", "surrogatepass"))), (None, text, published, headline)


def _jsonl_items(
    names: Sequence[str], published: date | None
) -> Iterator[tuple[_Entry, tuple[Any, ...] | None]]:
    for name in names:
        label = "<stdin>" if name == "-" else name
        try:
            stream = sys.stdin if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            yield _Entry(label, error=exc.strerror or str(exc)), None
            continue
        try:
            number = 0
            while True:
                try:
                    line = next(stream, None)
                except UnicodeDecodeError as exc:
                    yield _Entry(f"{label}:{number + 1}", error=f"not UTF-8 text ({exc.reason})"), None
                    break
                if line is None:
                    break
                number += 1
                if line.strip():
                    yield _record(line, f"{label}:{number}", published)
        finally:
            if stream is not sys.stdin:
                stream.close()


def _record(line: str, label: str, published: date | None) -> tuple[_Entry, tuple[Any, ...] | None]:
    size = len(line.encode("utf-8", "surrogatepass"))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Entry(label, size=size, error=f"not valid JSON ({exc.msg} at column {exc.colno})"), None
    if not isinstance(record, dict):
        return _Entry(label, size=size, error="a line must hold a JSON object"), None
    if not isinstance(record.get("text"), str):
        return _Entry(label, size=size, error='the object has no "text" string'), None
    entry = _Entry(label, id=record.get("id"), size=size)
    return entry, (None, record["text"], record.get("published") or published, record.get("headline"))
