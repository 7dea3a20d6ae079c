"""The trigger lexicon's vocabulary on sentences of our own: which words name which PLOVER
type, and the objects that keep an ambiguous verb from being an event."""

from __future__ import annotations

import pytest


def types_of(found) -> set[str]:
    return {t for t, _ in found}


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Gunmen hurled a grenade at a checkpoint outside the town.", "ASSAULT", "explosives"),
        ("Youths threw stones at riot police near the stadium.", "PROTEST", "riot"),
        ("Insurgents detonated a car bomb outside the ministry.", "ASSAULT", "explosives"),
        ("Militants planted a roadside bomb on the highway.", "ASSAULT", "explosives"),
        ("A gang of men stabbed a shopkeeper in the market.", "ASSAULT", "primitive"),
        ("Unknown attackers gunned down a judge in the capital.", "ASSAULT", "firearms"),
        ("Soldiers fired on the marchers in the main square.", "ASSAULT", "firearms"),
        ("The patrol returned fire and the attackers fled.", "ASSAULT", "firearms"),
        ("Gunmen took twelve foreign engineers hostage.", "ASSAULT", "abduct"),
        ("Rebels took control of the district capital overnight.", "ASSAULT", None),
        ("Government troops liberated three villages in the valley.", "ASSAULT", None),
        ("Police picked up four activists at the rally.", "COERCE", "arrest"),
        ("Engineers cleared landmines from the border fields.", "COERCE", "seize"),
        ("The regulator revoked the licence of an opposition broadcaster.", "COERCE", "censor"),
        ("The court charged the former minister with fraud.", "ACCUSE", "allege"),
        ("A gunfight between the two militias lasted an hour.", "ASSAULT", "firearms"),
        ("Police used teargas on students outside the university.", "ASSAULT", "crowd-control"),
        ("The army's bombardment of the port went on all night.", "ASSAULT", "heavy-weapons"),
    ],
)
def test_violent_and_coercive_vocabulary(triggers, text, etype, mode):
    assert (etype, mode) in triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "The senator threw his support behind the governor.",
        "Traders picked up shares after the central bank's statement.",
        "The vice president took over as head of the party.",
        "Farmers planted maize on the hillside this spring.",
        "The new manager cleared his desk on Friday.",
    ],
)
def test_ambiguous_verbs_need_their_objects(triggers, text):
    assert not types_of(triggers(text)) & {"ASSAULT", "COERCE"}


def test_hyphenated_ceasefire_is_no_attack(triggers):
    found = triggers("The cease-fire in the north has held for a week.")
    assert ("RETREAT", "ceasefire") in found
    assert "ASSAULT" not in types_of(found)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The opposition sought the extradition of the former governor.", "REQUEST"),
        ("Brussels pressed Warsaw to restore the independence of its courts.", "REQUEST"),
        ("Farmers' unions pressed for lower fuel prices.", "REQUEST"),
        ("The minister castigated the rebels for breaking the truce.", "ACCUSE"),
        ("The president branded the strike illegal.", "ACCUSE"),
        ("The party repudiated the agreement signed by its former leader.", "REJECT"),
        ("The council applauded the mediators for their patience.", "SUPPORT"),
        ("Norway offered to host the next round of negotiations.", "AGREE"),
        ("The two parties reached a consensus on the electoral law.", "AGREE"),
        ("The envoys signed a road map for the return of refugees.", "AGREE"),
        ("The two navies joined forces to patrol the strait.", "COOPERATE"),
    ],
)
def test_verbal_vocabulary(triggers, text, etype):
    assert etype in types_of(triggers(text))


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors will press charges against the driver.",
        "The government pressed ahead with the reform.",
        "The company offered a discount to new customers.",
        "Officials sought to calm the markets.",
    ],
)
def test_verbal_words_need_their_objects(triggers, text):
    assert not types_of(triggers(text)) & {"REQUEST", "AGREE"}


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("The donor countries halted budget aid to the junta.", "SANCTION", "discontinue"),
        ("Kyiv cut off fuel supplies to the breakaway region.", "SANCTION", "discontinue"),
        ("The small republic quit the customs union in protest.", "SANCTION", "withdraw"),
        ("The defence minister quit his post after the scandal.", "RETREAT", "resign"),
        ("The army chief stood down after the failed offensive.", "RETREAT", "resign"),
        ("The guerrillas handed in their rifles at the camp.", "RETREAT", "disarm"),
        ("The authorities allowed inspectors into the plant.", "RETREAT", "access"),
        ("The neighbouring state reopened its border crossing.", "RETREAT", "access"),
        ("The navy stationed two warships off the coast.", "MOBILIZE", "troops"),
        ("The regime tested a new cruise missile on Monday.", "MOBILIZE", "weapons"),
        ("Dock workers stopped work at the main port.", "PROTEST", "strike"),
        ("The unions called a nationwide strike against the pension law.", "PROTEST", "strike"),
        ("Helicopters dropped barrel bombs on the rebel town.", "ASSAULT", "aerial"),
    ],
)
def test_material_vocabulary(triggers, text, etype, mode):
    assert (etype, mode) in triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bus stopped at the edge of the village.",
        "Heavy rain halted the match in the second half.",
        "The coach quit smoking last year.",
        "The museum allowed photographs in the main hall.",
        "He tested the microphone before the speech.",
        "The air strike destroyed a bridge.",
    ],
)
def test_material_words_need_their_objects(triggers, text):
    assert not types_of(triggers(text)) & {"SANCTION", "RETREAT", "MOBILIZE", "PROTEST"}


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("The donors reduced food aid to the camps by half.", "SANCTION", "discontinue"),
        ("The bloc ended its mediation between the two factions.", "SANCTION", "discontinue"),
        ("The junta lifted the state of emergency in the east.", "CONCEDE", None),
        ("The government lifted its ban on the main opposition party.", "CONCEDE", None),
        ("The protesters were sent to prison for two years.", "COERCE", "arrest"),
    ],
)
def test_more_material_vocabulary(triggers, text, etype, mode):
    assert (etype, mode) in triggers(text)


def test_ending_a_war_or_a_meeting_is_no_sanction(triggers):
    assert "SANCTION" not in types_of(triggers("The chairman ended the meeting at noon."))
