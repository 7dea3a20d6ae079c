"""Tests of bench/gold_convert.py: the peer gold sets converted to our gold format.

The data tests read the real peer files from ../shared/peer-data and check records verified
by hand; they skip where the shared folder is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry
import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "bench"))

import gold_convert  # noqa: E402
from conftest import needs_shared  # noqa: E402
from gold_case2021 import convert_case2021  # noqa: E402
from gold_conflibert import convert_conflibert, detokenise, read_conll, tag_spans  # noqa: E402
from gold_convert import (  # noqa: E402
    ORG_CODES,
    PLOVER_TYPES,
    cameo_to_plover,
    convert_petr2_gsr,
    convert_plover_gsr,
    parse_actor_code,
)
from gold_india import convert_india, story_date  # noqa: E402


@pytest.fixture(scope="module")
def plover() -> dict[str, dict]:
    return {d["doc_id"]: d for d in convert_plover_gsr(SHARED)}


@pytest.fixture(scope="module")
def petr2() -> dict[str, dict]:
    return {d["doc_id"]: d for d in convert_petr2_gsr(SHARED)}


def _required(doc: dict) -> list[dict]:
    return [e for e in doc["events"] if not e["optional"]]


def _pair(event: dict) -> tuple:
    s, t = event["source"] or {}, event["target"] or {}
    return (s.get("country"), s.get("sector"), t.get("country"), t.get("sector"))


def _check_gold_shape(docs: dict[str, dict]) -> None:
    for doc in docs.values():
        assert set(doc) >= {"doc_id", "published", "text", "events", "not_events"}
        for event in doc["events"]:
            assert event["type"] in PLOVER_TYPES
            assert set(event.get("alt_types", [])) <= set(PLOVER_TYPES)
            assert event["evidence"] == doc["text"]
            assert event["date"] is None
            for actor in (event["source"], event["target"]):
                if actor is None or actor["country"] is None:
                    continue
                country = actor["country"]
                assert country in ORG_CODES or pycountry.countries.get(alpha_3=country), country
                assert actor["sector"] is None or actor["sector"] in gold_convert.SECTORS


# ---- pure functions: no data needed ------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USAGOV", ("USA", "GOV")),
        ("JAP", ("JPN", None)),
        ("ITL", ("ITA", None)),
        ("RUSMIL", ("RUS", "MIL")),
        ("IRNGOV", ("IRN", "GOV")),
        ("IGO", ("IGO", "IGO")),
        ("NGO", ("NGO", "NGO")),
        ("IGOUNOMIL", ("UNO", "MIL")),
        ("IGOEUREEC", ("EUR", "IGO")),
        ("IGOCOPITP", ("IGO", "COP")),
        ("---LEG", (None, "LEG")),
        ("---", (None, None)),
        ("PSEGZACVL", ("PSE", "CVL")),
        ("PSEREBHMSGOV", ("PSE", "REB")),
        ("BRAPPL", ("BRA", "CVL")),
        ("NGAMUS", ("NGA", "CVL")),
        ("IMGMUSISI", (None, "REB")),
    ],
)
def test_parse_actor_code(code: str, expected: tuple) -> None:
    assert parse_actor_code(code) == expected


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [
        ("015", (None, None, ())),
        ("023", (None, None, ())),
        ("042", ("CONSULT", "visit", ())),
        ("0841", ("RETREAT", "release", ())),
        ("083", ("CONCEDE", None, ())),
        ("080", ("CONCEDE", None, ("RETREAT",))),
        ("110", ("ACCUSE", "disapprove", ())),
        ("1124", ("ACCUSE", "allege", ())),
        ("090", ("ACCUSE", "investigate", ())),
        ("1014", ("REQUEST", "assist", ())),
        ("173", ("COERCE", "arrest", ())),
        ("175", ("COERCE", None, ("ASSAULT",))),
        ("195", ("ASSAULT", "aerial", ())),
        ("202", ("ASSAULT", None, ())),
    ],
)
def test_cameo_to_plover(cameo: str, expected: tuple) -> None:
    assert cameo_to_plover(cameo) == expected


def test_clean_petr_xml_makes_self_closed_sentences_parse() -> None:
    raw = (
        "<V>\n# banner with <EventCoding...> in it\n<S>"
        '<Sentence id="a"/>\n<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />'
        "<Text>A & B</Text>\n<!---\n-->\n</Sentence></S></V>"
    )
    root = gold_convert.ET.fromstring(gold_convert.clean_petr_xml(raw))
    sentence = root.find("S/Sentence")
    assert sentence.find("Text").text == "A & B"
    assert sentence.find("EventCoding").get("eventcode") == "042"


def test_missing_input_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out.jsonl"
    for name in ("plover-gsr", "petr2-gsr", "case2021", "india-police-events", "conflibert"):
        assert gold_convert.main([name, "--out", str(out), "--shared", str(tmp_path)]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("gold_convert: input folder not found:")
        assert "\n" not in err
    assert not out.exists()


# ---- plover-gsr ----------------------------------------------------------------------------


@needs_shared
def test_plover_counts(plover: dict[str, dict]) -> None:
    assert len(plover) == 322  # 323 elements less the DOCUMENT record
    assert not any(d.endswith("DOCUMENT-0001") for d in plover)
    required = [e for d in plover.values() for e in _required(d)]
    assert len(required) == 322  # one event a record
    by_type: dict[str, int] = {}
    for e in required:
        by_type[e["type"]] = by_type.get(e["type"], 0) + 1
    # DISAPPROVE 16 + INVESTIGATE 9 -> ACCUSE; DEMAND -> REQUEST; FIGHT 17 + ASSAULT 15, less
    # the two FIGHT-labelled records corrected to SANCTION and COERCE -> ASSAULT 30.
    assert by_type == {
        "ACCUSE": 25, "AGREE": 40, "AID": 10, "ASSAULT": 30, "COERCE": 19, "CONCEDE": 12,
        "CONSULT": 11, "COOPERATE": 4, "MOBILIZE": 6, "PROTEST": 27, "REJECT": 34,
        "REQUEST": 34, "RETREAT": 14, "SANCTION": 15, "SUPPORT": 12, "THREATEN": 29,
    }  # fmt: skip
    _check_gold_shape(plover)


@needs_shared
def test_plover_records(plover: dict[str, dict]) -> None:
    doc = plover["PLOVER-GSR01-AGREE-0002"]
    assert doc["published"] == "2000-01-01"
    assert doc["text"].startswith("The Asia-Pacific Economic Cooperation (APEC) forum")
    [event] = doc["events"]
    assert event["type"] == "AGREE" and event["date"] is None
    assert event["source"]["country"] == "IGO"  # APEC: no code of its own
    assert event["target"] == {"name": "Tokyo", "country": "JPN", "sector": "GOV", "code": "JAP"}

    # Reciprocal "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials agreed"
    [event] = plover["PLOVER-GSR01-AGREE-0001"]["events"]
    assert event["symmetric"] is True
    assert _pair(event) == ("HUN", "GOV", "ROU", "GOV")

    [event] = plover["PLOVER-GSR01-INVESTIGATE-0006"]["events"]
    assert (event["type"], event["mode"]) == ("ACCUSE", "investigate")
    assert event["source"]["country"] == "ITA"  # CAMEO ITL
    assert event["location"] == {"name": "Genoa", "country": "ITA"}

    [event] = plover["PLOVER-GSR01-DISAPPROVE-0007"]["events"]
    assert (event["type"], event["mode"]) == ("ACCUSE", "disapprove")
    assert _pair(event) == ("PSE", None, "ISR", "GOV")

    [event] = plover["PLOVER-GSR01-DEMAND-0005"]["events"]
    assert event["type"] == "REQUEST"
    assert _pair(event) == ("CHN", "GOV", "USA", "GOV")  # "PRC" demanded that "the US" ...

    [event] = plover["PLOVER-GSR01-FIGHT-0013"]["events"]
    assert event["type"] == "ASSAULT" and event["mode"] == "heavy-weapons"
    assert event["quantity"] == {"value": 4, "unit": "dead"}
    assert event["location"] == {"name": "Basra", "country": "IRQ"}

    [event] = plover["PLOVER-GSR01-CONSULT-0007"]["events"]
    assert event["location"] == {"name": "Geneva", "country": "CHE"}  # country code "CH"
    assert event["symmetric"] and _pair(event)[::2] == ("USA", "RUS")

    [event] = plover["PLOVER-GSR01-PROTEST-0007"]["events"]
    assert (event["mode"], event["quantity"]) == ("hunger", {"value": 1000, "unit": "people"})

    # Compound target: first pair required, the others optional.
    events = plover["PLOVER-GSR01-THREATEN-0006"]["events"]
    assert [(_pair(e)[2], e["optional"]) for e in events] == [("COG", False), ("CRI", True)]

    # Data errata: the record labelled FIGHT that closes borders; the duplicated id.
    assert plover["PLOVER-GSR01-SANCTION-0010"]["events"][0]["type"] == "SANCTION"
    assert plover["PLOVER-GSR01-COERCE-0004-2"]["text"].startswith("Israel Friday reimposed")
    [event] = plover["PLOVER-GSR01-COERCE-0004"]["events"]
    assert event["alt_types"] == ["ASSAULT"]  # destroying property


# ---- petr2-gsr -----------------------------------------------------------------------------


@needs_shared
def test_petr2_counts(petr2: dict[str, dict]) -> None:
    assert len(petr2) == 78
    docs = list(petr2.values())
    assert sum(1 for d in docs if d["meta"].get("noevents")) == 12
    assert sum(len(d["not_events"]) for d in docs) == 7  # records with only 01/02 codes
    required = [e for d in docs for e in _required(d)]
    assert len(required) == 64
    assert sum(1 for e in required if e["type"] == "CONSULT") == 12
    assert sum(1 for e in required if e["type"] == "ASSAULT") == 11
    _check_gold_shape(petr2)


@needs_shared
def test_petr2_records(petr2: dict[str, dict]) -> None:
    doc = petr2["AFP0808020705_1"]
    assert doc["published"] == "2008-08-06"
    assert doc["text"].startswith("A court in Guyana has issued arrest warrants")
    [event] = doc["events"]
    assert (event["type"], event["mode"], event["cameo"]) == ("COERCE", "arrest", "173")
    assert _pair(event) == ("GUY", "JUD", "BRA", "CVL")  # GUYJUD -> BRAPPL

    # 031 BRA->USA and 031 USA->BRA: one symmetric AGREE
    [event] = petr2["AFP0808020675_1"]["events"]
    assert event["type"] == "AGREE" and event["symmetric"]

    [event] = petr2["GOLD_3"]["events"]
    assert event["type"] == "SUPPORT" and _pair(event) == ("UKR", "LEG", "EUR", "IGO")

    [event] = petr2["PASSIVE_4"]["events"]
    assert event["type"] == "REQUEST" and _pair(event) == (None, "LEG", "USA", "GOV")

    assert len(petr2["COOP_0"]["events"]) == 3  # six directed 040 codings, three pairs

    doc = petr2["TEST_6"]  # 015 only: a statement, no event
    assert doc["events"] == []
    assert doc["not_events"] == [{"evidence": doc["text"], "why": "no event (CAMEO 01/02)"}]

    doc = petr2["GOLD_7"]  # <EventCoding noevents="True" />
    assert doc["events"] == [] and doc["not_events"] == []

    assert petr2["abc12_3"]["text"] == ""
    assert all(e["optional"] for e in petr2["abc12_3"]["events"])


@needs_shared
def test_cli_writes_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "petr2.jsonl"
    assert gold_convert.main(["petr2-gsr", "--out", str(out), "--shared", str(SHARED)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 78
    assert json.loads(lines[0])["doc_id"] == "AFP0808020625_4"
    assert "by type:" in capsys.readouterr().out


# ---- case2021 ------------------------------------------------------------------------------


@needs_shared
def test_case2021_records() -> None:
    notes: list[str] = []
    docs = {d["doc_id"]: d for d in convert_case2021(SHARED, notes=notes)}
    assert len(docs) == 1019
    mapped = [d for d in docs.values() if d["labels"]["plover"]]
    assert len(mapped) == 748  # 271 of the nine unmapped labels are excluded
    assert len(notes) == 1019 - 748
    doc = docs["case2021-1"]
    assert doc["text"].startswith("The US warplanes pounded the village of Kashkash")
    assert doc["labels"] == {
        "acled": "AIR_STRIKE", "plover": "ASSAULT", "mode": "aerial", "accepted": ["ASSAULT"]
    }  # fmt: skip
    assert doc["events"] == [] and doc["published"] is None
    assert docs["case2021-2"]["labels"]["plover"] is None  # NATURAL_DISASTER
    assert docs["case2021-3"]["labels"]["accepted"] == ["ASSAULT", "COERCE"]


# ---- india-police-events -------------------------------------------------------------------


def test_story_date_from_the_first_line() -> None:
    assert str(story_date("This story is from March 10, 2002\n\nahmedabad: ...")) == "2002-03-10"
    assert str(story_date("surat: the overall situation")) == "2002-03-15"


@needs_shared
def test_india_sentences_located_in_their_stories() -> None:
    notes: list[str] = []
    docs = {d["doc_id"]: d for d in convert_india(SHARED, notes=notes)}
    assert len(docs) == 1257 and notes == []
    sentences = [s for d in docs.values() for s in d["sentences"]]
    assert len(sentences) == 21391
    for d in docs.values():
        for s in d["sentences"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
    counts = {k: sum(s["labels"][k] for s in sentences) for k in ("KILL", "ARREST", "FORCE")}
    assert counts == {"KILL": 96, "ARREST": 301, "FORCE": 222}  # SOURCE.md's counts
    [s] = [s for s in docs["toi-33"]["sentences"] if s["sent_id"] == 12]
    assert s["text"].startswith("official statistics say that 99 persons have been killed")
    assert s["labels"]["KILL"] == 1 and s["labels"]["ARREST"] == 0
    assert docs["toi-20"]["published"].startswith("2002-03")


# ---- conflibert ----------------------------------------------------------------------------


def test_detokenise_and_spans() -> None:
    tokens = ["Moscow", "’", "s", "European", "-", "based", "plan", "(", "2", ")", "."]
    text, offsets = detokenise(tokens)
    assert text == "Moscow’s European-based plan (2)."
    assert [text[a:b] for a, b in offsets] == tokens
    assert tag_spans(["B-S", "I-S", "O", "B-T", "I-T", "I-R", "O", "B-R"]) == [
        ("S", 0, 2), ("T", 3, 5), ("R", 5, 6), ("R", 7, 8)
    ]  # fmt: skip
    assert read_conll("A B-S\nsaid O\n\nB O\n") == [[("A", "B-S"), ("said", "O")], [("B", "O")]]


@needs_shared
def test_conflibert_records() -> None:
    docs = convert_conflibert(SHARED)
    assert len(docs) == 451
    roles = [s["role"] for d in docs for s in d["spans"]]
    assert (roles.count("S"), roles.count("T"), roles.count("R")) == (409, 428, 51)
    doc = docs[1]
    assert doc["text"].startswith("NATO on Monday declined to comment")
    assert [(s["role"], s["text"]) for s in doc["spans"]] == [
        ("S", "NATO"), ("T", "Serbian army and special police troops")
    ]  # fmt: skip
    for d in docs:
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
