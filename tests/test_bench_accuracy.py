"""Tests of bench/accuracy.py's scoring on hand-made gold and events (no model needed), and
one small run of the command on our own fixtures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import accuracy  # noqa: E402
from accuracy import (  # noqa: E402
    argument_on_span,
    main_event,
    score_case2021,
    score_conflibert,
    score_event_set,
    score_india,
)
from eventmill.schema import Actor, Event, Evidence  # noqa: E402


def actor(country: str | None, mention: str = "", name: str = "") -> Actor | None:
    if country is None:
        return None
    return Actor(name=name or country, country=country, sector="GOV", mention=mention or country)


def event(
    type_: str,
    trigger_start: int,
    *,
    source: Actor | None = None,
    target: Actor | None = None,
    doc_id: str = "d1",
    mode: str | None = None,
    factuality: str = "asserted",
    confidence: float = 0.8,
    sentence: tuple[int, int] = (0, 100),
) -> Event:
    return Event(
        doc_id=doc_id,
        type=type_,
        mode=mode,
        contexts=[],
        quad="material_conflict",
        intensity=-9.0,
        cameo="190",
        source=source,
        target=target,
        date=None,
        date_precision=None,
        date_inferred=False,
        location=None,
        quantity=None,
        factuality=factuality,
        confidence=confidence,
        evidence=Evidence("s", sentence[0], sentence[1], "w", trigger_start),
    )


# ---- main event --------------------------------------------------------------------------


def test_main_event_is_the_first_asserted_by_trigger() -> None:
    late = event("ASSAULT", 40)
    early = event("PROTEST", 10)
    hypothetical = event("THREATEN", 2, factuality="hypothetical")
    assert main_event([late, early, hypothetical]) is early
    assert main_event([hypothetical]) is None
    assert main_event([]) is None


def test_main_event_counts_the_earliest_statement_of_a_merged_event() -> None:
    merged = event("AGREE", 80)
    merged.also_stated.append(Evidence("headline", 0, 20, "deal", 5))
    assert main_event([event("CONSULT", 30), merged]) is merged


# ---- event sets --------------------------------------------------------------------------


def _gold(doc_id: str, *events: dict, text: str = "some text") -> dict:
    return {"doc_id": doc_id, "text": text, "events": list(events), "not_events": []}


def _g(type_: str, src: str, tgt: str, **extra) -> dict:
    return {"type": type_, "source": {"country": src}, "target": {"country": tgt}, **extra}


def test_event_set_type_accuracy_only_on_one_event_documents() -> None:
    gold = [
        _gold("a", _g("ASSAULT", "RUS", "UKR")),
        _gold("b", _g("AGREE", "ARM", "AZE", alt_types=["COOPERATE"])),
        _gold("c", _g("PROTEST", "FRA", "FRA")),  # nothing coded: wrong
        _gold("d", _g("ACCUSE", "USA", "CHN"), _g("SANCTION", "USA", "CHN")),  # two events
    ]
    preds = {
        "a": [event("ASSAULT", 5, source=actor("RUS"), target=actor("UKR"), doc_id="a")],
        "b": [event("COOPERATE", 5, doc_id="b"), event("CONSULT", 50, doc_id="b")],
        "d": [event("REJECT", 1, doc_id="d")],
    }
    row = score_event_set("x", gold, preds)
    assert row.type_scored == 3
    assert row.type_accuracy == pytest.approx(2 / 3)
    assert row.extra["type_accuracy_when_coded"] == 1.0
    assert (row.extra["tp"], row.extra["fp"], row.extra["fn"]) == (1, 3, 4)
    assert row.precision == pytest.approx(0.25)
    kinds = [e["kind"] for e in row.errors]
    assert kinds.count("main event type") == 1 and "missed" in kinds and "spurious" in kinds


# ---- case2021 ----------------------------------------------------------------------------


def _snippet(doc_id: str, acled: str) -> dict:
    from gold_case2021 import acled_labels

    return {"doc_id": doc_id, "text": "t", "events": [], "labels": acled_labels(acled)}


def test_case2021_main_event_any_event_and_exclusions() -> None:
    gold = [
        _snippet("1", "AIR_STRIKE"),  # main event ASSAULT: right
        _snippet("2", "PEACE_PROTEST"),  # main event COERCE, a PROTEST later: any only
        _snippet("3", "ARREST"),  # nothing coded: wrong
        _snippet("4", "PROTEST_WITH_INTER"),  # COERCE is an accepted reading
        _snippet("5", "NATURAL_DISASTER"),  # unmapped: excluded
    ]
    preds = {
        "1": [event("ASSAULT", 3, doc_id="1")],
        "2": [event("COERCE", 3, doc_id="2"), event("PROTEST", 30, doc_id="2")],
        "4": [event("COERCE", 3, doc_id="4")],
        "5": [event("ASSAULT", 3, doc_id="5")],
    }
    row = score_case2021(gold, preds)
    assert row.documents == 4
    assert row.type_accuracy == pytest.approx(2 / 4)
    assert row.extra["any_event_type_accuracy"] == pytest.approx(3 / 4)
    assert row.extra["excluded"] == 1
    assert row.extra["excluded_by_label"] == {"NATURAL_DISASTER": 1}
    assert {e["doc_id"] for e in row.errors} == {"2", "3"}
    assert row.extra["wrong_why"] == {
        "main event of another type, the type coded later": 1,
        "nothing coded; nothing of its type coded": 1,
    }
    with_lexicon = score_case2021(gold, preds, lambda text: {"COERCE"})
    assert "nothing coded; a trigger of its type, event dropped" in with_lexicon.extra["wrong_why"]


def test_every_acled_label_maps_onto_plover_or_is_excluded() -> None:
    from gold_case2021 import ACLED_TO_PLOVER, acled_labels
    from gold_convert import MODES, PLOVER_TYPES

    for label, mapped in ACLED_TO_PLOVER.items():
        labels = acled_labels(label)
        if mapped is None:
            assert labels["plover"] is None and labels["accepted"] == []
            continue
        type_, mode, alts = mapped
        assert type_ in PLOVER_TYPES and set(alts) <= set(PLOVER_TYPES)
        assert mode is None or mode in MODES[type_], (label, mode)
    with pytest.raises(ValueError):
        acled_labels("NOT_A_LABEL")


# ---- india -------------------------------------------------------------------------------


def test_india_detection_per_label_by_trigger_position() -> None:
    def sent(i: int, start: int, end: int, **labels: int) -> dict:
        flags = {k: 0 for k in ("KILL", "ARREST", "FORCE", "ANY_ACTION", "FAIL")}
        flags.update(labels)
        return {"sent_id": i, "start": start, "end": end, "text": f"s{i}", "labels": flags}

    gold = [
        {
            "doc_id": "toi-1",
            "text": "x" * 100,
            "events": [],
            "sentences": [
                sent(0, 0, 20, ARREST=1),
                sent(1, 20, 40, KILL=1, FORCE=1),
                sent(2, 40, 60),
                sent(3, 60, 80, ARREST=1),
            ],
        }
    ]
    preds = {
        "toi-1": [
            event("COERCE", 5, mode="arrest", doc_id="toi-1"),  # ARREST tp in s0
            event("ASSAULT", 45, doc_id="toi-1"),  # KILL/FORCE fp in s2
            event("COERCE", 65, mode="seize", doc_id="toi-1"),  # not an arrest: s3 missed
        ]
    }
    rows = {r.set.split()[1]: r for r in score_india(gold, preds)}
    arrest, kill = rows["ARREST"], rows["KILL"]
    assert (arrest.extra["tp"], arrest.extra["fp"], arrest.extra["fn"]) == (1, 0, 1)
    assert (kill.extra["tp"], kill.extra["fp"], kill.extra["fn"]) == (0, 1, 1)
    assert arrest.precision == 1.0 and arrest.recall == 0.5
    assert arrest.documents == 4


# ---- conflibert --------------------------------------------------------------------------

TEXT = "Israeli Prime Minister Ehud Barak met Syria's foreign minister in Washington."


def _spans() -> list[dict]:
    def span(role: str, words: str) -> dict:
        start = TEXT.index(words)
        return {"role": role, "start": start, "end": start + len(words), "text": words}

    return [span("S", "Israeli Prime Minister Ehud Barak"), span("T", "Syria's foreign minister")]


def test_argument_on_span_by_mention_overlap_or_name() -> None:
    source, target = _spans()
    assert argument_on_span(actor("ISR", mention="Barak"), TEXT, source)
    assert argument_on_span(actor("SYR", mention="Syria"), TEXT, target)
    assert not argument_on_span(actor("SYR", mention="Syria"), TEXT, source)
    # mention not in the sentence, but the resolved name inside the span
    assert argument_on_span(actor("ISR", mention="he", name="Ehud Barak"), TEXT, source)
    assert not argument_on_span(None, TEXT, source)
    # every capitalised word of the name, initials aside, must be in the span
    text = "Liberians have written to President George Bush urging him to send troops."
    start = text.index("President George Bush")
    span = {"role": "T", "start": start, "end": start + 21, "text": "President George Bush"}
    assert argument_on_span(actor("USA", mention="him", name="George W. Bush"), text, span)
    assert not argument_on_span(actor("USA", mention="him", name="Laura Bush"), text, span)


def test_conflibert_scores_arguments_of_coded_sentences_only() -> None:
    gold = [
        {"doc_id": "c1", "text": TEXT, "events": [], "spans": _spans()},
        {"doc_id": "c2", "text": TEXT, "events": [], "spans": _spans()},  # nothing coded
    ]
    swapped = event(
        "CONSULT",
        30,
        source=actor("SYR", mention="Syria"),
        target=actor("ISR", mention="Barak"),
        doc_id="c1",
    )
    row = score_conflibert(gold, {"c1": [swapped]})
    x = row.extra
    assert x["sentences_with_an_event"] == 1
    assert (x["arguments_offered"], x["arguments_right"]) == (2, 0)
    assert (x["gold_spans"], x["gold_spans_found"]) == (2, 0)
    assert x["main_source_on_gold_target"] == 1
    right = event(
        "CONSULT",
        30,
        source=actor("ISR", mention="Barak"),
        target=actor("SYR", mention="Syria"),
        doc_id="c1",
    )
    row = score_conflibert(gold, {"c1": [right]})
    assert row.precision == 1.0 and row.recall == 1.0
    assert row.extra["main_source_accuracy"] == 1.0


# ---- the command -------------------------------------------------------------------------


def test_unknown_set_is_refused(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        accuracy.main(["--sets", "nope"])
    assert "unknown set" in capsys.readouterr().err


def test_command_on_our_fixtures(coder, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("eventmill.coding.coder.Coder", lambda: coder)  # load once per run
    assert accuracy.main(["--sets", "rewording,demo", "--json", "--errors", str(tmp_path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "commit" in out["stamp"]
    rows = {r["set"]: r for r in out["rows"]}
    assert set(rows) == {"rewording", "demo"}
    assert rows["demo"]["documents"] == 14 and rows["demo"]["f1"] > 0.3
    assert (tmp_path / "demo.jsonl").exists()
    table = accuracy.render(accuracy.run_set(coder, "rewording"), "stamp", "cmd")
    assert table.splitlines()[3].split()[0] == "set"


def test_bars_of_the_issue() -> None:
    rows = [
        accuracy.Row(set="plover-gsr", documents=322, f1=0.71, type_accuracy=0.5, type_scored=9),
        accuracy.Row(
            set="heldout",
            documents=12,
            f1=0.8,
            from_not_events=3,
            predicted=20,
            extra={"from_not_events_by_kind": {"negated": 1, "hypothetical": 1, "noise": 1}},
        ),
        accuracy.Row(set="case2021", documents=0, extra={"error": "missing"}),
    ]
    got = {(b["set"], b["what"]): b["met"] for b in accuracy.bars(rows)}
    assert got == {
        ("plover-gsr", "event F1"): True,
        ("plover-gsr", "type accuracy, one-event sentences"): False,
        ("heldout", "event F1"): True,
        # 2 of 20 from negated or hypothetical sentences is 1 in 10; noise does not count
        ("heldout", "share of events from negated or hypothetical sentences"): False,
    }


def test_evaluation_md_states_the_acled_table_of_the_code() -> None:
    """docs/EVALUATION.md's ACLED -> PLOVER table says what gold_case2021 does."""
    from gold_case2021 import ACLED_TO_PLOVER

    text = (REPO / "docs" / "EVALUATION.md").read_text("utf-8")
    table = text[text.index("| ACLED sub-event type (task label)") :].split("\n\n")[0]
    documented = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        label = cells[0].split("(")[-1].split(",")[0].rstrip(")")
        documented[label] = None if cells[1].startswith("none") else (cells[1], cells[2] or None)
    assert documented == {k: (v[0], v[1]) if v else None for k, v in ACLED_TO_PLOVER.items()}


