"""Throughput of newsmodel.parse: articles/s and MB/s on the seed article and, when
../shared/corpora is present, on Reuters-21578 (1987) and ISOT (2016-17) wire copy.

    python benchmarks/speed.py [--limit N] [--rounds R]

Standard library only; a benchmark, not a test. The first parse of a process (lazy compilation,
dateparser's data) is timed separately as "first parse".
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
SEED = ROOT / "seeds" / "000_ac61e94c7b0ffc5c.txt"

Doc = tuple[str, str | None]


def seed() -> list[Doc]:
    return [(SEED.read_text(encoding="utf-8"), "2017-04-09")]


def reuters(limit: int) -> list[Doc]:
    out: list[Doc] = []
    for path in sorted((CORPORA / "reuters21578").glob("reut2-*.sgm")):
        sgml = path.read_text(encoding="latin-1")
        for m in re.finditer(r"<BODY>(.*?)</BODY>", sgml, re.S):
            out.append((html.unescape(m[1]), None))
            if len(out) >= limit:
                return out
    return out


def isot(limit: int) -> list[Doc]:
    path = CORPORA / "isot" / "dev.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return [(row["text"], None) for row in list(csv.DictReader(f))[:limit]]


def measure(name: str, docs: Sequence[Doc], rounds: int) -> None:
    import newsmodel

    if not docs:
        print(f"{name:>12}: skipped (no data)")
        return
    megabytes = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text, published in docs:
            newsmodel.parse(text, published=published)
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(
        f"{name:>12}: {len(docs) / median:8.0f} articles/s  {megabytes / median:6.2f} MB/s"
        f"  ({1000 * median / len(docs):.2f} ms/article median, best {1000 * best / len(docs):.2f};"
        f" {len(docs)} articles, {megabytes:.2f} MB)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=500, help="articles from each corpus (default 500)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    start = time.perf_counter()
    import newsmodel

    imported = time.perf_counter()
    text, published = seed()[0]
    newsmodel.parse(text, published=published)
    first = time.perf_counter()
    print(
        f"{'import':>12}: {1000 * (imported - start):.0f} ms; first parse {1000 * (first - imported):.0f} ms"
    )
    measure("seed", seed() * 50, args.rounds)
    measure("reuters1987", reuters(args.limit), args.rounds)
    measure("isot2017", isot(args.limit), args.rounds)


if __name__ == "__main__":
    main()
