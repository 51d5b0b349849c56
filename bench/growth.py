"""Stages 5 and 6: how query latency, export and ingest cost grow with the graph and the corpus.

The claims graph is grown in place (10k, then 90k more, ...) so every size costs only its own
increment. Export and ingest run as the real commands in child processes, whose own peak
resident memory the kernel reports when they exit.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from allegraph.graph.store import GraphStore
from bench.corpus import write_corpus
from bench.load import LOAD_QUERIES, bare_loop, store_env
from bench.measure import Latency, run_child
from bench.writes import WriteRun, write_run

Progress = Callable[[str], None]


class ExportRun(BaseModel):
    statements: int
    megabytes: float
    seconds: float
    statements_per_s: float
    peak_rss_mb: float


class ClaimsStep(BaseModel):
    claims: int
    write: WriteRun  # the increment that grew the graph to this size
    queries: dict[str, Latency]
    export: ExportRun | None = None


class IngestStep(BaseModel):
    documents: int
    claims: int
    skipped: int
    ingest_s: float
    docs_per_s: float
    startup_s: float
    rss_after_model_load_mb: float
    peak_rss_mb: float


def grow_to(store: GraphStore, current: int, target: int, batch_documents: int) -> WriteRun:
    """Add synthetic claims until the graph holds `target`; each increment has its own seed (ids)."""
    return write_run(store, target - current, batch_documents, seed=target)


def query_latencies(store: GraphStore, actors: list[str], runs: int) -> dict[str, Latency]:
    return {query: bare_loop(store, query, actors, runs=runs) for query in LOAD_QUERIES}


def export_run(home: Path, graph: str, out: Path) -> ExportRun:
    """`allegraph export -f nt` of the whole graph; the file is measured, then removed."""
    target = out / f"{graph}.nt"
    command = [sys.executable, "-m", "allegraph.cli", "export", "-f", "nt", "-o", str(target)]
    child = run_child(command, store_env(home, graph))
    if child.returncode != 0:
        raise RuntimeError(f"export failed: {child.stderr[-2000:]}")
    found = re.search(r"(\d+)\s+statements", re.sub(r"\x1b\[[0-9;]*m", "", child.stderr))
    statements = int(found.group(1)) if found else 0
    megabytes = target.stat().st_size / 1e6
    target.unlink()
    return ExportRun(
        statements=statements,
        megabytes=round(megabytes, 1),
        seconds=child.seconds,
        statements_per_s=round(statements / child.seconds, 1),
        peak_rss_mb=child.peak_rss_mb,
    )


def ingest_run(home: Path, out: Path, n_documents: int, processes: int) -> IngestStep:
    """A fresh graph, a corpus of `n_documents` replicated articles, one ingest in a child process."""
    corpus = write_corpus(out / f"corpus-{n_documents}", n_documents)
    graph = f"bench-ingest-{n_documents}"
    command = [sys.executable, "-m", "bench.worker", str(corpus), "--home", str(home), "--graph", graph]
    child = run_child([*command, "--processes", str(processes)], os.environ)
    shutil.rmtree(corpus)
    if child.returncode != 0:
        raise RuntimeError(f"ingest worker failed: {child.stderr[-2000:]}")
    report = json.loads(child.stdout.strip().splitlines()[-1])
    return IngestStep(
        **report,
        docs_per_s=round(report["documents"] / report["ingest_s"], 2),
        peak_rss_mb=child.peak_rss_mb,
    )
