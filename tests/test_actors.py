"""Time-aware actor resolution on hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from eventmill import nlp
from eventmill.actors.kb import default_kb
from eventmill.actors.resolver import DocActors


def resolve(text: str, day: date) -> list:
    actors = DocActors(default_kb(), day)
    out = []
    for sent in nlp.load()(text).sents:
        out.extend(m for m in actors.mentions(sent) if m.kind != "pair")
    return out


@pytest.mark.parametrize(
    ("day", "name"), [(date(2002, 5, 1), "Heydar Aliyev"), (date(2018, 6, 1), "Ilham Aliyev")]
)
def test_surname_alone_resolves_by_date(day, name):
    (m,) = resolve("Aliyev spoke.", day)
    assert m.actor.name == name and m.actor.country == "AZE" and m.actor.sector == "GOV"


def test_british_prime_minister_changes_over_time():
    names = {
        resolve("The British prime minister spoke.", d)[0].actor.name
        for d in (date(2016, 6, 1), date(2019, 9, 1), date(2023, 1, 1))
    }
    assert names == {"David Cameron", "Boris Johnson", "Rishi Sunak"}


def test_metonyms_titles_and_sectors():
    ms = resolve(
        "The Kremlin said Russian troops and Turkish police met Armenian Prime "
        "Minister Nikol Pashinyan.",
        date(2019, 3, 1),
    )
    got = {(m.actor.country, m.actor.sector) for m in ms}
    assert {("RUS", "GOV"), ("RUS", "MIL"), ("TUR", "COP"), ("ARM", "GOV")} <= got


def test_former_office_holder_is_elite():
    (m,) = resolve("Heydar Aliyev spoke.", date(2001, 1, 1))
    assert m.actor.sector == "GOV"
    (m,) = resolve("Serzh Sargsyan spoke.", date(2020, 1, 1))
    assert m.actor.country == "ARM" and m.actor.sector == "ELI"


def test_surname_after_full_name_and_pronoun():
    ms = resolve("Nikol Pashinyan arrived. Later Pashinyan said he was tired.", date(2019, 1, 1))
    assert [m.actor.name for m in ms] == ["Nikol Pashinyan"] * 3


def test_country_name_beats_a_surname():
    (m,) = resolve("Montenegro protested.", date(2025, 1, 1))
    assert m.actor.country == "MNE"
