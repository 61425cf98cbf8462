"""Shared fixtures and the hypothesis profiles (``ci``: more examples, derandomised, no deadline)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_ID = "000_ac61e94c7b0ffc5c"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article (Reuters, 9 April 2017)."""
    return (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text: str):  # type: ignore[no-untyped-def]
    import newsmodel

    return newsmodel.parse(seed_text, published="2017-04-09")


@pytest.fixture(scope="session")
def seed_gold() -> dict:  # type: ignore[type-arg]
    import json

    return json.loads((SEEDS / f"{SEED_ID}.gold.json").read_text(encoding="utf-8"))
