"""Tests of evaluation.py: gold files, one-to-one matching and the scores
(../shared/reference/GOLD_FORMAT.md)."""

from __future__ import annotations

import json
import random

import pytest

from eventmill import evaluation
from eventmill.errors import GoldFormatError
from eventmill.evaluation import (
    date_right,
    event_matches,
    gold_documents,
    load_gold,
    match_document,
    place_right,
    score,
)
from eventmill.ontology import TYPES
from eventmill.schema import Actor, Event, Evidence, Place

SENTENCE = "Armenia and Azerbaijan agreed on Friday to open a hotline between their armies."


def actor(country: str | None) -> Actor | None:
    if country is None:
        return None
    return Actor(name=f"Government of {country}", country=country, sector="GOV", mention=country)


def event(
    type_: str,
    source: str | None,
    target: str | None,
    *,
    doc_id: str = "d1",
    date: str | None = None,
    place: str | None = None,
    factuality: str = "asserted",
    text: str = SENTENCE,
    start: int = 0,
    trigger: str = "agreed",
    trigger_start: int | None = None,
) -> Event:
    kind = TYPES[type_]
    return Event(
        doc_id=doc_id,
        type=type_,
        mode=None,
        contexts=[],
        quad=kind.quad,
        intensity=kind.intensity,
        cameo=kind.cameo,
        source=actor(source),
        target=actor(target),
        date=date,
        date_precision=None if date is None else {4: "year", 7: "month"}.get(len(date), "day"),
        date_inferred=False,
        location=None if place is None else Place(name=f"A town in {place}", country=place),
        quantity=None,
        factuality=factuality,
        confidence=0.8,
        evidence=Evidence(
            text=text,
            start=start,
            end=start + len(text),
            trigger=trigger,
            trigger_start=trigger_start,
        ),
    )


def gold_event(type_: str, source: str | None, target: str | None, **extra) -> dict:
    return {
        "type": type_,
        "source": None if source is None else {"name": source, "country": source},
        "target": None if target is None else {"name": target, "country": target},
        "date": extra.pop("date", None),
        "location": extra.pop("location", None),
        "evidence": SENTENCE,
        "optional": extra.pop("optional", False),
        **extra,
    }


def gold_doc(events: list[dict], doc_id: str = "d1", **extra) -> dict:
    return {"doc_id": doc_id, "text": SENTENCE, "events": events, **extra}


def run(gold_events: list[dict], preds: list[Event], **doc_extra):
    return score([gold_doc(gold_events, **doc_extra)], {"d1": preds})


def counts(report) -> tuple[int, int, int]:
    return report.tp, report.fp, report.fn


# ---------------------------------------------------------------------------- matching
def test_exact_match():
    report = run([gold_event("AGREE", "ARM", "AZE")], [event("AGREE", "ARM", "AZE")])
    assert counts(report) == (1, 0, 0)
    assert report.precision == report.recall == report.f1 == 1.0
    assert report.per_type["AGREE"].tp == 1


def test_wrong_type_or_pair_does_not_match():
    report = run(
        [gold_event("AGREE", "ARM", "AZE")],
        [event("CONSULT", "ARM", "AZE"), event("AGREE", "ARM", "TUR")],
    )
    assert counts(report) == (0, 2, 1)
    assert report.f1 == 0.0


def test_reversed_pair_matches_symmetric_types():
    for type_ in ("AGREE", "CONSULT", "COOPERATE"):
        report = run([gold_event(type_, "ARM", "AZE")], [event(type_, "AZE", "ARM")])
        assert counts(report) == (1, 0, 0), type_


def test_reversed_pair_does_not_match_accuse():
    report = run([gold_event("ACCUSE", "ARM", "AZE")], [event("ACCUSE", "AZE", "ARM")])
    assert counts(report) == (0, 1, 1)


def test_reversed_pair_matches_accuse_when_gold_is_symmetric():
    gold = gold_event("ACCUSE", "ARM", "AZE", symmetric=True)
    report = run([gold], [event("ACCUSE", "AZE", "ARM")])
    assert counts(report) == (1, 0, 0)


