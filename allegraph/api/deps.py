"""FastAPI dependencies: the objects built once at startup, handed to each request."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi import Request

from allegraph.config import Settings
from allegraph.errors import InvalidParameter
from allegraph.graph.store import GraphStore
from allegraph.rdf.terms import Minter
from allegraph.slots import Slots

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def single_valued_query(request: Request) -> None:
    """A query-string parameter given twice would silently keep one of its values: refuse it."""
    names = [name for name, _ in request.query_params.multi_items()]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise InvalidParameter(
            f"parameter{'s' if len(repeated) > 1 else ''} given more than once: {', '.join(repeated[:5])}",
            hint="give each parameter once",
        )


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_cypher_slots(request: Request) -> Slots:
    """The slots ad-hoc Cypher runs in: fewer than the store's query threads, shared by every
    worker process, so that no set of ad-hoc requests can hold every thread."""
    state = request.app.state
    with _SLOTS_LOCK:
        if getattr(state, "cypher_slots", None) is None:
            settings: Settings = state.settings
            threads = state.store.query_threads()
            count = settings.cypher_slots if threads is None else min(settings.cypher_slots, max(1, threads - 1))
            state.cypher_slots = Slots(settings.home / "cypher-slots", count, "ad-hoc Cypher query")
    slots: Slots = state.cypher_slots
    return slots


_SLOTS_LOCK = threading.Lock()


def get_mint(request: Request) -> Minter:
    mint: Minter = request.app.state.mint
    return mint


class LazyNlp:
    """The spaCy pipeline, loaded on first use: a read-only server never pays for it."""

    def __init__(self, factory: Callable[[], Any], nlp: Any = None) -> None:
        self._factory = factory
        self._nlp = nlp
        self._lock = threading.Lock()

    def get(self) -> Any:
        with self._lock:
            if self._nlp is None:
                self._nlp = self._factory()
            return self._nlp


def get_nlp(request: Request) -> Any:
    lazy: LazyNlp = request.app.state.nlp
    return lazy.get()
