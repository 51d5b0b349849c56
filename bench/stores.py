"""Stage 7 (with `--store URI`): the same writes and queries on Neo4j and on the embedded store.

Both get the same synthetic documents in the same batches through `GraphStore.write_documents`,
then the load queries run back to back on each; the ratios compare the two in one run, on one
machine. The Neo4j database is emptied first, so it must hold nothing but Allegraph's data.
"""

from __future__ import annotations

from pydantic import BaseModel

from allegraph.config import Settings
from allegraph.errors import ConfigError
from allegraph.graph.store import GraphStore, foreign_nodes, open_store
from bench.load import LOAD_QUERIES, bare_loop, sample_actor_names
from bench.measure import Latency
from bench.synthetic import synthetic_documents
from bench.writes import WriteRun, timed_writes

WRITES_GOAL = 0.5  # the other store's bulk writes, as a fraction of the embedded store's claims/s


class StoreComparison(BaseModel):
    store: str
    embedded: WriteRun
    other: WriteRun
    writes_vs_embedded: float
    queries: dict[str, dict[str, Latency]]  # query -> {"embedded": …, "other": …}
    same_graph: bool


def compare_stores(embedded: GraphStore, other: GraphStore, n_claims: int, batch: int, runs: int) -> StoreComparison:
    """Both stores start empty; the graphs they end with must be the same."""
    graphs = list(synthetic_documents(n_claims, seed=17))
    embedded_run = timed_writes(graphs, batch, embedded.write_documents)
    other_run = timed_writes(graphs, batch, other.write_documents)
    actors = sample_actor_names(embedded)
    queries = {
        query: {
            "embedded": bare_loop(embedded, query, actors, runs=runs),
            "other": bare_loop(other, query, actors, runs=runs),
        }
        for query in LOAD_QUERIES
    }
    return StoreComparison(
        store=other.name,
        embedded=embedded_run,
        other=other_run,
        writes_vs_embedded=round(other_run.claims_per_s / embedded_run.claims_per_s, 3),
        queries=queries,
        same_graph=embedded.stats() == other.stats(),
    )


def neo4j_settings(uri: str) -> Settings:
    settings = Settings.from_env(store=uri)
    if not settings.uses_neo4j:
        raise ConfigError(f"--store takes a Neo4j URI, not {uri!r}", hint="e.g. --store bolt://localhost:7687")
    return settings


def open_disposable(settings: Settings) -> GraphStore:
    """The store, emptied; refused when it holds data Allegraph did not write."""
    store = open_store(settings)
    foreign = foreign_nodes(store)
    if foreign:
        store.close()
        raise ConfigError(
            f"{settings.store} holds {foreign} node(s) Allegraph did not write; the benchmark empties the database it uses",
            hint="point --store at a disposable database",
        )
    store.write("MATCH (n) DETACH DELETE n")
    store.ensure_schema()
    return store


def markdown_lines(comparison: StoreComparison) -> list[str]:
    lines = [
        f"| writes, {comparison.store} vs embedded | claims/s | {comparison.other.claims_per_s:,.0f} · "
        f"{comparison.embedded.claims_per_s:,.0f} ({comparison.writes_vs_embedded:.2f}) |"
    ]
    for query, latencies in comparison.queries.items():
        other, embedded = latencies["other"], latencies["embedded"]
        lines.append(
            f"| {query}, {comparison.store} vs embedded | p50 / p99 ms | {other.p50_ms} / {other.p99_ms} · "
            f"{embedded.p50_ms} / {embedded.p99_ms} |"
        )
    return lines