def test_why_a_gold_event_was_missed() -> None:
    gold = {"type": "AGREE", "alt_types": ["COOPERATE"], "evidence": "Ann and Bo agreed."}

    def at(type_: str, sentence: str, factuality: str = "asserted") -> Event:
        e = event(type_, 3, factuality=factuality)
        e.evidence.text = sentence
        return e

    why = accuracy.why_missed
    assert why(gold, []) == "nothing coded from its sentence"
    assert why(gold, [at("AGREE", "Another sentence.")]) == "nothing coded from its sentence"
    assert why(gold, [at("COOPERATE", "Ann and Bo agreed.")]) == "right type, other actors"
    assert why(gold, [at("AGREE", "Ann and Bo agreed.", "future")]) == "right type, not asserted"
    assert why(gold, [at("ACCUSE", "Ann and Bo agreed.")]) == "other type"
    # with the lexicon's triggers: found but dropped, or none of the type
    assert why(gold, [], lambda s: {"AGREE"}).endswith("event dropped")
    assert why(gold, [], lambda s: {"ACCUSE"}) == "nothing coded: no trigger of its type"


def test_lexicon_trigger_types(coder) -> None:
    types = accuracy.lexicon_trigger_types(coder)
    assert "ASSAULT" in types("Rebels attacked the town on Monday.")
    assert types("The weather was fine.") == set()


