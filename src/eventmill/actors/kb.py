"""The actor knowledge base: our data files (src/eventmill/data) loaded into lookup tables.

Files: countries.yaml, organisations.yaml, groups.yaml (armed groups), parties.yaml (political
parties), coalitions.yaml (named groups of states, expanded to their members), leaders/*.yaml
(dated terms of office), sectors.yaml (sector words and office titles). A user's overlay
(actors/overlay.py) is added on top and wins over ours. `kb_stats` reports the coverage
(`eventmill kb stats`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventmill.errors import KnowledgeBaseError

log = logging.getLogger(__name__)


class YAML_LOADER(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # noqa: N801
    """Safe YAML, with libyaml when the wheel has it (an imported overlay can hold tens of
    thousands of entries). A date that is no calendar day ("2030-13-01") stays a string,
    so the record reports it (E301) instead of the whole file failing."""


def _timestamp_or_text(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


YAML_LOADER.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

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
            "minister",
            "secretary_general",
            "commission_president",
            "council_president",
            "high_representative",
            "chairperson",
            "managing_director",
            "director_general",
            "official",
            "speaker",
            "opposition_leader",
            "judge",
            "legislator",
        )
    )
}
# `eventmill kb stats` counts terms of these offices as heads of state or government
HEAD_OF_STATE_OR_GOVERNMENT = HEAD_OFFICES + GOVERNMENT_OFFICES

# The 193 member states of the United Nations (ISO 3166-1 alpha-3) and its two observer
# states; `kb stats` names any that countries.yaml lacks.
_UN_MEMBERS = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
    BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP
    CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
    GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
    KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
    MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
    PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
    SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN
    TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = frozenset(_UN_MEMBERS.split())
UN_OBSERVERS = frozenset({"VAT", "PSE"})


class OfficeKey(str):
    """An office key that carries the sector of one term (`Term.sector`).

    Imported dictionaries code a person's role as a sector, not an office (PETRARCH's
    `[AZEELI 780101-030804]`): such a term has office `official` and its own sector. The key
    stays equal to the plain string, so `holders`, `OFFICE_RANK` and titles are unchanged,
    and `OfficeSectors.get(term.office)` (what the resolver asks) answers the term's sector.
    """

    sector: str | None

    def __new__(cls, key: str, sector: str | None = None):
        obj = super().__new__(cls, key)
        obj.sector = sector
        return obj


class OfficeSectors(dict):
    """office key -> sector, where a key carrying its own sector (OfficeKey) wins."""

    def get(self, key, default=None):
        own = getattr(key, "sector", None)
        return own if own else super().get(key, default)

    def __getitem__(self, key):
        own = getattr(key, "sector", None)
        return own if own else super().__getitem__(key)


@dataclass(frozen=True)
class Term:
    country: str
    office: str
    start: date
    end: date | None
    # an explicit sector overrides the office's (`office_sector`); imported terms use it
    sector: str | None = None

    def __post_init__(self):
        if self.sector and not isinstance(self.office, OfficeKey):
            object.__setattr__(self, "office", OfficeKey(self.office, self.sector))

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
    source: str = ""  # the data file or overlay the entry came from

    def terms_on(self, day: date) -> list[Term]:
        # on a day several terms cover, a state office outranks a party office (PTY), and
        # any office outranks standing as an elite (ELI); then the higher office wins
        return sorted(
            (t for t in self.terms if t.covers(day)),
            key=lambda t: (t.sector == "ELI", t.sector == "PTY", OFFICE_RANK.get(t.office, 99)),
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
    # what news calls its legislature alone, when other states' share the name ("Congress")
    legislature: str | None = None


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
class Coalition:
    """States that news names as one party ("six world powers"), between two dates."""

    name: str
    aliases: list[str]
    members: list[str]
    start: date | None = None
    end: date | None = None

    def names_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """What a phrase in text can name. kind is one of: country, demonym, capital, metonym,
    org, group, coalition, person, surname, office, sector."""

    kind: str
    ref: object
    sector: str | None = None


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    coalitions: list[Coalition] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, str] = field(default_factory=dict)  # title phrase -> office key
    office_sector: dict[str, str] = field(default_factory=OfficeSectors)
    leader_is_head_of_government: frozenset[str] = frozenset()
    sector_words: dict[str, str] = field(default_factory=dict)
    # lower-cased, tokenised phrase -> entries
    index: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    # (country, office) -> people who held it
    holders: dict[tuple[str, str], list[Person]] = field(default_factory=lambda: defaultdict(list))
    max_phrase_tokens: int = 1
    # every organisation and body as loaded (`organisations` keeps one per code)
    org_list: list[Organisation] = field(default_factory=list)
    # overlay files read: (path, entries used, error or None)
    overlays: list[tuple[str, int, str | None]] = field(default_factory=list)
    # first word of a phrase -> the most words a phrase starting with it has: the matcher
    # tries only the lengths that can match
    longest_from: dict[str, int] = field(default_factory=dict)
    # kb_id -> the index keys its entries were added under, to replace a person quickly
    person_keys: dict[str, list[str]] = field(default_factory=dict)
    # one-word index keys by the kinds of entry they hold, for reading misspelt names (built
    # when first asked, emptied whenever a phrase is added)
    _one_word_keys: dict[frozenset[str], list[str]] = field(
        default_factory=dict, init=False, repr=False
    )

    # ---- building -------------------------------------------------------------------
    def add_phrase(self, phrase: str, entry: Entry) -> str:
        key = phrase_key(phrase)
        if not key:
            return key
        entries = self.index[key]
        if not any(e.kind == entry.kind and e.ref is entry.ref for e in entries):
            entries.append(entry)
            self._one_word_keys.clear()
        n_tokens = key.count(" ") + 1
        self.max_phrase_tokens = max(self.max_phrase_tokens, n_tokens)
        first = key.split(" ", 1)[0]
        self.longest_from[first] = max(self.longest_from.get(first, 0), n_tokens)
        return key

    def legislature_called(self, code: str, text: str) -> bool:
        """Whether `text` ("Congress") is what news calls the legislature of `code` alone."""
        country = self.countries.get(code)
        return bool(country and country.legislature and fold(country.legislature) == fold(text))

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
        self.org_list.append(o)
        for name in [o.name, *o.aliases]:
            self.add_phrase(name, Entry("org", o, o.sector))

    def one_word_keys(self, *kinds: str) -> list[str]:
        """The one-word index keys holding an entry of one of `kinds`: country names and
        demonyms ("ethiopia"), people's surnames ("bouteflika")."""
        wanted = frozenset(kinds)
        if wanted not in self._one_word_keys:
            self._one_word_keys[wanted] = [
                key
                for key, entries in self.index.items()
                if " " not in key and any(e.kind in wanted for e in entries)
            ]
        return self._one_word_keys[wanted]

    def add_group(self, g: Group) -> None:
        self.groups.append(g)
        for name in [g.name, *g.aliases]:
            self.add_phrase(name, Entry("group", g, g.sector))

    def add_coalition(self, c: Coalition) -> None:
        self.coalitions.append(c)
        for name in [c.name, *c.aliases]:
            self.add_phrase(name, Entry("coalition", c))

    def add_person(self, p: Person) -> None:
        old = self.people.get(p.kb_id)
        if old is not None:  # an overlay entry replaces ours
            for term in old.terms:
                holders = self.holders[(term.country, term.office)]
                if old in holders:
                    holders.remove(old)
            for key in self.person_keys.pop(old.kb_id, ()):
                kept = [e for e in self.index.get(key, ()) if e.ref is not old]
                if kept:
                    self.index[key] = kept
                else:
                    self.index.pop(key, None)
        self.people[p.kb_id] = p
        keys = [self.add_phrase(name, Entry("person", p)) for name in [p.name, *p.aliases]]
        keys.append(self.add_phrase(p.surname, Entry("surname", p)))
        if p.surname == _default_surname(p.name):
            # "Mohamed Mursi" spells Morsi: the spelling's last word is his surname too
            # (not where the surname is set apart because its last word names others)
            for alias in p.aliases:
                other = _default_surname(alias)
                if " " in alias.strip() and other != alias and fold(other) != fold(p.surname):
                    keys.append(self.add_phrase(other, Entry("surname", p)))
        self.person_keys[p.kb_id] = [k for k in keys if k]
        for term in p.terms:
            self.holders[(term.country, term.office)].append(p)

    def add_spelling_variants(self) -> None:
        """ "Yanukovich" and "Yanukovych", "Aliev" and "Aliyev", "al-Khalifa" and "Al
        Khalifa": wires spell names transliterated from Cyrillic or Arabic two ways. Each
        other spelling of a person's name or surname names them too, unless it is a name or
        word we hold already; called once every person is in, so that both Aliyevs share
        "Aliev"."""
        variants: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        for p in self.people.values():
            for name in [p.name, *p.aliases]:
                for variant in [transliteration_variant(name), *article_variants(name)]:
                    if variant != name:
                        variants[phrase_key(variant)].append((variant, Entry("person", p)))
            # a surname keeps its hyphen: "al Thani" alone reads as Qatar's ruling family
            surnames = [v for v in article_variants(p.surname) if " " not in v]
            for variant in [transliteration_variant(p.surname), *surnames]:
                if variant != p.surname:
                    variants[phrase_key(variant)].append((variant, Entry("surname", p)))
        for key, spelt in variants.items():
            if not key or key in self.index:
                continue
            for variant, entry in spelt:
                self.add_phrase(variant, entry)
                self.person_keys[entry.ref.kb_id].append(key)

    # ---- lookups --------------------------------------------------------------------
    def term_sector(self, term: Term) -> str:
        """The sector a holder acts in during `term`: its own, else its office's."""
        return term.sector or self.office_sector.get(str(term.office), "GOV")

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


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents: news spells Guaidó, Guaido and GUAIDO alike."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


