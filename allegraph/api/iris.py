"""Minted IRIs resolve: with ALLEGRAPH_BASE_IRI set to the server's own URL, `{base}{kind}/{id}`
is a path of this server, and each answers with content negotiation — Turtle (the default),
JSON-LD, N-Triples or TriG describe the resource as the export does; a browser (text/html) is
sent to the explorer's page for it, and application/json to the API's JSON for it (303 See
Other, as for any IRI that names a thing rather than a document)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import RedirectResponse

from allegraph.api.deps import get_mint, get_settings, get_store
from allegraph.api.errors import ERROR_RESPONSES
from allegraph.api.rdf import FORMAT_BY_MEDIA_TYPE, JSON, NOT_ACCEPTABLE, RDF_CONTENT, negotiate, rdf_response
from allegraph.config import Settings
from allegraph.errors import NotFound
from allegraph.graph.store import GraphStore
from allegraph.rdf.describe import Described, describe
from allegraph.rdf.terms import KINDS, Minter

# module-level aliases: the annotations are strings (future import), resolved in this namespace
Local = Annotated[str, Path(description="The node id without its kind prefix, as in the IRI")]
Store = Annotated[GraphStore, Depends(get_store)]
Config = Annotated[Settings, Depends(get_settings)]
Mint = Annotated[Minter, Depends(get_mint)]
HTML = "text/html"
RDF_FIRST = ["text/turtle", "application/ld+json", "application/n-triples", "application/trig"]
IRI_RESPONSES = {
    200: {"description": "The resource's statements, as in the export", "content": RDF_CONTENT},
    303: {"description": "text/html: the explorer's page for it; application/json: the API's JSON for it"},
    **NOT_ACCEPTABLE,
}


def _explorer(what: Described) -> str | None:
    """The explorer's URL for a resource (ids keep their colons, as the explorer writes them)."""

    def ident(value: str) -> str:
        return quote(value, safe=":")

    if what.kind == "actor":
        return f"/#/profile/{ident(what.node_id)}"
    if what.kind == "document":
        return f"/#/document/{ident(what.node_id)}"
    if what.kind == "claim" and what.document_id:
        return f"/#/document/{ident(what.document_id)}?{urlencode({'claim': what.node_id})}"
    if what.kind == "place":
        return f"/#/place/{ident(what.node_id)}"
    return None  # incidents have no page of their own


def _json(what: Described) -> str:
    node = quote(what.node_id, safe=":")
    return {
        "actor": f"/actors/{node}",
        "document": f"/documents/{node}",
        "claim": f"/queries/evidence?{urlencode({'claim': what.node_id})}",
        "incident": f"/queries/export-incidents?{urlencode({'id': what.node_id})}",
        "place": f"/queries/export-places?{urlencode({'id': what.node_id})}",
    }[what.kind]


def iri_router() -> APIRouter:
    router = APIRouter(responses=ERROR_RESPONSES, tags=["linked data"])
    for kind in KINDS:
        router.add_api_route(
            f"/{kind}/{{local:path}}",
            _resolver(kind),
            methods=["GET"],
            response_class=Response,
            responses=IRI_RESPONSES,  # type: ignore[arg-type]
            operation_id=f"resolve_{kind}_iri",
            summary=f"Resolve a minted {kind} IRI",
        )
    return router


def _resolver(kind: str):  # type: ignore[no-untyped-def]
    def resolve(
        request: Request,
        local: Local,
        store: Store,
        settings: Config,
        mint: Mint,
    ) -> Response:
        found = describe(store, kind, local, mint, timeout_ms=settings.query_timeout_ms)
        if found is None:
            raise NotFound(f"no {kind} {local!r} in the graph", hint=f"IRIs are {mint.base}{kind}/ID")
        what, quads = found
        page = _explorer(what)
        offers = [*RDF_FIRST, *([HTML] if page else []), JSON]
        chosen = negotiate(request.headers.get("accept"), offers)
        if chosen == HTML and page is not None:
            return RedirectResponse(page, status_code=303, headers={"Vary": "Accept"})
        if chosen == JSON:
            return RedirectResponse(_json(what), status_code=303, headers={"Vary": "Accept"})
        return rdf_response(quads, FORMAT_BY_MEDIA_TYPE[chosen], mint)

    resolve.__doc__ = (
        f"A minted {kind} IRI (`{{base}}{kind}/ID`, with the base set to this server): its statements as in the "
        "export in Turtle (default), JSON-LD, N-Triples or TriG; `text/html` and `application/json` are sent on "
        "(303) to the explorer and to the API's JSON for it."
    )
    return resolve
