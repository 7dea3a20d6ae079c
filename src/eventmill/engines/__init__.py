"""Engines: where the coding runs. Each takes documents in input order and yields their
`CodedDocument`s in the same order, so the single store writer (corpus.py) sees the same
sequence whatever the engine, and the store ends up the same, event for event.

- `local` (default): one Coder in this process.
- `dask`: batches of documents on Dask workers, one Coder per worker process, on a local
  cluster or on the scheduler at `--scheduler ADDRESS` (docs/SCALING.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from eventmill.coding.coder import CodedDocument
from eventmill.schema import Document

ENGINES = ("local", "dask")


class Engine(Protocol):
    name: str

    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]: ...

    def close(self) -> None: ...


def make_engine(
    name: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    batch_size: int | None = None,
    parquet_dir: str | None = None,
) -> Engine:
    """An engine by name; `scheduler`, `workers` and `parquet_dir` are for `dask`."""
    if name == "local":
        from eventmill.engines.local import LocalEngine

        return LocalEngine()
    if name == "dask":
        from eventmill.engines.dask_engine import DaskEngine

        return DaskEngine(
            scheduler=scheduler, workers=workers, batch_size=batch_size, parquet_dir=parquet_dir
        )
    raise ValueError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
