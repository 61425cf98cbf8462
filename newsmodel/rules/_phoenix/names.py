"""The shipped dictionaries' name index: the roles of the entries a name names, read on demand.

The actor stage asks one thing of the Phoenix dictionaries: the roles of every entry named ``X``
(:meth:`ActorDictionary.roles_on`). Building the whole :class:`ActorDictionary` for that costs
about 0.16 s and 29 MB; the index answers it from one sorted table, ``names.tsv.gz``, written by
``tools/build_phoenix.py`` beside the dictionaries it indexes. The table stays in memory as the
bytes it is (about 1 MB) and a name is found by bisection over its lines: nothing is parsed until a
name is asked for, and only that name's line then.

The table: ``# newsmodel-phoenix-names 1`` and comment lines, then the code lines (``@``, the code,
its country, its sector, tab-separated), a blank line, then one line per name key (upper case,
single spaces, as :meth:`ActorDictionary.lookup` keys them), sorted by their UTF-8 bytes: the key,
then for each entry the name names, in the order ``lookup`` gives, its kind letter (C, P, O, G)
and its roles (``CODE`` or ``CODE@YYYYMMDD-YYYYMMDD``, joined by ``|``).
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Iterable
from importlib import resources

from ...errors import RuleError
from .codes import _DATA, _RULES
from .compiled import _KIND_LETTER, _LETTER_KIND, _compiled_role, _role_text
from .records import ActorDictionary, Day, Entry, Role, _as_day, _key

NAMES = "names.tsv.gz"
_FORMAT = "newsmodel-phoenix-names 1"
_CACHED = 4096  # names whose entries stay parsed


def write_names(dictionary: ActorDictionary, header: Iterable[str] = ()) -> str:
    """The text of the name index of ``dictionary`` (shipped gzipped as ``names.tsv.gz``)."""
    index: dict[str, list[Entry]] = {}
    for entry in dictionary.entries:  # the order ActorDictionary.lookup gives
        for n in dict.fromkeys(_key(n) for n in entry.names):
            index.setdefault(n, []).append(entry)
    codes: dict[str, Role] = {}
    lines = []
    for key in sorted(index, key=lambda k: k.encode("utf-8")):
        fields = [key]
        for entry in index[key]:
            for r in entry.roles:
                codes.setdefault(r.code, r)
            fields += [_KIND_LETTER[entry.kind], "|".join(_role_text(r) for r in entry.roles)]
        lines.append("\t".join(fields))
    top = [f"# {_FORMAT}", *(f"# {h}" if h else "#" for h in header)]
    table = [f"@\t{c}\t{r.country or ''}\t{r.sector or ''}" for c, r in sorted(codes.items())]
    return "\n".join([*top, *table, "", *lines, ""])


class NameIndex:
    """The entries' roles by name, from the text :func:`write_names` wrote.

    Answers :meth:`roles_on` as :meth:`ActorDictionary.roles_on` of the dictionary it indexes does.

    Raises:
        RuleError: if the text is not such an index (at construction), or a line of it is
            malformed (when that line is read), naming ``source``.
    """

    def __init__(self, data: bytes, source: str = NAMES) -> None:
        self._source = source
        head, sep, _ = data.partition(b"\n\n")
        lines = head.decode("utf-8").split("\n")
        if not sep or lines[0] != f"# {_FORMAT}":
            raise RuleError(f"{source}, line 1: not a compiled name index (no '# {_FORMAT}' header)")
        codes: dict[str, tuple[str | None, str | None]] = {}
        for n, line in enumerate(lines, 1):
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4 or fields[0] != "@":
                raise RuleError(f"{source}, line {n}: malformed code line {line!r}")
            codes[fields[1]] = (fields[2] or None, fields[3] or None)
        self._codes = codes
        self._data = data
        self._first = len(head) + 2  # the first name line
        self._entries = functools.lru_cache(maxsize=_CACHED)(self._read_entries)

    def _line(self, key: bytes) -> bytes | None:
        """The line of ``key``, by bisection over the sorted lines."""
        data = self._data
        lo, hi = self._first, len(data)  # the line sought, if there, starts in [lo, hi)
        find, rfind = data.find, data.rfind
        while lo < hi:
            mid = (lo + hi) // 2
            start = rfind(b"\n", 0, mid) + 1  # the start of the line holding mid (never before lo)
            end = find(b"\n", start)
            tab = find(b"\t", start, end)
            found = data[start:tab]
            if found == key:
                return data[tab + 1 : end]
            if found < key:
                lo = end + 1
            else:
                hi = start
        return None

    def _read_entries(self, key: str) -> tuple[Entry, ...]:
        line = self._line(key.encode("utf-8", "surrogatepass"))
        if line is None:
            return ()
        try:
            fields = line.decode("utf-8").split("\t")
            entries = []
            for letter, roles in zip(fields[::2], fields[1::2], strict=True):
                parsed = [_compiled_role(item, self._codes) for item in roles.split("|")]
                entries.append(Entry(name=key, kind=_LETTER_KIND[letter], roles=parsed))
            return tuple(entries)
        except (KeyError, ValueError) as exc:
            raise RuleError(f"{self._source}: malformed line for {key!r} ({exc!r})") from None

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """The entries named ``name``: :meth:`ActorDictionary.lookup` (their kinds and roles)."""
        return self._entries(_key(name))

    def roles_on(self, name: str, day: Day = None) -> tuple[Role, ...]:
        """The role each entry named ``name`` holds on ``day``: :meth:`ActorDictionary.roles_on`."""
        day = _as_day(day)
        roles = (entry.role_on(day) for entry in self._entries(_key(name)))
        return tuple(r for r in roles if r is not None)


@functools.cache
def shipped_names() -> NameIndex:
    """The name index of :func:`~newsmodel.rules.phoenix.shipped_phoenix`'s dictionaries, loaded
    on the first call and cached (a few milliseconds, about 1 MB)."""
    data = (resources.files(_RULES) / _DATA / NAMES).read_bytes()
    return NameIndex(gzip.decompress(data), source=f"{_DATA}/{NAMES}")
