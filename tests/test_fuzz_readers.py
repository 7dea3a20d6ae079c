"""Property-based tests: hostile bytes in every input format never make a reader raise;
each input comes out as Documents or one-line coded Rejections; and the coder takes any
text without failing, its evidence offsets pointing into the text. Bounded example counts
keep this to seconds; bench/fuzz.py runs the same properties far longer."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventmill.ingest.readers import iter_documents
from eventmill.schema import Document
from fuzz_inputs import SUFFIXES, inputs, problems, texts, write_input

# the slow readers (HTML extraction, WARC parsing) get fewer examples
EXAMPLES = {".html": 150, ".warc": 150, ".warc.gz": 150}


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_hostile_bytes_never_escape_a_reader(suffix, capfd):
    @settings(
        max_examples=EXAMPLES.get(suffix, 250),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=True,
    )
    @given(data=inputs(suffix))
    def check(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = write_input(Path(folder), suffix, data)
            results = list(iter_documents([str(path)]))
            assert results, "an input that yields nothing is an input lost"
            assert problems(results) == []

    check()
    # a reader speaks only through its results: no library's warnings on the terminal
    assert capfd.readouterr() == ("", "")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.binary(max_size=3000))
def test_standard_input_of_random_bytes(data):
    import io

    results = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert results and problems(results) == []


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=texts)
def test_the_coder_takes_any_text(coder, text):
    if not text.strip():
        return
    coded = coder.code_one(Document("fuzz", text, published=date(2021, 3, 4)))
    for event in coded.events:
        evidence = event.evidence
        assert text[evidence.start : evidence.end] == evidence.text
        event.to_dict()  # serialisable


def test_found_by_fuzzing_a_warc_whose_offsets_fall_back_ends():
    """bench/fuzz.py found this 2 KB .warc.gz (gzip members spliced into each other): warcio
    put the next record before where the pass began, and the reader went round for ever.
    Every pass now starts past the one before."""
    path = Path(__file__).parent / "fixtures" / "fuzz" / "offset-falls-back.warc.gz"
    results = list(iter_documents([str(path)]))
    assert results and problems(results) == []
    assert len(results) < 20
