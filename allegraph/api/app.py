"""The FastAPI application: built once per process around one store and a lazily loaded pipeline."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI

from allegraph import __version__
from allegraph.api.deps import LazyNlp, single_valued_query
from allegraph.api.docs import install_docs
from allegraph.api.errors import install_error_handlers
from allegraph.api.explorer import install_explorer
from allegraph.api.iris import iri_router
from allegraph.api.operations import operation_id
from allegraph.api.queries import query_router
from allegraph.api.rdf import rdf_router
from allegraph.api.resources import resource_router
from allegraph.config import Settings
from allegraph.errors import AllegraphError, ConfigError
from allegraph.graph.store import GraphStore
from allegraph.rdf.terms import Minter

DESCRIPTION = """
Who accused whom of what, who denied it, who condemned and who blamed — extracted from news.

* **Canned queries** (`/queries/…`): the registry in `allegraph/queries/*.cypher`, typed parameters,
  results as `{"query", "columns", "rows"}`.
* **Resources**: `/claims` (cursor pagination), `/actors`, `/actors/{id}`, `/documents/{id}`.
* **Analysts**: `POST /cypher` runs read-only Cypher with a row cap and a timeout.
* **Linked data**: `GET /export?format=ttl|nt|jsonld|trig`; `/actors/{id}` and `/claims` answer in
  Turtle, JSON-LD or N-Triples when the `Accept` header asks for it.
* **Ingest**: `POST /documents`, only with the server's API key.
* **Explorer**: the page at `/` finds actors, draws their network and shows each edge's evidence,
  reading only the endpoints above.

Every error has one shape: `{"error": {"status", "code", "message", "hint", "details"}}`.
"""


def _default_nlp() -> Any:
    from allegraph.ingest.pipeline import load_nlp

    return load_nlp()


def create_app(
    settings: Settings,
    store: GraphStore | None = None,
    nlp: Any = None,
    nlp_factory: Callable[[], Any] = _default_nlp,
) -> FastAPI:
    """`store` and `nlp` may be passed in (tests, embedding); otherwise they are built at startup."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        if owned:
            from allegraph.graph.store import open_store

            app.state.store = open_store(settings)
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="Allegraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by install_docs from packaged assets, not a CDN
        redoc_url=None,
        dependencies=[Depends(single_valued_query)],
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.nlp = LazyNlp(nlp_factory, nlp)
    app.state.mint = _minter(settings)
    install_error_handlers(app)
    install_docs(app)
    app.include_router(resource_router())
    app.include_router(query_router())
    app.include_router(rdf_router())
    app.include_router(iri_router())  # minted IRIs, when the base is this server
    install_explorer(app)
    return app


def _minter(settings: Settings) -> Minter:
    try:
        return Minter(settings.base_iri)
    except AllegraphError as exc:
        raise ConfigError(f"ALLEGRAPH_BASE_IRI: {exc.message}", hint=exc.hint) from exc


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory allegraph.api.app:app_from_env` and for worker processes."""
    return create_app(Settings.from_env())
