"""Actor mentions in a sentence, resolved against the knowledge base on the story's date.

The resolver reads a parsed sentence, finds the phrases our knowledge base knows (names,
demonyms, capitals, titles, sector words), joins the pieces that make one actor
("Armenian" + "Prime Minister" + "Nikol Pashinyan", "Russia" + "'s" + "army") and resolves
each to an Actor: a person through their term of office on that day, a title through
whoever held it, a sector word through the country beside it. A DocActors object keeps what
a story has said so far, so that a surname after a first full mention, "he", and "the two
countries" resolve to what the story meant.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Token

from eventmill.actors.kb import (
    GOVERNMENT_OFFICES,
    HEAD_OFFICES,
    Entry,
    KnowledgeBase,
    Person,
    fold,
    names_a_feature,
    tokens_key,
)
from eventmill.coding.places import CITY_PREPS, gazetteer, names_a_city
from eventmill.schema import Actor

COUNTRYISH = ("country", "demonym", "capital", "metonym")
# "U.S.-led", "Saudi-backed": a state named inside one token as the one leading or backing
# words after a person's name that make it a place's or a building's ("Thomas Shoal")
NAMED_PLACE_WORDS = frozenset(
    {
        "shoal", "reef", "island", "islands", "strait", "bay", "lake", "river", "street",
        "square", "avenue", "airport", "bridge", "stadium", "hospital", "university",
        "boulevard", "park", "port", "mountain", "mountains", "hill", "valley", "canal",
    }
)
# a state's government named by a possessive pronoun ("his government would not")
GOVERNMENT_WORDS = frozenset({"government", "administration", "cabinet"})
# possessive pronouns whose owner is the doer of the clause above ("said its soldiers")
OWNER_PRONOUNS = frozenset({"its", "their", "his", "her"})
LED_SUFFIXES = frozenset({"led", "backed", "sponsored", "brokered", "funded", "supported"})
HEAD_AND_GOVERNMENT = frozenset(HEAD_OFFICES + GOVERNMENT_OFFICES)
# how long after leaving office a former head is still named by surname alone
FORMER_HEAD_DAYS = 15 * 365
# words of rank or standing between a country and a title that do not change whose it is
RANK_WORDS = frozenset(
    {
        "junior",
        "senior",
        "deputy",
        "acting",
        "former",
        "top",
        "chief",
        "new",
        "interim",
        "assistant",
        "outgoing",
        "caretaker",
        "veteran",
        "leading",
        "powerful",
        "hardline",
        "moderate",
        "exiled",
        "retired",
        "then",
        "special",
    }
)
# nouns of a post held for a state or a body: "U.N. human rights chief Navi Pillay", "Saudi
# national security adviser Musaad al-Aiban", "Wagner mercenary chief Yevgeny Prigozhin"
POST_NOUNS = frozenset(
    {
        "chief", "head", "leader", "spokesman", "spokeswoman", "spokesperson", "adviser",
        "advisor", "commander", "envoy", "ambassador", "minister", "secretary", "president",
        "director", "general", "admiral", "colonel", "official", "representative",
        "negotiator", "governor", "mayor", "prosecutor", "judge", "commissioner", "chairman",
        "chairwoman", "chair", "coordinator", "rapporteur", "boss",
    }
)
# posts whose holder is of the armed forces or the courts, not the government
MILITARY_POSTS = frozenset({"commander", "general", "admiral", "colonel"})
JUDICIAL_POSTS = frozenset({"prosecutor", "judge"})
# military ranks: sector words (MIL) only as the title of one named ("Captain Amadou
# Sanogo", "Colonel Assimi Goita"), not alone ("the ship's captain")
RANKS = frozenset(
    {"captain", "colonel", "lieutenant", "sergeant", "admiral", "brigadier", "corporal"}
)
# titles of those sent abroad: named in a story, most often a foreign state's
ENVOY_TITLES = frozenset({"ambassador", "envoy", "diplomat", "consul", "emissary", "attache"})
# a sector word alone names a domestic actor: its country is the story's
# capitalised words before "leaders" that name no people or faith: regions and blocs
# ("African leaders", "Western leaders" are leaders of states), parties and chambers
NOT_A_PEOPLE = frozenset(
    {"african", "arab", "asian", "european", "western", "eastern", "northern", "southern",
     "latin", "american", "gulf", "nordic", "balkan", "caribbean", "pacific", "middle",
     "central", "north", "south", "east", "west", "international", "global", "regional",
     "world", "republican", "democratic", "democrat", "conservative", "labour", "liberal",
     "congressional", "senate", "house", "party", "opposition", "government", "military",
     "army", "coalition", "rebel", "separatist", "militant", "senior", "top", "former"}
)
DOMESTIC_SECTORS = frozenset(
    {"COP", "CVL", "OPP", "REB", "LEG", "JUD", "MED", "BUS", "NGO", "PTY", "MIL", "SPY"}
)
SECTOR_LABEL = {
    "GOV": "government",
    "MIL": "armed forces",
    "COP": "police",
    "SPY": "intelligence",
    "LEG": "legislature",
    "JUD": "judiciary",
    "OPP": "opposition",
    "PTY": "party",
    "REB": "rebels",
    "CVL": "civilians",
    "MED": "media",
    "BUS": "business",
    "NGO": "NGO",
}
# what a number of states named together before is called: "the three governments"
LISTED_STATE_NOUNS = frozenset({"country", "government", "power", "nation", "state"})
LIST_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "3": 3, "4": 4, "5": 5, "6": 6}
PAIR_NOUNS = frozenset(
    {
        "country",
        "side",
        "party",
        "leader",
        "president",
        "nation",
        "state",
        "government",
        "neighbour",
        "neighbor",
        "minister",
        "capital",
        "rival",
        "foe",
        "adversary",
        "delegation",
    }
)
PLACE_PREPS = CITY_PREPS  # "in", "at", "near", ... before a place's name
# words that say a body is not the one of the place it acts in, or is no one's we can name
ALIEN_WORDS = frozenset(
    {"foreign", "outside", "external", "unnamed", "unspecified", "dark", "hostile"}
)
# "West African leaders", "the Southeast Asian bloc": an organisation's adjective on the
# members it is made of names the organisation acting
MEMBER_NOUNS = frozenset(
    {
        "leader",
        "bloc",
        "state",
        "nation",
        "government",
        "country",
        "neighbour",
        "neighbor",
        "ruler",
        "member",
        "head",
        "partner",
    }
)
PRONOUNS = frozenset({"he", "she", "him", "her"})
# verbs whose object pronoun ("accusing it of", "urged them to") is the one addressed
ADDRESSING_VERBS = frozenset({"accuse", "blame", "urge", "warn"})
# "the emirate", "the kingdom": a definite description of a state named before
STATE_NOUNS = frozenset(
    {
        "emirate",
        "kingdom",
        "country",
        "republic",
        "nation",
        "state",
        "neighbour",
        "neighbor",
        "island",
        "monarchy",
        "regime",
    }
)


@dataclass
class Mention:
    start: int  # token offsets in the spaCy Doc, end exclusive
    end: int
    head: int
    actor: Actor
    kind: str  # person, office, country, org, group, sector, pair, pronoun, coalition
    modifier: bool = False  # an adjective on a noun that is not an actor ("Russian stand")
    place_like: bool = False  # a place after "in"/"at": a location more than an actor
    pair: tuple[Actor, Actor] | None = None
    members: tuple[Actor, ...] = ()  # a coalition's states: an event with it is with each
    how: str = ""  # how it was resolved, for --explain

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


# the shortest word read as a misspelt country name: "Iran" and "Iraq" are one edit apart
MISSPELT_MIN_LENGTH = 6
# the titles before a misspelt name of an office holder ("President Bouteflicka")
MISSPELT_NAME_TITLES = frozenset(
    {"president", "premier", "minister", "chancellor", "king", "secretary-general"}
)
# names of other places (and things) one edit from a country's: never a misspelling
# (British Columbia, Columbia University)
REAL_NEAR_COUNTRY_NAMES = frozenset({"columbia", "columbian"})


@dataclass
class _Raw:
    start: int
    end: int
    entries: list[Entry]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}


def _category(raw: _Raw) -> str:
    kinds = raw.kinds()
    if kinds & {"person", "surname"}:
        return "person"
    if "office" in kinds:
        return "office"
    if kinds & set(COUNTRYISH):
        return "country"
    if "org" in kinds:
        return "org"
    if "group" in kinds:
        return "group"
    if "coalition" in kinds:
        return "coalition"
    return "sector"


# which category may follow which inside one actor phrase
_JOINS = {
    ("country", "office"),
    ("country", "sector"),
    ("country", "person"),
    ("office", "person"),
    ("org", "office"),
    ("org", "sector"),
    ("org", "person"),
    ("group", "sector"),
    ("group", "office"),
    ("sector", "person"),
    ("country", "org"),
}


# words the parser puts before a surname in a person's name that are no first names
GIVEN_NAME_EXEMPT = frozenset(
    {"president", "minister", "general", "gen", "prime", "king", "queen", "prince", "sheikh",
     "dr", "mr", "mrs", "ms", "sir", "lord", "premier", "chancellor", "senator", "judge"}
)
# the two sides of a civil war: the state's forces and those who fight them
STATE_SIDE = frozenset({"GOV", "MIL", "COP"})
REBEL_SIDE = frozenset({"REB", "OPP"})
# how many mentions a story's dateline country is worth when finding where a story is set
DATELINE_WEIGHT = 4


@dataclass
class DocActors:
    """Per-story memory: who has been named so far, and how often each country."""

    kb: KnowledgeBase
    day: date
    by_surname: dict[str, Actor] = field(default_factory=dict)
    # surnames of full names the story gave that are no one we know ("Joanne Liu"): the
    # surname alone later is that person, not a namesake in the knowledge base
    unknown_surnames: set[str] = field(default_factory=set)
    # surnames remembered from a surname alone, before any full name: a guess
    surnames_guessed: set[str] = field(default_factory=set)
    recent: list[Actor] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)
    last_person: Actor | None = None
    last_subject_person: Actor | None = None
    # the subject of the last sentence that was a state, organisation, group or named body:
    # what a sentence's opening "It" stands for
    last_subject_body: Actor | None = None
    dateline_country: str | None = None
    # the first two states the story joins by "and" ("Saudi Arabia and Iran agreed")
    story_pair: tuple[Actor, Actor] | None = None
    # whether the story joined them in its first sentence or its datelined lead, where a
    # story names its two sides
    pair_in_lead: bool = False
    # the last three or more states the story named together, by their number ("Germany,
    # Britain and France demanded ...": the three): what "the three governments" names
    story_lists: dict[int, tuple[Actor, ...]] = field(default_factory=dict)
    sentences_read: int = 0

    # ------------------------------------------------------------------ public
    def mentions(self, sent) -> list[Mention]:
        raws = self._match(sent)
        mentions = self._group(sent, raws)
        # "rights chief Volker Turk", "Mark English": a state's word as a person's surname;
        # "Latin American countries", "South American leaders": a region's, not the United
        # States'
        mentions = [
            m
            for m in mentions
            if not ((m.kind == "country" and _in_a_name(sent, m)) or _of_a_region(sent, m))
        ]
        mentions.extend(self._unknown_people(sent, mentions))
        mentions.extend(self._led_by(sent, mentions))
        # "army chief Abdel Fatah al-Burhan": a word inside a name we took in whole (here a
        # party's) names no one of its own
        mentions = [
            m
            for m in mentions
            if not any(
                o is not m
                and o.start <= m.start
                and m.end <= o.end
                and o.end - o.start > m.end - m.start
                for o in mentions
            )
        ]
        mentions = [_ethnic_group(sent, m) for m in mentions]
        # "pro-Russian separatists", "anti-American protesters": a stance toward a state,
        # not the state's own people
        mentions = [m for m in (_stance_toward(sent, m) for m in mentions) if m is not None]
        # "drills near the Gulf of Oman", "the Niger Delta": a sea or region, not the state
        mentions = [
            m
            for m in mentions
            if not (m.kind == "country" and names_a_feature(sent.doc, m.start, m.end))
        ]
        filed_at = dateline_end(sent)
        for m in mentions:
            if m.start < filed_at:
                m.place_like = True  # "BAKU, Dec 30 —": where the story was filed
                if self.dateline_country is None and m.actor.country in self.kb.countries:
                    self.dateline_country = m.actor.country
        # "Venezuela, Ecuador and Bolivia pulled their envoys ..., and Brazil recalled its
        # own from the three countries": the list may come before its number in one sentence
        self._remember_lists(sent, mentions)
        mentions.extend(self._pairs_and_pronouns(sent, mentions))
        for m in mentions:
            self._owned_by_pronoun(sent, m, mentions)
        self.sentences_read += 1
        if self.story_pair is None:
            self.story_pair = self._joined_states(sent, mentions)
            self.pair_in_lead = self.sentences_read == 1 or filed_at > sent.start
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            if not m.modifier and not m.place_like and m.kind != "pair":
                self._remember(m.actor, full_name=m.how.startswith("full name"))
        # "he" most often continues the last sentence's subject, not its last name
        subject = next((t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if (
            subject is not None
            and subject.lower_ in self.unknown_surnames
            and not any(m.start <= subject.i < m.end for m in mentions)
        ):
            # "Liu said ... She urged": the subject is someone we do not know, whom "she"
            # goes on with; no one named before
            self.last_subject_person = self.last_person = None
        subject_person = next(
            (
                m
                for m in mentions
                if m.kind in ("person", "office")
                and sent.doc[m.head].dep_ in ("nsubj", "nsubjpass")
            ),
            None,
        )
        # "Opposition parties demanded Pashinyan's resignation. He refused": a sentence
        # whose subject is no person hands "he" on to the person it is about
        about = [m for m in mentions if m.kind == "person" and not m.place_like]
        if subject_person is not None:
            self.last_subject_person = subject_person.actor
        elif about:
            self.last_subject_person = about[-1].actor
        for m in mentions:
            if (
                m.kind in ("country", "org", "group", "sector")
                and m.actor.country is not None
                and not m.place_like
                and sent.doc[m.head].dep_ == "nsubj"
                and sent.doc[m.head].tag_ not in ("NNS", "NNPS")
            ):
                self.last_subject_body = m.actor
                break
        return mentions

    def filed_abroad(self, home: str | None) -> bool:
        """Whether a story datelined in country `home` was filed from there about others: it
        names other countries and not that one ("DUBAI, Sept 22 (Reuters) - Protests ... in
        Iran"). A regional bureau's dateline says where the reporter sat, not where things
        happened."""
        return (
            home is not None
            and not self.countries[home]
            and any(n for c, n in self.countries.items() if c and c != home)
        )

    def dominant_country(self) -> str | None:
        """The country the story is set in: the one named most so far, its dateline's
        ("BAMAKO, Jan 14 —") counting as DATELINE_WEIGHT mentions unless the story was
        filed abroad. Unknown rebels, protesters and police belong to it."""
        counts = Counter(self.countries)
        if self.dateline_country is not None and not self.filed_abroad(self.dateline_country):
            counts[self.dateline_country] += DATELINE_WEIGHT
        # a state, never an organisation's code: a story that names the U.N. most is still
        # set in a country ("Naypyitaw blames the insurgents" are no U.N. rebels)
        common = [c for c, _ in counts.most_common() if c in self.kb.countries]
        return common[0] if common else None

    # ------------------------------------------------------------------ matching
    def _match(self, sent) -> list[_Raw]:
        kb = self.kb
        doc = sent.doc
        out: list[_Raw] = []
        folded = [fold(t.text) for t in sent]
        i = sent.start
        while i < sent.end:
            found = None
            first = folded[i - sent.start]
            # the plural of a one-word title ("presidents") is looked up without its "s"
            longest = max(kb.longest_from.get(first, 0), kb.longest_from.get(first[:-1], 0))
            for length in range(min(longest, sent.end - i), 0, -1):
                tokens = doc[i : i + length]
                key = " ".join(folded[i - sent.start : i - sent.start + length])
                entries = kb.index.get(key)
                if (
                    not entries
                    and key.endswith("s")
                    and len(key) > 3
                    and not any(c.lower_ in ("two", "both") for c in tokens[-1].children)
                ):
                    # "foreign ministers": the plural of a title ("the two presidents" is
                    # a pair, read later)
                    entries = [e for e in kb.index.get(key[:-1], []) if e.kind == "office"]
                if entries:
                    # "Santos thanked ...": a capitalised surname already named in this
                    # story is that person even where the tagger calls it a common noun
                    named_before = (
                        len(tokens) == 1 and key in self.by_surname and tokens[0].text[:1].isupper()
                    )
                    entries = [
                        e
                        for e in entries
                        if self._case_ok(e, tokens)
                        or (named_before and e.kind == "surname")
                        or (e.kind == "surname" and self._opening_officeholder(e, tokens))
                    ]
                    if any(e.kind in COUNTRYISH or e.kind in ("org", "group") for e in entries):
                        # "Montenegro" the country, not Portugal's prime minister
                        entries = [e for e in entries if e.kind != "surname"]
                    if (
                        len(tokens) == 1
                        and key not in self.by_surname
                        and (key in self.unknown_surnames or _city_word(tokens[0], key))
                    ):
                        # "Joanne Liu ... Liu said": not Liu Chao-shiuan; "LAGOS, Oct 22",
                        # "Lagos protesters", "the violence in Lagos": the city, not
                        # Ricardo Lagos
                        entries = [e for e in entries if e.kind != "surname"]
                    if (
                        len(tokens) == 1
                        and key not in self.by_surname
                        and i + 1 < sent.end
                        and _people_word(kb, doc[i + 1])
                    ):
                        # "Uighurs attacked Han Chinese": a people's name before a nation's
                        # word, not South Korea's Han Seung-soo
                        entries = [e for e in entries if e.kind != "surname"]
                if entries:
                    found = _Raw(i, i + length, entries)
                    break
            if found is None:
                found = self._misspelt_country(doc[i])
            if found is None:
                found = self._misspelt_surname(doc[i])
            if found:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out

    def _misspelt_country(self, token) -> _Raw | None:
        """A country named with one slip of the keyboard ("Afganistan", "Ethopia", "Quatar"):
        a place or people the tagger found, spelt within one edit of a one-word country name
        or demonym we know. Short words are left alone: "Iran" and "Iraq" differ by one."""
        if (
            len(token.text) < MISSPELT_MIN_LENGTH
            or not token.text[:1].isupper()
            or token.ent_type_ not in ("GPE", "NORP", "ORG", "")
            or (token.ent_type_ == "" and token.pos_ != "PROPN")
        ):
            return None
        word = fold(token.text)
        if word in REAL_NEAR_COUNTRY_NAMES:
            return None
        close = _one_slip_from(word, self.kb.one_word_keys("country", "demonym"))
        if len(close) != 1:
            return None  # none, or too close to call
        entries = [e for e in self.kb.index[close[0]] if e.kind in ("country", "demonym")]
        return _Raw(token.i, token.i + 1, entries) if entries else None

    def _misspelt_surname(self, token) -> _Raw | None:
        """ "President Abdelaziz Bouteflicka", "Prime Minister Boris Jonson": the last word
        of a person's name the tagger found, spelt within one edit of the surname of one
        office holder we know, in office on the story's date. The name must follow a title
        ("President", "Prime Minister"); short words and names close to two people are left
        alone."""
        doc = token.doc
        if (
            len(token.text) < MISSPELT_MIN_LENGTH
            or not token.text[:1].isupper()
            or token.ent_type_ != "PERSON"
            or token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
            or token.i == 0
            or not doc[token.i - 1].text[:1].isupper()
        ):
            return None
        first = token.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        titled = [doc[k].lower_ for k in range(max(first - 1, 0), token.i)]
        if not any(w in MISSPELT_NAME_TITLES for w in titled):
            return None  # "Sheikh Mujibur Rahman", "Riad al-Solh Square": no office named
        word = fold(token.text)
        close = {
            id(e.ref): e
            for key in _one_slip_from(word, self.kb.one_word_keys("surname"))
            for e in self.kb.index[key]
            if e.kind == "surname" and e.ref.terms_on(self.day)
        }
        if len(close) != 1:
            return None  # none in office that day, or too close to call
        return _Raw(token.i, token.i + 1, list(close.values()))

    def _opening_officeholder(self, entry: Entry, tokens) -> bool:
        """ "Guterres condemned ...": a surname opening the sentence as its subject, which the
        tagger took for a plural noun, names its holder when they were in office that day."""
        first = tokens[0]
        return (
            len(tokens) == 1
            and first.i == first.sent.start
            and first.is_title
            and first.pos_ == "NOUN"
            and first.dep_ in ("nsubj", "nsubjpass")
            and bool(entry.ref.terms_on(self.day))
        )

    @staticmethod
    def _case_ok(entry: Entry, tokens) -> bool:
        first = tokens[0]
        if entry.kind == "sector" and len(tokens) == 1 and first.i > first.sent.start:
            # "West Bank": the end of a place's name ("Thai Army" stays an army: a people's
            # name and an organisation are two entities)
            before = first.doc[first.i - 1]
            place = ("GPE", "LOC", "FAC")
            if first.ent_type_ in place and before.ent_type_ in place and first.ent_iob_ == "I":
                return False
        if entry.kind == "coalition":
            return True  # "world powers" is written in lower case
        if entry.kind in ("office", "sector"):
            # "official visit", "military supplies": adjectives name no actor; "the
            # military seized power": the tagger's ADJ on a subject does
            return (
                len(tokens) > 1
                or first.pos_ in ("NOUN", "PROPN")
                or first.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
            )
        if not (first.text[:1].isupper() or first.text[:1].isdigit()):
            return False
        if len(tokens) == 1 and not first.text.isupper():
            # "Who" opening a question is not the WHO: a name we know only in capitals
            # must be written in capitals
            ref = entry.ref
            names = [getattr(ref, "name", ""), *(getattr(ref, "aliases", None) or [])]
            spelled = [n for n in names if n and fold(n) == fold(first.text)]
            if spelled and all(n.isupper() for n in spelled):
                return False
        if entry.kind == "surname" and first.ent_type_ == "PERSON":
            # "Jonathan Powell" is not Goodluck Jonathan: a surname standing first in a
            # longer name names this person only if another word of the name is theirs too
            # ("Aso Taro", "Najib Abdul Razak"); at the end it does ("Anatolyevich Medvedev")
            ent = next((e for e in first.doc.ents if e.start <= first.i < e.end), None)
            others = [t for t in ent if t.i >= tokens.end] if ent else []
            if others:  # the surname stands first in a longer name
                words = _name_words(entry.ref)
                if not any(fold(t.text) in words for t in others):
                    return False
        if entry.kind == "surname" and first.ent_type_ in ("PERSON", "ORG"):
            # the small model often takes a name it does not know for an organisation
            # ("Sidya Toure" tagged ORG)
            ent = next((e for e in first.doc.ents if e.start <= first.i < e.end), None)
            rest = [
                t
                for t in (ent or [])
                if not (tokens.start <= t.i < tokens.end)
                and fold(t.text) not in GIVEN_NAME_EXEMPT
            ]
            if 1 <= len(rest) <= 2 and rest[0].i < first.i and all(_given_name(t) for t in rest):
                # "Sidya Toure" is not Amadou Toumani Toure, "Jose Wilson Sanchez" not Pedro
                # Sanchez: first names none of which is theirs, even spelt another way
                # ("Bakytzhan" for "Bakhytzhan"); not a patronymic ("Anatolyevich Medvedev")
                words = _name_words(entry.ref)
                if not any(fold(t.text)[:3] == w[:3] for t in rest for w in words):
                    return False
        if (
            entry.kind == "surname"
            and first.i > 0
            and first.doc[first.i - 1].text == "-"
            and not first.doc[first.i - 1].whitespace_
        ):
            return False  # "Mazar-i-Sharif" names no Sharif
        if entry.kind in ("surname", "person") and tokens.end < len(first.doc):
            after = first.doc[tokens.end]
            if after.lower_ in NAMED_PLACE_WORDS and after.text[:1].isupper():
                return False  # "Second Thomas Shoal", "Mandela Square": a place named so
        if entry.kind == "surname" and len(tokens) == 1:
            # "May" the month, "Brown" the colour: a surname alone must be a proper noun
            if first.ent_type_ in ("DATE", "TIME", "CARDINAL"):
                return False
            return (
                first.pos_ == "PROPN"
                or (first.pos_ == "NOUN" and first.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
                # "Pezeshkian said", "met Pezeshkian": the small tagger takes a surname ending
                # like a people's adjective for one, but no adjective is a verb's subject or
                # object
                or (
                    first.pos_ == "ADJ"
                    and first.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
                    and first.text.istitle()
                )
            )
        if (
            entry.kind == "country"
            and len(tokens) == 1
            and first.text.isupper()
            and len(first.text) <= 3
        ):
            # "US" and "UK" are countries, "IT" and "US" in all-caps headlines may not be
            return first.ent_type_ in ("GPE", "ORG", "NORP", "") and first.pos_ == "PROPN"
        return True

    # ------------------------------------------------------------------ grouping
    def _group(self, sent, raws: list[_Raw]) -> list[Mention]:
        doc = sent.doc
        groups: list[list[_Raw]] = []
        for raw in raws:
            if groups:
                last = groups[-1][-1]
                gap = doc[last.end : raw.start]
                gap_words = [t.lower_ for t in gap]
                joinable = gap_words in ([], ["'s"], ["’s"], ["of"], ["of", "the"])
                cats = [_category(r) for r in groups[-1]]
                if (
                    gap_words
                    and all(w in RANK_WORDS for w in gap_words if w not in ("'s", "’s"))
                    and _category(raw) in ("office", "sector")
                ):
                    # "Nigerian junior foreign minister", "Syrian senior army officers"
                    joinable = True
                if (
                    gap_words == ["-", "led"]
                    and cats[-1] == "country"
                    and _category(raw) == "sector"
                ):
                    # "Vietnamese-led forces", "Saudi-led troops": the forces of the state that
                    # leads them (spaCy splits the hyphen off)
                    joinable = True
                if joinable and (cats[-1], _category(raw)) in _JOINS and _category(raw) not in cats:
                    # "of" only joins title/sector to a country after it: "president of Iran"
                    if gap_words[:1] == ["of"] and not (
                        cats[-1] in ("office", "sector") and _category(raw) in ("country", "org")
                    ):
                        groups.append([raw])
                        continue
                    groups[-1].append(raw)
                    continue
                if (
                    joinable
                    and gap_words[:1] == ["of"]
                    and cats[-1] in ("office", "sector")
                    and _category(raw) in ("country", "org")
                ):
                    groups[-1].append(raw)
                    continue
            groups.append([raw])
        mentions = []
        for group in groups:
            m = self._resolve_group(sent, group)
            if m is not None:
                mentions.append(m)
        return mentions

    def _resolve_group(self, sent, group: list[_Raw]) -> Mention | None:
        doc = sent.doc
        start, end = group[0].start, group[-1].end
        span = doc[start:end]
        mention_text = span.text
        by_cat: dict[str, _Raw] = {_category(r): r for r in group}
        country_code, country_sector, country_kind = self._country_of(by_cat)
        head = span.root.i
        home = self.dominant_country()
        if (
            country_kind == "country"
            and home not in (None, country_code)
            and self.kb.legislature_called(home, mention_text)
        ):
            # "Congress voted to remove Castillo" in a story about Peru is Peru's Congress
            country_code, country_sector = home, "LEG"
        if country_kind == "country" and country_sector == "LEG":
            # "Peru's Congress", "Brazil's Congress": the legislature of the state that owns it,
            # though the word alone is another's
            owner = next(
                (
                    e.ref.code
                    for c in doc[head].children
                    if c.dep_ == "poss"
                    for e in self.kb.index.get(tokens_key([c]), ())
                    if e.kind == "country"
                ),
                None,
            )
            if owner is not None:
                country_code = owner

        if "person" in by_cat:
            person = self._pick_person(by_cat["person"], country_code)
            if person is None:
                return None
            actor, how = person
            actor.mention = mention_text
            if actor.sector in ("UNK", "ELI") and _opposition_post(doc[head]):
                # "George Papandreou, leader of the opposition Socialists,": one out of
                # office who leads the opposition now acts for it
                actor = replace(actor, sector="OPP")
                how = f"{how}; an opposition post in apposition"
            return Mention(start, end, head, actor, "person", how=how)

        if "coalition" in by_cat:
            return self._coalition_mention(by_cat["coalition"], start, end, head, mention_text)

        if "office" in by_cat and country_kind != "group":
            office = next(e.ref for e in by_cat["office"].entries if e.kind == "office")
            return self._office_mention(sent, start, end, head, mention_text, office, country_code)

        if "sector" in by_cat and "group" not in by_cat:
            sector = next(e.sector for e in by_cat["sector"].entries if e.kind == "sector")
            how = "sector word"
            if doc[head].lower_ in RANKS and _person_after(doc, end) is None:
                if country_code is None:
                    return None  # "a fishing boat captain": a rank names an officer only as a title
                # "the Japanese captain of a trawler": a person of that state, no officer
                sector, how = "CVL", "a rank with no name, a person of its state"
            if country_code is None:
                # "Turkey's education ministry", "Sudan's feared intelligence agents": the
                # state that owns the body is its possessor, though words stand between
                country_code = self._possessor_country(doc[head])
                if country_code is not None:
                    how = "sector word, its possessor's"
            if country_code is None:
                # "the government", "the authorities": the story's state; a bare "officials"
                # could be anyone's
                definite = start > 0 and (
                    doc[start - 1].lower_ == "the"
                    # "the conservative government": an adjective between (not a number:
                    # "the two ministers" are two states')
                    or (
                        start > 1
                        and doc[start - 2].lower_ == "the"
                        and doc[start - 1].pos_ == "ADJ"
                        and doc[start - 1].dep_ == "amod"
                    )
                    # "his government" (whose: `_owned_by_pronoun`); not "its ambassadors",
                    # a force or envoy the coder tells apart as the doer's own
                    or (
                        doc[start - 1].lower_ in OWNER_PRONOUNS
                        and doc[head].lemma_.lower() in GOVERNMENT_WORDS
                        and doc[head].dep_ in ("nsubj", "nsubjpass")
                    )
                    # "Authorities cut internet access": the bare plural opening a sentence
                ) or (
                    start == sent.start
                    and doc[head].lower_ == "authorities"
                    and doc[head].dep_ in ("nsubj", "nsubjpass")
                )
                # "Nineveh governor Atheel al-Nujaifi": an office held by one named, like
                # "the governor", is the story's state's when no other is named; not an
                # envoy's, most often a foreigner's ("Ambassador Philip Goldberg")
                named = definite or (
                    _person_after(doc, end) is not None
                    and doc[head].lemma_.lower() not in ENVOY_TITLES
                )
                if sector not in DOMESTIC_SECTORS and not (sector == "GOV" and named):
                    return None
                if any(
                    c.dep_ == "amod" and c.lower_ in ALIEN_WORDS and not start <= c.i < end
                    for c in doc[head].children
                ):
                    # "foreign forces", "unnamed forces": not the place's ("the foreign
                    # ministry" is a body's own name)
                    return None
                # the country is the event's place, else the story's: the coder decides
                how = "sector word, country of the place or the story"
                placed = any(
                    c.dep_ == "prep" and c.lower_ in ("in", "from", "of")
                    for c in doc[head].children
                )
                if sector == "NGO" and not placed:
                    # "human rights groups", "aid agencies": of no state; the code DESIGN.md
                    # gives non-governmental organisations ("Kenyan rights groups" are Kenya's
                    # and "rights groups in Kenya" the coder places)
                    country_code, how = "NGO", "sector word, a non-governmental organisation"
            if country_kind == "org":
                sector = "IGO" if sector == "GOV" else sector
            label = SECTOR_LABEL.get(sector, sector)
            name = f"{self.kb.country_name(country_code) or 'unknown'} {label}"
            if country_code == "NGO":
                name = "non-governmental organisations"  # the code's, of no state
            actor = Actor(name, country_code, sector, mention_text)
            person = _person_after(doc, end)
            if person is not None:
                # "Activist Joshua Wong", "Parliament speaker Ararat Mirzoyan": a person we
                # do not know, described by the sector word before the name
                actor = Actor(person.text, country_code, sector, f"{mention_text} {person.text}")
                self.by_surname[person[-1].lower_] = actor
                return Mention(
                    start,
                    person.end,
                    head,
                    actor,
                    "person",
                    how=how + ", with a name we do not know",
                )
            token = doc[head]
            # "a business forum", "security forces' equipment": a sector word that only
            # describes another noun names no actor by itself
            modifier = (
                len(group) == 1
                and token.dep_ in ("compound", "amod")
                and token.head.lower_ not in self.kb.sector_words
            )
            return Mention(start, end, head, actor, "sector", modifier=modifier, how=how)

        if "group" in by_cat:
            g = next(e.ref for e in by_cat["group"].entries if e.kind == "group")
            sector = g.sector
            if g.governs and g.governs[1] and self.day >= g.governs[1]:
                sector = "GOV"
            actor = Actor(g.name, g.country, sector, mention_text, kb_id=g.name)
            how = "political party" if g.sector == "PTY" else "armed group"
            person = _person_after(doc, end) if "office" in by_cat else None
            if person is not None:
                # "Boko Haram leader Abubakar Shekau": a member we do not know acts for the
                # group, never as the state's own "leader"
                actor = Actor(person.text, g.country, sector, f"{mention_text} {person.text}")
                self.by_surname[person[-1].lower_] = actor
                return Mention(start, person.end, head, actor, "person", how=f"{how}'s member")
            return Mention(start, end, head, actor, "group", how=how)

        if country_code is not None:
            token = doc[head]
            modifier = False
            kinds = by_cat["country"].kinds() if "country" in by_cat else set()
            if (
                (
                    kinds == {"demonym"}
                    and token.dep_ in ("amod", "compound", "nmod")
                    and token.head.lower_ not in self.kb.sector_words
                )
                or (
                    # "Southeast Asian waters": an organisation's adjective on a thing
                    country_kind == "org"
                    and token.dep_ == "amod"
                    and token.head.lower_ not in self.kb.sector_words
                    and token.head.lemma_.lower() not in MEMBER_NOUNS
                )
                or (
                    # "the Baku office of Sputnik", "the Moscow talks": a capital naming a thing
                    "capital" in kinds
                    and len(group) == 1
                    and token.dep_ == "compound"
                    and token.head.pos_ == "NOUN"
                    and token.head.lower_ not in self.kb.sector_words
                )
            ):
                modifier = True
            place_like = token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS
            sector = country_sector or ("IGO" if country_kind == "org" else "GOV")
            name = self.kb.country_name(country_code) or country_code
            if country_kind == "org":
                org = next(e.ref for e in by_cat["org"].entries if e.kind == "org")
                name = org.name
            actor = Actor(name, country_code, sector, mention_text, kb_id=country_code)
            return Mention(
                start,
                end,
                head,
                actor,
                country_kind or "country",
                modifier=modifier,
                place_like=place_like,
                how=country_kind or "",
            )
        return None

    def _coalition_mention(
        self, raw: _Raw, start: int, end: int, head: int, text: str
    ) -> Mention | None:
        """ "six world powers": the coalition the phrase names on the story's day, as one
        mention that the argument finder expands to each member."""
        coalition = next(
            (e.ref for e in raw.entries if e.kind == "coalition" and e.ref.names_on(self.day)),
            None,
        )
        if coalition is None:
            return None
        members = tuple(self._member_actor(code, text) for code in coalition.members)
        # never coded as itself: the argument finder and the fallback target expand or skip it
        actor = Actor(coalition.name, "IGO", "GOV", text, kb_id=coalition.name)
        return Mention(
            start, end, head, actor, "coalition", members=members, how="coalition of states"
        )

    def _member_actor(self, code: str, text: str) -> Actor:
        """A coalition's member: a state, or an organisation (the Quartet's UN and EU)."""
        if code not in self.kb.countries and code in self.kb.organisations:
            return Actor(self.kb.organisations[code].name, code, "IGO", text, kb_id=code)
        return country_actor(self.kb, code, text)

    def _possessor_country(self, token: Token) -> str | None:
        """The state that owns a body named by a sector word: "Turkey's education ministry",
        "Assad's forces" (the state its possessor leads), "Syrian government warplanes"."""
        doc = token.doc
        j = token.i - 1
        past_thing = False
        while (
            j >= token.sent.start
            and doc[j].dep_ in ("amod", "compound", "nmod", "nummod")
            and token.is_ancestor(doc[j])
        ):
            # "Thai F-16 jets", "Russian Su-25 warplanes": the state's adjective, with the
            # name of a weapon between it and the sector word
            entries = self.kb.index.get(tokens_key([doc[j]]), ())
            found = [e for e in entries if e.kind in ("country", "demonym")]
            if (
                past_thing
                and j - 1 >= token.sent.start
                and doc[j - 1].head.i == j
                and doc[j - 1].text[:1].isupper()
            ):
                # "North Korean shipping firms": a state's adjective of two words
                entries = self.kb.index.get(tokens_key([doc[j - 1], doc[j]]), ())
                found = [e for e in entries if e.kind in ("country", "demonym")] or found
            if (
                found
                and doc[j].text[:1].isupper()
                and (not past_thing or (doc[j].dep_ == "amod" and doc[j].head.i == token.i))
            ):
                return found[0].ref.code
            if doc[j].pos_ == "NOUN" and not any(ch.isdigit() for ch in doc[j].text):
                # "U.S. sanctions morality police": a thing between, not a weapon's name;
                # only an adjective on the sector word itself reaches past it ("Russian
                # shipping firms")
                if past_thing or doc[j].dep_ != "compound" or doc[j].head.i != token.i:
                    break
                past_thing = True
            j -= 1
        for child in token.children:
            if child.dep_ == "compound" and child.lower_ in self.kb.sector_words:
                # "Syrian government warplanes": the state named before the sector words
                for word in (*child.children, *token.children):
                    entries = self.kb.index.get(tokens_key([word]), ())
                    found = [e for e in entries if e.kind in COUNTRYISH]
                    if found and word.dep_ in ("amod", "compound") and word.text[:1].isupper():
                        return found[0].ref.code
            if child.dep_ != "poss" or not child.text[:1].isupper():
                continue
            # "South Sudan's": the possessor's own words, without the "'s"
            words = [t for t in child.subtree if t.i <= child.i and t.dep_ != "case"]
            entries = self.kb.index.get(tokens_key(words), ())
            found = [e for e in entries if e.kind in COUNTRYISH]
            if found:
                return found[0].ref.code
            # "President Bashar al-Assad's forces", "Assad's forces": whom the person leads
            name = next((e for e in child.doc.ents if e.start <= child.i < e.end), None)
            words = name if name is not None and name.label_ == "PERSON" else [child]
            key = tokens_key([t for t in words if t.dep_ != "case"])
            for entry in self.kb.index.get(key, ()):
                if entry.kind in ("person", "surname"):
                    terms = entry.ref.terms_on(self.day)
                    if terms:
                        return terms[0].country
        return None

    def _owned_by_pronoun(self, sent, m: Mention, mentions: list[Mention]) -> None:
        """ "The Pakistan Army said two of its soldiers were killed": a body of no named
        country owned by "its", "their", "his" or "her", as the subject of a clause, is of
        the doer of the clause above it, or of the one told to act ("told Manila that its
        ships must leave"). Not in an object ("condemned a campaign against its citizens"):
        there it would make the doer act on itself."""
        if m.kind != "sector" or m.actor.country is not None:
            return
        doc = sent.doc
        if not any(
            c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in doc[m.head].children
        ):
            return
        below = doc[m.head]
        own_clause = True
        for verb in doc[m.head].ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                below = verb
                continue
            if own_clause and below.dep_ not in ("nsubj", "nsubjpass"):
                return
            told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            told = told if below.dep_ in ("xcomp", "ccomp") else []
            for word in told + doers:
                owner = next((o for o in mentions if o is not m and o.covers(word.i)), None)
                if owner is not None:
                    if (
                        owner.actor.country is None
                        or owner.kind == "pair"
                        or (own_clause and word not in told)
                    ):
                        # "France pulled its soldiers out of Mali": the doer's own force in
                        # its own clause is told apart by the coder (a force moved)
                        return
                    country = owner.actor.country
                    label = SECTOR_LABEL.get(m.actor.sector, m.actor.sector)
                    name = f"{self.kb.country_name(country) or country} {label}"
                    m.actor = Actor(name, country, m.actor.sector, m.actor.mention)
                    m.how = f"sector word, of the one '{doc[m.head].text}' is owned by"
                    return
            below = verb
            # "committed to pulling its forces", "deployed ... and placed its forces": a verb
            # with no subject of its own is still the doer's own clause
            own_clause = own_clause and not doers

    def _country_of(self, by_cat: dict[str, _Raw]) -> tuple[str | None, str | None, str | None]:
        if "country" in by_cat:
            raw = by_cat["country"]
            order = {"metonym": 0, "country": 1, "demonym": 2, "capital": 3}
            entry = min(
                (e for e in raw.entries if e.kind in COUNTRYISH), key=lambda e: order[e.kind]
            )
            return entry.ref.code, entry.sector, "country"
        if "org" in by_cat:
            entry = next(e for e in by_cat["org"].entries if e.kind == "org")
            return entry.ref.code, entry.sector, "org"
        if "group" in by_cat:
            entry = next(e for e in by_cat["group"].entries if e.kind == "group")
            return entry.ref.country, None, "group"
        return None, None, None

    # ------------------------------------------------------------------ people
    def _person_actor(self, person: Person, how: str) -> tuple[Actor, str]:
        terms = person.terms_on(self.day)
        if terms:
            term = terms[0]
            sector = self.kb.term_sector(term)
            return Actor(
                person.name, term.country, sector, "", person.wikidata, person.kb_id, term.office
            ), f"{how}; {term.office} of {term.country} on {self.day}"
        last = person.last_term_before(self.day)
        if last is not None:
            return Actor(
                person.name,
                last.country,
                "ELI",
                "",
                person.wikidata,
                person.kb_id,
                f"former {last.office}",
            ), f"{how}; former {last.office} of {last.country}"
        first = min(person.terms, key=lambda t: t.start) if person.terms else None
        return Actor(
            person.name, first.country if first else None, "UNK", "", person.wikidata, person.kb_id
        ), f"{how}; no office on {self.day}"

    def _pick_person(self, raw: _Raw, country: str | None) -> tuple[Actor, str] | None:
        full = [e.ref for e in raw.entries if e.kind == "person"]
        if full:
            return self._person_actor(full[0], "full name")
        candidates = [e.ref for e in raw.entries if e.kind == "surname"]
        key = candidates[0].surname.lower() if candidates else ""
        if key in self.by_surname:
            remembered = self.by_surname[key]
            return replace(remembered), "surname, named earlier in the story"
        if country:
            candidates = [
                p for p in candidates if any(t.country == country for t in p.terms)
            ] or candidates
        active = [(p, p.terms_on(self.day)) for p in candidates]
        active = [(p, ts) for p, ts in active if ts]
        if active:
            active.sort(key=lambda pt: min(_rank(t.office) for t in pt[1]))
            return self._person_actor(active[0][0], "surname, in office on the story's date")
        # a former head of state or government is still named alone ("Trump" in 2022); a
        # former minister's surname alone more often names someone or something else
        past = [(p, p.last_term_before(self.day)) for p in candidates]
        past = [
            (p, t)
            for p, t in past
            if t is not None
            and t.office in HEAD_AND_GOVERNMENT
            # "Zhao" in 2020 is not Zhao Ziyang: a head long out of office is seldom named
            # by surname alone
            and (t.end is None or (self.day - t.end).days <= FORMER_HEAD_DAYS)
        ]
        if past:
            past.sort(key=lambda pt: pt[1].start, reverse=True)
            return self._person_actor(past[0][0], "surname, most recent office holder")
        # a surname whose only holders took office after the story's date names someone else
        return None

    def _people_leaders(self, doc, start, end, office, plural) -> Actor | None:
        """ "Yoruba leaders", "Muslim leaders": the leaders of a people or a faith that is no
        state of ours are civilians; the coder places them where the story is."""
        if office != "leader" or not plural or start == 0:
            return None
        word = doc[start - 1]
        if (
            not word.text[:1].isupper()
            or word.tag_ not in ("NNP", "NNPS", "JJ")
            or word.lower_ in NOT_A_PEOPLE
            or fold(word.text) in self.kb.index  # "Palestinian leaders", "Hamas leaders"
        ):
            return None
        if word.i == word.sent.start and not (word.ent_type_ or word.tag_ == "NNP"):
            return None  # "Senior leaders met ...": a capital only for the sentence's start
        text = doc[start - 1 : end].text
        return Actor(f"unknown {text}", None, "CVL", text)

    def _office_mention(self, sent, start, end, head, text, office, country) -> Mention | None:
        doc = sent.doc
        if any(t.lower_ == "deputy" for t in doc[max(start - 1, 0) : end]) and not (
            end < len(doc) and doc[end].ent_type_ == "PERSON"
        ):
            # "a deputy leader of the party", "a deputy foreign minister said": not the
            # holder of the office itself; of its state if one is named, else no one we know
            if country is None:
                return None
            sector = self.kb.office_sector.get(office, "GOV")
            name = f"deputy {office.replace('_', ' ')} of {self.kb.country_name(country)}"
            return Mention(
                start, end, head, Actor(name, country, sector, text), "office", how="a deputy"
            )
        # "Foreign Minister Jeyhun Bayramov" with a name we do not know: the name follows
        after = doc[end] if end < len(doc) else None
        unknown_name = None
        if after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
            ent = next((e for e in doc.ents if e.start == after.i), None)
            if ent is not None:
                unknown_name = ent
        if country is None:
            plural = doc[end - 1].tag_ in ("NNS", "NNPS")
            people = self._people_leaders(doc, start, end, office, plural)
            if people is not None:
                return Mention(
                    start - 1, end, head, people, "sector",
                    how="leaders of a people or faith, country of the place or the story",
                )
            remembered = [a for a in reversed(self.recent) if a.title == office]
            if (
                remembered
                and plural
                and not remembered[0].name.startswith(office.replace("_", " ") + " of ")
            ):
                # "Opposition leader Juan Guaido ... opposition leaders blamed": several
                # holders of the office of the one person named before, not that person
                a = remembered[0]
                return Mention(
                    start,
                    end,
                    head,
                    Actor(text, a.country, a.sector, text, title=office),
                    "office",
                    how="title, several of the office of one named earlier in the story",
                )
            if remembered:
                # "the 27 leaders" of a body named before are its leaders
                a = remembered[0]
                return Mention(
                    start,
                    end,
                    head,
                    replace(a, mention=text),
                    "office",
                    how="title, holder named earlier in the story",
                )
            if plural and unknown_name is not None and self.dominant_country() is not None:
                # "Opposition leaders Vitaly Klitschko, Arseny Yatseniuk and Oleh Tyahnybok":
                # several named holders of the story's country
                names_end = end
                while names_end < sent.end and (
                    doc[names_end].pos_ == "PROPN"
                    or (
                        doc[names_end].lower_ in (",", "and")
                        and names_end + 1 < sent.end
                        and doc[names_end + 1].pos_ == "PROPN"
                    )
                ):
                    names_end += 1
                names = doc[end:names_end]
                sector = self.kb.office_sector.get(office, "GOV")
                person: list = []
                for tok in [*names, None]:
                    if tok is not None and tok.pos_ == "PROPN":
                        person.append(tok)
                    elif person:
                        # each of them by surname later: "Klitschko said"
                        full = doc[person[0].i : person[-1].i + 1].text
                        self.by_surname.setdefault(
                            person[-1].lower_,
                            Actor(full, self.dominant_country(), sector, full, title=office),
                        )
                        person = []
                return Mention(
                    start,
                    names_end,
                    head,
                    Actor(
                        f"{text} {names.text}",
                        self.dominant_country(),
                        sector,
                        f"{text} {names.text}",
                        title=office,
                    ),
                    "office",
                    how="title, several holders named after it, of the story's country",
                )
            sector = self.kb.office_sector.get(office, "GOV")
            if sector in DOMESTIC_SECTORS:
                # "Opposition leaders blamed ...", "Opposition leader Juan Perez": an office
                # outside the state is held at home; the coder places it, as "the opposition"
                of_body = unknown_name is not None and unknown_name.end < sent.end and (
                    doc[unknown_name.end].lower_ == "of"
                )
                if unknown_name is not None and not of_body:
                    # (one "of Progressive Slovakia" speaks for the body named after it)
                    actor = Actor(
                        unknown_name.text, None, sector, f"{text} {unknown_name.text}",
                        title=office,
                    )
                    self.by_surname[unknown_name[-1].lower_] = actor
                    return Mention(
                        start, unknown_name.end, head, actor, "person",
                        how="unknown name with a title held at home",
                    )
                if plural:
                    label = SECTOR_LABEL.get(sector, sector)
                    return Mention(
                        start, end, head, Actor(f"unknown {label}", None, sector, text),
                        "sector", how="title held at home, country of the place or the story",
                    )
            if plural:
                return None  # "Arab leaders", "foreign ministers": several, none named
            # "the president" in a story about one country is that country's president
            country = self.dominant_country()
            if country is None or unknown_name is not None:
                return None
            if (
                doc[head].dep_ == "appos"
                and doc[head].head.pos_ == "PROPN"
                and doc[head].head.i < start
            ):
                # "Jose Daniel Ferrer, leader of the opposition Patriotic Union,": the post of
                # the one named before it, not the state's holder of the title
                return None
            found = self.kb.holder(country, office, self.day)
            if not found:
                return None
            actor, how = self._person_actor(found[0], "title")
            actor.mention = text
            return Mention(
                start, end, head, actor, "office", how=f"title, country of the story ({country})"
            )
        if (
            unknown_name is None
            and start > 0
            and doc[start - 1].lower_ in ("former", "ex")
            and not any(c.dep_ == "poss" for c in doc[head].children)
        ):
            # "a former Chilean president": one who held the office once, not its holder
            name = f"former {office.replace('_', ' ')} of {self.kb.country_name(country)}"
            return Mention(
                start - 1,
                end,
                head,
                Actor(name, country, "ELI", f"former {text}", title=office),
                "office",
                how="title, a former holder",
            )
        if unknown_name is not None:
            sector = self.kb.office_sector.get(office, "GOV")
            actor = Actor(
                unknown_name.text, country, sector, f"{text} {unknown_name.text}", title=office
            )
            self.by_surname[unknown_name[-1].lower_] = actor
            return Mention(
                start, unknown_name.end, head, actor, "person", how="unknown name with a title"
            )
        found = self.kb.holder(country, office, self.day)
        if found:
            person, term = found
            actor, how = self._person_actor(person, "title")
            actor.mention = text
            return Mention(
                start,
                end,
                head,
                actor,
                "office",
                how=f"title: {term.office} of {country} on {self.day}",
            )
        sector = self.kb.office_sector.get(office, "GOV")
        name = f"{office.replace('_', ' ')} of {self.kb.country_name(country)}"
        return Mention(
            start,
            end,
            head,
            Actor(name, country, sector, text, title=office),
            "office",
            how="title, holder not in the knowledge base",
        )

    def _unknown_people(self, sent, mentions: list[Mention]) -> list[Mention]:
        """PERSON entities we have no entry for: a surname named before, or a bare name."""
        out = []
        for ent in sent.ents:
            if ent.label_ != "PERSON" or any(
                m.start < ent.end and ent.start < m.end for m in mentions
            ):
                continue
            key = ent[-1].lower_
            posted = self._post_holder(sent, ent, mentions)
            if posted is not None:
                out.append(posted)
                self.by_surname[key] = posted.actor
            elif key not in self.by_surname:
                if len(ent) > 1 and all(t.text[:1].isupper() for t in ent):
                    self.unknown_surnames.add(key)
            else:
                a = self.by_surname[key]
                out.append(
                    Mention(
                        ent.start,
                        ent.end,
                        ent.root.i,
                        replace(a, mention=ent.text),
                        "person",
                        how="surname, named earlier in the story",
                    )
                )
        out.extend(self._surnames_untagged(sent, mentions + out))
        return out

    def _surnames_untagged(self, sent, mentions: list[Mention]) -> list[Mention]:
        """ "Maduro has accused Lopez of ...": the small model tags a surname alone as a
        product, an organisation or nothing. A capitalised word alone that is the surname of
        someone this story named before, with no first name of its own, is that person."""
        out = []
        doc = sent.doc
        for tok in sent:
            key = tok.lower_
            if (
                key not in self.by_surname
                or not tok.text[:1].isupper()
                or not tok.is_alpha
                or any(m.start <= tok.i < m.end for m in mentions)
                or any(e.start <= tok.i < e.end and len(e) > 1 for e in sent.ents)
            ):
                continue
            before = doc[tok.i - 1] if tok.i > sent.start else None
            after = doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if (before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()) or (
                after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()
            ):
                continue  # "Jennifer Lopez", "Lopez Obrador": another person's name
            out.append(
                Mention(
                    tok.i,
                    tok.i + 1,
                    tok.i,
                    replace(self.by_surname[key], mention=tok.text),
                    "person",
                    how="surname, named earlier in the story",
                )
            )
        return out

    def _post_holder(self, sent, ent, mentions: list[Mention]) -> Mention | None:
        """ "U.N. human rights chief Navi Pillay", "Organization of American States chief Luis
        Almagro": a name we do not know after the words of a post, which name the state or
        body it is held for. The post's words before the name must hang on it; the state or
        body is among them or just before them. A post after the name is `_post_after`'s."""
        doc = sent.doc
        start = ent.start
        after = self._post_after(ent, mentions)
        if after is not None:
            return after
        post_before = ent.root.head
        if (
            ent.root.dep_ == "appos"
            and sent.start < post_before.i < start
            and post_before.lower_ in POST_NOUNS
            and all(t.is_punct for t in doc[post_before.i + 1 : start])
        ):
            # "Saudi national security adviser Musaad ...", "the Chinese ambassador, Ma
            # Keqing": the name as the post's apposition
            start = post_before.i
        while (
            start > sent.start
            and doc[start - 1].dep_ in ("compound", "amod", "nmod", "poss", "case")
            and start - 1 < doc[start - 1].head.i < ent.end
        ):
            start -= 1
        posts = [t for t in doc[start : ent.start] if t.lower_ in POST_NOUNS]
        if not posts:
            return None
        owner = next(
            (
                m
                for m in mentions
                if m.kind in ("country", "org", "group")
                and not m.place_like
                and m.actor.country is not None
                and start <= m.end <= ent.start
                and (m.start >= start or m.end == start)
            ),
            None,
        )
        if owner is None:
            return None
        post = posts[-1].lower_
        sector = owner.actor.sector if owner.kind != "country" else _post_sector(post)
        first = min(start, owner.start)
        actor = Actor(ent.text, owner.actor.country, sector, doc[first : ent.end].text, title=post)
        # the phrase's head is the word that hangs outside it: the name, or the post when
        # the name is its apposition
        head = next(
            (t.i for t in doc[first : ent.end] if not first <= t.head.i < ent.end or t.head == t),
            ent.root.i,
        )
        return Mention(
            first,
            ent.end,
            head,
            actor,
            "person",
            how=f"unknown name with a post of {owner.actor.name}",
        )

    def _post_after(self, ent, mentions: list[Mention]) -> Mention | None:
        """ "Marcel de Souza, head of the ECOWAS Commission": a name we do not know with
        its post after it, held for the state or body named after "of"."""
        post = next(
            (c for c in ent.root.children if c.dep_ == "appos" and c.lower_ in POST_NOUNS), None
        )
        if post is None:
            return None
        owners = [
            m
            for prep in post.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for m in mentions
            if m.covers(pobj.i)
            and m.kind in ("country", "org", "group")
            and m.actor.country is not None
        ]
        if not owners:
            return None
        owner = owners[0]
        sector = owner.actor.sector if owner.kind != "country" else _post_sector(post.lower_)
        actor = Actor(ent.text, owner.actor.country, sector, ent.text, title=post.lower_)
        return Mention(
            ent.start,
            ent.end,
            ent.root.i,
            actor,
            "person",
            how=f"unknown name with a post of {owner.actor.name} after it",
        )

    def _led_by(self, sent, mentions: list[Mention]) -> list[Mention]:
        """ "the U.S.-led bombing", "Iranian-backed militias": one token names the state that
        leads or backs the thing, a modifier like an adjective would be."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for token in sent:
            prefix, dash, suffix = token.text.rpartition("-")
            if token.i in covered or not dash or suffix.lower() not in LED_SUFFIXES:
                continue
            key = fold(prefix)
            entries = self.kb.index.get(key) or self.kb.index.get(key.replace(".", ""), [])
            state = next((e for e in entries if e.kind in COUNTRYISH), None)
            if state is None or not getattr(state.ref, "code", None):
                continue
            actor = country_actor(self.kb, state.ref.code, token.text)
            out.append(
                Mention(
                    token.i,
                    token.i + 1,
                    token.i,
                    actor,
                    "country",
                    modifier=True,
                    how=f"'{suffix}' by the state",
                )
            )
        return out

    def _remember_lists(self, sent, mentions: list[Mention]) -> None:
        """Keep each list of three or more states the sentence joins by "and" ("Venezuela,
        Ecuador and Bolivia recalled their envoys"), by its number, for "the three
        countries" later on."""
        at = {
            m.head: m
            for m in mentions
            if not m.modifier
            and not m.place_like
            and not m.members
            and m.kind != "pair"
            and m.actor.country in self.kb.countries
        }
        for m in at.values():
            head = sent.doc[m.head]
            if any(t.i in at and t.i < head.i for t in head.conjuncts):
                continue  # the list is read from its first member
            states: list[Actor] = []
            for tok in (head, *head.conjuncts):
                other = at.get(tok.i)
                if other is not None and all(a.country != other.actor.country for a in states):
                    states.append(_country_actor(self.kb, other.actor))
            if len(states) >= 3:
                self.story_lists[len(states)] = tuple(states)

    def _numbered_states(self, token) -> tuple[Actor, ...] | None:
        """ "the three European governments", "all four countries": the states the story
        named together before, as many as the number says."""
        if token.lemma_.lower() not in LISTED_STATE_NOUNS or token.tag_ not in ("NNS", "NNPS"):
            return None
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "poss")}
        if not dets & {"the", "these", "those", "all", "their"}:
            return None  # "three countries abstained": any three, not those named
        number = next(
            (LIST_NUMBERS.get(c.lower_) for c in token.children if c.dep_ == "nummod"), None
        )
        return self.story_lists.get(number) if number else None

    def _pairs_and_pronouns(self, sent, mentions: list[Mention]) -> list[Mention]:
        out = []
        covered = {i for m in mentions for i in range(m.start, m.end)}
        for token in sent:
            if token.i in covered:
                continue
            listed = self._numbered_states(token)
            if listed is not None:
                start = min([c.i for c in token.subtree if c.i <= token.i] + [token.i])
                actor = Actor(
                    " and ".join(a.name for a in listed),
                    "IGO",
                    "GOV",
                    sent.doc[start : token.i + 1].text,
                    kb_id="+".join(a.country or "" for a in listed),
                )
                out.append(
                    Mention(
                        start,
                        token.i + 1,
                        token.i,
                        actor,
                        "coalition",
                        members=listed,
                        how="the states the story named together before",
                    )
                )
                continue
            dets = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet")}
            if token.lemma_.lower() in PAIR_NOUNS and (
                token.tag_ in ("NNS", "NNPS") or (token.tag_ == "NN" and dets == {"each"})
            ):
                # "each side accuses the other": both, each acting on the other
                # "the two leaders", "their two countries", not "two parties suspended
                # lawmakers": a bare number is any two of the kind, not the two the story named
                definite = dets & {"the", "these", "those"} or any(
                    c.dep_ == "poss" for c in token.children
                )
                if (
                    dets & {"both", "each", "either"}
                    or ("two" in dets and definite)
                    or (dets == {"the"} and token.lemma_ in ("party", "side"))
                ):
                    # "Guterres praised both leaders", "Guterres and Pompeo urged both sides":
                    # the doers are not among the two
                    pair = self._last_pair(mentions, token.i, not_of=_doers_above(token, mentions))
                    if pair:
                        a, b = pair
                        start = min(
                            [c.i for c in token.children if c.dep_ in ("det", "nummod", "predet")]
                            + [token.i]
                        )
                        out.append(
                            Mention(
                                start,
                                token.i + 1,
                                token.i,
                                a,
                                "pair",
                                pair=pair,
                                how="the two parties named before",
                            )
                        )
            elif token.lower_ in ("both", "either") and any(
                c.lower_ == "of" and any(g.lower_ == "them" for g in c.children)
                for c in token.children
                if c.dep_ == "prep"
            ):
                # "had spoken by telephone to both of them": the story's two sides, neither
                # of them the one who speaks
                pair = self._last_pair(mentions, token.i, not_of=_doers_above(token, mentions))
                if pair:
                    end = max(t.i for t in token.subtree) + 1
                    out.append(
                        Mention(
                            token.i, end, token.i, pair[0], "pair", pair=pair,
                            how="the two parties named before",
                        )
                    )
            elif (
                token.lemma_.lower() in STATE_NOUNS
                and token.tag_ == "NN"
                and any(c.lower_ == "the" for c in token.children if c.dep_ == "det")
                and not (token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS)
            ):
                # "accusing the Gulf emirate of ...": the state named last, other than the
                # doer of the sentence
                state = self._last_state(sent, mentions, token.i)
                if state is not None:
                    out.append(
                        Mention(
                            token.i,
                            token.i + 1,
                            token.i,
                            replace(state, mention=token.text),
                            "country",
                            how="'the country' for the state named last",
                        )
                    )
            elif (
                token.lower_ == "it"
                and token.dep_ == "dobj"
                and token.head.lemma_ in ADDRESSING_VERBS
            ):
                # "Manama recalled its ambassador from Tehran, accusing it of meddling": the
                # state named last other than the doer
                verb = token.head.head if token.head.dep_ == "advcl" else token.head
                accusers = {a.country for a in _clause_doers(verb, mentions)}
                state = self._last_state(
                    sent, mentions, token.i, doers=accusers, look_back=False
                ) or self._last_state(sent, mentions, token.i)
                if state is not None:
                    out.append(_pronoun_mention(token, state, "pronoun, the state named last"))
            elif (
                token.lower_ == "them"
                and token.dep_ == "dobj"
                and token.head.lemma_ in ADDRESSING_VERBS
            ):
                # "ordered three U.S. officials to leave, accusing them of meeting students":
                # the people named last before it in the sentence, other than the doers
                verb = token.head.head if token.head.dep_ == "advcl" else token.head
                doers = _clause_doers(verb, mentions)
                group = next(
                    (
                        m
                        for m in reversed(mentions)
                        if m.end <= token.i
                        and sent.doc[m.head].tag_ in ("NNS", "NNPS")
                        and not m.place_like
                        and not any(m.actor.same_as(d) for d in doers)
                    ),
                    None,
                )
                if group is not None:
                    out.append(
                        _pronoun_mention(token, group.actor, "pronoun, the group named last")
                    )
            elif token.lower_ in ("it", "they") and token.dep_ in ("nsubj", "nsubjpass"):
                # "Switzerland said it had expelled ...": the subject of the clause a state,
                # organisation or group is quoted in is that state, organisation or group
                speaker = _quoted_speaker(sent, token, mentions)
                members: tuple[Actor, ...] = ()
                if speaker is not None:
                    actor, how = speaker.actor, "pronoun, the speaker of the clause"
                    if token.lower_ == "they":
                        # "Venezuela, Ecuador and Bolivia said they would not recognise
                        # Franco": each of the joined speakers
                        members = _joined_with(speaker, mentions, sent.doc)
                elif (
                    token.text == "It"
                    and token.i == sent.start
                    and token.head.pos_ == "VERB"
                    and self.last_subject_body is not None
                ):
                    # "The embassy protested. It accused the navy of ...": a sentence that
                    # opens with "It" doing something goes on with the last one's subject
                    actor, how = self.last_subject_body, "pronoun, the last sentence's subject"
                else:
                    continue
                out.append(_pronoun_mention(token, actor, how))
                if len(members) > 1:
                    out[-1].members = members
            elif (
                token.lower_ in ("his", "her")
                and token.dep_ == "poss"
                and token.head.dep_ in ("dobj", "obj")
                and token.head.head.pos_ == "VERB"
                and _subject_told(token.head.head)
            ):
                # "Beijing supported her decision", "praised his courage": the owner of what
                # a verb acts on is the person named before who is not the verb's doer
                doers = _clause_doers(token.head.head, mentions)
                earlier = [
                    m
                    for m in mentions
                    if m.start < token.i
                    and m.kind in ("person", "office")
                    and not m.place_like
                    and not any(m.actor.same_as(d) for d in doers)
                ]
                found = earlier[-1].actor if earlier else None
                if found is None and not any(
                    m.start < token.i and m.kind in ("person", "office") for m in mentions
                ):
                    found = next(
                        (
                            p
                            for p in (self.last_subject_person, self.last_person)
                            if p is not None and not any(p.same_as(d) for d in doers)
                        ),
                        None,
                    )
                if found is not None:
                    out.append(_pronoun_mention(token, found, "owner pronoun, last person named"))
            elif token.lower_ in PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                # a person earlier in the same sentence (its subject first), else the last
                # subject of the story so far
                earlier = [
                    m
                    for m in mentions
                    if m.start < token.i and m.kind in ("person", "office") and not m.place_like
                ]
                subjects = [m for m in earlier if sent.doc[m.head].dep_ in ("nsubj", "nsubjpass")]
                # the doer of the pronoun's own clause, whom "him" cannot name
                verb = token.head.head if token.dep_ == "pobj" else token.head
                doers = _clause_doers(verb, mentions)
                others = [
                    m
                    for m in earlier
                    if m not in subjects and not any(m.actor.same_as(d) for d in doers)
                ]
                above = (
                    _speaker_above(token, earlier, sent.doc)
                    if token.dep_ in ("nsubj", "nsubjpass")
                    else None
                )
                if token.dep_ in ("dobj", "pobj") and token.lower_ in ("him", "her") and others:
                    # "Dagalo called Burhan a criminal and vowed to capture him": an object
                    # pronoun is not its clause's doer but the person named nearest before
                    a = others[-1].actor
                elif (
                    token.dep_ in ("dobj", "pobj")
                    and token.lower_ in ("him", "her")
                    and earlier
                    and all(any(m.actor.same_as(d) for d in doers) for m in earlier)
                ):
                    # "Otunbayeva ... urged him to step down": no one but the clause's doer
                    # in the sentence, so a person of the sentences before who is not it
                    found = next(
                        (
                            p
                            for p in (self.last_subject_person, self.last_person)
                            if p is not None and not any(p.same_as(d) for d in doers)
                        ),
                        None,
                    )
                    if found is None:
                        continue
                    a = found
                elif above is not None:
                    # "von der Leyen denounced the shooting, and Biden condemned what he
                    # called a horrific act": the subject of the verb the clause hangs from
                    a = above.actor
                elif subjects or earlier:
                    a = (subjects or earlier)[0].actor
                elif (self.last_subject_person or self.last_person) is not None:
                    a = self.last_subject_person or self.last_person
                else:
                    continue
                out.append(_pronoun_mention(token, a, "pronoun, last person named"))
        return out

    def _last_state(
        self,
        sent,
        mentions: list[Mention],
        before: int,
        doers: set[str] | None = None,
        look_back: bool = True,
    ) -> Actor | None:
        """The state named last before token `before` that is not a doer (by default the
        states that are subjects in the sentence), in the sentence, then (`look_back`) in the
        story."""
        here = [
            m
            for m in mentions
            if m.start < before and m.kind == "country" and not m.modifier and not m.place_like
        ]
        if doers is None:
            doers = {
                m.actor.country for m in here if sent.doc[m.head].dep_ in ("nsubj", "nsubjpass")
            }
        for m in reversed(here):
            if m.actor.country not in doers:
                return _country_actor(self.kb, m.actor)
        if not look_back:
            return None
        for actor in reversed(self.recent):
            if actor.country in self.kb.countries and actor.country not in doers:
                return _country_actor(self.kb, actor)
        return None

    def _joined_states(self, sent, mentions: list[Mention]) -> tuple[Actor, Actor] | None:
        """Two states (or their people in office) joined by "and" as the doers of a clause;
        or a state's forces and the rebels fighting them ("Sudan's army and the paramilitary
        RSF agreed"), the two sides of a civil war."""
        at = {m.head: m for m in mentions if not m.place_like and not m.modifier}
        filed_at = dateline_end(sent)
        for m in at.values():
            head = sent.doc[m.head]
            # "PUTRAJAYA, July 28 (Bernama) -- Thailand and Cambodia agreed": the parser may
            # make the dateline the subject and the doers its apposition
            datelined = (
                head.dep_ == "appos"
                and head.head.dep_ in ("nsubj", "nsubjpass")
                and head.head.i < filed_at
            )
            if not (head.dep_ in ("nsubj", "nsubjpass") or datelined):
                continue
            if m.actor.country not in self.kb.countries:
                continue
            for child in head.children:
                other = at.get(child.i)
                if child.dep_ != "conj" or other is None:
                    continue
                if (
                    other.actor.country in self.kb.countries
                    and other.actor.country != m.actor.country
                ):
                    return _country_actor(self.kb, m.actor), _country_actor(self.kb, other.actor)
                sectors = {m.actor.sector, other.actor.sector}
                if (
                    other.actor.country == m.actor.country
                    and len(sectors & STATE_SIDE) == 1
                    and sectors & REBEL_SIDE
                ):
                    return m.actor, other.actor
        return None

    def _last_pair(
        self, mentions: list[Mention], before: int, not_of: frozenset | set = frozenset()
    ) -> tuple[Actor, Actor] | None:
        """The story's two sides, for "the two countries", "both leaders", "both of them":
        none of the countries `not_of` (the one who speaks of them)."""
        pair = self.story_pair
        if pair is not None and {a.country for a in pair} & not_of:
            pair = None
        if pair is not None and self.pair_in_lead:
            # "Thailand and Cambodia agreed ... each side accuses the other": the two states
            # the headline or the lead joins by "and"
            return pair
        # else, in a story about two states, the two named most often (twice or more, and
        # more often than any third): "Mexico broke off relations with Ecuador ... Brazil,
        # Colombia and Chile condemned the raid ... urged the two countries to settle"
        main = [
            (c, n)
            for c, n in self.countries.most_common(3 + len(not_of))
            if c in self.kb.countries and c not in not_of
        ][:3]
        if len(main) >= 2 and main[1][1] >= 2 and (len(main) == 2 or main[1][1] > main[2][1]):
            (a, _), (b, _) = main[:2]
            return (
                _country_actor(self.kb, Actor(a, a, "GOV", "", kb_id=a)),
                _country_actor(self.kb, Actor(b, b, "GOV", "", kb_id=b)),
            )
        if pair is not None:
            # else the two states the story first joined by "and", later on
            return pair
        seen: list[Actor] = []
        # "meddling in Hong Kong, a charge both governments reject": a place is no party
        here = [
            m.actor
            for m in mentions
            if m.start < before and m.kind != "pair" and not m.place_like and not m.modifier
        ]
        for actor in list(reversed(here)) + list(reversed(self.recent)):
            if (
                actor.country
                and actor.country not in not_of
                and all(actor.country != s.country for s in seen)
            ):
                seen.append(actor)
            if len(seen) == 2:
                b, a = seen  # keep the order of first mention
                return _country_actor(self.kb, a), _country_actor(self.kb, b)
        return None

    def _remember(self, actor: Actor, full_name: bool = False) -> None:
        self.recent.append(actor)
        if len(self.recent) > 50:
            del self.recent[:10]
        if actor.country:
            self.countries[actor.country] += 1
        if actor.kb_id and actor.kb_id in self.kb.people:
            person = self.kb.people[actor.kb_id]
            key = person.surname.lower()
            if full_name and key in self.surnames_guessed:
                # "Sharif calls off march" in the headline was a guess; "opposition leader
                # Nawaz Sharif" in the lead says who the surname is in this story. A full
                # name given first stays: "Kim Jong Un ... his sister Kim Yo Jong ... Kim"
                self.by_surname[key] = replace(actor)
                self.surnames_guessed.discard(key)
            elif key not in self.by_surname:
                self.by_surname[key] = replace(actor)
                if not full_name:
                    self.surnames_guessed.add(key)
            last = person.name.split()[-1]
            if (
                full_name
                and last.lower() != key
                and len(last) > 2
                and last[:1].isupper()
                and last.lower() not in self.by_surname
                and all(e.kind == "surname" for e in self.kb.index.get(last.lower(), ()))
            ):
                # "John Kirby ... Kirby said": a surname the knowledge base matches only in
                # the full name ("Kirby" alone is too common) is that person once the story
                # has named him in full; so is one that is another's surname too ("Carrie
                # Lam ... Lam said" is not To Lam), but not a word naming a state or a body
                self.by_surname[last.lower()] = replace(actor)
            self.last_person = actor
        elif actor.title:
            self.last_person = actor


