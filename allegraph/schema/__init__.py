"""Schema statements (constraints and indexes) and the published RDF vocabulary live here."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent
_INDEX = re.compile(r"FOR\s*\(\s*\w+\s*:\s*(\w+)\s*\)\s*(?:ON|REQUIRE)\s*\(?\s*\w+\.(\w+)", re.I)


def statements(path: Path) -> list[str]:
    """Split a .cypher file into statements, dropping `//` comment lines."""
    text = "\n".join(line for line in path.read_text().splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in text.split(";") if s.strip()]


def schema_statements(backend: str) -> list[tuple[str, str, str]]:
    """(label, property, statement) for each index or constraint of a backend."""
    out = []
    for statement in statements(SCHEMA_DIR / f"{backend}.cypher"):
        match = _INDEX.search(statement)
        if match is None:
            raise ValueError(f"cannot read label and property from schema statement: {statement}")
        out.append((match.group(1), match.group(2), statement))
    return out


# What the write keeps besides the data itself (allegraph.graph.aggregates); a new revision makes
# every store recompute it when it next applies the schema.
DERIVED_REVISION = "actor-aggregates-1"


def schema_version(backend: str) -> str:
    """The version a store records once its schema is applied: derived from the statements
    themselves and DERIVED_REVISION, so any change to a schema file or to what the write derives
    makes every store apply it again."""
    text = "\n".join([*statements(SCHEMA_DIR / f"{backend}.cypher"), DERIVED_REVISION])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
