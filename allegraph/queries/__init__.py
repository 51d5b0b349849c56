"""The registry of canned Cypher queries: one query per `.cypher` file with a declared header.

Header lines (comments at the top of the file):

    // name: who-accused-whom
    // title: Who accused whom
    // description: One row per claim with its evidence.
    // param speaker: actor = null ; example: Turkey
    // param kind: string = null ; example: accuse ; one of: accuse, deny, condemn, blame
    // param claim: string = required ; example: claim:0123456789abcdef
    // column speaker: string
    // column kind: string ; one of: accuse, deny, condemn, blame

Parameter types: string, integer, float, boolean, date (ISO yyyy-mm-dd), and actor / place —
a name, alias or id, normalised the way ingest writes lookup keys. Integers run from 0 to
MAX_INTEGER (a `limit` from 1) and strings are at most MAX_TEXT characters. Column types: string,
integer, float, boolean, date (ISO yyyy-mm-dd), map, counts (claims by kind: {accuse, deny,
condemn, blame} → integer), list, and `list of T` for a list of one of these; a column may
close its values with `one of:`. The API's row schemas are generated from them. The loader refuses a file whose declared parameters differ
from the `$params` its Cypher uses.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from allegraph.errors import InvalidParameter, NotFound
from allegraph.models import lookup_key

QUERY_DIR = Path(__file__).resolve().parent
ParamType = Literal["string", "integer", "float", "boolean", "date", "actor", "place"]
COLUMN_TYPES = ("string", "integer", "float", "boolean", "date", "list", "map", "counts")
REQUIRED = "required"
_PARAM = re.compile(r"^param\s+(\w+)\s*:\s*(\w+)\s*=\s*(.*?)\s*;\s*example:\s*(.*?)\s*(?:;\s*one of:\s*(.*))?$")
_COLUMN = re.compile(r"^column\s+(\w+)\s*:\s*(\w+(?:\s+of\s+\w+)*)\s*(?:;\s*one of:\s*(.*))?$")
_USED = re.compile(r"\$(\w+)")
MAX_TEXT = 500
MAX_INTEGER = 100_000


class QueryParam(BaseModel):
    name: str
    type: ParamType
    required: bool = False
    default: Any = None
    example: Any = None
    choices: list[str] | None = Field(default=None, description="Allowed values, when the set is closed")


class QueryColumn(BaseModel):
    name: str
    type: str = Field(description="string, integer, float, boolean, date, map, counts, list, or `list of T`")
    choices: list[str] | None = Field(default=None, description="Allowed values, when the set is closed")

    @field_validator("type")
    @classmethod
    def _known(cls, value: str) -> str:
        *outer, inner = re.split(r"\s+of\s+", value.strip())
        if inner not in COLUMN_TYPES or any(kind != "list" for kind in outer):
            raise ValueError(f"unknown column type {value!r}")
        return " of ".join([*outer, inner])


class QueryInfo(BaseModel):
    """What the registry publishes about a query (its Cypher is included for analysts)."""

    name: str
    title: str
    description: str
    params: list[QueryParam]
    columns: list[QueryColumn]
    cypher: str


class CannedQuery(QueryInfo):
    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Declared parameters, typed; unknown names, missing required ones and bad values are refused."""
        declared = {p.name: p for p in self.params}
        unknown = set(given) - set(declared)
        if unknown:
            raise InvalidParameter(
                f"unknown parameter(s) for {self.name}: {', '.join(sorted(unknown))}",
                hint=f"declared: {', '.join(declared) or 'none'}",
            )
        # an explicit null means "not given": the declared default applies
        bound = {name: coerce(p, p.default if given.get(name) is None else given[name]) for name, p in declared.items()}
        missing = [name for name, p in declared.items() if p.required and bound[name] is None]
        if missing:
            raise InvalidParameter(
                f"{self.name} needs parameter(s): {', '.join(missing)}",
                hint="; ".join(f"{n}, e.g. {declared[n].example}" for n in missing),
            )
        return bound

    def example_params(self) -> dict[str, Any]:
        return {p.name: p.example for p in self.params}


