"""Statements: direct quotes, reported speech and denials, each with its resolved speaker.

:class:`StatementFinder` is the statement stage of the pipeline. Its language (the cue verbs and
their inflections, ``according to``, the adjuncts and addressees it skips) is the rule set
``newsmodel/rules/statements.toml``; the mechanism lives in ``newsmodel._statements``. See the
"Statements" page of the documentation for the kinds and the rule ids.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._statements._finder import find_statements
from ._statements._lexicon import Lexicon, compile_lexicon
from .model import Statement
from .pipeline import Context
from .rules import load_rules

__all__ = ["StatementFinder"]


@attrs.frozen
class StatementFinder:
    """Finds statements and resolves their speakers through the actor stage's cast.

    Args:
        rules: the statement rule set, in the format of ``newsmodel/rules/statements.toml``; the
            shipped one by default. Load your own with :func:`newsmodel.rules.load_rules_file`.

    Raises:
        RuleError: if ``rules`` is malformed (the message names the entry).

    Calling the finder with a :class:`~newsmodel.pipeline.Context` returns the statements of the
    article in text order (by content). A ``DIRECT`` statement's content is the quoted words
    without their quote marks (and without the comma that closes them); an ``INDIRECT`` or
    ``MIXED`` statement's content is the reported clause, ``that`` and any quote marks included.
    """

    rules: dict[str, Any] = attrs.field(factory=lambda: load_rules("statements"))
    _lexicon: Lexicon = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_lexicon", compile_lexicon(self.rules))

    def __call__(self, context: Context) -> tuple[Statement, ...]:
        return find_statements(context, self._lexicon)
