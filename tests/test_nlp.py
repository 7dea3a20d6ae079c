"""The parse the coder reads: wire datelines, and the lead parsed as if they were not there."""

from __future__ import annotations

from datetime import date

import pytest

from eventmill import nlp


def parsed(text: str):
    return next(nlp.pipe([text]))


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BERGEN, Jan 5 - Norway's fisheries minister urged Sweden to act.", "BERGEN, Jan 5 -"),
        ("OSLO/STOCKHOLM, Nov 10 — The two governments agreed.", "OSLO/STOCKHOLM, Nov 10 —"),
        ("KAUNAS (AP) — Lithuanian police detained 20 protesters.", "KAUNAS (AP) —"),
        ("TROMSO, Feb 2 (Reuters) - Sami herders marched.", "TROMSO, Feb 2 (Reuters) -"),
    ],
)
def test_dateline_end_finds_wire_and_agency_datelines(text, dateline):
    doc = parsed(text)
    sent = next(doc.sents)
    assert doc[sent.start : nlp.dateline_end(sent)].text == dateline


@pytest.mark.parametrize(
    "text",
    [
        "NATO said on Monday that it would send more ships.",
        "The EU (European Union) - and its members - agreed.",
        "OSLO police detained 20 protesters.",
    ],
)
def test_sentences_without_a_dateline_have_none(text):
    sent = next(parsed(text).sents)
    assert nlp.dateline_end(sent) == sent.start


def test_lead_after_a_dateline_is_parsed_as_if_alone():
    # the small model hangs the lead on "BERGEN" and loses its subject when they are parsed
    # together
    doc = parsed(
        "BERGEN, Jan 5 - Norway's fisheries minister, Ola Berg, urged Sweden on Monday "
        "to reopen its border crossings."
    )
    sents = list(doc.sents)
    assert len(sents) == 1  # the dateline stays in the lead's sentence
    root = sents[0].root
    assert root.text == "urged"
    assert [c.text for c in root.children if c.dep_ == "nsubj"] == ["minister"]
    assert doc[0].head == root and doc[0].dep_ == "npadvmod"
    # names on both sides of the dash: the dateline's from the first parse, the lead's again
    assert {"BERGEN", "Norway", "Ola Berg", "Sweden"} <= {e.text for e in doc.ents}


def test_blocks_without_a_dateline_keep_their_parse():
    text = "Norway's fisheries minister urged Sweden on Monday to reopen its border crossings."
    again = nlp.load()(text)
    assert [(t.dep_, t.head.i) for t in parsed(text)] == [(t.dep_, t.head.i) for t in again]


def test_an_agency_dateline_is_where_the_lead_happened(code_text):
    events = code_text(
        "Police detain protesters in Lithuania\n\n"
        "KAUNAS (AP) — Lithuanian police detained 20 protesters on Tuesday.",
        published=date(2015, 6, 1),
    )
    assert [(e.type, e.location and e.location.name) for e in events] == [("COERCE", "Kaunas")]
