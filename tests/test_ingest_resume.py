"""Resumable ingest: an `eventmill ingest` killed with SIGKILL while it writes, then run
again, ends with exactly the database of a run that was never interrupted."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.store import Store
from ingest_helpers import mixed_stories, near_copy, table_rows, write_jsonl


def _corpus(tmp_path):
    """70 distinct stories (two demo articles each, so more than two coder batches) with
    small-edit reprints of every fifth one between them."""
    records = []
    for n, story in enumerate(mixed_stories(70)):
        records.append(story)
        if n % 5 == 0:
            records.extend([near_copy(story, n), near_copy(story, n + 1)])
    return write_jsonl(tmp_path / "corpus" / "wire.jsonl", records)


def _documents(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path, coder, eventmill_cmd):
    corpus = _corpus(tmp_path)
    reference = tmp_path / "reference.db"
    with Store(reference) as store:
        expected = ingest([str(corpus)], store, engine=LocalEngine(coder))
    assert expected.coded == 70 and expected.reports == 28 and expected.events > 100

    db = tmp_path / "killed.db"
    cmd = [*eventmill_cmd, "ingest", str(corpus), "--db", str(db), "--no-progress"]
    # killed three times, each as soon as more documents are in than before: in the
    # middle of a burst of writes, at different places in the run
    written = []
    for at_least in (5, 40, 75):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 300
            while _documents(db) < at_least:
                assert proc.poll() is None, "the ingest ended before it could be killed"
                assert time.monotonic() < deadline, "no document was written in 300 s"
                time.sleep(0.002)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        written.append(_documents(db))
    assert 0 < written[0] < written[1] < written[2] < expected.stored, written

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{written[-1]} already stored" in rerun.stderr
    assert table_rows(db) == table_rows(reference)
