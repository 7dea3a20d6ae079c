"""External check of our actors against ICEWS: who ICEWS says a government person is, and
what our resolver says on the same day.

Input: ../shared/peer-data/icews-sample-2018/events.2018.sample.tab (ICEWS coded events of
1-2 June 2018, see its SOURCE.md). For every distinct person name that ICEWS codes with the
sector "Government" (Source Sectors / Target Sectors), we resolve the name with eventmill's
resolver on 2018-06-01, in the neutral sentence "<name> said on Friday.", and compare the
country with ICEWS's (country names mapped to ISO alpha-3 through our countries.yaml names
and aliases, plus the two ISO-style names ICEWS spells differently: ICEWS_NAMES).

A name counts as known when the resolver finds a person (or a title) within it: the mention
covering its last word, else the first one. A name resolved through a surname alone where
none of the name's other words belongs to the person we found is "another person": the
country may agree by chance ("Raman Singh" -> Manmohan Singh, India), so these are counted
apart (`strict_rate`).

Names of organisations (ICEWS gives "Government" to ministries, police forces, parliaments,
news agencies) are left out: those with an organisation word (ORG_WORDS) and a short list
checked by hand (NOT_PEOPLE).

Run:  .venv/bin/python bench/icews_actors.py [--shared ../shared] [--json] [--date 2018-06-01]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
SAMPLE = Path("peer-data") / "icews-sample-2018" / "events.2018.sample.tab"
DAY = date(2018, 6, 1)

# ICEWS country names that our countries.yaml spells otherwise. ICEWS follows ISO short
# names: its "Congo" is the Republic of the Congo (the DRC is "Democratic Republic of
# Congo"), whereas news "Congo" is the DRC in our data.
ICEWS_NAMES = {"Congo": "COG", "Moldova, Republic of": "MDA"}
# a word that makes an ICEWS actor name an organisation, not a person
_ORG_WORDS = """army navy forces force police service bureau agency commission department office
council congress assembly authority bank institute house yard sabha rada party ministry court
committee association union parliament organization organizations organisation fund nations
treaty"""
ORG_WORDS = frozenset(_ORG_WORDS.split())
# organisation names without such a word, and a title given as a name; checked by hand
NOT_PEOPLE = frozenset(
    {"Al Jazeera", "Pdea", "Sabor", "Taba", "WAFA", "President of the Government"}
)
# where our country differs from ICEWS's on purpose (docs/EVALUATION.md gives each case)
ON_PURPOSE = {
    "Emmanuel Macron": "ICEWS codes the French president as Andorra (he is ex officio "
    "co-prince of Andorra); news about him is about France",
    "António Manuel de Oliveira Guterres": "UN Secretary-General since 2017: we code the "
    "office (UNO, IGO), ICEWS his nationality (Portugal)",
    "Federica Mogherini": "EU High Representative 2014-2019: we code the office (EUR, IGO), "
    "ICEWS her nationality (Italy)",
    "Tomislav Donchev": "Bulgaria's deputy prime minister; ICEWS's Burundi is an error (BGR/BDI)",
    # coded by ICEWS as IGO officials (listed, not counted in the rate)
    "Donald Tusk": "President of the European Council 2014-2019: EUR, not Poland",
    "Jean-Claude Juncker": "President of the European Commission 2014-2019: EUR, not Luxembourg",
    "Jens Stoltenberg": "NATO Secretary General 2014-2024: NAT, not Norway",
}


@dataclass
class Case:
    name: str
    icews: str  # ICEWS country name
    icews_code: str | None
    ours: str | None = None  # our country code
    resolved: str | None = None  # our actor's name
    sector: str | None = None
    how: str = ""
    another_person: bool = False


@dataclass
class Report:
    day: str
    rows: int
    names: int  # distinct names ICEWS codes "Government", organisations included
    organisations: list[str] = field(default_factory=list)
    same: list[Case] = field(default_factory=list)
    different: list[Case] = field(default_factory=list)
    unknown: list[Case] = field(default_factory=list)
    # people ICEWS codes as IGO officials (not Government): shown, not counted
    igo: list[Case] = field(default_factory=list)

    def on_purpose(self) -> list[Case]:
        return [c for c in self.different if c.name in ON_PURPOSE]

    def agreement(self) -> float:
        """Same country, or a difference listed in ON_PURPOSE, of all names checked."""
        ok = len(self.same) + len(self.on_purpose())
        return ok / self.checked if self.checked else 0.0

    @property
    def checked(self) -> int:
        return len(self.same) + len(self.different) + len(self.unknown)

    @property
    def known(self) -> int:
        return len(self.same) + len(self.different)

    def rate(self) -> float:
        """Same country, of all person names checked (the issue's bar: at least 0.9)."""
        return len(self.same) / self.checked if self.checked else 0.0

    def rate_known(self) -> float:
        return len(self.same) / self.known if self.known else 0.0

    def strict_rate(self) -> float:
        """Same country through the same person (surname-only matches to another excluded)."""
        good = [c for c in self.same if not c.another_person]
        return len(good) / self.checked if self.checked else 0.0

    def to_dict(self) -> dict:
        return {
            "day": self.day,
            "rows": self.rows,
            "government_names": self.names,
            "organisations_left_out": len(self.organisations),
            "checked": self.checked,
            "same": len(self.same),
            "different": len(self.different),
            "unknown": len(self.unknown),
            "same_rate": round(self.rate(), 4),
            "same_rate_of_known": round(self.rate_known(), 4),
            "same_rate_same_person": round(self.strict_rate(), 4),
            "agreement_with_differences_on_purpose": round(self.agreement(), 4),
            "on_purpose": {c.name: ON_PURPOSE[c.name] for c in self.on_purpose()},
            "igo_cases": [asdict(c) for c in self.igo],
            "same_by_another_person": [asdict(c) for c in self.same if c.another_person],
            "different_cases": [asdict(c) for c in self.different],
            "unknown_cases": [asdict(c) for c in self.unknown],
        }


def is_person_name(name: str) -> bool:
    if name in NOT_PEOPLE or "(" in name or not name.strip():
        return False
    words = {w.lower() for w in re.findall(r"[\w'-]+", name)}
    return not words & ORG_WORDS


def government_names(rows: list[dict], sector: str = "Government") -> dict[str, Counter]:
    """name -> Counter of ICEWS countries, for actors coded with `sector`."""
    names: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for side in ("Source", "Target"):
            sectors = [s.strip() for s in (r.get(f"{side} Sectors") or "").split(",")]
            if sector in sectors:
                names[r[f"{side} Name"].strip()][r[f"{side} Country"].strip()] += 1
    return names


def country_code(kb, name: str) -> str | None:
    from eventmill.actors.kb import phrase_key

    if name in ICEWS_NAMES:
        return ICEWS_NAMES[name]
    for e in kb.index.get(phrase_key(name), ()):
        if e.kind == "country":
            return e.ref.code
    return None


def resolve_name(kb, model, name: str, day: date):
    """Our resolver's person or title mention within the name (the one covering its last
    word first), or None."""
    from eventmill.actors.resolver import DocActors

    doc = model(f"{name} said on Friday.")
    n_words = len(model.tokenizer(name))
    actors = DocActors(kb, day)
    found = [
        m
        for sent in doc.sents
        for m in actors.mentions(sent)
        if m.kind in ("person", "office") and m.start < n_words
    ]
    last = [m for m in found if m.start <= n_words - 1 < m.end]
    return (last or found or [None])[0]


def _words(text: str) -> set[str]:
    from eventmill.actors.kb import fold

    return {w for w in re.split(r"[^\w]+", fold(text)) if w}


def is_another_person(kb, model, name: str, m) -> bool:
    """A surname match where no other word of the ICEWS name is in our person's names."""
    if not (m.how or "").startswith("surname"):
        return False
    matched = _words(m.actor.mention or "")
    rest = _words(name) - matched
    ours = _words(m.actor.name)
    person = kb.people.get(m.actor.kb_id or "")
    if person is not None:
        for alias in person.aliases:
            ours |= _words(alias)
    return bool(rest) and not any(_similar(w, o) for w in rest for o in ours)


def _similar(a: str, b: str) -> bool:
    """One word in two spellings: Bakytzhan / Bakhytzhan, Shoygu / Shoigu."""
    from difflib import SequenceMatcher

    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.8)


