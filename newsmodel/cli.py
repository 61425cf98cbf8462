"""The ``newsmodel`` command line.

::

    newsmodel parse FILE... [--published DATE] [--headline TEXT] [--format json|text] [--lines]
    newsmodel parse --jsonl CORPUS.jsonl... [--published DATE]   # {"id", "text", "published", "headline"} per line
    newsmodel parse FILE... --format csv [--table events|statements|actors|mentions|times]
    newsmodel parse FILE --format html|timeml|brat             # several: --output-dir DIR
    newsmodel parse --jobs N [--jsonl] FILE...                 # on N processes (0: one per core)
    newsmodel --version

``-`` reads standard input. One file gives the article as pretty JSON; several files, ``--jsonl``
input or ``--lines`` give JSON Lines, one record ``{"id": ..., "article": ...}`` per article, the id
being the file name (``-`` for standard input) or the line's ``id``. Errors in the input (a missing
file, bytes that are not UTF-8, a bad JSON line) print one line each to standard error, naming the
file and line, and the run goes on with the next input.

Exit status: 0 when every input was parsed; 1 when some input could not be read or parsed (data
error); 2 for a usage error (unknown option, bad ``--published``); 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

from . import __version__
from ._cli_views import VIEW_FORMATS, UsageError, add_view_arguments, view_writer
from .errors import NewsmodelError
from .model import Article, StatementKind
from .parser import coerce_published, parse
from .serialize import escape_surrogates, to_dict, to_json

__all__ = ["EXIT_DATA", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "format_text", "main"]

EXIT_OK = 0
"""Every input was parsed."""
EXIT_DATA = 1
"""Some input could not be read or parsed (each is reported on standard error); the rest was."""
EXIT_USAGE = 2
"""The command line itself is wrong: an unknown option, a missing argument, a bad ``--published``."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (``SIGINT``): 128 + 2, as shells report it."""

_EPILOG = """\
output:
  one FILE                 the article as pretty JSON
  several FILEs, --lines   JSON Lines: {"id": FILE, "article": {...}} per file
  --jsonl                  JSON Lines: {"id": <the line's id>, "article": {...}} per input line
  --format text            a readable summary, headed "==> id <==" when there are several
  --format csv             one table (--table events|statements|actors|mentions|times), one header
  --format html|timeml|brat  one article; several need --output-dir DIR (one file each)
  --jobs N                 the same output, parsed on N processes (0: one per core), in input order;
                           a progress bar while stderr is a terminal and a summary line at the end

exit status:
  0    every input was parsed
  1    some input could not be read or parsed (one line each on stderr; the others were written)
  2    usage error: unknown option, missing FILE, --published that is not a date
  130  interrupted (Ctrl-C)

examples:
  newsmodel parse story.txt --published 2017-04-09
  newsmodel parse story.txt --published "Sun, 09 Apr 2017 14:30:00 GMT" --format text
  cat story.txt | newsmodel parse - --headline "Tillerson blames Russia"
  newsmodel parse a.txt b.txt > articles.jsonl
  newsmodel parse --jsonl corpus.jsonl --published 2017-04-09 > parsed.jsonl
  newsmodel parse a.txt b.txt --format csv --table statements > statements.csv
  newsmodel parse story.txt --format html > story.html
  newsmodel parse --jobs 0 --jsonl corpus.jsonl > parsed.jsonl
"""


