"""A large synthetic store for the web benchmarks: by default 100,000 events across 40
states and three organisations, three years (2022-2024), every PLOVER type, in stories whose
text holds each event's sentence at its offsets.

The schema is the store's own (`Store` creates the file and its migrations); rows are
written with executemany in one transaction, so it takes seconds. Each event is a real
`schema.Event`, so its `json` column is the contract's object. Like a real corpus: dyads
are skewed (a few busy pairs, a long tail), about half the events have no date of their own
(they fall on their story's date), most have a place with coordinates, one story in twelve
has a near-copy from another outlet (a report), and one event in ten is a second story's
statement of an event already stored (merged with it).

    .venv/bin/python bench/make_events_db.py                      # build/events-100k.db
    .venv/bin/python bench/make_events_db.py --events 20000 --out /tmp/small.db
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from eventmill.ontology import TYPES
from eventmill.schema import Actor, Document, Event, Evidence, Place
from eventmill.store import DOCUMENT_COLUMNS, Store, content_hash

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "build" / "events-100k.db"

# (code, name, demonym, capital, lat, lon): the states the synthetic news is about
STATES = [
    ("RUS", "Russia", "Russian", "Moscow", 55.75, 37.62),
    ("AZE", "Azerbaijan", "Azerbaijani", "Baku", 40.41, 49.87),
    ("ARM", "Armenia", "Armenian", "Yerevan", 40.18, 44.51),
    ("UKR", "Ukraine", "Ukrainian", "Kyiv", 50.45, 30.52),
    ("USA", "United States", "American", "Washington", 38.90, -77.04),
    ("CHN", "China", "Chinese", "Beijing", 39.90, 116.40),
    ("FRA", "France", "French", "Paris", 48.86, 2.35),
    ("DEU", "Germany", "German", "Berlin", 52.52, 13.40),
    ("GBR", "United Kingdom", "British", "London", 51.51, -0.13),
    ("TUR", "Turkey", "Turkish", "Ankara", 39.93, 32.86),
    ("IRN", "Iran", "Iranian", "Tehran", 35.69, 51.39),
    ("ISR", "Israel", "Israeli", "Jerusalem", 31.77, 35.21),
    ("PSE", "Palestine", "Palestinian", "Ramallah", 31.90, 35.20),
    ("EGY", "Egypt", "Egyptian", "Cairo", 30.04, 31.24),
    ("SAU", "Saudi Arabia", "Saudi", "Riyadh", 24.69, 46.72),
    ("QAT", "Qatar", "Qatari", "Doha", 25.29, 51.53),
    ("IND", "India", "Indian", "New Delhi", 28.61, 77.21),
    ("PAK", "Pakistan", "Pakistani", "Islamabad", 33.69, 73.06),
    ("AFG", "Afghanistan", "Afghan", "Kabul", 34.53, 69.17),
    ("JPN", "Japan", "Japanese", "Tokyo", 35.69, 139.69),
    ("KOR", "South Korea", "South Korean", "Seoul", 37.57, 126.98),
    ("PRK", "North Korea", "North Korean", "Pyongyang", 39.03, 125.75),
    ("BRA", "Brazil", "Brazilian", "Brasilia", -15.78, -47.93),
    ("VEN", "Venezuela", "Venezuelan", "Caracas", 10.49, -66.88),
    ("COL", "Colombia", "Colombian", "Bogota", 4.61, -74.08),
    ("MEX", "Mexico", "Mexican", "Mexico City", 19.43, -99.13),
    ("NGA", "Nigeria", "Nigerian", "Abuja", 9.06, 7.49),
    ("NER", "Niger", "Nigerien", "Niamey", 13.51, 2.11),
    ("MLI", "Mali", "Malian", "Bamako", 12.65, -8.00),
    ("ETH", "Ethiopia", "Ethiopian", "Addis Ababa", 9.02, 38.75),
    ("SDN", "Sudan", "Sudanese", "Khartoum", 15.50, 32.56),
    ("KEN", "Kenya", "Kenyan", "Nairobi", -1.29, 36.82),
    ("ZAF", "South Africa", "South African", "Pretoria", -25.75, 28.19),
    ("POL", "Poland", "Polish", "Warsaw", 52.23, 21.01),
    ("BLR", "Belarus", "Belarusian", "Minsk", 53.90, 27.57),
    ("GEO", "Georgia", "Georgian", "Tbilisi", 41.72, 44.78),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana", 51.17, 71.45),
    ("SYR", "Syria", "Syrian", "Damascus", 33.51, 36.29),
    ("IRQ", "Iraq", "Iraqi", "Baghdad", 33.31, 44.36),
    ("LKA", "Sri Lanka", "Sri Lankan", "Colombo", 6.93, 79.85),
]
ORGS = [("UNO", "the United Nations"), ("EUR", "the European Union"), ("NAT", "NATO")]

# what each type's sentence says (our own wording): "{s} ... {t}"
PHRASES = {
    "AGREE": "{s} signed an agreement with {t}",
    "CONSULT": "{s} held talks with {t}",
    "SUPPORT": "{s} praised {t}",
    "CONCEDE": "{s} eased restrictions demanded by {t}",
    "COOPERATE": "{s} began joint operations with {t}",
    "AID": "{s} sent aid to {t}",
    "RETREAT": "{s} released prisoners held from {t}",
    "REQUEST": "{s} urged {t} to act",
    "ACCUSE": "{s} accused {t} of violations",
    "REJECT": "{s} rejected a proposal from {t}",
    "THREATEN": "{s} threatened {t} with sanctions",
    "PROTEST": "{s} protested against {t}",
    "SANCTION": "{s} imposed sanctions on {t}",
    "MOBILIZE": "{s} moved troops towards {t}",
    "COERCE": "{s} detained citizens of {t}",
    "ASSAULT": "{s} attacked positions of {t}",
}
SECTORS = [("GOV", "the government of {n}"), ("MIL", "{d} forces"), ("COP", "{d} police")]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OUTLETS = [f"Wire {k}" for k in range(1, 25)]
START, DAYS = date(2022, 1, 1), 3 * 365 + 1


class Synth:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        n = len(STATES)
        # a few busy pairs and a long tail: pair weight falls with both ranks
        pairs = [(i, j) for i in range(n) for j in range(n) if i != j]
        self.pairs = pairs
        weights = [1.0 / ((1 + i) * (1 + j)) ** 0.9 for i, j in pairs]
        self.cum_weights = list(itertools.accumulate(weights))
        self.types = list(TYPES)

    def actor(self, state: tuple, org_chance: float = 0.04) -> Actor:
        rng = self.rng
        if rng.random() < org_chance:
            code, name = rng.choice(ORGS)
            return Actor(name.removeprefix("the "), code, "IGO", name)
        code, name, demonym, *_ = state
        sector, pattern = rng.choice(SECTORS) if rng.random() < 0.4 else SECTORS[0]
        label = name if sector == "GOV" else pattern.format(n=name, d=demonym)
        return Actor(label, code, sector, label)

    def sentence(self, e_type: str, src: Actor, tgt: Actor, place: str | None, weekday: str) -> str:
        text = PHRASES[e_type].format(s=src.mention, t=tgt.mention)
        text = text[0].upper() + text[1:]
        return f"{text}{' in ' + place if place else ''} on {weekday}, officials said."


def build(out: Path, n_events: int, seed: int) -> dict[str, int]:
    """Write the store; return its row counts."""
    synth = Synth(seed)
    rng = synth.rng
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    store = Store(out)
    conn = store.conn
    conn.execute("PRAGMA synchronous=OFF")
    event_cols = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    docs, reports, events, merged, sentences = [], [], [], [], []
    stated: list[tuple[Event, str]] = []  # earlier (event, merged_id) a later story may repeat
    made, k = 0, 0
    while made < n_events:
        k += 1
        published = START + timedelta(days=rng.randrange(DAYS))
        doc_id = f"synth-{k:06d}"
        per_doc = min(rng.choice((1, 2, 3, 4, 5, 6, 7)), n_events - made)
        title = None
        parts: list[str] = []
        offset = 0
        planned = []
        for _ in range(per_doc):
            repeat = stated and rng.random() < 0.1
            if repeat:
                earlier, merged_id = rng.choice(stated)
                e_type, src, tgt = earlier.type, earlier.source, earlier.target
                when, precision, place = earlier.date, earlier.date_precision, earlier.location
            else:
                i, j = rng.choices(synth.pairs, cum_weights=synth.cum_weights)[0]
                e_type = rng.choice(synth.types)
                src, tgt = synth.actor(STATES[i]), synth.actor(STATES[j])
                roll = rng.random()
                if roll < 0.5:
                    when = (published - timedelta(days=rng.randrange(4))).isoformat()
                    precision = "day"
                elif roll < 0.55:
                    when, precision = published.isoformat()[:7], "month"
                else:
                    when, precision = None, None
                host = STATES[rng.choice((i, j))]
                place = Place(host[3], host[0], host[4], host[5]) if rng.random() < 0.7 else None
                merged_id = None
            weekday = WEEKDAYS[
                (date.fromisoformat(when) if precision == "day" else published).weekday()
            ]
            text = synth.sentence(e_type, src, tgt, place.name if place else None, weekday)
            if title is None:
                title = text.removesuffix(", officials said.")
                parts.append(title)
                offset = len(title) + 2
            planned.append((e_type, src, tgt, when, precision, place, text, offset, merged_id))
            parts.append(text)
            offset += len(text) + 1
        body = parts[0] + "\n\n" + " ".join(parts[1:])
        outlet = rng.choice(OUTLETS)
        doc = Document(doc_id, body, f"synth:{k}", title, published, "record", None, outlet)
        docs.append(_doc_row(doc, "coded", doc_id))
        reports.append((doc_id, doc_id, 1.0))
        for n, (e_type, src, tgt, when, precision, place, text, start, merged_id) in enumerate(
            planned
        ):
            assert body[start : start + len(text)] == text
            t = TYPES[e_type]
            ev = Event(
                doc_id,
                e_type,
                None,
                [],
                t.quad,
                t.intensity,
                t.cameo,
                src,
                tgt,
                when,
                precision,
                False,
                place,
                None,
                "asserted"
                if rng.random() < 0.9
                else rng.choice(("negated", "hypothetical", "future")),
                round(rng.uniform(0.5, 0.95), 2),
                Evidence(text, start, start + len(text), PHRASES[e_type].split()[1]),
            )
            own = merged_id is None
            merged_id = merged_id or ev.event_id
            row = _event_row(ev, merged_id)
            events.append(tuple(row[c] for c in event_cols))
            sentences.append((doc_id, n, start, start + len(text)))
            if own:
                # the merge key Store._merge writes: the event's day, else its story's
                day = when if precision == "day" else published.isoformat()
                keys = (f"{src.country}/{src.sector}", f"{tgt.country}/{tgt.sector}")
                place_country = place.country if place else None
                merged.append((merged_id, e_type, ev.factuality, *keys, place_country, day))
                if len(stated) < 50_000:
                    stated.append((ev, merged_id))
            made += 1
        if rng.random() < 1 / 12:
            copy = Document(
                f"{doc_id}-copy",
                body + f"\n\n(Reporting by {outlet} staff.)",
                f"synth:{k}:copy",
                title,
                published,
                "record",
                None,
                rng.choice(OUTLETS),
            )
            docs.append(_doc_row(copy, "report", doc_id))
            reports.append((copy.doc_id, doc_id, 0.93))
    with conn:
        cols = ", ".join(DOCUMENT_COLUMNS)
        conn.executemany(
            f"INSERT INTO documents ({cols}) VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",  # noqa: S608
            docs,
        )
        conn.executemany("INSERT INTO reports VALUES (?, ?, ?)", reports)
        conn.executemany(
            f"INSERT INTO events ({', '.join(event_cols)}) "  # noqa: S608
            f"VALUES ({', '.join('?' * len(event_cols))})",
            events,
        )
        conn.executemany("INSERT INTO merged VALUES (?, ?, ?, ?, ?, ?, ?)", merged)
        conn.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?)", sentences)
    counts = store.corpus_counts()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return counts


def _doc_row(doc: Document, status: str, story_id: str) -> tuple:
    values = {
        "doc_id": doc.doc_id,
        "content_hash": content_hash(doc.text),
        "origin": doc.origin,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "published_from": doc.published_from,
        "url": doc.url,
        "source": doc.source,
        "text": doc.text,
        "status": status,
        "story_id": story_id,
        "outlet": doc.source,
        "sentences": None,
    }
    return tuple(values[c] for c in DOCUMENT_COLUMNS)


def _event_row(e: Event, merged_id: str) -> dict:
    """The events row of the store, by column name (the columns `Store` writes)."""
    src, tgt, loc = e.source, e.target, e.location
    d = e.to_dict()
    return {
        "event_id": d["event_id"],
        "doc_id": e.doc_id,
        "type": e.type,
        "mode": e.mode,
        "quad": e.quad,
        "intensity": e.intensity,
        "cameo": e.cameo,
        "source_name": src.name,
        "source_country": src.country,
        "source_sector": src.sector,
        "target_name": tgt.name,
        "target_country": tgt.country,
        "target_sector": tgt.sector,
        "date": e.date,
        "date_precision": e.date_precision,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "factuality": e.factuality,
        "confidence": e.confidence,
        "evidence_start": e.evidence.start,
        "evidence_end": e.evidence.end,
        "evidence_text": e.evidence.text,
        "json": json.dumps(d, ensure_ascii=False),
        "merged_id": merged_id,
    }


def ensure(out: Path = DEFAULT_OUT, n_events: int = 100_000, seed: int = 7) -> Path:
    """The store at `out`, built unless a store of that many events is already there."""
    if out.is_file():
        import sqlite3

        try:
            conn = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
            have = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
            conn.close()
            if have == n_events:
                return out
        except sqlite3.DatabaseError:
            pass
    build(out, n_events, seed)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if args.events < 1:
        print("make_events_db: --events must be at least 1", file=sys.stderr)
        return 2
    started = time.monotonic()
    counts = build(args.out, args.events, args.seed)
    print(
        f"{args.out}: {counts['events']} events, {counts['documents']} documents "
        f"({counts.get('documents_report', 0)} reports), {counts['merged']} merged events, "
        f"{time.monotonic() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
