"""Sphinx configuration: MyST Markdown, furo, autodoc with Google-style docstrings, doctests."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from typing import Any

import attrs

import newsmodel

project = "newsmodel"
author = "The newsmodel developers"
copyright = "2026, The newsmodel developers"
release = newsmodel.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Attributes sections become ``py:attribute`` entries, so ``{attr}`Article.text``` resolves
napoleon_use_ivar = False
nitpicky = True
# Names outside this project. The build runs offline, so there is no intersphinx inventory to
# resolve them against; they stay plain text.
nitpick_ignore = [
    ("py:class", "datetime.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "pathlib.Path"),
    ("py:mod", "concurrent.futures"),
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:class", "hypothesis.errors.InvalidArgument"),
    ("py:exc", "InvalidArgument"),  # hypothesis.errors.InvalidArgument, as the strategies' docstrings say
    ("py:class", "pandas.DataFrame"),
    ("py:class", "pyarrow.Table"),
    ("py:class", "pyarrow.Schema"),
    ("py:class", "IO"),
    ("py:class", "_regex.Pattern"),  # the regex package's compiled pattern, as its annotations name it
    # ``rules`` is an argument of the stage classes (documented under Args), not an attribute
    ("py:attr", "rules"),
]
nitpick_ignore_regex = [
    ("py:class", r"collections\.abc\.\w+"),
    ("py:class", r"typing\.\w+"),
    # what lives in private modules or under private names (the enums' ``_NamedEnum`` base) is
    # documented where it is re-exported, and type variables (``T_co``, ``R``) have no page
    ("py:(class|obj)", r"newsmodel(\.\w+)*\._\w*(\.\w+)*"),
    ("py:(class|obj)", r"newsmodel(\.\w+)*\.[A-Z](_co|_contra)?"),
    # napoleon reads the words before a colon in a Returns section as a type ("A sha256 of the
    # merged data: ..."): a name with a space is prose, never a class
    ("py:class", r".*\s.*"),
]

doctest_global_setup = """
import newsmodel
from pathlib import Path
SEED = (Path(newsmodel.__file__).resolve().parent.parent / "seeds" / "000_ac61e94c7b0ffc5c.txt").read_text(encoding="utf-8")
try:
    import pandas
except ImportError:
    pandas = None
try:
    import pyarrow
except ImportError:
    pyarrow = None
"""

html_theme = "furo"
html_title = "newsmodel"


def _resolve_reexport(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """``newsmodel.Article`` is documented where it lives, ``newsmodel.model.Article``: resolve it there."""
    if node.get("refdomain") != "py":
        return None
    parts = node["reftarget"].split(".")
    if len(parts) < 2 or parts[0] != "newsmodel":
        return None
    module = getattr(getattr(newsmodel, parts[1], None), "__module__", None)
    if not module or module == "newsmodel" or not module.startswith("newsmodel."):
        return None
    target = ".".join([module, *parts[1:]])
    domain = env.domains["py"] if hasattr(env, "domains") else env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], target, node, contnode)


def _factory_text(factory: Any) -> str:
    """How a default factory reads in a signature: ``Segmenter()``, ``load_rules('events')``."""
    name = getattr(factory, "__qualname__", repr(factory))
    owner = getattr(factory, "__self__", None)
    if isinstance(owner, type):  # a classmethod, perhaps inherited: name the class it is bound to
        name = f"{owner.__name__}.{factory.__name__}"
    if isinstance(factory, type) or not ("<" in name or name.split(".")[-1].startswith("_")):
        return f"{name}()"
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(factory)))
    except (OSError, TypeError, SyntaxError):
        return f"{name}()"
    for node in ast.walk(tree):
        if isinstance(node, ast.Lambda):
            return ast.unparse(node.body)
        if isinstance(node, ast.FunctionDef):
            body = [
                b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))
            ]
            if len(body) == 1 and isinstance(body[0], ast.Return) and body[0].value is not None:
                return ast.unparse(body[0].value)
    return f"{name}()"


def _real_defaults(
    app: Any, what: str, name: str, obj: Any, options: Any, signature: str | None, ret: str | None
) -> Any:
    """attrs classes whose defaults are factories show ``=NOTHING``: show the factory's call instead."""
    if what != "class" or not signature or not attrs.has(obj):
        return None
    for field in attrs.fields(obj):
        if isinstance(field.default, attrs.Factory) and not field.default.takes_self:  # type: ignore[arg-type]
            signature = re.sub(
                rf"\b{field.alias or field.name}=NOTHING\b",
                f"{field.alias or field.name}={_factory_text(field.default.factory)}",
                signature,
            )
    return signature, ret


def setup(app: Any) -> None:
    app.connect("missing-reference", _resolve_reexport)
    app.connect("autodoc-process-signature", _real_defaults)
