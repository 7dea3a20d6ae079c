"""The trigger lexicon (data/triggers.yaml) loaded into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from eventmill.ontology import TYPES


@dataclass(frozen=True)
class Rule:
    lemma: str
    type: str | None
    mode: str | None = None
    objects: tuple[tuple[str, tuple[str, str | None] | None], ...] | None = None
    bare: tuple[str, str | None] | None = None
    of: str = "source"
    symmetric: bool = False
    joint: bool = False
    plural_only: bool = False
    requires_compound: frozenset[str] = frozenset()
    confidence: float = 0.8
    accusation_with: frozenset[str] = frozenset()
    irrealis_complement: bool = False
    negated_type: str | None = None
    vowed_only: bool = False


@dataclass
class Lexicon:
    verbs: dict[str, Rule] = field(default_factory=dict)
    phrasal: dict[str, Rule] = field(default_factory=dict)
    nouns: dict[str, Rule] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)  # object lemma -> class
    class_members: dict[str, frozenset[str]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    movement_verbs: frozenset[str] = frozenset()
    force_movement_verbs: frozenset[str] = frozenset()
    brought_force_verbs: frozenset[str] = frozenset()
    craft_movement_verbs: frozenset[str] = frozenset()

    def object_classes(self, lemma: str) -> set[str]:
        return {c for c, members in self.class_members.items() if lemma in members}


def _pair(value) -> tuple[str, str | None] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value, None)
    return (value[0], value[1] if len(value) > 1 else None)


def _rule(lemma: str, spec: dict) -> Rule:
    objects = spec.get("objects")
    rule = Rule(
        lemma=lemma,
        type=spec.get("type"),
        mode=spec.get("mode"),
        objects=tuple((k, _pair(v)) for k, v in objects.items()) if objects else None,
        bare=_pair(spec.get("bare")),
        of=spec.get("of", "source"),
        symmetric=bool(spec.get("symmetric")),
        joint=bool(spec.get("joint")),
        plural_only=bool(spec.get("plural_only")),
        requires_compound=frozenset(spec.get("requires_compound") or ()),
        confidence=float(spec.get("confidence", 0.8)),
        accusation_with=frozenset(spec.get("accusation_with") or ()),
        irrealis_complement=bool(spec.get("irrealis_complement")),
        negated_type=spec.get("negated_type"),
        vowed_only=bool(spec.get("vowed_only")),
    )
    for t in (
        [rule.type]
        + [v[0] for _, v in rule.objects or () if v]
        + ([rule.bare[0]] if rule.bare else [])
    ):
        if t is not None and t not in TYPES:
            raise ValueError(f"triggers.yaml: {lemma}: unknown type {t}")
    return rule


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("eventmill").joinpath("data/triggers.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    lex = Lexicon()
    lex.class_members = {k: frozenset(str(w) for w in v) for k, v in data["classes"].items()}
    lex.verbs = {k: _rule(k, v) for k, v in data["verbs"].items()}
    lex.phrasal = {k: _rule(k, v) for k, v in data["phrasal"].items()}
    lex.nouns = {k: _rule(k, v) for k, v in data["nouns"].items()}
    lex.light_verbs = frozenset(data["light_verbs"])
    lex.movement_verbs = frozenset(data.get("movement_verbs") or ())
    lex.force_movement_verbs = frozenset(data.get("force_movement_verbs") or ())
    lex.brought_force_verbs = frozenset(data.get("brought_force_verbs") or ())
    lex.craft_movement_verbs = frozenset(data.get("craft_movement_verbs") or ())
    return lex
