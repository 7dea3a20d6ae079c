"""Is the event said to have happened? asserted, negated, hypothetical or future.

Rules on the dependency tree, each named so --explain can show which one fired:
negation on the event's clause or on a speech verb above it ("did not say a word about",
"said nothing about"), modal and future auxiliaries, irrealis governors ("plans to",
"talks about", "called for"), conditionals ("if"), and hedges ("apparently").
"""

from __future__ import annotations

from eventmill.coding.triggers import NAMED_WRONG_WHY, Trigger

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
NEGATIVE_OBJECTS = frozenset({"nothing", "nobody", "none"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
MODAL_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must", "'d", "ought"})
# verbs and nouns under which an event is only planned, proposed, feared or discussed
IRREALIS_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "aim",
        "hope",
        "want",
        "wish",
        "seek",
        "propose",
        "consider",
        "prepare",
        "threaten",
        "promise",
        "pledge",
        "vow",
        "agree",
        "offer",
        "try",
        "attempt",
        "fight",  # "rebels fighting to topple his government": an aim, not a deed
        "struggle",
        "campaign",
        "urge",
        "ask",
        "appeal",
        "implore",
        "exhort",
        "call",
        "demand",
        "request",
        "push",
        "press",
        "decide",
        "discuss",
        "mull",
        "weigh",
        "debate",
        "study",
        "explore",
        "contemplate",
        "negotiate",
        "talk",
        "talks",
        "proposal",
        "idea",
        "prospect",
        "possibility",
        "option",
        "threat",
        "bid",
        "rumour",
        "rumor",
        "speculation",
        "fear",
        "risk",
        "chance",
        "likelihood",
        "would-be",
        "intention",
        "willingness",
        "readiness",
        "ready",
        "willing",
        "prepared",
        "able",
        "likely",
        "set",
        "due",
        # ordering or allowing someone to act is not the act
        "order",
        "tell",
        "instruct",
        "direct",
        "force",
        "compel",
        "require",
        "encourage",
        "invite",
        "allow",
        "permit",
        "authorize",
        "authorise",
    }
)
# a refused, denied or failed event did not happen
# verbs whose "of" or "with" phrase holds an act alleged, not stated: "accused X of Ving"
ALLEGING_GOVERNORS = frozenset({"accuse", "suspect", "allege", "charge"})
NEGATING_GOVERNORS = frozenset(
    {
        "deny",
        "refute",
        "refuse",
        "fail",
        "decline",
        "avoid",
        "reject",
        "cancel",
        "postpone",
        "halt",
        "abandon",
        "rule",
        "stop",
        "prevent",
        "block",
        "veto",
    }
)


def _negating(head) -> bool:
    """ "ruled out talks" negates; "the court ruled that ...", "Taliban-ruled Afghanistan"
    (a ruling, a rule) do not."""
    if head.lemma_.lower() != "rule":
        return True
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)


FUTURE_ADJECTIVES = frozenset(
    {
        "next",
        "possible",
        "potential",
        "planned",
        "proposed",
        "future",
        "upcoming",
        "expected",
        "prospective",
        "likely",
        "new",
        "further",
        "eventual",
        "hypothetical",
    }
)
HEDGES = frozenset(
    {
        "apparently",
        "reportedly",
        "allegedly",
        "possibly",
        "perhaps",
        "probably",
        "purportedly",
        "supposedly",
        "seemingly",
        "presumably",
        "likely",
        "maybe",
    }
)
# verbs through which the fact of a nominal event is stated; others ("can be used") leave
# the event itself untouched
OCCURRENCE_VERBS = frozenset(
    {
        "take",
        "happen",
        "occur",
        "begin",
        "start",
        "continue",
        "go",
        "proceed",
        "resume",
        "end",
        "follow",
        "come",
        "be",
        "hold",
    }
)
SPEECH_VERBS = frozenset(
    {
        "say",
        "speak",
        "mention",
        "talk",
        "comment",
        "utter",
        "discuss",
        "raise",
        "address",
        "touch",
        "tell",
        "state",
    }
)
STOP_AT = frozenset({"relcl", "advcl", "parataxis", "appos"})


