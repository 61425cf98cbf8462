"""Memory over a long run: peak RSS growth while one process parses 10,000 real articles.

    python benchmarks/memory.py [--limit N] [--output json|records|article]

Reads Reuters-21578 and ISOT from ../shared/corpora (skips when missing), loads the texts, parses
the first 100 (the parser built, dateparser warmed up), then streams all of them through
``parse_many(workers=1)`` and drops each result, as a job writing its output would. Prints the
resident set size along the way and the peak's growth over the warm baseline: whatever the caches
keep (dateparser's, ours) shows up here. The target is at most 50 MB over 10,000 articles. The
first line also gives what importing newsmodel and parsing the first 100 articles added to the
process (the rules, the compiled patterns, the dictionaries those articles needed).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import CORPORA, isot, reuters


def rss_mb() -> float:
    """The current resident set size (Linux), in MB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=10_000, help="articles (default 10,000)")
    ap.add_argument("--output", default="json", choices=("json", "records", "article"))
    args = ap.parse_args()
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} is missing")
        return
    texts = [t for t, _ in isot(1000)]
    texts += [t for t, _ in reuters(args.limit - len(texts))]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    before = rss_mb()
    import newsmodel

    for _ in newsmodel.parse_many(texts[:100], workers=1):
        pass
    base_rss, base_peak = rss_mb(), peak_mb()
    print(
        f"{len(texts)} distinct articles, {megabytes:.1f} MB; warm RSS {base_rss:.1f} MB"
        f" (+{base_rss - before:.1f} MB for newsmodel, its parser, its data and 100 articles)"
    )
    start = time.perf_counter()
    marks = {len(texts) * k // 10 for k in range(1, 11)}
    for n, _ in enumerate(newsmodel.parse_many(texts, workers=1, output=args.output), 1):  # type: ignore[call-overload]
        if n in marks:
            print(f"  {n:6d} articles: RSS {rss_mb():6.1f} MB (+{rss_mb() - base_rss:5.1f})")
    seconds = time.perf_counter() - start
    growth = peak_mb() - base_peak
    print(
        f"peak RSS growth over {len(texts)} articles: {growth:.1f} MB (target <= 50);"
        f" {len(texts) / seconds:.0f} articles/s"
    )


if __name__ == "__main__":
    main()
