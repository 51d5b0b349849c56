"""Stage 3: synthetic claims through `GraphStore.write_documents` vs the raw `UNWIND … MERGE` writer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence

from pydantic import BaseModel

from allegraph.graph.falkor import FalkorStore
from allegraph.graph.store import GraphStore
from allegraph.models import DocumentGraph, GraphStats
from bench.raw import write_raw
from bench.synthetic import synthetic_documents

Writer = Callable[[Sequence[DocumentGraph]], object]


class WriteRun(BaseModel):
    claims: int
    documents: int
    seconds: float
    claims_per_s: float


class WriteResult(BaseModel):
    batch_documents: int
    store: WriteRun
    raw: WriteRun
    write_vs_raw: float
    same_graph: bool


def batches(graphs: Iterable[DocumentGraph], size: int) -> Iterator[list[DocumentGraph]]:
    batch: list[DocumentGraph] = []
    for graph in graphs:
        batch.append(graph)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def timed_writes(graphs: Iterable[DocumentGraph], size: int, write: Writer) -> WriteRun:
    """Only the write calls are timed, not building the synthetic documents."""
    claims = documents = 0
    seconds = 0.0
    for batch in batches(graphs, size):
        start = time.perf_counter()
        write(batch)
        seconds += time.perf_counter() - start
        claims += sum(len(graph.claims) for graph in batch)
        documents += len(batch)
    return WriteRun(
        claims=claims, documents=documents, seconds=round(seconds, 3), claims_per_s=round(claims / seconds, 1)
    )


def write_run(store: GraphStore, n_claims: int, batch_documents: int, seed: int) -> WriteRun:
    return timed_writes(synthetic_documents(n_claims, seed=seed), batch_documents, store.write_documents)


def _raw_writer(store: FalkorStore) -> Writer:
    def execute(statement: str, params: dict) -> object:  # type: ignore[type-arg]
        return store.graph.query(statement, params)

    return lambda batch: write_raw(execute, batch)


def write_vs_raw(product: FalkorStore, raw: FalkorStore, n_claims: int, batch_documents: int) -> WriteResult:
    """Both into empty graphs on the same server, through the same client library, same batches.

    The two graphs must come out identical (counts of every label and edge type), or the
    comparison would not be of the same work.
    """
    graphs = list(synthetic_documents(n_claims, seed=11))
    store_run = timed_writes(graphs, batch_documents, product.write_documents)
    raw_run = timed_writes(graphs, batch_documents, _raw_writer(raw))
    return WriteResult(
        batch_documents=batch_documents,
        store=store_run,
        raw=raw_run,
        write_vs_raw=round(store_run.claims_per_s / raw_run.claims_per_s, 3),
        same_graph=_same(product.stats(), raw.stats()),
    )


def _same(left: GraphStats, right: GraphStats) -> bool:
    return left.nodes == right.nodes and left.edges == right.edges
