"""Extraction on a Dask cluster, for archives that outgrow one machine.

Dask distributed rather than Ray: a spaCy pipeline is a Python object that each worker process
loads once and keeps (a module-level cache in `allegraph.engines.worker`), and its output is
plain Python models, not columnar blocks, so Dask's futures API fits it directly, with no
object-store copies; Dask is pure Python and starts a local cluster in seconds. Tasks are pure
(documents in, graphs out); only this process writes, in input order, with idempotent MERGEs,
so a task the cluster retries (a lost worker) never duplicates anything in the graph.
"""

from __future__ import annotations

import logging
from typing import Any

from allegraph.engines.base import WINDOW_PER_WORKER, Engine, ExtractResult
from allegraph.engines.worker import extract_batch
from allegraph.errors import AllegraphError, ConfigError, StoreUnavailable
from allegraph.models import Document, SkippedDocument

RETRIES = 2  # a task lost with its worker is run again elsewhere, this many times
CONNECT_TIMEOUT_S = 30


class DaskEngine(Engine):
    """A local cluster of `workers` single-threaded processes, or the cluster at `address`."""

    def __init__(self, workers: int, address: str | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError(
                "--engine dask needs Dask distributed, which is not installed",
                hint="pip install 'allegraph[distributed]'",
            ) from exc
        self._cluster: Any = None
        try:
            if address is None:
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,  # spaCy holds the GIL: one process per core
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self.client = Client(address or self._cluster, timeout=CONNECT_TIMEOUT_S)
        except OSError as exc:
            self._close_cluster()
            raise StoreUnavailable(
                f"cannot reach the Dask scheduler at {address}: {exc}",
                hint="start one with `dask scheduler` and `dask worker ADDRESS`, or leave out --address",
            ) from exc
        self.window = WINDOW_PER_WORKER * max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def submit(self, documents: list[Document]) -> Any:
        return self.client.submit(extract_batch, documents, pure=False, retries=RETRIES)

    def recover(self, documents: list[Document], error: BaseException) -> list[ExtractResult]:
        """A batch the cluster gave up on: each document alone, and the one that fails is skipped."""
        if isinstance(error, AllegraphError):
            raise error
        results: list[ExtractResult] = []
        for document in documents:
            try:
                results.extend(self.client.submit(extract_batch, [document], pure=False).result())
            except AllegraphError:
                raise
            except Exception as exc:  # noqa: BLE001 - the cluster's reason becomes the skip's
                reason = f"the cluster could not extract this document: {type(exc).__name__}: {exc}"[:500]
                results.append(SkippedDocument(source=document.path or document.id, reason=reason))
        return results

    def close(self) -> None:
        self.client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
