"""One JSON error shape for every failure, and the handlers that produce it.

    {"error": {"status": 422, "code": "invalid_parameter", "message": "...", "hint": "..."}}

Unexpected exceptions are logged with their traceback and answered with a bare 500: no stack
trace, exception text or Cypher ever reaches the client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from allegraph.errors import AllegraphError

log = logging.getLogger("allegraph.api")

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    429: "store_busy",
    415: "unsupported_media_type",
    422: "invalid_request",
}


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated for clients that only keep the body")
    code: str = Field(description="Stable machine-readable code, e.g. invalid_parameter, not_found, write_refused")
    message: str
    hint: str | None = None
    details: list[str] = Field(default_factory=list, description="One line per invalid field, when there are several")


class ErrorResponse(BaseModel):
    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in {
        400: "Bad request (e.g. Cypher the store rejects)",
        404: "Not found",
        422: "Invalid parameters or body",
        429: "Too many ad-hoc queries at once (Retry-After says when to retry)",
        500: "Internal error",
        503: "Store unavailable",
        504: "Query timed out",
    }.items()
}


def error_response(
    status: int,
    code: str,
    message: str,
    hint: str | None = None,
    details: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(error=ErrorDetail(status=status, code=code, message=message, hint=hint, details=details or []))
    extra = {"WWW-Authenticate": 'Bearer realm="allegraph"'} if status == 401 else {}
    return JSONResponse(body.model_dump(), status_code=status, headers=(headers or {}) | extra)


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]  # the location, not part of the field's name
    return ".".join(parts) or "body"


async def _allegraph_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AllegraphError)
    if exc.status >= 500:
        log.warning("%s: %s", exc.code, exc.message)
    retry_after = getattr(exc, "retry_after_s", None)
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    return error_response(exc.status, exc.code, exc.message, exc.hint, headers=headers)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [f"{_field(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
    message = details[0] if len(details) == 1 else f"{len(details)} invalid fields: {details[0]}; …"
    return error_response(422, "invalid_request", message, "see GET /openapi.json or /docs for the shapes", details)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = HTTP_CODES.get(exc.status_code, "http_error")
    hint = "the API is described at /docs" if exc.status_code in (404, 405) else None
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return error_response(exc.status_code, code, str(exc.detail), hint, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves on this path; Starlette's own 405 names only the first route's."""
    return [
        method
        for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
        if any(route.matches({**request.scope, "method": method})[0] == Match.FULL for route in request.app.routes)
    ]


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "internal error", "the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AllegraphError, _allegraph_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
