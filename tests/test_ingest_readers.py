"""Corpus readers: WARC (plain and gzipped; HTML responses only), .jsonl.gz, CSV with a
named text column, folders; streamed record by record; every bad record a Rejection."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tracemalloc
from datetime import date

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventmill import errors
from eventmill.ingest.readers import ReadOptions, iter_documents
from eventmill.schema import Document, Rejection

ARTICLE = (
    "<html><head><title>Kenya and Uganda sign border deal</title>"
    '<meta property="article:published_time" content="2021-03-04"></head><body>'
    "<nav>Home | World | Sport</nav><article><h1>Kenya and Uganda sign border deal</h1>"
    "<p>Kenya and Uganda signed an agreement on Tuesday to settle a dispute over Migingo "
    "island in Lake Victoria, officials in Nairobi said.</p>"
    "<p>The two governments agreed to hold joint patrols on the lake and to share fishing "
    "rights, according to a statement read by the foreign ministers.</p></article>"
    "<footer>Follow us on social networks</footer></body></html>"
)


def read(*paths, **kwargs):
    return list(iter_documents([str(p) for p in paths], **kwargs))


def _warc(path, gz: bool):
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))

        def response(url, body: bytes, ctype: str, status="200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        response("https://news.example.org/kenya", ARTICLE.encode("utf-8"), "text/html")
        response("https://news.example.org/logo.png", b"\x89PNG....", "image/png")
        response("https://news.example.org/old", b"", "text/html", status="301 Moved")
        response(
            "https://news.example.org/empty",
            b"<html><head><title></title></head><body></body></html>",
            "text/html; charset=utf-8",
        )
        request = writer.create_warc_record(
            "https://news.example.org/kenya", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n")
        )
        writer.write_record(request)
        latin = ARTICLE.replace("Kenya and Uganda sign", "Côte d'Ivoire and Ghana sign")
        response(
            "https://news.example.org/ivoire",
            latin.encode("cp1252"),
            "text/html; charset=windows-1252",
        )
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_only(tmp_path, gz):
    path = _warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz)
    results = read(path)
    docs = [r for r in results if isinstance(r, Document)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [d.url for d in docs] == [
        "https://news.example.org/kenya",
        "https://news.example.org/ivoire",
    ]
    kenya, ivoire = docs
    assert kenya.text.startswith("Kenya and Uganda sign border deal")
    assert "Migingo island" in kenya.text and "Follow us" not in kenya.text
    assert kenya.published == date(2021, 3, 4) and kenya.published_from == "metadata"
    assert kenya.doc_id.startswith("urn:uuid:")
    assert "Côte d'Ivoire" in ivoire.text  # decoded with the charset the server sent
    # the page with no article is a rejection naming the file and the record
    assert [(r.code, r.origin) for r in rejections] == [(errors.E_HTML, f"{path}:5")]


def test_warc_without_a_page_date_takes_the_crawl_date(tmp_path):
    path = tmp_path / "nodate.warc"
    page = ARTICLE.replace('<meta property="article:published_time" content="2021-03-04">', "")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2022-05-06T10:00:00Z"},
            )
        )
    (doc,) = read(path)
    assert doc.published == date(2022, 5, 6) and doc.published_from == "crawl"


def test_broken_warc_is_a_rejection_not_a_crash(tmp_path):
    path = tmp_path / "broken.warc.gz"
    good = _warc(tmp_path / "good.warc.gz", True).read_bytes()
    path.write_bytes(good[: len(good) // 2] + b"\x00garbage")
    results = read(path)
    assert isinstance(results[-1], Rejection) and results[-1].code == errors.E_ARCHIVE


def test_jsonl_gz_streamed_with_bad_lines(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "text": "Chad closed its border.", "source": "X"}) + "\n")
        f.write("{oops\n\n")
        f.write(json.dumps({"text": "Peru and Chile signed an accord."}) + "\n")
        f.write(json.dumps({"id": "c", "text": ""}) + "\n")
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Document", "Rejection", "Document", "Rejection"]
    assert results[0].doc_id == "a" and results[0].source == "X"
    assert results[2].doc_id == "wire-4"  # <stem>-<line>, the stem without .jsonl.gz
    assert results[1].origin == f"{path}:2" and results[1].code == errors.E_JSON
    assert results[3].code == errors.E_FIELD


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    lines = [json.dumps({"id": f"d{i}", "text": f"Story {i} " * 200}) + "\n" for i in range(200)]
    data = gzip.compress("".join(lines).encode())
    path.write_bytes(data[: len(data) // 2])
    results = read(path)
    docs = [r for r in results if isinstance(r, Document)]
    assert 10 < len(docs) < 200
    assert [d.doc_id for d in docs] == [f"d{i}" for i in range(len(docs))]
    assert isinstance(results[-1], Rejection) and results[-1].code == errors.E_ARCHIVE


def test_jsonl_gz_is_read_one_record_at_a_time(tmp_path):
    """Memory does not grow with the file: reading 16 MB of records through keeps well under
    a tenth of it allocated at any time (a whole-file read would hold all of it)."""
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(4000):
            f.write(json.dumps({"id": f"d{i}", "text": "word " * 800}) + "\n")
    tracemalloc.start()
    try:
        n = sum(1 for r in iter_documents([str(path)]) if isinstance(r, Document))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 4000
    assert peak < 1.6e6, f"peak {peak / 1e6:.1f} MB while reading 16 MB of records"


def _csv(path, rows, delimiter=",", encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        for row in rows:
            writer.writerow(row)
    return path


def test_csv_with_a_named_text_column_and_metadata(tmp_path):
    path = _csv(
        tmp_path / "export.csv",
        [
            ["story_id", "body", "headline", "date", "link"],
            ["s1", "Kenya and Uganda held talks,\n\nin Nairobi.", "Talks", "2020-05-01", "u1"],
            ["s2", "", "Empty", "2020-05-02", "u2"],
            ["", "Egypt hosted the summit.", "", "bad date", ""],
        ],
    )
    options = ReadOptions(
        text_column="body",
        id_column="story_id",
        title_column="headline",
        published_column="date",
        url_column="link",
    )
    s1, empty, third = read(path, options=options)
    assert (s1.doc_id, s1.title, s1.published, s1.url) == ("s1", "Talks", date(2020, 5, 1), "u1")
    assert s1.text == "Kenya and Uganda held talks,\n\nin Nairobi."
    assert s1.origin == f"{path}:2"
    assert isinstance(empty, Rejection) and empty.code == errors.E_FIELD
    assert empty.origin == f"{path}:3"
    assert third.doc_id == "export-4" and third.published is None and third.title is None


def test_csv_without_the_text_column_is_one_rejection(tmp_path):
    path = _csv(tmp_path / "x.csv", [["a", "b"], ["1", "2"]])
    (rejection,) = read(path, options=ReadOptions(text_column="body"))
    assert rejection.code == errors.E_COLUMN and "'body'" in rejection.reason
    (rejection,) = read(path)
    assert rejection.code == errors.E_COLUMN and "--text-column" in rejection.reason


def test_csv_default_text_column_tsv_gz_and_legacy_encoding(tmp_path):
    path = tmp_path / "feed.tsv.gz"
    body = "id\ttext\nr1\tSão Tomé and Angola signed a pact.\n".encode("cp1252")
    path.write_bytes(gzip.compress(body))
    (doc,) = read(path)
    assert doc.doc_id == "r1" and doc.text == "São Tomé and Angola signed a pact."


def test_csv_html_cells_go_through_the_article_extractor(tmp_path):
    path = _csv(tmp_path / "pages.csv", [["id", "text"], ["p1", ARTICLE]])
    (doc,) = read(path)
    assert doc.text.startswith("Kenya and Uganda sign border deal") and "<p>" not in doc.text


def test_folder_with_every_corpus_format(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "c").mkdir(parents=True)
    _warc(root / "b" / "crawl.warc.gz", True)
    with gzip.open(root / "b" / "c" / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "j1", "text": "Chad closed its border."}) + "\n")
    _csv(root / "a.csv", [["id", "text"], ["c1", "Mali expelled the envoy."]])
    (root / "b" / ".hidden.csv").write_text("id,text\nh,hidden\n", encoding="utf-8")
    docs = [r.doc_id for r in read(root) if isinstance(r, Document)]
    # in the order of sorted paths: a.csv, b/c/feed.jsonl.gz, b/crawl.warc.gz
    assert docs[:2] == ["c1", "j1"] and len(docs) == 4


def test_big_plain_jsonl_is_streamed_not_refused(tmp_path, monkeypatch):
    # the document limit bounds each record, not the file: JSONL is read line by line
    monkeypatch.setenv("EVENTMILL_MAX_DOC_BYTES", "200")
    path = tmp_path / "big.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": "Words. " * 20}) + "\n" for i in range(5)),
        encoding="utf-8",
    )
    assert [r.doc_id for r in read(path)] == [f"d{i}" for i in range(5)]
