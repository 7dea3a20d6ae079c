"""Readers that turn other people's actor lists into overlay records (`eventmill kb import`).

Three formats, each read into records of our leaders format (see `kb.person_from_record`):

- `petrarch`: PETRARCH/TABARI/Phoenix actor dictionaries. An entry line names an actor in
  capitals with underscores between words (`ILHAM_ALIYEV_`), optionally followed by codes on
  the same line; `+` lines give synonyms of the entry above; code lines (`[AZEGOV >031031]`)
  give its role codes, each optionally restricted in time: `>DATE` from that day on, `<DATE`
  before it, `DATE-DATE` between the two; a code without a restriction holds whenever no
  dated one does. Dates are YYMMDD (years 00-30 are 20xx, others 19xx) or YYYYMMDD. A code is
  a country (three letters) and role letters in groups of three (`AZEGOVDEV`): the first
  known role code is the sector (GOV, ELI, MIL, ...); `IGO` + an organisation code is that
  organisation. `#` starts a comment; `[---]` means "no actor". Entries with a role code
  become people, whose terms have office `official` and the code's sector (ELI terms rank
  below offices on a day both cover: `Person.terms_on`); country entries (`[AFG]`) and
  region codes are counted and left out, and so are codes of countries we do not have
  (reported per line). An entry without any dated code is most often an institution
  (`[AFGMIL]`): its surname is its whole name, so its last word alone names nothing.
  Entry names are title-cased (`RUFUS_T._FIREFLY_` -> "Rufus T. Firefly"); one name twice
  is one person with all the terms.
- `wikidata`: a Wikidata SPARQL query result in JSON of people holding positions (variables
  such as person, personLabel, positionLabel, start, end, country or countryLabel): rows are
  grouped by person, position labels mapped to our office keys, the Q-id kept.
- `yaml`: a file already in our leaders format: checked (dates, known country codes) and
  copied.

Every reader goes on after a bad line or row and reports it (`Problem`), never stopping.
This module was written for eventmill from the format descriptions; it shares no code with
PETRARCH.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventmill.actors.kb import YAML_LOADER, fold, person_from_record
from eventmill.errors import KnowledgeBaseError

FORMATS = ("petrarch", "wikidata", "yaml")
# a PETRARCH code restricted only by "<DATE" holds from the beginning of the record
OPEN_START = date(1800, 1, 1)
# CAMEO role codes that can follow a country code; the first one found is the sector
_ROLES = """COP GOV INS JUD MIL OPP REB SEP SPY UAF PTY AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI
LAB LEG MED REF MOD RAD IGO NGO NGM"""
ROLE_CODES = frozenset(_ROLES.split())
IMPORTED_OFFICE = "official"
# codes PETRARCH dictionaries use for states that ISO (and our data) code otherwise
CODE_ALIASES = {"KSV": "XKX", "TMP": "TLS"}


@dataclass
class Problem:
    """Something an importer could not read or use: where, why, and the text itself."""

    where: str  # "file:line" or "file: binding 3"
    reason: str
    text: str = ""

    def line(self) -> str:
        text = self.text.strip()
        return f"{self.where}: {self.reason}" + (f": {text[:120]!r}" if text else "")


@dataclass
class ImportResult:
    fmt: str
    records: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0  # entries (or rows) read in the input
    skipped: Counter = field(default_factory=Counter)  # entries left out, by reason
    unreadable_lines: int = 0  # lines (or rows) that could not be read at all
    codes_left_out: int = 0  # readable codes we cannot use (a country we do not know)
    verbatim: str | None = None  # yaml: the file's text, when it can be copied as it is

    @property
    def terms(self) -> int:
        return sum(len(r.get("terms") or []) for r in self.records)


# --------------------------------------------------------------------------- known codes
@lru_cache(maxsize=1)
def known_codes() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """(country codes, organisation codes, folded country name -> code) from our data
    files, read without building the whole knowledge base."""

    def load(name: str):
        ref = resources.files("eventmill").joinpath(f"data/{name}")
        return yaml.load(ref.read_text("utf-8"), Loader=YAML_LOADER) if ref.is_file() else []

    countries, orgs, names = set(), set(), {}
    for rec in load("countries.yaml") or []:
        code = str(rec["code"]).upper()
        countries.add(code)
        for n in [rec.get("name"), *(rec.get("aliases") or [])]:
            if n:
                names.setdefault(_name_key(str(n)), code)
    for rec in load("countries.yaml") or []:  # demonyms last: names win
        for n in rec.get("demonyms") or []:
            names.setdefault(_name_key(str(n)), str(rec["code"]).upper())
    for rec in load("organisations.yaml") or []:
        code = str(rec["code"])
        if code in ("IGO", "NGO"):
            continue  # shared codes name no single organisation
        orgs.add(code)
        for n in [rec.get("name"), *(rec.get("aliases") or [])]:
            if n:
                names.setdefault(_name_key(str(n)), code)
        for body in rec.get("bodies") or []:
            for n in [body.get("name"), *(body.get("aliases") or [])]:
                if n:
                    names.setdefault(_name_key(str(n)), code)
    return frozenset(countries), frozenset(orgs), names


def _name_key(text: str) -> str:
    words = re.sub(r"[^\w]+", " ", fold(text)).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def country_from_text(text: str) -> str | None:
    """An ISO code or organisation code named by a country name, alias or demonym."""
    _, _, names = known_codes()
    return names.get(_name_key(text))


# --------------------------------------------------------------------------- guessing
def guess_format(text: str) -> str | None:
    """petrarch, wikidata or yaml, from the content; None when it looks like none of them."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except ValueError:
            return None
        if isinstance(data, dict) and isinstance(data.get("results"), dict):
            return "wikidata"
        return None
    code_lines = sum(
        1 for line in text.splitlines()[:2000] if re.match(r"\s*\[[A-Z-]{3,}[^\]]*\]", line)
    )
    if code_lines:
        return "petrarch"
    try:
        data = yaml.load(stripped, Loader=YAML_LOADER)
    except yaml.YAMLError:
        return None
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        return "yaml"
    return None


