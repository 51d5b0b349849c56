"""Both stores hold the same graph for the same input, and no input leaves either half-written.

Every test runs on the embedded FalkorDB and, when ALLEGRAPH_TEST_NEO4J_URI is set, on that
disposable Neo4j. Graphs are built directly from models (no spaCy), so the tests are fast and
pin exactly what reaches the store.
"""

from __future__ import annotations

import itertools
import random
import uuid
from pathlib import Path

import pytest
from pydantic import ValidationError

from allegraph.config import Settings
from allegraph.errors import StoreError
from allegraph.graph.store import GraphStore, foreign_nodes
from allegraph.graph.write import documents_params
from allegraph.models import MAX_ID_CHARS, Actor, Claim, Document, DocumentGraph, stable_id
from allegraph.queries import registry
from allegraph.schema import schema_version
from tests.conftest import neo4j_or_skip, wipe, wipe_test_database


def _settings(backend: str, home: Path) -> Settings:
    if backend == "neo4j":
        return neo4j_or_skip()
    return Settings(store="embedded", home=home, graph_name=f"t-{uuid.uuid4().hex[:8]}")


def person(name: str, title: str | None = None, role: str | None = "spokesperson") -> Actor:
    actor_id = stable_id("actor", "Person", name.lower())
    return Actor(id=actor_id, name=name, type="Person", role=role, title=title, keys=[actor_id, name.lower()])  # type: ignore[arg-type]


def state(name: str) -> Actor:
    actor_id = stable_id("actor", "State", name.lower())
    return Actor(id=actor_id, name=name, type="State", keys=[actor_id, name.lower()], scope_keys=[name.lower()])


def document(doc_id: str, actors: list[Actor], links: list[tuple[Actor, str, Actor]]) -> DocumentGraph:
    text = " ".join(f"{s.name} {kind}s {t.name}." for s, kind, t in links) or "Nothing happened."
    claims = [
        Claim(
            id=stable_id("claim", doc_id, n),
            kind=kind,  # type: ignore[arg-type]
            speaker_id=s.id,
            target_id=t.id,
            charge=f"charge {n}",
            evidence=f"{s.name} {kind}s {t.name}.",
            start=0,
            end=1,
            extractor="test",
        )
        for n, (s, kind, t) in enumerate(links)
    ]
    doc = Document(id=doc_id, text=text, title=doc_id, content_hash=stable_id("hash", text))
    return DocumentGraph(document=doc, actors=actors, claims=claims)


def _actor(store: GraphStore, actor_id: str) -> dict:  # type: ignore[type-arg]
    return store.read(
        "MATCH (a:Actor {id: $id}) RETURN a.title AS title, a.titles AS titles, a.role AS role, labels(a) AS labels",
        {"id": actor_id},
    ).rows[0]


# --- 1: one rule for a node's properties, whatever the order ---------------------------------


def test_an_actor_keeps_every_title_by_one_rule_in_any_order_and_batching(empty: GraphStore) -> None:
    russia = state("Russia")
    titles = ["spokesman", "Major General", "Defence Ministry spokesman"]
    docs = [
        document(
            f"doc-{n}", [person("Igor Konashenkov", title), russia], [(person("Igor Konashenkov"), "accuse", russia)]
        )
        for n, title in enumerate(titles)
    ]
    konashenkov = docs[0].actors[0].id
    seen = []
    for order in itertools.permutations(range(3)):
        for split in (1, 3):  # one document per batch, or all in one
            wipe(empty)
            ordered = [docs[n] for n in order]
            for start in range(0, 3, split):
                empty.write_documents(ordered[start : start + split])
            seen.append(_actor(empty, konashenkov))
    assert all(row == seen[0] for row in seen), seen
    assert seen[0]["titles"] == sorted(titles)
    assert seen[0]["title"] == min(titles)
    assert "Spokesperson" in seen[0]["labels"]


def test_rows_are_merged_before_the_write() -> None:
    a, b = person("Anna Example", "minister", "official"), person("Anna Example", "envoy")
    params = documents_params([document("d1", [a], []), document("d2", [b], [])])
    [row] = params["actors"]
    assert row["titles"] == ["envoy", "minister"] and row["title"] == "envoy"
    assert row["roles"] == ["official", "spokesperson"] and row["role"] == "official"
    assert documents_params([document("d2", [b], []), document("d1", [a], [])]) == params


