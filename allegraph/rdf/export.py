"""The RDF export: page through the graph with the `export-*` canned queries, map each page to
quads, and write them in one of four formats.

N-Triples is written as the pages arrive, so memory stays flat however large the graph is.
Turtle, JSON-LD and TriG are built as one rdflib graph first (their serializers group
statements by subject and need the whole graph); use N-Triples for very large exports.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.term import Node

from allegraph.errors import BadRequest
from allegraph.graph.store import GraphStore
from allegraph.querying import ClaimOut, run_query
from allegraph.rdf.mapping import (
    DIRECT_PROPERTY,
    ExportActor,
    ExportDocument,
    ExportIncident,
    ExportPlace,
    Quad,
    actor_quads,
    claim_quads,
    document_quads,
    incident_quads,
    place_quads,
)
from allegraph.rdf.terms import PREFIXES, Minter
from allegraph.schema import SCHEMA_DIR

DEFAULT_PAGE_SIZE = 200
Progress = Callable[[str, int], None]


class RdfFormat(StrEnum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    trig = "trig"

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self]

    @property
    def extension(self) -> str:
        return f".{self.value}"


MEDIA_TYPES: dict[RdfFormat, str] = {
    RdfFormat.ttl: "text/turtle",
    RdfFormat.nt: "application/n-triples",
    RdfFormat.jsonld: "application/ld+json",
    RdfFormat.trig: "application/trig",
}
_RDFLIB_NAME = {RdfFormat.ttl: "turtle", RdfFormat.jsonld: "json-ld", RdfFormat.trig: "trig"}


class ExportSummary(BaseModel):
    format: RdfFormat
    base: str
    statements: int


RowsToQuads = Callable[[list[dict[str, Any]], Minter], Iterator[Quad]]
Pager = Callable[[GraphStore, int, int], Iterator[tuple[list[dict[str, Any]], int]]]
# claims are read a window of this many documents at a time (see export-claims)
WINDOW = 20
AFTER_ALL = "~"  # sorts after every id ("claim:…", "actor:…") and edge type


def _each(model: type[BaseModel], to_quads: Callable[[Any, Minter], Iterator[Quad]]) -> RowsToQuads:
    def rows_quads(rows: list[dict[str, Any]], mint: Minter) -> Iterator[Quad]:
        for row in rows:
            yield from to_quads(model.model_validate(row), mint)

    return rows_quads


@dataclass(frozen=True)
class _Source:
    query: str
    key: str  # the column pages are keyed on
    label: str
    to_quads: RowsToQuads
    pages: Pager | None = None  # how to page it, when not by `key` alone
    params: dict[str, Any] = field(default_factory=dict)  # fixed parameters of its query


def _windowed(query: str, window: str, key: str, position: Callable[[dict[str, Any]], str], present: str) -> Pager:
    """Pages of a query read a window of `window` nodes at a time, keyed on the node's id
    (`after_{window}`) and a position within it (`after_{key}`): export-claims and
    export-statements. A page costs the same whatever the graph's size or how many rows one node
    has. `present` is the column that is null on a node's placeholder row."""

    def pages(store: GraphStore, page_size: int, timeout_ms: int) -> Iterator[tuple[list[dict[str, Any]], int]]:
        after = ("", "")
        while True:
            params = {f"after_{window}": after[0], f"after_{key}": after[1], f"{window}s": WINDOW, "limit": page_size}
            rows = run_query(store, query, params, timeout_ms=timeout_ms).rows
            found = [row for row in rows if row[present] is not None]
            if found:
                yield found, len(found)
            if len(rows) == page_size:  # the window goes on after the last row
                after = (rows[-1][f"{_ROW_ID[window]}"], position(rows[-1]) if rows[-1][present] is not None else "")
                continue
            window_end = rows[0]["window_end"] if rows else None
            if window_end is None or after == (window_end, AFTER_ALL):
                return
            after = (window_end, AFTER_ALL)

    return pages


_ROW_ID = {"document": "document_id", "actor": "speaker_id"}


def statement_quads(rows: list[dict[str, Any]], mint: Minter) -> Iterator[Quad]:
    """export-statements rows: ag:accuses, ag:denies, … between actors, one per distinct triple."""
    for row in rows:
        if row["edge"] in DIRECT_PROPERTY:
            yield (
                mint("actor", row["speaker_id"]),
                DIRECT_PROPERTY[row["edge"]],
                mint("actor", row["target_id"]),
                None,
            )


