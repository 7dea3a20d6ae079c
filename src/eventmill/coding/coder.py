"""The coder: documents in, events out. One pass a sentence, stages in a fixed order:

clean -> parse (batched) -> actors -> triggers -> arguments -> factuality -> date, place,
quantity -> merge repeats within the story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from eventmill import nlp
from eventmill.actors.kb import KnowledgeBase, default_kb, tokens_key
from eventmill.actors.resolver import (
    SECTOR_LABEL,
    DocActors,
    Mention,
    country_actor,
    dateline_end,
    state_sector,
)
from eventmill.coding.arguments import (
    PERSON_NOUNS,
    PERSON_ONLY,
    ROLE_NOUNS,
    SAYING_VERBS,
    SPOKEN_TYPES,
    VOWER_HOW,
    WRONG_NAMING_TYPES,
    Arguments,
    MentionIndex,
    _verb_sources,
    bomb_of,
    find_arguments,
    new_thing_object,
    wronged_owner,
)
from eventmill.coding.calibration import calibrated
from eventmill.coding.contexts import contexts
from eventmill.coding.dates import EventDate, infer_year, sentence_dates
from eventmill.coding.factuality import (
    PENALTY_TYPES,
    SAYING_WHAT_WILL_BE,
    commitment,
    conditional_vow,
    factuality,
    has_negation,
    hostile_vow,
    intent,
    to_infinitive,
    ultimatum,
    verbal_context,
)
from eventmill.coding.lexicon import Lexicon, Rule, load_lexicon
from eventmill.coding.movement import (
    MOVING_FORCES,
    forces_brought,
    forces_home,
    incursion,
    passive,
)
from eventmill.coding.places import (
    city_in,
    country_place,
    departure,
    destination,
    event_location,
    gazetteer,
    namesakes,
    place_mentions,
)
from eventmill.coding.quantities import quantities, quantity_for
from eventmill.coding.triggers import (
    UNANSWERED_WHY,
    VERDICT_WHY,
    WRONG_WORDS,
    Trigger,
    class_objects,
    excused_act,
    find_triggers,
    fires_missiles,
    of_object,
)
from eventmill.dedup import merge_within_document
from eventmill.ingest.cleaning import clean, normalise
from eventmill.ontology import ORGANISATION_CODES, TYPES
from eventmill.schema import Actor, Document, Event, Evidence, Place

DOCS_PER_BATCH = 32
# events that name no target but have an obvious one: (type, mode) -> the target's sector
IMPLIED_TARGET = {
    ("PROTEST", None): "GOV",
    ("RETREAT", "resign"): "GOV",
    ("CONCEDE", None): "CVL",
    ("COERCE", None): "CVL",
    # "a court in Tehran sentenced the blogger to six years": one convicted by a court is of
    # the people of the state where it sat
    ("SANCTION", "convict"): "CVL",
    ("ASSAULT", None): "UNK",
}
# restrictions a state puts on its own people, which lifting them relieves
HOME_RESTRICTIONS = frozenset({"curfew", "lockdown", "law", "emergency"})
# verbs of removing office holders, whose object is the state's own government
DISMISSAL_VERBS = frozenset({"dismiss", "sack", "fire"})
# a doer's commitment to a future act is coded as the commitment (DESIGN.md: AGREE covers
# promises to cooperate or give aid; THREATEN covers threats of force, sanctions, boycotts)
PLEDGED_AS_AGREE = frozenset({"AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT"})
# acts whose plain statement of intent is itself coded ("Finland will give Tanzania a
# grant": AGREE; "the Houthis said their forces would target any vessel linked to Israel":
# THREATEN). Not troops sent or crowds called out: "will send troops to its border" is a
# plan, aimed at no one
STATED_INTENT_TYPES = PLEDGED_AS_AGREE | {"ASSAULT", "COERCE", "SANCTION"}
# how a harm made to hang on another's conduct is told when it is coded as a threat
CONDITIONAL_HARM_WHY = "harm made to hang on a condition"
# a protest that withholds something, announced by its doer, is a threat of dissent (CAMEO
# 133): "the opposition said it would boycott the vote", "unions will strike on Monday";
# a march or rally announced is only planned
ANNOUNCED_PROTEST_MODES = frozenset({"boycott", "strike"})
# key of the last event date named in the story, in the coder's per-story date memory
LAST_DATE = "last date named"
# key of the first doer of each type of act coded in the story, in the same memory: a
# response to "the attack" is to the story's own attack, told first, not to one told as
# background later
DOERS = "doers by type"
# key of the country of the last rebels coded in the story, in the same memory
REBELS_OF = "country of the story's rebels"
# responses to an act named by its noun: "condemned the detentions"
RESPONSE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# who attacks a place: states' forces and rebels
FIGHTING_SECTORS = frozenset({"GOV", "MIL", "REB"})
# the verbs of a purpose to take a place ("launched an offensive to retake the town")
TAKING_VERBS = frozenset({"take", "retake", "capture", "recapture", "seize", "storm"})
# the words before the place an attack falls on ("fired on Donetsk", "the town of Donetsk")
ATTACKED_PLACE_PREPS = ("on", "against", "into", "at", "of")
# what one asks a state for when one flees to it ("asked for asylum", "sought refuge")
REFUGE_NOUNS = frozenset({"asylum", "refuge", "shelter", "sanctuary"})
# nouns that name an act told before without being triggers of their own ("condemned the
# violence", "would never accept the annexation"): the type of act they name
ACT_NOUNS: dict[str, str | tuple[str, ...]] = {
    "violence": "ASSAULT",
    "strike": "ASSAULT",
    "raid": "ASSAULT",
    "bloodshed": "ASSAULT",
    "brutality": "ASSAULT",
    "annexation": "ASSAULT",
    "invasion": "ASSAULT",
    "incursion": "ASSAULT",
    "repression": "COERCE",
    "takeover": "COERCE",
    "detentions": "COERCE",
    "crackdown": "COERCE",
    "coup": "COERCE",
    "campaign": "ASSAULT",
    "offensive": "ASSAULT",
    "operation": "ASSAULT",
    "mutiny": ("ASSAULT", "COERCE"),
    "rebellion": ("ASSAULT", "COERCE"),
    "uprising": ("ASSAULT", "COERCE", "PROTEST"),
    "ultimatum": "THREATEN",
    # a step offered to the other side: "rejected the offer" after "declared a ceasefire"
    "offer": ("RETREAT", "AGREE", "CONCEDE"),
    "ceasefire": "RETREAT",
    "truce": "RETREAT",
    # the plural, looked up before the lemma: "called the measures illegal" after sanctions
    "measures": "SANCTION",
    # the speaker's own fall from office: "denounced his removal as a coup"
    "removal": "COERCE",
    "ouster": "COERCE",
}
# endings that make a noun of a verb, and what to put back for the verb's lemma ("annulment"
# of annul, "execution" of execute, "closure" of close, "invasion" of invade)
NOMINAL_SUFFIXES = (
    ("ment", ("",)),
    ("ation", ("", "e", "ate")),
    ("ition", ("", "e")),
    ("tion", ("te", "t", "e")),
    ("sion", ("d", "de", "t")),
    ("ion", ("", "e")),
    ("ure", ("e", "")),
    ("al", ("", "e")),
    ("ing", ("", "e")),
)
# the types of act whose doer a noun of the verb names: acts done to another, not words
NOMINAL_ACT_TYPES = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "RETREAT", "CONCEDE", "REJECT"}
)
# nouns that look like a trigger verb's but name another thing
ACT_NOUN_NOT_VERB = frozenset({"election", "statement", "meeting", "decision", "mission"})
# verbs of a response whose object names the act ("condemned the killing"), which "it"
# takes up in the next sentence
REACTION_LEMMAS = frozenset(
    {"condemn", "denounce", "criticise", "criticize", "deplore", "reject", "welcome", "praise",
     "hail", "decry", "slam", "protest"}
)
# what a state holds that force violates
SOVEREIGN_NOUNS = frozenset({"sovereignty", "airspace", "territory", "waters", "integrity"})
# nouns of a try at an act, which is their compound: "the coup attempt", "the coup bid"
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "plot"})
# nouns of a spell of an act, which is their "of" noun: "the outbreak of violence"
SPELL_NOUNS = frozenset(
    {"outbreak", "escalation", "wave", "spate", "surge", "resumption", "act"}
)
# nouns that name whatever act the story led with ("rejected the move", "condemned the
# step"): their doer is the story's first doer. Not "the decision", which is as often a
# court's or a body's that acted in no event of ours ("welcomed the decision")
LEAD_ACT_NOUNS = frozenset({"move", "step", "measure", "action"})
# key of the story's first doer in the DOERS memory
LEAD_ACT = "the story's first act"
# key of the story's dateline place in the same memory
DATELINE_PLACE = "dateline place"
# key of the last asserted event with a target, for "followed suit"
LAST_ACT = "last act"
# every asserted event with a target told before, for what "followed suit" copies
EARLIER_ACTS = "earlier acts"
# key of the triggers told as another act of the kind ("police also detained", "met
# again", "Earlier, Trump met Netanyahu"), which the story's merge never takes for a
# restatement (dedup.py)
TOLD_AGAIN = "acts told again"
# words that tell a second act of a kind, or one at another time, not the first restated
AGAIN_WORDS = frozenset({"also", "again", "earlier", "later"})
# verbs whose subject receives the visit: the place is the host's
HOST_VERBS = frozenset({"host", "receive"})
# force a state uses abroad: it falls on the story's country when its target names none
FORCE_ABROAD_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
# calls and penalties of an outsider aimed at no one named ("called for an inquiry", "ECOWAS
# imposed sanctions, closing borders") are aimed at the story's country
STORY_ADDRESSED_TYPES = frozenset({"REQUEST", "SANCTION"})
# words aimed at no one named, by one side of a quarrel the story told before ("the foreign
# ministry condemned what it called illegal actions", "army commanders from both sides met")
# are aimed at the other side; so are a step back ("declared a unilateral ceasefire", "eased
# most of its sanctions") and praise ("welcomed the move"). Not force, aid or agreement:
# those are as often given to a third party; nor a penalty ("recalled its ambassadors",
# "suspended asylum applications"), whose target the story's quarrel named wrongly four
# times in five (measured in docs/EVALUATION.md)
OTHER_SIDE_TYPES = frozenset({"ACCUSE", "CONSULT", "THREATEN", "MOBILIZE", "RETREAT", "SUPPORT"})
# the doers who have a side: states' organs, organisations, rebels and politicians; not
# business groups, the press or citizens ("business groups criticised the plan")
SIDE_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "IGO", "REB", "OPP", "PTY", "ELI"}
)
# key of the other sides each country had in the story's earlier sentences, in the memory
OTHER_SIDES = "other sides by country"
# key of the state each country's rebels were told at odds with, in the memory
REBELS_FOUGHT = "state the rebels fought"
# the people of a crowd, whose violence is a riot
CROWD_NOUNS = frozenset(
    {
        "protester",
        "demonstrator",
        "rioter",
        "crowd",
        "mob",
        "youth",
        "student",
        "supporter",
        "looter",
        "marcher",
        "activist",
    }
)
# a crowd's acts that harm people or use arms, which stay attacks ("was beaten by a mob",
# "demonstrators launched missiles")
HARM_TO_PEOPLE = frozenset(
    {
        "kill",
        "beat",
        "shoot",
        "stab",
        "lynch",
        "murder",
        "wound",
        "injure",
        "hack",
        "behead",
        "abduct",
        "kidnap",
        "massacre",
        "rape",
        "torture",
        "launch",
        "fire",
    }
)
# fighting, a riot against the state's forces ("clashed with police") but an attack when
# crowds fight each other ("clashes between supporters of the president and of Ennahda")
FIGHT_VERBS = frozenset({"clash", "fight", "attack"})
# key of the demands of earlier sentences, as (the one asked, the one who asked): "refused
# to step down" answers the demand that he resign
DEMANDS = "demands made"
# key of the charges made so far, (the one charged, the one who charged): "rejected the
# accusations", "a claim the charity rejects" answer the last who charged the one rejecting
CHARGES = "charges made"
# what a rejection of words rejects: another's charge
CHARGE_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "criticism", "assertion"})
# force used on a gathering ("fired tear gas at the sit-in") falls on the people in it
GATHERING_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
# how many days "a day after", "two days after" count
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# verbs of firing: with a weapon as object and no one aimed at, a show of force
LAUNCH_VERBS = frozenset({"launch", "fire"})
# words that make a strike one of force, not a stoppage of work
FORCE_STRIKE_WORDS = frozenset(
    {"missile", "air", "drone", "rocket", "military", "artillery", "retaliatory", "precision",
     "cruise", "aerial", "naval", "preemptive", "pre-emptive", "surgical", "punitive"}
)
AIM_PREPS = frozenset({"at", "on", "against", "upon", "into", "toward", "towards"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
# a target found by the fallback is weaker evidence than one the grammar gives
FALLBACK_STRENGTH = 0.75
REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "add", "state", "announce", "quote", "confirm", "claim", "write",
     "describe", "call", "term"}
)
# verbs of telling joined after an act, whose words are no part of it
TELLING_VERBS = frozenset({"say", "add", "state", "announce", "tell"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"})
PLEDGED_AS_THREATEN = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# verbs whose own AGREE is a promise: when what is promised is a harm, the harm's threat
# tells it (vows of harm are THREATEN already, by hostile_vow)
PLEDGING_VERBS = frozenset({"pledge", "promise", "vow"})


@dataclass
class CodedDocument:
    document: Document
    events: list[Event]
    story_date: date | None
    date_inferred: bool
    sentences: int = 0
    dropped: list = field(default_factory=list)
    # (start, end) in the document text of every sentence coded, repeats left out
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)
    # acts the lexicon found but no dyad could be coded for: type, factuality and evidence,
    # no actors. Never stored or exported as events; for type-only evaluation and --explain
    unplaced: list[Unplaced] = field(default_factory=list)


@dataclass
class Unplaced:
    """An act named in a sentence whose doer or target could not be found."""

    type: str
    mode: str | None
    factuality: str
    evidence: Evidence
    why: str


def _only_other_country(source: Actor, mentions: list[Mention]) -> tuple[Actor | None, str]:
    """(the first mention's actor, how) of the one country other than the doer's that a
    sentence names; (None, "") when it names none or several."""
    others: dict[str, Actor] = {}
    for m in mentions:
        country = m.actor.country
        if country and country != source.country and country not in others:
            others[country] = m.actor
    if len(others) != 1:
        return None, ""
    return next(iter(others.values())), "the one other country the sentence names"


class Coder:
    """Holds the loaded model, knowledge base and lexicon; codes documents in batches."""

    def __init__(self, kb: KnowledgeBase | None = None, lexicon: Lexicon | None = None):
        self.kb = kb or default_kb()
        self.lex = lexicon or load_lexicon()
        self.nlp = nlp.load()
        gazetteer()  # build once, before the first batch

    # ------------------------------------------------------------------ batches
    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= DOCS_PER_BATCH:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def code_one(self, document: Document) -> CodedDocument:
        return next(iter(self._code_batch([document])))

    def _code_batch(self, documents: list[Document]) -> Iterator[CodedDocument]:
        plans = []
        texts = []
        for d in documents:
            blocks, dropped = clean(d.text)
            plans.append((d, blocks, dropped))
            texts.extend(d.text[b.start : b.end] for b in blocks)
        parsed = iter(self.nlp.pipe(texts, batch_size=nlp.BATCH_SIZE))
        for d, blocks, dropped in plans:
            block_docs = [(b, next(parsed)) for b in blocks]
            yield self._code_document(d, block_docs, dropped)

    # ------------------------------------------------------------------ one story
    def _code_document(self, d: Document, block_docs, dropped) -> CodedDocument:
        story_date, inferred = d.published, False
        if story_date is None:
            year = infer_year(d.text)
            if year is not None:
                story_date, inferred = date(year, 12, 31), True
        actors = DocActors(self.kb, story_date or date.today())
        seen_sentences: set[str] = set()
        # per story: the date of each place an event was dated at, the last date named
        # (LAST_DATE), the dateline's place (DATELINE_PLACE) and the first doer of each type
        # of act (DOERS)
        memory: dict[object, object] = {}
        events: list[Event] = []
        n_sentences = 0
        spans: list[tuple[int, int]] = []
        unplaced: list[Unplaced] = []
        for block, spacy_doc in block_docs:
            for sent in spacy_doc.sents:
                key = normalise(sent.text)
                if not key or key in seen_sentences:
                    continue  # a repeated sentence or fragment is coded once
                seen_sentences.add(key)
                n_sentences += 1
                spans.append((block.start + sent.start_char, block.start + sent.end_char))
                events.extend(
                    self._code_sentence(
                        d, block.start, sent, actors, story_date, inferred, memory, unplaced
                    )
                )
        events = merge_within_document(
            events,
            memory.get(TOLD_AGAIN, set()),
            story_date.year if story_date and not inferred else None,
        )
        for e in events:
            # the map fitted by bench/calibration.py on gold we did not tune on: the share of
            # events of that raw confidence that were right (docs/EVALUATION.md)
            e.rule += f"; raw confidence {e.confidence:.3f}"
            e.confidence = calibrated(e.confidence)
        return CodedDocument(
            d,
            events,
            story_date,
            inferred,
            n_sentences,
            dropped,
            spans,
            unplaced,
        )

    def _code_sentence(
        self,
        d: Document,
        offset: int,
        sent,
        actors: DocActors,
        story_date: date | None,
        inferred: bool,
        memory: dict,
        unplaced: list[Unplaced],
    ) -> list[Event]:
        mentions = actors.mentions(sent)
        for m in mentions:
            if m.kind == "person":
                for tok in sent.doc[m.start : m.end]:
                    tok._.person = True
        triggers = find_triggers(sent, self.lex)
        moving = self.lex.movement_verbs | self.lex.force_movement_verbs
        travel = [
            t
            for t in sent
            if t.pos_ == "VERB"
            and (
                t.lemma_.lower() in moving
                or t.lemma_.lower() in self.lex.craft_movement_verbs
                or (t.lemma_.lower() in self.lex.brought_force_verbs and passive(t))
            )
        ]
        filed_at = dateline_end(sent)
        # "Italy and Spain took similar steps": the verb of following suit, found once
        follows = next((t for t in sent if _follows_suit(t)), None)
        if (
            not triggers
            and not travel
            and follows is None
            and (filed_at == sent.start or DATELINE_PLACE in memory)
        ):
            return []
        index = MentionIndex(mentions)
        # the words of actors other than states are no places ("the European Union")
        actor_tokens = {
            i
            for m in mentions
            if not m.place_like and m.kind not in ("country", "pair", "pronoun")
            for i in range(m.start, m.end)
        }
        # "Ban Ki-moon" bans nothing: a word inside a person's name is no trigger
        names = {i for m in mentions if m.kind == "person" for i in range(m.start, m.end)}
        triggers = [t for t in triggers if t.token.i not in names]
        # the states the story named: "Santa Cruz" in a story of Bolivia is Bolivia's
        # not a state named only by a city of its name here: "Santiago" in a story of
        # Cuba is Santiago de Cuba, and names no Chile that would confirm itself
        cities = [
            m
            for m in mentions
            if m.kind == "country" and m.actor.country and _capital_name(self.kb, sent, m)
        ]
        # only when the sentence names another state by its name: "the Patriotic Union of
        # Cuba ... the city of Santiago"; not "LIMA (AP)", where the wire is no state's place
        cities = [
            m
            for m in cities
            if any(
                o.kind == "country"
                and o.actor.country not in (None, m.actor.country)
                and not _capital_name(self.kb, sent, o)
                for o in mentions
            )
        ]
        by_city = Counter(m.actor.country for m in cities)
        named = frozenset(
            c for c, n in actors.countries.items() if c and n > by_city.get(c, 0)
        ) | {
            m.actor.country
            for m in mentions
            if m.actor.country and not any(m is c for c in cities)
        }
        places = place_mentions(sent, actor_tokens, self.kb, named)
        # "VIENNA, July 14 — Iran and six world powers reached ...": a wire story's lead
        # happened where it is datelined, unless it names another place
        dateline = _dateline_place(sent, places)
        # "DUBAI, Sept 22 (Reuters) - Protests ... in Iran": filed from a bureau abroad, the
        # dateline may still say where a meeting was ("VIENNA — Iran and six powers agreed")
        # but not whose the unnamed authorities or protesters are
        bureau = dateline is not None and actors.filed_abroad(dateline.country)
        if dateline is not None:
            memory.setdefault(DATELINE_PLACE, dateline)
        if not triggers and not travel and follows is None:
            return []
        planned = [(trig, args) for trig in triggers for args in find_arguments(trig, index, sent)]
        planned.extend(self._travel(travel, index, sent, places, actors.dominant_country()))
        # "CARACAS, Jan 24 — ... on Wednesday": the dateline's date is when the story was
        # filed, not when anything in it happened
        dates = [
            (ent, parsed)
            for ent, parsed in sentence_dates(sent, story_date, relative_ok=not inferred)
            if ent.start >= filed_at
        ]
        found_quantities = quantities(sent.text)
        start = offset + sent.start_char
        end = offset + sent.end_char
        evidence_text = d.text[start:end]
        out = []
        stated_by: set[int] = set()  # triggers whose act another trigger's event states
        guessed: set[int] = set()  # events whose target the fallback found
        to_story: set[int] = set()  # triggers whose target is the story's country
        background: set[int] = set()  # triggers of earlier events told as background
        targets_by_verb: dict[int, list[Actor]] = {}  # the targets of each verb's events so far
        # events planned for each further target of a joined verb: "spoke with the advisers
        # of both countries and urged them" urges each
        joined_targets: dict[int, Actor] = {}
        between_states: list[Event] = []  # events whose grammar named two countries
        memory.setdefault(TOLD_AGAIN, set()).update(
            offset + t.token.idx
            for t in triggers
            if any(
                c.dep_ == "advmod" and c.lower_ in AGAIN_WORDS for c in t.clause_head.children
            )
        )
        # "began a hunger strike to protest the ruling", "marched to protest": one protest,
        # told by its act and by its aim; the aim's clause names whom it is against
        protest_aims = _protest_aims(triggers)
        # the aim's event is the act's kind of protest: "a hunger strike to protest" (hunger)
        protest_modes = {
            aim.token.i: t.mode
            for t in triggers
            if t.type == "PROTEST"
            and t.mode
            and (aim := protest_aims.get((t.governor or t.token).i)) is not None
            and aim is not t
        }
        for trig, args in planned:
            if _visit_as_setting(trig) or _frame_of_another(trig) or _reporters_question(trig):
                continue
            aim = protest_aims.get((trig.governor or trig.token).i)
            if trig.type == "PROTEST" and aim is not None and aim is not trig:
                stated_by.add(offset + trig.token.idx)
                continue
            fact, fact_rule = factuality(trig)
            etype_name, pledge = trig.type, None
            if fact == "asserted" and trig.type == "AGREE" and conditional_vow(trig):
                etype_name = "THREATEN"
                fact_rule += "; a vow made to hang on another's conduct is a threat"
            elif fact == "asserted" and trig.type == "AGREE" and hostile_vow(trig):
                etype_name = "THREATEN"
                fact_rule += "; a vow of harm is a threat"
            elif fact == "asserted" and _empty_vow(trig):
                continue  # "vowed to keep up the pressure": promised to no one, no act named
            if (
                fact == "asserted"
                and etype_name == "AGREE"
                and not trig.is_noun
                and trig.token.lemma_.lower() in PLEDGING_VERBS
                and _harm_pledged_only(trig, triggers)
            ):
                # "pledged to expel the Brotherhood's leaders": the harm pledged is coded as
                # the threat it is; the pledge is no agreement with the ones it harms
                continue
            if fact in ("future", "hypothetical"):
                etype_name, pledge = _pledged(trig)
                if (
                    pledge is not None
                    and pledge.startswith(CONDITIONAL_HARM_WHY)
                    and args.source is not None
                    and _said_by_another(trig, args, index)
                    and not _own_side_may(trig, args, index)
                ):
                    # "analysts said Russia would invade Ukraine if talks failed", "Biden
                    # told reporters that Russia would ...": another's forecast of a harm
                    # by a doer it names, no threat by that doer ("the suburbs will be hit
                    # if ..., the minister told Hezbollah" names none: the speaker's own)
                    etype_name, pledge = trig.type, None
                if pledge is None and _own_side_may(trig, args, index):
                    # "Erdogan said Ankara could close its airspace if the raids went on":
                    # what the speaker's own side may do to another on its conduct
                    etype_name = "THREATEN"
                    pledge = (
                        "harm the speaker's own side may do on a condition: "
                        f"'{trig.token.text} ... if'"
                    )
                if pledge is not None:
                    fact, fact_rule = "asserted", f"{pledge}; {fact} {trig.type} under it"
            event_date = self._date_for(trig, dates)
            date_how = ""
            earlier = _days_earlier(trig.governor or trig.token)
            if _background(trig, event_date, story_date, inferred):
                # "Serbia, where 24 people were killed last March": told as setting
                background.add(offset + trig.token.idx)
                continue
            named_place = self._location_for(trig, args, places)
            location = named_place or dateline
            # where the event puts actors of no named country
            placing = named_place or (None if bureau else dateline)
            mode = "mediate" if args.mediated else trig.mode or _noun_mode(trig)
            mode = protest_modes.get(trig.token.i, mode)
            if event_date is None and location is not None:
                event_date = memory.get(location.geonameid or location.name)
            if event_date is not None and location is not None:
                memory.setdefault(location.geonameid or location.name, event_date)
            if event_date is not None:
                memory[LAST_DATE] = event_date
            elif trig.token.tag_ == "VBD" and LAST_DATE in memory:
                # a story tells its day in order: an act in the past tense with no time of its
                # own happened on the last day named before it
                event_date = memory[LAST_DATE]
                date_how = "; date: the last day the story named before it"
            if (
                earlier is not None
                and event_date is not None
                and event_date.precision == "day"
                and not any(ent.root.i in earlier[1] for ent, _ in dates)
            ):
                # "agreed on Monday, a day after Belarus forced a jet down": the act in the
                # "after" clause happened that many days before the day named above it
                day = date.fromisoformat(event_date.value) - timedelta(days=earlier[0])
                event_date = EventDate(day.isoformat(), "day")
                date_how += f"; date: {earlier[0]} day(s) before the day of the clause above"
            etype = TYPES[etype_name]
            source = args.source.actor if args.source else None
            target = args.target.actor if args.target else None
            if target is not None and etype_name == "ACCUSE" and self._victim_of_act(args, sent):
                # "condemned the detention of its citizens by Iran": the one a harm was done
                # to is not the one charged; its doer ("by"), else the doer told before or
                # where it happened, is found below
                agent = self._agent_of_act(args, index, sent)
                target = agent.actor if agent is not None else None
                read = "'by' on the act the object names" if agent else "none (the harmed)"
                args = replace(
                    args, target=agent, how=args.how.replace("'of' after the object", read)
                )
            if (
                target is not None
                and target.sector == "MED"
                and trig.token.lemma_.lower() in REPORTING_VERBS
                and args.target.head in {c.i for c in trig.token.children}
            ):
                # "Erdogan told reporters that it was a kind of genocide": the press is told,
                # not accused; the one the words are about is found below
                target, args = None, replace(args, target=None)
            if (
                target is not None
                and source is not None
                and (etype_name, mode) == ("SANCTION", "withdraw")
                and target.country == source.country
            ):
                # "recalled its own envoy", "Morales recalled Bolivia's ambassador": one's own
                # envoy is called home from the other side, named after "from" or not at all
                host = _recalled_from(trig.token, index)
                target = host.actor if host is not None else None
            # "students throughout Indonesia", "police in Kirkuk": a domestic actor of no
            # named country belongs to the place where the event happened
            where = _own_place(args.source, places) or placing
            if (
                where is None
                and source is not None
                and source.country is None
                and source.sector not in STATE_SECTORS
                and target is not None
                and target.country in self.kb.countries
                and target.kb_id != target.country
                and target.country == actors.dominant_country()
            ):
                # "the speaker was beaten by a mob": people of no named country who act on
                # an official or citizen of the story's own country are of that country.
                # Not when they act on a state itself ("rebels appealed to France") or on a
                # foreigner ("demonstrators denounced the US ambassador")
                where = country_place(target.country)
            # "In Geneva, the rebels said", "In Washington, Obama urged the separatists to":
            # rebels placed nowhere of their own are the story's rebels named before, not
            # people of the place where they speak or are spoken to
            rebels_of = country_place(memory.get(REBELS_OF))
            if _placeless_rebels(source, args.source, places) and rebels_of is not None:
                where = rebels_of
            source = self._place_country(source, where, actors)
            if _placeless_rebels(target, args.target, places) and rebels_of is not None:
                target = self._place_country(target, rebels_of, None)
            if target is not None and target.country is None:
                # a target of no named country ("protesters", "the government") is where a
                # place puts it, else the doer's own ("police shot protesters")
                own = _own_place(args.target, places) or placing
                aside = _nationality_aside(args.target, index, sent, self.kb)
                if aside is not None:
                    # "arrested 40 migrants, most of them Afghans", "handed out food to the
                    # refugees, mostly Syrians": the people are of the state their
                    # nationality, told beside them, names, whatever is done to them
                    own = country_place(aside)
                elif args.mediated:
                    # "rebels signed a truce in talks hosted by Algeria": a party is of the
                    # story's country, never the go-between's, where the talks were held
                    own = _own_place(args.target, places) or dateline
                    if own is None and actors.dominant_country() is not None:
                        own = country_place(actors.dominant_country())
                elif (
                    own is None
                    and sent.doc[args.target.head].dep_ == "conj"
                    and (joined_to := targets_by_verb.get((trig.governor or trig.token).i))
                    and joined_to[0].country in self.kb.countries
                ):
                    # "urged the government and protesters to talk": people joined to a
                    # state's organ the same verb acts on are of that state
                    own = country_place(joined_to[0].country)
                elif (
                    own is None
                    and source is not None
                    and source.country in self.kb.countries
                    and (
                        source.sector not in ("GOV", "IGO")
                        or source.country == actors.dominant_country()
                    )
                ):
                    # a domestic doer acts at home; a foreign government's "generals" or
                    # "soldiers" are not its own
                    own = country_place(source.country)
                elif (
                    own is None
                    and args.target is not None
                    and _definite(args.target, sent)
                    and args.target.actor.sector in ("GOV", "MIL", "COP", "SPY", "REB")
                    and source is not None
                    and actors.dominant_country() not in (None, source.country)
                ):
                    # "Biden demanded that the generals free the detainees": the state's
                    # organs a foreign doer names with "the" are those of the story's country
                    own = country_place(actors.dominant_country())
                elif (
                    own is None
                    and trig.type in FORCE_ABROAD_TYPES
                    and source is not None
                    and actors.dominant_country() not in (None, source.country)
                ):
                    # "Russian munitions hit Gori, killing civilians": a foreign force's
                    # victims of no named country are the people of the country the story
                    # is set in
                    own = country_place(actors.dominant_country())
                target = self._place_country(target, own, None) if own else None
            implied = ""
            if (
                target is None
                and trig.type == "CONSULT"
                and mode == "visit"
                and location
                and location.country
                and source
                and location.country != source.country
            ):
                # "paid a visit to Sochi": the host is the state visited
                target = country_actor(self.kb, location.country, location.name)
                implied = "the state visited"
            # "Putin vowed that those behind it would be punished": found by the one who vows
            vowed_penalty = args.how.startswith(VOWER_HOW)
            if vowed_penalty and (etype_name != "THREATEN" or pledge is None):
                continue  # not vowed after all ("could be punished")
            if source is None:
                source = self._unnamed_doer(
                    trig.type, placing, target, actors, args.how.endswith(PERSON_ONLY)
                )
                if source is None:
                    continue  # it cannot be placed in a dyad
            if target is None and args.how.endswith(PERSON_ONLY):
                # "Grigoropoulos was shot dead": one of the people of the country it befell
                target = self._state_sector(source.country, "CVL")
                implied = f"a person of {source.country}, where it happened"
            if (
                etype_name == "REJECT"
                and trig.token.lemma_.lower() == "defy"
                and args.source is not None
                and (
                    (source.sector in ("CVL", "OPP") and args.source.kind != "person")
                    or (args.source.kind == "country" and _people_of(args.source, sent))
                )
            ):
                # "hundreds of thousands of people defied a court ban on rallies", "protesters
                # defied the curfew": a crowd's defiance is its protest against the state that
                # banned it (PLOVER PROTEST), not a rejection told beside it
                trig = replace(trig, type="PROTEST", mode="demo")
                etype_name, mode, etype = "PROTEST", "demo", TYPES["PROTEST"]
            if (
                etype_name == "PROTEST"
                and args.source is not None
                and args.source.kind == "country"
                and _people_of(args.source, sent)
                and source.country in self.kb.countries
            ):
                # "Hundreds of thousands of South Koreans protested", "Kenyans took to the
                # streets": the people of a state, not its government
                source = self._state_sector(source.country, "CVL", source.mention)
            if (
                etype_name == "PROTEST"
                and trig.token.lemma_.lower() == "protest"
                and not trig.is_noun
                and source.sector == "GOV"
            ):
                # "China protested to Japan", "the embassy protested": a government's protest
                # is a complaint made in words (CAMEO 114), not a demonstration; its target is
                # an accusation's, never the government where it happened
                trig = replace(trig, type="ACCUSE", mode="disapprove")
                etype_name, mode, etype = "ACCUSE", "disapprove", TYPES["ACCUSE"]
            if (
                etype_name == "ASSAULT"
                and args.source is not None
                and _crowd(args.source, sent)
                and mode in (None, "destroy")
                and trig.token.lemma_.lower() not in HARM_TO_PEOPLE
                and not (
                    trig.token.lemma_.lower() in FIGHT_VERBS
                    and target is not None
                    and (
                        target.sector in ("CVL", "OPP")
                        or (
                            args.target is not None
                            and (args.target.kind == "person" or _crowd(args.target, sent))
                        )
                    )
                )
            ):
                # "crowds stormed the mayor's office", "protesters set fire to the party's
                # offices", "demonstrators clashed with police": a crowd's violence is a
                # riot (PLOVER PROTEST, mode riot); its killings and beatings stay attacks
                trig = replace(trig, type="PROTEST", mode="riot")
                etype_name, mode, etype = "PROTEST", "riot", TYPES["PROTEST"]
                if target is not None and target.sector == "CVL":
                    target = None  # "stormed the presidential residence": a misread owner
            fallback = 1.0
            if target is None and _body_in_session(trig, source):
                continue  # "the AU's Peace and Security Council, meeting in Addis Ababa, said"
            if target is None and trig.type == "PROTEST":
                # "marched against Chinese rule", "in defiance of the US": a protest named
                # against another actor is against it, not against the local government
                target, implied = self._fallback_target(trig, args, source, index, sent)
                fallback = FALLBACK_STRENGTH if target is not None else 1.0
            joined = trig.governor or trig.token
            shared = [
                t for t in targets_by_verb.get(joined.head.i, []) if not t.same_as(source)
            ]
            if target is None and id(args) in joined_targets:
                target = joined_targets[id(args)]
                implied = "a target of the verb it is joined to"
                fallback = FALLBACK_STRENGTH
            elif (
                target is None
                and joined.dep_ == "conj"
                and shared
                and args.source is not None
                and (trig.type in SPOKEN_TYPES or not new_thing_object(joined))
            ):
                # "fired on two Ukrainian gunboats and seized the vessels": a verb joined to
                # another, with no one named of its own, acts on the same, each of them (not
                # a material act on a thing named anew: "and imposed sanctions")
                target = shared[0]
                implied = "the target of the verb it is joined to"
                fallback = FALLBACK_STRENGTH
                for other in shared[1:]:
                    # planned is read to its end: each copy is coded in its turn below
                    for_other = replace(args)
                    joined_targets[id(for_other)] = other
                    planned.append((trig, for_other))
            if target is None and trig.type in GATHERING_FORCE_TYPES:
                target, implied = self._gathering_target(trig, source, placing, actors)
                if implied == CROWD_CONTROLLED:
                    # a guess: "used tear gas to disperse demonstrators" is the dispersal
                    fallback = FALLBACK_STRENGTH
            if target is None and vowed_penalty:
                # a penalty vowed on "those who killed ...", in a story of the speaker's own
                # country: a party of that country, or no one we can name
                target, implied = self._home_party(source, actors, mentions)
                if target is None:
                    continue
                fallback = FALLBACK_STRENGTH
            if target is None and trig.type == "THREATEN" and not trig.is_noun:
                target, implied = self._warned_gathering(trig, source)
            if target is None:
                target, implied = self._implied_target(
                    trig, mode, source, placing, datelined=named_place is None, coded=out
                )
            if (
                target is None
                and trig.type == "REJECT"
                and source.sector != "GOV"
                and source.country in self.kb.countries
                and _rejects_a_result(trig.token)
            ):
                # "opposition leader Maria Corina Machado rejected the outcome", "Jammeh
                # rejected the result": an election's result is the state's, which declared it
                target = self._state_sector(source.country, "GOV")
                implied = "the state that declared the result"
            if (
                target is None
                and trig.type == "ACCUSE"
                and _faults_a_vote(trig.token)
                and actors.dominant_country() in self.kb.countries
                and source.country != actors.dominant_country()
            ):
                # "Solana called the election a travesty of democracy", "an OAS audit found
                # serious irregularities in the vote": an outsider faults the state that held
                # the vote, the story's country
                target = self._state_sector(actors.dominant_country(), "GOV")
                implied = "the state that held the vote an outsider faulted"
                fallback = FALLBACK_STRENGTH
            if target is None and trig.type == "REJECT" and _rejects_a_charge(trig.token):
                target, implied = _accuser(source, memory)
                if target is not None:
                    fallback = FALLBACK_STRENGTH
            if target is None and (
                trig.type in RESPONSE_TYPES
                or trig.why == UNANSWERED_WHY
                or (trig.type == "THREATEN" and _warned_act(trig.token) is not None)
            ):
                target, implied = self._doer_of_the_act_named(trig, source, memory)
            if target is None and trig.type == "REQUEST":
                target, implied = self._home_addressee(trig, source, index, actors)
                if target is not None:
                    fallback = FALLBACK_STRENGTH
            if target is None and trig.type == "REQUEST" and not trig.is_noun:
                host = _refuge_host(trig.token, source, index)
                if host is not None:
                    target, implied = host.actor, "the state that tells of the plea for refuge"
                    fallback = FALLBACK_STRENGTH
            if target is None and trig.type != "PROTEST":
                target, implied = self._fallback_target(trig, args, source, index, sent)
                fallback = FALLBACK_STRENGTH if target is not None else 1.0
            if target is None and (
                trig.type in FORCE_ABROAD_TYPES
                or (trig.type in STORY_ADDRESSED_TYPES and not trig.negated)
            ):
                target, implied = self._story_country_target(trig, source, actors)
                if target is not None:
                    fallback = FALLBACK_STRENGTH
                    to_story.add(offset + trig.token.idx)
            if target is None and trig.type == "ASSAULT" and source.sector in FIGHTING_SECTORS:
                # "troops shelled Aleppo", "launched an offensive to recapture the town of
                # Mosul": an attack on a named place falls on the state of the place, or on
                # whoever holds it against its own state
                held, implied = self._place_attacked(trig, source, places, mentions, memory)
                if held is not None:
                    target, fallback = held, FALLBACK_STRENGTH
            if (
                target is None
                and trig.type == "ASSAULT"
                and source.sector in ("GOV", "MIL", "COP")
                and trig.token.lemma_.lower() in LAUNCH_VERBS
                and fires_missiles(trig.token)
                and not _aimed(trig.token)
            ):
                # "North Korea launched two missiles": a state's missiles fired at no one
                # named ("at", "on", "against" nothing) are a show of force, not an attack
                etype_name, mode, etype = "MOBILIZE", "weapons", TYPES["MOBILIZE"]
                implied = "none: weapons fired at no one named"
            if target is None and trig.type == "REJECT":
                target, implied = _demander(source, memory)
            if (
                target is None
                and trig.type == "REJECT"
                and trig.negated
                and trig.rule.mode == "resign"
                and source.sector in ("GOV", "ELI")
                and source.country in self.kb.countries
            ):
                # "Bakiyev said he would not resign", no demand told: refused to the people
                # of the state he will not leave, who call for it
                target = self._state_sector(source.country, "CVL")
                implied = "the people of the state whose office it keeps"
                fallback = FALLBACK_STRENGTH
            if target is None and trig.type in OTHER_SIDE_TYPES:
                target, implied = _other_side(source, memory)
                if target is not None:
                    fallback = FALLBACK_STRENGTH
            if target is None and trig.type == "ACCUSE":
                target, implied = self._home_party(source, actors, mentions)
                if target is not None:
                    fallback = FALLBACK_STRENGTH
            if (
                target is not None
                and args.target is None
                and (implied == OTHER_SIDE or "pronoun" in implied)
                and _unknown_party_object(trig)
            ):
                # "Opposition leaders blamed armed pro-government groups", "accuses exiled
                # Uighur leader Rebiya Kadeer": the act names whom it is aimed at, someone we
                # do not know; the story's other side, or a pronoun's last person, is not
                # that one (the nearest actor of the clause often is: "blamed Cherizier and
                # his G9 alliance")
                continue
            if target is None and trig.type == "RETREAT" and trig.mode in PLACE_PREPS:
                # "rebels pulled out of Goma", "troops abandoned the town of Kherson", "let
                # the convoy into Tigray", "opened the crossing with Gaza": a withdrawal or an
                # opening is of the state of the place it names (its own state's too)
                named = _place_named(trig.clause_head, places, mentions, PLACE_PREPS[trig.mode])
                if named is not None:
                    target = self._state_sector(named, "GOV")
                    implied = "the state of the place it left or opened"
                    fallback = FALLBACK_STRENGTH
            if target is None and etype_name == "MOBILIZE" and mode != "weapons":
                # "put its army on alert, citing Azerbaijani troop movements", "massed troops
                # along the Syrian frontier": a show of force is aimed at the one other
                # country its sentence names (tried: keeping those naming none, "held naval
                # drills", added wrong events in stories)
                target, implied = _only_other_country(source, mentions)
                if target is None:
                    continue
                fallback = FALLBACK_STRENGTH
            if target is None and not (etype_name == "MOBILIZE" and mode == "weapons"):
                # an event with no one acted upon is too often a misreading; a weapons test
                # is the one act that news states with no one acted upon
                continue
            if target is None:
                implied = implied or "none: a weapons test"
            elif (
                target.country == source.country
                and source.country not in self.kb.countries
                and source.country is not None
            ):
                # "the Security Council agreed to extend UNIFIL's mandate": an organisation
                # acting on its own body names no one it acts upon
                continue
            if (
                bureau
                and location is dateline
                and target is not None
                and source.country == target.country != dateline.country
            ):
                # "DUBAI (Reuters) - the authorities restricted internet access": a domestic
                # act of another country did not happen at the bureau
                location = None
            filed = memory.get(DATELINE_PLACE)
            if location is None and filed is not None and source.country == filed.country:
                # "KHARTOUM — ... Protesters rejected the plan": a domestic act of a datelined
                # story that names no place happened where the story was filed
                location = filed
            if pledge is not None:
                mode = None
                if any(
                    e.type == etype_name and _same_pair(e, source, target) for e in out
                ):
                    # "promised to give aid": the promise is coded already
                    stated_by.add(offset + trig.token.idx)
                    continue
            event = Event(
                doc_id=d.doc_id,
                type=etype_name,
                mode=mode,
                contexts=contexts(
                    evidence_text,
                    etype_name,
                    mode,
                    [a.sector for a in (source, target) if a],
                    [a.country for a in (source, target) if a],
                ),
                quad=etype.quad,
                intensity=etype.intensity,
                cameo=etype.cameo_for(mode),
                source=source,
                target=target,
                date=event_date.value if event_date else None,
                date_precision=event_date.precision if event_date else None,
                date_inferred=bool(event_date) and inferred,
                location=location,
                quantity=quantity_for(trig.type, found_quantities),
                factuality=fact,
                confidence=round(trig.rule.confidence * args.strength * fallback, 3),
                evidence=Evidence(
                    evidence_text, start, end, trig.token.text, offset + trig.token.idx
                ),
                rule=(
                    f"trigger: {trig.why}; factuality: {fact_rule}; {args.how}; "
                    f"source: {args.source.how if args.source else '-'}; "
                    f"target: {args.target.how if args.target else implied}{date_how}"
                ),
                symmetric=args.symmetric,
            )
            out.append(event)
            for party in (source, target):
                if party is not None and party.sector == "REB" and party.country:
                    memory[REBELS_OF] = party.country
            if (
                args.target is not None
                and source.country is not None
                and target.country not in (None, source.country)
                and mode != "mediate"  # a go-between is on neither side
            ):
                between_states.append(event)
            if args.target is not None:
                named = targets_by_verb.setdefault((trig.governor or trig.token).i, [])
                if not any(t.same_as(target) for t in named):
                    named.append(target)
            if fallback != 1.0:
                guessed.add(id(event))
            if implied == CROWD_CONTROLLED:
                # "fired tear gas" names no one; "condemned the mob attacks" after it is not
                # about the police (the doers kept are of acts whose dyad was read)
                continue
            memory.setdefault(DOERS, {}).setdefault(etype_name, source)
            # "launched two missiles ... concern about the launches": the act's noun names
            # the trigger's own type, which a show of force recodes
            memory[DOERS].setdefault(trig.type, source)
            if fact == "asserted":
                memory[DOERS].setdefault(LEAD_ACT, source)
        # a target the fallback guessed for an act another trigger of the sentence states with
        # the same dyad ("signed a declaration, pledging to end ...") is that act again
        again = [e for e in out if id(e) in guessed and _stated_again(e, out, guessed)]
        # "fired tear gas and charged with batons at lawyers": the crowd is the one named
        again += [
            e
            for e in out
            if CROWD_CONTROLLED in e.rule
            and any(
                o is not e
                and o.type == e.type
                and o.source.country == e.source.country
                and CROWD_CONTROLLED not in o.rule
                for o in out
            )
        ]
        # "shot down a Russian helicopter, killing two": the second act is the first again,
        # and the story's country is no target of it
        again += [
            e
            for e in out
            if e.evidence.trigger_start in to_story
            and any(
                o.type == e.type
                and o.source.country == e.source.country
                and o.evidence.trigger_start not in to_story
                for o in out
            )
        ]
        # "EU leaders agreed to bar Belarusian airlines": the agreement is the decision to
        # impose the penalty, which the penalty's own event tells
        trigger_at = {offset + t.token.idx: t for t in triggers}
        again += [
            e
            for e in out
            if e.type == "AGREE"
            and any(
                o.type in PENALTY_TYPES
                and o.factuality == "asserted"
                and o.source.country == e.source.country
                and (decided := trigger_at.get(o.evidence.trigger_start)) is not None
                and decided.clause_head.dep_ == "xcomp"
                and offset + decided.clause_head.head.idx == e.evidence.trigger_start
                for o in out
            )
        ]
        # "marched in Istanbul to protest against the motion, chanting slogans": a protest
        # verb hung on another as its purpose or manner is that protest again
        again += [
            e
            for e in out
            if e.type == "PROTEST"
            and (told := trigger_at.get(e.evidence.trigger_start)) is not None
            and any(
                o is not e
                and o.type == e.type
                and _same_pair(o, e.source, e.target)
                and offset + verb.idx == o.evidence.trigger_start
                for verb in _manner_of(told.governor or told.token)
                for o in out
            )
        ]
        # "flew to Kampala for talks with Museveni", "arrived in Phnom Penh for talks with Hun
        # Sen": the trip and the talks are one meeting, with the one met, not the state; the
        # meeting keeps the trip's place
        for e in out:
            if e.type != "CONSULT" or e.target is None or e.target.kb_id != e.target.country:
                continue
            met = next(
                (
                    o
                    for o in out
                    if o is not e
                    and o.type == e.type
                    and o.factuality == e.factuality
                    and o.target is not None
                    and o.target.kb_id != o.target.country
                    and o.source.same_as(e.source)
                    and o.target.country == e.target.country
                ),
                None,
            )
            if met is not None:
                again.append(e)
                met.location = met.location or e.location
        stated_by.update(e.evidence.trigger_start for e in again)
        out = [e for e in out if all(e is not a for a in again)]
        if follows is not None:
            followed = self._followed(
                follows, sent, mentions, out, memory, dates, evidence_text, start, end
            )
            out.extend(followed)
        last = [e for e in out if e.factuality == "asserted" and e.target is not None]
        if last:
            memory[LAST_ACT] = last[-1]
            memory.setdefault(EARLIER_ACTS, []).extend(last)
        coded = {e.evidence.trigger_start for e in out} | stated_by
        # the sides are those of earlier sentences only: a sentence's own events name theirs
        sides = memory.setdefault(OTHER_SIDES, {})
        memory.setdefault(CHARGES, []).extend(
            (e.target, e.source)
            for e in out
            if e.type == "ACCUSE" and e.factuality == "asserted" and e.target is not None
        )
        memory.setdefault(DEMANDS, []).extend(
            (e.target, e.source)
            for e in out
            if e.type == "REQUEST" and e.factuality == "asserted" and e.target is not None
        )
        for e in out:
            # rebels and their own state at odds: the state is the rebels' other side
            if (
                e.factuality == "asserted"
                and e.target is not None
                and e.source.country == e.target.country
                and {e.source.sector, e.target.sector} & {"REB"}
                and {e.source.sector, e.target.sector} & {"GOV", "MIL", "COP"}
                and e.type in ("ASSAULT", "COERCE", "ACCUSE", "THREATEN")
            ):
                state = e.target if e.target.sector != "REB" else e.source
                memory.setdefault(REBELS_FOUGHT, {})[e.source.country] = self._state_sector(
                    state.country, "GOV"
                )
        for e in between_states:
            if e.factuality == "asserted" and any(e is o for o in out):
                sides.setdefault(e.source.country, []).append(e.target)
                sides.setdefault(e.target.country, []).append(e.source)
        for trig in triggers:
            if offset + trig.token.idx in coded:
                continue
            fact, _ = factuality(trig)
            etype_name, pledge = _pledged(trig) if fact != "asserted" else (trig.type, None)
            unplaced.append(
                Unplaced(
                    etype_name,
                    trig.mode,
                    "asserted" if pledge else fact,
                    Evidence(evidence_text, start, end, trig.token.text, offset + trig.token.idx),
                    "an earlier event named as background"
                    if offset + trig.token.idx in background
                    else "no doer or no one acted upon was found",
                )
            )
        return out

    def _followed(
        self, verb: Token, sent, mentions, out: list[Event], memory: dict, dates, evidence_text,
        start, end,
    ) -> list[Event]:
        """ "Italy, Spain, Canada and Australia took similar steps", "Bangladesh and Bhutan
        later followed suit" (`verb`): each doer did the act told just before, to the same
        target."""
        offset = start - sent.start_char
        model = next(
            (
                e
                for e in reversed(out)
                if e.factuality == "asserted"
                and e.target is not None
                and e.evidence.trigger_start < offset + verb.idx
            ),
            None,
        ) or memory.get(LAST_ACT)
        if model is None:
            return []
        if model.type in WORDS_RARELY_FOLLOWED:
            # "Washington recognised the opposition leader and called the government
            # illegitimate; Ottawa followed suit": what others follow is the doer's act, not
            # its words about another
            earlier = [*memory.get(EARLIER_ACTS, []), *out]
            model = next(
                (
                    e
                    for e in reversed(earlier)
                    if e.factuality == "asserted"
                    and e.target is not None
                    and e.type not in WORDS_RARELY_FOLLOWED
                    and e.source is not None
                    and model.source is not None
                    and e.source.same_as(model.source)
                    and (e not in out or e.evidence.trigger_start < offset + verb.idx)
                ),
                model,
            )
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        words = {t.i for s in subjects for t in s.subtree if t.i == s.i or t.dep_ == "conj"}
        # "Canada, Brazil and Colombia followed suit": the parser may take the second
        # state of a list for an apposition of the first
        listed = {t.i for s in subjects for t in s.subtree if t.dep_ == "appos"}
        followers = [
            m.actor
            for m in mentions
            if (m.head in words or (m.head in listed and m.kind == "country"))
            and m.actor.country is not None
            and not m.place_like
        ]
        when = dates[0][1] if dates else None
        made = []
        for actor in followers:
            if actor.same_as(model.source) or actor.same_as(model.target):
                continue
            made.append(
                replace(
                    model,
                    source=actor,
                    date=when.value if when else model.date,
                    date_precision=when.precision if when else model.date_precision,
                    evidence=Evidence(evidence_text, start, end, verb.text, offset + verb.idx),
                    rule=(
                        f"trigger: '{verb.text}' follows the act told before ({model.type} "
                        f"'{model.evidence.trigger}'); source: subject; target: that act's"
                    ),
                    also_stated=[],
                )
            )
        return made

    def _travel(self, verbs, index: MentionIndex, sent, places, story_country=None):
        """'X flew to Sochi', 'came to Baku': a visit when the place is in another country,
        and a visit noun with no host gets the destination's country as its target."""
        out = []
        for verb in verbs:
            if verb.lemma_.lower() in self.lex.craft_movement_verbs and not passive(verb):
                entered = incursion(verb, index, sent, self.kb)
                if entered:
                    out.extend(entered)
                    continue
            if verb.lemma_.lower() not in (
                self.lex.movement_verbs
                | self.lex.force_movement_verbs
                | self.lex.brought_force_verbs
            ):
                continue
            dest = destination(verb, places)
            if passive(verb):
                # "supplies were flown to Libya by Egypt": what travelled is a thing; "troops
                # were flown into the capital": forces were moved, by their own state
                out.extend(
                    forces_brought(verb, dest, index, sent, story_country, self.kb, self.lex)
                )
                continue
            if verb.lemma_.lower() in self.lex.force_movement_verbs - {"enter"}:
                # "entered Kherson" at home is a town taken back, not forces shown
                out.extend(forces_home(verb, dest, index, sent, story_country, self.kb))
            if dest is None or dest.country is None:
                continue
            sources, how, strength = _verb_sources(verb, index, sent, sent.doc)
            host = Mention(
                verb.i,
                verb.i + 1,
                verb.i,
                country_actor(self.kb, dest.country, dest.name),
                "country",
                how="destination of travel",
            )
            visit = Rule(verb.lemma_.lower(), "CONSULT", "visit", confidence=0.6)
            deploy = Rule(verb.lemma_.lower(), "MOBILIZE", "troops", confidence=0.6)
            for source in sources:
                if not source.actor.country or source.actor.country == dest.country:
                    continue
                if source.actor.sector in MOVING_FORCES:
                    # "Senegalese troops entered Gambia", "Russian paratroopers began
                    # arriving in Almaty": forces that go abroad are deployed, not visiting
                    why = f"forces moving: '{verb.lemma_}' to {dest.name}"
                    trig = Trigger(verb, "MOBILIZE", "troops", deploy, why)
                elif verb.lemma_.lower() in self.lex.force_movement_verbs:
                    continue  # "the minister moved to Paris": no visit, no deployment
                else:
                    why = f"travel verb '{verb.lemma_}' to {dest.name}"
                    trig = Trigger(verb, "CONSULT", "visit", visit, why)
                how_both = f"source: {how}; target: destination"
                out.append((trig, Arguments(source, host, how_both, strength * 0.9)))
        return out

    def _place_country(self, actor, location, actors: DocActors | None):
        if actor is None or actor.country is not None:
            return actor
        country = location.country if location else None
        if country is None and actors is not None:
            country = actors.dominant_country()
        if country is None:
            return actor if actors is not None else None
        label = SECTOR_LABEL.get(actor.sector or "", actor.sector or "")
        name = (
            actor.name
            if not actor.name.startswith("unknown ")
            else (f"{self.kb.country_name(country)} {label}")
        )
        return Actor(
            name, country, actor.sector, actor.mention, actor.wikidata, actor.kb_id, actor.title
        )

    def _unnamed_doer(
        self, etype: str, location, target, actors: DocActors, person_only: bool = False
    ) -> Actor | None:
        """The doer of an act that names none: an attack's unidentified attackers where it
        happened; an arrest's or ban's authorities where it happened, else those of the
        person arrested, else of the story's main country (only states arrest people); a
        protest's protesters, and a sentence's judiciary, likewise."""
        country = location.country if location else None
        if country is None and (
            etype in ("COERCE", "PROTEST", "SANCTION", "RETREAT") or person_only
        ):
            # an attack on a person we do not know ("Grigoropoulos was shot dead") is one
            # in the story's country
            country = (target.country if target else None) or actors.dominant_country()
        if country not in self.kb.countries:
            return None
        name = self.kb.country_name(country)
        if etype in ("COERCE", "RETREAT"):
            # a release is by the authorities that held the person
            return Actor(f"{name} authorities", country, "GOV", "", kb_id=country)
        if etype == "SANCTION":
            # "Humala was sentenced to 15 years": by the courts of the country
            return Actor(f"{name} judiciary", country, "JUD", "", kb_id=country)
        if etype == "PROTEST":
            # "the protests began in Zhanaozen": people protesting where it happened
            return Actor(f"{name} protesters", country, "CVL", "", kb_id=country)
        return Actor(f"unidentified attackers in {name}", country, "UNK", "")

    def _state_sector(self, country: str, sector: str, mention: str = "") -> Actor:
        return state_sector(self.kb, country, sector, mention)

    def _home_party(
        self, source: Actor, actors: DocActors, mentions: list[Mention]
    ) -> tuple[Actor | None, str]:
        """(target, how) of a charge at someone we cannot name, in a story of the doer's own
        country and a sentence that names no one of another ("Damascus blamed armed
        terrorist groups", "Putin called the mutiny treason"): a party of that country. A
        domestic quarrel's charges are aimed at home; the country is all we can say. Not
        for business or the press, who take no side ("business groups criticised it")."""
        home = source.country
        if (
            home is None
            or source.sector in ("BUS", "MED")
            or home != actors.dominant_country()
            or any(m.actor.country not in (None, home) for m in mentions)
        ):
            return None, ""
        name = self.kb.country_name(home)
        return (
            Actor(f"unnamed party in {name}", home, "UNK", ""),
            "an unnamed party of the doer's own country: a domestic story's charge",
        )

    def _implied_target(
        self, trig: Trigger, mode, source, location, datelined: bool = False, coded=()
    ):
        """Domestic events whose target is the state itself: a protest is against the
        government where it happens, a resignation leaves it, an arrest falls on its
        people. Other events with no target named are not coded."""
        sector = IMPLIED_TARGET.get((trig.type, mode)) or IMPLIED_TARGET.get((trig.type, None))
        country = (location.country if location else None) or (source.country if source else None)
        if trig.type == "ASSAULT" and mode == "destroy" and location is not None:
            # "torched shops in Nairobi": property destroyed is its people's, where it happened
            country, sector = location.country, "CVL"
        elif trig.type == "MOBILIZE":
            # "soldiers took up positions in Yangon": troops deployed at home, by their own
            # state's forces, stand against its people; abroad the fallback decides
            forces = source is not None and source.sector in ("MIL", "COP")
            if not (forces and location is not None and location.country == source.country):
                return None, ""
            sector = "CVL"
        elif trig.type == "ASSAULT":
            # an attack on a place in another country falls on that country; one on a place
            # at home ("rebels shelled the outskirts of Goma") on the people there
            country = location.country if location else None
            if (
                country is None
                and source is not None
                and source.sector == "COP"
                and not any(
                    e.type in ("ASSAULT", "COERCE") and e.source.country == source.country
                    for e in coded
                )
                and not _clause_names_whom(trig.token)
            ):
                # "riot police fired tear gas", "police broke up the sit-in": police act at
                # home, on their own state's people; not when the clause names whom ("fired
                # tear gas at protesters", "clubbed protesters and fired stun grenades": the
                # act is coded on those named)
                country = source.country
            if source is None or country is None:
                return None, ""
            if datelined and country != source.country:
                # "SEOUL — North Korea fired two missiles into the sea": where the story was
                # filed is no place a foreign force attacked
                return None, ""
            if country == source.country:
                sector = "CVL"
        elif trig.type == "COERCE" and trig.token.lemma_.lower() in DISMISSAL_VERBS:
            # "Mubarak dismissed his government", "Saied sacked the defence minister": the
            # state's own office holders
            sector = "GOV"
        elif (
            trig.type == "RETREAT"
            and source is not None
            and source.sector in STATE_SECTORS
            and any(
                o.lemma_.lower() in HOME_RESTRICTIONS
                for o in trig.token.children
                if o.dep_ in ("dobj", "obj")
            )
        ):
            # "the army lifted the curfew", "ended martial law": a state's restriction on
            # its own people, lifted for them where it happened
            country = (location.country if location else None) or source.country
            if country != source.country:
                return None, ""
            sector = "CVL"
        elif trig.type == "SANCTION" and mode == "convict":
            # only a court's own verdict told as the clause's act ("a Russian court convicted
            # the blogger"), not a past conviction told of someone ("a militant convicted of
            # four murders"); one a court of the same country already coded in the sentence is
            # that verdict again ("found him guilty and sentenced him")
            if (
                source is None
                or source.sector != "JUD"
                or trig.token.dep_ in ("acl", "amod", "relcl")
                # "found him guilty and sentenced him": the verdict is coded on the verb
                # that names whom it fell on
                or any(
                    c.dep_ in ("dobj", "obj")
                    for j in trig.token.conjuncts
                    if j.i > trig.token.i
                    for c in j.children
                )
                or any(
                    e.type == "SANCTION"
                    and e.source is not None
                    and e.source.country == source.country
                    for e in coded
                )
            ):
                return None, ""
            country = source.country
        elif trig.type == "RETREAT" and mode == "withdraw":
            # "withdrew from the city of Kherson": the state whose ground was left
            country = location.country if location else None
            sector = "GOV"
        if sector is None or country not in self.kb.countries:
            return None, ""
        return (
            self._state_sector(country, sector),
            f"implied: the {SECTOR_LABEL.get(sector, sector)} of {country}, where it happened",
        )

    def _warned_gathering(self, trig: Trigger, source: Actor) -> tuple[Actor | None, str]:
        """(target, how) of "warned that further protests would be met with force": a
        state's warning about protests is to the protesters, its own people."""
        said = next((c for c in trig.token.children if c.dep_ == "ccomp"), None)
        subject = (
            next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if said is not None
            else None
        )
        rule = self.lex.nouns.get(subject.lemma_.lower()) if subject is not None else None
        if (
            rule is None
            or rule.type != "PROTEST"
            or source.sector not in STATE_SECTORS
            or source.country not in self.kb.countries
        ):
            return None, ""
        return (
            self._state_sector(source.country, "CVL", subject.text),
            f"implied: the people in the '{subject.text}' warned about",
        )

    def _gathering_target(
        self, trig: Trigger, source: Actor, location, actors: DocActors
    ) -> tuple[Actor | None, str]:
        """(target, how) of "fired tear gas at the sit-in", "broke up the rally": force used
        on a gathering falls on the people in it, of the country where it happened."""
        gathering = next(
            (
                tok
                for tok in _objects(trig.token)
                if (rule := self.lex.nouns.get(_word_lemma(tok))) is not None
                and rule.type == "PROTEST"
                # "launched missile strikes": the strikes are the force, not a stoppage
                and not any(c.lower_ in FORCE_STRIKE_WORDS for c in tok.children)
            ),
            None,
        )
        if (
            gathering is None
            and source.sector in ("COP", "MIL")
            and _crowd_control(trig, self.lex)
            and not _aimed(trig.governor or trig.token)
        ):
            # "riot police fired tear gas to clear the street", "gendarmes responded with
            # tear gas": what police use only on a crowd falls on the people of the place
            # (not when aimed at others we do not know: "fired tear gas at migrants")
            gathering = trig.token
        if gathering is None:
            return None, ""
        country = (
            (location.country if location else None)
            or (source.country if source.sector in STATE_SECTORS | {"SPY"} else None)
            or actors.dominant_country()
        )
        if country not in self.kb.countries:
            return None, ""
        name = f"{self.kb.country_name(country)} protesters"
        return (
            Actor(name, country, "CVL", "", kb_id=country),
            (
                f"the people of the {_word_lemma(gathering)} it fell on"
                if gathering is not trig.token
                else CROWD_CONTROLLED
            ),
        )

    def _story_country_target(
        self, trig: Trigger, source: Actor, actors: DocActors
    ) -> tuple[Actor | None, str]:
        """(target, how) of "Moscow sent tanks and troops into the region": a state's force
        used abroad with no one named falls on the country the story is about; so does a
        foreign state's or an organisation's call or penalty aimed at no one named
        ("Washington called for respect for the rule of law", "the U.N. called for an
        inquiry", "the State Department suspended visa processing")."""
        home = actors.dominant_country()
        if any(o.lower_ in REFLEXIVES for o in _objects(trig.token)):
            return None, ""  # "had attacked themselves"
        addressed = trig.type in STORY_ADDRESSED_TYPES
        if (
            trig.type == "REQUEST"
            and source.country is not None
            and source.country == home
            and source.sector in ("GOV", "ELI")
            and home in self.kb.countries
            and _calls_for_calm(trig.token)
        ):
            # "Ouattara appealed for calm", "the president called for unity": a state's call
            # to no one named is to its own people
            return (
                self._state_sector(home, "CVL"),
                "the people of the story's country, whom its own state called on",
            )
        # force abroad is a state's; a call or a penalty may be an organisation's too
        doer_sectors = STATE_SECTORS | {"IGO"} if addressed else STATE_SECTORS
        if (
            source.country is None
            or (not addressed and source.country not in self.kb.countries)
            or source.sector not in doer_sectors
            or home in (None, source.country)
            or home not in self.kb.countries
        ):
            return None, ""
        why = "at which an outsider's call or penalty was aimed" if addressed else (
            "where a foreign force acted"
        )
        return (
            country_actor(self.kb, home, self.kb.country_name(home)),
            f"the country the story is about, {why}",
        )

    def _place_attacked(
        self, trig: Trigger, source: Actor, places, mentions: list[Mention], memory: dict
    ) -> tuple[Actor | None, str]:
        """(target, how) of an attack on a place that names no one: the place's state when
        it is another's ("drones hit Erbil"); at home, the rebels the story told of there,
        else the state the rebels attack ("rebels stormed the town of Goma")."""
        head = trig.clause_head
        verbs = [head] + [
            c
            for c in head.children
            if c.dep_ in ("xcomp", "advcl")
            and c.lemma_.lower() in TAKING_VERBS
            and to_infinitive(c)
        ]
        country = next(
            (
                named
                for verb in verbs
                if (named := _place_named(verb, places, mentions, ATTACKED_PLACE_PREPS))
            ),
            None,
        )
        if country is None or country not in self.kb.countries:
            return None, ""
        if source.country is not None and country != source.country:
            return (
                country_actor(self.kb, country, self.kb.country_name(country)),
                "the state of the place attacked",
            )
        if source.sector == "REB":
            return self._state_sector(country, "GOV"), "the state whose place rebels attacked"
        if memory.get(REBELS_OF) == country:
            return self._state_sector(country, "REB"), "the rebels of the place attacked"
        return None, ""

    def _doer_of_the_act_named(
        self, trig: Trigger, source: Actor, memory: dict
    ) -> tuple[Actor | None, str]:
        """(target, how) of "condemned the detentions", "welcomed the agreement": the doer of
        the act the object names, when the story coded an act of that type before."""
        # the object, or the noun after "about", "over", "at" ("concern about the
        # launches", "anger over the arrests")
        acted = ("dobj", "obj", "nsubj") if trig.why == UNANSWERED_WHY else ("dobj", "obj")
        obj = next((c for c in trig.token.children if c.dep_ in acted), None) or next(
            (
                p
                for c in trig.token.children
                if c.dep_ == "prep" and c.lower_ in ("about", "over", "at")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        called = next(
            (
                c
                for c in trig.token.children
                if c.dep_ == "ccomp"
                and c.lemma_.lower() in ("call", "describe", "term")
                and any(g.lower_ == "what" for g in c.children)
            ),
            None,
        )
        excused = excused_act(trig.token) if trig.why == VERDICT_WHY else None
        warned = _warned_act(trig.token) if trig.type == "THREATEN" else None
        if warned is not None:
            # "cautioned that new raids would be answered in kind": the doer of the raids
            # the story told before
            nouns = [warned]
        elif excused is not None:
            # "said there was no justification for the coup": the coup's doer
            nouns = [excused]
        elif obj is None and called is not None:
            # "condemned what he called a horrific act of violence": the act so named
            named = next(
                (g for g in called.children if g.dep_ in ("oprd", "attr") and g.pos_ == "NOUN"),
                None,
            )
            # not when the words name its doer: "what it called illegal actions by Chinese
            # personnel" is the fallback's to read
            nouns = (
                [named]
                if named is not None
                and not any(
                    c.dep_ == "prep" and c.lower_ == "by"
                    for c in [*named.children, *called.children]
                )
                else []
            )
        elif obj is not None and obj.lower_ in ("them", "it"):
            # "appalled by the threats, beatings and imprisonments, and he condemned them":
            # the act nouns named before it in the sentence, the first whose doer is known
            nouns = [
                t
                for t in obj.sent
                if t.i < obj.i
                and t.pos_ == "NOUN"
                and (t.lemma_.lower() in self.lex.nouns or t.lower_ in ACT_NOUNS)
            ]
            if not nouns and obj.lower_ == "it" and obj.sent.start > 0:
                # "Biden condemned the killing. Guterres also condemned it": the act a
                # response named in the sentence before
                before = obj.doc[obj.sent.start - 1].sent
                nouns = [
                    t
                    for t in before
                    if t.pos_ == "NOUN"
                    and t.dep_ in ("dobj", "obj")
                    and t.head.lemma_.lower() in REACTION_LEMMAS
                    and (t.lemma_.lower() in self.lex.nouns or t.lower_ in ACT_NOUNS)
                ]
        elif obj is not None and (
            any(c.lower_ == "the" for c in obj.children)
            or _sovereignty_violated(obj)
            # "denounced his removal as a coup": the act done to the speaker
            or any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in obj.children)
        ):
            nouns = [obj]
        else:
            nouns = []
        doers = memory.get(DOERS, {})
        for noun in nouns:
            act, etypes = self._act_types(noun)
            doer = next((doers[t] for t in etypes if t is not None and t in doers), None)
            if doer is not None and doer.country is not None and not doer.same_as(source):
                return doer, f"the doer of the {act.text} told before"
        return None, ""

    def _act_types(self, obj: Token) -> tuple[Token, list[str | None]]:
        """The act a noun names and the types it may be of, in the order to look them up."""
        compound_act = next(
            (k for k in obj.children if k.dep_ == "compound" and k.pos_ == "NOUN"), None
        )
        if compound_act is not None and obj.lemma_.lower() in WRONG_WORDS | ATTEMPT_NOUNS:
            obj = compound_act  # "called the mutiny treason", "condemned the coup attempt"
        if obj.lemma_.lower() in SPELL_NOUNS:
            # "the outbreak of violence": the act is the "of" noun
            obj = of_object(obj) or obj
        rule = self.lex.nouns.get(obj.lemma_.lower()) or self._verb_of_act_noun(obj)
        # "the strike" is a labour strike to the lexicon and an air strike here: any type
        # the noun can name whose doer the story told
        named_type = ACT_NOUNS.get(obj.lower_) or ACT_NOUNS.get(obj.lemma_.lower())
        etypes = [
            rule.type if rule is not None else None,
            *((named_type,) if isinstance(named_type, str) else named_type or ()),
        ]
        if obj.lemma_.lower() in LEAD_ACT_NOUNS:
            etypes.append(LEAD_ACT)
        if _sovereignty_violated(obj):
            # "condemned a flagrant violation of Qatar's sovereignty": the one who used force
            # on that state
            etypes = ["ASSAULT", "MOBILIZE", "COERCE"]
        return obj, etypes

    def _verb_of_act_noun(self, noun: Token):
        """The trigger verb's rule a noun names as its act ("the annulment" of annul, "the
        executions" of execute, "the closure" of close), when the lexicon has no noun rule."""
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma in ACT_NOUN_NOT_VERB:
            return None
        stems = [lemma]
        for suffix, ends in NOMINAL_SUFFIXES:
            if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
                stem = lemma[: -len(suffix)]
                stems += [stem + end for end in ends]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    stems.append(stem[:-1])  # "cancellation" of cancel
        for stem in stems:
            rule = self.lex.verbs.get(stem)
            if rule is not None and rule.type in NOMINAL_ACT_TYPES:
                return rule
        return None

    def _victim_of_act(self, args: Arguments, sent: Span) -> bool:
        """Whether the target was read from the "of" of a harm the object names ("the arrest
        of two journalists", "the killing of protesters"): the one it was done to."""
        if "'of' after the object" not in args.how or args.target is None:
            return False
        noun = sent.doc[args.target.head].head.head  # pobj -> "of" -> the act noun
        rule = self.lex.nouns.get(noun.lemma_.lower())
        return (
            rule is not None
            and rule.of == "target"
            and rule.type in ("ASSAULT", "COERCE", "SANCTION")
        )

    @staticmethod
    def _agent_of_act(args: Arguments, index: MentionIndex, sent: Span) -> Mention | None:
        """The doer named with "by" on the act noun whose "of" gave the target."""
        noun = sent.doc[args.target.head].head.head
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
                found = index.of_token(pobj) if pobj is not None else None
                if found is not None and found.actor.country is not None:
                    return found
        return None

    def _home_addressee(
        self, trig: Trigger, source: Actor, index: MentionIndex, actors: DocActors
    ) -> tuple[Actor | None, str]:
        """(target, how) of "the president urged mayors to hold rallies", "urged the parties
        to tone down campaigning": a call on people named only by what they are ("mayors",
        "the parties") in a story of the caller's own state is to that state's. Not a foreign
        caller's ("the U.S. urged the parties to show restraint" is to the sides of the
        story), and no actor further off in the sentence takes their place."""
        home = actors.dominant_country()
        if (
            trig.is_noun
            or source.country is None
            or source.country != home
            or home not in self.kb.countries
        ):
            return None, ""
        for obj in trig.token.children:
            if obj.dep_ not in ("dobj", "obj", "dative") or obj.pos_ != "NOUN":
                continue
            if index.of_token(obj) is not None:
                return None, ""  # named: the grammar's choice stands
            sector = self.kb.sector_words.get(obj.lower_) or self.kb.sector_words.get(
                obj.lemma_.lower()
            )
            if sector is None or sector in ("IGO", "NGO"):
                return None, ""
            if any(
                c.dep_ in ("amod", "prep", "poss", "compound", "relcl", "acl")
                for c in obj.children
            ):
                return None, ""  # "foreign diplomats", "mayors in the east": described
            return (
                self._state_sector(home, sector, obj.text),
                f"people of the caller's own state, named only as '{obj.lower_}'",
            )
        return None, ""

    def _fallback_target(
        self, trig: Trigger, args: Arguments, source: Actor, index: MentionIndex, sent: Span
    ) -> tuple[Actor | None, str]:
        """(target, how) when the grammar named none: the other actor nearest the trigger in
        its clause. News names the one acted upon somewhere in the sentence even when the
        parse does not hang it from the verb ("opened an embassy in Tehran", "granted
        asylum to five Panamanian officers")."""
        doer = args.source
        clause = _clause_tokens(trig.governor or trig.token)
        partners = {id(m) for m in index.coordinated(doer, sent.doc)} if doer else set()
        # "U.N. agencies and other aid groups sent trucks": those joined to the noun the doer
        # is an adjective of act with it too
        noun = sent.doc[doer.head] if doer else None
        while (
            noun is not None
            and noun.dep_ in ("compound", "amod", "poss", "nmod")
            and noun.head.i != noun.i
        ):
            noun = noun.head
        joined_heads = {t.i for t in noun.conjuncts} if noun is not None else set()
        # "fighters from Syria", "rebels in the Ivory Coast": where the doer is from
        doer_words = (
            {
                pobj.i
                for prep in sent.doc[doer.head].children
                if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "in")
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            }
            if doer
            else set()
        )
        best, best_cost = None, None
        for m in index.mentions:
            if doer is not None and (m is doer or m.start < doer.end and doer.start < m.end):
                continue
            word = sent.doc[m.head]
            if doer is not None and word.dep_ == "appos" and doer.covers(word.head.i):
                continue  # "Bachelet, a former Chilean president, urged ...": the doer again
            if m.head not in clause or id(m) in partners or m.head in joined_heads:
                continue  # another clause's actor, or one acting with the doer
            if m.actor.country is None or m.actor.sector == "MED" or m.covers(trig.token.i):
                continue
            if m.modifier or m.members:
                continue  # "meeting in the Nigerian capital": an adjective on a thing
            if source is not None and (
                m.actor.same_as(source) or _state_on_itself(source, m.actor)
            ):
                continue
            if m.head in doer_words:
                continue  # "fighters from Syria": the doer's own words
            if (
                word.head.dep_ == "agent"
                and word.head.head.dep_ == "acl"
                and word.head.head.head.lemma_.lower() in WRITING_NOUNS
                and word.head.head.head.head.lower_ == "in"
            ):
                # "condemned the killings in a statement backed by Russia": who backed the
                # words the act was made in (not "accused Western powers led by the United
                # States", "an investigation into crimes committed by Croat forces")
                continue
            if (
                source is not None
                and m.actor.country == source.country
                and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in word.children)
            ):
                # "Turkey warned it would retaliate if any of its citizens were hurt": the
                # doer's own people ("his party" may be another's: not those)
                continue
            if trig.type in WRONG_NAMING_TYPES and wronged_owner(m, sent.doc):
                continue  # "condemned a violation of Qatar's sovereignty"
            after = m.start > trig.token.i
            if _reports(m, sent) or (m.place_like and not after):
                # the speaker of ", officials said"; "meeting in Manila, ministers ...". A
                # place after the act stays: "opened an embassy in Tehran" names whom it is
                # for, and our gold and the peer sets code "signed a deal in Minsk" with
                # Belarus too (tried: dropping such places lost more than it saved)
                continue
            cost = abs(m.head - trig.token.i) + (0 if after else 4)
            if best_cost is None or cost < best_cost:
                best, best_cost = m, cost
        if best is None:
            # the state where it happened is no fallback: tried, it was never right on our
            # gold sets ("talks mediated by Qatar, announced in Doha")
            return None, ""
        how = best.how or best.kind
        return best.actor, f"fallback: the other actor nearest the trigger ({how})"

    @staticmethod
    def _date_for(trig: Trigger, dates) -> EventDate | None:
        if not dates:
            return None
        # a date in the act's own clause first ("schoolgirls abducted by militants three
        # weeks ago" inside "accepted an offer on Tuesday"), then one on the clauses above
        own = _own_clause(trig.governor or trig.token)
        for ent, parsed in dates:
            if ent.root.i in own:
                return parsed
        chain = set()
        for tok in (trig.token, trig.governor):
            t = tok
            while t is not None:
                chain.add(t.i)
                if t.head.i == t.i:
                    break
                t = t.head
        for ent, parsed in dates:
            t = ent.root
            # the date hangs from a preposition ("on September 28") that hangs from the clause
            host = t.head.head if t.dep_ == "pobj" else t.head
            if host.i in chain or t.head.i in chain:
                return parsed
        return dates[0][1] if len(dates) == 1 else None

    def _location_for(self, trig: Trigger, args, places) -> Place | None:
        tokens = [t for t in (trig.token, trig.governor) if t is not None]
        if trig.is_noun and trig.token.dep_ in ("nsubj", "nsubjpass"):
            tokens.append(trig.token.head)  # "the protests began in Zhanaozen"
        if trig.type == "CONSULT" and trig.token.lemma_.lower() in HOST_VERBS:
            # "Sarkozy hosted Clinton and Cameron": the visit is to the host, at home
            host = args.source.actor.country if args.source is not None else None
            attached = event_location(tokens, places)
            if attached is not None or host not in self.kb.countries:
                return attached
            return city_in(places, host) or country_place(host, self.kb.country_name(host))
        if trig.type == "CONSULT" and (trig.mode == "visit") and args.target is not None:
            dest = args.target.actor.country
            if args.target.kind == "capital" or args.target.how == "capital":
                cap = self.kb.countries.get(dest).capital if dest in self.kb.countries else None
                if cap and cap.lower() in gazetteer():
                    return gazetteer()[cap.lower()]
            attached = event_location(tokens, places, prefer_country=dest)
            if attached is not None and attached.country == dest and attached.lat is not None:
                return attached
            return city_in(places, dest) or country_place(dest, self.kb.country_name(dest))
        if trig.type == "CONSULT" and trig.mode == "visit":
            for tok in tokens:  # "a visit to Sochi", "travelled to Sochi for a visit"
                dest = destination(tok, places)
                if dest is not None:
                    return dest
        if trig.type == "RETREAT" and trig.mode in ("withdraw", None):
            # "withdrew from the city of Kherson": a withdrawal happens where it leaves
            return event_location(tokens, places) or departure(trig.token, places)
        bomb = bomb_of(trig.token) if trig.type == "ASSAULT" and not trig.is_noun else None
        if bomb is not None:
            tokens.append(bomb)  # "a roadside bombing near Samarra killed ...": where it blew
        return event_location(tokens, places)


