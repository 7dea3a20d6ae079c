"""Heads of state and government of 1980-1999 (data/leaders/heads_1980_1999.yaml): news of
the 1980s and 1990s names its leaders by surname, and the coder places them."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import resolve_mentions
from eventmill.actors.kb import default_kb, kb_stats

resolve = resolve_mentions


@pytest.mark.parametrize(
    ("text", "day", "name", "country"),
    [
        ("Gorbachev met the ambassadors in Moscow.", date(1987, 6, 1), "Mikhail Gorbachev", "RUS"),
        ("Thatcher spoke in Parliament.", date(1985, 6, 1), "Margaret Thatcher", "GBR"),
        ("Mitterrand spoke in Paris.", date(1985, 6, 1), "François Mitterrand", "FRA"),
        ("Kohl spoke in Bonn.", date(1985, 6, 1), "Helmut Kohl", "DEU"),
        ("Mugabe accused the opposition.", date(1985, 6, 1), "Robert Mugabe", "ZWE"),
        ("Yeltsin spoke in Moscow.", date(1995, 6, 1), "Boris Yeltsin", "RUS"),
        ("Mandela spoke in Pretoria.", date(1995, 6, 1), "Nelson Mandela", "ZAF"),
        ("Rabin met Arafat.", date(1995, 6, 1), "Yitzhak Rabin", "ISR"),
        ("Tudjman spoke in Zagreb.", date(1995, 6, 1), "Franjo Tuđman", "HRV"),
    ],
)
def test_a_leader_of_the_time_is_placed(text, day, name, country):
    m = resolve(text, day)[0]
    assert (m.actor.name, m.actor.country, m.actor.sector) == (name, country, "GOV")


def test_shevardnadze_was_soviet_foreign_minister_then_georgias_head():
    soviet = resolve("Shevardnadze resigned.", date(1990, 12, 20))[0].actor
    georgian = resolve("Shevardnadze resigned.", date(1993, 6, 1))[0].actor
    assert (soviet.country, soviet.title) == ("RUS", "foreign_minister")
    assert (georgian.country, georgian.sector) == ("GEO", "GOV")


def test_a_person_of_two_files_keeps_both_terms():
    # Mugabe's 2000s terms are in asia_africa_oceania.yaml, his premiership here
    mugabe = default_kb().people["robert_mugabe"]
    offices = {(t.office, t.start.year) for t in mugabe.terms}
    assert {("prime_minister", 1980), ("president", 1987)} <= offices


def test_bush_is_the_bush_of_the_year():
    assert resolve("Bush spoke.", date(1990, 6, 1))[0].actor.name == "George H. W. Bush"
    assert resolve("Bush spoke.", date(2003, 6, 1))[0].actor.name == "George W. Bush"


@pytest.mark.parametrize(("day", "most"), [(date(1985, 6, 1), 35), (date(1995, 6, 1), 10)])
def test_few_un_members_lack_a_known_leader(day, most):
    # in 1985 those left are mostly states that did not yet exist (the Soviet and Yugoslav
    # republics, Eritrea, Namibia, South Sudan, Timor-Leste)
    assert len(kb_stats(default_kb(), day)["un_members_without_leader"]) <= most
