"""parse_many on real articles: one worker against two, with JSON and record output.

    python benchmarks/parallel.py [--limit N] [--workers 1,2] [--outputs json,records,article]

Reads Reuters-21578 (1987) and ISOT (2016-17) wire copy from ../shared/corpora and skips when it is
missing. Each figure is articles/s over the whole run, pool start included (the parent builds the
default parser first, as a long job would; forked workers share it). The target is at least 1.7
times one worker with two workers on two idle cores: on a machine shared with other work the ratio
reads low, so the script also measures CPU time (this process's and its workers') and estimates
the ratio on idle cores from it. Rounds are interleaved; prints the median and best rate, and the
CPU core-hours that 10 million articles cost at the one-worker rate.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import CORPORA, isot, reuters


def corpus(limit: int) -> list[tuple[str, str, str | None]]:
    docs = reuters(limit // 2) + isot(limit - limit // 2)
    return [(str(i), text, published) for i, (text, published) in enumerate(docs)]


@dataclass
class Run:
    seconds: float  # wall clock
    parent: float  # CPU seconds of this process
    workers: float  # CPU seconds of the worker processes


def run(docs: list[tuple[str, str, str | None]], workers: int, output: str) -> Run:
    import newsmodel

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    failures = 0
    for result in newsmodel.parse_many(docs, workers=workers, output=output):  # type: ignore[call-overload]
        failures += isinstance(result, newsmodel.Failure)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, joined by now
    if failures:
        raise SystemExit(f"{failures} failures: parse_many should parse every article")
    worker_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return Run(seconds, cpu, worker_cpu)


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
    n = len(docs)
    megabytes = sum(len(t.encode("utf-8")) for _, t, _ in docs) / 1e6
    default_parser().parse(docs[0][1])  # build the parser and warm dateparser before timing
    print(
        f"{n} articles, {megabytes:.2f} MB; newsmodel {newsmodel.__version__}; load {os.getloadavg()[0]:.2f}"
    )
    counts = [int(w) for w in args.workers.split(",")]
    outputs = args.outputs.split(",")
    runs: dict[tuple[str, int], list[Run]] = {(o, w): [] for o in outputs for w in counts}
    for _ in range(args.rounds):  # rounds interleaved, so that a burst of other work hits every case
        for output in outputs:
            for workers in counts:
                runs[output, workers].append(run(docs, workers, output))
    print(f"load {os.getloadavg()[0]:.2f} at the end (2 idle cores read 0)")
    for output in outputs:
        base = statistics.median(n / r.seconds for r in runs[output, counts[0]])
        serial_cpu = statistics.median(r.parent + r.workers for r in runs[output, counts[0]])
        for workers in counts:
            rates = [n / r.seconds for r in runs[output, workers]]
            median = statistics.median(rates)
            parent = statistics.median(r.parent for r in runs[output, workers])
            pool = statistics.median(r.workers for r in runs[output, workers])
            cores = min(workers, os.cpu_count() or 1)
            # On idle cores the run takes as long as its busiest share: the parent and the workers
            # share the cores, the parent alone cannot go faster than its own CPU time.
            estimate = serial_cpu / max(parent, (parent + pool) / cores)
            print(
                f"{output:>8} workers={workers}: {median:5.0f} articles/s median, best {max(rates):5.0f},"
                f" {median / base:4.2f}x; CPU ms/article: parent {1000 * parent / n:.2f},"
                f" workers {1000 * pool / n:.2f}; idle-core estimate {estimate:4.2f}x;"
                f" 10M articles: {1e7 * (parent + pool) / n / 3600:.1f} CPU core-hours"
            )


if __name__ == "__main__":
    main()