def test_events_from_not_events_by_kind() -> None:
    text = "Ann did not meet Bo. Click here to subscribe."
    gold = [
        {
            "doc_id": "d1",
            "text": text,
            "events": [],
            "not_events": [
                {"evidence": "Ann did not meet Bo.", "why": "negated: a denial"},
                {"evidence": "Click here to subscribe.", "why": "noise"},
            ],
        }
    ]

    def at(sentence: str, factuality: str = "asserted") -> Event:
        start = text.index(sentence)
        e = event("CONSULT", start + 1, factuality=factuality, sentence=(start, start + 20))
        e.evidence.text = sentence
        return e

    preds = {
        "d1": [
            at("Ann did not meet Bo."),
            at("Ann did not meet Bo.", "negated"),  # not asserted: not counted
            at("Click here to subscribe."),
        ]
    }
    assert accuracy.from_not_events_by_kind(gold, preds) == {"negated": 1, "noise": 1}
    assert accuracy._why_kind("hypothetical: a planned visit") == "hypothetical"
    assert accuracy._why_kind("negated/hypothetical: x") == "negated"
    assert accuracy._why_kind("no event (CAMEO 01/02)") == "other"


def test_why_an_event_is_a_false_positive() -> None:
    doc = {
        "events": [{"type": "AGREE", "evidence": "Ann and Bo agreed."}],
        "not_events": [{"evidence": "Ann did not meet Bo.", "why": "negated"}],
    }

    def fp(type_: str, sentence: str) -> dict:
        evidence = {"text": sentence, "start": 0, "end": len(sentence), "trigger_start": 4}
        return {"type": type_, "evidence": {**evidence, "trigger": "w"}}

    why = accuracy.why_spurious
    assert why(fp("CONSULT", "Ann did not meet Bo."), doc) == "a not_events sentence"
    assert why(fp("AGREE", "Ann and Bo agreed."), doc).startswith("gold has its type here")
    assert why(fp("ACCUSE", "Ann and Bo agreed."), doc) == "gold has another type here"
    assert why(fp("ACCUSE", "Cy spoke."), doc) == "no gold event in its sentence"


