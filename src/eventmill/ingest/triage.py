"""Triage: a cheap lexical pass that tells which stories cannot hold an event at all.

The coder only makes an event from a trigger: a token whose lemma is a verb, phrasal-verb
head, event noun or movement verb of the lexicon (`coding/triggers.py`, the travel verbs
in `coding/coder.py`). A story with no such token gives no events, so parsing it is
wasted. Deciding that needs no parse: every surface form spaCy's rule lemmatizer can turn
into a trigger lemma is known in advance, by running the lemmatizer's own tables backwards
(its suffix rules, its exception lists, the attribute ruler's lemma patterns and the
tokenizer's special cases). A story is parsed when one of those forms appears in it as a
word; otherwise it is stored as `triaged`, with no events, exactly as the coder would have
left it.

Nothing here can change a coded event: a story is skipped only when no token in it could
be a trigger. `tests/test_ingest_triage.py` checks that on the demo corpus (same events
with and without triage) and on every sentence of it (each token with a trigger lemma is
found by the lexical pass). The check is on the trigger alone: an actor check ("no actor
named at all") would have to foresee every way the resolver finds one (titles, sector
words, pronouns, places for implied targets) and saved little on real news, where nearly
every story names a country or the police.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventmill.coding.lexicon import Lexicon, load_lexicon

# a word as the tokenizer leaves it: a run of letters (spaCy never splits one, except by the
# special cases handled below)
_WORD = re.compile(r"[^\W\d_]+")


def trigger_lemmas(lex: Lexicon) -> frozenset[str]:
    """Every lemma whose token can start an event in `find_triggers` or `_travel`."""
    lemmas = set(lex.verbs) | set(lex.movement_verbs) | set(lex.force_movement_verbs)
    lemmas |= set(lex.brought_force_verbs) | set(lex.craft_movement_verbs)
    lemmas |= {key.split(" ", 1)[0] for key in lex.phrasal}
    # "air strike": the token with the lemma is "strike"
    lemmas |= {key.rsplit(" ", 1)[-1] for key in lex.nouns}
    return frozenset(lemma.lower() for lemma in lemmas if lemma)


def surface_forms(nlp, lemmas: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Lower-case forms that the pipeline's lemmatizer can map to one of `lemmas`: the
    lemma itself, each suffix rule run backwards, each exception, each attribute-ruler
    pattern that sets such a lemma, and each tokenizer special case with such a piece.

    Returns (single-word forms, forms with other characters, matched as substrings)."""
    forms: set[str] = set(lemmas)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        rules = lookups.get_table("lemma_rules", {}) if lookups.has_table("lemma_rules") else {}
        exc = lookups.get_table("lemma_exc", {}) if lookups.has_table("lemma_exc") else {}
        for pos_rules in rules.values():
            for old, new in pos_rules:
                for lemma in lemmas:
                    if lemma.endswith(new):
                        forms.add(lemma[: len(lemma) - len(new)] + old)
        for pos_exc in exc.values():
            for form, targets in pos_exc.items():
                if any(t.lower() in lemmas for t in targets):
                    forms.add(str(form).lower())
    if "attribute_ruler" in nlp.pipe_names:
        for pattern in nlp.get_pipe("attribute_ruler").patterns:
            lemma = str(pattern.get("attrs", {}).get("LEMMA", "")).lower()
            if lemma in lemmas:
                for tokens in pattern["patterns"]:
                    # the attributes go to one token of the match: the one at `index`
                    spec = tokens[pattern.get("index", 0)]
                    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
                        if isinstance(spec.get(key), str):
                            forms.add(spec[key].lower())
                    if not any(isinstance(spec.get(k), str) for k in ("LOWER", "ORTH", "TEXT")):
                        # matched on something else (a tag, a set): no lexical form to
                        # look for, so every story must be parsed
                        forms.add("")
    for special, pieces in nlp.tokenizer.rules.items():
        texts = [str(p.get(65, p.get("ORTH", ""))).lower() for p in pieces]
        if any(t in forms for t in texts):
            forms.add(special.lower())
    words = frozenset(f for f in forms if f and _WORD.fullmatch(f))
    # the empty string is in every text: it turns triage off
    others = tuple(sorted(f for f in forms if not _WORD.fullmatch(f)))
    return words, others


class Triage:
    """`can_hold_event(text)`: False only when no word of the text can be a trigger."""

    def __init__(self, nlp=None, lex: Lexicon | None = None):
        if nlp is None:
            from eventmill import nlp as nlp_module

            nlp = nlp_module.load()
        self.lemmas = trigger_lemmas(lex or load_lexicon())
        self.words, self.others = surface_forms(nlp, self.lemmas)

    def can_hold_event(self, text: str) -> bool:
        lowered = text.lower()
        words = self.words
        if any(w in words for w in _WORD.findall(lowered)):
            return True
        return any(o in lowered for o in self.others)


@lru_cache(maxsize=1)
def default_triage() -> Triage:
    return Triage()
