"""The docs hold true: the README snippet runs as written, and the reference lists every enum member."""

from __future__ import annotations

import doctest
import enum
import re
from pathlib import Path

import pytest

import newsmodel

ROOT = Path(__file__).resolve().parent.parent


def test_readme_snippet_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the snippet opens the seed by its path in the repository
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, verbose=False, report=True)
    assert result.attempted >= 5
    assert result.failed == 0


ENUMS = [
    newsmodel.ActorKind,
    newsmodel.MentionKind,
    newsmodel.StatementKind,
    newsmodel.EventKind,
    newsmodel.EventMode,
    newsmodel.TimeKind,
    newsmodel.CountKind,
]


@pytest.mark.parametrize("kind", ENUMS, ids=lambda k: k.__name__)
def test_reference_documents_every_enum_member(kind: type[enum.Enum]) -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    block = api.split(f".. autoclass:: newsmodel.model.{kind.__name__}\n", 1)[1].split(".. autoclass::", 1)[0]
    documented = re.findall(r"^   \.\. attribute:: (\w+)\n\n      \S.*$", block, flags=re.M)
    assert documented == [m.name for m in kind]