def test_a_set_missing_here_is_a_row_that_says_so(coder, tmp_path: Path) -> None:
    [row] = accuracy.run_set(coder, "plover-gsr", shared=tmp_path)
    assert "input folder not found" in row.extra["error"]
    text = accuracy.render([row], "stamp", "cmd")
    assert "plover-gsr: not run: InputMissing" in text
    assert max(len(line) for line in text.splitlines()[3:6]) < 100


def test_type_only_sets_count_acts_with_no_dyad(coder):
    gold = [{"doc_id": "s1", "text": "Police arrested twelve people on Monday.", "events": [],
             "not_events": [], "published": "2020-06-01"}]
    strict = accuracy.predict(coder, gold)
    acts = accuracy.predict(coder, gold, acts=True)
    assert strict["s1"] == []
    assert [(e.type, e.source, e.factuality) for e in acts["s1"]] == [("COERCE", None, "asserted")]
    assert main_event(acts["s1"]).evidence.trigger == "arrested"


def test_one_event_type_accuracy_counts_documents_without_an_event_as_wrong():
    gold = [
        {"doc_id": "a", "text": "x", "events": [{"type": "ASSAULT"}], "not_events": []},
        {"doc_id": "b", "text": "y", "events": [{"type": "PROTEST", "alt_types": ["ASSAULT"]}],
         "not_events": []},
        {"doc_id": "c", "text": "z", "events": [{"type": "AGREE"}], "not_events": []},
        {"doc_id": "d", "text": "w", "events": [{"type": "AGREE"}, {"type": "CONSULT"}],
         "not_events": []},
    ]
    preds = {"a": [event("ASSAULT", 3, doc_id="a")], "b": [event("ASSAULT", 1, doc_id="b")]}
    # a and b right, c has no event, d has two gold events and is not scored
    assert accuracy.one_event_type_accuracy(gold, preds) == 2 / 3


