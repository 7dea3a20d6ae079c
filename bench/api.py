"""Response times of the API (and the dashboard's pages) on a store of 100,000 events.

Builds the store with make_events_db.py under build/ unless it is there, starts the app
under a real uvicorn server on 127.0.0.1 (a child process: `--serve` mode of this script),
and times each endpoint N times with one client: with the answer cache off (every request
runs its queries) and on (the first request fills it; the rest are the figures an analyst
clicking around gets). Prints the median and the 95th percentile per endpoint.

    .venv/bin/python bench/api.py                  # 20 requests per endpoint
    .venv/bin/python bench/api.py --n 50 --db build/events-100k.db
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_events_db import DEFAULT_OUT, ensure  # noqa: E402

HOST = "127.0.0.1"  # loopback only, always


def endpoints(db: Path) -> list[tuple[str, str]]:
    """(name, URL) of the requests timed; ids are picked from the store itself."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    event_id = conn.execute("SELECT event_id FROM events ORDER BY rowid LIMIT 1 OFFSET 5000")
    event_id = event_id.fetchone()[0]
    doc_id = conn.execute("SELECT doc_id FROM documents ORDER BY rowid LIMIT 1 OFFSET 5000")
    doc_id = doc_id.fetchone()[0]
    conn.close()
    return [
        ("overview", "/api/overview"),
        ("events (newest 50)", "/api/events"),
        ("events actor=Russia", "/api/events?actor=Russia"),
        ("events dyad RUS-AZE", "/api/events?a=RUS&b=AZE"),
        ("events q=sanctions", "/api/events?q=sanctions"),
        (
            "events 2023Q1 ASSAULT",
            "/api/events?date_from=2023-01-01&date_to=2023-03-31&type=ASSAULT",
        ),
        ("events page 100 by intensity", "/api/events?page=100&sort=intensity"),
        ("events CSV dyad RUS-AZE", "/api/events?a=RUS&b=AZE&format=csv"),
        ("dyad series month", "/api/dyads/Russia/Azerbaijan"),
        ("dyad series week", "/api/dyads/RUS/AZE?interval=week"),
        ("actors", "/api/actors"),
        ("actor network", "/api/actors/network"),
        ("places", "/api/places"),
        ("choices", "/api/choices"),
        ("document", f"/api/documents/{doc_id}"),
        ("event", f"/api/events/{event_id}"),
        ("page /", "/"),
        ("page /events", "/events"),
        ("page /dyads RUS-AZE", "/dyads?a=RUS&b=AZE"),
        ("page /network", "/network"),
        ("page /map", "/map"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def server(db: Path, cache: bool, port: int | None = None):
    """A uvicorn server of the app on loopback, in a child process; yields its base URL."""
    port = port or free_port()
    cmd = [sys.executable, __file__, "--serve", "--db", str(db), "--port", str(port)]
    if not cache:
        cmd.append("--no-cache")
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the server stopped: {proc.stderr.read() if proc.stderr else ''}")
            try:
                if httpx.get(base + "/openapi.json", timeout=30).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not answer in 120 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def serve(db: Path, port: int, cache: bool) -> None:
    import uvicorn

    from eventmill.web.app import create_app
    from eventmill.web.security import WebSettings

    settings = WebSettings(cache_entries=128 if cache else 0)
    uvicorn.run(create_app(db, settings=settings), host=HOST, port=port, log_level="warning")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_endpoints(base: str, urls: list[tuple[str, str]], n: int) -> dict[str, dict]:
    out = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for name, url in urls:
            times, statuses = [], set()
            for _ in range(n):
                started = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                statuses.add(r.status_code)
            out[name] = {
                "first": times[0],
                "median": statistics.median(times[1:] or times),
                "p95": percentile(times[1:] or times, 0.95),
                "statuses": statuses,
                "bytes": len(r.content),
            }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--events", type=int, default=100_000, help="events of a store to build")
    ap.add_argument("--n", type=int, default=20, help="requests per endpoint")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(args.db, args.port, cache=not args.no_cache)
        return 0
    if args.n < 2:
        print("api.py: --n must be at least 2", file=sys.stderr)
        return 2
    if args.db == DEFAULT_OUT or not args.db.exists():
        ensure(args.db, args.events)
    urls = endpoints(args.db)
    with server(args.db, cache=False) as base:
        cold = time_endpoints(base, urls, args.n)
    with server(args.db, cache=True) as base:
        warm = time_endpoints(base, urls, args.n)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    n_events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    conn.close()
    print(
        f"{args.db}: {n_events} events; {args.n} requests per endpoint, one client, "
        f"uvicorn on {HOST}; {os.cpu_count()} cores; times in ms"
    )
    print(
        f"{'endpoint':32s} {'no cache':>18s}   {'cache':>28s}   status\n"
        f"{'':32s} {'median':>8s} {'p95':>9s}   {'first':>8s} {'median':>8s} {'p95':>9s}"
    )
    for name, _ in urls:
        c, w = cold[name], warm[name]
        statuses = ",".join(str(s) for s in sorted(c["statuses"] | w["statuses"]))
        print(
            f"{name:32s} {c['median']:8.1f} {c['p95']:9.1f}   "
            f"{w['first']:8.1f} {w['median']:8.1f} {w['p95']:9.1f}   {statuses}"
        )
    bad = [n for n, _ in urls if cold[n]["statuses"] | warm[n]["statuses"] != {200}]
    if bad:
        print(f"not 200: {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
