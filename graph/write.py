"""The one write statement: a batch of documents' whole subgraphs, replaced atomically.

It runs unchanged on Neo4j 5 and FalkorDB. Each document's old claims are deleted first, so
re-ingesting never duplicates. Actors are shared across documents, so their lookup keys are
unioned rather than overwritten. After the deletes the rows collapse to one, and FOREACH
(rather than chained UNWINDs) keeps that row alive when a list is empty, so one statement can
write every part. Many documents per statement is what makes bulk ingest fast: per-statement
overhead dominates a single document's write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from allegraph import EXTRACTOR_VERSION
from allegraph.models import EDGE_BY_KIND, DocumentGraph

_HEAD = """
UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
SET d += doc.props
WITH d
OPTIONAL MATCH (d)<-[:REPORTED_IN]-(old:Claim)
OPTIONAL MATCH (old)<-[:MADE]-(:Actor)-[direct]->(:Actor) WHERE direct.claim_id = old.id
DELETE direct
WITH DISTINCT d, old
DETACH DELETE old
WITH count(DISTINCT d) AS documents
"""

_ACTORS = """
FOREACH (a IN [x IN $actors WHERE x.type = 'State'] |
  MERGE (n:Actor {id: a.id}) SET n:State, n += a.props)
FOREACH (a IN [x IN $actors WHERE x.type = 'Organization'] |
  MERGE (n:Actor {id: a.id}) SET n:Organization, n += a.props)
FOREACH (a IN [x IN $actors WHERE x.type = 'Person'] |
  MERGE (n:Actor {id: a.id}) SET n:Person, n += a.props)
FOREACH (a IN $actors |
  MERGE (n:Actor {id: a.id})
  SET n.keys = coalesce(n.keys, []) + [k IN a.keys WHERE NOT k IN coalesce(n.keys, [])],
      n.scope_keys = coalesce(n.scope_keys, []) + [k IN a.scope_keys WHERE NOT k IN coalesce(n.scope_keys, [])])
FOREACH (a IN [x IN $actors WHERE x.role = 'official'] |
  MERGE (n:Actor {id: a.id}) SET n:Official)
FOREACH (a IN [x IN $actors WHERE x.role = 'spokesperson'] |
  MERGE (n:Actor {id: a.id}) SET n:Spokesperson)
FOREACH (a IN [x IN $actors WHERE x.affiliation_id IS NOT NULL] |
  MERGE (p:Actor {id: a.id}) MERGE (o:Actor {id: a.affiliation_id}) MERGE (p)-[:SPEAKS_FOR]->(o))
FOREACH (a IN [x IN $actors WHERE x.state_id IS NOT NULL] |
  MERGE (o:Actor {id: a.id}) MERGE (s:Actor {id: a.state_id}) MERGE (o)-[:PART_OF]->(s))
"""

_PLACES_INCIDENTS = """
FOREACH (p IN $places | MERGE (n:Place {id: p.id}) SET n += p.props)
FOREACH (p IN [x IN $places WHERE x.state_id IS NOT NULL] |
  MERGE (n:Place {id: p.id}) MERGE (s:Actor {id: p.state_id}) MERGE (n)-[:LOCATED_IN]->(s))
FOREACH (i IN $incidents | MERGE (n:Incident {id: i.id}) SET n += i.props)
FOREACH (i IN [x IN $incidents WHERE x.place_id IS NOT NULL] |
  MERGE (n:Incident {id: i.id}) MERGE (p:Place {id: i.place_id}) MERGE (n)-[:OCCURRED_IN]->(p))
"""

_CLAIMS = """
FOREACH (c IN $claims |
  MERGE (cl:Claim {id: c.id}) SET cl += c.props
  MERGE (s:Actor {id: c.speaker_id})
  MERGE (d:Document {id: c.document_id})
  MERGE (s)-[:MADE]->(cl)
  MERGE (cl)-[:REPORTED_IN]->(d))
FOREACH (c IN [x IN $claims WHERE x.target_id IS NOT NULL] |
  MERGE (cl:Claim {id: c.id}) MERGE (t:Actor {id: c.target_id}) MERGE (cl)-[:AGAINST]->(t))
