"""Quantities in a sentence: money with its currency, and counts of troops, dead, injured,
arrested and protesters, with the number as written and its value."""

from __future__ import annotations

import re

from eventmill.schema import Quantity

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozens": 24,
    "a dozen": 12,
    "hundreds": 200,
    "thousands": 2000,
}
_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mln": 1e6,
    "m": 1e6,
    "k": 1e3,
    "tn": 1e12,
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rub": "RUB",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupees": "INR",
    "rupee": "INR",
    "manat": "AZN",
    "dram": "AMD",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "lira": "TRY",
    "riyals": "SAR",
    "shekels": "ILS",
    "francs": "CHF",
    "rand": "ZAR",
}
_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR"}

# a number starts where no digit or letter does ("2019 200" is two numbers, "None" has no
# "one" in it); thousands are separated by commas only
_NUM = (
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?|(?:"
    + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
    + r")\b)"
)
_SCALE_RE = r"(?:\s*(thousand|million|billion|trillion|bn|mln|tn|m|k)\b)?"
_MONEY_SYMBOL = re.compile(r"(US\$|\$|€|£|¥|₽|₹)\s?" + _NUM + _SCALE_RE, re.I)
_MONEY_WORD = re.compile(
    _NUM
    + _SCALE_RE
    + r"\s+(?:US\s)?("
    + "|".join(sorted((re.escape(w) for w in _CURRENCY_WORDS), key=len, reverse=True))
    + r")\b",
    re.I,
)

_PEOPLE = (
    r"(?:people|persons|civilians|soldiers|troops|servicemen|policemen|police officers|"
    r"protesters|protestors|demonstrators|militants|fighters|rebels|children|women|men|"
    r"students|workers|activists|journalists|migrants|refugees|residents|villagers|others)"
)
_COUNT = re.compile(
    r"(?:at least |more than |over |nearly |almost |about |some |around |up to )?"
    + _NUM
    + r"\s+(?:[a-z-]+\s+){0,2}?"
    + _PEOPLE
    + r"\b",
    re.I,
)
_DEAD_AFTER = re.compile(
    r"^\W*(?:were |was |had been |have been )?(killed|dead|died|"
    r"wounded|injured|hurt|arrested|detained|rounded up)",
    re.I,
)
_DEAD_BEFORE = re.compile(
    r"(shot dead|killed|killing|killings of|wounded|wounding|injured|injuring|"
    r"arrested|detained|detaining|arresting|deployed|deploying|sent|"
    r"sending|massed)\s+$",
    re.I,
)
_UNIT_OF = {
    "shot dead": "killed",
    "killed": "killed",
    "killing": "killed",
    "killings of": "killed",
    "dead": "killed",
    "died": "killed",
    "wounded": "injured",
    "wounding": "injured",
    "injured": "injured",
    "injuring": "injured",
    "hurt": "injured",
    "arrested": "arrested",
    "detained": "arrested",
    "detaining": "arrested",
    "arresting": "arrested",
    "rounded up": "arrested",
    "deployed": "troops",
    "deploying": "troops",
    "sent": "troops",
    "sending": "troops",
    "massed": "troops",
}


def _value(number: str, scale: str | None) -> float | None:
    n = number.lower().strip()
    if n in _NUMBER_WORDS:
        value = float(_NUMBER_WORDS[n])
    else:
        try:
            value = float(re.sub(r"[,\s]", "", n))
        except ValueError:
            return None
    if scale:
        value *= _SCALE[scale.lower()]
    return value


def quantities(text: str) -> list[Quantity]:
    """All quantities stated in a sentence, in order of appearance."""
    found: list[tuple[int, Quantity]] = []
    for m in _MONEY_SYMBOL.finditer(text):
        v = _value(m.group(2), m.group(3))
        if v is not None:
            found.append((m.start(), Quantity(v, _SYMBOLS[m.group(1).lower()], m.group(0))))
    taken = [(start, start + len(q.text)) for start, q in found]
    for m in _MONEY_WORD.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue  # "$5 billion dollars" is one amount
        v = _value(m.group(1), m.group(2))
        if v is not None:
            found.append((m.start(), Quantity(v, _CURRENCY_WORDS[m.group(3).lower()], m.group(0))))
    for m in _COUNT.finditer(text):
        v = _value(m.group(1), None)
        if v is None:
            continue
        after = _DEAD_AFTER.match(text[m.end() : m.end() + 30])
        before = _DEAD_BEFORE.search(text[max(0, m.start() - 25) : m.start()])
        word = m.group(0).lower()
        if after:
            unit = _UNIT_OF[after.group(1).lower()]
        elif before:
            unit = _UNIT_OF[before.group(1).lower()]
        elif any(w in word for w in ("troops", "soldiers", "servicemen")):
            unit = "troops"
        elif any(w in word for w in ("protesters", "protestors", "demonstrators")):
            unit = "protesters"
        else:
            unit = "people"
        found.append((m.start(), Quantity(v, unit, m.group(0).strip())))
    found.sort(key=lambda p: p[0])
    return [q for _, q in found]


# which quantity belongs to which kind of event
UNITS_FOR_TYPE = {
    "ASSAULT": ("killed", "injured", "people"),
    "COERCE": ("arrested", "people", "protesters"),
    "MOBILIZE": ("troops", "people"),
    "RETREAT": ("troops", "people"),
    "PROTEST": ("protesters", "people"),
    "AID": ("money",),
    "COOPERATE": ("money",),
    "AGREE": ("money",),
    "SANCTION": ("money",),
}


def quantity_for(event_type: str, found: list[Quantity]) -> Quantity | None:
    wanted = UNITS_FOR_TYPE.get(event_type)
    if not wanted:
        return None
    for unit in wanted:
        for q in found:
            if q.unit == unit or (unit == "money" and q.unit.isupper() and len(q.unit) == 3):
                return q
    return None
