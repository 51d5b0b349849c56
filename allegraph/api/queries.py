"""Routes for the canned-query registry: one typed GET and POST per query file, so /docs and
the OpenAPI document show each query's real parameters and columns."""

from __future__ import annotations

import inspect
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, WithJsonSchema, create_model

from allegraph.api.deps import ISO_DATE, get_settings, get_store
from allegraph.api.errors import ERROR_RESPONSES
from allegraph.config import Settings
from allegraph.errors import NotFound
from allegraph.graph.store import GraphStore
from allegraph.queries import MAX_INTEGER, MAX_TEXT, CannedQuery, QueryInfo, QueryParam, minimum, registry
from allegraph.querying import QueryResponse, run_query


class ClaimCounts(BaseModel):
    """Claims by kind (a `counts` column)."""

    accuse: int
    deny: int
    condemn: int
    blame: int


COLUMN_TYPES: dict[str, Any] = {
    "string": str,
    "integer": int,
    "float": float,
    "boolean": bool,
    "date": Annotated[str, WithJsonSchema({"type": "string", "format": "date"})],
    "list": list[Any],
    "map": dict[str, Any],
    "counts": ClaimCounts,
}


def _column_type(type_: str, choices: list[str] | None) -> Any:
    """The row field's type from the column's declaration: `list of T` nests, `one of` is an enum."""
    if type_.startswith("list of "):
        # items may be null too (a chain's missing charge)
        return list[_column_type(type_.removeprefix("list of "), choices) | None]  # type: ignore[misc]
    if choices:
        return Literal[tuple(choices)]  # type: ignore[valid-type]
    return COLUMN_TYPES[type_]


class QueryList(BaseModel):
    queries: list[QueryInfo]


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("_", "-").split("-"))


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")
    return value


# JSON bodies: true is not 1, but 375.0 is an integer (as JSON Schema has it)
JSON_TYPES: dict[str, Any] = {"integer": int, "float": float, "boolean": StrictBool}
QUERY_STRING_TYPES: dict[str, Any] = {"integer": int, "float": float, "boolean": bool}


def _param_type(param: QueryParam, types: dict[str, Any]) -> Any:
    if param.choices:
        return Literal[tuple(param.choices)]  # type: ignore[valid-type]
    return types.get(param.type, str)


def _constraints(param: QueryParam) -> dict[str, Any]:
    if param.type == "integer":
        return {"ge": minimum(param), "le": MAX_INTEGER}
    if param.type == "date":  # a string, so that pydantic's lax mode cannot read 0 as 1970-01-01
        return {"pattern": ISO_DATE, "json_schema_extra": {"format": "date"}}
    if param.type in ("string", "actor", "place"):
        return {"max_length": MAX_TEXT, "min_length": 1 if param.required else 0}
    return {}


def _description(param: QueryParam) -> str:
    what = {"actor": "Actor name, alias or id (case-insensitive)", "place": "Place or country name, or id"}
    return what.get(param.type, param.type)


def _field(param: QueryParam, annotation: Any) -> tuple[Any, Any]:
    """(annotation, default): a required parameter has no default; an optional one may be null."""
    if param.required:
        return annotation, ...
    return annotation | None, param.default


def _query_params(query: CannedQuery) -> list[inspect.Parameter]:
    params = []
    for p in query.params:
        annotation, default = _field(p, _param_type(p, QUERY_STRING_TYPES))
        field = Query(default, description=_description(p), examples=[p.example], **_constraints(p))
        params.append(inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=field, annotation=annotation))
    return params


def _body_model(query: CannedQuery) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for p in query.params:
        # constraints before the validator, or they do not reach the JSON schema
        typed: Any = Annotated[_param_type(p, JSON_TYPES), Field(**_constraints(p))]  # type: ignore[valid-type]
        if p.type in ("integer", "float"):
            typed = Annotated[typed, BeforeValidator(_not_bool)]
        annotation, default = _field(p, typed)
        fields[p.name] = (annotation, Field(default, description=_description(p), examples=[p.example]))
    return create_model(f"{_camel(query.name)}Params", __config__=ConfigDict(extra="forbid"), **fields)


def _response_model(query: CannedQuery) -> type[BaseModel]:
    # every column is in every row (required), and any may be null
    row_fields: dict[str, Any] = {c.name: (_column_type(c.type, c.choices) | None, ...) for c in query.columns}
    row = create_model(f"{_camel(query.name)}Row", **row_fields)
    result_fields: dict[str, Any] = {
        "query": (Literal[query.name], ...),
        "columns": (list[str], ...),
        "rows": (list[row], ...),  # type: ignore[valid-type]
    }
    return create_model(f"{_camel(query.name)}Result", **result_fields)


def _add_routes(router: APIRouter, query: CannedQuery) -> None:
    response_model = _response_model(query)
    body_model = _body_model(query)
    common: dict[str, Any] = {
        "response_model": response_model,
        "responses": ERROR_RESPONSES,
        "summary": query.title,
        "description": query.description,
        "tags": ["canned queries"],
    }

    # FastAPI reads the typed parameters from __signature__, set below
    declared = {p.name for p in query.params}

    def run_get(request: Request, store: GraphStore, settings: Settings, **params: Any) -> QueryResponse:
        # FastAPI drops undeclared query-string names; hand them on so the registry refuses them,
        # as it does for the POST body: a typo must not silently widen the answer
        unknown = {k: v for k, v in request.query_params.items() if k not in declared}
        return run_query(store, query.name, params | unknown, timeout_ms=settings.query_timeout_ms)

    run_get.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
            inspect.Parameter("store", inspect.Parameter.KEYWORD_ONLY, default=Depends(get_store)),
            inspect.Parameter("settings", inspect.Parameter.KEYWORD_ONLY, default=Depends(get_settings)),
            *_query_params(query),
        ]
    )

    body_default = ... if any(p.required for p in query.params) else None

    def run_post(body: Any, store: GraphStore, settings: Settings) -> QueryResponse:
        values = body.model_dump() if body is not None else {}
        return run_query(store, query.name, values, timeout_ms=settings.query_timeout_ms)

    run_post.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                "body",
                inspect.Parameter.KEYWORD_ONLY,
                default=Body(default=body_default),
                annotation=body_model if body_default is ... else body_model | None,
            ),
            inspect.Parameter("store", inspect.Parameter.KEYWORD_ONLY, default=Depends(get_store)),
            inspect.Parameter("settings", inspect.Parameter.KEYWORD_ONLY, default=Depends(get_settings)),
        ]
    )
    slug = query.name.replace("-", "_")
    # `query_claims`, not `get_claims`: that would read as the /claims resource
    router.add_api_route(f"/queries/{query.name}", run_get, methods=["GET"], operation_id=f"query_{slug}", **common)
    router.add_api_route(
        f"/queries/{query.name}", run_post, methods=["POST"], operation_id=f"query_{slug}_post", **common
    )


def query_router() -> APIRouter:
    router = APIRouter()

    @router.get("/queries", response_model=QueryList, tags=["canned queries"], summary="The query registry")
    def list_queries() -> QueryList:
        """Every canned query with its parameters (type, default, example, allowed values) and result columns."""
        return QueryList(queries=[QueryInfo.model_validate(q.model_dump()) for q in registry().values()])

    for query in registry().values():
        _add_routes(router, query)

    @router.api_route("/queries/{name}", methods=["GET", "POST"], responses=ERROR_RESPONSES, include_in_schema=False)
    def unknown_query(name: str, request: Request) -> None:
        raise NotFound(f"no canned query named {name!r}", hint="GET /queries lists them")

    return router
