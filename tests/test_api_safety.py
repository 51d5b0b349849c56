"""Writes are refused (by the store itself, not only by the API's check), user values stay data,
and every error path answers with the one error shape."""

from __future__ import annotations

import httpx
import pytest

from allegraph.api.app import create_app
from allegraph.errors import AllegraphError
from allegraph.graph.falkor import EmbeddedServer
from allegraph.graph.store import open_store
from tests.api_support import fingerprint, serve
from tests.conftest import Seeded, _short_home

WRITES = {
    "create": "CREATE (n:Intruder {name: 'x'}) RETURN n",
    "merge": "MERGE (n:Actor {id: 'actor:intruder'}) RETURN n",
    "set": "MATCH (a:Actor) SET a.name = 'owned' RETURN count(a)",
    "remove": "MATCH (a:Actor) REMOVE a.name RETURN count(a)",
    "delete": "MATCH (c:Claim) DELETE c",
    "detach-delete": "MATCH (n) DETACH DELETE n",
    "foreach": "MATCH (a:Actor) FOREACH (x IN [1] | SET a.owned = x)",
    "create-index": "CREATE INDEX FOR (n:Intruder) ON (n.name)",
    "drop-index": "DROP INDEX FOR (n:Actor) ON (n.name)",
    "create-constraint": "CREATE CONSTRAINT intruder IF NOT EXISTS FOR (n:Intruder) REQUIRE n.id IS UNIQUE",
    "drop-constraint": "DROP CONSTRAINT actor_id",
    "load-csv": "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "in-transactions": "MATCH (a:Actor) CALL { WITH a SET a.owned = true } IN TRANSACTIONS RETURN count(a)",
    "write-procedure": "CALL db.idx.fulltext.createNodeIndex('Actor', 'name')",
    "subquery-write": "MATCH (a:Actor) CALL { WITH a SET a.owned = 1 } RETURN count(a)",
    "lowercase": "match (n) detach delete n",
    "comment-hidden": "MATCH (n) /* RETURN */ DETACH DELETE n",
}
# what the store alone must refuse, without the API's check in front of it
SERVER_ENFORCED = ["create", "merge", "set", "remove", "delete", "detach-delete", "foreach", "subquery-write"]

NASTY = [
    "Russia' OR 1=1 //",
    '"}) MATCH (n) DETACH DELETE n //',
    "'); DROP INDEX FOR (n:Actor) ON (n.name); //",
    "${speaker} {a: 1} [x] `backtick` \\ \\' \\\"",
    "MATCH (n) SET n.owned = true RETURN n",
    "ünïcödé — « » \u2028 \t tab",
    "a\\",
]


