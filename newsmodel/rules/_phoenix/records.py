"""The records of a Phoenix dictionary: roles, entries, agents, the dictionary itself."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime

import attrs

from ...errors import InvalidArgumentError, InvalidPublishedError
from ...model import ActorKind
from .codes import _country_part


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
