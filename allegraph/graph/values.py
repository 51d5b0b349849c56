"""Turn driver-specific values (nodes, edges, paths, temporals) into plain JSON values."""

from __future__ import annotations

import math
from typing import Any

from allegraph.errors import InvalidParameter

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


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


def check_sendable(value: Any, where: str = "parameter") -> None:
    """Refuse text no store can take as data: NUL (FalkorDB's query header is a C string, so it
    would cut the query short) and lone surrogates (not encodable as UTF-8)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise InvalidParameter(f"a {where} contains a NUL character", hint="remove \\u0000 from the text")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidParameter(f"a {where} is not valid Unicode text (lone surrogate)") from exc
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        # both stores hold 64-bit integers; FalkorDB's client would clamp a larger one silently
        if not INT64_MIN <= value <= INT64_MAX:
            raise InvalidParameter(f"a {where} is an integer outside the 64-bit range: {value}")
    elif isinstance(value, float):
        if not math.isfinite(value):  # NaN and infinities are not JSON, and FalkorDB cannot parse them
            raise InvalidParameter(f"a {where} is not a finite number: {value}")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_sendable(str(key), where)
            check_sendable(item, where)
    elif isinstance(value, (list, tuple)):
        for item in value:
            check_sendable(item, where)