def _rank(office: str) -> int:
    from eventmill.actors.kb import OFFICE_RANK

    return OFFICE_RANK.get(office, 99)


def _country_actor(kb: KnowledgeBase, actor: Actor) -> Actor:
    """'The two countries' are the states themselves, whoever spoke for them before."""
    return Actor(
        kb.country_name(actor.country) or actor.country or "",
        actor.country,
        "IGO" if actor.sector == "IGO" else "GOV",
        actor.mention,
        kb_id=actor.country,
    )


def country_actor(kb: KnowledgeBase, code: str, mention: str = "") -> Actor:
    """The state itself as an actor (its government)."""
    return Actor(kb.country_name(code) or code, code, "GOV", mention, kb_id=code)


def state_sector(kb: KnowledgeBase, country: str, sector: str, mention: str = "") -> Actor:
    """The people of one sector of a state ("Kenya civilians", "Venezuela government"), for
    an actor the grammar implies but does not name."""
    name = f"{kb.country_name(country)} {SECTOR_LABEL.get(sector, sector)}"
    return Actor(name, country, sector, mention, kb_id=country)


SPEAKING_VERBS = frozenset(
    {
        "say",
        "announce",
        "declare",
        "state",
        "insist",
        "warn",
        "tell",
        "add",
        "claim",
        "report",
        "confirm",
        "deny",
        "vow",
        "promise",
        "threaten",
        "pledge",
        "decide",
        "agree",
    }
)


