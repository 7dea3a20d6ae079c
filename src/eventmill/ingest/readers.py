"""Readers: files, folders, JSONL, CSV, WARC and standard input in; Documents or Rejections
out.

A reader never raises for a user's bad input: each problem becomes a Rejection with a code
and a one-line reason naming the file (and the record), and the batch goes on.

Corpus formats are streamed record by record, so memory does not grow with the file:
`.jsonl.gz`, `.csv` (`.tsv`, and gzipped), `.warc`/`.warc.gz`, and plain JSONL over
`STREAM_BYTES`. Folders are walked one directory at a time, in name order.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from eventmill import errors
from eventmill.schema import Document, Rejection

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
GZ_JSONL_SUFFIXES = {".jsonl.gz", ".ndjson.gz"}
CSV_SUFFIXES = {".csv", ".tsv", ".csv.gz", ".tsv.gz"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
STREAMED = GZ_JSONL_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | STREAMED

# A single text or HTML file larger than this is refused rather than read into memory (no
# article is this long). Corpus formats are streamed and have no limit.
MAX_FILE_BYTES = 50 * 1024 * 1024
# Plain JSONL over this size is streamed line by line instead of decoded whole: a whole
# file can have its encoding guessed (UTF-16, legacy code pages), a stream is UTF-8 by the
# JSON spec, with a per-line guess when a line is not.
STREAM_BYTES = 8 * 1024 * 1024
# One WARC record's payload or one CSV field larger than this is refused (a page this big
# is not an article); it bounds what one record can take in memory.
MAX_RECORD_BYTES = 16 * 1024 * 1024


@dataclass
class ReadOptions:
    """How to read CSV inputs: the text column, and optional metadata columns. A column
    left None is used when the file has a column of the default name."""

    text_column: str | None = None
    id_column: str | None = None
    title_column: str | None = None
    published_column: str | None = None
    url_column: str | None = None
    source_column: str | None = None


def suffix_of(path: Path) -> str:
    """The suffix that picks the reader: '.jsonl.gz' and '.warc.gz' count as one."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return "".join(suffixes[-2:])
    return suffixes[-1] if suffixes else ""


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
        if line.strip():
            yield _jsonl_record(line, number, stem, origin)


