"""`eventmill demo`: code the bundled corpus of our own articles into a SQLite store."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from eventmill.coding.coder import Coder
from eventmill.pipeline import RunSummary, run
from eventmill.store import Store

# where `eventmill serve` listens when given no --host or --port
SERVE_HOST = "127.0.0.1"
SERVE_PORT = 8000


def demo_corpus() -> Path:
    """The bundled articles: short reports of real events, written by the eventmill team."""
    return Path(str(resources.files("eventmill").joinpath("data/demo/articles.jsonl")))


def run_demo(db_path: str | Path, coder: Coder | None = None) -> tuple[Store, RunSummary]:
    summary = RunSummary()
    store = Store(db_path)
    for coded in run([str(demo_corpus())], coder=coder, summary=summary):
        store.add_document(coded.document, coded.events, coded.sentence_spans)
    for rejection in summary.rejected:
        store.add_rejection(rejection)
    return store, summary


def dashboard_hint(db_path: str | Path) -> str:
    """The demo's last line: how to open the dashboard on the database it wrote (the path
    as the user gave it, quoted for the shell when it needs to be)."""
    import shlex

    return (
        f"Open the dashboard: eventmill serve --db {shlex.quote(str(db_path))}, "
        f"then http://{SERVE_HOST}:{SERVE_PORT}/"
    )
