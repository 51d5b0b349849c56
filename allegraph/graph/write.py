"""Writing a batch of documents' whole subgraphs, the same on Neo4j 5 and FalkorDB.

A batch is a few `UNWIND $rows` statements (`WRITE_PARTS`): the documents (their old claims
deleted first, so re-ingesting never duplicates), actors, places, incidents, claims, one
statement per edge type, and last the collection of what the old claims left unreferenced.
Around them, the actors' aggregates (allegraph.graph.aggregates) lose what the old claims
counted and gain what the new ones count. Neo4j runs them one after another in one transaction; FalkorDB has no
multi-statement transactions, so it runs them chained into one statement (`WRITE_DOCUMENTS`),
which it applies all or nothing.

Every row is merged in Python first (`documents_params`), so each statement sets each property
of a node once: the engines disagree on which row wins when one statement sets a property
twice. Endpoints of an edge are MATCHed, never MERGEd again, and every part checks that each of
its rows matched: a row that matched nothing aborts the whole batch instead of leaving a claim
without its edges or a second node with the same id.

Collecting (`_COLLECT_*`) looks only at what the rewritten documents' old claims referred to,
recorded on each Document before those claims are deleted, so its cost follows the documents
rewritten, never the size of the graph; a new document records nothing and costs one lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from allegraph import EXTRACTOR_VERSION
from allegraph.graph.aggregates import BATCH_DOCUMENTS, INITIAL, tally
from allegraph.models import EDGE_BY_KIND, DocumentGraph

# Actors are shared by documents, so a property may arrive with different values from different
# documents. One rule, applied in Python within a batch and in Cypher against the stored node,
# so the result is the same in any order, in any batching and on either engine: a single-valued
# property keeps the smallest value it was ever given, a list keeps every value, sorted.
ACTOR_SCALARS = ("name", "type", "role", "title", "represents", "represents_id", "iso_code", "geonames_id")
ACTOR_LISTS = ("titles", "aliases", "keys", "scope_keys")


@dataclass(frozen=True)
class WritePart:
    """One `UNWIND $<rows> …` statement; `rows` names the parameter that holds its rows."""

    rows: str
    cypher: str
    # a checked part must write each of its rows once; a collecting part deletes however many
    checked: bool = True
    # other parameters it reads besides its rows
    reads: tuple[str, ...] = ()


def _smallest(prop: str) -> str:
    return f"n.{prop} = CASE WHEN a.{prop} IS NOT NULL AND (n.{prop} IS NULL OR a.{prop} < n.{prop}) THEN a.{prop} ELSE n.{prop} END"


def _sorted_union(prop: str) -> str:
    # an insertion sort: no list sort function exists in both engines' Cypher
    return (
        f"n.{prop} = reduce(acc = coalesce(n.{prop}, []), x IN a.{prop} | CASE WHEN x IN acc THEN acc "
        f"ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)"
    )


def _label_if(condition: str, label: str) -> str:
    return f"FOREACH (_ IN CASE WHEN {condition} THEN [1] ELSE [] END | SET n:{label})"


# What a document's old claims refer to, recorded on the Document (lists of ids) before they are
# deleted, so the collecting parts at the end know where to look: the incidents they are about
# and their places, and the actors: speakers, targets, whom those speak for or belong to, and the
# states the places lie in. Each step starts from a node already bound (FalkorDB planned the same
# paths as pattern comprehensions from the far end, scanning every Actor).
AFFILIATION_HOPS = 3  # a spokesperson speaks for a ministry, part of a state; one hop to spare
_RECORD_OLD_REFERENCES = f"""OPTIONAL MATCH (d)<-[:REPORTED_IN]-(old:Claim)
OPTIONAL MATCH (old)-[:ABOUT]->(i:Incident)
OPTIONAL MATCH (i)-[:OCCURRED_IN]->(p:Place)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(ps:Actor)
OPTIONAL MATCH (old)<-[:MADE]-(s:Actor)
OPTIONAL MATCH (s)-[:SPEAKS_FOR|PART_OF*1..{AFFILIATION_HOPS}]->(sa:Actor)
OPTIONAL MATCH (old)-[:AGAINST]->(t:Actor)
OPTIONAL MATCH (t)-[:SPEAKS_FOR|PART_OF*1..{AFFILIATION_HOPS}]->(ta:Actor)
WITH d, collect(DISTINCT i.id) AS incidents, collect(DISTINCT p.id) AS places,
     collect(DISTINCT s.id) + collect(DISTINCT sa.id) + collect(DISTINCT t.id) + collect(DISTINCT ta.id)
     + collect(DISTINCT ps.id) AS actors
