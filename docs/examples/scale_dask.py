"""Parse a corpus of JSON Lines with Dask: one parser per worker process, JSON Lines out.

Each input line is ``{"id", "text", "published", "headline"}`` (only ``text`` required); each
output line is ``{"id", "article"}`` for a parsed article or ``{"id", "error"}`` for a line that
could not be parsed. Needs ``pip install 'newsmodel[dask]'``.

    python scale_dask.py CORPUS.jsonl OUT_DIR [--workers N]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import dask
import dask.bag as db

import newsmodel


def parse_lines(lines: Iterable[str]) -> list[dict[str, str | None]]:
    """Parse one partition's lines in this worker process: one row out per line in, with the
    keys ``id``, ``article`` (its JSON, or ``None``) and ``error`` (``None``, or what went wrong).

    ``parse_many(workers=1)`` parses in the calling process with the default parser, which each
    process builds once, on its first partition, and reuses for every partition after it. Give
    every record an ``id``: one without gets its position in its partition.
    """
    rows: list[dict[str, str | None]] = []
    records: list[dict[str, Any]] = []
    slots: list[int] = []
    for line in filter(str.strip, lines):
        try:
            records.append(json.loads(line))
            slots.append(len(rows))
            rows.append({})  # filled below, in place
        except json.JSONDecodeError as exc:
            rows.append({"id": None, "article": None, "error": f"JSONDecodeError: {exc}"})
    results = newsmodel.parse_many(records, workers=1, output="json", with_ids=True)
    for slot, (doc_id, result) in zip(slots, results, strict=True):
        if isinstance(result, newsmodel.Failure):
            rows[slot] = {"id": doc_id, "article": None, "error": f"{result.error}: {result.message}"}
        else:
            rows[slot] = {"id": doc_id, "article": result, "error": None}
    return rows


def parse_partition(lines: Iterable[str]) -> list[str]:
    """One partition as JSON Lines: ``{"id", "article"}`` or ``{"id", "error"}`` per line."""
    out = []
    for row in parse_lines(lines):
        if row["article"] is None:
            out.append(json.dumps({"id": row["id"], "error": row["error"]}, ensure_ascii=False))
        else:  # the article is JSON already: wrap it without parsing it again
            out.append(f'{{"id": {json.dumps(row["id"])}, "article": {row["article"]}}}')
    return out


def parse_corpus(corpus: str, out_dir: str, *, workers: int = 2, blocksize: int | str = "16MB") -> list[str]:
    """Parse ``corpus`` (JSON Lines, a path or a glob) into ``out_dir/*.jsonl``; the files written."""
    bag = db.read_text(corpus, blocksize=blocksize, encoding="utf-8")
    with dask.config.set(scheduler="processes", num_workers=workers):
        written: list[str] = bag.map_partitions(parse_partition).to_textfiles(f"{out_dir}/*.jsonl")
    return written


def parse_to_parquet(corpus: str, out_dir: str, *, workers: int = 2, blocksize: int | str = "16MB") -> None:
    """Parse ``corpus`` into Parquet files: one row per line, the string columns ``id``,
    ``article`` (its JSON) and ``error`` (null when absent).

    Needs pandas and pyarrow besides dask (``pip install 'dask[dataframe]' pyarrow``).
    """
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype="string") for name in ("id", "article", "error")})
    bag = db.read_text(corpus, blocksize=blocksize, encoding="utf-8")
    with dask.config.set(scheduler="processes", num_workers=workers):
        bag.map_partitions(parse_lines).to_dataframe(meta=meta).to_parquet(out_dir)


if __name__ == "__main__":  # with the 'spawn' start method, workers import this file
    corpus, out_dir = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 2
    print("\n".join(parse_corpus(corpus, out_dir, workers=workers)))
