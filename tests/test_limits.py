"""Hostile inputs against the limits of eventmill.limits: each is refused (or read) with a
one-line reason naming the record and the setting, the rest of the input goes on, and memory
stays bounded by the limit, not by the input."""

from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import tracemalloc

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventmill import errors
from eventmill.errors import EventmillError
from eventmill.ingest.readers import (
    ReadOptions,
    count_sentences,
    html_depth,
    iter_documents,
)
from eventmill.limits import GIB, MIB, Limits
from eventmill.schema import Document, Rejection

GOOD = {"id": "good", "text": "Chile and Peru held talks in Lima on Friday."}


def read(*paths, limits: Limits | None = None, stdin=None):
    options = ReadOptions(limits=limits) if limits else None
    return list(iter_documents([str(p) for p in paths], options=options, stdin=stdin))


def read_with_peak(path, limits: Limits) -> tuple[list, int]:
    """What reading `path` yields, and the most memory Python held at once meanwhile."""
    tracemalloc.start()
    try:
        results = read(path, limits=limits)
        return results, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def codes(results) -> list[str]:
    return [r.code if isinstance(r, Rejection) else "doc" for r in results]


def assert_one_line(rejection: Rejection) -> None:
    line = rejection.line()
    assert "\n" not in line and rejection.origin in line and rejection.code in line


# ------------------------------------------------------------------ the settings
def test_defaults_and_environment(monkeypatch):
    assert Limits().max_doc_bytes == 16 * MIB and Limits().max_html_depth == 256
    monkeypatch.setenv("EVENTMILL_MAX_DOC_BYTES", "2M")
    monkeypatch.setenv("EVENTMILL_MAX_GZIP_BYTES", "1.5GiB")
    monkeypatch.setenv("EVENTMILL_MAX_SENTENCES", "500")
    limits = Limits.from_env()
    assert limits.max_doc_bytes == 2 * MIB
    assert limits.max_gzip_bytes == int(1.5 * GIB)
    assert limits.max_sentences == 500
    assert limits.with_values(max_sentences="20", max_doc_bytes=None).max_sentences == 20


@pytest.mark.parametrize("value", ["abc", "0", "-5", "12 parsecs", ""])
def test_a_bad_setting_is_one_clear_error(value):
    if not value:  # an empty variable is no setting: the default holds
        assert Limits.from_env({"EVENTMILL_MAX_SENTENCES": value}) == Limits()
        return
    with pytest.raises(EventmillError) as info:
        Limits.from_env({"EVENTMILL_MAX_DOC_BYTES": value})
    assert info.value.code == errors.E_LIMIT
    assert "EVENTMILL_MAX_DOC_BYTES" in str(info.value)


