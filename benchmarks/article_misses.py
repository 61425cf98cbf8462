"""Read the whole-article misses one by one: what the `articles` score counts, listed.

    python benchmarks/article_misses.py [--split dev] [--only actors,countries,speakers,events]

For each article of ``../shared/corpora/articles`` (the gold the ``articles`` task of
``../shared/eval/score.py`` reads), prints with the scorer's own matching rules
(``newseval.tasks.articles``): gold actors nobody found, predicted actors that match no gold one
(places excepted, as the scorer excepts them), wrong kinds and countries, statements whose speaker
is wrong or missing, and gold events missed or matched with the wrong sides. Skips when
``../shared`` is absent. Not a test: the list to read before changing a rule.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--only", default="actors,countries,speakers,events")
    args = ap.parse_args()
    if not (SHARED / "corpora").exists():
        print(f"skipped: {SHARED / 'corpora'} not found")
        return 0
    sys.path.insert(0, str(SHARED / "eval"))
    from newseval import systems
    from newseval.loaders import articles
    from newseval.metrics import match, normalise
    from newseval.tasks.articles import Cast, _sides_agree, names_match

    show = set(args.only.split(","))
    system = systems.create("newsmodel")
    for doc, gold in articles.load(SHARED / "corpora", args.split):
        pred = system.article(doc)
        text = doc.text
        same = Cast(text, gold["actors"], pred["actors"])
        print(f"\n=== {doc.id}  ({len(text)} chars) {text[:70]!r}")
        if "actors" in show or "countries" in show:
            pairs: dict[int, int] = {}
            used: set[int] = set()
            for by_name in (True, False):
                for i, g in enumerate(gold["actors"]):
                    if i in pairs:
                        continue
                    j = next(
                        (
                            j
                            for j, p in enumerate(pred["actors"])
                            if j not in used
                            and (
                                names_match(g["name"], p["name"])
                                if by_name
                                else same(g["name"], p["name"], j)
                            )
                        ),
                        None,
                    )
                    if j is not None:
                        used.add(j)
                        pairs[i] = j
            for i, g in enumerate(gold["actors"]):
                if i not in pairs:
                    if "actors" in show:
                        print(
                            f"  actor MISSED   {g['name']!r} {g['kind']} {g.get('country')} sector={g.get('sector')}"
                        )
                    continue
                p = pred["actors"][pairs[i]]
                if "countries" in show and g.get("country") and g["country"] != p["country"]:
                    print(
                        f"  COUNTRY        {g['name']!r}: gold {g['country']} pred {p['country']} ({p['name']!r})"
                    )
                if "actors" in show and g["kind"] != p["kind"]:
                    print(
                        f"  KIND           {g['name']!r}: gold {g['kind']} pred {p['kind']} ({p['name']!r})"
                    )
            if "actors" in show:
                for j, p in enumerate(pred["actors"]):
                    if j not in used and p["kind"] != "LOCATION":
                        print(f"  actor SPURIOUS {p['name']!r} {p['kind']} {p['country']}")
        if "speakers" in show:
            g_spans = [normalise(text, (tuple(s["content"]),)) for s in gold["statements"]]
            p_spans = [normalise(text, s["content"]) for s in pred["statements"]]
            matched = set()
            for i, j, score in match(g_spans, p_spans):
                if score < 0.5:
                    continue
                matched.add(i)
                g, p = gold["statements"][i], pred["statements"][j]
                if g["speaker"] and not same(g["speaker"], p["speaker"], p.get("speaker_id")):
                    start = g["content"][0]
                    print(
                        f"  SPEAKER        gold {g['speaker']!r} pred {p['speaker']!r}: {text[start : start + 60]!r}"
                    )
            for i, g in enumerate(gold["statements"]):
                if i not in matched:
                    s, e = g["content"]
                    print(f"  stmt MISSED    {g['speaker']!r}: {text[s:e][:70]!r}")
        if "events" in show:
            for g in gold["events"]:
                s, e = g["trigger"]
                hits = [
                    p
                    for p in pred["events"]
                    if p["kind"] == g["kind"] and p["trigger"][0] < e + 200 and s - 200 < p["trigger"][1]
                ]
                best = next(
                    (p for p in hits if p["trigger"][0] < e and s < p["trigger"][1]),
                    hits[0] if hits else None,
                )
                where = text[max(0, s - 40) : e + 40].replace("\n", " ")
                if best is None:
                    print(
                        f"  event MISSED   {g['kind']} {text[s:e]!r} {g['sources']}->{g['targets']}: …{where}…"
                    )
                    continue
                ok_s = _sides_agree(g["sources"], best["sources"], best.get("source_ids"), same)
                ok_t = _sides_agree(g["targets"], best["targets"], best.get("target_ids"), same)
                if not (ok_s and ok_t):
                    print(
                        f"  event SIDES    {g['kind']} {text[s:e]!r} gold {g['sources']}->{g['targets']}"
                        f" pred {best['sources']}->{best['targets']}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
