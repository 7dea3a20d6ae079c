"""Hostile inputs for the fuzz tests (tests/test_fuzz_readers.py) and the long fuzzing run
(bench/fuzz.py): hypothesis strategies of random bytes and of mutated valid files, one per
input format, and the checks every read and every coding must pass."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventmill import errors
from eventmill.schema import Document, Rejection

SENTENCES = [
    "Kenya and Uganda signed an agreement on Tuesday in Nairobi.",
    "Police fired tear gas at protesters in Minsk on Sunday.",
    "Russia accused Ukraine of shelling Donetsk, officials said.",
    "The foreign ministers of Chile and Peru met in Lima.",
]
ARTICLE_HTML = (
    "<html><head><title>Border deal</title><meta property='article:published_time' "
    "content='2021-03-04'></head><body><nav>Home | World</nav><article><h1>Border deal</h1>"
    + "".join(f"<p>{s}</p>" for s in SENTENCES)
    + "</article></body></html>"
)


def _warc_bytes(gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("seed.warc", {"software": "fuzz"}))
    for n, ctype in enumerate(("text/html", "text/html; charset=utf-8", "image/png")):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        body = ARTICLE_HTML.replace("Border deal", f"Border deal {n}").encode()
        writer.write_record(
            writer.create_warc_record(
                f"https://x.example/{n}", "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return out.getvalue()


def _jsonl_bytes() -> bytes:
    records = [
        {"id": f"r{n}", "text": s, "published": "2021-03-04", "title": "T", "source": "S"}
        for n, s in enumerate(SENTENCES)
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _csv_bytes() -> bytes:
    rows = ["id,title,published,text"] + [
        f'c{n},"T {n}",2021-03-04,"{s}"' for n, s in enumerate(SENTENCES)
    ]
    return ("\n".join(rows) + "\n").encode()


# valid files of each format, for the mutations to start from
SEEDS: dict[str, bytes] = {
    ".txt": "\n\n".join(SENTENCES).encode(),
    ".html": ARTICLE_HTML.encode(),
    ".jsonl": _jsonl_bytes(),
    ".jsonl.gz": gzip.compress(_jsonl_bytes()),
    ".csv": _csv_bytes(),
    ".csv.gz": gzip.compress(_csv_bytes()),
    ".warc": _warc_bytes(False),
    ".warc.gz": _warc_bytes(True),
}
SUFFIXES = tuple(SEEDS)

# fragments a mutation may splice in: what breaks readers (markers of other formats,
# encodings, lengths, nesting, line breaks, NULs, a gzip header)
FRAGMENTS = [
    b"\x00",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\n",
    b'"',
    b"{",
    b"}",
    b"\\ud800",
    b"<div>" * 300,
    b"<!--",
    b"<script>",
    b"WARC/1.0\r\n",
    b"Content-Length: 999999\r\n",
    b"Content-Length: -1\r\n",
    b"\x1f\x8b\x08",
    b"\xe2\x80\xa8",
    b"\xc3",
    "Москва".encode("cp1251"),
    "é".encode("latin-1"),
    "Ereván".encode("utf-16-le"),
]


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """A valid file broken a few ways: cut, bytes overwritten, fragments inserted, a slice
    repeated; or, one time in five, random bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=4096))
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "flip", "insert", "repeat"]))
        at = draw(st.integers(0, len(data)))
        if op == "cut":
            del data[at:]
        elif op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(FRAGMENTS) | st.binary(min_size=1, max_size=64))
        elif op == "repeat":
            end = draw(st.integers(at, min(len(data), at + 512)))
            data[at:at] = data[at:end] * draw(st.integers(1, 20))
        if not data:
            break
    return bytes(data)


def inputs(suffix: str):
    """The strategy of hostile files of one format."""
    return mutated(SEEDS[suffix])


_CODE = re.compile(r"E1\d\d")


def problems(results: list) -> list[str]:
    """What is wrong with what a reader yielded: a result of another type, a Document
    whose text is empty or not encodable, a rejection without a one-line coded reason, or
    the reader's own failure (E119, a bug)."""
    found = []
    for r in results:
        if isinstance(r, Document):
            if not isinstance(r.text, str) or not r.text.strip():
                found.append(f"document {r.origin} without text")
                continue
            try:
                r.text.encode("utf-8")
                r.origin.encode("utf-8")
                r.doc_id.encode("utf-8")
            except UnicodeEncodeError:
                found.append(f"document {r.origin!r} not encodable")
        elif isinstance(r, Rejection):
            line = r.line()
            if r.code == errors.E_INTERNAL:
                found.append(f"reader failed: {line}")
            elif not _CODE.fullmatch(r.code) or "\n" in line or "\r" in line or not r.reason:
                found.append(f"bad rejection: {line!r}")
        else:
            found.append(f"unexpected result {type(r).__name__}")
    return found


def write_input(folder: Path, suffix: str, data: bytes, n: int = 0) -> Path:
    path = folder / f"fuzz{n}{suffix}"
    path.write_bytes(data)
    return path


# text for the coding pipeline: sentences of ours with noise spliced in, or any unicode
noise = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(["\x00", "\u2028", "\ufeff", "\u200b", "  \n\n  ", ".", "Mr.", "U.S."])
texts = st.one_of(
    st.lists(st.sampled_from(SENTENCES) | noise, min_size=1, max_size=8).map(" ".join),
    st.text(max_size=400),
)
