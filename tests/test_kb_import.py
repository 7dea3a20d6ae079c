"""`eventmill kb import`: PETRARCH/Phoenix dictionaries, Wikidata SPARQL JSON and YAML overlays."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import FIXTURES, SHARED, needs_shared
from eventmill import nlp
from eventmill.actors import kb as kbmod
from eventmill.actors.importers import (
    OPEN_START,
    guess_format,
    import_file,
    office_from_label,
    read_petrarch,
    read_yaml,
)
from eventmill.actors.resolver import DocActors
from eventmill.cli import app

PHOENIX = SHARED / "peer-data" / "petrarch2-phoenix-dictionaries" / "Phoenix.Countries.actors.txt"
runner = CliRunner()


@pytest.fixture()
def home(tmp_path, monkeypatch):
    """EVENTMILL_HOME in a temporary folder, and a knowledge base rebuilt around it."""
    monkeypatch.setenv("EVENTMILL_HOME", str(tmp_path))
    kbmod.default_kb.cache_clear()
    yield tmp_path
    kbmod.default_kb.cache_clear()


def resolve_one(text: str, day: date):
    actors = DocActors(kbmod.default_kb(), day)
    mentions = [m for s in nlp.load()(text).sents for m in actors.mentions(s)]
    return mentions[0].actor


def by_name(records, name):
    (rec,) = [r for r in records if r["name"] == name]
    return rec


# ----------------------------------------------------------------- the real Phoenix file
@needs_shared
@pytest.mark.skipif(not PHOENIX.is_file(), reason=f"{PHOENIX} is not there")
def test_phoenix_country_actors_import_and_resolve_through_the_overlay(home):
    started = time.perf_counter()
    result = runner.invoke(app, ["kb", "import", str(PHOENIX), "--name", "phoenix"])
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"import took {elapsed:.1f}s"
    # some lines of the file cannot be read: exit 1, each reported with its line number
    assert result.exit_code == 1, result.output
    assert "Phoenix.Countries.actors.txt:2039: a date is YYMMDD or YYYYMMDD" in result.output
    assert "Phoenix.Countries.actors.txt:31715: a date restriction is" in result.output
    summary = result.output.strip().splitlines()[-1]
    assert "18390 entries read" in summary and "unreadable lines" in summary
    overlay = home / "overlays" / "phoenix.yaml"
    assert overlay.is_file()

    kb = kbmod.default_kb()
    assert kb.overlays == [(str(overlay), pytest.approx(17_900, rel=0.05), None)]
    assert kb.people["ilham_aliyev"].source == str(overlay)  # the overlay replaced ours

    now = resolve_one("Ilham Aliyev spoke.", date(2018, 6, 1))
    assert (now.country, now.sector) == ("AZE", "GOV")
    before = resolve_one("Ilham Aliyev spoke.", date(2001, 1, 1))
    assert (before.country, before.sector) == ("AZE", "ELI")
    # ELI before GOV, then GOV: the term in office wins on a day both cover
    assert resolve_one("Heydar Aliyev spoke.", date(1995, 1, 1)).sector == "GOV"


# ----------------------------------------------------------------- PETRARCH snippets
SNIPPET = """\
# a hand-written dictionary in the PETRARCH/Phoenix actor format
FREEDONIA_  [FRD]
+FREEDONIAN_