def _speaker_above(pronoun, people: list[Mention], doc) -> Mention | None:
    """The person who is the subject of the nearest verb above a subject pronoun's clause
    ("Biden condemned what he called ...", "Putin said he would ..."), among `people`."""
    verb = pronoun.head
    for _ in range(4):
        if verb.dep_ == "ROOT" or verb.head.i == verb.i:
            return None
        verb = verb.head
        subject = next(
            (
                m
                for m in people
                if any(
                    doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i == verb.i
                    for i in range(m.start, m.end)
                )
            ),
            None,
        )
        if subject is not None:
            return subject
    return None


def _subject_told(verb) -> bool:
    """Whether a verb, or the first of the verbs it is joined to, has its subject in words:
    "Beijing ... supported her decision", not "accusing its head of overstepping his
    mandate", where whose "his" is goes by a doer left unsaid."""
    while verb.dep_ in ("conj", "xcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return any(c.dep_ == "nsubj" for c in verb.children)


def _pronoun_mention(token, actor: Actor, how: str) -> Mention:
    return Mention(
        token.i, token.i + 1, token.i, replace(actor, mention=token.text), "pronoun", how=how
    )


def _quoted_speaker(sent, pronoun, mentions: list[Mention]) -> Mention | None:
    """The state, organisation or group a reported clause's 'it'/'they' stands for: the
    subject of the speech verb the clause hangs from ("Syria says it will not ...")."""
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "xcomp") or clause.head.lemma_.lower() not in SPEAKING_VERBS:
        return None
    # "MANILA, July 13 — China warned ...": the parser may take the dateline for a subject
    subjects = [c for c in clause.head.children if c.dep_ == "nsubj"]
    datelined = {i for m in mentions if m.place_like for i in range(m.start, m.end)}
    subject = next((c for c in subjects if c.i not in datelined), None)
    if subject is None:
        return None
    for m in mentions:
        plural = pronoun.lower_ == "they"
        # "Palestinian leaders said they would ...": several holders of a state's office
        office = m.kind == "office" and plural and subject.tag_ in ("NNS", "NNPS")
        if m.start <= subject.i < m.end and (
            m.kind in ("country", "org", "group", "sector") or office
        ):
            # "the army said it", "police said they": a body of people is either
            joined = plural and any(c.dep_ == "conj" for c in subject.children)
            if (
                plural == (subject.tag_ in ("NNS", "NNPS"))
                or m.kind in ("group", "sector")
                or joined  # "Venezuela, Ecuador and Bolivia said they"
            ):
                return m
    if pronoun.lower_ == "it" and subject.tag_ == "NNP":
        # "the Kenyan Union of Teachers said it had called off the strike": a body we do not
        # know, named with its state's adjective, is taken as that state's, as the doer of
        # a verb it is the subject of is (arguments: "subject (its adjective)")
        for c in subject.children:
            if c.dep_ not in ("amod", "compound"):
                continue
            m = next((m for m in mentions if m.start <= c.i < m.end), None)
            if m is not None and m.kind in ("country", "org") and not m.place_like:
                return m
    return None


