"""HTTP API (FastAPI): canned queries, resources, read-only Cypher, authenticated ingest."""
