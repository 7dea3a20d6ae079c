"""Wire datelines: where a lead's dateline ends, and the place it gives the lead's events."""

from __future__ import annotations

from datetime import date

import pytest

from eventmill import nlp
from eventmill.actors.resolver import dateline_end


def first_sentence(text: str):
    return next(nlp.load()(text).sents)


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
    sent = first_sentence(text)
    assert sent.doc[sent.start : dateline_end(sent)].text == dateline


@pytest.mark.parametrize(
    "text",
    [
        "NATO said on Monday that it would send more ships.",
        "The EU (European Union) - and its members - agreed.",
        "OSLO police detained 20 protesters.",
    ],
)
def test_sentences_without_a_dateline_have_none(text):
    sent = first_sentence(text)
    assert dateline_end(sent) == sent.start


def test_an_agency_dateline_is_where_the_lead_happened(code_text):
    events = code_text(
        "Police detain protesters in Lithuania\n\n"
        "KAUNAS (AP) — Lithuanian police detained 20 protesters on Tuesday.",
        published=date(2015, 6, 1),
    )
    assert [(e.type, e.location and e.location.name) for e in events] == [("COERCE", "Kaunas")]
