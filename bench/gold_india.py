"""IndiaPoliceEvents (Times of India, March 2002) as sentence-labelled gold documents.

Reads ``peer-data/india-police-events/docs.csv`` and ``sents.csv`` at run time. Each story
becomes one gold document (GOLD_FORMAT.md shape, no events: the set names no targets,
dates or places) with a ``sentences`` list: every labelled sentence's character span in
the story text and its 0/1 labels (KILL, ARREST, FORCE, ANY_ACTION, FAIL). Stories are
coded whole, so the coder sees each sentence in its context (pronouns, "the police" named
earlier); an event belongs to the sentence that holds its evidence.

The detection test (``bench/accuracy.py``) asks of each sentence whether the coder
produces an event of the label's type from it (``DETECTION``): ARREST -> COERCE in the
arrest mode, KILL and FORCE (force or violence, killings included) -> ASSAULT.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from gold_convert import _input_file, label_document

INDIA_DIR = Path("peer-data") / "india-police-events"
LABELS = ("KILL", "ARREST", "FORCE", "ANY_ACTION", "FAIL")
# label -> (PLOVER type, required mode or None): what counts as detecting it
DETECTION: dict[str, tuple[str, str | None]] = {
    "ARREST": ("COERCE", "arrest"),
    "KILL": ("ASSAULT", None),
    "FORCE": ("ASSAULT", None),
}
# Every story is from March 2002 (SOURCE.md); most say which day in their first line.
_STORY_DATE = re.compile(r"This story is from (January|February|March|April) (\d{1,2}), (\d{4})")
_MONTHS = {"January": 1, "February": 2, "March": 3, "April": 4}
DEFAULT_PUBLISHED = date(2002, 3, 15)


def story_date(text: str) -> date:
    m = _STORY_DATE.search(text[:300])
    if m:
        try:
            return date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
        except ValueError:
            pass
    return DEFAULT_PUBLISHED


def _flag(value: str | None) -> int:
    return 1 if (value or "").strip() in ("1", "1.0", "True") else 0


def convert_india(shared: Path | str | None = None, notes: list[str] | None = None) -> list[dict]:
    """Stories with their labelled sentences located in the story text (in order)."""
    csv.field_size_limit(1 << 26)
    docs_path = _input_file(shared, INDIA_DIR, "docs.csv")
    sents_path = _input_file(shared, INDIA_DIR, "sents.csv")
    with docs_path.open(encoding="utf-8", newline="") as fh:
        texts = {r["doc_id"]: r["doc_text"] or "" for r in csv.DictReader(fh)}
    sentences: dict[str, list[dict]] = {}
    with sents_path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            sentences.setdefault(r["doc_id"], []).append(r)
    docs = []
    for doc_id, text in texts.items():
        rows = sorted(sentences.get(doc_id, []), key=lambda r: int(r["sent_id"]))
        spans = []
        cursor = 0
        for r in rows:
            sent = r["sent_text"] or ""
            # sentences come in story order: search after the previous one, so a repeated
            # sentence (a headline, boilerplate) is tied to its own place
            start = text.find(sent, cursor) if sent else -1
            if start < 0:
                start = text.find(sent) if sent else -1
            if start < 0:
                if notes is not None:
                    notes.append(f"toi-{doc_id} sentence {r['sent_id']}: not in the story text")
                continue
            cursor = start + len(sent)
            spans.append(
                {
                    "sent_id": int(r["sent_id"]),
                    "start": start,
                    "end": start + len(sent),
                    "text": sent,
                    "labels": {k: _flag(r.get(k)) for k in LABELS},
                }
            )
        published = story_date(text).isoformat()
        docs.append(
            label_document(f"toi-{doc_id}", text, published, "india-police-events", sentences=spans)
        )
    return docs
