"""The pipeline as a library call: inputs in, coded documents and rejections out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from eventmill.coding.coder import CodedDocument, Coder
from eventmill.ingest.readers import iter_documents
from eventmill.schema import Document, Rejection


@dataclass
class RunSummary:
    read: int = 0
    coded: int = 0
    events: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def line(self) -> str:
        """'3 inputs read, 2 coded, 1 rejected (E103 x1), 5 events': every input counted."""
        codes = Counter(r.code for r in self.rejected)
        reasons = ", ".join(f"{code} x{n}" for code, n in sorted(codes.items()))
        return (
            f"{self.read} inputs read, {self.coded} coded, {len(self.rejected)} rejected"
            + (f" ({reasons})" if reasons else "")
            + f", {self.events} events"
        )


def run(
    inputs: Iterable[str],
    coder: Coder | None = None,
    published: date | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    stdin=None,
    summary: RunSummary | None = None,
) -> Iterator[CodedDocument]:
    """Code every document of the inputs; report each rejection through `on_reject`."""
    summary = summary if summary is not None else RunSummary()
    coder = coder or Coder()

    def documents() -> Iterator[Document]:
        for item in iter_documents(inputs, published=published, stdin=stdin):
            summary.read += 1
            if isinstance(item, Rejection):
                summary.rejected.append(item)
                if on_reject:
                    on_reject(item)
                continue
            yield item

    for coded in coder.code(documents()):
        summary.coded += 1
        summary.events += len(coded.events)
        yield coded