def _manner_of(verb: Token) -> list[Token]:
    """The verbs another hangs on as its purpose or manner, nearest first: "marched to
    protest" (a "to" infinitive), "marched, chanting slogans" (an -ing form), "gathered to
    protest ..., chanting" (the chant is the protest's, which is the gathering's)."""
    out: list[Token] = []
    while len(out) < 4 and verb.head.i != verb.i:
        purpose = verb.dep_ in ("advcl", "xcomp") and (
            verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        )
        manner = verb.dep_ == "conj" and verb.tag_ == "VBG"
        if not (purpose or manner):
            break
        verb = verb.head
        out.append(verb)
    return out


def _objects(word: Token, depth: int = 0) -> Iterator[Token]:
    """What a word of action is done to: its object, or the noun after "at", "on",
    "against" or "upon" ("fired at the crowd", "an attack on the rally"), also when the
    preposition hangs from the object ("fired tear gas at the sit-in")."""
    for child in word.children:
        if child.dep_ in ("dobj", "obj"):
            yield child
            if depth == 0:
                yield from _objects(child, 1)
        elif child.dep_ == "prep" and child.lower_ in ("at", "on", "against", "upon", "into"):
            yield from (c for c in child.children if c.dep_ == "pobj")


def _own_clause(word: Token) -> set[int]:
    """The token ids of the clause a verb heads, without the clauses under it."""
    head = word
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and head.dep_ not in (
        CLAUSE_DEPS
    ):
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return set()
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS)
    return out


