"""`eventmill demo`: code the bundled corpus of our own articles into a SQLite store."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from eventmill.coding.coder import Coder
from eventmill.pipeline import RunSummary, run
from eventmill.store import Store


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