def coerce(param: QueryParam, value: Any) -> Any:
    if value is None or (value == "" and param.type != "string"):
        return None
    try:
        typed = _typed(param, value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise InvalidParameter(
            f"parameter {param.name!r} must be {_article(param)}, got {_show(value)}",
            hint=f"for example {param.name}={param.example}",
        ) from exc
    if param.choices is not None and typed not in param.choices:
        raise InvalidParameter(
            f"parameter {param.name!r} must be one of {', '.join(param.choices)}, got {_show(value)}"
        )
    return typed


def _typed(param: QueryParam, value: Any) -> Any:
    if isinstance(value, (dict, list)):
        raise TypeError
    if param.type == "integer":
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError
        number = int(value)
        if not minimum(param) <= number <= MAX_INTEGER:
            raise ValueError
        return number
    if param.type == "float":
        if isinstance(value, bool):
            raise ValueError
        return float(value)
    if param.type == "boolean":
        return _boolean(value)
    if param.type == "date":
        return date.fromisoformat(str(value)).isoformat()
    text = str(value)
    if len(text) > MAX_TEXT:
        raise ValueError
    return lookup_key(text) if param.type in ("actor", "place") else text


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    lowered = str(value).lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ValueError


def minimum(param: QueryParam) -> int:
    """One rule for every integer: a `limit` is at least 1 (as on /claims and /actors: a page of
    nothing is never what a caller meant), any other integer at least 0."""
    return 1 if param.name == "limit" else 0


def _article(param: QueryParam) -> str:
    type_ = param.type
    described = {
        "date": "a date (YYYY-MM-DD)",
        "integer": f"an integer from {minimum(param)} to {MAX_INTEGER:,}",
        "actor": f"an actor name or id (at most {MAX_TEXT} characters)",
        "place": f"a place name or id (at most {MAX_TEXT} characters)",
        "string": f"a string of at most {MAX_TEXT} characters",
    }
    return described.get(type_, f"{'an' if type_[0] in 'aeiou' else 'a'} {type_}")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _literal(text: str) -> Any:
    text = text.strip()
    if text in ("null", ""):
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    if text in ("true", "false"):
        return text == "true"
    return text.strip("\"'")


def _param(match: re.Match[str]) -> QueryParam:
    name, type_, default, example, choices = match.groups()
    required = default.strip() == REQUIRED
    return QueryParam(
        name=name,
        type=type_,  # type: ignore[arg-type]
        required=required,
        default=None if required else _literal(default),
        example=_literal(example),
        choices=[c.strip() for c in choices.split(",")] if choices else None,
    )


def parse_query_file(path: Path) -> CannedQuery:
    header: dict[str, str] = {}
    params: list[QueryParam] = []
    columns: list[QueryColumn] = []
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not (stripped.startswith("//") and not body):
            body.append(line)
            continue
        content = stripped[2:].strip()
        if param := _PARAM.match(content):
            params.append(_param(param))
        elif column := _COLUMN.match(content):
            choices = [c.strip() for c in column.group(3).split(",")] if column.group(3) else None
            columns.append(QueryColumn(name=column.group(1), type=column.group(2), choices=choices))
        elif ":" in content:
            key, value = content.split(":", 1)
            header[key.strip()] = value.strip()
    cypher = "\n".join(body).strip()
    used = set(_USED.findall(cypher))
    declared = {p.name for p in params}
    if used != declared:
        raise ValueError(f"{path.name}: declared parameters {sorted(declared)} differ from those used {sorted(used)}")
    missing = {"name", "title", "description"} - set(header)
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    if not columns:
        raise ValueError(f"{path.name}: declares no result columns ('// column NAME: TYPE')")
    return CannedQuery(
        name=header["name"],
        title=header["title"],
        description=header["description"],
        params=params,
        columns=columns,
        cypher=cypher,
    )


@lru_cache(maxsize=1)
def registry() -> dict[str, CannedQuery]:
    queries = [parse_query_file(p) for p in sorted(QUERY_DIR.glob("*.cypher"))]
    names = [q.name for q in queries]
    duplicated = {n for n in names if names.count(n) > 1}
    if duplicated:
        raise ValueError(f"canned query names used twice: {', '.join(sorted(duplicated))}")
    return {q.name: q for q in queries}


def get_query(name: str) -> CannedQuery:
    try:
        return registry()[name]
    except KeyError:
        raise NotFound(
            f"no canned query named {name!r}", hint="list them with 'allegraph queries' or GET /queries"
        ) from None
