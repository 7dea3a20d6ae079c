"""Load on the API: a bounded number of concurrent clients on loopback for a fixed time.

Starts the app under uvicorn on 127.0.0.1 (as bench/api.py does) over the 100,000-event
store, then runs CLIENTS clients (asyncio, one connection each) that each send a request,
wait for the answer, and send the next, until SECONDS have passed; then stops by itself. The
requests are a mix an analyst's dashboard makes: event lists with varied filters and pages,
single events and stories, dyad series, the overview, actors and places. Prints requests
per second, the median and 99th-percentile latency, and the errors (any answer but 200, or
no answer).

    .venv/bin/python bench/load.py                         # 50 clients, 30 s
    .venv/bin/python bench/load.py --clients 10 --seconds 10 --no-cache
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api import percentile, server  # noqa: E402
from make_events_db import DEFAULT_OUT, STATES, ensure  # noqa: E402

TYPES = ["ASSAULT", "PROTEST", "AGREE", "CONSULT", "SANCTION", "AID", "ACCUSE"]


class Mix:
    """Random requests, weighted the way a dashboard session asks."""

    def __init__(self, db: Path, seed: int):
        self.rng = random.Random(seed)
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.event_ids = [r[0] for r in conn.execute("SELECT event_id FROM events LIMIT 5000")]
        self.doc_ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents LIMIT 5000")]
        conn.close()
        self.codes = [s[0] for s in STATES[:12]]
        self.choices = [
            (30, self.events),
            (20, self.event),
            (15, self.document),
            (15, self.dyad),
            (8, lambda: "/api/overview"),
            (4, lambda: "/api/actors"),
            (4, lambda: "/api/places"),
            (4, lambda: "/api/actors/network"),
        ]
        self.weights = [w for w, _ in self.choices]

    def next(self) -> str:
        return self.rng.choices(self.choices, self.weights)[0][1]()

    def events(self) -> str:
        rng = self.rng
        params = [f"page={rng.randint(1, 5)}"]
        pick = rng.random()
        if pick < 0.3:
            params.append(f"actor={rng.choice(self.codes)}")
        elif pick < 0.6:
            a, b = rng.sample(self.codes, 2)
            params.append(f"a={a}&b={b}")
        elif pick < 0.8:
            params.append(f"type={rng.choice(TYPES)}")
        return "/api/events?" + "&".join(params)

    def event(self) -> str:
        return f"/api/events/{self.rng.choice(self.event_ids)}"

    def document(self) -> str:
        return f"/api/documents/{self.rng.choice(self.doc_ids)}"

    def dyad(self) -> str:
        a, b = self.rng.sample(self.codes, 2)
        return f"/api/dyads/{a}/{b}?interval={self.rng.choice(('month', 'week'))}"


async def client(base: str, mix: Mix, deadline: float, latencies: list, errors: Counter):
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.monotonic() < deadline:
            url = mix.next()
            started = time.perf_counter()
            try:
                r = await http.get(url)
                if r.status_code != 200:
                    errors[f"HTTP {r.status_code}"] += 1
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1
            latencies.append((time.perf_counter() - started) * 1000)


async def drive(base: str, mix: Mix, clients: int, seconds: float) -> tuple[list, Counter, float]:
    latencies: list[float] = []
    errors: Counter = Counter()
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(client(base, mix, deadline, latencies, errors) for _ in range(clients)))
    return latencies, errors, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--events", type=int, default=100_000, help="events of a store to build")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--no-cache", action="store_true", help="serve with the answer cache off")
    args = ap.parse_args(argv)
    if not 1 <= args.clients <= 1000 or args.seconds <= 0:
        print("load.py: --clients must be 1 to 1000 and --seconds above 0", file=sys.stderr)
        return 2
    if args.db == DEFAULT_OUT or not args.db.exists():
        ensure(args.db, args.events)
    mix = Mix(args.db, args.seed)
    with server(args.db, cache=not args.no_cache) as base:
        latencies, errors, elapsed = asyncio.run(drive(base, mix, args.clients, args.seconds))
    n = len(latencies)
    print(
        f"{args.db}: {args.clients} clients for {args.seconds:g} s on 127.0.0.1, answer cache "
        f"{'off' if args.no_cache else 'on'}"
    )
    print(
        f"requests {n}, {n / elapsed:.1f}/s; latency median {statistics.median(latencies):.1f} "
        f"ms, p99 {percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms; errors "
        f"{sum(errors.values())}" + (f" ({dict(errors)})" if errors else "")
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
