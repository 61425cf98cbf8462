"""The compiled form of a dictionary shipped in the package, and its loader."""

from __future__ import annotations

import functools
import gc
import gzip
from collections.abc import Iterable, Mapping
from datetime import date
from importlib import resources

from ...errors import RuleError
from ...model import ActorKind
from .codes import _DATA, _RULES
from .records import ActorDictionary, Agent, Entry, Role

_COMPILED = ("actors.tsv.gz", "agents.tsv.gz")  # gzip: the people table is 1.5 MB as text
_FORMAT = "newsmodel-phoenix 1"


_KIND_LETTER = {
    ActorKind.COUNTRY: "C",
    ActorKind.PERSON: "P",
    ActorKind.ORGANIZATION: "O",
    ActorKind.GROUP: "G",
}
_LETTER_KIND = {v: k for k, v in _KIND_LETTER.items()}


def _ymd(day: date | None) -> str:
    return day.strftime("%Y%m%d") if day is not None else ""


def _role_text(role: Role) -> str:
    return role.code + (f"@{_ymd(role.start)}-{_ymd(role.end)}" if role.dated else "")


def _write_compiled(dictionary: ActorDictionary, header: Iterable[str] = ()) -> tuple[str, str]:
    """The compiled text of a dictionary: ``(actors.tsv, agents.tsv)`` (shipped gzipped).

    One line per entry, tab-separated: the kind letter (C, P, O, G), the names joined by ``|`` and
    the roles joined by ``|`` (``CODE`` or ``CODE@YYYYMMDD-YYYYMMDD``, either date may be empty);
    lines starting with ``@`` give each code's country and sector once. Agents: ``A``, the forms,
    the code. ``#`` lines are comments (``header``).
    """
    top = [f"# {_FORMAT}", *(f"# {h}" if h else "#" for h in header)]
    codes: dict[str, Role] = {}
    lines = []
    for entry in dictionary.entries:
        for r in entry.roles:
            codes.setdefault(r.code, r)
        roles = "|".join(_role_text(r) for r in entry.roles)
        lines.append(f"{_KIND_LETTER[entry.kind]}\t{'|'.join(entry.names)}\t{roles}")
    table = [f"@\t{c}\t{r.country or ''}\t{r.sector or ''}" for c, r in sorted(codes.items())]
    agent_codes: dict[str, Role] = {a.role.code: a.role for a in dictionary.agents}
    agents = [f"@\t{c}\t{r.country or ''}\t{r.sector or ''}" for c, r in sorted(agent_codes.items())]
    agents += [f"A\t{'|'.join(a.forms)}\t{a.role.code}" for a in dictionary.agents]
    return "\n".join([*top, *table, *lines, ""]), "\n".join([*top, *agents, ""])


@functools.lru_cache(maxsize=4096)
def _date_or_none(text: str) -> date | None:
    return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if text else None


def _compiled_role(item: str, codes: Mapping[str, tuple[str | None, str | None]]) -> Role:
    code, _, when = item.partition("@")
    country, sector = codes[code]
    if not when:
        return Role(code=code, country=country, sector=sector)
    start, _, end = when.partition("-")
    return Role(code=code, country=country, sector=sector, start=_date_or_none(start), end=_date_or_none(end))


def _read_compiled(*texts: str, source: str = "compiled") -> ActorDictionary:
    """An :class:`ActorDictionary` from texts :func:`_write_compiled` wrote.

    Raises:
        RuleError: on a line that is not in that format, naming ``source`` and the line.
    """
    parts: dict[ActorKind, list[Entry]] = {k: [] for k in ActorKind}
    agents: list[Agent] = []
    index: dict[str, list[Entry]] = {}
    nouns: dict[str, Agent] = {}
    for text in texts:
        lines = text.split("\n")
        if not lines or lines[0] != f"# {_FORMAT}":
            raise RuleError(f"{source}, line 1: not a compiled dictionary (no '# {_FORMAT}' header)")
        codes: dict[str, tuple[str | None, str | None]] = {}
        made: dict[str, Role] = {}
        for n, line in enumerate(lines, 1):
            if not line or line[0] == "#":
                continue
            try:
                fields = line.split("\t")
                letter = fields[0]
                if letter == "@":
                    codes[fields[1]] = (fields[2] or None, fields[3] or None)
                elif letter == "A":
                    country, sector = codes[fields[2]]
                    forms = fields[1].split("|")
                    role = Role(code=fields[2], country=country, sector=sector)
                    agent = Agent(name=forms[0], forms=forms, role=role)
                    agents.append(agent)
                    for form in forms:
                        nouns.setdefault(form.upper(), agent)
                else:
                    roles = []
                    for item in fields[2].split("|"):
                        known = made.get(item)
                        if known is None:
                            known = made[item] = _compiled_role(item, codes)
                        roles.append(known)
                    names = fields[1].split("|")
                    kind = _LETTER_KIND[letter]
                    entry = Entry(name=names[0], synonyms=names[1:], kind=kind, roles=roles)
                    parts[kind].append(entry)
                    for key in {n.upper() for n in names}:  # written names have single spaces, no _
                        index.setdefault(key, []).append(entry)
            except (IndexError, KeyError, ValueError) as exc:
                raise RuleError(f"{source}, line {n}: malformed compiled line ({exc!r})") from None
    dictionary = ActorDictionary(
        countries=parts[ActorKind.COUNTRY],
        people=parts[ActorKind.PERSON],
        organisations=parts[ActorKind.ORGANIZATION],
        groups=parts[ActorKind.GROUP],
        agents=agents,
    )
    dictionary._nouns.update(nouns)
    if index:  # in the order lookup() would build it: countries, people, organisations, groups
        rank = {kind: i for i, kind in enumerate(_KIND_LETTER)}
        dictionary._names.update(
            (k, tuple(v) if len(v) == 1 else tuple(sorted(v, key=lambda e: rank[e.kind])))
            for k, v in index.items()
        )
    return dictionary


@functools.cache
def shipped_phoenix() -> ActorDictionary:
    """The Phoenix actor and agent dictionaries of PETRARCH2, as compiled into newsmodel.

    Loaded on the first call and cached; ``import newsmodel`` never loads them. Built by
    ``tools/build_phoenix.py`` from the Phoenix files (MIT licence, copyright 2014 Open Event Data
    Alliance; ``LICENSES/petrarch2-MIT.txt``); ``phoenix_data/README.md`` says what was kept.
    """
    folder = resources.files(_RULES) / _DATA
    texts = [gzip.decompress((folder / name).read_bytes()).decode("utf-8") for name in _COMPILED]
    # Some 100,000 objects that all live on: the collector's passes over them would cost a third.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_compiled(*texts, source=f"{_DATA}/{'+'.join(_COMPILED)}")
    finally:
        if collecting:
            gc.enable()