def _days_earlier(word: Token) -> tuple[int, set[int]] | None:
    """(days, the clause's token ids) when a word's clause is "a day after ...", "two days
    after ...": its act happened that many days before the one it is told against."""
    t = word
    for _ in range(3):
        after = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        # where the duration hangs: on the clause or the word it modifies ("came a day
        # after X telephoned"), or on the preposition ("barely a day after announcing")
        hosts = [t, t.head] if after is not None else []
        if after is None and t.dep_ == "pcomp" and t.head.lower_ == "after":
            after, hosts = t.head, [t.head]
        if after is not None:
            for host in hosts:
                for dur in host.children:
                    if dur.dep_ == "npadvmod" and dur.lemma_.lower() in ("day", "week"):
                        n = _count(dur) * (7 if dur.lemma_.lower() == "week" else 1)
                        if n:
                            return n, {x.i for x in t.subtree}
            return None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _count(noun: Token) -> int:
    """How many of a noun: "a day" 1, "two days" 2, "3 days" 3; 0 when not said."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in ("a", "an", "one"):
            return 1
        if c.dep_ == "nummod":
            if c.text.isdigit():
                return int(c.text)
            return NUMBER_WORDS.get(c.lower_, 0)
    return 0


def _aimed(verb: Token) -> bool:
    """Whether a firing is aimed at something: "at", "on", "against" after the verb or
    anywhere in its object ("launched artillery and rocket fire against camps")."""
    words = [c for c in verb.children if c.dep_ == "prep"] + [
        t for c in verb.children if c.dep_ in ("dobj", "obj") for t in c.subtree
    ]
    return any(
        t.dep_ == "prep"
        and t.lower_ in AIM_PREPS
        and any(
            p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in t.children
        )  # "on Friday" aims at nothing
        for t in words
    )


def _word_lemma(tok: Token) -> str:
    """A noun's lemma with the hyphenated words before it: spaCy splits "sit-in" in three."""
    doc, i = tok.doc, tok.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
        i -= 2
    if i == tok.i:
        return tok.lemma_.lower()
    return doc[i : tok.i].text.lower() + tok.lemma_.lower()


