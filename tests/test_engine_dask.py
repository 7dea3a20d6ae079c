"""The Dask engine codes on worker processes and the store ends up equal to the local
engine's, event for event (LocalCluster, two workers, processes)."""

from __future__ import annotations

import pytest

from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.store import Store
from ingest_helpers import demo_articles, near_copy, table_rows, write_jsonl

pytest.importorskip("dask.distributed")


def test_dask_local_cluster_equals_the_local_engine(tmp_path, coder):
    from eventmill.engines.dask_engine import DaskEngine

    articles = demo_articles()
    records = articles + [near_copy(a, k) for k, a in enumerate(articles[:4])]
    for r in records:
        r["url"] = f"https://news.example/{r['id']}"
    corpus = write_jsonl(tmp_path / "demo.jsonl", records)
    with Store(tmp_path / "local.db") as store:
        local = ingest([str(corpus)], store, engine=LocalEngine(coder))
    # small batches: several tasks on each worker, finishing out of order
    parts = tmp_path / "parts"
    engine = DaskEngine(workers=2, batch_size=3, parquet_dir=str(parts))
    try:
        assert engine.workers == 2
        pids = set(engine.client.run(__import__("os").getpid).values())
        assert len(pids) == 2 and __import__("os").getpid() not in pids
        with Store(tmp_path / "dask.db") as store:
            distributed = ingest([str(corpus)], store, engine=engine)
    finally:
        engine.close()
    assert (distributed.coded, distributed.reports, distributed.events) == (
        local.coded,
        local.reports,
        local.events,
    )
    assert local.events > 50
    assert table_rows(tmp_path / "dask.db") == table_rows(tmp_path / "local.db")
    # the workers wrote the same events as Parquet partitions, readable in place
    import duckdb

    files = sorted(parts.glob("part-*.parquet"))
    assert len(files) > 1 and not list(parts.glob("*.tmp"))
    got = duckdb.sql(f"SELECT event_id FROM read_parquet('{parts}/part-*.parquet')").fetchall()
    with Store(tmp_path / "local.db") as store:
        want = {r[0] for r in store.conn.execute("SELECT event_id FROM events")}
    assert {r[0] for r in got} == want and len(got) == len(want)
    # each row carries its story's URL, as the store has it
    urls = duckdb.sql(
        f"SELECT DISTINCT doc_id, url FROM read_parquet('{parts}/part-*.parquet')"
    ).fetchall()
    with Store(tmp_path / "local.db") as store:
        stored = dict(store.conn.execute("SELECT doc_id, url FROM documents"))
    assert urls and all(url == stored[doc] for doc, url in urls)
    assert any(url for _, url in urls)


def test_cli_ingest_on_a_running_scheduler(tmp_path, coder, eventmill_cmd):
    """`--engine dask --scheduler ADDRESS`: the command joins a cluster it did not start."""
    import subprocess

    from dask.distributed import LocalCluster

    corpus = write_jsonl(tmp_path / "demo.jsonl", demo_articles()[:4])
    with Store(tmp_path / "local.db") as store:
        ingest([str(corpus)], store, engine=LocalEngine(coder))
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        result = subprocess.run(
            [
                *eventmill_cmd,
                "ingest",
                str(corpus),
                "--db",
                str(tmp_path / "remote.db"),
                "--engine",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
                "--no-progress",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr
    assert "4 coded" in result.stderr
    assert table_rows(tmp_path / "remote.db") == table_rows(tmp_path / "local.db")
