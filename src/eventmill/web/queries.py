"""Every read the web faces make of a store: plain functions over a read-only connection.

All SQL lives here and every value a user typed reaches SQLite as a bound parameter; the
only text put into a statement is chosen from the whitelists below (sort columns, quad
classes). A connection is opened per request, read-only (`mode=ro`: nothing here can
write), and each request reads one snapshot (a deferred transaction), so a reader never sees
half of a story an ingest is writing. A progress handler stops a request's statements once
they have used the time cap in processor time (`QueryTimeout`).

The day of an event (`day`, what date filters, sorting by date and the series use) is its own
date when it is known to the day; else the story's publication date when that agrees with
the event's month or year (or the event has no date); else the first day of the event's
month or year. It is the rule of `eventmill export`'s months, carried down to the day.

Aggregates (overview counts, dyads, series, actors, network, places) count asserted events
only, as `eventmill demo` does; the event list takes a `factuality` filter (default
asserted, `None` for all).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from eventmill.ontology import TYPES
from eventmill.schema import FACTUALITIES

T = TypeVar("T")

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
COOPERATION = QUADS[:2]
CONFLICT = QUADS[2:]
INTERVALS = ("month", "week")
MMAP_BYTES = 1 << 30
# the progress handler runs every this many virtual machine steps (about a millisecond):
# cheap, and fine enough to stop a statement soon after its time is up
PROGRESS_STEPS = 20_000
MIN_SCHEMA = 2  # merged_id, document status and outlet came with schema 2

# The KB kinds that name a state or an organisation as a whole ("Russia", "Russian", "the
# Kremlin", "Moscow", "NATO"); a person's or a group's name is no dyad side
PARTY_KINDS = ("country", "org", "demonym", "metonym", "capital")

DAY_SQL = (
    "(CASE WHEN length(e.date) = 10 THEN e.date "
    "WHEN d.published IS NOT NULL AND (e.date IS NULL "
    "OR substr(d.published, 1, length(e.date)) = e.date) THEN substr(d.published, 1, 10) "
    "WHEN length(e.date) = 7 THEN e.date || '-01' "
    "WHEN length(e.date) = 4 THEN e.date || '-01-01' END)"
)

EVENT_SELECT = (
    "SELECT e.event_id, e.doc_id, e.merged_id, e.type, e.mode, e.quad, e.intensity, e.cameo, "
    "e.source_name, e.source_country, e.source_sector, e.target_name, e.target_country, "
    "e.target_sector, e.date, e.date_precision, " + DAY_SQL + " AS day, e.location_name, "
    "e.location_country, e.lat, e.lon, e.factuality, e.confidence, e.evidence_text, "
    "e.evidence_start, e.evidence_end, d.title, d.url, d.published, d.outlet "
    "FROM events e JOIN documents d ON d.doc_id = e.doc_id"
)
# the columns of EVENT_SELECT, in order: the CSV header
EVENT_FIELDS = (
    "event_id",
    "doc_id",
    "merged_id",
    "type",
    "mode",
    "quad",
    "intensity",
    "cameo",
    "source_name",
    "source_country",
    "source_sector",
    "target_name",
    "target_country",
    "target_sector",
    "date",
    "date_precision",
    "day",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "factuality",
    "confidence",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "title",
    "url",
    "published",
    "outlet",
)

# sort name -> SQL expression (the only user choice that becomes statement text, so it is
# looked up here, never copied)
SORTS = {
    "date": "day",
    "day": "day",
    "published": "d.published",
    "type": "e.type",
    "quad": "e.quad",
    "intensity": "e.intensity",
    "confidence": "e.confidence",
    "source": "e.source_name",
    "source_name": "e.source_name",
    "source_country": "e.source_country",
    "target": "e.target_name",
    "target_name": "e.target_name",
    "target_country": "e.target_country",
    "place": "e.location_name",
    "location_name": "e.location_name",
    "doc_id": "e.doc_id",
    "event_id": "e.event_id",
}

_COOP = "SUM(e.quad IN ('verbal_cooperation', 'material_cooperation'))"
_CONF = "SUM(e.quad IN ('verbal_conflict', 'material_conflict'))"


class BadQuery(ValueError):
    """A parameter the store cannot answer (unknown actor, type, sort...): the user's
    mistake, told in one line."""


class QueryTimeout(RuntimeError):
    """A statement ran past the time cap and was stopped."""


class NotAStore(RuntimeError):
    """The file is missing, unreadable, or not an eventmill store."""


# ---------------------------------------------------------------------------- connections
class TimedConnection(sqlite3.Connection):
    """A connection whose statements stop (OperationalError 'interrupted') once they have
    used `timeout` seconds of processor time since `restart_clock`.

    Processor time of the thread running SQLite, not time on the wall clock: under load,
    a query waiting for a core is slow but not at fault, and is not stopped for it. The
    server may run one request's statements on several threads, so the time is summed per
    progress call from the previous call on the same thread."""

    timeout: float = 5.0
    spent: float = 0.0
    _thread: int | None = None
    _last: float = 0.0

    def restart_clock(self) -> None:
        self.spent, self._thread = 0.0, None

    def tick(self) -> int:
        """The progress handler: non-zero stops the statement."""
        now, thread = time.thread_time(), threading.get_ident()
        if thread == self._thread:
            self.spent += now - self._last
        self._thread, self._last = thread, now
        return int(self.spent > self.timeout)


def _dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def connect(
    db_path: str | Path, *, timeout: float = 5.0, busy_ms: int = 5000
) -> sqlite3.Connection:
    """A read-only connection (rows as dicts) in a deferred transaction: one snapshot for
    everything read through it until it is closed. Its statements may use `timeout` seconds
    of processor time in all (`restart_clock` gives a long export a new allowance per
    chunk)."""
    path = Path(db_path)
    if not path.is_file():
        raise NotAStore(f"{db_path}: {'a folder, not' if path.is_dir() else 'no such'} file")
    conn = sqlite3.connect(
        path.resolve().as_uri() + "?mode=ro",
        uri=True,
        factory=TimedConnection,
        isolation_level=None,
        check_same_thread=False,  # a streamed export reads it from the server's worker threads
    )
    assert isinstance(conn, TimedConnection)
    conn.timeout = timeout
    conn.restart_clock()
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    # read the file through a memory map: scans of the wide events table cost about a third
    # less than through read(), and the pages are shared by every request's connection
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    conn.set_progress_handler(conn.tick, PROGRESS_STEPS)
    conn.row_factory = _dict_row
    conn.execute("BEGIN")
    return conn


def check_store(db_path: str | Path) -> int:
    """The schema version of an eventmill store; NotAStore with the reason otherwise."""
    try:
        conn = connect(db_path)
    except sqlite3.Error as exc:
        raise NotAStore(f"{db_path}: cannot open it as SQLite ({exc})") from None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        conn.execute("SELECT 1 FROM events LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        raise NotAStore(f"{db_path}: not an eventmill store (no events or meta table)") from None
    finally:
        conn.close()
    version = int(row["value"]) if row else 0
    if version < MIN_SCHEMA:
        raise NotAStore(
            f"{db_path}: store schema {version} is older than {MIN_SCHEMA}; open it once with "
            "`eventmill ingest` (which migrates it) and serve it again"
        )
    return version


def run(conn: sqlite3.Connection, sql: str, params: tuple | list = ()) -> list[dict]:
    """Rows of a statement; a statement stopped by the time cap becomes QueryTimeout."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(
                f"the query used more than {getattr(conn, 'timeout', 0):g} s of processor time "
                "and was stopped; narrow the filters"
            ) from None
        raise


