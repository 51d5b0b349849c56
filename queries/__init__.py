"""The registry of canned Cypher queries: one query per `.cypher` file with a declared header.

Header lines (comments at the top of the file):

    // name: who-accused-whom
    // title: Who accused whom
    // description: One row per claim with its evidence.
    // param speaker: string = null ; example: Turkey
    // param limit: integer = 50 ; example: 10
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from allegraph.errors import BadRequest, NotFound

QUERY_DIR = Path(__file__).resolve().parent
ParamType = Literal["string", "integer", "float", "boolean", "date"]
_PARAM = re.compile(r"^param\s+(\w+)\s*:\s*(\w+)\s*=\s*(.*?)\s*;\s*example:\s*(.*)$")
_USED = re.compile(r"\$(\w+)")


class QueryParam(BaseModel):
    name: str
    type: ParamType
    default: Any = None
    example: Any = None


class CannedQuery(BaseModel):
    name: str
    title: str
    description: str
    params: list[QueryParam]
    cypher: str

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Declared parameters, typed; unknown names and bad values are a BadRequest."""
        declared = {p.name: p for p in self.params}
        unknown = set(given) - set(declared)
        if unknown:
            raise BadRequest(
                f"unknown parameter(s) for {self.name}: {', '.join(sorted(unknown))}",
                hint=f"declared: {', '.join(declared) or 'none'}",
            )
        return {name: coerce(p, given.get(name, p.default)) for name, p in declared.items()}


def coerce(param: QueryParam, value: Any) -> Any:
    if value is None or value == "":
        return None if value is None or param.type != "string" else value
    try:
        if param.type == "integer":
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        if param.type == "float":
            return float(value)
        if param.type == "boolean":
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "1", "yes"):
                return True
            if str(value).lower() in ("false", "0", "no"):
                return False
            raise ValueError
        if param.type == "date":
            from datetime import date

            return date.fromisoformat(str(value)).isoformat()
        return str(value)
    except (TypeError, ValueError) as exc:
        raise BadRequest(f"parameter {param.name!r} must be a {param.type}, got {value!r}") from exc


def _literal(text: str) -> Any:
    text = text.strip()
    if text in ("null", ""):
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    return text.strip("\"'")


def parse_query_file(path: Path) -> CannedQuery:
    header: dict[str, str] = {}
    params: list[QueryParam] = []
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("//") and not body:
            content = stripped[2:].strip()
            match = _PARAM.match(content)
            if match:
                name, type_, default, example = match.groups()
                params.append(QueryParam(name=name, type=type_, default=_literal(default), example=_literal(example)))  # type: ignore[arg-type]
            elif ":" in content:
                key, value = content.split(":", 1)
                header[key.strip()] = value.strip()
        else:
            body.append(line)
    cypher = "\n".join(body).strip()
    used = set(_USED.findall(cypher))
    declared = {p.name for p in params}
    if used != declared:
        raise ValueError(f"{path.name}: declared parameters {sorted(declared)} differ from those used {sorted(used)}")
    missing = {"name", "title", "description"} - set(header)
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    return CannedQuery(
        name=header["name"], title=header["title"], description=header["description"], params=params, cypher=cypher
    )


@lru_cache(maxsize=1)
def registry() -> dict[str, CannedQuery]:
    queries = [parse_query_file(p) for p in sorted(QUERY_DIR.glob("*.cypher"))]
    return {q.name: q for q in queries}


def get_query(name: str) -> CannedQuery:
    try:
        return registry()[name]
    except KeyError:
        raise NotFound(f"no canned query named {name!r}", hint="list them with 'allegraph queries'") from None
