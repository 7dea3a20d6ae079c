"""The embedded store: SQLite in WAL mode (one writer, many readers).

Idempotent: a document is keyed by its doc_id (with the hash of its text kept beside it, so
a changed text can be told from the same one), an event by its stable id; coding the same
input twice changes nothing. All writes go through `Store`, and every write of a story
(the document, its events, its near-duplicate signature, its merged-event links) is one
transaction: a process killed at any moment leaves whole stories or nothing.

The schema is versioned; each change is a named migration in `MIGRATIONS`, applied in
order to an older file when it is opened (`meta.schema_version` says how far it got).

Tables (schema 2):

- `documents`: every story read, with its text and `content_hash`; `status` is `coded`
  (parsed and coded), `triaged` (no trigger word at all: not parsed, no events) or `report`
  (a near-copy of a stored story, not coded again); `story_id` names the coded story a
  report repeats (itself for a story); `outlet` is its source, else its URL's host.
- `events`: the events coded from each story (the JSON contract in `json`); `merged_id`
  links it to the merged event it belongs to (the `event_id` of the first statement).
- `reports`: every document of a story, the story itself included (similarity 1.0):
  `report_id`, `story_id`, `similarity` (estimated Jaccard of word shingles).
- `merged`: one row per merged event, with the key statements are matched on.
- `minhashes`, `minhash_bands`: MinHash signatures and LSH buckets of the coded stories,
  so near-duplicate detection survives a restart without holding the corpus in memory.
- `rejections` (with `rejection_places` splitting `origin` into file and record; the view
  `rejected_inputs` joins them), `meta`.
- Views: `merged_events` (one row per merged event with counts of statements, stories,
  reports and sources), `actors` (every actor named in events, with counts).
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

from eventmill.errors import E_STORE_FULL, EventmillError
from eventmill.ontology import SYMMETRIC_TYPES
from eventmill.schema import Document, Event, Rejection

SCHEMA_V1 = """
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
"""

SCHEMA_V2 = """
ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'coded';
ALTER TABLE documents ADD COLUMN story_id TEXT;
ALTER TABLE documents ADD COLUMN outlet TEXT;
ALTER TABLE documents ADD COLUMN sentences INTEGER;
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_story ON documents(story_id);
UPDATE documents SET story_id = doc_id WHERE story_id IS NULL;

CREATE TABLE reports (
    report_id TEXT PRIMARY KEY REFERENCES documents(doc_id),
    story_id TEXT NOT NULL REFERENCES documents(doc_id),
    similarity REAL NOT NULL
);
CREATE INDEX reports_story ON reports(story_id);
INSERT INTO reports SELECT doc_id, doc_id, 1.0 FROM documents;

ALTER TABLE events ADD COLUMN merged_id TEXT;
CREATE INDEX events_merged ON events(merged_id);
CREATE TABLE merged (
    merged_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    factuality TEXT NOT NULL,
    source_key TEXT NOT NULL,
    target_key TEXT NOT NULL,
    location_country TEXT,
    day TEXT
);
CREATE INDEX merged_key ON merged(type, factuality, source_key, target_key, day);

CREATE TABLE minhashes (doc_id TEXT PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, doc_id)
) WITHOUT ROWID;

CREATE TABLE rejection_places (origin TEXT PRIMARY KEY, file TEXT NOT NULL, record TEXT);
CREATE VIEW rejected_inputs AS
    SELECT COALESCE(p.file, r.origin) AS file, p.record AS record, r.code, r.reason
    FROM rejections r LEFT JOIN rejection_places p ON p.origin = r.origin;

CREATE VIEW merged_events AS
    SELECT e.merged_id AS merged_id,
           m.type AS type,
           rep.mode AS mode,
           m.factuality AS factuality,
           rep.source_name AS source_name,
           rep.source_country AS source_country,
           rep.source_sector AS source_sector,
           rep.target_name AS target_name,
           rep.target_country AS target_country,
           rep.target_sector AS target_sector,
           rep.date AS date,
           MIN(e.date) AS first_date,
           MAX(e.date) AS last_date,
           rep.location_name AS location_name,
           rep.location_country AS location_country,
           rep.intensity AS intensity,
           rep.quad AS quad,
           rep.cameo AS cameo,
           MAX(e.confidence) AS confidence,
           COUNT(DISTINCT e.event_id) AS statements,
           COUNT(DISTINCT e.doc_id) AS stories,
           COUNT(DISTINCT COALESCE(r.report_id, e.doc_id)) AS reports,
           COUNT(DISTINCT COALESCE(d.outlet, 'document:' || COALESCE(r.report_id, e.doc_id)))
               AS sources,
           GROUP_CONCAT(DISTINCT e.event_id) AS event_ids
    FROM events e
    JOIN merged m ON m.merged_id = e.merged_id
    JOIN events rep ON rep.event_id = e.merged_id
    LEFT JOIN reports r ON r.story_id = e.doc_id
    LEFT JOIN documents d ON d.doc_id = COALESCE(r.report_id, e.doc_id)
    GROUP BY e.merged_id;

