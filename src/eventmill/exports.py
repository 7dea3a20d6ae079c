"""Exports for big-data tools: the store's events as Parquet, JSONL or CSV, partitioned by
month, streamed (rows are read a thousand at a time and written in batches; one file is
open at a time).

Layout (Hive-style, so DuckDB, Spark and pandas read the month as a column):

    OUT/month=2018-09/events.parquet     (or events.jsonl, events.csv)
    OUT/month=undated/events.parquet
    OUT/month=2018-09/merged_events.parquet   (with --merged)

The month is the event's date when it is known to the month, else the story's publication
date, else `undated`. JSONL lines are the JSON contract (DESIGN.md section 3) plus
`merged_id`, `published` and `outlet`; CSV and Parquet have flat columns (`FLAT_COLUMNS`).

    duckdb -c "SELECT month, type, COUNT(*) FROM read_parquet('OUT/*/events.parquet',
               hive_partitioning = true) GROUP BY ALL"
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventmill.output import event_columns, safe_cell
from eventmill.store import Store

FORMATS = ("parquet", "jsonl", "csv")
BATCH_ROWS = 5000

MONTH = (
    "CASE WHEN length({date}) >= 7 THEN substr({date}, 1, 7) "
    "WHEN {published} IS NOT NULL THEN substr({published}, 1, 7) ELSE 'undated' END"
)

EVENTS_SQL = (
    "SELECT "
    + MONTH.format(date="e.date", published="d.published")
    + " AS month, e.json AS json, e.merged_id AS merged_id, d.published AS published, "
    "d.outlet AS outlet FROM events e JOIN documents d ON d.doc_id = e.doc_id {where} "
    "ORDER BY month, e.doc_id, e.evidence_start, e.event_id"
)

MERGED_SQL = (
    "SELECT "
    + MONTH.format(date="m.date", published="d.published")
    + " AS month, m.* FROM merged_events m JOIN events rep ON rep.event_id = m.merged_id "
    "JOIN documents d ON d.doc_id = rep.doc_id {where} ORDER BY month, m.merged_id"
)

# (name, parquet type) of the flat event columns
FLAT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "string"),
    ("doc_id", "string"),
    ("merged_id", "string"),
    ("type", "string"),
    ("mode", "string"),
    ("quad", "string"),
    ("intensity", "float64"),
    ("cameo", "string"),
    ("contexts", "list"),
    ("source_name", "string"),
    ("source_country", "string"),
    ("source_sector", "string"),
    ("source_mention", "string"),
    ("source_wikidata", "string"),
    ("target_name", "string"),
    ("target_country", "string"),
    ("target_sector", "string"),
    ("target_mention", "string"),
    ("target_wikidata", "string"),
    ("date", "string"),
    ("date_precision", "string"),
    ("date_inferred", "bool"),
    ("published", "string"),
    ("outlet", "string"),
    ("location_name", "string"),
    ("location_country", "string"),
    ("latitude", "float64"),
    ("longitude", "float64"),
    ("geonameid", "int64"),
    ("quantity_value", "float64"),
    ("quantity_unit", "string"),
    ("factuality", "string"),
    ("confidence", "float64"),
    ("evidence_start", "int64"),
    ("evidence_end", "int64"),
    ("trigger", "string"),
    ("evidence_text", "string"),
]

MERGED_COLUMNS: list[tuple[str, str]] = [
    ("merged_id", "string"),
    ("type", "string"),
    ("mode", "string"),
    ("factuality", "string"),
    ("source_name", "string"),
    ("source_country", "string"),
    ("source_sector", "string"),
    ("target_name", "string"),
    ("target_country", "string"),
    ("target_sector", "string"),
    ("date", "string"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("location_name", "string"),
    ("location_country", "string"),
    ("intensity", "float64"),
    ("quad", "string"),
    ("cameo", "string"),
    ("confidence", "float64"),
    ("statements", "int64"),
    ("stories", "int64"),
    ("reports", "int64"),
    ("sources", "int64"),
    ("event_ids", "string"),
]


@dataclass
class ExportSummary:
    rows: int = 0
    files: int = 0
    months: int = 0

    def line(self) -> str:
        return f"{self.rows} rows in {self.files} files ({self.months} months)"


def flat_event(d: dict, merged_id: str | None, published: str | None, outlet: str | None):
    row = event_columns(d)
    row.update(
        merged_id=merged_id,
        source_wikidata=(d.get("source") or {}).get("wikidata"),
        target_wikidata=(d.get("target") or {}).get("wikidata"),
        published=published,
        outlet=outlet,
    )
    return row


def _rows(store: Store, merged: bool, include_all: bool) -> Iterator[tuple[str, dict]]:
    """(month, row) in month order."""
    if merged:
        where = "" if include_all else "WHERE m.factuality = 'asserted'"
        for row in store.iter_rows(MERGED_SQL.format(where=where)):
            yield row.pop("month"), row
        return
    where = "" if include_all else "WHERE e.factuality = 'asserted'"
    for row in store.iter_rows(EVENTS_SQL.format(where=where)):
        d = json.loads(row["json"])
        d["merged_id"] = row["merged_id"]
        d["published"] = row["published"]
        d["outlet"] = row["outlet"]
        yield row["month"], d


class _PartitionWriter:
    """Writes one month's file at a time."""

    def __init__(self, out: Path, fmt: str, name: str, merged: bool):
        self.out, self.fmt, self.name, self.merged = out, fmt, name, merged
        self.columns = MERGED_COLUMNS if merged else FLAT_COLUMNS
        self.month: str | None = None
        self.buffer: list[dict] = []
        self._file = None
        self._csv = None
        self._parquet = None
        self.summary = ExportSummary()

    def path(self, month: str) -> Path:
        return self.out / f"month={month}" / f"{self.name}.{self.fmt}"

    def write(self, month: str, row: dict) -> None:
        if month != self.month:
            self.close()
            self.month = month
            path = self.path(month)
            path.parent.mkdir(parents=True, exist_ok=True)
            self.summary.files += 1
            self.summary.months += 1
            if self.fmt == "jsonl":
                self._file = path.open("w", encoding="utf-8")
            elif self.fmt == "csv":
                self._file = path.open("w", encoding="utf-8", newline="")
                self._csv = csv.DictWriter(self._file, fieldnames=[c for c, _ in self.columns])
                self._csv.writeheader()
            else:
                import pyarrow.parquet as pq

                self._parquet = pq.ParquetWriter(path, _schema(self.columns))
        self.summary.rows += 1
        self.buffer.append(row)
        if len(self.buffer) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self.buffer:
            return
        if self.fmt == "jsonl":
            for d in self.buffer:
                self._file.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            flat = [self._flat(d) for d in self.buffer]
            if self.fmt == "csv":
                for row in flat:
                    self._csv.writerow(
                        {
                            k: safe_cell(";".join(v) if isinstance(v, list) else v)
                            for k, v in row.items()
                        }
                    )
            else:
                import pyarrow as pa

                self._parquet.write_table(pa.Table.from_pylist(flat, schema=_schema(self.columns)))
        self.buffer = []

    def _flat(self, d: dict) -> dict:
        if self.merged:
            return {c: d.get(c) for c, _ in self.columns}
        return flat_event(d, d.get("merged_id"), d.get("published"), d.get("outlet"))

    def close(self) -> None:
        self._flush()
        if self._file is not None:
            self._file.close()
        if self._parquet is not None:
            self._parquet.close()
        self._file = self._csv = self._parquet = None


def _schema(columns):
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "float64": pa.float64(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in columns])


def export(
    store: Store, out: str | Path, fmt: str = "parquet", merged: bool = False, include_all=False
) -> ExportSummary:
    """Write the store's events (or merged events) under `out`, one file per month.

    Files of an earlier export of the same kind under `out` are removed first, so a month
    that no longer has events leaves no stale file behind."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    name = "merged_events" if merged else "events"
    for old in out.glob(f"month=*/{name}.{fmt}"):
        old.unlink()
    writer = _PartitionWriter(out, fmt, name, merged)
    try:
        for month, row in _rows(store, merged, include_all):
            writer.write(month, row)
    finally:
        writer.close()
    return writer.summary
