"""Coded messages. One code range per stage, so log lines and rejected-input rows can be
grouped and looked up: E1xx reading input, E2xx cleaning, E3xx knowledge base, E4xx coding,
E5xx store, E6xx evaluation."""

from __future__ import annotations


class EventmillError(Exception):
    """A user-facing problem: the CLI prints it as one line, never a traceback."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"{self.args[0]} [{self.code}]"


class InputError(EventmillError):
    code = "E100"


class KnowledgeBaseError(EventmillError):
    code = "E300"


class GoldFormatError(EventmillError):
    code = "E600"


# Reasons an input is rejected (ingest/readers.py); each says what is wrong.
E_MISSING = "E101"  # no such file or directory
E_EMPTY = "E102"  # empty, or only white space
E_BINARY = "E103"  # binary data, not text
E_ENCODING = "E104"  # bytes that no text encoding explains
E_TOO_BIG = "E105"  # over the size limit
E_JSON = "E106"  # a JSONL line that is not a JSON object
E_FIELD = "E107"  # a JSONL record without a usable `text`
E_HTML = "E108"  # HTML with no article text in it
E_TYPE = "E109"  # a file type eventmill does not read
E_UNREADABLE = "E110"  # the OS refused to read it (permissions, a device, ...)
E_DUPLICATE_ID = "E111"  # a doc_id already stored (or read) with a different text
E_COLUMN = "E112"  # a CSV without the text column
E_ARCHIVE = "E113"  # a compressed file or WARC archive broken or cut short; a lying WARC record
E_NESTING = "E114"  # HTML nested deeper than the parser keeps (its text would be lost)
E_TOO_MANY_SENTENCES = "E115"  # a document of more sentences than any news story has
E_LINE = "E116"  # a JSONL or CSV line over the line length limit
E_BOMB = "E117"  # a compressed file that expands past the size or ratio limit
E_INTERNAL = "E119"  # a reader failed where no input should make it fail (a bug: report it)
E_LIMIT = "E120"  # a limit setting (EVENTMILL_MAX_*, --max-*) that is not a positive number


# The store (store.py).
E_STORE_FULL = "E501"  # no room to write: disk full, file size limit, failed write