# --- 5: nothing partial, whatever the input --------------------------------------------------


def _claims_without_edges(store: GraphStore) -> int:
    return store.read(
        "MATCH (c:Claim) WHERE NOT (c)-[:REPORTED_IN]->(:Document) OR NOT (:Actor)-[:MADE]->(c) RETURN count(c) AS n"
    ).rows[0]["n"]


def test_a_batch_whose_rows_do_not_all_land_is_undone(empty: GraphStore) -> None:
    sweden, russia = state("Sweden"), state("Russia")
    params = documents_params(
        [document("d1", [sweden, russia], [(russia, "accuse", sweden), (sweden, "deny", russia)])]
    )
    params["docs"] = []  # the claims' document is missing: their MATCH finds nothing
    with pytest.raises(StoreError, match="not write the batch as sent"):
        empty.write_batch(params)
    assert empty.stats().nodes == {} and _claims_without_edges(empty) == 0


def test_a_document_id_the_index_cannot_hold_leaves_nothing_behind(empty: GraphStore) -> None:
    """FalkorDB's range index misses string values over 4,096 bytes: a MERGE on such an id made a
    second node, and the edges after it were lost. Ids that long are refused at validation; a
    batch that gets one anyway (bypassing validation) is refused whole, not half-written."""
    sweden, russia = state("Sweden"), state("Russia")
    graph = document("ok", [sweden, russia], [(russia, "accuse", sweden), (sweden, "deny", russia)])
    long_doc = graph.document.model_construct(**(graph.document.model_dump() | {"id": "x" * 9_005}))
    bad = graph.model_copy(update={"document": long_doc})
    with pytest.raises(StoreError):  # Neo4j refuses the index key; FalkorDB's guard the batch
        empty.write_documents([bad])
    assert empty.stats().nodes == {} and _claims_without_edges(empty) == 0


def test_document_ids_have_a_maximum_length() -> None:
    from allegraph.ingest.loaders import record_document

    Document(id="x" * MAX_ID_CHARS, text="t", content_hash="h")
    with pytest.raises(ValidationError, match="at most 512"):
        Document(id="x" * (MAX_ID_CHARS + 1), text="t", content_hash="h")
    skipped = record_document("in.jsonl:2", {"id": "x" * 9_005, "text": "Sweden denied the accusation."}, 10**6)
    assert "9,005 characters" in getattr(skipped, "reason", "") and "at most 512" in skipped.reason  # type: ignore[union-attr]


# --- 2: blame chains are simple paths, once each, in one total order --------------------------


def _chains(store: GraphStore, **params: object) -> list[dict]:  # type: ignore[type-arg]
    query = registry()["blame-chains"]
    return store.read(query.cypher, query.bind({"limit": 100_000, **params})).rows


def _reference_chains(links: list[tuple[Actor, str, Actor, str]], accusations: bool) -> list[tuple]:  # type: ignore[type-arg]
    """Every simple path of 2-4 links, each link shown by its claim with the smallest id."""
    first: dict[tuple[str, str], str] = {}
    for s, kind, t, claim in links:
        if s.id != t.id and (kind == "blame" or (accusations and kind == "accuse")):
            first[s.id, t.id] = min(claim, first.get((s.id, t.id), claim))
    names = {a.id: a.name for s, _, t, _ in links for a in (s, t)}
    out = []

    def walk(path: list[str]) -> None:
        if len(path) >= 3:
            claims = [first[a, b] for a, b in itertools.pairwise(path)]
            out.append((len(path) - 1, [names[n] for n in path], list(path), claims))
        if len(path) == 5:
            return
        for a, b in sorted(first):
            if a == path[-1] and b not in path:
                walk([*path, b])

    for start in sorted({a for a, _ in first}):
        walk([start])
    return sorted(out)


def test_the_issue_example_is_one_chain(empty: GraphStore) -> None:
    a, b, c = state("Aland"), state("Borduria"), state("Carpania")
    empty.write_documents(
        [document("d", [a, b, c], [(a, "blame", b), (b, "blame", a), (a, "blame", b), (b, "blame", c)])]
    )
    rows = _chains(empty)
    assert [(r["chain"], r["hops"]) for r in rows] == [(["Aland", "Borduria", "Carpania"], 2)]