def test_missing_actor_is_a_dash():
    assert event_matches(event("PROTEST", "ARM", None), gold_event("PROTEST", "ARM", None))
    assert not event_matches(event("PROTEST", "ARM", None), gold_event("PROTEST", "ARM", "AZE"))
    # an actor without a country is as good as none
    pred = event("PROTEST", "ARM", None)
    pred.target = Actor(name="crowd", country=None, sector="CVL", mention="crowd")
    assert event_matches(pred, gold_event("PROTEST", "ARM", None))


def test_alt_types_match():
    gold = gold_event("AGREE", "RUS", "IND", alt_types=["COOPERATE"])
    assert counts(run([gold], [event("COOPERATE", "RUS", "IND")])) == (1, 0, 0)
    assert counts(run([gold], [event("AID", "RUS", "IND")])) == (0, 1, 1)


def test_optional_gold_is_neither_tp_nor_fp():
    gold = [gold_event("AGREE", "ARM", "AZE"), gold_event("CONSULT", "ARM", "AZE", optional=True)]
    report = run(gold, [event("AGREE", "ARM", "AZE"), event("CONSULT", "ARM", "AZE")])
    assert counts(report) == (1, 0, 0)
    assert report.optional_matched == 1
    assert report.per_type["CONSULT"].gold == 0


def test_unmatched_optional_gold_is_not_a_false_negative():
    gold = [gold_event("CONSULT", "ARM", "AZE", optional=True)]
    assert counts(run(gold, [])) == (0, 0, 0)


def test_required_gold_is_matched_before_optional():
    # one prediction fits both: it must go to the required event
    gold = [
        gold_event("AGREE", "ARM", "AZE", optional=True),
        gold_event("AGREE", "ARM", "AZE"),
    ]
    report = run(gold, [event("AGREE", "ARM", "AZE")])
    assert counts(report) == (1, 0, 0)
    assert report.optional_matched == 0


def test_an_event_coded_twice_costs_one_false_positive():
    report = run(
        [gold_event("AGREE", "ARM", "AZE")],
        [event("AGREE", "ARM", "AZE"), event("AGREE", "AZE", "ARM", start=200)],
    )
    assert counts(report) == (1, 1, 0)
    assert report.precision == 0.5
    assert [e["kind"] for e in report.errors] == ["spurious"]


def test_non_asserted_predictions_are_dropped():
    preds = [
        event("AGREE", "ARM", "AZE", factuality=f) for f in ("negated", "hypothetical", "future")
    ]
    report = run([gold_event("AGREE", "ARM", "AZE")], preds)
    assert counts(report) == (0, 0, 1)
    assert report.per_type["AGREE"].predicted == 0
    assert [e["kind"] for e in report.errors] == ["missed"]


def test_predictions_of_other_documents_do_not_count():
    gold = [gold_doc([gold_event("AGREE", "ARM", "AZE")], doc_id="d1")]
    report = score(gold, {"d2": [event("AGREE", "ARM", "AZE", doc_id="d2")]})
    assert counts(report) == (0, 0, 1)
    assert report.documents == 1


# ---------------------------------------------------------------------------- date and place
@pytest.mark.parametrize(
    ("gold_date", "pred_date", "right"),
    [
        ("2018-09-28", "2018-09-28", True),
        ("2018-09", "2018-09-28", True),  # prefix at the gold's precision
        ("2018", "2018-09-28", True),
        ("2018-09-28", "2018-09", False),  # less precise than the gold
        ("2018-09-28", "2018-09-27", False),
        ("2018-09", "2018-10-01", False),
        ("2018-09-28", None, False),
        (None, None, True),
        (None, "2018-09-28", False),
    ],
)
def test_date_right(gold_date, pred_date, right):
    pred = event("AGREE", "ARM", "AZE", date=pred_date)
    assert date_right(pred, gold_event("AGREE", "ARM", "AZE", date=gold_date)) is right


def test_place_right_by_country():
    gold = gold_event("AGREE", "ARM", "AZE", location={"name": "Dushanbe", "country": "TJK"})
    assert place_right(event("AGREE", "ARM", "AZE", place="TJK"), gold)
    assert not place_right(event("AGREE", "ARM", "AZE", place="UZB"), gold)
    assert not place_right(event("AGREE", "ARM", "AZE"), gold)
    no_place = gold_event("AGREE", "ARM", "AZE")
    assert place_right(event("AGREE", "ARM", "AZE"), no_place)


