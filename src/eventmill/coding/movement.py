"""Forces moved: a state's troops rolled into its own towns, forces moved there by no one
named, warplanes or warships sent into the air or waters another state claims. Each is a
MOBILIZE; `Coder._travel` hands these verbs over (its own are visits and deployments abroad)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventmill.actors.kb import KnowledgeBase
from eventmill.actors.resolver import Mention, country_actor, state_sector
from eventmill.coding.arguments import Arguments, MentionIndex, _verb_sources
from eventmill.coding.lexicon import Lexicon, Rule
from eventmill.coding.triggers import Trigger
from eventmill.schema import Actor, Place

# sectors whose travel abroad is a deployment, not a visit
MOVING_FORCES = frozenset({"MIL", "COP"})
# craft of armed forces, and craft that are when named so ("military aircraft")
WAR_CRAFT = frozenset(
    {
        "warplane",
        "bomber",
        "fighter",
        "warship",
        "frigate",
        "destroyer",
        "submarine",
        "gunboat",
        "corvette",
        "cruiser",
        "minesweeper",
    }
)
CRAFT = frozenset({"aircraft", "plane", "jet", "ship", "vessel", "drone", "helicopter", "boat"})
MILITARY_WORDS = frozenset(
    {"military", "naval", "navy", "war", "army", "fighter", "combat", "guard"}
)
# air and sea a state claims as its own
CLAIMED_ZONES = frozenset({"zone", "zones", "airspace", "waters"})
# where the wounded and the held are taken: no deployment
NO_DEPLOYMENT_PLACES = frozenset(
    {
        "hospital",
        "clinic",
        "morgue",
        "prison",
        "jail",
        "court",
        "custody",
        "home",
        "base",
        "barracks",
    }
)
CASUALTY_WORDS = frozenset(
    {"wounded", "injured", "dead", "body", "remains", "sick", "captured", "kidnapped"}
)
# unnamed towns forces are moved into at home: "poured into the capital"
HOME_AREAS = frozenset(
    {
        "capital",
        "city",
        "town",
        "village",
        "street",
        "square",
        "province",
        "region",
        "valley",
        "district",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "outskirts",
        "area",
    }
)


def _people_where(verb: Token, home: str | None, kb: KnowledgeBase) -> Mention:
    """The people of the state the forces were moved into, as the target on the verb."""
    people = (
        state_sector(kb, home, "CVL")
        if home in kb.countries
        else Actor("unknown civilians", None, "CVL", "")
    )
    return Mention(verb.i, verb.i + 1, verb.i, people, "sector", how="the people where forces went")


def forces_home(
    verb: Token,
    dest: Place | None,
    index: MentionIndex,
    sent: Span,
    story_country: str | None,
    kb: KnowledgeBase,
) -> list[tuple[Trigger, Arguments]]:
    """'troops poured into Harare', 'columns of troops and armoured vehicles rolled into
    the three cities': a state's forces moved into its own towns stand against its
    people (a show of force at home)."""
    if any(c.dep_ == "dobj" for c in verb.children) and verb.lemma_.lower() != "enter":
        return []  # "the army moved its headquarters to Nairobi": a thing moved
    if dest is None:
        # an unnamed town of the forces' own country: "rolled into the capital"
        into = next(
            (
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in ("into", "to")
                for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in HOME_AREAS
            ),
            None,
        )
        if into is None:
            return []
    elif dest.country is None:
        return []
    sources, how, strength = _verb_sources(verb, index, sent, sent.doc)
    if not sources:
        # "columns of troops and armoured vehicles rolled into Cairo": the forces are
        # named after the word for their number or formation
        sources, how = _forces_of_group(verb, index, sent.doc), "forces in a group"
        strength = 0.85
    out = []
    rule = Rule(verb.lemma_.lower(), "MOBILIZE", "troops", confidence=0.6)
    for source in sources:
        country = source.actor.country
        if source.actor.sector not in MOVING_FORCES or country not in (
            None,
            dest.country if dest is not None else story_country,
        ):
            # "Russian troops rolled into the capital" in a story of Ukraine: no home
            continue
        where = dest.name if dest is not None else "their own country"
        why = f"forces moving at home: '{verb.lemma_}' into {where}"
        home = dest.country if dest is not None else country
        target = _people_where(verb, home, kb)
        how_both = f"source: {how}; target: the people of {where}"
        trig = Trigger(verb, "MOBILIZE", "troops", rule, why)
        out.append((trig, Arguments(source, target, how_both, strength * 0.9)))
    return out


def forces_brought(
    verb: Token,
    dest: Place | None,
    index: MentionIndex,
    sent: Span,
    story_country: str | None,
    kb: KnowledgeBase,
    lex: Lexicon,
) -> list[tuple[Trigger, Arguments]]:
    """'Soldiers were flown into the provincial capital', 'troops had been sent to the
    valley', 'riot police were brought into the capital': forces moved by no one named
    were moved by their own state: a deployment against the people where they went at
    home, or against the state they were sent into abroad."""
    if verb.lemma_.lower() not in lex.brought_force_verbs:
        return []
    if any(
        index.of_token(p) is not None
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
    ):
        return []  # "were sent by Moscow": the doer is named, the trigger's own event
    if any(
        p.lemma_.lower() in NO_DEPLOYMENT_PLACES
        for c in verb.children
        if c.dep_ == "prep"
        for p in c.children
        if p.dep_ == "pobj"
    ):
        return []  # "two soldiers were flown to hospital in Nairobi": the wounded
    into = next(
        (
            p
            for c in verb.children
            if c.dep_ in ("prep", "dative") and c.lower_ in ("into", "to", "in")
            for p in c.children
            if p.dep_ == "pobj" and p.lemma_.lower() in HOME_AREAS
        ),
        None,
    )
    if (dest is None or dest.country is None) and into is None:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or any(c.lemma_.lower() in CASUALTY_WORDS for c in subject.subtree):
        return []
    m = index.of_token(subject, allow_inner=False)
    if m is not None and m.actor.sector in MOVING_FORCES:
        sources = index.coordinated(m, sent.doc)
    else:
        sources = _forces_of_group(verb, index, sent.doc, "nsubjpass")
    if dest is not None and dest.country:
        home = dest.country
    else:
        # "were sent to Mozambique's Cabo Delgado province": the area's own state
        owner = next((index.of_token(c) for c in into.children if c.dep_ == "poss"), None)
        home = owner.actor.country if owner is not None else story_country
    named = {s.actor.country for s in sources if s.actor.country}
    if named - {home}:
        # forces sent abroad: often at the host's request (aid), not told here
        return []
    rule = Rule(verb.lemma_.lower(), "MOBILIZE", "troops", confidence=0.6)
    where = dest.name if dest is not None and dest.country else into.text
    out = []
    for source in sources:
        if source.actor.country is None and home in kb.countries:
            # "soldiers were flown into Cobija": the forces of the state they serve in
            forces = state_sector(kb, home, source.actor.sector, source.actor.mention)
            source = replace(source, actor=forces)
        target = _people_where(verb, home, kb)
        why = f"forces moved at home: '{verb.lemma_}' into {where}"
        trig = Trigger(verb, "MOBILIZE", "troops", rule, why)
        how_both = "source: the forces moved; target: the people where they were moved"
        out.append((trig, Arguments(source, target, how_both, 0.8)))
    return out


def incursion(
    verb: Token, index: MentionIndex, sent: Span, kb: KnowledgeBase
) -> list[tuple[Trigger, Arguments]]:
    """'21 Chinese military aircraft flew into its air defence identification zone', 'two
    Russian warships sailed into Japanese waters': warplanes or warships sent into the
    air or sea another state claims are a show of force against it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "two B-52 bombers that flew through its zone"
    if subject is None or not _military_craft(subject):
        return []
    zone = next(
        (
            p
            for c in verb.children
            if (c.dep_ == "prep" and c.lower_ in ("into", "through", "over"))
            for p in c.children
            if p.dep_ == "pobj" and p.lower_ in CLAIMED_ZONES
        ),
        None,
    )
    if zone is None and verb.lemma_.lower() in ("enter", "violate", "breach", "penetrate"):
        zone = next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in CLAIMED_ZONES),
            None,
        )
    if zone is None:
        return []
    sources, how, strength = _verb_sources(verb, index, sent, sent.doc)
    owner = None
    for c in zone.children:
        if c.dep_ == "poss" and c.lower_ in ("its", "their"):
            owner = _reporting_state(verb, index)
        elif c.dep_ in ("poss", "amod", "compound", "nmod"):
            owner = index.of_token(c, allow_inner=True) or owner
    if owner is None or not owner.actor.country:
        return []
    host = Mention(
        zone.i,
        zone.i + 1,
        zone.i,
        country_actor(kb, owner.actor.country, owner.actor.name),
        "country",
        how="the state whose air or waters were entered",
    )
    rule = Rule(verb.lemma_.lower(), "MOBILIZE", "weapons", confidence=0.6)
    why = f"military craft '{subject.text}' {verb.lemma_} into {zone.text}"
    out = []
    for source in sources:
        if not source.actor.country or source.actor.country == owner.actor.country:
            continue
        trig = Trigger(verb, "MOBILIZE", "weapons", rule, why)
        how_both = f"source: {how}; target: the state whose {zone.text} it is"
        out.append((trig, Arguments(source, host, how_both, strength * 0.9)))
    return out


