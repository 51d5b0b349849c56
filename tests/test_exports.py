"""Bulk exports cost the same however long the documents: each document's fields come once, every
source is paged by its own ids; and an export that fails part-way never looks complete."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from allegraph.api.app import create_app
from allegraph.api.rdf import NT_TRAILER
from allegraph.config import Settings
from allegraph.errors import StoreUnavailable
from allegraph.graph.falkor import EmbeddedServer, FalkorStore
from allegraph.graph.store import QueryResult, open_store
from allegraph.models import DocumentGraph
from allegraph.querying import run_query
from bench.synthetic import Shape, synthetic_documents
from tests.api_support import serve
from tests.conftest import _short_home
from tests.test_rdf_memory import _peak_export

LONG = Shape(states=20, organizations=50, people=100, claims_per_document=100)
LONG_TITLE = "A headline that never ends, " * 130  # ~3,600 characters, as a one-line text once gave


def _long_documents(n_claims: int, seed: int) -> Iterator[DocumentGraph]:
    for graph in synthetic_documents(n_claims, LONG, seed=seed):
        document = graph.document.model_copy(update={"title": LONG_TITLE})
        yield graph.model_copy(update={"document": document})


@pytest.fixture(scope="module")
def long_store() -> Iterator[FalkorStore]:
    settings = Settings(store="embedded", home=_short_home(), graph_name="long")
    with open_store(settings) as store:
        assert isinstance(store, FalkorStore)
        yield store
    EmbeddedServer(settings.home).stop()


def test_ntriples_export_stays_flat_with_long_documents(long_store: FalkorStore) -> None:
    """Documents of 100 claims and a 3,600-character title: a page of 20 documents was 2,000
    rows that each repeated the title; now every page is 20 rows."""
    long_store.write_documents(list(_long_documents(500, seed=1)))
    small_peak, small_statements, _ = _peak_export(long_store)
    long_store.write_documents(list(_long_documents(2_000, seed=2)))
    large_peak, large_statements, _ = _peak_export(long_store)
    assert large_statements > 4 * small_statements
    # 4x the statements: a held export would grow ~4x; a streamed one stays near one page. What the
    # interpreter allocated before (other tests' caches, pending garbage) moves the peak by up to a
    # third, so the bound is 1.6x, which still tells the two apart.
    assert large_peak < 1.6 * small_peak, (small_peak, large_peak)


def test_export_documents_gives_each_document_once(long_store: FalkorStore) -> None:
    rows = run_query(long_store, "export-documents", {"limit": 50}, timeout_ms=10_000).rows
    ids = [row["document_id"] for row in rows]
    assert ids and len(ids) == len(set(ids)) and ids == sorted(ids)
    assert all("claim_id" not in row and "evidence" not in row for row in rows)


class BreaksAfter(FalkorStore):
    """The real store, whose connection is lost after a number of reads (as when it is killed)."""

    def __init__(self, store: FalkorStore, reads: int) -> None:
        super().__init__(store.server, store.graph.name)
        self.left = reads

    def read(self, query: str, params: Any = None, **kwargs: Any) -> QueryResult:
        self.left -= 1
        if self.left < 0:
            raise StoreUnavailable("the embedded FalkorDB is not reachable: connection lost")
        return super().read(query, params, **kwargs)


def test_a_streamed_export_that_fails_midway_does_not_look_complete(long_store: FalkorStore) -> None:
    settings = Settings(store="embedded", home=long_store.server.data_dir.parent, graph_name="long")
    with serve(create_app(settings, store=long_store)) as url:
        whole = httpx.get(f"{url}/export", params={"format": "nt"}, timeout=120)
        assert whole.status_code == 200 and whole.content.endswith(NT_TRAILER)
    with serve(create_app(settings, store=BreaksAfter(long_store, reads=8))) as url:
        with httpx.stream("GET", f"{url}/export", params={"format": "nt"}, timeout=120) as response:
            assert response.status_code == 200  # the failure came after the first bytes
            received = io.BytesIO()
            with pytest.raises(httpx.RemoteProtocolError):  # incomplete chunked body
                for chunk in response.iter_bytes():
                    received.write(chunk)
        assert not received.getvalue().endswith(NT_TRAILER)
        early = httpx.get(f"{url}/export", params={"format": "ttl"}, timeout=120)
        assert early.status_code == 503 and early.json()["error"]["code"] == "store_unavailable"


def test_in_memory_formats_refuse_a_graph_too_large_for_them(long_store: FalkorStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import allegraph.api.rdf

    monkeypatch.setattr(allegraph.api.rdf, "MAX_IN_MEMORY_NODES", 10)
    settings = Settings(store="embedded", home=long_store.server.data_dir.parent, graph_name="long")
    with serve(create_app(settings, store=long_store)) as url:
        refused = httpx.get(f"{url}/export", params={"format": "ttl"}, timeout=60)
        assert refused.status_code == 422 and refused.json()["error"]["code"] == "export_too_large"
        assert "format=nt" in refused.json()["error"]["hint"]


def test_windowed_pages_read_every_claim_and_statement_once(long_store: FalkorStore) -> None:
    """Pages smaller than a document's claims and than a window: nothing is skipped or repeated."""
    from allegraph.rdf.export import _SOURCES

    expected = {
        "export-claims": long_store.read("MATCH (c:Claim)-[:REPORTED_IN]->(:Document) RETURN count(c) AS n").rows[0][
            "n"
        ],
        "export-statements": long_store.read(
            "MATCH (a:Actor)-[r:ACCUSES|DENIES|CONDEMNS|BLAMES]->(b:Actor) "
            "WITH DISTINCT a.id AS a, type(r) AS t, b.id AS b RETURN count(*) AS n"
        ).rows[0]["n"],
    }
    for source in _SOURCES:
        if source.pages is None:
            continue
        keys = [
            tuple(row.get(k) for k in ("document_id", "claim_id", "speaker_id", "edge", "target_id"))
            for page, _ in source.pages(long_store, 7, 60_000)
            for row in page
        ]
        assert len(keys) == len(set(keys)) == expected[source.query], source.query
        assert keys == sorted(keys, key=lambda k: tuple(x or "" for x in k)), source.query
