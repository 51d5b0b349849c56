"""One ingest in its own process, so its peak memory is its own:
`python -m bench.worker CORPUS --home H --graph G --processes N` prints a JSON summary."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from allegraph.config import Settings
from allegraph.graph.store import open_store
from allegraph.ingest.pipeline import load_nlp
from allegraph.service import ingest_paths
from bench.measure import current_rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description="Ingest a corpus once and report how long it took")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--graph", required=True)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    nlp = load_nlp()
    loaded_rss = current_rss_mb()
    settings = Settings(store="embedded", home=args.home, graph_name=args.graph)
    with open_store(settings) as store:
        ready = time.perf_counter()
        summary = ingest_paths(store, nlp, [str(args.corpus)], settings, n_process=args.processes)
        seconds = time.perf_counter() - ready
    report = {
        "documents": summary.documents,
        "claims": summary.claims,
        "skipped": len(summary.skipped),
        "startup_s": round(ready - started, 3),
        "ingest_s": round(seconds, 3),
        "rss_after_model_load_mb": loaded_rss,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
