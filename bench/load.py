"""Stage 4: the API under load (uvicorn in one process, the load generator in another) next to a
bare store-client loop running the same queries with the same parameters."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
from pydantic import BaseModel

from allegraph.graph.store import GraphStore
from allegraph.queries import get_query
from bench.config import BenchConfig
from bench.measure import Latency, latency

LOAD_QUERIES = ("who-accused-whom", "actor-profile")
SAMPLE_ACTORS = 50
QUERY_TIMEOUT_MS = 60_000
BUSIEST = (
    "MATCH (a:Actor)-[:MADE]->(c:Claim) WITH a, count(c) AS made "
    "RETURN a.name AS name ORDER BY made DESC, name LIMIT 100000"
)


class QueryLoad(BaseModel):
    query: str
    saturation: Latency
    bounded_rate: float
    bounded: Latency
    bare: Latency
    api_vs_bare: float


def sample_actor_names(store: GraphStore, count: int = SAMPLE_ACTORS) -> list[str]:
    """Every k-th actor by claims made: from the busiest to the quiet, as real questions span."""
    # within the store's TIMEOUT_MAX, which refuses a longer timeout
    names = [row["name"] for row in store.read(BUSIEST, timeout_ms=QUERY_TIMEOUT_MS).rows]
    step = max(1, len(names) // count)
    return names[::step][:count]


def query_params(query: str, actor: str) -> dict[str, str]:
    if query == "who-accused-whom":
        return {"speaker": actor, "limit": "20"}
    return {"actor": actor}


def request_paths(query: str, actors: list[str]) -> list[str]:
    return [f"/queries/{query}?{urlencode(query_params(query, actor))}" for actor in actors]


def bare_loop(
    store: GraphStore, query: str, actors: list[str], *, seconds: float = float("inf"), runs: int | None = None
) -> Latency:
    """The same queries back to back on the store client: no HTTP, no validation, no models.

    Runs for `seconds`, or `runs` times, whichever ends first.
    """
    canned = get_query(query)
    bound = [canned.bind(query_params(query, actor)) for actor in actors]
    durations: list[float] = []
    start = time.perf_counter()
    while time.perf_counter() - start < seconds and (runs is None or len(durations) < runs):
        params = bound[len(durations) % len(bound)]
        began = time.perf_counter()
        store.read(canned.cypher, params, timeout_ms=QUERY_TIMEOUT_MS)
        durations.append(time.perf_counter() - began)
    return latency(durations, time.perf_counter() - start)


def store_env(home: Path, graph: str) -> dict[str, str]:
    """The environment a child `allegraph` command needs to use the benchmark's store and graph."""
    return os.environ | {"ALLEGRAPH_HOME": str(home), "ALLEGRAPH_GRAPH": graph, "ALLEGRAPH_STORE": "embedded"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def api_server(home: Path, graph: str, log: Path) -> Iterator[str]:
    """`allegraph serve` in its own process, on the benchmark's store and graph."""
    port = _free_port()
    env = store_env(home, graph)
    command = [sys.executable, "-m", "allegraph.cli", "serve", "--port", str(port), "--no-access-log"]
    with log.open("w") as log_file:
        process = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process, log)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the API server exited: {log.read_text()[-2000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"the API server did not answer /health within 60 s; see {log}")


def run_loadgen(url: str, paths_file: Path, config: BenchConfig, rate: float | None = None) -> Latency:
    command = [sys.executable, "-m", "bench.loadgen", url, str(paths_file)]
    command += ["--connections", str(config.connections), "--seconds", str(config.load_seconds)]
    if rate:
        command += ["--rate", f"{rate:.1f}"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=config.load_seconds + 120)
    if completed.returncode != 0:
        raise RuntimeError(f"load generator failed: {completed.stderr[-2000:]}")
    return Latency.model_validate(json.loads(completed.stdout))


def api_under_load(
    store: GraphStore, actors: list[str], home: Path, graph: str, out: Path, config: BenchConfig
) -> list[QueryLoad]:
    results = []
    with api_server(home, graph, out / "api-server.log") as url:
        for query in LOAD_QUERIES:
            paths_file = out / f"paths-{query}.json"
            paths_file.write_text(json.dumps(request_paths(query, actors)))
            run_loadgen(url, paths_file, config.model_copy(update={"load_seconds": 1.0}))  # warm the server
            saturation = run_loadgen(url, paths_file, config)
            rate = max(1.0, round(saturation.per_second * config.bounded_fraction, 1))
            bounded = run_loadgen(url, paths_file, config, rate=rate)
            bare = bare_loop(store, query, actors, seconds=config.load_seconds)
            results.append(
                QueryLoad(
                    query=query,
                    saturation=saturation,
                    bounded_rate=rate,
                    bounded=bounded,
                    bare=bare,
                    api_vs_bare=round(saturation.per_second / bare.per_second, 3),
                )
            )
    return results
