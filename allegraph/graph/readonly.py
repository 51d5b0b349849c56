"""A first line of defence for analysts' ad-hoc Cypher, in front of the store's own guarantee.

Read-only is enforced by the server (FalkorDB GRAPH.RO_QUERY; Neo4j READ sessions plus an
EXPLAIN query-type check). This check adds what those allow but we do not: LOAD CSV (a read
that opens files and URLs from the server), batched writes (CALL … IN TRANSACTIONS), and
procedures outside a small read-only allowlist. The query is tokenised first, so a keyword
inside a string or a comment is never mistaken for a clause, and a backticked name is still a name.

It also bounds what the store has to *parse and plan*, which no store timeout covers: FalkorDB's
parser and planner take time exponential in the nesting of an expression (each level of
brackets, CASE, NOT or unary minus roughly doubles it; `RETURN ((((…1…))))` 24 deep takes
80 s), so nesting is limited to MAX_NESTING levels and a query to MAX_TOKENS tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from allegraph.errors import BadRequest, WriteRefused

MAX_QUERY_CHARS = 20_000
# Measured on FalkorDB 4.x: the worst construct at 10 levels parses and plans in ~15 ms, at 14
# in seconds, at 20 in minutes. No canned query nests deeper than 6.
MAX_NESTING = 10
MAX_TOKENS = 4_000
# range() builds its whole list in one allocation, before the store's per-query memory check
# sees it (range(1, 100000000) took the server to 1.5 GB under a 64 MB limit)
MAX_RANGE = 1_000_000
ALLOWED_PROCEDURES = re.compile(
    r"^(db\.(labels|relationshipTypes|propertyKeys|indexes|constraints)"
    r"|db\.schema\.(visualization|nodeTypeProperties|relTypeProperties)|algo\.\w+)$",
    re.IGNORECASE,
)
WRITE_KEYWORDS = {"CREATE", "MERGE", "SET", "REMOVE", "DELETE", "DROP", "FOREACH"}
# keywords after which a '-' or '+' is a sign, and at which a chain of NOT / signs ends
_BOUNDARY = {
    "AND", "OR", "XOR", "WHERE", "RETURN", "WITH", "MATCH", "OPTIONAL", "UNWIND", "ORDER", "BY",
    "SKIP", "LIMIT", "UNION", "CALL", "YIELD", "WHEN", "THEN", "ELSE", "AS", "DISTINCT",
}  # fmt: skip
_SIGN_AFTER = _BOUNDARY | {"NOT", "IN", "CASE", "IS", "STARTS", "ENDS", "CONTAINS"}

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
      | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
      | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
      | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
      | (?P<param>\$(?:\w+|`(?:[^`]|``)*`))
      | (?P<name>[^\W\d]\w*)
      | (?P<op><>|<=|>=|=~|\.\.|\+=|->|<-|::|\S)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str  # name, quoted, string, number, param, op
    text: str

    @property
    def word(self) -> str:
        """A name as the store reads it: upper-cased keyword text, or a backticked name unquoted."""
        if self.kind == "quoted":
            return self.text[1:-1].replace("``", "`")
        return self.text.upper() if self.kind == "name" else self.text


def tokens(query: str) -> Iterator[Token]:
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "op"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group())


def nesting(toks: list[Token]) -> int:
    """How deeply the query's expressions nest, the way the parser pays for it: each bracket,
    CASE … END, NOT and sign (`- - 1`) is a level; AND, OR, commas and clauses end a chain of
    NOTs and signs."""
    frames: list[int] = [0]  # pending NOT/sign levels of each open bracket, outermost first
    deepest = 0
    previous: Token | None = None
    before_previous: Token | None = None
    for token in toks:
        keyword = token.word if token.kind == "name" else None
        op = token.text if token.kind == "op" else None
        if keyword == "CASE" or op in ("(", "[", "{"):
            frames.append(0)
        elif keyword == "END" or op in (")", "]", "}"):
            if len(frames) > 1:
                frames.pop()
        elif keyword == "NOT" or (op in ("-", "+") and _is_sign(previous, before_previous)):
            frames[-1] += 1
        elif keyword in _BOUNDARY or op in (",", "|"):
            frames[-1] = 0
        deepest = max(deepest, len(frames) - 1 + sum(frames))
        before_previous, previous = previous, token
    return deepest


def _is_sign(previous: Token | None, before: Token | None) -> bool:
    """A '-' or '+' that is a sign, not a binary operator or part of a pattern's `--` / `-[`."""
    if previous is None:
        return True
    if previous.kind == "name":
        return previous.word in _SIGN_AFTER
    if previous.kind != "op":
        return False  # after a number, string, parameter or backticked name: binary
    if previous.text in (")", "]", "}"):
        return False
    # (a)--(b): a pattern, not a double sign
    return not (previous.text == "-" and before is not None and before.kind == "op" and before.text in (")", "]"))