def _recalled_from(verb: Token, index: MentionIndex) -> Mention | None:
    """The state an envoy is recalled from: "recalled its ambassador from Tehran"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for pobj in prep.children:
                m = index.of_token(pobj)
                if pobj.dep_ == "pobj" and m is not None and m.actor.country is not None:
                    return m
    return None


OTHER_SIDE = "the other side of the story's earlier events"


def _other_side(source: Actor, memory: dict) -> tuple[Actor | None, str]:
    """(target, how) of words aimed at no one named by a side of the story's quarrel: the
    country its country was most often paired with in the events of earlier sentences whose
    grammar named both (the one named last among equals)."""
    if source.country is None or source.sector not in SIDE_SECTORS:
        return None, ""
    if source.sector == "REB" and memory.get(REBELS_FOUGHT, {}).get(source.country):
        # "ARSA declared a unilateral ceasefire": rebels the story told fighting their own
        # state step back from, or warn, that state
        return memory[REBELS_FOUGHT][source.country], "the state the rebels fought before"
    seen = memory.get(OTHER_SIDES, {}).get(source.country)
    if not seen:
        return None, ""
    counts = Counter(a.country for a in seen)
    most = max(counts.values())
    side = next(a for a in reversed(seen) if counts[a.country] == most)
    return side, OTHER_SIDE


def _crowd(m: Mention, sent: Span) -> bool:
    """Whether a mention names a crowd ("protesters", "crowds of students", "a mob",
    "Supporters of Imran Khan"), not a people or a group that fights."""
    if sent.doc[m.head].lemma_.lower() in CROWD_NOUNS:
        return True
    # "Supporters of Imran Khan", "crowds of students": a crowd word inside the mention
    return m.kind in ("sector", "group", "country") and any(
        t.lemma_.lower() in CROWD_NOUNS for t in sent.doc[m.start : m.end]
    )


# what a state asks of its own people when it names no one: "appealed for calm"
CALM_WORDS = frozenset({"calm", "restraint", "unity", "patience", "order", "peace", "tolerance"})


def _calls_for_calm(verb: Token) -> bool:
    """Whether a call asks for calm ("appealed for calm", "called for restraint and unity")
    of no one it names ("appealed to friends abroad for help" names whom it asks)."""
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False
    return any(
        p.lemma_.lower() in CALM_WORDS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
        if p.dep_ == "pobj"
    )


# what an election ends in, which the state declares
RESULT_NOUNS = frozenset({"result", "outcome", "count", "tally"})


def _rejected(verb: Token) -> set[str]:
    """The lemmas of what a verb of rejecting rejects: its object, its passive subject, or
    the noun its relative clause hangs on ("a claim the charity rejects")."""
    rejected = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if verb.dep_ == "relcl":
        rejected.append(verb.head)
    return {r.lemma_.lower() for r in rejected}


def _rejects_a_result(verb: Token) -> bool:
    """ "rejected the outcome", "rejected the result a week later": an election's result."""
    return bool(_rejected(verb) & RESULT_NOUNS)


