"""Every Cypher statement we ship passes Neo4j's own parser and semantic analysis."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from allegraph.graph.aggregates import ADD_DOCUMENTS, CLEAR_AGGREGATES, DOCUMENT_PAGE
from allegraph.graph.write import ROW_KEYS, WRITE_DOCUMENTS, WRITE_PARTS, part_statement
from allegraph.queries import registry
from allegraph.schema import SCHEMA_DIR, statements
from bench.raw import raw_statements
from bench.synthetic import synthetic_documents
from tests.conftest import ROOT

LINTER = ROOT / "tools" / "cypher-lint"


def _lint(items: list[dict]) -> list[dict]:
    if shutil.which("node") is None or not (LINTER / "node_modules").exists():
        pytest.fail("the Cypher linter is not installed: run 'npm ci --prefix tools/cypher-lint'")
    completed = subprocess.run(
        ["node", str(LINTER / "lint.js")], input=json.dumps(items), capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout)


def _items() -> list[dict]:
    items = [
        {"name": f"{path.name}#{n}", "query": s, "parameters": {}}
        for path in sorted(SCHEMA_DIR.glob("*.cypher"))
        for n, s in enumerate(statements(path))
    ]
    items += [
        {"name": q.name, "query": q.cypher, "parameters": {p.name: p.example for p in q.params}}
        for q in registry().values()
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    items += [
        {"name": f"README.md cypher block {n}", "query": block, "parameters": {}}
        for n, block in enumerate(re.findall(r"```cypher\n(.*?)```", readme, re.S))
    ]
    doc_params: dict = {key: [] for key in ROW_KEYS}
    items.append({"name": "write-documents", "query": WRITE_DOCUMENTS, "parameters": doc_params})
    items += [
        {
            "name": f"write part {n} ({part.rows})",
            "query": part_statement(part),
            "parameters": {key: [] for key in (part.rows, *part.reads)},
        }
        for n, part in enumerate(WRITE_PARTS)
    ]
    items += [
        {"name": "clear aggregates", "query": CLEAR_AGGREGATES, "parameters": {}},
        {"name": "document page", "query": DOCUMENT_PAGE, "parameters": {"after": "", "size": 1}},
        *(
            {"name": f"add documents' aggregates {n}", "query": statement, "parameters": {"docs": []}}
            for n, statement in enumerate(ADD_DOCUMENTS)
        ),
    ]
    items += [
        {"name": f"bench raw write {n}", "query": statement, "parameters": {"rows": []}}
        for n, (statement, _) in enumerate(raw_statements(synthetic_documents(50)))
    ]
    return items


def test_all_shipped_cypher_passes_neo4j_semantic_analysis() -> None:
    results = _lint(_items())
    failures = {r["name"]: r["errors"] for r in results if r["errors"]}
    assert not failures, failures
    assert len(results) >= 17


def test_the_linter_can_fail() -> None:
    results = _lint([{"name": "typo", "query": "MATCH (n) RETRN n", "parameters": {}}])
    assert results[0]["errors"]


def test_canned_queries_run_on_the_embedded_store(store) -> None:  # type: ignore[no-untyped-def]
    for query in registry().values():
        result = store.read(query.cypher, query.bind({p.name: p.example for p in query.params}))
        assert isinstance(result.rows, list)


def test_a_query_file_whose_parameters_differ_is_refused(tmp_path: Path) -> None:
    from allegraph.queries import parse_query_file

    bad = tmp_path / "bad.cypher"
    bad.write_text("// name: bad\n// title: t\n// description: d\nMATCH (n) WHERE n.id = $id RETURN n.id AS id\n")
    with pytest.raises(ValueError, match="differ"):
        parse_query_file(bad)


def test_the_readme_lists_every_canned_query_with_a_valid_example() -> None:
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = {}
    for line in readme.splitlines():
        match = re.search(r"`(allegraph query [^`]+)`", line)
        if match and line.startswith("| `") and "NAME" not in match.group(1):
            args = shlex.split(match.group(1))[2:]
            params = dict(a.split("=", 1) for a in args[2::2])
            examples[args[0]] = params
    assert set(examples) == set(registry())
    for name, params in examples.items():
        registry()[name].bind(params)  # raises on an unknown name or a bad value