def _joined_with(m: Mention, mentions: list[Mention], doc) -> tuple[Actor, ...]:
    """The actors of `m` and of the mentions joined to it by "and" or commas, in order."""
    head = doc[m.head]
    joined = {t.i for t in head.subtree if t.dep_ == "conj" or t.i == head.i}
    found = [x.actor for x in mentions if x.head in joined and x.kind in ("country", "org")]
    return tuple(found) if m.actor in found else ()


STANCE_PREFIXES = frozenset({"pro", "anti"})


def _stance_toward(sent, m: Mention) -> Mention | None:
    """ "pro-Russian separatists" are no Russians: the state a "pro-" or "anti-" word names
    is dropped, a sector word after it kept with no country (the coder places it). None when
    nothing of the mention is left ("anti-American" alone)."""
    doc = sent.doc
    i = m.start
    if not (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].lower_ in STANCE_PREFIXES
    ):
        return m
    if m.kind == "sector" and m.actor.sector:
        label = SECTOR_LABEL.get(m.actor.sector, m.actor.sector)
        actor = Actor(f"unknown {label}", None, m.actor.sector, m.actor.mention)
        return replace(m, actor=actor, how=f"sector word; '{doc[i - 2].text}-' is no country")
    if m.kind == "country":
        return None
    return m


