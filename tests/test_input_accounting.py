"""Every input accounted for: a mixed batch (good, empty, binary, broken JSON, mis-encoded,
too deep, duplicated, near-copied, cut short) goes into exactly one bucket each, the
buckets add up to the inputs read, and every rejection is in the store's
`rejected_inputs` with its file, record and reason."""

from __future__ import annotations

import gzip
import json
import sqlite3

from eventmill import errors
from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.store import Store
from ingest_helpers import demo_articles, near_copy


def _batch(root):
    a, b, c = demo_articles()[:3]
    (root / "good.txt").write_text(a["text"], encoding="utf-8")
    (root / "empty.txt").write_bytes(b"  \n")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (root / "deep.html").write_text("<html><body>" + "<div>" * 5000 + "x", encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    wire = [
        json.dumps({**b, "id": "b"}).encode(),  # 1 coded
        b'{"id": "broken", "text": "cut',  # 2 E106
        b'{"id": "latin", "text": "caf\xe9"}',  # 3 E104
        json.dumps({"id": "notext", "title": "x"}).encode(),  # 4 E107
        json.dumps({"id": "a-again", "text": a["text"]}).encode(),  # 5 exact copy of good.txt
        json.dumps(near_copy(b, 1)).encode(),  # 6 near copy of b
        json.dumps({"id": "b", "text": "Another text under a used id."}).encode(),  # 7 E111
        json.dumps({"id": "calm", "text": "The weather was mild and dry."}).encode(),  # 8 triaged
    ]
    (root / "wire.jsonl").write_bytes(b"\n".join(wire) + b"\n")
    packed = gzip.compress(json.dumps({**c, "id": "c"}).encode() + b"\n" + b'{"id": "d", "te' * 50)
    (root / "cut.jsonl.gz").write_bytes(packed[: len(packed) - 20])  # 1 coded, then E113
    return [str(root), str(root / "missing.txt")]


def _buckets(summary) -> int:
    return (
        summary.coded
        + summary.triaged
        + summary.exact_copies
        + summary.near_copies
        + summary.already
        + sum(summary.rejected.values())
    )


def test_every_input_lands_in_exactly_one_bucket(tmp_path, coder):
    root = tmp_path / "batch"
    root.mkdir()
    inputs = _batch(root)
    db = tmp_path / "store.db"
    with Store(db) as store:
        first = ingest(inputs, store, engine=LocalEngine(coder))
    assert first.read == 16 and first.unaccounted == 0 and _buckets(first) == first.read
    assert (first.coded, first.triaged, first.exact_copies, first.near_copies) == (3, 1, 1, 1)
    assert first.already == 0
    assert first.rejected == {
        errors.E_MISSING: 1,
        errors.E_EMPTY: 1,
        errors.E_BINARY: 1,
        errors.E_ENCODING: 1,
        errors.E_JSON: 1,
        errors.E_FIELD: 1,
        errors.E_TYPE: 1,
        errors.E_DUPLICATE_ID: 1,
        errors.E_ARCHIVE: 1,
        errors.E_NESTING: 1,
    }
    line = first.line()
    assert "16 inputs read: 3 coded, 1 without a trigger word" in line
    assert "2 duplicates kept as reports of stored stories (1 exact, 1 near)" in line
    assert "10 rejected (E101 x1, E102 x1, E103 x1, E104 x1" in line

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT file, record, code, reason FROM rejected_inputs").fetchall()
    conn.close()
    assert sorted(code for _, _, code, _ in rows) == sorted(first.rejected.elements())
    places = {code: (file, record) for file, record, code, _ in rows}
    assert places[errors.E_JSON] == (str(root / "wire.jsonl"), "2")
    assert places[errors.E_ENCODING] == (str(root / "wire.jsonl"), "3")
    assert places[errors.E_DUPLICATE_ID] == (str(root / "wire.jsonl"), "7")
    assert places[errors.E_ARCHIVE] == (str(root / "cut.jsonl.gz"), None)
    assert places[errors.E_EMPTY] == (str(root / "empty.txt"), None)
    assert all(reason and "\n" not in reason for *_, reason in rows)

    # again: whatever was stored is "already stored", the same inputs rejected again
    with Store(db) as store:
        second = ingest(inputs, store, engine=LocalEngine(coder))
    assert second.read == 16 and _buckets(second) == 16
    assert second.already == 6 and second.coded == second.triaged == second.reports == 0
    assert second.rejected == first.rejected
