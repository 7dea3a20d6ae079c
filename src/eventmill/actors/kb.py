"""The actor knowledge base: our data files (src/eventmill/data) loaded into lookup tables.

Files: countries.yaml, organisations.yaml, groups.yaml, leaders/*.yaml (dated terms of
office), sectors.yaml (sector words and office titles). A user's overlay (actors/overlay.py)
is added on top and wins over ours.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventmill.errors import KnowledgeBaseError

log = logging.getLogger(__name__)

HEAD_OFFICES = (
    "supreme_leader",
    "president",
    "king",
    "queen",
    "monarch",
    "emir",
    "sultan",
    "head_of_state",
)
GOVERNMENT_OFFICES = ("prime_minister", "chancellor")
# When a surname alone fits several office holders on a date, the higher office wins.
OFFICE_RANK = {
    o: i
    for i, o in enumerate(
        HEAD_OFFICES
        + GOVERNMENT_OFFICES
        + (
            "crown_prince",
            "vice_president",
            "foreign_minister",
            "defence_minister",
            "secretary_general",
            "opposition_leader",
        )
    )
}


@dataclass(frozen=True)
class Term:
    country: str
    office: str
    start: date
    end: date | None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class Person:
    kb_id: str
    name: str
    surname: str
    aliases: list[str]
    wikidata: str | None
    terms: list[Term]

    def terms_on(self, day: date) -> list[Term]:
        return sorted(
            (t for t in self.terms if t.covers(day)), key=lambda t: OFFICE_RANK.get(t.office, 99)
        )

    def last_term_before(self, day: date) -> Term | None:
        past = [t for t in self.terms if t.start <= day]
        return max(past, key=lambda t: t.start) if past else None


@dataclass
class Country:
    code: str
    name: str
    aliases: list[str]
    demonyms: list[str]
    capital: str | None
    metonyms: dict[str, str]


@dataclass
class Organisation:
    code: str
    name: str
    aliases: list[str]
    sector: str
    body_of: str | None = None


@dataclass
class Group:
    name: str
    aliases: list[str]
    country: str
    sector: str
    governs: tuple[str, date] | None = None


@dataclass
class Entry:
    """What a phrase in text can name. kind is one of: country, demonym, capital, metonym,
    org, group, person, surname, office, sector."""

    kind: str
    ref: object
    sector: str | None = None


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, str] = field(default_factory=dict)  # title phrase -> office key
    office_sector: dict[str, str] = field(default_factory=dict)
    leader_is_head_of_government: frozenset[str] = frozenset()
    sector_words: dict[str, str] = field(default_factory=dict)
    # lower-cased, tokenised phrase -> entries
    index: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    # (country, office) -> people who held it
    holders: dict[tuple[str, str], list[Person]] = field(default_factory=lambda: defaultdict(list))
    max_phrase_tokens: int = 1

    # ---- building -------------------------------------------------------------------
    def add_phrase(self, phrase: str, entry: Entry) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        entries = self.index[key]
        if not any(e.kind == entry.kind and e.ref is entry.ref for e in entries):
            entries.append(entry)
        self.max_phrase_tokens = max(self.max_phrase_tokens, key.count(" ") + 1)

    def add_country(self, c: Country) -> None:
        self.countries[c.code] = c
        for name in [c.name, *c.aliases]:
            self.add_phrase(name, Entry("country", c))
        for demonym in c.demonyms:
            self.add_phrase(demonym, Entry("demonym", c))
        if c.capital:
            self.add_phrase(c.capital, Entry("capital", c))
        for name, sector in c.metonyms.items():
            self.add_phrase(name, Entry("metonym", c, sector))

    def add_organisation(self, o: Organisation) -> None:
        self.organisations.setdefault(o.code, o)
        for name in [o.name, *o.aliases]:
            self.add_phrase(name, Entry("org", o, o.sector))

    def add_group(self, g: Group) -> None:
        self.groups.append(g)
        for name in [g.name, *g.aliases]:
            self.add_phrase(name, Entry("group", g, g.sector))

    def add_person(self, p: Person) -> None:
        old = self.people.get(p.kb_id)
        if old is not None:  # an overlay entry replaces ours
            for term in old.terms:
                holders = self.holders[(term.country, term.office)]
                if old in holders:
                    holders.remove(old)
            for key in list(self.index):
                self.index[key] = [e for e in self.index[key] if e.ref is not old]
        self.people[p.kb_id] = p
        for name in [p.name, *p.aliases]:
            self.add_phrase(name, Entry("person", p))
        self.add_phrase(p.surname, Entry("surname", p))
        for term in p.terms:
            self.holders[(term.country, term.office)].append(p)

    # ---- lookups --------------------------------------------------------------------
    def holder(self, country: str, office: str, day: date) -> tuple[Person, Term] | None:
        """Who held `office` in `country` on `day`; 'leader' means the head of the executive."""
        if office == "leader":
            if country in self.leader_is_head_of_government:
                order = GOVERNMENT_OFFICES + HEAD_OFFICES
            else:
                order = HEAD_OFFICES + GOVERNMENT_OFFICES
            for candidate in order:
                found = self.holder(country, candidate, day)
                if found:
                    return found
            return None
        offices = HEAD_OFFICES if office == "head_of_state" else (office,)
        for off in offices:
            for person in self.holders.get((country, off), ()):
                for term in person.terms:
                    if term.country == country and term.office == off and term.covers(day):
                        return person, term
        return None

    def country_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code in self.countries:
            return self.countries[code].name
        if code in self.organisations:
            return self.organisations[code].name
        return code


def fold(text: str) -> str:
    """Lower case without accents: news spells Guaidó, Guaido and GUAIDO alike."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def phrase_key(phrase: str) -> str:
    """Tokenise a phrase the way spaCy tokenises text, folded and space-joined."""
    tokens = [fold(t) for t in _tokenizer()(phrase.strip())]
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def tokens_key(tokens) -> str:
    """The index key of a run of spaCy tokens."""
    return " ".join(fold(t.text) for t in tokens)


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    nlp = spacy.blank("en")
    return lambda text: [t.text for t in nlp.tokenizer(text)]


