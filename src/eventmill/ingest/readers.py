"""Readers: files, folders, JSONL, CSV, WARC and standard input in; Documents or Rejections
out.

A reader never raises for a user's bad input: each problem becomes a Rejection with a code
and a one-line reason naming the file (and the record), and the batch goes on.

Corpus formats are streamed record by record, so memory does not grow with the file:
`.jsonl` (UTF-8, line by line; UTF-16 files whole), `.jsonl.gz`, `.csv` (`.tsv`, and
gzipped), `.warc`/`.warc.gz`. Lines are read with a bounded readline, gzip is checked for
bombs as it is decompressed, and every document is checked against the limits of
`eventmill.limits` (size, sentences, HTML depth) before it is handed on. Folders are walked
one directory at a time, in name order.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from eventmill import errors
from eventmill.limits import RATIO_FLOOR_BYTES, Limits, env_name, human
from eventmill.limits import current as current_limits
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

# Sizes, line lengths, gzip expansion, sentences and HTML depth are bounded by the settings
# of eventmill.limits (ReadOptions.limits, else the environment's).


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
    limits: Limits | None = None  # None: Limits.from_env()


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
        encoding = _utf16_encoding(sample)
        if encoding is not None:
            text = _utf16_without_bom(data, encoding)
            if text is not None:
                return text, encoding
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


# ------------------------------------------------------------------ limits on one document
# Tags for the depth check: an element, a comment, or the raw text of a script or style
# (skipped whole: "a<b" in a script is no tag).
_TAG = re.compile(r"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>)")
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta")
    + ("param", "source", "track", "wbr")
)
# elements whose end tag may be left out: a page of unclosed <p> or <li> is not deep
_OPTIONAL_END = frozenset(
    ("p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup")
    + ("rb", "rt", "rtc", "rp", "colgroup", "caption")
)
# a second <html> or <body> is merged into the first by every parser: no nesting
_ROOTS = frozenset(("html", "head", "body"))
_RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "plaintext"))


def html_depth(html: str, stop_above: int | None = None) -> int:
    """How deep the elements of a page nest, counted from its tags in one linear pass (no
    tree is built; a closing tag closes the nearest open element of its name, as parsers
    recover). Stops counting once past `stop_above`."""
    stack: list[str] = []
    deepest, pos = 0, 0
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            return deepest
        pos = m.end()
        if m.group(1):  # a comment runs to -->
            end = html.find("-->", pos)
            if end < 0:
                return deepest
            pos = end + 3
            continue
        closing, name, self_closing = m.group(2), m.group(3).lower(), m.group(4)
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] == name:
                    del stack[i:]
                    break
            continue
        if name in _RAW_TEXT:
            end = _find_ci(html, f"</{name}", pos)
            if end < 0:
                return deepest
            pos = end
            continue
        if name in _VOID or self_closing or name in _OPTIONAL_END or name in _ROOTS:
            continue
        stack.append(name)
        if len(stack) > deepest:
            deepest = len(stack)
            if stop_above is not None and deepest > stop_above:
                return deepest


def _find_ci(text: str, needle: str, start: int) -> int:
    found = re.compile(re.escape(needle), re.IGNORECASE).search(text, start)
    return found.start() if found else -1


# a sentence ends at end punctuation (and closing quotes) before white space, or at a line
# break; a cheap over-estimate of what spaCy splits, good enough for a bound
_SENTENCE_END = re.compile(r"[.!?…。！？]+[\"'”’»)\]]*\s+|\n\s*")


def count_sentences(text: str, stop_above: int | None = None) -> int:
    """About how many sentences a text holds (without parsing); stops past `stop_above`."""
    n = 1
    for _ in _SENTENCE_END.finditer(text):
        n += 1
        if stop_above is not None and n > stop_above:
            break
    return n


def _safe(value: str) -> str:
    """A string the store and a terminal can take: undecodable file-name bytes and lone
    surrogates from JSON escapes become backslash escapes."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def check_document(doc: Document, limits: Limits) -> Document | Rejection:
    """The document, or why it is refused: text over `max_doc_bytes`, more sentences than
    `max_sentences`, or not encodable (a lone surrogate). Metadata fields are made safe."""
    doc.origin = _safe(doc.origin)
    try:
        size = len(doc.text.encode("utf-8"))
    except UnicodeEncodeError:
        return Rejection(
            doc.origin, errors.E_ENCODING, "text holds a lone UTF-16 surrogate (a broken escape)"
        )
    if size > limits.max_doc_bytes:
        return _over(doc.origin, errors.E_TOO_BIG, "text", size, "max_doc_bytes", limits)
    if count_sentences(doc.text, limits.max_sentences) > limits.max_sentences:
        return Rejection(
            doc.origin,
            errors.E_TOO_MANY_SENTENCES,
            f"more than {limits.max_sentences} sentences, no news story is this long; "
            f"rejected whole, not cut ({env_name('max_sentences')})",
        )
    doc.doc_id = _safe(doc.doc_id)
    for name in ("title", "url", "source"):
        value = getattr(doc, name)
        if isinstance(value, str):
            setattr(doc, name, _safe(value))
    return doc