def import_file(path: Path, fmt: str | None = None) -> ImportResult:
    """Read `path` in `fmt` (guessed when None). Raises KnowledgeBaseError when the file
    cannot be read at all; problems inside it are in the result."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc.strerror or exc}", "E310") from exc
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    if fmt is None:
        fmt = guess_format(text)
        if fmt is None:
            raise KnowledgeBaseError(
                f"{path}: cannot tell the format; give --format petrarch, wikidata or yaml",
                "E311",
            )
    if fmt == "petrarch":
        return read_petrarch(text, str(path))
    if fmt == "wikidata":
        return read_wikidata(text, str(path))
    if fmt == "yaml":
        return read_yaml(text, str(path))
    raise KnowledgeBaseError(f"unknown import format {fmt!r}", "E311")


# --------------------------------------------------------------------------- PETRARCH
@dataclass
class _Code:
    line: int
    text: str
    country: str | None  # None: "[---]" or a code that names no person's role
    sector: str | None
    start: date | None
    end: date | None
    dated: bool


@dataclass
class _Entry:
    line: int
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[_Code] = field(default_factory=list)


_BAD_NAME = re.compile(r"[\[\]{}<>=!|;\\]")
_CODE = re.compile(r"\[([^\[\]]*)\]")


def _clean_name(raw: str) -> str:
    text = raw.replace("_", " ").replace('"', " ").replace("`", "")
    words = text.replace(",", " , ").split()
    # capitals are the dictionary's convention, not the name's: ILHAM -> Ilham
    text = " ".join(w.title() if w.isupper() else w for w in words)
    return text.replace(" , ", ", ").strip(" ,")


def _petrarch_date(digits: str) -> date:
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return date(year, int(digits[2:4]), int(digits[4:6]))
    if len(digits) == 8:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    raise ValueError(f"a date is YYMMDD or YYYYMMDD, not {digits!r}")


def _parse_code(inner: str, line: int, orgs: frozenset[str]) -> _Code:
    """One bracketed code; ValueError with the reason when it cannot be read."""
    parts = inner.strip().split(None, 1)
    if not parts:
        raise ValueError("empty code []")
    code = parts[0]
    rest = parts[1].strip() if len(parts) > 1 else ""
    start = end = None
    if rest:
        m_open = re.fullmatch(r"([<>])\s*(\d+)", rest)
        m_range = re.fullmatch(r"(\d+)\s*-\s*(\d+)", rest)
        try:
            if m_open:
                day = _petrarch_date(m_open.group(2))
                start, end = (day, None) if m_open.group(1) == ">" else (OPEN_START, day)
            elif m_range:
                start, end = _petrarch_date(m_range.group(1)), _petrarch_date(m_range.group(2))
                if end < start:
                    raise ValueError(f"date range ends before it starts: {rest!r}")
                if end == start:  # one day (our ends are exclusive)
                    end = date.fromordinal(start.toordinal() + 1)
            else:
                raise ValueError(f"a date restriction is >DATE, <DATE or DATE-DATE, not {rest!r}")
        except ValueError as exc:
            msg = str(exc)
            if "month" in msg or "day is out of range" in msg or "year" in msg:
                msg = f"not a calendar date in {rest!r} ({msg})"
            raise ValueError(msg) from None
    if code == "---":
        return _Code(line, inner, None, None, start, end, bool(rest))
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        raise ValueError(f"a code is letters in groups of three, not {code!r}")
    country, roles = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    country = CODE_ALIASES.get(country, country)
    sector = None
    if country == "IGO" and roles and roles[0] in orgs:
        country, sector = roles[0], "IGO"
    else:
        sector = next((r for r in roles if r in ROLE_CODES), None)
    return _Code(line, inner, country, sector, start, end, bool(rest))


def read_petrarch(text: str, where: str) -> ImportResult:
    countries, orgs, _ = known_codes()
    result = ImportResult("petrarch")
    entries: list[_Entry] = []
    current: _Entry | None = None

    def problem(n: int, reason: str, raw: str) -> None:
        result.problems.append(Problem(f"{where}:{n}", reason, raw))

    for n, raw in enumerate(text.splitlines(), 1):
        body = raw.split("#", 1)[0]
        content = body.strip()
        if not content:
            continue
        if "{" in content or "}" in content:
            problem(n, "{...} blocks belong to verb dictionaries, not actor entries", raw)
            result.unreadable_lines += 1
            continue
        codes_text = _CODE.findall(content)
        outside = _CODE.sub(" ", content)
        if "[" in outside or "]" in outside:
            problem(n, "unbalanced [ ]", raw)
            result.unreadable_lines += 1
            continue
        outside = outside.strip()
        if outside.startswith("+"):
            if current is None:
                problem(n, "a synonym with no entry before it", raw)
                result.unreadable_lines += 1
                continue
            names = [_clean_name(s) for s in outside.split("+")]
            names = [s for s in names if s]
            bad = [s for s in names if _BAD_NAME.search(s) or not re.search(r"\w", s)]
            if not names or bad:
                problem(n, "not a name", raw)
                result.unreadable_lines += 1
                continue
            current.synonyms.extend(names)
        elif outside:
            name = _clean_name(outside)
            if _BAD_NAME.search(name) or not re.search(r"[^\W\d_]", name):
                problem(n, "not an actor name", raw)
                result.unreadable_lines += 1
                # its synonym and code lines belong to nothing we keep: read them quietly
                current = _Entry(n, "")
                continue
            current = _Entry(n, name)
            entries.append(current)
        elif current is None:
            problem(n, "a code with no entry before it", raw)
            result.unreadable_lines += 1
            continue
        line_ok = True
        for inner in codes_text:
            try:
                code = _parse_code(inner, n, orgs)
            except ValueError as exc:
                problem(n, str(exc), raw)
                line_ok = False
                continue
            if code.country and code.sector and code.country not in countries | orgs:
                problem(
                    n, f"country {code.country} is not in our knowledge base; code left out", raw
                )
                result.codes_left_out += 1
                continue
            current.codes.append(code)
        if not line_ok:
            result.unreadable_lines += 1

    result.entries = len(entries)
    by_name: dict[str, dict] = {}
    for entry in entries:
        rec = _petrarch_record(entry)
        if rec is None:
            result.skipped[_why_not_person(entry)] += 1
            continue
        old = by_name.get(rec["name"])
        if old is None:
            by_name[rec["name"]] = rec
            continue
        # the same name twice: one person with all the terms
        for alias in rec.get("aliases", []):
            if alias not in old.setdefault("aliases", []):
                old["aliases"].append(alias)
        old["terms"] = sorted(
            old["terms"] + [t for t in rec["terms"] if t not in old["terms"]],
            key=lambda t: (t["start"], t["sector"] == "ELI"),
        )
        result.skipped["merged with an entry of the same name"] += 1
    result.records = list(by_name.values())
    return result


def _why_not_person(entry: _Entry) -> str:
    if not entry.codes:
        return "no usable code"
    if all(c.country is None for c in entry.codes):
        return "coded [---] (no actor)"
    if any(c.sector is None for c in entry.codes if c.country):
        return "a country, place or group code, not a person"
    return "no usable code"


def _petrarch_record(entry: _Entry) -> dict | None:
    person_codes = [c for c in entry.codes if c.country and c.sector]
    if not person_codes:
        return None
    if any(c.country and not c.sector for c in entry.codes):
        return None  # a country or region entry ([AFG], [GBRVGB]) that also has role codes
    dated = [c for c in person_codes if c.dated]
    undated = [c for c in person_codes if not c.dated]
    terms = [_term(c.country, c.sector, c.start or OPEN_START, c.end) for c in dated]
    if undated:
        gaps = _gaps([(c.start or OPEN_START, c.end) for c in dated])
        for c in undated:
            terms.extend(_term(c.country, c.sector, s, e) for s, e in gaps)
    terms.sort(key=lambda t: (t["start"], t["sector"] == "ELI"))
    unique = []
    for t in terms:
        if t not in unique:
            unique.append(t)
    rec: dict = {"name": entry.name}
    if not dated:
        # no dates: most often an institution ("AFGHAN_NATIONAL_SECURITY_FORCES_ [AFGMIL]");
        # its last word alone ("Forces") must not name it, so the surname is the whole name
        rec["surname"] = entry.name
    aliases = []
    for s in entry.synonyms:
        if s != entry.name and s not in aliases:
            aliases.append(s)
    if aliases:
        rec["aliases"] = aliases
    rec["terms"] = unique
    return rec


def _term(country: str, sector: str, start: date, end: date | None) -> dict:
    return {
        "country": country,
        "office": IMPORTED_OFFICE,
        "sector": sector,
        "start": start,
        "end": end,
    }


def _gaps(spans: list[tuple[date, date | None]]) -> list[tuple[date, date | None]]:
    """The stretches from OPEN_START on that no span covers: where an undated code holds."""
    gaps: list[tuple[date, date | None]] = []
    cursor: date | None = OPEN_START
    for start, end in sorted(spans, key=lambda s: s[0]):
        if cursor is None:
            break
        if start > cursor:
            gaps.append((cursor, start))
        if end is None:
            cursor = None
        elif end > cursor:
            cursor = end
    if cursor is not None:
        gaps.append((cursor, None))
    return gaps


# --------------------------------------------------------------------------- Wikidata
# position label (folded) -> office key; the first rule that matches wins
_OFFICE_RULES = [
    (r"\bvice[- ]president\b", "vice_president"),
    (r"\b(deputy|vice)[- ]prime minister\b|\bvice[- ]premier\b|\bdeputy premier\b", "minister"),
    (r"\bpresident of the government\b", "prime_minister"),  # Spain's head of government
    (r"\bprime minister\b|\bpremier\b|\bhead of government\b", "prime_minister"),
    (r"\bchancellor of the exchequer\b", "minister"),
    (r"\bchancellor\b", "chancellor"),
    (
        r"\bdefen[cs]e (minister|secretary)\b|\bminister (of|for) (national )?defen[cs]e\b"
        r"|\bsecretary (of state )?(of|for) defen[cs]e\b|\bminister of (the )?armed forces\b",
        "defence_minister",
    ),
    (
        r"\bforeign (minister|secretary)\b|\bminister (of|for) (foreign|external) "
        r"(affairs|relations)\b|\bsecretary of state for foreign\b"
        r"|^(united states |us )?secretary of state$",
        "foreign_minister",
    ),
    (r"\bsecretary[- ]general\b", "secretary_general"),
    (r"\bsupreme leader\b", "supreme_leader"),
    (r"\bleader of (the )?opposition\b|\bopposition leader\b", "opposition_leader"),
    (r"\bspeaker\b|\bchairman of the (state duma|national assembly)\b", "speaker"),
    (r"\bminister\b|\bsecretary of state for\b|\bsecretary of (the )?\w+$", "minister"),
    (r"\bcrown prince\b", "crown_prince"),
    (r"\bking\b", "king"),
    (r"\bqueen\b", "queen"),
    (r"\bemir\b|\bamir\b", "emir"),
    (r"\bsultan\b", "sultan"),
    (r"\bmonarch\b|\bgrand duke\b|\bprince of\b", "monarch"),
    (r"\bpresident\b", "president"),
    (r"\bhead of state\b", "head_of_state"),
    (r"\bgovernor\b|\bmayor\b|\bambassador\b|\bspokes(man|woman|person)\b", "official"),
    (r"\bmember of (the )?(parliament|national assembly|senate|house|bundestag)\b", "legislator"),
]


def office_from_label(label: str) -> str | None:
    """Our office key for a Wikidata position label ("President of Azerbaijan" -> president)."""
    text = fold(label).strip()
    for pattern, office in _OFFICE_RULES:
        if re.search(pattern, text):
            return office
    return None


def country_from_position(label: str) -> str | None:
    """The country or organisation a position label names: "... of Azerbaijan", or a
    demonym in front ("Azerbaijani Minister of Defence")."""
    text = fold(label)
    parts = re.split(r"\bof\b", text)
    for i in range(len(parts) - 1, 0, -1):
        code = country_from_text("of".join(parts[i:]))
        if code:
            return code
    words = _name_key(label).split()
    for n in (3, 2, 1):
        if len(words) >= n:
            code = country_from_text(" ".join(words[:n]))
            if code:
                return code
    return None


def _wd_date(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        raise ValueError(f"not a date: {value!r}")
    year, month, day = (int(g) for g in m.groups())
    # Wikidata writes a date known only to the year or month with zeros
    return date(year, max(month, 1), max(day, 1))


def read_wikidata(text: str, where: str) -> ImportResult:
    countries, orgs, _ = known_codes()
    result = ImportResult("wikidata")
    try:
        data = json.loads(text)
        bindings = data["results"]["bindings"]
        if not isinstance(bindings, list):
            raise TypeError
    except (ValueError, KeyError, TypeError) as exc:
        raise KnowledgeBaseError(
            f"{where}: not a SPARQL JSON result (results.bindings missing)", "E312"
        ) from exc
    people: dict[str, dict] = {}
    for i, b in enumerate(bindings, 1):
        result.entries += 1
        spot = f"{where}: binding {i}"

        def bad(reason: str, b=b, spot=spot) -> None:
            result.problems.append(Problem(spot, reason, json.dumps(_flat(b), ensure_ascii=False)))
            result.unreadable_lines += 1

        if not isinstance(b, dict):
            bad("not a JSON object")
            continue
        v = _flat(b)
        person = v.get("person") or v.get("item") or v.get("human") or ""
        qid_match = re.search(r"(Q\d+)$", person)
        qid = qid_match.group(1) if qid_match else None
        name = (v.get("personLabel") or v.get("itemLabel") or v.get("name") or "").strip()
        if not name or re.fullmatch(r"Q\d+", name):
            bad("no name (personLabel)")
            continue
        label = (v.get("positionLabel") or v.get("position") or "").strip()
        office = office_from_label(label) if label else None
        if office is None:
            bad(f"position {label!r} is not an office we know" if label else "no position")
            continue
        country = None
        raw_country = (v.get("country") or "").strip()
        if re.fullmatch(r"[A-Za-z]{3}", raw_country) and raw_country.upper() in countries | orgs:
            country = raw_country.upper()
        if country is None and v.get("countryLabel"):
            country = country_from_text(v["countryLabel"])
        if country is None and v.get("countryCode"):
            code = v["countryCode"].strip().upper()
            country = code if code in countries else None
        if country is None:
            country = country_from_position(label)
        if country is None:
            bad(f"no country we know for {label!r}")
            continue
        try:
            start = _wd_date(v.get("start") or v.get("startTime"))
            end = _wd_date(v.get("end") or v.get("endTime"))
        except ValueError as exc:
            bad(str(exc))
            continue
        if start is None:
            bad("no start date")
            continue
        if end is not None and end <= start:
            bad("ends before it starts")
            continue
        term = {"country": country, "office": office, "start": start, "end": end}
        if country in orgs:
            term["sector"] = "IGO"
        key = qid or name
        rec = people.setdefault(key, {"name": name, "wikidata": qid, "terms": []})
        if term not in rec["terms"]:
            rec["terms"].append(term)
    names = Counter(r["name"] for r in people.values())
    for rec in people.values():
        if not rec["wikidata"]:
            del rec["wikidata"]
        elif names[rec["name"]] > 1:  # two people of one name: keep them apart
            rec["id"] = f"{rec['name'].lower().replace(' ', '_')}_{rec['wikidata'].lower()}"
        rec["terms"].sort(key=lambda t: t["start"])
    result.records = list(people.values())
    return result


def _flat(binding: dict) -> dict[str, str]:
    """{"var": {"type": ..., "value": v}} -> {"var": v}."""
    out = {}
    for key, cell in binding.items():
        if isinstance(cell, dict) and "value" in cell:
            out[key] = str(cell["value"])
        elif isinstance(cell, str):
            out[key] = cell
    return out


# --------------------------------------------------------------------------- YAML
def read_yaml(text: str, where: str) -> ImportResult:
    countries, orgs, _ = known_codes()
    result = ImportResult("yaml")
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{where}: not YAML: {str(exc).splitlines()[0]}", "E313") from exc
    if not isinstance(data, list):
        raise KnowledgeBaseError(f"{where}: not a list of actor records", "E313")
    lines = [node.start_mark.line + 1 for node in getattr(root, "value", [])]
    for i, rec in enumerate(data):
        result.entries += 1
        spot = f"{where}:{lines[i] if i < len(lines) else '?'}"

        def bad(reason: str, rec=rec, spot=spot) -> None:
            shown = rec.get("name", "") if isinstance(rec, dict) else rec
            result.problems.append(Problem(spot, reason, str(shown)))
            result.unreadable_lines += 1

        if not isinstance(rec, dict) or not rec.get("name"):
            bad("not an actor record (a mapping with a name)")
            continue
        try:
            person = person_from_record(rec, spot)
        except KnowledgeBaseError as exc:
            bad(exc.args[0].split(": ", 1)[-1])
            continue
        except (KeyError, TypeError, AttributeError) as exc:
            bad(f"a term lacks {exc}" if isinstance(exc, KeyError) else "malformed terms")
            continue
        unknown = sorted({t.country for t in person.terms} - countries - orgs)
        if unknown:
            bad(f"country code {', '.join(unknown)} is not in our knowledge base")
            continue
        backwards = [t for t in person.terms if t.end is not None and t.end <= t.start]
        if backwards:
            bad(f"a term ends before it starts ({backwards[0].start} to {backwards[0].end})")
            continue
        result.records.append(rec)
    if not result.problems:
        result.verbatim = text
    return result
