"""CASE 2021 Task 2 (ACLED sub-event types of news snippets) as type-only gold documents.

Reads ``peer-data/case2021-task2/test_set_final_release_with_labels.tsv`` at run time
(columns ``id``, ``EventSnippet``, ``SubType``). Each snippet becomes one gold document in
the shape of GOLD_FORMAT.md with no events (the set names no actors, dates or places), and
a ``labels`` dict: the ACLED sub-event type, the PLOVER type it maps onto (or None when it
maps onto none) and the PLOVER types accepted as that label. ``bench/accuracy.py`` scores
these documents by the type of the coder's main event; ``eventmill eval`` cannot.

ACLED's terms forbid building a competing dataset from its data: this set is for
evaluation only. Nothing in eventmill is, or may be, trained or tuned on it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gold_convert import _input_file, label_document

CASE_DIR = Path("peer-data") / "case2021-task2"
CASE_FILE = "test_set_final_release_with_labels.tsv"

# ACLED sub-event type (as the task spells it) -> (PLOVER type, mode, other accepted types).
# None: the label has no PLOVER counterpart; such snippets are excluded and counted.
# Our reading of each label, from ACLED's definitions and the task's examples:
# fmt: off
ACLED_TO_PLOVER: dict[str, tuple[str, str | None, tuple[str, ...]] | None] = {
    # Battles: fighting between armed groups is ASSAULT; taking ground by force is also
    # CAMEO 192 (occupy territory), which the 2021 crosswalk files under COERCE.
    "ARMED_CLASH": ("ASSAULT", "firearms", ()),
    "GOV_REGAINS_TERIT": ("ASSAULT", None, ("COERCE",)),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("ASSAULT", None, ("COERCE",)),
    # Explosions / remote violence
    "AIR_STRIKE": ("ASSAULT", "aerial", ()),
    "ART_MISS_ATTACK": ("ASSAULT", "heavy-weapons", ()),
    "CHEM_WEAP": ("ASSAULT", "unconventional", ()),
    "GRENADE": ("ASSAULT", "explosives", ()),
    "REM_EXPLOS": ("ASSAULT", "explosives", ()),
    "SUIC_BOMB": ("ASSAULT", "suicide-attack", ()),
    # Violence against civilians
    "ATTACK": ("ASSAULT", None, ()),
    "ABDUCT_DISSAP": ("ASSAULT", "abduct", ()),
    "SEX_VIOL": ("ASSAULT", "sexual", ()),
    # Protests and riots: a protest met by force or arrests is still a protest first.
    "PEACE_PROTEST": ("PROTEST", "demo", ()),
    "PROTEST_WITH_INTER": ("PROTEST", "demo", ("COERCE", "ASSAULT")),
    "FORCE_AGAINST_PROTEST": ("ASSAULT", "crowd-control", ("COERCE",)),
    "VIOL_DEMONSTR": ("PROTEST", "riot", ()),
    # A mob beating or lynching someone: an assault, also readable as a riot.
    "MOB_VIOL": ("ASSAULT", "beat", ("PROTEST",)),
    # Strategic developments that PLOVER does cover
    # ACLED's agreements include ceasefires, prisoner exchanges and releases, surrenders and
    # peace talks: PLOVER's RETREAT and CONSULT as much as AGREE
    "AGREEMENT": ("AGREE", None, ("RETREAT", "CONSULT")),
    "ARREST": ("COERCE", "arrest", ()),
    "DISR_WEAP": ("COERCE", "seize", ()),  # arms seized, bombs defused by security forces
    # CAMEO 1712 (destroy property) is COERCE by its root and ASSAULT in the 2021 table
    "PROPERTY_DISTRUCT": ("ASSAULT", "destroy", ("COERCE",)),
    # No PLOVER type: a group's change of name or alliance, a base set up, ground changing
    # hands without a fight (withdrawal by one side, taking by the other), "other", the
    # task's unseen types (crime, disasters) and the mixed bags DIPLO (any diplomatic
    # act: consult, sanction, accuse ...) and ATTRIB (claims of responsibility).
    "CHANGE_TO_GROUP_ACT": None,
    "HQ_ESTABLISHED": None,
    "NON_VIOL_TERRIT_TRANSFER": None,
    "OTHER": None,
    "ORG_CRIME": None,
    "NATURAL_DISASTER": None,
    "MAN_MADE_DISASTER": None,
    "DIPLO": None,
    "ATTRIB": None,
}
# fmt: on


def acled_labels(subtype: str) -> dict:
    """The ``labels`` of one snippet: ACLED type, mapped PLOVER type, accepted types."""
    if subtype not in ACLED_TO_PLOVER:
        raise ValueError(f"unknown CASE 2021 sub-event type {subtype!r}")
    mapped = ACLED_TO_PLOVER[subtype]
    if mapped is None:
        return {"acled": subtype, "plover": None, "mode": None, "accepted": []}
    type_, mode, alts = mapped
    return {"acled": subtype, "plover": type_, "mode": mode, "accepted": [type_, *alts]}


def convert_case2021(
    shared: Path | str | None = None, notes: list[str] | None = None
) -> list[dict]:
    """The labelled test snippets -> gold documents with ``labels`` (events left empty)."""
    path = _input_file(shared, CASE_DIR, CASE_FILE)
    docs = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            rid = (row.get("id") or "").strip()
            text = " ".join((row.get("EventSnippet") or "").split())
            subtype = (row.get("SubType") or "").strip()
            if not rid or not subtype:
                if notes is not None:
                    notes.append(f"row {rid or '?'}: no id or label, skipped")
                continue
            labels = acled_labels(subtype)
            if labels["plover"] is None and notes is not None:
                notes.append(f"case2021-{rid}: {subtype} maps onto no PLOVER type, excluded")
            docs.append(label_document(f"case2021-{rid}", text, None, "case2021", labels=labels))
    return docs