def check_read_only(query: str, params: Mapping[str, Any] | None = None) -> None:
    """Refuse what the store's read-only mode would let through, and what would take the store
    longer to parse than any timeout covers, with a clear message."""
    if not query.strip():
        raise BadRequest("the query is empty", hint='send {"query": "MATCH (n) RETURN count(n)"}')
    if len(query) > MAX_QUERY_CHARS:
        raise BadRequest(f"the query is longer than {MAX_QUERY_CHARS:,} characters")
    toks = list(tokens(query))
    if len(toks) > MAX_TOKENS:
        raise BadRequest(
            f"the query has {len(toks):,} tokens; at most {MAX_TOKENS:,} are allowed",
            hint="pass long lists as parameters ($ids) instead of literals",
        )
    depth = nesting(toks)
    if depth > MAX_NESTING:
        raise BadRequest(
            f"the query nests expressions {depth} levels deep; at most {MAX_NESTING} are allowed",
            hint="brackets, CASE, NOT and signs each count as a level; flatten the expression or use WITH",
        )
    _check_ranges(toks, params or {})
    words = [t.word if t.kind == "name" else t.text for t in toks]
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word == "LOAD" and following == "CSV":
            raise WriteRefused("LOAD CSV is not allowed here: it reads files and URLs from the server")
        if word == "IN" and _in_transactions(words[i + 1 : i + 4]):
            raise WriteRefused("CALL { … } IN TRANSACTIONS is not allowed here", hint="it only exists to batch writes")
        if word == "CALL" and toks[i].kind == "name" and following != "{":
            name = _procedure_name(toks[i + 1 :])
            if not ALLOWED_PROCEDURES.match(name):
                raise WriteRefused(
                    f"procedure {name or '(unnamed)'} is not allowed here",
                    hint="allowed: db.labels, db.relationshipTypes, db.propertyKeys, db.indexes, db.schema.*, algo.*",
                )
    for i, token in enumerate(toks):
        if token.kind != "name" or token.word not in WRITE_KEYWORDS:
            continue
        previous = toks[i - 1].text if i else ""
        if previous in (".", ":", "$"):  # n.set, :Create are names, not clauses
            continue
        raise WriteRefused(
            f"{token.word} writes to the graph; only read-only queries are allowed here",
            hint="the graph is written by 'allegraph ingest' and POST /documents",
        )