def _military_craft(token) -> bool:
    """'bombers', 'warships', 'military aircraft', 'navy ships': craft of armed forces."""
    lemma = token.lemma_.lower()
    if lemma in WAR_CRAFT:
        return True
    return lemma in CRAFT and any(
        c.lower_ in MILITARY_WORDS for c in token.children if c.dep_ in ("amod", "compound")
    )


def _reporting_state(verb, index: MentionIndex):
    """The state that tells of an act on itself: 'Taiwan said ... its zone'."""
    tok = verb
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            m = index.of_token(subject, allow_inner=True) if subject is not None else None
            if m is not None and m.actor.country:
                return m
    return None


def passive(verb: Token) -> bool:
    """A verb told in the passive."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _forces_of_group(verb, index: MentionIndex, doc, dep: str = "nsubj") -> list[Mention]:
    """'Columns of troops', 'thousands of riot police': the forces after 'of' in a subject
    that counts or forms them."""
    subject = next((c for c in verb.children if c.dep_ == dep), None)
    if subject is None:
        return []
    for _ in range(2):  # "tens of thousands of troops"
        prep = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is None:
            return []
        m = index.of_token(pobj, allow_inner=False)
        if m is not None and m.actor.sector in MOVING_FORCES:
            return index.coordinated(m, doc)
        subject = pobj
    return []
