"""Turn driver-specific values (nodes, edges, paths, temporals) into plain JSON values."""

from __future__ import annotations

from typing import Any


def plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    kind = type(value).__name__
    if kind == "Node":
        labels = getattr(value, "labels", None)
        props = getattr(value, "properties", None)
        if props is None:  # neo4j Node is a Mapping
            props = dict(value.items())
        return {"labels": sorted(labels or []), **{k: plain(v) for k, v in props.items()}}
    if kind in ("Edge", "Relationship"):
        rel_type = getattr(value, "relation", None) or getattr(value, "type", None)
        props = getattr(value, "properties", None)
        if props is None:
            props = dict(value.items())
        return {"type": rel_type, **{k: plain(v) for k, v in props.items()}}
    if kind == "Path":
        nodes = value.nodes() if callable(getattr(value, "nodes", None)) else value.nodes
        return {"nodes": [plain(n) for n in nodes]}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
