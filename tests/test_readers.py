"""Tests of ingest/readers.py: files, folders, JSONL and standard input in; Documents or
Rejections out, never an exception for a user's bad input."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from eventmill import errors
from eventmill.ingest import readers
from eventmill.ingest.readers import decode_bytes, iter_documents
from eventmill.schema import Document, Rejection

ENGLISH = (
    "The foreign minister of Georgia met his Armenian counterpart in Tbilisi on Monday.\n"
    "They discussed a new road across the border.\n"
)
RUSSIAN = (
    "Министр иностранных дел Грузии встретился с армянским коллегой в Тбилиси. "
    "Стороны обсудили строительство новой дороги через границу.\n"
)
LATIN = "The café owners of São Paulo said the façade of the town hall was damaged.\n"


def read(*inputs: str | Path, **kwargs) -> list[Document | Rejection]:
    return list(iter_documents([str(i) for i in inputs], **kwargs))


def only_document(results: list) -> Document:
    assert len(results) == 1, results
    assert isinstance(results[0], Document), results[0]
    return results[0]


def only_rejection(results: list, code: str) -> Rejection:
    assert len(results) == 1, results
    assert isinstance(results[0], Rejection), results[0]
    assert results[0].code == code, results[0]
    return results[0]


# ---------------------------------------------------------------------------- text encodings
def test_utf8_text_file(tmp_path):
    path = tmp_path / "tbilisi-talks.txt"
    path.write_bytes(ENGLISH.encode("utf-8"))
    doc = only_document(read(path))
    assert doc.text == ENGLISH
    assert doc.doc_id == "tbilisi-talks"
    assert doc.origin == str(path)
    assert doc.published is None and doc.published_from is None


def test_utf8_with_bom_drops_the_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    doc = only_document(read(path))
    assert doc.text == ENGLISH
    assert not doc.text.startswith("\ufeff")


def test_cp1251_russian_is_decoded(tmp_path):
    path = tmp_path / "russian.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    doc = only_document(read(path))
    assert doc.text == RUSSIAN


def test_latin1_is_decoded_as_western_not_central_european(tmp_path):
    # charset_normalizer alone picks cp1250 here and turns "São" into "Săo"
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN.encode("latin-1"))
    doc = only_document(read(path))
    assert doc.text == LATIN


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes(ENGLISH.encode(encoding))
    doc = only_document(read(path))
    assert doc.text == ENGLISH


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_cyrillic_with_and_without_bom(tmp_path, encoding):
    # without a BOM, Cyrillic UTF-16 has NULs only in the bytes of spaces and punctuation
    path = tmp_path / "wide-russian.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    doc = only_document(read(path))
    assert doc.text == RUSSIAN


def test_a_stray_nul_in_utf8_text_is_not_taken_for_utf16():
    with pytest.raises(readers.DecodeProblem) as info:
        decode_bytes(b"A perfectly ordinary line of English text.\x00 And some more words.")
    assert info.value.code == errors.E_BINARY


# ---------------------------------------------------------------------------- HTML
ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Neighbours sign water deal | The Steppe Courier</title>
<meta property="og:title" content="Neighbours sign water deal">
<meta property="article:published_time" content="2021-03-14T09:30:00+00:00">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Neighbours sign water deal</h1>
<p>The foreign ministers of Kazakhstan and Uzbekistan signed a treaty on sharing the waters
of the Syr Darya on Saturday, officials in Astana said.</p>
<p>The agreement sets quotas for irrigation during the summer months and creates a joint
commission to watch the flow of the river at three border stations.</p>
<p>Both governments called the talks constructive and said a second round would be held in
Tashkent before the end of the year.</p>
</article>
<footer>Copyright The Steppe Courier</footer>
</body>
</html>
"""


def test_html_article_text_title_and_date(tmp_path):
    path = tmp_path / "water-deal.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    doc = only_document(read(path))
    assert doc.doc_id == "water-deal"
    assert doc.title == "Neighbours sign water deal"
    assert "signed a treaty on sharing the waters" in " ".join(doc.text.split())
    assert "Tashkent" in doc.text
    assert "<p>" not in doc.text and "Sport" not in doc.text  # markup and navigation gone
    assert doc.text.startswith("Neighbours sign water deal")  # the headline stays in the text
    assert doc.published == date(2021, 3, 14)
    assert doc.published_from == "metadata"


