"""Fixtures that build real objects: the spaCy pipeline (once per session), embedded stores."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from allegraph.config import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from ingest.pipeline import load_nlp

    return load_nlp()


def _short_home() -> Path:
    # unix socket paths must stay under ~100 bytes, so avoid pytest's deep tmp paths
    return Path(tempfile.mkdtemp(prefix="ag-", dir="/tmp"))


@pytest.fixture
def settings() -> Iterator[Settings]:
    home = _short_home()
    yield Settings(store="embedded", home=home, graph_name="test")
    from graph.falkor import EmbeddedServer

    EmbeddedServer(home).stop()


@pytest.fixture
def store(settings: Settings):  # type: ignore[no-untyped-def]
    from graph.store import open_store

    with open_store(settings) as graph_store:
        yield graph_store


def neo4j_settings() -> Settings | None:
    uri = os.environ.get("NEO4J_URI")
    return Settings.from_env(store=uri, home=_short_home()) if uri else None


DATED_WIRE = ROOT / "tests" / "data" / "wire.jsonl"
NEO4J_SKIP = "NEO4J_URI is not set: Neo4j integration tests skipped (set NEO4J_URI/USER/PASSWORD to run them)"


class Seeded:
    """A store holding the example articles plus one dated wire story, and its settings."""

    def __init__(self, settings: Settings, store) -> None:  # type: ignore[no-untyped-def]
        self.settings = settings
        self.store = store


def _backend_settings(backend: str) -> Settings:
    if backend == "neo4j":
        settings = neo4j_settings()
        if settings is None:
            import warnings

            warnings.warn(NEO4J_SKIP, stacklevel=1)
            pytest.skip(NEO4J_SKIP)
        return settings
    return Settings(store="embedded", home=_short_home(), graph_name="seed")


@pytest.fixture(scope="module", params=["falkordb", "neo4j"])
def seeded(request, nlp) -> Iterator[Seeded]:  # type: ignore[no-untyped-def]
    """The seed graph on each backend; Neo4j only when NEO4J_URI is set (skipped loudly otherwise)."""
    from allegraph.service import ingest_paths
    from graph.falkor import EmbeddedServer
    from graph.store import open_store

    settings = _backend_settings(request.param)
    with open_store(settings) as store:
        if settings.uses_neo4j:
            store.write("MATCH (n) DETACH DELETE n")
        summary = ingest_paths(store, nlp, [str(EXAMPLES), str(DATED_WIRE)], settings)
        assert summary.documents == 6 and not summary.skipped, summary
        yield Seeded(settings, store)
    if not settings.uses_neo4j:
        EmbeddedServer(settings.home).stop()


@pytest.fixture(scope="module")
def api_url(seeded: Seeded) -> Iterator[str]:
    from api.app import create_app
    from tests.api_support import serve

    with serve(create_app(seeded.settings, store=seeded.store)) as url:
        yield url


@pytest.fixture
def client(api_url: str):  # type: ignore[no-untyped-def]
    import httpx

    with httpx.Client(base_url=api_url, timeout=30) as http:
        yield http
