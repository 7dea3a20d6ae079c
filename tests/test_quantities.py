"""Tests of coding/quantities.py: money with its currency, counts of people with what
happened to them, and which quantity belongs to which kind of event."""

from __future__ import annotations

import pytest

from eventmill.coding.quantities import quantities, quantity_for
from eventmill.schema import Quantity


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------------------- money
@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("Washington pledged $2.5 billion to rebuild the port.", 2.5e9, "USD", "$2.5 billion"),
        ("Moscow will sell jets worth 5 billion dollars.", 5e9, "USD", "5 billion dollars"),
        ("Brussels approved €300 million for the reconstruction.", 3e8, "EUR", "€300 million"),
        ("The court fined the blogger 1,200 roubles.", 1200, "RUB", "1,200 roubles"),
        ("The bank lent US$40m to Kenya.", 4e7, "USD", "US$40m"),
        ("London froze £1.5bn of assets.", 1.5e9, "GBP", "£1.5bn"),
        ("Tokyo offered ¥20 billion in loans.", 2e10, "JPY", "¥20 billion"),
        ("Beijing promised 3 million yuan.", 3e6, "CNY", "3 million yuan"),
        ("Kyiv paid 900 million hryvnias.", 9e8, "UAH", "900 million hryvnias"),
        ("Ankara raised 12 thousand euros.", 12e3, "EUR", "12 thousand euros"),
    ],
)
def test_money(text, value, unit, written):
    q = only(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.text == written


def test_money_to_dict_gives_whole_numbers_as_integers():
    d = only("Washington pledged $2.5 billion to rebuild the port.").to_dict()
    assert d == {"value": 2500000000, "unit": "USD", "text": "$2.5 billion"}
    assert isinstance(d["value"], int)


# ---------------------------------------------------------------------------- counts
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("At least 12 people were killed when the market was shelled.", 12, "killed"),
        ("Shelling killed 7 civilians in the town.", 7, "killed"),
        ("Five soldiers were injured in the ambush.", 5, "injured"),
        ("Police arrested 40 protesters outside the ministry.", 40, "arrested"),
        ("Police detained 25 activists overnight.", 25, "arrested"),
        ("Moscow deployed 10,000 troops to the border.", 10000, "troops"),
        ("The army sent 2,000 more troops north.", 2000, "troops"),
        ("About 300 demonstrators gathered in the square.", 300, "protesters"),
        ("Thousands of protesters marched on parliament.", 2000, "protesters"),
        ("Some 50 refugees crossed the river.", 50, "people"),
    ],
)
def test_counts(text, value, unit):
    q = only(text)
    assert q.value == value
    assert q.unit == unit


def test_several_quantities_in_order_of_appearance():
    found = quantities("Shelling killed 7 civilians and wounded 15 others near the depot.")
    assert [(q.value, q.unit) for q in found] == [(7, "killed"), (15, "injured")]


def test_no_quantities():
    assert quantities("The ministers met in Baku and discussed transport links.") == []
    assert quantities("") == []


# ---------------------------------------------------------------------------- quantity_for
MIXED = quantities(
    "After 20 people were wounded and 3 people were killed, Brussels sent €50 million in aid "
    "and 400 troops."
)


def test_mixed_sentence_is_read_fully():
    assert [(q.value, q.unit) for q in MIXED] == [
        (20, "injured"),
        (3, "killed"),
        (5e7, "EUR"),
        (400, "troops"),
    ]


@pytest.mark.parametrize(
    ("event_type", "value", "unit"),
    [
        ("ASSAULT", 3, "killed"),  # the dead before the injured, wherever they are named
        ("AID", 5e7, "EUR"),
        ("SANCTION", 5e7, "EUR"),
        ("AGREE", 5e7, "EUR"),
        ("MOBILIZE", 400, "troops"),
    ],
)
def test_quantity_for_picks_by_event_type(event_type, value, unit):
    q = quantity_for(event_type, MIXED)
    assert q is not None
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("event_type", ["CONSULT", "ACCUSE", "THREATEN", "NOT_A_TYPE"])
def test_quantity_for_types_without_quantities(event_type):
    assert quantity_for(event_type, MIXED) is None


def test_quantity_for_nothing_fitting():
    assert quantity_for("AID", quantities("At least 12 people were killed.")) is None
    assert quantity_for("ASSAULT", []) is None


def test_quantity_for_protest_and_coerce():
    found = quantities("Police arrested 40 protesters after 3000 demonstrators marched.")
    assert quantity_for("COERCE", found) == found[0]
    assert quantity_for("PROTEST", found) == found[1]


# ---------------------------------------------------------------------------- boundaries
def test_year_before_a_count_is_not_part_of_it():
    found = quantities("In 2019 200 people were killed.")
    assert [(q.value, q.unit) for q in found] == [(200, "killed")]


@pytest.mark.parametrize(
    "text",
    [
        "None of the soldiers were injured.",
        "Often protesters gather in the square.",
        "Someone saw the soldiers leave.",
    ],
)
def test_number_words_inside_other_words_are_not_numbers(text):
    assert quantities(text) == []


def test_symbol_and_currency_word_are_one_amount():
    found = quantities("The deal is worth $5 billion dollars.")
    assert [(q.value, q.unit) for q in found] == [(5e9, "USD")]