# endings spelt two ways in transliterations from Cyrillic: one -> the other
_TRANSLITERATED_ENDINGS = (
    ("ych", "ich"),
    ("ich", "ych"),
    ("skyy", "sky"),
    ("skiy", "sky"),
    ("yev", "ev"),
    ("yeva", "eva"),
)


def transliteration_variant(name: str) -> str:
    """The name with each word's transliterated ending spelt the other common way:
    "Viktor Yanukovych" -> "Viktor Yanukovich", "Ilham Aliyev" -> "Ilham Aliev"."""
    words = []
    for word in name.split():
        lower = word.lower()
        for ending, other in _TRANSLITERATED_ENDINGS:
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                word = word[: len(word) - len(ending)] + other
                break
        words.append(word)
    return " ".join(words)


# the Arabic article, written "al-Assad", "Al Assad", "el-Sisi" or "al-Sisi" by one wire or
# another
# (a first word only when hyphened, as a surname "al-Burhan": "Al Gore" is a first name)
_ARTICLE_HYPHEN = re.compile(r"(?:(?<= )|^)([AaEe]l)-(?=[A-Z])")
_ARTICLE_SPACE = re.compile(r"(?<= )([AaEe]l) (?=[A-Z])")
_ARTICLE = re.compile(r"(?:(?<= )([AaEe])l(?=[- ][A-Z])|^([AaEe])l(?=-[A-Z]))")