# verbs whose negation affirms what they govern: "did not hesitate to fire" is firing,
# "would not hesitate to strike" a vow to strike
AFFIRMED_BY_NEGATION = frozenset({"hesitate"})


def has_negation(token) -> bool:
    """Whether a word carries a negation of its own ("not", "never", "no")."""
    if token.lemma_.lower() in AFFIRMED_BY_NEGATION:
        return False
    for child in token.children:
        if child.dep_ == "neg" or (
            child.lower_ in NEGATORS and child.dep_ in ("advmod", "det", "preconj", "cc")
        ):
            if child.lower_ in ("nor",) and child.dep_ == "cc":
                continue
            return True
        if child.dep_ in ("dobj", "obj", "npadvmod") and child.lower_ in NEGATIVE_OBJECTS:
            return True
        if child.dep_ == "dobj" and any(g.lower_ == "no" for g in child.children):
            return True
    return False


def _aux(token) -> str | None:
    for child in token.children:
        if child.dep_ in ("aux", "auxpass"):
            word = child.lower_
            if word in FUTURE_AUX:
                return "future"
            if word in MODAL_AUX:
                return "hypothetical"
        if child.dep_ == "aux" and child.lemma_ == "go" and child.tag_ == "VBG":
            return "future"
    return None


def _conditional(token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.children)


