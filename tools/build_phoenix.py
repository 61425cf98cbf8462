"""Compile the Phoenix actor and agent dictionaries of PETRARCH2 into newsmodel's rule data.

Usage (from the repository root)::

    PYTHONPATH=$PWD python tools/build_phoenix.py [--source DIR] [--out DIR] [--check]

``--source`` is the folder of the PETRARCH2 dictionaries (default
``../shared/dictionaries/petrarch2``); ``--out`` the data folder in the package (default
``newsmodel/rules/phoenix_data``). ``--check`` writes nothing and fails if the shipped files differ
from what the sources give (the shipped data and its sources agree).

The script needs the standard library and newsmodel itself: it reads the files with
:func:`newsmodel.rules.phoenix.load_phoenix`, the same reader users call on their own dictionaries,
so the shipped data and a user's files are read by one parser and mapped by one table
(``phoenix_data/codes.toml``: how a CAMEO code gives an ISO 3166-1 alpha-3 country and a sector,
including CAMEO country codes that are not ISO, such as TMP for Timor-Leste or ROM for Romania).

What it keeps: every entry (country, person, organisation, group) with its names and roles, and
every agent noun with its forms. What it drops, and why:

- lines the reader rejects (a date such as ``9008223``, a name with a U+FFFD replacement
  character, a range that ends before it starts, an entry with no code, a broken bracket):
  PETRARCH2 reads some of these by accident; they are listed when the script runs;
- roles that give neither a country nor a sector (``[---]``, PETRARCH2's "do not code", and codes
  of regions or bodies alone, such as ``[WEU]``), and then entries left with no role;
- entries repeated with the same names and roles;
- nothing else is changed, except one error of the source corrected by name (``MISCODED``): the
  sixteen leaders of Mauritania (MRT) are listed under Mauritius with its code MUS;
- comments, the stem/stop distinction of a trailing ``_`` (names are whole words), and
  ``Phoenix.discards.txt`` (phrases PETRARCH2 skips, such as sports results: not actors).

The output is deterministic: the same sources give the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsmodel.rules import phoenix  # noqa: E402
from newsmodel.rules._phoenix.names import write_names as _write_names  # noqa: E402

SOURCES = (
    "Phoenix.agents.txt",
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"

# People the source gives the wrong country code: (written, right) -> names. Only what is certain.
MISCODED = {
    ("MUS", "MRT"): [  # Mauritania's heads of state and government, listed under Mauritius
        "MOKTAR OULD DADDAH",
        "MUSTAFA OULD SALEK",
        "MOHAMED MAHMOUD OULD LOULY",
        "MOHAMED KHOUNA OULD HAIDALLA",
        "MAAOUYA OULD SID'AHMED TAYA",
        "ELY OULD MOHAMED VALL",
        "SIDI MOHAMED OULD CHEIKH ABDALLAHI",
        "MOHAMED OULD ABDEL AZIZ",
        "AHMED OULD BOUCEIF",
        "SID AHMED OULD BNEIJARA",
        "SIDI MOHAMED OULD BOUBACAR",
        "CHEIKH EL AVIA OULD MOHAMED KHOUNA",
        "MOHAMED LEMINE OULD GUIG",
        "SGHAIR OULD M'BARECK",
        "ZEINE OULD ZEIDANE",
        "YAHYA OULD AHMED EL WAGHEF",
    ],
}


def useful(role: phoenix.Role) -> bool:
    return role.country is not None or role.sector is not None


def recode(role: phoenix.Role, written: str, right: str) -> phoenix.Role:
    if not role.code.startswith(written):
        return role
    code = right + role.code[len(written) :]
    country, sector = phoenix.decode_code(code)
    return phoenix.Role(code=code, country=country, sector=sector, start=role.start, end=role.end)


def correct(entry: phoenix.Entry, dropped: dict[str, int]) -> phoenix.Entry:
    for (written, right), names in MISCODED.items():
        if entry.name in names:
            dropped["people whose country code was corrected (MISCODED)"] += 1
            roles = [recode(r, written, right) for r in entry.roles]
            return phoenix.Entry(name=entry.name, synonyms=entry.synonyms, kind=entry.kind, roles=roles)
    return entry


def prune(entries: tuple[phoenix.Entry, ...], dropped: dict[str, int]) -> list[phoenix.Entry]:
    out: list[phoenix.Entry] = []
    seen: set[tuple[tuple[str, ...], tuple[phoenix.Role, ...]]] = set()
    for entry in (correct(e, dropped) for e in entries):
        roles = tuple(dict.fromkeys(r for r in entry.roles if useful(r)))
        dropped["roles that give neither country nor sector"] += sum(not useful(r) for r in entry.roles)
        if not roles:
            dropped["entries left with no role"] += 1
            continue
        key = (entry.names, roles)
        if key in seen:
            dropped["repeated entries"] += 1
            continue
        seen.add(key)
        out.append(phoenix.Entry(name=entry.name, synonyms=entry.synonyms, kind=entry.kind, roles=roles))
    return out


def build(source: Path) -> tuple[dict[str, str], list[str]]:
    """The files to write (name -> text) and the report lines."""
    paths = [source / name for name in SOURCES]
    raw = phoenix.load_phoenix(*paths, strict=False)
    dropped = {
        "roles that give neither country nor sector": 0,
        "entries left with no role": 0,
        "repeated entries": 0,
        "people whose country code was corrected (MISCODED)": 0,
    }
    kept = phoenix.ActorDictionary(
        countries=prune(raw.countries, dropped),
        people=prune(raw.people, dropped),
        organisations=prune(raw.organisations, dropped),
        groups=prune(raw.groups, dropped),
        agents=raw.agents,
    )
    digests = [f"{p.name} sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}" for p in paths]
    header = [
        "Compiled by tools/build_phoenix.py from the Phoenix dictionaries of PETRARCH2",
        f"(openeventdata/petrarch2, commit {COMMIT}, petrarch2/data/dictionaries/):",
        *digests,
        "Copyright (c) 2014 Open Event Data Alliance. MIT licence: LICENSES/petrarch2-MIT.txt.",
        "Do not edit: change the sources or the script, and run it again.",
    ]
    actors, agents = phoenix._write_compiled(kept, header)
    names = _write_names(phoenix._read_compiled(actors, agents), header)  # the index of what ships
    counts = {
        "countries": len(kept.countries),
        "people": len(kept.people),
        "organisations": len(kept.organisations),
        "groups": len(kept.groups),
        "agents": len(kept.agents),
        "names": sum(len(e.names) for e in kept.entries),
        "roles": sum(len(e.roles) for e in kept.entries),
    }
    skipped = [f"{Path(s.source).name}, line {s.line}: {s.reason}" for s in raw.skipped]
    readme = README.format(
        commit=COMMIT,
        digests="\n".join(f"- `{d}`" for d in digests),
        counts="\n".join(f"| {k} | {v:,} |" for k, v in counts.items()),
        dropped="\n".join(f"| {k} | {v:,} |" for k, v in dropped.items()),
        skipped="\n".join(f"- {s}" for s in skipped) or "- none",
    )
    report = [*(f"{k}: {v}" for k, v in counts.items()), *(f"{k}: {v}" for k, v in dropped.items())]
    report += [f"skipped {s}" for s in skipped]
    licence = (source / "LICENSE").read_text(encoding="utf-8")
    files = {
        "actors.tsv.gz": actors,
        "agents.tsv.gz": agents,
        "names.tsv.gz": names,
        "README.md": readme,
        "LICENSE": licence,
    }
    return files, report


README = """\
# The Phoenix dictionaries, compiled

