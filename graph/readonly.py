"""A first line of defence for analysts' ad-hoc Cypher, in front of the store's own guarantee.

Read-only is enforced by the server (FalkorDB GRAPH.RO_QUERY; Neo4j READ sessions plus an
EXPLAIN query-type check). This check adds what those allow but we do not: LOAD CSV (a read
that opens files and URLs from the server), batched writes (CALL … IN TRANSACTIONS), and
procedures outside a small read-only allowlist. Strings and comments are removed first, so a
keyword inside a literal is never mistaken for a clause.
"""

from __future__ import annotations

import re

from allegraph.errors import BadRequest, WriteRefused

MAX_QUERY_CHARS = 20_000
ALLOWED_PROCEDURES = re.compile(
    r"^(db\.(labels|relationshipTypes|propertyKeys|indexes|constraints)"
    r"|db\.schema\.(visualization|nodeTypeProperties|relTypeProperties)|algo\.\w+)$",
    re.IGNORECASE,
)
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_IN_TRANSACTIONS = re.compile(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", re.IGNORECASE)
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)\s*\(", re.IGNORECASE)
# not after '.', ':' or '$': n.set, :Create and $delete are names, not clauses
_WRITE_CLAUSE = re.compile(r"(?<![.:$\w])(CREATE|MERGE|SET|REMOVE|DELETE|DROP|FOREACH)\b", re.IGNORECASE)


def without_literals(query: str) -> str:
    return _LITERALS.sub(" ", query)


def check_read_only(query: str) -> None:
    """Refuse what the store's read-only mode would let through, with a clear message."""
    if not query.strip():
        raise BadRequest("the query is empty", hint='send {"query": "MATCH (n) RETURN count(n)"}')
    if len(query) > MAX_QUERY_CHARS:
        raise BadRequest(f"the query is longer than {MAX_QUERY_CHARS:,} characters")
    code = without_literals(query)
    if _LOAD_CSV.search(code):
        raise WriteRefused("LOAD CSV is not allowed here: it reads files and URLs from the server")
    if _IN_TRANSACTIONS.search(code):
        raise WriteRefused("CALL { … } IN TRANSACTIONS is not allowed here", hint="it only exists to batch writes")
    for name in _CALL.findall(code):
        if not ALLOWED_PROCEDURES.match(name):
            raise WriteRefused(
                f"procedure {name} is not allowed here",
                hint="allowed: db.labels, db.relationshipTypes, db.propertyKeys, db.indexes, db.schema.*, algo.*",
            )
    clause = _WRITE_CLAUSE.search(code)
    if clause:
        raise WriteRefused(
            f"{clause.group(0).upper()} writes to the graph; only read-only queries are allowed here",
            hint="the graph is written by 'allegraph ingest' and POST /documents",
        )
