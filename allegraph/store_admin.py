"""`allegraph store status` and `allegraph store stop`: the embedded FalkorDB server, looked at
and shut down without starting it (status on a stopped server must not start one)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from allegraph.config import Settings
from allegraph.errors import BadRequest
from allegraph.models import GraphStats


class StoreReport(BaseModel):
    running: bool
    pid: int | None = None
    socket: str
    data_dir: str
    data_bytes: int = Field(description="bytes on disk under the data directory (AOF, logs)")
    memory: str | None = Field(default=None, description="the server's used memory, as it reports it")
    graphs: dict[str, GraphStats] = Field(default_factory=dict, description="node and edge counts per graph")


def _embedded_only(settings: Settings) -> None:
    if settings.uses_neo4j:
        raise BadRequest(
            "'allegraph store' manages the embedded FalkorDB server; the store configured is Neo4j",
            hint="unset ALLEGRAPH_STORE / NEO4J_URI or pass --store embedded",
        )


def data_bytes(directory: Path) -> int:
    """Regular files only: the unix socket and the lock file hold no data."""
    if not directory.is_dir():
        return 0
    return sum(path.stat().st_size for path in directory.rglob("*") if path.is_file())


def store_report(settings: Settings) -> StoreReport:
    from allegraph.graph.falkor import EmbeddedServer, FalkorStore

    _embedded_only(settings)
    server = EmbeddedServer(settings.home)
    status = server.status()
    report = StoreReport(
        running=status.running,
        pid=status.pid,
        socket=status.socket,
        data_dir=status.data_dir,
        data_bytes=data_bytes(server.data_dir),
        memory=status.used_memory_human,
    )
    for name in sorted(status.graphs):
        store = FalkorStore(server, name)
        try:
            report.graphs[name] = store.stats()
        finally:
            store.close()
    return report


def stop_store(settings: Settings) -> bool:
    """Shut the server down cleanly (its AOF flushed, the data kept); False when none ran."""
    from allegraph.graph.falkor import EmbeddedServer

    _embedded_only(settings)
    return EmbeddedServer(settings.home).stop()
