"""Whether the actor stage is linear in the size of its input: its cost per KB on one long text
of growing size (25 KB up to 1 MB), made by joining real articles.

    python benchmarks/actor_scaling.py [--sizes 25,100,400,1000] [--repeat 3] [--no-gc]

The texts are ISOT dev bodies from ../shared/corpora when present (else the seed article
repeated), joined by blank lines until each size in KB is reached. Each text is segmented once
(not timed); the actor stage (:class:`newsmodel.actors.ActorFinder`) is timed alone, the best of
``--repeat`` runs. A linear stage keeps about the same ms per KB at every size; a pass that
re-sorts or rebuilds a list of mentions per mention shows as a per-KB cost that grows with the
size. ``--no-gc`` times with Python's cyclic garbage collector paused: what grows with the size
then is the stage's own work, not the collector's scans of a heap that grows with the text.
Standard library only; not a test.
"""

from __future__ import annotations

import argparse
import csv
import gc
import time
from pathlib import Path

from newsmodel.actors import ActorFinder
from newsmodel.pipeline import Context
from newsmodel.segment import Segmenter

ROOT = Path(__file__).resolve().parent.parent
ISOT = ROOT.parent / "shared" / "corpora" / "isot" / "dev.csv"
SEED = ROOT / "seeds" / "000_ac61e94c7b0ffc5c.txt"


def bodies() -> list[str]:
    """Article bodies to join: the ISOT dev bodies, or the seed article."""
    if ISOT.exists():
        csv.field_size_limit(1 << 24)
        with ISOT.open(newline="", encoding="utf-8") as f:
            return [row["text"] for row in csv.DictReader(f) if row.get("text", "").strip()]
    return [SEED.read_text(encoding="utf-8")]


def text_of(kb: int, pieces: list[str]) -> str:
    """Articles joined by blank lines up to ``kb`` KB (cut at the last whole article past it)."""
    out: list[str] = []
    size, i = 0, 0
    while size < kb * 1024:
        piece = pieces[i % len(pieces)]
        out.append(piece)
        size += len(piece) + 2
        i += 1
    return "\n\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="25,100,400,1000", help="sizes in KB, comma-separated")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-gc", action="store_true", help="pause the cyclic garbage collector while timing")
    args = ap.parse_args()
    segmenter, finder = Segmenter(), ActorFinder()
    pieces = bodies()
    warm = text_of(4, pieces)  # the first call loads what the stage loads on first use
    finder(Context(text=warm, published=None, headline=None, segments=segmenter(warm)))
    print(f"{'KB':>6} {'actors':>7} {'mentions':>9} {'ms':>9} {'ms per KB':>10}")
    for kb in (int(s) for s in args.sizes.split(",")):
        text = text_of(kb, pieces)
        context = Context(text=text, published=None, headline=None, segments=segmenter(text))
        best, cast = float("inf"), None
        for _ in range(args.repeat):
            if args.no_gc:
                gc.collect()
                gc.disable()
            t0 = time.perf_counter()
            cast = finder(context)
            best = min(best, time.perf_counter() - t0)
            gc.enable()
        assert cast is not None
        mentions = sum(len(a.mentions) for a in cast.actors)
        real_kb = len(text) / 1024
        print(
            f"{real_kb:6.0f} {len(cast.actors):7d} {mentions:9d} {best * 1000:9.1f} {best * 1000 / real_kb:10.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