# Order matters only for readability of the output: who, where, what happened, then what was said.
# Every source is paged by its own id, one row per node, so that a page costs the same however
# long the documents are or however many claims one holds.
_SOURCES = (
    _Source("export-actors", "id", "actors", _each(ExportActor, actor_quads), params={"direct": False}),
    _Source(
        "export-statements",
        "speaker_id",
        "statements",
        statement_quads,
        pages=_windowed("export-statements", "actor", "edge", lambda row: f"{row['edge']} {row['target_id']}", "edge"),
    ),
    _Source("export-places", "id", "places", _each(ExportPlace, place_quads)),
    _Source("export-incidents", "id", "incidents", _each(ExportIncident, incident_quads)),
    _Source("export-documents", "document_id", "documents", _each(ExportDocument, document_quads)),
    _Source(
        "export-claims",
        "claim_id",
        "claims",
        _each(ClaimOut, claim_quads),
        pages=_windowed("export-claims", "document", "claim", lambda row: str(row["claim_id"]), "claim_id"),
    ),
)
EXPORTED_LABELS = ("Actor", "Place", "Incident", "Document", "Claim")


def export_total(store: GraphStore) -> int:
    """How many nodes the export pages through."""
    counts = store.stats().nodes
    return sum(counts.get(label, 0) for label in EXPORTED_LABELS)


def iter_quads(
    store: GraphStore,
    mint: Minter,
    *,
    timeout_ms: int,
    page_size: int = DEFAULT_PAGE_SIZE,
    progress: Progress | None = None,
) -> Iterator[Quad]:
    """Every statement of the export, a page of nodes at a time (keyset pagination on ids)."""
    for source in _SOURCES:
        pages = (
            source.pages(store, page_size, timeout_ms) if source.pages else _pages(store, source, page_size, timeout_ms)
        )
        for page, nodes in pages:
            yield from source.to_quads(page, mint)
            if progress is not None:
                progress(source.label, nodes)


def _pages(
    store: GraphStore, source: _Source, page_size: int, timeout_ms: int
) -> Iterator[tuple[list[dict[str, Any]], int]]:
    """Each page's rows and how many nodes they cover (documents span one row per claim)."""
    after = ""
    while True:
        params = {"after": after, "limit": page_size, **source.params}
        rows = run_query(store, source.query, params, timeout_ms=timeout_ms).rows
        if not rows:
            return
        nodes = len({row[source.key] for row in rows})
        yield rows, nodes
        if nodes < page_size:
            return
        after = rows[-1][source.key]


def actor_description(store: GraphStore, actor_id: str, mint: Minter, *, timeout_ms: int) -> list[Quad]:
    """One actor's statements, as in the full export."""
    rows = run_query(store, "export-actors", {"id": actor_id, "limit": 1}, timeout_ms=timeout_ms).rows
    return [quad for row in rows for quad in actor_quads(ExportActor.model_validate(row), mint)]


def export(
    store: GraphStore,
    out: BinaryIO,
    fmt: RdfFormat,
    mint: Minter,
    *,
    timeout_ms: int,
    page_size: int = DEFAULT_PAGE_SIZE,
    progress: Progress | None = None,
) -> ExportSummary:
    quads = iter_quads(store, mint, timeout_ms=timeout_ms, page_size=page_size, progress=progress)
    statements = write_rdf(quads, out, fmt, mint)
    return ExportSummary(format=fmt, base=mint.base, statements=statements)


def export_file(
    store: GraphStore,
    path: Path | None,
    fmt: RdfFormat,
    mint: Minter,
    *,
    timeout_ms: int,
    progress: Progress | None = None,
) -> ExportSummary:
    """Export to a file (written beside it and renamed into place when complete) or to stdout."""
    if path is None:
        return export(store, sys.stdout.buffer, fmt, mint, timeout_ms=timeout_ms, progress=progress)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("wb") as out:
            summary = export(store, out, fmt, mint, timeout_ms=timeout_ms, progress=progress)
        partial.replace(path)
    except OSError as exc:
        raise BadRequest(f"cannot write {path}: {exc.strerror or exc}", hint="check the directory exists") from exc
    finally:
        partial.unlink(missing_ok=True)
    return summary


# --- writers --------------------------------------------------------------------------------


