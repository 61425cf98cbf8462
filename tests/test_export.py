"""Flat tables (columns, types, one row per thing), CSV, dataframes, TimeML and brat round trips."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest
from hypothesis import given

import newsmodel
from newsmodel import export, strategies
from newsmodel.errors import InvalidArgumentError
from newsmodel.events import to_records

NASTY = (
    'WASHINGTON (Reuters) - Russia, "the state", & Israel <held> talks on Sunday.\n\n'
    "\u201cWe will, act,\u201d\nPutin said, \u201cand\r\nwe mean it.\u201d"
)

SCALAR = (str, int, type(None))


def tables(article: newsmodel.Article, **kw: Any) -> dict[str, list[dict[str, Any]]]:
    return {name: export.table(name, article, **kw) for name in export.TABLES}


# -- tables ----------------------------------------------------------------------------------------


def test_every_table_has_its_columns_and_one_row_per_thing(seed_article: newsmodel.Article) -> None:
    got = tables(seed_article, article_id="seed")
    assert set(got) == set(export.TABLES) == set(export.COLUMNS)
    for name, rows in got.items():
        assert rows, name
        for row in rows:
            assert tuple(row) == export.COLUMNS[name]
            assert row["article_id"] == "seed"
    assert len(got["actors"]) == len(seed_article.actors)
    assert len(got["mentions"]) == sum(len(a.mentions) for a in seed_article.actors)
    assert len(got["statements"]) == len(seed_article.statements)
    assert len(got["events"]) == len(seed_article.events)
    assert len(got["times"]) == len(seed_article.times)


def test_cells_are_plain_values(seed_article: newsmodel.Article) -> None:
    for name, rows in tables(seed_article).items():
        for row in rows:
            for column, value in row.items():
                if name == "events" and column in ("source", "target"):
                    assert isinstance(value, list)
                    assert all(isinstance(v, SCALAR) for a in value for v in a.values())
                else:
                    assert isinstance(value, SCALAR), (name, column, value)
            json.dumps(row)


def test_article_id_is_none_when_not_given(seed_article: newsmodel.Article) -> None:
    for rows in tables(seed_article).values():
        assert {r["article_id"] for r in rows} == {None}
    assert [r["id"] for r in export.events(seed_article)][:2] == ["1", "2"]
    assert [r["id"] for r in export.events(seed_article, article_id="x")][:2] == ["x-1", "x-2"]


def test_offsets_index_the_text(seed_article: newsmodel.Article) -> None:
    text = seed_article.text
    got = tables(seed_article)
    for r in got["mentions"] + got["times"]:
        assert text[r["start"] : r["end"]] == r["text"]
        assert seed_article.sentences[r["sentence"]].start <= r["start"]
    for r in got["statements"]:
        for part in ("source", "cue", "content"):
            if r[part] is not None:
                assert text[r[f"{part}_start"] : r[f"{part}_end"]] == r[part]
    for r in got["events"]:
        assert text[r["start"] : r["end"]] == r["eventText"]
    starts = [r["start"] for r in got["mentions"]]
    assert starts == sorted(starts)


def test_statement_rows(seed_article: newsmodel.Article) -> None:
    rows = export.statements(seed_article)
    for r, s in zip(rows, seed_article.statements, strict=True):
        assert r["kind"] == s.kind.name
        assert r["speaker_id"] == (s.speaker.id if s.speaker else None)
        assert r["time_value"] == (s.time.value if s.time else None)
    first = rows[0]
    assert (first["speaker"], first["speaker_kind"], first["speaker_country"]) == (
        "Rex Tillerson",
        "PERSON",
        "USA",
    )
    mixed = next(r for r in rows if r["kind"] == "MIXED" and "hard evidence" in r["content"])
    assert mixed["quotes"] == "any hard evidence"
    direct = next(r for r in rows if r["kind"] == "DIRECT")
    assert direct["quotes"] == direct["content"]
    assert all(r["quotes"] == "" for r in rows if r["kind"] == "INDIRECT")


def test_quotes_of_a_mixed_statement_with_two_pieces() -> None:
    text = 'He said the deal was "dead" and the talks "over for now".'
    content = newsmodel.Span.of(text, 8, len(text) - 1)
    pieces = (newsmodel.Span.of(text, 22, 26), newsmodel.Span.of(text, 43, 55))
    s = newsmodel.Statement(
        speaker=None,
        source=None,
        cue=None,
        content=content,
        kind=newsmodel.StatementKind.MIXED,
        quotes=pieces,
    )
    assert [q.text for q in export.quotes(s)] == ["dead", "over for now"]
    parsed = newsmodel.parse(text).statements
    assert [[q.text for q in export.quotes(p)] for p in parsed] == [["dead", "over for now"]]
    assert all(text[q.start : q.end] == q.text for q in export.quotes(s))


def test_actor_and_time_rows(seed_article: newsmodel.Article) -> None:
    tillerson = next(r for r in export.actors(seed_article) if r["actor_id"] == "rex-tillerson")
    assert tillerson == {
        "article_id": None,
        "actor_id": "rex-tillerson",
        "name": "Rex Tillerson",
        "kind": "PERSON",
        "country": "USA",
        "sector": "GOV",
        "roles": "Secretary of State",
        "mentions": 9,
    }
    assert [(r["text"], r["value"]) for r in export.times(seed_article)][:2] == [
        ("Sunday", "2017-04-09"),
        ("last week", "2017-W14"),
    ]


def test_events_are_the_plover_records_of_to_records(seed_article: newsmodel.Article) -> None:
    assert to_records is export.events
    first = export.events(seed_article, article_id="seed")[0]
    assert (first["id"], first["event"], first["mode"], first["eventText"], first["date"]) == (
        "seed-1",
        "ACCUSE",
        "ASSERTED",
        "blamed",
        "2017-04-09",
    )
    assert first["source"] == [
        {
            "actorText": "Rex Tillerson",
            "name": "Rex Tillerson",
            "code": "USA",
            "sector": "GOV",
            "actorId": "rex-tillerson",
        }
    ]
    assert [a["code"] for a in first["target"]] == ["RUS"]


def test_bad_arguments_are_typed_errors(seed_article: newsmodel.Article) -> None:
    with pytest.raises(InvalidArgumentError):
        export.statements("text")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        export.events(seed_article, article_id=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="no table 'speakers'"):
        export.table("speakers", seed_article)
    for call in (
        lambda: export.write_csv([], io.StringIO(), name="speakers"),
        lambda: export.to_pandas([], "speakers"),
        lambda: export.to_arrow([], "speakers"),
        lambda: export.arrow_schema("speakers"),
    ):
        with pytest.raises(InvalidArgumentError, match="no table 'speakers'"):
            call()


@given(strategies.articles())
def test_tables_of_any_article(article: newsmodel.Article) -> None:
    for name, rows in tables(article, article_id="a").items():
        assert all(tuple(r) == export.COLUMNS[name] for r in rows)
        json.loads(json.dumps(rows))
    assert len(export.mentions(article)) == sum(len(a.mentions) for a in article.actors)
    assert len(export.statements(article)) == len(article.statements)


# -- CSV -------------------------------------------------------------------------------------------


def test_csv_round_trip_keeps_awkward_text() -> None:
    article = newsmodel.parse(NASTY, published="2017-04-09")
    for name in export.TABLES:
        out = io.StringIO(newline="")
        n = export.write_csv(export.table(name, article, article_id='a "1", b'), out, name=name)
        rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
        assert len(rows) == n == len(export.table(name, article))
        assert tuple(rows[0]) == export.CSV_COLUMNS[name] if rows else True
        for row, want in zip(rows, export.table(name, article, article_id='a "1", b'), strict=True):
            flat = export.flatten(want)
            assert row == {k: "" if flat[k] is None else str(flat[k]) for k in export.CSV_COLUMNS[name]}


def test_flattened_events(seed_article: newsmodel.Article) -> None:
    rows = [export.flatten(r) for r in export.events(seed_article)]
    assert all(tuple(r) == export.CSV_COLUMNS["events"] for r in rows)
    assert (rows[0]["source"], rows[0]["source_code"], rows[0]["target_code"]) == (
        "Rex Tillerson",
        "USA",
        "RUS",
    )
    unknown = next(r for r in rows if r["source"] == "")
    assert unknown["source_code"] == ""


# -- dataframes ------------------------------------------------------------------------------------


def test_import_newsmodel_loads_no_view_or_export_code() -> None:
    code = "import sys, newsmodel; print(sorted(m for m in sys.modules if m in ('newsmodel.export', 'newsmodel.render')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    code = "import sys; from newsmodel.events import to_records; import newsmodel.export as e; print(to_records is e.events)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_import_newsmodel_imports_neither_pandas_nor_pyarrow() -> None:
    code = (
        "import sys, newsmodel, newsmodel.export, newsmodel.render, newsmodel.events;"
        "newsmodel.export.events(newsmodel.parse('Russia accused Israel.'));"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_pandas_frame(seed_article: newsmodel.Article) -> None:
    pd = pytest.importorskip("pandas")
    other = newsmodel.parse("Russia accused Israel of spying.")
    frame = export.to_pandas([("seed", seed_article), ("other", other)], "statements")
    assert isinstance(frame, pd.DataFrame)
    assert tuple(frame.columns) == export.COLUMNS["statements"]
    assert len(frame) == len(seed_article.statements)
    assert str(frame["content_start"].dtype) == "Int64"
    events = export.to_pandas({"seed": seed_article, "other": other})
    assert Counter(events["article_id"]) == {"seed": len(seed_article.events), "other": 1}
    empty = export.to_pandas([other], "times")
    assert len(empty) == 0 and tuple(empty.columns) == export.COLUMNS["times"]


def test_arrow_table_and_parquet(seed_article: newsmodel.Article, tmp_path: Any) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = export.to_arrow([("seed", seed_article)], "events")
    assert table.schema == export.arrow_schema("events")
    assert table.num_rows == len(seed_article.events)
    assert table.schema.field("source").type == pa.list_(
        pa.struct([(f, pa.string()) for f in ("actorText", "name", "code", "sector", "actorId")])
    )
    pq.write_table(table, tmp_path / "events.parquet")
    back = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert back == export.events(seed_article, article_id="seed")
    for name in export.TABLES:
        t = export.to_arrow([seed_article], name)
        assert tuple(t.column_names) == export.COLUMNS[name]
        assert t.to_pylist() == export.table(name, seed_article)


# -- TimeML ----------------------------------------------------------------------------------------


def test_timeml_round_trip(seed_article: newsmodel.Article) -> None:
    document = export.timeml(seed_article, doc_id="seed")
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="2017-04-09"' in document
    text, times = export.read_timeml(document)
    assert text == seed_article.text
    assert [(t.span, t.kind, t.value, t.mod) for t in times] == [
        (t.span, t.kind, t.value, t.mod) for t in seed_article.times
    ]


def test_timeml_escapes_and_keeps_carriage_returns() -> None:
    article = newsmodel.parse(NASTY, published="2017-04-09")
    document = export.timeml(article, doc_id="<a&b>")
    assert "<held>" not in document and "&lt;held&gt;" in document
    text, times = export.read_timeml(document)
    assert text == NASTY
    assert [t.span for t in times] == [t.span for t in article.times]


def test_read_timeml_reads_tempeval_layout() -> None:
    document = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n<TEXT>\nIt <EVENT eid="e1" class="OCCURRENCE">'
        'rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="1989-10-30" mod="START">early Monday</TIMEX3>.\n'
        "</TEXT>\n</TimeML>"
    )
    text, (t,) = export.read_timeml(document)
    assert text == "\nIt rose early Monday.\n"
    assert (t.span.text, t.kind.name, t.value, t.mod) == ("early Monday", "DATE", "1989-10-30", "START")
    with pytest.raises(InvalidArgumentError):
        export.read_timeml("<TimeML><TEXT>unclosed</TimeML>")
    with pytest.raises(InvalidArgumentError, match="no TEXT"):
        export.read_timeml("<TimeML/>")


UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@given(strategies.articles())
def test_timeml_round_trip_of_any_article(article: newsmodel.Article) -> None:
    text, times = export.read_timeml(export.timeml(article))
    assert text == UNSHOWABLE.sub("\ufffd", article.text)
    tagged, at = [], 0
    for t in sorted(article.times, key=lambda t: (t.span.start, -t.span.end)):
        if t.span.start >= at:
            tagged.append((t.span.start, t.span.end, t.kind, t.value, t.mod))
            at = t.span.end
    assert [(t.span.start, t.span.end, t.kind, t.value, t.mod) for t in times] == tagged


# -- brat ------------------------------------------------------------------------------------------


def read_back(article: newsmodel.Article) -> dict[str, Any]:
    """The article's graph read back from its brat annotation, by actor id."""
    ann = export.brat(article)
    items = export.read_brat(ann)
    by_id = {a.id: a for a in items}
    for a in items:
        if a.id.startswith("T"):  # every fragment holds the text it says
            assert a.text == " ".join(article.text[s:e] for s, e in a.spans)
            assert all("\n" not in article.text[s:e] for s, e in a.spans)
    actor_of: dict[str, str] = {}
    for a in items:
        if a.type == "AnnotatorNotes" and a.text.startswith("{"):
            actor_of[a.args[0][1]] = json.loads(a.text)["id"]
    for a in items:
        if a.id == "*":
            ids = [m for _, m in a.args]
            owner = next(actor_of[m] for m in ids if m in actor_of)
            actor_of.update(dict.fromkeys(ids, owner))
    mentions: dict[str, set[tuple[int, int]]] = {}
    for tid, actor_id in actor_of.items():
        spans = by_id[tid].spans
        mentions.setdefault(actor_id, set()).add((spans[0][0], spans[-1][1]))
    statements, events = [], []
    for a in items:
        if not a.id.startswith("E"):
            continue
        args = dict(a.args[1:])
        if a.type == "Statement":
            content = by_id[args["Content"]].spans
            statements.append((content[0][0], content[-1][1], actor_of.get(args.get("Speaker", ""))))
        else:
            roles = [(r.rstrip("0123456789"), actor_of[t]) for r, t in a.args[1:] if r != "Time"]
            trigger = by_id[a.args[0][1]].spans
            events.append((a.type, trigger[0][0], trigger[-1][1], roles))
    modes = [a.value for a in items if a.type == "Mode"]
    return {"mentions": mentions, "statements": statements, "events": events, "modes": modes, "ann": ann}


