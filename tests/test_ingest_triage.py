"""Triage never changes a coded event: the demo corpus gives the same events with and
without it, and every token whose lemma is a trigger is seen by the lexical pass."""

from __future__ import annotations

from eventmill import nlp
from eventmill.corpus import ingest
from eventmill.engines.local import LocalEngine
from eventmill.ingest.triage import Triage, default_triage
from eventmill.store import Store
from ingest_helpers import demo_articles, table_rows, write_jsonl

NO_TRIGGER = (
    "The weather in the capital was mild on Tuesday, with light rain in the evening.\n\n"
    "Museums reported a quiet week and the opera season begins in October."
)


def _corpus(tmp_path):
    records = demo_articles()
    # stories with no trigger word at all, which triage skips
    records += [
        {"id": "weather", "text": NO_TRIGGER},
        {"id": "markets", "text": "Tokyo stocks were up for a third straight day."},
        {"id": "comet", "text": "Astronomers spotted a comet near Jupiter this week."},
    ]
    return write_jsonl(tmp_path / "corpus.jsonl", records)


def test_events_are_identical_with_and_without_triage(tmp_path, coder):
    corpus = _corpus(tmp_path)
    with Store(tmp_path / "on.db") as store:
        on = ingest([str(corpus)], store, engine=LocalEngine(coder), triage=True)
        events_on = store.events(asserted_only=False)
    with Store(tmp_path / "off.db") as store:
        off = ingest([str(corpus)], store, engine=LocalEngine(coder), triage=False)
        events_off = store.events(asserted_only=False)
    assert on.triaged >= 3 and off.triaged == 0
    assert on.coded + on.triaged == off.coded
    assert events_on == events_off and len(events_on) > 50
    rows_on, rows_off = table_rows(tmp_path / "on.db"), table_rows(tmp_path / "off.db")
    for table in ("events", "merged", "reports", "minhashes"):
        assert rows_on[table] == rows_off[table], table


def test_every_trigger_token_of_the_demo_corpus_is_seen():
    triage = default_triage()
    model = nlp.load()
    checked = 0
    for article in demo_articles():
        for token in model(article["text"]):
            if token.lemma_.lower() in triage.lemmas:
                checked += 1
                assert token.lower_ in triage.words or any(
                    o in token.lower_ for o in triage.others
                ), (token.text, token.lemma_)
    assert checked > 100


def test_triage_passes_stories_with_a_trigger_in_any_form():
    triage = Triage()
    assert not triage.can_hold_event(NO_TRIGGER)
    for text in (
        "The talks were held in Vienna.",  # noun plural
        "Troops SHELLED the town.",  # upper case
        "Police met the protesters.",  # irregular past of 'meet'
        "They'd signed it.",  # contraction before the verb
        "The ministers agreed.",
    ):
        assert triage.can_hold_event(text), text