def test_type_sentences_main_event_and_alarms_from_sentences_of_none() -> None:
    gold = [
        {"doc_id": "s:1", "text": "x", "type": "ASSAULT"},
        {"doc_id": "s:2", "text": "y", "type": "PROTEST"},
        {"doc_id": "s:3", "text": "z", "type": "NONE"},
        {"doc_id": "s:4", "text": "w", "type": "NONE"},
    ]
    preds = {
        # the main event (first by trigger) is the attack; right
        "s:1": [event("ASSAULT", 5, source=actor("SYR")), event("ACCUSE", 40, doc_id="s:1")],
        # the protest comes second: wrong as main event, right as "any event"
        "s:2": [
            event("COERCE", 3, source=actor("IRN"), doc_id="s:2"),
            event("PROTEST", 30, source=actor("IRN"), doc_id="s:2"),
        ],
        # an act with no dyad in a sentence of none is no alarm; an event is
        "s:3": [event("ASSAULT", 2, doc_id="s:3")],
        "s:4": [event("ASSAULT", 2, source=actor("USA"), doc_id="s:4")],
    }
    row = accuracy.score_type_sentences("sentences-dev", gold, preds)
    assert row.type_scored == 2 and row.type_accuracy == 0.5
    assert row.extra["any_event_type_accuracy"] == 1.0
    assert row.extra["none_sentences"] == 2 and row.extra["none_sentences_with_an_event"] == 1


def test_sentence_sets_load_from_the_repository() -> None:
    dev = accuracy.load_set("sentences-dev")
    check = accuracy.load_set("sentences-check")
    assert len(dev) > 1000 and len(check) > 1000
    assert not {g["text"] for g in dev} & {g["text"] for g in check}
    events = accuracy.load_set("sentences-events")
    assert len(events) == len(dev)
    assert [g["text"] for g in events] == [g["text"] for g in dev]
    one = next(g for g in events if g["events"])
    assert one["events"][0]["type"] != "NONE" and one["events"][0]["evidence"] == one["text"]
    assert all(g["not_events"] for g in events if not g["events"])
