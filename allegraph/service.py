"""Typed operations the CLI and the API share: extract, ingest, stats."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel
from spacy.language import Language

from allegraph import EXTRACTOR_VERSION
from allegraph.config import Settings
from allegraph.engines import Engine, as_engine
from allegraph.errors import AllegraphError
from allegraph.graph.store import GraphStore
from allegraph.ingest.loaders import load_documents, unique_ids
from allegraph.language import language_of
from allegraph.models import (
    ClaimRecord,
    Document,
    DocumentGraph,
    IngestSummary,
    OtherLanguage,
    SkippedDocument,
    claim_records,
)

Progress = Callable[[str], None]
BATCH = 16


def _batches(items: Iterable[Document | SkippedDocument], size: int) -> Iterator[list[Document | SkippedDocument]]:
    batch: list[Document | SkippedDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_records(
    extractor: Engine | Language, inputs: list[str], settings: Settings
) -> Iterator[ClaimRecord | SkippedDocument]:
    return records_of(extractor, load_documents(inputs, settings.max_document_bytes))


def records_of(
    extractor: Engine | Language, items: Iterable[Document | SkippedDocument]
) -> Iterator[ClaimRecord | SkippedDocument]:
    """Each claim as a flat record (the scorer's format), skips in between, in input order."""
    engine = as_engine(extractor)
    batches = ((batch, [item for item in batch if isinstance(item, Document)]) for batch in _batches(items, BATCH))
    for batch, graphs in engine.map(batches):
        yield from (item for item in batch if isinstance(item, SkippedDocument))
        for graph in graphs:
            if isinstance(graph, SkippedDocument):
                yield graph
                continue
            label = (
                Path(graph.document.path).name
                if graph.document.path and ":" not in graph.document.path
                else graph.document.id
            )
            yield from claim_records(graph, label)


class _Prepared(BaseModel):
    """A batch before extraction: what was skipped on reading and how many were unchanged."""

    skipped: list[SkippedDocument]
    unchanged: list[str]


def ingest_documents(
    store: GraphStore,
    extractor: Engine | Language,
    items: Iterable[Document | SkippedDocument],
    *,
    progress: Progress | None = None,
) -> IngestSummary:
    """Documents stream to the engine a window of batches at a time; their graphs come back in
    input order and are written here, one batch per write, so every engine gives the same graph."""
    engine = as_engine(extractor)
    summary = IngestSummary()
    actors: set[str] = set()
    for prepared, results in engine.map(_fresh_batches(store, items)):
        summary.skipped.extend(prepared.skipped)
        summary.unchanged += len(prepared.unchanged)
        for label in [*(s.source for s in prepared.skipped), *prepared.unchanged]:
            _tick(progress, label)
        graphs: list[DocumentGraph] = []
        for graph in results:
            if isinstance(graph, SkippedDocument):
                summary.skipped.append(graph)
                _tick(progress, graph.source)
            else:
                graphs.append(graph)
        _write(store, graphs, summary, actors)
        for graph in graphs:
            _note_language(graph, summary)
            _tick(progress, graph.document.path or graph.document.id)
    summary.actors = len(actors)
    return summary


def _fresh_batches(
    store: GraphStore, items: Iterable[Document | SkippedDocument]
) -> Iterator[tuple[_Prepared, list[Document]]]:
    """Each batch's documents that are new or changed (content hash and extractor version)."""
    for batch in _batches(unique_ids(items), BATCH):
        documents = [item for item in batch if isinstance(item, Document)]
        stored = store.fingerprints([d.id for d in documents])
        fresh = [d for d in documents if stored.get(d.id) != (d.content_hash, EXTRACTOR_VERSION)]
        fresh_ids = {d.id for d in fresh}
        prepared = _Prepared(
            skipped=[item for item in batch if isinstance(item, SkippedDocument)],
            unchanged=[d.path or d.id for d in documents if d.id not in fresh_ids],
        )
        yield prepared, fresh


def _note_language(graph: DocumentGraph, summary: IngestSummary) -> None:
    language = language_of(graph.document.text)
    if language is not None:
        summary.not_english.append(OtherLanguage(source=graph.document.path or graph.document.id, language=language))


def _write(store: GraphStore, graphs: list[DocumentGraph], summary: IngestSummary, actors: set[str]) -> None:
    """The batch in one statement; if the store refuses it, each document alone, so one bad one costs only itself."""
    try:
        store.write_documents(graphs)
        written = graphs
    except AllegraphError as exc:
        _raise_if_unavailable(exc)
        written = [graph for graph in graphs if _write_one(store, graph, summary)]
    summary.documents += len(written)
    summary.claims += sum(len(graph.claims) for graph in written)
    actors.update(a.id for graph in written for a in graph.actors)


def _write_one(store: GraphStore, graph: DocumentGraph, summary: IngestSummary) -> bool:
    try:
        store.write_document(graph)
    except AllegraphError as exc:
        _raise_if_unavailable(exc)
        summary.skipped.append(_skipped(graph, exc))
        return False
    return True


def _raise_if_unavailable(exc: AllegraphError) -> None:
    if exc.code == "store_unavailable":
        raise exc


def _skipped(graph: DocumentGraph, exc: AllegraphError) -> SkippedDocument:
    return SkippedDocument(source=graph.document.path or graph.document.id, reason=exc.message)


def _tick(progress: Progress | None, label: str) -> None:
    if progress is not None:
        progress(label)


def ingest_paths(
    store: GraphStore,
    extractor: Engine | Language,
    inputs: list[str],
    settings: Settings,
    *,
    progress: Progress | None = None,
) -> IngestSummary:
    return ingest_documents(store, extractor, load_documents(inputs, settings.max_document_bytes), progress=progress)