def _jsonl_record(line: str, number: int, stem: str, origin: str) -> Document | Rejection:
    where = f"{origin}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(where, errors.E_JSON, f"line is not valid JSON ({exc.msg})")
    if not isinstance(record, dict):
        return Rejection(where, errors.E_JSON, "line is JSON but not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(where, errors.E_FIELD, "record has no text (field `text`)")
    doc_id = str(record.get("id") or f"{stem}-{number}")
    return _record_document(
        text,
        doc_id,
        where,
        record.get("title"),
        record.get("published"),
        record.get("url"),
        record.get("source"),
    )


def _record_document(
    text: str, doc_id: str, where: str, title, published, url, source
) -> Document | Rejection:
    """A Document from a record's text (plain or HTML) and its metadata fields."""
    if _looks_like_html(text):
        doc = _html_to_document(text, doc_id, where)
        if isinstance(doc, Rejection):
            return doc
    else:
        doc = Document(doc_id=doc_id, text=text, origin=where)
    doc.title = title if isinstance(title, str) and title else doc.title
    day = parse_published(published)
    if day:
        doc.published, doc.published_from = day, "record"
    doc.url = url if isinstance(url, str) and url else doc.url
    doc.source = source if isinstance(source, str) and source else None
    return doc


# ------------------------------------------------------------------ streamed formats
def _line_text(raw: bytes, first: bool) -> str | None:
    """One line of a JSONL stream as text: UTF-8, else the guess for that line alone."""
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(raw)[0]
    except DecodeProblem:
        return None


def _stream_jsonl(stream, stem: str, origin: str) -> Iterator[Document | Rejection]:
    """Records of a binary JSONL stream, one line at a time (split on \\n only)."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        line = _line_text(raw, number == 1)
        if line is None:
            yield Rejection(f"{origin}:{number}", errors.E_ENCODING, "line is not UTF-8 text")
            continue
        yield _jsonl_record(line, number, stem, origin)


def _text_stream(binary) -> io.TextIOWrapper:
    """A text view of a CSV byte stream: UTF-8 (BOM dropped) when its first 64 KB are,
    else the encoding guessed from them; undecodable bytes become U+FFFD."""
    buffered = binary if isinstance(binary, io.BufferedReader) else io.BufferedReader(binary)
    sample = buffered.peek(65536)[:65536]
    encoding = "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut at the sample's end
            try:
                encoding = decode_bytes(sample)[1]
            except DecodeProblem:
                encoding = "utf-8"
    return io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")


def _stream_csv(
    binary, stem: str, origin: str, delimiter: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    csv.field_size_limit(MAX_RECORD_BYTES)
    reader = csv.reader(_text_stream(binary), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        yield Rejection(origin, errors.E_EMPTY, "empty file")
        return
    header = [h.strip() for h in header]

    def column(chosen: str | None, default: str) -> int | None:
        name = chosen or default
        return header.index(name) if name in header else None

    text_at = column(options.text_column, "text")
    if text_at is None or (options.text_column and options.text_column not in header):
        wanted = options.text_column or "text"
        yield Rejection(
            origin,
            errors.E_COLUMN,
            f"CSV has no column {wanted!r} (columns: {', '.join(header[:12])}); "
            "name the text column with --text-column",
        )
        return
    for name in (options.id_column, options.title_column, options.published_column):
        if name and name not in header:
            yield Rejection(origin, errors.E_COLUMN, f"CSV has no column {name!r}")
            return
    at = {
        "id": column(options.id_column, "id"),
        "title": column(options.title_column, "title"),
        "published": column(options.published_column, "published"),
        "url": column(options.url_column, "url"),
        "source": column(options.source_column, "source"),
    }
    # row numbers count the header as row 1, as a spreadsheet shows them
    for number, row in enumerate(reader, start=2):
        if not row:
            continue
        where = f"{origin}:{number}"

        def cell(i: int | None, row=row) -> str | None:
            return row[i].strip() if i is not None and i < len(row) and row[i].strip() else None

        text = row[text_at] if text_at < len(row) else ""
        if not text.strip():
            yield Rejection(where, errors.E_FIELD, f"row has no text (column {header[text_at]!r})")
            continue
        yield _record_document(
            text,
            cell(at["id"]) or f"{stem}-{number}",
            where,
            cell(at["title"]),
            cell(at["published"]),
            cell(at["url"]),
            cell(at["source"]),
        )


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip().strip("\"'")
    return None


def _stream_warc(stream, origin: str) -> Iterator[Document | Rejection]:
    """HTML responses of a WARC file (plain or gzipped): each through the article
    extractor. Other records (requests, metadata, images, redirects) are not articles and
    are passed over without a word."""
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(stream)
    for number, record in enumerate(archive, start=1):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        if not record.http_headers.get_statuscode().startswith("2"):
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        if "html" not in content_type.lower():
            continue
        where = f"{origin}:{number}"
        payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
        if len(payload) > MAX_RECORD_BYTES:
            yield Rejection(where, errors.E_TOO_BIG, "WARC record over the size limit")
            continue
        charset = _charset(content_type)
        try:
            html = payload.decode(charset) if charset else decode_bytes(payload)[0]
        except (LookupError, UnicodeDecodeError):
            try:
                html = decode_bytes(payload)[0]
            except DecodeProblem as problem:
                yield Rejection(where, problem.code, problem.reason)
                continue
        except DecodeProblem as problem:
            yield Rejection(where, problem.code, problem.reason)
            continue
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
        url = record.rec_headers.get_header("WARC-Target-URI")
        doc = _html_to_document(html, record_id or f"{Path(origin).name}-{number}", where)
        if isinstance(doc, Document):
            doc.url = doc.url or url
            if doc.published is None:
                crawled = parse_published(record.rec_headers.get_header("WARC-Date"))
                if crawled:
                    # a news crawl fetches a story within days of publication
                    doc.published, doc.published_from = crawled, "crawl"
        yield doc
    # warcio ends quietly at a cut or garbled record: say so, or the rest is lost unseen
    size = os.fstat(stream.fileno()).st_size
    if archive.offset < size:
        yield Rejection(
            origin,
            errors.E_ARCHIVE,
            f"WARC file is broken or cut short at byte {archive.offset} of {size}, "
            "the rest is not read",
        )


def _read_streamed(
    path: Path, suffix: str, origin: str, options: ReadOptions
) -> Iterator[Document | Rejection]:
    stem = path.name
    for s in (suffix, ".gz"):
        stem = stem[: -len(s)] if stem.lower().endswith(s) else stem
    try:
        raw = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Rejection(origin, errors.E_UNREADABLE, f"cannot read file ({exc.strerror or exc})")
        return
    from warcio.exceptions import ArchiveLoadFailed

    # warcio reads gzipped WARC itself, record by record
    gzipped = suffix.endswith(".gz") and suffix not in WARC_SUFFIXES
    with raw:
        stream = gzip.GzipFile(fileobj=raw) if gzipped else raw
        try:
            if suffix in WARC_SUFFIXES:
                yield from _stream_warc(stream, origin)
            elif suffix in CSV_SUFFIXES:
                delimiter = "\t" if suffix.startswith(".tsv") else ","
                yield from _stream_csv(stream, stem, origin, delimiter, options)
            else:
                yield from _stream_jsonl(stream, stem, origin)
        except (OSError, EOFError, zlib.error, csv.Error, ArchiveLoadFailed) as exc:
            # a truncated gzip, a corrupt WARC, a broken CSV quote: what was read stays read
            yield Rejection(
                origin,
                errors.E_ARCHIVE,
                f"file is broken or cut short, the rest is not read ({type(exc).__name__}: "
                f"{str(exc)[:80]})",
            )


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


def _read_path(
    path: Path, explicit: bool, options: ReadOptions | None = None
) -> Iterator[Document | Rejection]:
    origin = str(path)
    suffix = suffix_of(path)
    if suffix not in READABLE:
        suffix = path.suffix.lower()
    if suffix not in READABLE and not explicit:
        yield Rejection(
            origin, errors.E_TYPE, f"not a file type eventmill reads ({suffix or 'no extension'})"
        )
        return
    if suffix in STREAMED:
        yield from _read_streamed(path, suffix, origin, options or ReadOptions())
        return
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES and size > STREAM_BYTES:
            yield from _read_streamed(path, suffix, origin, options or ReadOptions())
            return
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
    inputs: Iterable[str],
    published: date | None = None,
    stdin=None,
    options: ReadOptions | None = None,
) -> Iterator[Document | Rejection]:
    """Every Document (or Rejection) from the given paths, folders and '-' for stdin.

    `published` overrides nothing a record states itself; it fills in a missing date.
    `options` says how to read CSV files.
    """
    for item in inputs:
        for result in _iter_one(item, stdin, options):
            if isinstance(result, Document) and published and result.published is None:
                result.published, result.published_from = published, "option"
            yield result


def _iter_one(item: str, stdin, options: ReadOptions | None) -> Iterator[Document | Rejection]:
    if item == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_bytes(stream.read(), "-", "<stdin>", "")
        return
    path = Path(item)
    if path.is_dir():
        for file in walk_files(path):
            yield from _read_path(file, explicit=False, options=options)
    elif path.exists():
        yield from _read_path(path, explicit=True, options=options)
    else:
        yield Rejection(item, errors.E_MISSING, "no such file or directory")


def walk_files(root: Path) -> Iterator[Path]:
    """Files under a folder, recursively, one directory listing at a time, in the order
    of sorted paths (a folder's files before its subfolders' only by name, as `sorted`
    orders Path objects). Hidden files and folders (.git, .DS_Store, editor swap files)
    are not inputs."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):  # a linked folder could loop
                yield from walk_files(path)
            elif entry.is_file():
                yield path
        except OSError:
            continue
