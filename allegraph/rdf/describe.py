"""One minted IRI's description: the statements the full export makes about that resource, read
with the same `export-*` queries picked by id, so that a dereferenced IRI and the export agree.

A document's description is its TriG graph (the document and its claims); a place's holds its
`#geo` coordinates too, since a fragment IRI is dereferenced through its place.
"""

from __future__ import annotations

from pydantic import BaseModel

from allegraph.graph.store import GraphStore
from allegraph.querying import ClaimOut, run_query
from allegraph.rdf.mapping import (
    ExportActor,
    ExportDocument,
    ExportIncident,
    ExportPlace,
    Quad,
    actor_quads,
    claim_quads,
    document_quads,
    incident_quads,
    place_quads,
)
from allegraph.rdf.terms import Minter

# an IRI's local name is the node id without its kind prefix, for the kinds whose ids have one
PREFIXED = ("actor", "claim", "incident")
# a document's claims come with it; past this many, the description says only the first
MAX_CLAIMS_PER_DOCUMENT = 10_000


class Described(BaseModel):
    kind: str
    node_id: str
    document_id: str | None = None  # a claim's document (the explorer shows claims in it)


def node_id_candidates(kind: str, local: str) -> list[str]:
    """The node ids an IRI's local name may stand for (Minter drops a `kind:` prefix)."""
    return [f"{kind}:{local}", local] if kind in PREFIXED and not local.startswith(f"{kind}:") else [local]


def describe(
    store: GraphStore, kind: str, local: str, mint: Minter, *, timeout_ms: int
) -> tuple[Described, list[Quad]] | None:
    """The resource an IRI names and its statements, or None when the graph has no such node."""
    for node_id in node_id_candidates(kind, local):
        found = _DESCRIBERS[kind](store, node_id, mint, timeout_ms)
        if found is not None:
            return found
    return None


Found = tuple[Described, list[Quad]] | None


def _by_id(store: GraphStore, query: str, node_id: str, timeout_ms: int) -> list[dict[str, object]]:
    return run_query(store, query, {"id": node_id, "limit": 1}, timeout_ms=timeout_ms).rows


def _actor(store: GraphStore, node_id: str, mint: Minter, timeout_ms: int) -> Found:
    rows = _by_id(store, "export-actors", node_id, timeout_ms)
    quads = [q for row in rows for q in actor_quads(ExportActor.model_validate(row), mint)]
    return (Described(kind="actor", node_id=node_id), quads) if rows else None


def _place(store: GraphStore, node_id: str, mint: Minter, timeout_ms: int) -> Found:
    rows = _by_id(store, "export-places", node_id, timeout_ms)
    quads = [q for row in rows for q in place_quads(ExportPlace.model_validate(row), mint)]
    return (Described(kind="place", node_id=node_id), quads) if rows else None


def _incident(store: GraphStore, node_id: str, mint: Minter, timeout_ms: int) -> Found:
    rows = _by_id(store, "export-incidents", node_id, timeout_ms)
    quads = [q for row in rows for q in incident_quads(ExportIncident.model_validate(row), mint)]
    # an incident no claim is about any more is not exported, so it does not resolve either
    return (Described(kind="incident", node_id=node_id), quads) if quads else None


def _document(store: GraphStore, node_id: str, mint: Minter, timeout_ms: int) -> Found:
    rows = _by_id(store, "export-documents", node_id, timeout_ms)
    if not rows:
        return None
    quads = list(document_quads(ExportDocument.model_validate(rows[0]), mint))
    claims = run_query(
        store, "claims", {"document": node_id, "limit": MAX_CLAIMS_PER_DOCUMENT}, timeout_ms=timeout_ms
    ).rows
    quads += [q for row in claims for q in claim_quads(ClaimOut.model_validate(row), mint)]
    return Described(kind="document", node_id=node_id), quads


def _claim(store: GraphStore, node_id: str, mint: Minter, timeout_ms: int) -> Found:
    # the claims query filters by document, and a document holds few claims: find the document
    # first, then take the claim's row as the export writes it
    rows = run_query(store, "evidence", {"claim": node_id}, timeout_ms=timeout_ms).rows
    if not rows:
        return None
    document_id = str(rows[0]["document_id"])
    claims = run_query(
        store, "claims", {"document": document_id, "limit": MAX_CLAIMS_PER_DOCUMENT}, timeout_ms=timeout_ms
    ).rows
    quads = [q for row in claims if row["claim_id"] == node_id for q in claim_quads(ClaimOut.model_validate(row), mint)]
    return Described(kind="claim", node_id=node_id, document_id=document_id), quads


_DESCRIBERS = {
    "actor": _actor,
    "claim": _claim,
    "document": _document,
    "incident": _incident,
    "place": _place,
}