CREATE VIEW actors AS
    SELECT name, country, sector, COUNT(*) AS events, COUNT(DISTINCT doc_id) AS stories
    FROM (
        SELECT source_name AS name, source_country AS country, source_sector AS sector, doc_id
        FROM events WHERE source_name IS NOT NULL
        UNION ALL
        SELECT target_name, target_country, target_sector, doc_id
        FROM events WHERE target_name IS NOT NULL
    )
    GROUP BY name, country, sector;
"""

# (version, name, SQL): applied in order, each in one transaction; never edit a released
# one, add the next
SCHEMA_V3 = """
CREATE TABLE sentences (
    doc_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, n)
);
"""

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial: documents, events, rejections", SCHEMA_V1),
    (2, "corpus: story status, reports, merged events, minhash index, rejection places", SCHEMA_V2),
    (3, "sentences: offsets of every coded sentence in its story's text", SCHEMA_V3),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]

# A statement of an event joins a merged event of another story when their days are at
# most this far apart (the "date within a day": time zones and overnight reports)
MERGE_DAYS = 1

DOCUMENT_COLUMNS = (
    "doc_id",
    "content_hash",
    "origin",
    "title",
    "published",
    "published_from",
    "url",
    "source",
    "text",
    "status",
    "story_id",
    "outlet",
    "sentences",
)
EVENT_COLUMNS = 26  # the 25 of schema 1 and merged_id


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def outlet_of(doc: Document) -> str | None:
    """Who published a document: its source, else its URL's host without 'www.'."""
    if doc.source:
        return doc.source
    if doc.url:
        try:
            host = urlparse(doc.url).hostname
        except ValueError:
            return None
        if host:
            return host.removeprefix("www.")
    return None


_RECORD = re.compile(r"^(.*):(\d+)$", re.DOTALL)


def split_origin(origin: str) -> tuple[str, str | None]:
    """'corpus.jsonl:12' -> ('corpus.jsonl', '12'); a whole file has no record."""
    m = _RECORD.match(origin)
    return (m.group(1), m.group(2)) if m else (origin, None)


class StoreFull(EventmillError):
    """The store could not be written: the disk is full, a file size limit was reached, or
    the device failed a write. The transaction was rolled back; what was committed stays."""

    code = E_STORE_FULL


# SQLite's primary result codes for "no room" (SQLITE_FULL: a short write, ENOSPC) and for
# a failed write (SQLITE_IOERR: EFBIG past RLIMIT_FSIZE, EIO)
_SQLITE_FULL, _SQLITE_IOERR = 13, 10
_NO_ROOM = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


