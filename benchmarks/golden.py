"""Hash the full JSON of every article of ../shared/corpora, to prove a refactoring changed nothing.

    python benchmarks/golden.py                      # one sha256 per corpus, and one for all
    python benchmarks/golden.py --dump DIR           # also write each article's JSON under DIR
    python benchmarks/golden.py --compare DIR        # name the articles whose JSON differs from DIR

The corpora are read with the shared harness's own loaders (``../shared/eval/newseval``): every
Reuters-21578 body, the ISOT dev bodies, the PolNeAR dev texts, the TempEval-3 train texts, the
CoNLL-2003 dev documents, the PLOVER dev records and the whole-article dev set, each parsed with the
``published`` and ``headline`` the scorer passes. Skips (exit 0) when ``../shared`` is absent. Not a
test: run it before and after a change that must keep the output byte-identical, and compare.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import newsmodel

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


def documents() -> Iterator[tuple[str, str, object]]:
    """``(corpus, doc id, Doc)`` for every article, in a fixed order."""
    sys.path.insert(0, str(SHARED / "eval"))
    from newseval.loaders import articles, conll, isot, plover, polnear, reuters, tempeval

    for doc in reuters.load(CORPORA):
        yield "reuters21578", doc.id, doc
    for doc, _ in isot.load(CORPORA, "dev"):
        yield "isot-dev", doc.id, doc
    for doc, _ in polnear.load(CORPORA, "dev"):
        yield "polnear-dev", doc.id, doc
    for doc, _ in tempeval.load(CORPORA, "train"):
        yield "tempeval3-train", doc.id, doc
    for doc, _ in conll.load(CORPORA, "dev"):
        yield "conll2003-dev", doc.id, doc
    records, _ = plover.load(CORPORA, "dev")
    for i, (doc, _) in enumerate(records):
        yield "plover-dev", f"{i:04d}-{doc.id}", doc
    for doc, _ in articles.load(CORPORA, "dev"):
        yield "articles-dev", doc.id, doc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dump", type=Path, help="write each article's JSON under this folder")
    ap.add_argument("--compare", type=Path, help="compare each article's JSON with a --dump folder")
    args = ap.parse_args()
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} not found")
        return 0
    parser = newsmodel.Parser()
    hashes: dict[str, hashlib._Hash] = {}
    whole = hashlib.sha256()
    counts: dict[str, int] = {}
    differ: list[str] = []
    started = time.perf_counter()
    for corpus, doc_id, doc in documents():
        article = parser.parse(doc.text, published=doc.published, headline=doc.headline)  # type: ignore[attr-defined]
        data = newsmodel.to_json(article).encode("utf-8", "surrogatepass")
        hashes.setdefault(corpus, hashlib.sha256()).update(data)
        whole.update(data)
        counts[corpus] = counts.get(corpus, 0) + 1
        name = f"{corpus}/{doc_id.replace('/', '_').replace('#', '_')}.json"
        if args.dump:
            path = args.dump / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if args.compare:
            path = args.compare / name
            if not path.exists() or path.read_bytes() != data:
                differ.append(name)
    for corpus, h in hashes.items():
        print(f"{corpus:16} {counts[corpus]:6d}  {h.hexdigest()}")
    print(f"{'all':16} {sum(counts.values()):6d}  {whole.hexdigest()}")
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.compare:
        print(f"{len(differ)} articles differ from {args.compare}")
        for name in differ[:20]:
            print("  ", name)
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