def _html_to_document(html: str, doc_id: str, origin: str, limits: Limits) -> Document | Rejection:
    from eventmill.ingest.html import extract_article

    depth = html_depth(html, limits.max_html_depth)
    if depth > limits.max_html_depth:
        return Rejection(
            origin,
            errors.E_NESTING,
            f"HTML nested more than {limits.max_html_depth} elements deep; the parser would "
            f"lose the text below ({env_name('max_html_depth')})",
        )
    try:
        article = extract_article(html)
    except RecursionError:
        return Rejection(origin, errors.E_NESTING, "HTML too deeply nested to extract")
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
    lines: Iterable[str], stem: str, origin: str, limits: Limits
) -> Iterator[Document | Rejection]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_record(line, number, stem, origin, limits)


def _jsonl_record(
    line: str, number: int, stem: str, origin: str, limits: Limits
) -> Document | Rejection:
    where = f"{origin}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(where, errors.E_JSON, f"line is not valid JSON ({exc.msg})")
    except RecursionError:  # [[[[...]]]] ten thousand deep
        return Rejection(where, errors.E_JSON, "line is JSON nested too deep to read")
    if not isinstance(record, dict):
        return Rejection(where, errors.E_JSON, "line is JSON but not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(where, errors.E_FIELD, "record has no text (field `text`)")
    doc_id = record.get("id")
    doc_id = str(doc_id) if isinstance(doc_id, (str, int)) and str(doc_id) else f"{stem}-{number}"
    return _record_document(
        text,
        doc_id,
        where,
        record.get("title"),
        record.get("published"),
        record.get("url"),
        record.get("source"),
        limits,
    )


def _record_document(
    text: str, doc_id: str, where: str, title, published, url, source, limits: Limits
) -> Document | Rejection:
    """A Document from a record's text (plain or HTML) and its metadata fields."""
    if _looks_like_html(text):
        doc = _html_to_document(text, doc_id, where, limits)
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
class _Expanded(Exception):
    """A gzip file decompressed past the size or ratio limit."""


class _GzipGuard(io.RawIOBase):
    """The decompressed bytes of a gzip file, counted as they come: past
    `max_gzip_bytes`, or past `max_gzip_ratio` times the compressed bytes read (once over
    RATIO_FLOOR_BYTES), the read stops with _Expanded. Nothing is decompressed ahead."""

    def __init__(self, gz: gzip.GzipFile, raw, limits: Limits):
        super().__init__()
        self.gz, self.raw, self.limits, self.total = gz, raw, limits, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        # read1: one step of decompression, so the records before a cut are handed on
        # before the cut raises (read(n) would gather n bytes and lose them in the error)
        data = self.gz.read1(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.total += n
        if self.total > self.limits.max_gzip_bytes:
            raise _Expanded(
                f"decompresses to more than {human(self.limits.max_gzip_bytes)} "
                f"({env_name('max_gzip_bytes')})"
            )
        if self.total > RATIO_FLOOR_BYTES:
            packed = max(self.raw.tell(), 1)
            if self.total > packed * self.limits.max_gzip_ratio:
                raise _Expanded(
                    f"expands more than {self.limits.max_gzip_ratio} times "
                    f"({human(packed)} to over {human(self.total)}; a gzip bomb? "
                    f"{env_name('max_gzip_ratio')})"
                )
        return n


def _skip_line(stream, size: int, newlines: tuple) -> int:
    """Read to the end of an over-long line in 64 KiB chunks, nothing kept; its length."""
    while True:
        chunk = stream.readline(1 << 16)
        if not chunk:
            return size
        size += len(chunk)
        if chunk.endswith(newlines):
            return size


def _bounded_lines(stream, limit: int) -> Iterator[bytes | int]:
    """The lines of a binary stream (split on \\n only), each read with a bounded
    readline: a line over `limit` bytes is never held whole; its length stands for it."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            yield _skip_line(stream, len(line), (b"\n",))
        else:
            yield line


def _over(
    where: str, code: str, what: str, size: int | None, limit: str, limits: Limits, tail: str = ""
) -> Rejection:
    """The rejection of something over a size limit, naming the setting that raises it."""
    amount = f" is {human(size)}," if size is not None else ""
    return Rejection(
        where,
        code,
        f"{what}{amount} over the {human(getattr(limits, limit))} limit{tail} ({env_name(limit)})",
    )


def _too_long(where: str, size: int, limits: Limits) -> Rejection:
    return _over(where, errors.E_LINE, "line", size, "max_line_bytes", limits, "; skipped")


def _line_text(raw: bytes, first: bool) -> str | UnicodeDecodeError:
    """One line of a JSONL stream as text: UTF-8 (RFC 8259: JSON text is UTF-8)."""
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc


def _stream_jsonl(stream, stem: str, origin: str, limits: Limits) -> Iterator[Document | Rejection]:
    """Records of a binary JSONL stream, one bounded line at a time (split on \\n only). A
    line that is not UTF-8 is rejected with its line number; the others are read."""
    for number, raw in enumerate(_bounded_lines(stream, limits.max_line_bytes), start=1):
        if isinstance(raw, int):
            yield _too_long(f"{origin}:{number}", raw, limits)
            continue
        if not raw.strip():
            continue
        line = _line_text(raw, number == 1)
        if isinstance(line, UnicodeDecodeError):
            yield Rejection(
                f"{origin}:{number}",
                errors.E_ENCODING,
                f"line is not UTF-8 (byte 0x{line.object[line.start]:02x} at column "
                f"{line.start + 1}); JSONL must be UTF-8",
            )
            continue
        yield _jsonl_record(line, number, stem, origin, limits)


def _utf16_encoding(head: bytes) -> str | None:
    """'utf-16' (with a BOM), 'utf-16-le' or 'utf-16-be' (told by where the NULs of ASCII
    characters fall) when the first bytes of a file are UTF-16, else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:8192]
    if b"\x00" not in sample:
        return None
    # UTF-16 without a BOM shows NULs in one byte of each pair (ASCII characters, spaces
    # and punctuation even in Cyrillic or Greek text), never in the other; a stray NUL or
    # two in other text is not enough to call it UTF-16
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    enough = len(sample) * 0.05  # NUL halves for one character in ten
    if even == 0 and odd >= enough:
        return "utf-16-le"
    if odd == 0 and even >= enough:
        return "utf-16-be"
    return None


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


class _LineTooLong(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


class _TextLines:
    """The lines of a text stream for csv.reader, read with a bounded readline: an
    over-long line raises _LineTooLong (after skipping it) and the iterator goes on."""

    def __init__(self, stream: io.TextIOWrapper, limit: int):
        self.stream, self.limit = stream, limit

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit + 1)
        if not line:
            raise StopIteration
        if len(line) > self.limit and not line.endswith(("\n", "\r")):
            raise _LineTooLong(_skip_line(self.stream, len(line), ("\n", "\r")))
        return line


def _stream_csv(
    binary, stem: str, origin: str, delimiter: str, options: ReadOptions, limits: Limits
) -> Iterator[Document | Rejection]:
    csv.field_size_limit(limits.max_doc_bytes)
    reader = csv.reader(
        _TextLines(_text_stream(binary), limits.max_line_bytes), delimiter=delimiter
    )
    try:
        header = next(reader, None)
    except (_LineTooLong, csv.Error) as exc:
        yield Rejection(origin, errors.E_COLUMN, f"CSV header line is unreadable ({exc})")
        return
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
    number = 1
    while True:
        number += 1
        where = f"{origin}:{number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except _LineTooLong as exc:
            yield _too_long(where, exc.size, limits)
            continue
        except csv.Error as exc:  # a field over the limit, a NUL: this row only
            code = errors.E_TOO_BIG if "limit" in str(exc) else errors.E_COLUMN
            yield Rejection(where, code, f"row is unreadable ({exc})")
            continue
        if not row:
            continue

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
            limits,
        )


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip().strip("\"'")
    return None


