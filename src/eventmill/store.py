"""The embedded store: SQLite in WAL mode (one writer, many readers).

Idempotent: a document is keyed by its doc_id (with the hash of its text kept beside it, so
a changed text can be told from the same one), an event by its stable id; coding the same
input twice changes nothing. All writes go through `Store`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from eventmill.schema import Document, Event, Rejection

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    origin TEXT,
    title TEXT,
    published TEXT,
    published_from TEXT,
    url TEXT,
    source TEXT,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    type TEXT NOT NULL,
    mode TEXT,
    quad TEXT,
    intensity REAL,
    cameo TEXT,
    source_name TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_name TEXT,
    target_country TEXT,
    target_sector TEXT,
    date TEXT,
    date_precision TEXT,
    location_name TEXT,
    location_country TEXT,
    lat REAL,
    lon REAL,
    factuality TEXT NOT NULL,
    confidence REAL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS rejections (
    origin TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (origin, code)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(SCHEMA)
        self.conn.execute(
            "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add_document(self, doc: Document, events: Iterable[Event]) -> None:
        """Write a story and its events in one transaction: all of it or none."""
        with self.conn:
            self.conn.execute("DELETE FROM events WHERE doc_id = ?", (doc.doc_id,))
            self.conn.execute(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    doc.doc_id,
                    content_hash(doc.text),
                    doc.origin,
                    doc.title,
                    doc.published.isoformat() if doc.published else None,
                    doc.published_from,
                    doc.url,
                    doc.source,
                    doc.text,
                ),
            )
            self.conn.executemany(
                f"INSERT OR REPLACE INTO events VALUES ({', '.join('?' * 25)})",  # noqa: S608
                [_event_row(e) for e in events],
            )

    def add_rejection(self, rejection: Rejection) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO rejections VALUES (?,?,?)",
                (rejection.origin, rejection.code, rejection.reason),
            )

    def has_document(self, doc_id: str, text: str) -> bool:
        row = self.conn.execute(
            "SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row is not None and row[0] == content_hash(text)

    def events(self, asserted_only: bool = True) -> list[dict]:
        sql = "SELECT json FROM events"
        if asserted_only:
            sql += " WHERE factuality = 'asserted'"
        sql += " ORDER BY doc_id, evidence_start"
        return [json.loads(r[0]) for r in self.conn.execute(sql)]

    def busiest_dyads(self, limit: int = 10) -> list[tuple[str, str, int, float]]:
        """(source country, target country, events, mean intensity), either direction."""
        sql = """
            SELECT MIN(source_country, target_country) AS a,
                   MAX(source_country, target_country) AS b,
                   COUNT(*) AS n, ROUND(AVG(intensity), 2)
            FROM events
            WHERE factuality = 'asserted' AND source_country IS NOT NULL
              AND target_country IS NOT NULL AND source_country != target_country
            GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?"""
        return [tuple(r) for r in self.conn.execute(sql, (limit,))]

    def counts(self) -> dict[str, int]:
        return {
            t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("documents", "events", "rejections")
        }


def _event_row(e: Event) -> tuple:
    d = e.to_dict()
    src, tgt, loc = e.source, e.target, e.location
    return (
        d["event_id"],
        e.doc_id,
        e.type,
        e.mode,
        e.quad,
        e.intensity,
        e.cameo,
        src.name if src else None,
        src.country if src else None,
        src.sector if src else None,
        tgt.name if tgt else None,
        tgt.country if tgt else None,
        tgt.sector if tgt else None,
        e.date,
        e.date_precision,
        loc.name if loc else None,
        loc.country if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        e.factuality,
        e.confidence,
        e.evidence.start,
        e.evidence.end,
        e.evidence.text,
        json.dumps(d, ensure_ascii=False),
    )
