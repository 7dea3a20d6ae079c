"""Exports for big-data tools and for the field's own tools: the store's events as Parquet,
JSONL or CSV, or as a POLECAT-style or CAMEO-style table (tab-separated), partitioned by
month, streamed (rows are read a thousand at a time and written in batches; one file is
open at a time).

Layout (Hive-style, so DuckDB, Spark and pandas read the month as a column):

    OUT/month=2018-09/events.parquet     (or events.jsonl, events.csv)
    OUT/month=2018-09/events.polecat.tsv (or events.cameo.tsv)
    OUT/month=undated/events.parquet
    OUT/month=2018-09/merged_events.parquet   (with --merged; also .polecat.tsv, .cameo.tsv)

The month is the event's date when it is known to the month, else the story's publication
date, else `undated`. JSONL lines are the JSON contract (DESIGN.md section 3) plus
`merged_id`, `published`, `outlet` and `url`; CSV and Parquet have flat columns
(`FLAT_COLUMNS`). The POLECAT-style table has POLECAT's 40 columns in POLECAT's order
(`POLECAT_COLUMNS`, empty where eventmill has no value); the CAMEO-style table has GDELT's
names for the CAMEO fields (`CAMEO_COLUMNS`) with the CAMEO root code, quad class and
Goldstein value (data/goldstein.yaml). Merged events in those two tables are their first
statement's fields with the counts of the merged event. docs/EXPORTS.md describes every
column.

    duckdb -c "SELECT month, type, COUNT(*) FROM read_parquet('OUT/*/events.parquet',
               hive_partitioning = true) GROUP BY ALL"
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventmill.ontology import SECTORS
from eventmill.output import event_columns, safe_cell
from eventmill.store import Store

FORMATS = ("parquet", "jsonl", "csv", "polecat", "cameo")
BATCH_ROWS = 5000

MONTH = (
    "CASE WHEN length({date}) >= 7 THEN substr({date}, 1, 7) "
    "WHEN {published} IS NOT NULL THEN substr({published}, 1, 7) ELSE 'undated' END"
)

EVENTS_SQL = (
    "SELECT "
    + MONTH.format(date="e.date", published="d.published")
    + " AS month, e.json AS json, e.merged_id AS merged_id, d.published AS published, "
    "d.outlet AS outlet, d.url AS url FROM events e JOIN documents d ON d.doc_id = e.doc_id "
    "{where} ORDER BY month, e.doc_id, e.evidence_start, e.event_id"
)

MERGED_SQL = (
    "SELECT "
    + MONTH.format(date="m.date", published="d.published")
    + " AS month, m.* FROM merged_events m JOIN events rep ON rep.event_id = m.merged_id "
    "JOIN documents d ON d.doc_id = rep.doc_id {where} ORDER BY month, m.merged_id"
)

# merged events with the whole of their first statement (the POLECAT and CAMEO tables need
# its coordinates, contexts, mentions and URL, which the merged_events view does not carry)
MERGED_FULL_SQL = (
    "SELECT "
    + MONTH.format(date="m.date", published="d.published")
    + " AS month, rep.json AS json, m.merged_id AS merged_id, d.published AS published, "
    "d.outlet AS outlet, d.url AS url, m.statements AS statements, m.stories AS stories, "
    "m.reports AS reports, m.sources AS sources FROM merged_events m "
    "JOIN events rep ON rep.event_id = m.merged_id JOIN documents d ON d.doc_id = rep.doc_id "
    "{where} ORDER BY month, m.merged_id"
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
    ("url", "string"),
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

# POLECAT's published column names, in its order (its weekly files are tab-separated)
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)

# GDELT's names where GDELT has the field, ours (Plover*, Evidence, *_GeoNamesID) otherwise
CAMEO_COLUMNS: tuple[str, ...] = (
    "EventID",
    "SQLDATE",
    "EventDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_GeoNamesID",
    "SOURCEURL",
    "PloverType",
    "PloverMode",
    "Evidence",
)

# a value that is several in one POLECAT cell (contexts, sectors) is joined like POLECAT's
MULTI_SEPARATOR = "; "
# all input is coded by an English model and lexicon
LANGUAGE = "en"
# CAMEO's actor type codes that our sectors share; UNK is ours alone
CAMEO_SECTORS = SECTORS - {"UNK"}


@dataclass
class ExportSummary:
    rows: int = 0
    files: int = 0
    months: int = 0

    def line(self) -> str:
        return f"{self.rows} rows in {self.files} files ({self.months} months)"


def flat_event(
    d: dict,
    merged_id: str | None,
    published: str | None,
    outlet: str | None,
    url: str | None = None,
) -> dict:
    row = event_columns(d)
    row.update(
        merged_id=merged_id,
        source_wikidata=(d.get("source") or {}).get("wikidata"),
        target_wikidata=(d.get("target") or {}).get("wikidata"),
        published=published,
        outlet=outlet,
        url=url,
    )
    return row


def _data_file(name: str):
    return yaml.safe_load(resources.files("eventmill").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def goldstein_scale() -> dict[str, float]:
    """CAMEO code -> Goldstein (1992) value, from data/goldstein.yaml."""
    table = {}
    for code, value in (_data_file("goldstein.yaml") or {}).items():
        code = str(code)
        # an unquoted key would have lost its leading zero: fail at load, not in a cell
        if not re.fullmatch(r"\d{3,4}", code) or not -10 <= float(value) <= 10:
            raise ValueError(f"goldstein.yaml: bad entry {code!r}: {value!r}")
        table[code] = float(value)
    return table


def goldstein_value(cameo: str | None) -> float | None:
    """The code's Goldstein value, else its three-digit base code's, else None."""
    if not cameo:
        return None
    scale = goldstein_scale()
    return scale.get(cameo, scale.get(cameo[:3]))


def cameo_quad_class(cameo: str | None) -> int | None:
    """CAMEO's quad class of a code, from its root: 1 verbal cooperation (01-05), 2 material
    cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). It can
    differ from the PLOVER quad of the event's type (CONCEDE is verbal in PLOVER, its code
    081 material in CAMEO): CAMEO tools expect CAMEO's."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if not 1 <= root <= 20:
        return None
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def cow_codes() -> dict[str, int]:
    """ISO alpha-3 -> Correlates of War state number, from data/cow.yaml."""
    return {str(k).upper(): int(v) for k, v in (_data_file("cow.yaml") or {}).items()}


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    from eventmill.actors.importers import known_codes

    return known_codes()[0]