def to_infinitive(verb) -> bool:
    """Whether a verb is a "to" infinitive ("voted on Friday to remove him")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# papers by which a charge is brought ("a motion to impeach"), and the verbs that bring them
MOTION_NOUNS = frozenset({"motion", "petition", "bill", "lawsuit", "complaint", "case"})
FILING_VERBS = frozenset({"submit", "file", "table", "lodge", "introduce", "bring", "present"})


def _filed_motion(clause) -> bool:
    """Whether an infinitive tells what a paper filed asks ("submitted a motion to impeach
    the president", "filed a lawsuit to annul the vote")."""
    paper = clause.head
    return (
        clause.dep_ == "acl"
        and to_infinitive(clause)
        and paper.lemma_.lower() in MOTION_NOUNS
        and paper.dep_ in ("dobj", "obj")
        and paper.head.lemma_.lower() in FILING_VERBS
    )


def _hedged(token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in token.children)


def factuality(trig: Trigger) -> tuple[str, str]:
    """(factuality, rule that decided it)."""
    token = trig.token
    if trig.is_noun:
        # the noun's own words: "no agreement", "the next transaction", "a possible deal"
        for child in token.children:
            if child.dep_ == "det" and child.lower_ in ("no",):
                return "negated", "'no' before the noun"
            if child.dep_ == "det" and child.lower_ in ("any", "every"):
                return "hypothetical", f"'{child.lower_}' before the noun"
            if child.dep_ in ("amod", "compound") and child.lower_ in FUTURE_ADJECTIVES - {
                "new",
                "further",
            }:
                return "future", f"'{child.lower_}' before the noun"
        done_by = token.head
        if (
            token.dep_ in ("dobj", "obj")
            and done_by.lemma_.lower() in DONE_WHEN_TRIED.get(trig.type, ())
            and done_by.tag_ in ("VBD", "VBZ", "VBP", "VBN")
        ):
            # "Biden authorised the deployment of 5,000 troops", as "authorised the army to
            # deploy": what the verb's own clause tells of it
            fact, why = verbal_context(done_by)
            return fact, f"done under '{done_by.text}'; {why}"
        if trig.governor is None:
            return _nominal_context(token)
    clause = trig.clause_head
    if trig.type == "ACCUSE" and _filed_motion(clause):
        # "the opposition submitted a motion to impeach Yoon": filing the motion is the act
        fact, why = verbal_context(clause.head.head)
        return fact, f"a motion filed under '{clause.head.head.text}'; {why}"
    if trig.why == NAMED_WRONG_WHY:
        # "urged supporters to confront what he described as provocations": the naming is
        # the speaker's own, made whatever the act it sits in is
        if has_negation(token):
            return "negated", f"negation on '{token.text}'"
        return "asserted", "a naming of another's act, the speaker's own"
    if trig.negated:
        # "did not accept": the negation is the event; only what governs it counts
        clause_result = verbal_context(clause.head) if clause.head.i != clause.i else None
        if clause_result and clause_result[0] in ("hypothetical", "future"):
            return clause_result
        return "asserted", f"'not {trig.rule.lemma}' is a rejection"
    if (
        (clause.dep_ == "xcomp" or clause.dep_ == "advcl" and to_infinitive(clause))
        and trig.type in DECIDED_TYPES.get(clause.head.lemma_.lower(), ())
        and not has_negation(clause)
    ):
        # "EU leaders agreed to bar Belarusian airlines", "Moscow decided to expel ten
        # diplomats": a penalty is imposed when it is decided; the decision's own
        # factuality is the penalty's
        fact, why = verbal_context(clause.head)
        return fact, f"decided under '{clause.head.text}'; {why}"
    fact, why = verbal_context(clause, trig.type)
    if trig.type == "THREATEN" and fact in ("hypothetical", "future") and _said_will_be(clause):
        # "Modi said India would give a fitting reply if provoked": what one says one will
        # do to another is the threat itself, made when it is said
        return "asserted", f"a threat said of what will be done ({why})"
    return fact, why


# nouns of a deal, whose participle clause tells its terms
# (not a resolution's, law's or declaration's: "a resolution criticising Sri Lanka" is the
# criticism)
DEAL_NOUNS = frozenset(
    {"agreement", "accord", "deal", "treaty", "pact", "memorandum", "protocol", "contract",
     "convention", "roadmap", "settlement", "plan", "arrangement", "understanding"}
)

# verbs that say what one will do
SAYING_WHAT_WILL_BE = SPEECH_VERBS | {"warn", "vow", "insist", "declare", "add", "pledge"}


def _said_will_be(clause) -> bool:
    """Whether a clause tells, with "will" or "would", what will be done, and is said by a
    verb of saying that is itself asserted ("could", "might" are only what may be)."""
    # the first of joined verbs carries the clause's place under the verb of saying, and
    # may carry the "would" the others share ("India would talk but would give ...")
    first = clause
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    own = [c for c in clause.children if c.dep_ == "aux"]
    auxes = own or [c for c in first.children if c.dep_ == "aux"]
    if not any(c.lower_ in ("will", "would", "'ll", "shall") for c in auxes):
        return False
    if has_negation(clause):
        return False
    top = first.head
    return (
        first.dep_ == "ccomp"
        and top.lemma_.lower() in SAYING_WHAT_WILL_BE
        and verbal_context(top)[0] == "asserted"
    )


# acts that are done by deciding them, by the verb that decides. A penalty is imposed when
# it is agreed or decided; a body's vote does what it votes for ("the Senate voted to remove
# the president", "parliament voted to impeach him", "lawmakers voted to send troops",
# "voted to demand that the decree be lifted"),
# where a government's decision to arrest or deploy is still to be carried out
PENALTY_TYPES = frozenset({"SANCTION"})
DECIDED_TYPES = {
    "agree": PENALTY_TYPES,
    "decide": PENALTY_TYPES,
    "vote": PENALTY_TYPES | {"COERCE", "ACCUSE", "MOBILIZE", "RETREAT", "REQUEST"},
}


# verbs of denying a statement, and the words a denier goes on with ("denied ... and
# accused Kiev of"): joined to the denied clause by the parser, they are the denier's. Not
# other acts: in "denied its jets had bombed the market and killed civilians" the killing
# is denied too
DENYING_VERBS = frozenset({"deny", "refute", "reject", "dismiss"})
DENIERS_WORDS = frozenset(
    {"accuse", "blame", "condemn", "call", "say", "urge", "warn", "demand", "insist", "vow",
     "threaten", "denounce", "charge"}
)


def denier_of_joined(verb):
    """ "The Kremlin denied its forces had acted unlawfully and accused Kiev of ...": the
    parser joins "accused", which has no subject, to the denied clause, which has one; the
    accusing is the denier's own act. The verb of denying, else None."""
    head = verb.head
    if (
        verb.dep_ != "conj"
        or verb.lemma_.lower() not in DENIERS_WORDS
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        or head.dep_ != "ccomp"
        or head.head.lemma_.lower() not in DENYING_VERBS
    ):
        return None
    return head.head


# acts of protest, and the verbs of coming together whose purpose they are
PROTEST_ACTS = frozenset({"protest", "demonstrate", "rally", "march", "demand", "denounce"})
# withholding work, custom or presence as a protest ("stayed away from work", "shut their
# shops", "walked off the job"), and the protests held as the object of a light verb
WITHHOLDING_VERBS = frozenset({"stay", "shun", "walk", "strike", "shut", "boycott", "fast"})
# the verbs by which a protest is held, not only planned or called ("planned a march")
PROTEST_HOLDING_VERBS = frozenset(
    {"stage", "hold", "begin", "start", "launch", "continue", "mount", "join", "go", "keep",
     "observe", "staged", "staging"}  # the tagger may take "staged" for a form of "stag"
)
PROTEST_NOUNS = frozenset(
    {"strike", "sit", "sit-in", "vigil", "walkout", "boycott", "rally", "march", "protest",
     "demonstration", "stoppage", "fast"}
)
GATHERING_VERBS = frozenset(
    {"gather", "assemble", "rally", "march", "converge", "pour", "flood", "mass", "throng",
     "congregate", "take", "turn", "come", "return"}
)


# what police do to a crowd, and the verbs of the force they do it with
DISPERSING_ACTS = frozenset({"disperse", "scatter", "break", "clear"})
FORCE_USES = frozenset({"fire", "use", "shoot", "spray", "lob", "deploy", "open"})


def _saying_of_joined(verb):
    """ "Abe told parliament the zone had no validity and demanded that China revoke it":
    the parser joins the speaker's own spoken act, which has no subject, to the clause said;
    the verb of saying, whose factuality is the act's, else None (the clause's negation or
    modal is not the act's)."""
    if (
        verb.dep_ != "conj"
        or verb.lemma_.lower() not in DENIERS_WORDS
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    return saying_above(verb, SPEECH_VERBS)


def saying_above(verb, sayings: frozenset[str]):
    """The verb of saying (one of `sayings`) whose said clause a joined verb was hung in,
    through up to three clauses ("said the resignation made the crisis more serious and
    called on ..."), else None."""
    if verb.dep_ != "conj":
        return None
    clause = verb.head
    for _ in range(3):
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in sayings:
            return clause.head
        if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


# what one is sent or comes to do that is done by coming ("sent two ministers to Harare to
# meet Mugabe", "convened Arab ministers in Amman to discuss ..."), and the verbs of coming
MEETING_PURPOSES = frozenset({"meet", "discuss", "talk", "negotiate", "mediate", "confer"})
COMING_VERBS = frozenset(
    {"send", "travel", "fly", "go", "come", "convene", "arrive", "head", "visit", "dispatch"}
)
# an attack or an arrest tried is done ("tried to break up a protest", "attempted to
# assassinate"), a restriction ordered is imposed ("ordered the newspaper to suspend
# publication"), and a deployment authorised is made ("authorised the army to deploy")
DONE_WHEN_TRIED = {
    "ASSAULT": frozenset({"try", "attempt"}),
    "COERCE": frozenset({"try", "attempt", "order"}),
    "MOBILIZE": frozenset({"authorise", "authorize"}),
}


# verbs by which a party sends its people to work beside another's
SENDING_VERBS = frozenset({"send", "dispatch", "deploy"})
# words by which one is told to have done a thing before others ("the first to recognise");
# not "last" ("a last attempt to persuade him": a try)
FIRST_WORDS = frozenset({"first", "only"})


def _first_to(head) -> bool:
    """Whether an infinitive hangs on "was the first" ("was among the first to
    congratulate", "became the only one to attend"), not on a noun ("the first attempt
    to")."""
    if head.lemma_ not in ("be", "become"):
        return False
    words = [c for c in head.children if c.dep_ in ("attr", "acomp", "prep")]
    words += [g for c in words if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    words += [g for c in words if c.dep_ == "attr" for g in c.children if g.dep_ == "amod"]
    return any(w.lower_ in FIRST_WORDS for w in words)


# marks of a clause told as later than its main clause
LATER_MARKS = frozenset({"before", "until", "till"})


def verbal_context(verb, etype: str | None = None) -> tuple[str, str]:
    """(factuality, why) of a verb's clause, read up through the clauses above it."""
    token = denier_of_joined(verb) or _saying_of_joined(verb) or verb
    via_of = False  # passed through an "of" or "for" phrase on the way up
    # "Security forces did not step in, and riot police fired tear gas": a clause joined with
    # a subject of its own does not share the first clause's negation (its condition, yes)
    own_clause = False
    for _ in range(8):
        via_of = via_of or token.lower_ in ("of", "for")
        if has_negation(token) and not own_clause:
            return "negated", f"negation on '{token.text}'"
        own_clause = False
        kind = _aux(token)
        if kind:
            return kind, f"auxiliary on '{token.text}'"
        if _conditional(token):
            return "hypothetical", f"condition on '{token.text}'"
        if _hedged(token):
            return "hypothetical", f"hedge on '{token.text}'"
        later = next(
            (c for c in token.children if c.dep_ == "mark" and c.lower_ in LATER_MARKS), None
        )
        if later is not None and token.tag_ in ("VBZ", "VBP"):
            # "a day before Sarkozy heads to Beijing", "until the envoy arrives": a present
            # tense under "before" or "until" tells what is yet to come
            return "future", f"present tense under '{later.text}'"
        dep = token.dep_
        head = token.head
        if dep in ("advcl", "acl") and to_infinitive(token):
            if token.lemma_.lower() in PROTEST_ACTS and (
                head.lemma_.lower() in GATHERING_VERBS | WITHHOLDING_VERBS
                or (
                    {head.lemma_.lower(), head.lower_} & PROTEST_HOLDING_VERBS
                    and any(
                        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in PROTEST_NOUNS
                        for c in head.children
                    )
                )
            ):
                # "gathered in Taksim Square to protest", "stayed off work to protest", "began
                # a sit-in to protest": to gather or hold back work to protest is to protest
                token = head
                continue
            if _first_to(head):
                # "was the first to congratulate him", "was among the first to visit": one
                # who was first to do a thing did it
                token = head
                continue
            if token.lemma_.lower() in DISPERSING_ACTS and head.lemma_.lower() in FORCE_USES:
                # "fired tear gas to disperse the crowds": the firing is the dispersing
                token = head
                continue
            if (
                etype == "CONSULT"
                and token.lemma_.lower() in MEETING_PURPOSES
                and head.lemma_.lower() in COMING_VERBS
            ):
                token = head  # "sent two ministers to Harare to meet Mugabe": they met
                continue
            if etype == "COOPERATE" and head.lemma_.lower() in SENDING_VERBS:
                token = head  # "sent investigators to work with the local police": they do
                continue
            # "troops ... to fight", "the authority to expel": a purpose or a power, not a deed
            return "hypothetical", f"infinitive clause '{token.text}'"
        if dep == "acl" and token.tag_ == "VBG" and head.lemma_.lower() in DEAL_NOUNS:
            # "signed agreements establishing full diplomatic relations", "a deal ending the
            # war": what a deal provides for is its terms, the deal itself the deed
            return "hypothetical", f"the terms of the '{head.text}'"
        deal = next(
            (o for o in head.children if o.dep_ in ("dobj", "obj") and o.i < token.i), None
        )
        if (
            dep == "advcl"
            and token.tag_ == "VBG"
            and deal is not None
            and deal.lemma_.lower() in DEAL_NOUNS
        ):
            # "signed an accord on Thursday establishing ties": the parser hangs the terms
            # on the verb when a phrase comes between
            return "hypothetical", f"the terms of the '{deal.text}'"
        if head.i == token.i or dep in STOP_AT:
            break
        if dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "conj", "acomp"):
            lemma = head.lemma_.lower()
            if (
                dep == "xcomp"
                and lemma in DONE_WHEN_TRIED.get(etype or "", ())
                and head.tag_ in ("VBD", "VBZ", "VBP", "VBN")
            ):
                # "police tried to break up a protest": force was used ("charged with
                # attempting to overthrow" is no deed told)
                token = head
                continue
            if dep != "conj" and lemma in NEGATING_GOVERNORS and _negating(head):
                return "negated", f"under '{head.text}'"
            if dep in ("pcomp", "pobj", "prep", "dobj") and lemma in ALLEGING_GOVERNORS and via_of:
                # "accused Russia of shelling the port": the accusation is the event; the
                # shelling is alleged, not asserted by the story
                return "hypothetical", f"alleged under '{head.text}'"
            if (
                dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acomp")
                and lemma in IRREALIS_GOVERNORS
                # "told reporters that troops had attacked": what is told, not what is
                # ordered ("told them to leave")
                and not (dep == "ccomp" and lemma in SPEECH_VERBS)
            ):
                return (
                    "future"
                    if lemma
                    in (
                        "plan",
                        "intend",
                        "prepare",
                        "set",
                        "due",
                        "agree",
                        "promise",
                        "pledge",
                        "vow",
                        "decide",
                        "willing",
                        "prepared",
                        "ready",
                    )
                    else "hypothetical"
                ), f"under '{head.text}'"
            if dep == "ccomp" and lemma in SPEECH_VERBS | {
                "believe",
                "think",
                "claim",
                "report",
                "confirm",
            }:
                # reported speech: "the ministry said troops shelled ...": the negation of
                # the speech verb counts, its tense and modals do not
                if has_negation(head):
                    return "negated", f"negated '{head.text}'"
                break
            own_clause = dep == "conj" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children
            )
            token = head
            continue
        break
    return "asserted", "no negation, modal or hedge found"


# prepositions of a phrase that tells where, when or how an act of speech was done
CIRCUMSTANCE_PREPS = frozenset({"in", "at", "during", "by", "via", "over"})
# "during the visit, Putin did not say ...": a noun in a time frame is not under the clause
FRAME_PREPS = frozenset({"during", "after", "before", "since", "following", "amid", "throughout"})


# words on a noun that make it acts to come ("further protests", "any new attack")
MORE_OF_IT = frozenset({"further", "any", "more", "new", "another"})


def _nominal_context(noun) -> tuple[str, str]:
    token = noun
    if noun.dep_ == "pobj" and noun.head.lower_ in FRAME_PREPS:
        return "asserted", f"time frame '{noun.head.text} ...'"
    for _ in range(10):
        head = token.head
        if head.i == token.i:
            break
        lemma = head.lemma_.lower()
        if token.dep_ in STOP_AT:
            break
        if head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("pobj", "prep") or head.dep_ == "prep":
            if head.pos_ in ("NOUN", "PROPN") and lemma in IRREALIS_GOVERNORS:
                return "hypothetical", f"under '{head.text}'"
            token = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            if has_negation(head) and (
                lemma in SPEECH_VERBS
                or token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "prep", "pobj")
            ):
                return "negated", f"negation on '{head.text}'"
            # "told Merkel in a phone call that ...", "urged restraint at a meeting": a noun
            # in a phrase of the verb's circumstance is no part of what is urged or told
            circumstance = token.dep_ == "prep" and token.lower_ in CIRCUMSTANCE_PREPS
            if lemma in NEGATING_GOVERNORS and not circumstance and _negating(head):
                return "negated", f"under '{head.text}'"
            if lemma in IRREALIS_GOVERNORS and not circumstance:
                return "hypothetical", f"under '{head.text}'"
            if lemma in OCCURRENCE_VERBS or (
                token.dep_ in ("nsubj", "nsubjpass")
                and any(c.lower_ in MORE_OF_IT for c in token.children)
            ):
                # "the vote will take place"; "further protests would be met with force": an
                # act yet to come named as the subject of what will or would be (not "Putin's
                # visit can be used to ...", a visit made)
                kind = _aux(head)
                if kind:
                    return kind, f"auxiliary on '{head.text}'"
                if _hedged(head):
                    return "hypothetical", f"hedge on '{head.text}'"
            if token.dep_ in ("dobj", "pobj", "prep") or head.dep_ in ("prep",):
                token = head
                continue
            break
        if head.pos_ == "ADJ" and lemma in IRREALIS_GOVERNORS and token.dep_ == "xcomp":
            # "was due to chair a meeting", "is ready to sign a deal": not yet done
            return "future", f"under '{head.text}'"
        token = head
    return "asserted", "no negation, modal or hedge found"


