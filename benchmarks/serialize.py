"""Time JSON serialisation of parsed articles: ``to_json`` and ``from_json`` per article (ms).

    python benchmarks/serialize.py [--limit N] [--repeat R]

Parses the seed and, when ../shared/corpora is present, real wire copy (the documents of
``benchmarks/stages.py``: ISOT dev bodies, 2016-17, and Reuters-21578 bodies, 1987, which are
shorter), then times each function over the articles of each corpus, ``--repeat`` times, and
prints the best round's CPU time per article, with the mean size of the JSON. The target of issue
16 is ``from_json`` at most 0.4 ms per article. Not a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stages import documents

import newsmodel


def best_ms(fn: object, items: list, repeat: int) -> float:  # type: ignore[type-arg]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for item in items:
            fn(item)  # type: ignore[operator]
        best = min(best, time.process_time() - t0)
    return best * 1000 / len(items)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300, help="documents from each corpus (default 300)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    parser = newsmodel.Parser()
    docs = documents(args.limit)
    n_isot = sum(published is None for _, published in docs[1 : args.limit + 1])
    groups = {"seed": docs[:1], "isot": docs[1 : 1 + n_isot], "reuters": docs[1 + n_isot :], "all": docs}
    for name, group in groups.items():
        if not group:
            continue
        articles = [parser.parse(text, published=published) for text, published in group]
        texts = [newsmodel.to_json(a) for a in articles]
        for s, a in zip(texts, articles, strict=True):  # the round trip gives the article and its JSON
            again = newsmodel.from_json(s)
            assert again == a and newsmodel.to_json(again) == s
        size = sum(len(s) for s in texts) / len(texts) / 1024
        to_ms = best_ms(newsmodel.to_json, articles, args.repeat)
        from_ms = best_ms(newsmodel.from_json, texts, args.repeat)
        print(
            f"{name:8} {len(articles):4} articles, JSON {size:5.1f} KB: "
            f"to_json {to_ms:.3f} ms, from_json {from_ms:.3f} ms per article"
        )


if __name__ == "__main__":
    main()