def test_date_and_place_accuracy_on_matched_events():
    gold = [
        gold_event("AGREE", "ARM", "AZE", date="2018-09", location={"country": "TJK"}),
        gold_event("ACCUSE", "ARM", "AZE", date="2018-09-27"),
        gold_event("ASSAULT", "AZE", "ARM"),  # no date, no place: not scored for either
        gold_event("THREATEN", "AZE", "ARM", date="2018"),  # missed: not scored
    ]
    preds = [
        event("AGREE", "ARM", "AZE", date="2018-09-28", place="TJK"),
        event("ACCUSE", "ARM", "AZE", date="2018-09-28"),
        event("ASSAULT", "AZE", "ARM", date="2018-09-28"),
    ]
    d = run(gold, preds).to_dict()
    assert (d["tp"], d["fp"], d["fn"]) == (3, 0, 1)
    assert (d["date_accuracy"], d["date_scored"]) == (0.5, 2)
    assert (d["place_accuracy"], d["place_scored"]) == (1.0, 1)


def test_matching_prefers_pairs_that_agree_on_date_and_place():
    gold = [
        gold_event("CONSULT", "RUS", "TUR", date="2020-03-05", location={"country": "RUS"}),
        gold_event("CONSULT", "RUS", "TUR", date="2020-01-08", location={"country": "TUR"}),
    ]
    preds = [
        event("CONSULT", "TUR", "RUS", date="2020-01-08", place="TUR"),
        event("CONSULT", "RUS", "TUR", date="2020-03-05", place="RUS"),
    ]
    for g, p in ((gold, preds), (gold[::-1], preds), (gold, preds[::-1])):
        d = run(g, p).to_dict()
        assert (d["tp"], d["date_accuracy"], d["place_accuracy"]) == (2, 1.0, 1.0)


# ---------------------------------------------------------------------------- not_events
CLAUSE_SENTENCE = (
    "Baku accused Yerevan of shelling, but Armenian troops did not attack any village."
)
CLAUSE = "Armenian troops did not attack any village"


def not_event_doc_score(pred: Event, not_event: dict) -> int:
    doc = gold_doc([], not_events=[not_event])
    return score([doc], {"d1": [pred]}).from_not_events


def test_not_events_whole_sentence():
    pred = event("AGREE", "ARM", "AZE", text=SENTENCE, trigger_start=23)
    assert not_event_doc_score(pred, {"evidence": SENTENCE, "why": "noise"}) == 1
    assert not_event_doc_score(pred, {"evidence": "Another sentence entirely."}) == 0


def test_not_events_types_limit_what_counts():
    pred = event("AGREE", "ARM", "AZE", text=SENTENCE)
    assert not_event_doc_score(pred, {"evidence": SENTENCE, "types": ["AGREE"]}) == 1
    assert not_event_doc_score(pred, {"evidence": SENTENCE, "types": ["ASSAULT"]}) == 0


def test_not_events_clause_counts_only_when_the_trigger_is_inside():
    start = 1000  # the sentence's offset in the document
    in_clause = start + CLAUSE_SENTENCE.index("attack")
    outside = start + CLAUSE_SENTENCE.index("accused")
    not_event = {"evidence": CLAUSE, "why": "negated"}

    def pred(type_: str, trigger_start: int | None) -> Event:
        return event(
            type_,
            "ARM",
            "AZE",
            text=CLAUSE_SENTENCE,
            start=start,
            trigger="attack",
            trigger_start=trigger_start,
        )

    assert not_event_doc_score(pred("ASSAULT", in_clause), not_event) == 1
    assert not_event_doc_score(pred("ACCUSE", outside), not_event) == 0
    # no trigger offset: the whole sentence is taken as the clause's
    assert not_event_doc_score(pred("ASSAULT", None), not_event) == 1


def test_not_events_clause_boundaries():
    start = 40
    clause_start = start + CLAUSE_SENTENCE.index(CLAUSE)
    clause_end = clause_start + len(CLAUSE)
    not_event = {"evidence": CLAUSE}
    for trigger_start, inside in [
        (clause_start, True),
        (clause_end - 1, True),
        (clause_start - 1, False),
        (clause_end, False),
    ]:
        pred = event(
            "ASSAULT", "ARM", "AZE", text=CLAUSE_SENTENCE, start=start, trigger_start=trigger_start
        )
        assert not_event_doc_score(pred, not_event) == int(inside), trigger_start