FOREACH (_ IN CASE WHEN size(actors) > 0 THEN [1] ELSE [] END |
  SET d.collect_incidents = incidents, d.collect_places = places, d.collect_actors = actors)"""


_DOCUMENTS = WritePart(
    "docs",
    """UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
SET d += doc.props
WITH d
"""
    + _RECORD_OLD_REFERENCES
    + """
WITH d
OPTIONAL MATCH (d)<-[:REPORTED_IN]-(old:Claim)
OPTIONAL MATCH (old)<-[:MADE]-(:Actor)-[direct]->(:Actor) WHERE direct.claim_id = old.id
DELETE direct
WITH DISTINCT d, old
DETACH DELETE old
WITH DISTINCT d""",
)

_ACTORS = WritePart(
    "actors",
    "UNWIND $actors AS a\nMERGE (n:Actor {id: a.id})\nON CREATE SET "
    + ", ".join(INITIAL)
    + "\nSET "
    + ",\n    ".join([_smallest(p) for p in ACTOR_SCALARS] + [_sorted_union(p) for p in ACTOR_LISTS])
    + "\n"
    + "\n".join(
        [_label_if(f"a.type = '{t}'", t) for t in ("State", "Organization", "Person")]
        + [
            _label_if(f"'{role}' IN a.roles", label)
            for role, label in (("official", "Official"), ("spokesperson", "Spokesperson"))
        ]
    ),
)

_PLACES = WritePart("places", "UNWIND $places AS p\nMERGE (n:Place {id: p.id})\nSET n += p.props")
_INCIDENTS = WritePart("incidents", "UNWIND $incidents AS i\nMERGE (n:Incident {id: i.id})\nSET n += i.props")
_CLAIMS = WritePart(
    "claims",
    """UNWIND $claims AS c
MATCH (d:Document {id: c.document_id})
MATCH (s:Actor {id: c.speaker_id})
MERGE (cl:Claim {id: c.id})
SET cl += c.props
MERGE (s)-[:MADE]->(cl)
MERGE (cl)-[:REPORTED_IN]->(d)""",
)


def _recorded(prop: str) -> str:
    """The ids recorded under `prop` on every document of the batch, each once; the record is
    cleared, since it only ever lives inside the batch."""
    return f"""UNWIND $docs AS doc
MATCH (d:Document {{id: doc.id}})
WHERE d.{prop} IS NOT NULL
WITH d, d.{prop} AS ids
SET d.{prop} = null
WITH ids
UNWIND ids AS id
WITH DISTINCT id"""


# After every new claim is written, delete what the old claims referred to and nothing refers to
# any more: an incident no claim is about, a place no incident occurred in, and an actor that
# makes no claim and none is against, that no place lies in, that this batch did not write, and
# that no kept actor speaks for or belongs to (an actor outside the recorded ones counts as kept).
_COLLECT_INCIDENTS = WritePart(
    "docs",
    _recorded("collect_incidents") + "\nMATCH (n:Incident {id: id})\nWHERE NOT (:Claim)-[:ABOUT]->(n)\nDETACH DELETE n",
    checked=False,
)
_COLLECT_PLACES = WritePart(
    "docs",
    _recorded("collect_places")
    + "\nMATCH (n:Place {id: id})\nWHERE NOT (:Incident)-[:OCCURRED_IN]->(n)\nDETACH DELETE n",
    checked=False,
)


def _keeps(n: str) -> str:
    statements = "|".join(sorted(set(EDGE_BY_KIND.values())))
    return (
        f"{n}.id IN batch_actors OR ({n})-[:MADE]->() OR (:Claim)-[:AGAINST]->({n}) OR ({n})-[:{statements}]-() "
        f"OR (:Place)-[:LOCATED_IN]->({n})"
    )


_COLLECT_ACTORS = WritePart(
    "docs",
    _recorded("collect_actors")
    + f"""
