"""Near-duplicate stories and merged events: a wire story reprinted 30 times with small
edits is coded once and kept with 30 reports; the same event stated by different stories
is one merged event with its evidence and counts of stories, reports and sources."""

from __future__ import annotations

from datetime import date

import pytest

from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.ingest.neardup import THRESHOLD, NearDuplicates, signature, similarity
from eventmill.schema import Document
from eventmill.store import Store
from ingest_helpers import demo_articles, near_copy, write_jsonl


def test_thirty_near_copies_are_one_coded_story_with_thirty_reports(tmp_path, coder):
    article = next(a for a in demo_articles() if a["id"] == "az-ru-aktau-2024")
    copies = [near_copy(article, k) for k in range(30)]
    # the copies differ from one another, and none is the original text
    assert len({c["text"] for c in copies}) == 30
    corpus = write_jsonl(tmp_path / "wire.jsonl", copies)
    alone = [
        e
        for e in coder.code_one(Document(copies[0]["id"], copies[0]["text"])).events
        if e.factuality == "asserted"
    ]
    with Store(tmp_path / "s.db") as store:
        summary = ingest([str(corpus)], store, engine=LocalEngine(coder))
        assert (summary.coded, summary.reports) == (1, 29)
        stories = store.conn.execute(
            "SELECT doc_id FROM documents WHERE status = 'coded'"
        ).fetchall()
        assert stories == [(copies[0]["id"],)]
        reports = store.conn.execute(
            "SELECT COUNT(*), MIN(similarity) FROM reports WHERE story_id = ?", (stories[0][0],)
        ).fetchone()
        assert reports[0] == 30 and reports[1] >= THRESHOLD
        merged = store.merged_events()
        assert len(alone) >= 3
        assert len(merged) == len(alone)  # one merged event per real event
        for m in merged:
            assert (m["stories"], m["reports"], m["sources"]) == (1, 30, 30)
            assert m["evidence"][0]["doc_id"] == copies[0]["id"]


def test_near_copies_survive_a_restart_of_the_index(tmp_path, coder):
    """The LSH index is the store's: a new run finds stories stored by an earlier one."""
    article = demo_articles()[3]
    first = write_jsonl(tmp_path / "one.jsonl", [article])
    later = write_jsonl(tmp_path / "two.jsonl", [near_copy(article, 1)])
    with Store(tmp_path / "s.db") as store:
        ingest([str(first)], store, engine=LocalEngine(coder))
    with Store(tmp_path / "s.db") as store:
        summary = ingest([str(later)], store, engine=LocalEngine(coder))
        assert (summary.coded, summary.reports) == (0, 1)


def test_distinct_stories_are_not_near_copies():
    texts = [a["text"] for a in demo_articles()]
    sigs = [signature(t) for t in texts]
    worst = max(similarity(a, b) for i, a in enumerate(sigs) for b in sigs[i + 1 :])
    assert worst < THRESHOLD / 2


def test_short_texts_are_matched_only_when_identical(tmp_path):
    assert signature("Police arrested five people in Delhi on Monday.") is None
    with Store(tmp_path / "s.db") as store, pytest.raises(ValueError):
        NearDuplicates(store, threshold=0)


STORIES = {
    # two differently worded stories of one signing, a day apart, from two outlets
    "tass": (
        "Russia and Azerbaijan signed a military cooperation agreement in Sochi on "
        "September 1, 2018, officials said. The deal runs until 2024.",
        date(2018, 9, 2),
        "TASS",
    ),
    "trend": (
        "On September 1, 2018, Azerbaijan and Russia signed an accord in Sochi. Analysts in "
        "Baku welcomed the move and said more arms deals may follow next year.",
        date(2018, 9, 2),
        "Trend",
    ),
    # the same dyad and type six weeks later: another event
    "later": (
        "Russia and Azerbaijan signed an agreement on energy in Moscow on October 15, 2018.",
        date(2018, 10, 16),
        "TASS",
    ),
}


def test_the_same_event_in_different_stories_is_one_merged_event(tmp_path, coder):
    records = [
        {"id": k, "text": t, "published": d.isoformat(), "source": s}
        for k, (t, d, s) in STORIES.items()
    ]
    corpus = write_jsonl(tmp_path / "stories.jsonl", records)
    with Store(tmp_path / "s.db") as store:
        summary = ingest([str(corpus)], store, engine=LocalEngine(coder))
        assert summary.coded == 3 and summary.reports == 0
        agree = [m for m in store.merged_events() if m["type"] == "AGREE"]
        by_stories = sorted((m["stories"], m["sources"], m["reports"]) for m in agree)
        assert by_stories == [(1, 1, 1), (2, 2, 2)]
        both = next(m for m in agree if m["stories"] == 2)
        assert {e["doc_id"] for e in both["evidence"]} == {"tass", "trend"}
        assert both["first_date"] == both["last_date"] == "2018-09-01"
        # the unmerged view still has one event per statement
        per_story = store.conn.execute(
            "SELECT COUNT(*) FROM events WHERE type = 'AGREE'"
        ).fetchone()[0]
        assert per_story == 3