@pytest.mark.parametrize("accusations", [False, True])
def test_blame_chains_match_a_reference_on_a_dense_multigraph(empty: GraphStore, accusations: bool) -> None:
    rng = random.Random(13)
    actors = [state(f"Land {n}") for n in range(7)]
    links = [(rng.choice(actors), rng.choice(["blame", "accuse", "deny"]), rng.choice(actors)) for _ in range(40)]
    graph = document("dense", actors, links)
    empty.write_documents([graph])
    with_claims = [(s, kind, t, claim.id) for (s, kind, t), claim in zip(links, graph.claims, strict=True)]
    expected = _reference_chains(with_claims, accusations)
    rows = _chains(empty, include_accusations=accusations)
    assert [(r["hops"], r["chain"], r["actor_ids"], r["claim_ids"]) for r in rows] == expected
    assert len(expected) > 20  # dense enough to mean something
    assert all(len(set(r["actor_ids"])) == len(r["actor_ids"]) for r in rows)
    one = _chains(empty, include_accusations=accusations, actor="land 3")
    assert one == [r for r in rows if stable_id("actor", "State", "land 3") in r["actor_ids"]]
    for limit in (3, len(expected) // 3, len(expected) - 2):  # longer chains looked for only when needed
        assert _chains(empty, include_accusations=accusations, limit=limit) == rows[:limit]
        assert _chains(empty, include_accusations=accusations, actor="land 3", limit=limit) == one[:limit]


# --- 3: list columns come sorted ---------------------------------------------------------------


def test_export_actors_lists_are_sorted_and_distinct(empty: GraphStore) -> None:
    actors = [state(f"Land {n}") for n in range(5)]
    speaker = actors[0]
    links = [(speaker, kind, t) for t in reversed(actors[1:]) for kind in ("deny", "accuse", "blame", "accuse")]
    empty.write_documents([document("d", actors, links)])
    query = registry()["export-actors"]
    [row] = empty.read(query.cypher, query.bind({"id": speaker.id})).rows
    expected = sorted({(edge, t.id) for t in actors[1:] for edge in ("DENIES", "ACCUSES", "BLAMES")})
    assert row["direct"] == [list(pair) for pair in expected]


# --- 9: the schema is applied once per store, by version ----------------------------------------


def test_the_schema_is_applied_once_and_recorded(empty: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    empty.ensure_schema()
    assert empty.schema_version() == schema_version(empty.name)
    monkeypatch.setattr(type(empty), "apply_schema", lambda self: pytest.fail("applied again"))
    empty.ensure_schema()
    assert "AllegraphSchema" not in empty.stats().nodes


# --- 8: the suite only wipes a database that holds nothing but Allegraph's ---------------------


def test_a_database_with_someone_elses_nodes_is_not_wiped(empty: GraphStore) -> None:
    empty.write_documents([document("d", [state("Aland")], [])])
    assert foreign_nodes(empty) == 0
    empty.write("CREATE (:Customer {name: 'not ours'})")
    assert foreign_nodes(empty) == 1
    if empty.name == "neo4j":
        with pytest.raises(pytest.fail.Exception, match="refusing to wipe"):
            wipe_test_database(empty)
        empty.write("MATCH (n:Customer) DELETE n")


def test_the_suite_never_reads_the_users_neo4j_variables() -> None:
    import os

    from tests.conftest import neo4j_settings

    assert "NEO4J_URI" not in os.environ and "ALLEGRAPH_STORE" not in os.environ
    settings = neo4j_settings()
    assert settings is None or settings.store == os.environ["ALLEGRAPH_TEST_NEO4J_URI"]


# --- 10: the benchmark compares another store with the embedded one ---------------------------


def test_the_store_comparison_writes_the_same_graph_and_refuses_foreign_data(falkor_home: Path) -> None:
    from allegraph.errors import ConfigError
    from bench.stores import compare_stores, markdown_lines, neo4j_settings, open_disposable

    with pytest.raises(ConfigError, match="Neo4j URI"):
        neo4j_settings("embedded")
    one, two = (_settings("falkordb", falkor_home) for _ in range(2))
    with open_disposable(one) as embedded, open_disposable(two) as other:
        comparison = compare_stores(embedded, other, n_claims=200, batch=10, runs=3)
        assert comparison.same_graph and comparison.writes_vs_embedded > 0
        assert set(comparison.queries) == {"who-accused-whom", "actor-profile"}
        assert len(markdown_lines(comparison)) == 3
        other.write("CREATE (:Customer)")
    with pytest.raises(ConfigError, match="did not write"):
        open_disposable(two)
