"""Modules you can hold in your head (issue 11): no module over ~600 lines, no function over ~80.

The limits and the listed exceptions, each with its reason, are in ``[tool.newsmodel.sizes]`` of
pyproject.toml; an exception that no longer exceeds the limit must be removed from the list.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SIZES = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["newsmodel"]["sizes"]


def measure(root: Path = ROOT) -> dict[str, int]:
    """Lines of every module of the package under ``root`` (``path``) and function (``path:name``)."""
    sizes: dict[str, int] = {}
    for path in sorted((root / "newsmodel").rglob("*.py")):
        name = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        sizes[name] = len(source.splitlines())
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None:
                key = f"{name}:{node.name}"
                sizes[key] = max(sizes.get(key, 0), node.end_lineno - node.lineno + 1)
    return sizes


def limit(key: str) -> int:
    return int(SIZES["function-lines"] if ":" in key else SIZES["module-lines"])


def test_no_module_or_function_over_the_limit_unless_listed() -> None:
    over = {k: n for k, n in measure().items() if n > limit(k) and k not in SIZES["exceptions"]}
    assert over == {}, "split these, or list them with a reason in [tool.newsmodel.sizes] of pyproject.toml"


def test_every_listed_exception_is_still_needed() -> None:
    sizes = measure()
    stale = [k for k in SIZES["exceptions"] if sizes.get(k, 0) <= limit(k)]
    assert stale == [], "remove these from [tool.newsmodel.sizes] exceptions in pyproject.toml"


def test_the_measure_counts_modules_and_functions(tmp_path: Path) -> None:
    (tmp_path / "newsmodel" / "sub").mkdir(parents=True)
    body = "\n".join(f"    x{i} = {i}" for i in range(99))
    (tmp_path / "newsmodel" / "sub" / "m.py").write_text(
        f"import os\n\n\ndef long():\n{body}\n\n\ndef short():\n    return 1\n", encoding="utf-8"
    )
    sizes = measure(tmp_path)
    assert sizes == {"newsmodel/sub/m.py": 107, "newsmodel/sub/m.py:long": 100, "newsmodel/sub/m.py:short": 2}
    assert sizes["newsmodel/sub/m.py:long"] > limit("newsmodel/sub/m.py:long")
