"""Production store: Neo4j 5 through the official driver (Bolt)."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

from allegraph.config import Settings
from allegraph.errors import (
    AllegraphError,
    ConfigError,
    QueryRejected,
    QueryTimeout,
    StoreError,
    StoreUnavailable,
    WriteRefused,
)
from allegraph.graph.store import GraphStore, QueryResult
from allegraph.graph.values import check_sendable, plain
from allegraph.graph.write import WRITE_PARTS, part_statement
from allegraph.schema import schema_statements

READ_QUERY_TYPES = {"r"}
# The server sends only warnings, and not those that are expected: an unknown label, type or
# property on a graph that has none yet (UNRECOGNIZED), or plan advice on the canned queries
# (PERFORMANCE, HINT). Deprecations and everything else still reach the log.
NOTIFICATION_FILTER: dict[str, Any] = {
    "notifications_min_severity": neo4j.NotificationMinimumSeverity.WARNING,
    "notifications_disabled_classifications": [
        neo4j.NotificationDisabledClassification.UNRECOGNIZED,
        neo4j.NotificationDisabledClassification.PERFORMANCE,
        neo4j.NotificationDisabledClassification.HINT,
    ],
}
DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"


class Neo4jStore(GraphStore):
    name = "neo4j"

    def __init__(self, driver: neo4j.Driver, settings: Settings) -> None:
        self.driver = driver
        self.settings = settings
        self.database = settings.neo4j_database

    @classmethod
    def connect(cls, settings: Settings) -> Neo4jStore:
        store = cls(make_driver(settings), settings)
        driver = store.driver
        try:
            with store._errors():
                driver.verify_connectivity()
            store.ensure_schema()
        except BaseException:
            driver.close()
            raise
        return store

    @contextmanager
    def _errors(self, *, reading: bool = False) -> Iterator[None]:
        """Driver errors as Allegraph's, each with what to do about it."""
        try:
            yield
        except AllegraphError:
            raise
        except AuthError as exc:
            raise auth_failure(self.settings) from exc
        except ServiceUnavailable as exc:
            raise StoreUnavailable(
                f"Neo4j is not reachable at {self.settings.store}: {exc}",
                hint="check NEO4J_URI and that the server runs",
            ) from exc
        except ClientError as exc:
            if exc.code == DATABASE_NOT_FOUND:
                raise database_not_found(self.settings) from exc
            if not reading:
                raise StoreError(f"Neo4j rejected the write: {exc.message}") from exc
            raise _read_error(exc) from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j failed: {exc.message}", hint="see the Neo4j server log") from exc
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot reach Neo4j at {self.settings.store}: {exc}", hint="check NEO4J_URI"
            ) from exc

    @property
    def _write_timeout_s(self) -> float:
        """Neo4j's transaction timeout in step with FalkorDB's TIMEOUT_MAX (ALLEGRAPH_STORE_TIMEOUT_MAX_MS)."""
        return self.settings.store_timeout_max_ms / 1000

    def apply_schema(self) -> None:
        # IF NOT EXISTS makes each statement a no-op when it is in place; ensure_schema runs
        # them only when the recorded version differs
        with self._errors(), self.driver.session(database=self.database) as session:
            for _label, _prop, statement in schema_statements("neo4j"):
                session.run(statement).consume()

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        with (
            self._errors(),
            self.driver.session(database=self.database) as session,
            session.begin_transaction(timeout=self._write_timeout_s) as tx,
        ):
            tx.run(query, dict(params or {})).consume()
            tx.commit()

    def write_batch(self, params: dict[str, Any]) -> None:
        """Each part as its own statement (small plans, no Eager) in one transaction.

        Leaving the `with` by an exception rolls the transaction back, so a part that wrote
        fewer rows than it was given undoes the whole batch.
        """
        with (
            self._errors(),
            self.driver.session(database=self.database) as session,
            session.begin_transaction(timeout=self._write_timeout_s) as tx,
        ):
            for part in WRITE_PARTS:
                rows = params[part.rows]
                if not rows:
                    continue
                sent = {part.rows: rows} | {key: params[key] for key in part.reads}
                written = tx.run(part_statement(part), sent).single(strict=True)["written"]
                if part.checked and written != len(rows):
                    raise StoreError(
                        f"the store did not write the batch as sent ({part.rows}: {written} of {len(rows)} rows); "
                        "nothing was written"
                    )
            tx.commit()

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        # the store's ceiling applies to every read, as FalkorDB's TIMEOUT_MAX does there
        ceiling = self.settings.store_timeout_max_ms
        timeout = min(timeout_ms or ceiling, ceiling) / 1000
        check_sendable(query, "query")
        check_sendable(dict(params or {}))
        rows: list[dict[str, Any]] = []
        truncated = False
        with (
            self._errors(reading=True),
            self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session,
        ):
            # planning is bounded too: deeply nested expressions cost the planner, not the run
            plan = session.run(neo4j.Query(f"EXPLAIN {query}", timeout=timeout), dict(params or {})).consume()
            if plan.query_type not in READ_QUERY_TYPES:
                raise WriteRefused("only read-only queries are allowed here", hint="remove write clauses")
            result = session.run(neo4j.Query(query, timeout=timeout), dict(params or {}))
            columns = list(result.keys())
            for record in result:
                if row_cap is not None and len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append({k: plain(record[k]) for k in columns})
            result.consume()
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def ping(self) -> None:
        with self._errors():
            self.driver.verify_connectivity()

    def close(self) -> None:
        self.driver.close()


