"""Cold start: what a fresh process pays before its first article is parsed.

    python benchmarks/cold_start.py [--runs N]

Each run is a new Python process (bytecode already cached: one warm-up process runs first) that
times, with ``time.perf_counter``: ``import newsmodel``, building ``Parser()``, the first parse of a
short article with that parser, ``newsmodel.parse`` (the default parser, built on first use) and a
second ``Parser()``. Prints the median and the best of each over the runs, in seconds, and the
CPU time of the process up to the first parse. Targets (issue 16): import <= 0.2 s, ``Parser()``
<= 0.3 s, first parse in a fresh process <= 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in the child process; prints one JSON line of timings.
CHILD = r"""
import json, time
t0 = time.perf_counter(); c0 = time.process_time()
import newsmodel
t1 = time.perf_counter()
parser = newsmodel.Parser()
t2 = time.perf_counter()
parser.parse(SEED, published="2024-03-05")
t3 = time.perf_counter()
c3 = time.process_time()
newsmodel.parse(SEED, published="2024-03-05")
t4 = time.perf_counter()
newsmodel.Parser()
t5 = time.perf_counter()
print(json.dumps({
    "import": t1 - t0,
    "Parser()": t2 - t1,
    "first parse": t3 - t2,
    "import + Parser() + first parse": t3 - t0,
    "CPU to first parse": c3 - c0,
    "newsmodel.parse (default parser)": t4 - t3,
    "second Parser()": t5 - t4,
}))
"""

SEED = (
    "GENEVA, March 5 (Reuters) - Iran and the United States agreed on Tuesday to hold talks with "
    'European envoys next week, a spokesman said. "We will not accept new sanctions," Foreign '
    "Minister Javad Zarif told reporters in Geneva, adding that the two sides had met three times "
    "since January. Protesters gathered outside the embassy for the second day."
)


def run_once() -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    code = f"SEED = {SEED!r}\n{CHILD}"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=7, help="fresh processes to time (default 7)")
    args = ap.parse_args(argv)
    run_once()  # warm-up: compiles the bytecode of the package if it is not cached yet
    runs = [run_once() for _ in range(args.runs)]
    print(f"{'(seconds, ' + str(args.runs) + ' fresh processes)':<36} {'median':>8} {'best':>8}")
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"{key:<36} {statistics.median(values):8.3f} {min(values):8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
