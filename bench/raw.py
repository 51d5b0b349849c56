"""The baseline writer: hand-written `UNWIND $rows … MERGE` statements over many documents at once.

It writes exactly what `GraphStore.write_document` writes (same nodes, labels, properties and
edges, built from the same `document_params` rows), but insert-only and batched across documents,
with none of the per-document replacement the product does. That makes it the fastest honest
way to put the same graph into the same server through the same client.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from allegraph.graph.write import document_params
from allegraph.models import EDGE_BY_KIND, DocumentGraph

Execute = Callable[[str, dict[str, Any]], object]

_ACTOR = "UNWIND $rows AS a MERGE (n:Actor {{id: a.id}}) SET n:{label}, n += a.props, n.keys = a.keys, n.scope_keys = a.scope_keys"
_ROLE = "UNWIND $rows AS a MATCH (n:Actor {{id: a.id}}) SET n:{label}"
_LINK = (
    "UNWIND $rows AS r MATCH (a:{source} {{id: r.source}}) MATCH (b:{target} {{id: r.target}}) MERGE (a)-[:{edge}]->(b)"
)
_NODE = "UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n += r.props"
_CLAIM = (
    "UNWIND $rows AS c MATCH (d:Document {id: c.document_id}) MATCH (s:Actor {id: c.speaker_id}) "
    "MERGE (cl:Claim {id: c.id}) SET cl += c.props MERGE (s)-[:MADE]->(cl) MERGE (cl)-[:REPORTED_IN]->(d)"
)
_DIRECT = (
    "UNWIND $rows AS c MATCH (s:Actor {{id: c.speaker_id}}) MATCH (t:Actor {{id: c.target_id}}) "
    "MERGE (s)-[r:{edge} {{claim_id: c.id}}]->(t) SET r += c.edge_props"
)


def raw_statements(graphs: Iterable[DocumentGraph]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The (statement, rows) pairs that write these documents, in dependency order."""
    params = [document_params(graph) for graph in graphs]
    actors = {a["id"]: a for p in params for a in p["actors"]}.values()
    claims = [c for p in params for c in p["claims"]]
    places = {x["id"]: x for p in params for x in p["places"]}.values()
    incidents = {x["id"]: x for p in params for x in p["incidents"]}.values()
    statements: list[tuple[str, list[dict[str, Any]]]] = [
        (_ACTOR.format(label=label), [a for a in actors if a["type"] == label])
        for label in ("State", "Organization", "Person")
    ]
    statements += [
        (_ROLE.format(label="Official"), [a for a in actors if a["role"] == "official"]),
        (_ROLE.format(label="Spokesperson"), [a for a in actors if a["role"] == "spokesperson"]),
        (_link("Actor", "Actor", "SPEAKS_FOR"), _pairs(actors, "id", "affiliation_id")),
        (_link("Actor", "Actor", "PART_OF"), _pairs(actors, "id", "state_id")),
        (_NODE.format(label="Document"), [p["doc"] for p in params]),
        (_NODE.format(label="Place"), list(places)),
        (_link("Place", "Actor", "LOCATED_IN"), _pairs(places, "id", "state_id")),
        (_NODE.format(label="Incident"), list(incidents)),
        (_link("Incident", "Place", "OCCURRED_IN"), _pairs(incidents, "id", "place_id")),
        (_CLAIM, claims),
        (_link("Claim", "Actor", "AGAINST"), _pairs(claims, "id", "target_id")),
        (_link("Claim", "Incident", "ABOUT"), _pairs(claims, "id", "incident_id")),
        (_link("Claim", "Claim", "RESPONDS_TO"), _pairs(claims, "id", "responds_to")),
    ]
    statements += [
        (_DIRECT.format(edge=edge), [c for c in claims if c["kind"] == kind and c["target_id"] is not None])
        for kind, edge in EDGE_BY_KIND.items()
    ]
    return [(statement, rows) for statement, rows in statements if rows]


def write_raw(execute: Execute, graphs: Iterable[DocumentGraph]) -> int:
    """Write the documents with one statement per part; returns how many statements ran."""
    statements = raw_statements(graphs)
    for statement, rows in statements:
        execute(statement, {"rows": rows})
    return len(statements)


def _link(source: str, target: str, edge: str) -> str:
    return _LINK.format(source=source, target=target, edge=edge)


def _pairs(rows: Iterable[dict[str, Any]], source: str, target: str) -> list[dict[str, Any]]:
    return [{"source": r[source], "target": r[target]} for r in rows if r.get(target) is not None]
