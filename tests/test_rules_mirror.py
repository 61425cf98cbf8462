"""The JSON mirrors of the shipped rule files (issue 16, cold start) hold what the TOML holds."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from newsmodel import rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RULES = Path(rules.__file__).parent
TOMLS = sorted(RULES.glob("*.toml"))


@pytest.mark.parametrize("toml", TOMLS, ids=lambda p: p.name)
def test_every_rule_file_has_a_current_mirror(toml: Path) -> None:
    mirror = RULES / "_mirror" / f"{toml.stem}.json"
    assert mirror.exists(), "no mirror: run python tools/build_rules.py"
    raw = toml.read_bytes()
    found = json.loads(mirror.read_text(encoding="utf-8"))
    assert found["toml_sha256"] == hashlib.sha256(raw).hexdigest(), (
        f"{mirror.name} is stale: run python tools/build_rules.py"
    )
    assert found["rules"] == tomllib.loads(raw.decode("utf-8"))
    assert rules._mirrored(toml.stem, raw) == found["rules"]


def test_no_mirror_without_its_rule_file() -> None:
    assert {p.stem for p in (RULES / "_mirror").glob("*.json")} == {p.stem for p in TOMLS}


def test_a_mirror_not_made_from_the_toml_is_not_read() -> None:
    raw = (RULES / "segment.toml").read_bytes()
    assert rules._mirrored("segment", raw) is not None
    assert rules._mirrored("segment", raw + b"\n# edited\n") is None
    assert rules._mirrored("no_such_rules", raw) is None


def test_an_edited_rule_file_is_read_from_its_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "_mirrored", lambda name, raw: None)
    rules._load_shipped.cache_clear()
    try:
        from_toml = rules.load_rules("times")
    finally:
        rules._load_shipped.cache_clear()
    assert from_toml == rules.load_rules("times")
