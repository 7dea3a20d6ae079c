"""Source and target of an event: from the dependency parse, with fallbacks for bad parses.

The parser is often wrong on news text (on a long sentence it may leave a verb with no
subject at all), so each rule says how it found an argument and the confidence drops for
the weaker ones: a grammatical subject beats the nearest actor to the left.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from eventmill.actors.resolver import SECTOR_LABEL, Mention
from eventmill.coding.factuality import SAYING_WHAT_WILL_BE, denier_of_joined, saying_above
from eventmill.coding.places import gazetteer
from eventmill.coding.triggers import (
    CONCERN_WORDS,
    NAMED_WRONG_WHY,
    PENALTY_WHY,
    PRAISED_WHY,
    RELATIVE_PRONOUNS,
    VERDICT_WHY,
    Trigger,
    excused_in,
    said_clauses,
)

SUBJECT_DEPS = ("nsubj", "csubj")
# participles of feeling or stance: "X is opposed to Y", "X was angered by Y" (X holds it)
STATIVE_PARTICIPLES = frozenset(
    {
        "oppose",
        "concern",
        "worry",
        "alarm",
        "anger",
        "outrage",
        "dismay",
        "disappoint",
        "please",
        "satisfy",
        "encourage",
        "commit",
        "determine",
        "prepare",
        "frustrate",
        "disturb",
        "shock",
        "appal",
        "appall",
        "trouble",
        "incense",
        "infuriate",
        "gratify",
        "delight",
        "hearten",
    }
)
TARGET_PREPS = (
    "to",
    "against",
    "on",
    "upon",
    "with",
    "at",
    "toward",
    "towards",
    "into",
    "over",
    "for",
)
# verbs of a complaint lodged with one party about another's act
COMPLAINT_VERBS = frozenset({"complain", "protest"})
NOUN_TARGET_PREPS = ("to", "against", "on", "upon", "with", "toward", "towards", "into", "for")
# verbs whose object is the doer of the verb they govern: "urged Russia to withdraw"
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "force",
        "persuade",
        "order",
        "tell",
        "press",
        "push",
        "pressure",
        "invite",
        "allow",
        "encourage",
        "compel",
        "request",
        "help",
    }
)
# people who act for the actor named in their "of"/"for"/"from" phrase
ROLE_NOUNS = frozenset(
    {
        "leader",
        "member",
        "official",
        "representative",
        "head",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "delegation",
        "delegate",
        "envoy",
        "wing",
        "faction",
        "commander",
        "fighter",
        "militant",
        "supporter",
        "doctor",
        "lawyer",
        "minister",
        "ambassador",
        "diplomat",
        "negotiator",
        "team",
    }
)
RECIPROCAL_VERBS = frozenset({"exchange", "trade", "swap"})
# acts whose object may be the doer's own force ("sent troops to", "withdrew its troops")
MOVED_FORCE_TYPES = ("RETREAT", "MOBILIZE", "AID", "AGREE")
# "X accused Y of Ving": Y is the doer of V
ACCUSING_VERBS = frozenset(
    {"accuse", "blame", "charge", "suspect", "condemn", "criticise", "criticize", "convict"}
)
# acts done by speaking: joined to a clause said, they are the speaker's ("said ... and
# accused"); a material act joined so is the clause's ("killed one and wounded two others")
SPOKEN_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE"})
# verbs that say a clause: an act joined to the clause by "and" may be the speaker's
SAYING_VERBS = frozenset({"say", "tell", "announce", "declare", "state", "add", "warn"})
# writings that speak for their authors: "a report by the UN found ..."
DOCUMENT_NOUNS = frozenset(
    {"audit", "report", "inquiry", "investigation", "probe", "study", "review", "statement"}
)
# fights between two sides: "killed in a clash with Chinese troops" names the other side
FIGHT_NOUNS = frozenset(
    {
        "clash",
        "fighting",
        "battle",
        "skirmish",
        "firefight",
        "gunfight",
        "confrontation",
        "exchange",
        "shootout",
        "brawl",
    }
)
# nouns of an armed act: the adjective on one names who acts ("the first American assault"),
# never whom it falls on
FORCE_NOUNS = frozenset(
    {
        "assault",
        "attack",
        "strike",
        "strikes",
        "offensive",
        "raid",
        "invasion",
        "operation",
        "bombardment",
        "bombing",
        "incursion",
        "intervention",
        "aggression",
        "onslaught",
    }
)
# the arms force is used with: fired, or pounded "with", they are the doer's, no target
WEAPON_WORDS = frozenset(
    {
        "artillery",
        "missile",
        "rocket",
        "drone",
        "mortar",
        "shell",
        "bomb",
        "warplane",
        "jet",
        "helicopter",
        "gunship",
        "tank",
        "cannon",
    }
)
QUANTITY_NOUNS = frozenset(
    {
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "score",
        "scores",
        "ten",
        "tens",
        "million",
        "millions",
        "number",
        "group",
        "crowd",
        "some",
        "many",
        "most",
        "all",
        "several",
        # bodies of people named by whom they are made of ("a squad of armed men", "gangs of
        # young Kyrgyz men", "half of his cabinet ministers")
        "squad",
        "gang",
        "band",
        "team",
        "cell",
        "half",
        "handful",
        "majority",
    }
)


@dataclass
class Arguments:
    source: Mention | None
    target: Mention | None
    how: str
    strength: float  # 1.0 for grammatical roles, lower for fallbacks
    symmetric: bool = False
    mediated: bool = False  # a go-between's talks with one party ("brokered by")


class MentionIndex:
    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.at: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.at.setdefault(i, m)

    def of_token(self, token, allow_inner: bool = True) -> Mention | None:
        """The mention a token heads or lies in; else one that modifies it directly."""
        m = self.at.get(token.i)
        if m is not None:
            return m
        if token.lemma_.lower() in QUANTITY_NOUNS or token.pos_ == "NUM":
            # "thousands of Iraqi Kurds", "dozens of students": the people counted
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = _pobj(child)
                    if pobj is not None:
                        return self.of_token(pobj, allow_inner)
        if allow_inner:
            for child in token.children:
                if child.dep_ in ("compound", "poss", "nmod", "amod"):
                    inner = self.at.get(child.i)
                    if inner is not None:
                        return inner
            for child in token.children:
                if child.dep_ == "compound" and token.ent_type_ == "ORG":
                    # "the Sudanese Professionals Association": a nationality deep in the
                    # name of an organisation we do not know
                    for grand in child.children:
                        inner = self.at.get(grand.i)
                        if grand.dep_ in ("compound", "amod") and inner is not None:
                            return inner
        if token.lemma_.lower() in ROLE_NOUNS:
            # "leaders of the opposition coalition", "a spokesman for Hamas", "doctors from
            # American aid groups": people who act for the actor named after them
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "for", "from"):
                    pobj = _pobj(child)
                    if pobj is not None:
                        return self.of_token(pobj, allow_inner)
        if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
            # "Michal Simecka of Progressive Slovakia", "Jose Miguel Vivanco of Human Rights
            # Watch": a person we do not know speaks for the body named after "of"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = _pobj(child)
                    found = self.at.get(pobj.i) if pobj is not None else None
                    if found is not None and found.kind in ("org", "group", "country"):
                        return found
        if token.lemma_.lower() in DOCUMENT_NOUNS:
            # "an audit by the Organization of American States found ...": who wrote it
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                    pobj = _pobj(child)
                    found = self.of_token(pobj, allow_inner) if pobj is not None else None
                    if found is not None:
                        return found
        for child in token.children:
            if child.dep_ == "appos" and child.i > token.i:
                # "Kenzo Oshima, the UN relief coordinator,": a name we do not know, and
                # the title in apposition that says whom he acts for
                return self.of_token(child, allow_inner)
        return None

    def coordinated(self, m: Mention, doc) -> list[Mention]:
        """'Aliyev and Pashinyan': the mention and those joined to it by 'and'.

        An apposition is the same actor: in "Aliyev and Armenia's prime minister, Nikol
        Pashinyan" the name hangs from the title, and the title from "Aliyev".
        """
        group = self._coordinated(m, doc)
        unique: list[Mention] = []
        for g in group:
            if g is not m and (g.place_like or g.modifier):
                continue  # "in Dushanbe, Aliyev and ...": the parser joined a place
            if not any(u.actor.same_as(g.actor) for u in unique):
                unique.append(g)
        return unique

    def _coordinated(self, m: Mention, doc) -> list[Mention]:
        group = [m]
        anchor = doc[m.head]
        while anchor.dep_ == "appos" and anchor.head.i != anchor.i:
            anchor = anchor.head
            other = self.at.get(anchor.i)
            if other is not None and other not in group and not other.place_like:
                m = other
                group = [other]
        frontier = [anchor]
        last = doc[m.end - 1]
        if m.kind == "office" and last.i != anchor.i and last.dep_ == "pobj":
            # "the leaders of France, Germany and Britain": the list hangs on the state
            frontier.append(last)
        seen = {t.i for t in frontier}
        while frontier:
            tok = frontier.pop()
            for child in tok.children:
                # "Canada, Brazil and Colombia": the parser hangs a list on appositions too
                if child.dep_ in ("conj", "appos") and child.i not in seen:
                    seen.add(child.i)
                    other = self.at.get(child.i)
                    if (
                        child.dep_ == "appos"
                        and other is not None
                        and (
                            (other.kind == "person" and m.kind in ("office", "sector"))
                            or (other.kind == "office" and m.kind == "person")
                        )
                    ):
                        # "the US commander, General David Petraeus", "Michelle Bachelet, a
                        # former Chilean president": one person
                        continue
                    if other is not None and other not in group:
                        group.append(other)
                    frontier.append(child)
        # also when m itself is the conjunct: walk up to the first
        head = anchor
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
            other = self.at.get(head.i)
            if other is not None and other not in group:
                group.insert(0, other)
        listed = self._listed_before(m, doc)
        if listed is not None and listed not in group:
            group.insert(0, listed)
        shared = self._sharing_the_noun(m, doc)
        if shared is not None and not any(g.actor.same_as(shared.actor) for g in group):
            group.insert(0, shared)
        return group

    def _listed_before(self, m: Mention, doc) -> Mention | None:
        """ "Thailand, Cambodia agree to ceasefire": a headline lists its doers with a comma
        and no "and", and the parser hangs the first from the verb as a modifier. A state
        so listed before a state that is the subject acts with it."""
        subject = doc[m.head]
        if m.kind != "country" or subject.dep_ != "nsubj":
            return None
        for sibling in subject.head.children:
            if sibling.dep_ not in ("npadvmod", "dep") or sibling.i >= subject.i:
                continue
            other = self.at.get(sibling.i)
            if (
                other is not None
                and other.kind == "country"
                and not other.place_like
                and other.end == subject.i - 1
                and doc[other.end].text == ","
            ):
                return other
        return None

    def _sharing_the_noun(self, m: Mention, doc) -> Mention | None:
        """'U.S. and British warships': the state joined to the adjective of a sector
        mention owns the same kind of force ('United States armed forces')."""
        first = doc[m.start]
        if m.kind != "sector" or first.dep_ != "conj":
            return None
        owner = first.head
        while owner.dep_ == "conj" and owner.head.i != owner.i:
            owner = owner.head
        other = self.at.get(owner.i)
        if (
            other is None
            or other.kind != "country"
            or owner.head.i != m.head
            or owner.dep_ not in ("nmod", "amod", "compound")
        ):
            return None
        label = SECTOR_LABEL.get(m.actor.sector or "", m.actor.sector or "")
        actor = replace(other.actor, name=f"{other.actor.name} {label}", sector=m.actor.sector)
        return replace(other, actor=actor, how="state joined to the adjective of a force")


def _usable(m: Mention | None, allow_modifier: bool = False) -> bool:
    return m is not None and not m.place_like and (allow_modifier or not m.modifier)


def _pobj(prep):
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _stative(verb) -> bool:
    """'Israel is opposed to', 'China was angered by': a participle of feeling or stance whose
    grammatical subject holds it, and whose 'by' names what it is about."""
    return (
        verb.lemma_.lower() in STATIVE_PARTICIPLES
        and verb.tag_ == "VBN"
        and any(c.dep_ == "nsubjpass" for c in verb.children)
    )


def _subject_token(verb, depth: int = 0):
    """(token, how) of the doer of `verb`, following conj, xcomp and relative clauses."""
    if depth > 4:
        return None, ""
    if _stative(verb):
        holder = next(c for c in verb.children if c.dep_ == "nsubjpass")
        return holder, "subject of a participle of stance"
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # "DOHA, June 8 — Saudi Arabia ... severed": the parser may take the dateline for a
    # subject; an upper-case place at the start of the sentence never is one
    subjects = [c for c in subjects if not (c.is_upper and len(c) > 2 and c.i == c.sent.start)]
    if len(subjects) > 1:
        # "In Urumqi, the regional capital, police shot ...": a verb has one subject; of two
        # the parser found, the one nearest before the verb is it, not an apposition before
        subjects.sort(key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
    for child in subjects:
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            among = _among_whom(verb.head)
            if among is not None:
                return among, "subject of 'were among those' the relative clause tells"
            return verb.head, "antecedent of a relative clause"
        return child, "subject"
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = _pobj(child)
            if pobj is not None:
                return pobj, "agent of a passive"
    shared = _shared_agent(verb)
    if shared is not None:
        return shared, "agent of the passive joined to it"
    denier = denier_of_joined(verb)
    if denier is not None:
        tok, how = _subject_token(denier, depth + 1)
        return tok, (how + " of the verb of denying") if tok is not None else ""
    if _listed_verb(verb) and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # (not "Eighteen people died and 243 were injured": a passive with a subject of its
        # own tells what was done to it, and the first verb's subject did not do it)
        tok, how = _subject_token(verb.head, depth + 1)
        return tok, (how + " of the first of joined verbs") if tok is not None else ""
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj, "object of the governing verb"
        tok, how = _subject_token(head, depth + 1)
        return tok, (how + " of the governing verb") if tok is not None else ""
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # (not "Wong, who was arrested on Friday": the antecedent underwent the act)
        return verb.head, "antecedent of a relative clause"
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.pos_ == "VERB":
        accuser = verb.head.head
        obj = next((c for c in accuser.children if c.dep_ in ("dobj", "obj")), None)
        if accuser.lemma_.lower() in ACCUSING_VERBS and obj is not None:
            # "accused the police of firing at protesters": the accused did the firing
            return obj, "the one accused of it"
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.pos_ != "VERB":
        accused = _accused_above(verb.head)
        if accused is not None:
            # "accused a group of Saudi agents of murdering him": the parser hangs the act
            # from a noun inside the object; the accused did it still
            return accused, "the one accused of it"
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "swapped threats before agreeing": the doer of the main verb
        tok, how = _subject_token(verb.head.head, depth + 1)
        return tok, (how + " of the main clause") if tok is not None else ""
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
        head = verb.head
        if (
            head.dep_ == "xcomp"
            and verb.left_edge.i > 0
            and verb.doc[verb.left_edge.i - 1].lower_ == ","
        ):
            # "ordered the envoys to leave, accusing them of spying": the parser hangs the
            # aside on the act ordered, but its doer is who gave the order
            head = head.head
        tok, how = _subject_token(head, depth + 1)
        return tok, (how + " of the main clause") if tok is not None else ""
    return None, ""


def _accused_above(prep):
    """The object of a verb of accusing whose phrase an "of" hangs inside ("accused a
    15-member Saudi team that flew into Istanbul ... of murdering"), or None."""
    tok = prep
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in ACCUSING_VERBS:
            return tok if tok.dep_ in ("dobj", "obj") else None
        tok = head
    return None


def _listed_verb(verb) -> bool:
    """A verb joined to the one before it: by "and" (conj), or in a list of acts by commas
    that the parser leaves unlabelled ("called in the ambassador, lodged a protest and
    demanded ..." makes "lodged" a dep of "called")."""
    if verb.dep_ == "conj":
        return True
    return (
        verb.dep_ == "dep"
        and verb.pos_ == "VERB"
        and verb.head.pos_ == "VERB"
        and verb.head.i < verb.i
        and verb.doc[verb.i - 1].text == ","
    )


def _among_whom(antecedent):
    """ "Brazil, Colombia and Chile were among the governments (in the region) that
    condemned the raid": the subject of "were among", whose members did it."""
    noun = antecedent
    for _ in range(3):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return None
        if prep.lower_ == "among" and prep.head.lemma_ == "be":
            return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
        if prep.head.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = prep.head  # "the governments in the region": up from the place
    return None


# acts whose doer may go unnamed: an attack (unidentified attackers) and an arrest or a
# ban (the authorities)
DOERLESS_TYPES = ("ASSAULT", "COERCE")
# people held by captors, not by a state: whoever frees them is no state's authorities
HELD_BY_CAPTORS = frozenset({"hostage", "captive", "abductee"})


# what explodes: as a verb's subject or agent, an attack whose doer is not named
EXPLOSIVE_NOUNS = frozenset(
    {"bomb", "bombing", "blast", "explosion", "device", "ied", "mine", "landmine", "explosive"}
)


def bomb_of(verb) -> Token | None:
    """ "A roadside bomb killed ...", "A car bomb explosion killed ...", "... were killed by
    an improvised explosive device": the bomb that is the act's subject or agent."""
    for child in verb.children:
        doer = child if child.dep_ in ("nsubj", "csubj") else None
        if child.dep_ == "agent":
            doer = _pobj(child)
        if doer is not None and doer.lemma_.lower() in EXPLOSIVE_NOUNS:
            return doer
    return None


def _passive_patient(verb):
    if _stative(verb):
        return None  # "Israel is opposed to": Israel holds the stance
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _shared_agent(verb):
    """ "were beaten and detained by troops": the 'by' of the last of joined passives is the
    doer of each."""
    if verb.tag_ != "VBN" or not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.tag_ == "VBN" and not any(
            c.dep_ in ("nsubjpass", "nsubj") for c in conj.children
        ):
            agent = next((c for c in conj.children if c.dep_ == "agent"), None)
            if agent is not None:
                return _pobj(agent)
    return None


# how an act on a person who is no actor of ours names its target
PERSON_ONLY = "a person named only"
# nouns of people acted upon who are no actor of ours ("the guard had been arrested");
# not the words of a death toll ("26 civilians were killed in the strikes", "several people
# have been killed"), whose attacker the story names elsewhere
PERSON_NOUNS = frozenset(
    {"man", "woman", "boy", "girl", "guard", "bodyguard", "officer", "journalist", "lawyer",
     "activist", "student", "teenager", "youth", "worker", "farmer", "driver", "priest",
     "doctor", "teacher", "blogger", "photographer", "reporter", "protester", "demonstrator",
     "member", "leader"}
)


def _someone(token) -> bool:
    """Whether a passive's subject is a person we hold no entry for: a name the tagger
    calls a person ("Zhan Qixiong"), or a noun of people ("two officers", "the guard")."""
    if token is None:
        return False
    return token.ent_type_ == "PERSON" or (
        token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS
    )


def _judged_owners(verb: Token) -> list[tuple[Token, str]]:
    """The owners of the act a spoken verdict judges: "said Poland's use of tear gas was
    unacceptable", "was concerned by Ukraine's move", "troubled by Beijing's crackdown"."""
    out = []
    for clause in said_clauses(verb):
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "said Poland's move was not a provocation": no verdict
        judged = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        judged += [p for c in clause.children if c.dep_ == "agent" for p in c.children]
        judged += [
            p
            for a in clause.children
            if a.dep_ == "acomp"
            for c in a.children
            if c.dep_ == "prep" and c.lower_ in ("by", "about", "over", "at")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        for act in judged:
            owner = next((c for c in act.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN":
                out.append((owner, "owner of the act judged"))
        excused = excused_in(clause)
        if excused is not None:
            # "no justification for the Iranian move", "for Russia's annexation"
            owner = next(
                (
                    c
                    for c in excused.children
                    if (c.dep_ == "poss" and c.pos_ == "PROPN")
                    or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
                ),
                None,
            )
            if owner is not None:
                out.append((owner, "owner of the act denied any excuse"))
        out += _urged_of_bare_concern(clause)
    return out


# verbs of pressing another to act, joined to a concern that names no object
URGING_VERBS = frozenset({"urge", "press", "ask", "implore", "exhort", "call"})
URGED_HOW = "the one urged, after a concern that names no object"


def _urged_of_bare_concern(clause: Token) -> list[tuple[Token, str]]:
    """ "said he was deeply concerned and urged the military to hand back power": a
    concern that names nothing it is about falls on the one urged in the same breath."""
    concern = next(
        (
            c
            for c in clause.children
            if c.dep_ == "acomp" and c.lower_ in CONCERN_WORDS
            and not any(p.dep_ == "prep" for p in c.children)
        ),
        None,
    )
    if concern is None:
        return []
    out = []
    for verb in (c for c in [*clause.children, *clause.head.children] if c.dep_ == "conj"):
        if verb.lemma_.lower() not in URGING_VERBS:
            continue
        urged = [c for c in verb.children if c.dep_ in ("dobj", "obj")] + [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        out += [(u, URGED_HOW) for u in urged]
    return out


def _state_it_lies_in(noun, index: MentionIndex) -> Mention | None:
    """The state a place or thing is said to lie in: "sites in Pakistan", "camps inside
    Syria", "villages across the border in Lebanon" (its name, even read as a place)."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "inside"):
            continue
        for pobj in prep.children:
            m = index.of_token(pobj) if pobj.dep_ == "pobj" else None
            if m is not None and m.kind == "country":
                return replace(m, place_like=False)
    return None


# the words that count people and say no more of them ("thousands protested")
COUNT_WORDS = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores",
     "ten", "tens", "million", "millions"}
)


def _counted_crowd(verb) -> bool:
    """Whether a verb's subject is a count of people and nothing else: "thousands", "tens of
    thousands", "hundreds more" (not "thousands of miners", whose people the mention has)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (
        subject.lemma_.lower() in COUNT_WORDS or subject.pos_ == "NUM"
    ):
        return False
    if subject.lower_ in ("tens", "hundreds", "dozens"):
        # "tens of thousands": the count goes on after "of"
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = _pobj(of) if of is not None else None
        return counted is None or counted.lemma_.lower() in QUANTITY_NOUNS
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def _agentless_passive(verb) -> bool:
    """'X was killed', 'soldiers killed in ...': a passive with no 'by' naming a doer."""
    if any(c.dep_ == "agent" for c in verb.children) or _shared_agent(verb) is not None:
        return False
    return _passive_patient(verb) is not None or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _doerless_act(trig: Trigger):
    """The agentless passive verb that states the act, or None: the trigger verb itself
    ("Yingluck was detained"), or the verb whose state a noun names ("was taken into
    custody", "was placed under house arrest")."""
    if not trig.is_noun:
        return trig.token if _agentless_passive(trig.token) else None
    noun = trig.token
    if noun.dep_ != "pobj":
        return None
    prep, verb = noun.head, noun.head.head
    state = prep.lower_ in ("into", "under") and trig.governor is not None
    # "was held in custody", "remained in detention": the state of one held (not "killed
    # in a crackdown", an act of its own)
    held = prep.lower_ == "in" and trig.mode == "arrest" and verb.pos_ == "VERB"
    if not (state or held) or (trig.governor is not None and verb.i != trig.governor.i):
        return None
    return verb if _agentless_passive(verb) else None


INSTRUMENT_PREPS = ("in", "by", "during", "from")


def _instrument_actor(verb, index: MentionIndex) -> Mention | None:
    """The actor named on the means of a passive attack: 'killed in Israeli shelling',
    'wounded by Russian missiles'."""
    for child in verb.children:
        if child.dep_ not in ("prep", "agent") or child.lower_ not in INSTRUMENT_PREPS:
            continue
        pobj = _pobj(child)
        if pobj is None:
            continue
        stack = [pobj]  # the parser may hang "in Israeli shelling" as the pobj "Israeli"
        while stack:
            tok = stack.pop(0)
            m = index.at.get(tok.i)
            # "in Israeli shelling" reads like a place phrase; a demonym is no place
            if m is not None and (not m.place_like or tok.text.lower() not in gazetteer()):
                return m
            stack.extend(c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod"))
            if tok.lemma_.lower() in FIGHT_NOUNS:
                # "killed in a clash with Chinese troops": the other side of the fight
                stack.extend(
                    p
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "with"
                    for p in c.children
                    if p.dep_ == "pobj"
                )
    return None


# the prepositions of what force is aimed at
AIMED_PREPS = ("on", "at", "against", "upon")
# a state's posts abroad: a penalty at its own post falls on the host
DIPLOMATIC_POSTS = frozenset({"embassy", "consulate", "mission"})
# penalties that fall on a state's goods, firms or people: "tariffs on Chinese steel"
PENALTY_TYPES = frozenset({"SANCTION", "COERCE"})


def _target_tokens(verb, exclude: set[int], preps=TARGET_PREPS):
    out = []
    for child in verb.children:
        if child.i in exclude:
            continue
        if child.dep_ in ("dative", "iobj"):
            out.append((child, "indirect object"))
    for child in verb.children:
        if child.i in exclude:
            continue
        if child.dep_ in ("dobj", "obj"):
            out.append((child, "object"))
        elif child.dep_ == "nsubjpass" and not _stative(verb):
            out.append((child, "subject of a passive"))
        elif child.dep_ == "agent" and _stative(verb) and _pobj(child) is not None:
            out.append((_pobj(child), "what the stance is about ('by')"))
    if (
        verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not _stative(verb)
    ):
        # "Navalny was among those held and was jailed for 15 days": a passive joined to
        # the verb before shares its subject
        shared = next(
            (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        if shared is not None and shared.i not in exclude:
            out.append((shared, "subject of a passive"))
    for child in verb.children:
        # "called on the army to ...": the parser may take the preposition for a particle
        # and still hang its object on it
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            pobj = _pobj(child)
            if pobj is None and child.lower_ in AIMED_PREPS:
                # "opened fire on Rajoelina supporters marching on a palace": the parser
                # makes the people the subject of a clause after the preposition (not
                # "with": "signed it, with Pompeo looking on" is told beside the act)
                clause = next((c for c in child.children if c.dep_ == "pcomp"), None)
                pobj = (
                    next((c for c in clause.children if c.dep_ == "nsubj"), None)
                    if clause is not None
                    else None
                )
            if pobj is not None and pobj.i not in exclude:
                out.append((pobj, f"object of '{child.lower_}'"))
    return out


def _nearest_left(index: MentionIndex, sent, before: int, exclude: set[int]) -> Mention | None:
    best = None
    for m in index.mentions:
        usable = m.end <= before and _usable(m) and m.head not in exclude and m.start >= sent.start
        if usable and (best is None or m.end > best.end):
            best = m
    return best


# verbs by which a third party brings two others together ("a deal brokered by Russia")
MEDIATING_VERBS = frozenset({"broker", "mediate", "host", "facilitate"})


def _mediated(verb, index: MentionIndex, sent) -> list[Arguments] | None:
    """ "Armenia and Azerbaijan agreed ... under a deal brokered by Russia", "talks between
    Israel and Hamas mediated by Qatar": the one who brokers or hosts meets each party. The
    parties are those between whom the talks are, else the doers of the clause the deal or
    talks belong to. None when the participle is not of that shape."""
    if not (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in MEDIATING_VERBS
    ):
        return None
    doc = sent.doc
    agent = next((_pobj(c) for c in verb.children if c.dep_ == "agent"), None)
    named = index.of_token(agent) if agent is not None else None
    if not _usable(named):
        return None
    mediators = index.coordinated(named, doc)
    noun = verb.head
    parties: list[Mention] = []
    how = ""
    for child in noun.children:
        pobj = _pobj(child) if child.dep_ == "prep" and child.lower_ == "between" else None
        m = index.of_token(pobj) if pobj is not None else None
        if _usable(m):
            parties, how = index.coordinated(m, doc), "'between X and Y'"
    # else the doers of the clause: "agreed ... under a deal brokered by Russia", "agreed
    # to a ceasefire after their leaders held talks hosted by Anwar" (no actor in "their
    # leaders": the clause above)
    clause = noun.head
    for _ in range(4):
        if parties:
            break
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ not in ("VERB", "AUX"):
            break
        parties, how, _strength = _verb_sources(clause, index, sent, doc)
        how = f"the doers of '{clause.text}'"
        if clause.head.i == clause.i:
            break
        clause = clause.head
    if parties and parties[0].kind == "pair" and parties[0].pair:
        first = parties[0]
        parties = [Mention(first.start, first.end, first.head, a, "pair") for a in first.pair]
    parties = [
        p
        for m in parties
        for p in _members(m)
        if p is not None and not any(p.actor.same_as(x.actor) for x in mediators)
    ]
    if not parties:
        return None
    return [
        Arguments(x, p, f"the one who {verb.lemma_}s it; each party: {how}", 0.9, mediated=True)
        for x in mediators
        for p in parties
    ]


# who is to be punished, named by what they did: "those behind it", "anyone who breaks it"
CULPRIT_WORDS = frozenset({"those", "anyone", "whoever", "everyone", "perpetrators"})
VOWED_HARM_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
VOWER_HOW = "source: the one who vows the penalty"
# who can punish: a state's arms and a rebel force; an opposition's or a watchdog's "will be
# arrested" foretells another's harm
PUNISHING_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "REB", "SPY"})


def _vower_of_penalty(trig: Trigger, index: MentionIndex) -> Mention | None:
    """The speaker who says harm "will" or "would" befall people named only by their deed,
    with no doer named ("vowed that those behind it would be harshly punished")."""
    verb = trig.token
    if trig.is_noun or trig.type not in VOWED_HARM_TYPES or trig.negated:
        return None
    if any(c.dep_ in ("agent", "neg") for c in verb.children):
        return None
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is None or patient.lower_ not in CULPRIT_WORDS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return None
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SAYING_WHAT_WILL_BE:
        return None
    saying = verb.head
    speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if speaker is None and saying.dep_ == "conj":
        # "Putin called the mutiny treason ... and vowed that": the first verb's subject
        speaker = next((c for c in saying.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return None
    for tok in (speaker, *(c for c in speaker.children if c.dep_ == "appos")):
        # "Urumqi's party chief, Li Zhi, has vowed": the name in apposition
        m = index.of_token(tok)
        if _usable(m) and m.actor.sector in PUNISHING_SECTORS:
            return m
    return None


def find_arguments(trig: Trigger, index: MentionIndex, sent) -> list[Arguments]:
    doc = sent.doc
    token = trig.token
    rule = trig.rule
    symmetric = rule.symmetric
    sources: list[Mention] = []
    target: Mention | None = None
    how_source = how_target = ""
    strength = 1.0

    if trig.is_noun:
        between: list[Mention | None] = []
        guessed_of: Mention | None = None  # an "of" doer of a guessed country, held back
        mods = []
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                m = index.of_token(child, allow_inner=True)
                if _usable(m, allow_modifier=True) and m not in mods:
                    mods.append(m)
                # "Aliyev-Pashinyan's": the possessor has its own compound
                for grand in child.children:
                    if grand.dep_ in ("compound", "nmod", "conj"):
                        g = index.of_token(grand, allow_inner=False)
                        if _usable(g, allow_modifier=True) and g not in mods:
                            mods.append(g)
        mods.sort(key=lambda m: m.start)
        if len(mods) >= 2:
            sources, target = [mods[0]], mods[1]
            how_source = how_target = "two actors named before the noun"
            symmetric = True
        elif mods:
            sources, how_source = [mods[0]], "possessive or adjective of the noun"
        for child in token.children:
            if child.dep_ != "prep":
                continue
            pobj = _pobj(child)
            if pobj is None:
                continue
            m = index.of_token(pobj)
            word = child.lower_
            # "riots against Israeli policies": what a protest or attack is against names
            # the state whose policy or army it is; "the arrest of British sailors": the
            # ones acted upon are of the state their adjective names
            owned_target = word == "against" or (word == "of" and rule.of == "target")
            if word in AIMED_PREPS and trig.type in PENALTY_TYPES and _usable(m, True):
                # "a ban on Ukrainian grain", "tariffs on U.S. imports": the state whose
                # goods, firms or people the penalty falls on; never the doer's own
                owned_target = True
            if not _usable(m, allow_modifier=owned_target):
                continue
            if word == "by" and not sources:
                sources, how_source = [m], "'by' after the noun"
            elif word == "between" and trig.mode == "mediate":
                # "a mediation effort between the Emirates and Saudi Arabia": the parties
                # the mediator meets, not the mediator
                between = [p for x in index.coordinated(m, doc) for p in _members(x)]
            elif word == "between":
                group = index.coordinated(m, doc)
                if m.kind == "pair" and m.pair:
                    sources, target = [m], m  # unpacked below
                elif len(group) >= 2:
                    sources, target = [group[0]], group[1]
                how_source = how_target = "'between X and Y'"
                symmetric = True
            elif word == "of":
                if rule.of == "target" and target is None:
                    target, how_target = m, "'of' after the noun"
                elif not sources and trig.governor is not None and _guessed_country(m):
                    # "Biden authorised the deployment of 5,000 troops": troops of no named
                    # state are the light verb's doer's, when it has one
                    guessed_of = m
                elif not sources:
                    sources, how_source = [m], "'of' after the noun"
            elif word == "from" and not sources:
                sources, how_source = [m], "'from' after the noun"
            elif word in NOUN_TARGET_PREPS and target is None:
                target, how_target = m, f"'{word}' after the noun"
        if trig.governor is None and not sources and _prep_verb(token) is not None:
            # "flew to Sochi for a working visit": the doer of the verb the noun hangs from
            sources, how_source, strength = _verb_sources(_prep_verb(token), index, sent, doc)
            strength *= 0.9
        if trig.governor is not None and not sources:
            sources, how_source, strength = _verb_sources(trig.governor, index, sent, doc)
            if not sources and guessed_of is not None:
                sources, how_source, strength = [guessed_of], "'of' after the noun", 1.0
            if target is None:
                exclude = {token.i} | {m.head for m in sources}
                for tok, how in _target_tokens(trig.governor, exclude):
                    m = index.of_token(tok)
                    aimed = (
                        trig.type in PENALTY_TYPES
                        and how in tuple(f"object of '{p}'" for p in AIMED_PREPS)
                        and _usable(m, allow_modifier=True)
                        and not any(s.actor.country == m.actor.country for s in sources)
                    )
                    if (_usable(m) or aimed) and m not in sources:
                        target, how_target = m, how + " of the light verb"
                        break
        if (
            target is not None
            and target.modifier
            and trig.type in PENALTY_TYPES
            and any(s.actor.country == target.actor.country for s in sources)
        ):
            target, how_target = None, ""  # "tariffs on American cars": the doer's own goods
        if target is None and trig.type == "ACCUSE" and sources:
            # "lodged a protest over what the ministry termed Baku's unfriendly steps"
            named = _what_it_called(token, index, sources)
            if named is not None:
                target, how_target = named, "whose act it is, in what the doer called it"
        parties = [p for p in between if p is not None and p not in sources]
        if parties and sources:
            how = f"source: {how_source}; each party: 'between X and Y'"
            return [
                Arguments(x, p, how, strength * 0.9, mediated=True)
                for m in sources
                for x in _members(m)
                if x is not None
                for p in parties
            ]
        if trig.governor is not None and (
            trig.governor.lemma_.lower() in RECIPROCAL_VERBS
            or any(c.lower_ in ("mutual", "reciprocal") for c in token.children)
        ):
            symmetric = True
    elif trig.charged is not None:
        # "Lavrov said NATO was provoking Russia": the speaker charges the clause's subject
        # ("Canberra's remarks were mistaken": its owner), and no one else
        sources, how_source, strength = _verb_sources(token, index, sent, doc, spoken=True)
        if not sources and trig.why == NAMED_WRONG_WHY:
            # "the ministry welcomed what it called ...": "it" is the doer of the act the
            # naming sits in
            holder = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if holder is not None and any(
                c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.children
            ):
                sources, how_source, strength = _verb_sources(
                    holder, index, sent, doc, spoken=True
                )
                how_source += " of the act the naming is in"
        m = index.of_token(trig.charged, allow_inner=True)
        if not _usable(m, allow_modifier=True) or m in sources:
            return []
        if (
            trig.why == PENALTY_WHY
            and m.kind in ("country", "person")
            and any(s.actor.country == m.actor.country for s in sources)
        ):
            return []  # "Putin said Russia would face any sanctions calmly": its own state
        target, how_target = m, (
            "the party named by a word of praise"
            if trig.why == PRAISED_WHY
            else "subject of the clause that charges it with a wrong"
        )
    else:
        verb = token
        if trig.type == "CONSULT":
            mediated = _mediated(verb, index, sent)
            if mediated is not None:
                return mediated
        sources, how_source, strength = _verb_sources(
            verb, index, sent, doc, spoken=trig.type in SPOKEN_TYPES
        )
        exclude = {m.head for m in sources}
        passive = _passive_patient(verb)
        preps = TARGET_PREPS + ((trig.particle,) if trig.particle else ())
        if trig.type == "RETREAT" and trig.mode in ("withdraw", None):
            preps += ("from",)  # "withdrew from Lebanon": the one left
        if trig.type == "ACCUSE" and verb.lemma_.lower() in COMPLAINT_VERBS:
            preps += ("about",)
        candidates = _target_tokens(verb, exclude, preps)
        if trig.type == "ACCUSE" and verb.lemma_.lower() in COMPLAINT_VERBS:
            # "complained to the United Nations over two Israeli air raids": the complaint is
            # against the one whose act it is about, not the one it is lodged with
            candidates = sorted(
                candidates, key=lambda c: c[1] not in ("object of 'over'", "object of 'about'")
            )
        if trig.why == VERDICT_WHY:
            # "told Merkel he was concerned by Ukraine's move": the verdict falls on the one
            # whose act is judged, before the one told of it
            candidates = _judged_owners(verb) + candidates
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "ten soldiers killed in Ukraine": the noun the participle describes
            candidates.insert(0, (verb.head, "noun the participle describes"))
        if not sources and trig.type == "ASSAULT" and _agentless_passive(verb):
            # "killed in Israeli tank shelling": the attacker named on the weapon or attack
            found = _instrument_actor(verb, index)
            if found is not None:
                sources, how_source, strength = [found], "actor named on the attack", 0.85
        if passive is not None and not any(c.dep_ == "agent" for c in verb.children):
            # "X was attacked": X is the target; the doer is unknown unless 'by' names it
            pm = index.of_token(passive)
            if sources and pm is not None and pm in sources:
                sources = []
            if (
                not sources
                and trig.negated
                and trig.type == "REJECT"
                and verb.dep_ == "ccomp"
                and verb.head.lemma_.lower() in SAYING_VERBS | {"vow", "insist", "pledge"}
            ):
                # "said Bashir would not be handed over": what the speaker says will not be
                # done is the speaker's own refusal
                said, _how, strength = _verb_sources(verb.head, index, sent, doc)
                if said and not (pm is not None and pm in said):
                    sources, how_source = said, "the speaker of a refusal told in the passive"
                    # the one not handed over is no target; the one refused is
                    candidates = [(t, h) for t, h in candidates if t.i != passive.i]
        for tok, how in candidates:
            if _traded(tok):
                continue  # "agreed to exchange 1,000 prisoners": what is traded, no party
            m = index.of_token(tok, allow_inner=True)
            if (
                m is not None
                and how == "object"
                and trig.type in MOVED_FORCE_TYPES
                and m.kind == "sector"
                and m.actor.sector in ("MIL", "COP", "REB")
            ):
                continue  # "withdrew its troops from Chad": the force moved, not the target
            if (
                m is not None
                and m.head != tok.i
                and tok.lemma_.lower() in FORCE_NOUNS
                and trig.type in ("ASSAULT", "COERCE", "MOBILIZE")
            ):
                continue  # "fired missiles, the first American assault": the doer's word
            if (
                m is not None
                and m.kind == "sector"
                and (
                    m.actor.country is None
                    or any(s.actor.country == m.actor.country for s in sources)
                )
                and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)
            ):
                continue  # "reviewing its military and other aid to Thailand": the doer's own
            if (
                m is not None
                and trig.type == "SANCTION"
                and tok.lemma_.lower() in DIPLOMATIC_POSTS
                and m.actor.country is not None
                and any(s.actor.country == m.actor.country for s in sources)
            ):
                continue  # "suspended visas at the U.S. embassy in Bogota": its own post
            if (
                m is not None
                and how == URGED_HOW
                and any(x.actor.country == m.actor.country for x in sources)
            ):
                continue  # "was concerned and asked Germans to stay home": her own people
            if m is not None and how in ("object", "object of 'with'") and _arms_used(trig, m, doc):
                continue  # "fired artillery", "pounded Mariupol with artillery": the arms used
            if how == "object" and m is not None and m.modifier:
                # "raided the Baku office of the Russian news agency": whose the thing is
                # comes before an adjective on it
                owner = _of_phrase(tok, index)
                if owner is not None and owner not in sources:
                    target, how_target = owner, "'of' after the object"
                    break
            if (
                how == "object"
                and m is not None
                and m.head != tok.i
                and " " in rule.lemma
                and tok.lemma_.lower() == rule.lemma.split()[-1]
            ):
                # "expressed Washington's full support for Correa": the owner of the noun
                # the verb is said with is its doer; the one it is for comes after it
                m = None
            if _usable(m, allow_modifier=True) and m not in sources:
                target, how_target = m, how
                break
            if how == "object":
                # "severed relations with Qatar": the object's own preposition names the target
                for child in tok.children:
                    if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS + ("of", "in"):
                        pobj = _pobj(child)
                        pm = index.of_token(pobj) if pobj is not None else None
                        if (
                            pm is None
                            and pobj is not None
                            and child.lower_ in NOUN_TARGET_PREPS
                            and trig.type == "ASSAULT"
                        ):
                            # "launched missile strikes on nine sites in Pakistan": what the
                            # act fell on lies in the state named after it
                            pm = _state_it_lies_in(pobj, index)
                        if _usable(pm) and pm not in sources:
                            target, how_target = pm, f"'{child.lower_}' after the object"
                            break
                if target is not None:
                    break
        if target is None and trig.type in ("REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT"):
            # "demanded that Wickremesinghe quit": the doer of the demanded act
            for child in verb.children:
                if child.dep_ == "ccomp":
                    subj = next(
                        (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None
                    )
                    m = index.of_token(subj) if subj is not None else None
                    # "warned that Saudi oil facilities could be hit": a warning or a
                    # complaint is about the owner named on the clause's subject
                    owner_ok = trig.type in ("THREATEN", "ACCUSE")
                    if (
                        _usable(m, allow_modifier=owner_ok)
                        and m not in sources
                        and not _own_state(m, sources)
                    ):
                        target, how_target = m, "subject of the clause demanded"
                        break
        if target is None and trig.type in SUMMARY_STANCE_TYPES:
            doer = _summarised_doer(verb, index, sources)
            if doer is not None:
                target, how_target = doer, "doer of the act the summing noun names"
        if target is None and trig.type == "ACCUSE":
            named = _what_it_called(verb, index, sources)
            if named is not None:
                target, how_target = named, "whose act it is, in what the doer called it"
        if target is None and trig.type == "THREATEN":
            # "threatened to open the gates to refugees if the EU called it an occupation",
            # "to cut off transit of Russian gas unless the EU ...": a threat on a condition
            # is aimed at the one whose conduct the condition names
            doer = _conditioned_party(verb, index, sources)
            if doer is not None:
                target, how_target = doer, "subject of the condition the threat sets"
        if target is None:
            # "threatened to impose sanctions on Iran", "refused to meet Putin": the target
            # of the act threatened, promised or refused; "reserved the right to respond to
            # the Israeli attack": of the act the threat's object names
            acts = list(verb.children)
            if trig.type == "THREATEN":
                acts += [
                    a
                    for o in verb.children
                    if o.dep_ in ("dobj", "obj")
                    for a in o.children
                    if a.dep_ == "acl"
                ]
            for child in acts:
                if child.dep_ in ("xcomp", "acl") and child.pos_ == "VERB":
                    for tok, how in _target_tokens(child, {m.head for m in sources}):
                        m = index.of_token(tok, allow_inner=True)
                        if (
                            _usable(m, allow_modifier=True)
                            and m not in sources
                            and not _traded(tok)
                            and not (trig.type == "THREATEN" and _own_state(m, sources))
                        ):
                            # "threatened to pull Kenya out of the bloc": the threat falls
                            # on the bloc, not on the threatener's own state
                            target, how_target = m, how + f" of '{child.text}'"
                            break
                    if target is not None:
                        break
        if trig.type == "PROTEST" and (target is None or how_target == "object"):
            # "rallied outside the French embassy", "a protest at the U.S. consulate": a
            # crowd at a state's post abroad protests to that state (not to the flags it
            # waved, "rallied outside the embassy, some waving Russian flags")
            post = _diplomatic_post_at(token if trig.is_noun else verb, index, sources)
            if post is not None:
                target, how_target = post, "the state whose post the crowd gathered at"
        own_object = any(c.dep_ in ("dobj", "obj") for c in verb.children)
        if (
            target is None
            and verb.dep_ == "conj"
            and (trig.type in SPOKEN_TYPES or not new_thing_object(verb))
            and not (trig.type in OWN_OBJECT_TYPES and own_object)
        ):
            # "telephoned Aliyev and apologised": the second verb shares the first's object;
            # never the first's passive subject when it has an object of its own ("six
            # people were killed ... and called the strike aggression"). Words keep the
            # first's ("telephoned the kings and urged restraint"); a material act on a new
            # thing does not ("put its army on alert and sent reinforcements")
            for tok, how in _target_tokens(verb.head, {m.head for m in sources}):
                if own_object and how == "subject of a passive":
                    continue
                m = index.of_token(tok, allow_inner=True)
                if _usable(m) and m not in sources:
                    target, how_target = m, how + " of the first of joined verbs"
                    break
        if target is None and not ((symmetric or rule.joint) and len(sources) >= 2):
            # "rejected calls by Belarus's rulers", "promised to continue aid to Mozambique",
            # "expelled two Russian diplomats": an actor inside the object phrase
            deep = _actor_in_complements(verb, index, sources)
            if (
                deep is not None
                and trig.type in MOVED_FORCE_TYPES
                and deep[0].kind == "sector"
                and deep[0].actor.sector in ("MIL", "COP", "REB")
                and deep[0].actor.country is None
            ):
                deep = None  # "sending 2,000 peacekeepers to the region": the force moved
            if deep is not None and _arms_used(trig, deep[0], doc):
                deep = None
            if deep is not None:
                target, how_target = deep
                strength *= 0.85

    if trig.type in WRONG_NAMING_TYPES and target is not None and wronged_owner(target, doc):
        # "condemned a violation of Qatar's sovereignty", "warned against interference in
        # Cuba's internal affairs": Qatar and Cuba were wronged
        target = None

    if (
        trig.is_noun
        and trig.governor is None
        and target is None
        and len(sources) == 1
        and (sources[0].modifier or doc[sources[0].head].dep_ in ("compound", "amod"))
    ):
        return []  # "the Russian mediation", "the CIS summit": a modifier alone is too weak

    if rule.joint and not (sources and (sources[0].kind == "pair" or len(sources) > 1)):
        return []  # "X outlined a plan" alone is not an agreement between two parties

    results: list[Arguments] = []
    # unpack "the two countries" and coordinated subjects
    if sources and sources[0].kind == "pair" and sources[0].pair:
        a, b = sources[0].pair
        pa = Mention(sources[0].start, sources[0].end, sources[0].head, a, "pair")
        pb = Mention(sources[0].start, sources[0].end, sources[0].head, b, "pair")
        if (target is None or target is sources[0]) and any(
            c.lower_ == "each" for c in doc[sources[0].head].children
        ):
            # "each side accuses the other": one act each way
            how = how_source + "; each of the two parties named before, on the other"
            return [Arguments(pa, pb, how, strength * 0.9), Arguments(pb, pa, how, strength * 0.9)]
        if target is None or target is sources[0]:
            return [
                Arguments(
                    pa, pb, how_source + "; the two parties named before", strength * 0.9, True
                )
            ]
        sources = [pa, pb]
    pair_targets = None
    if target is not None and target.kind == "pair" and target.pair:
        # "praised both leaders": one event for each
        pair_targets = [
            Mention(target.start, target.end, target.head, a, "pair") for a in target.pair
        ]
        target = pair_targets[0]
    if len(sources) > 2 and target is None and (symmetric or rule.joint):
        # "Aliyev, Pashinyan and Putin signed the statement": each pair of signatories
        return [
            Arguments(x, y, how_source + "; joined actors act on each other", strength * 0.9, True)
            for i, a in enumerate(sources)
            for b in sources[i + 1 :]
            for x in _members(a)
            for y in _members(b)
        ]
    if len(sources) == 2 and target is None and _mutual_object(token):
        # "Czechia and Albania upgraded their diplomatic ties": each with the other
        symmetric = True
    if len(sources) == 2 and target is None and (symmetric or rule.joint):
        # "Iran and six world powers agreed": Iran with each of the six, not the six together
        return [
            Arguments(x, y, how_source + "; two joined actors act on each other", strength, True)
            for x in _members(sources[0])
            for y in _members(sources[1])
        ]
    # a coalition acts, or is acted upon, as each of its members
    sources = [x for m in sources for x in _members(m)]
    if not sources and target is None:
        vower = _vower_of_penalty(trig, index)
        if vower is not None:
            # "Li Zhi vowed that those who killed will be executed": the harm is the one
            # the speaker vows; whom it falls on the coder finds (people of its country)
            return [Arguments(vower, None, VOWER_HOW, 0.8)]
    if not sources:
        if (
            (trig.type in DOERLESS_TYPES or (trig.type, trig.mode) == ("SANCTION", "convict"))
            and target is not None
            and _doerless_act(trig) is not None
        ):
            # "three soldiers were killed in Basra", "Yingluck was detained": the act is real
            # though no doer is named; the coder gives it one where it happened
            return [Arguments(None, target, f"source: none; target: {how_target}", 0.7)]
        if (
            (trig.type, trig.mode) == ("RETREAT", "release")
            and target is not None
            and target.actor.sector not in ("GOV", "MIL", "COP")
            and not trig.is_noun
            and _agentless_passive(token)
            and _passive_patient(token) is not None
            and _passive_patient(token).lemma_.lower() not in HELD_BY_CAPTORS
        ):
            # "Joshua Wong was released without charge": let out by the authorities
            # that held him, whom the coder places where it happened
            return [Arguments(None, target, f"source: none, released; target: {how_target}", 0.6)]
        if (
            trig.type == "ASSAULT"
            and target is not None
            and not trig.is_noun
            and bomb_of(token) is not None
        ):
            # "a roadside bomb killed a U.S. soldier", "were killed by an improvised explosive
            # device": a bombing whose bomber is not named; the coder places its unidentified
            # attackers where it happened
            return [Arguments(None, target, f"source: none, a bomb; target: {how_target}", 0.7)]
        if (
            trig.type in DOERLESS_TYPES
            and target is None
            and _doerless_act(trig) is not None
            and _someone(_passive_patient(_doerless_act(trig)))
        ):
            # "Alexandros Grigoropoulos was shot dead", "the guard had been arrested": a
            # person we do not know, whom the coder places among the people where it happened
            return [Arguments(None, None, f"source: none; target: {PERSON_ONLY}", 0.6)]
        if (
            trig.type == "PROTEST"
            and trig.is_noun
            and trig.governor is None
            and token.dep_ in ("nsubj", "nsubjpass")
        ):
            # "the protests began in Zhanaozen", "protests erupted": protesters of the
            # place, the coder decides (a protest named in passing is told, not reported)
            how = f"source: none; target: {how_target or 'none'}"
            return [Arguments(None, target, how, 0.7)]
        if trig.type == "PROTEST" and not trig.is_noun and _counted_crowd(token):
            # "as thousands protested against the result", "tens of thousands rallied":
            # people counted and no more, protesters of the place the coder decides
            how = f"source: a crowd counted; target: {how_target or 'none'}"
            return [Arguments(None, target, how, 0.7)]
        return []  # without a doer the event cannot be placed in a dyad
    if target is not None and trig.type in FORCE_ON_PLACE_TYPES:
        # "fired missiles at two Iraqi bases housing American troops": those housed
        target = _housed(target, index, doc) or target
    # "accused the United States and Britain": one event for each target named
    targets = (
        index.coordinated(target, doc) if target is not None and target.kind != "pair" else [target]
    )
    if pair_targets:
        targets = pair_targets
    # "talks between Putin and Erdogan": the doer is joined to the target, not acted upon
    targets = [t for t in targets if all(t is not s for s in sources)] or targets
    targets = [x for m in targets for x in _members(m)]
    for s in sources:
        for t in targets:
            if t is not None and t.actor.same_as(s.actor):
                t = None
            results.append(
                Arguments(
                    s,
                    t,
                    f"source: {how_source}; target: {how_target or 'none'}",
                    strength * (1.0 if t is not None else 0.85),
                    symmetric,
                )
            )
    return results


# force used on a base falls on the forces it houses, not on the state it stands in
FORCE_ON_PLACE_TYPES = frozenset({"ASSAULT", "THREATEN"})
HOUSING_NOUNS = frozenset(
    {"base", "airbase", "camp", "outpost", "garrison", "barracks", "facility", "compound"}
)
HOUSING_VERBS = frozenset({"house", "host", "station", "use", "hold"})


def _housed(target: Mention, index: MentionIndex, doc) -> Mention | None:
    """The forces a targeted base houses: "Iraqi bases housing American troops", "an Iraqi
    base used by U.S. forces". Only when the base phrase names an actor ("Iraqi"): a bare
    "a base" is no target to replace."""
    place = doc[target.head]
    if place.dep_ in ("amod", "compound", "nmod", "poss"):
        place = place.head  # "Iraqi bases": the state only names whose bases they are
    # the lemmatiser makes "bases" "basis"
    if place.lemma_.lower() not in HOUSING_NOUNS and place.lower_.rstrip("s") not in HOUSING_NOUNS:
        return None
    for verb in place.children:
        if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in HOUSING_VERBS:
            continue
        for child in verb.children:
            if child.dep_ not in ("dobj", "agent"):
                continue
            tok = _pobj(child) if child.dep_ == "agent" else child
            if tok is None:
                continue
            m = index.of_token(tok)
            if _usable(m) and m is not target and m.actor.country is not None:
                return m
    return None


# objects that two joined doers share with each other: "X and Y restored relations"
MUTUAL_OBJECTS = frozenset({"tie", "relation", "relationship", "contact", "cooperation"})


# acts that, joined to another verb and with an object of their own, are not done to the
# first verb's object: "expelled Cambodia's ambassador and recalled its own envoy",
# "dissolved the government and promised free elections"
OWN_OBJECT_TYPES = frozenset({"SANCTION", "AGREE"})


def new_thing_object(verb: Token) -> bool:
    """Whether a verb's object is a thing named for the first time: a common noun with no
    article or owner ("put its army on alert and sent reinforcements"). Such a material act
    is done with or on its own object, not on the one of the verb it is joined to; "the
    vessels", "them" may be those acted upon before."""
    return any(
        c.dep_ in ("dobj", "obj")
        and c.pos_ == "NOUN"
        and not any(g.dep_ in ("det", "poss") for g in c.children)
        for c in verb.children
    )


def _mutual_object(verb: Token) -> bool:
    """ "upgraded their ties", "blamed each other", "accused one another": two doers act on
    each other."""
    return any(
        c.dep_ in ("dobj", "obj", "nsubjpass")
        and (
            c.lemma_.lower() in MUTUAL_OBJECTS
            or (c.lower_ == "other" and any(d.lower_ in ("each", "one") for d in c.children))
            or (c.lower_ == "another" and c.i > 0 and c.doc[c.i - 1].lower_ == "one")
        )
        for c in verb.children
    )


def _arms_used(trig: Trigger, m: Mention, doc) -> bool:
    """Whether the mention is the arms an attack is made with, of no named country ("fired
    artillery", "pounded Mariupol with artillery"): the doer's own, never its target."""
    return (
        trig.type == "ASSAULT"
        and m.actor.country is None
        and doc[m.head].lemma_.lower() in WEAPON_WORDS
    )


# verbs of naming an act in "condemned what it called illegal Chinese actions"
NAMING_VERBS = frozenset({"call", "describe", "term", "brand", "label"})


def _what_it_called(verb, index: MentionIndex, sources: list[Mention]) -> Mention | None:
    """ "condemned what it called illegal Chinese actions", "denounced what he described as
    reckless Israeli behaviour", "what it termed a witch hunt by Moraes": the actor whose
    act the doer named, on the name (its adjective, possessor or 'by'). Not the one an act
    is "against": "what he called a coup against his ally" names the wronged."""
    # the naming clause is the verb's own ("condemned what it called"), or hangs from a
    # preposition on the verb or on the act noun ("lodged a protest over what the ministry
    # termed Baku's unfriendly steps", "an inquiry into what it called an attack")
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    clauses = [
        *(c for c in verb.children if c.dep_ == "ccomp"),
        *(
            p
            for h in holders
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("over", "at", "about", "into", "against", "of")
            for p in c.children
            if p.dep_ == "pcomp"
        ),
    ]
    for clause in clauses:
        if clause.lemma_.lower() not in NAMING_VERBS:
            continue
        if not any(c.lower_ == "what" for c in clause.children):
            continue
        named = next((c for c in clause.children if c.dep_ == "oprd"), None) or next(
            (_pobj(p) for p in clause.children if p.dep_ == "prep" and p.lower_ == "as"), None
        )
        if named is None:
            continue
        for child in named.children:
            by = child.dep_ == "prep" and child.lower_ == "by"
            word = _pobj(child) if by else child
            if word is None or not (by or child.dep_ in ("amod", "compound", "poss")):
                continue
            m = index.of_token(word, allow_inner=True)
            if _usable(m, allow_modifier=True) and m not in sources:
                return m
    return None


# stances taken on an act summed up by a noun after it: "expelled two envoys, a move Caracas
# condemned", "granted him asylum, a decision Quito rejected": aimed at the act's doer
SUMMARY_STANCE_TYPES = frozenset({"REJECT", "SUPPORT", "ACCUSE"})
SUMMING_NOUNS = frozenset(
    {"move", "decision", "step", "measure", "action", "act", "ruling", "gesture", "plan"}
)


def _summarised_doer(verb, index: MentionIndex, sources: list[Mention]) -> Mention | None:
    """The doer of the clause a noun like "a move" or "a decision" sums up, when `verb` is
    a relative clause on that noun ("Colombia closed the border, a move Caracas condemned":
    Colombia). Not a noun of its own clause ("the decision that Quito rejected was ...")."""
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in SUMMING_NOUNS:
        return None
    noun = verb.head
    # the noun stands after a comma, in apposition to the clause or to its object
    before = noun.left_edge.i - 1
    if before < 0 or noun.doc[before].text not in (",", "\u2014", "-"):
        return None
    head = noun.head
    if noun.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        head = head.head
    if noun.dep_ not in ("appos", "dobj", "npadvmod", "obj") or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.i > noun.i:
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > noun.i:
        return None
    m = index.of_token(subj)
    if _usable(m) and m not in sources and not _own_state(m, sources):
        return m
    return None


# acts that name a wrong done to another and aim at the wrongdoer
WRONG_NAMING_TYPES = frozenset({"ACCUSE", "THREATEN"})
# what a state has that another can violate: its owner is the one wronged
WRONGED_NOUNS = frozenset(
    {"sovereignty", "territory", "airspace", "waters", "integrity", "independence", "border",
     "affair"}
)


def wronged_owner(m: Mention, doc) -> bool:
    """Whether the mention owns what a wrong is done to ("a violation of Qatar's
    sovereignty", "an incursion into Iraq's airspace"): the wronged, never the accused."""
    word = doc[m.head]
    return word.dep_ == "poss" and word.head.lemma_.lower() in WRONGED_NOUNS


def _members(m: Mention | None) -> list[Mention | None]:
    """A coalition's mention as one mention of each member state; any other as itself."""
    if m is None or not m.members:
        return [m]
    return [
        Mention(m.start, m.end, m.head, actor, "coalition", how=f"member of {m.actor.name}")
        for actor in m.members
    ]


# what a verb's complements are made of; clauses that state something else (relative,
# adverbial, subordinate, parenthetical) and subjects are not walked into
COMPLEMENT_DEPS = frozenset(
    {
        "dobj",
        "obj",
        "xcomp",
        "prep",
        "pobj",
        "pcomp",
        "oprd",
        "compound",
        "amod",
        "poss",
        "nmod",
        "dative",
    }
)
COMPLEMENT_DEPTH = 4
# place and time phrases: where or when it happened, or another event ("resigned after
# fleeing to Singapore"), never whom it fell on
LOCATIVE_PREPS = frozenset(
    {
        "near",
        "in",
        "at",
        "across",
        "along",
        "inside",
        "outside",
        "around",
        "within",
        "off",
        "after",
        "before",
        "since",
        "during",
        "amid",
        "following",
        "despite",
        "until",
    }
)


# acts of trading people or things between two sides: what is traded is no party
TRADING_WORDS = frozenset({"exchange", "swap"})


def _traded(tok) -> bool:
    """ "exchanged 390 prisoners", "an exchange of prisoners of war": the people or things
    traded between two sides, the object of the trading verb or the "of" of its noun."""
    head = tok.head
    if tok.dep_ in ("dobj", "obj") and head.lemma_.lower() in TRADING_WORDS:
        return True
    return (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in TRADING_WORDS
        and head.head.pos_ == "NOUN"
    )


def _actor_in_complements(verb, index: MentionIndex, sources: list[Mention]):
    """(mention, how) of the nearest actor in the verb's complements, breadth first, or
    None. A fallback for targets the grammatical rules miss; it never crosses into a
    clause of its own."""
    own = {m.actor.kb_id or m.actor.name for m in sources}
    # "laid down the framework of Russian-Azerbaijani cooperation": a doer's own country
    # named inside the object is a topic, not the one acted upon
    own_countries = {m.actor.country for m in sources}

    def walkable(tok) -> bool:
        # "near the Thai border", "in Kabul": where it happened, not whom it fell on
        return tok.dep_ in COMPLEMENT_DEPS and not (
            tok.dep_ == "prep" and tok.lower_ in LOCATIVE_PREPS
        )

    frontier = [(c, 1) for c in verb.children if walkable(c)]
    while frontier:
        tok, depth = frontier.pop(0)
        m = index.at.get(tok.i)
        if (
            _usable(m, allow_modifier=True)
            and not _traded(tok)
            and m not in sources
            and (m.actor.kb_id or m.actor.name) not in own
            and not (m.actor.country in own_countries and m.actor.kb_id == m.actor.country)
            # "closed the American embassy in Damascus": the doer's own post abroad
            and not (
                m.actor.country in own_countries
                and tok.doc[m.head].lemma_.lower() in DIPLOMATIC_POSTS
            )
        ):
            return m, f"actor inside the complement ('{tok.text}')"
        if depth < COMPLEMENT_DEPTH:
            # a preposition is no step of its own: "war [against [the aggression [of X]]]"
            frontier.extend((c, depth + (c.dep_ != "prep")) for c in tok.children if walkable(c))
    return None


def _prep_verb(noun):
    """The verb a noun hangs from through a preposition: 'came [for [talks]]'."""
    if (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.lower_ in ("for", "on", "during", "in")
        and noun.head.head.pos_ == "VERB"
    ):
        return noun.head.head
    return None


def _path_up(word, top) -> list:
    """The words from `word` up to (not including) `top`."""
    path = []
    while word.i != top.i and word.head.i != word.i:
        path.append(word)
        word = word.head
    return path


def _conditioned_party(verb, index: MentionIndex, sources: list[Mention]) -> Mention | None:
    """The subject of an "if" or "unless" clause on a threat or on the act threatened
    ("threatened to cut gas supplies unless Kyiv paid"), or None."""
    # "threatened to open the gates for refugees to head west if ...": the condition may
    # hang on a verb inside the act threatened, not on a clause said
    for clause in verb.subtree:
        if clause.dep_ != "advcl" or any(t.dep_ == "ccomp" for t in _path_up(clause, verb)):
            continue
        if not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        m = index.of_token(subj) if subj is not None else None
        if _usable(m) and m not in sources and not _own_state(m, sources):
            return m
    return None


# where a crowd stands at a place: "outside the embassy", "in front of the consulate"
GATHERED_AT_PREPS = frozenset({"outside", "at", "near", "before", "front"})


def _diplomatic_post_at(word, index: MentionIndex, sources: list[Mention]) -> Mention | None:
    """The state of the embassy or consulate a gathering stands at ("rallied outside the
    Turkish embassy", "protested in front of the U.S. consulate"), or None."""
    preps = [c for c in word.children if c.dep_ == "prep"]
    # "in front of the embassy": the "of" hangs on "front"
    preps += [
        c for p in list(preps) for f in p.children if f.lower_ == "front" for c in f.children
        if c.dep_ == "prep" and c.lower_ == "of"
    ]
    for prep in preps:
        if prep.lower_ not in GATHERED_AT_PREPS | {"of"}:
            continue
        post = _pobj(prep)
        if post is None or post.lemma_.lower() not in DIPLOMATIC_POSTS:
            continue
        m = index.of_token(post, allow_inner=True)
        if _usable(m, allow_modifier=True) and m not in sources and not _own_state(m, sources):
            return m
    return None


def _own_state(m: Mention, sources: list[Mention]) -> bool:
    """Whether a mention is the doer's own state: "Netanyahu warned that Israel reserves the
    right to ..." names no one Israel acts upon."""
    return any(
        s.actor.country == m.actor.country and m.kind in ("country", "pronoun") for s in sources
    )


def _of_phrase(noun, index: MentionIndex) -> Mention | None:
    """The actor of a noun's "of" phrase, if it is one and not an adjective on a thing."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = _pobj(child)
            m = index.of_token(pobj, allow_inner=True) if pobj is not None else None
            if _usable(m, allow_modifier=True):
                return m
    return None


def _speaker_of_joined(verb, index: MentionIndex) -> Mention | None:
    """The speaker of "X said the conflict was moving ... and accused Russian soldiers":
    the parser joined the act to the clause said; its doer is who said it. The clause may
    nest ("said the resignation made the crisis more serious and called on ...")."""
    saying = saying_above(verb, SAYING_VERBS)
    if saying is None:
        return None
    said_by, _ = _subject_token(saying)
    m = index.of_token(said_by, allow_inner=False) if said_by is not None else None
    return m if _usable(m) else None


# acts with no passive reading: "students protested" is never "students were protested"
INTRANSITIVE_ACTS = frozenset({"protest", "rally", "march", "demonstrate", "riot", "strike"})


def _headline_doer(verb) -> bool:
    """A verb the parser hung as a participle from a sentence that is only a noun
    ("Thousands of students protested in Dhaka": root "Thousands"), which acts."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN", "NUM")
        and (
            verb.lemma_.lower() in INTRANSITIVE_ACTS
            or any(c.dep_ in ("dobj", "obj") for c in verb.children)
            or _addressed_to_act(verb)
        )
    )


def _addressed_to_act(verb) -> bool:
    """ "Morales, Arce's rival, called on Bolivians to mobilise" (parsed as a participle of
    "Morales"): one addressed, then what they are to do, is said only by a doer ("residents
    ordered to leave" names no one addressed)."""
    told = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return told is not None and any(
        c.i < told.i and (c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and _pobj(c) is not None))
        for c in verb.children
    )


# the links by which a doer the parser split off may hang on its verb: as a subject of its
# own, or on a word of a dateline ("DAKAR, Jan 20 - A and B flew")
SPLIT_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "conj", "npadvmod", "dep", "appos"})


def _hangs_as_subject(tok, verb) -> bool:
    """`tok` hangs on `verb` by subject-like links only, through no preposition or object
    ("talks with Putin and Erdogan flew" is no joined doer)."""
    while tok.i != verb.i:
        if tok.dep_ not in SPLIT_SUBJECT_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _split_subjects(verb, m: Mention, index: MentionIndex, doc) -> list[Mention]:
    """ "Guinea's president and Mauritania's president flew to Banjul", parsed as two
    subjects of the verb with no "conj" between them (or one hung on a dateline): the
    actors that end right before an "and" that the doer's mention follows, nearest last."""
    found: list[Mention] = []
    start = m.start
    while start > 0 and doc[start - 1].lower_ == "and":
        before = next(
            (
                o
                for o in index.mentions
                if o.end == start - 1 and _hangs_as_subject(doc[o.head], verb)
            ),
            None,
        )
        if not _usable(before) or before.actor.same_as(m.actor) or before in found:
            break
        found.insert(0, before)
        start = before.start
    return found


def _verb_sources(
    verb, index: MentionIndex, sent, doc, depth: int = 0, spoken: bool = False
) -> tuple[list[Mention], str, float]:
    """(doers, how, strength) of a verb; `spoken`: the act is one a speaker does by
    speaking (an accusation, a demand), so it may be the speaker's own."""
    tok, how = _subject_token(verb)
    # "Yatsenyuk said the conflict was moving ... and accused Russian soldiers": a spoken act
    # joined to a clause said, with no subject of its own or one borrowed from that clause
    speaker = (
        _speaker_of_joined(verb, index)
        if spoken and (tok is None or "joined verbs" in how)
        else None
    )
    if tok is not None:
        m = index.of_token(tok, allow_inner=False)
        if _usable(m):
            split = _split_subjects(verb, m, index, doc)
            joined = [j for j in index.coordinated(m, doc) if all(j is not x for x in split)]
            return split + joined, how, 1.0
        if speaker is not None and m is None:
            # "the SDF said Turkish strikes had killed civilians and called on ...": the
            # strikes' adjective does not call on anyone; the speaker does
            return index.coordinated(speaker, doc), "the speaker, joined to what was said", 0.85
        # "Russian missiles struck ...": the adjective on a subject that is no actor itself
        inner = index.of_token(tok, allow_inner=True)
        if inner is not None and not inner.place_like and m is None:
            # "U.S. and British warships": each adjective joined to it names a doer too
            return index.coordinated(inner, doc), how + " (its adjective)", 0.85
        if m is not None and m.kind == "pair":
            return [m], how, 1.0
        if how == "subject" and tok.pos_ == "PROPN":
            # "Opposition leaders Vitaly Klitschko, ... and Oleh Tyahnybok demanded": the
            # parser split the subject; the name it took is no actor, another of the verb's
            # subjects is
            for other in sorted(
                (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != tok.i),
                key=lambda c: abs(verb.i - c.i),
            ):
                om = index.of_token(other, allow_inner=False)
                if _usable(om):
                    return index.coordinated(om, doc), "another subject the parser split", 0.9
        if speaker is not None:
            return index.coordinated(speaker, doc), "the speaker, joined to what was said", 0.85
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and not (m is not None and m.place_like):
            # a doer that is no actor ("the priorities were ...", "a conflict that killed
            # 220,000"): no guessing from the neighbours
            return [], "", 0.0
    if speaker is not None:
        return index.coordinated(speaker, doc), "the speaker, joined to what was said", 0.85
    # a dependent verb with no subject of its own shares its governing verb's doer,
    # found the same way ("..., accusing the emirate of ...")
    if (
        verb.dep_ in ("advcl", "conj", "xcomp", "pcomp")
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.i != verb.i
        and depth < 3
        # "said ... hours after 33 soldiers were killed in a Syrian air strike": the doer
        # above a passive is no doer of it
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    ):
        found, how, strength = _verb_sources(verb.head, index, sent, doc, depth + 1)
        if found:
            return found, how + " of the governing verb", strength
    if _headline_doer(verb):
        # "Thousands of students protested in Dhaka" parsed as a noun with a participle:
        # the noun is the doer when the verb has an object or cannot be passive
        head = verb.head
        m = index.of_token(head) or next(
            (
                index.of_token(p)
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        if _usable(m):
            return index.coordinated(m, doc), "the noun the verb was parsed to describe", 0.85
    if _agentless_passive(verb):
        # "four children were killed", "soldiers killed in Ukraine": the actor to the left
        # is the one the act fell on, never its doer
        return [], "", 0.0
    # the parser found no subject: take the nearest actor to the left in the sentence
    m = _nearest_left(index, sent, verb.i, set())
    if m is not None:
        return index.coordinated(m, doc), "nearest actor before the verb (no subject parsed)", 0.75
    return [], "", 0.0


def _guessed_country(m: Mention) -> bool:
    """Whether a mention is a sector word whose country was guessed from the place or the
    story ("troops", "police"), not named with it ("Russian troops")."""
    return m.kind == "sector" and "country of the place or the story" in m.how