# what a state holds when its people vote
VOTE_NOUNS = frozenset(
    {"election", "vote", "poll", "ballot", "referendum", "result", "outcome", "count"}
)


def _faults_a_vote(verb: Token) -> bool:
    """ "called the election a travesty", "found irregularities in the vote": what the verb
    faults is a vote, or a wrong found in one."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")):
        if obj.lemma_.lower() in VOTE_NOUNS:
            return True
        # the parser hangs "in the vote" on the object or, as often, on the verb itself
        if any(
            p.lemma_.lower() in VOTE_NOUNS
            for c in (*obj.children, *verb.children)
            if c.dep_ == "prep"
            and c.lower_ in (("in", "of", "during") if c.head is obj else ("in", "during"))
            for p in c.children
            if p.dep_ == "pobj"
        ):
            return True
    return False


def _rejects_a_charge(verb: Token) -> bool:
    """ "rejected accusations that its soldiers shot", "dismissed the criticism", "a claim
    the charity rejects": what is rejected is another's charge."""
    return bool(_rejected(verb) & CHARGE_NOUNS)


def _accuser(source: Actor, memory: dict) -> tuple[Actor | None, str]:
    """(target, how) of a rejected charge: the last who charged the rejecter's side, in the
    sentences before."""
    accuser = next(
        (
            who
            for charged, who in reversed(memory.get(CHARGES, []))
            if charged.country is not None
            and charged.country == source.country
            and who.country != source.country
        ),
        None,
    )
    if accuser is None:
        return None, ""
    return accuser, "the last who charged the one rejecting it"


