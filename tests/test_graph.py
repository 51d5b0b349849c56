"""Ingest into the real embedded FalkorDB (and a disposable Neo4j when ALLEGRAPH_TEST_NEO4J_URI is set)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from allegraph.config import Settings
from allegraph.graph.store import GraphStore, open_store
from allegraph.service import ingest_paths
from tests.conftest import EXAMPLES, neo4j_or_skip, wipe_test_database


def _counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    stats = store.stats()
    return stats.nodes, stats.edges


def _assert_seed_graph(store: GraphStore) -> None:
    states = {r["name"] for r in store.read("MATCH (s:State) RETURN s.name AS name").rows}
    assert {"Russia", "Turkey"} <= states
    _, edges = _counts(store)
    assert edges.get("ACCUSES", 0) >= 1 and edges.get("DENIES", 0) >= 1
    orphans = store.read("MATCH (c:Claim) WHERE NOT (c)-[:REPORTED_IN]->(:Document) RETURN count(c) AS n").rows
    assert orphans[0]["n"] == 0
    claims = store.read("MATCH (c:Claim) RETURN count(c) AS n").rows[0]["n"]
    assert claims > 10


def test_seed_articles_make_a_typed_graph(store: GraphStore, nlp, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    summary = ingest_paths(store, nlp, [str(EXAMPLES)], settings)
    assert summary.documents == 5 and not summary.skipped
    _assert_seed_graph(store)
    spokes = store.read(
        "MATCH (p:Spokesperson)-[:SPEAKS_FOR]->(o:Organization)-[:PART_OF]->(s:State {name: 'Russia'}) "
        "RETURN p.name AS name"
    ).rows
    assert any("Konashenkov" in r["name"] for r in spokes)
    responds = store.read("MATCH (:Claim {kind: 'deny'})-[:RESPONDS_TO]->(a:Claim) RETURN count(a) AS n").rows
    assert responds[0]["n"] >= 1


def test_reingest_changes_nothing_and_changed_text_replaces_claims(
    store: GraphStore,
    nlp,
    settings: Settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    ingest_paths(store, nlp, [str(corpus)], settings)
    before = _counts(store)
    again = ingest_paths(store, nlp, [str(corpus)], settings)
    assert again.unchanged == 5 and again.documents == 0
    assert _counts(store) == before

    # force a re-write of identical text too: same ids, same counts
    store.write("MATCH (d:Document) SET d.content_hash = 'stale'")
    ingest_paths(store, nlp, [str(corpus)], settings)
    assert _counts(store) == before

    changed = corpus / "004_b9f34958f912dcc2.txt"
    changed.write_text("Ministry update\n\nGreece accused Italy of dumping waste in the Adriatic Sea.\n")
    ingest_paths(store, nlp, [str(corpus)], settings)
    rows = store.read(
        "MATCH (c:Claim)-[:REPORTED_IN]->(:Document {id: $id}) RETURN c.evidence AS evidence",
        {"id": changed.name},
    ).rows
    assert rows and all("Greece" in r["evidence"] for r in rows)
    direct = store.read(
        "MATCH (a)-[r:DENIES]->(b) WHERE r.document_id = $id RETURN count(r) AS n", {"id": changed.name}
    ).rows
    assert direct[0]["n"] == 0


def test_embedded_store_keeps_data_across_restart(nlp, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from allegraph.graph.falkor import EmbeddedServer

    with open_store(settings) as store:
        ingest_paths(store, nlp, [str(EXAMPLES / "000_45b42b409655187d.txt")], settings)
        before = _counts(store)
    server = EmbeddedServer(settings.home)
    assert server.stop() is True
    assert not server.is_running()
    with open_store(settings) as store:
        assert _counts(store) == before


def test_bad_documents_are_skipped_with_reasons(store: GraphStore, nlp, settings: Settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "good.txt").write_text("Allegation\n\nGreece accused Italy of dumping waste at sea.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 says\n".encode("latin-1"))
    (tmp_path / "records.jsonl").write_text(
        '{"id": "r1", "text": "Chile accused Peru of spying on its navy."}\n{not json\n{"title": "no text"}\n'
    )
    summary = ingest_paths(store, nlp, [str(tmp_path)], settings)
    reasons = {
        Path(s.source.split(":")[0]).name + ("" if ":" not in s.source else ":" + s.source.split(":")[-1]): s.reason
        for s in summary.skipped
    }
    assert summary.documents == 2
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "JSON" in reasons["records.jsonl:2"]
    assert "text" in reasons["records.jsonl:3"]
    docs = {r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id").rows}
    assert docs == {"good.txt", "r1"}


def test_a_document_the_store_refuses_costs_only_itself(
    store: GraphStore, nlp, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Documents are written in batches; a batch the store refuses is retried one document at a time."""
    records = [
        {"id": "ok-1", "text": "Chile accused Peru of spying on its navy."},
        {"id": "refused", "title": "cut\u0000short", "text": "Peru denied spying on the Chilean navy."},
        {"id": "ok-2", "text": "Greece accused Italy of dumping waste at sea."},
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    summary = ingest_paths(store, nlp, [str(tmp_path)], settings)
    assert summary.documents == 2
    assert [(s.source.split(":")[-1], "NUL" in s.reason) for s in summary.skipped] == [("2", True)]  # line 2: "refused"
    docs = {r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id").rows}
    assert docs == {"ok-1", "ok-2"}
    orphans = store.read("MATCH (c:Claim) WHERE NOT (c)-[:REPORTED_IN]->(:Document) RETURN count(c) AS n").rows
    assert orphans[0]["n"] == 0


def test_neo4j_adapter_ingests_the_seed_articles(nlp) -> None:  # type: ignore[no-untyped-def]
    settings = neo4j_or_skip()
    with open_store(settings) as store:
        wipe_test_database(store)
        ingest_paths(store, nlp, [str(EXAMPLES)], settings)
        _assert_seed_graph(store)
