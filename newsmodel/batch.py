"""Many articles at once: :func:`parse_many` parses a stream of texts or records on every core.

Results come back in input order, one per input, while the input is still being read: at most
``(2 × workers + 1) × chunksize`` documents are read ahead of the consumer, so an unbounded
iterator (a file of JSON Lines, a database cursor) runs in bounded memory. A document that cannot
be parsed yields a :class:`Failure` in its place and the run goes on.

>>> import newsmodel
>>> docs = ["BEIJING - China's cabinet met on Monday.", None]
>>> [type(r).__name__ for r in newsmodel.parse_many(docs, workers=1)]
['Article', 'Failure']
"""

from __future__ import annotations

import collections
import contextlib
import os
from collections.abc import Generator, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

import attrs

from .errors import InvalidArgumentError, InvalidTextError, NewsmodelError
from .model import Article
from .parser import Parser, coerce_published, default_parser
from .serialize import to_json

if TYPE_CHECKING:
    from concurrent.futures import Future

# multiprocessing, concurrent.futures and pickle are imported when a pool starts: `import newsmodel`
# stays free of them.

__all__ = ["Document", "Failure", "Item", "Output", "Records", "parse_many"]

Output: TypeAlias = Literal["article", "json", "records"]
"""What :func:`parse_many` yields for a parsed document."""

Records: TypeAlias = dict[str, list[dict[str, Any]]]
"""Flat records of one article: table name to rows, every row stamped with ``article_id``."""

_OUTPUTS = ("article", "json", "records")


def _id(value: object) -> str:
    # JSON Lines corpora often number their documents: an integer id is kept as its decimal text.
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InvalidArgumentError(f"a document id must be a str or an int, not {type(value).__name__}")


def _check_text(_: object, __: object, value: Any) -> None:
    if not isinstance(value, str):
        raise InvalidTextError(f"text must be a str, not {type(value).__name__}")


def _check_published(_: object, __: object, value: Any) -> None:
    coerce_published(value)


def _check_headline(_: object, __: object, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidArgumentError(f"headline must be a str or None, not {type(value).__name__}")


@attrs.frozen(kw_only=True)
class Document:
    """One article to parse, with its id: the record type :func:`parse_many` reads.

    Plain dictionaries with these keys and ``(id, text, published, headline)`` tuples (the last
    two optional) are read as documents too.

    Args:
        id: your identifier for the article, copied into its results; an ``int`` is kept as its
            decimal text.
        text: the article body as published, dateline included.
        published: publication date (``date``, ``datetime`` or an ISO 8601 string).
        headline: the headline, if known.

    Raises:
        InvalidTextError: if ``text`` is not a ``str``.
        InvalidPublishedError: if ``published`` is a string that is not an ISO 8601 date.
        InvalidArgumentError: if another field has the wrong type.

    >>> from newsmodel import Document
    >>> Document(id=7, text="Nothing happened.", published="2017-04-09").id
    '7'
    """

    id: str = attrs.field(converter=_id)
    text: str = attrs.field(validator=_check_text)
    published: date | datetime | str | None = attrs.field(default=None, validator=_check_published)
    headline: str | None = attrs.field(default=None, validator=_check_headline)


@attrs.frozen(kw_only=True)
class Failure:
    """What :func:`parse_many` yields, in its place, for a document it could not parse.

    Attributes:
        index: the document's position in the input, from 0.
        id: the document's id, when it could be read.
        error: the name of the exception's class, e.g. ``"InvalidTextError"``.
        code: the stable code of a newsmodel error (``"NM101"``), else ``None``.
        message: the exception's message.
    """

    index: int
    id: str | None
    error: str
    code: str | None
    message: str

    @classmethod
    def from_exception(cls, exc: BaseException, *, index: int, id: str | None) -> Failure:
        """The failure that ``exc``, raised for the document at ``index``, stands for."""
        code = exc.code if isinstance(exc, NewsmodelError) else None
        return cls(index=index, id=id, error=type(exc).__name__, code=code, message=str(exc))


Item: TypeAlias = str | Document | Mapping[str, Any] | tuple[Any, ...]
"""What :func:`parse_many` reads: a text, a :class:`Document`, a mapping or a tuple."""


def _document(item: object, index: int) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id=str(index), text=item)
    if isinstance(item, Mapping):
        if "text" not in item:
            raise InvalidArgumentError('a record must have a "text" key')
        doc_id = item.get("id")
        return Document(
            id=index if doc_id is None else doc_id,
            text=item["text"],
            published=item.get("published"),
            headline=item.get("headline"),
        )
    if isinstance(item, tuple) and 2 <= len(item) <= 4:
        return Document(
            id=index if item[0] is None else item[0],
            text=item[1],
            published=item[2] if len(item) > 2 else None,
            headline=item[3] if len(item) > 3 else None,
        )
    raise InvalidArgumentError(
        "an item must be a text, a Document, a mapping with a 'text' key or an"
        f" (id, text, published, headline) tuple, not {type(item).__name__}"
    )


