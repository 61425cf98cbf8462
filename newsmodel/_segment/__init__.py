"""Private machinery of :mod:`newsmodel.segment`, one module per pass.

- ``tables``: :func:`~newsmodel._segment.tables.compile_tables` turns a ``SegmentRules`` into the
  :class:`~newsmodel._segment.tables.SegmentTables` the passes index (the dateline patterns, the
  token pattern, the quotation marks, the sentence word sets);
- ``dateline``: the dateline, correction note and byline opening a text;
- ``paragraphs``: blank lines, indentation, hard-wrapped lines, collapsed breaks;
- ``sentences``: sentence ends inside each paragraph, abbreviation-aware;
- ``quotations``: quotation marks paired inside each paragraph, quotes that run on;
- ``segmentation``: what they find, :class:`~newsmodel.segment.Segmentation` and
  :class:`~newsmodel.segment.Quotation` (documented in :mod:`newsmodel.segment`).

The tokens are one pattern of ``tables``, run by the facade. Every pass is a plain function of
the text and the tables: ``find_x(text, tables, ...)``.
"""
