"""Tests of store.py: the SQLite store is in WAL mode, idempotent, and gives events back as
the JSON contract."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from eventmill.ontology import TYPES
from eventmill.schema import Actor, Document, Event, Evidence, Place, Quantity, Rejection
from eventmill.store import SCHEMA_VERSION, Store

SENTENCES = [
    "Peru and Chile signed a border accord in Lima on Monday.",
    "Chile accused Bolivia of blocking the talks.",
    "Bolivian police detained 30 protesters in La Paz.",
]
TEXT = " ".join(SENTENCES)


def sentence(n: int) -> tuple[str, int, int]:
    start = TEXT.index(SENTENCES[n])
    return SENTENCES[n], start, start + len(SENTENCES[n])


def make_event(
    type_: str,
    source: str | None,
    target: str | None,
    n: int = 0,
    doc_id: str = "lima",
    factuality: str = "asserted",
    trigger: str = "signed",
) -> Event:
    kind = TYPES[type_]
    text, start, end = sentence(n)
    return Event(
        doc_id=doc_id,
        type=type_,
        mode=None,
        contexts=["territory"],
        quad=kind.quad,
        intensity=kind.intensity,
        cameo=kind.cameo,
        source=None if source is None else Actor(f"{source} gov", source, "GOV", source),
        target=None if target is None else Actor(f"{target} gov", target, "GOV", target),
        date="2023-03-06",
        date_precision="day",
        date_inferred=False,
        location=Place("Lima", "PER", -12.05, -77.04, 3936456),
        quantity=Quantity(30, "arrested", "30 protesters") if type_ == "COERCE" else None,
        factuality=factuality,
        confidence=0.87654,
        evidence=Evidence(text, start, end, trigger, start + text.find(trigger)),
    )


def make_doc(doc_id: str = "lima", text: str = TEXT) -> Document:
    return Document(
        doc_id=doc_id,
        text=text,
        origin=f"{doc_id}.txt",
        title="Border accord",
        published=date(2023, 3, 8),
        published_from="option",
        url="https://example.org/lima",
        source="Example Wire",
    )


EVENTS = [
    make_event("AGREE", "PER", "CHL", 0),
    make_event("ACCUSE", "CHL", "BOL", 1, trigger="accused"),
    make_event("COERCE", "BOL", None, 2, trigger="detained"),
]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.db") as s:
        yield s


def rows(store: Store, table: str) -> list[tuple]:
    return store.conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()  # noqa: S608


def test_wal_mode_and_schema_version(store, tmp_path):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    version = store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
    assert version.fetchone()[0] == str(SCHEMA_VERSION)
    # another connection sees the database in WAL mode too
    other = sqlite3.connect(tmp_path / "events.db")
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_add_document_twice_changes_nothing(store):
    store.add_document(make_doc(), EVENTS)
    docs_before, events_before = rows(store, "documents"), rows(store, "events")
    store.add_document(make_doc(), EVENTS)
    assert rows(store, "documents") == docs_before
    assert rows(store, "events") == events_before
    assert store.counts() == {"documents": 1, "events": 3, "rejections": 0}


def test_recoding_a_document_replaces_its_events(store):
    store.add_document(make_doc(), EVENTS)
    store.add_document(make_doc("other"), [make_event("AGREE", "ECU", "COL", doc_id="other")])
    store.add_document(make_doc(), EVENTS[:1])
    assert [e["type"] for e in store.events() if e["doc_id"] == "lima"] == ["AGREE"]
    assert [e["doc_id"] for e in store.events()].count("other") == 1
    store.add_document(make_doc(), [])
    assert store.counts()["events"] == 1


def test_events_round_trip_as_the_json_contract(store):
    store.add_document(make_doc(), EVENTS)
    assert store.events() == [e.to_dict() for e in EVENTS]
    first = store.events()[0]
    assert first["confidence"] == 0.877
    assert first["location"]["geonameid"] == 3936456
    assert first["evidence"]["text"] == TEXT[first["evidence"]["start"] : first["evidence"]["end"]]


def test_events_asserted_only_by_default(store):
    future = make_event("AGREE", "PER", "BOL", 2, factuality="future", trigger="detained")
    store.add_document(make_doc(), [*EVENTS, future])
    assert len(store.events()) == 3
    everything = store.events(asserted_only=False)
    assert len(everything) == 4
    assert {e["factuality"] for e in everything} == {"asserted", "future"}


def test_events_are_ordered_by_document_and_offset(store):
    store.add_document(make_doc("b-doc"), [make_event("AGREE", "PER", "CHL", 0, doc_id="b-doc")])
    store.add_document(make_doc(), EVENTS[::-1])
    listed = [(e["doc_id"], e["evidence"]["start"]) for e in store.events()]
    assert listed == sorted(listed)


def test_has_document_tracks_the_text(store):
    assert not store.has_document("lima", TEXT)
    store.add_document(make_doc(), EVENTS)
    assert store.has_document("lima", TEXT)
    assert not store.has_document("lima", TEXT + " Updated.")


def test_busiest_dyads_count_either_direction(store):
    events = [
        make_event("AGREE", "PER", "CHL", 0),
        make_event("ACCUSE", "CHL", "PER", 1, trigger="accused"),
        make_event("AGREE", "CHL", "PER", 2, trigger="detained"),
        make_event("ACCUSE", "CHL", "BOL", 1, trigger="Chile"),
        # not counted: same country, a missing side, not asserted
        make_event("COERCE", "BOL", "BOL", 2, trigger="police"),
        make_event("COERCE", "BOL", None, 2, trigger="protesters"),
        make_event("AGREE", "BOL", "CHL", 0, factuality="negated", trigger="accord"),
    ]
    store.add_document(make_doc(), events)
    dyads = store.busiest_dyads()
    assert [(a, b, n) for a, b, n, _ in dyads] == [("CHL", "PER", 3), ("BOL", "CHL", 1)]
    agree, accuse = TYPES["AGREE"].intensity, TYPES["ACCUSE"].intensity
    assert dyads[0][3] == pytest.approx(round((2 * agree + accuse) / 3, 2))
    assert store.busiest_dyads(limit=1) == dyads[:1]


def test_rejections_recorded_once(store):
    r = Rejection("inputs/empty.txt", "E102", "empty file")
    store.add_rejection(r)
    store.add_rejection(r)
    store.add_rejection(Rejection("inputs/w.jsonl:3", "E106", "line is not valid JSON"))
    assert rows(store, "rejections") == [
        ("inputs/empty.txt", "E102", "empty file"),
        ("inputs/w.jsonl:3", "E106", "line is not valid JSON"),
    ]
    assert store.counts()["rejections"] == 2


def test_store_persists_across_connections(tmp_path):
    path = tmp_path / "kept.db"
    with Store(path) as s:
        s.add_document(make_doc(), EVENTS)
    with Store(path) as s:
        assert s.events() == [e.to_dict() for e in EVENTS]
        assert s.has_document("lima", TEXT)


def test_document_row_keeps_its_metadata(store):
    store.add_document(make_doc(), [])
    row = store.conn.execute(
        "SELECT doc_id, origin, title, published, published_from, url, source, text FROM documents"
    ).fetchone()
    assert row == (
        "lima",
        "lima.txt",
        "Border accord",
        "2023-03-08",
        "option",
        "https://example.org/lima",
        "Example Wire",
        TEXT,
    )


def test_a_failed_write_leaves_nothing_behind(store):
    store.add_document(make_doc(), EVENTS)
    bad = make_event("AGREE", "PER", "CHL", 0)
    bad.evidence = Evidence(None, 0, 0, "x")  # type: ignore[arg-type]  # NOT NULL column
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(make_doc(text=TEXT + " Later."), [bad])
    # the transaction rolled back: the old text and events are still there
    assert store.has_document("lima", TEXT)
    assert store.events() == [e.to_dict() for e in EVENTS]