def _ethnic_group(sent, m: Mention) -> Mention:
    """ "ethnic Albanians in Serbia", "ethnic Turks": people of a group, not the state of that
    name; they belong to where they live (the coder gives them the place's country)."""
    doc = sent.doc
    if m.kind != "country" or m.start == sent.start or doc[m.start - 1].lower_ != "ethnic":
        return m
    actor = Actor(f"ethnic {doc[m.start : m.end].text}", None, "CVL", m.actor.mention)
    return replace(m, start=m.start - 1, actor=actor, kind="sector", how="ethnic group")


def _post_sector(post: str) -> str:
    """The sector of one who holds a post for a state."""
    if post in MILITARY_POSTS:
        return "MIL"
    if post in JUDICIAL_POSTS:
        return "JUD"
    return "GOV"


def _doers_above(token, mentions: list[Mention]) -> set[str]:
    """The countries of the subject (and the subjects joined to it) of the nearest verb
    above `token` that has one: "Guterres and Pompeo urged both sides", "Trump said he had
    spoken to both of them". None when `token` is itself a subject ("the two agreed")."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return set()
    subjects: list = []
    for verb in token.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            break
    subjects += [j for c in subjects for j in c.conjuncts]
    return {
        m.actor.country
        for c in subjects
        for m in mentions
        if m.covers(c.i) and m.actor.country is not None
    }


def _clause_doers(verb, mentions: list[Mention]) -> list[Actor]:
    """The actors named as the subject of `verb`."""
    subjects = {c.i for c in verb.children if c.dep_ == "nsubj"}
    return [m.actor for m in mentions if m.head in subjects]


def _name_words(person) -> set[str]:
    """The folded words of a person's name and aliases ("Najib Razak" -> najib, razak)."""
    return {w for n in [person.name, *person.aliases] for w in fold(n).replace("-", " ").split()}