def test_published_option_does_not_override_the_page_date(tmp_path):
    path = tmp_path / "water-deal.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    doc = only_document(read(path, published=date(2022, 1, 1)))
    assert doc.published == date(2021, 3, 14)


MALFORMED_HTML = (
    "<html><body><div><p>Protesters gathered outside the parliament building in the capital "
    "on Sunday <b>demanding new elections and the release of detained journalists<p>Police "
    "used water cannon to push the crowd back from the central square, witnesses said "
    "<div><span>unclosed <table><tr><td>cell"
)


def test_malformed_html_yields_text_or_a_clear_rejection(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(MALFORMED_HTML, encoding="utf-8")
    results = read(path)  # must not raise
    assert len(results) == 1
    result = results[0]
    if isinstance(result, Rejection):
        assert result.code == errors.E_HTML
        assert str(path) in result.line()
    else:
        assert "Protesters gathered outside the parliament" in result.text
        assert "<" not in result.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>x</title></head><body></body></html>",
        "<html><body>   </body></html>",
        "<!DOCTYPE html><html><head><script>var a = 1;</script></head><body></body></html>",
    ],
)
def test_html_without_an_article_is_rejected(tmp_path, html):
    path = tmp_path / "nothing.html"
    path.write_text(html, encoding="utf-8")
    rejection = only_rejection(read(path), errors.E_HTML)
    assert str(path) in rejection.line()


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<<<<>>>><html<body<<p>>",
        "<html><body><p>Unclosed <b><i><u>everything " * 200,
        "<html><body>" + "<div>" * 3000 + "Deep text." + "</body></html>",
        "<?xml version='1.0'?><html><body><p>x &nbsp; &#xD800; &bogus; </p></body></html>",
    ],
)
def test_hostile_html_never_raises(tmp_path, html):
    path = tmp_path / "hostile.html"
    path.write_text(html, encoding="utf-8")
    results = read(path)
    assert len(results) == 1
    result = results[0]
    assert isinstance(result, Document) or result.code in (errors.E_HTML, errors.E_NESTING)


# ---------------------------------------------------------------------------- JSONL
def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_record_fields(tmp_path):
    record = {
        "id": "wire-0042",
        "text": "Chile recalled its ambassador from Caracas on Friday.",
        "title": "Chile recalls envoy",
        "published": "2019-07-12T18:04:00Z",
        "url": "https://example.org/chile-envoy",
        "source": "Example Wire",
    }
    path = write_jsonl(tmp_path / "wire.jsonl", [json.dumps(record)])
    doc = only_document(read(path))
    assert doc.doc_id == "wire-0042"
    assert doc.text == record["text"]
    assert doc.title == "Chile recalls envoy"
    assert doc.published == date(2019, 7, 12)
    assert doc.published_from == "record"
    assert doc.url == "https://example.org/chile-envoy"
    assert doc.source == "Example Wire"
    assert doc.origin == f"{path}:1"


def test_jsonl_record_without_id_gets_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", ['{"text": "Peru closed its border."}'])
    assert only_document(read(path)).doc_id == "batch-1"


def test_jsonl_bad_line_is_rejected_and_the_others_are_read(tmp_path):
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            '{"id": "a", "text": "Ghana and Togo agreed to reopen their border."}',
            '{"id": "b", "text": "this line was cut off',
            '{"id": "c", "text": "Nigeria sent troops to the north."}',
        ],
    )
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Document", "Rejection", "Document"]
    assert [r.doc_id for r in results if isinstance(r, Document)] == ["a", "c"]
    rejection = results[1]
    assert rejection.code == errors.E_JSON
    assert rejection.origin == f"{path}:2"
    assert f"{path}:2" in rejection.line()


def test_jsonl_line_that_is_json_but_not_an_object(tmp_path):
    path = write_jsonl(tmp_path / "list.jsonl", ['["not", "an", "object"]'])
    rejection = only_rejection(read(path), errors.E_JSON)
    assert rejection.origin == f"{path}:1"


