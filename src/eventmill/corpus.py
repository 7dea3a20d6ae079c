"""Corpus ingest: inputs in, every story stored once, coded once, its events merged.

The loop, in input order:

1. read (ingest/readers.py: streamed, record by record); a bad record is a Rejection,
   stored with its file, record and reason;
2. skip what the store already holds (same doc_id, same text); a doc_id stored with a
   different text is rejected (E111), never overwritten;
3. a text equal to a stored story's, or a near-copy of one (ingest/neardup.py), is kept as
   a report of that story and not coded again;
4. triage (ingest/triage.py): a story with no word that can be a trigger is stored with no
   events, unparsed;
5. the engine codes the rest (engines/), in batches, possibly on other processes;
6. one writer stores each document in input order, one transaction per document (story,
   events, merged-event links, near-duplicate signature): a run killed at any point and
   run again ends with the same database as a run that was never interrupted.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from eventmill import errors
from eventmill.coding.coder import CodedDocument
from eventmill.ingest.neardup import THRESHOLD, Match, NearDuplicates, signature
from eventmill.ingest.readers import ReadOptions, iter_documents
from eventmill.schema import Document, Rejection
from eventmill.store import Store, content_hash


@dataclass
class IngestSummary:
    """What became of every input of a run. Each input read lands in exactly one bucket:
    coded, triaged, an exact or near copy (kept as a report), already stored, or rejected
    (by reason code); `unaccounted` is the difference and is 0 when the run ends."""

    read: int = 0
    coded: int = 0  # stories parsed and coded
    triaged: int = 0  # stories with no trigger word: stored, not parsed
    exact_copies: int = 0  # the text of a stored (or earlier) story: stored as its report
    near_copies: int = 0  # a near-duplicate of a stored story: stored as its report
    already: int = 0  # already in the store (same doc_id, same text)
    events: int = 0
    rejected: Counter = field(default_factory=Counter)  # code -> count
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def reports(self) -> int:
        """Copies stored as reports of a story and not coded again, exact or near."""
        return self.exact_copies + self.near_copies

    @property
    def stored(self) -> int:
        return self.coded + self.triaged + self.reports

    @property
    def done(self) -> int:
        """Inputs dealt with so far: stored, skipped or rejected."""
        return self.stored + self.already + sum(self.rejected.values())

    @property
    def unaccounted(self) -> int:
        """Inputs read but in no bucket: in flight while the run goes on, 0 at its end."""
        return self.read - self.done

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def line(self) -> str:
        rejected = sum(self.rejected.values())
        reasons = ", ".join(f"{code} x{n}" for code, n in sorted(self.rejected.items()))
        rate = self.done / self.seconds if self.seconds > 0 else 0.0
        missing = f"; {self.unaccounted} not accounted for" if self.unaccounted else ""
        return (
            f"{self.read} inputs read: {self.coded} coded, {self.triaged} without a trigger "
            f"word (not parsed), {self.reports} duplicates kept as reports of stored stories "
            f"({self.exact_copies} exact, {self.near_copies} near), {self.already} already "
            f"stored, {rejected} rejected" + (f" ({reasons})" if reasons else "") + missing + "; "
            f"{self.events} events; {self.seconds:.1f} s, {rate:.1f} documents/s"
        )


@dataclass
class _Item:
    kind: str  # "story" (to code), "triaged", "report"
    doc: Document
    digest: str
    values: np.ndarray | None = None
    buckets: list = field(default_factory=list)
    match: Match | None = None
    exact: bool = False  # a report whose text equals its story's


class Ingest:
    """One ingest run into a store. `run(inputs)` returns the summary."""

    def __init__(
        self,
        store: Store,
        engine=None,
        triage: bool = True,
        threshold: float = THRESHOLD,
        published: date | None = None,
        options: ReadOptions | None = None,
        stdin=None,
        on_progress: Callable[[IngestSummary], None] | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
    ):
        self.store = store
        if engine is None:
            from eventmill.engines.local import LocalEngine

            engine = LocalEngine()
        self.engine = engine
        self.triage = None
        if triage:
            from eventmill.ingest.triage import default_triage

            self.triage = default_triage()
        self.neardup = NearDuplicates(store, threshold)
        self.published = published
        self.options = options
        self.stdin = stdin
        self.on_progress = on_progress
        self.on_reject = on_reject
        self.summary = IngestSummary()
        # documents decided but not written yet: doc_id -> text hash, text hash -> story
        self._ids: dict[str, str] = {}
        self._hashes: dict[str, str] = {}

    # ------------------------------------------------------------------ deciding
    def _decide(self, doc: Document) -> _Item | None:
        """What to do with a document read: None when it is skipped or rejected."""
        digest = content_hash(doc.text)
        stored = self._ids.get(doc.doc_id) or self.store.document_hash(doc.doc_id)
        if stored is not None:
            if stored == digest:
                self.summary.already += 1
            else:
                self._reject(
                    Rejection(
                        doc.origin,
                        errors.E_DUPLICATE_ID,
                        f"id {doc.doc_id!r} is already stored with a different text; "
                        "give each record its own id",
                    )
                )
            self._progress()
            return None
        self._ids[doc.doc_id] = digest
        same = self._hashes.get(digest) or self.store.story_with_hash(digest)
        if same is not None:
            self._hashes[digest] = same
            return _Item("report", doc, digest, match=Match(same, 1.0), exact=True)
        values = signature(doc.text)
        if values is not None:
            match = self.neardup.find(values)
            if match is not None:
                self._hashes[digest] = match.story_id
                return _Item("report", doc, digest, match=match)
        self._hashes[digest] = doc.doc_id
        item = _Item("story", doc, digest, values)
        if values is not None:
            item.buckets = self.neardup.add_pending(doc.doc_id, values)
        if self.triage is not None and not self.triage.can_hold_event(doc.text):
            item.kind = "triaged"
        return item

    def _reject(self, rejection: Rejection) -> None:
        self.store.add_rejection(rejection)
        self.summary.rejected[rejection.code] += 1
        if self.on_reject is not None:
            self.on_reject(rejection)

    def _progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.summary)

    # ------------------------------------------------------------------ writing
    def _write(self, item: _Item, coded: CodedDocument | None = None) -> None:
        doc = item.doc
        if item.kind == "report":
            self.store.add_report(doc, item.match.story_id, item.match.similarity)
            if item.exact:
                self.summary.exact_copies += 1
            else:
                self.summary.near_copies += 1
        else:
            blob = item.values.tobytes() if item.values is not None else None
            if item.kind == "story":
                assert coded is not None and coded.document.doc_id == doc.doc_id
                self.store.add_story(
                    doc,
                    coded.events,
                    "coded",
                    coded.sentences,
                    blob,
                    item.buckets,
                    sentence_spans=coded.sentence_spans,
                )
                self.summary.coded += 1
                self.summary.events += len(coded.events)
            else:
                self.store.add_story(doc, [], "triaged", None, blob, item.buckets)
                self.summary.triaged += 1
            self.neardup.committed(doc.doc_id)
        # the store answers for this id and text from now on
        self._ids.pop(doc.doc_id, None)
        self._hashes.pop(item.digest, None)
        self._progress()

    # ------------------------------------------------------------------ the loop
    def run(self, inputs: Iterable[str]) -> IngestSummary:
        queue: deque[_Item] = deque()

        def to_code() -> Iterator[Document]:
            for found in iter_documents(
                inputs, published=self.published, stdin=self.stdin, options=self.options
            ):
                self.summary.read += 1
                if isinstance(found, Rejection):
                    self._reject(found)
                    self._progress()
                    continue
                item = self._decide(found)
                if item is None:
                    continue
                queue.append(item)
                if item.kind == "story":
                    yield item.doc
                elif len(queue) == 1:
                    # nothing in flight before it: write it now rather than wait for the
                    # next story to come back from the engine
                    self._write(queue.popleft())

        for coded in self.engine.code(to_code()):
            while True:
                item = queue.popleft()
                if item.kind == "story":
                    self._write(item, coded)
                    break
                self._write(item)
            while queue and queue[0].kind != "story":
                self._write(queue.popleft())
        while queue:
            item = queue.popleft()
            assert item.kind != "story", "the engine returned fewer documents than it was given"
            self._write(item)
        self.summary.finished = time.monotonic()
        return self.summary


def ingest(inputs: Iterable[str], store: Store, **kwargs) -> IngestSummary:
    """Ingest `inputs` into `store`; keyword arguments as for `Ingest`."""
    return Ingest(store, **kwargs).run(inputs)