def _given_name(token) -> bool:
    """Whether a word of a person's name reads as a first name: a capitalised name of three
    letters or more, no initial ("I. Gandhi") and no patronymic ("Anatolyevich")."""
    text = token.text.lower()
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and len(text) > 2
        and "." not in text
        and not text.endswith(("vich", "vna", "ovic", "evic"))
    )


def _of_a_region(sent, m: Mention) -> bool:
    """Whether the mention is "American" of "Latin American", "South American"."""
    doc = sent.doc
    return (
        m.start > sent.start
        and doc[m.start].lower_ in ("american", "americans")
        and doc[m.start - 1].lower_ in ("latin", "south", "central", "north", "native")
    )


def _in_a_name(sent, m: Mention) -> bool:
    """Whether the mention is a word of a longer person's name the parser found: a later
    word, or a one-word first name ("Sofia Sapega", "Jordan Bardella"; not a people the
    parser took for a person, "Bosnian Serbs")."""
    return any(
        ent.label_ == "PERSON"
        and ent.start <= m.start
        and m.end <= ent.end
        and (ent.start < m.start or (m.end - m.start == 1 < len(ent) and ent[-1].tag_ == "NNP"))
        for ent in sent.ents
    )


def _people_word(kb: KnowledgeBase, token) -> bool:
    """Whether a word is a nation's name for its people or their adjective ("Chinese",
    "Americans"): after another people's name, it is the noun that name qualifies."""
    if not token.text[:1].isupper():
        return False
    return any(e.kind == "demonym" for e in kb.index.get(fold(token.text), []))


