"""RDF over HTTP: the whole-graph export and content negotiation for resource views."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from allegraph.api.deps import get_mint, get_settings, get_store
from allegraph.api.errors import ERROR_RESPONSES, ErrorResponse
from allegraph.config import Settings
from allegraph.errors import ExportTooLarge, NotAcceptable
from allegraph.graph.store import GraphStore
from allegraph.rdf.export import RdfFormat, export_total, iter_quads, ntriples_bytes, write_rdf
from allegraph.rdf.mapping import Quad
from allegraph.rdf.terms import Minter

JSON = "application/json"
# Turtle, JSON-LD and TriG are built in memory (about 2 KB per node): past this many nodes the
# server answers 422 and points to N-Triples, which streams in constant memory
MAX_IN_MEMORY_NODES = 100_000
# the last line of a complete N-Triples export: a stream that ends without it was cut short
NT_TRAILER = b"# end of allegraph export\n"
FORMAT_BY_MEDIA_TYPE = {f.media_type: f for f in RdfFormat}
VIEW_MEDIA_TYPES = [JSON, *FORMAT_BY_MEDIA_TYPE]
_TEXT = {"schema": {"type": "string"}}
_JSON_LD = {
    "schema": {"type": "object", "description": "JSON-LD with the context of allegraph/schema/context.jsonld inlined"}
}
RDF_CONTENT = {
    media_type: _JSON_LD if media_type == "application/ld+json" else _TEXT for media_type in FORMAT_BY_MEDIA_TYPE
}
NOT_ACCEPTABLE: dict[int | str, dict[str, Any]] = {
    406: {"model": ErrorResponse, "description": "None of the media types in Accept can be produced"}
}
# Documents the RDF alternatives next to a route's JSON model.
RDF_VIEW_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": RDF_CONTENT},
    **NOT_ACCEPTABLE,
}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The whole graph as RDF",
        "content": RDF_CONTENT,
    },
    **NOT_ACCEPTABLE,
}

Store = Annotated[GraphStore, Depends(get_store)]
Config = Annotated[Settings, Depends(get_settings)]
Mint = Annotated[Minter, Depends(get_mint)]


def negotiate(accept: str | None, offers: Sequence[str]) -> str:
    """The offer the client prefers: highest q, then the most specific matching range, then the
    server's order. With no usable Accept header, the first offer."""
    ranges = _media_ranges(accept or "")
    if not ranges:
        return offers[0]
    best: tuple[float, int, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        main, sub = offer.split("/")
        matches = [(spec, q) for r_main, r_sub, q in ranges if (spec := _specificity(r_main, r_sub, main, sub)) >= 0]
        if not matches:
            continue
        specificity, q = max(matches)
        key = (q, specificity, -index)
        if q > 0 and (best is None or key > best):
            best, chosen = key, offer
    if chosen is None:
        raise NotAcceptable(f"cannot produce any of: {accept}", hint=f"accepted media types: {', '.join(offers)}")
    return chosen


def _specificity(r_main: str, r_sub: str, main: str, sub: str) -> int:
    if r_main == "*" and r_sub == "*":
        return 0
    if r_main == main and r_sub == "*":
        return 1
    if r_main == main and r_sub == sub:
        return 2
    return -1


def _media_ranges(accept: str) -> list[tuple[str, str, float]]:
    ranges = []
    for part in accept.split(","):
        media_range, *params = (piece.strip() for piece in part.split(";"))
        main, slash, sub = media_range.lower().partition("/")
        if not slash or not main or not sub:
            continue  # tolerate junk the way browsers and proxies expect
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((main, sub, q))
    return ranges


def view_format(request: Request) -> RdfFormat | None:
    """The RDF format a resource view should answer in, or None for its JSON."""
    chosen = negotiate(request.headers.get("accept"), VIEW_MEDIA_TYPES)
    return FORMAT_BY_MEDIA_TYPE.get(chosen)


def rdf_response(
    quads: Iterable[Quad], fmt: RdfFormat, mint: Minter, headers: dict[str, str] | None = None
) -> Response:
    buffer = io.BytesIO()
    write_rdf(quads, buffer, fmt, mint)
    return Response(buffer.getvalue(), media_type=fmt.media_type, headers={"Vary": "Accept"} | (headers or {}))


def rdf_router() -> APIRouter:
    router = APIRouter(responses=ERROR_RESPONSES)

    @router.get(
        "/export",
        tags=["rdf"],
        response_class=Response,
        responses=EXPORT_RESPONSES,
    )
    def export_graph(
        request: Request,
        store: Store,
        settings: Config,
        mint: Mint,
        format: Annotated[  # noqa: A002 - the public parameter name
            RdfFormat | None, Query(description="ttl, nt, jsonld or trig; without it, the Accept header decides")
        ] = None,
    ) -> Response:
        """The whole graph as RDF on the Allegraph vocabulary (`allegraph/schema/allegraph.ttl`), IRIs under the
        server's ALLEGRAPH_BASE_IRI. N-Triples is streamed and ends with the comment line
        `# end of allegraph export` (a stream without it was cut short); the other formats are built
        first, for graphs of up to 100,000 nodes (422 past that). TriG puts each document's claims in
        a named graph."""
        if format is None:
            format = FORMAT_BY_MEDIA_TYPE[negotiate(request.headers.get("accept"), list(FORMAT_BY_MEDIA_TYPE))]
        if format is not RdfFormat.nt:
            nodes = export_total(store)
            if nodes > MAX_IN_MEMORY_NODES:
                raise ExportTooLarge(
                    f"the graph has {nodes:,} nodes; {format.value} is built in memory, and only up to "
                    f"{MAX_IN_MEMORY_NODES:,}",
                    hint="ask for format=nt, which streams",
                )
            return rdf_response(iter_quads(store, mint, timeout_ms=settings.query_timeout_ms), format, mint)
        chunks = ntriples_bytes(iter_quads(store, mint, timeout_ms=settings.query_timeout_ms))
        first = next(chunks, b"")  # a store failure before the first byte still gets a JSON error
        # a failure after it aborts the stream without its last chunk (and without the trailer),
        # which HTTP clients report as an incomplete body
        return StreamingResponse(chain([first], chunks, [NT_TRAILER]), media_type=format.media_type)

    return router
