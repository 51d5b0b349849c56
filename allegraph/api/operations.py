"""OpenAPI operation ids: a verb and the thing, unique, and stable enough for generated clients.

FastAPI's default joins the function name, the path and the method (`claims_claims_get`); routes
that set no id of their own get one from here: the names below for the resource routes, else
the function's name. The canned queries set theirs (`query_<name>`, `query_<name>_post`)."""

from __future__ import annotations

from fastapi.routing import APIRoute

RESOURCE_IDS: dict[tuple[str, str], str] = {
    ("GET", "/health"): "get_health",
    ("GET", "/claims"): "list_claims",
    ("GET", "/actors"): "search_actors",
    ("GET", "/actors/{actor_id}"): "get_actor",
    ("GET", "/documents/{document_id}"): "get_document",
    ("POST", "/documents"): "ingest_documents",
    ("POST", "/cypher"): "run_cypher",
    ("GET", "/queries"): "list_queries",
    ("GET", "/export"): "export_graph",
}


def operation_id(route: APIRoute) -> str:
    # FastAPI shows a `{name:path}` parameter as `{name}` in the document
    path = route.path_format.replace(":path}", "}")
    for method in sorted(route.methods or ()):
        if (method, path) in RESOURCE_IDS:
            return RESOURCE_IDS[(method, path)]
    return route.name
