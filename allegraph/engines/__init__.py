"""Where extraction runs: in this process, in a pool of local worker processes, or on a Dask
cluster. Every engine takes batches of documents and gives back their graphs in input order;
writing stays with the caller, in one place."""

from __future__ import annotations

from allegraph.engines.base import Engine, ExtractResult
from allegraph.engines.local import InProcess, ProcessPool, as_engine, default_workers, open_engine

__all__ = ["Engine", "ExtractResult", "InProcess", "ProcessPool", "as_engine", "default_workers", "open_engine"]
