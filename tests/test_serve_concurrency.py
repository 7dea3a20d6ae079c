"""The dashboard serves while an ingest writes (issue 7, concurrency): `eventmill serve` on
a loopback port and `eventmill ingest` into the same store, both real processes; the API is
polled the whole time. No request fails, and every event any answer holds is whole: its
evidence, its story, its sentence at its offsets in that story."""

from __future__ import annotations

import json
import socket
import subprocess
import time

import httpx
import pytest

from eventmill.store import Store
from ingest_helpers import demo_articles, mixed_stories


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(client: httpx.Client, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read() if server.stderr else "server died"
        try:
            if client.get("/api/overview").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail("eventmill serve did not answer within 120 s")


def check_whole(client: httpx.Client, seen_docs: dict[str, str]) -> dict:
    """One poll: the events list, and each new story's page; returns the overview."""
    overview = client.get("/api/overview")
    assert overview.status_code == 200, overview.text
    # the real server: our headers, and no banner naming the server software
    assert "default-src 'self'" in overview.headers["content-security-policy"]
    assert "server" not in overview.headers
    page = client.get("/api/events", params={"factuality": "all", "per_page": 500})
    assert page.status_code == 200, page.text
    body = page.json()
    # the count and the rows come from one snapshot
    assert body["total"] == len(body["events"]) or len(body["events"]) == 500
    for e in body["events"]:
        assert e["evidence_text"] and e["title"] is not None and e["published"], e
        assert e["evidence_end"] > e["evidence_start"] >= 0
        if e["doc_id"] in seen_docs:
            continue
        doc = client.get(f"/api/documents/{e['doc_id']}")
        assert doc.status_code == 200, doc.text
        d = doc.json()
        assert d["events"], "a story is seen with its events or not at all"
        for de in d["events"]:
            assert d["text"][de["evidence_start"] : de["evidence_end"]] == de["evidence_text"]
        seen_docs[e["doc_id"]] = d["text"]
        one = client.get(f"/api/events/{e['event_id']}")
        assert one.status_code == 200 and one.json()["document"]["doc_id"] == e["doc_id"]
    return overview.json()


def test_serve_while_ingest_writes(tmp_path, eventmill_cmd):
    db = tmp_path / "live.db"
    Store(db).close()  # an empty store: served from the first moment
    corpus = tmp_path / "corpus.jsonl"
    records = demo_articles() + mixed_stories(40)
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")

    port = free_port()
    server = subprocess.Popen(
        [*eventmill_cmd, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ingest = None
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            wait_until_up(client, server)
            ingest = subprocess.Popen(
                [*eventmill_cmd, "ingest", str(corpus), "--db", str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            seen_docs: dict[str, str] = {}
            counts = []
            while ingest.poll() is None:
                counts.append(check_whole(client, seen_docs)["events_all"])
                time.sleep(0.05)  # leave the two cores to the ingest between polls
            _, ingest_err = ingest.communicate(timeout=60)
            assert ingest.returncode == 0, ingest_err
            final = check_whole(client, seen_docs)
            # the store only grows while the ingest runs, and the server saw it grow
            assert counts == sorted(counts)
            assert len(counts) >= 2, "the API was polled while the ingest wrote"
            with Store(db) as store:
                n_events = store.corpus_counts()["events"]
            assert final["events_all"] == n_events > 0
    finally:
        for proc in (ingest, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
    _, server_err = server.communicate(timeout=30)
    assert "Traceback" not in server_err and "ERROR" not in server_err, server_err
