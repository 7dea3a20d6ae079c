"""A store for the web tests, built the real way (`eventmill ingest`'s library call on our
demo articles), and fixtures over it. Shared by the API tests and the dashboard's tests:
keep the names and what the store holds stable.

What the store holds, beyond the 14 demo articles:
- two near-copies of the story REPORTED_STORY from other outlets (reports);
- HOSTILE_DOC_ID: a story of our own whose title, text, outlet and URL carry markup and
  script (`<script>`, an `onerror=` attribute, `javascript:` links, a spreadsheet formula),
  coded into two events (France ACCUSE and PROTEST Germany), for the escaping tests;
- FOLLOWUP_DOC_ID: another outlet's own story of that accusation, merged with it (one
  event stated by two stories).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ingest_helpers import demo_articles, near_copy

REPORTED_STORY = "az-ru-aktau-2024"
REPORT_IDS = (f"{REPORTED_STORY}-copy-1", f"{REPORTED_STORY}-copy-2")
HOSTILE_DOC_ID = "hostile-markup-2024"
HOSTILE_SCRIPT = '<script>alert("eventmill-xss")</script>'
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_LINK = '<a href="javascript:alert(2)">this link</a>'
HOSTILE_FORMULA = '=HYPERLINK("http://127.0.0.1","x")'
HOSTILE_URL = "javascript:alert(3)"
HOSTILE_OUTLET = '=HYPERLINK("http://127.0.0.1","Wire") <i>Wire</i> <script>alert(5)</script>'
HOSTILE_TITLE = f"{HOSTILE_SCRIPT} France accuses Germany {HOSTILE_IMG}"
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    "PARIS, March 5 — France accused Germany on Tuesday of breaking the energy deal "
    f"{HOSTILE_SCRIPT} that the two governments signed last year.\n\n"
    f"The French foreign ministry said in a statement, posted under {HOSTILE_LINK}, that "
    "Berlin had ignored its warnings. Protesters rallied outside the German embassy in Paris "
    f"on Wednesday; one carried a sign reading {HOSTILE_FORMULA} and another "
    "<b onmouseover=alert(4)>a bold one</b>."
)


FOLLOWUP_DOC_ID = "energy-row-followup-2024"


def followup_article() -> dict:
    return {
        "id": FOLLOWUP_DOC_ID,
        "title": "France and Germany trade charges over energy deal",
        "text": "France and Germany trade charges over energy deal\n\nPARIS, March 6 — France "
        "accused Germany on Tuesday of breaking the energy deal, a day after talks in Brussels "
        "failed. German officials rejected the charge.",
        "published": "2024-03-06",
        "url": "https://example.org/energy-row",
        "source": "Example Wire",
    }


def hostile_article() -> dict:
    return {
        "id": HOSTILE_DOC_ID,
        "title": HOSTILE_TITLE,
        "text": HOSTILE_TEXT,
        "published": "2024-03-06",
        "url": HOSTILE_URL,
        # a leading = makes a spreadsheet run it as a formula: CSV must neutralise it
        "source": HOSTILE_OUTLET,
    }


def web_corpus(path: Path) -> Path:
    """The JSONL corpus of the web store: demo articles, two reports, the hostile story and
    its follow-up."""
    articles = demo_articles()
    story = next(a for a in articles if a["id"] == REPORTED_STORY)
    records = [
        *articles,
        near_copy(story, 1),
        near_copy(story, 2),
        hostile_article(),
        followup_article(),
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def build_web_store(db: Path, coder=None) -> Path:
    """Ingest the web corpus into `db` (a new file) with `coder` (a fresh one if None)."""
    from eventmill.corpus import ingest
    from eventmill.engines.local import LocalEngine
    from eventmill.store import Store

    corpus = web_corpus(db.parent / "web-corpus.jsonl")
    with Store(db) as store:
        summary = ingest([str(corpus)], store, engine=LocalEngine(coder))
    assert not summary.rejected, summary.line()
    return db


def table_digest(db: Path) -> dict[str, int]:
    """Row counts and a checksum of every event and document: to show nothing wrote."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("documents", "events", "reports", "merged", "rejections", "meta")
        }
        out["events_hash"] = hash(
            tuple(conn.execute("SELECT event_id, json FROM events ORDER BY event_id"))
        )
        out["documents_hash"] = hash(
            tuple(conn.execute("SELECT doc_id, content_hash FROM documents ORDER BY doc_id"))
        )
        return out
    finally:
        conn.close()


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, coder) -> Path:
    """The web store (session-wide; read it, never write it)."""
    return build_web_store(tmp_path_factory.mktemp("web") / "web.db", coder)


@pytest.fixture(scope="session")
def web_client(web_db):
    """A TestClient over create_app(web_db), as a browser on 127.0.0.1 would call it."""
    from fastapi.testclient import TestClient

    from eventmill.web.app import create_app

    with TestClient(create_app(web_db), base_url="http://127.0.0.1") as client:
        yield client