def _documents(items: Iterable[object]) -> Iterator[tuple[int, Document | Failure]]:
    for index, item in enumerate(items):
        try:
            yield index, _document(item, index)
        except Exception as exc:
            raw = (
                item.get("id") if isinstance(item, Mapping) else item[0] if isinstance(item, tuple) else None
            )
            doc_id = raw if isinstance(raw, str) else str(raw) if isinstance(raw, int) else None
            yield index, Failure.from_exception(exc, index=index, id=doc_id)


def _records(article: Article, article_id: str) -> Records:
    """The article's flat tables (:mod:`newsmodel.export`), every row stamped with its id."""
    from . import export

    return {name: list(getattr(export, name)(article, article_id=article_id)) for name in export.TABLES}


def _convert(parser: Parser, output: Output, index: int, item: Document | Failure) -> Any:
    if isinstance(item, Failure):
        return item
    try:
        article = parser.parse(item.text, published=item.published, headline=item.headline)
        if output == "article":
            return article
        if output == "json":
            return to_json(article)
        return _records(article, item.id)
    except Exception as exc:  # one bad document never stops the run
        return Failure.from_exception(exc, index=index, id=item.id)


# The state of a worker process, set once by its initializer: the parser and the output wanted.
_worker: tuple[Parser, Output] | None = None


def _init_worker(payload: bytes | None, output: Output) -> None:
    import pickle
    import signal

    global _worker
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers must not die
    # half-way through writing a result.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # started with SIGINT blocked (_sigint_blocked)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    parser = default_parser() if payload is None else pickle.loads(payload)
    _worker = (parser, output)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread for the block (where the platform allows it)."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _run_chunk(chunk: list[tuple[int, Document | Failure]]) -> list[Any]:
    assert _worker is not None, "the pool's initializer sets the worker's parser"
    parser, output = _worker
    return [_convert(parser, output, index, item) for index, item in chunk]


def _check_arguments(
    items: object,
    workers: object,
    chunksize: object,
    parser: object,
    output: object,
    start_method: str | None,
) -> None:
    """Raise :class:`InvalidArgumentError` for a bad argument of :func:`parse_many`."""
    if isinstance(items, str | bytes | Mapping | Document) or not isinstance(items, Iterable):
        raise InvalidArgumentError(
            f"items must be an iterable of texts or records, not {type(items).__name__};"
            " to parse one article use newsmodel.parse"
        )
    if output not in _OUTPUTS:
        raise InvalidArgumentError(f"output must be one of {', '.join(map(repr, _OUTPUTS))}, not {output!r}")
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool) or workers < 0):
        raise InvalidArgumentError(f"workers must be None or an int >= 0, not {workers!r}")
    if chunksize is not None and (
        not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1
    ):
        raise InvalidArgumentError(f"chunksize must be None or an int >= 1, not {chunksize!r}")
    if parser is not None and not isinstance(parser, Parser):
        raise InvalidArgumentError(f"parser must be a newsmodel.Parser or None, not {type(parser).__name__}")
    if start_method is not None:
        import multiprocessing

        if start_method not in multiprocessing.get_all_start_methods():
            raise InvalidArgumentError(
                f"start_method must be one of {multiprocessing.get_all_start_methods()}, not {start_method!r}"
            )