def test_a_bad_environment_warns_and_keeps_the_defaults(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EVENTMILL_MAX_HTML_DEPTH", "deep")
    path = tmp_path / "a.txt"
    path.write_text("Chile and Peru held talks.", encoding="utf-8")
    assert codes(read(path)) == ["doc"]
    err = capsys.readouterr().err
    assert "EVENTMILL_MAX_HTML_DEPTH" in err and len(err.strip().splitlines()) == 1


def test_ingest_rejects_a_bad_limit_option_in_one_line(eventmill_cmd, tmp_path):
    result = subprocess.run(
        [*eventmill_cmd, "ingest", str(tmp_path), "--db", str(tmp_path / "x.db")]
        + ["--max-doc-bytes", "lots"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "eventmill: error: --max-doc-bytes must be a positive number of bytes, e.g. 16M or "
        "2G, not 'lots' [E120]"
    ]


# ------------------------------------------------------------------ gzip bombs
def test_gzip_bomb_is_refused_past_the_size_limit(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as f:
        f.write(json.dumps(GOOD).encode() + b"\n")
        for _ in range(4):
            f.write(b"\n" * MIB)
        f.write(json.dumps({**GOOD, "id": "late"}).encode() + b"\n")
    results = read(path, limits=Limits(max_gzip_bytes=2 * MIB))
    assert codes(results) == ["doc", errors.E_BOMB]
    assert "EVENTMILL_MAX_GZIP_BYTES" in results[1].reason
    assert_one_line(results[1])


def test_gzip_bomb_is_refused_by_its_ratio_without_holding_it(tmp_path):
    """9 MiB of one byte in one JSON string (a 9 KB file): refused at the ratio check
    while decompressing; the line limit keeps what is held far below 9 MiB."""
    path = tmp_path / "bomb.csv.gz"
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(b"id,text\na,Chile and Peru held talks.\nb,")
        f.write(b"a" * (9 * MIB))
        f.write(b"\n")
    results, peak = read_with_peak(path, Limits(max_line_bytes=256 * 1024))
    assert codes(results)[0] == "doc" and codes(results)[-1] == errors.E_BOMB
    assert "EVENTMILL_MAX_GZIP_RATIO" in results[-1].reason
    assert peak < 4 * MIB, f"peak {peak / MIB:.1f} MiB"


# ------------------------------------------------------------------ long lines
@pytest.mark.parametrize("name", ["long.jsonl", "long.jsonl.gz", "long.csv"])
def test_a_line_over_the_limit_is_skipped_not_held(tmp_path, name):
    """A 6 MB line under a 64 KiB line limit: that record rejected with its line number,
    the next one read, and never more than a fraction of the line in memory."""
    big = "word " * (6 * MIB // 5)
    if name.endswith(".csv"):
        body = f"id,text\na,{GOOD['text']}\nb,{big}\nc,{GOOD['text']} Again.\n"
    else:
        lines = [GOOD, {"id": "b", "text": big}, {"id": "c", "text": GOOD["text"] + " Again."}]
        body = "".join(json.dumps(r) + "\n" for r in lines)
    path = tmp_path / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as f:
        f.write(body)
    del body, big
    results, peak = read_with_peak(path, Limits(max_line_bytes=64 * 1024))
    assert codes(results) == ["doc", errors.E_LINE, "doc"]
    assert (
        re.search(r":\d+$", results[1].origin) and "EVENTMILL_MAX_LINE_BYTES" in results[1].reason
    )
    assert_one_line(results[1])
    assert peak < 2 * MIB, f"peak {peak / MIB:.1f} MiB for a 6 MB line"


def test_a_csv_field_over_the_document_limit_is_that_row_only(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        f"id,text\na,{GOOD['text']}\nb,{'x' * 5000}\nc,{GOOD['text']} Again.\n", encoding="utf-8"
    )
    results = read(path, limits=Limits(max_doc_bytes=1000))
    assert codes(results) == ["doc", errors.E_TOO_BIG, "doc"]
    assert results[1].origin.endswith(":3")


# ------------------------------------------------------------------ big documents
def test_a_million_sentences_are_rejected_whole(tmp_path):
    path = tmp_path / "million.txt"
    path.write_text("Troops fired. " * 1_000_000, encoding="utf-8")
    (rejection,) = read(path, limits=Limits(max_doc_bytes=64 * MIB))
    assert rejection.code == errors.E_TOO_MANY_SENTENCES
    assert "EVENTMILL_MAX_SENTENCES" in rejection.reason
    assert count_sentences("One. Two! Three?\nFour") == 4


def test_a_document_over_the_size_limit_in_a_record(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        json.dumps({"id": "big", "text": "word " * 500}) + "\n" + json.dumps(GOOD) + "\n",
        encoding="utf-8",
    )
    results = read(path, limits=Limits(max_doc_bytes=1000))
    assert codes(results) == [errors.E_TOO_BIG, "doc"]


def test_standard_input_over_the_limit(tmp_path):
    (rejection,) = read("-", limits=Limits(max_doc_bytes=100), stdin=io.BytesIO(b"x " * 200))
    assert rejection.code == errors.E_TOO_BIG and rejection.origin == "<stdin>"
    # JSONL on standard input is read line by line whatever its size
    records = "".join(json.dumps({**GOOD, "id": f"s{i}"}) + "\n" for i in range(10)).encode()
    results = read("-", limits=Limits(max_doc_bytes=100), stdin=io.BytesIO(records))
    assert [r.doc_id for r in results] == [f"s{i}" for i in range(10)]


# ------------------------------------------------------------------ HTML nesting
def test_html_nested_ten_thousand_deep_is_rejected_with_the_reason(tmp_path):
    path = tmp_path / "deep.html"
    text = "<p>Kenya and Uganda signed an agreement on Tuesday in Nairobi, officials said.</p>"
    path.write_text(
        "<html><body>" + "<div>" * 10_000 + text + "</div>" * 10_000 + "</body></html>",
        encoding="utf-8",
    )
    (rejection,) = read(path)
    assert rejection.code == errors.E_NESTING and "EVENTMILL_MAX_HTML_DEPTH" in rejection.reason
    # the same text 50 deep is read
    path.write_text("<html><body>" + "<div>" * 50 + text * 3 + "</div>" * 50 + "</body></html>")
    (doc,) = read(path)
    assert "Uganda" in doc.text


def test_html_depth_counts_what_parsers_nest():
    assert html_depth("<div><div><span>x</span></div></div>") == 3
    # unclosed paragraphs and list items, void elements, comments and scripts add nothing
    assert html_depth("<ul>" + "<li>item<br><img src=x>" * 500 + "</ul>") == 1
    assert html_depth("<div><!-- <div><div> --><script>if (a<b) {}</script></div>") == 1
    assert html_depth("<b>" * 1000, stop_above=10) == 11


# ------------------------------------------------------------------ WARC lying lengths
ARTICLE = (
    "<html><head><title>Kenya{n} and Uganda sign border deal</title></head><body><article>"
    "<p>Kenya and Uganda signed an agreement on Tuesday to settle a dispute over Migingo "
    "island in Lake Victoria, officials in Nairobi said.</p><p>The two governments agreed to "
    "hold joint patrols on the lake and to share fishing rights, a statement said.</p>"
    "</article></body></html>"
)


def _warc(gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        payload = io.BytesIO(ARTICLE.format(n=n).encode())
        writer.write_record(
            writer.create_warc_record(
                f"https://x.example/{n}", "response", payload=payload, http_headers=headers
            )
        )
    return out.getvalue()


@pytest.mark.parametrize("delta", [+300, -300, 10**9, 10**13])
def test_warc_record_with_a_lying_length_is_skipped_and_the_rest_read(tmp_path, delta, capfd):
    data = _warc(gz=False)
    m = re.search(rb"Content-Length: (\d+)", data)
    lie = str(int(m.group(1)) + delta).encode()
    path = tmp_path / "lying.warc"
    path.write_bytes(data[: m.start(1)] + lie + data[m.end(1) :])
    results = read(path)
    assert codes(results) == [errors.E_ARCHIVE, "doc", "doc"]
    assert [d.url for d in results[1:]] == ["https://x.example/1", "https://x.example/2"]
    assert "Content-Length" in results[0].reason and results[0].origin.endswith(":1")
    assert capfd.readouterr().err == ""  # warcio's own multi-line warning is kept quiet


def test_gzipped_warc_with_a_garbled_record_goes_on_to_the_next(tmp_path):
    data = bytearray(_warc(gz=True))
    members = [m.start() for m in re.finditer(b"\x1f\x8b\x08", bytes(data))]
    assert len(members) == 3
    middle = members[1] + 40
    data[middle : middle + 20] = b"\xff" * 20  # the second record's deflate data broken
    path = tmp_path / "garbled.warc.gz"
    path.write_bytes(bytes(data))
    results = read(path)
    assert codes(results) == ["doc", errors.E_ARCHIVE, "doc"]
    assert results[2].url == "https://x.example/2"
    assert_one_line(results[1])


# ------------------------------------------------------------------ encodings in JSONL
@pytest.mark.parametrize("gz", [False, True])
def test_invalid_utf8_inside_a_jsonl_line_rejects_that_record_only(tmp_path, gz):
    lines = [
        json.dumps(GOOD).encode(),
        b'{"id": "bad", "text": "Caf\xe9 owners protested in Lima."}',
        b'{"id": "nul", "text": "raw \x00 byte"}',
        json.dumps({"id": "escaped", "text": "escaped NUL \u0000 is text"}).encode(),
        json.dumps({"id": "after", "text": "Peru and Chile signed an accord."}).encode(),
    ]
    path = tmp_path / ("mixed.jsonl.gz" if gz else "mixed.jsonl")
    data = b"\n".join(lines) + b"\n"
    path.write_bytes(gzip.compress(data) if gz else data)
    results = read(path)
    assert codes(results) == ["doc", errors.E_ENCODING, errors.E_JSON, "doc", "doc"]
    assert results[1].origin == f"{path}:2" and "column 27" in results[1].reason
    assert results[4].doc_id == "after"


def test_a_lone_surrogate_escape_is_rejected_and_metadata_made_safe(tmp_path):
    path = tmp_path / "surrogates.jsonl"
    path.write_text(
        '{"id": "a", "text": "broken \\ud800 escape"}\n'
        '{"id": "b\\udfff", "title": "T\\ud800", "text": "Chile and Peru held talks."}\n',
        encoding="utf-8",
    )
    rejection, doc = read(path)
    assert rejection.code == errors.E_ENCODING
    assert doc.doc_id == "b\\xed\\xbf\\xbf" and doc.title == "T\\xed\\xa0\\x80"
    doc.title.encode("utf-8")  # the store can take it


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_jsonl_with_and_without_bom(tmp_path, encoding):
    path = tmp_path / "wide.jsonl"
    records = [GOOD, {"id": "ru", "text": "Москва и Ереван подписали соглашение."}]
    path.write_bytes(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(encoding)
    )
    results = read(path)
    assert [d.text for d in results] == [r["text"] for r in records]


def test_non_utf8_file_names_are_reported_safely(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    raw = bytes(folder) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(b"Chile and Peru held talks.")
    (doc,) = read(folder)
    assert isinstance(doc, Document) and doc.origin.endswith("caf\\xe9.txt")
    doc.origin.encode("utf-8")


def test_a_warc_member_of_one_endless_line_is_not_held(tmp_path):
    """warcio reads header lines unbounded: 256 MiB of one byte with no line break after
    the good records (a 250 KB file) was held whole. Lines are cut at 1 MiB now; what stays
    is warcio's buffer of one decompressed block (up to ~16 MiB) and its copies."""
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb") as member:
        for _ in range(256):
            member.write(b"a" * MIB)
    path = tmp_path / "endless.warc.gz"
    path.write_bytes(_warc(gz=True) + packed.getvalue())
    results, peak = read_with_peak(path, Limits())
    assert codes(results) == ["doc", "doc", "doc", errors.E_ARCHIVE]
    assert peak < 128 * MIB, f"peak {peak / MIB:.1f} MiB"
