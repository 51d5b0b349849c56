"""The explorer: a single page at `/` with its script, styles and the graph library it ships
(`allegraph/api/static/`, built by `npm ci --prefix web && npm run build --prefix web`). It reads only the
public API, so it holds no data and no Cypher of its own."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
# The page draws everything from its own origin: no CDN, no inline script, nothing framed. The one
# inline style is the rule Cytoscape.js adds to the head ('.__________cytoscape_container
# { position: relative; }'), allowed by its hash.
CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"
CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; script-src 'self'; style-src 'self' {CYTOSCAPE_STYLE}; img-src 'self' data: blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


class _Assets(StaticFiles):
    async def get_response(self, path, scope):  # type: ignore[no-untyped-def]
        response = await super().get_response(path, scope)
        response.headers.update(HEADERS)
        return response


def install_explorer(app: FastAPI) -> None:
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def index() -> FileResponse:
        """The explorer's page."""
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html", headers=HEADERS)

    app.include_router(router)
    app.mount("/explorer", _Assets(directory=STATIC_DIR), name="explorer")
