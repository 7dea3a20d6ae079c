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


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        # removals from power
        ("The army ousted the elected president in a bloodless putsch.", "COERCE", "seize"),
        ("Rebel officers overthrew the government on Tuesday.", "COERCE", "seize"),
        ("Protesters toppled the long-serving ruler after weeks of unrest.", "COERCE", "seize"),
        ("The generals deposed the king and dissolved parliament.", "COERCE", "seize"),
        ("A junta took power after the election was annulled.", "COERCE", "seize"),
        ("The colonel grabbed power in a palace revolt.", "COERCE", "seize"),
        ("The military staged a coup against the president.", "COERCE", "seize"),
        ("The colonels attempted a putsch against the king.", "COERCE", "seize"),
        ("The country has been ruled by the junta since the military takeover.", "COERCE", "seize"),
        ("The army removed the president from office.", "COERCE", "seize"),
        # censorship and restrictions
        ("Authorities took the opposition channel off the air.", "COERCE", "censor"),
        ("The regime shut down three independent newspapers.", "COERCE", "censor"),
        ("The interior ministry closed two opposition newspapers.", "COERCE", "censor"),
        ("Authorities cut internet access in the restive region.", "COERCE", "censor"),
        ("The government shut off mobile internet across the country.", "COERCE", "censor"),
        ("The government jammed foreign radio broadcasts.", "COERCE", "censor"),
        ("The generals muzzled the press.", "COERCE", "censor"),
        ("The authorities curbed press freedom.", "COERCE", "restrict"),
        ("The government restricted access to the region.", "COERCE", "restrict"),
        ("The regime stripped the opposition leader of his citizenship.", "COERCE", "restrict"),
        ("The junta dissolved the main opposition party.", "COERCE", "restrict"),
        ("The government nationalised the foreign oil companies.", "COERCE", "seize"),
        ("The president declared a state of emergency in the capital.", "COERCE", "restrict"),
        ("The regime imposed a state of siege on the province.", "COERCE", "restrict"),
        # sanctions
        ("Washington blacklisted five companies linked to the militia.", "SANCTION", None),
        ("Beijing slapped tariffs on Australian barley.", "SANCTION", None),
        ("The bloc expelled the country from its ranks.", "SANCTION", "expel"),
        ("The regime expelled the nuclear inspectors.", "SANCTION", "expel"),
        ("The donors withheld funds from the provincial government.", "SANCTION", "discontinue"),
        ("The council restored sanctions on the regime.", "SANCTION", None),
        ("Washington reinstated sanctions on Caracas.", "SANCTION", None),
        # concessions and retreats
        ("The court reinstated the dismissed judges.", "CONCEDE", None),
        ("The junta restored civilian rule.", "CONCEDE", None),
        ("The government gave in to the strikers' demands.", "CONCEDE", None),
        ("The government backed down on the fuel price rise.", "CONCEDE", None),
        ("The president caved in after a week of strikes.", "CONCEDE", None),
        ("The government bowed to pressure from the unions.", "CONCEDE", None),
        ("The president granted amnesty to political prisoners.", "RETREAT", "release"),
        ("The two sides swapped prisoners on Sunday.", "RETREAT", "release"),
        ("The rebels returned the bodies of the soldiers.", "RETREAT", "release"),
        ("Police released the protesters on bail.", "RETREAT", "release"),
        # threats, accusations, rejections, requests, support
        ("The army will give a fitting reply to any aggression.", "THREATEN", None),
        ("The minister vowed a befitting response to the attack.", "THREATEN", None),
        ("The minister hit out at the opposition.", "ACCUSE", "disapprove"),
        ("The minister shrugged off the criticism.", "REJECT", None),
        ("The president begged the donors for help.", "REQUEST", None),
        ("The opposition threw its weight behind the candidate.", "SUPPORT", None),
        ("The unions threw their support behind the strikers.", "SUPPORT", None),
        # consultation, cooperation, aid, mobilisation
        ("The two leaders spoke by phone on Monday.", "CONSULT", "phone"),
        ("The two presidents talked by phone on Sunday.", "CONSULT", "phone"),
        ("The two armies conducted joint patrols along the border.", "COOPERATE", None),
        ("Japan disbursed $500 million to Kenya.", "AID", "economic"),
        ("The creditors wrote off the country's debt.", "AID", "economic"),
        ("The army called up 50,000 reservists.", "MOBILIZE", "troops"),
        ("The government beefed up security along the border.", "MOBILIZE", "police"),
        ("The army moved tanks to the border.", "MOBILIZE", "troops"),
        # assaults
        ("Villagers hacked to death two suspected thieves.", "ASSAULT", "primitive"),
        ("The regime hanged four dissidents at dawn.", "ASSAULT", "targeted"),
        ("Troops encircled the rebel stronghold.", "ASSAULT", None),
        ("Militants mutilated the bodies of the soldiers.", "ASSAULT", None),
        ("The invaders pillaged the town.", "ASSAULT", "destroy"),
        ("The soldiers plundered the villages.", "ASSAULT", "destroy"),
        ("Youths firebombed the party offices.", "ASSAULT", "destroy"),
        ("Rioters petrol-bombed a police van.", "ASSAULT", "destroy"),
        ("A man rammed his truck into the police station.", "ASSAULT", None),
        ("Protesters burned tyres on the main road.", "PROTEST", "demo"),
    ],
)
def test_news_phrasings(triggers, text, etype, mode):
    assert (etype, mode) in triggers(text)


@pytest.mark.parametrize(
    ("text", "banned"),
    [
        ("Protesters toppled a statue of the former dictator.", {"COERCE"}),
        ("The workers removed the rubble from the road.", {"COERCE"}),
        ("The delegation stormed out of the meeting.", {"ASSAULT"}),
        ("Hackers hacked into the ministry's website.", {"ASSAULT"}),
        ("The plane took off from the capital.", {"COERCE"}),
        ("He took off his jacket before the speech.", {"COERCE"}),
        ("The shop closed early on Sunday.", {"COERCE", "SANCTION"}),
        ("Soldiers hanged flags from the balcony.", {"ASSAULT"}),
        ("The president dissolved parliament and called elections.", {"COERCE"}),
        ("The minister returned to the capital on Friday.", {"RETREAT"}),
        ("The family moved house last year.", {"MOBILIZE"}),
        ("The coach gave a short reply to the question.", {"THREATEN"}),
    ],
)
def test_news_phrasings_need_their_objects(triggers, text, banned):
    assert not types_of(triggers(text)) & banned
