"""Sphinx configuration: MyST Markdown, furo, autodoc with Google-style docstrings, doctests."""

from __future__ import annotations

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
napoleon_use_ivar = True
nitpicky = False

doctest_global_setup = """
import newsmodel
from pathlib import Path
SEED = (Path(newsmodel.__file__).resolve().parent.parent / "seeds" / "000_ac61e94c7b0ffc5c.txt").read_text(encoding="utf-8")
"""

html_theme = "furo"
html_title = "newsmodel"