`actors.tsv.gz` and `agents.tsv.gz` (gzip-compressed text) are the actor and agent dictionaries of PETRARCH2 (the "Phoenix"
dictionaries: `Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
`Phoenix.MilNonState.actors.txt`, `Phoenix.agents.txt`; openeventdata/petrarch2, commit
`{commit}`), compiled by `tools/build_phoenix.py` for
`newsmodel.rules.phoenix.shipped_phoenix()`. Generated: do not edit; change the script and run it.

`names.tsv.gz` indexes the same entries by name (one line per name, sorted, with the roles of every
entry it names): the actor stage reads a person's country from it without loading the
dictionaries (`newsmodel/rules/_phoenix/names.py`).

**Licence.** The dictionaries are Copyright (c) 2014 Open Event Data Alliance and are used under
the MIT licence, whose text is `LICENSE` beside this file (and `LICENSES/petrarch2-MIT.txt` at the
root of the repository, and the docs page "Event-data dictionaries"). The notice must stay with
any copy of these files.

`codes.toml` (ours) says how a CAMEO code gives a country (ISO 3166-1 alpha-3) and a sector.

Sources (sha256):

{digests}

## What is kept

| kind | count |
|---|---|
{counts}

## What was dropped or changed

| what | count |
|---|---|
{dropped}

Corrected people had a wrong country code in the source (see `MISCODED` in the script).
Also dropped: comments, the stem/stop distinction of a trailing `_` (names are whole words) and
`Phoenix.discards.txt` (phrases the coder skips, not actors).

Lines the reader rejected (PETRARCH2 reads some of them by accident):

{skipped}
"""


def _read(path: Path) -> str | None:
    if not path.exists():
        return None
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "dictionaries" / "petrarch2")
    parser.add_argument("--out", type=Path, default=ROOT / "newsmodel" / "rules" / "phoenix_data")
    parser.add_argument("--check", action="store_true", help="fail if the shipped files differ")
    args = parser.parse_args(argv)
    files, report = build(args.source)
    print("\n".join(report))
    if args.check:
        stale = [n for n, text in files.items() if _read(args.out / n) != text]
        print("stale: " + ", ".join(stale) if stale else "shipped data agrees with the sources")
        return 1 if stale else 0
    for name, text in files.items():
        data = text.encode("utf-8")
        if name.endswith(".gz"):  # mtime 0: the same sources give the same bytes
            data = gzip.compress(data, compresslevel=9, mtime=0)
        (args.out / name).write_bytes(data)
        print(f"wrote {args.out / name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