# words by which an actor commits itself to a future act; PLOVER codes the commitment, not
# the act: a pledge of aid is AGREE, a vow of force is THREATEN (DESIGN.md, AGREE/THREATEN).
# A plain future ("Iran will cut its centrifuges") is a plan, not a commitment: it stays
# future, as our gold codes it.
COMMIT_GOVERNORS = frozenset(
    {
        "promise",
        "pledge",
        "vow",
        "offer",
        "undertake",
        "commit",
        "threaten",
        "swear",
        "ready",
        "willing",
        "prepared",
    }
)


def commitment(trig: Trigger) -> str | None:
    """The word by which the doer commits itself to the event ("promised to", "is willing
    to", "threatened to"), or None. A commitment under a negation or a hedge is none."""
    clause = trig.clause_head
    if trig.negated or has_negation(clause) or clause.dep_ != "xcomp":
        return None
    head = clause.head
    # "was not willing to", "did not promise to": the negation may sit on the verb above
    above = head.head if head.dep_ in ("acomp", "xcomp", "ccomp") else head
    if any(has_negation(t) or _hedged(t) for t in (head, above)):
        return None
    if head.lemma_.lower() in COMMIT_GOVERNORS:
        return head.text
    if head.lemma_.lower() in AFFIRMED_BY_NEGATION and any(
        c.dep_ == "neg" for c in head.children
    ) and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in head.children):
        # "would not hesitate to strike back": a vow told by denying any pause before it
        return head.text
    # "is willing to withdraw", "said it was ready to send troops"
    if head.lower_ in COMMIT_GOVERNORS and head.pos_ == "ADJ":
        return head.text
    if head.lemma_ == "be":
        for child in head.children:
            if child.dep_ == "acomp" and child.lower_ in COMMIT_GOVERNORS:
                return child.text
    return None


