"""Private machinery of :mod:`newsmodel.times`, one module per pass.

- ``tables``: :func:`~newsmodel._times.tables.compile_tables` turns a ``TimeRules`` into the
  :class:`~newsmodel._times.tables.TimeTables` the passes index (patterns by core type, word sets);
- ``state``: :class:`~newsmodel._times.state.TimeState`, one article on its way through the stage
  (text, tokens, publication date, the anchor), and the word lookups;
- ``scan``: the pass over the tokens (entry :func:`~newsmodel._times.scan.find_times`);
- ``filter``: the negative rules;
- ``tense``: whether the words around an expression look back or ahead;
- ``resolve``: the resolver each rule names, and the anchor; ``dates`` and ``relative`` hold the
  resolvers; ``calendar`` the arithmetic on TIMEX3 values;
- ``govern``: the expression that governs a stretch of words (``governing_time``).
"""
