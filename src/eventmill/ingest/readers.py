"""Readers: files, folders, JSONL and standard input in; Documents or Rejections out.

A reader never raises for a user's bad input: each problem becomes a Rejection with a code
and a one-line reason naming the file (and the record), and the batch goes on.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from eventmill import errors
from eventmill.schema import Document, Rejection

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# A single input larger than this is refused rather than read into memory. 50 MB holds
# tens of thousands of articles of JSONL; a bigger corpus should be split or streamed.
MAX_FILE_BYTES = 50 * 1024 * 1024


class DecodeProblem(Exception):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes to text: BOMs first, then strict UTF-8, then a statistical guess.

    Returns (text, encoding). Raises DecodeProblem for empty or binary input.
    """
    if not data.strip():
        raise DecodeProblem(errors.E_EMPTY, "empty file")
    text, encoding = _decode(data)
    if not text.strip():
        # a BOM and white space only: nothing to code
        raise DecodeProblem(errors.E_EMPTY, "empty file")
    return text, encoding


def _utf16_without_bom(data: bytes, encoding: str) -> str | None:
    """`data` as UTF-16 text when it decodes strictly into text, not control characters."""
    try:
        text = data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\x0c\r")
    return text if controls <= len(sample) * 0.05 else None


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").lstrip("\ufeff"), "utf-16"
    sample = data[:8192]
    if b"\x00" in sample:
        # UTF-16 without a BOM shows NULs in one byte of each pair (ASCII characters,
        # spaces and punctuation even in Cyrillic or Greek text), never in the other; a
        # stray NUL or two in other text is not enough to call it UTF-16
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        enough = len(sample) * 0.05  # NUL halves for one character in ten
        if even == 0 and odd >= enough:
            text = _utf16_without_bom(data, "utf-16-le")
            if text is not None:
                return text, "utf-16-le"
        if odd == 0 and even >= enough:
            text = _utf16_without_bom(data, "utf-16-be")
            if text is not None:
                return text, "utf-16-be"
        raise DecodeProblem(errors.E_BINARY, "binary file, not text (NUL bytes)")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.05:
        raise DecodeProblem(errors.E_BINARY, "binary file, not text (control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess(data)


# The legacy encodings news on the web comes in, tried before charset_normalizer's full list:
# with every DOS and Mac code page in the running, short Western text fits a Baltic or
# Central European one as well as Windows-1252 and may win ("São" read as cp775 "SŃo").
LEGACY_ENCODINGS = [
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1255",
    "cp1256",
    "iso8859_2",
    "iso8859_5",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "cp866",
]


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    for isolation in (LEGACY_ENCODINGS, None):
        results = from_bytes(data, cp_isolation=isolation)
        best = results.best()
        if best is not None and best.encoding is not None:
            break
    else:
        raise DecodeProblem(errors.E_ENCODING, "not UTF-8 and no text encoding fits its bytes")
    # charset_normalizer ranks cp1250 above cp1252 when both fit equally well ("Señor" read
    # as "Seńor"); Windows-1252, the commonest legacy encoding of the web, wins such a tie
    for match in results:
        if (
            match.encoding == "cp1252"
            and match.chaos == best.chaos
            and match.coherence == best.coherence
        ):
            best = match
            break
    return str(best), best.encoding


def parse_published(value: object) -> date | None:
    """A publication date from a record field: ISO date or datetime, else None."""
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            except ValueError:
                return None
    return None


def _html_to_document(html: str, doc_id: str, origin: str) -> Document | Rejection:
    from eventmill.ingest.html import extract_article

    try:
        article = extract_article(html)
    except Exception as exc:  # trafilatura/lxml on hostile markup: reject, keep going
        return Rejection(origin, errors.E_HTML, f"HTML could not be parsed ({type(exc).__name__})")
    if article is None:
        return Rejection(origin, errors.E_HTML, "HTML page with no article text in it")
    return Document(
        doc_id=doc_id,
        text=article.text,
        origin=origin,
        title=article.title,
        published=article.published,
        published_from="metadata" if article.published else None,
        url=article.url,
    )


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<div" in head or "<p>" in head
    )


def _read_jsonl_lines(
    lines: Iterable[str], stem: str, origin: str
) -> Iterator[Document | Rejection]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, errors.E_JSON, f"line is not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield Rejection(where, errors.E_JSON, "line is JSON but not an object")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Rejection(where, errors.E_FIELD, "record has no text (field `text`)")
            continue
        doc_id = str(record.get("id") or f"{stem}-{number}")
        published = parse_published(record.get("published"))
        if _looks_like_html(text):
            doc = _html_to_document(text, doc_id, where)
            if isinstance(doc, Rejection):
                yield doc
                continue
        else:
            doc = Document(doc_id=doc_id, text=text, origin=where)
        title = record.get("title")
        doc.title = title if isinstance(title, str) else doc.title
        if published:
            doc.published, doc.published_from = published, "record"
        url = record.get("url")
        doc.url = url if isinstance(url, str) else doc.url
        source = record.get("source")
        doc.source = source if isinstance(source, str) else None
        yield doc


def read_bytes(data: bytes, name: str, origin: str, suffix: str) -> Iterator[Document | Rejection]:
    """Documents from one input's bytes; `suffix` picks the reader ('' to sniff)."""
    try:
        text, _encoding = decode_bytes(data)
    except DecodeProblem as problem:
        yield Rejection(origin, problem.code, problem.reason)
        return
    stem = Path(name).stem if name != "-" else "stdin"
    if suffix in JSONL_SUFFIXES or (not suffix and text.lstrip().startswith("{")):
        # split on newlines only: str.splitlines() also breaks at U+2028, U+0085 and
        # form feeds, which JSON allows raw inside a string
        yield from _read_jsonl_lines(text.split("\n"), stem, origin)
    elif suffix in HTML_SUFFIXES or (not suffix and _looks_like_html(text)):
        yield _html_to_document(text, stem, origin)
    else:
        yield Document(doc_id=stem, text=text, origin=origin)


def _read_path(path: Path, explicit: bool) -> Iterator[Document | Rejection]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE and not explicit:
        yield Rejection(
            origin, errors.E_TYPE, f"not a file type eventmill reads ({suffix or 'no extension'})"
        )
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Rejection(
                origin,
                errors.E_TOO_BIG,
                f"file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES / 1e6:.0f} MB limit",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, errors.E_UNREADABLE, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_bytes(data, path.name, origin, suffix if suffix in READABLE else "")


def iter_documents(
    inputs: Iterable[str], published: date | None = None, stdin=None
) -> Iterator[Document | Rejection]:
    """Every Document (or Rejection) from the given paths, folders and '-' for stdin.

    `published` overrides nothing a record states itself; it fills in a missing date.
    """
    for item in inputs:
        for result in _iter_one(item, stdin):
            if isinstance(result, Document) and published and result.published is None:
                result.published, result.published_from = published, "option"
            yield result


def _iter_one(item: str, stdin) -> Iterator[Document | Rejection]:
    if item == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_bytes(stream.read(), "-", "<stdin>", "")
        return
    path = Path(item)
    if path.is_dir():
        # hidden files and folders (.git, .DS_Store, editor swap files) are not inputs
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        for file in files:
            yield from _read_path(file, explicit=False)
    elif path.exists():
        yield from _read_path(path, explicit=True)
    else:
        yield Rejection(item, errors.E_MISSING, "no such file or directory")