def article_variants(name: str) -> list[str]:
    """The other ways wires write a name's Arabic article: "Hamad bin Isa Al Khalifa" ->
    "Hamad bin Isa al-Khalifa"; "Abdel Fattah el-Sisi" -> "Abdel Fattah al-Sisi"."""
    out = []
    for form in (
        _ARTICLE_HYPHEN.sub(lambda m: m.group(1) + " ", name),
        _ARTICLE_SPACE.sub(lambda m: m.group(1) + "-", name),
        _ARTICLE.sub(lambda m: ("a" if (m.group(1) or m.group(2)) in "eE" else "e") + "l", name),
    ):
        if form != name and form not in out:
            out.append(form)
    return out


_REGNAL = re.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")


def _default_surname(name: str) -> str:
    """The last word of a name; for a monarch's regnal number or a "Jr." the whole name:
    "III" names no one, and "Mohammed" alone far more people than Mohammed VI."""
    words = name.split()
    if len(words) > 1 and _REGNAL.match(words[-1]):
        return name
    return words[-1]


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
    if isinstance(value, datetime):
        return value.date()
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
    """A leaders-format record: {name, surname?, aliases?, id?, wikidata?, terms: [{country,
    office, sector?, start, end}]}; `sector` overrides the office's sector for that term."""
    name = str(rec["name"]).strip()
    terms = []
    for t in rec.get("terms") or []:
        start = _date(t.get("start"), where)
        if start is None:
            raise KnowledgeBaseError(f"{where}: term of {name} without a start", "E302")
        sector = t.get("sector")
        terms.append(
            Term(
                str(t["country"]).upper(),
                str(t["office"]),
                start,
                _date(t.get("end"), where),
                str(sector).upper() if sector else None,
            )
        )
    surname = str(rec.get("surname") or _default_surname(name))
    kb_id = str(rec.get("id") or person_id(name))
    wikidata = rec.get("wikidata")
    return Person(
        kb_id,
        name,
        surname,
        [str(a) for a in rec.get("aliases") or []],
        str(wikidata) if wikidata else None,
        terms,
    )


