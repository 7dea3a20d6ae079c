"""The Dask engine: batches of documents coded on Dask workers, one Coder per worker
process, results handed back in input order to the single store writer.

`DaskEngine()` starts a `LocalCluster` of worker processes (one thread each: spaCy and the
coder are CPU-bound and hold the GIL); `DaskEngine(scheduler="tcp://host:8786")` joins a
running cluster, such as one started by dask-jobqueue on SLURM (docs/SCALING.md). The
workers need eventmill and its model installed, and the same knowledge-base overlays
(`EVENTMILL_HOME`) as the machine that writes the store, or their events will differ.

At most `window` batches are in flight, so memory on the writer's side stays bounded
however long the corpus; a batch's results are yielded only when every batch before it has
been, so the store is written in input order and equals the local engine's.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from eventmill.coding.coder import CodedDocument
from eventmill.schema import Document

BATCH_DOCUMENTS = 32  # the Coder's own batch: one nlp.pipe call per task
IN_FLIGHT_PER_WORKER = 3  # enough to keep a worker busy while its last result travels


@lru_cache(maxsize=1)
def _worker_coder():
    from eventmill.coding.coder import Coder

    return Coder()


def code_batch(documents: list[Document]) -> list[CodedDocument]:
    """Run on a worker: code one batch with the worker process's Coder."""
    return list(_worker_coder().code(documents))


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
    ):
        from dask.distributed import Client, LocalCluster

        # the scheduler of a local cluster runs in this process: its chatter is not ours
        for name in ("distributed", "distributed.comm", "distributed.batched"):
            logging.getLogger(name).setLevel(logging.ERROR)
        self.batch_size = batch_size or BATCH_DOCUMENTS
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
                pending.append(self.client.submit(code_batch, batch, pure=False))
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
