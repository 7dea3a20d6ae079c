"""The real `eventmill` command on a folder of good and bad inputs: every bad input is one
line on stderr naming the file and the problem, never a traceback, and the good inputs are
still coded (exit status 1: some inputs rejected)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

GOOD_TEXT = (
    "Leaders meet in Sochi\n"
    "\n"
    "Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev in Sochi on "
    "Monday. The two leaders discussed trade and transport links across the Caspian region. "
    "Aliyev later thanked Moscow for its help.\n"
)
RUSSIAN_TEXT = "Москва и Ереван подписали соглашение о торговле. Министры встретились в Ереване.\n"
MALFORMED_HTML = (
    "<html><body><div><p>Protesters gathered outside the parliament building in the capital "
    "on Sunday <b>demanding new elections and the release of detained journalists<p>Police "
    "used water cannon to push the crowd back from the central square, witnesses said "
    "<div><span>unclosed"
)
JSONL_LINES = [
    json.dumps(
        {
            "id": "wire-1",
            "text": "Turkey accused Greece of violating its airspace over the Aegean on Wednesday.",
            "published": "2022-08-03",
        }
    ),
    '{"id": "wire-2", "text": "this record was cut off',
    json.dumps({"id": "wire-3", "text": "Chile and Peru held talks in Lima on Friday."}),
]


def run(command: list[str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        cwd=cwd,
        # 80 columns: rich folds longer lines at the terminal width unless told not to
        env={**os.environ, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    # a long folder name: one line per message however long the path
    root = tmp_path_factory.mktemp("cli") / ("inputs-with-a-rather-long-folder-name-" + "x" * 60)
    root.mkdir()
    (root / "sochi.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "two\nlines.txt").write_bytes(b"")  # a file name with a line break, also empty
    (root / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 8)
    (root / "russian.txt").write_bytes(RUSSIAN_TEXT.encode("cp1251"))
    (root / "broken.html").write_text(MALFORMED_HTML, encoding="utf-8")
    (root / "wire.jsonl").write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def coded(eventmill_cmd, inputs) -> subprocess.CompletedProcess:
    return run(
        eventmill_cmd,
        *("code", "--format", "jsonl", "--published", "2023-05-17", str(inputs), "gone.txt"),
    )


def stderr_lines(result: subprocess.CompletedProcess) -> list[str]:
    return result.stderr.splitlines()


def test_exit_status_is_1_when_some_inputs_are_rejected(coded):
    assert coded.returncode == 1, coded.stderr


def test_no_traceback(coded):
    assert "Traceback" not in coded.stderr
    assert "Traceback" not in coded.stdout


def test_one_line_per_bad_input(coded, inputs):
    skipped = [line for line in stderr_lines(coded) if line.startswith("eventmill: skipped ")]
    expected = {
        f"{inputs / 'empty.txt'}": "[E102]",
        f"{inputs}/two\\nlines.txt": "[E102]",  # the line break printed as \n
        f"{inputs / 'picture.txt'}": "[E103]",
        f"{inputs / 'wire.jsonl'}:2": "[E106]",
        "gone.txt": "[E101]",
    }
    assert len(skipped) == len(expected), coded.stderr
    for origin, code in expected.items():
        matching = [line for line in skipped if line.startswith(f"eventmill: skipped {origin}: ")]
        assert len(matching) == 1, (origin, coded.stderr)
        assert matching[0].endswith(code)


def test_stderr_has_nothing_else_but_the_summary(coded):
    lines = stderr_lines(coded)
    others = [line for line in lines if not line.startswith("eventmill: skipped ")]
    assert len(others) == 1, coded.stderr
    assert others[0].startswith("eventmill: ")
    assert "5 rejected" in others[0]
    assert "10 inputs read" in others[0]
    assert "5 coded" in others[0]


def test_good_inputs_are_still_coded(coded):
    events = [json.loads(line) for line in coded.stdout.splitlines() if line.strip()]
    assert events, coded.stderr
    by_doc = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e)
    assert "sochi" in by_doc
    sochi = by_doc["sochi"]
    assert any(e["source"] and e["source"]["country"] == "RUS" for e in sochi)
    for e in events:
        assert e["factuality"] == "asserted"  # only asserted events without --all
    # the evidence offsets point into the text as read
    for e in sochi:
        ev = e["evidence"]
        assert GOOD_TEXT[ev["start"] : ev["end"]] == ev["text"]
    # no event comes from a rejected input
    assert not {"empty", "two\nlines", "picture", "wire-2", "gone"} & set(by_doc)


def test_published_option_dates_the_good_article(coded):
    events = [json.loads(line) for line in coded.stdout.splitlines() if line.strip()]
    sochi = [e for e in events if e["doc_id"] == "sochi" and e["date"]]
    assert sochi, coded.stdout
    # "on Monday" in a story of Wednesday 17 May 2023
    assert {e["date"] for e in sochi} == {"2023-05-15"}


def test_unknown_format_is_a_one_line_error(eventmill_cmd, tmp_path):
    (tmp_path / "x.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = run(eventmill_cmd, "code", "--format", "nope", "x.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("eventmill: error: ")
    assert "--format" in lines[0] and "nope" in lines[0]


def test_bad_published_date_is_a_one_line_error(eventmill_cmd, tmp_path):
    result = run(eventmill_cmd, "code", "--published", "17/05/2023", "x.txt", cwd=tmp_path)
    assert result.returncode == 2
    lines = stderr_lines(result)
    assert len(lines) == 1, result.stderr
    assert "--published" in lines[0] and "YYYY-MM-DD" in lines[0]


def test_hostile_inputs_are_one_line_each_under_the_limits(eventmill_cmd, tmp_path):
    """The new limits through the command: a too-deep page, an over-long line and a
    mis-encoded line of JSONL, a gzip cut short (its first record still coded), a bad
    setting in the environment named once; the good records are coded."""
    import gzip
    import random

    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "x", "utf-8")
    good = json.loads(JSONL_LINES[0])
    lines = [
        json.dumps(good).encode(),
        json.dumps({"id": "long", "text": "word " * 5000}).encode(),
        b'{"id": "latin", "text": "Caf\xe9 owners protested."}',
    ]
    (tmp_path / "wire.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    noise = random.Random(1).randbytes(400)  # incompressible: the cut falls inside it
    packed = gzip.compress(json.dumps({**good, "id": "gz-1"}).encode() + b"\n" + noise)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[:-100])
    env = {"EVENTMILL_MAX_LINE_BYTES": "4K", "EVENTMILL_MAX_SENTENCES": "many"}
    result = subprocess.run(
        [*eventmill_cmd, "code", "--format", "jsonl", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "80", **env},
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = stderr_lines(result)
    codes = sorted(line.rsplit("[", 1)[-1] for line in lines if " skipped " in line)
    assert codes == ["E104]", "E113]", "E114]", "E116]"], result.stderr
    assert sum("EVENTMILL_MAX_SENTENCES" in line for line in lines) == 1
    assert lines[-1].startswith(
        "eventmill: 6 inputs read, 2 coded, 4 rejected (E104 x1, E113 x1, E114 x1, E116 x1)"
    )
    coded = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert coded == {"wire-1", "gz-1"}
