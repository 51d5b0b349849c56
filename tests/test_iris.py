"""Minted IRIs resolve when the base is the server: every subject of an export, dereferenced with
Accept: text/turtle, answers with at least the export's statements about it; browsers and JSON
clients are sent on to the explorer and to the API's JSON; unknown ids are 404."""

from __future__ import annotations

import io
from collections.abc import Iterator
from urllib.parse import urldefrag

import httpx
import pytest
from rdflib import Graph, URIRef

from allegraph.api.app import create_app
from allegraph.rdf.export import RdfFormat, export
from allegraph.rdf.terms import Minter
from tests.api_support import serve
from tests.conftest import Seeded


@pytest.fixture(scope="module")
def iri_server(seeded: Seeded) -> Iterator[tuple[str, Graph]]:
    """A server whose base IRI is its own URL, and the export it mints."""
    app = create_app(seeded.settings, store=seeded.store)
    with serve(app) as url:
        mint = Minter(url + "/")
        app.state.mint = mint  # the port is known only once it listens
        out = io.BytesIO()
        export(seeded.store, out, RdfFormat.nt, mint, timeout_ms=30_000)
        yield url, Graph().parse(data=out.getvalue(), format="nt")


def test_every_subject_of_an_export_resolves_to_its_statements(iri_server: tuple[str, Graph]) -> None:
    url, graph = iri_server
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    kinds = {str(s).removeprefix(url + "/").split("/")[0] for s in subjects}
    assert kinds == {"actor", "claim", "document", "incident", "place"}
    described: dict[str, Graph] = {}
    with httpx.Client(timeout=30) as http:
        for subject in sorted(subjects):
            resource, _ = urldefrag(str(subject))  # `place/…#geo` is described by its place
            if resource not in described:
                response = http.get(resource, headers={"Accept": "text/turtle"})
                assert response.status_code == 200, (resource, response.text)
                assert response.headers["content-type"].startswith("text/turtle")
                assert "Accept" in response.headers["vary"]
                described[resource] = Graph().parse(data=response.content, format="turtle")
            expected = set(graph.triples((subject, None, None)))
            assert expected <= set(described[resource]), subject


def test_an_iri_negotiates_rdf_html_and_json(iri_server: tuple[str, Graph]) -> None:
    url, graph = iri_server
    actor = next(str(s) for s in graph.subjects() if "/actor/" in str(s))
    claim = next(str(s) for s in graph.subjects() if "/claim/" in str(s))
    with httpx.Client(timeout=30) as http:
        assert http.get(actor).headers["content-type"].startswith("text/turtle")  # no Accept: Turtle
        jsonld = http.get(actor, headers={"Accept": "application/ld+json"})
        assert jsonld.headers["content-type"].startswith("application/ld+json") and jsonld.json()["@context"]
        browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        page = http.get(actor, headers={"Accept": browser})
        assert page.status_code == 303 and page.headers["location"].startswith("/#/profile/actor:")
        assert http.get(url + page.headers["location"]).status_code == 200  # the explorer's page
        as_json = http.get(actor, headers={"Accept": "application/json"}, follow_redirects=True)
        assert as_json.status_code == 200 and as_json.json()["id"].startswith("actor:")
        claim_page = http.get(claim, headers={"Accept": browser})
        assert claim_page.status_code == 303 and "?claim=claim" in claim_page.headers["location"]
        claim_json = http.get(claim, headers={"Accept": "application/json"}, follow_redirects=True)
        assert claim_json.json()["rows"][0]["claim_id"].startswith("claim:")


def test_an_unknown_iri_is_404_with_the_error_shape(iri_server: tuple[str, Graph]) -> None:
    url, _ = iri_server
    with httpx.Client(timeout=30) as http:
        for path in ("/actor/0000000000000000", "/document/no-such.txt", "/incident/x", "/place/geonames:0"):
            response = http.get(url + path, headers={"Accept": "text/turtle"})
            assert response.status_code == 404 and response.json()["error"]["code"] == "not_found", path