class _UserError(Exception):
    """A problem with one input that is the user's to fix: reported in one line, no traceback."""


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="newsmodel",
        description="Turn English news articles into a typed model: actors, statements, events, times.",
        epilog="Run 'newsmodel parse --help' for its options.\n\n" + _EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--version", action="version", version=f"newsmodel {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser(
        "parse",
        help="parse articles and print them as JSON or as a readable summary",
        description="Parse articles and print them as JSON or as a readable summary.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article text files ('-' reads standard input)")
    p.add_argument(
        "--published",
        metavar="DATE",
        help="publication date: ISO 8601 (2017-04-09), RFC 2822 or 'April 9, 2017'",
    )
    p.add_argument("--headline", metavar="TEXT", help="the headline (not with --jsonl: give each line one)")
    p.add_argument(
        "--format",
        choices=(*sorted(_WRITERS), *VIEW_FORMATS),
        default="json",
        help="json (default): the article as JSON; text: a summary to read; html: a page to look at;"
        " csv: one table (--table) with one header for all inputs; timeml: TIMEX3 tags in the text;"
        " brat: brat standoff annotation (.ann)",
    )
    add_view_arguments(p)
    p.add_argument(
        "--lines",
        action="store_true",
        help='write JSON Lines records {"id", "article"} even for a single FILE',
    )
    p.add_argument(
        "--jsonl",
        action="store_true",
        help="read JSON Lines ({'id', 'text', 'published', 'headline'} per line) and write one"
        " record per line; --published is the default for lines without one",
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
    """Run the command line; returns the exit status (see the module docstring)."""
    try:
        args = _build_parser().parse_args(argv)
        return _run(args)
    except KeyboardInterrupt:  # Ctrl-C: no traceback, the shell's status for SIGINT
        _quietly(lambda: sys.stderr.write("\n"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (``newsmodel parse ... | head``): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _quietly(action: Callable[[], object]) -> None:
    with contextlib.suppress(OSError, ValueError):
        action()


def _error(message: str) -> None:
    print(f"newsmodel: error: {message}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    if args.jsonl and args.headline is not None:
        _error('--headline does not apply to --jsonl input; give each line a "headline"')
        return EXIT_USAGE
    try:
        published = coerce_published(args.published) if args.published else None
    except NewsmodelError as exc:
        _error(str(exc))
        return EXIT_USAGE
    lines = args.lines or args.jsonl or len(args.files) > 1
    try:
        write = _writer(args, lines)
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    out = sys.stdout
    if args.jobs is not None:
        return _run_parallel(args, published, write, lines, out)
    from ._batchcli import Progress

    progress = Progress(sys.stderr, None)  # a counter while standard error is a terminal
    try:
        for record_id, item in _inputs(args, published):
            if isinstance(item, str):
                progress.close()
                _error(item)
            else:
                write(out, record_id, item, lines)
            progress.update(0, failed=isinstance(item, str))
    finally:
        progress.close()
    return EXIT_DATA if progress.errors else EXIT_OK


def _run_parallel(
    args: argparse.Namespace,
    published: Any,
    write: Callable[[IO[str], str, Article, bool], None],
    lines: bool,
    out: IO[str],
) -> int:
    """``--jobs``: the serial loop's output from :func:`~newsmodel.parse_many`, with a progress bar
    on a terminal and a summary line. JSON Lines are written by the workers (the parent only wraps
    them), which is what makes two processes worth it."""
    from ._batchcli import Progress, parallel_inputs

    as_json = args.format == "json" and lines
    progress = Progress(sys.stderr, _total_bytes(args.files))
    interrupted = False
    try:
        for record_id, result, error, size in parallel_inputs(
            _documents(args, published), args.jobs, as_json=as_json
        ):
            if error is not None:
                progress.close()
                _error(error)
            elif isinstance(result, str):  # JSON the worker wrote: wrapped, not parsed again
                out.write(f'{{"id": {_dumps(record_id)}, "article": {result}}}\n')
            elif result is not None:
                write(out, record_id, result, lines)
            progress.update(size, failed=error is not None)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.close()
    sys.stderr.write(progress.summary(interrupted=interrupted) + "\n")
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_DATA if progress.errors else EXIT_OK


def _writer(args: argparse.Namespace, lines: bool) -> Callable[[IO[str], str, Article, bool], None]:
    """The writer of ``--format`` (the views' writers also read ``--table`` and ``--output-dir``)."""
    if args.format in VIEW_FORMATS or args.table is not None or args.output_dir is not None:
        return view_writer(args, lines)
    return _WRITERS[args.format]


def _total_bytes(names: Sequence[str]) -> int | None:
    import os

    try:
        return sum(os.path.getsize(n) for n in names) if "-" not in names else None
    except OSError:
        return None


# -- inputs: each yields (id, article) or (id, error message) -------------------------------------


Doc = tuple[str, Any, "str | None"]
"""What a worker parses: ``(text, published, headline)``."""


def _documents(args: argparse.Namespace, published: Any) -> Iterator[tuple[str, Doc | str]]:
    """``(id, (text, published, headline))`` for each input, or ``(id, error message)``."""
    if args.jsonl:
        yield from _jsonl_documents(args.files, published)
        return
    for name in args.files:
        try:
            text = _read(name)
        except _UserError as exc:
            yield name, str(exc)
            continue
        yield name, (text, published, args.headline)


def _inputs(args: argparse.Namespace, published: Any) -> Iterator[tuple[str, Article | str]]:
    """``(id, article)`` for each input parsed in this process, or ``(id, error message)``."""
    for record_id, doc in _documents(args, published):
        if isinstance(doc, str):
            yield record_id, doc
            continue
        text, when, headline = doc
        try:
            yield record_id, parse(text, published=when, headline=headline)
        except NewsmodelError as exc:
            yield record_id, f"{record_id}: {exc}"


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = f"{where}: " if where else ""
        raise _UserError(f"{prefix}not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _read(name: str) -> str:
    if name == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes beneath (embedding, tests)
            return sys.stdin.read()
        return _decode(buffer.read(), "<stdin>")
    try:
        with open(name, "rb") as f:
            return _decode(f.read(), name)
    except FileNotFoundError:
        raise _UserError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise _UserError(f"{name}: is a directory") from None
    except OSError as exc:
        raise _UserError(f"{name}: {exc.strerror or exc}") from None


def _raw_lines(name: str) -> Iterator[bytes | str]:
    if name == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        yield from buffer if buffer is not None else sys.stdin
        return
    try:
        f = open(name, "rb")  # noqa: SIM115 - closed below, after the lines are consumed
    except FileNotFoundError:
        raise _UserError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise _UserError(f"{name}: is a directory") from None
    except OSError as exc:
        raise _UserError(f"{name}: {exc.strerror or exc}") from None
    with f:
        yield from f


def _jsonl_documents(names: Sequence[str], published: Any) -> Iterator[tuple[str, Doc | str]]:
    for name in names:
        shown = "<stdin>" if name == "-" else name
        try:
            for number, raw in enumerate(_raw_lines(name), 1):
                where = f"{shown}:{number}"
                try:
                    line = raw if isinstance(raw, str) else _decode(raw, "")
                    if not line.strip():
                        continue
                    record = _record(line)
                    when = coerce_published(record["published"]) if record.get("published") else published
                except (_UserError, NewsmodelError) as exc:
                    yield where, f"{where}: {exc}"
                    continue
                record_id = str(record["id"]) if "id" in record else where
                yield record_id, (record["text"], when, record.get("headline"))
        except _UserError as exc:
            yield shown, str(exc)


def _record(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _UserError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise _UserError("not valid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _UserError("a line must hold a JSON object")
    if not isinstance(record.get("text"), str):
        raise _UserError('the object has no "text" string')
    headline = record.get("headline")
    if headline is not None and not isinstance(headline, str):
        raise _UserError('"headline" must be a string or null')
    return record


# -- outputs: one small function per --format ------------------------------------------------------


def _dumps(value: Any) -> str:
    # to_json's escaping of lone surrogates, for the records that wrap an article
    return escape_surrogates(json.dumps(value, ensure_ascii=False))


def _write_json(out: IO[str], record_id: str, article: Article, lines: bool) -> None:
    if lines:
        out.write(_dumps({"id": record_id, "article": to_dict(article)}) + "\n")
    else:
        out.write(to_json(article, indent=2) + "\n")


def _write_text(out: IO[str], record_id: str, article: Article, lines: bool) -> None:
    head = f"==> {record_id} <==\n" if lines else ""
    text = head + format_text(article) + "\n"
    out.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))


_WRITERS: dict[str, Callable[[IO[str], str, Article, bool], None]] = {
    "json": _write_json,
    "text": _write_text,
}
"""``--format`` name -> writer(out, record id, article, several records?)."""


def format_text(article: Article) -> str:
    """A readable summary of an article: dateline, actors, statements, events and times."""
    lines: list[str] = []
    head = []
    if article.dateline is not None:
        d = article.dateline
        head.append(" ".join(x for x in (d.location, f"({d.agency})" if d.agency else "", d.date or "") if x))
    if article.published is not None:
        when = article.published_at.isoformat() if article.published_at else article.published.isoformat()
        head.append(f"published {when}")
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
            content = " … ".join(f"“{q.text}”" for q in s.quotes) if s.quotes else f"“{content}”"
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
