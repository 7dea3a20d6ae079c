"""Cleaning: which stretches of a document's text are worth coding.

Nothing is removed from the text itself (evidence offsets point into the text as read);
cleaning returns the spans to code and, for each dropped line, why it was dropped: web
chrome ("Leave a review", "Read more", cookie notices) and repeated lines such as a
headline printed twice. Repeated sentences inside kept lines are dropped later, once the
sentence splitter has run (coding/coder.py), by the same normalisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_WORD_OR_NUMBER = re.compile(_WORD.pattern + r"|\d+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…»\"”]\s*$")
# a word followed by punctuation, not by another word: "Photo:", "Tags |", "Related »"
_LABEL = re.compile(r"\W*[^\W\d_]+(?:['’][^\W\d_]+)?\s*[^\w\s]", re.UNICODE)

# A chrome phrase starts a line that is dropped only if the line is this short: "Read more"
# and "Read more: Putin meets Aliyev" are chrome, a sentence that starts "Share prices fell
# in Moscow after ..." is not.
CHROME_PREFIX_MAX_WORDS = 8
# ... unless the phrase is a label, "Read more: What's in the Israel-Hezbollah ceasefire deal":
# a link to another story's headline, as long as a headline is
CHROME_LABEL_MAX_WORDS = 20
_LABEL_END = re.compile(r"\s*[:|»›]")
# one-word labels that only ever lead a link to another story ("Related: Kenya protesters
# storm parliament", "Trending: ..."); other one-word chrome ("Home:") may open a headline
LINK_LABELS = frozenset(
    {"related", "trending", "watch", "listen", "recommended", "popular", "latest", "most read"}
)
# a photograph's caption, told in the present of a day long past: "FILE - Riot police detain
# a protester in Nairobi ... (AP Photo/Brian Inganga, File)"
_CAPTION = re.compile(
    r"^\s*FILE(?: PHOTO)?\s*[-—–:]"
    r"|\((?:AP|AFP|Reuters|EPA|Getty|Xinhua|Anadolu)\b[^()]*(?:Photo|Images|/)[^()]*\)\W*$"
)
# ... or labelled, or credited after its last full stop: "Photo: Soldiers patrol a street in
# Conakry on Tuesday.", "Armed police patrol a street in Urumqi, July 13, 2009. REUTERS/Staff".
# Only on a line as short as a caption: a whole story scraped onto one line may end so too.
_SHORT_CAPTION = re.compile(
    r"^\s*(?:PHOTO|Photo|PICTURE|Picture|IMAGE|Image|CAPTION|Caption)\s*:"
    r"|[.!?]\s+(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|XINHUA|Xinhua)(?:/[^/.]{1,60})?\s*$"
)
CAPTION_MAX_CHARS = 400
# Coding a span longer than this in one spaCy call costs memory quadratic in nothing but
# makes one document block everything; such lines are split at sentence-like boundaries.
MAX_BLOCK_CHARS = 20_000


@dataclass(frozen=True)
class Block:
    start: int
    end: int


@dataclass(frozen=True)
class Dropped:
    start: int
    end: int
    why: str  # "chrome" or "repeated"


@lru_cache(maxsize=1)
def chrome_phrases() -> frozenset[str]:
    text = resources.files("eventmill").joinpath("data/chrome.txt").read_text("utf-8")
    # normalised as lines are, so "e-mail" and "editor's picks" can match at all
    return frozenset(
        _words(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    ) - {""}


def _words(text: str) -> str:
    """Lower-case words, without numbers or punctuation: what chrome is recognised by."""
    return " ".join(w.lower() for w in _WORD.findall(text))


def normalise(text: str) -> str:
    """Lower-case words and numbers: the key for 'the same line' and 'the same sentence'.

    Numbers count: "5 people were killed" and "12 people were killed" are two statements.
    """
    return " ".join(w.lower() for w in _WORD_OR_NUMBER.findall(text))


def is_chrome(line: str) -> bool:
    words = _words(line)
    if not words:
        return bool(line.strip())  # only digits and punctuation: a page number, a divider
    phrases = chrome_phrases()
    if words in phrases or _CAPTION.search(line):
        return True
    if len(line) <= CAPTION_MAX_CHARS and _SHORT_CAPTION.search(line):
        return True
    if _SENTENCE_END.search(line.strip()):
        return False
    n_words = len(words.split())
    label = _LABEL_END.search(line)
    if label is not None and n_words <= CHROME_LABEL_MAX_WORDS:
        # of several words, or a link's: "Home: the long road back" may be a headline
        opening = _words(line[: label.start()])
        if opening in LINK_LABELS or (" " in opening and opening in phrases):
            return True
    if n_words > CHROME_PREFIX_MAX_WORDS:
        return False
    if any(words.startswith(p + " ") for p in phrases if " " in p):
        return True
    # a one-word phrase starts chrome only as a label: "Photo: AP", "Tags: Russia, Iran",
    # "Comments (3)"; "Home Secretary resigns" and "Share prices fall" are headlines
    first = words.split()[0]
    return n_words <= 3 and first in phrases and _LABEL.match(line.strip()) is not None


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, start + len(line.rstrip("\r\n"))
        start += len(line)


def _split_long(text: str, start: int, end: int):
    while end - start > MAX_BLOCK_CHARS:
        cut = text.rfind(". ", start, start + MAX_BLOCK_CHARS)
        cut = cut + 1 if cut > start else start + MAX_BLOCK_CHARS
        yield Block(start, cut)
        start = cut
        while start < end and text[start].isspace():  # the next block starts on a character
            start += 1
    if start < end:
        yield Block(start, end)


def clean(text: str) -> tuple[list[Block], list[Dropped]]:
    """The blocks (lines or paragraphs) to code, and the lines dropped with the reason."""
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    seen: set[str] = set()
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        if is_chrome(line):
            dropped.append(Dropped(start, end, "chrome"))
            continue
        key = normalise(line)
        if key in seen:
            dropped.append(Dropped(start, end, "repeated"))
            continue
        seen.add(key)
        # trim the white space around the line so offsets start on a character
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        blocks.extend(_split_long(text, start + lead, end - trail))
    return blocks, dropped