RUFUS_T._FIREFLY_  # the leader
+FIREFLY_ +R._T._FIREFLY_
\t[AZEELI 780101-030804]
\t[AZEGOV >030804]
HEYDAR_EXAMPLE_  [ARMGOV 991231-050101]
\t[ARMELI]
OLD_TIMER_
\t[GEOGOV 310101-300101]
BAD_DATE_PERSON_
\t[AZEGOV 9008223-911221]
\t[AZEGOV 031301-040101]
\t[AZEGOV 20121204]
\t[AZEGOV >050101]
ORPHAN_SYNONYM_
+BROKEN]_
UN_OFFICIAL_  [IGOUNO >070101] [USAGOV 010120-050120]
NOBODY_  [---]
SOVIET_MAN_
\t[SUNGOV 700101-800101]
\t[RUSGOV >920101]
"""


def read_snippet(text: str = SNIPPET):
    return read_petrarch(text, "snippet.txt")


def test_petrarch_entries_synonyms_and_date_restrictions():
    r = read_snippet()
    firefly = by_name(r.records, "Rufus T. Firefly")
    assert firefly["aliases"] == ["Firefly", "R. T. Firefly"]
    assert [(t["country"], t["sector"], t["start"], t["end"]) for t in firefly["terms"]] == [
        ("AZE", "ELI", date(1978, 1, 1), date(2003, 8, 4)),
        ("AZE", "GOV", date(2003, 8, 4), None),
    ]
    assert {t["office"] for t in firefly["terms"]} == {"official"}


def test_two_digit_years_00_to_30_are_2000s_others_1900s():
    r = read_snippet()
    (t,) = by_name(r.records, "Old Timer")["terms"]
    assert (t["start"], t["end"]) == (date(1931, 1, 1), date(2030, 1, 1))
    r = read_petrarch("X_Y_\n\t[AZEGOV 300101-310101]\n", "x.txt")
    assert r.records == [] and "ends before it starts" in r.problems[0].reason
    (t,) = read_petrarch("X_Y_\n\t[AZEGOV 19291231-20310101]\n", "x.txt").records[0]["terms"]
    assert (t["start"], t["end"]) == (date(1929, 12, 31), date(2031, 1, 1))  # YYYYMMDD as is


def test_an_undated_code_holds_where_no_dated_one_does():
    r = read_snippet()
    terms = by_name(r.records, "Heydar Example")["terms"]
    assert [(t["sector"], t["start"], t["end"]) for t in terms] == [
        ("ELI", OPEN_START, date(1999, 12, 31)),
        ("GOV", date(1999, 12, 31), date(2005, 1, 1)),
        ("ELI", date(2005, 1, 1), None),
    ]


def test_unreadable_lines_are_reported_one_by_one_and_reading_goes_on():
    r = read_snippet()
    problems = {p.where: p.reason for p in r.problems}
    assert "a date is YYMMDD or YYYYMMDD, not '9008223'" in problems["snippet.txt:14"]
    assert "not a calendar date" in problems["snippet.txt:15"]
    assert "a date restriction is >DATE, <DATE or DATE-DATE" in problems["snippet.txt:16"]
    assert problems["snippet.txt:19"] == "unbalanced [ ]"
    assert "country SUN is not in our knowledge base" in problems["snippet.txt:23"]
    # the good code after three bad ones is kept, and so is every entry after them
    bad = by_name(r.records, "Bad Date Person")
    assert [(t["start"], t["end"]) for t in bad["terms"]] == [(date(2005, 1, 1), None)]
    assert by_name(r.records, "Soviet Man")["terms"][0]["country"] == "RUS"
    assert r.unreadable_lines == 4 and r.codes_left_out == 1


def test_countries_groups_and_null_codes_are_not_people():
    r = read_snippet()
    names = {rec["name"] for rec in r.records}
    assert "Freedonia" not in names and "Nobody" not in names and "Orphan Synonym" not in names
    assert r.entries == 9
    assert r.skipped["a country, place or group code, not a person"] == 1
    assert r.skipped["coded [---] (no actor)"] == 1


def test_igo_codes_name_the_organisation_and_several_codes_on_one_line():
    r = read_snippet()
    terms = by_name(r.records, "Un Official")["terms"]
    assert [(t["country"], t["sector"]) for t in terms] == [("USA", "GOV"), ("UNO", "IGO")]


def test_undated_entries_get_no_surname_of_their_own():
    r = read_petrarch("NATIONAL_GUARD_OF_FREEDONIA_\n\t[AZEMIL]\n", "x.txt")
    (rec,) = r.records
    assert rec["surname"] == rec["name"] == "National Guard Of Freedonia"


def test_format_is_guessed_from_the_content():
    assert guess_format(SNIPPET) == "petrarch"
    assert guess_format((FIXTURES / "wikidata_positions.sparql.json").read_text()) == "wikidata"
    assert guess_format("- name: A B\n  terms: []\n") == "yaml"
    assert guess_format("just some prose\n") is None


# ----------------------------------------------------------------- Wikidata
def test_wikidata_bindings_are_grouped_by_person_with_offices_and_qids():
    r = import_file(FIXTURES / "wikidata_positions.sparql.json")
    assert r.fmt == "wikidata" and r.entries == 10
    boris = by_name(r.records, "Boris Johnson")
    assert boris["wikidata"] == "Q180589"
    assert [(t["country"], t["office"], t["start"]) for t in boris["terms"]] == [
        ("GBR", "official", date(2008, 5, 3)),  # Mayor of London
        ("GBR", "foreign_minister", date(2016, 7, 13)),  # the duplicate row counted once
        ("GBR", "prime_minister", date(2019, 7, 24)),
    ]
    scholz = by_name(r.records, "Olaf Scholz")
    assert [(t["country"], t["office"]) for t in scholz["terms"]] == [
        ("DEU", "minister"),
        ("DEU", "chancellor"),
    ]
    abe = by_name(r.records, "Shinzo Abe")  # no country variable: "of Japan" in the label
    assert [(t["country"], t["office"]) for t in abe["terms"]] == [("JPN", "prime_minister")]
    assert by_name(r.records, "Xi Jinping")["terms"][0]["end"] is None
    reasons = [p.reason for p in r.problems]
    assert reasons == [
        "position 'Member of the 57th Parliament of the United Kingdom' is not an office we know",
        "not a date: 'unknown'",
    ]
    assert [p.where.rsplit(": ", 1)[1] for p in r.problems] == ["binding 5", "binding 9"]


@pytest.mark.parametrize(
    ("label", "office"),
    [
        ("President of Azerbaijan", "president"),
        ("Vice President of the United States", "vice_president"),
        ("Prime Minister of Armenia", "prime_minister"),
        ("President of the Government of Spain", "prime_minister"),
        ("Minister of Foreign Affairs of Azerbaijan", "foreign_minister"),
        ("United States Secretary of State", "foreign_minister"),
        ("Secretary of State for Defence", "defence_minister"),
        ("Minister of Defence of Armenia", "defence_minister"),
        ("Chancellor of the Exchequer", "minister"),
        ("Federal Chancellor of Germany", "chancellor"),
        ("Secretary-General of the United Nations", "secretary_general"),
        ("Supreme Leader of Iran", "supreme_leader"),
        ("King of Saudi Arabia", "king"),
        ("Bishop of Rome", None),
    ],
)
def test_position_labels_map_to_our_offices(label, office):
    assert office_from_label(label) == office


def test_wikidata_import_through_the_command_lays_over_ours(home):
    result = runner.invoke(app, ["kb", "import", str(FIXTURES / "wikidata_positions.sparql.json")])
    assert result.exit_code == 1  # two rows could not be used
    assert "binding 5: position" in result.output
    path = home / "overlays" / "wikidata_positions.sparql.yaml"
    records = yaml.safe_load(path.read_text())
    assert [r["name"] for r in records] == [
        "Boris Johnson",
        "Olaf Scholz",
        "Shinzo Abe",
        "Xi Jinping",
    ]
    # Olaf Scholz was finance minister in 2018: our data has only his chancellorship
    actor = resolve_one("Olaf Scholz spoke.", date(2019, 1, 1))
    assert (actor.country, actor.sector, actor.title) == ("DEU", "GOV", "minister")
    assert actor.wikidata == "Q61053"


# ----------------------------------------------------------------- YAML overlays
GOOD_YAML = """\
# my own actors
- name: Jan Novak
  terms:
    - {country: CZE, office: foreign_minister, start: 2030-01-01, end: null}
