"""Limits on what one input may cost: the settings that keep memory and time bounded on
hostile input (docs/RELIABILITY.md lists each case and what happens past the limit).

One place for all of them: `Limits` holds the defaults; `Limits.from_env()` lays the
`EVENTMILL_MAX_*` environment variables over them, and `eventmill ingest` options over
those. Sizes take a plain number of bytes or a number with a unit (`16M`, `2GiB`, `500kB`:
binary multiples either way, since a limit is a bound, not a measurement to report).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from eventmill import errors
from eventmill.errors import EventmillError

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

# Below this many decompressed bytes the compression ratio is not checked: a small file of
# repeated boilerplate compresses 1000:1 and is no bomb.
RATIO_FLOOR_BYTES = 8 * MIB


@dataclass(frozen=True)
class Limits:
    """Bounds on one input. Past each, the input (or the rest of a file) is rejected with a
    reason; nothing is truncated silently."""

    # one document: a .txt or .html file, standard input, a WARC payload, a record's text
    max_doc_bytes: int = 16 * MIB
    # one line of JSONL or CSV (a record and its JSON escapes): read with a bounded
    # readline, never whole; a longer line is rejected and skipped to its end
    max_line_bytes: int = 32 * MIB
    # decompressed bytes of one gzip file (.jsonl.gz, .csv.gz) or of one WARC's records
    max_gzip_bytes: int = 8 * GIB
    # decompressed:compressed ratio of a gzip file once past RATIO_FLOOR_BYTES: news text
    # compresses 3-10:1, a corpus of one boilerplate repeated ~400:1, and a bomb (one byte
    # repeated) at DEFLATE's ceiling of ~1030:1
    max_gzip_ratio: int = 600
    # sentences of one document (counted cheaply by end punctuation and line breaks, before
    # parsing): a news story has tens to hundreds; past this it is rejected, not cut, so
    # no event is coded from half a document
    max_sentences: int = 10_000
    # nesting depth of an HTML page's elements: libxml2 (under lxml and trafilatura) stops
    # building the tree at 256 levels and the text below is lost without a word, so a deeper
    # page is rejected with the reason instead
    max_html_depth: int = 256

    @classmethod
    def from_env(
        cls,
        environ: dict[str, str] | None = None,
        on_error: Callable[[EventmillError], None] | None = None,
    ) -> Limits:
        """The defaults with `EVENTMILL_MAX_DOC_BYTES`, `EVENTMILL_MAX_LINE_BYTES`,
        `EVENTMILL_MAX_GZIP_BYTES`, `EVENTMILL_MAX_GZIP_RATIO`, `EVENTMILL_MAX_SENTENCES`
        and `EVENTMILL_MAX_HTML_DEPTH` applied. A value that is not a positive number
        raises EventmillError (E120) naming the variable, or, given `on_error`, is passed
        to it and that one limit keeps its default."""
        environ = os.environ if environ is None else environ
        changes = {}
        for f in fields(cls):
            name = env_name(f.name)
            if environ.get(name, "").strip():
                try:
                    changes[f.name] = parse_limit(f.name, environ[name], name)
                except EventmillError as exc:
                    if on_error is None:
                        raise
                    on_error(exc)
        return replace(cls(), **changes)

    def with_values(self, **values: str | int | None) -> Limits:
        """A copy with the given limits (from command-line options) set; None keeps one."""
        changes = {}
        for name, value in values.items():
            if value is not None:
                changes[name] = parse_limit(name, value, "--" + name.replace("_", "-"))
        return replace(self, **changes)


def env_name(field_name: str) -> str:
    return "EVENTMILL_" + field_name.upper()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": KIB, "m": MIB, "g": GIB, "t": 1024 * GIB}


def parse_limit(field_name: str, value: str | int, where: str) -> int:
    """A limit's value as a positive int; sizes (`*_bytes`) may carry a unit."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value)
        m = _SIZE.match(text) if field_name.endswith("_bytes") else None
        if m:
            number = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
        else:
            try:
                number = int(text.strip())
            except ValueError:
                number = 0
    if number <= 0:
        raise EventmillError(
            f"{where} must be a positive number"
            + (" of bytes, e.g. 16M or 2G" if field_name.endswith("_bytes") else "")
            + f", not {value!r}",
            errors.E_LIMIT,
        )
    return number


def human(n: int) -> str:
    """A byte count for a message: '16 MiB', '512 KiB', '100 bytes'."""
    for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def current() -> Limits:
    """The limits from the environment (for callers that pass none: `eventmill code`, the
    library). A bad variable is one warning line on standard error, and its limit keeps
    the default; the others apply."""

    def warn(exc: EventmillError) -> None:
        print(f"eventmill: warning: {exc}; its default applies", file=sys.stderr)

    return Limits.from_env(on_error=warn)
