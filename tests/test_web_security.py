"""The web face is safe to open on any corpus (issue 7, web part): hostile text comes back
as data, never as markup or formulas; every filter is a bound parameter (injection strings
change nothing and break nothing); the Content-Security-Policy and its companions are on
every response; nothing writes; queries are capped in time; `eventmill serve` binds
loopback unless told otherwise and says so when told."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventmill.web import queries
from eventmill.web.app import create_app
from eventmill.web.security import CONTENT_SECURITY_POLICY, WebSettings, hosts_for, is_loopback
from web_helpers import (
    HOSTILE_DOC_ID,
    HOSTILE_SCRIPT,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    HOSTILE_URL,
    table_digest,
)

REPO = Path(__file__).resolve().parents[1]

INJECTIONS = [
    "' OR 1=1 --",
    '"; DROP TABLE events; --',
    "') UNION SELECT name, sql FROM sqlite_master --",
    "%",
    "_",
    "%%%_%",
    "\\",
    "\x00",
    "RUS\x00' OR '1'='1",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ \u202e",
    "x" * 1000,
]
FILTERS = [
    "actor",
    "country",
    "source",
    "target",
    "type",
    "quad",
    "date_from",
    "date_to",
    "place",
    "q",
    "doc_id",
    "event_ids",
    "factuality",
    "sort",
]
SAFE_STATUSES = {200, 404, 422}


def assert_headers(r) -> None:
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"


# ---------------------------------------------------------------------------- injection
def test_injection_strings_in_every_filter_change_nothing(web_client, web_db):
    before = table_digest(web_db)
    statuses = set()
    for name in FILTERS:
        for value in INJECTIONS:
            for url in ("/api/events", "/api/places"):
                r = web_client.get(url, params={name: value})
                assert r.status_code in SAFE_STATUSES, (url, name, value, r.text)
                assert_headers(r)
                statuses.add(r.status_code)
                if r.status_code == 200 and url == "/api/events" and name not in ("sort",):
                    # a literal that no event holds: nothing matches, nothing leaks
                    assert r.json()["total"] == 0, (name, value)
    # dyad sides, ids and documents in the path
    for value in INJECTIONS:
        quoted = value.replace("%", "%25").replace("/", "%2F").replace("\x00", "%00")
        for url in (
            f"/api/events?a={quoted}&b=RUS",
            f"/api/dyads/{quoted}/RUS",
            f"/api/dyads/RUS/{quoted}",
            f"/api/events/{quoted}",
            f"/api/documents/{quoted}",
        ):
            r = web_client.get(url)
            assert r.status_code in SAFE_STATUSES, (url, r.text)
    assert statuses >= {200, 422}
    assert table_digest(web_db) == before
    # and the store still answers as before
    assert web_client.get("/api/events").json()["total"] > 0


def test_like_wildcards_match_only_themselves(web_client, web_db):
    conn = sqlite3.connect(f"file:{web_db}?mode=ro", uri=True)
    texts = [
        r[0] for r in conn.execute("SELECT evidence_text FROM events WHERE factuality='asserted'")
    ]
    conn.close()
    for needle in ("%", "_", "—", "'", '"'):
        r = web_client.get("/api/events", params={"q": needle, "per_page": 500})
        assert r.status_code == 200
        assert r.json()["total"] == sum(needle in t for t in texts), needle


def test_long_parameters_are_refused_with_a_reason(web_client):
    ok = web_client.get("/api/events", params={"q": "y" * 1000})
    assert ok.status_code == 200
    for params in ({"q": "y" * 1001}, {"actor": "z" * 5000}):
        r = web_client.get("/api/events", params=params)
        assert r.status_code == 422 and "at most 1000 characters" in r.json()["detail"]
    r = web_client.get("/api/dyads/" + "R" * 2000 + "/AZE")
    assert r.status_code == 422


# ---------------------------------------------------------------------------- escaping
def test_hostile_story_comes_back_as_data_not_markup(web_client):
    r = web_client.get(f"/api/documents/{HOSTILE_DOC_ID}")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    doc = r.json()
    assert doc["text"] == HOSTILE_TEXT and doc["title"] == HOSTILE_TITLE
    assert doc["url"] == HOSTILE_URL  # as stored: the pages decide it is no link
    assert any(HOSTILE_SCRIPT in e["evidence_text"] for e in doc["events"])
    event = web_client.get(f"/api/events/{doc['events'][0]['event_id']}")
    assert event.headers["content-type"] == "application/json"
    listed = web_client.get("/api/events", params={"doc_id": HOSTILE_DOC_ID})
    assert listed.headers["content-type"] == "application/json"
    assert listed.json()["total"] == len(
        [e for e in doc["events"] if e["factuality"] == "asserted"]
    )


def test_every_api_answer_is_json_or_csv(web_client):
    spec = web_client.get("/openapi.json").json()
    for path in spec["paths"]:
        url = path.replace("{event_id}", "x").replace("{doc_id}", HOSTILE_DOC_ID)
        url = url.replace("{a}", "RUS").replace("{b}", "AZE")
        r = web_client.get(url)
        assert r.headers["content-type"].split(";")[0] in ("application/json", "text/csv"), url
        assert_headers(r)


# ---------------------------------------------------------------------------- headers
def test_security_headers_on_every_kind_of_response(web_client):
    responses = [
        web_client.get("/api/overview"),
        web_client.get("/api/events/0000"),  # 404
        web_client.get("/api/events", params={"type": "NOPE"}),  # 422
        web_client.get("/api/events", params={"format": "csv"}),
        web_client.get("/docs"),
        web_client.get("/openapi.json"),
        web_client.get("/no/such/page"),
        web_client.post("/api/events"),  # 405
        web_client.get("/api/overview", headers={"host": "attacker.example"}),  # 400
    ]
    static = sorted(p.name for p in (REPO / "src/eventmill/web/static").iterdir())
    if static:
        responses.append(web_client.get(f"/static/{static[0]}"))
    for r in responses:
        assert_headers(r)


def test_a_bug_answers_a_plain_500_with_the_headers_and_no_traceback(web_db):
    app = create_app(web_db)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /etc/eventmill")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        r = client.get("/boom")
    assert r.status_code == 500 and r.text == "Internal Server Error"
    assert "secret" not in r.text and "Traceback" not in r.text
    assert_headers(r)


def test_host_header_of_another_site_is_refused(web_client):
    # a page of another site re-bound to 127.0.0.1 (DNS rebinding) sends its own Host
    assert web_client.get("/api/overview", headers={"host": "evil.example"}).status_code == 400
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000"):
        assert web_client.get("/api/overview", headers={"host": host}).status_code == 200


def test_hosts_for_and_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]")
    assert is_loopback("localhost") and is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert not is_loopback("example.org")
    assert "evil.example" not in hosts_for("127.0.0.1")
    assert "192.168.1.5" in hosts_for("192.168.1.5")
    assert hosts_for("0.0.0.0") == ("*",)


# ---------------------------------------------------------------------------- no writes
@pytest.mark.parametrize("token", [None, "s3cret-token"])
def test_nothing_writes_whatever_the_method_or_token(web_db, token):
    before = table_digest(web_db)
    app = create_app(web_db, admin_token=token)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with TestClient(app, base_url="http://127.0.0.1") as client:
        paths = [*client.get("/openapi.json").json()["paths"], "/", "/docs", "/static/x"]
        assert sum(p.startswith("/api/") for p in paths) >= 9
        for path in paths:
            url = path.replace("{event_id}", "x").replace("{doc_id}", "x")
            url = url.replace("{a}", "RUS").replace("{b}", "AZE")
            for method in ("POST", "PUT", "PATCH", "DELETE"):
                r = client.request(method, url, headers=headers, json={"sql": "DELETE FROM events"})
                assert r.status_code == 405, (method, url)
                assert_headers(r)
    assert table_digest(web_db) == before


def test_the_connection_is_read_only(web_db):
    conn = queries.connect(web_db)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM events")
    finally:
        conn.close()


# ---------------------------------------------------------------------------- time cap
def test_a_query_past_the_time_cap_is_stopped(web_db):
    conn = queries.connect(web_db, timeout=0.05)
    try:
        with pytest.raises(queries.QueryTimeout, match="narrow the filters"):
            queries.run(
                conn,
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT COUNT(*) AS c FROM (SELECT i FROM n LIMIT 100000000)",
            )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """A synthetic store of 20,000 events from bench/make_events_db.py."""
    sys.path.insert(0, str(REPO / "bench"))
    import make_events_db

    out = tmp_path_factory.mktemp("big") / "events-20k.db"
    make_events_db.build(out, 20_000, seed=3)
    return out


def test_the_synthetic_store_is_a_valid_store(big_db):
    assert queries.check_store(big_db) >= queries.MIN_SCHEMA
    conn = sqlite3.connect(f"file:{big_db}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT d.text, e.evidence_start, e.evidence_end, e.evidence_text, e.json "
        "FROM events e JOIN documents d USING (doc_id)"
    ).fetchall()
    assert len(rows) == 20_000
    assert all(text[s:t] == ev for text, s, t, ev, _ in rows)
    assert conn.execute("SELECT COUNT(DISTINCT type) FROM events").fetchone()[0] == 16
    assert conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'report'").fetchone()[0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_api_answers_503_with_the_reason_past_the_time_cap(big_db):
    app = create_app(big_db, settings=WebSettings(query_timeout=0.0, cache_entries=0))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for url in ("/api/actors", "/api/events?q=nothing+says+this", "/api/overview"):
            r = client.get(url)
            assert r.status_code == 503, url
            assert "narrow the filters" in r.json()["detail"]
            assert_headers(r)
        # cheap lookups by key still answer
        assert client.get("/api/documents/synth-000001").status_code == 200


# ---------------------------------------------------------------------------- serve
def run_serve(eventmill_cmd, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*eventmill_cmd, "serve", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("kind", ["missing", "folder", "text", "other sqlite"])
def test_serve_refuses_what_is_no_store_in_one_line(eventmill_cmd, tmp_path, kind):
    path = tmp_path / "x.db"
    if kind == "folder":
        path.mkdir()
    elif kind == "text":
        path.write_text("not a database\n")
    elif kind == "other sqlite":
        sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.commit()
    out = run_serve(eventmill_cmd, "--db", str(path))
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventmill: error: ")
    assert "Traceback" not in out.stderr


def test_serve_warns_when_not_on_loopback(eventmill_cmd, web_db):
    # 192.0.2.1 is a documentation address no machine has: the warning comes, then the
    # refusal to listen; nothing is ever bound outside loopback by the tests
    out = run_serve(eventmill_cmd, "--db", str(web_db), "--host", "192.0.2.1", "--port", "8999")
    assert out.returncode == 2
    assert "warning: listening on 192.0.2.1, not loopback" in out.stderr
    assert "cannot listen on 192.0.2.1:8999" in out.stderr and "Traceback" not in out.stderr


def test_serve_listens_on_loopback_by_default(eventmill_cmd):
    out = subprocess.run(
        [*eventmill_cmd, "serve", "--help"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and "127.0.0.1" in out.stdout and "--query-timeout" in out.stdout


@pytest.mark.parametrize("fate", ["deleted", "overwritten"])
def test_a_store_gone_while_serving_is_a_503_not_a_crash(web_db, tmp_path, fate):
    import shutil

    db = tmp_path / "gone.db"
    shutil.copy(web_db, db)
    app = create_app(db, settings=WebSettings(cache_entries=0))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/overview").status_code == 200
        if fate == "deleted":
            db.unlink()
        else:
            db.write_bytes(b"this is no longer a database\n" * 1000)
        for url in ("/api/overview", "/api/events", "/api/dyads/RUS/AZE", "/api/choices"):
            r = client.get(url)
            assert r.status_code == 503, (url, r.text)
            assert r.json()["detail"] and "Traceback" not in r.text
            assert_headers(r)
