"""Production store: Neo4j 5 through the official driver (Bolt)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable

from allegraph.config import Settings
from allegraph.errors import QueryRejected, QueryTimeout, StoreError, StoreUnavailable, WriteRefused
from graph.store import GraphStore, QueryResult
from graph.values import check_sendable, plain
from schema import schema_statements

READ_QUERY_TYPES = {"r"}


class Neo4jStore(GraphStore):
    name = "neo4j"

    def __init__(self, driver: neo4j.Driver, database: str | None) -> None:
        self.driver = driver
        self.database = database

    @classmethod
    def connect(cls, settings: Settings) -> Neo4jStore:
        auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password else None
        driver = GraphDatabase.driver(settings.store, auth=auth)
        try:
            driver.verify_connectivity()
        except (ServiceUnavailable, Neo4jError, OSError) as exc:
            driver.close()
            raise StoreUnavailable(
                f"cannot reach Neo4j at {settings.store}: {exc}",
                hint="check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD",
            ) from exc
        store = cls(driver, settings.neo4j_database)
        store.apply_schema()
        return store

    def apply_schema(self) -> None:
        with self.driver.session(database=self.database) as session:
            for _label, _prop, statement in schema_statements("neo4j"):
                session.run(statement).consume()

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        try:
            with self.driver.session(database=self.database) as session, session.begin_transaction() as tx:
                tx.run(query, dict(params or {})).consume()
                tx.commit()
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j is not reachable: {exc}", hint="check NEO4J_URI") from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j rejected the write: {exc.message}") from exc

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        timeout = timeout_ms / 1000 if timeout_ms else None
        check_sendable(query, "query")
        check_sendable(dict(params or {}))
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                plan = session.run(neo4j.Query(f"EXPLAIN {query}"), dict(params or {})).consume()
                if plan.query_type not in READ_QUERY_TYPES:
                    raise WriteRefused("only read-only queries are allowed here", hint="remove write clauses")
                result = session.run(neo4j.Query(query, timeout=timeout), dict(params or {}))
                columns = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                for record in result:
                    if row_cap is not None and len(rows) >= row_cap:
                        truncated = True
                        break
                    rows.append({k: plain(record[k]) for k in columns})
                result.consume()
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j is not reachable: {exc}", hint="check NEO4J_URI") from exc
        except ClientError as exc:
            code = exc.code or ""
            if "Timeout" in code or "TransactionTimedOut" in code:
                raise QueryTimeout("the query ran past its time limit", hint="narrow it or add a LIMIT") from exc
            if "AccessMode" in code or "Forbidden" in code:
                raise WriteRefused("only read-only queries are allowed here", hint="remove write clauses") from exc
            raise QueryRejected(f"Neo4j rejected the query: {exc.message}", hint="check the Cypher") from exc
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def ping(self) -> None:
        try:
            self.driver.verify_connectivity()
        except (ServiceUnavailable, Neo4jError, OSError) as exc:
            raise StoreUnavailable(f"Neo4j is not answering: {exc}", hint="check NEO4J_URI") from exc

    def close(self) -> None:
        self.driver.close()
