"""The explorer at `/`: its queries on the seed graph, the assets it ships, and the page itself in
a real browser (Debian's chromium driven by Playwright) against a real uvicorn server.

Screenshots of every view go to test-output/explorer/ for a reviewer to look at."""

from __future__ import annotations

import json
import os
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from allegraph.config import Settings
from allegraph.querying import run_query
from tests.conftest import ROOT, Seeded

CHROMIUM = Path(os.environ.get("ALLEGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "test-output" / "explorer"
WEB = ROOT / "web"
VENDOR = ROOT / "allegraph" / "api" / "static" / "vendor"
# ids are derived from the normalised name and type, so they do not depend on the extractor
RUSSIA = "actor:ba60f574dc2f2739"
TURKEY = "actor:59355cb4eb0c8f5f"
TURKEY_ACCUSES_RUSSIA = f"{TURKEY}|accuse|{RUSSIA}"
TIMEOUT_MS = 15_000


def _rows(seeded: Seeded, name: str, **params: Any) -> list[dict]:
    return run_query(seeded.store, name, params, timeout_ms=10_000).rows


# ---------------------------------------------------------------- the queries the page reads


@pytest.mark.parametrize("group", [True, False])
def test_network_edges_are_ranked_capped_and_match_their_evidence(seeded: Seeded, group: bool) -> None:
    everything = _rows(seeded, "actor-network", actor="Russia", group=group, limit=1000)
    assert everything, "Russia has a network on the seed graph"
    counts = [row["claims"] for row in everything]
    assert counts == sorted(counts, reverse=True)
    assert {row["edges_total"] for row in everything} == {len(everything)}
    capped = _rows(seeded, "actor-network", actor="Russia", group=group, limit=3)
    assert capped == [dict(row, edges_total=len(everything)) for row in everything[:3]]
    for row in everything:
        claims = _rows(
            seeded,
            "edge-evidence",
            actor="Russia",
            source=row["source_id"],
            kind=row["kind"],
            target=row["target_id"],
            group=group,
            limit=1000,
        )
        assert len(claims) == row["claims"], row
        assert all(c["speaker_id"] and c["document_id"] and c["evidence"] for c in claims)
        dates = [c["date"] or "" for c in claims]
        assert dates == sorted(dates, reverse=True), "newest first"


def test_grouped_network_folds_people_into_their_side(seeded: Seeded) -> None:
    grouped = _rows(seeded, "actor-network", actor="Russia")
    ids = {row["source_id"] for row in grouped} | {row["target_id"] for row in grouped}
    assert RUSSIA in ids and TURKEY in ids
    assert all(row["source_type"] == "State" or row["source_id"] == row["source_side_id"] for row in grouped)
    people = _rows(seeded, "actor-network", actor="Russia", group=False)
    assert any(row["source_type"] == "Person" and row["source_side_id"] == RUSSIA for row in people)


def test_network_filters(seeded: Seeded) -> None:
    only = _rows(seeded, "actor-network", actor="Russia", kinds="deny,blame", group=False)
    assert only and {row["kind"] for row in only} <= {"deny", "blame"}
    busy = _rows(seeded, "actor-network", actor="Russia", min_claims=3)
    assert busy and all(row["claims"] >= 3 for row in busy)
    assert _rows(seeded, "actor-network", actor="Russia", since="2030-01-01") == []


def test_evidence_carries_the_sentence_in_its_context(seeded: Seeded) -> None:
    claims = _rows(seeded, "edge-evidence", actor="Russia", source=TURKEY, kind="accuse", target=RUSSIA)
    war_crime = next(c for c in claims if "obvious war crime" in c["evidence"])
    offset = war_crime["start"] - war_crime["context_start"]
    assert war_crime["context"][offset:].startswith(war_crime["evidence"])
    assert war_crime["document"]


def test_months_count_every_claim_the_timeline_lists(seeded: Seeded) -> None:
    months = _rows(seeded, "actor-months", actor="Russia")
    timeline = _rows(seeded, "timeline", actor="Russia", limit=10_000)
    assert sum(row["claims"] for row in months) == len(timeline)
    assert {row["direction"] for row in months} == {"made", "received"}


def test_summary_places_and_incidents(seeded: Seeded) -> None:
    summary = _rows(seeded, "graph-summary")
    claims = sum(row["count"] for row in summary if row["what"] == "claims")
    assert claims == len(_rows(seeded, "claims", limit=10_000))
    places = _rows(seeded, "places")
    assert any(row["place"] == "Idlib" and row["state"] == "Syria" for row in places)
    incidents = _rows(seeded, "actor-incidents", actor="Russia")
    assert incidents and all(row["claims"] >= 1 and row["example_document_id"] for row in incidents)


# ---------------------------------------------------------------- what the package ships


def test_the_shipped_libraries_are_the_locked_npm_packages() -> None:
    modules = WEB / "node_modules"
    if not modules.exists():
        pytest.fail("the explorer's npm packages are not installed: run 'npm ci --prefix web'")
    shipped = json.loads((WEB / "vendor.json").read_text(encoding="utf-8"))
    assert {p.name for p in VENDOR.iterdir()} == set(shipped), (
        "allegraph/api/static/vendor holds exactly what vendor.json lists"
    )
    for name, source in shipped.items():
        assert (VENDOR / name).read_bytes() == (modules / source).read_bytes(), (
            f"allegraph/api/static/vendor/{name} is stale: run 'npm run build --prefix web' and commit the result"
        )


def test_the_page_and_its_assets_come_from_the_server(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"#]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), sources  # nothing from another origin
    for source in sources:
        assert client.get(source).status_code == 200, source
    missing = client.get("/explorer/no-such-file.js")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


# ---------------------------------------------------------------- in a browser


class Browser:
    """One page in one headless chromium, with everything the console said."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.console: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console.append(m.text))
        page.on("pageerror", lambda e: self.console.append(f"uncaught: {e}"))

    def open(self, hash_: str = "") -> None:
        self.page.goto(f"{self.base}/{hash_}")
        self.wait_rendered()

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def hash(self) -> str:
        return str(self.page.evaluate("location.hash"))

    def wait_rendered(self) -> None:
        """Until the view for the current URL is complete (the page sets `done` to its hash)."""
        self.page.wait_for_function("() => window.allegraphExplorer && window.allegraphExplorer.done === location.hash")

    def wait_for_network(self, actor_id: str) -> None:
        self.wait_rendered()
        assert self.page.evaluate("window.allegraphExplorer.network.profile.id") == actor_id

    def edges(self) -> list[str]:
        return self.page.eval_on_selector_all("#edge-list tr[data-edge]", "rows => rows.map(r => r.dataset.edge)")

    def click_graph(self, element_id: str, what: str) -> None:
        """A real mouse click where Cytoscape drew the node or the middle of the edge."""
        position = "renderedMidpoint()" if what == "edge" else "renderedPosition()"
        x, y = self.page.evaluate(
            f"""id => {{
                const el = window.allegraphExplorer.cy.getElementById(id);
                const p = el.{position};
                const box = document.getElementById('graph').getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }}""",
            element_id,
        )
        self.page.mouse.click(x, y)

    def no_console_errors(self, allowed: str | None = None) -> None:
        unexpected = [m for m in self.console if not (allowed and re.search(allowed, m))]
        self.console.clear()
        assert not unexpected, unexpected


@pytest.fixture(scope="module")
def browser(api_url: str) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: browser tests need Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(TIMEOUT_MS)
        yield Browser(page, api_url)
        chromium.close()


def test_search_pick_an_actor_and_read_an_edges_evidence(browser: Browser) -> None:
    page = browser.page
    browser.open()
    page.wait_for_selector("text=Top accusers")
    browser.shot("overview")
    page.fill("#q", "russia")
    option = page.locator("#suggestions [role=option]", has=page.locator(".name", has_text=re.compile("^Russia$")))
    option.click()
    browser.wait_for_network(RUSSIA)
    assert TURKEY_ACCUSES_RUSSIA in browser.edges()
    assert page.evaluate("id => window.allegraphExplorer.cy.getElementById(id).nonempty()", TURKEY_ACCUSES_RUSSIA)
    browser.shot("network")
    browser.click_graph(TURKEY_ACCUSES_RUSSIA, "edge")
    evidence = page.locator("#evidence")
    evidence.locator("mark", has_text="obvious war crime").wait_for()
    assert "Turkey accuses Russia" in evidence.locator("h2").inner_text()
    assert "Russia Denies 'War Crimes' After Hospitals and Schools Were Bombed in Syria" in evidence.inner_text()
    assert "edge=" in browser.hash()
    browser.shot("network-evidence")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.hash.includes('edge=')")
    browser.no_console_errors()


def test_the_keyboard_alone_finds_an_actor_and_opens_evidence(browser: Browser) -> None:
    page = browser.page
    browser.open()
    page.keyboard.press("/")
    page.keyboard.type("konash")
    page.wait_for_selector("#suggestions [role=option][aria-selected=true]")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Igor Konashenkov')")
    browser.wait_rendered()
    link = page.locator("#edge-list a.evidence-link").first
    link.focus()
    page.keyboard.press("Enter")
    page.locator("#evidence ol.claims li").first.wait_for()
    browser.no_console_errors()


def test_recentre_filter_and_reload_keep_the_view(browser: Browser) -> None:
    page = browser.page
    browser.open(f"#/network/{RUSSIA}")
    browser.wait_for_network(RUSSIA)
    browser.click_graph(TURKEY, "node")
    browser.wait_for_network(TURKEY)
    assert page.locator("h1").inner_text().startswith("Turkey")
    page.uncheck("input[name=kind][value=accuse]")
    page.wait_for_function("() => location.hash.includes('kinds=')")
    browser.wait_for_network(TURKEY)
    before = browser.edges()
    assert before and not any("|accuse|" in edge for edge in before)
    url = page.url
    page.reload()
    browser.wait_for_network(TURKEY)
    assert page.url == url
    assert page.locator("h1").inner_text().startswith("Turkey")
    assert not page.is_checked("input[name=kind][value=accuse]") and page.is_checked("input[name=kind][value=deny]")
    assert browser.edges() == before
    browser.shot("network-recentred-filtered")
    browser.no_console_errors()


def test_the_cap_says_what_it_left_out_and_can_be_raised(browser: Browser) -> None:
    page = browser.page
    browser.open(f"#/network/{RUSSIA}?cap=3")
    browser.wait_for_network(RUSSIA)
    assert len(browser.edges()) == 3
    note = page.locator("#cap-note").inner_text()
    total = int(re.search(r"of (\d+)", note).group(1))  # type: ignore[union-attr]
    assert f"{total - 3} left out" in note
    page.click("#raise-cap")
    page.wait_for_function("() => location.hash.includes('cap=6')")
    browser.wait_for_network(RUSSIA)
    assert len(browser.edges()) == min(6, total)
    browser.no_console_errors()


def test_profile_shows_whom_a_spokesman_speaks_for(browser: Browser) -> None:
    page = browser.page
    browser.open("#/profile/Konashenkov")
    speaks_for = page.locator("#speaks-for")
    speaks_for.wait_for()
    assert speaks_for.inner_text() == "Russian Defense Ministry → Russia"
    browser.shot("profile-konashenkov")
    browser.open(f"#/profile/{RUSSIA}")
    page.locator("#spokespeople", has_text="Igor Konashenkov").wait_for()
    assert page.locator("#timeline svg rect").count() > 0
    browser.shot("profile-russia")
    browser.no_console_errors()


@pytest.mark.parametrize(
    ("hash_", "expected"),
    [
        ("#/incidents/Syria", "Incidents in Syria"),
        ("#/places", "Idlib"),
        ("#/place/Idlib", "Incidents here"),
        ("#/document/wire-2024-03-05-idlib", "Turkey accuses Russia over strike on Idlib market"),
    ],
)
def test_every_other_view_renders(browser: Browser, hash_: str, expected: str) -> None:
    browser.open(hash_)
    browser.page.locator("main", has_text=expected).wait_for()
    if "place" in hash_:  # the offline outline map, with a dot per place
        assert browser.page.locator("svg.map path.country").count() > 100
        assert browser.page.locator("svg.map a.place-dot", has_text="Idlib").count() == 1
    browser.shot(re.sub(r"\W+", "-", hash_).strip("-"))
    browser.no_console_errors()


def test_api_errors_are_shown_in_words(browser: Browser) -> None:
    page = browser.page
    browser.open("#/network/actor:0000000000000000")
    banner = page.locator("#error")
    banner.wait_for()
    assert "no actor 'actor:0000000000000000'" in banner.inner_text()
    assert "GET /actors?search=" in page.locator("main .error-hint").inner_text()  # the API's hint
    browser.shot("error-unknown-actor")
    browser.open(f"#/network/{RUSSIA}?since=2024-13-01")
    page.locator("main .error-message", has_text="must be a date").wait_for()
    # the browser logs each failed request; nothing else may fail
    browser.no_console_errors(allowed=r"Failed to load resource: the server responded with a status of (404|422)")


def test_a_stopped_store_is_shown_in_words(browser: Browser) -> None:
    from allegraph.api.app import create_app
    from allegraph.graph.falkor import EmbeddedServer
    from allegraph.graph.store import open_store
    from tests.api_support import serve
    from tests.conftest import _short_home

    settings = Settings(store="embedded", home=_short_home(), graph_name="stopped")
    with open_store(settings) as store:
        EmbeddedServer(settings.home).stop()
        with serve(create_app(settings, store=store)) as url:
            browser.page.goto(f"{url}/")
            browser.wait_rendered()
            message = browser.page.locator("main .error-message").inner_text()
            assert "FalkorDB is not reachable" in message
            assert "allegraph store status" in browser.page.locator("main .error-hint").inner_text()
            browser.shot("error-store-stopped")
    browser.no_console_errors(allowed=r"Failed to load resource: the server responded with a status of 503")


def test_rdf_links_show_turtle(browser: Browser) -> None:
    page = browser.page
    browser.open(f"#/profile/{RUSSIA}")
    page.click("a.rdf")
    text = page.locator("#rdf-text")
    page.wait_for_function("() => document.getElementById('rdf-text').textContent.includes('@prefix')")
    assert "Russia" in text.inner_text()
    page.keyboard.press("Escape")
    browser.no_console_errors()


def teardown_module() -> None:
    # an empty output folder means the browser tests did not run
    if SHOTS.exists() and not any(SHOTS.iterdir()):
        shutil.rmtree(SHOTS)