def _assert_error_shape(response: httpx.Response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["error"]
    error = body["error"]
    assert set(error) == {"status", "code", "message", "hint", "details"}
    assert error["status"] == status and error["message"]
    if code is not None:
        assert error["code"] == code, error
    assert "Traceback" not in response.text and 'File "' not in response.text


@pytest.mark.parametrize("name", sorted(WRITES))
def test_writes_through_cypher_are_refused(client: httpx.Client, seeded: Seeded, name: str) -> None:
    before = fingerprint(seeded.store)
    response = client.post("/cypher", json={"query": WRITES[name]})
    assert 400 <= response.status_code < 500, response.text
    _assert_error_shape(response, response.status_code)
    assert fingerprint(seeded.store) == before


@pytest.mark.parametrize("name", SERVER_ENFORCED)
def test_the_store_itself_refuses_writes_on_the_read_path(seeded: Seeded, name: str) -> None:
    before = fingerprint(seeded.store)
    with pytest.raises(AllegraphError) as refused:
        seeded.store.read(WRITES[name])
    assert refused.value.code in ("write_refused", "query_rejected")
    assert fingerprint(seeded.store) == before


def test_read_only_cypher_runs_with_params_and_a_row_cap(client: httpx.Client) -> None:
    response = client.post(
        "/cypher",
        json={"query": "MATCH (a:Actor) WHERE $key IN a.keys RETURN a.name AS name", "params": {"key": "russia"}},
    )
    assert response.status_code == 200 and response.json()["rows"] == [{"name": "Russia"}]
    capped = client.post("/cypher", json={"query": "UNWIND range(1, 5000) AS x RETURN x"})
    assert len(capped.json()["rows"]) == 1000 and capped.headers["X-Allegraph-Truncated"] == "true"


@pytest.mark.parametrize("value", NASTY)
def test_parameter_values_are_data(client: httpx.Client, seeded: Seeded, value: str) -> None:
    before = fingerprint(seeded.store)
    echoed = client.post("/cypher", json={"query": "RETURN $value AS value", "params": {"value": value}})
    assert echoed.status_code == 200 and echoed.json()["rows"] == [{"value": value}]
    for params in ({"speaker": value}, {"target": value, "kind": "accuse"}):
        got = client.get("/queries/who-accused-whom", params=params)
        assert got.status_code == 200 and got.json()["rows"] == []
        posted = client.post("/queries/who-accused-whom", json=params)
        assert posted.status_code == 200 and posted.json()["rows"] == []
    search = client.get("/actors", params={"search": value})  # normalised like a name, so "a\\" searches "a"
    assert search.status_code == 200
    assert client.get("/queries/evidence", params={"claim": value}).json()["rows"] == []
    assert fingerprint(seeded.store) == before


def test_every_error_path_has_the_error_shape(client: httpx.Client, seeded: Seeded) -> None:
    cases = [
        ("GET", "/queries/who-accused-whom?limit=many", None, 422, "invalid_request"),
        ("GET", "/queries/who-accused-whom?limit=-1", None, 422, "invalid_request"),
        ("GET", "/queries/who-accused-whom?kind=praise", None, 422, "invalid_request"),
        ("GET", "/queries/who-accused-whom?since=yesterday", None, 422, "invalid_request"),
        ("POST", "/queries/who-accused-whom", {"nonsense": 1}, 422, "invalid_request"),
        ("GET", "/queries/who-accused-whom?speakr=Turkey", None, 422, "invalid_parameter"),
        ("POST", "/queries/who-accused-whom", [1, 2], 422, "invalid_request"),
        ("GET", "/queries/actor-profile", None, 422, "invalid_request"),
        ("GET", "/queries/no-such-query", None, 404, "not_found"),
        ("POST", "/queries/no-such-query", {}, 404, "not_found"),
        ("GET", "/no/such/route", None, 404, "not_found"),
        ("DELETE", "/claims", None, 405, "method_not_allowed"),
        ("GET", "/actors/actor:0000000000000000", None, 404, "not_found"),
        ("GET", "/documents/no-such-document", None, 404, "not_found"),
        ("GET", "/claims?limit=0", None, 422, "invalid_request"),
        ("POST", "/cypher", {"query": "MATCH (n RETURN n"}, 400, "query_rejected"),
        ("POST", "/cypher", {"query": ""}, 422, "invalid_request"),
        ("POST", "/cypher", {"query": "   "}, 422, "invalid_request"),
        ("POST", "/cypher", {"params": {}}, 422, "invalid_request"),
        ("POST", "/cypher", {"query": "RETURN $x", "params": {"x y": 1}}, 422, "invalid_parameter"),
        ("POST", "/cypher", {"query": "CREATE (n)"}, 403, "write_refused"),
        ("POST", "/documents", {"documents": [{"text": "Turkey accused Russia."}]}, 403, "forbidden"),
    ]
    for method, url, body, status, code in cases:
        response = client.request(method, url, json=body)
        _assert_error_shape(response, status, code)
    malformed = client.post("/cypher", content=b"{not json", headers={"content-type": "application/json"})
    _assert_error_shape(malformed, 422, "invalid_request")


def test_timeouts_and_a_stopped_store_have_the_error_shape(seeded: Seeded) -> None:
    if seeded.settings.uses_neo4j:
        pytest.skip("the stopped-store case needs the embedded server")
    impatient = seeded.settings.model_copy(update={"cypher_timeout_ms": 1})
    heavy = {
        "query": "UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y WITH x, y WHERE (x + y) % 7 = 0 "
        "RETURN count(*) AS n"
    }
    with serve(create_app(impatient, store=seeded.store)) as url:
        _assert_error_shape(httpx.post(f"{url}/cypher", json=heavy, timeout=60), 504, "query_timeout")
    home = _short_home()
    lonely = seeded.settings.model_copy(update={"home": home, "graph_name": "lonely"})
    store = open_store(lonely)
    EmbeddedServer(home).stop()
    with serve(create_app(lonely, store=store)) as url:
        _assert_error_shape(httpx.get(f"{url}/health", timeout=30), 503, "store_unavailable")
        _assert_error_shape(httpx.get(f"{url}/queries/most-accused", timeout=30), 503, "store_unavailable")


def test_ingest_needs_the_key(seeded: Seeded) -> None:
    keyed = seeded.settings.model_copy(update={"api_key": "s3cret-key"})
    document = {"id": "api-test-1", "text": "France accused Syria of shelling a hospital in Idlib on Monday."}
    with serve(create_app(keyed, store=seeded.store, nlp_factory=_no_model)) as url:
        before = fingerprint(seeded.store)
        for headers in ({}, {"X-API-Key": "wrong"}, {"Authorization": "Bearer wrong"}):
            response = httpx.post(f"{url}/documents", json={"documents": [document]}, headers=headers)
            _assert_error_shape(response, 401, "unauthorized")
        assert fingerprint(seeded.store) == before


def _no_model() -> None:
    raise AssertionError("an unauthenticated request must not load the pipeline")


def test_ingest_with_the_key_goes_through_the_pipeline(seeded: Seeded, nlp) -> None:  # type: ignore[no-untyped-def]
    keyed = seeded.settings.model_copy(update={"api_key": "s3cret-key"})
    document = {"id": "api-test-2", "text": "France accused Syria of shelling a hospital in Idlib on Monday."}
    with serve(create_app(keyed, store=seeded.store, nlp=nlp)) as url:
        response = httpx.post(
            f"{url}/documents", json={"documents": [document, {"id": "empty", "text": "  "}]},
            headers={"Authorization": "Bearer s3cret-key"}, timeout=60,
        )  # fmt: skip
        assert response.status_code == 200, response.text
        summary = response.json()
        assert summary["documents"] == 1 and summary["claims"] >= 1
        assert [s["reason"] for s in summary["skipped"]] == ["no text"]
        claims = httpx.get(f"{url}/claims", params={"document": "api-test-2"}).json()["claims"]
        assert any(c["speaker"] == "France" and c["target"] == "Syria" for c in claims)
