"""Settings from the environment; built once at the edges (CLI entry, API startup)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

DEFAULT_BASE_IRI = "https://w3id.org/allegraph/id/"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


class Settings(BaseModel):
    store: str = "embedded"
    home: Path
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    graph_name: str = "allegraph"
    api_key: str | None = None
    max_document_bytes: int = 5_000_000
    query_timeout_ms: int = 10_000
    cypher_timeout_ms: int = 5_000
    cypher_row_cap: int = 1_000
    base_iri: str = DEFAULT_BASE_IRI

    @property
    def uses_neo4j(self) -> bool:
        return self.store.startswith(NEO4J_SCHEMES)

    @classmethod
    def from_env(cls, store: str | None = None, home: str | Path | None = None) -> Settings:
        env = os.environ
        default_home = Path(env.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "allegraph"
        chosen_store = store or env.get("ALLEGRAPH_STORE") or env.get("NEO4J_URI") or "embedded"
        return cls(
            store=chosen_store,
            home=Path(home or env.get("ALLEGRAPH_HOME") or default_home).expanduser(),
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=env.get("NEO4J_PASSWORD"),
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            graph_name=env.get("ALLEGRAPH_GRAPH", "allegraph"),
            api_key=env.get("ALLEGRAPH_API_KEY") or None,
            max_document_bytes=int(env.get("ALLEGRAPH_MAX_DOCUMENT_BYTES", 5_000_000)),
            query_timeout_ms=int(env.get("ALLEGRAPH_QUERY_TIMEOUT_MS", 10_000)),
            cypher_timeout_ms=int(env.get("ALLEGRAPH_CYPHER_TIMEOUT_MS", 5_000)),
            cypher_row_cap=int(env.get("ALLEGRAPH_CYPHER_ROW_CAP", 1_000)),
            base_iri=env.get("ALLEGRAPH_BASE_IRI") or DEFAULT_BASE_IRI,
        )