def write_rdf(quads: Iterable[Quad], out: BinaryIO, fmt: RdfFormat, mint: Minter) -> int:
    """Write the quads in `fmt`; returns how many statements were written."""
    return write_ntriples(quads, out) if fmt is RdfFormat.nt else _write_in_memory(quads, out, fmt, mint)


def write_ntriples(quads: Iterable[Quad], out: BinaryIO) -> int:
    count = 0
    for subject, predicate, value, _graph in quads:
        out.write(ntriples_line(subject, predicate, value).encode("utf-8"))
        count += 1
    return count


def ntriples_bytes(quads: Iterable[Quad], chunk_lines: int = 1000) -> Iterator[bytes]:
    """N-Triples in chunks, for a streaming HTTP response."""
    lines: list[str] = []
    for subject, predicate, value, _graph in quads:
        lines.append(ntriples_line(subject, predicate, value))
        if len(lines) >= chunk_lines:
            yield "".join(lines).encode("utf-8")
            lines.clear()
    if lines:
        yield "".join(lines).encode("utf-8")


def ntriples_line(subject: Node, predicate: Node, value: Node) -> str:
    return f"{_nt_term(subject)} {_nt_term(predicate)} {_nt_term(value)} .\n"


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        lexical = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    raise TypeError(f"the export mints no blank nodes, got {term!r}")


def _write_in_memory(quads: Iterable[Quad], out: BinaryIO, fmt: RdfFormat, mint: Minter) -> int:
    """Turtle, JSON-LD (default graph: every statement) or TriG (one named graph per document)."""
    if fmt is RdfFormat.trig:
        dataset = to_dataset(quads, mint)
        count = sum(len(g) for g in dataset.graphs())
        _SortedTrig(dataset).serialize(out)
        return count
    graph = to_graph(quads, mint)
    serialize_graph(graph, out, fmt, mint)
    return len(graph)


def to_graph(quads: Iterable[Quad], mint: Minter) -> Graph:
    graph = Graph()
    _bind(graph, mint)
    for subject, predicate, value, _graph in quads:
        graph.add((subject, predicate, value))
    return graph


def to_dataset(quads: Iterable[Quad], mint: Minter) -> Dataset:
    dataset = Dataset()
    _bind(dataset, mint)
    graphs: dict[URIRef | None, Graph] = {None: dataset.default_graph}
    for subject, predicate, value, name in quads:
        if name not in graphs:
            graphs[name] = dataset.graph(name)
        graphs[name].add((subject, predicate, value))
    return dataset


def serialize_graph(graph: Graph, out: BinaryIO, fmt: RdfFormat, mint: Minter) -> None:
    if fmt is RdfFormat.jsonld:
        out.write(jsonld_bytes(graph))
    else:
        graph.serialize(out, format=_RDFLIB_NAME[fmt])


def jsonld_bytes(graph: Graph) -> bytes:
    """JSON-LD compacted with exactly the published context, so that a consumer who reads it
    with `allegraph/schema/context.jsonld` reads the same statements. The data namespaces are not added
    as prefixes: `incident` is a term (ag:incident) and would become a prefix, and the output
    would then depend on the inlined context. Nodes, keys and values are sorted: rdflib writes
    them in hash order, which changes from run to run."""
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    document = _sorted_json(json.loads(text))
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _sorted_json(value: Any) -> Any:
    # JSON-LD arrays are sets unless they are @list values, which the export never writes
    if isinstance(value, dict):
        return {key: _sorted_json(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


class _SortedTrig(TrigSerializer):
    """rdflib's TriG writer, with the graphs in a fixed order (the default graph first, then by
    name) instead of the store's hash order."""

    def __init__(self, dataset: Dataset) -> None:
        with warnings.catch_warnings():  # rdflib's own writer still calls Dataset's deprecated names
            warnings.simplefilter("ignore", DeprecationWarning)
            super().__init__(dataset)
        default = dataset.default_graph.identifier
        unique = {context.identifier: context for context in self.contexts}
        self.contexts = sorted(unique.values(), key=lambda g: (g.identifier != default, str(g.identifier)))


def _bind(graph: Graph, mint: Minter) -> None:
    for prefix, namespace in (PREFIXES | mint.namespaces()).items():
        graph.bind(prefix, namespace, override=True, replace=True)


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD context (allegraph/schema/context.jsonld), inlined so an export stands alone."""
    document = json.loads((SCHEMA_DIR / "context.jsonld").read_text(encoding="utf-8"))
    context: dict[str, Any] = document["@context"]
    return context