def _archive_iterator(stream):
    """warcio's ArchiveIterator, made quiet: warcio writes to standard error about a record
    whose Content-Length looks wrong, a gzip member that fails half way, and logs target
    URIs with spaces; this one counts the first (err_count), ends the stream at the second
    (reported by the caller as a break), and leaves the URI alone."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader

    logging.getLogger("warcio.recordloader").setLevel(logging.ERROR)

    class QuietReader(DecompressingBufferedReader):
        def readline(self, length=None):
            # warcio reads header lines with no bound: a gzip member of a gigabyte with no
            # line break would be held whole. A WARC or HTTP header line is short.
            if length is None or length < 0 or length > _WARC_LINE_BYTES:
                length = _WARC_LINE_BYTES
            return super().readline(length)

        def _decompress(self, data):
            if not (self.decompressor and data):
                return data
            try:
                return self.decompressor.decompress(data)
            except Exception:
                if self.num_block_read == 0:  # the first block: not gzip after all
                    if self.decomp_type == "deflate":
                        self._init_decomp("deflate_alt")
                        return self._decompress(data)
                    self.decompressor = None
                    return data
                return b""  # broken half way: the stream ends here

    class QuietArchiveIterator(ArchiveIterator):
        def __init__(self, fileobj):
            super().__init__(fileobj)
            self.reader = QuietReader(self.fh, block_size=self.reader.block_size)

        def _consume_blanklines(self):
            empty_size, first_line = 0, True
            while True:
                line = self.reader.readline()
                if len(line) == 0:
                    return None, empty_size
                if len(line.rstrip()) == 0 or first_line:
                    empty_size += len(line)
                    if len(line.rstrip()) != 0:
                        self.err_count += 1  # the record ran on past its stated length
                    first_line = False
                    continue
                return line, empty_size

    return QuietArchiveIterator(stream)


# the longest header line read from a WARC; a longer one is cut there (and then fails to
# parse as a header, which skips the record)
_WARC_LINE_BYTES = 1 << 20
# where a WARC record can start: a version line (plain), a gzip member (record-gzipped)
_WARC_START = re.compile(rb"WARC/1\.[01]\r?\n")
_GZIP_START = b"\x1f\x8b\x08"


def _next_record_start(raw, after: int, gzipped: bool) -> int | None:
    """The offset of the next place a WARC record can start after byte `after`, scanning
    the file in 1 MB chunks (with an overlap, so a marker across two chunks is found)."""
    pos = after
    while True:
        raw.seek(pos)
        chunk = raw.read(1 << 20)
        if not chunk:
            return None
        if gzipped:
            at = chunk.find(_GZIP_START)
        else:
            found = _WARC_START.search(chunk)
            at = found.start() if found else -1
            # a version line starts a record only at the start of a line
            while found and at > 0 and chunk[at - 1 : at] != b"\n":
                found = _WARC_START.search(chunk, at + 1)
                at = found.start() if found else -1
        if at >= 0:
            return pos + at
        if len(chunk) < 1 << 20:
            return None
        pos += len(chunk) - 16


def _stream_warc(raw, origin: str, limits: Limits) -> Iterator[Document | Rejection]:
    """HTML responses of a WARC file (plain or gzipped): each through the article
    extractor. Other records (requests, metadata, images, redirects) are not articles and
    are passed over without a word. A record whose Content-Length lies, or that is broken,
    is rejected and reading goes on at the next record found after it; a file cut short
    is reported after the records before the cut."""
    size = os.fstat(raw.fileno()).st_size
    head = raw.read(2)
    gzipped = head == _GZIP_START[:2]
    start, number, total = 0, 0, 0
    while start is not None and start < size:
        raw.seek(start)
        archive = _archive_iterator(raw)
        record_start, resume, broken = start, None, False
        try:
            for record in archive:
                number += 1
                where = f"{origin}:{number}"
                # what the record says it holds; in a plain file no more than the file
                # (a lying length is caught below, not taken for a bomb)
                claimed = max(record.length or 0, 0)
                total += claimed if gzipped else min(claimed, size)
                if total > limits.max_gzip_bytes:
                    yield Rejection(
                        origin,
                        errors.E_BOMB,
                        f"WARC records add up to more than {human(limits.max_gzip_bytes)}; "
                        f"the rest is not read ({env_name('max_gzip_bytes')})",
                    )
                    return
                found = _warc_record(record, where, limits)
                errors_before = archive.err_count
                archive.read_to_end()
                stated = getattr(record.raw_stream, "limit", 0)
                if archive.err_count > errors_before or stated > 0:
                    # the content ran on into the next record or stopped short of its
                    # stated length: the record is not what it says, and the next one may
                    # start anywhere inside it
                    yield Rejection(
                        where,
                        errors.E_ARCHIVE,
                        "WARC record's Content-Length does not match its content; record "
                        "skipped, reading goes on at the next record",
                    )
                    resume = _next_record_start(raw, record_start + 1, gzipped)
                    break
                if found is not None:
                    yield found
                record_start = archive.offset
        except Exception as exc:  # warcio on a broken record: ArchiveLoadFailed, zlib, ...
            resume = _next_record_start(raw, record_start + 1, gzipped)
            detail = " ".join(str(exc).split())[:100]
            yield Rejection(
                f"{origin}:{number + 1}",
                errors.E_ARCHIVE,
                f"WARC file is broken at byte {record_start} of {size} ({type(exc).__name__}: "
                f"{detail}); "
                + ("reading goes on at the next record" if resume else "the rest is not read"),
            )
            number += 1
            broken = True
        if not broken and resume is None and archive.offset < size:
            # warcio ends quietly at garbage it cannot parse: say so, or the rest is lost
            resume = _next_record_start(raw, archive.offset + 1, gzipped)
            yield Rejection(
                origin,
                errors.E_ARCHIVE,
                f"WARC file is broken or cut short at byte {archive.offset} of {size}, "
                + ("reading goes on at the next record" if resume else "the rest is not read"),
            )
        if resume is not None and resume <= start:
            # warcio's offsets can fall back before where this pass began (a gzip member
            # spliced into another): never read the same place twice
            resume = _next_record_start(raw, start + 1, gzipped)
        start = resume


def _warc_record(record, where: str, limits: Limits) -> Document | Rejection | None:
    """The article of one WARC record, a Rejection, or None for a record that is no page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if not record.http_headers.get_statuscode().startswith("2"):
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    payload = record.content_stream().read(limits.max_doc_bytes + 1)
    if len(payload) > limits.max_doc_bytes:
        return _over(where, errors.E_TOO_BIG, "WARC record", None, "max_doc_bytes", limits)
    charset = _charset(content_type)
    try:
        html = payload.decode(charset) if charset else decode_bytes(payload)[0]
    except (LookupError, UnicodeDecodeError):
        try:
            html = decode_bytes(payload)[0]
        except DecodeProblem as problem:
            return Rejection(where, problem.code, problem.reason)
    except DecodeProblem as problem:
        return Rejection(where, problem.code, problem.reason)
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc = _html_to_document(html, record_id or Path(where).name, where, limits)
    if isinstance(doc, Document):
        doc.url = doc.url or url
        if doc.published is None:
            crawled = parse_published(record.rec_headers.get_header("WARC-Date"))
            if crawled:
                # a news crawl fetches a story within days of publication
                doc.published, doc.published_from = crawled, "crawl"
    return doc


