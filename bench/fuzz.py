"""A long fuzzing run of the readers and the coding pipeline, and the hostile inputs of
docs/RELIABILITY.md measured one by one.

1. Fuzz: for each input format (.txt .html .jsonl .jsonl.gz .csv .csv.gz .warc .warc.gz)
   and standard input, hypothesis draws files from tests/fuzz_inputs.py (valid files cut,
   overwritten, spliced with hostile fragments; random bytes) and reads each through
   `iter_documents`; then it codes random texts, and whole fuzzed files end to end (read,
   then code every document). A crash is an exception out of a reader or the coder, or a
   result `tests/fuzz_inputs.problems` objects to (E119 is the reader's own failure);
   crashes are grouped by exception and place, and an example of each is saved.
   With `--atheris SECONDS` (and atheris installed: `pip install atheris`), also a
   coverage-guided run of the readers under libFuzzer for that long, seeded with the valid
   files, in a child process: the first byte of each input picks the format.
2. Hostile cases, each in a fresh child process (peak memory is its own): a 200 MB
   single-line JSONL, a gzip bomb, a million-sentence document, 10,000-deep HTML, a WARC
   record with a lying Content-Length, a truncated gzip. Prints what came out (codes),
   seconds and the child's peak resident memory.

    .venv/bin/python bench/fuzz.py                       # about 5 minutes on 2 cores
    .venv/bin/python bench/fuzz.py --examples 200 --texts 50 --skip-hostile   # a quick look
    .venv/bin/python bench/fuzz.py --json fuzz.json     # the figures as JSON too
    .venv/bin/python bench/fuzz.py --atheris 300         # and 5 minutes of atheris

Exit status 1 when a crash was found.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz_inputs import SUFFIXES, inputs, problems, texts, write_input  # noqa: E402


class Campaign:
    """Inputs tried and crashes found for one target."""

    def __init__(self, name: str, crash_dir: Path):
        self.name, self.crash_dir = name, crash_dir
        self.tried = 0
        self.crashes: Counter = Counter()
        self.examples: dict[str, str] = {}
        self.started = time.monotonic()

    def crash(self, key: str, data: bytes | str) -> None:
        if key not in self.crashes:
            self.crash_dir.mkdir(parents=True, exist_ok=True)
            safe = self.name.strip(".").replace(".", "_") or "stdin"
            path = self.crash_dir / f"{safe}-{len(self.examples)}.bin"
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "replace"))
            self.examples[key] = str(path)
        self.crashes[key] += 1

    def report(self) -> dict:
        return {
            "target": self.name,
            "inputs": self.tried,
            "seconds": round(time.monotonic() - self.started, 1),
            "crashes": sum(self.crashes.values()),
            "distinct": len(self.crashes),
            "kinds": {
                k: {"count": n, "example": self.examples[k]} for k, n in self.crashes.items()
            },
        }


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "eventmill" in f.filename] or frames
    last = ours[-1]
    return f"{type(exc).__name__} at {Path(last.filename).name}:{last.lineno}"


# one input taking longer than this is a crash (a hang), not a slow input
INPUT_SECONDS = 60


class Hang(Exception):
    pass


def _alarm(signum, frame) -> None:
    raise Hang(f"one input ran over {INPUT_SECONDS} s")


def _run(strategy, body, examples: int) -> None:
    """Draw `examples` inputs and pass each to `body`, never stopping at a failure (the
    body records it, a hang included): generation only, no shrinking, no example
    database."""
    signal.signal(signal.SIGALRM, _alarm)

    def timed(value) -> None:
        signal.alarm(INPUT_SECONDS)
        try:
            body(value)
        finally:
            signal.alarm(0)

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value) -> None:
        timed(value)

    run()


def fuzz_reader(suffix: str, examples: int, crash_dir: Path) -> dict:
    from eventmill.ingest.readers import iter_documents

    campaign = Campaign(suffix, crash_dir)
    with tempfile.TemporaryDirectory() as folder:

        def body(data: bytes) -> None:
            campaign.tried += 1
            path = write_input(Path(folder), suffix, data, campaign.tried)
            try:
                results = list(iter_documents([str(path)]))
                found = problems(results) or ([] if results else ["no result for an input"])
                for problem in found:
                    campaign.crash(problem.split(":")[0][:80], data)
            except Exception as exc:
                campaign.crash(_where(exc), data)
            finally:
                path.unlink()

        _run(inputs(suffix), body, examples)
    return campaign.report()


def fuzz_stdin(examples: int, crash_dir: Path) -> dict:
    from eventmill.ingest.readers import iter_documents

    campaign = Campaign("stdin", crash_dir)

    def body(data: bytes) -> None:
        campaign.tried += 1
        try:
            results = list(iter_documents(["-"], stdin=io.BytesIO(data)))
            for problem in problems(results) or ([] if results else ["no result"]):
                campaign.crash(problem.split(":")[0][:80], data)
        except Exception as exc:
            campaign.crash(_where(exc), data)

    _run(st.binary(max_size=4096) | inputs(".jsonl"), body, examples)
    return campaign.report()


def fuzz_coder(examples: int, crash_dir: Path, coder) -> dict:
    from eventmill.schema import Document

    campaign = Campaign("coder", crash_dir)

    def body(text: str) -> None:
        if not text.strip():
            return
        campaign.tried += 1
        try:
            coded = coder.code_one(Document("fuzz", text, published=date(2021, 3, 4)))
            for event in coded.events:
                span = text[event.evidence.start : event.evidence.end]
                if span != event.evidence.text:
                    campaign.crash("evidence offsets do not point at the evidence", text)
                event.to_dict()
        except Exception as exc:
            campaign.crash(_where(exc), text)

    _run(texts, body, examples)
    return campaign.report()


def fuzz_end_to_end(examples: int, crash_dir: Path, coder) -> dict:
    """Fuzzed files of every format read and every document coded, as `eventmill code`."""
    from eventmill.ingest.readers import iter_documents
    from eventmill.schema import Document

    campaign = Campaign("end-to-end", crash_dir)
    with tempfile.TemporaryDirectory() as folder:

        def body(pair) -> None:
            suffix, data = pair
            campaign.tried += 1
            path = write_input(Path(folder), suffix, data, campaign.tried)
            try:
                docs = [r for r in iter_documents([str(path)]) if isinstance(r, Document)]
                for coded in coder.code(docs):
                    for event in coded.events:
                        event.to_dict()
            except Exception as exc:
                campaign.crash(_where(exc), data)
            finally:
                path.unlink()

        strategy = st.sampled_from(SUFFIXES).flatmap(lambda s: inputs(s).map(lambda d: (s, d)))
        _run(strategy, body, examples)
    return campaign.report()


# ---------------------------------------------------------------------------- atheris
def atheris_child(seconds: int, workdir: Path) -> None:
    """In the child: libFuzzer drives the readers for `seconds`. Problems are appended to
    workdir/crashes.jsonl as they are found (libFuzzer ends the process its own way)."""
    import atheris

    with atheris.instrument_imports(include=["eventmill"]):
        from eventmill.ingest.readers import iter_documents

    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    from fuzz_inputs import SEEDS

    for n, seed in enumerate(SEEDS.values()):
        (corpus / f"seed{n}").write_bytes(bytes([n]) + seed)
    files = workdir / "files"
    files.mkdir(exist_ok=True)
    log = (workdir / "crashes.jsonl").open("a", encoding="utf-8")
    seen: set[str] = set()

    def target(data: bytes) -> None:
        if not data:
            return
        suffix = SUFFIXES[data[0] % len(SUFFIXES)]
        path = write_input(files, suffix, data[1:])
        try:
            results = list(iter_documents([str(path)]))
            found = problems(results) or ([] if results else ["no result for an input"])
            keys = [p.split(":")[0][:80] for p in found]
        except Exception as exc:
            keys = [_where(exc)]
        for key in keys:
            if key not in seen:
                seen.add(key)
                sample = workdir / f"crash-{len(seen)}{suffix}"
                sample.write_bytes(data[1:])
            log.write(json.dumps({"key": key, "suffix": suffix}) + "\n")
            log.flush()

    atheris.Setup(
        [sys.argv[0], str(corpus), f"-max_total_time={seconds}", "-max_len=65536", "-timeout=60"],
        target,
    )
    atheris.Fuzz()


def atheris_run(seconds: int, crash_dir: Path) -> dict:
    workdir = crash_dir / "atheris"
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "crashes.jsonl").write_text("")
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, __file__, "--atheris-child", str(seconds), "--crash-dir", str(workdir)],
        capture_output=True,
        text=True,
        timeout=seconds + 600,
    )
    runs = [line for line in child.stderr.splitlines() if line.startswith("Done ")]
    cov = [line for line in child.stderr.splitlines() if " DONE " in line or "cov:" in line]
    crashes = Counter(
        json.loads(line)["key"] for line in (workdir / "crashes.jsonl").read_text().splitlines()
    )
    return {
        "target": "atheris (all readers)",
        "inputs": int(runs[-1].split()[1]) if runs else None,
        "seconds": round(time.monotonic() - started, 1),
        "crashes": sum(crashes.values()),
        "distinct": len(crashes),
        "kinds": dict(crashes),
        "libfuzzer": (cov[-1] if cov else child.stderr.strip().splitlines()[-1:]),
    }


# ---------------------------------------------------------------------------- hostile cases
def _make_case(name: str, folder: Path) -> Path:
    """Write the input of one hostile case; its path."""
    import gzip

    good = json.dumps({"id": "good", "text": "Chile and Peru held talks in Lima on Friday."})
    if name == "200 MB single line":
        path = folder / "line.jsonl"
        with path.open("wb") as f:
            f.write(b'{"id": "huge", "text": "')
            chunk = b"word " * (1 << 18)
            for _ in range(200 * (1 << 20) // len(chunk)):
                f.write(chunk)
            f.write(b'"}\n' + good.encode() + b"\n")
    elif name == "gzip bomb (1 MB to 1 GB)":
        path = folder / "bomb.jsonl.gz"
        with gzip.open(path, "wb", compresslevel=9) as f:
            f.write(good.encode() + b"\n")
            zeros = b"\0" * (1 << 20)
            for _ in range(1024):
                f.write(zeros)
    elif name == "a million sentences":
        path = folder / "million.txt"
        path.write_text("Troops fired. " * 1_000_000, encoding="utf-8")
    elif name == "HTML nested 10,000 deep":
        path = folder / "deep.html"
        path.write_text(
            "<html><body>" + "<div>" * 10_000 + "<p>Kenya and Uganda signed a deal.</p>",
            encoding="utf-8",
        )
    elif name == "WARC record with a lying Content-Length":
        from fuzz_inputs import SEEDS

        data = SEEDS[".warc"]
        at = data.index(b"Content-Length: ", data.index(b"response")) + len(b"Content-Length: ")
        end = data.index(b"\r\n", at)
        path = folder / "lying.warc"
        path.write_bytes(data[:at] + str(int(data[at:end]) + 500).encode() + data[end:])
    elif name == "WARC gzip member of 300 MB without a line break":
        from fuzz_inputs import SEEDS

        path = folder / "endless.warc.gz"
        with path.open("wb") as f:
            f.write(SEEDS[".warc.gz"])
            with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9) as member:
                for _ in range(300):
                    member.write(b"a" * (1 << 20))
    elif name == "truncated gzip":
        path = folder / "cut.jsonl.gz"
        body = "".join(
            json.dumps({"id": f"r{i}", "text": f"Chile and Peru held talks {i}."}) + "\n"
            for i in range(2000)
        ).encode()
        packed = gzip.compress(body)
        path.write_bytes(packed[: len(packed) // 2])
    else:
        raise ValueError(name)
    return path


CASES = [
    "200 MB single line",
    "gzip bomb (1 MB to 1 GB)",
    "a million sentences",
    "HTML nested 10,000 deep",
    "WARC record with a lying Content-Length",
    "WARC gzip member of 300 MB without a line break",
    "truncated gzip",
]


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM: its own, unlike ru_maxrss, which
    Linux carries over from the parent across fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_case(path: str) -> None:
    """In the child: read one input, print what came out, the time and peak memory."""
    from eventmill.ingest.readers import iter_documents
    from eventmill.schema import Rejection

    before = _peak_mb()
    started = time.monotonic()
    out = Counter()
    reasons = []
    for r in iter_documents([path]):
        if isinstance(r, Rejection):
            out[r.code] += 1
            reasons.append(r.line())
        else:
            out["document"] += 1
    print(
        json.dumps(
            {
                "results": dict(out),
                "reasons": reasons[:3],
                "seconds": round(time.monotonic() - started, 2),
                "peak_mb": _peak_mb(),
                "peak_mb_before_reading": before,
            }
        )
    )


def hostile_cases() -> list[dict]:
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for name in CASES:
            path = _make_case(name, Path(folder))
            size = path.stat().st_size
            child = subprocess.run(
                [sys.executable, __file__, "--case", str(path)],
                capture_output=True,
                text=True,
                timeout=1800,
            )
            path.unlink()
            row = {"case": name, "input_mb": round(size / 1e6, 1)}
            if child.returncode == 0:
                row.update(json.loads(child.stdout.strip().splitlines()[-1]))
            else:
                row["crash"] = (child.stderr.strip().splitlines() or ["?"])[-1]
            out.append(row)
            print(f"  {name}: {json.dumps(row, ensure_ascii=False)}", flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=3000, help="inputs per file format")
    parser.add_argument("--texts", type=int, default=600, help="texts for the coder")
    parser.add_argument("--files", type=int, default=300, help="files coded end to end")
    parser.add_argument("--skip-hostile", action="store_true")
    parser.add_argument("--crash-dir", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--atheris", type=int, metavar="SECONDS", help="coverage-guided too")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--atheris-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args.case)
        return 0
    if args.atheris_child:
        atheris_child(args.atheris_child, args.crash_dir)
        return 0

    started = time.monotonic()
    reports = []
    print(f"fuzzing the readers: {args.examples} inputs per format", flush=True)
    for suffix in SUFFIXES:
        reports.append(fuzz_reader(suffix, args.examples, args.crash_dir))
        print(f"  {json.dumps(reports[-1])}", flush=True)
    reports.append(fuzz_stdin(args.examples, args.crash_dir))
    print(f"  {json.dumps(reports[-1])}", flush=True)

    from eventmill.coding.coder import Coder

    coder = Coder()
    print(f"fuzzing the coder: {args.texts} texts, {args.files} files end to end", flush=True)
    reports.append(fuzz_coder(args.texts, args.crash_dir, coder))
    print(f"  {json.dumps(reports[-1])}", flush=True)
    reports.append(fuzz_end_to_end(args.files, args.crash_dir, coder))
    print(f"  {json.dumps(reports[-1])}", flush=True)

    if args.atheris:
        print(f"atheris: {args.atheris} s of coverage-guided fuzzing of the readers", flush=True)
        reports.append(atheris_run(args.atheris, args.crash_dir))
        print(f"  {json.dumps(reports[-1])}", flush=True)
    cases = []
    if not args.skip_hostile:
        print("hostile cases, each in a fresh process:", flush=True)
        cases = hostile_cases()
    tried = sum(r["inputs"] or 0 for r in reports)
    crashes = sum(r["crashes"] for r in reports) + sum(1 for c in cases if "crash" in c)
    seconds = time.monotonic() - started
    print(f"total: {tried} inputs tried in {seconds:.0f} s, {crashes} crashes")
    if args.json:
        figures = {"fuzz": reports, "hostile": cases, "inputs": tried, "crashes": crashes}
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
