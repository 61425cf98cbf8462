"""Hypothesis entry point: registers newsmodel's strategies for ``st.from_type``.

Hypothesis calls :func:`_register` when it is imported; ``import newsmodel`` never imports
hypothesis.
"""

from __future__ import annotations


def _register() -> None:
    """Register strategies for the model's types (filled in with ``newsmodel.strategies``)."""