def test_not_event_predictions_still_count_as_false_positives():
    pred = event("AGREE", "ARM", "AZE", text=SENTENCE)
    report = score([gold_doc([], not_events=[{"evidence": SENTENCE}])], {"d1": [pred]})
    assert counts(report) == (0, 1, 0)
    assert report.from_not_events == 1


# ---------------------------------------------------------------------------- order, Hungarian
def test_matching_does_not_depend_on_prediction_order():
    gold = [
        gold_event("AGREE", "ARM", "AZE", date="2018-09-28"),
        gold_event("ACCUSE", "ARM", "AZE", alt_types=["REJECT"]),
        gold_event("REJECT", "ARM", "AZE"),
        gold_event("CONSULT", "RUS", "ARM", optional=True),
        gold_event("ASSAULT", "AZE", "ARM", date="2018-09"),
        gold_event("ASSAULT", "AZE", "ARM", date="2018-10"),
    ]
    preds = [
        event("REJECT", "ARM", "AZE"),
        event("ACCUSE", "ARM", "AZE"),
        event("AGREE", "AZE", "ARM", date="2018-09-28"),
        event("AGREE", "ARM", "AZE", date="2018-09-28", start=90),
        event("CONSULT", "ARM", "RUS"),
        event("ASSAULT", "AZE", "ARM", date="2018-10-02"),
        event("ASSAULT", "AZE", "ARM", date="2018-09-20", start=90),
        event("ASSAULT", "ARM", "AZE"),
    ]
    expected = run(gold, preds).to_dict()
    assert (expected["tp"], expected["fp"], expected["fn"]) == (5, 2, 0)
    assert expected["date_accuracy"] == 1.0
    rng = random.Random(7)
    for _ in range(25):
        shuffled = preds[:]
        rng.shuffle(shuffled)
        gold_shuffled = gold[:]
        rng.shuffle(gold_shuffled)
        assert run(gold_shuffled, shuffled).to_dict() == expected


def test_hungarian_beats_greedy():
    # the REJECT prediction fits both gold events, the ACCUSE one only the first: a greedy
    # matcher that gives the first prediction its first fit finds one pair, not two
    gold = [
        gold_event("ACCUSE", "ARM", "AZE", alt_types=["REJECT"]),
        gold_event("REJECT", "ARM", "AZE"),
    ]
    preds = [event("REJECT", "ARM", "AZE"), event("ACCUSE", "ARM", "AZE")]
    req_pairs, _ = match_document(preds, gold)
    assert sorted(req_pairs) == [(0, 1), (1, 0)]
    for p in (preds, preds[::-1]):
        for g in (gold, gold[::-1]):
            assert counts(run(g, p)) == (2, 0, 0)


def test_more_pairs_beat_better_dates(monkeypatch):
    """A chain of 61 predictions and gold events: prediction i fits gold i (wrong date and
    place) and gold i+1 (right date and place). The maximum matching pairs all 61; taking the
    60 better pairs instead must not win on the date and place bonuses."""
    n = 61
    preds = [event("AGREE", "ARM", "AZE", start=i) for i in range(n)]
    gold = [dict(gold_event("AGREE", "ARM", "AZE"), index=i) for i in range(n)]

    def fits(pred: Event, g: dict) -> bool:
        return g["index"] in (pred.evidence.start, pred.evidence.start + 1)

    def bonus(pred: Event, g: dict) -> bool:
        return g["index"] == pred.evidence.start + 1

    monkeypatch.setattr(evaluation, "event_matches", fits)
    monkeypatch.setattr(evaluation, "date_right", bonus)
    monkeypatch.setattr(evaluation, "place_right", bonus)
    req_pairs, _ = match_document(preds, gold)
    assert len(req_pairs) == n


def test_empty_inputs():
    assert match_document([], []) == ([], [])
    assert match_document([event("AGREE", "ARM", "AZE")], []) == ([], [])
    report = score([], {})
    assert report.to_dict()["f1"] == 0.0
    assert report.to_dict()["date_accuracy"] is None


