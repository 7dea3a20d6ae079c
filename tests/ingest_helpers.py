"""Corpora for the ingest tests, made from our demo articles (data/demo/articles.jsonl)."""

from __future__ import annotations

import json
import sqlite3
from itertools import combinations
from pathlib import Path

from eventmill.demo import demo_corpus

# tables whose rows must be equal between two stores that ingested the same inputs
COMPARED_TABLES = {
    "documents": "doc_id",
    "events": "event_id",
    "reports": "report_id",
    "merged": "merged_id",
    "minhashes": "doc_id",
    "minhash_bands": "band, bucket, doc_id",
    "rejections": "origin, code",
}


def demo_articles() -> list[dict]:
    return [json.loads(line) for line in demo_corpus().read_text("utf-8").splitlines() if line]


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def near_copy(article: dict, k: int) -> dict:
    """A reprint of an article with small edits: another outlet, a dateline or a credit
    line, a word changed in the last paragraph."""
    text = article["text"]
    edits = [
        lambda t: t + f"\n\nReporting by Desk {k}; editing by Editor {k}.",
        lambda t: t.replace(" — ", f" (Wire {k}) — ", 1),
        lambda t: t + f"\n\n(Copyright {k} Wire Services)",
        lambda t: t.rsplit(" ", 1)[0] + f" again ({k}).",
    ]
    edited = edits[k % len(edits)](text)
    if k >= len(edits):
        edited = edits[(k // len(edits)) % len(edits)](edited)
    return {
        **article,
        "id": f"{article['id']}-copy-{k}",
        "text": edited,
        "source": f"Outlet {k}",
        "url": f"https://outlet{k}.example.org/{article['id']}",
    }


def mixed_stories(n: int) -> list[dict]:
    """`n` distinct stories, each two demo articles' paragraphs joined (no two share more
    than one article, so none is a near-copy of another)."""
    articles = demo_articles()
    out = []
    for i, j in list(combinations(range(len(articles)), 2))[:n]:
        a, b = articles[i], articles[j]
        text = "\n\n".join(paragraphs(a["text"]) + paragraphs(b["text"])[1:])
        out.append(
            {
                "id": f"mix-{a['id']}-{b['id']}",
                "title": a["title"],
                "published": a["published"],
                "source": "Mixer",
                "text": text,
            }
        )
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def table_rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall()  # noqa: S608
            for t, key in COMPARED_TABLES.items()
        }
    finally:
        conn.close()
