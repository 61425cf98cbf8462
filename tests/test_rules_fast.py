"""Rule sets structured without generated code (issue 16, cold start) equal what cattrs builds."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from newsmodel._actors.rules import ActorRules
from newsmodel.errors import RuleError
from newsmodel.events import EventRules
from newsmodel.rules._schema import _FAST, CONVERTER, RuleSet, _expand, _is_sequence, merge
from newsmodel.segment import SegmentRules
from newsmodel.statements import StatementRules
from newsmodel.times import TimeRules

SETS: list[type[RuleSet]] = [SegmentRules, TimeRules, ActorRules, StatementRules, EventRules]


def _same(a: Any, b: Any, path: str = "$") -> None:
    """``a`` and ``b`` equal, with the same types all the way down (a tuple is no list)."""
    assert type(a) is type(b), path
    if attrs.has(type(a)):
        for f in attrs.fields(type(a)):
            _same(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    elif isinstance(a, dict):
        assert list(a) == list(b), path
        for k in a:
            _same(a[k], b[k], f"{path}[{k!r}]")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{i}]")
    else:
        assert a == b, path


@pytest.mark.parametrize("cls", SETS, ids=lambda c: c.__name__)
def test_shipped_rules_structure_as_cattrs_structures_them(cls: type[RuleSet]) -> None:
    merged = merge(*(_expand(data, label) for label, data in cls._shipped_sources()))
    _same(_FAST.structure(merged, cls), CONVERTER.structure(merged, cls))


def test_the_fast_path_refuses_what_cattrs_refuses() -> None:
    merged = merge(*(_expand(data, label) for label, data in SegmentRules._shipped_sources()))
    bad: list[dict[str, Any]] = [
        {**merged, "extra": 1},
        {**merged, "dateline": {**merged["dateline"], "months": "May"}},
        {**merged, "paragraphs": {**merged["paragraphs"], "wrap_width": "80"}},
        {**merged, "paragraphs": {**merged["paragraphs"], "wrap_width": True}},
    ]
    for data in bad:
        with pytest.raises(Exception):  # noqa: B017, PT011  (cattrs raises an ExceptionGroup)
            CONVERTER.structure(data, SegmentRules)
        with pytest.raises(Exception):  # noqa: B017, PT011
            _FAST.structure(data, SegmentRules)


def test_a_bad_rule_file_is_still_named_by_the_converter(tmp_path: Any) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[paragraphs]\nwrap_width = "eighty"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"mine\.toml: paragraphs\.wrap_width: expected an integer"):
        SegmentRules.shipped().extend(mine)


def test_field_types_are_read_as_get_type_hints_reads_them() -> None:
    import typing

    seen: set[type] = set()

    def walk(cl: type) -> None:
        if cl in seen:
            return
        seen.add(cl)
        hints = typing.get_type_hints(cl)
        for f in attrs.fields(cl):
            written = cl.__annotations__.get(f.name, f.type)  # the source's string, not cattrs' reading
            assert isinstance(written, str), (cl, f.name)
            assert _FAST._type(cl, f.name, written) == hints[f.name], (cl, f.name)
            stack = [hints[f.name]]
            while stack:
                t = stack.pop()
                if attrs.has(t):
                    walk(t)
                stack.extend(typing.get_args(t))

    for cls in SETS:
        walk(cls)
    assert len(seen) > 30


@attrs.frozen
class Inner:
    word: str


@attrs.frozen
class Outer:
    inner: Inner
    words: tuple[str, ...] = ()


def test_a_hook_registered_later_is_used() -> None:
    from newsmodel.rules._fast import FastStructurer, RuleConverter

    conv = RuleConverter(forbid_extra_keys=True)
    fast = FastStructurer(conv, _is_sequence)
    data = {"inner": {"word": "a"}}
    assert fast.structure(data, Outer) == Outer(Inner("a"))
    conv.register_structure_hook(Inner, lambda v, _: Inner(v["word"].upper()))
    assert fast.structure(data, Outer) == Outer(Inner("A"))
    with pytest.raises(Exception):  # noqa: B017, PT011  (an unknown key)
        fast.structure({**data, "other": 1}, Outer)