def one(conn: sqlite3.Connection, sql: str, params: tuple | list = ()) -> dict | None:
    rows = run(conn, sql, params)
    return rows[0] if rows else None


# ---------------------------------------------------------------------------- cache
STAMP_SQL = (
    "SELECT (SELECT MAX(rowid) FROM documents) AS documents, "
    "(SELECT content_hash FROM documents ORDER BY rowid DESC LIMIT 1) AS last_document, "
    "(SELECT MAX(rowid) FROM events) AS events, "
    "(SELECT event_id FROM events ORDER BY rowid DESC LIMIT 1) AS last_event, "
    "(SELECT MAX(rowid) FROM merged) AS merged, (SELECT MAX(rowid) FROM rejections) AS rejected"
)


def store_stamp(conn: sqlite3.Connection) -> tuple:
    """What changes whenever the store does, read in the connection's own snapshot.

    Every write of `Store` inserts rows (a replaced row is deleted and inserted again), so
    the largest rowids move; re-coding the last story again to the same number of events
    would keep them, and its text's hash (and its last event's id) tell that apart."""
    row = one(conn, STAMP_SQL)
    return tuple(row.values()) if row else ()


class ResultCache:
    """Answers of the slow aggregate queries, kept until the store changes (`store_stamp`).

    Keyed by (query, its arguments, the stamp): a request reads the stamp in its own
    snapshot, so it never gets an answer computed on another state of the store. Requests
    for an answer being computed wait for it rather than compute it again (fifty clients
    opening the overview at once run its queries once). Least recently used entries go
    first. Answers are shared: callers must not change them."""

    def __init__(self, entries: int = 128):
        self.entries = entries
        self._data: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[tuple, threading.Lock] = {}
        self.hits = self.misses = self.waits = 0

    def get(self, conn: sqlite3.Connection, key: tuple, compute: Callable[[], T]) -> T:
        if self.entries <= 0:
            return compute()
        full = (key, store_stamp(conn))
        with self._lock:
            if full in self._data:
                self._data.move_to_end(full)
                self.hits += 1
                return self._data[full]  # type: ignore[return-value]
            pending = self._pending.get(full)
            owner = pending is None
            if owner:
                pending = self._pending[full] = threading.Lock()
                pending.acquire()
            else:
                self.waits += 1
        assert pending is not None
        if not owner:
            with pending:  # released when the owner is done, answer or error
                pass
            with self._lock:
                if full in self._data:
                    self.hits += 1
                    return self._data[full]  # type: ignore[return-value]
            return compute()  # the owner failed (a bad parameter, the time cap): our turn
        try:
            value = compute()
            with self._lock:
                self.misses += 1
                self._data[full] = value
                while len(self._data) > self.entries:
                    self._data.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._pending[full]
            pending.release()


