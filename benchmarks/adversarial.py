"""Adversarial inputs: does every stage run in time linear in the length of its input?

Builds each adversarial text at n and 2n characters, times ``newsmodel.parse`` and every stage on
its own (segment, times, actors, statements, events, as ``benchmarks/stages.py`` runs them), and
prints time(2n)/time(n). A linear stage shows a ratio near 2; a ratio above 2.3 (at n = 1 MB) is
flagged as superlinear. Each measurement runs in a child process with a time limit, so a stage that
is quadratic on some input is reported as ``TIMEOUT`` (with the stage it was in) instead of hanging.

    python benchmarks/adversarial.py                    # n = 1 MB, every input (several minutes)
    python benchmarks/adversarial.py --quick            # n = 100 KB: a smoke run (seconds)
    python benchmarks/adversarial.py --size 200000 --only quotes,us --repeat 3
    python benchmarks/adversarial.py --list             # the inputs and what they probe

Standard library only; not a test. Exit status 1 when any ratio is flagged or a run timed out.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("segment", "times", "actors", "statements", "events", "parse")
THRESHOLD = 2.3
MB = 1_000_000


def _fill(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _words(n: int, vocab: list[str], sep: str, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n:
        w = rng.choice(vocab)
        parts.append(w)
        size += len(w) + len(sep)
    return sep.join(parts)[:n]


_LOWER = ["minister", "talks", "border", "said", "troops", "would", "against", "officials", "the", "of"]
_CAPS = [
    "Rex", "Tillerson", "Moscow", "Washington", "Ministry", "Foreign", "Council", "Security", "United",
    "Nations", "Assad", "Syrian", "President", "Reuters", "General", "Assembly", "Lavrov", "Kremlin",
]  # fmt: skip


def nospace(n: int) -> str:
    rng = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(rng.choice(letters) for _ in range(n))


def quotes(n: int) -> str:
    return _fill('"' + "x" * 9, n)  # 100,000 straight quote marks per MB


def quote_marks_only(n: int) -> str:
    return _fill('"', n)


def curly_unbalanced(n: int) -> str:
    return _fill("“a ‘b “c ", n)  # opening marks that never close


def us(n: int) -> str:
    return _fill("U.S. ", n // 4)  # 50,000 repetitions of "U.S." per MB


def us_sentences(n: int) -> str:
    return _fill("The U.S. said U.S. officials met U.S. envoys. ", n)


def one_sentence(n: int) -> str:
    return _words(n - 1, [*_LOWER, *_CAPS, "said,", "that,", "and,"], " ", 2) + "."


def nested(n: int) -> str:
    k = n // 8
    return "(“[‘" * k + "’]”)" * k  # brackets and quotes nested n/8 deep


def nested_straight(n: int) -> str:
    k = n // 4
    return "((\"'" * k + "'\"))" * k


def capitalised(n: int) -> str:
    return _words(n, _CAPS, " ", 3)


def all_caps(n: int) -> str:
    return _words(n, [w.upper() for w in _CAPS], " ", 4)


def he_said(n: int) -> str:
    return _fill("he said ", n)


def digits_commas(n: int) -> str:
    return _fill("1,234,567,", n)


def dates(n: int) -> str:
    return _fill("on March 3, 2017 and last week on Sunday in 2013 ", n)


def abbreviations(n: int) -> str:
    return _fill("Mr. Dr. Gen. Sen. Jan. St. A. B. ", n)


def newlines(n: int) -> str:
    return _fill("\n", n)


def short_lines(n: int) -> str:
    return _fill("a\n", n)


def dots(n: int) -> str:
    return _fill(".", n)


def appositions(n: int) -> str:
    return _fill(
        "Ali Veli, a Turkish police officer, said. A U.S. consulate worker, John Smith, was held. ", n
    )


def counted(n: int) -> str:
    return _fill("Two embassy employees were detained. Egypt's lawmakers met a third local staff member. ", n)


def wire_copy(n: int) -> str:
    unit = (
        '"We will not accept this," Foreign Minister Sergei Lavrov said on Sunday. '
        "He said Russia would respond, and U.S. Secretary of State Rex Tillerson told reporters "
        '"the talks are over." Syrian troops attacked rebels near Aleppo on Monday.\n\n'
    )
    return "WASHINGTON (Reuters) - " + _fill(unit, n - 23)


INPUTS: dict[str, tuple[Callable[[int], str], str]] = {
    "nospace": (nospace, "letters without punctuation or spaces (the issue asks 5 MB: --size 5000000)"),
    "quotes": (quotes, "100,000 straight quote marks per MB, 9 letters apart"),
    "quote-marks": (quote_marks_only, "nothing but straight quote marks"),
    "curly-open": (curly_unbalanced, "curly opening quotes that never close"),
    "us": (us, '"U.S. " repeated (50,000 times at n = 1 MB)'),
    "us-sentences": (us_sentences, '"The U.S. said U.S. officials ..." sentences'),
    "sentence": (one_sentence, "a single sentence of n characters"),
    "nested": (nested, "curly quotes and brackets nested n/8 deep"),
    "nested-straight": (nested_straight, "straight quotes and parentheses nested n/4 deep"),
    "capitalised": (capitalised, "capitalised words (names, places, titles), no punctuation"),
    "all-caps": (all_caps, "ALL-CAPS words, like a long dateline"),
    "he-said": (he_said, '"he said " repeated'),
    "digits": (digits_commas, "one line of digits and commas"),
    "dates": (dates, "time expressions back to back"),
    "abbreviations": (abbreviations, "abbreviations and initials that do not end sentences"),
    "newlines": (newlines, "nothing but newlines"),
    "short-lines": (short_lines, "a one-letter paragraph per line"),
    "dots": (dots, "nothing but periods"),
    "appositions": (appositions, "people named with an owned description beside them, by commas"),
    "counted": (counted, "counted groups and people, and bodies after a country's possessive"),
    "wire": (wire_copy, "ordinary wire copy repeated: quotes, cues, names, dates, events"),
}


def run_child(name: str, n: int, repeat: int) -> None:
    """Time each stage on INPUTS[name] at n characters; print one JSON line per stage as it ends."""
    import attrs

    import newsmodel
    from newsmodel.pipeline import Context

    text = INPUTS[name][0](n)
    parser = newsmodel.Parser()
    # Warm up: lazy compilation, dateparser's first call.
    parser.parse(wire_copy(3000), published="2017-04-09")
    best = dict.fromkeys(STAGES, float("inf"))
    published = newsmodel.parse("", published="2017-04-09").published

    def report(stage: str, seconds: float) -> None:
        best[stage] = min(best[stage], seconds)
        print(json.dumps({"stage": stage, "seconds": best[stage], "chars": len(text)}), flush=True)

    for _ in range(repeat):
        print(json.dumps({"start": "segment"}), flush=True)
        t0 = time.process_time()
        seg = parser.segmenter(text)
        report("segment", time.process_time() - t0)
        ctx = Context(text=text, published=published, headline=None, segments=seg)
        print(json.dumps({"start": "times"}), flush=True)
        t0 = time.process_time()
        ctx = attrs.evolve(ctx, times=tuple(parser.times(ctx)))
        report("times", time.process_time() - t0)
        print(json.dumps({"start": "actors"}), flush=True)
        t0 = time.process_time()
        ctx = attrs.evolve(ctx, cast=parser.actors(ctx))
        report("actors", time.process_time() - t0)
        print(json.dumps({"start": "statements"}), flush=True)
        t0 = time.process_time()
        ctx = attrs.evolve(ctx, statements=tuple(parser.statements(ctx)))
        report("statements", time.process_time() - t0)
        print(json.dumps({"start": "events"}), flush=True)
        t0 = time.process_time()
        tuple(parser.events(ctx))
        report("events", time.process_time() - t0)
        print(json.dumps({"start": "parse"}), flush=True)
        t0 = time.process_time()
        parser.parse(text, published=published)
        report("parse", time.process_time() - t0)


def measure(name: str, n: int, repeat: int, timeout: float) -> tuple[dict[str, float], str | None]:
    """Stage timings for one input at one size, and the stage that timed out (if any)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, str(n), str(repeat)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        out, stuck = proc.stdout, None
        if proc.returncode != 0:
            last = proc.stderr.strip().splitlines()[-1:] or ["?"]
            stuck = f"crashed: {last[0]}"
    except subprocess.TimeoutExpired as exc:
        raw = exc.stdout or b""
        out = raw.decode() if isinstance(raw, bytes) else raw
        stuck = "start-up (import, warm-up)"
    times: dict[str, float] = {}
    for line in out.splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:  # a line cut short when the child was stopped
            continue
        if "stage" in rec:
            times[rec["stage"]] = rec["seconds"]
        elif stuck is not None and not stuck.startswith("crashed"):
            stuck = rec["start"]
    if stuck is not None and not stuck.startswith("crashed"):
        stuck = f"TIMEOUT in {stuck}"
    return times, stuck


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=MB, help="n in characters (default 1,000,000)")
    ap.add_argument("--quick", action="store_true", help="n = 100,000: a smoke run")
    ap.add_argument("--only", default="", help="comma-separated input names (default: all)")
    ap.add_argument("--repeat", type=int, default=1, help="timings per size; the best is kept")
    ap.add_argument(
        "--timeout",
        type=float,
        help="seconds allowed per input at n, 2.5 times as many at 2n (default 200 per MB, at least 20)",
    )
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--list", action="store_true", help="list the inputs and exit")
    ap.add_argument("--json", metavar="OUT", help="also write every timing to OUT")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_child(args.child[0], int(args.child[1]), int(args.child[2]))
        return 0
    if args.list:
        for name, (_, what) in INPUTS.items():
            print(f"{name:>16}  {what}")
        return 0
    n = 100_000 if args.quick else args.size
    timeout = args.timeout or max(20.0, 200.0 * n / MB)
    names = [s for s in args.only.split(",") if s] or list(INPUTS)
    unknown = [s for s in names if s not in INPUTS]
    if unknown:
        ap.error(f"unknown input(s) {', '.join(unknown)}; see --list")
    print(f"n = {n:,} characters; ratio = time(2n) / time(n); flagged above {args.threshold}")
    print(f"{'input':>16} {'stage':>10} {'t(n) s':>9} {'t(2n) s':>9} {'ratio':>6}")
    flagged: list[str] = []
    results: dict[str, object] = {}
    for name in names:
        small, stuck_small = measure(name, n, args.repeat, timeout)
        big, stuck_big = (
            measure(name, 2 * n, args.repeat, 2.5 * timeout) if stuck_small is None else ({}, "skipped")
        )
        results[name] = {"n": n, "small": small, "big": big, "problem": stuck_small or stuck_big}
        for stage in STAGES:
            a, b = small.get(stage), big.get(stage)
            if a is None:
                continue
            if b is None:  # the run at 2n did not get this far: show what n took
                print(f"{name:>16} {stage:>10} {a:9.3f} {'-':>9} {'-':>6}", flush=True)
                continue
            ratio = b / a if a > 0 else float("inf")
            # Below a few milliseconds the ratio is timer noise, not complexity.
            bad = ratio > args.threshold and b >= 0.02
            mark = "  SUPERLINEAR" if bad else ("  (too fast to judge)" if b < 0.02 else "")
            if bad:
                flagged.append(f"{name}/{stage} ({ratio:.2f})")
            print(f"{name:>16} {stage:>10} {a:9.3f} {b:9.3f} {ratio:6.2f}{mark}", flush=True)
        for label, stuck in (("n", stuck_small), ("2n", stuck_big)):
            if stuck and stuck != "skipped":
                flagged.append(f"{name} at {label}: {stuck}")
                limit = f" (limit {timeout * (1 if label == 'n' else 2.5):g} s)" if "TIMEOUT" in stuck else ""
                print(f"{name:>16} {'':>10} at {label}: {stuck}{limit}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print()
    print("flagged: " + ("; ".join(flagged) if flagged else "none"))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
