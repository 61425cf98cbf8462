"""What the shipped Phoenix dictionaries are worth to the actor stage, before wiring them in.

    python benchmarks/phoenix_coverage.py            # cost of loading, then coverage on dev articles
    python benchmarks/phoenix_coverage.py --misses   # also list every person not found or wrong

Cost: the size of the shipped data, and the time and memory of ``shipped_phoenix()`` (entries and
their name index) in a fresh process, then of the one collection the garbage collector makes over
the new objects later (``import newsmodel`` itself never loads them).

Coverage: every PERSON actor that ``newsmodel.parse`` finds in the whole-article dev set
(``../shared/corpora/articles``, read with the shared harness's loader) that matches a gold actor
(names compared as the scorer does: case, punctuation and "the" ignored, one name's words all
within the other's). For each: is the name in the dictionaries, does the role on the article's
date give the gold country, and how does that compare with the country newsmodel gives today. The
same for gold PERSON actors by their gold names, and for gold GROUP actors whose last word is an
agent noun (is the agent's sector the gold sector). Skips (exit 0) when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "newsmodel" / "rules" / "phoenix_data"

_LOAD = """
import gc, time, newsmodel
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6
from newsmodel.rules.phoenix import shipped_phoenix
r0 = rss(); c0 = time.process_time(); t0 = time.perf_counter()
d = shipped_phoenix()
t1 = time.perf_counter(); c1 = time.process_time(); r1 = rss()
gc.collect(); d.lookup('x'); d.agent('x')
t2 = time.perf_counter(); r2 = rss()
print(t1 - t0, c1 - c0, r1 - r0, t2 - t1, r2 - r1)
"""


def cost(runs: int = 5) -> None:
    sizes = {p.name: p.stat().st_size for p in sorted(DATA.iterdir())}
    print("shipped data: " + ", ".join(f"{n} {s / 1e6:.2f} MB" for n, s in sizes.items()))
    print(f"total {sum(sizes.values()) / 1e6:.2f} MB")
    best: list[float] | None = None
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
        figures = [float(x) for x in out]
        best = figures if best is None or figures[1] < best[1] else best
    assert best is not None
    wall, cpu, load_mb, index, index_mb = best
    print(
        f"shipped_phoenix() in a fresh process (best of {runs}): {cpu * 1000:.0f} ms CPU "
        f"({wall * 1000:.0f} ms wall), +{load_mb:.1f} MB RSS, names indexed"
    )
    print(
        f"then one garbage collection over them and a look-up: {index * 1000:.0f} ms, +{index_mb:.1f} MB RSS"
    )


def _norm(name: str) -> list[str]:
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    return [w for w in words if w != "the"]


def same_name(a: str, b: str) -> bool:
    wa, wb = _norm(a), _norm(b)
    if not wa or not wb:
        return False
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def coverage(show_misses: bool) -> None:
    import newsmodel
    from newsmodel.rules.phoenix import shipped_phoenix

    sys.path.insert(0, str(SHARED / "eval"))
    from newseval.loaders import articles

    d = shipped_phoenix()
    by_word: dict[str, list[tuple[frozenset[str], object]]] = {}
    for entry in d.people:
        for name in entry.names:
            words = frozenset(_norm(name))
            for w in words:
                by_word.setdefault(w, []).append((words, entry))

    def lenient(name: str) -> list[object]:
        """Entries of people one of whose names holds all the words of ``name`` (two or more)."""
        words = set(_norm(name))
        if len(words) < 2:
            return []
        rarest = min(words, key=lambda w: len(by_word.get(w, ())))
        return list(dict.fromkeys(e for ws, e in by_word.get(rarest, ()) if words <= ws))

    found = Counter[str]()
    misses: list[str] = []
    gold_people = Counter[str]()
    groups = Counter[str]()
    for doc, gold in articles.load(SHARED / "corpora", "dev"):
        article = newsmodel.parse(doc.text, published=doc.published, headline=doc.headline)
        actors = gold["actors"]
        for actor in article.actors:
            if actor.kind.name != "PERSON":
                continue
            match = next((g for g in actors if same_name(actor.name, g["name"])), None)
            if match is None:
                continue
            found["people"] += 1
            truth = match["country"]
            roles = d.roles_on(actor.name, doc.published)
            entries = d.lookup(actor.name)
            ours = roles[0].country if roles else None
            found["in dictionary"] += bool(entries)
            found["ambiguous (several entries)"] += len(entries) > 1
            found["dictionary country right"] += bool(entries) and ours == truth
            found["dictionary country wrong"] += bool(entries) and ours is not None and ours != truth
            found["newsmodel country right"] += actor.country == truth
            found["either right (newsmodel, else dictionary)"] += (actor.country or ours) == truth
            loose = entries or lenient(actor.name)
            loose_country = loose[0].country_on(doc.published) if loose else None  # type: ignore[attr-defined]
            found["in dictionary, words of the name within an entry's name"] += bool(loose)
            found["  ... and its country right"] += bool(loose) and loose_country == truth
            found["  ... and its country wrong"] += bool(loose) and loose_country not in (None, truth)
            if show_misses and (not entries or ours != truth):
                misses.append(
                    f"{doc.id}: {actor.name!r} gold {truth} dictionary {ours} newsmodel {actor.country}"
                )
        for g in actors:
            if g["kind"] == "PERSON":
                entries = d.lookup(g["name"])
                gold_people["gold people"] += 1
                gold_people["in dictionary"] += bool(entries)
                roles = d.roles_on(g["name"], doc.published)
                gold_people["dictionary country right"] += bool(roles) and roles[0].country == g["country"]
            elif g["kind"] == "GROUP":
                groups["gold groups"] += 1
                words = g["name"].split()
                agent = d.agent(words[-1]) if words else None
                groups["head noun is an agent"] += agent is not None
                groups["agent sector = gold sector"] += agent is not None and agent.sector == g["sector"]
    n = found["people"] or 1
    print(f"\nPERSON actors newsmodel finds that match a gold actor (dev articles): {found['people']}")
    for key, value in found.items():
        if key != "people":
            print(f"  {key}: {value} ({value / n:.0%})")
    print(json.dumps(dict(gold_people)))
    print(json.dumps(dict(groups)))
    if misses:
        print("\n".join(["", "not found or wrong country:", *misses]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every person not found or wrong")
    args = parser.parse_args()
    cost()
    if not (SHARED / "corpora" / "articles").is_dir():
        print(f"skipped coverage: {SHARED / 'corpora' / 'articles'} is absent")
        return 0
    coverage(args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