def _demander(source: Actor, memory: dict) -> tuple[Actor | None, str]:
    """(target, how) of a refusal aimed at no one named ("Pashinyan refused to step down",
    "Bakiyev said he would not resign"): the last who made a demand of the one refusing, in
    the sentences before."""
    asker = next(
        (asker for asked, asker in reversed(memory.get(DEMANDS, [])) if asked.same_as(source)),
        None,
    )
    if asker is None or asker.same_as(source):
        return None, ""
    return asker, "the one who made a demand of it before"


# nouns of groups of people, beside those of persons, roles and sectors
GROUP_NOUNS = frozenset({"group", "force", "militia", "gang", "gunman", "faction", "element"})


def _unknown_party_object(trig: Trigger) -> bool:
    """Whether a verb's direct object names people: a name the tagger calls a person, an
    organisation or a group ("Rebiya Kadeer", "armed pro-government groups"). The coder
    reaches here only when no actor of ours was found there."""
    if trig.is_noun or trig.charged is not None or trig.type not in RESPONSE_TYPES:
        return False
    if trig.token.lemma_.lower() in SAYING_VERBS:
        return False  # "told reporters ... it was genocide": those told, not those judged
    for obj in trig.token.children:
        if obj.dep_ not in ("dobj", "obj"):
            continue
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
            return False  # "its ambassadors", "their supporters": the doer's own
        lemma = obj.lemma_.lower()
        return obj.ent_type_ in ("PERSON", "ORG", "NORP") or lemma in (
            PERSON_NOUNS | ROLE_NOUNS | GROUP_NOUNS
        )
    return False


