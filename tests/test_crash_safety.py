"""Crash safety: `eventmill ingest` killed with SIGKILL at 20 moments of one corpus, each
time resumed by the next run, leaves a database that passes `PRAGMA integrity_check` after
every kill and ends equal to an uninterrupted run's; a full disk (a file size limit) stops
the ingest with one line and a non-zero status, and a later run with room finishes it.

The runs are the real command (`eventmill.cli.app`, argv and all) in a process forked from
this one, which has spaCy and the knowledge base loaded already: a fresh interpreter would
spend seconds loading them before each kill. The final run after the full disk is a plain
subprocess of the installed `eventmill`. (tests/test_ingest_resume.py kills three
subprocesses in the middle of write bursts; this adds many moments, integrity and disk.)"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.store import Store
from ingest_helpers import demo_articles, near_copy, paragraphs, table_rows, write_jsonl
from test_ingest_resume import _documents  # the store's document count, read-only

KILLS = 20


def _corpus(tmp_path):
    """About 60 small stories (one or two paragraphs of the demo articles), reprints and
    exact copies among them, and a few bad records, in two files."""
    records = []
    for article in demo_articles():
        paras = paragraphs(article["text"])
        for k in range(0, min(len(paras), 8), 2):
            records.append(
                {
                    **article,
                    "id": f"{article['id']}-p{k}",
                    "text": "\n\n".join(paras[k : k + 2]),
                }
            )
    records = records[:56]
    extra = [near_copy(records[3], 1), {**records[10], "id": "exact-copy"}]
    write_jsonl(tmp_path / "corpus" / "a.jsonl", records[:30] + extra)
    second = write_jsonl(tmp_path / "corpus" / "b.jsonl", records[30:])
    with second.open("a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": \n')
        f.write(json.dumps({"id": "empty", "text": " "}) + "\n")
    return tmp_path / "corpus"


def _compared(db) -> dict:
    rows = table_rows(db)
    conn = sqlite3.connect(db)
    try:
        rows["sentences"] = conn.execute("SELECT * FROM sentences ORDER BY doc_id, n").fetchall()
    finally:
        conn.close()
    return rows


def _integrity(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _run_cli(argv: list[str], stderr_path: str | None, fsize: int | None) -> None:
    """The child: the eventmill command with `argv`, optionally under a file size limit
    (SIGXFSZ ignored, so a write past it fails with EFBIG as on a full disk)."""
    if stderr_path:
        fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 2)
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if fsize is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    from eventmill.cli import app

    try:
        app(argv, prog_name="eventmill")
    except SystemExit as exc:
        os._exit(exc.code if isinstance(exc.code, int) else 1)
    os._exit(0)


def _fork(argv, stderr_path=None, fsize=None) -> multiprocessing.Process:
    proc = multiprocessing.get_context("fork").Process(
        target=_run_cli, args=(argv, stderr_path, fsize), daemon=True
    )
    proc.start()
    return proc


@pytest.fixture(scope="module")
def corpus_and_reference(tmp_path_factory, coder):
    tmp = tmp_path_factory.mktemp("crash")
    corpus = _corpus(tmp)
    reference = tmp / "reference.db"
    with Store(reference) as store:
        summary = ingest([str(corpus)], store, engine=LocalEngine(coder))
    assert summary.coded >= 50 and summary.reports == 2 and sum(summary.rejected.values()) == 2
    return corpus, reference, summary


def test_sigkill_at_twenty_moments_resumes_to_the_same_database(corpus_and_reference, tmp_path):
    corpus, reference, expected = corpus_and_reference
    db = tmp_path / "killed.db"
    argv = ["ingest", str(corpus), "--db", str(db), "--no-progress"]
    rng = random.Random(7)
    # the first kills by time alone (while the store is created and migrated, while the
    # inputs are read), the rest once the store holds a given number of documents, spread
    # over the run, with a few milliseconds' jitter to land inside a write burst
    moments = [("after", delay) for delay in (0.0, 0.005, 0.02, 0.05)]
    targets = [round(expected.stored * (k + 1) / (KILLS - len(moments) + 1)) for k in range(16)]
    moments += [("documents", n) for n in targets]
    seen = []
    for kind, value in moments:
        before = _documents(db)
        proc = _fork(argv)
        try:
            if kind == "after":
                time.sleep(value)
            else:
                deadline = time.monotonic() + 120
                while _documents(db) < value and proc.is_alive():
                    assert time.monotonic() < deadline, "no progress in 120 s"
                    time.sleep(0.001)
                time.sleep(rng.uniform(0, 0.01))
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.join(60)
        if proc.exitcode != -signal.SIGKILL:
            # the run finished before it could be killed: only possible near the end
            assert proc.exitcode == 1 and value >= targets[-2], (kind, value, proc.exitcode)
        if db.exists():
            assert _integrity(db) == "ok", (kind, value)
        after = _documents(db)
        assert after >= before
        seen.append(after)
    assert len(moments) == KILLS and len(set(seen)) >= 10, seen
    print(f"documents stored after each of the {KILLS} kills: {seen}")

    proc = _fork(argv)
    proc.join(300)
    assert proc.exitcode == 1  # two inputs are rejected on every run
    assert _integrity(db) == "ok"
    assert _compared(db) == _compared(reference)


def test_a_full_disk_stops_with_one_line_and_a_later_run_finishes(
    corpus_and_reference, tmp_path, eventmill_cmd
):
    corpus, reference, expected = corpus_and_reference
    db = tmp_path / "full.db"
    err = tmp_path / "stderr.txt"
    argv = ["ingest", str(corpus), "--db", str(db), "--no-progress"]
    # room for the schema and about half the stories: the write-ahead log outgrows it
    proc = _fork(argv, stderr_path=str(err), fsize=3 * 1024 * 1024)
    proc.join(300)
    message = err.read_text(encoding="utf-8")
    assert proc.exitcode == 2, message
    lines = message.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in message, message
    assert "disk is full or a file size limit was reached" in lines[0]
    assert "run the same command again" in lines[0]
    stopped_at = _documents(db)
    assert 0 < stopped_at < expected.stored
    print(f"full disk: stopped with {stopped_at} of {expected.stored} documents stored")
    assert _integrity(db) == "ok"

    rerun = subprocess.run([*eventmill_cmd, *argv], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 1, rerun.stderr  # the two bad records, as in every run
    assert f"{stopped_at} already stored" in rerun.stderr
    assert _integrity(db) == "ok"
    assert _compared(db) == _compared(reference)
