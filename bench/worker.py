"""One ingest in its own process, so its memory is its own:
`python -m bench.worker SOURCE --limit N --workers W --home H` prints a JSON summary.

SOURCE is a .jsonl(.gz) corpus, read as `allegraph ingest` reads it, or `examples` (the bundled
articles replicated under new ids). The peak resident memory of the whole process tree (this
process, the extraction workers) is sampled while it runs; the store's size on disk is read
after its server has stopped, so its files are complete."""

from __future__ import annotations

import argparse
import json
import threading
import time
from pathlib import Path

import psutil

from allegraph.config import Settings
from allegraph.engines import open_engine
from allegraph.graph.falkor import EmbeddedServer
from allegraph.graph.store import open_store
from allegraph.ingest.pipeline import load_nlp
from allegraph.models import Document
from allegraph.service import ingest_documents
from bench.corpus import source_items
from bench.measure import current_rss_mb

SAMPLE_S = 0.25


class TreePeak:
    """The largest summed RSS of this process and its descendants, sampled in a thread."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(SAMPLE_S):
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue  # ended between the listing and the reading
            self.peak_mb = max(self.peak_mb, total / 2**20)


def tokens_of(source: str, limit: int) -> int:
    """spaCy tokens of the same documents (tokenizer only, outside the timed run)."""
    import spacy

    blank = spacy.blank("en")
    texts = (item.text for item in source_items(source, limit) if isinstance(item, Document))
    return sum(len(doc) for doc in blank.pipe(texts, batch_size=64))


def disk_mb(directory: Path) -> float:
    return round(sum(p.stat().st_size for p in directory.rglob("*") if p.is_file()) / 1e6, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Ingest a corpus once and report how long it took")
    parser.add_argument("source", help="a .jsonl/.jsonl.gz corpus, or 'examples'")
    parser.add_argument("--limit", type=int, default=0, help="first N documents (0: all)")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--graph", default="bench-ingest")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    settings = Settings(store="embedded", home=args.home, graph_name=args.graph)
    with TreePeak() as peak, open_engine(load_nlp, workers=args.workers) as engine, open_store(settings) as store:
        ready = time.perf_counter()
        loaded_rss = current_rss_mb()
        summary = ingest_documents(store, engine, source_items(args.source, args.limit))
        seconds = time.perf_counter() - ready
    EmbeddedServer(args.home).stop()
    report = {
        "documents": summary.documents,
        "claims": summary.claims,
        "skipped": len(summary.skipped),
        "workers": args.workers,
        "startup_s": round(ready - started, 3),
        "ingest_s": round(seconds, 3),
        "tokens": tokens_of(args.source, args.limit),
        "rss_after_model_load_mb": loaded_rss,
        "tree_peak_rss_mb": round(peak.peak_mb, 1),
        "store_disk_mb": disk_mb(args.home / "falkordb"),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
