"""The GraphStore interface every adapter implements, and the factory that picks one."""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from typing import Any, Self

from pydantic import BaseModel

from allegraph.config import Settings
from allegraph.errors import QueryRejected
from allegraph.graph.aggregates import ADD_DOCUMENTS, CLEAR_AGGREGATES, DOCUMENT_PAGE
from allegraph.graph.values import check_sendable
from allegraph.graph.write import documents_params
from allegraph.models import DocumentGraph, GraphStats
from allegraph.schema import schema_version

# The store records the schema version it has applied in one node of its own, so a command
# applies the schema only when it changed (one read otherwise). Stats leave that node out.
SCHEMA_LABEL = "AllegraphSchema"
READ_SCHEMA_VERSION = f"MATCH (s:{SCHEMA_LABEL}) RETURN s.version AS version"
RECORD_SCHEMA_VERSION = f"MERGE (s:{SCHEMA_LABEL} {{id: 'schema'}}) SET s.version = $version"
STATS_NODES = (
    f"MATCH (n) WHERE NOT n:{SCHEMA_LABEL} UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label"
)
# Every label a node Allegraph writes can carry.
ALLEGRAPH_LABELS = (
    "Actor", "State", "Organization", "Person", "Official", "Spokesperson",
    "Claim", "Document", "Incident", "Place", SCHEMA_LABEL,
)  # fmt: skip
FOREIGN_NODES = "MATCH (n) WHERE NOT any(label IN labels(n) WHERE label IN $ours) RETURN count(n) AS n"
STATS_EDGES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"
FINGERPRINTS = (
    "UNWIND $ids AS doc_id MATCH (d:Document {id: doc_id}) "
    "RETURN d.id AS id, d.content_hash AS content_hash, d.extractor AS extractor"
)


class QueryResult(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False


class GraphStore(abc.ABC):
    """Apply schema, write a document's subgraph atomically, run read queries, close."""

    name: str = "store"

    @abc.abstractmethod
    def apply_schema(self) -> None:
        """Create whatever index or constraint of the schema is missing."""

    def ensure_schema(self) -> None:
        """Apply the schema unless the store already records its current version."""
        version = schema_version(self.name)
        if self.schema_version() != version:
            self.apply_schema()
            self.recompute_aggregates()
            self.write(RECORD_SCHEMA_VERSION, {"version": version})

    def recompute_aggregates(self, page: int = 1_000) -> None:
        """Every actor's aggregates counted afresh from its claims (allegraph.graph.aggregates),
        a page of documents per statement. Run when the schema version changes, before it is
        recorded: a store written before the aggregates existed gets them, and one interrupted
        starts again from scratch."""
        self.write(CLEAR_AGGREGATES)
        after = ""
        while ids := [row["id"] for row in self.read(DOCUMENT_PAGE, {"after": after, "size": page}).rows]:
            for statement in ADD_DOCUMENTS:
                self.write(statement, {"docs": ids})
            after = ids[-1]

    def schema_version(self) -> str | None:
        """The schema version this store has applied, None before the first."""
        try:
            rows = self.read(READ_SCHEMA_VERSION).rows
        except QueryRejected as exc:
            if "empty key" in exc.message:
                return None  # FalkorDB: the graph does not exist yet
            raise
        return str(rows[0]["version"]) if rows else None

    def write_documents(self, graphs: Sequence[DocumentGraph]) -> None:
        """Replace everything these documents contributed, all in one atomic unit."""
        if graphs:
            params = documents_params(graphs)
            check_sendable(params, "document field")
            self.write_batch(params)

    @abc.abstractmethod
    def write_batch(self, params: dict[str, Any]) -> None:
        """Run allegraph.graph.write's parts with these rows, all or nothing; StoreError if any row was not written."""

    def write_document(self, graph: DocumentGraph) -> None:
        self.write_documents([graph])

    @abc.abstractmethod
    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        """Run a query the server itself guarantees to be read-only."""

    @abc.abstractmethod
    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        """Run an internal write statement (maintenance, benchmarks). Never user Cypher."""

    @abc.abstractmethod
    def ping(self) -> None:
        """Raise StoreUnavailable unless the store answers."""

    def probe(self, timeout_ms: int) -> None:
        """Raise StoreUnavailable unless the store answers a query within timeout_ms."""
        self.read("RETURN 1 AS ok", timeout_ms=timeout_ms)

    def query_threads(self) -> int | None:
        """How many queries the store runs at once, when it says (FalkorDB's THREAD_COUNT)."""
        return None

    @abc.abstractmethod
    def close(self) -> None: ...

    def stats(self) -> GraphStats:
        nodes = {row["label"]: row["count"] for row in self.read(STATS_NODES).rows}
        edges = {row["type"]: row["count"] for row in self.read(STATS_EDGES).rows}
        return GraphStats(nodes=nodes, edges=edges)

    def fingerprints(self, doc_ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """Stored (content hash, extractor version) per document id, to skip unchanged input."""
        if not doc_ids:
            return {}
        rows = self.read(FINGERPRINTS, {"ids": doc_ids}).rows
        return {row["id"]: (row["content_hash"], row["extractor"]) for row in rows}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def foreign_nodes(store: GraphStore) -> int:
    """How many nodes carry none of Allegraph's labels (someone else's data)."""
    return int(store.read(FOREIGN_NODES, {"ours": list(ALLEGRAPH_LABELS)}).rows[0]["n"])


def open_store(settings: Settings) -> GraphStore:
    if settings.uses_neo4j:
        from allegraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(settings)
    if settings.store not in ("embedded", "falkordb"):
        from allegraph.errors import ConfigError

        raise ConfigError(
            f"unknown store {settings.store!r}",
            hint="use 'embedded' (the default) or a bolt://, neo4j:// or neo4j+s:// URI",
        )
    from allegraph.graph.falkor import FalkorStore

    return FalkorStore.open(settings)