def _state(code: str | None) -> str | None:
    """The code when it is a state's ISO alpha-3 (not an organisation's code)."""
    return code if code and code in _state_codes() else None


def _version() -> str:
    from eventmill import __version__

    return f"eventmill {__version__}"


def polecat_row(d: dict) -> dict:
    """An event (the JSON contract plus `published`, `outlet`) as a POLECAT-style row."""
    row = dict.fromkeys(POLECAT_COLUMNS)
    loc = d.get("location") or {}
    row.update(
        {
            "Event ID": d.get("merged_id") if d.get("statements") else d["event_id"],
            "Event Date": d.get("date"),
            "Event Type": d["type"],
            "Event Mode": d.get("mode"),
            "Intensity": d.get("intensity"),
            # POLECAT writes the quad as words in capitals: "MATERIAL CONFLICT"
            "Quad Code": (d.get("quad") or "").replace("_", " ").upper() or None,
            "Contexts": list(d.get("contexts") or []),
            "Placename": loc.get("name"),
            "Country": loc.get("country"),
            "Latitude": loc.get("lat"),
            "Longitude": loc.get("lon"),
            "GeoNames ID": loc.get("geonameid"),
            "Source": d.get("outlet"),
            "Publication Date": d.get("published"),
            "Language": LANGUAGE,
            "Version": _version(),
        }
    )
    for prefix, key in (("Actor", "source"), ("Recipient", "target")):
        actor = d.get(key) or {}
        country = _state(actor.get("country"))
        sector = actor.get("sector")
        row[f"{prefix} Name"] = actor.get("name")
        row[f"{prefix} Country"] = country
        row[f"{prefix} COW"] = cow_codes().get(country) if country else None
        row[f"Primary {prefix} Sector"] = sector
        row[f"{prefix} Sectors"] = [sector] if sector else []
        row[f"{prefix} Name Raw"] = actor.get("mention")
        # POLECAT links actors to Wikipedia; ours are linked to Wikidata
        row[f"Wikipedia {prefix} ID"] = actor.get("wikidata")
    return row


