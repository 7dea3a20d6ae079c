"""The data contract: documents in, events out (DESIGN.md section 3).

Every stage passes these plain dataclasses along; `Event.to_dict()` is the JSON
object that `eventmill code --format jsonl` prints, key for key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date

FACTUALITIES = ("asserted", "negated", "hypothetical", "future")


@dataclass
class Document:
    """One story as read. `text` is what offsets point into."""

    doc_id: str
    text: str
    origin: str = ""  # file path (and record number for JSONL) it came from
    title: str | None = None
    published: date | None = None
    # where `published` came from: "record", "option", "metadata", or None
    published_from: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass
class Actor:
    name: str
    country: str | None
    sector: str | None
    mention: str
    wikidata: str | None = None
    kb_id: str | None = None
    title: str | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "mention": self.mention,
            "wikidata": self.wikidata,
        }

    def same_as(self, other: Actor | None) -> bool:
        return other is not None and (self.country, self.sector, self.name) == (
            other.country,
            other.sector,
            other.name,
        )


@dataclass
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Quantity:
    value: float
    unit: str
    text: str = ""

    def to_dict(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "text": self.text}


@dataclass
class Evidence:
    text: str
    start: int  # offsets of the sentence in the document text as read
    end: int
    trigger: str
    trigger_start: int | None = None  # offset of the trigger word in the document text

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Event:
    doc_id: str
    type: str
    mode: str | None
    contexts: list[str]
    quad: str
    intensity: float
    cameo: str
    source: Actor | None
    target: Actor | None
    date: str | None
    date_precision: str | None
    date_inferred: bool
    location: Place | None
    quantity: Quantity | None
    factuality: str
    confidence: float
    evidence: Evidence
    # why the coder chose this event: trigger rule, argument paths (for --explain)
    rule: str = ""
    symmetric: bool = False
    # other sentences of the same story stating the same event (merged by dedup)
    also_stated: list[Evidence] = field(default_factory=list)

    @property
    def event_id(self) -> str:
        """Stable across runs: the document, the type, the dyad and the sentence offsets."""
        key = "|".join(
            str(part)
            for part in (
                self.doc_id,
                self.type,
                self.source.country if self.source else "-",
                self.source.name if self.source else "-",
                self.target.country if self.target else "-",
                self.target.name if self.target else "-",
                self.evidence.start,
                self.evidence.trigger,
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "quad": self.quad,
            "intensity": self.intensity,
            "cameo": self.cameo,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_inferred": self.date_inferred,
            "location": self.location.to_dict() if self.location else None,
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "factuality": self.factuality,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_dict(),
            "also_stated": [e.to_dict() for e in self.also_stated],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass
class Rejection:
    """An input that could not be coded, and why: reported, never silently dropped."""

    origin: str
    code: str
    reason: str

    def line(self) -> str:
        """One line, whatever the file name holds."""
        text = f"{self.origin}: {self.reason} [{self.code}]"
        return text.replace("\r", "\\r").replace("\n", "\\n")