def make_driver(settings: Settings) -> neo4j.Driver:
    """The driver, with the server told which notifications to send, and those printed briefly."""
    concise_notifications()
    auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password else None
    return GraphDatabase.driver(settings.store, auth=auth, **NOTIFICATION_FILTER)


def _read_error(exc: ClientError) -> AllegraphError:
    code = exc.code or ""
    if "Timeout" in code or "TransactionTimedOut" in code:
        return QueryTimeout("the query ran past its time limit", hint="narrow it or add a LIMIT")
    if "AccessMode" in code or "Forbidden" in code:
        return WriteRefused("only read-only queries are allowed here", hint="remove write clauses")
    return QueryRejected(f"Neo4j rejected the query: {exc.message}", hint="check the Cypher")


def auth_failure(settings: Settings) -> ConfigError:
    if not settings.neo4j_password:
        return ConfigError(
            f"Neo4j at {settings.store} asks for a password, and NEO4J_PASSWORD is not set",
            hint="export NEO4J_PASSWORD=… (and NEO4J_USER when the user is not 'neo4j')",
        )
    return ConfigError(
        f"Neo4j at {settings.store} refused user {settings.neo4j_user!r} with the password given",
        hint="check NEO4J_USER and NEO4J_PASSWORD",
    )


def database_not_found(settings: Settings) -> ConfigError:
    return ConfigError(
        f"Neo4j at {settings.store} has no database {settings.neo4j_database!r}",
        hint="set NEO4J_DATABASE to an existing database (SHOW DATABASES lists them), or unset it for the default",
    )


class _OneLine(logging.Formatter):
    """A server notification as one short line: its status and description, not the query."""

    def format(self, record: logging.LogRecord) -> str:
        printer = record.args[0] if isinstance(record.args, tuple) and record.args else None
        notification = getattr(printer, "notification", None)
        if notification is None:
            return f"Neo4j {record.levelname.lower()}: {record.getMessage()}"
        status = getattr(notification, "gql_status", "") or getattr(notification, "code", "")
        description = getattr(notification, "status_description", "") or getattr(notification, "description", "")
        return f"Neo4j {record.levelname.lower()}: {description} ({status})"


def concise_notifications() -> None:
    """Print the notifications that pass the filter as one line each on stderr, unless the
    application configured logging itself."""
    logger = logging.getLogger("neo4j.notifications")
    if logger.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine())
    logger.addHandler(handler)
    logger.propagate = False