# ---------------------------------------------------------------------------- actors
@lru_cache(maxsize=1)
def _kb():
    from eventmill.actors.kb import default_kb

    return default_kb()


def warm_up() -> None:
    """Load the knowledge base and tokenizer now rather than on the first dyad request."""
    resolve_party("Russia")


@lru_cache(maxsize=4096)
def resolve_party(value: str) -> str | None:
    """An ISO3 or organisation code for a code or a state's or organisation's name
    ("RUS", "Russia", "russian", "the Kremlin" -> RUS; "NATO" -> NAT), else None."""
    from eventmill.actors.kb import phrase_key

    text = value.strip()
    if not text or len(text) > 200:
        return None
    kb = _kb()
    if text.upper() in kb.countries or text.upper() in kb.organisations:
        return text.upper()
    codes = []
    for entry in kb.index.get(phrase_key(text), ()):
        if entry.kind in PARTY_KINDS:
            code = getattr(entry.ref, "code", None)
            if code and code not in codes:
                codes.append(code)
    return codes[0] if len(codes) == 1 else None


def party_name(code: str | None) -> str | None:
    return _kb().country_name(code) if code else None


def _party_or_code(conn: sqlite3.Connection, value: str) -> str:
    """A dyad side: a known code or name, or a code that occurs in the store (IGO, NGO...)."""
    code = resolve_party(value)
    if code:
        return code
    candidate = value.strip().upper()
    if candidate and one(
        conn,
        "SELECT 1 AS x FROM events WHERE source_country = ? OR target_country = ? LIMIT 1",
        (candidate, candidate),
    ):
        return candidate
    raise BadQuery(f"unknown actor {value[:80]!r}: give an ISO3 code or a country's name")


