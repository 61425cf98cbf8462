"""One table over many articles as a ``pandas.DataFrame`` or a ``pyarrow.Table``.

pandas and pyarrow are imported only when a function here is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..model import Article
from ._tables import COLUMNS, Row, _table_function, table

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow


def _rows_of_many(
    articles: Iterable[Article] | Iterable[tuple[str, Article]] | Mapping[str, Article], name: str
) -> list[Row]:
    items: Iterable[Any] = articles.items() if isinstance(articles, Mapping) else articles
    rows: list[Row] = []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2:
            article_id, article = item
            rows.extend(table(name, article, article_id=article_id))
        else:
            rows.extend(table(name, item))
    return rows


def _import(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"this needs {module}: pip install 'newsmodel[{extra}]' (or pip install {module})"
        ) from None


def to_pandas(
    articles: Iterable[Article] | Iterable[tuple[str, Article]] | Mapping[str, Article],
    table: str = "events",
) -> pandas.DataFrame:
    """A ``pandas.DataFrame`` of one table over many articles.

    Args:
        articles: articles, ``(article_id, article)`` pairs, or a mapping from ids to articles.
        table: one of :data:`TABLES`.

    The columns are :data:`COLUMNS[table] <COLUMNS>`, even when there are no rows; integer
    columns that may be missing use pandas' nullable ``Int64``. Needs pandas
    (``pip install 'newsmodel[pandas]'``), imported only when this is called.
    """
    _table_function(table)
    pd = _import("pandas", "pandas")
    rows = _rows_of_many(articles, table)
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS[table]))
    for column, kind in _TYPES[table].items():
        if kind == "int":
            frame[column] = frame[column].astype("Int64")
    return frame


_ACTOR_STRUCT = ("actorText", "name", "code", "sector", "actorId")
_TYPES: dict[str, dict[str, str]] = {
    "actors": {"mentions": "int"},
    "mentions": {"start": "int", "end": "int", "sentence": "int"},
    "statements": {
        "statement": "int",
        "source_start": "int",
        "source_end": "int",
        "cue_start": "int",
        "cue_end": "int",
        "content_start": "int",
        "content_end": "int",
        "sentence": "int",
    },
    "events": {
        "killed": "int",
        "injured": "int",
        "arrested": "int",
        "start": "int",
        "end": "int",
        "source": "actors",
        "target": "actors",
    },
    "times": {"time": "int", "start": "int", "end": "int", "sentence": "int"},
}


def arrow_schema(table: str) -> pyarrow.Schema:
    """The ``pyarrow.Schema`` of a table: strings, 64-bit integers, and lists of actor structs."""
    _table_function(table)
    pa = _import("pyarrow", "arrow")
    actor = pa.list_(pa.struct([(f, pa.string()) for f in _ACTOR_STRUCT]))
    kinds = {"int": pa.int64(), "actors": actor}
    return pa.schema([(c, kinds.get(_TYPES[table].get(c, ""), pa.string())) for c in COLUMNS[table]])


def to_arrow(
    articles: Iterable[Article] | Iterable[tuple[str, Article]] | Mapping[str, Article],
    table: str = "events",
) -> pyarrow.Table:
    """A ``pyarrow.Table`` of one table over many articles, with the schema :func:`arrow_schema`.

    Arguments as for :func:`to_pandas`. Write it with ``pyarrow.parquet.write_table``. Needs
    pyarrow (``pip install 'newsmodel[arrow]'``), imported only when this is called.
    """
    _table_function(table)
    pa = _import("pyarrow", "arrow")
    schema = arrow_schema(table)
    rows = _rows_of_many(articles, table)
    return pa.Table.from_pylist(rows, schema=schema)
