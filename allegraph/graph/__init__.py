"""Graph stores: one small interface, an embedded FalkorDB default and Neo4j for production."""

from allegraph.graph.store import GraphStore, QueryResult, open_store

__all__ = ["GraphStore", "QueryResult", "open_store"]