def _check_ranges(toks: list[Token], params: Mapping[str, Any]) -> None:
    """range(a, b[, step]) with literal or parameter bounds builds at most MAX_RANGE values."""
    for i, token in enumerate(toks):
        if not (token.kind == "name" and token.word == "RANGE" and i + 1 < len(toks) and toks[i + 1].text == "("):
            continue
        if i and toks[i - 1].text == ".":
            continue  # a property called range
        args: list[list[Token]] = [[]]
        depth = 0
        for arg_token in toks[i + 2 :]:
            if arg_token.kind == "op" and arg_token.text in ("(", "[", "{"):
                depth += 1
            elif arg_token.kind == "op" and arg_token.text in (")", "]", "}"):
                if depth == 0:
                    break
                depth -= 1
            if depth == 0 and arg_token.text == ",":
                args.append([])
            else:
                args[-1].append(arg_token)
        values = [_integer(arg, params) for arg in args]
        if len(values) < 2 or values[0] is None or values[1] is None:
            continue  # computed bounds: only the store's memory limit applies
        step = values[2] if len(values) > 2 and values[2] else 1
        count = max(0, (values[1] - values[0]) // step + 1)
        if count > MAX_RANGE:
            raise BadRequest(
                f"range() would build {count:,} values; at most {MAX_RANGE:,} are allowed",
                hint="page through the values, or aggregate in smaller steps",
            )


def _integer(arg: list[Token], params: Mapping[str, Any]) -> int | None:
    sign = 1
    if len(arg) == 2 and arg[0].text in ("-", "+"):
        sign, arg = (-1 if arg[0].text == "-" else 1), arg[1:]
    if len(arg) != 1:
        return None
    token = arg[0]
    if token.kind == "number" and token.text.isdigit():
        return sign * int(token.text)
    if token.kind == "param":
        value = params.get(token.text[1:].strip("`"))
        if isinstance(value, int) and not isinstance(value, bool):
            return sign * value
    return None


def _in_transactions(following: list[str]) -> bool:
    rest = [w for w in following if not w.isdigit() and w != "CONCURRENT"]
    return bool(rest) and rest[0] == "TRANSACTIONS"


def _procedure_name(toks: list[Token]) -> str:
    """`db.labels`, `` `db.labels` `` or `` db.`labels` ``: the name as the store resolves it."""
    parts: list[str] = []
    for token in toks:
        if token.kind in ("name", "quoted"):
            parts.append(token.text if token.kind == "name" else token.word)
        elif token.kind == "op" and token.text == ".":
            parts.append(".")
        else:
            break
    return "".join(parts)


@dataclass(frozen=True)
class CappedQuery:
    """A read query rewritten so that the store itself stops after `limit` rows."""

    text: str
    limit: int | None  # None: the query cannot return more than the cap anyway, or has no RETURN
    columns: list[str] | None = None  # the order to restore when the store reorders them (RETURN *)


def cap_rows(query: str, limit: int) -> CappedQuery:
    """`query` returning at most `limit` rows, computed by the store rather than cut afterwards.

    The common shape (one final RETURN without LIMIT, no UNION) gets `LIMIT n` appended, on a
    new line so that a trailing comment cannot swallow it. Other shapes (UNION, a LIMIT of
    its own that is larger or not a literal) run inside `CALL { … } WITH * LIMIT n RETURN *`,
    whose columns come back in alphabetical order; `columns` gives the order to restore.
    """
    toks = list(tokens(query))
    while toks and toks[-1].text == ";":
        toks.pop()
    body = query.rstrip().rstrip(";") if toks else query
    depth = 0
    last_return: int | None = None
    union = False
    for i, token in enumerate(toks):
        if token.kind == "op" and token.text in ("(", "[", "{"):
            depth += 1
        elif token.kind == "op" and token.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and token.kind == "name":
            if token.word == "RETURN":
                last_return = i
            elif token.word == "UNION":
                union = True
    if last_return is None:
        return CappedQuery(query, None)  # a standalone CALL: procedures are allowlisted
    tail = toks[last_return + 1 :]
    own_limit = _top_level_limit(tail)
    if not union and own_limit is None:
        return CappedQuery(f"{body}\nLIMIT {limit}", limit)
    if not union and own_limit is not None and own_limit <= limit:
        return CappedQuery(query, None)
    return CappedQuery(f"CALL {{\n{body}\n}}\nWITH * LIMIT {limit}\nRETURN *", limit, _projection(tail))


def _top_level_limit(tail: list[Token]) -> int | None:
    """The LIMIT after the final RETURN: its value when a literal, else a number above any cap."""
    depth = 0
    for i, token in enumerate(tail):
        if token.kind == "op" and token.text in ("(", "[", "{"):
            depth += 1
        elif token.kind == "op" and token.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and token.kind == "name" and token.word == "LIMIT":
            rest = tail[i + 1 :]
            if len(rest) == 1 and rest[0].kind == "number" and rest[0].text.isdigit():
                return int(rest[0].text)
            return 2**63
    return None


def _projection(tail: list[Token]) -> list[str]:
    """Column names of a RETURN clause, as the store names them: the alias, else the expression."""
    items: list[list[Token]] = [[]]
    depth = 0
    for token in tail:
        if token.kind == "op" and token.text in ("(", "[", "{"):
            depth += 1
        elif token.kind == "op" and token.text in (")", "]", "}"):
            depth -= 1
        if depth == 0 and token.kind == "name" and token.word in ("ORDER", "SKIP", "LIMIT"):
            break
        if depth == 0 and token.kind == "op" and token.text == ",":
            items.append([])
        else:
            items[-1].append(token)
    if items[0] and items[0][0].kind == "name" and items[0][0].word == "DISTINCT":
        items[0] = items[0][1:]
    names = []
    for item in items:
        if len(item) >= 2 and item[-2].kind == "name" and item[-2].word == "AS":
            names.append(item[-1].word if item[-1].kind == "quoted" else item[-1].text)
        elif item:
            names.append("".join(t.text for t in item))
    return names
