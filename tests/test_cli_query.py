"""`allegraph query` answers with the API's shape and the same rows, from the same registry."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from typer.testing import CliRunner

from allegraph.cli import app
from tests.conftest import Seeded


@pytest.fixture
def cli_env(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    if seeded.settings.uses_neo4j:
        monkeypatch.setenv("ALLEGRAPH_STORE", seeded.settings.store)
    else:
        monkeypatch.setenv("ALLEGRAPH_STORE", "embedded")
        monkeypatch.setenv("ALLEGRAPH_HOME", str(seeded.settings.home))
    monkeypatch.setenv("ALLEGRAPH_GRAPH", seeded.settings.graph_name)
    return {}


def test_query_json_matches_the_api(cli_env: dict[str, str], client: httpx.Client) -> None:
    result = CliRunner().invoke(
        app, ["query", "who-accused-whom", "-p", "target=Russia", "-p", "limit=5", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    from_cli = json.loads(result.stdout)
    assert list(from_cli) == ["query", "columns", "rows"]
    from_api = client.get("/queries/who-accused-whom", params={"target": "Russia", "limit": 5}).json()
    assert from_cli == from_api and from_cli["rows"]


def test_query_csv_and_table(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["query", "spokespeople", "-p", "actor=Russia", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "Igor Konashenkov" in {r["person"] for r in rows}
    table = CliRunner().invoke(app, ["query", "actor-profile", "-p", "actor=Konashenkov"])
    assert table.exit_code == 0 and "Konashenkov" in table.stdout


def test_query_errors_print_a_message_and_a_hint(cli_env: dict[str, str]) -> None:
    for args, words in (
        (["query", "no-such-query"], "no canned query"),
        (["query", "actor-profile"], "needs parameter"),
        (["query", "who-accused-whom", "-p", "limit=lots"], "must be an integer"),
        (["query", "who-accused-whom", "-p", "nonsense"], "not key=value"),
    ):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, result.output
        assert words in result.stderr and "hint:" in result.stderr


def test_queries_lists_the_registry(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["queries"])
    assert result.exit_code == 0 and "who-accused-whom" in result.stdout and "blame-chains" in result.stdout


def test_export_writes_rdf_by_extension_under_the_given_base(cli_env: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Graph

    target = tmp_path / "graph.jsonld"
    result = CliRunner().invoke(app, ["export", "-o", str(target), "--base", "https://data.example.org/ag/"])
    assert result.exit_code == 0, result.output
    assert "statements (jsonld)" in result.stderr
    graph = Graph().parse(target, format="json-ld")
    subjects = {str(s) for s in graph.subjects()}
    assert len(graph) > 500 and all(s.startswith("https://data.example.org/ag/") for s in subjects)
    assert not list(tmp_path.glob(".*partial"))


def test_export_refuses_a_bad_base_and_format_with_a_hint(cli_env: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad_base = CliRunner().invoke(app, ["export", "-o", str(tmp_path / "x.ttl"), "--base", "not an iri"])
    assert bad_base.exit_code == 2 and "hint:" in bad_base.stderr
    bad_format = CliRunner().invoke(app, ["export", "-f", "rdfxml"])
    assert bad_format.exit_code == 2 and "ttl, nt, jsonld or trig" in bad_format.stderr
    assert not (tmp_path / "x.ttl").exists()
