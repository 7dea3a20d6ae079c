"""PLOVER event types, modes, quad classes, scores and the CAMEO crosswalk (DESIGN.md section 2)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    intensity: float
    cameo: str  # the CAMEO code an event of this type gets when no mode narrows it
    modes: tuple[str, ...] = ()
    mode_cameo: tuple[tuple[str, str], ...] = ()

    def cameo_for(self, mode: str | None) -> str:
        return dict(self.mode_cameo).get(mode or "", self.cameo)


VC, MC, VK, MK = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)

TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("AGREE", VC, 2.5, "030"),
        EventType(
            "CONSULT",
            VC,
            2.5,
            "040",
            ("visit", "third-party", "multilateral", "phone", "mediate"),
            (("visit", "042"), ("mediate", "045"), ("phone", "040"), ("multilateral", "040")),
        ),
        EventType("SUPPORT", VC, 5.0, "051"),
        EventType("CONCEDE", VC, 4.5, "081"),
        EventType("COOPERATE", MC, 9.5, "060"),
        EventType(
            "AID",
            MC,
            10.0,
            "070",
            ("economic", "military", "humanitarian", "protection"),
            (
                ("economic", "071"),
                ("military", "072"),
                ("humanitarian", "073"),
                ("protection", "074"),
            ),
        ),
        EventType(
            "RETREAT",
            MC,
            6.5,
            "080",
            ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
            (
                ("release", "0841"),
                ("withdraw", "0874"),
                ("ceasefire", "0871"),
                ("disarm", "0873"),
                ("access", "086"),
                ("resign", "0832"),
            ),
        ),
        EventType("REQUEST", VK, 0.0, "100", ("assist", "change", "yield", "meet")),
        EventType(
            "ACCUSE",
            VK,
            -3.0,
            "112",
            ("disapprove", "investigate", "allege"),
            (("disapprove", "111"), ("investigate", "090")),
        ),
        EventType("REJECT", VK, -2.0, "120", ("assist", "change", "yield", "meet")),
        EventType(
            "THREATEN",
            VK,
            -3.5,
            "130",
            ("restrict", "arrest", "relations", "expel", "territory", "violence"),
            (("violence", "138"), ("relations", "1312")),
        ),
        EventType(
            "PROTEST",
            MK,
            -5.0,
            "140",
            ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
            (
                ("demo", "141"),
                ("hunger", "142"),
                ("strike", "143"),
                ("obstruct", "144"),
                ("riot", "145"),
                ("boycott", "143"),
            ),
        ),
        EventType(
            "SANCTION",
            MK,
            -6.0,
            "160",
            ("convict", "expel", "withdraw", "discontinue"),
            (("expel", "1662"), ("discontinue", "161")),
        ),
        EventType("MOBILIZE", MK, -5.5, "150", ("troops", "weapons", "police", "militia")),
        EventType(
            "COERCE",
            MK,
            -7.0,
            "170",
            (
                "seize",
                "restrict",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber",
            ),
            (("seize", "1711"), ("arrest", "173"), ("deport", "174"), ("censor", "1721")),
        ),
        EventType(
            "ASSAULT",
            MK,
            -9.0,
            "190",
            (
                "abduct",
                "beat",
                "torture",
                "sexual",
                "targeted",
                "destroy",
                "primitive",
                "firearms",
                "explosives",
                "suicide-attack",
                "aerial",
                "drone",
                "heavy-weapons",
                "crowd-control",
                "unconventional",
            ),
            (
                ("abduct", "181"),
                ("beat", "182"),
                ("torture", "1822"),
                ("sexual", "1821"),
                ("targeted", "186"),
                ("destroy", "1711"),
                ("explosives", "183"),
                ("suicide-attack", "1831"),
                ("aerial", "195"),
                ("drone", "195"),
                ("heavy-weapons", "194"),
                ("firearms", "190"),
                ("crowd-control", "175"),
            ),
        ),
    )
}

CONTEXTS = [
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
]

# Scoring rule 2 of GOLD_FORMAT.md: these types match in either direction.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# Actor codes of organisations of states (DESIGN.md, actor codes); IGO is any other one
ORGANISATION_CODES = frozenset(
    {"UNO", "EUR", "NAT", "OSC", "AFU", "ECO", "ASN", "CIS", "GCC", "ARL", "IMF", "WBK", "IGO"}
)

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "COP",
        "OPP",
        "PTY",
        "REB",
        "SPY",
        "CVL",
        "BUS",
        "MED",
        "NGO",
        "IGO",
        "ELI",
        "UNK",
    ]
)

# CAMEO root -> PLOVER type (DESIGN.md). 01 and 02 are statements, not events.
_CAMEO_ROOT = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}


def plover_from_cameo(code: str) -> str | None:
    """Map a CAMEO event code (e.g. "0311", "084") onto a PLOVER type; None for 01/02."""
    code = code.strip()
    root = code[:2]
    if root == "08":
        return "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
    return _CAMEO_ROOT.get(root)
