"""Resource routes: health, claims, actors, documents, analysts' Cypher, and authenticated ingest."""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from allegraph import EXTRACTOR_VERSION, __version__
from allegraph.api.deps import ISO_DATE, get_cypher_slots, get_mint, get_nlp, get_settings, get_store
from allegraph.api.errors import ERROR_RESPONSES, ErrorResponse
from allegraph.api.rdf import RDF_VIEW_RESPONSES, rdf_response, view_format
from allegraph.config import Settings
from allegraph.errors import Forbidden, InvalidParameter, Unauthorized
from allegraph.graph.readonly import MAX_QUERY_CHARS, check_read_only
from allegraph.graph.store import GraphStore
from allegraph.ingest.loaders import Record, record_document
from allegraph.models import IngestSummary
from allegraph.queries import MAX_TEXT
from allegraph.querying import (
    ActorProfile,
    ActorSummary,
    ClaimPage,
    DocumentDetail,
    QueryResponse,
    actor_profile,
    document_detail,
    find_actors,
    list_claims,
    run_cypher,
)
from allegraph.rdf.export import actor_description
from allegraph.rdf.mapping import claim_quads
from allegraph.rdf.terms import Minter
from allegraph.service import ingest_documents
from allegraph.slots import Slots

MAX_DOCUMENTS_PER_REQUEST = 100
CYPHER_SLOT_WAIT_S = 1.0
PARAM_NAME = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"

Store = Annotated[GraphStore, Depends(get_store)]
Config = Annotated[Settings, Depends(get_settings)]
Mint = Annotated[Minter, Depends(get_mint)]
IsoDateFilter = Annotated[
    str | None, Query(pattern=ISO_DATE, json_schema_extra={"format": "date"}, description="YYYY-MM-DD")
]
ActorFilter = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="Name, alias or id; also matches who speaks for it")
]


class Health(BaseModel):
    status: Literal["ok"]
    store: str
    version: str
    extractor: str


class ActorList(BaseModel):
    actors: list[ActorSummary]


class CypherRequest(BaseModel):
    query: str = Field(
        min_length=1,
        max_length=MAX_QUERY_CHARS,
        pattern=r"\S",
        examples=["MATCH (a:Actor)-[:ACCUSES]->(b:Actor) RETURN a.name, b.name"],
    )
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters, referenced as $name")


class IngestRequest(BaseModel):
    documents: list[Record] = Field(min_length=1, max_length=MAX_DOCUMENTS_PER_REQUEST)


