"""Writing events: JSON lines (the contract), CSV, and a readable table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from eventmill.schema import Event

CSV_COLUMNS = [
    "event_id",
    "doc_id",
    "type",
    "mode",
    "quad",
    "intensity",
    "cameo",
    "contexts",
    "source_name",
    "source_country",
    "source_sector",
    "source_mention",
    "target_name",
    "target_country",
    "target_sector",
    "target_mention",
    "date",
    "date_precision",
    "date_inferred",
    "location_name",
    "location_country",
    "latitude",
    "longitude",
    "geonameid",
    "quantity_value",
    "quantity_unit",
    "factuality",
    "confidence",
    "evidence_start",
    "evidence_end",
    "trigger",
    "evidence_text",
]


def safe_cell(value: object) -> object:
    """Text from the web must not run as a formula in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def event_columns(d: dict) -> dict:
    """An event of the JSON contract as flat columns (contexts kept as a list)."""
    src, tgt = d.get("source") or {}, d.get("target") or {}
    loc, qty = d.get("location") or {}, d.get("quantity") or {}
    row = {
        "event_id": d["event_id"],
        "doc_id": d["doc_id"],
        "type": d["type"],
        "mode": d["mode"],
        "quad": d["quad"],
        "intensity": d["intensity"],
        "cameo": d["cameo"],
        "contexts": list(d["contexts"]),
        "source_name": src.get("name"),
        "source_country": src.get("country"),
        "source_sector": src.get("sector"),
        "source_mention": src.get("mention"),
        "target_name": tgt.get("name"),
        "target_country": tgt.get("country"),
        "target_sector": tgt.get("sector"),
        "target_mention": tgt.get("mention"),
        "date": d["date"],
        "date_precision": d["date_precision"],
        "date_inferred": bool(d.get("date_inferred")),
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geonameid": loc.get("geonameid"),
        "quantity_value": qty.get("value"),
        "quantity_unit": qty.get("unit"),
        "factuality": d["factuality"],
        "confidence": d["confidence"],
        "evidence_start": d["evidence"]["start"],
        "evidence_end": d["evidence"]["end"],
        "trigger": d["evidence"]["trigger"],
        "evidence_text": d["evidence"]["text"],
    }
    return row


def flat_row(e: Event) -> dict:
    """One CSV row: contexts joined, text cells made safe for spreadsheets."""
    row = event_columns(e.to_dict())
    row["contexts"] = ";".join(row["contexts"])
    return {k: safe_cell(v) for k, v in row.items()}


class CsvWriter:
    def __init__(self, stream: TextIO):
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            self.writer.writerow(flat_row(e))


def write_jsonl(events: Iterable[Event], stream: TextIO, explain: bool = False) -> None:
    for e in events:
        d = e.to_dict()
        if explain:
            d["explain"] = e.rule
        stream.write(json.dumps(d, ensure_ascii=False) + "\n")


def actor_label(actor) -> str:
    if actor is None:
        return "-"
    code = f"{actor.country or '---'}{actor.sector or ''}"
    return f"{actor.name} ({code})"


def table_rows(e: Event) -> list[str]:
    where = ""
    if e.location:
        where = f"{e.location.name}, {e.location.country or '?'}"
    when = (e.date or "") + (" (inferred year)" if e.date and e.date_inferred else "")
    kind = e.type + (f"/{e.mode}" if e.mode else "")
    if e.factuality != "asserted":
        kind += f" [{e.factuality}]"
    qty = ""
    if e.quantity:
        qty = f"{e.quantity.to_dict()['value']:,} {e.quantity.unit}"
    return [
        e.doc_id,
        kind,
        actor_label(e.source),
        actor_label(e.target),
        when,
        where,
        qty,
        e.evidence.trigger,
    ]
