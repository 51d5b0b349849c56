"""HTTP API (FastAPI): see issue "Query API and canned Cypher"."""
