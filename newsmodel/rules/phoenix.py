"""Event-data actor and agent dictionaries in the Phoenix (PETRARCH2/TABARI) format.

The event-data field keeps its knowledge of who is who in plain-text dictionaries: people with
the roles they held and when, countries with their synonyms, international bodies, armed groups,
and agent nouns with their sectors. :func:`load_phoenix` reads dictionaries in that format (your
own, or the Phoenix files of PETRARCH2); :func:`shipped_phoenix` returns the Phoenix dictionaries
compiled into newsmodel (``tools/build_phoenix.py``; MIT, copyright 2014 Open Event Data
Alliance, see ``LICENSES/petrarch2-MIT.txt``). Both give an :class:`ActorDictionary`::

    RAHM_EMANUEL_  [USAELI 770101-090120] [USAGOV 090120-101001]   # one line, or:
    HAMID_KARZAI_
    +KARZAI_                       # a synonym
    +PRESIDENT_KARZAI_
        [AFGELI 750101-000101]     # a role: CAMEO code, from (inclusive) - to (exclusive)
        [AFGGOV >011222]           # from that day on (``<YYMMDD``: until that day)
        [AFGELI]                   # undated: whenever no dated role holds
    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     # a substitution set (agents)
    POLICE {} [~COP]               # an agent noun: ``{}`` no plural, ``{POLICEMEN}`` its plural
    CATTLE!PERSON! [~AGR]          # CATTLEMAN, CATTLEMEN, CATTLEWOMAN ...

Dates are ``YYMMDD`` (years 00-30 are 20xx, the others 19xx, as PETRARCH2 reads them) or
``YYYYMMDD``. Words are joined by ``_`` (or spaces); a trailing ``_`` (a word that must end there,
against a stem that may go on) is not kept: names are whole words. ``#`` starts a comment.

How an entry is filed (the codes decide; ``codes.toml`` in ``phoenix_data`` says how a CAMEO code
gives a country and a sector):

- an entry whose codes carry ``~`` is an **agent** (a noun: POLICE, PROTESTER);
- an entry whose codes name a country and nothing else (``[AFG]``, ``[USAASM]``) is a **country**;
- an entry with a dated role, or an elite (``ELI``) role, is a **person**;
- an undated entry whose roles are all armed (REB, UAF, INS, SEP, or the IMG prefix) is a
  **group**; any other entry is an **organisation**.

Differences from PETRARCH2's reader, each to keep a reader's intent: consecutive name lines with
no codes of their own, followed by role lines, are one entry (``LEONID_BREZHNEV_`` then
``LEONID_ILYICH_BREZHNEV`` then the roles); an entry with no code at all, a bare date without
``<`` or ``>``, a 7-digit date or a code that is not made of three-character segments is an error
(:class:`~newsmodel.RuleError` naming file and line), or with ``strict=False`` is skipped and
listed in :attr:`ActorDictionary.skipped`. The Phoenix files themselves hold a few dozen such
lines; load them with ``strict=False``.
"""

from __future__ import annotations

import functools
import gc
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import attrs

from ..errors import InvalidArgumentError, InvalidPublishedError, RuleError
from ..model import ActorKind

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "ActorDictionary",
    "Agent",
    "Entry",
    "Role",
    "Skipped",
    "decode_code",
    "load_phoenix",
    "parse_phoenix",
    "shipped_phoenix",
]

_DATA = "phoenix_data"
_COMPILED = ("actors.tsv", "agents.tsv")
_FORMAT = "newsmodel-phoenix 1"


# --- records -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Role:
    """A role an entry holds: its CAMEO code, the country and sector it gives, and when.

    Attributes:
        code: the CAMEO code as written (``"USAGOV"``, ``"IGOUNOKID"``, ``"~COP"``).
        country: ISO 3166-1 alpha-3 code of the country the code names, if any.
        sector: the sector the code names (``"GOV"``, ``"IGO"``, ``"COP"`` ...), if any.
        start: first day the role holds (inclusive); ``None``: since ever.
        end: first day it no longer holds (exclusive, as PETRARCH2 reads it); ``None``: still.
    """

    code: str
    country: str | None = None
    sector: str | None = None
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        """Whether the role has a start or an end."""
        return self.start is not None or self.end is not None

    def holds_on(self, day: date) -> bool:
        """Whether the role holds on ``day`` (an undated role always does)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def distance(self, day: date) -> int:
        """Days from ``day`` to the nearest day the role holds (0 when it holds)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day >= self.end:
            return (day - self.end).days + 1
        return 0