def test_brat_round_trip(seed_article: newsmodel.Article) -> None:
    back = read_back(seed_article)
    assert back["mentions"] == {
        a.id: {(m.span.start, m.span.end) for m in a.mentions} for a in seed_article.actors
    }
    assert [(c0, c1) for c0, c1, _ in back["statements"]] == [
        (s.content.start, s.content.end) for s in seed_article.statements
    ]
    # the speaker is linked where a mention of the speaker lies in the source words
    assert [who for _, _, who in back["statements"]][:4] == ["rex-tillerson"] * 4
    assert back["events"] == [
        (
            e.kind.name,
            e.trigger.start,
            e.trigger.end,
            [("Source", a.id) for a in e.sources]
            + [("Target", a.id) for a in e.targets]
            + ([("Location", e.location.id)] if e.location else []),
        )
        for e in seed_article.events
    ]
    assert back["modes"] == [e.mode.name for e in seed_article.events]
    assert "TIMEX3" in back["ann"] and "value=2017-W14" in back["ann"]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span as brat can hold it: without line breaks at either end (empty if nothing else)."""
    inner = text[start:end]
    if not inner.strip("\r\n"):
        return start, start
    return start + len(inner) - len(inner.lstrip("\r\n")), end - len(inner) + len(inner.rstrip("\r\n"))


@given(strategies.articles())
def test_brat_of_any_article_reads_back(article: newsmodel.Article) -> None:
    back = read_back(article)
    want = {
        a.id: {trimmed(article.text, m.span.start, m.span.end) for m in a.mentions}
        for a in article.actors
        if a.mentions
    }
    assert back["mentions"] == want
    assert len(back["statements"]) == len(article.statements)
    assert [(k, s, e) for k, s, e, _ in back["events"]] == [
        (e.kind.name, *trimmed(article.text, e.trigger.start, e.trigger.end)) for e in article.events
    ]


def test_read_brat_rejects_a_broken_line() -> None:
    with pytest.raises(InvalidArgumentError, match="line 2"):
        export.read_brat("T1\tPERSON 0 3\tBob\nT2\tPERSON zero 3\tBob\n")
    (r,) = export.read_brat("R1\tPart Arg1:T1 Arg2:T2\n")
    assert r.args == (("Arg1", "T1"), ("Arg2", "T2"))
