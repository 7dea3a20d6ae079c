"""Tests of output.py: JSON lines carry exactly the contract of DESIGN.md section 3; CSV has
its header and cannot run formulas in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventmill.ontology import TYPES
from eventmill.output import CSV_COLUMNS, CsvWriter, flat_row, safe_cell, table_rows, write_jsonl
from eventmill.schema import Actor, Event, Evidence, Place, Quantity

# DESIGN.md section 3, key for key
CONTRACT_KEYS = {
    "event_id",
    "doc_id",
    "type",
    "mode",
    "contexts",
    "quad",
    "intensity",
    "cameo",
    "source",
    "target",
    "date",
    "date_precision",
    "location",
    "quantity",
    "factuality",
    "confidence",
    "evidence",
}
EXTRA_KEYS = {"date_inferred", "also_stated"}
ACTOR_KEYS = {"name", "country", "sector", "mention", "wikidata"}
LOCATION_KEYS = {"name", "country", "lat", "lon", "geonameid"}
EVIDENCE_KEYS = {"text", "start", "end", "trigger"}

TEXT = "Ecuador and Colombia agreed in Quito on Tuesday to reopen their border crossing."


def make_event(**changes) -> Event:
    kind = TYPES["AGREE"]
    fields = dict(
        doc_id="quito-1",
        type="AGREE",
        mode=None,
        contexts=["territory", "diplomatic"],
        quad=kind.quad,
        intensity=kind.intensity,
        cameo=kind.cameo,
        source=Actor("Ecuador", "ECU", "GOV", "Ecuador"),
        target=Actor("Colombia", "COL", "GOV", "Colombia", wikidata="Q739"),
        date="2023-05-09",
        date_precision="day",
        date_inferred=False,
        location=Place("Quito", "ECU", -0.23, -78.52, 3652462),
        quantity=None,
        factuality="asserted",
        confidence=0.9,
        evidence=Evidence(TEXT, 120, 120 + len(TEXT), "agreed", 141),
    )
    fields.update(changes)
    return Event(**fields)


# ---------------------------------------------------------------------------- JSON lines
def jsonl(events, **kwargs) -> list[dict]:
    out = io.StringIO()
    write_jsonl(events, out, **kwargs)
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""  # every object ends with a newline
    return [json.loads(line) for line in lines[:-1]]


def test_jsonl_has_exactly_the_contract_keys():
    events = [
        make_event(),
        make_event(source=None, location=None, date=None, date_precision=None),
        make_event(type="COERCE", quantity=Quantity(30, "arrested", "30 students")),
    ]
    objects = jsonl(events)
    assert len(objects) == 3
    for d in objects:
        assert set(d) == CONTRACT_KEYS | EXTRA_KEYS
        assert set(d) >= CONTRACT_KEYS
        assert set(d["evidence"]) >= EVIDENCE_KEYS
        for side in ("source", "target"):
            assert d[side] is None or set(d[side]) == ACTOR_KEYS
        assert d["location"] is None or set(d["location"]) == LOCATION_KEYS
        assert isinstance(d["contexts"], list)
        assert d["factuality"] in ("asserted", "negated", "hypothetical", "future")


def test_jsonl_values():
    d = jsonl([make_event()])[0]
    assert d["doc_id"] == "quito-1"
    assert d["type"] == "AGREE" and d["quad"] == "verbal_cooperation"
    assert d["source"] == {
        "name": "Ecuador",
        "country": "ECU",
        "sector": "GOV",
        "mention": "Ecuador",
        "wikidata": None,
    }
    assert d["target"]["wikidata"] == "Q739"
    assert d["location"] == {
        "name": "Quito",
        "country": "ECU",
        "lat": -0.23,
        "lon": -78.52,
        "geonameid": 3652462,
    }
    assert d["evidence"]["text"] == TEXT
    assert (d["evidence"]["start"], d["evidence"]["end"]) == (120, 120 + len(TEXT))
    assert d["evidence"]["trigger"] == "agreed"
    assert d["date_inferred"] is False
    assert d["also_stated"] == []
    assert d["quantity"] is None


def test_jsonl_quantity_object():
    d = jsonl([make_event(type="COERCE", quantity=Quantity(30.0, "arrested", "30 students"))])[0]
    assert d["quantity"] == {"value": 30, "unit": "arrested", "text": "30 students"}
    assert isinstance(d["quantity"]["value"], int)


def test_event_id_is_stable_and_distinct():
    a, b = jsonl([make_event(), make_event()])
    assert a["event_id"] == b["event_id"]
    assert len(a["event_id"]) == 16
    other = jsonl([make_event(target=Actor("Peru", "PER", "GOV", "Peru"))])[0]
    assert other["event_id"] != a["event_id"]


def test_jsonl_one_line_per_event_whatever_the_text():
    tricky = 'He said: "no"\nthen\u2028left\ttwice \\ — Кито'
    ev = make_event(evidence=Evidence(tricky, 0, len(tricky), "said"))
    out = io.StringIO()
    write_jsonl([ev, make_event()], out)
    lines = out.getvalue().split("\n")
    assert len(lines) == 3 and lines[-1] == ""
    assert json.loads(lines[0])["evidence"]["text"] == tricky
    assert "Кито" in lines[0]  # not escaped to \\u sequences


def test_jsonl_explain_adds_the_rule():
    d = jsonl([make_event(rule="trigger agree/verb; source nsubj")], explain=True)[0]
    assert d["explain"] == "trigger agree/verb; source nsubj"
    assert "explain" not in jsonl([make_event()])[0]


def test_jsonl_also_stated():
    extra = Evidence("They agreed.", 400, 412, "agreed", 405)
    d = jsonl([make_event(also_stated=[extra])])[0]
    assert d["also_stated"] == [
        {
            "text": "They agreed.",
            "start": 400,
            "end": 412,
            "trigger": "agreed",
            "trigger_start": 405,
        }
    ]


# ---------------------------------------------------------------------------- CSV
def csv_rows(events) -> tuple[list[str], list[dict]]:
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.write(events)
    out.seek(0)
    reader = csv.DictReader(out)
    return list(reader.fieldnames or []), list(reader)


def test_csv_header_and_row():
    header, rows = csv_rows([make_event()])
    assert header == CSV_COLUMNS
    assert len(rows) == 1
    row = rows[0]
    assert row["source_country"] == "ECU" and row["target_country"] == "COL"
    assert row["contexts"] == "territory;diplomatic"
    assert row["latitude"] == "-0.23" and row["longitude"] == "-78.52"  # numbers stay numbers
    assert row["evidence_text"] == TEXT
    assert row["trigger"] == "agreed"
    assert row["evidence_start"] == "120"


def test_csv_header_only_without_events():
    header, rows = csv_rows([])
    assert header == CSV_COLUMNS
    assert rows == []


def test_csv_missing_parts_are_empty_cells():
    _, rows = csv_rows([make_event(source=None, location=None, quantity=None)])
    row = rows[0]
    assert row["source_name"] == row["source_country"] == ""
    assert row["location_name"] == row["latitude"] == row["quantity_value"] == ""


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_formula_injection_is_escaped(lead):
    evil = f'{lead}HYPERLINK("http://example.invalid/x","click")'
    ev = make_event(
        source=Actor(evil, "ECU", "GOV", evil),
        evidence=Evidence(evil, 0, len(evil), evil, 0),
        contexts=[f"{lead}cmd|' /C calc'!A0"],
    )
    _, rows = csv_rows([ev])
    row = rows[0]
    for column in ("source_name", "source_mention", "evidence_text", "trigger", "contexts"):
        assert row[column].startswith("'"), column
        assert row[column][1:2] == lead, column
    # ordinary text is left alone
    assert row["target_name"] == "Colombia"


def test_safe_cell_leaves_numbers_and_inner_signs_alone():
    assert safe_cell(-7.5) == -7.5
    assert safe_cell(None) is None
    assert safe_cell("a=b") == "a=b"
    assert safe_cell("") == ""
    assert safe_cell("=1+1") == "'=1+1"


def test_csv_quotes_commas_quotes_and_newlines():
    text = 'Quito, Ecuador: "we agreed",\nsaid the minister.'
    _, rows = csv_rows([make_event(evidence=Evidence(text, 0, len(text), "agreed"))])
    assert rows[0]["evidence_text"] == text


def test_flat_row_has_every_column():
    assert list(flat_row(make_event())) == CSV_COLUMNS


# ---------------------------------------------------------------------------- table
def test_table_rows():
    cells = table_rows(make_event(date_inferred=True, factuality="future"))
    assert cells[0] == "quito-1"
    assert cells[1] == "AGREE [future]"
    assert cells[2] == "Ecuador (ECUGOV)"
    assert cells[4] == "2023-05-09 (inferred year)"
    assert cells[5] == "Quito, ECU"
    assert cells[7] == "agreed"
    no_one = table_rows(make_event(source=None, quantity=Quantity(1500, "protesters")))
    assert no_one[2] == "-"
    assert no_one[6] == "1,500 protesters"