def no_room(exc: BaseException) -> bool:
    """Whether an error means the store's disk (or file size limit) has no room left."""
    if isinstance(exc, sqlite3.OperationalError):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (_SQLITE_FULL, _SQLITE_IOERR)
        text = str(exc).lower()
        return "disk is full" in text or "disk i/o error" in text
    return isinstance(exc, OSError) and exc.errno in _NO_ROOM


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=10000")
        self._migrate()

    # ------------------------------------------------------------------ schema
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """`with self.conn`, and a write that finds no room becomes StoreFull (one line for
        the user) instead of a bare sqlite3 error; the transaction is rolled back either way."""
        try:
            with self.conn:
                yield
        except (sqlite3.OperationalError, OSError) as exc:
            if no_room(exc):
                raise StoreFull(
                    f"cannot write to the store {self.path}: the disk is full or a file size "
                    f"limit was reached ({exc})"
                ) from exc
            raise

    def _migrate(self) -> None:
        with self._transaction():
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = int(row[0]) if row else 0
        for version, name, sql in MIGRATIONS:
            if version <= current:
                continue
            # executescript commits on its own; BEGIN/COMMIT make each migration atomic
            with self._transaction():
                self._run_migration(version, name, sql)

    def _run_migration(self, version: int, name: str, sql: str) -> None:
        self.conn.executescript(
            "BEGIN;\n"
            + sql
            + "\nINSERT OR REPLACE INTO meta VALUES ('schema_version', "
            + f"'{version}');\nINSERT OR REPLACE INTO meta VALUES ('migration_{version}', "
            + "'"
            + name.replace("'", "''")
            + "');\nCOMMIT;"
        )

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.OperationalError as exc:
            # closing checkpoints the WAL; with no room it stays in the -wal file, whole
            if not no_room(exc):
                raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writes
    def add_document(
        self, doc: Document, events: Iterable[Event], sentence_spans: Iterable[tuple[int, int]] = ()
    ) -> None:
        """Write a story and its events in one transaction: all of it or none.

        Replaces a story of the same doc_id (and its events): for `eventmill demo` and
        library callers that re-code. The corpus ingest uses `add_story` instead."""
        events = list(events)
        with self._transaction():
            old = [
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT merged_id FROM events WHERE doc_id = ? AND merged_id "
                    "IS NOT NULL",
                    (doc.doc_id,),
                )
            ]
            self.conn.execute("DELETE FROM events WHERE doc_id = ?", (doc.doc_id,))
            self.conn.execute("DELETE FROM sentences WHERE doc_id = ?", (doc.doc_id,))
            for merged_id in old:
                self.conn.execute(
                    "DELETE FROM merged WHERE merged_id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM events WHERE merged_id = ?)",
                    (merged_id, merged_id),
                )
            self._write_document(doc, "coded", doc.doc_id, None, replace=True)
            self.conn.execute(
                "INSERT OR REPLACE INTO reports VALUES (?, ?, 1.0)", (doc.doc_id, doc.doc_id)
            )
            self._write_events(doc, events)
            self._write_sentences(doc, sentence_spans)

    def add_story(
        self,
        doc: Document,
        events: Iterable[Event],
        status: str = "coded",
        sentences: int | None = None,
        signature: bytes | None = None,
        buckets: Iterable[tuple[int, int]] = (),
        sentence_spans: Iterable[tuple[int, int]] = (),
    ) -> None:
        """A new story of a corpus ingest, in one transaction: the document, its events
        (merged with the same events of stored stories), its report-of-itself row and its
        near-duplicate signature and LSH buckets. The doc_id must not be stored yet."""
        with self._transaction():
            self._write_document(doc, status, doc.doc_id, sentences, replace=False)
            self.conn.execute("INSERT INTO reports VALUES (?, ?, 1.0)", (doc.doc_id, doc.doc_id))
            self._write_events(doc, list(events))
            self._write_sentences(doc, sentence_spans)
            if signature is not None:
                self.conn.execute("INSERT INTO minhashes VALUES (?, ?)", (doc.doc_id, signature))
                self.conn.executemany(
                    "INSERT OR IGNORE INTO minhash_bands VALUES (?, ?, ?)",
                    [(band, bucket, doc.doc_id) for band, bucket in buckets],
                )

    def add_report(self, doc: Document, story_id: str, similarity: float) -> None:
        """A near-copy of a stored story: kept (text and all), not coded again."""
        with self._transaction():
            self._write_document(doc, "report", story_id, None, replace=False)
            self.conn.execute(
                "INSERT INTO reports VALUES (?, ?, ?)", (doc.doc_id, story_id, round(similarity, 4))
            )

    def add_rejection(self, rejection: Rejection) -> None:
        file, record = split_origin(rejection.origin)
        with self._transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO rejections VALUES (?,?,?)",
                (rejection.origin, rejection.code, rejection.reason),
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO rejection_places VALUES (?,?,?)",
                (rejection.origin, file, record),
            )

    def _write_document(
        self, doc: Document, status: str, story_id: str, sentences: int | None, replace: bool
    ) -> None:
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        self.conn.execute(
            f"{verb} INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "  # noqa: S608
            f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
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
                status,
                story_id,
                outlet_of(doc),
                sentences,
            ),
        )

    def _write_sentences(self, doc: Document, spans: Iterable[tuple[int, int]]) -> None:
        self.conn.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?)",
            [(doc.doc_id, n, start, end) for n, (start, end) in enumerate(spans)],
        )

    def _write_events(self, doc: Document, events: list[Event]) -> None:
        rows = []
        for e in events:
            rows.append((*_event_row(e), self._merge(e, doc)))
        self.conn.executemany(
            f"INSERT OR REPLACE INTO events VALUES ({', '.join('?' * EVENT_COLUMNS)})",  # noqa: S608
            rows,
        )

    # ------------------------------------------------------------------ merging
    def _merge(self, e: Event, doc: Document) -> str:
        """The merged event this statement belongs to, created when none matches.

        Matched on type, factuality, dyad (country and sector of each side, either order
        for symmetric events), a day within MERGE_DAYS, and a place that does not disagree
        (same country, or one side without a place). The day is the event's own when it is
        dated to the day, else the story's publication date; an event with neither is
        merged only with the statements of its own story (its `merged_id` is its own)."""
        event_id = e.event_id
        source_key, target_key = _dyad_keys(e)
        day = _event_day(e, doc)
        place = e.location.country if e.location else None
        if day is not None:
            low = (date.fromisoformat(day) - timedelta(days=MERGE_DAYS)).isoformat()
            high = (date.fromisoformat(day) + timedelta(days=MERGE_DAYS)).isoformat()
            for merged_id, location_country in self.conn.execute(
                "SELECT merged_id, location_country FROM merged WHERE type = ? AND "
                "factuality = ? AND source_key = ? AND target_key = ? AND day BETWEEN ? AND ? "
                "ORDER BY rowid",
                (e.type, e.factuality, source_key, target_key, low, high),
            ):
                if merged_id == event_id:
                    return merged_id  # the same statement written again
                if place is None or location_country is None or place == location_country:
                    return merged_id
        self.conn.execute(
            "INSERT OR REPLACE INTO merged VALUES (?,?,?,?,?,?,?)",
            (event_id, e.type, e.factuality, source_key, target_key, place, day),
        )
        return event_id

    # ------------------------------------------------------------------ reads
    def has_document(self, doc_id: str, text: str) -> bool:
        row = self.conn.execute(
            "SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row is not None and row[0] == content_hash(text)

    def document_hash(self, doc_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None

    def story_with_hash(self, digest: str) -> str | None:
        """The coded story a stored document with this text belongs to."""
        row = self.conn.execute(
            "SELECT story_id FROM documents WHERE content_hash = ? ORDER BY rowid LIMIT 1",
            (digest,),
        ).fetchone()
        return row[0] if row else None

    def bucket_members(self, band: int, bucket: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT doc_id FROM minhash_bands WHERE band = ? AND bucket = ?", (band, bucket)
            )
        ]

    def signature(self, doc_id: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT signature FROM minhashes WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None

    def events(self, asserted_only: bool = True) -> list[dict]:
        sql = "SELECT json FROM events"
        if asserted_only:
            sql += " WHERE factuality = 'asserted'"
        sql += " ORDER BY doc_id, evidence_start"
        return [json.loads(r[0]) for r in self.conn.execute(sql)]

    def merged_events(self, asserted_only: bool = True) -> list[dict]:
        """One dict per merged event: its representative statement's fields, the counts of
        statements, stories, reports and sources, and every statement's evidence."""
        sql = "SELECT * FROM merged_events"
        if asserted_only:
            sql += " WHERE factuality = 'asserted'"
        sql += " ORDER BY merged_id"
        cur = self.conn.execute(sql)
        names = [c[0] for c in cur.description]
        out = []
        for row in cur.fetchall():
            d = dict(zip(names, row, strict=True))
            d["event_ids"] = sorted(d["event_ids"].split(","))
            d["evidence"] = [
                {"event_id": eid, "doc_id": doc_id, "start": s, "end": t, "text": text}
                for eid, doc_id, s, t, text in self.conn.execute(
                    "SELECT event_id, doc_id, evidence_start, evidence_end, evidence_text "
                    "FROM events WHERE merged_id = ? ORDER BY doc_id, evidence_start",
                    (d["merged_id"],),
                )
            ]
            out.append(d)
        return out

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

    def corpus_counts(self) -> dict[str, int]:
        """Row counts of every table, stories by status, and merged events."""
        out = {
            t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("documents", "events", "rejections", "reports", "merged", "minhashes")
        }
        for status, n in self.conn.execute(
            "SELECT status, COUNT(*) FROM documents GROUP BY status"
        ):
            out[f"documents_{status}"] = n
        return out

    def iter_rows(self, sql: str, params: tuple = ()) -> Iterator[dict]:
        """Rows of a query as dicts, fetched a thousand at a time (for exports)."""
        cur = self.conn.execute(sql, params)
        names = [c[0] for c in cur.description]
        while True:
            chunk = cur.fetchmany(1000)
            if not chunk:
                return
            for row in chunk:
                yield dict(zip(names, row, strict=True))


def _party(actor) -> str:
    return f"{actor.country or '-'}/{actor.sector or '-'}" if actor else "-/-"


def _dyad_keys(e: Event) -> tuple[str, str]:
    a, b = _party(e.source), _party(e.target)
    if e.type in SYMMETRIC_TYPES or e.symmetric:
        a, b = sorted((a, b))
    return a, b


def _event_day(e: Event, doc: Document) -> str | None:
    if e.date and len(e.date) == 10 and e.date_precision in (None, "day"):
        try:
            return date.fromisoformat(e.date).isoformat()
        except ValueError:
            pass
    return doc.published.isoformat() if doc.published else None


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