Day = date | datetime | str | None
"""A day to resolve roles on: a ``date``, a ``datetime``, an ISO 8601 string, or ``None``."""


def _as_day(day: object) -> date | None:
    if day is None:
        return None
    if isinstance(day, datetime):
        return day.date()
    if isinstance(day, date):
        return day
    if isinstance(day, str):
        try:
            return datetime.fromisoformat(day.strip().replace("Z", "+00:00")).date()
        except ValueError:
            raise InvalidPublishedError(f"day={day!r} is not an ISO 8601 date such as '2017-04-09'") from None
    raise InvalidArgumentError(
        f"day must be a date, a datetime, an ISO string or None, not {type(day).__name__}"
    )


def _latest(role: Role) -> tuple[date, date]:
    return (role.end or date.max, role.start or date.min)


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Entry:
    """A person, country, organisation or group, with its names and roles.

    Attributes:
        name: the entry's name as the dictionary writes it, words joined by spaces
            (``"RAHM EMANUEL"``).
        synonyms: its other names (``"KARZAI"``, ``"PRESIDENT KARZAI"``).
        kind: ``PERSON``, ``COUNTRY``, ``ORGANIZATION`` or ``GROUP``.
        roles: its roles in the dictionary's order.
    """

    name: str
    synonyms: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    kind: ActorKind
    roles: tuple[Role, ...] = attrs.field(converter=_roles)

    @property
    def names(self) -> tuple[str, ...]:
        """The name and the synonyms."""
        return (self.name, *self.synonyms)

    def role_on(self, day: Day = None) -> Role | None:
        """The role the entry holds on ``day``.

        A dated role that holds that day wins (the first one, in the dictionary's order); else an
        undated role. Outside any range the entry keeps the country of the nearest dated role
        (the later one on a tie) and loses the sector: the result is a role with that country's
        part of the code (``"AFG"``), no sector and no dates. Without a day, the undated role or
        else the latest dated one. ``None`` when no role gives anything.

        Raises:
            InvalidPublishedError: if ``day`` is a string that is not an ISO 8601 date.
            InvalidArgumentError: if ``day`` is of another type.
        """
        day = _as_day(day)
        undated = next((r for r in self.roles if not r.dated), None)
        dated = [r for r in self.roles if r.dated]
        if day is None:
            return undated or (max(dated, key=_latest) if dated else None)
        held = next((r for r in dated if r.holds_on(day)), None)
        if held is not None or undated is not None:
            return held or undated
        near = [r for r in dated if r.country]
        if not near:
            return None
        best = min(near, key=lambda r: (r.distance(day), -(r.start or date.min).toordinal()))
        return Role(code=_country_part(best.code), country=best.country)

    def country_on(self, day: Day = None) -> str | None:
        """The country of :meth:`role_on` (``None`` when no role names one)."""
        role = self.role_on(day)
        return role.country if role is not None else None


@attrs.frozen(kw_only=True)
class Agent:
    """An agent noun and its sector: ``POLICE`` is ``COP``, ``PROTESTER`` is ``OPP``.

    Attributes:
        name: the noun as the dictionary writes it (the first expansion of a substitution set).
        forms: every form it matches: the name, the other expansions of its substitution sets,
            the plural the dictionary gives in braces, or else a regular English plural of each
            form that does not come from a set (``{}`` gives no plural: POLICE).
        role: its code and sector (agents name no country).
    """

    name: str
    forms: tuple[str, ...] = attrs.field(converter=_strs)
    role: Role

    @property
    def sector(self) -> str | None:
        """The sector of its role."""
        return self.role.sector


