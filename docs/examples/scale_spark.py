"""Parse a DataFrame of texts with Spark: ``mapPartitions``, one parser per executor process.

The input is any DataFrame with the columns ``id``, ``text`` and ``published`` (a string, a date
or null); the output is the PLOVER events of every article, one row per event, written as
Parquet. An article that could not be parsed gives one row with ``error`` set. Needs ``pyspark``
(newsmodel installed on every executor).

    spark-submit scale_spark.py CORPUS.jsonl OUT_DIR
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

import newsmodel

COLUMNS = (
    "article_id string, event string, mode string, source string, target string, trigger string,"
    " date string, start int, end int, rule string, error string"
)


def parse_partition(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """The event rows of one partition's articles (rows read with ``row["text"]``: Spark ``Row``
    objects or dictionaries).

    ``parse_many(workers=1)`` parses in the executor's Python worker with the default parser,
    built once per worker process; Spark's Python workers are reused across tasks by default
    (``spark.python.worker.reuse``), so the parser is too.
    """
    docs = ((row["id"], row["text"], row["published"]) for row in rows)
    for doc_id, tables in newsmodel.parse_many(docs, workers=1, output="records", with_ids=True):
        if isinstance(tables, newsmodel.Failure):
            yield (doc_id, None, None, None, None, None, None, None, None, None, tables.message)
            continue
        for e in tables["events"]:
            yield (
                doc_id,
                e["event"],
                e["mode"],
                ",".join(a["code"] or "" for a in e["source"]),
                ",".join(a["code"] or "" for a in e["target"]),
                e["eventText"],
                e["date"],
                e["start"],
                e["end"],
                e["rule"],
                None,
            )


def main(corpus: str, out_dir: str) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newsmodel").getOrCreate()
    texts = spark.read.json(corpus).select("id", "text", "published")
    events = texts.rdd.mapPartitions(parse_partition).toDF(COLUMNS)
    events.write.mode("overwrite").parquet(out_dir)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