FOREACH (c IN [x IN $claims WHERE x.incident_id IS NOT NULL] |
  MERGE (cl:Claim {id: c.id}) MERGE (i:Incident {id: c.incident_id}) MERGE (cl)-[:ABOUT]->(i))
FOREACH (c IN [x IN $claims WHERE x.responds_to IS NOT NULL] |
  MERGE (a:Claim {id: c.id}) MERGE (b:Claim {id: c.responds_to}) MERGE (a)-[:RESPONDS_TO]->(b))
"""

_DIRECT_EDGE = """
FOREACH (c IN [x IN $claims WHERE x.kind = '{kind}' AND x.target_id IS NOT NULL] |
  MERGE (s:Actor {{id: c.speaker_id}}) MERGE (t:Actor {{id: c.target_id}})
  MERGE (s)-[r:{edge} {{claim_id: c.id}}]->(t) SET r += c.edge_props)
"""

# Kinds and edge types are fixed constants, never user input.
WRITE_DOCUMENTS = (
    _HEAD
    + _ACTORS
    + _PLACES_INCIDENTS
    + _CLAIMS
    + "".join(_DIRECT_EDGE.format(kind=kind, edge=edge) for kind, edge in EDGE_BY_KIND.items())
)


def _props(model: Any, exclude: set[str]) -> dict[str, Any]:
    return {k: v for k, v in model.model_dump(exclude=exclude).items() if v is not None and v != []}


def documents_params(graphs: Iterable[DocumentGraph], extractor: str = EXTRACTOR_VERSION) -> dict[str, Any]:
    """Parameters of WRITE_DOCUMENTS: the batch's rows, in document order.

    A document id given twice keeps only its last version, as if written one after the other.
    Repeated identical rows (a busy actor in many documents) are sent once, at their last
    position, which leaves the result of applying them in order unchanged.
    """
    latest = {graph.document.id: graph for graph in graphs}
    parts = [document_params(graph, extractor) for graph in latest.values()]
    return {
        "docs": [p["doc"] for p in parts],
        **{
            key: _last_of_each([row for p in parts for row in p[key]])
            for key in ("actors", "claims", "places", "incidents")
        },
    }


def _last_of_each(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    position = {json.dumps(row, sort_keys=True): index for index, row in enumerate(rows)}
    return [rows[index] for index in sorted(position.values())]


def document_params(graph: DocumentGraph, extractor: str = EXTRACTOR_VERSION) -> dict[str, Any]:
    doc = graph.document
    doc_props = _props(doc, {"id"}) | {"extractor": extractor, "length": len(doc.text)}
    actors = [
        {
            "id": a.id,
            "type": a.type,
            "role": a.role,
            "affiliation_id": a.affiliation_id,
            "state_id": a.state_id,
            "keys": a.keys,
            "scope_keys": a.scope_keys,
            "props": _props(a, {"affiliation_id", "state_id", "keys", "scope_keys"}),
        }
        for a in graph.actors
    ]
    claims = [
        {
            "id": c.id,
            "kind": c.kind,
            "speaker_id": c.speaker_id,
            "target_id": c.target_id,
            "incident_id": c.incident_id,
            "responds_to": c.responds_to,
            "document_id": doc.id,
            "props": _props(c, {"responds_to", "incident_id"}) | {"document_id": doc.id},
            "edge_props": {"document_id": doc.id, "charge": c.charge, "evidence": c.evidence}
            | ({"date": c.date} if c.date else {}),
        }
        for c in graph.claims
    ]
    places = [{"id": p.id, "state_id": p.state_id, "props": _props(p, {"state_id"})} for p in graph.places]
    incidents = [{"id": i.id, "place_id": i.place_id, "props": _props(i, {"place_id"})} for i in graph.incidents]
    return {
        "doc": {"id": doc.id, "props": doc_props},
        "actors": actors,
        "claims": claims,
        "places": places,
        "incidents": incidents,
    }