# writings an act is made in ("condemned it in a statement backed by Russia")
WRITING_NOUNS = frozenset(
    {"statement", "resolution", "letter", "declaration", "communique", "text", "report"}
)
# how --explain names the target `_gathering_target` gives to weapons of crowd control
CROWD_CONTROLLED = "the crowd that weapons of crowd control are used on"


def _crowd_control(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the act is, or is done with, what the lexicon calls crowd control ("fired
    tear gas", "used water cannon", "the tear gas"): police use it on crowds alone."""
    words = [trig.token, *trig.token.children]
    words += [p for w in trig.token.children if w.dep_ == "prep" for p in w.children]
    for word in words:
        lemma = word.lemma_.lower()
        keys = [lemma] + [
            f"{c.lower_} {lemma}" for c in word.children if c.dep_ in ("compound", "amod")
        ]
        if word.i > 0:
            keys.append(f"{word.doc[word.i - 1].lower_} {lemma}")
        if any(
            (rule := lex.nouns.get(key)) is not None and rule.mode == "crowd-control"
            for key in keys
        ):
            return True
    return False


# kinds of event a "followed suit" seldom copies when the doer also acted
WORDS_RARELY_FOLLOWED = frozenset({"ACCUSE", "THREATEN"})


def _follows_suit(verb: Token) -> bool:
    """ "followed suit", "took similar steps", "did the same": doing the act told before."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if lemma == "follow":
        return any(o.lower_ == "suit" for o in objects)
    if lemma in ("take", "adopt"):
        return any(
            o.lemma_.lower() in ("step", "measure", "action")
            and any(a.lower_ in ("similar", "same") for a in o.children)
            for o in objects
        )
    if lemma == "do":
        return any(
            o.lower_ == "same" and any(d.lower_ == "the" for d in o.children) for o in objects
        )
    return False


def _sovereignty_violated(noun: Token) -> bool:
    """'a violation of Qatar's sovereignty', 'the breach of its airspace'."""
    return noun.lemma_.lower() in ("violation", "breach", "infringement") and any(
        p.lemma_.lower() in SOVEREIGN_NOUNS
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    )


def _people_of(m: Mention, sent: Span) -> bool:
    """ "South Koreans", "thousands of Egyptians": a state's name for its people, in the
    plural."""
    word = sent.doc[m.head]
    return word.tag_ in ("NNS", "NNPS") and word.lower_.endswith("s") and m.end - m.start <= 2


def _definite(m: Mention, sent: Span) -> bool:
    """Whether a mention is "the generals", "the junta", "both commanders": a definite
    article (or "both") before it."""
    return m.start > sent.start and sent.doc[m.start - 1].lower_ in ("the", "both")


def _reports(m: Mention, sent: Span) -> bool:
    """Whether a mention is who reports the sentence: the subject of a speech verb, or the
    object of 'according to'."""
    tok = sent.doc[m.head]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in REPORTING_VERBS:
        return True
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _stated_again(event: Event, others: list[Event], guessed: set[int]) -> bool:
    def pair(e: Event) -> tuple:
        return (e.source.country if e.source else None, e.target.country if e.target else None)

    mine = pair(event)
    for e in others:
        if e is event or id(e) in guessed or e.type != event.type:
            continue
        if pair(e) == mine or (event.symmetric or e.symmetric) and pair(e) == mine[::-1]:
            return True
    return False


def _background(
    trig: Trigger, event_date: EventDate | None, story_date: date | None, inferred: bool
) -> bool:
    """An earlier event a relative clause or participle names to set the scene ("Serbia,
    where 24 people were killed last March"; "land seized by the army in the 1970s"): its
    own date lies more than a month before the story's. It is left among the acts not coded:
    the story reports something else, and the earlier event has reports of its own."""
    if event_date is None or story_date is None or inferred:
        return False
    tok = trig.governor or trig.token
    while tok.dep_ not in ("relcl", "acl") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("relcl", "acl"):
        return False
    parts = [int(p) for p in event_date.value.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    return (story_date.year - year) * 12 + story_date.month - month > 1


def _dateline_place(sent: Span, places: list) -> Place | None:
    end = dateline_end(sent)
    if end == sent.start:
        return None
    return next((place for token, place in places if token.i < end), None)


def _state_on_itself(source: Actor, target: Actor) -> bool:
    """A state's (or an organisation's) organs acting on itself: never a fallback's reading
    ("Taiwan rejected the ruling, and President Tsai ..." is not Taiwan acting on Taiwan)."""
    return (
        source.country == target.country
        and source.sector in STATE_SECTORS | {"IGO"}
        and target.sector in STATE_SECTORS | {"IGO"}
    )


def _clause_tokens(head: Token) -> set[int]:
    """Token indices of the clause a word stands in and the clauses under it, without the
    clauses joined to it that have a subject of their own ("X condemned it, and Y met").
    A relative clause's act ("Turkey, which brokered the deal") does not reach up into the
    clause that names its antecedent."""
    top = head
    while top.dep_ not in CLAUSE_DEPS and top.head.i != top.i:
        top = top.head
    out: set[int] = set()
    stack = [top]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ == "advcl" and child.lemma_.lower() in REPORTING_VERBS:
                continue  # "criticised the sanctions, saying isolating Qatar ...": a topic
            if (
                child.dep_ == "conj"
                and child.lemma_.lower() in TELLING_VERBS
                and any(c.dep_ in ("ccomp", "xcomp") for c in child.children)
            ):
                # "closed the border and said it would raise the matter at the U.N.": what
                # the doer says next is another act, not whom the first was aimed at
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                continue
            stack.append(child)
    return out


def _body_in_session(trig: Trigger, source: Actor) -> bool:
    """ "Meeting in the Nigerian capital, ECOWAS ...", "The leaders, who met by video
    conference": an organisation's members meeting among themselves, with no one else named,
    meet no other party (on our worked sets no such event was right)."""
    verb = trig.token
    if trig.type == "CONSULT" and trig.is_noun:
        # "at an emergency meeting of the Security Council, the French envoy said": a body's
        # own session, with no one named to meet it
        return (
            verb.lemma_.lower() in SESSION_NOUNS
            and source.country in ORGANISATION_CODES
            and not any(
                c.dep_ == "prep" and c.lower_ in ("with", "between") for c in verb.children
            )
        )
    return (
        trig.type == "CONSULT"
        and not trig.is_noun
        and verb.lemma_.lower() == "meet"
        and (source.country in ORGANISATION_CODES or _one_body_subject(verb))
        and not any(
            c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ == "with")
            for c in verb.children
        )
    )


# a body's sitting told by a noun ("an emergency meeting of the Security Council")
SESSION_NOUNS = frozenset({"meeting", "session", "sitting"})
# bodies that sit in session: "Israel's cabinet met Sunday", "parliament met in emergency
# session" (its members among themselves, no other party)
SESSION_BODIES = frozenset(
    {"cabinet", "parliament", "council", "committee", "assembly", "congress", "senate",
     "legislature", "politburo", "presidium", "junta", "commission", "court"}
)


def _one_body_subject(verb) -> bool:
    """The subject of `verb` is one body that sits in session, joined to no other actor."""
    return any(
        c.dep_ == "nsubj"
        and c.lemma_.lower() in SESSION_BODIES
        and not any(g.dep_ == "conj" for g in c.children)
        for c in verb.children
    )


# verbs of vowing, coded for what they vow
VOWING_VERBS = frozenset({"vow", "swear"})


# "on a visit to": the visit as the scene of what was said. Not "during the visit of the
# president to Russia", which a story tells as the meeting itself (the reference article)
SETTING_PREPS = frozenset({"on"})


def _reporters_question(trig: Trigger) -> bool:
    """ "Asked how he would respond, Duterte said ...", "Asked to comment, the ministry
    declined": a question put by no one named opens what the speaker said; it is the
    reporters', not a request between the story's parties."""
    token = trig.token
    return (
        trig.type == "REQUEST"
        and not trig.is_noun
        and token.lemma_.lower() == "ask"
        and token.tag_ == "VBN"
        and token.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in token.children)
    )


def _visit_as_setting(trig: Trigger) -> bool:
    """ "Guterres, visiting Addis Ababa, praised both leaders", "Putin, on a visit to Armenia,
    said": a visit told as the setting of what the visitor said or did there is the scene
    of the story's event, not an event of its own."""
    if (trig.type, trig.mode) != ("CONSULT", "visit"):
        return False
    token = trig.token
    if not trig.is_noun:
        return token.tag_ == "VBG" and token.dep_ in ("acl", "advcl") and token.head.pos_ in (
            "VERB",
            "PROPN",
            "NOUN",
        )
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in SETTING_PREPS
        and prep.head.pos_ == "VERB"
        and trig.governor is None
    )