@pytest.mark.parametrize(
    "record",
    [
        {"id": "x", "title": "a headline only"},
        {"id": "x", "text": ""},
        {"id": "x", "text": "   \n  "},
        {"id": "x", "text": 42},
        {"id": "x", "text": None},
    ],
)
def test_jsonl_record_without_text(tmp_path, record):
    path = write_jsonl(tmp_path / "notext.jsonl", [json.dumps(record)])
    rejection = only_rejection(read(path), errors.E_FIELD)
    assert rejection.origin == f"{path}:1"


def test_jsonl_text_with_line_separator_is_one_record(tmp_path):
    # JSON allows U+2028 raw inside a string; it is not the end of a JSONL line
    text = "Mali expelled the envoy.\u2028Bamako gave no reason."
    lines = [json.dumps({"id": "sep", "text": text}, ensure_ascii=False)]
    lines.append(
        json.dumps({"id": "next", "text": "Niger protested.\x85Twice."}, ensure_ascii=False)
    )
    path = write_jsonl(tmp_path / "sep.jsonl", lines)
    results = read(path)
    assert all(isinstance(r, Document) for r in results), results
    assert [r.doc_id for r in results] == ["sep", "next"]
    assert results[0].text == text


def test_jsonl_with_crlf_line_endings(tmp_path):
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b'{"id": "a", "text": "One."}\r\n{"id": "b", "text": "Two."}\r\n')
    assert [r.doc_id for r in read(path)] == ["a", "b"]


def test_jsonl_blank_lines_are_skipped_and_numbering_kept(tmp_path):
    path = write_jsonl(tmp_path / "gaps.jsonl", ['{"text": "One."}', "", "  ", "{oops"])
    results = read(path)
    assert isinstance(results[0], Document)
    assert results[1].origin == f"{path}:4"
    assert len(results) == 2


