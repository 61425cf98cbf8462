"""Token and pattern helpers every stage shares (no stage-specific language here).

Stages import these instead of keeping their own copies: the word before an offset, an
alternation of phrases for a ``regex`` pattern, the sentence a token opens, and so on.
"""