WITH collect(id) AS candidates, $actor_ids AS batch_actors
UNWIND candidates AS id
MATCH (n:Actor {{id: id}})
WHERE NOT ({_keeps("n")})
OPTIONAL MATCH (m:Actor)-[:SPEAKS_FOR|PART_OF*1..{AFFILIATION_HOPS}]->(n)
WHERE NOT m.id IN candidates OR {_keeps("m")}
WITH n, count(m) AS keepers
WHERE keepers = 0
WITH collect(n) AS unreferenced
UNWIND unreferenced AS n
DETACH DELETE n""",
    checked=False,
    reads=("actor_ids",),
)


def _link(rows: str, source: str, edge: str, target: str) -> WritePart:
    return WritePart(
        rows,
        f"UNWIND ${rows} AS r\nMATCH (a:{source} {{id: r.source}})\nMATCH (b:{target} {{id: r.target}})\n"
        f"MERGE (a)-[:{edge}]->(b)",
    )


def _direct(kind: str, edge: str) -> WritePart:
    return WritePart(
        f"direct_{kind}",
        f"UNWIND $direct_{kind} AS c\nMATCH (s:Actor {{id: c.speaker_id}})\nMATCH (t:Actor {{id: c.target_id}})\n"
        f"MERGE (s)-[r:{edge} {{claim_id: c.id}}]->(t)\nSET r += c.props",
    )


# Every edge type the parts write or look for.
EDGE_TYPES = ("SPEAKS_FOR", "PART_OF", "LOCATED_IN", "OCCURRED_IN", "MADE", "REPORTED_IN", "AGAINST", "ABOUT",
              "RESPONDS_TO", *sorted(set(EDGE_BY_KIND.values())))  # fmt: skip

# The actors' aggregates (allegraph.graph.aggregates): what the documents' old claims added is
# taken away before they are deleted, and what the new ones add is added once their targets are.
_UNCOUNT_OLD = tuple(WritePart("docs", statement, checked=False) for statement in tally(BATCH_DOCUMENTS, -1))
_COUNT_NEW = tuple(WritePart("docs", statement, checked=False) for statement in tally(BATCH_DOCUMENTS, 1))

# In dependency order: every MATCH finds what an earlier part wrote. Labels and edge types are
# fixed constants, never user input.
WRITE_PARTS: tuple[WritePart, ...] = (
    *_UNCOUNT_OLD,
    _DOCUMENTS,
    _ACTORS,
    _link("speaks_for", "Actor", "SPEAKS_FOR", "Actor"),
    _link("part_of", "Actor", "PART_OF", "Actor"),
    _PLACES,
    _link("located_in", "Place", "LOCATED_IN", "Actor"),
    _INCIDENTS,
    _link("occurred_in", "Incident", "OCCURRED_IN", "Place"),
    _CLAIMS,
    _link("against", "Claim", "AGAINST", "Actor"),
    *_COUNT_NEW,
    _link("about", "Claim", "ABOUT", "Incident"),
    _link("responds_to", "Claim", "RESPONDS_TO", "Claim"),
    *(_direct(kind, edge) for kind, edge in EDGE_BY_KIND.items()),
    _COLLECT_INCIDENTS,
    _COLLECT_PLACES,
    _COLLECT_ACTORS,
)
# every parameter of a batch
ROW_KEYS = tuple(dict.fromkeys(key for part in WRITE_PARTS for key in (part.rows, *part.reads)))


def part_statement(part: WritePart) -> str:
    """A part on its own (Neo4j): it returns how many of its rows it wrote."""
    return f"{part.cypher}\nRETURN count(*) AS written"


def _guarded(part: WritePart) -> str:
    # A statement cannot raise on purpose in Cypher that both engines share; dividing by zero
    # does, in both, and both then undo everything the statement did.
    if not part.checked:
        return f"{part.cypher}\nWITH count(*) AS written"
    return f"{part.cypher}\nWITH count(*) AS written\nWHERE 1 / CASE WHEN written = size(${part.rows}) THEN 1 ELSE 0 END = 1"


# FalkorDB: the parts chained into one statement. Each `WITH count(*)` is a barrier (the part
# before it is finished) that leaves exactly one row, even when a part had no rows.
WRITE_DOCUMENTS = "\n".join(_guarded(part) for part in WRITE_PARTS) + "\nRETURN written"


def documents_params(graphs: Iterable[DocumentGraph], extractor: str = EXTRACTOR_VERSION) -> dict[str, Any]:
    """The rows of every part for a batch: one row per node id, merged by the one rule.

    A document id given twice keeps only its last version, as if written one after the other.
    Rows are sorted by id, so the same documents in any order make the same statements.
    """
    latest = {graph.document.id: graph for graph in graphs}
    parts = [document_params(graph, extractor) for graph in latest.values()]
    actors = [a for p in parts for a in p["actors"]]
    claims = [c for p in parts for c in p["claims"]]
    places = [x for p in parts for x in p["places"]]
    incidents = [x for p in parts for x in p["incidents"]]
    params: dict[str, Any] = {
        "docs": sorted((p["doc"] for p in parts), key=lambda row: row["id"]),
        "actors": [
            {"id": row["id"], **row["props"]} for row in _merged((a["id"], {}, _actor_props(a)) for a in actors)
        ],
        "actor_ids": sorted({a["id"] for a in actors}),
        "speaks_for": _pairs(actors, "affiliation_id"),
        "part_of": _pairs(actors, "state_id"),
        "places": _merged((x["id"], {}, x["props"]) for x in places),
        "located_in": _pairs(places, "state_id"),
        "incidents": _merged((x["id"], {}, x["props"]) for x in incidents),
        "occurred_in": _pairs(incidents, "place_id"),
        "claims": _merged((c["id"], _fields(c, "document_id", "speaker_id"), c["props"]) for c in claims),
        "against": _pairs(claims, "target_id"),
        "about": _pairs(claims, "incident_id"),
        "responds_to": _pairs(claims, "responds_to"),
    }
    for kind in EDGE_BY_KIND:
        params[f"direct_{kind}"] = _merged(
            (c["id"], _fields(c, "speaker_id", "target_id"), c["edge_props"])
            for c in claims
            if c["kind"] == kind and c["target_id"] is not None
        )
    return params


def _fields(row: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: row[name] for name in names}


def _actor_props(actor: dict[str, Any]) -> dict[str, Any]:
    props = actor["props"]
    return {p: props.get(p) for p in ACTOR_SCALARS} | {
        "roles": [actor["role"]] if actor["role"] else [],
        "titles": [props["title"]] if props.get("title") else [],
        "aliases": props.get("aliases", []),
        "keys": actor["keys"],
        "scope_keys": actor["scope_keys"],
    }


def merge_values(values: list[Any]) -> Any:
    """The one rule: lists are unioned and sorted; a single value is the smallest one given."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    if isinstance(present[0], list):
        return sorted({item for value in present for item in value})
    return min(present)


