"""Where extraction runs does not change the graph: a pool of local workers (kept for the whole
run) and a real two-worker Dask cluster give exactly the graph of one in-process ingest, a worker
that dies costs only the document that killed it, and compressed feeds stream in."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from allegraph.cli import app
from allegraph.engines import InProcess, ProcessPool, open_engine
from allegraph.engines.local import WORKER_DIED
from allegraph.engines.worker import extract_batch
from allegraph.graph.store import GraphStore
from allegraph.ingest.loaders import load_documents
from allegraph.models import Document, DocumentGraph, SkippedDocument
from allegraph.service import ingest_documents, records_of
from bench.corpus import resolve_source, source_documents
from tests.conftest import _short_home, wipe

KILL_MARK = "Allegraph-test: this document kills its worker"


def corpus_documents(n: int) -> list[Document]:
    """The first `n` real news articles when the shared corpus is beside the repository, else the
    bundled examples under new ids (fewer claims, the same checks): the benchmark's own sources."""
    return source_documents(resolve_source(None), n)


def graph_of(store: GraphStore) -> dict[str, object]:
    """Everything that tells two graphs apart: counts, every claim with its ends, every actor."""
    claims = store.read(
        "MATCH (s:Actor)-[:MADE]->(c:Claim)-[:AGAINST]->(t:Actor) "
        "RETURN c.id AS id, s.id AS speaker, c.kind AS kind, t.id AS target, c.evidence AS evidence ORDER BY id"
    ).rows
    actors = store.read("MATCH (a:Actor) RETURN a.id AS id, a.represents AS represents ORDER BY id").rows
    return {"stats": store.stats().model_dump(), "claims": claims, "actors": actors}


def ingest_with(store: GraphStore, engine: object, documents: list[Document]) -> dict[str, object]:
    wipe(store)
    summary = ingest_documents(store, engine, documents)  # type: ignore[arg-type]
    assert summary.documents == len(documents) and not summary.skipped, summary.skipped[:3]
    return graph_of(store)


def test_a_pool_of_two_workers_writes_the_graph_of_one_process(empty: GraphStore, nlp) -> None:  # type: ignore[no-untyped-def]
    documents = corpus_documents(60)
    alone = ingest_with(empty, InProcess(nlp), documents)
    with ProcessPool(2) as pool:
        pooled = ingest_with(empty, pool, documents)
        again = ingest_documents(empty, pool, documents)  # the pool is kept for the whole run
    assert alone["claims"], "the sample should hold claims"
    assert pooled == alone
    assert again.unchanged == len(documents) and again.documents == 0


def killing_batch(documents: list[Document]) -> list[DocumentGraph | SkippedDocument]:
    """A worker task that dies (as on a crash in the parser or the OOM killer) on a marked document."""
    if any(KILL_MARK in document.text for document in documents):
        os._exit(9)
    return extract_batch(documents)


class KillingPool(ProcessPool):
    task = staticmethod(killing_batch)


def test_a_worker_that_dies_costs_only_the_document_that_killed_it(nlp) -> None:  # type: ignore[no-untyped-def]
    documents = corpus_documents(20)
    killer = documents[0].model_copy(
        update={"id": "killer", "path": "killer", "text": f"{documents[0].text}\n{KILL_MARK}"}
    )
    batch = [*documents[:5], killer, *documents[5:]]
    with KillingPool(2) as pool:
        results = [
            result for _, graphs in pool.map([(n, batch[n : n + 4]) for n in range(0, 21, 4)]) for result in graphs
        ]
    skipped = [r for r in results if isinstance(r, SkippedDocument)]
    assert [s.source for s in skipped] == ["killer"] and skipped[0].reason == WORKER_DIED
    assert [r.document.id for r in results if not isinstance(r, SkippedDocument)] == [d.id for d in documents]


def test_extract_gives_the_same_records_in_the_same_order_with_workers(nlp) -> None:  # type: ignore[no-untyped-def]
    documents = corpus_documents(40)
    alone = [r.model_dump() for r in records_of(nlp, documents)]
    with open_engine(lambda: nlp, workers=2) as engine:
        pooled = [r.model_dump() for r in records_of(engine, documents)]
    assert pooled == alone


