"""What PETRARCH2's CAMEO verb dictionary could add to the event lexicon, before it is wired in.

    python benchmarks/cameo_coverage.py

For every gold event of the PLOVER dev records and of the whole-article dev set
(``../shared/corpora``), look at the words of its trigger (PLOVER's ``eventText``, the articles'
trigger span) and count, per PLOVER category:

- ``found``: newsmodel (as it is) finds an event of the gold category whose trigger overlaps a
  trigger word (articles) or lies in the sentence (PLOVER records);
- ``cameo``: a trigger word is a form of a CAMEO verb with a code of its own
  (``shipped_cameo_verbs()``; the verb's code, without its patterns);
- ``agree``: of those, the verb's own code maps to the gold category;
- ``new``: newsmodel misses the event and a CAMEO verb of the gold category is there (what the
  dictionary could add to recall);
- ``wrong``: a CAMEO verb is there whose category is another one (what it could cost in precision).

Standard library and newsmodel only; skips when ``../shared`` is absent. Not a test.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import newsmodel
from newsmodel.rules.cameo import shipped_cameo_verbs

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
RENAMED = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _cameo_kinds(words: list[str]) -> set[str]:
    verbs = shipped_cameo_verbs()
    kinds: set[str] = set()
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered):
        for v in verbs.lookup(w):
            kinds.add(v.plover)
        if i + 1 < len(lowered):
            for v in verbs.lookup(f"{w} {lowered[i + 1]}"):
                kinds.add(v.plover)
    return kinds - {""}  # a verb that only its patterns code says nothing alone


def _records() -> list[tuple[str, str, list[str], bool]]:
    """``(gold kind, corpus, trigger words, newsmodel found it)`` for every gold event."""
    out = []
    for rec in json.loads((CORPORA / "plover" / "dev.json").read_text(encoding="utf-8")):
        kind = RENAMED.get(rec["event"], rec["event"])
        article = newsmodel.parse(rec["text"])
        found = any(e.kind.name == kind for e in article.events)
        out.append((kind, "plover", WORD.findall(rec.get("eventText", "")), found))
    for path in sorted((CORPORA / "articles").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = _article_text(path, gold)
        if text is None:
            continue
        article = newsmodel.parse(text, published=gold.get("published"))
        for ev in gold["events"]:
            start, end = ev["trigger"]
            found = any(
                e.kind.name == ev["kind"] and e.trigger.start < end and start < e.trigger.end
                for e in article.events
            )
            out.append((ev["kind"], "articles", WORD.findall(text[start:end]), found))
    return out


def _article_text(path: Path, gold: dict) -> str | None:
    txt = path.with_suffix(".txt")
    if txt.exists():
        return txt.read_text(encoding="utf-8")
    m = re.fullmatch(r"isot-(\d+)", gold["id"])
    if not m:
        return None
    import csv

    with open(CORPORA / "isot" / "dev.csv", encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if (row.get("") or str(i)) == m[1]:
                return row["text"]
    return None


def main() -> int:
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} not found")
        return 0
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for kind, corpus, words, found in _records():
        kinds = _cameo_kinds(words)
        row = table[(corpus, kind)]
        row["gold"] += 1
        row["found"] += found
        row["cameo"] += bool(kinds)
        row["agree"] += kind in kinds
        row["new"] += (not found) and kind in kinds
        row["wrong"] += bool(kinds) and kind not in kinds
    print(
        f"{'corpus':9} {'kind':10} {'gold':>5} {'found':>6} {'cameo':>6} {'agree':>6} {'new':>5} {'wrong':>6}"
    )
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for (corpus, kind), row in sorted(table.items()):
        totals[corpus].update(row)
        print(
            f"{corpus:9} {kind:10} {row['gold']:5d} {row['found']:6d} {row['cameo']:6d} {row['agree']:6d}"
            f" {row['new']:5d} {row['wrong']:6d}"
        )
    for corpus, row in totals.items():
        print(
            f"{corpus:9} {'all':10} {row['gold']:5d} {row['found']:6d} {row['cameo']:6d} {row['agree']:6d}"
            f" {row['new']:5d} {row['wrong']:6d}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
