"""The API's contract as a generated client sees it: clean, unique operation ids, and one rule
for limits (at least 1) on resources, canned queries and the CLI alike."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.utils import generate_unique_id
from typer.testing import CliRunner

from allegraph.api.app import create_app
from allegraph.cli import app as cli
from allegraph.config import Settings
from allegraph.queries import registry
from tests.conftest import Seeded


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    app = create_app(Settings(store="embedded", home=Path("/nonexistent")), store=object())  # type: ignore[arg-type]
    spec: dict[str, Any] = app.openapi()
    spec["x-routes"] = [r for r in app.routes if isinstance(r, APIRoute)]
    return spec


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method.upper(), path, op) for path, ops in spec["paths"].items() for method, op in ops.items()]


def test_operation_ids_are_clean_and_unique(openapi: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, _, op in _operations(openapi)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", i) for i in ids), ids
    generated = {generate_unique_id(route) for route in openapi["x-routes"]}
    assert not set(ids) & generated, set(ids) & generated  # none of FastAPI's `claims_claims_get`
    by_route = {(method, path): op["operationId"] for method, path, op in _operations(openapi)}
    assert by_route[("GET", "/claims")] == "list_claims"
    assert by_route[("GET", "/queries/claims")] == "query_claims"  # not `get_claims`, the resource's name
    assert by_route[("GET", "/documents/{document_id}")] == "get_document"
    assert by_route[("GET", "/queries/document")] == "query_document"
    assert by_route[("POST", "/queries/document")] == "query_document_post"


def test_every_limit_has_the_same_minimum(openapi: dict[str, Any]) -> None:
    minimums = {}
    for method, path, op in _operations(openapi):
        for param in op.get("parameters", []):
            if param["name"] == "limit":
                minimums[(method, path)] = _minimum(param["schema"])
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        if body and "$ref" in body:
            schema = openapi["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
            if "limit" in schema.get("properties", {}):
                minimums[(method, path)] = _minimum(schema["properties"]["limit"])
    assert len(minimums) > 20 and set(minimums.values()) == {1}, minimums


def _minimum(schema: dict[str, Any]) -> Any:
    if "minimum" in schema:
        return schema["minimum"]
    return next(s["minimum"] for s in schema.get("anyOf", []) if "minimum" in s)


def test_a_zero_limit_is_refused_everywhere(client: httpx.Client, seeded: Seeded) -> None:
    limited = [name for name, q in registry().items() if any(p.name == "limit" for p in q.params)]
    for name in limited:
        assert client.get(f"/queries/{name}", params={"limit": 0}).status_code == 422, name
    assert client.post("/queries/claims", json={"limit": 0}).status_code == 422
    assert client.get("/claims", params={"limit": 0}).status_code == 422
    assert client.get("/queries/claims", params={"limit": 1}).status_code == 200
    env = {"ALLEGRAPH_HOME": str(seeded.settings.home), "ALLEGRAPH_GRAPH": seeded.settings.graph_name}
    if seeded.settings.uses_neo4j:
        env = {"ALLEGRAPH_STORE": seeded.settings.store, "ALLEGRAPH_GRAPH": seeded.settings.graph_name}
    refused = CliRunner().invoke(cli, ["query", "claims", "-p", "limit=0"], env=env)
    assert refused.exit_code == 2 and "from 1 to" in refused.stderr


def test_row_schemas_are_typed_from_the_declared_columns(openapi: dict[str, Any]) -> None:
    schemas = openapi["components"]["schemas"]
    claims = schemas["ClaimsRow"]["properties"]
    assert _branch(claims["kind"])["enum"] == ["accuse", "deny", "condemn", "blame"]
    assert _branch(claims["date"]) == {"type": "string", "format": "date"}
    assert _branch(claims["confidence"])["type"] == "number" and _branch(claims["start"])["type"] == "integer"
    assert _branch(claims["incidents"])["items"]["anyOf"][0] == {"type": "string"}
    profile = schemas["ActorProfileRow"]["properties"]
    counts = schemas[_branch(profile["made"])["$ref"].rsplit("/", 1)[1]]
    assert {name: p["type"] for name, p in counts["properties"].items()} == dict.fromkeys(
        ("accuse", "deny", "condemn", "blame"), "integer"
    )
    for name, query in registry().items():
        row = schemas[f"{''.join(part.capitalize() for part in name.split('-'))}Row"]
        assert set(row["required"]) == {c.name for c in query.columns}, name
        for column in query.columns:
            declared = _branch(row["properties"][column.name])
            if column.type != "string":
                assert declared.get("type") != "string" or declared.get("format") == "date", (name, column)
            if column.choices:
                assert declared["enum"] == column.choices, (name, column)


def _branch(schema: dict[str, Any]) -> dict[str, Any]:
    """The non-null branch of a nullable field."""
    return next((s for s in schema.get("anyOf", []) if s.get("type") != "null"), schema)


def test_live_rows_match_their_schemas(client: httpx.Client) -> None:
    import jsonschema_rs  # what schemathesis validates responses with

    spec = client.get("/openapi.json").json()
    for name, query in registry().items():
        response = client.get(f"/queries/{name}", params=query.example_params())
        assert response.status_code == 200, (name, response.text)
        ref = spec["paths"][f"/queries/{name}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        validator = jsonschema_rs.Draft202012Validator({**ref, "components": spec["components"]}, validate_formats=True)
        errors = [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(response.json())]
        assert not errors, (name, errors[:3])
