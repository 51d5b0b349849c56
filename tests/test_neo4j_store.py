"""Neo4j as a user meets it: quiet notifications, clear errors, and the same answers as the
embedded store.

The first tests need no server: they check what Allegraph asks of the driver and how it words
the driver's errors. The rest run against the disposable Neo4j named by ALLEGRAPH_TEST_NEO4J_URI
and skip loudly without one.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from neo4j.exceptions import Neo4jError
from typer.testing import CliRunner

from allegraph.cli import app
from allegraph.config import Settings
from allegraph.errors import ConfigError, StoreUnavailable
from allegraph.graph.neo4j_store import Neo4jStore, _OneLine, make_driver
from allegraph.graph.store import open_store
from tests.conftest import DATED_WIRE, EXAMPLES, ROOT, _short_home, neo4j_or_skip, wipe_test_database

UNREACHABLE = "bolt://127.0.0.1:9"  # the discard port: nothing speaks Bolt there


def _settings(**changes: object) -> Settings:
    return Settings(store=UNREACHABLE, home=_short_home()).model_copy(update=changes)


def test_the_server_is_asked_for_warnings_only_and_not_the_expected_ones() -> None:
    driver = make_driver(_settings())
    try:
        config = driver._pool.pool_config  # where the driver keeps what it sends in HELLO
        assert config.notifications_min_severity == "WARNING"
        assert {"UNRECOGNIZED", "PERFORMANCE", "HINT"} <= set(config.notifications_disabled_classifications)
        assert "DEPRECATION" not in config.notifications_disabled_classifications
    finally:
        driver.close()


def test_a_notification_that_passes_is_one_short_line() -> None:
    notification = SimpleNamespace(gql_status="01N00", status_description="warn: feature deprecated.")
    printer = SimpleNamespace(notification=notification, query="MATCH (n)\nRETURN n")
    record = logging.LogRecord("neo4j.notifications", logging.WARNING, __file__, 1, "Received: %s", (printer,), None)
    line = _OneLine().format(record)
    assert line == "Neo4j warning: warn: feature deprecated. (01N00)" and "\n" not in line


def _raised_by_driver(settings: Settings, code: str, message: str) -> Exception:
    store = Neo4jStore(make_driver(settings), settings)
    try:
        with pytest.raises(Exception) as caught, store._errors():
            raise Neo4jError._hydrate_neo4j(code=code, message=message)
        return caught.value
    finally:
        store.close()


def test_a_wrong_database_says_so_with_a_hint() -> None:
    error = _raised_by_driver(
        _settings(neo4j_database="nope"), "Neo.ClientError.Database.DatabaseNotFound", "Graph not found: nope"
    )
    assert isinstance(error, ConfigError)
    assert "no database 'nope'" in error.message and error.hint and "NEO4J_DATABASE" in error.hint


def test_a_missing_password_says_so_with_a_hint() -> None:
    error = _raised_by_driver(
        _settings(), "Neo.ClientError.Security.Unauthorized", "Unsupported authentication token, missing key `scheme`"
    )
    assert isinstance(error, ConfigError)
    assert "NEO4J_PASSWORD is not set" in error.message and error.hint and "NEO4J_PASSWORD" in error.hint
    wrong = _raised_by_driver(
        _settings(neo4j_password="guess"), "Neo.ClientError.Security.Unauthorized", "The client is unauthorized"
    )
    assert isinstance(wrong, ConfigError) and "refused user 'neo4j'" in wrong.message


def test_the_cli_answers_an_unreachable_neo4j_with_a_message_not_a_traceback() -> None:
    with pytest.raises(StoreUnavailable):
        open_store(_settings())
    result = CliRunner().invoke(app, ["stats", "--store", UNREACHABLE])
    assert result.exit_code == 2, result.output
    assert "not reachable" in result.output and "hint:" in result.output and "Traceback" not in result.output


# --- against a real, disposable Neo4j -------------------------------------------------------


def test_a_wrong_database_on_a_real_server() -> None:
    settings = neo4j_or_skip().model_copy(update={"neo4j_database": "allegraph-no-such-database"})
    with pytest.raises(ConfigError, match="no database 'allegraph-no-such-database'"):
        open_store(settings)


def test_a_missing_password_on_a_real_server() -> None:
    settings = neo4j_or_skip().model_copy(update={"neo4j_password": None})
    try:
        store = open_store(settings)
    except ConfigError as exc:
        assert "NEO4J_PASSWORD is not set" in exc.message
    else:
        store.close()
        pytest.skip("this Neo4j runs without authentication")


DEV_SET = ROOT.parent / "shared" / "eval" / "dev" / "dev.jsonl"


def _canned_rows(store) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    from allegraph.queries import registry
    from allegraph.querying import run_query

    out = {}
    for name, query in registry().items():
        for label, params in (("example", query.example_params()), ("defaults", {})):
            if any(p.required for p in query.params) and label == "defaults":
                continue
            rows = run_query(store, name, params, timeout_ms=60_000).rows
            out[f"{name} {label}"] = sorted(json.dumps(row, sort_keys=True) for row in rows)
    return out


def _statements(store) -> list[str]:  # type: ignore[no-untyped-def]
    from allegraph.rdf.export import iter_quads, ntriples_line
    from allegraph.rdf.terms import Minter

    return sorted(ntriples_line(s, p, o) for s, p, o, _g in iter_quads(store, Minter(), timeout_ms=60_000))


def test_both_stores_give_the_same_answers(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The seeds and the dev set in both stores: every canned query's rows and every RDF statement agree."""
    from allegraph.graph.falkor import EmbeddedServer
    from allegraph.service import ingest_paths

    neo4j = neo4j_or_skip()
    inputs = [str(EXAMPLES), str(DATED_WIRE)] + ([str(DEV_SET)] if DEV_SET.exists() else [])
    embedded = Settings(store="embedded", home=_short_home(), graph_name="cross")
    results = []
    try:
        for settings in (embedded, neo4j):
            with open_store(settings) as store:
                if settings.uses_neo4j:
                    wipe_test_database(store)
                summary = ingest_paths(store, nlp, inputs, settings)
                assert summary.documents > 6 or not DEV_SET.exists(), summary
                results.append((store.stats(), _canned_rows(store), _statements(store)))
    finally:
        EmbeddedServer(embedded.home).stop()
    (falkor_stats, falkor_rows, falkor_rdf), (neo4j_stats, neo4j_rows, neo4j_rdf) = results
    assert falkor_stats == neo4j_stats
    differing = [name for name in falkor_rows if falkor_rows[name] != neo4j_rows.get(name)]
    assert not differing, differing
    assert falkor_rdf == neo4j_rdf
