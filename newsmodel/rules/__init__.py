"""Rule data: the TOML files beside this module, and the schema they are read with.

Code holds mechanisms, these files hold language: word lists, lexicons and patterns. The English
words every stage shares are in ``english.toml``; each stage's own file (``segment.toml``,
``times.toml`` ...) refers to them by name (``"@determiners"``). Each stage's rules are a
:class:`RuleSet` (``TimeRules``, ``ActorRules`` ...): ``XRules.shipped()`` is the shipped set,
``XRules.shipped().extend("mine.toml")`` adds your own entries, and ``XRules.load(...)`` builds a
set from your files alone. A malformed rule raises :class:`~newsmodel.RuleError` naming the file,
the key path and what was expected.
"""

from __future__ import annotations

import functools
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import RuleError

__all__ = ["Example", "RuleSet", "load_rules", "load_rules_file", "merge", "rule_files"]


def _toml() -> Any:
    """The TOML reader, imported when a TOML file is read: the shipped rules are read from their
    JSON mirrors, so ``import newsmodel`` does not import it."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def rule_files() -> list[str]:
    """Names of the shipped rule sets (``"segment"``, ``"times"`` ...)."""
    return sorted(
        p.name.removesuffix(".toml") for p in resources.files(__name__).iterdir() if p.name.endswith(".toml")
    )


@functools.cache
def _load_shipped(name: str) -> dict[str, Any]:
    path = resources.files(__name__) / f"{name}.toml"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RuleError(f"no shipped rule file {name}.toml; shipped: {', '.join(rule_files())}") from None
    mirrored = _mirrored(name, raw)
    if mirrored is not None:
        return mirrored
    toml = _toml()
    try:
        loaded: dict[str, Any] = toml.loads(raw.decode("utf-8"))
        return loaded
    except (toml.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(f"{name}.toml: {exc}") from exc


_MIRRORS = "_mirror"
"""The directory (beside the rule files) of their JSON mirrors, written by ``tools/build_rules.py``."""


def _mirrored(name: str, raw: bytes) -> dict[str, Any] | None:
    """The rules of ``name.toml`` read from its JSON mirror, if the mirror was made from these very
    bytes (its sha256 says so); ``None`` if there is none or it is stale (the TOML is read instead).

    Python's TOML reader is written in Python: the shipped files take it about 30 ms, their mirrors
    a tenth of that. The TOML files are the source; the mirrors are generated from them."""
    import hashlib  # here: ``import newsmodel`` does not need it

    try:
        text = (resources.files(__name__) / _MIRRORS / f"{name}.json").read_text(encoding="utf-8")
        found = json.loads(text)
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("toml_sha256") != hashlib.sha256(raw).hexdigest():
        return None
    rules = found.get("rules")
    return rules if isinstance(rules, dict) else None


def load_rules(name: str) -> dict[str, Any]:
    """The shipped rule set ``name`` (``newsmodel/rules/<name>.toml``) as a fresh dictionary.

    Raises:
        RuleError: if there is no such file or it is not valid TOML.
    """
    import copy

    return copy.deepcopy(_load_shipped(name))


def load_rules_file(path: str | Path) -> dict[str, Any]:
    """A rule set from a TOML file of your own, in the same format as the shipped ones.

    Raises:
        RuleError: if the file cannot be read or is not valid TOML.
    """
    p = Path(path)
    toml = _toml()
    try:
        loaded: dict[str, Any] = toml.loads(p.read_text(encoding="utf-8"))
        return loaded
    except OSError as exc:
        raise RuleError(f"{p}: {exc.strerror or exc}") from exc
    except toml.TOMLDecodeError as exc:
        raise RuleError(f"{p}: {exc}") from exc


from ._schema import Example, RuleSet, merge  # noqa: E402  (the schema imports load_rules from here)