# ---------------------------------------------------------------------------- folders
def test_folder_is_walked_recursively(tmp_path):
    root = tmp_path / "corpus"
    (root / "2020" / "may").mkdir(parents=True)
    (root / "top.txt").write_text("Kenya and Uganda held talks.", encoding="utf-8")
    (root / "2020" / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    write_jsonl(
        root / "2020" / "may" / "wire.jsonl",
        ['{"id": "w1", "text": "Egypt hosted the summit."}'],
    )
    (root / "2020" / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    # hidden files and folders are not inputs
    (root / ".notes.txt").write_text("private", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")

    results = read(root)
    documents = sorted(r.doc_id for r in results if isinstance(r, Document))
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert documents == ["page", "top", "w1"]
    assert len(rejections) == 1
    assert rejections[0].code == errors.E_TYPE
    assert rejections[0].origin == str(root / "2020" / "scan.pdf")
    assert ".pdf" in rejections[0].reason


def test_unknown_suffix_given_explicitly_is_read_as_text(tmp_path):
    path = tmp_path / "notes.log"
    path.write_text("Fiji and Tonga signed a fisheries accord.", encoding="utf-8")
    assert only_document(read(path)).text == "Fiji and Tonga signed a fisheries accord."


def test_unknown_suffix_given_explicitly_sniffs_jsonl(tmp_path):
    path = tmp_path / "dump.out"
    path.write_text('{"id": "s1", "text": "Oman mediated."}\n', encoding="utf-8")
    assert only_document(read(path)).doc_id == "s1"


# ---------------------------------------------------------------------------- bad inputs
@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    rejection = only_rejection(read(path), errors.E_EMPTY)
    assert str(path) in rejection.line()


def test_utf16_bom_with_only_white_space_is_empty(tmp_path):
    path = tmp_path / "wide-empty.txt"
    path.write_bytes("  \n".encode("utf-16"))
    only_rejection(read(path), errors.E_EMPTY)


def test_binary_file_with_nul_bytes(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06" * 20
    )
    rejection = only_rejection(read(path), errors.E_BINARY)
    assert "binary" in rejection.reason


def test_binary_file_with_control_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 10 + b"some words")
    only_rejection(read(path), errors.E_BINARY)


def test_missing_path(tmp_path):
    missing = tmp_path / "no-such-file.txt"
    rejection = only_rejection(read(missing), errors.E_MISSING)
    assert rejection.origin == str(missing)
    assert str(missing) in rejection.line()


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTMILL_MAX_DOC_BYTES", "100")
    path = tmp_path / "huge.txt"
    path.write_text("Words. " * 50, encoding="utf-8")
    only_rejection(read(path), errors.E_TOO_BIG)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    try:
        only_rejection(read(path), errors.E_UNREADABLE)
    finally:
        path.chmod(0o644)


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = read(tmp_path / "missing.txt", empty, good)
    assert [type(r).__name__ for r in results] == ["Rejection", "Rejection", "Document"]


def test_every_rejection_line_is_one_line_naming_the_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x00\xff\x00" * 30)
    (tmp_path / "page.html").write_text("<html><body></body></html>", encoding="utf-8")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    write_jsonl(tmp_path / "w.jsonl", ["{bad", '{"id": 1}', '{"text": "Fine."}'])
    results = read(tmp_path, tmp_path / "gone.txt")
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert sorted(r.code for r in rejections) == sorted(
        [
            errors.E_EMPTY,
            errors.E_BINARY,
            errors.E_HTML,
            errors.E_TYPE,
            errors.E_JSON,
            errors.E_FIELD,
            errors.E_MISSING,
        ]
    )
    for r in rejections:
        line = r.line()
        assert "\n" not in line and "\r" not in line
        assert str(tmp_path) in line
        assert line.endswith(f"[{r.code}]")


def test_rejection_line_of_a_file_name_with_a_line_break(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    rejection = only_rejection(read(path), errors.E_EMPTY)
    assert "\n" not in rejection.line()


# ---------------------------------------------------------------------------- stdin
def test_stdin_plain_text():
    results = read("-", stdin=io.BytesIO(ENGLISH.encode("utf-8")))
    doc = only_document(results)
    assert doc.doc_id == "stdin"
    assert doc.origin == "<stdin>"
    assert doc.text == ENGLISH


def test_stdin_jsonl_is_sniffed():
    data = b'{"id": "in-1", "text": "Cuba freed two prisoners."}\nnot json\n'
    results = read("-", stdin=io.BytesIO(data))
    assert isinstance(results[0], Document) and results[0].doc_id == "in-1"
    assert isinstance(results[1], Rejection) and results[1].origin == "<stdin>:2"


def test_stdin_html_is_sniffed():
    doc = only_document(read("-", stdin=io.BytesIO(ARTICLE_HTML.encode("utf-8"))))
    assert doc.title == "Neighbours sign water deal"


def test_stdin_empty():
    rejection = only_rejection(read("-", stdin=io.BytesIO(b"")), errors.E_EMPTY)
    assert "<stdin>" in rejection.line()


# ---------------------------------------------------------------------------- published=
def test_published_fills_in_a_missing_date_only(tmp_path):
    path = write_jsonl(
        tmp_path / "dated.jsonl",
        [
            '{"id": "own", "text": "Laos signed.", "published": "2020-02-03"}',
            '{"id": "none", "text": "Laos signed again."}',
            '{"id": "junk", "text": "Laos signed twice.", "published": "last Tuesday"}',
        ],
    )
    option = date(2023, 5, 15)
    docs = {d.doc_id: d for d in read(path, published=option)}
    assert (docs["own"].published, docs["own"].published_from) == (date(2020, 2, 3), "record")
    assert (docs["none"].published, docs["none"].published_from) == (option, "option")
    assert (docs["junk"].published, docs["junk"].published_from) == (option, "option")


def test_published_applies_to_plain_text_and_stdin(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    option = date(2024, 6, 27)
    assert only_document(read(path, published=option)).published == option
    doc = only_document(read("-", published=option, stdin=io.BytesIO(b"Chad protested.")))
    assert (doc.published, doc.published_from) == (option, "option")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-10-01", date(2018, 10, 1)),
        ("2018-10-01T23:10:00+03:00", date(2018, 10, 1)),
        ("2018-10-01T23:10:00Z", date(2018, 10, 1)),
        ("01/10/2018", None),
        ("2018", None),
        ("", None),
        (None, None),
        (20181001, None),
    ],
)
def test_parse_published(value, expected):
    assert readers.parse_published(value) == expected
