"""The HTTP API on a real uvicorn server over the seed graph (embedded FalkorDB; Neo4j when configured)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from allegraph.queries import registry
from tests.conftest import EXAMPLES, Seeded


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _a_claim_id(client: httpx.Client) -> str:
    rows = client.get("/queries/who-accused-whom", params={"limit": 1}).json()["rows"]
    return rows[0]["claim_id"]


def _example_params(name: str, client: httpx.Client) -> dict:
    params = {p.name: p.example for p in registry()[name].params if p.example is not None}
    if name == "evidence":
        params["claim"] = _a_claim_id(client)  # ids depend on the extractor; the example is illustrative
    return params


@pytest.mark.parametrize("name", sorted(registry()))
def test_every_canned_query_answers_its_example(client: httpx.Client, name: str) -> None:
    query = registry()[name]
    params = _example_params(name, client)
    got = client.get(f"/queries/{name}", params=params)
    assert got.status_code == 200, got.text
    body = got.json()
    assert set(body) == {"query", "columns", "rows"}
    assert body["query"] == name
    assert body["columns"] == [c.name for c in query.columns]
    assert body["rows"], f"{name} returned nothing for its example {params}"
    for row in body["rows"]:
        assert list(row) == body["columns"]
    posted = client.post(f"/queries/{name}", json=params)
    assert posted.status_code == 200, posted.text
    assert posted.json() == body


def test_rows_that_state_a_claim_carry_evidence_and_source() -> None:
    for query in registry().values():
        columns = {c.name for c in query.columns}
        if any("claim_id" in c for c in columns):
            assert any("evidence" in c for c in columns), query.name
            assert any("document" in c for c in columns), query.name


def test_who_accused_whom_against_russia_includes_turkeys_accusation(client: httpx.Client) -> None:
    rows = client.get("/queries/who-accused-whom", params={"target": "Russia", "limit": 500}).json()["rows"]
    turkish = [r for r in rows if r["kind"] == "accuse" and r["speaker_represents"] == "Turkey"]
    assert turkish
    assert all(r["target_represents"] == "Russia" for r in rows)
    texts = {p.name: _squash(p.read_text(encoding="utf-8")) for p in Path(EXAMPLES).glob("*.txt")}
    from_examples = [r for r in turkish if r["document_id"] in texts]
    assert from_examples
    for row in from_examples:
        assert row["evidence"] and _squash(row["evidence"]) in texts[row["document_id"]]


@pytest.mark.parametrize("spelling", ["russia", "RUSSIA", "the Russian Federation", "Russia"])
def test_actor_parameters_accept_names_and_aliases(client: httpx.Client, spelling: str) -> None:
    rows = client.get("/queries/actor-profile", params={"actor": spelling}).json()["rows"]
    assert [r["name"] for r in rows] == ["Russia"]


def test_actor_parameters_accept_surnames_ids_and_the_kremlin(client: httpx.Client) -> None:
    person = client.get("/queries/actor-profile", params={"actor": "Konashenkov"}).json()["rows"][0]
    assert person["name"] == "Igor Konashenkov"
    assert person["speaks_for"][-1] == "Russia"
    by_id = client.get(f"/actors/{person['id']}").json()
    assert by_id["name"] == "Igor Konashenkov"
    kremlin = client.get("/queries/actor-profile", params={"actor": "the Kremlin"}).json()["rows"][0]
    assert kremlin["represents"] == "Russia"


def test_filters_narrow_results(client: httpx.Client) -> None:
    everything = client.get("/queries/who-accused-whom", params={"limit": 1000}).json()["rows"]
    denials = client.get("/queries/who-accused-whom", params={"kind": "deny", "limit": 1000}).json()["rows"]
    dated = client.get("/queries/who-accused-whom", params={"since": "2024-01-01", "limit": 1000}).json()["rows"]
    assert denials and all(r["kind"] == "deny" for r in denials) and len(denials) < len(everything)
    assert dated and all(r["date"] and r["date"] >= "2024-01-01" for r in dated)
    limited = client.get("/queries/who-accused-whom", params={"limit": 2}).json()["rows"]
    assert limited == everything[:2]


def test_claims_pages_are_stable_and_complete(client: httpx.Client) -> None:
    whole = client.get("/claims", params={"limit": 1000}).json()
    assert whole["next_cursor"] is None
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 7} | ({"after": cursor} if cursor else {})
        page = client.get("/claims", params=params).json()
        seen += [c["claim_id"] for c in page["claims"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [c["claim_id"] for c in whole["claims"]]
    assert seen == sorted(seen) and len(seen) == len(set(seen)) > 7


def test_actor_search_and_document(client: httpx.Client) -> None:
    actors = client.get("/actors", params={"search": "russ"}).json()["actors"]
    assert {"Russia", "Russian Defense Ministry"} <= {a["name"] for a in actors}
    doc_id = client.get("/claims", params={"limit": 1}).json()["claims"][0]["document_id"]
    document = client.get(f"/documents/{doc_id}").json()
    assert document["id"] == doc_id and document["claims"]
    starts = [c["start"] for c in document["claims"]]
    assert starts == sorted(starts)


def test_health_and_registry(client: httpx.Client, seeded: Seeded) -> None:
    assert client.get("/health").json()["store"] == seeded.store.name
    listed = client.get("/queries").json()["queries"]
    assert {q["name"] for q in listed} == set(registry())
    required = {
        "who-accused-whom", "accusations-against", "denials", "mutual-accusations", "actor-profile",
        "spokespeople", "timeline", "most-accused", "top-accusers", "incidents-at", "claims-in-document",
        "evidence", "blame-chains",
    }  # fmt: skip
    assert required <= {q["name"] for q in listed}
