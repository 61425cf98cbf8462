"""parse_many on real articles: one worker against two, with JSON and record output.

    python benchmarks/parallel.py [--limit N] [--workers 1,2] [--outputs json,records,article]

Reads Reuters-21578 (1987) and ISOT (2016-17) wire copy from ../shared/corpora and skips when it is
missing. Each figure is articles/s over the whole run, pool start included (the parent builds the
default parser first, as a long job would; forked workers share it). The target is at least 1.7
times one worker with two workers on two idle cores: on a machine shared with other work the ratio
reads low. Rounds are interleaved; prints the median and best rate, and the core-hours that 10 million articles cost at the one-worker rate.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import CORPORA, isot, reuters


def corpus(limit: int) -> list[tuple[str, str, str | None]]:
    docs = reuters(limit // 2) + isot(limit - limit // 2)
    return [(str(i), text, published) for i, (text, published) in enumerate(docs)]


def run(docs: list[tuple[str, str, str | None]], workers: int, output: str) -> float:
    import newsmodel

    start = time.perf_counter()
    failures = 0
    for result in newsmodel.parse_many(docs, workers=workers, output=output):  # type: ignore[call-overload]
        failures += isinstance(result, newsmodel.Failure)
    if failures:
        raise SystemExit(f"{failures} failures: parse_many should parse every article")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=1000, help="articles, half from each corpus (default 1000)")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    ap.add_argument("--outputs", default="json,records", help="outputs to measure (default json,records)")
    args = ap.parse_args()
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} is missing")
        return
    import newsmodel
    from newsmodel.parser import default_parser

    docs = corpus(args.limit)
    megabytes = sum(len(t.encode("utf-8")) for _, t, _ in docs) / 1e6
    default_parser().parse(docs[0][1])  # build the parser and warm dateparser before timing
    print(f"{len(docs)} articles, {megabytes:.2f} MB; newsmodel {newsmodel.__version__}")
    counts = [int(w) for w in args.workers.split(",")]
    outputs = args.outputs.split(",")
    rates: dict[tuple[str, int], list[float]] = {(o, w): [] for o in outputs for w in counts}
    for _ in range(args.rounds):  # rounds interleaved, so that a burst of other work hits every case
        for output in outputs:
            for workers in counts:
                seconds = run(docs, workers, output)
                rates[output, workers].append(len(docs) / seconds)
    for output in outputs:
        base = statistics.median(rates[output, counts[0]])
        for workers in counts:
            median, best = statistics.median(rates[output, workers]), max(rates[output, workers])
            hours = 1e7 / median / 3600 * workers
            print(
                f"{output:>8} workers={workers}: {median:5.0f} articles/s median, best {best:5.0f}"
                f"  {median / base:4.2f}x  (10M articles: {hours:.1f} core-hours at the median)"
            )


if __name__ == "__main__":
    main()
