"""The dashboard's pages, server side: each page answers, filters filter, unknown ids are
404s with one line, and hostile story text (markup, script, javascript: URLs) comes back
as text on every page that shows it. Over the web store of tests/web_helpers.py (the demo
articles, two near-copy reports and a hostile story), through the real app."""

from __future__ import annotations

import csv
import functools
import html
import io
import json
import re
import sqlite3
from html.parser import HTMLParser

import pytest

from eventmill.web.pages import mark_spans, period_end, safe_url
from web_helpers import (
    HOSTILE_DOC_ID,
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    HOSTILE_URL,
    REPORT_IDS,
    REPORTED_STORY,
)

OUR_SCRIPTS = {"/assets/vega.js", "/static/dashboard.js", "/static/dyads.js", "/static/map.js"}


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text of <mark> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


def assert_inert(html: str) -> Tags:
    """No markup on the page can run script: scripts are ours (by src) or JSON data blocks,
    no element has an on* handler, no link or source is a javascript: or data: URL."""
    page = parse(html)
    for tag, attrs in page.tags:
        if tag == "script":
            assert attrs.get("src") in OUR_SCRIPTS or attrs.get("type") == "application/json", attrs
        handlers = [k for k in attrs if k.startswith("on")]
        assert not handlers, (tag, attrs)
        for key in ("href", "src", "action", "formaction"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
    return page


def hrefs(page: Tags) -> list[str]:
    return [a["href"] for t, a in page.tags if t == "a" and a.get("href")]


def rus_aze_events(db) -> int:
    """Asserted events between Russia and Azerbaijan, either direction, counted in SQL."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT COUNT(*) FROM events WHERE factuality = 'asserted' AND "
            "((source_country = 'RUS' AND target_country = 'AZE') OR "
            "(source_country = 'AZE' AND target_country = 'RUS'))"
        ).fetchone()[0]
    finally:
        conn.close()


def first_event_id(html: str) -> str:
    ids = re.findall(r'href="/events/([0-9a-f]{6,})"', html)
    assert ids, "no event link on the page"
    return ids[0]


# ---------------------------------------------------------------------------- helpers
def test_safe_url_keeps_only_web_addresses():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url(" http://example.org ") == "http://example.org"
    bad_urls = (HOSTILE_URL, "JavaScript:alert(1)", "data:text/html,x", "//evil.org", "/x", "")
    for bad in (*bad_urls, None):
        assert safe_url(bad) is None, bad


def test_mark_spans_escapes_every_piece_and_marks_overlaps_once():
    text = "a <b> & c; d"
    out = mark_spans(text, [(2, 5, "x", "one"), (4, 9, "y", 'two "q"'), (50, 60, "z", "")])
    assert str(out) == (
        'a <mark class="x" title="one">&lt;b</mark>'
        '<mark class="x y" title="one; two &#34;q&#34;">&gt;</mark>'
        '<mark class="y" title="two &#34;q&#34;"> &amp; c</mark>; d'
    )
    assert str(mark_spans("<i>", [])) == "&lt;i&gt;"


def test_period_end_is_the_last_day_of_the_month_or_week():
    assert period_end("2024-02-01", "month") == "2024-02-29"
    assert period_end("2023-12-01", "month") == "2023-12-31"
    assert period_end("2024-12-30", "week") == "2025-01-05"


# ---------------------------------------------------------------------------- pages
@pytest.mark.parametrize("path", ["/", "/events", "/dyads", "/network", "/map"])
def test_every_page_answers_with_the_nav_bar(web_client, path):
    r = web_client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    page = assert_inert(r.text)
    assert {"/", "/events", "/dyads", "/network", "/map"} <= set(hrefs(page))
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_overview_counts_and_links_dyads_to_the_explorer(web_client, web_db):
    conn = sqlite3.connect(web_db)
    stories = conn.execute("SELECT COUNT(*) FROM documents WHERE status != 'report'").fetchone()[0]
    events = conn.execute("SELECT COUNT(*) FROM events WHERE factuality = 'asserted'").fetchone()[0]
    conn.close()
    html = web_client.get("/").text
    assert re.search(rf'id="count-stories">{stories:,}<', html)
    assert re.search(rf'id="count-events">{events:,}<', html)
    assert re.search(rf'id="count-reports">{len(REPORT_IDS)}<', html)
    dyad_links = [h for h in hrefs(parse(html)) if h.startswith("/dyads?")]
    assert "/dyads?a=AZE&b=RUS" in dyad_links


def test_events_filters_page_and_csv_link(web_client, web_db):
    expected = rus_aze_events(web_db)
    assert expected > 2
    html = web_client.get("/events?a=Russia&b=Azerbaijan").text
    assert re.search(rf'id="total">{expected}<', html)
    # every row is of the dyad
    rows = re.findall(r'<span class="code">([A-Z]{3})</span>', html)
    assert rows and set(rows) <= {"RUS", "AZE"}
    csv_href = re.search(r'id="csv" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert csv_href.startswith("/api/events?") and "format=csv" in csv_href
    assert "a=Russia" in csv_href and "b=Azerbaijan" in csv_href
    body = web_client.get(csv_href)
    assert body.status_code == 200
    assert len(list(csv.DictReader(io.StringIO(body.text)))) == expected

    one = web_client.get("/events?type=ASSAULT").text
    assert "ASSAULT" in one and not re.search(r'class="etype"[^>]*>(?!ASSAULT)[A-Z]+<', one)
    paged = web_client.get("/events?per_page=5&page=2").text
    assert "page 2 of" in paged and len(re.findall(r'class="etype"', paged)) == 5
    none = web_client.get("/events?q=no+sentence+says+this+xyzzy").text
    assert 'id="total">0<' in none and "No events match." in none


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("page=x", "page must be a whole number"),
        ("per_page=0", "per_page must be between"),
        ("type=BOGUS", "unknown type"),
        ("date_from=yesterday", "date_from must be a date"),
        ("sort=;drop table events", "unknown sort"),
        ("a=Russia", "a dyad needs both a and b"),
    ],
)
def test_bad_filters_get_one_line_not_a_crash(web_client, query, says):
    r = web_client.get("/events?" + query)
    assert r.status_code == 400
    assert says in html.unescape(r.text)


def test_unknown_ids_are_404_pages(web_client):
    for path in ("/events/0000nope", "/documents/no-such-story"):
        r = web_client.get(path)
        assert r.status_code == 404
        assert '<p class="errline">' in r.text and "in this store" in r.text


def test_event_page_marks_its_sentence_and_lists_reports(web_client):
    listing = web_client.get(f"/events?doc_id={REPORTED_STORY}").text
    event_id = first_event_id(listing)
    r = web_client.get(f"/events/{event_id}")
    assert r.status_code == 200
    detail = web_client.get(f"/api/events/{event_id}").json()
    page = assert_inert(r.text)
    assert page.marks == [detail["evidence_text"]]
    # the story itself and both near-copies state it
    for doc_id in (REPORTED_STORY, *REPORT_IDS):
        assert f'href="/documents/{doc_id}"' in r.text


def test_document_page_marks_every_event(web_client):
    r = web_client.get(f"/documents/{REPORTED_STORY}")
    assert r.status_code == 200
    events = web_client.get(f"/api/documents/{REPORTED_STORY}").json()["events"]
    page = assert_inert(r.text)
    marked = " ".join(page.marks)
    for e in events:
        assert e["evidence_text"] in marked or any(m in e["evidence_text"] for m in page.marks)
    assert len(re.findall(r'href="/events/[0-9a-f]+"', r.text)) >= len(events)


def test_dyad_explorer_hands_the_series_to_its_script(web_client, web_db):
    r = web_client.get("/dyads?a=Russia&b=Azerbaijan")
    assert r.status_code == 200
    page = assert_inert(r.text)
    block = re.search(r'id="dyad-data">(.*?)</script>', r.text, re.S)
    data = json.loads(block.group(1))
    assert {data["a"], data["b"]} == {"RUS", "AZE"}
    dated = sum(p["events"] for p in data["points"])
    assert 0 < dated <= rus_aze_events(web_db)
    assert data["points"] == sorted(data["points"], key=lambda p: p["start"])
    selected = [a.get("value") for t, a in page.tags if t == "option" and "selected" in a]
    assert {"RUS", "AZE"} <= set(selected)
    # no choice: the busiest dyad; one side only: one line
    assert "dyad-data" in web_client.get("/dyads").text
    assert web_client.get("/dyads?a=RUS").status_code == 400
    assert web_client.get("/dyads?a=RUS&b=Atlantis").status_code == 400
    assert web_client.get("/dyads?a=RUS&b=AZE&interval=year").status_code == 400
    weekly = web_client.get("/dyads?a=RUS&b=AZE&interval=week").text
    assert re.search(r">\d{4}-W\d{2}</a></td>", weekly)
    # each period of the table opens its events in the list: together, every dated event
    periods = re.findall(r'<td><a href="(/events\?[^"]+)">\d{4}-\d{2}</a></td>', r.text)
    assert periods
    listed = 0
    for href in periods:
        page_html = web_client.get(html.unescape(href)).text
        listed += int(re.search(r'id="total">(\d+)<', page_html).group(1))
    assert listed == dated


def test_network_draws_signed_edges_and_downloads_them(web_client):
    r = web_client.get("/network?limit=10")
    assert r.status_code == 200
    assert_inert(r.text)
    edges = re.findall(r'<path class="edge (coop|conf)"', r.text)
    api = web_client.get("/api/actors/network?limit=10").json()["edges"]
    assert len(edges) == len(api)
    assert edges == ["coop" if e["sign"] > 0 else "conf" for e in api]
    rows = list(csv.DictReader(io.StringIO(web_client.get("/network.csv?limit=10").text)))
    assert [(r["source"], r["target"]) for r in rows] == [(e["source"], e["target"]) for e in api]
    assert web_client.get("/network?limit=0").status_code == 400


def test_network_of_one_actor(web_client):
    everything = web_client.get("/api/actors/network?limit=1000").json()["edges"]
    expected = [e for e in everything if "RUS" in (e["source"], e["target"])]
    assert expected
    for country in ("RUS", "Russia"):
        rows = list(
            csv.DictReader(io.StringIO(web_client.get(f"/network.csv?country={country}").text))
        )
        assert [(r["source"], r["target"], int(r["events"])) for r in rows] == [
            (e["source"], e["target"], e["events"]) for e in expected
        ]
        assert max(float(r["weight"]) for r in rows) == 1.0
    page = web_client.get("/network?country=Russia&limit=2").text
    assert len(re.findall(r'<path class="edge ', page)) == min(2, len(expected))
    none = web_client.get("/network?country=ATA").text
    assert "No events between two different actors with ATA yet." in none


def test_map_lists_places_with_the_filters(web_client):
    r = web_client.get("/map")
    assert r.status_code == 200
    assert_inert(r.text)
    data = json.loads(
        re.search(r'id="map-data">(.*?)</script>', r.text, re.S).group(1)
    )
    assert data["places"] and all(-90 <= p["lat"] <= 90 for p in data["places"])
    assert data["places"] == web_client.get("/api/places").json()["places"]
    narrowed = web_client.get("/map?quad=material_conflict").text
    places = json.loads(re.search(r'id="map-data">(.*?)</script>', narrowed, re.S).group(1))
    assert all(p["conflict"] == p["events"] for p in places["places"])
    download = web_client.get("/api/places?format=csv&quad=material_conflict").text
    rows = list(csv.DictReader(io.StringIO(download)))
    assert [r["name"] for r in rows] == [p["name"] for p in places["places"]]


def test_outlines_and_vega_bundle_are_served(web_client):
    geo = web_client.get("/static/countries.geojson")
    assert geo.status_code == 200 and len(geo.content) < 1_000_000
    features = geo.json()["features"]
    assert len(features) > 150
    assert {"RUS", "AZE", "FRA", "NOR"} <= {f["properties"]["iso"] for f in features}
    js = web_client.get("/assets/vega.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "vegaEmbed" in js.text and "expressionInterpreter" in js.text


# ---------------------------------------------------------------------------- hostile text
def test_hostile_story_shows_its_markup_as_text(web_client):
    listing = web_client.get(f"/events?doc_id={HOSTILE_DOC_ID}&factuality=all")
    assert listing.status_code == 200
    assert_inert(listing.text)
    event_id = first_event_id(listing.text)
    listed = f"/events?doc_id={HOSTILE_DOC_ID}&factuality=all"
    for path in (f"/documents/{HOSTILE_DOC_ID}", f"/events/{event_id}", listed):
        r = web_client.get(path)
        assert r.status_code == 200, path
        page = assert_inert(r.text)
        assert HOSTILE_SCRIPT not in r.text and HOSTILE_IMG not in r.text, path
        assert "&lt;script&gt;alert(" in r.text, path  # shown, as text
        assert HOSTILE_URL not in hrefs(page)
    story = web_client.get(f"/documents/{HOSTILE_DOC_ID}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in story
    # the javascript: URL is shown, as text, never as a link
    assert re.search(rf'<span class="unsafe-url"[^>]*>{re.escape(HOSTILE_URL)}</span>', story)


def test_injection_strings_in_filters_are_only_text(web_client):
    for value in ("' OR 1=1 --", '"><script>alert(1)</script>', "%", "_"):
        r = web_client.get("/events", params={"actor": value, "q": value})
        assert r.status_code == 200
        assert 'id="total">0<' in r.text
        assert_inert(r.text)
        assert "<script>alert(1)</script>" not in r.text
    # the map hands its filters to its script in a JSON block: a closing tag stays inside
    breakout = "</script><script>alert(1)</script>"
    r = web_client.get("/map", params={"q": breakout})
    assert r.status_code == 200
    assert_inert(r.text)
    block = re.search(r'id="map-data">(.*?)</script>', r.text, re.S).group(1)
    assert json.loads(block)["params"]["q"] == breakout


# ---------------------------------------------------------------------------- outlines
@functools.cache
def load_make_outlines():
    """scripts/make_outlines.py as a module (scripts/ is no package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "make_outlines.py"
    spec = importlib.util.spec_from_file_location("make_outlines", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ring_area(ring) -> float:
    """Shoelace area: positive when counter-clockwise (the script's own measure)."""
    return load_make_outlines().signed_area(ring)


def test_shipped_outlines_are_wound_for_d3(web_client):
    """d3-geo (Vega's projections) reads a clockwise ring as the land inside it: an
    exterior wound the other way would paint the whole globe."""
    for feature in web_client.get("/static/countries.geojson").json()["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]]
            if geometry["type"] == "Polygon"
            else geometry["coordinates"]
        )
        for exterior, *holes in polygons:
            assert exterior[0] == exterior[-1] and len(exterior) >= 4
            assert ring_area(exterior) < 0, feature["properties"]
            assert all(ring_area(h) > 0 for h in holes), feature["properties"]
            for lon, lat in exterior:
                assert -180 <= lon <= 180 and -90 <= lat <= 90
                assert round(lon, 1) == lon and round(lat, 1) == lat


def test_make_outlines_reads_a_shapefile_of_our_making(tmp_path):
    import struct

    mo = load_make_outlines()
    # one country: a clockwise square with a counter-clockwise hole, as shapefiles store them
    outer = [(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]
    hole = [(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0), (2.0, 2.0)]
    points = outer + hole
    content = struct.pack("<i4d2i", 5, 0, 0, 10, 10, 2, len(points))
    content += struct.pack("<2i", 0, len(outer))
    content += struct.pack(f"<{2 * len(points)}d", *[c for p in points for c in p])
    record = struct.pack(">2i", 1, len(content) // 2) + content
    header = struct.pack(">i20xi", 9994, (100 + len(record)) // 2) + struct.pack("<2i", 1000, 5)
    header += struct.pack("<8d", 0, 0, 10, 10, 0, 0, 0, 0)
    (tmp_path / "land.shp").write_bytes(header + record)
    fields = [("name", 12), ("iso_a3", 3)]
    dbf = struct.pack("<B3xIHH20x", 3, 1, 32 + 32 * len(fields) + 1, 1 + 15)
    for name, width in fields:
        dbf += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([width, 0]) + b"\0" * 14
    dbf += b"\r" + b" " + b"France".ljust(12) + b"-99"
    (tmp_path / "land.dbf").write_bytes(dbf)

    out = tmp_path / "out.geojson"
    assert mo.main([str(tmp_path / "land.shp"), "--out", str(out)]) == 0
    (feature,) = json.loads(out.read_text())["features"]
    assert feature["properties"] == {"iso": "FRA", "name": "France"}  # -99 mended
    assert feature["geometry"]["type"] == "Polygon"
    exterior, inner = feature["geometry"]["coordinates"]
    assert ring_area(exterior) < 0 < ring_area(inner)
    assert mo.main([str(tmp_path / "missing.shp"), "--out", str(out)]) == 1


def test_an_empty_store_shows_empty_pages_not_errors(tmp_path):
    from fastapi.testclient import TestClient

    from eventmill.store import Store
    from eventmill.web.app import create_app

    db = tmp_path / "empty.db"
    Store(db).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        for path, says in (
            ("/", "No events between two actors yet."),
            ("/events", "No events match."),
            ("/dyads", "No events between two actors in this store yet."),
            ("/network", "No events between two different actors yet."),
            ("/map", "No event with a known place matches."),
        ):
            r = client.get(path)
            assert r.status_code == 200, (path, r.text[:200])
            assert says in r.text, path
