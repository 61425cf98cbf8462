"""The countries of ISO 3166-1 as pycountry holds them, read without importing pycountry.

``import pycountry`` costs a fresh process about 15 ms (it imports ``importlib.metadata`` and
``logging`` to learn its own version); building the actor stage needs only its list of countries.
That list is the ``"3166-1"`` table of pycountry's ``databases/iso3166-1.json``, each entry the
fields of one country (``alpha_3``, ``name``, ``common_name`` ...), which pycountry's
``countries`` serves in the same order. When pycountry is already imported (its list may have been
changed with ``add_entry``) or its file is not where its releases keep it, pycountry is asked.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["iso_countries"]


def iso_countries() -> tuple[Mapping[str, str], ...]:
    """Every current country of ISO 3166-1, as a mapping of its fields, in pycountry's order."""
    if "pycountry" in sys.modules:
        return _from_pycountry()
    return _from_file() or _from_pycountry()


def _from_pycountry() -> tuple[Mapping[str, str], ...]:
    import pycountry

    return tuple(dict(c) for c in pycountry.countries)


@functools.cache
def _from_file() -> tuple[Mapping[str, str], ...] | None:
    try:
        spec = importlib.util.find_spec("pycountry")
        places = list(spec.submodule_search_locations or []) if spec is not None else []
        if not places:
            return None
        data: Any = json.loads((Path(places[0]) / "databases" / "iso3166-1.json").read_text("utf-8"))
    except (OSError, ValueError, ImportError):
        return None
    entries = data.get("3166-1") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        return None
    if not all(isinstance(e, dict) and isinstance(e.get("alpha_3"), str) and "name" in e for e in entries):
        return None
    return tuple(entries)
