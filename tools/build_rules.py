"""Write the JSON mirrors of the shipped rule files (``newsmodel/rules/_mirror/*.json``).

    python tools/build_rules.py            # write a mirror for every newsmodel/rules/*.toml
    python tools/build_rules.py --check    # exit 1 naming each mirror that is missing or stale

The TOML files are the source and the only files to edit. Each mirror holds the same data as
JSON, with the sha256 of the TOML bytes it was made from: Python reads JSON about ten times faster
than TOML (its TOML reader is written in Python), and the rules are read by every process that
builds a parser. A mirror whose hash does not match its TOML file is ignored (the TOML is read, a
little slower), so a rule edited without running this script still takes effect; the test suite
fails until the mirrors are written again. Deterministic: the same TOML gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "newsmodel" / "rules"
MIRRORS = RULES / "_mirror"


def _plain(value: Any, where: str) -> None:
    """Refuse what JSON would not give back as it is (TOML dates and times)."""
    if isinstance(value, dict):
        for k, v in value.items():
            _plain(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _plain(v, f"{where}[{i}]")
    elif not isinstance(value, (str, int, float, bool)):
        raise SystemExit(f"{where}: a {type(value).__name__} has no JSON mirror; write it as a string")


def mirror(toml: Path) -> str:
    """The mirror's text for one rule file."""
    raw = toml.read_bytes()
    rules = tomllib.loads(raw.decode("utf-8"))
    _plain(rules, toml.name)
    data = {
        "about": f"generated from {toml.name} by tools/build_rules.py; do not edit (edit the TOML)",
        "toml_sha256": hashlib.sha256(raw).hexdigest(),
        "rules": rules,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a mirror is stale")
    args = ap.parse_args(argv)
    stale = []
    tomls = sorted(RULES.glob("*.toml"))
    for toml in tomls:
        out = MIRRORS / f"{toml.stem}.json"
        text = mirror(toml)
        if out.exists() and out.read_text(encoding="utf-8") == text:
            continue
        stale.append(out.name)
        if not args.check:
            MIRRORS.mkdir(exist_ok=True)
            out.write_text(text, encoding="utf-8")
    names = {t.stem for t in tomls}
    extra = sorted(p.name for p in MIRRORS.glob("*.json") if p.stem not in names)
    for name in extra:
        stale.append(name)
        if not args.check:
            (MIRRORS / name).unlink()
    if args.check:
        for name in stale:
            print(f"{MIRRORS / name}: stale or missing; run python tools/build_rules.py", file=sys.stderr)
        return 1 if stale else 0
    print(f"{len(tomls)} rule files, {len(stale)} mirror(s) written or removed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