def intent(trig: Trigger) -> str | None:
    """The auxiliary by which a doer states what it will do ("Finland will give Tanzania a
    grant", "Iraq said it would allow inspectors back"), or None. Only a plain statement of
    intent: not negated, conditional or hedged, and "would" only in reported speech."""
    if (trig.is_noun and trig.governor is None) or trig.negated or trig.mode == "resign":
        # "will resign" announces a departure, not a promise to anyone; a noun's intent is
        # its light verb's ("would impose sanctions")
        return None
    clause = trig.clause_head
    if any(c.dep_ == "advmod" and c.lower_ == "only" for c in clause.children):
        return None  # "would only welcome him in Jerusalem": a condition, not an intent
    if has_negation(clause) or _conditional(clause) or _hedged(clause):
        return None
    if any(c.dep_ == "advcl" and _conditional(c) for c in clause.children):
        return None  # "will send troops if asked"
    for child in clause.children:
        if child.dep_ != "aux":
            continue
        if child.lower_ in FUTURE_AUX:
            return child.text
        if (
            child.lower_ == "would"
            and clause.dep_ == "ccomp"
            and clause.head.lemma_.lower() in SAYING_WHAT_WILL_BE
        ):
            return child.text
    return None


def ultimatum(trig: Trigger, marks: tuple[str, ...] = ("unless",)) -> bool:
    """'will withdraw its force unless ...', 'threatened to ... unless ...': an act made to
    hang on the other side's conduct is a threat, whatever the act; with `marks` ("if") a
    harm made to hang on it ("will strike Israel if it attacks again")."""
    clause = trig.clause_head
    if trig.negated or has_negation(clause):
        return False
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in clause.children)
    under_threat = clause.dep_ == "xcomp" and clause.head.lemma_.lower() == "threaten"
    # "Washington said it could cut off aid to Mali if ...": what the speaker says it may
    # do to another on a condition; not another's guess at what one may do
    own_may = (
        clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might") for c in clause.children)
        and any(c.dep_ == "nsubj" and c.lower_ in ("it", "they", "we") for c in clause.children)
    )
    if not (future or under_threat or own_may):
        return False
    return any(
        c.dep_ == "advcl"
        and any(
            m.dep_ == "mark"
            and m.lower_ in marks
            # "if" the other side's conduct, not "if necessary": a condition with a doer
            and (m.lower_ == "unless" or any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children))
            for m in c.children
        )
        for c in clause.children
    )


