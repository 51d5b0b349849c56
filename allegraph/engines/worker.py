"""What runs where the extraction runs (this process, a pool worker, a Dask worker): documents in,
graphs out. A worker process loads the pipeline once, at its first batch, and keeps it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language

from allegraph.errors import AllegraphError
from allegraph.ingest.incidents import preload
from allegraph.ingest.pipeline import extract, load_nlp
from allegraph.models import Document, DocumentGraph, SkippedDocument

_pipeline: Language | None = None


def worker_nlp() -> Language:
    global _pipeline
    if _pipeline is None:
        _pipeline = load_nlp()
        preload()  # a long-lived worker: its first incidents should not pay for the tables
    return _pipeline


def extract_batch(documents: list[Document]) -> list[DocumentGraph | SkippedDocument]:
    """The task a worker runs: its own pipeline, the batch's graphs in order."""
    return list(extract_graphs(worker_nlp(), documents))


def extract_graphs(nlp: Language, documents: list[Document]) -> Iterator[DocumentGraph | SkippedDocument]:
    """Extract each document; a document that breaks the extractor is skipped, not fatal."""
    try:
        yield from list(extract(nlp, documents))
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
