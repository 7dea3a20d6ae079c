"""End to end on the reference article, read from ../shared (never copied here)."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import SHARED, needs_shared

pytestmark = needs_shared

ARTICLE = SHARED / "reference" / "dushanbe-2018.txt"
GOLD = SHARED / "reference" / "dushanbe-2018.gold.json"


def _pair(e: dict) -> tuple[str, str]:
    return (e["source"] or {}).get("country"), (e["target"] or {}).get("country")


@pytest.fixture(scope="module")
def events(eventmill_cmd) -> list[dict]:
    out = subprocess.run(
        [*eventmill_cmd, "code", str(ARTICLE), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def _find(events, etype, pair, symmetric=False):
    found = [
        e
        for e in events
        if e["type"] == etype and (_pair(e) == pair or (symmetric and _pair(e) == pair[::-1]))
    ]
    assert found, f"no {etype} {pair} among {[(e['type'], _pair(e)) for e in events]}"
    return found[0]


def test_required_events_without_published_date(events):
    agree = _find(events, "AGREE", ("AZE", "ARM"), symmetric=True)
    assert agree["date"] == "2018-09-28" and agree["date_inferred"] is True
    assert agree["location"]["name"] == "Dushanbe" and agree["location"]["country"] == "TJK"
    _find(events, "THREATEN", ("AZE", "ARM"), symmetric=True)
    aid = _find(events, "AID", ("RUS", "AZE"))
    assert aid["mode"] == "military"
    assert aid["quantity"]["value"] == 5_000_000_000 and aid["quantity"]["unit"] == "USD"
    baku = _find(events, "CONSULT", ("RUS", "AZE"))
    assert baku["mode"] == "visit" and baku["location"]["country"] == "AZE"
    assert baku["location"]["name"] == "Baku"
    sochi = _find(events, "CONSULT", ("AZE", "RUS"))
    assert sochi["date"] == "2018-09-01" and sochi["location"]["name"] == "Sochi"
    cooperation = _find(events, "AGREE", ("RUS", "AZE"), symmetric=True)
    assert cooperation["location"]["country"] == "RUS"


def test_actors_resolved_by_date(events):
    names = {(e["source"] or {}).get("name") for e in events} | {
        (e["target"] or {}).get("name") for e in events
    }
    assert "Ilham Aliyev" in names and "Heydar Aliyev" not in names
    assert "Nikol Pashinyan" in names and "Vladimir Putin" in names


def test_nothing_from_negated_hypothetical_or_chrome(events):
    text = ARTICLE.read_text("utf-8")
    for e in events:
        ev = e["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]  # offsets into the text as read
        assert e["factuality"] == "asserted"
        for marker in (
            "did not say a word",
            "said nothing about",
            "Leave a review",
            "Follow us on social",
            "News Line",
        ):
            assert marker not in ev["text"], e
        if "talks about next transaction" in ev["text"]:
            start = ev["trigger_start"] - ev["start"]
            assert start < ev["text"].index("there are talks"), e


def test_eval_meets_the_bar(eventmill_cmd):
    out = subprocess.run(
        [*eventmill_cmd, "eval", str(GOLD), "--json"], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["recall"] == 1.0
    assert report["precision"] >= 0.75
    assert report["coded_from_not_events"] == 0
    assert report["date_accuracy"] == 1.0 and report["place_accuracy"] == 1.0
