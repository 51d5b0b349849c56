"""Stages 1 and 2: extraction and ingest throughput against bare spaCy parsing of the same texts."""

from __future__ import annotations

import time
from collections.abc import Callable

from pydantic import BaseModel
from spacy.language import Language

from allegraph.engines import open_engine
from allegraph.graph.store import GraphStore
from allegraph.ingest.incidents import preload
from allegraph.models import Document
from allegraph.service import ingest_documents, records_of
from bench.config import BenchConfig


class Throughput(BaseModel):
    documents: int
    tokens: int
    seconds: float
    docs_per_s: float
    tokens_per_s: float


class ParseResult(BaseModel):
    processes: int
    parse: Throughput
    extract: Throughput
    extract_vs_parse: float


class IngestResult(BaseModel):
    ingest: Throughput
    ingest_vs_parse: float
    claims: int


def _throughput(documents: int, tokens: int, seconds: float) -> Throughput:
    return Throughput(
        documents=documents,
        tokens=tokens,
        seconds=round(seconds, 3),
        docs_per_s=round(documents / seconds, 2),
        tokens_per_s=round(tokens / seconds, 1),
    )


def _best_seconds(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def count_tokens(bare: Language, texts: list[str]) -> int:
    return sum(len(bare.make_doc(text)) for text in texts)


def parse_vs_extract(
    bare: Language, nlp: Language, documents: list[Document], processes: int, repeats: int
) -> ParseResult:
    """Bare `nlp.pipe` of the base pipeline (n_process) vs what `allegraph extract --jsonl
    --workers N` does (a pool of N workers, or this process for one), on the same documents."""
    texts = [document.text for document in documents]
    tokens = count_tokens(bare, texts)
    # warm both pipelines (lazy tables, first-call allocations) before timing: steady state is
    # what the ratio compares; start-up is the ingest table's
    list(bare.pipe(texts[:2]))
    preload()
    list(records_of(nlp, documents[:2]))

    def parse() -> None:
        for _ in bare.pipe(texts, n_process=processes):
            pass

    def extract() -> None:
        with open_engine(lambda: nlp, workers=processes) as engine:
            for record in records_of(engine, documents):
                record.model_dump_json()

    parse_s = _best_seconds(parse, repeats)
    extract_s = _best_seconds(extract, repeats)
    return ParseResult(
        processes=processes,
        parse=_throughput(len(texts), tokens, parse_s),
        extract=_throughput(len(texts), tokens, extract_s),
        extract_vs_parse=round(parse_s / extract_s, 3),
    )


def ingest_end_to_end(store: GraphStore, nlp: Language, documents: list[Document], parse: Throughput) -> IngestResult:
    """Extract and write the documents into an empty graph in this process, as `allegraph ingest
    --workers 1` does."""
    start = time.perf_counter()
    summary = ingest_documents(store, nlp, documents)
    seconds = time.perf_counter() - start
    ingest = _throughput(summary.documents, parse.tokens, seconds)
    return IngestResult(
        ingest=ingest, ingest_vs_parse=round(ingest.tokens_per_s / parse.tokens_per_s, 3), claims=summary.claims
    )


def nlp_stages(
    bare: Language, nlp: Language, store: GraphStore, documents: list[Document], config: BenchConfig
) -> tuple[list[ParseResult], IngestResult]:
    counts = sorted({1, config.processes})
    parsing = [parse_vs_extract(bare, nlp, documents, n, config.repeats) for n in counts]
    return parsing, ingest_end_to_end(store, nlp, documents, parsing[0].parse)