def _cameo_actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO's actor code: a state's code and its type ("RUSGOV"), an organisation as its
    type and its group code ("IGONAT")."""
    kind = sector if sector in CAMEO_SECTORS else ""
    if not country:
        return kind or None
    if _state(country):
        return country + kind
    return country if country == kind else kind + country


def cameo_row(d: dict) -> dict:
    """An event (the JSON contract plus `published`, `outlet`, `url`, and for a merged event
    its counts) as a CAMEO-style row with GDELT's column names."""
    loc = d.get("location") or {}
    cameo = d.get("cameo")
    day = d.get("date")
    merged = bool(d.get("statements"))
    row = {
        "EventID": d.get("merged_id") if merged else d["event_id"],
        # GDELT's YYYYMMDD: only for a date known to the day, never a made-up day
        "SQLDATE": day.replace("-", "") if day and len(day) == 10 else None,
        "EventDate": day,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": cameo_quad_class(cameo),
        "GoldsteinScale": goldstein_value(cameo),
        # a statement is one article of one source; its story may state it more than once
        "NumMentions": d["statements"] if merged else 1 + len(d.get("also_stated") or []),
        "NumSources": d["sources"] if merged else 1,
        "NumArticles": d["reports"] if merged else 1,
        "ActionGeo_FullName": loc.get("name"),
        "ActionGeo_CountryCode": loc.get("country"),
        "ActionGeo_Lat": loc.get("lat"),
        "ActionGeo_Long": loc.get("lon"),
        "ActionGeo_GeoNamesID": loc.get("geonameid"),
        "SOURCEURL": d.get("url"),
        "PloverType": d["type"],
        "PloverMode": d.get("mode"),
        "Evidence": (d.get("evidence") or {}).get("text"),
    }
    for n, key in ((1, "source"), (2, "target")):
        actor = d.get(key) or {}
        code, sector = actor.get("country"), actor.get("sector")
        row[f"Actor{n}Code"] = _cameo_actor_code(code, sector)
        row[f"Actor{n}Name"] = actor.get("name")
        row[f"Actor{n}CountryCode"] = _state(code)
        row[f"Actor{n}KnownGroupCode"] = code if code and not _state(code) else None
        row[f"Actor{n}Type1Code"] = sector
    return {c: row[c] for c in CAMEO_COLUMNS}


def tsv_cell(value: object) -> object:
    """One cell of a tab-separated table: one row per line (tabs and line breaks in text
    become spaces), several values joined by "; ", no value empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = MULTI_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, str):
        return safe_cell(re.sub(r"[\t\r\n]+", " ", value))
    return value


@dataclass(frozen=True)
class _Table:
    """A tab-separated layout: its header and how an event becomes a row."""

    columns: tuple[str, ...]
    row: Callable[[dict], dict]


TABLES = {
    "polecat": _Table(POLECAT_COLUMNS, polecat_row),
    "cameo": _Table(CAMEO_COLUMNS, cameo_row),
}


def file_name(name: str, fmt: str) -> str:
    """`events.parquet`, `events.polecat.tsv`, ... (`name` is events or merged_events)."""
    return f"{name}.{fmt}.tsv" if fmt in TABLES else f"{name}.{fmt}"


def _rows(
    store: Store, merged: bool, include_all: bool, full: bool = False
) -> Iterator[tuple[str, dict]]:
    """(month, row) in month order; `full`: merged events with their first statement's JSON."""
    if merged and not full:
        where = "" if include_all else "WHERE m.factuality = 'asserted'"
        for row in store.iter_rows(MERGED_SQL.format(where=where)):
            yield row.pop("month"), row
        return
    if merged:
        sql = MERGED_FULL_SQL.format(where="" if include_all else "WHERE m.factuality = 'asserted'")
    else:
        sql = EVENTS_SQL.format(where="" if include_all else "WHERE e.factuality = 'asserted'")
    for row in store.iter_rows(sql):
        d = json.loads(row.pop("json"))
        month = row.pop("month")
        d.update(row)
        yield month, d


class _PartitionWriter:
    """Writes one month's file at a time."""

    def __init__(self, out: Path, fmt: str, name: str, merged: bool):
        self.out, self.fmt, self.name, self.merged = out, fmt, name, merged
        self.columns = MERGED_COLUMNS if merged else FLAT_COLUMNS
        self.table = TABLES.get(fmt)
        self.month: str | None = None
        self.buffer: list[dict] = []
        self._file = None
        self._csv = None
        self._parquet = None
        self.summary = ExportSummary()

    def path(self, month: str) -> Path:
        return self.out / f"month={month}" / file_name(self.name, self.fmt)

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
            elif self.table is not None:
                self._file = path.open("w", encoding="utf-8", newline="")
                self._csv = csv.writer(self._file, delimiter="\t", lineterminator="\n")
                self._csv.writerow(self.table.columns)
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
        elif self.table is not None:
            for d in self.buffer:
                row = self.table.row(d)
                self._csv.writerow([tsv_cell(row[c]) for c in self.table.columns])
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
        return flat_event(d, d.get("merged_id"), d.get("published"), d.get("outlet"), d.get("url"))

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
    for old in out.glob(f"month=*/{file_name(name, fmt)}"):
        old.unlink()
    writer = _PartitionWriter(out, fmt, name, merged)
    try:
        for month, row in _rows(store, merged, include_all, full=fmt in TABLES):
            writer.write(month, row)
    finally:
        writer.close()
    return writer.summary
