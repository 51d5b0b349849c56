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
    export_error: str | None = None


class IngestStep(BaseModel):
    documents: int
    claims: int
    skipped: int
    workers: int
    tokens: int
    ingest_s: float
    docs_per_s: float
    tokens_per_s: float
    startup_s: float
    rss_after_model_load_mb: float
    peak_rss_mb: float  # the ingest process alone, as the kernel reports it
    tree_peak_rss_mb: float  # with its extraction workers, sampled
    store_disk_mb: float


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


def ingest_run(home: Path, source: str, n_documents: int, workers: int) -> IngestStep:
    """One ingest of the first `n_documents` of `source` (0: all) into a store of its own, in a
    child process, with `workers` extraction processes."""
    store_home = home / f"ingest-{n_documents}-w{workers}"
    shutil.rmtree(store_home, ignore_errors=True)
    command = [sys.executable, "-m", "bench.worker", source, "--limit", str(n_documents), "--home", str(store_home)]
    child = run_child([*command, "--workers", str(workers)], os.environ)
    shutil.rmtree(store_home, ignore_errors=True)
    if child.returncode != 0:
        raise RuntimeError(f"ingest worker failed: {child.stderr[-2000:]}")
    report = json.loads(child.stdout.strip().splitlines()[-1])
    return IngestStep(
        **report,
        docs_per_s=round(report["documents"] / report["ingest_s"], 2),
        tokens_per_s=round(report["tokens"] / report["ingest_s"], 1),
        peak_rss_mb=child.peak_rss_mb,
    )


def workers_headline(steps: list[IngestStep]) -> dict[str, float]:
    """`ingest_N_vs_1`: documents/s with N workers ÷ with one, on the same documents."""
    one = next((step for step in steps if step.workers == 1), None)
    many = next((step for step in steps if step.workers > 1 and one and step.documents == one.documents), None)
    if one is None or many is None:
        return {}
    return {f"ingest_{many.workers}_vs_1": round(many.docs_per_s / one.docs_per_s, 3)}
