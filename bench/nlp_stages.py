"""Stages 1 and 2: extraction and ingest throughput against bare spaCy parsing of the same texts."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel
from spacy.language import Language

from allegraph.config import Settings
from allegraph.graph.store import GraphStore
from allegraph.service import extract_records, ingest_paths
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
    bare: Language, nlp: Language, corpus: Path, settings: Settings, processes: int, repeats: int
) -> ParseResult:
    """Bare `nlp.pipe` of the base pipeline vs what `allegraph extract --jsonl` does, on the same files."""
    paths = sorted(corpus.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    tokens = count_tokens(bare, texts)
    # warm both pipelines (lazy tables, first-call allocations) before timing
    list(bare.pipe(texts[:2]))
    list(extract_records(nlp, [str(p) for p in paths[:2]], settings))

    def parse() -> None:
        for _ in bare.pipe(texts, n_process=processes):
            pass

    def extract() -> None:
        for record in extract_records(nlp, [str(corpus)], settings, n_process=processes):
            record.model_dump_json()

    parse_s = _best_seconds(parse, repeats)
    extract_s = _best_seconds(extract, repeats)
    return ParseResult(
        processes=processes,
        parse=_throughput(len(texts), tokens, parse_s),
        extract=_throughput(len(texts), tokens, extract_s),
        extract_vs_parse=round(parse_s / extract_s, 3),
    )


def ingest_end_to_end(
    store: GraphStore, nlp: Language, corpus: Path, settings: Settings, parse: Throughput
) -> IngestResult:
    """Load, extract and write the corpus into an empty graph, as `allegraph ingest` does."""
    start = time.perf_counter()
    summary = ingest_paths(store, nlp, [str(corpus)], settings)
    seconds = time.perf_counter() - start
    ingest = _throughput(summary.documents, parse.tokens, seconds)
    return IngestResult(
        ingest=ingest, ingest_vs_parse=round(ingest.tokens_per_s / parse.tokens_per_s, 3), claims=summary.claims
    )


def nlp_stages(
    bare: Language, nlp: Language, store: GraphStore, corpus: Path, settings: Settings, config: BenchConfig
) -> tuple[list[ParseResult], IngestResult]:
    counts = sorted({1, config.processes})
    parsing = [parse_vs_extract(bare, nlp, corpus, settings, n, config.repeats) for n in counts]
    return parsing, ingest_end_to_end(store, nlp, corpus, settings, parsing[0].parse)