# ---------------------------------------------------------------------------- gold files
GOOD_DOC = {
    "doc_id": "g1",
    "published": "2018-10-01",
    "text": SENTENCE,
    "events": [
        {
            "type": "AGREE",
            "source": {"name": "Armenia", "country": "ARM", "sector": "GOV"},
            "target": {"name": "Azerbaijan", "country": "AZE", "sector": "GOV"},
            "date": "2018-09-28",
            "location": None,
            "evidence": SENTENCE,
            "optional": False,
        }
    ],
    "not_events": [],
}


def test_load_gold_json_object_list_and_jsonl(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps(GOOD_DOC), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([GOOD_DOC, dict(GOOD_DOC, doc_id="g2")]), encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        json.dumps(GOOD_DOC) + "\n\n" + json.dumps(dict(GOOD_DOC, doc_id="g2")) + "\n",
        encoding="utf-8",
    )
    assert [d["doc_id"] for d in load_gold(one)] == ["g1"]
    assert [d["doc_id"] for d in load_gold(many)] == ["g1", "g2"]
    assert [d["doc_id"] for d in load_gold(lines)] == ["g1", "g2"]


def test_gold_documents():
    docs = gold_documents([GOOD_DOC, dict(GOOD_DOC, doc_id=None, published=None)])
    assert docs[0].doc_id == "g1"
    assert docs[0].published.isoformat() == "2018-10-01"
    assert docs[0].published_from == "record"
    assert docs[1].doc_id == "doc-2"
    assert docs[1].published is None
    assert gold_documents([GOOD_DOC], use_published=False)[0].published is None


def _bad(**changes) -> str:
    return json.dumps(dict(GOOD_DOC, **changes))


def _bad_event(**changes) -> str:
    return json.dumps(dict(GOOD_DOC, events=[dict(GOOD_DOC["events"][0], **changes)]))


@pytest.mark.parametrize(
    ("name", "content", "code", "says"),
    [
        ("broken.json", '{"doc_id": "g1", "text": ', "E602", "not JSON"),
        ("broken.jsonl", json.dumps(GOOD_DOC) + "\n{oops\n", "E602", "broken.jsonl:2"),
        ("no-text.json", json.dumps({"doc_id": "g1", "events": []}), "E603", "text"),
        ("no-events.json", json.dumps({"doc_id": "g1", "text": "x"}), "E603", "events"),
        ("scalar.json", "42", "E603", "document 1"),
        ("list-of-str.json", '["a", "b"]', "E603", "document 1"),
        ("events-null.json", _bad(events=None), "E603", "events"),
        ("events-str.json", _bad(events="AGREE"), "E603", "events"),
        ("text-null.json", _bad(text=None), "E603", "text"),
        ("not-events-str.json", _bad(not_events="none"), "E603", "not_events"),
        ("event-str.json", _bad(events=["AGREE"]), "E603", "event"),
        ("bad-type.json", _bad_event(type="HUG"), "E604", "HUG"),
        ("no-type.json", _bad_event(type=None), "E604", "unknown type"),
        ("source-str.json", _bad_event(source="ARM"), "E603", "source"),
        ("location-list.json", _bad_event(location=["TJK"]), "E603", "location"),
    ],
)
def test_load_gold_errors(tmp_path, name, content, code, says):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    message = str(info.value)
    assert info.value.code == code
    assert says in message
    assert str(path) in message
    assert "\n" not in message


def test_load_gold_missing_file(tmp_path):
    with pytest.raises(GoldFormatError) as info:
        load_gold(tmp_path / "absent.json")
    assert info.value.code == "E601"


def test_load_gold_directory(tmp_path):
    with pytest.raises(GoldFormatError) as info:
        load_gold(tmp_path)
    assert info.value.code == "E601"


def test_load_gold_not_utf8(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(
        json.dumps(dict(GOOD_DOC, title="Café")).replace("\\u00e9", "é").encode("latin-1")
    )
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    assert info.value.code == "E601"
    assert "UTF-8" in str(info.value)


def test_the_reference_gold_file_loads():
    from pathlib import Path

    reference = Path(__file__).resolve().parents[2] / "shared" / "reference"
    path = reference / "dushanbe-2018.gold.json"
    if not path.exists():
        pytest.skip("../shared/reference not present")
    docs = load_gold(path)
    assert docs and all(isinstance(e, dict) for d in docs for e in d["events"])
