"""`eventmill export`: the store's events as Parquet, JSONL and CSV, one file per month,
read back with pyarrow, DuckDB and the csv module."""

from __future__ import annotations

import csv
import json
import subprocess

import pytest

from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.exports import export
from eventmill.schema import Document
from eventmill.store import Store
from ingest_helpers import demo_articles, near_copy, write_jsonl


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, coder):
    tmp = tmp_path_factory.mktemp("export")
    articles = demo_articles()
    # one story without a publication date, and a reprint with its own outlet
    records = [*articles, near_copy(articles[0], 1)]
    records[1] = {k: v for k, v in records[1].items() if k != "published"}
    corpus = write_jsonl(tmp / "corpus.jsonl", records)
    path = tmp / "store.db"
    with Store(path) as store:
        ingest([str(corpus)], store, engine=LocalEngine(coder))
        # and an event with neither an event date nor a story date
        doc = Document("undated-story", "Chad closed its border with Sudan.")
        coded = coder.code_one(doc)
        store.add_document(doc, coded.events)
    return path


def _expected(store_path) -> dict[str, set[str]]:
    """month -> event ids, computed here from the stored events and documents."""
    with Store(store_path) as store:
        rows = store.conn.execute(
            "SELECT e.event_id, e.date, d.published FROM events e JOIN documents d "
            "ON d.doc_id = e.doc_id WHERE e.factuality = 'asserted'"
        ).fetchall()
    out: dict[str, set[str]] = {}
    for event_id, day, published in rows:
        month = day[:7] if day and len(day) >= 7 else published[:7] if published else "undated"
        out.setdefault(month, set()).add(event_id)
    return out


def test_parquet_round_trip_with_pyarrow_and_duckdb(store_path, tmp_path):
    import duckdb
    import pyarrow.parquet as pq

    out = tmp_path / "parquet"
    with Store(store_path) as store:
        summary = export(store, out, "parquet")
        stored = {e["event_id"]: e for e in store.events()}
    expected = _expected(store_path)
    assert "undated" in expected and len(expected) > 5
    assert sorted(p.parent.name for p in out.glob("month=*/events.parquet")) == sorted(
        f"month={m}" for m in expected
    )
    got = {}
    for month, ids in expected.items():
        table = pq.read_table(out / f"month={month}" / "events.parquet")
        assert set(table.column("event_id").to_pylist()) == ids
        for row in table.to_pylist():
            got[row["event_id"]] = row
    assert summary.rows == len(stored) == len(got)
    for event_id, row in got.items():
        e = stored[event_id]
        assert row["type"] == e["type"] and row["contexts"] == e["contexts"]
        assert row["evidence_text"] == e["evidence"]["text"]
        assert row["source_country"] == (e["source"] or {}).get("country")
        assert row["geonameid"] == (e["location"] or {}).get("geonameid")
        assert row["merged_id"]
    counts = duckdb.sql(
        f"SELECT month, COUNT(*) FROM read_parquet('{out}/*/events.parquet', "
        "hive_partitioning = true) GROUP BY month"
    ).fetchall()
    assert dict(counts) == {m: len(ids) for m, ids in expected.items()}


def test_jsonl_round_trip_is_the_json_contract(store_path, tmp_path):
    out = tmp_path / "jsonl"
    with Store(store_path) as store:
        export(store, out, "jsonl")
        stored = {e["event_id"]: e for e in store.events()}
    lines = [json.loads(line) for p in out.glob("month=*/events.jsonl") for line in p.open()]
    assert len(lines) == len(stored)
    for d in lines:
        extra = {k: d.pop(k) for k in ("merged_id", "published", "outlet")}
        assert d == stored[d["event_id"]]
        assert extra["merged_id"]


def test_csv_round_trip(store_path, tmp_path):
    out = tmp_path / "csv"
    with Store(store_path) as store:
        export(store, out, "csv")
        stored = {e["event_id"]: e for e in store.events()}
    rows = []
    for path in out.glob("month=*/events.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    assert {r["event_id"] for r in rows} == set(stored)
    for r in rows:
        e = stored[r["event_id"]]
        assert r["contexts"] == ";".join(e["contexts"])
        assert int(r["evidence_start"]) == e["evidence"]["start"]
        text = r["evidence_text"]
        assert (text[1:] if text.startswith("'") else text) == e["evidence"]["text"]


def test_merged_events_export_has_report_counts(store_path, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "merged"
    with Store(store_path) as store:
        export(store, out, "parquet", merged=True)
        merged = store.merged_events()
    files = out.glob("month=*/merged_events.parquet")
    rows = [r for p in files for r in pq.read_table(p).to_pylist()]
    assert len(rows) == len(merged)
    reprinted = [r for r in rows if r["reports"] == 2]
    assert reprinted and all(r["sources"] == 2 for r in reprinted)


def test_a_second_export_replaces_the_first(store_path, tmp_path):
    out = tmp_path / "again"
    stale = out / "month=1999-01" / "events.jsonl"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}\n")
    with Store(store_path) as store:
        first = export(store, out, "jsonl")
        second = export(store, out, "jsonl")
    assert not stale.exists()
    assert first.rows == second.rows


def test_cli_export(store_path, tmp_path, eventmill_cmd):
    out = tmp_path / "cli"
    result = subprocess.run(
        [*eventmill_cmd, "export", "--db", str(store_path), "--format", "csv", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "rows in" in result.stderr
    assert list(out.glob("month=*/events.csv"))
    bad = subprocess.run(
        [*eventmill_cmd, "export", "--db", str(store_path), "--format", "xls", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and "--format must be one of" in bad.stderr