def _merged(rows: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> list[dict[str, Any]]:
    """One row per id, sorted by id: its fields (ids of what it links to) and its `props`,
    each merged by `merge_values`."""
    by_id: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for row_id, fields, props in rows:
        by_id.setdefault(row_id, []).append((fields, props))
    return [
        {"id": row_id, **_merge_maps([f for f, _ in group]), "props": _merge_maps([p for _, p in group])}
        for row_id, group in sorted(by_id.items())
    ]


def _merge_maps(maps: list[dict[str, Any]]) -> dict[str, Any]:
    names = sorted({name for m in maps for name in m})
    merged = {name: merge_values([m.get(name) for m in maps]) for name in names}
    return {name: value for name, value in merged.items() if value is not None}


def _pairs(rows: Iterable[dict[str, Any]], target: str) -> list[dict[str, str]]:
    pairs = {(row["id"], row[target]) for row in rows if row.get(target) is not None}
    return [{"source": source, "target": to} for source, to in sorted(pairs)]


def _props(model: Any, exclude: set[str]) -> dict[str, Any]:
    return {k: v for k, v in model.model_dump(exclude=exclude).items() if v is not None and v != []}


def document_params(graph: DocumentGraph, extractor: str = EXTRACTOR_VERSION) -> dict[str, Any]:
    """One document's rows, before merging (the benchmark's raw writer reads these too)."""
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
