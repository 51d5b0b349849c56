"""Dates keep their precision all the way to RDF: a year is an xsd:gYear, a month an
xsd:gYearMonth, a day an xsd:date, and the export stays SHACL-valid with all three."""

from __future__ import annotations

import json
from pathlib import Path

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import XSD

from allegraph.config import Settings
from allegraph.graph.store import GraphStore
from allegraph.rdf.export import RdfFormat
from allegraph.rdf.terms import AG, SCHEMA
from allegraph.schema import SCHEMA_DIR
from allegraph.service import ingest_paths
from tests.test_rdf import exported, parse

ARTICLES = [
    ("year", "Peru accused Chile of spying in 2018."),
    ("month", "Peru accused Bolivia of spying in March."),
    ("day", "Peru accused Ecuador of spying on March 5, 2019."),
]


def test_claim_dates_are_typed_by_their_precision(
    store: GraphStore,
    settings: Settings,
    nlp,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    source = tmp_path / "dated.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": k, "text": t, "published": "2020-06" if k == "month" else "2020-06-04"}) + "\n"
            for k, t in ARTICLES
        ),
        encoding="utf-8",
    )
    summary = ingest_paths(store, nlp, [str(source)], settings)
    assert summary.documents == 3 and not summary.skipped
    graph = parse(exported(store, RdfFormat.ttl), RdfFormat.ttl)
    dates = {str(value): value.datatype for value in graph.objects(None, AG.date)}
    assert dates == {"2018": XSD.gYear, "2020-03": XSD.gYearMonth, "2019-03-05": XSD.date}
    published = {str(value): value.datatype for value in graph.objects(None, SCHEMA.datePublished)}
    assert published["2020-06"] == XSD.gYearMonth  # a month-only publication date stays a month
    conforms, _, report = validate(graph, shacl_graph=Graph().parse(SCHEMA_DIR / "shapes.ttl"), inference="none")
    assert conforms, report
