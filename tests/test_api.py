"""The HTTP API over a store ingested the real way (tests/web_helpers.py): every endpoint
and filter, empty answers, and bad parameters answered 422/404 with the reason. Expected
figures come from the store itself (plain SQL here), never from the code under test."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date

import pytest

from eventmill.output import safe_cell
from web_helpers import HOSTILE_DOC_ID, REPORT_IDS, REPORTED_STORY


@pytest.fixture(scope="module")
def sql(web_db):
    conn = sqlite3.connect(f"file:{web_db}?mode=ro", uri=True)
    yield lambda q, p=(): conn.execute(q, p).fetchall()
    conn.close()


def count(sql, where: str = "1", params=()) -> int:
    return sql(
        f"SELECT COUNT(*) FROM events WHERE factuality = 'asserted' AND ({where})",  # noqa: S608
        params,
    )[0][0]


def get(client, url: str, status: int = 200, **params):
    r = client.get(url, params=params)
    assert r.status_code == status, (url, params, r.text)
    return r.json() if r.headers["content-type"].startswith("application/json") else r


def all_events(client, **params) -> list[dict]:
    out = get(client, "/api/events", per_page=500, **params)
    assert out["total"] == len(out["events"]) and out["total"] < 500
    return out["events"]


# ---------------------------------------------------------------------------- overview
def test_overview_counts_and_dyads(web_client, sql):
    o = get(web_client, "/api/overview")
    assert o["documents"] == sql("SELECT COUNT(*) FROM documents")[0][0]
    assert o["reports"] == len(REPORT_IDS)
    assert o["stories"] == o["documents"] - len(REPORT_IDS)
    assert o["events"] == count(sql)
    assert o["events_all"] == sql("SELECT COUNT(*) FROM events")[0][0] > o["events"]
    assert (
        o["merged_events"]
        == sql("SELECT COUNT(DISTINCT merged_id) FROM events WHERE factuality = 'asserted'")[0][0]
    )
    assert o["rejected"] == 0
    top = o["busiest_dyads"][0]
    assert (top["a"], top["b"], top["a_name"], top["b_name"]) == (
        "AZE",
        "RUS",
        "Azerbaijan",
        "Russia",
    )
    dyad = "(source_country = 'AZE' AND target_country = 'RUS') OR "
    dyad += "(source_country = 'RUS' AND target_country = 'AZE')"
    assert top["events"] == count(sql, dyad)
    assert top["cooperation"] + top["conflict"] == top["events"]
    assert [d["events"] for d in o["busiest_dyads"]] == sorted(
        (d["events"] for d in o["busiest_dyads"]), reverse=True
    )
    days = [e["day"] for e in o["latest_events"]]
    assert days == sorted(days, reverse=True) and len(days) == 10
    assert (
        days[0]
        == sql(
            "SELECT MAX(COALESCE(e.date, d.published)) FROM events e "
            "JOIN documents d USING (doc_id) WHERE factuality = 'asserted'"
        )[0][0]
    )


# ---------------------------------------------------------------------------- events
EVENT_KEYS = {
    "event_id doc_id merged_id type mode quad intensity cameo source_name source_country "
    "source_sector target_name target_country target_sector date date_precision location_name "
    "location_country lat lon factuality confidence evidence_text evidence_start evidence_end "
    "title url published day outlet"
}.pop().split()


def test_events_default_page_is_asserted_newest_first(web_client, sql):
    out = get(web_client, "/api/events")
    assert out["total"] == count(sql) and out["page"] == 1 and out["per_page"] == 50
    assert len(out["events"]) == 50
    for e in out["events"]:
        assert set(EVENT_KEYS) <= set(e) and e["factuality"] == "asserted"
        assert e["evidence_text"] and e["title"]
    days = [e["day"] for e in out["events"]]
    assert days == sorted(days, reverse=True)


def test_events_pages_partition_the_result(web_client):
    total = get(web_client, "/api/events", per_page=1)["total"]
    seen = []
    for page in range(1, total // 20 + 2):
        seen += [
            e["event_id"] for e in get(web_client, "/api/events", per_page=20, page=page)["events"]
        ]
    assert len(seen) == len(set(seen)) == total
    beyond = get(web_client, "/api/events", per_page=20, page=total // 20 + 5)
    assert beyond["events"] == [] and beyond["total"] == total


@pytest.mark.parametrize(
    "sort,key",
    [
        ("intensity", "intensity"),
        ("confidence", "confidence"),
        ("type", "type"),
        ("source_country", "source_country"),
        ("published", "published"),
        ("event_id", "event_id"),
        ("date", "day"),
    ],
)
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_events_sort(web_client, sort, key, order):
    events = all_events(web_client, sort=sort, order=order)
    values = [e[key] for e in events if e[key] is not None]
    assert values == sorted(values, reverse=order == "desc")
    # rows without a value come last either way
    nones = [i for i, e in enumerate(events) if e[key] is None]
    assert nones == list(range(len(events) - len(nones), len(events)))


def test_events_filter_actor_by_name_code_and_person(web_client, sql):
    by_name = {e["event_id"] for e in all_events(web_client, actor="Russia")}
    by_code = {e["event_id"] for e in all_events(web_client, actor="rus")}
    assert by_name == by_code
    assert len(by_name) == count(sql, "source_country = 'RUS' OR target_country = 'RUS'")
    aliyev = all_events(web_client, actor="ilham aliyev")
    assert len(aliyev) == count(sql, "source_name = 'Ilham Aliyev' OR target_name = 'Ilham Aliyev'")
    assert all("Ilham Aliyev" in (e["source_name"], e["target_name"]) for e in aliyev)


def test_events_filter_country_source_target(web_client, sql):
    aze = all_events(web_client, country="AZE")
    assert len(aze) == count(sql, "source_country = 'AZE' OR target_country = 'AZE'")
    src = all_events(web_client, source="Azerbaijan")
    assert src and all(e["source_country"] == "AZE" for e in src)
    assert len(src) == count(sql, "source_country = 'AZE'")
    tgt = all_events(web_client, target="AZE")
    assert len(tgt) == count(sql, "target_country = 'AZE'")
    both = all_events(web_client, source="AZE", target="RUS")
    assert len(both) == count(sql, "source_country = 'AZE' AND target_country = 'RUS'")


def test_events_filter_dyad_either_way_and_directed(web_client, sql):
    either = all_events(web_client, a="Russia", b="azerbaijan")
    ru_az = all_events(web_client, a="RUS", b="AZE", directed="true")
    az_ru = all_events(web_client, a="AZE", b="RUS", directed="true")
    assert {e["event_id"] for e in either} == {e["event_id"] for e in ru_az + az_ru}
    assert all((e["source_country"], e["target_country"]) == ("RUS", "AZE") for e in ru_az)
    assert len(ru_az) == count(sql, "source_country = 'RUS' AND target_country = 'AZE'") > 0
    assert len(az_ru) == count(sql, "source_country = 'AZE' AND target_country = 'RUS'") > 0


def test_events_filter_type_quad_and_factuality(web_client, sql):
    assault = all_events(web_client, type="ASSAULT")
    assert len(assault) == count(sql, "type = 'ASSAULT'") > 0
    assert {e["type"] for e in all_events(web_client, type="assault")} == {"ASSAULT"}
    vc = all_events(web_client, quad="verbal_conflict")
    assert len(vc) == count(sql, "quad = 'verbal_conflict'") > 0
    negated = all_events(web_client, factuality="negated")
    assert negated and {e["factuality"] for e in negated} == {"negated"}
    every = get(web_client, "/api/events", factuality="all", per_page=1)["total"]
    assert every == sql("SELECT COUNT(*) FROM events")[0][0]


def test_events_filter_dates_on_the_events_day(web_client):
    events = all_events(web_client, date_from="2024-01-01", date_to="2024-12-31")
    assert events and all("2024-01-01" <= e["day"] <= "2024-12-31" for e in events)
    undated = [e for e in events if e["date"] is None]
    assert undated, "an event without a date of its own falls on its story's date"
    assert all(e["day"] == e["published"] for e in undated)
    one_day = all_events(web_client, date_from="2020-11-09", date_to="2020-11-09")
    assert one_day and {e["day"] for e in one_day} == {"2020-11-09"}


def test_events_filter_place_text_doc_and_ids(web_client, sql):
    minsk = all_events(web_client, place="minsk")
    assert minsk and {e["location_name"] for e in minsk} == {"Minsk"}
    assert len(all_events(web_client, place="BLR")) == count(sql, "location_country = 'BLR'")
    airliner = all_events(web_client, q="AIRLINES")
    assert airliner and all("airlines" in e["evidence_text"].lower() for e in airliner)
    doc = all_events(web_client, doc_id=REPORTED_STORY, factuality="all")
    assert len(doc) == sql("SELECT COUNT(*) FROM events WHERE doc_id = ?", (REPORTED_STORY,))[0][0]
    picked = [e["event_id"] for e in doc[:2]]
    by_ids = all_events(web_client, event_ids=",".join(picked), factuality="all")
    assert sorted(e["event_id"] for e in by_ids) == sorted(picked)


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ZZZ"},
        {"actor": "Nobody Atall"},
        {"q": "no sentence says this"},
        {"date_from": "1900-01-01", "date_to": "1900-12-31"},
        {"doc_id": "no-such-doc"},
        {"event_ids": "0000000000000000"},
        {"a": "FRA", "b": "JPN"},
        {"type": "AID", "country": "KEN"},
    ],
)
def test_events_empty_results(web_client, params):
    out = get(web_client, "/api/events", **params)
    assert out["total"] == 0 and out["events"] == []
    assert get(web_client, "/api/places", **params)["places"] == []


def test_events_csv_is_the_same_events_with_safe_cells(web_client):
    r = get(web_client, "/api/events", format="csv", country="FRA", factuality="all")
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(r.text))
    rows = list(reader)
    expected = all_events(web_client, country="FRA", factuality="all")
    # the header is the event dicts' own fields, and nothing else
    assert reader.fieldnames == [k for k in expected[0] if k in reader.fieldnames]
    assert set(reader.fieldnames) <= set(expected[0])
    assert [row["event_id"] for row in rows] == [e["event_id"] for e in expected]
    assert r.headers["x-total-count"] == str(len(rows))
    assert r.headers["x-eventmill-truncated"] == "false"
    hostile = [row for row in rows if row["doc_id"] == HOSTILE_DOC_ID]
    assert hostile, "the hostile story's events are French"
    for row in hostile:
        assert row["outlet"].startswith("'=HYPERLINK")  # not a formula when opened
    for row, e in zip(rows, expected, strict=True):
        assert row["evidence_text"] == str(safe_cell(e["evidence_text"]))


def test_events_csv_is_capped(web_db):
    from fastapi.testclient import TestClient

    from eventmill.web.app import create_app
    from eventmill.web.security import WebSettings

    app = create_app(web_db, settings=WebSettings(csv_max_rows=5))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        r = client.get("/api/events", params={"format": "csv"})
    assert r.status_code == 200
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == 5
    assert r.headers["x-eventmill-truncated"] == "true"
    assert int(r.headers["x-total-count"]) > 5


# ---------------------------------------------------------------------------- one event
def test_event_detail_with_json_document_and_reports(web_client, sql):
    stored = sql(
        "SELECT event_id, json FROM events WHERE doc_id = ? AND factuality = 'asserted' "
        "ORDER BY evidence_start LIMIT 1",
        (REPORTED_STORY,),
    )[0]
    e = get(web_client, f"/api/events/{stored[0]}")
    assert e["json"] == json.loads(stored[1])
    assert e["document"]["doc_id"] == REPORTED_STORY and e["document"]["title"]
    reports = [r for r in e["reports"] if r["kind"] == "report"]
    assert {r["doc_id"] for r in reports} == {REPORTED_STORY, *REPORT_IDS}
    copies = [r for r in reports if r["doc_id"] in REPORT_IDS]
    assert {r["outlet"] for r in copies} == {"Outlet 1", "Outlet 2"}
    # the near-copies repeat the sentence (the edits are at the end of the story)
    assert any(r["evidence_text"] == e["evidence_text"] for r in copies)
    for r in e["reports"]:
        assert {"doc_id", "title", "url", "outlet", "evidence_text"} <= set(r)


def test_event_detail_lists_other_statements_of_the_merged_event(web_client, sql):
    merged = sql("SELECT merged_id FROM events GROUP BY merged_id HAVING COUNT(*) > 1 LIMIT 1")
    if not merged:
        pytest.skip("no event of the web store is stated twice")
    ids = [r[0] for r in sql("SELECT event_id FROM events WHERE merged_id = ?", merged[0])]
    e = get(web_client, f"/api/events/{ids[0]}")
    statements = {r["event_id"] for r in e["reports"] if r["kind"] == "statement"}
    assert statements == set(ids[1:])


def test_event_unknown_is_404(web_client):
    r = web_client.get("/api/events/0000000000000000")
    assert r.status_code == 404 and "no event" in r.json()["detail"]


# ---------------------------------------------------------------------------- documents
def test_document_with_evidence_offsets(web_client, sql):
    doc = get(web_client, f"/api/documents/{REPORTED_STORY}")
    text = sql("SELECT text FROM documents WHERE doc_id = ?", (REPORTED_STORY,))[0][0]
    assert doc["text"] == text and doc["title"] and doc["status"] == "coded"
    assert doc["events"]
    for e in doc["events"]:
        assert text[e["evidence_start"] : e["evidence_end"]] == e["evidence_text"]
    starts = [e["evidence_start"] for e in doc["events"]]
    assert starts == sorted(starts)


def test_report_document_shows_its_storys_events_where_its_own_text_says_them(web_client):
    report = get(web_client, f"/api/documents/{REPORT_IDS[0]}")
    story = get(web_client, f"/api/documents/{REPORTED_STORY}")
    assert report["status"] == "report" and report["story_id"] == REPORTED_STORY
    assert [e["event_id"] for e in report["events"]] == [e["event_id"] for e in story["events"]]
    located = [e for e in report["events"] if e["evidence_start"] is not None]
    assert located
    for e in located:
        assert report["text"][e["evidence_start"] : e["evidence_end"]] == e["evidence_text"]


def test_document_unknown_is_404(web_client):
    r = web_client.get("/api/documents/no-such-story")
    assert r.status_code == 404 and "no document" in r.json()["detail"]


# ---------------------------------------------------------------------------- dyads
def test_dyad_series_by_month_from_names_or_codes(web_client, sql):
    by_name = get(web_client, "/api/dyads/Russia/azerbaijan")
    by_code = get(web_client, "/api/dyads/RUS/AZE")
    assert by_name == by_code
    s = by_name
    assert (s["a"], s["b"], s["a_name"], s["b_name"]) == ("RUS", "AZE", "Russia", "Azerbaijan")
    dyad = "(source_country = 'AZE' AND target_country = 'RUS') OR "
    dyad += "(source_country = 'RUS' AND target_country = 'AZE')"
    assert s["events"] == count(sql, dyad) == sum(p["events"] for p in s["points"])
    listed = {e["event_id"] for e in all_events(web_client, a="RUS", b="AZE")}
    assert {i for p in s["points"] for i in p["event_ids"]} == listed
    months = [p["period"] for p in s["points"]]
    assert months == sorted(months) and len(set(months)) == len(months)
    # consecutive months, the empty ones included
    for before, after in zip(s["points"], s["points"][1:], strict=False):
        y, m = map(int, before["period"].split("-"))
        assert after["period"] == (f"{y + 1}-01" if m == 12 else f"{y}-{m + 1:02d}")
    for p in s["points"]:
        assert p["start"] == p["period"] + "-01"
        assert sum(p["quads"].values()) == p["events"] == p["cooperation"] + p["conflict"]
        assert sum(p["types"].values()) == p["events"] == len(p["event_ids"])
        if p["events"]:
            assert p["intensity_mean"] == pytest.approx(p["intensity_sum"] / p["events"], abs=0.01)
        else:
            assert p["intensity_mean"] is None and p["intensity_sum"] == 0


def test_dyad_series_by_iso_week(web_client):
    s = get(web_client, "/api/dyads/RUS/AZE", interval="week")
    assert s["interval"] == "week" and s["points"]
    for p in s["points"]:
        start = date.fromisoformat(p["start"])
        year, week, weekday = start.isocalendar()
        assert weekday == 1 and p["period"] == f"{year}-W{week:02d}"
    starts = [date.fromisoformat(p["start"]) for p in s["points"]]
    assert all((b - a).days == 7 for a, b in zip(starts, starts[1:], strict=False))
    assert s["events"] == get(web_client, "/api/dyads/RUS/AZE")["events"]


def test_dyad_series_directed_and_dated(web_client, sql):
    s = get(web_client, "/api/dyads/RUS/AZE", directed="true")
    assert s["events"] == count(sql, "source_country = 'RUS' AND target_country = 'AZE'")
    whole = get(web_client, "/api/dyads/RUS/AZE")
    first = next(p for p in whole["points"] if p["events"])["start"]
    later = get(web_client, "/api/dyads/RUS/AZE", date_from=first[:8] + "28")
    assert later["events"] < whole["events"]


def test_dyad_without_events_is_empty(web_client):
    s = get(web_client, "/api/dyads/France/Japan")
    assert s["events"] == 0 and s["points"] == [] and s["b"] == "JPN"


@pytest.mark.parametrize(
    "url,reason",
    [
        ("/api/dyads/Atlantis/RUS", "unknown actor"),
        ("/api/dyads/RUS/AZE?interval=day", "interval"),
        ("/api/dyads/RUS/AZE?directed=maybe", "directed"),
        ("/api/dyads/RUS/AZE?date_from=yesterday", "date_from"),
    ],
)
def test_dyad_bad_parameters(web_client, url, reason):
    r = web_client.get(url)
    assert r.status_code == 422 and reason in r.json()["detail"]


# ---------------------------------------------------------------------------- actors
def test_top_actors(web_client, sql):
    actors = get(web_client, "/api/actors", limit=5)["actors"]
    assert len(actors) == 5
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    top = actors[0]
    assert top["events"] == count(
        sql,
        "(source_name = ? AND source_country = ? AND source_sector = ?) OR "
        "(target_name = ? AND target_country = ? AND target_sector = ?)",
        (top["name"], top["country"], top["sector"]) * 2,
    )
    r = get(web_client, "/api/actors", limit=5, format="csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["name"] for row in rows] == [a["name"] for a in actors]


def test_actor_network(web_client, sql):
    net = get(web_client, "/api/actors/network", limit=10)
    assert 0 < len(net["edges"]) <= 10
    ids = {n["id"] for n in net["nodes"]}
    for e in net["edges"]:
        assert e["source"] in ids and e["target"] in ids and e["source"] != e["target"]
        assert e["sign"] == (1 if e["cooperation"] >= e["conflict"] else -1)
        assert 0 < e["weight"] <= 1
        assert e["events"] == count(
            sql, "source_country = ? AND target_country = ?", (e["source"], e["target"])
        )
    assert max(e["weight"] for e in net["edges"]) == 1
    names = {n["id"]: n["name"] for n in net["nodes"]}
    assert names.get("RUS") == "Russia"
    assert len(get(web_client, "/api/actors/network", limit=1)["edges"]) == 1


# ---------------------------------------------------------------------------- places, choices
def test_places(web_client, sql):
    places = get(web_client, "/api/places")["places"]
    assert places and all(p["lat"] is not None and p["lon"] is not None for p in places)
    assert sum(p["events"] for p in places) == count(sql, "lat IS NOT NULL AND lon IS NOT NULL")
    blr = get(web_client, "/api/places", country="BLR")["places"]
    assert {p["country"] for p in blr} <= {"BLR", *{p["country"] for p in places}}
    assert all(p["cooperation"] + p["conflict"] == p["events"] for p in places)
    r = get(web_client, "/api/places", format="csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == len(places)


def test_choices(web_client):
    choices = get(web_client, "/api/choices")["actors"]
    by_code = {c["code"]: c for c in choices}
    assert by_code["RUS"]["name"] == "Russia" and by_code["AZE"]["name"] == "Azerbaijan"
    assert [c["events"] for c in choices] == sorted((c["events"] for c in choices), reverse=True)


# ---------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "url,reason",
    [
        ("/api/events?date_from=2024-02-30", "date_from"),
        ("/api/events?date_to=20240101", "date_to"),
        ("/api/events?date_from=2024-05-01&date_to=2024-01-01", "after"),
        ("/api/events?type=PARTY", "unknown type"),
        ("/api/events?quad=cooperation", "unknown quad"),
        ("/api/events?factuality=rumoured", "unknown factuality"),
        ("/api/events?per_page=501", "per_page"),
        ("/api/events?per_page=0", "per_page"),
        ("/api/events?page=0", "page"),
        ("/api/events?page=two", "page"),
        ("/api/events?sort=evidence_text;DROP", "unknown sort"),
        ("/api/events?order=sideways", "order"),
        ("/api/events?format=xlsx", "format"),
        ("/api/events?a=RUS", "both a and b"),
        ("/api/events?a=RUS&b=Atlantis", "unknown actor"),
        ("/api/events?directed=perhaps", "directed"),
        ("/api/actors?limit=0", "limit"),
        ("/api/actors?limit=100000", "limit"),
        ("/api/actors/network?limit=-1", "limit"),
        ("/api/places?quad=war", "unknown quad"),
        ("/api/events?event_ids=" + ",".join(["a"] * 1001), "event_ids"),
    ],
)
def test_bad_parameters_are_422_with_the_reason(web_client, url, reason):
    r = web_client.get(url)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and reason in detail


# ---------------------------------------------------------------------------- docs
def test_openapi_and_offline_docs_list_every_endpoint(web_client):
    spec = get(web_client, "/openapi.json")
    paths = set(spec["paths"])
    expected = {
        "/api/overview",
        "/api/events",
        "/api/events/{event_id}",
        "/api/dyads/{a}/{b}",
        "/api/actors",
        "/api/actors/network",
        "/api/documents/{doc_id}",
        "/api/places",
        "/api/choices",
    }
    assert expected <= paths
    page = web_client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for path in expected:
        assert path in page.text
    # nothing on it comes from another origin
    assert "http" not in page.text.replace("/openapi.json", "")


# ---------------------------------------------------------------------------- cache
def test_cached_answers_follow_the_store_as_it_changes(web_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from eventmill.schema import Document, Rejection
    from eventmill.store import Store
    from eventmill.web.app import create_app

    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    app = create_app(db)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        first = client.get("/api/overview").json()
        assert client.get("/api/overview").json() == first
        assert app.state.cache.hits >= 1
        with Store(db) as store:
            store.add_rejection(Rejection("late.jsonl:3", "E101", "empty text"))
            store.add_report(
                Document("late-copy", "a reprint", published=date(2024, 1, 2)), REPORTED_STORY, 0.9
            )
        after = client.get("/api/overview").json()
    assert after["rejected"] == first["rejected"] + 1
    assert after["reports"] == first["reports"] + 1
    assert after["documents"] == first["documents"] + 1


def test_an_answer_being_computed_is_waited_for_not_computed_again(web_db):
    import threading

    from eventmill.web import queries

    cache = queries.ResultCache(8)
    started, release = threading.Event(), threading.Event()
    calls = []

    def slow() -> int:
        calls.append(1)
        started.set()
        release.wait(30)
        return 42

    answers = []

    def ask() -> None:
        conn = queries.connect(web_db)
        try:
            answers.append(cache.get(conn, ("slow",), slow))
        finally:
            conn.close()

    first = threading.Thread(target=ask)
    first.start()
    assert started.wait(30)
    others = [threading.Thread(target=ask) for _ in range(3)]
    for t in others:
        t.start()
    for _ in range(3000):  # until all three are waiting for the first's answer
        if cache.waits == 3:
            break
        threading.Event().wait(0.01)
    assert cache.waits == 3
    release.set()
    for t in [first, *others]:
        t.join(30)
    assert answers == [42] * 4 and len(calls) == 1