def _read_streamed(
    path: Path, suffix: str, origin: str, options: ReadOptions, limits: Limits
) -> Iterator[Document | Rejection]:
    stem = _safe(path.name)
    for s in (suffix, ".gz"):
        stem = stem[: -len(s)] if stem.lower().endswith(s) else stem
    try:
        raw = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Rejection(origin, errors.E_UNREADABLE, f"cannot read file ({exc.strerror or exc})")
        return
    # warcio reads gzipped WARC itself, record by record
    gzipped = suffix.endswith(".gz") and suffix not in WARC_SUFFIXES
    with raw:
        stream = (
            io.BufferedReader(_GzipGuard(gzip.GzipFile(fileobj=raw), raw, limits))
            if gzipped
            else raw
        )
        try:
            if suffix in WARC_SUFFIXES:
                yield from _stream_warc(raw, origin, limits)
            elif suffix in CSV_SUFFIXES:
                delimiter = "\t" if suffix.startswith(".tsv") else ","
                yield from _stream_csv(stream, stem, origin, delimiter, options, limits)
            else:
                yield from _stream_jsonl(stream, stem, origin, limits)
        except _Expanded as exc:
            yield Rejection(origin, errors.E_BOMB, f"gzip file {exc}; the rest is not read")
        except (OSError, EOFError, zlib.error) as exc:
            # a truncated gzip, a corrupt member: what was read stays read
            detail = " ".join(str(exc).split())[:80]
            yield Rejection(
                origin,
                errors.E_ARCHIVE,
                f"file is broken or cut short, the rest is not read ({type(exc).__name__}: "
                f"{detail})",
            )