# vows that, made to hang on the other side's conduct, are threats
VOW_VERBS = frozenset({"vow", "swear"})
# acts of harm a vow can promise: "vowed to crush", "swore revenge"
HARM_VERBS = frozenset(
    {
        "capture", "punish", "crush", "hunt", "avenge", "retaliate", "destroy", "kill",
        "eliminate", "annihilate", "wipe", "attack", "strike", "arrest", "prosecute", "expel",
        "defeat", "fight", "retake", "liberate", "hang", "execute", "bury",
    }
)
CONDITION_MARKS = frozenset({"if", "unless"})


VENGEANCE_NOUNS = frozenset(
    {"revenge", "vengeance", "retaliation", "reprisal", "retribution", "countermeasure"}
)
# what a state promises to take against another, when it is firm: "resolute measures"
MEASURE_NOUNS = frozenset({"measure", "step", "action", "response"})
FIRM_WORDS = frozenset(
    {"resolute", "forceful", "firm", "strong", "tough", "decisive", "harsh", "severe",
     "stern", "robust"}
)
# verbs of promising: a threat only when what is promised is a penalty
PROMISE_VERBS = frozenset({"promise", "pledge"})


def hostile_vow(trig: Trigger) -> bool:
    """'vowed to capture him', 'vowed that those behind it would be punished': a vow of harm
    is a threat (DESIGN.md: THREATEN), not a promise to cooperate."""
    verb = trig.token
    lemma = verb.lemma_.lower()
    if lemma not in VOW_VERBS | PROMISE_VERBS or trig.negated or has_negation(verb):
        return False
    # "have sworn to fight": the parser may hang the infinitive vowed as a clause of purpose
    acts = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp")
        or (c.dep_ == "advcl" and to_infinitive(c))
    ]
    acts += [c for a in acts for c in a.children if c.dep_ == "conj"]
    objects = [o for a in [verb, *acts] for o in a.children if o.dep_ in ("dobj", "obj")]
    # "vowed to take resolute countermeasures", "promised firm measures": a penalty
    punitive = any(
        o.lemma_.lower() in VENGEANCE_NOUNS
        or (
            o.lemma_.lower() in MEASURE_NOUNS
            and any(a.lower_ in FIRM_WORDS for a in o.subtree if a.dep_ in ("amod", "conj"))
        )
        for o in objects
    )
    if lemma in PROMISE_VERBS:
        return punitive
    # "vowed to take revenge on the United States", "to seek retribution"
    return any(a.lemma_.lower() in HARM_VERBS for a in acts) or punitive


def conditional_vow(trig: Trigger) -> bool:
    """'vowed to turn Seoul into a sea of fire if the drills went ahead': a vow made to hang
    on another's conduct is a threat, not a promise."""
    verb = trig.token
    if verb.lemma_.lower() not in VOW_VERBS or trig.negated or has_negation(verb):
        return False
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
        for clause in clauses
        for c in clause.children
    )
