"""The Dask engine: batches of documents coded on Dask workers, one Coder per worker
process, results handed back in input order to the single store writer.

`DaskEngine()` starts a `LocalCluster` of worker processes (one thread each: spaCy and the
coder are CPU-bound and hold the GIL); `DaskEngine(scheduler="tcp://host:8786")` joins a
running cluster, such as one started by dask-jobqueue on SLURM (docs/SCALING.md). The
workers need eventmill and its model installed, and the same knowledge-base overlays
(`EVENTMILL_HOME`) as the machine that writes the store, or their events will differ.

With `parquet_dir`, each worker also writes the events of each batch it codes as a Parquet
partition in that folder (DuckDB or pyarrow read the folder in place); the writer still
merges the same events into the store.

At most `window` batches are in flight, so memory on the writer's side stays bounded
however long the corpus; a batch's results are yielded only when every batch before it has
been, so the store is written in input order and equals the local engine's.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path

from eventmill.coding.coder import CodedDocument
from eventmill.schema import Document

BATCH_DOCUMENTS = 32  # the Coder's own batch: one nlp.pipe call per task
IN_FLIGHT_PER_WORKER = 3  # enough to keep a worker busy while its last result travels


@lru_cache(maxsize=1)
def _worker_coder():
    from eventmill.coding.coder import Coder

    return Coder()


def code_batch(documents: list[Document], parquet_dir: str | None = None) -> list[CodedDocument]:
    """Run on a worker: code one batch with the worker process's Coder; with `parquet_dir`,
    also write the batch's events there as one Parquet partition."""
    coded = list(_worker_coder().code(documents))
    if parquet_dir:
        write_partition(coded, parquet_dir)
    return coded


def partition_name(documents: list[Document]) -> str:
    """A batch's file name, from its documents: the same batch always writes the same file,
    so a rerun replaces its partition instead of adding a second copy."""
    digest = hashlib.sha1("\n".join(d.doc_id for d in documents).encode("utf-8")).hexdigest()
    return f"part-{digest[:16]}.parquet"


def write_partition(coded: list[CodedDocument], parquet_dir: str) -> str | None:
    """The events of coded documents as one Parquet file (the columns of `eventmill export`);
    written to a temporary name and renamed, so a reader never sees half a file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventmill.exports import flat_event
    from eventmill.store import outlet_of

    rows = []
    for c in coded:
        published = c.document.published.isoformat() if c.document.published else None
        for e in c.events:
            rows.append(
                flat_event(e.to_dict(), None, published, outlet_of(c.document), c.document.url)
            )
    if not rows:
        return None
    folder = Path(parquet_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / partition_name([c.document for c in coded])
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    pq.write_table(pa.Table.from_pylist(rows), tmp)
    os.replace(tmp, path)
    return str(path)


def warm_up() -> int:
    """Run on a worker: load the model and knowledge base before the first batch."""
    _worker_coder()
    return os.getpid()


class DaskEngine:
    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        batch_size: int | None = None,
        client=None,
        parquet_dir: str | None = None,
    ):
        from dask.distributed import Client, LocalCluster

        # the scheduler of a local cluster runs in this process: its chatter is not ours
        for name in ("distributed", "distributed.comm", "distributed.batched"):
            logging.getLogger(name).setLevel(logging.ERROR)
        self.batch_size = batch_size or BATCH_DOCUMENTS
        # where workers write their events as Parquet partitions (a folder every worker can
        # reach, e.g. on a cluster's shared file system); None writes none
        self.parquet_dir = str(parquet_dir) if parquet_dir else None
        self._cluster = None
        self._own_client = client is None
        if client is not None:
            self.client = client
        elif scheduler:
            self.client = Client(scheduler)
        else:
            n = workers or max(1, (os.cpu_count() or 2))
            self._cluster = LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never clash with another run
                silence_logs=logging.ERROR,
            )
            self.client = Client(self._cluster)
        self.client.run(warm_up)

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def code(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        window = self.workers * IN_FLIGHT_PER_WORKER
        pending: deque = deque()
        docs = iter(documents)
        while True:
            while len(pending) < window:
                batch = list(islice(docs, self.batch_size))
                if not batch:
                    break
                pending.append(self.client.submit(code_batch, batch, self.parquet_dir, pure=False))
            if not pending:
                return
            future = pending.popleft()
            yield from future.result()
            future.release()

    def close(self) -> None:
        if self._own_client:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
