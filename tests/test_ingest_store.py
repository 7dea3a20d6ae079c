"""`eventmill ingest` into the store: idempotent, schema versioned with named migrations,
rejections kept with file, record and reason, reused ids refused, and a summary."""

from __future__ import annotations

import json
import sqlite3
import subprocess

import pytest

from eventmill import errors
from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.store import MIGRATIONS, SCHEMA_V1, SCHEMA_VERSION, Store
from ingest_helpers import demo_articles, near_copy, table_rows, write_jsonl


@pytest.fixture()
def corpus(tmp_path):
    """A folder: demo articles in two files, two near-copies, an exact copy under another
    id, a bad JSON line, a record without text, a file type we do not read."""
    articles = demo_articles()
    root = tmp_path / "corpus"
    write_jsonl(root / "a" / "first.jsonl", articles[:7])
    extra = [near_copy(articles[0], 1), near_copy(articles[1], 2)]
    extra.append({**articles[2], "id": "same-text-other-id"})
    path = write_jsonl(root / "b" / "second.jsonl", articles[7:] + extra)
    with path.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
        f.write(json.dumps({"id": "empty", "text": "  "}) + "\n")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4")
    return root


def test_ingesting_a_folder_twice_changes_nothing(corpus, tmp_path, coder):
    db = tmp_path / "store.db"
    with Store(db) as store:
        first = ingest([str(corpus)], store, engine=LocalEngine(coder))
    before = table_rows(db)
    with Store(db) as store:
        second = ingest([str(corpus)], store, engine=LocalEngine(coder))
    assert table_rows(db) == before
    assert first.coded + first.triaged == 14 and first.reports == 3
    assert first.rejected == {errors.E_JSON: 1, errors.E_FIELD: 1, errors.E_TYPE: 1}
    assert second.coded == second.triaged == second.reports == 0
    assert second.already == 17 and second.events == 0
    assert len(before["events"]) == first.events > 0
    assert len(before["documents"]) == 17


def test_documents_reports_and_rejections_are_stored(corpus, tmp_path, coder):
    db = tmp_path / "store.db"
    with Store(db) as store:
        ingest([str(corpus)], store, engine=LocalEngine(coder))
        conn = store.conn
        status = dict(conn.execute("SELECT doc_id, status FROM documents").fetchall())
        assert status["same-text-other-id"] == "report"
        assert status["az-ru-aktau-2024-copy-1"] == "report"
        assert status["az-ru-aktau-2024"] == "coded"
        report = conn.execute(
            "SELECT story_id, similarity FROM reports WHERE report_id = 'same-text-other-id'"
        ).fetchone()
        assert report == (demo_articles()[2]["id"], 1.0)
        # a report is not coded again: no events of its own
        copies = conn.execute("SELECT COUNT(*) FROM events WHERE doc_id LIKE '%copy%'")
        assert copies.fetchone() == (0,)
        rejected = conn.execute(
            "SELECT file, record, code FROM rejected_inputs ORDER BY file, record"
        ).fetchall()
        second = str(corpus / "b" / "second.jsonl")
        assert rejected == [
            (second, "11", errors.E_JSON),
            (second, "12", errors.E_FIELD),
            (str(corpus / "scan.pdf"), None, errors.E_TYPE),
        ]


def test_a_reused_id_with_another_text_is_rejected_not_overwritten(tmp_path, coder):
    article = demo_articles()[0]
    first = write_jsonl(tmp_path / "one.jsonl", [article])
    changed = write_jsonl(tmp_path / "two.jsonl", [{**article, "text": "Other text. " * 20}])
    with Store(tmp_path / "s.db") as store:
        ingest([str(first)], store, engine=LocalEngine(coder))
        summary = ingest([str(changed)], store, engine=LocalEngine(coder))
        assert summary.rejected == {errors.E_DUPLICATE_ID: 1}
        assert store.has_document(article["id"], article["text"])


def test_every_coded_sentence_is_stored_with_its_offsets(corpus, tmp_path, coder):
    db = tmp_path / "store.db"
    with Store(db) as store:
        ingest([str(corpus)], store, engine=LocalEngine(coder))
        conn = store.conn
        texts = dict(conn.execute("SELECT doc_id, text FROM documents WHERE status = 'coded'"))
        rows = conn.execute("SELECT doc_id, n, start, end FROM sentences").fetchall()
        counts = dict(conn.execute("SELECT doc_id, sentences FROM documents"))
        assert rows and {r[0] for r in rows} == set(texts)
        for doc_id, _n, start, end in rows:
            assert 0 <= start < end <= len(texts[doc_id]) and texts[doc_id][start:end].strip()
        for doc_id in texts:
            assert counts[doc_id] == sum(1 for r in rows if r[0] == doc_id)
        # every event's evidence is one of its story's sentences
        spans = {(r[0], r[2], r[3]) for r in rows}
        for doc_id, start, end in conn.execute(
            "SELECT doc_id, evidence_start, evidence_end FROM events"
        ):
            assert (doc_id, start, end) in spans


def test_an_old_store_is_migrated_by_name(tmp_path):
    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db)
    conn.executescript(SCHEMA_V1 + "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute(
        "INSERT INTO documents VALUES ('old', 'h', 'o', NULL, NULL, NULL, NULL, NULL, 'text')"
    )
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1][0]
        meta = dict(store.conn.execute("SELECT key, value FROM meta").fetchall())
        assert meta["migration_2"].startswith("corpus")
        row = store.conn.execute(
            "SELECT status, story_id FROM documents WHERE doc_id = 'old'"
        ).fetchone()
        assert row == ("coded", "old")
        assert store.conn.execute("SELECT * FROM reports").fetchall() == [("old", "old", 1.0)]
    # opening it again applies nothing twice
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_cli_ingest_prints_a_summary_and_exit_status(tmp_path, eventmill_cmd):
    articles = demo_articles()[:2]
    corpus = write_jsonl(tmp_path / "in.jsonl", articles)
    with corpus.open("a", encoding="utf-8") as f:
        f.write("{bad\n")
    db = tmp_path / "cli.db"
    result = subprocess.run(
        [*eventmill_cmd, "ingest", str(corpus), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr  # some input was rejected
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("eventmill: 3 inputs read: ")
    assert "1 rejected (E106 x1)" in summary
    assert "documents/s" in summary
    with Store(db) as store:
        assert store.corpus_counts()["documents"] == 2
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--engine", "spark"], "--engine must be one of"),
        (["--scheduler", "tcp://x:1"], "--scheduler needs --engine dask"),
        (["--threshold", "1.5"], "--threshold must be in"),
        (["--published", "May 1"], "--published must be a date"),
    ],
)
def test_cli_ingest_bad_options(tmp_path, eventmill_cmd, args, message):
    result = subprocess.run(
        [*eventmill_cmd, "ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert message in result.stderr


def test_the_total_for_the_progress_bar_is_counted_cheaply(tmp_path):
    from eventmill.cli_corpus import estimate_total

    root = tmp_path / "in"
    write_jsonl(root / "a.jsonl", demo_articles()[:3])
    (root / "b.csv").write_text("id,text\n1,One.\n2,Two.\n", encoding="utf-8")
    (root / "c.txt").write_text("Three.", encoding="utf-8")
    assert estimate_total([str(root)]) == 6
    (root / "d.jsonl.gz").write_bytes(b"")
    assert estimate_total([str(root)]) is None  # compressed: not known without reading
    assert estimate_total(["-"]) is None
