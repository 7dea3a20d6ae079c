"""Scoring the coder against gold files (../shared/reference/GOLD_FORMAT.md).

1. Only asserted predictions count.
2. A prediction matches a gold event of its document when the type is the gold type (or one
   of its alt_types) and the (source country, target country) pair is equal; reversed too
   for CONSULT, AGREE, COOPERATE and for symmetric gold. A missing actor is "-".
3. One-to-one maximum matching, required gold first, then optional; among matchings of the
   same size, those that also agree on date and place are preferred. Unmatched predictions
   are false positives, unmatched required gold false negatives; optional gold never counts.
4. Micro precision, recall and F1; per-type counts; date and place accuracy on matched
   required events; predictions whose evidence is a not_events sentence.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventmill.errors import GoldFormatError
from eventmill.ingest.readers import parse_published
from eventmill.ontology import SYMMETRIC_TYPES, TYPES
from eventmill.schema import Document, Event


# ---------------------------------------------------------------------------- gold files
def load_gold(path: str | Path) -> list[dict]:
    """Gold documents from a .json (one object or a list) or .jsonl file."""
    p = Path(path)
    try:
        raw = p.read_text("utf-8")
    except OSError as exc:
        raise GoldFormatError(
            f"{p}: cannot read gold file ({exc.strerror or exc})", "E601"
        ) from exc
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{p}: gold file is not UTF-8 text", "E601") from exc
    docs: list = []
    try:
        if p.suffix.lower() == ".jsonl":
            for number, line in enumerate(raw.splitlines(), start=1):
                if line.strip():
                    try:
                        docs.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise GoldFormatError(
                            f"{p}:{number}: not JSON ({exc.msg})", "E602"
                        ) from exc
        else:
            data = json.loads(raw)
            docs = data if isinstance(data, list) else [data]
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{p}: not JSON ({exc.msg})", "E602") from exc
    for i, d in enumerate(docs):
        if not isinstance(d, dict) or "text" not in d or "events" not in d:
            raise GoldFormatError(f"{p}: document {i + 1} lacks `text` or `events`", "E603")
        if not isinstance(d["text"], str) or not isinstance(d["events"], list):
            raise GoldFormatError(
                f"{p}: document {i + 1}: `text` must be a string and `events` a list", "E603"
            )
        if not isinstance(d.get("not_events") or [], list):
            raise GoldFormatError(f"{p}: document {i + 1}: `not_events` must be a list", "E603")
        for e in d["events"]:
            if not isinstance(e, dict):
                raise GoldFormatError(
                    f"{p}: {d.get('doc_id')}: an event is not a JSON object", "E603"
                )
            if e.get("type") not in TYPES:
                raise GoldFormatError(
                    f"{p}: {d.get('doc_id')}: unknown type {e.get('type')!r}", "E604"
                )
            for key in ("source", "target", "location"):
                if e.get(key) is not None and not isinstance(e[key], dict):
                    raise GoldFormatError(
                        f"{p}: {d.get('doc_id')}: event `{key}` must be an object or null", "E603"
                    )
    return docs


def gold_documents(gold: list[dict], use_published: bool = True) -> list[Document]:
    out = []
    for i, g in enumerate(gold):
        published = parse_published(g.get("published")) if use_published else None
        out.append(
            Document(
                doc_id=str(g.get("doc_id") or f"doc-{i + 1}"),
                text=g["text"],
                origin=f"gold:{g.get('doc_id')}",
                title=g.get("title"),
                published=published,
                published_from="record" if published else None,
            )
        )
    return out


# ---------------------------------------------------------------------------- matching
def _code(actor: dict | None) -> str:
    if not actor:
        return "-"
    return actor.get("country") or "-"


def _pred_pair(e: Event) -> tuple[str, str]:
    return (
        e.source.country or "-" if e.source else "-",
        e.target.country or "-" if e.target else "-",
    )


def event_matches(pred: Event, gold: dict) -> bool:
    types = {gold["type"], *(gold.get("alt_types") or [])}
    if pred.type not in types:
        return False
    g = (_code(gold.get("source")), _code(gold.get("target")))
    p = _pred_pair(pred)
    if p == g:
        return True
    reversible = (
        gold["type"] in SYMMETRIC_TYPES or pred.type in SYMMETRIC_TYPES or gold.get("symmetric")
    )
    return bool(reversible) and p == (g[1], g[0])


def date_right(pred: Event, gold: dict) -> bool:
    g = gold.get("date")
    if not g:
        return not pred.date
    return bool(pred.date) and pred.date[: len(g)] == g


def place_right(pred: Event, gold: dict) -> bool:
    g = (gold.get("location") or {}).get("country")
    if not g:
        return pred.location is None
    return pred.location is not None and pred.location.country == g


def _max_weight_matching(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight bipartite matching (Hungarian algorithm on a square padding).

    weights[i][j] > 0 where row i may pair with column j; the result does not depend on
    the order of rows or columns beyond ties of equal total weight.
    """
    n_rows = len(weights)
    n_cols = len(weights[0]) if weights else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return []
    big = max((w for row in weights for w in row), default=0.0)
    cost = [
        [(big - (weights[i][j] if i < n_rows and j < n_cols else 0.0)) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < n_rows and j - 1 < n_cols and weights[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return pairs


def match_document(preds: list[Event], gold_events: list[dict]):
    """(pairs of (pred index, gold index) for required, for optional)."""
    required = [i for i, g in enumerate(gold_events) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold_events) if g.get("optional")]
    # a pair is worth more than the date and place bonuses (at most 2 a pair) of all the
    # pairs together, so a larger matching always beats a smaller one that agrees on more
    base = 2.0 * len(required) + 1.0
    weights = [
        [
            (base + date_right(p, gold_events[gi]) + place_right(p, gold_events[gi]))
            if event_matches(p, gold_events[gi])
            else 0.0
            for gi in required
        ]
        for p in preds
    ]
    req_pairs = [(pi, required[c]) for pi, c in _max_weight_matching(weights)] if required else []
    used = {pi for pi, _ in req_pairs}
    rest = [i for i in range(len(preds)) if i not in used]
    opt_pairs = []
    if optional and rest:
        w2 = [
            [1.0 if event_matches(preds[pi], gold_events[gi]) else 0.0 for gi in optional]
            for pi in rest
        ]
        opt_pairs = [(rest[r], optional[c]) for r, c in _max_weight_matching(w2)]
    return req_pairs, opt_pairs


# ---------------------------------------------------------------------------- scores
@dataclass
class TypeCounts:
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0


@dataclass
class Report:
    documents: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0
    date_right: int = 0
    date_total: int = 0
    place_right: int = 0
    place_total: int = 0
    from_not_events: int = 0
    per_type: dict[str, TypeCounts] = field(default_factory=lambda: defaultdict(TypeCounts))
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "optional_matched": self.optional_matched,
            "date_accuracy": _ratio(self.date_right, self.date_total),
            "date_scored": self.date_total,
            "place_accuracy": _ratio(self.place_right, self.place_total),
            "place_scored": self.place_total,
            "coded_from_not_events": self.from_not_events,
            "per_type": {t: vars(c) for t, c in sorted(self.per_type.items())},
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _evidence_overlaps(pred: Event, not_event: dict) -> bool:
    text = (not_event.get("evidence") or "").strip()
    if not text:
        return False
    ev = pred.evidence.text
    if ev.strip() in text:
        pass
    elif text in ev:
        # a clause of the sentence: only an event whose trigger lies in the clause is from it
        if pred.evidence.trigger_start is not None:
            clause_start = pred.evidence.start + ev.find(text)
            if not clause_start <= pred.evidence.trigger_start < clause_start + len(text):
                return False
    else:
        return False
    types = not_event.get("types")
    return not types or pred.type in types


def score(gold: list[dict], predictions: dict[str, list[Event]]) -> Report:
    report = Report()
    for g in gold:
        doc_id = str(g.get("doc_id"))
        preds = [e for e in predictions.get(doc_id, []) if e.factuality == "asserted"]
        events = g["events"]
        report.documents += 1
        req_pairs, opt_pairs = match_document(preds, events)
        matched_preds = {pi for pi, _ in req_pairs} | {pi for pi, _ in opt_pairs}
        matched_req = {gi for _, gi in req_pairs}
        report.optional_matched += len(opt_pairs)
        for gi, ge in enumerate(events):
            if ge.get("optional"):
                continue
            report.per_type[ge["type"]].gold += 1
            if gi not in matched_req:
                report.fn += 1
                report.per_type[ge["type"]].fn += 1
                report.errors.append({"doc_id": doc_id, "kind": "missed", "gold": ge})
        for pi, gi in req_pairs:
            report.tp += 1
            report.per_type[events[gi]["type"]].tp += 1
            ge, p = events[gi], preds[pi]
            if ge.get("date"):
                report.date_total += 1
                report.date_right += date_right(p, ge)
            if (ge.get("location") or {}).get("country"):
                report.place_total += 1
                report.place_right += place_right(p, ge)
        for pi, p in enumerate(preds):
            report.per_type[p.type].predicted += 1
            if pi not in matched_preds:
                report.fp += 1
                report.per_type[p.type].fp += 1
                report.errors.append({"doc_id": doc_id, "kind": "spurious", "event": p.to_dict()})
            if any(_evidence_overlaps(p, ne) for ne in g.get("not_events") or []):
                report.from_not_events += 1
    return report


def type_counter(gold: list[dict]) -> Counter:
    return Counter(e["type"] for g in gold for e in g["events"] if not e.get("optional"))