def person_id(name: str) -> str:
    """The default `id` of a person: the name in lower case, spaces as underscores."""
    return name.strip().lower().replace(" ", "_")


def merge_people(old: Person, new: Person) -> Person:
    """One person named in two of our leaders files: all terms and aliases, first values kept."""
    aliases = list(old.aliases)
    aliases += [a for a in new.aliases if a not in aliases and a != old.name]
    if new.name != old.name and new.name not in aliases:
        aliases.append(new.name)
    terms = list(old.terms) + [t for t in new.terms if t not in old.terms]
    return Person(
        old.kb_id,
        old.name,
        old.surname,
        aliases,
        old.wikidata or new.wikidata,
        terms,
        old.source if old.source == new.source else f"{old.source}, {new.source}",
    )


def load_builtin() -> KnowledgeBase:
    kb = KnowledgeBase()
    sectors = _load_yaml("sectors.yaml") or {}
    kb.offices = {phrase_key(k): v for k, v in (sectors.get("offices") or {}).items()}
    kb.office_sector = OfficeSectors(sectors.get("office_sector") or {})
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
                legislature=rec.get("legislature"),
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
    # armed groups (REB unless noted) and political parties (PTY) are named the same way
    records = [(rec, "REB") for rec in _load_yaml("groups.yaml") or []]
    records += [(rec, "PTY") for rec in _load_yaml("parties.yaml") or []]
    for rec, default_sector in records:
        governs = rec.get("governs")
        kb.add_group(
            Group(
                str(rec["name"]),
                [str(a) for a in rec.get("aliases") or []],
                str(rec.get("country") or "").upper() or None,
                str(rec.get("sector", default_sector)),
                (str(governs["country"]), _date(governs.get("start"), rec["name"]))
                if isinstance(governs, dict)
                else None,
            )
        )
    for rec in _load_yaml("coalitions.yaml") or []:
        kb.add_coalition(
            Coalition(
                str(rec["name"]),
                [str(a) for a in rec.get("aliases") or []],
                [str(m).upper() for m in rec["members"]],
                _date(rec.get("start"), rec["name"]),
                _date(rec.get("end"), rec["name"]),
            )
        )
    leaders_dir = resources.files("eventmill").joinpath("data/leaders")
    for ref in sorted(
        (p for p in leaders_dir.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name
    ):
        records = yaml.load(ref.read_text("utf-8"), Loader=YAML_LOADER) or []
        for i, rec in enumerate(records):
            person = person_from_record(rec, f"data/leaders/{ref.name} entry {i + 1}")
            person.source = f"data/leaders/{ref.name}"
            old = kb.people.get(person.kb_id)
            if old is not None:
                # our files complete each other (officials_2018.yaml adds offices to people
                # listed elsewhere); only an overlay replaces an entry
                person = merge_people(old, person)
            kb.add_person(person)
    return kb


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """Our knowledge base plus the user's overlays ($EVENTMILL_HOME/overlays, default
    ~/.eventmill/overlays)."""
    from eventmill.actors.overlay import apply_user_overlays

    kb = load_builtin()
    apply_user_overlays(kb)
    kb.add_spelling_variants()
    return kb


def overlay_dir() -> Path:
    import os

    return Path(os.environ.get("EVENTMILL_HOME", Path.home() / ".eventmill")) / "overlays"


def kb_stats(kb: KnowledgeBase, day: date | None = None) -> dict:
    """Coverage figures of a loaded knowledge base (`eventmill kb stats`).

    `day` (default today) is the date for `un_members_without_leader`: the UN member states
    for which no head of state or government is known on that day.
    """
    day = day or date.today()
    codes = set(kb.countries)
    terms = [t for p in kb.people.values() for t in p.terms]
    per_office = Counter(str(t.office) for t in terms)
    heads = [t for t in terms if str(t.office) in HEAD_OF_STATE_OR_GOVERNMENT]
    top_orgs = [o for o in kb.org_list if o.body_of is None]
    armed = [g for g in kb.groups if g.sector in ("REB", "MIL")]
    leaderless = sorted(
        code
        for code in UN_MEMBERS & codes
        if not any(kb.holder(code, office, day) for office in HEAD_OF_STATE_OR_GOVERNMENT)
    )
    return {
        "states": {
            "count": len(codes),
            "un_members": len(UN_MEMBERS & codes),
            "un_members_missing": sorted(UN_MEMBERS - codes),
            "un_observers_missing": sorted(UN_OBSERVERS - codes),
            "other_territories": sorted(codes - UN_MEMBERS - UN_OBSERVERS),
        },
        "organisations": {
            "count": len(top_orgs),
            "bodies": len(kb.org_list) - len(top_orgs),
            "codes": len({o.code for o in top_orgs}),
        },
        "armed_groups": {
            "count": len(armed),
            "by_sector": dict(sorted(Counter(g.sector for g in armed).items())),
        },
        "parties": {
            "count": len(kb.groups) - len(armed),
            "countries": len({g.country for g in kb.groups if g.sector not in ("REB", "MIL")}),
        },
        "people": len(kb.people),
        "terms": {
            "total": len(terms),
            "heads_of_state_or_government": len(heads),
            "head_offices": list(HEAD_OF_STATE_OR_GOVERNMENT),
            "per_office": dict(per_office.most_common()),
        },
        "date": day.isoformat(),
        "un_members_without_leader": leaderless,
        "overlays": [
            {"path": path, "entries": n, "error": error} for path, n, error in kb.overlays
        ],
    }


# words that make a country's name part of a sea's or region's ("the Gulf of Oman", "the
# South China Sea", "the Niger Delta"): no state, and no place of it
FEATURE_BEFORE = frozenset({"gulf", "sea", "bay", "strait", "straits"})
FEATURE_AFTER = frozenset(
    # "Malaysia Airlines", "Kenya Airways": a firm named after the state is not the state
    {"sea", "gulf", "delta", "basin", "river", "airlines", "airways"}
)
# words right before a country's name that make it a feature's: "Lake Chad", "Mount Lebanon"
FEATURE_RIGHT_BEFORE = frozenset({"lake", "mount"})


def names_a_feature(doc, start: int, end: int) -> bool:
    """Whether doc[start:end], a country's name, is inside the name of a sea, gulf, delta,
    lake or airline."""
    before = (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in FEATURE_BEFORE
        and doc[start - 2].text[:1].isupper()
    )
    after = end < len(doc) and doc[end].lower_ in FEATURE_AFTER and doc[end].text[:1].isupper()
    right_before = (
        start >= 1
        and doc[start - 1].lower_ in FEATURE_RIGHT_BEFORE
        and doc[start - 1].text[:1].isupper()
    )
    return before or after or right_before
