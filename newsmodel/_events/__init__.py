"""Private implementation of the event stage. The public face is :mod:`newsmodel.events`; nothing
here is part of the API.

The rules (``rules.py``: :class:`EventRules`, structured from ``events.toml``) are compiled into
the tables the stage indexes (``compiler.py`` -> ``lexicon.py``: :class:`EventLexicon`, its
:class:`Trigger` entries). One call (``coder.py``) builds the article's state (``state.py``:
``Doc``, with the one token scan) and runs the passes, plain functions over it:

- ``triggers.py``: lexicon entries matched at the heads the scan found;
- ``roles.py`` (with ``clauses.py``, the primitives: clause bounds, subject; ``objects.py``, the
  objects after a trigger; ``grammar.py``, small patterns of clause structure; ``chunks.py``,
  the shallow chunker: noun and verb groups and the clause structure read off them, consulted
  where the word-window readers find no subject, and ``sides.py``, the actors its groups name):
  sources, targets and place of each trigger, and its mode (``mode.py``: cues, recodings);
- ``absorb.py``: drafts folded into one another (one happening named twice, complements of
  control verbs, proposals, allegations);
- ``counts.py``: casualty and arrest counts; ``timing.py``: the governing time.
"""
