"""``newsmodel parse --jobs N``: the documents the command line reads, parsed by
:func:`~newsmodel.parse_many` in input order (:func:`parallel_inputs`), and the progress bar and
summary line it shows on standard error (:class:`Progress`). ``cli.py`` writes the results with
the same writers as the serial command.

The progress bar is our own (a few lines) rather than tqdm's or rich's: it needs a counter, a
rate and a percentage of the input's bytes, which does not justify a dependency for every user,
and an optional one would leave the command with two behaviours.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Iterator
from typing import IO, Any

from .batch import Failure, parse_many
from .model import Article

__all__ = ["Progress", "parallel_inputs"]


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


def parallel_inputs(
    documents: Iterator[tuple[str, tuple[str, Any, str | None] | str]], jobs: int, *, as_json: bool
) -> Iterator[tuple[str, Article | str | None, str | None, int]]:
    """Parse ``documents`` (``(id, (text, published, headline))`` or ``(id, error message)``) on
    ``jobs`` processes (0: one per core), in order: ``(id, article or JSON text, error, size)``.

    The documents are read lazily: no more are in flight than :func:`~newsmodel.parse_many`'s
    window, so memory stays bounded on a corpus of any size."""
    entries: collections.deque[tuple[str, str | None, int]] = collections.deque()

    def items() -> Iterator[tuple[str, str, Any, str | None] | None]:
        for record_id, doc in documents:
            if isinstance(doc, str):
                entries.append((record_id, doc, 0))
                yield None  # keeps its place: parse_many yields a Failure for it
                continue
            text, published, headline = doc
            entries.append((record_id, None, len(text.encode("utf-8", "surrogatepass"))))
            yield (record_id, text, published, headline)

    output = "json" if as_json else "article"
    for result in parse_many(items(), workers=jobs or None, output=output):  # type: ignore[call-overload]
        record_id, error, size = entries.popleft()
        if error is None and isinstance(result, Failure):
            error = f"{record_id}: {result.message}"
        yield record_id, None if error is not None else result, error, size
