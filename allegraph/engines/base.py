"""The engine interface and the ordered window every parallel engine shares."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypeVar

from allegraph.models import Document, DocumentGraph, SkippedDocument

ExtractResult = DocumentGraph | SkippedDocument
# batches in flight per worker: results are taken in input order, so one long batch must not
# leave the other workers idle while they wait for it to be written
WINDOW_PER_WORKER = 4
Tag = TypeVar("Tag")


class Pending(Protocol):
    """What `submit` returns: a concurrent.futures or a dask Future."""

    def result(self) -> Any: ...


class Engine:
    """Extracts batches of documents; `map` keeps at most `window` batches in flight and yields
    each batch's results in input order, so the graph is the same whatever the engine."""

    window = 1

    def submit(self, documents: list[Document]) -> Pending:
        raise NotImplementedError

    def recover(self, documents: list[Document], error: BaseException) -> list[ExtractResult]:
        """The results of a batch whose task failed for a reason other than the documents
        (a worker died, a cluster lost it): engines that can retry override this."""
        raise error

    def map(self, batches: Iterable[tuple[Tag, list[Document]]]) -> Iterator[tuple[Tag, list[ExtractResult]]]:
        pending: deque[tuple[Tag, list[Document], Pending | None]] = deque()
        for tag, documents in batches:
            pending.append((tag, documents, self.submit(documents) if documents else None))
            while len(pending) >= self.window:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def _collect(self, tag: Tag, documents: list[Document], task: Pending | None) -> tuple[Tag, list[ExtractResult]]:
        if task is None:
            return tag, []
        try:
            return tag, list(task.result())
        except Exception as exc:  # noqa: BLE001 - the engine decides what is retryable
            return tag, self.recover(documents, exc)

    def close(self) -> None:
        """Release workers; an engine is also a context manager."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