def _city_word(token, key: str) -> bool:
    """A city's name used as a place: in the dateline, or where `names_a_city` says."""
    return (key in gazetteer() and token.i < dateline_end(token.sent)) or names_a_city(token)


def dateline_end(sent) -> int:
    """Token index after a wire dateline ("MOSCOW/YEREVAN, Nov 10 —", "JERUSALEM (AP) —"), or
    the sentence start.

    A dateline is upper-case place words at the start of the sentence, then a comma or an
    agency in brackets, and a dash within the next few tokens.
    """
    doc = sent.doc
    i = sent.start
    while i < sent.end and ((doc[i].is_upper and doc[i].is_alpha) or doc[i].text in ("/", "-")):
        i += 1
    if i == sent.start or i >= sent.end or doc[i].text not in (",", "("):
        return sent.start
    for j in range(i + 1, min(i + 8, sent.end)):
        if doc[j].text in ("—", "–", "-", "--"):
            return j + 1
    return sent.start


def _one_slip_from(word: str, keys: list[str]) -> list[str]:
    """The keys one edit from `word` that share its first letter: "Siberia" is no Liberia,
    "Kerman" no German."""
    return [
        k
        for k in keys
        if k[:1] == word[:1] and abs(len(k) - len(word)) <= 1 and _one_edit(word, k)
    ]


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion or substitution apart."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _person_after(doc, end: int):
    """A PERSON entity starting right after token `end` (or one word later: "speaker")."""
    for start in (end, end + 1):
        if start < len(doc) and doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "B":
            ent = next((e for e in doc.ents if e.start == start), None)
            if ent is not None and (start == end or doc[end].pos_ == "NOUN"):
                return ent
    return None


def _opposition_post(name) -> bool:
    """ "X, leader of the opposition Socialists,", "X, the opposition leader,": a post in
    apposition to the name that is the opposition's."""
    for post in name.children:
        if post.dep_ != "appos" or post.i < name.i or post.lower_ not in POST_NOUNS:
            continue
        for t in post.subtree:
            if t.lower_ != "opposition":
                continue
            # not in a clause of its own: "leader of the party that joined the opposition"
            path, h = [], t
            while h.i != post.i and h.head.i != h.i:
                path.append(h)
                h = h.head
            if not any(w.pos_ in ("VERB", "AUX") for w in path):
                return True
    return False