def _cores() -> int:
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return int(count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _serial(
    docs: Iterator[tuple[int, Document | Failure]], parser: Parser, output: Output
) -> Generator[tuple[str | None, Any], None, None]:
    for index, item in docs:
        yield item.id, _convert(parser, output, index, item)


def _chunks(
    docs: Iterator[tuple[int, Document | Failure]], size: int
) -> Iterator[list[tuple[int, Document | Failure]]]:
    chunk: list[tuple[int, Document | Failure]] = []
    for pair in docs:
        chunk.append(pair)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parallel(
    docs: Iterator[tuple[int, Document | Failure]],
    *,
    workers: int,
    chunksize: int,
    payload: bytes | None,
    output: Output,
    start_method: str | None,
) -> Generator[tuple[str | None, Any], None, None]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(start_method),
        initializer=_init_worker,
        initargs=(payload, output),
    )
    # ProcessPoolExecutor.map would read the whole input before yielding anything: submit chunks
    # ourselves, never more than 2 per worker ahead of the one being yielded.
    window = 2 * workers
    chunks = _chunks(docs, chunksize)
    pending: collections.deque[tuple[list[tuple[int, Document | Failure]], Future[list[Any]]]]
    pending = collections.deque()

    def fill() -> None:
        while len(pending) < window:
            chunk = next(chunks, None)
            if chunk is None:
                return
            pending.append((chunk, executor.submit(_run_chunk, chunk)))

    done = False
    try:
        with _sigint_blocked():
            # The workers and the pool's threads are started here: they inherit a mask that
            # blocks SIGINT, so a Ctrl-C reaches this thread (and not a thread that cannot stop
            # the run) and never a worker before it has set itself to ignore it.
            fill()
        while pending:
            chunk, future = pending.popleft()
            results = future.result()
            fill()
            for (_, item), result in zip(chunk, results, strict=True):
                yield item.id, result
        done = True
    finally:
        if done:
            executor.shutdown(wait=True)
        else:  # Ctrl-C, an error, or the consumer stopped early
            # Chunks not started are cancelled; a worker finishes the chunk it holds (at most
            # ``chunksize`` documents) and exits. Terminating it instead could cut a result in
            # half on its way to the parent, whose pool thread would then wait for the rest of
            # it forever, and the interpreter's exit with it.
            executor.shutdown(wait=False, cancel_futures=True)


@overload
def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = ...,
    chunksize: int | None = ...,
    parser: Parser | None = ...,
    output: Literal["article"] = ...,
    with_ids: Literal[False] = ...,
    start_method: str | None = ...,
) -> Iterator[Article | Failure]: ...
@overload
def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = ...,
    chunksize: int | None = ...,
    parser: Parser | None = ...,
    output: Literal["json"],
    with_ids: Literal[False] = ...,
    start_method: str | None = ...,
) -> Iterator[str | Failure]: ...
@overload
def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = ...,
    chunksize: int | None = ...,
    parser: Parser | None = ...,
    output: Literal["records"],
    with_ids: Literal[False] = ...,
    start_method: str | None = ...,
) -> Iterator[Records | Failure]: ...
@overload
def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = ...,
    chunksize: int | None = ...,
    parser: Parser | None = ...,
    output: Literal["article"] = ...,
    with_ids: Literal[True],
    start_method: str | None = ...,
) -> Iterator[tuple[str | None, Article | Failure]]: ...
@overload
def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = ...,
    chunksize: int | None = ...,
    parser: Parser | None = ...,
    output: Literal["json"],
    with_ids: Literal[True],
    start_method: str | None = ...,
) -> Iterator[tuple[str | None, str | Failure]]: ...
@overload
def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = ...,
    chunksize: int | None = ...,
    parser: Parser | None = ...,
    output: Literal["records"],
    with_ids: Literal[True],
    start_method: str | None = ...,
) -> Iterator[tuple[str | None, Records | Failure]]: ...


