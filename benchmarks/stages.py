"""Time each stage of the pipeline per article (ms per 2 KB), on the seed and, when present, on
real wire copy from ../shared/corpora (Reuters-21578 and ISOT bodies).

    python benchmarks/stages.py [--limit N] [--repeat R] [--alone]

Standard library only; not a test. Prints one line per stage. By default each article goes
through the whole pipeline and each stage's call is timed where it runs, between the others (the
cost in a real pipeline, caches cooled by the other stages). With ``--alone`` each stage runs over
every article in turn, its code and data warm, and the best repeat is reported.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from pathlib import Path

import attrs

import newsmodel
from newsmodel.parser import coerce_published
from newsmodel.pipeline import Context

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def documents(limit: int) -> list[tuple[str, str | None]]:
    seed = (ROOT / "seeds" / "000_ac61e94c7b0ffc5c.txt").read_text(encoding="utf-8")
    docs: list[tuple[str, str | None]] = [(seed, "2017-04-09")]
    isot = CORPORA / "isot" / "dev.csv"
    if isot.exists():
        with open(isot, encoding="utf-8", newline="") as f:
            for row in list(csv.DictReader(f))[:limit]:
                docs.append((row["text"], None))
    reuters = CORPORA / "reuters21578" / "reut2-000.sgm"
    if reuters.exists():
        sgml = reuters.read_text(encoding="latin-1")
        for m in list(re.finditer(r"<BODY>(.*?)</BODY>", sgml, re.S))[:limit]:
            docs.append((m[1], None))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300, help="documents from each corpus (default 300)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--alone", action="store_true", help="time each stage over all articles in turn")
    args = ap.parse_args()
    docs = documents(args.limit)
    parser = newsmodel.Parser()
    for text, published in docs[:5]:  # warm up: lazy compilation, dateparser's first call
        parser.parse(text, published=published)
    kb = sum(len(t) for t, _ in docs) / 2048
    if args.alone:
        alone(parser, docs, kb, args.repeat)
        return
    totals = dict.fromkeys(("segment", "times", "actors", "statements", "events", "parse"), 0.0)
    for _ in range(args.repeat):
        for text, published in docs:
            when = coerce_published(published)
            t0 = time.perf_counter()
            seg = parser.segmenter(text)
            t1 = time.perf_counter()
            ctx = Context(text=text, published=when, headline=None, segments=seg)
            t2 = time.perf_counter()
            times = tuple(parser.times(ctx))
            t3 = time.perf_counter()
            ctx = attrs.evolve(ctx, times=times)
            t4 = time.perf_counter()
            cast = parser.actors(ctx)
            t5 = time.perf_counter()
            ctx = attrs.evolve(ctx, cast=cast)
            t6 = time.perf_counter()
            statements = tuple(parser.statements(ctx))
            t7 = time.perf_counter()
            ctx = attrs.evolve(ctx, statements=statements)
            t8 = time.perf_counter()
            parser.events(ctx)
            t9 = time.perf_counter()
            parser.parse(text, published=published)
            t10 = time.perf_counter()
            # Each stage is timed alone; building the contexts between them is not its cost.
            spent = (t1 - t0, t3 - t2, t5 - t4, t7 - t6, t9 - t8, t10 - t9)
            for name, dt in zip(totals, spent, strict=True):
                totals[name] += dt
    print(f"{len(docs)} documents, {kb * 2:.0f} KB, {args.repeat} repeats")
    for name, total in totals.items():
        print(f"{name:>10}: {1000 * total / (kb * args.repeat):7.3f} ms per 2 KB")


def alone(parser: newsmodel.Parser, docs: list[tuple[str, str | None]], kb: float, repeat: int) -> None:
    """Each stage over every article in turn (its inputs prepared first); the best of ``repeat``."""
    contexts = []
    for text, published in docs:
        ctx = Context(
            text=text, published=coerce_published(published), headline=None, segments=parser.segmenter(text)
        )
        ctx = attrs.evolve(ctx, times=tuple(parser.times(ctx)))
        ctx = attrs.evolve(ctx, cast=parser.actors(ctx))
        ctx = attrs.evolve(ctx, statements=tuple(parser.statements(ctx)))
        contexts.append(ctx)
    stages = {
        "segment": lambda c: parser.segmenter(c.text),
        "times": parser.times,
        "actors": parser.actors,
        "statements": parser.statements,
        "events": parser.events,
    }
    print(f"{len(docs)} documents, {kb * 2:.0f} KB, best of {repeat}, each stage alone")
    for name, stage in stages.items():
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for ctx in contexts:
                stage(ctx)
            best = min(best, time.perf_counter() - t0)
        print(f"{name:>10}: {1000 * best / kb:7.3f} ms per 2 KB")


if __name__ == "__main__":
    main()
