"""ConfliBERT's Multi-CoPED ``cameo_ner`` set: news sentences with source/target spans.

Reads ``peer-data/conflibert-multicoped/cameo_ner/test.txt`` (or ``train.txt``) at run
time: one ``token TAG`` a line, a blank line between sentences, tags B-/I- of S (source
actor), T (target actor), R (reciprocal: an actor that is both, such as two leaders who
meet) and O. Each sentence becomes a gold document (GOLD_FORMAT.md shape, no events: the
set has no event types) whose text is the tokens joined back into prose, with ``spans``:
each actor span's role, character offsets in that text, and words.

``bench/accuracy.py`` scores argument extraction alone on it: for the sentences where the
coder codes an event, whether the event's source and target fall on the gold spans.
"""

from __future__ import annotations

from pathlib import Path

from gold_convert import _input_file, label_document

NER_DIR = Path("peer-data") / "conflibert-multicoped" / "cameo_ner"
ROLES = ("S", "T", "R")

# Joining tokens back into prose, so that the parser sees ordinary text: no space before
# closing punctuation and clitics, none after opening brackets and currency signs, none
# around a hyphen between words ("European - based" was "European-based").
_NO_SPACE_BEFORE = frozenset(
    {".", ",", ";", ":", "?", "!", ")", "]", "}", "%", "’", "'", "'s", "’s", "n't", "”", "-"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "-", "£", "€"})
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Tokens -> (text, character span of each token in it)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    prev = None
    for tok in tokens:
        glue = (
            prev is None
            or tok in _NO_SPACE_BEFORE
            or prev in _NO_SPACE_AFTER
            or (prev in ("’", "'") and tok.lower() in _CLITICS)
        )
        if not glue:
            parts.append(" ")
            length += 1
        spans.append((length, length + len(tok)))
        parts.append(tok)
        length += len(tok)
        prev = tok
    return "".join(parts), spans


def read_conll(text: str) -> list[list[tuple[str, str]]]:
    """CoNLL-style text -> sentences of (token, tag); a line without a tag is tagged O."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, _, tag = line.rstrip().rpartition(" ")
        if not token:  # a lone token with no tag
            token, tag = tag, "O"
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def tag_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """BIO tags -> (role, first token, last token + 1); an I- after another role opens one."""
    out: list[tuple[str, int, int]] = []
    role, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == role
        if role is not None and not continues:
            out.append((role, start, i))
            role = None
        if prefix in ("B", "I") and kind in ROLES and not continues:
            role, start = kind, i
    return out


def convert_conflibert(
    shared: Path | str | None = None, notes: list[str] | None = None, split: str = "test"
) -> list[dict]:
    """The NER split's sentences -> gold documents with actor ``spans``."""
    path = _input_file(shared, NER_DIR, f"{split}.txt")
    docs = []
    for n, sentence in enumerate(read_conll(path.read_text(encoding="utf-8")), start=1):
        tokens = [t for t, _ in sentence]
        text, offsets = detokenise(tokens)
        spans = []
        for role, first, last in tag_spans([tag for _, tag in sentence]):
            start, end = offsets[first][0], offsets[last - 1][1]
            spans.append({"role": role, "start": start, "end": end, "text": text[start:end]})
        if not spans and notes is not None:
            notes.append(f"conflibert-{split}-{n}: no actor span")
        doc_id = f"conflibert-{split}-{n}"
        docs.append(label_document(doc_id, text, None, "conflibert-cameo-ner", spans=spans))
    return docs