# prepositions whose object sets the time or the circumstance of another act
FRAME_OF_ANOTHER = frozenset(
    {"during", "after", "before", "since", "following", "amid", "throughout", "despite"}
)
# prepositions whose gerund tells an act as the reason of another ("criticised Washington for
# sending a destroyer": the charge's ground, coded as the charge). Not "before Ving" or
# "after Ving", acts told in sequence ("swapped threats before agreeing to ...")
GERUND_FRAME = frozenset({"for"})


def _frame_of_another(trig: Trigger) -> bool:
    """ "shortly after Erdogan's visit to Mogadishu", "during nightly demonstrations",
    "despite a request from Moscow", "criticised X for sending a destroyer": an act named
    only as the time, the circumstance or the ground of another is the frame of the story's
    event, told for context, not an event of its own."""
    token = trig.token
    if trig.governor is not None:
        return False
    prep = token.head
    if prep.i == token.i or prep.dep_ not in ("prep", "advmod") and prep.pos_ != "ADP":
        return False
    if trig.is_noun:
        if trig.type == "CONSULT" and prep.lower_ == "during":
            # "voiced during the working visit of the president to Russia": the meeting
            # in which it was said took place (the reference article's gold codes it)
            return False
        return token.dep_ == "pobj" and prep.lower_ in FRAME_OF_ANOTHER
    return token.tag_ == "VBG" and token.dep_ == "pcomp" and prep.lower_ in GERUND_FRAME


def _empty_vow(trig: Trigger) -> bool:
    """ "Protest organisers vowed to keep up the pressure", "vowed to defend Somali land": a
    vow with no object, of no harm and on no condition, is no agreement with anyone (on
    our worked sets every such event was false)."""
    return (
        trig.type == "AGREE"
        and not trig.is_noun
        and trig.token.lemma_.lower() in VOWING_VERBS
        and not class_objects(trig.token)
    )


# the verbs of a protest's aim, told in a clause of purpose: "struck to protest the cuts"
PROTEST_AIM_VERBS = frozenset({"protest", "demonstrate"})


def _protest_aims(triggers: list[Trigger]) -> dict[int, Trigger]:
    """The asserted protest told as the purpose of another act of protest, by the token of
    that act's verb: "went on hunger strike to protest the verdict" -> {went: protest}."""
    out = {}
    for t in triggers:
        if (
            t.type == "PROTEST"
            and not t.is_noun
            and t.token.dep_ == "advcl"
            and t.token.lemma_.lower() in PROTEST_AIM_VERBS
            and factuality(t)[0] == "asserted"
        ):
            out[t.token.head.i] = t
    return out


def _harm_pledged_only(trig: Trigger, triggers: list[Trigger]) -> bool:
    """Whether all that a pledge verb promises ("pledged to expel ...", "promised to arrest
    them and put them on trial") are acts of harm, each a trigger of its own."""
    acts = [c for c in trig.token.children if c.dep_ in ("xcomp", "ccomp")]
    acts += [c for a in acts for c in a.children if c.dep_ == "conj"]
    types = [t.type for t in triggers for a in acts if t.token.i == a.i]
    return bool(types) and len(types) == len(acts) and all(
        t in PLEDGED_AS_THREATEN for t in types
    )


def _speaker_of(saying):
    """The subject of a verb of saying, or of the verb it is joined to ("met X and said")."""
    speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if speaker is None and saying.dep_ == "conj":
        speaker = next((c for c in saying.head.children if c.dep_ == "nsubj"), None)
    return speaker


def _said_by_another(trig: Trigger, args, index) -> bool:
    """Whether the trigger's clause is what a speaker not of the doer's state says: one of
    another state ("Biden told reporters that Russia would ..."), or one who is no actor
    ("analysts said"). A speaker of no named state ("..., the general said") may be the
    doer's own."""
    clause = trig.clause_head
    saying = clause.head
    if clause.dep_ != "ccomp" or saying.lemma_.lower() not in SAYING_WHAT_WILL_BE | {
        "warn",
        "tell",
    }:
        return False
    speaker = _speaker_of(saying)
    if speaker is None:
        return False
    m = index.of_token(speaker)
    if m is None or m.actor is None:
        return True
    source = args.source.actor
    return (
        m.actor.country is not None
        and source is not None
        and source.country is not None
        and m.actor.country != source.country
    )


def _own_side_may(trig: Trigger, args, index) -> bool:
    """'Erdogan said Ankara could close its airspace to Israel if the raids continued': a harm
    told, on another's conduct, as what the speaker's own side would or could do to another
    is the speaker's threat. Not another's guess ("analysts said Russia could invade Ukraine
    if talks failed"), nor what a third party would do ("said NATO would respond if ...")."""
    if trig.type not in PLEDGED_AS_THREATEN or trig.negated or (
        trig.is_noun and trig.governor is None
    ):
        return False
    clause = trig.clause_head
    if has_negation(clause) or clause.dep_ != "ccomp":
        return False
    saying = clause.head
    if saying.lemma_.lower() not in SAYING_WHAT_WILL_BE | {"warn"}:
        return False
    if verbal_context(saying)[0] != "asserted":
        return False
    if not any(
        c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "would", "will")
        for c in clause.children
    ):
        return False
    if not any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
        for c in clause.children
    ):
        return False
    if args.source is None:
        return False
    # the one it is aimed at may be found later (the civilians of the speaker's country)
    source = args.source.actor
    target = args.target.actor if args.target is not None else None
    if source is None or (
        target is not None and (source.country, source.name) == (target.country, target.name)
    ):
        return False
    speaker = _speaker_of(saying)
    if speaker is None:
        return False
    subject = {c.i for c in clause.children if c.dep_ == "nsubj"}
    described = (c for c in speaker.children if c.dep_ in ("appos", "amod", "poss", "compound"))
    for tok in (speaker, *described):
        # "Erdogan", "the Iranian defence minister", "Turkey's president"
        m = index.of_token(tok)
        if m is None or m.actor is None or m.actor.country is None:
            continue
        if m.actor.country == source.country:
            return True
        if (
            source.country is None
            and source.sector in ("GOV", "MIL", "COP")
            and m.actor.sector in STATE_SECTORS
            and args.source.head in subject
        ):
            # a state official's "the military could strike": a state's force named by
            # no country is the speaker's own
            return True
    return False


def _pledged(trig: Trigger) -> tuple[str, str | None]:
    """(type, why) of an event the doer commits itself to: AGREE for cooperation pledged,
    THREATEN for force or pressure vowed; (its own type, None) when it is no commitment."""
    if trig.type not in ("THREATEN", "REQUEST", "ACCUSE") and ultimatum(trig):
        return "THREATEN", f"ultimatum: '{trig.token.text} ... unless', coded as THREATEN"
    if trig.type in PLEDGED_AS_THREATEN and ultimatum(trig, marks=("if", "unless")):
        return "THREATEN", f"{CONDITIONAL_HARM_WHY}: '{trig.token.text} ... if'"
    if (trig.type, trig.mode) == ("RETREAT", "resign"):
        # "offered to resign", "vowed to step down": one's own going, promised to no one
        return trig.type, None
    if trig.type in PLEDGED_AS_AGREE or trig.type == "CONSULT":
        new_type = "AGREE"
    elif trig.type in PLEDGED_AS_THREATEN:
        new_type = "THREATEN"
    else:
        return trig.type, None
    word = commitment(trig)
    if word is None and (
        trig.type in STATED_INTENT_TYPES
        or (trig.type == "PROTEST" and trig.mode in ANNOUNCED_PROTEST_MODES)
    ):
        # "Finland will give Tanzania a grant": a doer's stated intent to cooperate is a
        # promise (a planned visit is not: it is only planned)
        said = intent(trig)
        if said is not None and trig.type == "CONCEDE":
            # "said he would withdraw the pension reform": a concession announced is made
            # (one offered, "is prepared to lift the ban", stays a promise: AGREE)
            return "CONCEDE", f"intent: '{said} {trig.token.text}', a concession announced"
        if said is not None:
            return new_type, f"intent: '{said} {trig.token.text}', coded as {new_type}"
    if word is None:
        return trig.type, None
    if new_type == "AGREE" and word.lower().startswith("threat"):
        # "threatened to pull out of the alliance": leverage over another, no cooperation
        # pledged; the threat itself is coded from its own verb
        return trig.type, None
    return new_type, f"commitment: '{word} to {trig.token.text}', coded as {new_type}"


def _warned_act(verb: Token) -> Token | None:
    """The act a warning is about, when it is the subject of the clause warned: "warned
    that another provocation would be punished", "new raids would be answered in kind"."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        subject = next(
            (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        if subject is not None and subject.pos_ == "NOUN":
            return subject
    return None


def _refuge_host(verb: Token, source: Actor, index: MentionIndex) -> Mention | None:
    """The one a plea for refuge was made to, when only that one tells of it: "the Japanese
    minister said the dissident had requested asylum", "Brazil's president said the deposed
    leader had phoned to seek refuge". A state tells of the pleas made to itself; another's
    word names the addressee ("asked Ecuador for asylum")."""
    sought = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
        if p.dep_ == "pobj"
    ] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not any(w.lemma_.lower() in REFUGE_NOUNS for w in sought):
        return None
    for up in verb.ancestors:
        if up.lemma_.lower() not in SAYING_VERBS:
            continue
        subject = next((c for c in up.children if c.dep_ == "nsubj"), None)
        m = index.of_token(subject) if subject is not None else None
        if (
            m is None
            or m.actor.country is None
            or m.actor.country == source.country
            or m.actor.sector not in ("GOV", "MIL")
        ):
            return None
        return m
    return None


def _same_pair(e: Event, source, target) -> bool:
    def key(a):
        return (a.country, a.name) if a is not None else None

    return {key(e.source), key(e.target)} == {key(source), key(target)}


def _placeless_rebels(actor: Actor | None, mention: Mention | None, places) -> bool:
    """Rebels of no named country and no place of their own ("the separatists")."""
    return (
        actor is not None
        and actor.sector == "REB"
        and actor.country is None
        and _own_place(mention, places) is None
    )


# words that may open an aside on who the people named before it are: "40 migrants, most of
# them Afghans", "38 holidaymakers, mostly British"
_ASIDE_WORDS = frozenset(
    {
        "most", "mostly", "many", "all", "some", "mainly", "largely", "nearly", "almost",
        "of", "them", "whom", "the", "majority", "several",
    }
)


def _nationality_aside(mention, index, sent, kb) -> str | None:
    """The state of people of no named country told in an aside after them: "40 migrants,
    most of them Afghans", "holidaymakers, mostly British", "26 men, all of them Indian
    tourists"."""
    if mention is None or mention.actor.country is not None:
        return None
    doc = sent.doc
    i = mention.end
    if i >= sent.end or doc[i].text != ",":
        return None
    for j in range(i + 1, min(sent.end, i + 7)):
        tok = doc[j]
        if tok.is_punct:
            return None
        m = index.of_token(tok, allow_inner=False)
        if m is not None and m is not mention:
            country = m.actor.country
            if country in kb.countries and m.kind in ("country", "sector"):
                return country
            return None
        if not (tok.lower_ in _ASIDE_WORDS or tok.like_num):
            return None
    return None


# the words that name the place a withdrawal leaves ("pulled out of", "withdrew from") and
# the place an opening lets in to ("into Tigray", "the crossing with Gaza")
PLACE_PREPS = {"withdraw": ("out", "of", "from"), "access": ("into", "with", "to", "of")}


def _place_named(verb, places, mentions: list[Mention], preps: tuple[str, ...]) -> str | None:
    """The country of the named place a withdrawal leaves or an opening opens: "pulled out
    of Goma", "abandoned the town of Kherson", "let the convoy into Tigray", "opened its
    crossing with the Gaza Strip" (on the object, or by one of `preps`; a place, or a
    territory read as an actor)."""
    named: list = []
    stack = [c for c in verb.children if c.dep_ in ("dobj", "prt", "prep")]
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("prep", "prt") and tok.lower_ not in preps:
            continue
        named.append(tok)
        stack.extend(c for c in tok.children if c.dep_ in ("pobj", "prep", "pcomp"))
    # "the Gaza Strip": the place may be the name's first word
    words = {t.i for t in named} | {
        c.i for t in named for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"
    }
    countries = [place.country for token, place in places if token.i in words] + [
        m.actor.country for m in mentions if m.head in words and m.kind == "country"
    ]
    return next((c for c in countries if c), None)


def _own_place(mention, places) -> Place | None:
    """A place that hangs from the actor itself: "police in Minsk", "students in Kirkuk"."""
    if mention is None:
        return None
    for token, place in places:
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i == mention.head:
            return place
    return None


_NOUN_MODE_WORDS = {
    "AID": {
        "military": "military",
        "humanitarian": "humanitarian",
        "economic": "economic",
        "financial": "economic",
        "arms": "military",
        "weapons": "military",
    },
}


def _noun_mode(trig: Trigger) -> str | None:
    words = _NOUN_MODE_WORDS.get(trig.type)
    if not words:
        return None
    for child in trig.token.children:
        if child.lower_ in words:
            return words[child.lower_]
    return None


def _clause_names_whom(verb: Token) -> bool:
    """Whether the clause of a force verb names whom it fell on elsewhere: "fired tear gas
    at protesters", "fired to disperse the crowd", "clubbed protesters and fired stun
    grenades" (an object on an earlier joined verb)."""
    for j in (*verb.conjuncts, verb):
        for c in j.children:
            if c.dep_ in ("xcomp", "advcl") and any(g.dep_ in ("dobj", "obj") for g in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ in ("at", "against", "on", "upon") and any(
                g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children
            ):
                return True
            if j.i < verb.i and c.dep_ in ("dobj", "obj"):
                return True
    return False


def _capital_name(kb, sent, m) -> bool:
    """The mention is a capital's name that other places share ("Santiago", "Victoria")."""
    span = sent.doc[m.start : m.end]
    entries = kb.index.get(tokens_key(span), [])
    return (
        any(e.kind == "capital" for e in entries)
        and not any(e.kind in ("country", "demonym") for e in entries)
        and span.text.lower() in namesakes()
    )
