"""Ingest: documents in (text, HTML, JSONL), claims out. Extraction is pure; I/O lives in allegraph/graph/."""
