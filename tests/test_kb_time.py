"""The knowledge base is time-aware: who a name or a title means depends on the story's date."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import resolve_mentions

resolve = resolve_mentions


@pytest.mark.parametrize(
    ("day", "name"),
    [(date(2002, 6, 1), "Heydar Aliyev"), (date(2018, 6, 1), "Ilham Aliyev")],
)
def test_aliyev_is_the_aliyev_of_the_year(day, name):
    m = resolve("Aliyev met the ambassadors in Baku.", day)[0]
    assert (m.actor.name, m.actor.country, m.actor.sector) == (name, "AZE", "GOV")
    assert m.actor.title == "president"


def test_aliyev_after_his_death_is_his_son():
    # Heydar left office on 2003-10-31 and died in December 2003: in 2004 "Aliyev" is Ilham
    (m,) = resolve("Aliyev spoke.", date(2004, 3, 1))
    assert m.actor.name == "Ilham Aliyev"


def test_british_prime_minister_is_three_people():
    days = (date(2016, 6, 1), date(2019, 9, 1), date(2023, 1, 1))
    got = [resolve("The British prime minister spoke in Parliament.", d)[0].actor for d in days]
    assert [a.name for a in got] == ["David Cameron", "Boris Johnson", "Rishi Sunak"]
    assert {(a.country, a.sector, a.title) for a in got} == {("GBR", "GOV", "prime_minister")}


def test_a_term_ends_the_day_before_its_end_date():
    # end dates are exclusive: Johnson took over on 2019-07-24
    before = resolve("The British prime minister spoke.", date(2019, 7, 23))[0].actor
    after = resolve("The British prime minister spoke.", date(2019, 7, 24))[0].actor
    assert (before.name, after.name) == ("Theresa May", "Boris Johnson")


@pytest.mark.parametrize("day", [date(2001, 1, 1), date(2018, 6, 1), date(2024, 1, 1)])
def test_the_kremlin_is_the_russian_government(day):
    (m,) = resolve("The Kremlin rejected the proposal.", day)
    assert (m.actor.country, m.actor.sector) == ("RUS", "GOV")


@pytest.mark.parametrize(
    ("text", "country", "title"),
    [
        ("Czech Foreign Minister Jan Novak met reporters in Prague.", "CZE", "foreign_minister"),
        ("Czech Defence Minister Jan Novak visited the troops.", "CZE", "defence_minister"),
    ],
)
def test_unknown_person_with_a_title_takes_country_and_sector_from_it(text, country, title):
    # no Jan Novak in the knowledge base: the title says who he is, not a holder's name
    m = resolve(text, date(2018, 6, 1))[0]
    assert m.actor.name == "Jan Novak" and m.kind == "person"
    assert (m.actor.country, m.actor.sector, m.actor.title) == (country, "GOV", title)


def test_former_office_holder_is_elite_and_future_one_is_nobody():
    (m,) = resolve("Heydar Aliyev spoke.", date(2005, 1, 1))
    assert (m.actor.country, m.actor.sector) == ("AZE", "ELI")
    # a surname whose only holder took office later names someone else
    assert resolve("Pashinyan spoke.", date(2010, 1, 1)) == []


def test_a_regnal_number_is_no_surname():
    from eventmill.actors.kb import _default_surname

    assert _default_surname("Letsie III") == "Letsie III"
    assert _default_surname("Ferdinand Marcos Jr.") == "Ferdinand Marcos Jr."
    assert _default_surname("Nikol Pashinyan") == "Pashinyan"


@pytest.mark.parametrize(
    ("text", "day", "country", "sector"),
    [
        # King Abdullah: the king of the year and of the country named; the Saudi king died
        # in 2015, so later the King Abdullah of the news is Jordan's
        ("Jordan's King Abdullah spoke.", date(2012, 6, 1), "JOR", "GOV"),
        ("Saudi King Abdullah spoke.", date(2012, 6, 1), "SAU", "GOV"),
        ("King Abdullah spoke.", date(2021, 6, 1), "JOR", "GOV"),
        # spokespeople, organisation heads and movement leaders of the news
        ("Zhao Lijian spoke.", date(2021, 3, 1), "CHN", "GOV"),
        ("Kim Yo Jong spoke.", date(2022, 3, 1), "PRK", "GOV"),
        ("Almagro spoke.", date(2019, 3, 1), "IGO", "IGO"),
        ("Abdul-Malik al-Houthi spoke.", date(2024, 3, 1), "YEM", "REB"),
    ],
)
def test_the_person_of_the_year_and_the_country_named(text, day, country, sector):
    m = resolve(text, day)[0]
    assert (m.actor.country, m.actor.sector) == (country, sector)
