"""Flat tables of an article, for dataframes and CSV, and the exchange formats of the field.

Five tables, each a function returning a list of plain dictionaries (``str``, ``int``, ``None``)
with a documented, stable set of columns (:data:`COLUMNS`), in text order:

- :func:`actors`: one row per actor;
- :func:`mentions`: one row per mention of an actor;
- :func:`statements`: one row per statement, with its speaker;
- :func:`events`: one row per event, a PLOVER record (PLOVER's field names; ``source`` and
  ``target`` are lists of actor dictionaries, :func:`flatten` joins them for CSV);
- :func:`times`: one row per time expression, with its TIMEX3 value.

Each takes an optional ``article_id`` that is written into every row as the column
``article_id``, so the rows of many articles can share one table. :func:`to_pandas` and
:func:`to_arrow` build a ``pandas.DataFrame`` or a ``pyarrow.Table`` over many articles; they
import those libraries only when called (``pip install 'newsmodel[pandas]'`` or
``'newsmodel[arrow]'``), and ``import newsmodel`` imports neither.

Two exchange formats: :func:`timeml` writes the time expressions as TIMEX3 tags in the text, as
the TempEval-3 evaluation toolkit reads them (:func:`read_timeml` reads them back), and
:func:`brat` writes the whole article as brat standoff annotation (:func:`read_brat` reads the
``.ann`` file back).
"""

from __future__ import annotations

from . import _tables
from ._brat import BratAnnotation, brat, read_brat
from ._frames import arrow_schema, to_arrow, to_pandas
from ._tables import (
    actors,
    events,
    flatten,
    mentions,
    quotes,
    statements,
    table,
    times,
    write_csv,
)
from ._timeml import read_timeml, timeml

TABLES: tuple[str, ...] = _tables.TABLES
"""The names of the tables, each a function of this module."""

COLUMNS: dict[str, tuple[str, ...]] = _tables.COLUMNS
"""The columns of each table, in order. Rows hold exactly these keys."""

CSV_COLUMNS: dict[str, tuple[str, ...]] = _tables.CSV_COLUMNS
"""The columns of each table once :func:`flatten`\\ ed for CSV (only ``events`` differs)."""

QUOTE_SEPARATOR: str = _tables.QUOTE_SEPARATOR
"""Joins the quoted pieces of a statement in the ``quotes`` column."""

# The private modules: _tables (the five tables, flatten, write_csv), _frames (pandas and Arrow,
# imported on use), _timeml and _brat (the exchange formats). csv and xml.etree are imported where
# they are used, and `import newsmodel` does not import this package at all.

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "QUOTE_SEPARATOR",
    "TABLES",
    "BratAnnotation",
    "actors",
    "arrow_schema",
    "brat",
    "events",
    "flatten",
    "mentions",
    "quotes",
    "read_brat",
    "read_timeml",
    "statements",
    "table",
    "timeml",
    "times",
    "to_arrow",
    "to_pandas",
    "write_csv",
]
