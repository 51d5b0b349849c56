"""Typed read operations the CLI and the API share. Every query comes from the registry in
`allegraph/queries/`, except analysts' own read-only Cypher (`run_cypher`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from allegraph.errors import NotFound, QueryRejected, StoreError
from allegraph.graph.readonly import check_read_only
from allegraph.graph.store import GraphStore
from allegraph.models import ActorType, ClaimKind, Modality, PersonRole
from allegraph.queries import get_query

MAX_PAGE = 1000


class QueryResponse(BaseModel):
    """The one shape of every query result, canned or ad hoc."""

    query: str = Field(description="The canned query's name, or 'cypher' for ad-hoc Cypher")
    columns: list[str]
    rows: list[dict[str, Any]]


class ClaimOut(BaseModel):
    claim_id: str
    kind: ClaimKind
    speaker: str | None = None
    speaker_id: str
    speaker_type: ActorType | None = None
    target: str | None = None
    target_id: str | None = None
    target_type: ActorType | None = None
    charge: str | None = None
    evidence: str
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    date: str | None = None
    modality: Modality | None = None
    confidence: float | None = None
    document: str | None = None
    document_id: str
    url: str | None = None
    in_headline: bool | None = None
    responds_to: list[str] = Field(default_factory=list, description="Ids of the claims this one answers")
    incidents: list[str] = Field(default_factory=list, description="Ids of the incidents the claim is about")


class ClaimPage(BaseModel):
    claims: list[ClaimOut]
    next_cursor: str | None = Field(description="Pass as `after` to get the next page; null on the last page")


class ActorSummary(BaseModel):
    id: str
    name: str
    type: ActorType | None = None
    role: PersonRole | None = None
    title: str | None = None
    represents: str | None = None
    claims_made: int
    claims_received: int


class ActorProfile(BaseModel):
    id: str
    name: str | None
    type: ActorType | None = None
    labels: list[str]
    role: PersonRole | None = None
    title: str | None = None
    represents: str | None = None
    speaks_for: list[str] = Field(description="Organisation and state chain, nearest first")
    made: dict[str, int] = Field(description="Claims made, by kind")
    received: dict[str, int] = Field(description="Claims received, by kind")
    documents: int


class DocumentDetail(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    path: str | None = None
    length: int | None = None
    extractor: str | None = None
    claims: list[ClaimOut]


def run_query(store: GraphStore, name: str, params: dict[str, Any], *, timeout_ms: int) -> QueryResponse:
    query = get_query(name)
    bound = query.bind(params)
    try:
        result = store.read(query.cypher, bound, timeout_ms=timeout_ms)
    except QueryRejected as exc:  # our own Cypher failing is a server fault, not the caller's
        raise StoreError(f"canned query {name} failed: {exc.message}") from exc
    return QueryResponse(query=name, columns=result.columns, rows=result.rows)


def run_cypher(
    store: GraphStore, cypher: str, params: dict[str, Any], *, timeout_ms: int, row_cap: int
) -> tuple[QueryResponse, bool]:
    """Analysts' Cypher: read-only, capped, timed. Returns the response and whether it was truncated."""
    check_read_only(cypher, params)
    result = store.read(cypher, params, timeout_ms=timeout_ms, row_cap=row_cap)
    return QueryResponse(query="cypher", columns=result.columns, rows=result.rows), result.truncated


def list_claims(
    store: GraphStore, filters: dict[str, Any], *, after: str | None, limit: int, timeout_ms: int
) -> ClaimPage:
    """Keyset pagination on claim id: pages stay stable while new documents arrive."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = run_query(store, "claims", {**filters, "after": after, "limit": limit + 1}, timeout_ms=timeout_ms).rows
    claims = [ClaimOut.model_validate(row) for row in rows[:limit]]
    return ClaimPage(claims=claims, next_cursor=claims[-1].claim_id if len(rows) > limit else None)


def find_actors(
    store: GraphStore, search: str | None, actor_type: str | None, limit: int, *, timeout_ms: int
) -> list[ActorSummary]:
    params = {"search": search, "type": actor_type, "limit": limit}
    rows = run_query(store, "actor-search", params, timeout_ms=timeout_ms).rows
    return [ActorSummary.model_validate(row) for row in rows]


def actor_profile(store: GraphStore, actor: str, *, timeout_ms: int) -> ActorProfile:
    rows = run_query(store, "actor-profile", {"actor": actor}, timeout_ms=timeout_ms).rows
    if not rows:
        raise NotFound(
            f"no actor {actor!r}", hint="find ids with GET /actors?search=… or 'allegraph query actor-search'"
        )
    return ActorProfile.model_validate(rows[0])


def document_detail(store: GraphStore, document_id: str, *, timeout_ms: int) -> DocumentDetail:
    rows = run_query(store, "document", {"document": document_id}, timeout_ms=timeout_ms).rows
    if not rows:
        raise NotFound(f"no document {document_id!r}", hint="document ids appear in every claim row")
    claims = run_query(store, "claims", {"document": document_id, "limit": 100_000}, timeout_ms=timeout_ms).rows
    claims.sort(key=lambda c: (c["start"] if c["start"] is not None else -1, c["claim_id"]))
    return DocumentDetail.model_validate(rows[0] | {"claims": claims})