def test_a_real_two_worker_dask_cluster_writes_the_graph_of_a_plain_ingest(empty: GraphStore, nlp) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("distributed", reason="pip install 'allegraph[distributed]'")
    documents = corpus_documents(200)
    plain = ingest_with(empty, InProcess(nlp), documents)
    with open_engine(lambda: nlp, workers=2, engine="dask") as engine:
        assert len(engine.client.scheduler_info()["workers"]) == 2  # type: ignore[attr-defined]
        clustered = ingest_with(empty, engine, documents)
    assert plain["claims"]
    assert clustered == plain


# ---------------------------------------------------------------- compressed and streamed feeds


def _gzip_lines(path: Path, lines: list[bytes]) -> Path:
    with gzip.open(path, "wb") as out:
        out.write(b"\n".join(lines) + b"\n")
    return path


def test_a_gzipped_feed_streams_and_a_damaged_tail_keeps_what_came_before(tmp_path: Path) -> None:
    records = [
        json.dumps({"id": f"r{n}", "text": f"Story number {n} about nothing in particular."}).encode()
        for n in range(50)
    ]
    whole = _gzip_lines(tmp_path / "feed.jsonl.gz", records)
    loaded = list(load_documents([str(whole)], 5_000_000))
    assert [d.id for d in loaded if isinstance(d, Document)] == [f"r{n}" for n in range(50)]
    damaged = tmp_path / "cut.jsonl.gz"
    damaged.write_bytes(whole.read_bytes()[:-30])  # the stream ends before its end marker
    kept = list(load_documents([str(damaged)], 5_000_000))
    assert isinstance(kept[-1], SkippedDocument) and "damaged compressed file" in kept[-1].reason
    assert [d.id for d in kept[:-1]] == [f"r{n}" for n in range(len(kept) - 1)] and len(kept) > 40


def test_a_line_over_the_limit_is_skipped_without_losing_its_neighbours(tmp_path: Path) -> None:
    huge = json.dumps({"id": "huge", "text": "word " * 5_000}).encode()
    small = [json.dumps({"id": name, "text": "A short story."}).encode() for name in ("before", "after")]
    feed = _gzip_lines(tmp_path / "feed.ndjson.gz", [small[0], huge, small[1]])
    loaded = list(load_documents([str(feed)], 1_000))
    assert [getattr(d, "id", None) for d in loaded] == ["before", None, "after"]
    assert "larger than the 1,000-byte limit" in loaded[1].reason  # type: ignore[union-attr]


def test_a_compressed_text_keeps_the_id_of_the_plain_file(tmp_path: Path) -> None:
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(b"Officials said nothing happened today."))
    [document] = load_documents([str(tmp_path / "story.txt.gz")], 5_000_000)
    assert isinstance(document, Document) and document.id == "story.txt"


def test_the_cli_ingests_a_gzipped_feed_with_workers_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    documents = corpus_documents(40)
    feed = _gzip_lines(
        tmp_path / "feed.jsonl.gz", [json.dumps({"id": d.id, "text": d.text}).encode() for d in documents]
    )
    env = {"ALLEGRAPH_HOME": str(_short_home())}
    runner = CliRunner()
    try:
        first = runner.invoke(app, ["ingest", str(feed), "--workers", "2"], env=env)
        assert first.exit_code == 0, first.output
        assert f"{len(documents)} documents written" in first.output and "documents/s" in first.output
        second = runner.invoke(app, ["ingest", str(feed), "--workers", "2"], env=env)
        assert second.exit_code == 0 and f"0 documents written, {len(documents)} unchanged" in second.output
        bad = runner.invoke(app, ["ingest", str(feed), "--workers", "0"], env=env)
        assert bad.exit_code == 2 and "at least 1" in bad.output
    finally:
        runner.invoke(app, ["store", "stop"], env=env)
