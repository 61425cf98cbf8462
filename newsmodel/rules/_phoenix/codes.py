"""CAMEO codes: the country and sector a code gives, and the kind of actor its roles make."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from ...errors import RuleError
from ...model import ActorKind

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from .records import Role


# The data folder beside newsmodel/rules/phoenix.py.
_RULES = "newsmodel.rules"
_DATA = "phoenix_data"


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

    data = tomllib.loads((resources.files(_RULES) / _DATA / "codes.toml").read_text(encoding="utf-8"))
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
