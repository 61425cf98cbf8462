"""The ``newsmodel`` command line.

::

    newsmodel parse FILE... [--published DATE] [--headline TEXT] [--format json|text]
    newsmodel parse --jsonl CORPUS.jsonl [--published DATE]   # {"id", "text", "published", "headline"} per line
    newsmodel parse --jobs N [--jsonl] FILE...                # on N processes (0: one per core)

``-`` reads standard input. User errors (a missing file, a bad date, a bad JSON line) print one line
to standard error; the exit status is 2 when any input could not be parsed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from .errors import NewsmodelError
from .model import Article, StatementKind
from .parser import coerce_published, parse
from .serialize import to_dict, to_json

__all__ = ["format_text", "main"]

EXIT_USAGE = 2


class _UserError(Exception):
    """An error that is the user's to fix: reported in one line, no traceback."""


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="newsmodel",
        description="Turn English news articles into a typed model: actors, statements, events, times.",
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser(
        "parse",
        help="parse articles and print them as JSON or as a readable summary",
        description="Parse articles and print them as JSON or as a readable summary.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article text files ('-' reads standard input)")
    p.add_argument("--published", metavar="DATE", help="publication date, ISO 8601 (e.g. 2017-04-09)")
    p.add_argument("--headline", metavar="TEXT", help="the headline")
    p.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json (default): the article as JSON; text: a summary to read",
    )
    p.add_argument(
        "--jsonl",
        action="store_true",
        help="read JSON Lines ({'id', 'text', 'published', 'headline'} per line) and write one"
        " JSON object per line ({'id', 'article'}); --published is the default for lines without one",
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="parse on N worker processes (0: one per core), results in input order; shows a progress"
        " bar on a terminal and a summary line on standard error",
    )
    return ap


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes (0: one per core), not {value!r}")
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (``newsmodel parse ... | head``): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace) -> int:
    out = sys.stdout
    try:
        published = coerce_published(args.published) if args.published else None
    except NewsmodelError as exc:
        print(f"newsmodel: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs is not None:
        from ._batchcli import run_batch

        return run_batch(
            args.files,
            jsonl=args.jsonl,
            published=published,
            headline=args.headline,
            fmt=args.format,
            jobs=args.jobs,
            out=out,
            err=sys.stderr,
        )
    if args.jsonl:
        return _parse_jsonl(args.files, published, args.format, out)
    failed = 0
    for name in args.files:
        try:
            text = _read(name)
        except _UserError as exc:
            print(f"newsmodel: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        article = parse(text, published=published, headline=args.headline)
        if args.format == "text":
            if len(args.files) > 1:
                out.write(f"==> {name} <==\n")
            out.write(format_text(article) + "\n")
        else:
            out.write(to_json(article, indent=None if len(args.files) > 1 else 2) + "\n")
    return EXIT_USAGE if failed else 0


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        with open(name, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        raise _UserError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise _UserError(f"{name}: is a directory") from None
    except UnicodeDecodeError as exc:
        raise _UserError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise _UserError(f"{name}: {exc.strerror}") from None


def _lines(names: Sequence[str]) -> Iterator[tuple[str, int, str]]:
    for name in names:
        if name == "-":
            for i, line in enumerate(sys.stdin, 1):
                yield "<stdin>", i, line
            continue
        try:
            with open(name, encoding="utf-8") as f:
                for i, line in enumerate(f, 1):
                    yield name, i, line
        except OSError as exc:
            raise _UserError(f"{name}: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise _UserError(f"{name}: not UTF-8 text ({exc.reason})") from None


def _parse_jsonl(names: Sequence[str], published: Any, fmt: str, out: IO[str]) -> int:
    progress = _Progress(sys.stderr)
    failed = 0
    try:
        for name, number, line in _lines(names):
            if not line.strip():
                continue
            try:
                record = _record(line)
                article = parse(
                    record["text"],
                    published=record.get("published") or published,
                    headline=record.get("headline"),
                )
            except (_UserError, NewsmodelError) as exc:
                print(f"newsmodel: error: {name}:{number}: {exc}", file=sys.stderr)
                failed += 1
                continue
            if fmt == "text":
                out.write(f"==> {record.get('id', f'{name}:{number}')} <==\n{format_text(article)}\n")
            else:
                doc = {"id": record.get("id"), "article": to_dict(article)}
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            progress.step()
    except _UserError as exc:
        print(f"newsmodel: error: {exc}", file=sys.stderr)
        failed += 1
    finally:
        progress.close()
    return EXIT_USAGE if failed else 0


def _record(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _UserError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise _UserError("a line must hold a JSON object")
    if not isinstance(record.get("text"), str):
        raise _UserError('the object has no "text" string')
    headline = record.get("headline")
    if headline is not None and not isinstance(headline, str):
        raise _UserError('"headline" must be a string or null')
    return record


class _Progress:
    """A one-line counter on standard error, shown only when it is a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.n = 0
        self.live = bool(getattr(stream, "isatty", lambda: False)())

    def step(self) -> None:
        self.n += 1
        if self.live and self.n % 10 == 0:
            self.stream.write(f"\rnewsmodel: {self.n} articles")
            self.stream.flush()

    def close(self) -> None:
        if self.live and self.n:
            self.stream.write(f"\rnewsmodel: {self.n} articles\n")
            self.stream.flush()


def format_text(article: Article) -> str:
    """A readable summary of an article: dateline, actors, statements, events and times."""
    lines: list[str] = []
    head = []
    if article.dateline is not None:
        d = article.dateline
        head.append(" ".join(x for x in (d.location, f"({d.agency})" if d.agency else "", d.date or "") if x))
    if article.published is not None:
        head.append(f"published {article.published.isoformat()}")
    head.append(f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences")
    if article.headline:
        lines.append(article.headline)
    lines.append(" · ".join(head))

    lines.append(f"\nActors ({len(article.actors)})")
    for a in article.actors:
        facts = ", ".join(x for x in (a.kind.name, a.country, a.sector) if x)
        roles = f"; {', '.join(a.roles)}" if a.roles else ""
        n = len(a.mentions)
        lines.append(f"  {a.name} ({facts}{roles}) · {n} mention{'s' * (n != 1)}")

    lines.append(f"\nStatements ({len(article.statements)})")
    for s in article.statements:
        who = s.speaker.name if s.speaker else "(unknown)"
        content = s.content.text
        if s.kind is StatementKind.DIRECT:
            content = f"“{content}”"
        extra = ", ".join(
            x for x in (s.kind.name, s.cue.text if s.cue else None, s.time.value if s.time else None) if x
        )
        lines.append(f"  {who}: {content} [{extra}]")

    lines.append(f"\nEvents ({len(article.events)})")
    for e in article.events:
        src = ", ".join(a.name for a in e.sources) or "?"
        tgt = ", ".join(a.name for a in e.targets) or "?"
        extra = ", ".join(
            x
            for x in (
                f"“{e.trigger.text}”",
                e.mode.name,
                e.time.value if e.time else None,
                f"in {e.location.name}" if e.location else None,
                *(f"{c.kind.name.lower()} {c.number}" for c in e.counts),
            )
            if x
        )
        lines.append(f"  {e.kind.name:<10} {src} -> {tgt} [{extra}]")

    lines.append(f"\nTimes ({len(article.times)})")
    for t in article.times:
        lines.append(f"  {t.span.text} = {t.value} [{t.kind.name}]")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
