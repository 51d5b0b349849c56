"""One exception hierarchy: every error carries a message and a hint for the user."""

from __future__ import annotations


class AllegraphError(Exception):
    """Base class. `code` is stable and machine-readable; `hint` says what to do next."""

    code = "error"
    status = 500

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple[type[AllegraphError], tuple[str, str | None]]:
        # raised in a worker process, it crosses back with its hint
        return type(self), (self.message, self.hint)


class ConfigError(AllegraphError):
    code = "config_error"
    status = 500


class StoreUnavailable(AllegraphError):
    code = "store_unavailable"
    status = 503


class StoreError(AllegraphError):
    code = "store_error"
    status = 500


class QueryTimeout(AllegraphError):
    code = "query_timeout"
    status = 504


class BadDocument(AllegraphError):
    """A document that cannot be ingested; the batch goes on without it."""

    code = "bad_document"
    status = 422


class BadRequest(AllegraphError):
    code = "bad_request"
    status = 400


class InvalidParameter(BadRequest):
    """A parameter of the wrong type, out of range, unknown or missing."""

    code = "invalid_parameter"
    status = 422


class QueryRejected(BadRequest):
    """The store refused a read query: a syntax error, an unknown function, a type error."""

    code = "query_rejected"
    status = 400


class NotAcceptable(BadRequest):
    """None of the media types the client accepts can be produced."""

    code = "not_acceptable"
    status = 406


class NotFound(AllegraphError):
    code = "not_found"
    status = 404


class Forbidden(AllegraphError):
    code = "forbidden"
    status = 403


class Unauthorized(AllegraphError):
    code = "unauthorized"
    status = 401


class WriteRefused(AllegraphError):
    code = "write_refused"
    status = 403


class StoreBusy(AllegraphError):
    """Every slot for this kind of request is taken; the caller may retry shortly."""

    code = "store_busy"
    status = 429
    retry_after_s = 1


class QueryTooLarge(BadRequest):
    """The store stopped a query that needed more memory than its per-query limit."""

    code = "query_too_large"
    status = 400


class ExportTooLarge(BadRequest):
    """An export format that is built in memory was asked of a graph too large for that."""

    code = "export_too_large"
    status = 422
