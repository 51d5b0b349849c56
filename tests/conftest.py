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

# The suite wipes the Neo4j database it tests against, so it only ever talks to one that is
# marked as disposable by a variable of its own. The user's own NEO4J_URI / ALLEGRAPH_STORE are
# dropped for the whole session (CLI tests and child processes read the environment too), and
# the connection details of the test database take the place of NEO4J_USER/PASSWORD/DATABASE.
TEST_NEO4J_URI = os.environ.get("ALLEGRAPH_TEST_NEO4J_URI") or None
for _name in ("NEO4J_URI", "ALLEGRAPH_STORE", "NEO4J_DATABASE"):
    os.environ.pop(_name, None)
for _name in ("USER", "PASSWORD", "DATABASE"):
    if os.environ.get(f"ALLEGRAPH_TEST_NEO4J_{_name}"):
        os.environ[f"NEO4J_{_name}"] = os.environ[f"ALLEGRAPH_TEST_NEO4J_{_name}"]


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from allegraph.ingest.pipeline import load_nlp

    return load_nlp()


def _short_home() -> Path:
    # unix socket paths must stay under ~100 bytes, so avoid pytest's deep tmp paths
    return Path(tempfile.mkdtemp(prefix="ag-", dir="/tmp"))


@pytest.fixture
def settings() -> Iterator[Settings]:
    home = _short_home()
    yield Settings(store="embedded", home=home, graph_name="test")
    from allegraph.graph.falkor import EmbeddedServer

    EmbeddedServer(home).stop()


@pytest.fixture
def store(settings: Settings):  # type: ignore[no-untyped-def]
    from allegraph.graph.store import open_store

    with open_store(settings) as graph_store:
        yield graph_store


def neo4j_settings() -> Settings | None:
    """The disposable test database, or None when ALLEGRAPH_TEST_NEO4J_URI is not set."""
    return Settings.from_env(store=TEST_NEO4J_URI, home=_short_home()) if TEST_NEO4J_URI else None


def wipe_test_database(store) -> None:  # type: ignore[no-untyped-def]
    """Empty the test database, refusing one that holds anything Allegraph did not write."""
    from allegraph.graph.store import foreign_nodes

    foreign = foreign_nodes(store)
    if foreign:
        pytest.fail(
            f"refusing to wipe {TEST_NEO4J_URI}: it holds {foreign} node(s) Allegraph did not write; "
            "point ALLEGRAPH_TEST_NEO4J_URI at a database the tests may empty",
            pytrace=False,
        )
    store.write("MATCH (n) DETACH DELETE n")


def neo4j_or_skip() -> Settings:
    settings = neo4j_settings()
    if settings is None:
        import warnings

        warnings.warn(NEO4J_SKIP, stacklevel=2)
        pytest.skip(NEO4J_SKIP)
    return settings


def wipe(store) -> None:  # type: ignore[no-untyped-def]
    """Empty a test graph (the Neo4j one only after checking it holds nothing foreign)."""
    if store.name == "neo4j":
        wipe_test_database(store)
    else:
        store.write("MATCH (n) DETACH DELETE n")


@pytest.fixture(scope="module")
def falkor_home() -> Iterator[Path]:
    """One embedded server per test module; each `empty` graph is a new graph on it."""
    from allegraph.graph.falkor import EmbeddedServer

    home = _short_home()
    yield home
    EmbeddedServer(home).stop()


@pytest.fixture(params=["falkordb", "neo4j"])
def empty(request: pytest.FixtureRequest, falkor_home: Path):  # type: ignore[no-untyped-def]
    """An empty graph on each backend (Neo4j only with ALLEGRAPH_TEST_NEO4J_URI, skipped loudly)."""
    import uuid

    from allegraph.graph.store import open_store

    if request.param == "neo4j":
        settings = neo4j_or_skip()
    else:
        settings = Settings(store="embedded", home=falkor_home, graph_name=f"t-{uuid.uuid4().hex[:8]}")
    with open_store(settings) as store:
        wipe(store)
        yield store


DATED_WIRE = ROOT / "tests" / "data" / "wire.jsonl"
NEO4J_SKIP = (
    "ALLEGRAPH_TEST_NEO4J_URI is not set: Neo4j integration tests skipped "
    "(point it at a disposable Neo4j, see the README's 'Testing against Neo4j')"
)


class Seeded:
    """A store holding the example articles plus one dated wire story, and its settings."""

    def __init__(self, settings: Settings, store) -> None:  # type: ignore[no-untyped-def]
        self.settings = settings
        self.store = store


def _backend_settings(backend: str) -> Settings:
    if backend == "neo4j":
        return neo4j_or_skip()
    return Settings(store="embedded", home=_short_home(), graph_name="seed")


@pytest.fixture(scope="module", params=["falkordb", "neo4j"])
def seeded(request, nlp) -> Iterator[Seeded]:  # type: ignore[no-untyped-def]
    """The seed graph on each backend; Neo4j only when ALLEGRAPH_TEST_NEO4J_URI is set (skipped loudly otherwise)."""
    from allegraph.graph.falkor import EmbeddedServer
    from allegraph.graph.store import open_store
    from allegraph.service import ingest_paths

    settings = _backend_settings(request.param)
    with open_store(settings) as store:
        if settings.uses_neo4j:
            wipe_test_database(store)
        summary = ingest_paths(store, nlp, [str(EXAMPLES), str(DATED_WIRE)], settings)
        assert summary.documents == 6 and not summary.skipped, summary
        yield Seeded(settings, store)
    if not settings.uses_neo4j:
        EmbeddedServer(settings.home).stop()


@pytest.fixture(scope="module")
def api_url(seeded: Seeded) -> Iterator[str]:
    from allegraph.api.app import create_app
    from tests.api_support import serve

    with serve(create_app(seeded.settings, store=seeded.store)) as url:
        yield url


@pytest.fixture
def client(api_url: str):  # type: ignore[no-untyped-def]
    import httpx

    with httpx.Client(base_url=api_url, timeout=30) as http:
        yield http