def _date(value, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: bad date {text!r}", "E301") from exc


def _load_yaml(name: str):
    ref = resources.files("eventmill").joinpath(f"data/{name}")
    if not ref.is_file():
        log.warning("knowledge base file data/%s is missing", name)
        return None
    return yaml.safe_load(ref.read_text("utf-8"))


def person_from_record(rec: dict, where: str) -> Person:
    name = str(rec["name"]).strip()
    terms = []
    for t in rec.get("terms") or []:
        start = _date(t.get("start"), where)
        if start is None:
            raise KnowledgeBaseError(f"{where}: term of {name} without a start", "E302")
        terms.append(
            Term(str(t["country"]).upper(), str(t["office"]), start, _date(t.get("end"), where))
        )
    surname = str(rec.get("surname") or name.split()[-1])
    kb_id = str(rec.get("id") or name.lower().replace(" ", "_"))
    return Person(
        kb_id, name, surname, [str(a) for a in rec.get("aliases") or []], rec.get("wikidata"), terms
    )


def load_builtin() -> KnowledgeBase:
    kb = KnowledgeBase()
    sectors = _load_yaml("sectors.yaml") or {}
    kb.offices = {phrase_key(k): v for k, v in (sectors.get("offices") or {}).items()}
    kb.office_sector = dict(sectors.get("office_sector") or {})
    kb.leader_is_head_of_government = frozenset(sectors.get("leader_is_head_of_government") or ())
    for sector, words in (sectors.get("sectors") or {}).items():
        for w in words:
            kb.sector_words[phrase_key(w)] = sector
            kb.add_phrase(w, Entry("sector", None, sector))
    for title, office in (sectors.get("offices") or {}).items():
        kb.add_phrase(title, Entry("office", office))

    for rec in _load_yaml("countries.yaml") or []:
        kb.add_country(
            Country(
                code=str(rec["code"]).upper(),
                name=str(rec["name"]),
                aliases=[str(a) for a in rec.get("aliases") or []],
                demonyms=[str(d) for d in rec.get("demonyms") or []],
                capital=rec.get("capital"),
                metonyms={str(k): str(v) for k, v in (rec.get("metonyms") or {}).items()},
            )
        )
    for rec in _load_yaml("organisations.yaml") or []:
        org = Organisation(
            str(rec["code"]),
            str(rec["name"]),
            [str(a) for a in rec.get("aliases") or []],
            str(rec.get("sector", "IGO")),
        )
        kb.add_organisation(org)
        for body in rec.get("bodies") or []:
            kb.add_organisation(
                Organisation(
                    org.code,
                    str(body["name"]),
                    [str(a) for a in body.get("aliases") or []],
                    org.sector,
                    body_of=org.name,
                )
            )
    for rec in _load_yaml("groups.yaml") or []:
        governs = rec.get("governs")
        kb.add_group(
            Group(
                str(rec["name"]),
                [str(a) for a in rec.get("aliases") or []],
                str(rec.get("country") or "").upper() or None,
                str(rec.get("sector", "REB")),
                (str(governs["country"]), _date(governs.get("start"), rec["name"]))
                if isinstance(governs, dict)
                else None,
            )
        )
    leaders_dir = resources.files("eventmill").joinpath("data/leaders")
    for ref in sorted(
        (p for p in leaders_dir.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name
    ):
        records = yaml.safe_load(ref.read_text("utf-8")) or []
        for i, rec in enumerate(records):
            kb.add_person(person_from_record(rec, f"data/leaders/{ref.name} entry {i + 1}"))
    return kb


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """Our knowledge base plus the user's overlays ($EVENTMILL_HOME/overlays, default
    ~/.eventmill/overlays)."""
    from eventmill.actors.overlay import apply_user_overlays

    kb = load_builtin()
    apply_user_overlays(kb)
    return kb


def overlay_dir() -> Path:
    import os

    return Path(os.environ.get("EVENTMILL_HOME", Path.home() / ".eventmill")) / "overlays"