# ---------------------------------------------------------------------------- filters
@dataclass
class EventFilter:
    actor: str | None = None  # a name or a code, either side
    country: str | None = None  # a code (or a state's name), either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    type: str | None = None
    quad: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, on the event's day
    date_to: str | None = None
    place: str | None = None  # a place name or a country code
    q: str | None = None  # text in the evidence sentence
    doc_id: str | None = None
    event_ids: list[str] | None = None
    factuality: str | None = "asserted"  # None: every factuality

    def validate(self) -> None:
        for name, value in vars(self).items():
            texts = value if isinstance(value, (list, tuple)) else [value]
            # SQLite's LIKE reads a pattern up to its first NUL: "%\0%" would match all
            if any(isinstance(t, str) and "\x00" in t for t in texts):
                raise BadQuery(f"{name} must not contain NUL characters")
        if self.type is not None and self.type.upper() not in TYPES:
            raise BadQuery(f"unknown type {self.type[:40]!r}; one of {', '.join(TYPES)}")
        if self.quad is not None and self.quad not in QUADS:
            raise BadQuery(f"unknown quad {self.quad[:40]!r}; one of {', '.join(QUADS)}")
        if self.factuality is not None and self.factuality not in FACTUALITIES:
            raise BadQuery(
                f"unknown factuality {self.factuality[:40]!r}; one of "
                f"{', '.join(FACTUALITIES)} or all"
            )
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _is_day(value):
                raise BadQuery(f"{name} must be a date as YYYY-MM-DD, not {value[:40]!r}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise BadQuery(f"date_from {self.date_from} is after date_to {self.date_to}")


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10  # fromisoformat also takes 20180901


def _like(text: str) -> str:
    """A LIKE pattern matching `text` literally anywhere (its % and _ are no wildcards)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _side(column: str, value: str) -> tuple[str, list]:
    """One side matches a name (any case) or a code, or the code the name resolves to."""
    codes = {value.strip().upper()}
    resolved = resolve_party(value)
    if resolved:
        codes.add(resolved)
    codes_sql = ", ".join("?" * len(codes))
    return (
        f"(e.{column}_name = ? COLLATE NOCASE OR e.{column}_country IN ({codes_sql}))",
        [value.strip(), *sorted(codes)],
    )


def where(conn: sqlite3.Connection, f: EventFilter) -> tuple[str, list]:
    """The WHERE clause (with its parameters) of a filter over `events e JOIN documents d`."""
    f.validate()
    clauses: list[str] = []
    params: list = []

    def add(sql: str, values: list) -> None:
        clauses.append(sql)
        params.extend(values)

    if f.factuality is not None:
        add("e.factuality = ?", [f.factuality])
    if f.actor:
        src, src_params = _side("source", f.actor)
        tgt, tgt_params = _side("target", f.actor)
        add(f"({src} OR {tgt})", src_params + tgt_params)
    if f.source:
        add(*_side("source", f.source))
    if f.target:
        add(*_side("target", f.target))
    if f.country:
        code = resolve_party(f.country) or f.country.strip().upper()
        add("(e.source_country = ? OR e.target_country = ?)", [code, code])
    if f.dyad:
        a, b = (_party_or_code(conn, side) for side in f.dyad)
        if f.directed:
            add("(e.source_country = ? AND e.target_country = ?)", [a, b])
        else:
            add(
                "((e.source_country = ? AND e.target_country = ?) OR "
                "(e.source_country = ? AND e.target_country = ?))",
                [a, b, b, a],
            )
    if f.type:
        add("e.type = ?", [f.type.upper()])
    if f.quad:
        add("e.quad = ?", [f.quad])
    if f.date_from:
        add(f"{DAY_SQL} >= ?", [f.date_from])
    if f.date_to:
        add(f"{DAY_SQL} <= ?", [f.date_to])
    if f.place:
        add(
            "(e.location_name = ? COLLATE NOCASE OR e.location_country = ?)",
            [f.place.strip(), resolve_party(f.place) or f.place.strip().upper()],
        )
    if f.q:
        add("e.evidence_text LIKE ? ESCAPE '\\'", [_like(f.q)])
    if f.doc_id:
        add("e.doc_id = ?", [f.doc_id])
    if f.event_ids is not None:
        add("e.event_id IN (SELECT value FROM json_each(?))", [json.dumps(list(f.event_ids))])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# ---------------------------------------------------------------------------- events
def check_sort(sort: str) -> None:
    if sort not in SORTS:
        raise BadQuery(f"unknown sort {sort[:40]!r}; one of {', '.join(SORTS)}")


def list_events(
    conn: sqlite3.Connection,
    f: EventFilter,
    *,
    sort: str = "date",
    desc: bool = True,
    page: int = 1,
    per_page: int = 50,
    total: int | None = None,
) -> tuple[list[dict], int]:
    """One page of the events matching `f`, and how many match in all (`total`, when the
    caller knows it already from `count_events`, is not counted again)."""
    check_sort(sort)
    if page < 1 or per_page < 1:
        raise BadQuery("page and per_page start at 1")
    clause, params = where(conn, f)
    total = count_events(conn, f) if total is None else total
    order = f"ORDER BY {SORTS[sort]} {'DESC' if desc else 'ASC'} NULLS LAST, e.event_id"
    # Two steps: the page's rowids first, sorting only the sort key of each match (the
    # story's date only when the sort or a filter reads it), then the page's rows. Sorting
    # whole rows would carry every match's sentence and story through the sorter.
    if "d.published" in clause or SORTS[sort] in ("day", "d.published"):
        source = f"SELECT e.rowid AS rid, {DAY_SQL} AS day FROM events e "
        source += "JOIN documents d ON d.doc_id = e.doc_id"
    else:
        source = "SELECT e.rowid AS rid FROM events e"
    page_ids = run(
        conn,
        f"{source}{clause} {order} LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    )
    rows = run(
        conn,
        f"{EVENT_SELECT} WHERE e.rowid IN (SELECT value FROM json_each(?)) {order}",
        [json.dumps([r["rid"] for r in page_ids])],
    )
    return rows, total


def count_events(conn: sqlite3.Connection, f: EventFilter) -> int:
    """How many events match `f`."""
    clause, params = where(conn, f)
    # every event has its document (a foreign key), so only a date filter, which reads the
    # story's date, needs the join to count; the join costs a lookup per event
    joined = " JOIN documents d ON d.doc_id = e.doc_id" if "d.published" in clause else ""
    return one(conn, f"SELECT COUNT(*) AS n FROM events e{joined}{clause}", params)["n"]


def iter_events(
    conn: sqlite3.Connection,
    f: EventFilter,
    *,
    sort: str = "date",
    desc: bool = True,
    limit: int,
    chunk: int = 1000,
) -> Iterator[dict]:
    """The events matching `f`, at most `limit`, fetched `chunk` at a time (for CSV)."""
    check_sort(sort)
    clause, params = where(conn, f)
    cur = conn.execute(
        f"{EVENT_SELECT}{clause} ORDER BY {SORTS[sort]} {'DESC' if desc else 'ASC'} "
        "NULLS LAST, e.event_id LIMIT ?",
        [*params, limit],
    )
    while True:
        if isinstance(conn, TimedConnection):
            conn.restart_clock()
        try:
            rows = cur.fetchmany(chunk)
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout("the export ran past the time cap and was stopped") from None
            raise
        if not rows:
            return
        yield from rows


def event_detail(conn: sqlite3.Connection, event_id: str) -> dict | None:
    """An event (any factuality) with its full JSON, its story, and every report of it: the
    near-copies of its story and the other statements merged with it."""
    event = one(conn, f"{EVENT_SELECT} WHERE e.event_id = ?", (event_id,))
    if event is None:
        return None
    raw = one(conn, "SELECT json FROM events WHERE event_id = ?", (event_id,))
    event["json"] = json.loads(raw["json"])
    event["document"] = one(
        conn,
        "SELECT doc_id, title, url, published, source, outlet FROM documents WHERE doc_id = ?",
        (event["doc_id"],),
    )
    reports = run(
        conn,
        "SELECT 'report' AS kind, r.report_id AS doc_id, NULL AS event_id, d.title, d.url, "
        "d.outlet, d.published, r.similarity, "
        "CASE WHEN instr(d.text, ?) > 0 THEN ? END AS evidence_text "
        "FROM reports r JOIN documents d ON d.doc_id = r.report_id "
        "WHERE r.story_id = ? ORDER BY r.report_id = r.story_id DESC, r.report_id",
        (event["evidence_text"], event["evidence_text"], event["doc_id"]),
    )
    statements = run(
        conn,
        "SELECT 'statement' AS kind, e.doc_id, e.event_id, d.title, d.url, d.outlet, "
        "d.published, NULL AS similarity, e.evidence_text "
        "FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE e.merged_id = ? AND e.event_id != ? ORDER BY e.doc_id, e.evidence_start",
        (event["merged_id"], event_id),
    )
    event["reports"] = reports + statements
    return event


def document_detail(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    """A story as read, with its events (every factuality) and the offsets of their
    evidence in its text. A near-copy report shows the events of the story it repeats, each
    placed where its sentence occurs in the report's own text (offsets None if it does not)."""
    doc = one(
        conn,
        "SELECT doc_id, title, url, published, source, outlet, status, story_id, text "
        "FROM documents WHERE doc_id = ?",
        (doc_id,),
    )
    if doc is None:
        return None
    story = doc["story_id"] or doc_id
    events = run(
        conn,
        f"{EVENT_SELECT} WHERE e.doc_id = ? ORDER BY e.evidence_start, e.event_id",
        (story,),
    )
    if story != doc_id:
        for e in events:
            at = doc["text"].find(e["evidence_text"])
            e["evidence_start"] = at if at >= 0 else None
            e["evidence_end"] = at + len(e["evidence_text"]) if at >= 0 else None
    doc["events"] = events
    return doc


# ---------------------------------------------------------------------------- overview
def overview(conn: sqlite3.Connection, *, dyads: int = 10, latest: int = 10) -> dict:
    """Counts of the store, its busiest dyads and its latest events.

    stories: documents coded or triaged (not near-copies); reports: near-copies of a stored
    story; events: asserted events (statements); merged_events: the distinct events they
    state; events_all: events of every factuality; rejected: inputs refused."""
    # from the narrow reports table: reading status from documents would walk each text
    counts = one(
        conn,
        "SELECT (SELECT COUNT(*) FROM documents) AS documents, "
        "(SELECT COUNT(*) FROM reports WHERE report_id != story_id) AS reports",
    )
    counts["stories"] = counts["documents"] - counts["reports"]
    events = one(
        conn,
        "SELECT COALESCE(SUM(factuality = 'asserted'), 0) AS events, COUNT(*) AS events_all "
        "FROM events",
    )
    # one merged row per merged event, its factuality in its key: a small table to count
    events["merged_events"] = one(
        conn, "SELECT COUNT(*) AS n FROM merged WHERE factuality = 'asserted'"
    )["n"]
    rejected = one(conn, "SELECT COUNT(*) AS n FROM rejections")["n"]
    busiest = run(
        conn,
        "SELECT MIN(e.source_country, e.target_country) AS a, "
        "MAX(e.source_country, e.target_country) AS b, COUNT(*) AS events, "
        f"{_COOP} AS cooperation, {_CONF} AS conflict, "
        "ROUND(AVG(e.intensity), 2) AS intensity_mean FROM events e "
        "WHERE e.factuality = 'asserted' AND e.source_country IS NOT NULL "
        "AND e.target_country IS NOT NULL AND e.source_country != e.target_country "
        "GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?",
        (dyads,),
    )
    for d in busiest:
        d["a_name"], d["b_name"] = party_name(d["a"]), party_name(d["b"])
    latest_rows, _ = list_events(conn, EventFilter(), per_page=latest)
    return {
        **counts,
        **events,
        "rejected": rejected,
        "busiest_dyads": busiest,
        "latest_events": latest_rows,
    }


# ---------------------------------------------------------------------------- dyads
def _period(day: date, interval: str) -> tuple[str, date]:
    if interval == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", date.fromisocalendar(year, week, 1)
    return f"{day.year}-{day.month:02d}", day.replace(day=1)


def _next_start(start: date, interval: str) -> date:
    if interval == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def _empty_point(period: str, start: date) -> dict:
    return {
        "period": period,
        "start": start.isoformat(),
        "events": 0,
        "quads": dict.fromkeys(QUADS, 0),
        "cooperation": 0,
        "conflict": 0,
        "types": {},
        "intensity_mean": None,
        "intensity_sum": 0.0,
        "event_ids": [],
    }


def dyad_series(
    conn: sqlite3.Connection,
    a: str,
    b: str,
    *,
    interval: str = "month",
    directed: bool = False,
    date_from: str | None = None,
    date_to: str | None = None,
) -> dict:
    """The asserted events between two actors by month or ISO week, from the first period
    with events to the last (periods between without events are points of zero)."""
    if interval not in INTERVALS:
        raise BadQuery(f"interval must be month or week, not {interval[:20]!r}")
    f = EventFilter(dyad=(a, b), directed=directed, date_from=date_from, date_to=date_to)
    clause, params = where(conn, f)
    code_a, code_b = (_party_or_code(conn, side) for side in (a, b))
    rows = run(
        conn,
        f"SELECT e.event_id, {DAY_SQL} AS day, e.type, e.quad, e.intensity "
        f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{clause} ORDER BY day, e.event_id",
        params,
    )
    points: dict[str, dict] = {}
    for row in rows:
        try:
            day = date.fromisoformat(row["day"])
        except (TypeError, ValueError):
            continue  # an event with no date and a story with none: on no time axis
        period, start = _period(day, interval)
        p = points.setdefault(period, _empty_point(period, start))
        p["events"] += 1
        if row["quad"] in p["quads"]:
            p["quads"][row["quad"]] += 1
        p["types"][row["type"]] = p["types"].get(row["type"], 0) + 1
        p["intensity_sum"] += row["intensity"] or 0.0
        p["event_ids"].append(row["event_id"])
    series = []
    if points:
        ordered = sorted(points.values(), key=lambda p: p["start"])
        start = date.fromisoformat(ordered[0]["start"])
        last = date.fromisoformat(ordered[-1]["start"])
        while start <= last:
            period, _ = _period(start, interval)
            series.append(points.get(period) or _empty_point(period, start))
            start = _next_start(start, interval)
    for p in series:
        p["cooperation"] = sum(p["quads"][q] for q in COOPERATION)
        p["conflict"] = sum(p["quads"][q] for q in CONFLICT)
        p["intensity_sum"] = round(p["intensity_sum"], 2)
        if p["events"]:
            p["intensity_mean"] = round(p["intensity_sum"] / p["events"], 2)
    return {
        "a": code_a,
        "b": code_b,
        "a_name": party_name(code_a),
        "b_name": party_name(code_b),
        "interval": interval,
        "directed": directed,
        "events": sum(p["events"] for p in series),
        "points": series,
    }


def dyad_choices(conn: sqlite3.Connection, limit: int = 500) -> list[dict]:
    """The codes named in asserted events, busiest first, with their names."""
    rows = run(
        conn,
        "SELECT code, COUNT(*) AS events FROM ("
        "SELECT source_country AS code FROM events WHERE factuality = 'asserted' "
        "AND source_country IS NOT NULL UNION ALL "
        "SELECT target_country FROM events WHERE factuality = 'asserted' "
        "AND target_country IS NOT NULL) GROUP BY code ORDER BY events DESC, code LIMIT ?",
        (limit,),
    )
    for r in rows:
        r["name"] = party_name(r["code"])
    return [{"code": r["code"], "name": r["name"], "events": r["events"]} for r in rows]


# ---------------------------------------------------------------------------- actors
def top_actors(conn: sqlite3.Connection, limit: int = 50) -> list[dict]:
    """The actors (name, country, sector) of the most asserted events, either side."""
    return run(
        conn,
        "SELECT name, country, sector, COUNT(*) AS events, COUNT(DISTINCT doc_id) AS stories, "
        "SUM(quad IN ('verbal_cooperation', 'material_cooperation')) AS cooperation, "
        "SUM(quad IN ('verbal_conflict', 'material_conflict')) AS conflict FROM ("
        "SELECT source_name AS name, source_country AS country, source_sector AS sector, "
        "doc_id, quad FROM events WHERE factuality = 'asserted' AND source_name IS NOT NULL "
        "UNION ALL SELECT target_name, target_country, target_sector, doc_id, quad "
        "FROM events WHERE factuality = 'asserted' AND target_name IS NOT NULL) "
        "GROUP BY name, country, sector ORDER BY events DESC, name LIMIT ?",
        (limit,),
    )


def actor_network(conn: sqlite3.Connection, limit: int = 100) -> dict:
    """Who acts on whom, by country or organisation code: the `limit` busiest directed
    edges (an actor's acts at home are left out), signed +1 where cooperation outnumbers
    conflict or equals it and -1 otherwise, weighted by events relative to the busiest."""
    edges = run(
        conn,
        "SELECT e.source_country AS source, e.target_country AS target, COUNT(*) AS events, "
        f"{_COOP} AS cooperation, {_CONF} AS conflict, "
        "ROUND(AVG(e.intensity), 2) AS intensity_mean FROM events e "
        "WHERE e.factuality = 'asserted' AND e.source_country IS NOT NULL "
        "AND e.target_country IS NOT NULL AND e.source_country != e.target_country "
        "GROUP BY e.source_country, e.target_country ORDER BY events DESC, source, target "
        "LIMIT ?",
        (limit,),
    )
    busiest = max((e["events"] for e in edges), default=1)
    degree: Counter[str] = Counter()
    for e in edges:
        e["sign"] = 1 if e["cooperation"] >= e["conflict"] else -1
        e["weight"] = round(e["events"] / busiest, 4)
        degree[e["source"]] += e["events"]
        degree[e["target"]] += e["events"]
    nodes = [
        {"id": code, "name": party_name(code), "country": code, "events": n}
        for code, n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {"nodes": nodes, "edges": edges}


# ---------------------------------------------------------------------------- places
def places(conn: sqlite3.Connection, f: EventFilter, limit: int = 2000) -> list[dict]:
    """Where the events matching `f` happened: one row per place with coordinates."""
    clause, params = where(conn, f)
    joiner = " AND " if clause else " WHERE "
    return run(
        conn,
        "SELECT e.location_name AS name, e.location_country AS country, e.lat, e.lon, "
        f"COUNT(*) AS events, {_COOP} AS cooperation, {_CONF} AS conflict "
        f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{clause}{joiner}"
        "e.lat IS NOT NULL AND e.lon IS NOT NULL "
        "GROUP BY e.location_name, e.location_country, e.lat, e.lon "
        "ORDER BY events DESC, name LIMIT ?",
        [*params, limit],
    )