def resource_router() -> APIRouter:
    router = APIRouter(responses=ERROR_RESPONSES)

    @router.get("/health", response_model=Health, tags=["service"])
    def health(store: Store, settings: Config) -> Health:
        """The store answers a query within ALLEGRAPH_HEALTH_TIMEOUT_MS (503 otherwise, also when
        every store thread is busy); the versions of the service and of the extractor that wrote the graph."""
        store.probe(settings.health_timeout_ms)
        return Health(status="ok", store=store.name, version=__version__, extractor=EXTRACTOR_VERSION)

    @router.get("/claims", response_model=ClaimPage, tags=["resources"], responses=RDF_VIEW_RESPONSES)
    def claims(
        request: Request,
        store: Store,
        settings: Config,
        mint: Mint,
        speaker: ActorFilter = None,
        target: ActorFilter = None,
        kind: Literal["accuse", "deny", "condemn", "blame"] | None = None,
        since: IsoDateFilter = None,
        until: IsoDateFilter = None,
        document: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
        after: Annotated[str | None, Query(max_length=MAX_TEXT, description="next_cursor of the previous page")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> ClaimPage | Response:
        """Claims in a stable order (by id), a page at a time: pass `next_cursor` back as `after`.
        With `Accept: text/turtle` (or JSON-LD, N-Triples, TriG) the page comes as RDF, the next
        page in a `Link: <…>; rel="next"` header."""
        fmt = view_format(request)
        filters = {
            "speaker": speaker,
            "target": target,
            "kind": kind,
            "since": since,
            "until": until,
            "document": document,
        }
        page = list_claims(store, filters, after=after, limit=limit, timeout_ms=settings.query_timeout_ms)
        if fmt is None:
            return page
        quads = (quad for claim in page.claims for quad in claim_quads(claim, mint, labels=True))
        headers = {}
        if page.next_cursor is not None:
            headers["Link"] = f'<{request.url.include_query_params(after=page.next_cursor)}>; rel="next"'
        return rdf_response(quads, fmt, mint, headers)

    @router.get("/actors", response_model=ActorList, tags=["resources"])
    def actors(
        store: Store,
        settings: Config,
        search: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of a name or alias")] = None,
        type: Literal["State", "Organization", "Person"] | None = None,  # noqa: A002 - the public parameter name
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    ) -> ActorList:
        """Actors whose name or alias contains `search`, most active first."""
        return ActorList(actors=find_actors(store, search, type, limit, timeout_ms=settings.query_timeout_ms))

    @router.get("/actors/{actor_id}", response_model=ActorProfile, tags=["resources"], responses=RDF_VIEW_RESPONSES)
    def actor(
        request: Request,
        store: Store,
        settings: Config,
        mint: Mint,
        actor_id: Annotated[str, Path(max_length=MAX_TEXT)],
    ) -> ActorProfile | Response:
        """One actor's profile, by id (or by name or alias). With `Accept: text/turtle` (or JSON-LD,
        N-Triples, TriG), the actor's RDF description: types, names, whom it speaks for, and its
        direct accuses / denies / condemns / blames statements."""
        fmt = view_format(request)
        profile = actor_profile(store, actor_id, timeout_ms=settings.query_timeout_ms)
        if fmt is None:
            return profile
        return rdf_response(actor_description(store, profile.id, mint, timeout_ms=settings.query_timeout_ms), fmt, mint)

    @router.get("/documents/{document_id:path}", response_model=DocumentDetail, tags=["resources"])
    def document(
        store: Store, settings: Config, document_id: Annotated[str, Path(max_length=MAX_TEXT)]
    ) -> DocumentDetail:
        """A source document's metadata and its claims in reading order."""
        return document_detail(store, document_id, timeout_ms=settings.query_timeout_ms)

    @router.post("/cypher", response_model=QueryResponse, tags=["analysts"])
    def cypher(
        request: CypherRequest,
        response: Response,
        store: Store,
        settings: Config,
        slots: Annotated[Slots, Depends(get_cypher_slots)],
    ) -> QueryResponse:
        """Run read-only Cypher. Writes are refused by the store itself (FalkorDB GRAPH.RO_QUERY, Neo4j READ
        sessions); LOAD CSV, CALL … IN TRANSACTIONS and non-allowlisted procedures are refused up front.
        At most ALLEGRAPH_CYPHER_ROW_CAP rows come back, cut by the store itself (header
        `X-Allegraph-Truncated: true` when cut); each query runs at most ALLEGRAPH_CYPHER_TIMEOUT_MS and
        within the store's per-query memory limit. Expressions may nest at most 10 levels and a query
        have at most 4,000 tokens (400 past either). Fewer ad-hoc queries run at once than the store has
        threads (429 with Retry-After past that)."""
        bad = [name for name in request.params if not _is_identifier(name)]
        if bad:
            raise InvalidParameter(f"invalid parameter name(s): {', '.join(map(repr, bad[:5]))}")
        check_read_only(request.query, request.params)  # before taking a slot: refusals cost the store nothing
        with slots.hold(wait_s=CYPHER_SLOT_WAIT_S):
            result, truncated = run_cypher(
                store,
                request.query,
                request.params,
                timeout_ms=settings.cypher_timeout_ms,
                row_cap=settings.cypher_row_cap,
            )
        response.headers["X-Allegraph-Truncated"] = "true" if truncated else "false"
        return result

    keyed = APIRouter(route_class=KeyedRoute, responses=ERROR_RESPONSES)

    @keyed.post(
        "/documents",
        response_model=IngestSummary,
        tags=["ingest"],
        dependencies=[Depends(require_api_key)],  # solved before the body and before the model loads
        responses={
            401: {"model": ErrorResponse, "description": "Missing or wrong API key"},
            403: {"model": ErrorResponse, "description": "Ingestion over the API is disabled"},
        },
    )
    def ingest(
        request: IngestRequest, store: Store, settings: Config, nlp: Annotated[Any, Depends(get_nlp)]
    ) -> IngestSummary:
        """Ingest documents through the same pipeline as `allegraph ingest`. Needs the server's
        ALLEGRAPH_API_KEY as `X-API-Key` or `Authorization: Bearer …`; disabled when none is set."""
        items = [
            record_document(f"request[{n}]", record.model_dump(), settings.max_document_bytes)
            for n, record in enumerate(request.documents)
        ]
        return ingest_documents(store, nlp, items)

    router.include_router(keyed)
    return router


class KeyedRoute(APIRoute):
    """Authenticates before FastAPI reads the body: without the key, a garbage body gets 401
    (or 403), never a 422 that describes what the endpoint expects."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def keyed(request: Request) -> Response:
            headers = request.headers
            authenticate(request.app.state.settings, headers.get("x-api-key"), headers.get("authorization"))
            return await handler(request)

        return keyed


def _is_identifier(name: str) -> bool:
    return re.fullmatch(PARAM_NAME, name) is not None


def require_api_key(
    settings: Config,
    x_api_key: Annotated[str | None, Header(description="The server's ALLEGRAPH_API_KEY")] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Writes need a key; with no key configured the write endpoints are disabled altogether.
    (KeyedRoute has checked already; this declares the headers in the OpenAPI document.)"""
    authenticate(settings, x_api_key, authorization)


def authenticate(settings: Settings, x_api_key: str | None, authorization: str | None) -> None:
    if settings.api_key is None:
        raise Forbidden("ingestion over the API is disabled", hint="start the server with ALLEGRAPH_API_KEY set")
    given = x_api_key
    if given is None and authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if given is None or not hmac.compare_digest(given.encode(), settings.api_key.encode()):
        raise Unauthorized("a valid API key is required", hint="send it as X-API-Key or Authorization: Bearer …")
