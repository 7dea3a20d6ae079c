"""PLOVER contexts (multi-label) from the words of the evidence sentence and the actors."""

from __future__ import annotations

import re

# context -> word stems that signal it in the sentence
CONTEXT_WORDS: dict[str, tuple[str, ...]] = {
    "military": (
        "military",
        "arms",
        "armament",
        "weapon",
        "troop",
        "army",
        "defen",
        "missile",
        "soldier",
        "artillery",
        "warship",
        "drone",
    ),
    "economic": (
        "trade",
        "economic",
        "economy",
        "investment",
        "loan",
        "tariff",
        "export",
        "import",
        "business",
        "oil",
        "gas",
        "financ",
        "dollar",
        "euro",
        "budget",
    ),
    "territory": (
        "border",
        "territor",
        "line of contact",
        "conflict zone",
        "occupied",
        "annex",
        "enclave",
        "frontier",
    ),
    "election": ("election", "vote", "ballot", "polls", "electoral", "candidate"),
    "human_rights": ("human rights", "torture", "rights group", "abuse"),
    "rights_freedoms": ("freedom", "free speech", "censor", "press freedom"),
    "repression": ("crackdown", "dissident", "repress", "political prisoner"),
    "terrorism": ("terror", "jihad", "extremis"),
    "peacekeeping": ("peacekeep", "peace-keep"),
    "cbrn": ("nuclear", "chemical weapon", "biological weapon", "radiolog"),
    "health": ("health", "vaccine", "pandemic", "epidemic", "hospital", "covid"),
    "migration": ("migrant", "migration", "refugee"),
    "asylum": ("asylum",),
    "legal": ("court", "judge", "law", "legal", "prosecut", "convict", "sentence"),
    "corruption": ("corrupt", "bribe", "embezzl"),
    "cyber": ("cyber", "hack"),
    "natural_resource": ("oil", "gas", "pipeline", "mining", "mineral", "water"),
    "environment": ("climate", "environment", "pollution", "emission"),
    "disasters": ("earthquake", "flood", "hurricane", "disaster", "tsunami"),
    "religion_ethnicity": ("religio", "ethnic", "muslim", "christian", "church", "mosque"),
    "crime": ("criminal", "cartel", "gang", "smuggl"),
    "illegal_drugs": ("drug", "narcotic", "cocaine", "heroin"),
    "trafficking": ("traffick",),
    "intelligence": ("intelligence", "spy", "espionage"),
    "legislative": ("parliament", "lawmaker", "legislat", "congress", "senate"),
}
_PATTERNS = {
    ctx: re.compile("|".join(re.escape(w) for w in words), re.I)
    for ctx, words in CONTEXT_WORDS.items()
}
DIPLOMATIC_TYPES = frozenset(
    {"CONSULT", "AGREE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "SANCTION"}
)


def contexts(
    sentence: str,
    event_type: str,
    mode: str | None,
    sectors: list[str | None],
    countries: list[str | None],
) -> list[str]:
    found = [ctx for ctx, pattern in _PATTERNS.items() if pattern.search(sentence)]
    if mode == "military" or "MIL" in sectors:
        found.append("military")
    if (
        event_type in DIPLOMATIC_TYPES
        and len({c for c in countries if c}) == 2
        and all(s in ("GOV", "IGO") for s in sectors if s)
    ):
        found.append("diplomatic")
    return sorted(set(found))
