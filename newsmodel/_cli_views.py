"""The command line's views: ``--format html|csv|timeml|brat``, ``--table`` and ``--output-dir``.

Each writer has the shape ``writer(out, record_id, article, several)`` (the stream, the input's id,
the article, and whether there are several inputs), the shape of the command line's other writers.
:func:`view_writer` picks one from the parsed arguments.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from .export import TABLES, brat, timeml, write_csv
from .export import table as export_table
from .model import Article
from .render import html

__all__ = ["VIEW_FORMATS", "UsageError", "Writer", "add_view_arguments", "view_writer"]

VIEW_FORMATS = ("html", "csv", "timeml", "brat")
"""The ``--format`` values this module writes."""

_SUFFIXES = {"html": ".html", "timeml": ".tml", "brat": ".ann"}

Writer = Callable[[IO[str], str, Article, bool], None]


class UsageError(Exception):
    """A combination of options that does not go together: the command line's usage error."""


def add_view_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--table",
        choices=TABLES,
        help="with --format csv: the table to write (default events); article_id is the file name or the line's id",
    )
    p.add_argument(
        "--output-dir",
        metavar="DIR",
        help="with --format html, timeml or brat: write one file per article into DIR"
        " (<id>.html, <id>.tml, or <id>.txt beside <id>.ann) instead of standard output",
    )


def _write_html(out: IO[str], record_id: str, article: Article, several: bool) -> None:
    out.write(html(article, title=record_id if several else None))


def _write_timeml(out: IO[str], record_id: str, article: Article, several: bool) -> None:
    out.write(timeml(article, doc_id=record_id))


def _write_brat(out: IO[str], record_id: str, article: Article, several: bool) -> None:
    out.write(brat(article))  # the .ann; the input file itself is the .txt beside it


class _CsvWriter:
    """One table as CSV: the header once, then every article's rows, ``article_id`` its record id."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.header = True

    def __call__(self, out: IO[str], record_id: str, article: Article, several: bool) -> None:
        rows = (_printable(r) for r in export_table(self.table, article, article_id=record_id))
        write_csv(rows, out, name=self.table, header=self.header)
        self.header = False


def _printable(row: dict[str, Any]) -> dict[str, Any]:
    # a lone surrogate (JSON Lines may carry one) cannot be written as UTF-8: show it as U+FFFD
    return {
        k: v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v for k, v in row.items()
    }


class _DirWriter:
    """Writes each article to its own file in a directory, named after its record id."""

    def __init__(self, directory: str, fmt: str, write: Writer) -> None:
        self.directory = Path(directory)
        self.fmt = fmt
        self.write = write
        self.used: set[str] = set()

    def __call__(self, out: IO[str], record_id: str, article: Article, several: bool) -> None:
        base = re.split(r"[/\\]", record_id)[-1].removesuffix(".txt")  # a file's name, or a line's id
        stem = re.sub(r"[^\w.-]+", "_", base)
        stem = stem.strip("._") or "article"
        name, n = stem, 1
        while name in self.used:  # two inputs of one name (a/x.txt, b/x.txt): x, x-2
            n += 1
            name = f"{stem}-{n}"
        self.used.add(name)
        path = self.directory / (name + _SUFFIXES[self.fmt])
        with open(path, "w", encoding="utf-8", newline="") as f:
            self.write(f, record_id, article, several)
        if self.fmt == "brat":  # brat reads the text beside the annotation; offsets count its characters
            with open(path.with_suffix(".txt"), "w", encoding="utf-8", errors="replace", newline="") as f:
                f.write(article.text)


def view_writer(args: argparse.Namespace, several: bool) -> Writer:
    """The writer for ``--format``, ``--table`` and ``--output-dir``; a bad combination is a usage error."""
    if args.table is not None and args.format != "csv":
        raise UsageError("--table goes with --format csv")
    if args.format == "csv":
        if args.output_dir is not None:
            raise UsageError("--output-dir goes with --format html, timeml or brat; csv writes one table")
        return _CsvWriter(args.table or "events")
    if args.format not in _SUFFIXES:
        raise UsageError(f"--output-dir goes with --format html, timeml or brat, not {args.format}")
    write: Writer = {"html": _write_html, "timeml": _write_timeml, "brat": _write_brat}[args.format]
    if args.output_dir is None:
        if several:
            raise UsageError(f"--format {args.format} writes one article: give --output-dir DIR for several")
        return write
    try:
        Path(args.output_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{args.output_dir}: {exc.strerror or exc}") from None
    return _DirWriter(args.output_dir, args.format, write)
