"""Settings from the environment; built once at the edges (CLI entry, API startup)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, model_validator

from allegraph.errors import ConfigError

DEFAULT_BASE_IRI = "https://w3id.org/allegraph/id/"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def default_store_threads() -> int:
    """FalkorDB runs each query on one thread of its pool; leave some for canned queries."""
    return max(4, os.cpu_count() or 1)


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
    # what the store itself enforces on every statement (FalkorDB TIMEOUT_MAX and
    # QUERY_MEM_CAPACITY; Neo4j's transaction timeout), whatever a caller asks for
    store_timeout_max_ms: int = 60_000
    query_memory_mb: int = 256
    store_threads: int = default_store_threads()
    # ad-hoc Cypher may hold at most this many store threads at once (fewer than store_threads)
    cypher_concurrency: int | None = None
    health_timeout_ms: int = 2_000
    # extraction processes of ingest/extract (--workers); the machine's cores by default
    workers: int = 1

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        for name in ("query_timeout_ms", "cypher_timeout_ms"):
            if getattr(self, name) > self.store_timeout_max_ms:
                raise ConfigError(
                    f"ALLEGRAPH_{name.upper()} ({getattr(self, name)}) exceeds ALLEGRAPH_STORE_TIMEOUT_MAX_MS "
                    f"({self.store_timeout_max_ms})",
                    hint="raise ALLEGRAPH_STORE_TIMEOUT_MAX_MS or lower the query timeout",
                )
        if self.cypher_concurrency is not None and not 1 <= self.cypher_concurrency < max(2, self.store_threads):
            raise ConfigError(
                f"ALLEGRAPH_CYPHER_CONCURRENCY must be at least 1 and below ALLEGRAPH_STORE_THREADS ({self.store_threads})",
                hint="ad-hoc Cypher must never hold every store thread",
            )
        return self

    @property
    def cypher_slots(self) -> int:
        """How many ad-hoc queries may run at once: never every store thread."""
        if self.cypher_concurrency is not None:
            return self.cypher_concurrency
        return max(1, self.store_threads // 2)

    @property
    def uses_neo4j(self) -> bool:
        return self.store.startswith(NEO4J_SCHEMES)

    @classmethod
    def from_env(cls, store: str | None = None, home: str | Path | None = None) -> Settings:
        env = os.environ
        default_home = Path(env.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "allegraph"
        chosen_store = store or env.get("ALLEGRAPH_STORE") or env.get("NEO4J_URI") or "embedded"
        concurrency = env.get("ALLEGRAPH_CYPHER_CONCURRENCY")
        return cls(
            store=chosen_store,
            home=Path(home or env.get("ALLEGRAPH_HOME") or default_home).expanduser(),
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=env.get("NEO4J_PASSWORD"),
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            graph_name=env.get("ALLEGRAPH_GRAPH", "allegraph"),
            api_key=env.get("ALLEGRAPH_API_KEY") or None,
            max_document_bytes=env_int("ALLEGRAPH_MAX_DOCUMENT_BYTES", 5_000_000, "bytes"),
            query_timeout_ms=env_int("ALLEGRAPH_QUERY_TIMEOUT_MS", 10_000, "milliseconds"),
            cypher_timeout_ms=env_int("ALLEGRAPH_CYPHER_TIMEOUT_MS", 5_000, "milliseconds"),
            cypher_row_cap=env_int("ALLEGRAPH_CYPHER_ROW_CAP", 1_000, "rows"),
            base_iri=env.get("ALLEGRAPH_BASE_IRI") or DEFAULT_BASE_IRI,
            store_timeout_max_ms=env_int("ALLEGRAPH_STORE_TIMEOUT_MAX_MS", 60_000, "milliseconds"),
            query_memory_mb=env_int("ALLEGRAPH_QUERY_MEMORY_MB", 256, "megabytes"),
            store_threads=env_int("ALLEGRAPH_STORE_THREADS", default_store_threads(), "threads"),
            workers=env_int("ALLEGRAPH_WORKERS", default_workers(), "processes"),
            cypher_concurrency=env_int("ALLEGRAPH_CYPHER_CONCURRENCY", 0, "queries") if concurrency else None,
            health_timeout_ms=env_int("ALLEGRAPH_HEALTH_TIMEOUT_MS", 2_000, "milliseconds"),
        )


def default_workers() -> int:
    """The cores this process may run on (a container's CPU set, not the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def env_int(name: str, default: int, unit: str) -> int:
    """A positive whole number from the environment, or a ConfigError that says what is wrong."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    text = raw.strip().replace("_", "")
    if not text.isdigit() or int(text) < 1:
        raise ConfigError(
            f"{name} must be a positive whole number of {unit}, not {raw!r}",
            hint=f"e.g. {name}={default}",
        )
    return int(text)
