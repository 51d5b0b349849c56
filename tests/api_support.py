"""A real uvicorn server on a free port, in a thread, around an app built by the test."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from allegraph.api.http import JsonErrorsH11Protocol
from allegraph.graph.store import GraphStore

GRAPH_FINGERPRINT = (
    "MATCH (n) OPTIONAL MATCH (n)-[r]->() "
    "RETURN count(DISTINCT n) AS nodes, count(r) AS edges, "
    "collect(DISTINCT n.id)[0..5] AS some_ids, sum(size(keys(n))) AS properties"
)


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Start uvicorn on 127.0.0.1 with an OS-chosen port; yield its base URL; stop it."""
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_level="warning", lifespan="on", http=JsonErrorsH11Protocol
    )  # the protocol `allegraph serve` runs
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def fingerprint(store: GraphStore) -> dict:
    """Enough of the graph's state to notice any write."""
    return store.read(GRAPH_FINGERPRINT).rows[0]