def check(shared: Path = DEFAULT_SHARED, day: date = DAY, kb=None) -> Report:
    from eventmill import nlp
    from eventmill.actors.kb import default_kb

    kb = kb or default_kb()
    model = nlp.load()
    with open(shared / SAMPLE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    names = government_names(rows)
    report = Report(day.isoformat(), len(rows), len(names))
    for name in sorted(names):
        if not is_person_name(name):
            report.organisations.append(name)
            continue
        case = _case(kb, model, name, names[name], day)
        if case.ours is None:
            report.unknown.append(case)
        elif case.ours == case.icews_code:
            report.same.append(case)
        else:
            report.different.append(case)
    igo = government_names(rows, "International Government Organization")
    for name in sorted(set(igo) - set(names)):
        if is_person_name(name) and " " in name:
            report.igo.append(_case(kb, model, name, igo[name], day))
    return report


def _case(kb, model, name: str, countries: Counter, day: date) -> Case:
    icews = countries.most_common(1)[0][0]
    case = Case(name, icews, country_code(kb, icews))
    m = resolve_name(kb, model, name, day)
    if m is not None and m.actor.country:
        a = m.actor
        case.ours, case.resolved, case.sector, case.how = a.country, a.name, a.sector, m.how
        case.another_person = is_another_person(kb, model, name, m)
    return case


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--date", type=date.fromisoformat, default=DAY)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list organisations")
    args = ap.parse_args(argv)
    if not (args.shared / SAMPLE).is_file():
        print(f"icews_actors: {args.shared / SAMPLE} not found", file=sys.stderr)
        return 2
    report = check(args.shared, args.date)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(
        f"ICEWS {SAMPLE.parent.name}: {report.rows} events, {report.names} distinct names coded "
        f"Government, {len(report.organisations)} of them organisations (left out)"
    )
    print(
        f"person names checked {report.checked}: same country {len(report.same)}, "
        f"different {len(report.different)}, unknown to us {len(report.unknown)}"
    )
    print(
        f"same country: {report.rate():.1%} of names checked, {report.rate_known():.1%} of the "
        f"names we know; {report.strict_rate():.1%} through the same person; "
        f"{report.agreement():.1%} counting the {len(report.on_purpose())} differences on "
        "purpose"
    )
    print("\ndifferent (name: ICEWS / ours, our actor):")
    for c in report.different:
        note = "  [another person with this surname]" if c.another_person else ""
        if c.name in ON_PURPOSE:
            note = f"  [on purpose: {ON_PURPOSE[c.name]}]"
        print(f"  {c.name}: {c.icews} ({c.icews_code}) / {c.ours} {c.sector}, {c.resolved}{note}")
    lucky = [c for c in report.same if c.another_person]
    if lucky:
        print("\nsame country, but through another person with the surname:")
        for c in lucky:
            print(f"  {c.name}: {c.icews_code}, {c.resolved}")
    print("\nunknown to us (ICEWS country):")
    for c in report.unknown:
        print(f"  {c.name} ({c.icews})")
    print("\npeople ICEWS codes as IGO officials (not counted above):")
    for c in report.igo:
        note = f"  [on purpose: {ON_PURPOSE[c.name]}]" if c.name in ON_PURPOSE else ""
        print(
            f"  {c.name}: {c.icews} ({c.icews_code}) / {c.ours or 'unknown'} "
            f"{c.sector or ''}{', ' + c.resolved if c.resolved else ''}{note}"
        )
    if args.verbose:
        print("\norganisations left out: " + "; ".join(report.organisations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
