"""RDF over HTTP: GET /export and content negotiation on /actors/{id} and /claims."""

from __future__ import annotations

import io

import httpx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF

from allegraph.api.rdf import negotiate
from allegraph.rdf.export import RdfFormat, export
from allegraph.rdf.terms import AG, SCHEMA, Minter
from tests.conftest import Seeded
from tests.test_rdf import parse

MEDIA = {f: f.media_type for f in RdfFormat}


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_export_endpoint_matches_the_cli_export(client: httpx.Client, seeded: Seeded, fmt: RdfFormat) -> None:
    response = client.get("/export", params={"format": fmt.value})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(fmt.media_type)
    out = io.BytesIO()
    export(seeded.store, out, RdfFormat.nt, Minter(seeded.settings.base_iri), timeout_ms=30_000)
    assert set(parse(response.content, fmt)) == set(parse(out.getvalue(), RdfFormat.nt))


def test_export_negotiates_on_accept_and_refuses_what_it_cannot_make(client: httpx.Client) -> None:
    assert client.get("/export").headers["content-type"].startswith("text/turtle")
    nt = client.get("/export", headers={"Accept": "application/n-triples"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    refused = client.get("/export", headers={"Accept": "application/json"})
    assert refused.status_code == 406
    assert refused.json()["error"]["code"] == "not_acceptable"
    bad = client.get("/export", params={"format": "rdfxml"})
    assert bad.status_code == 422 and "error" in bad.json()


@pytest.mark.parametrize("fmt", [RdfFormat.ttl, RdfFormat.jsonld, RdfFormat.nt])
def test_actor_view_in_rdf(client: httpx.Client, fmt: RdfFormat) -> None:
    profile = client.get("/actors/Turkey").json()
    response = client.get(f"/actors/{profile['id']}", headers={"Accept": fmt.media_type})
    assert response.status_code == 200 and response.headers["content-type"].startswith(fmt.media_type)
    assert "accept" in response.headers["vary"].lower()
    graph = parse(response.content, fmt)
    turkey = graph.value(predicate=SCHEMA.identifier, object=Literal(profile["id"]))
    assert (turkey, RDF.type, AG.State) in graph and (turkey, SCHEMA.name, Literal("Turkey")) in graph
    assert set(graph.objects(turkey, AG.accuses)), "Turkey's accusations as direct statements"


def test_actor_view_stays_json_for_json_and_browsers(client: httpx.Client) -> None:
    for accept in ("application/json", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*"):
        response = client.get("/actors/Turkey", headers={"Accept": accept})
        assert response.headers["content-type"].startswith("application/json") and response.json()["name"] == "Turkey"
    assert client.get("/actors/Turkey", headers={"Accept": "image/png"}).status_code == 406
    missing = client.get("/actors/nobody-at-all", headers={"Accept": "text/turtle"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_claims_page_in_rdf_with_a_next_link(client: httpx.Client) -> None:
    page = client.get("/claims", params={"limit": 5}).json()
    response = client.get("/claims", params={"limit": 5}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.content, format="turtle")
    claims = {str(graph.value(c, SCHEMA.identifier)) for c in graph.subjects(RDF.type, AG.Claim)}
    assert claims == {c["claim_id"] for c in page["claims"]}
    for claim in graph.subjects(RDF.type, AG.Claim):
        speaker = graph.value(claim, PROV.wasAttributedTo)
        assert graph.value(speaker, SCHEMA.name) is not None, "a page stands on its own: speakers are named"
    link = response.headers["link"]
    assert 'rel="next"' in link and f"after={page['next_cursor'].replace(':', '%3A')}" in link


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "application/json"),
        ("text/turtle", "text/turtle"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
        ("*/*;q=0.1, application/n-triples", "application/n-triples"),
        ("text/*", "text/turtle"),
        ("application/json;q=0, */*", "text/turtle"),
        ("garbage", "application/json"),
    ],
)
def test_negotiate(accept: str | None, chosen: str) -> None:
    offers = ["application/json", "text/turtle", "application/ld+json", "application/n-triples"]
    assert negotiate(accept, offers) == chosen
