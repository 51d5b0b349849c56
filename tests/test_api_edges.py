"""The API's smaller edges: authentication before the body, numbers no store can hold, repeated
parameters, an unreadable request line, and the interactive docs without a network."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import warnings
from pathlib import Path

import httpx
import pytest

from allegraph.api.app import create_app
from tests.api_support import serve
from tests.conftest import Seeded

CHROMIUM = Path(os.environ.get("ALLEGRAPH_CHROMIUM", "/usr/bin/chromium"))


def _error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["code"] == code, error
    return error


def test_without_the_key_a_garbage_body_is_401_not_422(seeded: Seeded) -> None:
    keyed = seeded.settings.model_copy(update={"api_key": "s3cret-key"})
    with serve(create_app(keyed, store=seeded.store)) as url:
        for body in (b"{not json", b"[1, 2", b'{"documents": 7}'):
            response = httpx.post(f"{url}/documents", content=body, headers={"content-type": "application/json"})
            _error(response, 401, "unauthorized")
        wrong = httpx.post(f"{url}/documents", content=b"{", headers={"X-API-Key": "nope"})
        _error(wrong, 401, "unauthorized")
        keyed_garbage = httpx.post(
            f"{url}/documents",
            content=b"{not json",
            headers={"X-API-Key": "s3cret-key", "content-type": "application/json"},
        )
        _error(keyed_garbage, 422, "invalid_request")  # with the key, the body's shape is explained
    with serve(create_app(seeded.settings, store=seeded.store)) as url:  # no key configured
        _error(httpx.post(f"{url}/documents", content=b"{not json"), 403, "forbidden")


@pytest.mark.parametrize("value", [10**30, -(10**30), 2**63])
def test_integers_beyond_64_bits_are_refused_not_clamped(client: httpx.Client, value: int) -> None:
    response = client.post("/cypher", json={"query": "RETURN $x AS x", "params": {"x": value}})
    assert "64-bit" in _error(response, 422, "invalid_parameter")["message"]
    assert client.post("/cypher", json={"query": "RETURN $x AS x", "params": {"x": 2**63 - 1}}).json()["rows"] == [
        {"x": 2**63 - 1}
    ]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_422_without_store_internals(client: httpx.Client, literal: str) -> None:
    body = '{"query": "RETURN $x AS x", "params": {"x": ' + literal + "}}"
    response = client.post("/cypher", content=body, headers={"content-type": "application/json"})
    error = _error(response, 422, "invalid_parameter")
    assert "finite" in error["message"] and "CYPHER" not in error["message"]


def test_a_parameter_given_twice_is_refused(client: httpx.Client) -> None:
    for url in ("/queries/most-accused?limit=1&limit=2", "/claims?kind=deny&kind=accuse", "/actors?search=a&search=b"):
        error = _error(client.get(url), 422, "invalid_parameter")
        assert "more than once" in error["message"]
    assert client.get("/queries/most-accused?limit=1").status_code == 200


def test_an_oversized_request_line_gets_the_json_error_shape(api_url: str) -> None:
    host, port = api_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        # send while reading: the server answers as soon as the line passes its limit, then closes
        sender = threading.Thread(target=_send_quietly, args=(conn, b"GET /claims?q=" + b"x" * 1_000_000))
        sender.start()
        reply = b""
        try:
            while chunk := conn.recv(65536):
                reply += chunk
        except ConnectionResetError:
            pass  # the rest of our megabyte was refused; the answer came first
        sender.join()
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400"), head
    assert b"content-type: application/json" in head.lower()
    error = httpx.Response(400, content=body).json()["error"]
    assert error["status"] == 400 and error["code"] == "bad_request" and "16,384 bytes" in error["message"]


def _send_quietly(conn: socket.socket, data: bytes) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(data)


def test_docs_pages_load_no_asset_from_elsewhere(client: httpx.Client) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "http://" not in html and "https://" not in html, page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png"):
        response = client.get(f"/docs-assets/{asset}")
        assert response.status_code == 200 and len(response.content) > 1000, asset


def test_docs_and_redoc_render_offline_in_a_browser(api_url: str) -> None:
    """Every request to anywhere but the server is refused, as on a machine without a network."""
    if not CHROMIUM.exists():
        warnings.warn(f"no chromium at {CHROMIUM}: offline docs browser test skipped", stacklevel=1)
        pytest.skip(f"no chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    refused: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()

            def offline(route, request) -> None:  # type: ignore[no-untyped-def]
                if request.url.startswith(api_url):
                    route.continue_()
                else:
                    refused.append(request.url)
                    route.abort()

            page.route("**/*", offline)
            page.goto(f"{api_url}/docs")
            page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
            assert "Allegraph" in page.inner_text(".swagger-ui .info .title")
            assert page.locator(".opblock").count() > 10  # the operations are listed
            page.goto(f"{api_url}/redoc")
            page.wait_for_selector("h1", timeout=15_000)
            assert "Allegraph" in page.inner_text("h1")
            assert page.get_by_text("/cypher").count() > 0
        finally:
            browser.close()
    # ReDoc's "powered by" logo is the one remote reference; it hides itself when it cannot load
    assert [url for url in refused if not url.endswith("/redoc/logo-mini.svg")] == [], refused
