"""The trigger matcher's handling of syntax, on sentences of our own: passive subjects read
against object classes, and hyphenated 'test-' verbs."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Three homemade bombs were found in a culvert outside the village.", "COERCE", "seize"),
        ("A roadside device was defused by army engineers on Sunday.", "COERCE", "seize"),
        ("The mountain crossing was reopened to lorries on Thursday.", "RETREAT", "access"),
        ("Food shipments to the camps were halted after the looting.", "SANCTION", "discontinue"),
        ("A ceasefire deal was struck late on Friday night.", "AGREE", None),
        ("Extra police units were sent to the northern province.", "MOBILIZE", "troops"),
        ("The opposition editor was sent to prison for six years.", "COERCE", "arrest"),
        ("Caches of rifles were discovered and destroyed by the patrol.", "COERCE", "seize"),
    ],
)
def test_passive_subject_is_the_object(triggers, text, etype, mode):
    assert (etype, mode) in triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Several bodies were found on the riverbank near the bridge.",
        "The museum was reopened after a long renovation.",
    ],
)
def test_passive_subject_outside_the_classes(triggers, text):
    assert not triggers(text)


def test_lifted_sanctions_are_not_coded_as_sanctions(triggers):
    found = triggers("Sanctions on the airline were lifted in March.")
    assert ("RETREAT", None) in found
    assert "SANCTION" not in {t for t, _ in found}


@pytest.mark.parametrize(
    "text",
    [
        "The navy test-fired a new anti-ship missile from a frigate on Tuesday.",
        "Its army has test-launched a long-range rocket twice this year.",
        "The cruise missile was test-fired from a mobile launcher.",
        "Engineers conducted a test-launch of the solid-fuel rocket.",
    ],
)
def test_test_prefixed_launch_is_a_weapons_test(triggers, text):
    found = triggers(text)
    assert ("MOBILIZE", "weapons") in found
    assert "ASSAULT" not in {t for t, _ in found}


def test_test_prefix_on_a_product_is_no_event(triggers):
    assert not triggers("The firm test-launched its new tablet in two cities.")


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Riot police lathi-charged the crowd outside the depot.", "ASSAULT", "crowd-control"),
        ("Nurses staged a sit-in at the health ministry.", "PROTEST", "demo"),
        ("Army units captured Falkenberg after a week of fighting.", "ASSAULT", None),
        ("Rebel fighters took over three localities near the lake.", "ASSAULT", None),
        ("Coast guards intercepted four suspected smugglers on a speedboat.", "COERCE", "arrest"),
        ("Air defences intercepted two drones over the port.", "COERCE", "seize"),
        ("Police caught three suspects at a checkpoint.", "COERCE", "arrest"),
        ("The suspect was picked up by police outside her office.", "COERCE", "arrest"),
    ],
)
def test_hyphenated_words_named_places_and_people(triggers, text, etype, mode):
    assert (etype, mode) in triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "A warehouse caught fire near the harbour.",
        "Dozens of families were caught in the crossfire.",
    ],
)
def test_catch_without_a_person_is_no_arrest(triggers, text):
    assert ("COERCE", "arrest") not in triggers(text)


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("The alliance enforced a no-fly zone over the northern plains.", "SANCTION", None),
        ("The army reimposed blockades on the two coastal towns.", "COERCE", "restrict"),
        ("Militias carried out ethnic cleansing in the eastern valleys.", "ASSAULT", None),
        (
            "Thirty opposition lawmakers were confined to a barracks by the junta.",
            "COERCE",
            "restrict",
        ),
    ],
)
def test_compound_nouns_and_confinement(triggers, text, etype, mode):
    assert (etype, mode) in triggers(text)


def test_confined_fighting_is_no_restriction(triggers):
    assert ("COERCE", "restrict") not in triggers("The shelling was confined to the hills.")


def test_picking_up_a_person_is_no_arrest_by_itself(triggers):
    # a leader met at the airport: people alone do not make "pick up" or "catch" an arrest
    assert ("COERCE", "arrest") not in triggers("Obama picked up Merkel at the airport.")
    assert ("COERCE", "arrest") not in triggers("The question caught Obama off guard.")
