"""The reference events told in other words, order and titles: our own fixture, so the
coder is held to the events and not to the reference's sentences."""

from __future__ import annotations

from conftest import FIXTURES
from eventmill.evaluation import gold_documents, load_gold, score


def test_rewording_codes_the_same_events(coder):
    gold = load_gold(FIXTURES / "rewording" / "rewording.gold.json")
    # coded as a scraped page would be: no publication date, the year from the text
    docs = gold_documents(gold, use_published=False)
    predictions = {c.document.doc_id: c.events for c in coder.code(docs)}
    report = score(gold, predictions)
    assert report.fn == 0, [e for e in report.errors if e["kind"] == "missed"]
    assert report.precision >= 0.75, [e for e in report.errors if e["kind"] == "spurious"]
    assert report.from_not_events == 0
    assert report.date_right == report.date_total and report.place_right == report.place_total
    events = predictions[gold[0]["doc_id"]]
    sochi = [e for e in events if e.type == "CONSULT" and e.source.country == "AZE"]
    assert sochi and sochi[0].date == "2018-09-01" and sochi[0].location.name == "Sochi"
    assert all(e.date_inferred for e in predictions[gold[0]["doc_id"]] if e.date)
