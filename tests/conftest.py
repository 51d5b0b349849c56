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