@attrs.frozen(kw_only=True)
class Skipped:
    """A line that ``strict=False`` skipped: where, and why.

    Attributes:
        source: the file (or ``"<text>"``) the line is in.
        line: its line number, from 1.
        reason: why it was skipped.
    """

    source: str
    line: int
    reason: str


def _entries(values: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(values)


def _agents(values: Iterable[Agent]) -> tuple[Agent, ...]:
    return tuple(values)


def _skips(values: Iterable[Skipped]) -> tuple[Skipped, ...]:
    return tuple(values)


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").upper().split())


@attrs.frozen(kw_only=True)
class ActorDictionary:
    """Actor and agent dictionaries, read by :func:`load_phoenix` or :func:`shipped_phoenix`.

    Look-ups ignore case, ``_`` against spaces and runs of spaces.

    Attributes:
        countries: the country entries.
        people: the people.
        organisations: the organisations.
        groups: the groups.
        agents: the agent nouns (``POLICE``, ``PROTESTER``) and their sectors.
        skipped: the lines that ``strict=False`` skipped.
    """

    countries: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    people: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    organisations: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    groups: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    agents: tuple[Agent, ...] = attrs.field(default=(), converter=_agents)
    skipped: tuple[Skipped, ...] = attrs.field(default=(), converter=_skips)
    _names: dict[str, tuple[Entry, ...]] = attrs.field(init=False, eq=False, repr=False, factory=dict)
    _nouns: dict[str, Agent] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    @property
    def entries(self) -> Iterator[Entry]:
        """Every entry: countries, people, organisations, groups."""
        for part in (self.countries, self.people, self.organisations, self.groups):
            yield from part

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """The entries that have ``name`` as their name or a synonym, in the dictionary's order."""
        if not self._names and (self.countries or self.people or self.organisations or self.groups):
            index: dict[str, list[Entry]] = {}
            for entry in self.entries:
                for n in dict.fromkeys(_key(n) for n in entry.names):
                    index.setdefault(n, []).append(entry)
            self._names.update((k, tuple(v)) for k, v in index.items())
        return self._names.get(_key(name), ())

    def roles_on(self, name: str, day: Day = None) -> tuple[Role, ...]:
        """The role each entry named ``name`` holds on ``day`` (see :meth:`Entry.role_on`).

        A role held on that date wins; outside any range the person keeps the country::

            roles_on("Rahm Emanuel", date(2010, 1, 1))  # (Role(code='USAGOV', country='USA', ...),)
        """
        day = _as_day(day)
        roles = (entry.role_on(day) for entry in self.lookup(name))
        return tuple(r for r in roles if r is not None)

    def agent(self, noun: str) -> Agent | None:
        """The agent one of whose forms is ``noun`` (``"police"``, ``"protesters"``), if any."""
        if not self._nouns and self.agents:
            for a in self.agents:
                for form in a.forms:
                    self._nouns.setdefault(_key(form), a)
        return self._nouns.get(_key(noun))


# --- codes -------------------------------------------------------------------------------------


@attrs.frozen
class _Codes:
    sectors: frozenset[str]
    armed: frozenset[str]
    personal: frozenset[str]
    religions: frozenset[str]
    statuses: frozenset[str]
    international: Mapping[str, str]
    countries: Mapping[str, str]
    iso: frozenset[str]


@functools.cache
def _codes() -> _Codes:
    import pycountry

    data = tomllib.loads((resources.files(__package__) / _DATA / "codes.toml").read_text(encoding="utf-8"))
    iso = frozenset(c.alpha_3 for c in pycountry.countries)
    return _Codes(
        sectors=frozenset(data["sectors"]),
        armed=frozenset(data["armed"]),
        personal=frozenset(data["personal"]),
        religions=frozenset(data["religions"]),
        statuses=frozenset(data["statuses"]),
        international=dict(data["international"]),
        countries=dict(data["countries"]),
        iso=iso | {v for v in data["countries"].values() if v},
    )


def _iso(segment: str, codes: _Codes) -> str | None:
    if segment in codes.countries:
        return codes.countries[segment] or None
    return segment if segment in codes.iso else None


_CODE = re.compile(r"~?(?:[A-Z0-9]{3})+~?|---")


@functools.lru_cache(maxsize=4096)
def decode_code(code: str) -> tuple[str | None, str | None]:
    """``(country, sector)`` of a CAMEO code: ``"USAGOVMIL"`` gives ``("USA", "GOV")``.

    ``codes.toml`` in ``newsmodel/rules/phoenix_data`` holds the tables and says how they apply.
    Agent codes (``"~COP"``) name no country; ``"---"`` (PETRARCH2's null code) names nothing.

    Raises:
        RuleError: if the code is not made of three-character segments.
    """
    if not _CODE.fullmatch(code):
        raise RuleError(f"{code!r} is not a CAMEO code (three-character segments such as USAGOV)")
    if code == "---":
        return None, None
    codes = _codes()
    agent = "~" in code
    segs = [code.strip("~")[i : i + 3] for i in range(0, len(code.strip("~")), 3)]
    country: str | None = None
    sector: str | None = None
    religious = False
    rest = segs
    first = segs[0]
    if first in codes.international:
        sector = codes.international[first] or None
        rest = segs[1:]
        opened = True
    elif not agent and _iso(first, codes):
        country = _iso(first, codes)
        rest = segs[1:]
        opened = True
    else:
        opened = False
    for j, seg in enumerate(rest):
        if seg in codes.sectors:
            sector = sector or seg
        elif seg in codes.religions:
            religious = True
        elif j == 0 and opened and not agent and seg not in codes.statuses and _iso(seg, codes):
            country = _iso(seg, codes)
    if sector is None and religious:
        sector = "REL"
    return country, sector


def _country_part(code: str) -> str:
    codes = _codes()
    segs = [code[i : i + 3] for i in range(0, len(code), 3)]
    if len(segs) > 1 and _iso(segs[1], codes) and segs[1] not in codes.religions:
        return "".join(segs[:2])
    return segs[0]


def _geographic(code: str) -> bool:
    """Whether a code names a country (or territory) and nothing else: ``AFG``, ``TMPOCC``."""
    codes = _codes()
    segs = [code[i : i + 3] for i in range(0, len(code), 3)]
    if "~" in code or code == "---" or _iso(segs[0], codes) is None:
        return False
    return all(_iso(s, codes) or s in codes.statuses for s in segs[1:])


def _kind(roles: tuple[Role, ...]) -> ActorKind:
    codes = _codes()
    if all(_geographic(r.code) for r in roles):
        return ActorKind.COUNTRY
    if any(r.dated for r in roles) or any(r.sector in codes.personal for r in roles):
        return ActorKind.PERSON
    if all(r.sector in codes.armed or r.code.startswith("IMG") for r in roles):
        return ActorKind.GROUP
    return ActorKind.ORGANIZATION


# --- the text format ---------------------------------------------------------------------------

_BRACKETS = re.compile(r"\[([^\[\]{}]*)\]|\{([^\[\]{}]*)\}")
_NAME = re.compile(r"[^\s\[\]{}<>#|@~\x00-\x1f\x7f\ufffd]+(?: [^\s\[\]{}<>#|@~\x00-\x1f\x7f\ufffd]+)*")
_DATE = re.compile(r"\d{6}|\d{8}")
_SET = re.compile(r"!(\w+)!\s*=(.*)")
_SET_REF = re.compile(r"!(\w+)!")
_MAX_FORMS = 1000


def _day(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise ValueError(f"date {text!r} is not a day of the calendar") from None


def _role(body: str) -> Role:
    parts = body.split(None, 1)
    if not parts:
        raise ValueError("empty brackets []")
    code = parts[0]
    try:
        country, sector = decode_code(code)
    except RuleError as exc:
        raise ValueError(str(exc)) from None
    if len(parts) == 1:
        return Role(code=code, country=country, sector=sector)
    when = "".join(parts[1].split())
    start: date | None = None
    end: date | None = None
    if when.startswith(">"):
        start = _day(when[1:])
    elif when.startswith("<"):
        end = _day(when[1:])
    elif "-" in when:
        a, _, b = when.partition("-")
        start, end = _day(a), _day(b)
        if end < start:
            raise ValueError(f"range {when!r} ends before it starts")
    else:
        raise ValueError(f"dates {when!r}: write FROM-TO, >FROM or <TO")
    return Role(code=code, country=country, sector=sector, start=start, end=end)


def _split_head(text: str) -> tuple[str, list[Role], list[str] | None]:
    """``(name, roles, plurals)`` of a name line: ``NAME {PLURAL} [CODE DATES] ...``."""
    cut = min((i for i in (text.find("["), text.find("{")) if i >= 0), default=len(text))
    name, tail = text[:cut].strip(), text[cut:]
    roles: list[Role] = []
    plurals: list[str] | None = None
    pos = 0
    for m in _BRACKETS.finditer(tail):
        if tail[pos : m.start()].strip():
            raise ValueError(f"unexpected {tail[pos : m.start()].strip()!r} between codes")
        pos = m.end()
        if m.group(1) is not None:
            roles.append(_role(m.group(1)))
        else:
            plurals = (plurals or []) + [_words(p) for p in m.group(2).split(",") if p.strip()]
    if tail[pos:].strip():
        raise ValueError(f"unexpected {tail[pos:].strip()!r} (an unclosed bracket?)")
    return name, roles, plurals


def _words(name: str) -> str:
    words = " ".join(name.replace("_", " ").split())
    if not words or not _NAME.fullmatch(words):
        raise ValueError(
            f"{name.strip()!r} is not a name (no brackets, braces, < > | @ ~ or control characters)"
        )
    return words


@attrs.define
class _Pending:
    line: int
    names: list[str]
    roles: list[Role]
    plurals: list[str] | None


def _regular_plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif last.endswith(("S", "X", "Z", "CH", "SH")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return f"{head} {plural}" if head else plural


class _Reader:
    """One pass over the lines of one or more files; entries are finished as the next begins."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.sets: dict[str, list[str]] = {}
        self.entries: list[Entry] = []
        self.agents: list[Agent] = []
        self.skipped: list[Skipped] = []
        self.pending: _Pending | None = None
        self.source = ""

    def fail(self, line: int, reason: str) -> None:
        if self.strict:
            raise RuleError(f"{self.source}, line {line}: {reason}")
        self.skipped.append(Skipped(source=self.source, line=line, reason=reason))

    def read(self, text: str, source: str) -> None:
        self.source = source
        previous_name = False
        for n, raw in enumerate(text.split("\n"), 1):  # not splitlines: \x1c or \x85 end no line
            line = raw.split("#", 1)[0].strip()
            if not line:
                previous_name = False
                continue
            try:
                previous_name = self.line(line, n, previous_name)
            except RuleError:
                raise
            except ValueError as exc:
                self.fail(n, str(exc))
                previous_name = False
        self.finish()

    def line(self, line: str, n: int, previous_name: bool) -> bool:
        """Read one line; whether it was a name or synonym line."""
        if line.startswith("!") and (m := _SET.fullmatch(line)):
            members = [_words(w) for w in m.group(2).split(",") if w.strip()]
            if not members or any("!" in w for w in members):
                raise ValueError(f"substitution set !{m.group(1)}! needs words, without ! in them")
            self.sets[m.group(1)] = members
            return False
        if line.startswith("["):
            if self.pending is None:
                raise ValueError("a role line with no name line before it")
            self.pending.roles.extend(_split_head(line)[1])
            return False
        if line.startswith("+"):
            if self.pending is None:
                raise ValueError("a synonym (+) with no name line before it")
            name, roles, _ = _split_head(line[1:])
            self.pending.names.append(_words(name))
            self.pending.roles.extend(roles)
            return not self.pending.roles
        name, roles, plurals = _split_head(line)
        words = _words(name)
        p = self.pending
        if (
            previous_name
            and p is not None
            and not p.roles
            and not roles
            and p.plurals is None
            and plurals is None
        ):
            p.names.append(words)  # name lines with no codes between them: one entry
            return True
        self.finish()
        self.pending = _Pending(n, [words], roles, plurals)
        return not roles

    def finish(self) -> None:
        p, self.pending = self.pending, None
        if p is None:
            return
        if not p.roles:
            self.fail(p.line, f"{p.names[0]} has no code ([CODE] or [CODE DATES])")
            return
        agent = ["~" in r.code for r in p.roles]
        if any(agent) != all(agent):
            self.fail(p.line, f"{p.names[0]} mixes agent codes (~) with actor codes")
            return
        if all(agent):
            try:
                self.agents.append(self.agent(p))
            except ValueError as exc:
                self.fail(p.line, str(exc))
            return
        if p.plurals is not None:
            self.fail(p.line, f"{p.names[0]}: plurals in braces belong to agents, not actors")
            return
        names = list(dict.fromkeys(p.names))
        self.entries.append(
            Entry(name=names[0], synonyms=names[1:], kind=_kind(tuple(p.roles)), roles=p.roles)
        )

    def expand(self, name: str) -> list[str]:
        """Every form of ``name`` with its substitution sets replaced by their words."""
        out = [name]
        for ref in _SET_REF.findall(name):
            if ref not in self.sets:
                raise ValueError(f"no substitution set !{ref}! defined before it is used")
            out = [n.replace(f"!{ref}!", word, 1) for n in out for word in self.sets[ref]]
            if len(out) > _MAX_FORMS:
                raise ValueError(f"{name} expands to more than {_MAX_FORMS} forms")
        return [" ".join(n.split()) for n in out]

    def agent(self, p: _Pending) -> Agent:
        forms: list[str] = []
        for name in p.names:
            expanded = self.expand(name)
            forms.extend(expanded)
            if p.plurals is not None:
                forms.extend(f for pl in p.plurals for f in self.expand(pl))
            elif expanded == [name]:
                forms.append(_regular_plural(name))
        forms = list(dict.fromkeys(forms))
        return Agent(name=forms[0], forms=forms, role=p.roles[0])


def _dictionary(reader: _Reader) -> ActorDictionary:
    parts: dict[ActorKind, list[Entry]] = {k: [] for k in ActorKind}
    for e in reader.entries:
        parts[e.kind].append(e)
    return ActorDictionary(
        countries=parts[ActorKind.COUNTRY],
        people=parts[ActorKind.PERSON],
        organisations=parts[ActorKind.ORGANIZATION],
        groups=parts[ActorKind.GROUP],
        agents=reader.agents,
        skipped=reader.skipped,
    )


def parse_phoenix(text: str, *, source: str = "<text>", strict: bool = True) -> ActorDictionary:
    """Read dictionary text in the Phoenix format (see the module's documentation).

    Args:
        text: the dictionary's lines.
        source: the name errors give for it (a file name).
        strict: raise on a malformed line (default), or skip it and list it in ``skipped``.

    Raises:
        RuleError: on a malformed line (with ``strict``), naming ``source`` and the line number.
    """
    if not isinstance(text, str):
        raise RuleError(f"{source}: a dictionary is text (str), not {type(text).__name__}")
    reader = _Reader(strict)
    reader.read(text, source)
    return _dictionary(reader)


def load_phoenix(*paths: str | Path, strict: bool = True) -> ActorDictionary:
    """Read dictionary files in the Phoenix format into one :class:`ActorDictionary`.

    Files are read in order; substitution sets (``!PERSON! = ...``) defined in one hold in the
    files after it. Pass the agents file and the actor files of PETRARCH2, or your own.

    Raises:
        RuleError: if a file cannot be read, or (with ``strict``) on a malformed line, naming the
            file and the line number.
    """
    reader = _Reader(strict)
    for path in paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise RuleError(f"{p}: {exc.strerror or exc}") from exc
        reader.read(text, str(p))
    return _dictionary(reader)


# --- the compiled form shipped in the package ---------------------------------------------------

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
    """The compiled text of a dictionary: ``(actors.tsv, agents.tsv)``.

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
    folder = resources.files(__package__) / _DATA
    texts = [(folder / name).read_text(encoding="utf-8") for name in _COMPILED]
    # Some 100,000 objects that all live on: the collector's passes over them would cost a third.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_compiled(*texts, source=f"{_DATA}/{'+'.join(_COMPILED)}")
    finally:
        if collecting:
            gc.enable()