def parse_many(
    items: Iterable[Item],
    *,
    workers: int | None = None,
    chunksize: int | None = None,
    parser: Parser | None = None,
    output: Output = "article",
    with_ids: bool = False,
    start_method: str | None = None,
) -> Iterator[Any]:
    """Parse many articles, on every core, yielding one result per input in input order.

    The input is read lazily, as results are consumed: at most ``(2 × workers + 1) × chunksize``
    documents ahead, so a generator over a corpus of any size runs in bounded memory. Each worker
    process builds its parser once (the default parser, or the ``parser`` given, pickled once per
    worker). Stopping early (``break``), an exception or Ctrl-C ends the run: chunks not started are
    cancelled, and each worker exits once it has finished the chunk it holds.

    With ``workers`` above 1 the documents are parsed in worker processes of ``multiprocessing``:
    on platforms that start them with ``spawn`` (Windows, macOS), call ``parse_many`` under
    ``if __name__ == "__main__":``. A worker that dies (killed, out of memory) raises
    ``concurrent.futures.process.BrokenProcessPool``.

    Args:
        items: texts (their id is their position, ``"0"``, ``"1"`` ...), :class:`Document` s,
            mappings with the keys ``id``, ``text``, ``published``, ``headline`` (only ``text``
            required; other keys are ignored) or ``(id, text, published, headline)`` tuples (the
            last two optional).
        workers: processes to parse in; ``None`` (the default) uses one per core; ``0`` or ``1``
            parses in this process, without a pool.
        chunksize: documents sent to a worker at a time (default 16); larger chunks cost less
            in communication and read further ahead.
        parser: the :class:`~newsmodel.Parser` to use; the default parser when ``None``.
        output: ``"article"`` yields :class:`~newsmodel.Article` objects; ``"json"`` their
            :func:`~newsmodel.to_json` strings; ``"records"`` a dictionary of flat tables (table
            name to a list of rows, each row a plain dictionary with ``article_id``). With worker
            processes, ``"json"`` and ``"records"`` scale better: an ``Article`` costs the parent
            more to unpickle than a string or a few rows.
        with_ids: yield ``(id, result)`` pairs instead of results alone.
        start_method: the ``multiprocessing`` start method of the workers (``"fork"``,
            ``"spawn"``, ``"forkserver"``); the platform's default when ``None``.

    Yields:
        For each input, in order: the result named by ``output``, or a :class:`Failure` if the
        document could not be read or parsed (a non-``str`` text, a bad date, a record without
        ``text``, an exception in the parser). A failure never stops the run.

    Raises:
        InvalidArgumentError: at the call, for a bad argument (a single ``str`` as ``items``, an
            unknown ``output``, a negative ``workers``, a parser that cannot be pickled).

    >>> import newsmodel
    >>> docs = [{"id": "a1", "text": "Russia denied it on Sunday.", "published": "2017-04-09"}]
    >>> for doc_id, tables in newsmodel.parse_many(docs, workers=1, output="records", with_ids=True):
    ...     print(doc_id, [t["value"] for t in tables["times"]])
    a1 ['2017-04-09']
    """
    _check_arguments(items, workers, chunksize, parser, output, start_method)
    count = _cores() if workers is None else workers
    docs = _documents(items)
    pairs: Generator[tuple[str | None, Any], None, None]
    if count <= 1:
        pairs = _serial(docs, parser if parser is not None else default_parser(), output)
    else:
        import multiprocessing
        import pickle

        if parser is None and default_parser.cache_info().currsize:
            method = start_method or multiprocessing.get_start_method()
            # A forked worker inherits the parser built here; any other loads its pickle in a
            # tenth of the time it takes to build one.
            parser = None if method == "fork" else default_parser()
        try:
            payload = None if parser is None else pickle.dumps(parser, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            raise InvalidArgumentError(f"the parser cannot be sent to worker processes: {exc}") from exc
        pairs = _parallel(
            docs,
            workers=count,
            chunksize=chunksize or 16,
            payload=payload,
            output=output,
            start_method=start_method,
        )
    return pairs if with_ids else _results(pairs)


def _results(pairs: Generator[tuple[str | None, Any], None, None]) -> Iterator[Any]:
    try:
        for _, result in pairs:
            yield result
    finally:  # closing this generator ends the pool at once, not when it is collected
        pairs.close()
