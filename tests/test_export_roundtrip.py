"""`eventmill export`: the store's events as Parquet, JSONL and CSV, one file per month,
read back with pyarrow, DuckDB, the csv module and (when installed) pandas; the POLECAT-style
and CAMEO-style tables hold exactly the columns docs/EXPORTS.md documents, one row per
event, with CAMEO root, quad class and Goldstein value that agree with the event's type."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from pathlib import Path

import pytest

from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.exports import (
    CAMEO_COLUMNS,
    POLECAT_COLUMNS,
    cameo_quad_class,
    cow_codes,
    export,
    flat_event,
    goldstein_scale,
    tsv_cell,
)
from eventmill.ontology import MC, TYPES, VC
from eventmill.schema import Document
from eventmill.store import Store
from ingest_helpers import demo_articles, near_copy, write_jsonl

EXPORTS_DOC = Path(__file__).resolve().parents[1] / "docs" / "EXPORTS.md"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, coder):
    tmp = tmp_path_factory.mktemp("export")
    articles = demo_articles()
    # one story without a publication date, and a reprint with its own outlet
    records = [*articles, near_copy(articles[0], 1)]
    records[1] = {k: v for k, v in records[1].items() if k != "published"}
    # and URLs for half the stories (the demo articles have none)
    for i in range(0, len(articles), 2):
        records[i] = {**records[i], "url": f"https://news.example.org/{records[i]['id']}"}
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


def _documents(store_path) -> dict[str, tuple]:
    """doc_id -> (published, outlet, url), as the store has them."""
    with Store(store_path) as store:
        rows = store.conn.execute("SELECT doc_id, published, outlet, url FROM documents")
        return {doc_id: rest for doc_id, *rest in rows}


def _merged_ids(store_path) -> dict[str, str]:
    with Store(store_path) as store:
        return dict(store.conn.execute("SELECT event_id, merged_id FROM events"))


def _flat_from_store(store_path) -> dict[str, dict]:
    """event_id -> the flat row the CSV and Parquet exports must hold, built here from the
    stored JSON and its document."""
    docs, merged_ids = _documents(store_path), _merged_ids(store_path)
    with Store(store_path) as store:
        return {
            e["event_id"]: flat_event(e, merged_ids[e["event_id"]], *docs[e["doc_id"]])
            for e in store.events()
        }


def _read_tsv(paths) -> tuple[list[str], list[dict]]:
    """The header (the same in every file) and the rows of tab-separated files."""
    headers, rows = set(), []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter="\t")
            header = next(reader)
            headers.add(tuple(header))
            rows.extend(dict(zip(header, r, strict=True)) for r in reader)
    assert len(headers) == 1, headers
    return list(headers.pop()), rows


def _documented_columns(section: str) -> list[str]:
    """The column names of a table in docs/EXPORTS.md: the first cell of each row under the
    heading that starts with `section`, in order."""
    text = EXPORTS_DOC.read_text("utf-8")
    body = text.split(f"\n## {section}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", body, flags=re.M)


def _unquoted(cell: str) -> str:
    # the exports put a quote before text that a spreadsheet would run as a formula
    return cell[1:] if cell.startswith("'") else cell


def _number(cell: str) -> float | None:
    return float(cell) if cell else None


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
    flat = _flat_from_store(store_path)
    for event_id, row in got.items():
        e = stored[event_id]
        assert row["type"] == e["type"] and row["contexts"] == e["contexts"]
        assert row["evidence_text"] == e["evidence"]["text"]
        assert row["source_country"] == (e["source"] or {}).get("country")
        assert row["geonameid"] == (e["location"] or {}).get("geonameid")
        assert row["merged_id"]
        # every column, the story's publication date, outlet and URL included
        assert row == flat[event_id]
    assert any(row["url"] for row in got.values()) and any(row["outlet"] for row in got.values())
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
    docs = _documents(store_path)
    for d in lines:
        extra = {k: d.pop(k) for k in ("merged_id", "published", "outlet", "url")}
        assert d == stored[d["event_id"]]
        assert extra["merged_id"]
        assert (extra["published"], extra["outlet"], extra["url"]) == tuple(docs[d["doc_id"]])


def test_csv_round_trip(store_path, tmp_path):
    out = tmp_path / "csv"
    with Store(store_path) as store:
        export(store, out, "csv")
        stored = {e["event_id"]: e for e in store.events()}
    rows = []
    for path in out.glob("month=*/events.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    assert {r["event_id"] for r in rows} == set(stored) and len(rows) == len(stored)
    flat = _flat_from_store(store_path)
    for r in rows:
        e = stored[r["event_id"]]
        assert r["contexts"] == ";".join(e["contexts"])
        assert int(r["evidence_start"]) == e["evidence"]["start"]
        assert _unquoted(r["evidence_text"]) == e["evidence"]["text"]
        # every other column as text: what csv writes of the stored value
        want = flat[r["event_id"]]
        assert set(r) == set(want)
        for column, value in want.items():
            if isinstance(value, list):
                value = ";".join(value)
            assert _unquoted(r[column]) == ("" if value is None else str(value)), column


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


def _cli_export(eventmill_cmd, store_path, out, fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*eventmill_cmd, "export", "--db", str(store_path), "--format", fmt, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_export(store_path, tmp_path, eventmill_cmd):
    out = tmp_path / "cli"
    for fmt, name in (("csv", "events.csv"), ("cameo", "events.cameo.tsv")):
        result = _cli_export(eventmill_cmd, store_path, out, fmt)
        assert result.returncode == 0, result.stderr
        assert "rows in" in result.stderr
        assert list(out.glob(f"month=*/{name}"))
    bad = _cli_export(eventmill_cmd, store_path, out, "xls")
    assert bad.returncode == 2 and "--format must be one of" in bad.stderr


def _cooperation(quad: str) -> bool:
    return quad in (VC, MC)


def test_every_cameo_code_we_emit_has_a_goldstein_value():
    scale = goldstein_scale()
    for etype in TYPES.values():
        for code in {etype.cameo, *(c for _, c in etype.mode_cameo)}:
            assert code in scale, f"{etype.name}: CAMEO {code} has no Goldstein value"
            # cooperation scores above zero, conflict below, as in PLOVER's quads
            assert (scale[code] > 0) == _cooperation(etype.quad), (etype.name, code)
    assert all(-10 <= v <= 10 for v in scale.values())


def test_cameo_quad_class_follows_the_root_code():
    expected = {"042": 1, "051": 1, "060": 2, "0874": 2, "090": 3, "1312": 3, "140": 4, "195": 4}
    assert {code: cameo_quad_class(code) for code in expected} == expected
    assert cameo_quad_class("") is None and cameo_quad_class("21") is None


def test_a_tsv_cell_is_one_line_and_never_a_formula():
    # (quoted texts: the demo's evidence has quotes, read back whole by the tests below)
    cells = [tsv_cell(v) for v in (None, ["legal", "military"], "two\tcells\r\nand lines", -9.0)]
    assert cells == ["", "legal; military", "two cells and lines", -9.0]
    assert tsv_cell("=HYPERLINK(x)") == "'=HYPERLINK(x)"


def test_polecat_table_has_the_documented_columns_and_one_row_per_event(store_path, tmp_path):
    out = tmp_path / "polecat"
    with Store(store_path) as store:
        summary = export(store, out, "polecat")
        stored = {e["event_id"]: e for e in store.events()}
    header, rows = _read_tsv(sorted(out.glob("month=*/events.polecat.tsv")))
    assert header == list(POLECAT_COLUMNS) == _documented_columns("POLECAT")
    assert len(header) == 40
    assert len(rows) == summary.rows == len(stored)
    assert {r["Event ID"] for r in rows} == set(stored)
    docs = _documents(store_path)
    cow_seen = set()
    for r in rows:
        e = stored[r["Event ID"]]
        src, tgt, loc = e["source"] or {}, e["target"] or {}, e["location"] or {}
        assert (r["Event Date"], r["Event Type"], r["Event Mode"]) == (
            e["date"] or "",
            e["type"],
            e["mode"] or "",
        )
        assert float(r["Intensity"]) == e["intensity"] == TYPES[e["type"]].intensity
        assert r["Quad Code"] == e["quad"].replace("_", " ").upper()
        assert r["Contexts"] == "; ".join(e["contexts"])
        assert _unquoted(r["Actor Name"]) == src.get("name", "")
        assert _unquoted(r["Recipient Name Raw"]) == tgt.get("mention", "")
        assert r["Primary Actor Sector"] == (src.get("sector") or "")
        for prefix, actor in (("Actor", src), ("Recipient", tgt)):
            if r[f"{prefix} COW"]:
                # a COW number only for a state, and the one our table gives it
                assert int(r[f"{prefix} COW"]) == cow_codes()[actor["country"]]
                assert r[f"{prefix} Country"] == actor["country"]
                cow_seen.add(actor["country"])
        assert _number(r["Latitude"]) == loc.get("lat")
        assert r["GeoNames ID"] == str(loc.get("geonameid") or "")
        published, outlet, _ = docs[e["doc_id"]]
        assert (r["Publication Date"], r["Source"]) == (published or "", outlet or "")
        assert r["Language"] == "en" and r["Version"].startswith("eventmill ")
    assert {"RUS", "AZE"} <= cow_seen
    assert cow_codes()["RUS"] == 365 and cow_codes()["USA"] == 2


def test_cameo_table_codes_agree_with_the_type(store_path, tmp_path):
    out = tmp_path / "cameo"
    with Store(store_path) as store:
        export(store, out, "cameo")
        stored = {e["event_id"]: e for e in store.events()}
    header, rows = _read_tsv(sorted(out.glob("month=*/events.cameo.tsv")))
    assert header == list(CAMEO_COLUMNS) == _documented_columns("CAMEO")
    assert len(rows) == len(stored) and {r["EventID"] for r in rows} == set(stored)
    docs, scale = _documents(store_path), goldstein_scale()
    for r in rows:
        e = stored[r["EventID"]]
        code = TYPES[e["type"]].cameo_for(e["mode"])
        assert r["EventCode"] == e["cameo"] == code
        assert (r["EventBaseCode"], r["EventRootCode"]) == (code[:3], code[:2])
        assert int(r["QuadClass"]) == cameo_quad_class(code)
        assert float(r["GoldsteinScale"]) == scale[code]
        assert (float(r["GoldsteinScale"]) > 0) == _cooperation(e["quad"])
        assert (r["PloverType"], r["PloverMode"]) == (e["type"], e["mode"] or "")
        day = e["date"] or ""
        assert r["EventDate"] == day
        assert r["SQLDATE"] == (day.replace("-", "") if len(day) == 10 else "")
        src = e["source"] or {}
        assert r["Actor1Type1Code"] == (src.get("sector") or "")
        assert (r["Actor1CountryCode"] or r["Actor1KnownGroupCode"]) == (src.get("country") or "")
        assert r["SOURCEURL"] == (docs[e["doc_id"]][2] or "")
        assert int(r["NumMentions"]) == 1 + len(e["also_stated"])
        # one row a line: the sentence's tabs and line breaks become spaces
        assert _unquoted(r["Evidence"]) == re.sub(r"[\t\r\n]+", " ", e["evidence"]["text"])
    assert any(r["SQLDATE"] for r in rows) and any(r["SOURCEURL"] for r in rows)
    assert {r["QuadClass"] for r in rows} >= {"1", "3", "4"}


def test_merged_polecat_and_cameo_tables_have_one_row_per_merged_event(store_path, tmp_path):
    with Store(store_path) as store:
        merged = {m["merged_id"]: m for m in store.merged_events()}
        export(store, tmp_path / "p", "polecat", merged=True)
        export(store, tmp_path / "c", "cameo", merged=True)
    header, polecat = _read_tsv(sorted(tmp_path.glob("p/month=*/merged_events.polecat.tsv")))
    assert header == list(POLECAT_COLUMNS)
    assert sorted(r["Event ID"] for r in polecat) == sorted(merged)
    header, cameo = _read_tsv(sorted(tmp_path.glob("c/month=*/merged_events.cameo.tsv")))
    assert header == list(CAMEO_COLUMNS)
    assert sorted(r["EventID"] for r in cameo) == sorted(merged)
    for r in cameo:
        m = merged[r["EventID"]]
        assert r["EventCode"] == m["cameo"] and r["PloverType"] == m["type"]
        assert (int(r["NumMentions"]), int(r["NumSources"]), int(r["NumArticles"])) == (
            m["statements"],
            m["sources"],
            m["reports"],
        )
    assert any(r["NumArticles"] == "2" for r in cameo)


def test_pandas_reads_every_export(store_path, tmp_path):
    pd = pytest.importorskip(
        "pandas", reason="pandas is not installed (it is not among eventmill's test extras)"
    )
    with Store(store_path) as store:
        stored = {e["event_id"]: e for e in store.events()}
        for fmt in ("parquet", "csv", "polecat", "cameo"):
            export(store, tmp_path / fmt, fmt)
    frame = pd.read_parquet(tmp_path / "parquet")  # the month from the folder names
    assert len(frame) == len(stored) and set(frame["event_id"]) == set(stored)
    assert "month" in frame.columns
    for fmt, pattern, id_column in (
        ("csv", "events.csv", "event_id"),
        ("polecat", "events.polecat.tsv", "Event ID"),
        ("cameo", "events.cameo.tsv", "EventID"),
    ):
        sep = "," if fmt == "csv" else "\t"
        parts = [
            pd.read_csv(p, sep=sep, dtype=str, keep_default_na=False)
            for p in sorted((tmp_path / fmt).glob(f"month=*/{pattern}"))
        ]
        frame = pd.concat(parts)
        assert len(frame) == len(stored) and set(frame[id_column]) == set(stored), fmt
    cameo = pd.concat(
        pd.read_csv(p, sep="\t", dtype={"EventCode": str})
        for p in (tmp_path / "cameo").glob("month=*/events.cameo.tsv")
    )
    for code, value in zip(cameo["EventCode"], cameo["GoldsteinScale"], strict=True):
        assert value == goldstein_scale()[code]