def read_bytes(
    data: bytes, name: str, origin: str, suffix: str, limits: Limits | None = None
) -> Iterator[Document | Rejection]:
    """Documents from one input's bytes; `suffix` picks the reader ('' to sniff)."""
    limits = limits or current_limits()
    stem = Path(name).stem if name != "-" else "stdin"
    utf16 = _utf16_encoding(data[:8192])
    if not utf16 and (
        suffix in JSONL_SUFFIXES or (not suffix and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{")
    ):
        # UTF-8 JSONL: line by line, so one bad line is one rejection, not the file's
        if not data.strip():
            yield Rejection(origin, errors.E_EMPTY, "empty file")
            return
        yield from _stream_jsonl(io.BytesIO(data), stem, origin, limits)
        return
    try:
        text, _encoding = decode_bytes(data)
    except DecodeProblem as problem:
        yield Rejection(origin, problem.code, problem.reason)
        return
    if suffix in JSONL_SUFFIXES or (not suffix and text.lstrip().startswith("{")):
        # split on newlines only: str.splitlines() also breaks at U+2028, U+0085 and
        # form feeds, which JSON allows raw inside a string
        yield from _read_jsonl_lines(text.split("\n"), stem, origin, limits)
    elif suffix in HTML_SUFFIXES or (not suffix and _looks_like_html(text)):
        yield _html_to_document(text, stem, origin, limits)
    else:
        yield Document(doc_id=stem, text=text, origin=origin)


def _read_path(
    path: Path, explicit: bool, options: ReadOptions, limits: Limits
) -> Iterator[Document | Rejection]:
    """What one file holds; a file that holds no record at all (blank lines only, a CSV
    header alone, a WARC of no HTML page) is one rejection, so no input goes unaccounted."""
    empty = True
    for result in _read_file(path, explicit, options, limits):
        empty = False
        yield result
    if empty:
        yield Rejection(_safe(str(path)), errors.E_EMPTY, "no records in it")


def _read_file(
    path: Path, explicit: bool, options: ReadOptions, limits: Limits
) -> Iterator[Document | Rejection]:
    origin = _safe(str(path))
    suffix = suffix_of(path)
    if suffix not in READABLE:
        suffix = path.suffix.lower()
    if suffix not in READABLE and not explicit:
        yield Rejection(
            origin,
            errors.E_TYPE,
            f"not a file type eventmill reads ({_safe(suffix) or 'no extension'})",
        )
        return
    if suffix in STREAMED:
        yield from _read_streamed(path, suffix, origin, options, limits)
        return
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                if _utf16_encoding(f.read(8192)) is None:
                    f.seek(0)
                    yield from _stream_jsonl(f, _safe(path.stem), origin, limits)
                    return
        if size > limits.max_doc_bytes:
            yield _over(origin, errors.E_TOO_BIG, "file", size, "max_doc_bytes", limits)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, errors.E_UNREADABLE, f"cannot read file ({exc.strerror or exc})")
        return
    name = _safe(path.name)
    yield from read_bytes(data, name, origin, suffix if suffix in READABLE else "", limits)


class _Chained(io.RawIOBase):
    """Bytes already read, then the rest of a stream: standard input read past a peek."""

    def __init__(self, head: bytes, rest):
        super().__init__()
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_stdin(stream, limits: Limits) -> Iterator[Document | Rejection]:
    """Standard input: one document when it fits the document limit, else JSONL streamed
    line by line when it is JSONL, else refused (never read whole)."""
    head = stream.read(limits.max_doc_bytes + 1)
    if len(head) <= limits.max_doc_bytes:
        yield from read_bytes(head, "-", "<stdin>", "", limits)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        yield from _stream_jsonl(
            io.BufferedReader(_Chained(head, stream)), "stdin", "<stdin>", limits
        )
    else:
        yield _over(
            "<stdin>", errors.E_TOO_BIG, "standard input (not JSONL)", None, "max_doc_bytes", limits
        )


def iter_documents(
    inputs: Iterable[str],
    published: date | None = None,
    stdin=None,
    options: ReadOptions | None = None,
) -> Iterator[Document | Rejection]:
    """Every Document (or Rejection) from the given paths, folders and '-' for stdin.

    `published` overrides nothing a record states itself; it fills in a missing date.
    `options` says how to read CSV files and the limits (default: from the environment).
    Each Document has passed `check_document`.
    """
    options = options or ReadOptions()
    limits = options.limits or current_limits()
    for item in inputs:
        for result in _guarded(item, _iter_one(item, stdin, options, limits)):
            if isinstance(result, Document):
                result = check_document(result, limits)
            else:
                result.origin = _safe(result.origin)
            if isinstance(result, Document) and published and result.published is None:
                result.published, result.published_from = published, "option"
            yield result


def _guarded(item: str, results: Iterator[Document | Rejection]) -> Iterator[Document | Rejection]:
    """The last line of defence: a reader that fails where nobody foresaw (a bug, not a bad
    input) costs the rest of that input, reported as E119, never the run."""
    try:
        yield from results
    except Exception as exc:
        detail = " ".join(str(exc).split())[:100]
        yield Rejection(
            _safe(item),
            errors.E_INTERNAL,
            f"the reader failed ({type(exc).__name__}: {detail}); the rest of this input is "
            "not read: please report it",
        )


def _iter_one(
    item: str, stdin, options: ReadOptions, limits: Limits
) -> Iterator[Document | Rejection]:
    if item == "-":
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, limits)
        return
    path = Path(item)
    if path.is_dir():
        for file in walk_files(path):
            yield from _read_path(file, explicit=False, options=options, limits=limits)
    elif path.exists():
        yield from _read_path(path, explicit=True, options=options, limits=limits)
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
