"""Calibrate the near-duplicate threshold (ingest/neardup.py THRESHOLD).

Prints the estimated Jaccard similarity of word 3-shingles (128-permutation MinHash)
for (a) copies of our demo articles with the edits reprints make, and (b) pairs of
distinct stories: our demo articles against each other, and the Times of India stories in
../shared/peer-data/india-police-events/docs.csv (one month, one topic: the hardest case
for telling stories apart). The threshold must sit between the lowest (a) and the highest
(b) that is not a true reprint.

    .venv/bin/python bench/neardup_calibration.py
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventmill.ingest.neardup import THRESHOLD, signature, similarity  # noqa: E402

DEMO = ROOT / "src/eventmill/data/demo/articles.jsonl"
INDIA = ROOT.parent / "shared/peer-data/india-police-events/docs.csv"


def edits(text: str, rng: random.Random) -> dict[str, str]:
    """The edits a reprint makes, one at a time and all together."""
    lines = [line for line in text.split("\n") if line.strip()]
    words = text.split()
    swapped = list(words)
    for i in rng.sample(range(len(words)), max(1, len(words) // 20)):
        swapped[i] = rng.choice(["said", "the", "officials", "on", "Monday", "reported"])
    out = {
        "new headline": "Breaking: " + " ".join(words[:6]) + "\n\n" + text,
        "dateline": "MOSCOW (Wire) — " + text,
        "credit line": text + "\n\nReporting by A. Writer; editing by B. Desk.",
        "last paragraph cut": "\n".join(lines[:-1]) if len(lines) > 2 else text,
        "1 word in 20 replaced": " ".join(swapped),
    }
    out["all of these"] = (
        "Breaking: "
        + " ".join(swapped[:6])
        + "\n\nMOSCOW (Wire) — "
        + " ".join(swapped[: int(len(swapped) * 0.85)])
        + "\n\nReporting by A. Writer."
    )
    return out


def main() -> None:
    rng = random.Random(7)
    demo = [json.loads(line)["text"] for line in DEMO.read_text("utf-8").splitlines() if line]
    copies: dict[str, list[float]] = {}
    for text in demo:
        base = signature(text)
        if base is None:
            continue
        for name, edited in edits(text, rng).items():
            sig = signature(edited)
            copies.setdefault(name, []).append(similarity(base, sig))
    print(f"threshold in use: {THRESHOLD}")
    print("near-copies of the demo articles (min / median / max):")
    for name, sims in copies.items():
        sims.sort()
        print(f"  {name:24s} {sims[0]:.2f} / {sims[len(sims) // 2]:.2f} / {sims[-1]:.2f}")
    sigs = [s for s in (signature(t) for t in demo) if s is not None]
    cross = [similarity(a, b) for i, a in enumerate(sigs) for b in sigs[i + 1 :]]
    print(f"distinct demo articles: max {max(cross):.2f} over {len(cross)} pairs")
    if INDIA.exists():
        csv.field_size_limit(1 << 26)
        with INDIA.open(encoding="utf-8") as f:
            texts = [row["doc_text"] for row in csv.DictReader(f)]
        sigs = [s for s in (signature(t) for t in texts) if s is not None]
        sims = sorted(
            (similarity(a, b) for i, a in enumerate(sigs) for b in sigs[i + 1 :]), reverse=True
        )
        over = sum(1 for s in sims if s >= THRESHOLD)
        print(
            f"Times of India stories: {len(sims)} pairs, top similarities "
            f"{', '.join(f'{s:.2f}' for s in sims[:8])}; {over} pairs at or over the threshold"
        )
        for q in (0.999, 0.9999):
            print(f"  {q:.2%} of pairs are below {sims[int(len(sims) * (1 - q))]:.2f}")


if __name__ == "__main__":
    main()
