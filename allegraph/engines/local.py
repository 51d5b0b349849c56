"""Engines on this machine: in this process (one worker), or a pool of worker processes kept for
the whole run (the pipeline loads once per worker, not once per batch)."""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spacy.language import Language

from allegraph.config import default_workers
from allegraph.engines.base import WINDOW_PER_WORKER, Engine, ExtractResult, Pending
from allegraph.engines.worker import extract_batch, extract_graphs
from allegraph.errors import ConfigError
from allegraph.models import Document, SkippedDocument

WORKER_DIED = (
    "the extraction worker died on this document (out of memory, or a crash in the parser); "
    "the rest of the batch was extracted"
)


def ignore_interrupts() -> None:
    """Ctrl-C is the command's to handle (it stops the pool, cancelling what has not started);
    without this every worker would print its own KeyboardInterrupt traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Done:
    def __init__(self, value: list[ExtractResult]) -> None:
        self.value = value

    def result(self) -> list[ExtractResult]:
        return self.value


class InProcess(Engine):
    """One worker: this process, with the pipeline the caller loaded."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def submit(self, documents: list[Document]) -> Pending:
        return _Done(list(extract_graphs(self.nlp, documents)))


class ProcessPool(Engine):
    """`workers` processes for the whole run, fed a window of batches so none waits for work."""

    task: Callable[[list[Document]], list[ExtractResult]] = staticmethod(extract_batch)

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.window = WINDOW_PER_WORKER * workers
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver, not fork: the caller holds store connections and a progress thread, which a
        # forked child must not inherit; the server preloads spaCy so each worker starts warm
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["allegraph.engines.worker"])
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=ignore_interrupts)

    def submit(self, documents: list[Document]) -> Future[Any]:
        return self._pool.submit(self.task, documents)

    def recover(self, documents: list[Document], error: BaseException) -> list[ExtractResult]:
        if not isinstance(error, BrokenProcessPool):
            raise error
        return [result for document in documents for result in self._alone(document)]

    def _alone(self, document: Document) -> list[ExtractResult]:
        """The document on its own, on a working pool: a second death is the document's doing."""
        for _ in range(2):
            try:
                return list(self._pool.submit(self.task, [document]).result())
            except BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._start()
        return [SkippedDocument(source=document.path or document.id, reason=WORKER_DIED)]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def as_engine(extractor: Engine | Language) -> Engine:
    """A loaded pipeline is the one-worker engine that extracts in this process."""
    return extractor if isinstance(extractor, Engine) else InProcess(extractor)


def open_engine(
    nlp_factory: Any, *, workers: int | None = None, engine: str = "local", address: str | None = None
) -> Engine:
    """The engine a command asked for; `nlp_factory` is only called when this process extracts."""
    count = default_workers() if workers is None else workers
    if count < 1:
        raise ConfigError(f"--workers must be at least 1, not {count}", hint="--workers 1 extracts in this process")
    if engine == "local":
        return InProcess(nlp_factory()) if count == 1 else ProcessPool(count)
    if engine == "dask":
        from allegraph.engines.dask_engine import DaskEngine

        return DaskEngine(workers=count, address=address)
    raise ConfigError(f"unknown engine {engine!r}", hint="choose --engine local or --engine dask")
