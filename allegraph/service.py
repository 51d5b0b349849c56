"""Typed operations the CLI and the API share: extract, ingest, stats."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from allegraph import EXTRACTOR_VERSION
from allegraph.config import Settings
from allegraph.errors import AllegraphError
from allegraph.graph.store import GraphStore
from allegraph.ingest.loaders import load_documents, unique_ids
from allegraph.ingest.pipeline import extract
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


def extract_graphs(
    nlp: Language, documents: list[Document], n_process: int = 1
) -> Iterator[DocumentGraph | SkippedDocument]:
    """Extract each document; a document that breaks the extractor is skipped, not fatal."""
    try:
        yield from extract(nlp, documents, n_process=n_process)
        return
    except AllegraphError:
        raise
    except Exception:  # noqa: BLE001 - isolate the bad document below, one at a time
        pass
    for document in documents:
        try:
            yield from extract(nlp, [document])
        except Exception as exc:  # noqa: BLE001
            yield SkippedDocument(source=document.path or document.id, reason=f"extraction failed: {exc}")


def extract_records(
    nlp: Language, inputs: list[str], settings: Settings, n_process: int = 1
) -> Iterator[ClaimRecord | SkippedDocument]:
    for batch in _batches(load_documents(inputs, settings.max_document_bytes), BATCH):
        yield from (item for item in batch if isinstance(item, SkippedDocument))
        documents = [item for item in batch if isinstance(item, Document)]
        for graph in extract_graphs(nlp, documents, n_process):
            if isinstance(graph, SkippedDocument):
                yield graph
                continue
            label = (
                Path(graph.document.path).name
                if graph.document.path and ":" not in graph.document.path
                else graph.document.id
            )
            yield from claim_records(graph, label)


def ingest_documents(
    store: GraphStore,
    nlp: Language,
    items: Iterable[Document | SkippedDocument],
    *,
    progress: Progress | None = None,
    n_process: int = 1,
) -> IngestSummary:
    summary = IngestSummary()
    actors: set[str] = set()
    for batch in _batches(unique_ids(items), BATCH):
        for item in batch:
            if isinstance(item, SkippedDocument):
                summary.skipped.append(item)
                _tick(progress, item.source)
        documents = [item for item in batch if isinstance(item, Document)]
        stored = store.fingerprints([d.id for d in documents])
        fresh = []
        for document in documents:
            if stored.get(document.id) == (document.content_hash, EXTRACTOR_VERSION):
                summary.unchanged += 1
                _tick(progress, document.path or document.id)
            else:
                fresh.append(document)
        graphs: list[DocumentGraph] = []
        for graph in extract_graphs(nlp, fresh, n_process):
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
    nlp: Language,
    inputs: list[str],
    settings: Settings,
    *,
    progress: Progress | None = None,
    n_process: int = 1,
) -> IngestSummary:
    return ingest_documents(
        store, nlp, load_documents(inputs, settings.max_document_bytes), progress=progress, n_process=n_process
    )