"""


def test_a_valid_yaml_overlay_is_copied_as_it_is(home, tmp_path):
    src = tmp_path / "mine.yaml"
    src.write_text(GOOD_YAML)
    result = runner.invoke(app, ["kb", "import", str(src)])
    assert result.exit_code == 0, result.output
    assert (home / "overlays" / "mine.yaml").read_text() == GOOD_YAML
    actor = resolve_one("Novak spoke.", date(2030, 6, 1))
    assert (actor.name, actor.country, actor.title) == ("Jan Novak", "CZE", "foreign_minister")
    stats = json.loads(runner.invoke(app, ["kb", "stats", "--json"]).output)
    assert stats["overlays"] == [
        {"path": str(home / "overlays" / "mine.yaml"), "entries": 1, "error": None}
    ]


def test_yaml_records_with_bad_dates_or_unknown_countries_are_reported_and_left_out():
    text = GOOD_YAML + (
        "- name: Bad Date\n"
        "  terms:\n"
        "    - {country: CZE, office: president, start: 2030-13-01}\n"
        "- name: Nowhere Man\n"
        "  terms:\n"
        "    - {country: XYZ, office: president, start: 2001-01-01}\n"
        "- just a string\n"
    )
    r = read_yaml(text, "mine.yaml")
    assert [rec["name"] for rec in r.records] == ["Jan Novak"]
    assert [(p.where, p.reason) for p in r.problems] == [
        ("mine.yaml:5", "bad date '2030-13-01'"),
        ("mine.yaml:8", "country code XYZ is not in our knowledge base"),
        ("mine.yaml:11", "not an actor record (a mapping with a name)"),
    ]
    assert r.verbatim is None  # written again without the bad records


def test_import_of_an_unknown_format_fails_cleanly(tmp_path, home):
    src = tmp_path / "notes.txt"
    src.write_text("just some prose\n")
    result = runner.invoke(app, ["kb", "import", str(src)])
    assert result.exit_code == 2
    assert "cannot tell the format" in result.output
    assert not (home / "overlays").exists()
    result = runner.invoke(app, ["kb", "import", str(src), "--format", "xml"])
    assert result.exit_code == 2 and "--format must be one of" in result.output


def test_a_broken_overlay_is_skipped_and_shown_in_stats(home):
    folder = home / "overlays"
    folder.mkdir()
    (folder / "broken.yaml").write_text("- name: X\n  terms:\n    - {country: CZE, start: 20x}\n")
    kb = kbmod.default_kb()
    ((path, n, error),) = kb.overlays
    assert path.endswith("broken.yaml") and n == 0 and error


def test_kb_stats_figures():
    stats = kbmod.kb_stats(kbmod.load_builtin(), date(2018, 6, 1))
    assert stats["states"]["count"] >= 193
    assert stats["states"]["un_members"] == 193 and stats["states"]["un_members_missing"] == []
    assert stats["terms"]["heads_of_state_or_government"] >= 1000
    assert stats["organisations"]["count"] >= 20 and stats["armed_groups"]["count"] >= 11
    assert stats["un_members_without_leader"] == []
    assert sum(stats["terms"]["per_office"].values()) == stats["terms"]["total"]


def test_overlay_written_by_import_loads_back(tmp_path, home):
    src = tmp_path / "dict.txt"
    src.write_text(SNIPPET)
    result = runner.invoke(app, ["kb", "import", str(src), "--format", "petrarch", "-q"])
    assert result.exit_code == 1
    assert "snippet" not in result.output and "dict.txt:14" not in result.output  # --quiet
    loaded = yaml.safe_load(Path(home / "overlays" / "dict.yaml").read_text())
    assert by_name(loaded, "Rufus T. Firefly")["terms"][0]["sector"] == "ELI"
    actor = resolve_one("Rufus T. Firefly spoke.", date(2001, 1, 1))
    assert (actor.country, actor.sector) == ("AZE", "ELI")


ALIYEV_SNIPPET = "ILHAM_ALIYEV_\n\t[AZEELI 780101-030804]\n\t[AZEGOV 030804-031104]\n"


@pytest.mark.parametrize(("merge", "title_2018"), [(False, None), (True, "president")])
def test_import_replaces_our_entry_or_with_merge_extends_it(home, tmp_path, merge, title_2018):
    src = tmp_path / "aliyev.txt"
    src.write_text(ALIYEV_SNIPPET)
    args = ["kb", "import", str(src)] + (["--merge"] if merge else [])
    assert runner.invoke(app, args).exit_code == 0
    before = resolve_one("Ilham Aliyev spoke.", date(2001, 1, 1))
    assert (before.country, before.sector) == ("AZE", "ELI")  # the imported ELI term
    later = resolve_one("Ilham Aliyev spoke.", date(2018, 6, 1))
    if merge:  # our presidency is kept beside the imported terms
        assert (later.country, later.sector, later.title) == ("AZE", "GOV", title_2018)
    else:  # replaced: the imported entry ends in 2003, so in 2018 he is a former official
        assert (later.country, later.sector) == ("AZE", "ELI")
