"""FastAPI dependencies: the objects built once at startup, handed to each request."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi import Request

from allegraph.config import Settings
from allegraph.rdf.terms import Minter
from graph.store import GraphStore

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


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
