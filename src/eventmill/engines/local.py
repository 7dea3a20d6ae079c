"""The local engine: one Coder in this process, batched `nlp.pipe` (the default)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventmill.coding.coder import CodedDocument, Coder
from eventmill.schema import Document


class LocalEngine:
    name = "local"

    def __init__(self, coder: Coder | None = None):
        self._coder = coder

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            self._coder = Coder()
        return self._coder

    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        yield from self.coder.code(documents)

    def close(self) -> None:
        pass
