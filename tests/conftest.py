"""Shared fixtures: one Coder (spaCy model, knowledge base, lexicon) for the whole run."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_shared = pytest.mark.skipif(
    not (SHARED / "reference").is_dir(),
    reason="../shared (reference article and peer data) is not beside the repo: "
    "only CI and development sessions have it",
)


@pytest.fixture(scope="session")
def coder():
    from eventmill.coding.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def eventmill_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "eventmill"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("eventmill")
    assert found, "the eventmill command is not installed (pip install -e .)"
    return [found]


@pytest.fixture()
def code_text(coder):
    """Code one text and return its events (all factualities)."""
    from eventmill.schema import Document

    def run(text: str, published: date | None = date(2020, 6, 1), doc_id: str = "t"):
        return coder.code_one(Document(doc_id, text, published=published)).events

    return run


def resolve_mentions(text: str, day: date) -> list:
    """The actor mentions of a hand-written text on `day` (pairs left out)."""
    from eventmill import nlp
    from eventmill.actors.kb import default_kb
    from eventmill.actors.resolver import DocActors

    actors = DocActors(default_kb(), day)
    out = []
    for sent in nlp.load()(text).sents:
        out.extend(m for m in actors.mentions(sent) if m.kind != "pair")
    return out


# the web store and client of tests/web_helpers.py, built once a session for every test
# module that uses them (a fixture imported into each module would be built once a module)
from web_helpers import web_client, web_db  # noqa: E402, F401


@pytest.fixture(scope="session")
def triggers(coder):
    """(type, mode) of every trigger the lexicon finds in a text of our own."""
    from eventmill.coding.triggers import find_triggers

    def run(text: str) -> set[tuple[str, str | None]]:
        doc = coder.nlp(text)
        return {(t.type, t.mode) for sent in doc.sents for t in find_triggers(sent, coder.lex)}

    return run
