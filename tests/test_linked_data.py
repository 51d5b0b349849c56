"""The export as third-party RDF tools read it: pyoxigraph loads every format strictly and finds
the same statements; JSON-LD means the same with the published context; IRIs from input are
valid whatever the input; dates are canonical; the vocabularies are used within their domains;
the shapes hold under RDFS and OWL-RL inference; every format is byte-for-byte deterministic;
and the README's SPARQL twin has a form that works on TriG's named graphs."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, XSD

from allegraph.rdf.export import RdfFormat, export
from allegraph.rdf.terms import AG, SCHEMA, Minter, calendar, web_iri
from allegraph.schema import SCHEMA_DIR
from tests.conftest import ROOT, Seeded, _backend_settings, wipe_test_database

BASE = "https://example.org/ag/"
OX_FORMAT = {
    RdfFormat.ttl: ox.RdfFormat.TURTLE,
    RdfFormat.nt: ox.RdfFormat.N_TRIPLES,
    RdfFormat.jsonld: ox.RdfFormat.JSON_LD,
    RdfFormat.trig: ox.RdfFormat.TRIG,
}
Triple = tuple[object, object, object]


def exported(store: object, fmt: RdfFormat) -> bytes:
    out = io.BytesIO()
    export(store, out, fmt, Minter(BASE), timeout_ms=30_000)  # type: ignore[arg-type]
    return out.getvalue()


def oxigraph_triples(data: bytes, fmt: RdfFormat) -> set[Triple]:
    """Strict parsing (pyoxigraph refuses a whole file for one bad IRI), warnings as errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quads = list(ox.parse(data, format=OX_FORMAT[fmt]))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) == len(quads), "a statement is repeated"
    return triples


@pytest.fixture(scope="module")
def turtle(seeded: Seeded) -> bytes:
    return exported(seeded.store, RdfFormat.ttl)


@pytest.fixture(scope="module")
def export_graph(turtle: bytes) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


def test_every_format_loads_into_pyoxigraph_with_the_same_statements(seeded: Seeded, turtle: bytes) -> None:
    expected = oxigraph_triples(turtle, RdfFormat.ttl)
    assert len(expected) > 500
    for fmt in (RdfFormat.nt, RdfFormat.jsonld, RdfFormat.trig):
        assert oxigraph_triples(exported(seeded.store, fmt), fmt) == expected, fmt


def test_json_ld_read_with_the_published_context_gives_the_turtle_statements(seeded: Seeded, turtle: bytes) -> None:
    document = json.loads(exported(seeded.store, RdfFormat.jsonld))
    published = json.loads((SCHEMA_DIR / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == published["@context"]  # nothing merged in that could shadow a term
    assert '"ag:incident"' not in json.dumps(document["@graph"])  # the term `incident` is used as a term
    document["@context"] = published["@context"]
    rereads = json.dumps(document).encode()
    assert oxigraph_triples(rereads, RdfFormat.jsonld) == oxigraph_triples(turtle, RdfFormat.ttl)
    # and rdflib's JSON-LD parser agrees (no blank nodes: the graphs compare as sets)
    assert set(Graph().parse(data=rereads, format="json-ld")) == set(Graph().parse(data=turtle, format="turtle"))


def test_the_published_context_has_no_term_that_is_also_a_prefix() -> None:
    context = json.loads((SCHEMA_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    prefixes = {name for name, value in context.items() if isinstance(value, str) and value.endswith(("/", "#"))}
    used_as_prefix = {
        value.split(":", 1)[0]
        for value in (v if isinstance(v, str) else v["@id"] for v in context.values())
        if ":" in value and not value.startswith(("http:", "https:"))
    }
    assert used_as_prefix <= prefixes
    assert not prefixes & {n for n, v in context.items() if not (isinstance(v, str) and v.endswith(("/", "#")))}


# --- IRIs and literals from input ------------------------------------------------------------

HOSTILE_URLS = [
    "http://example.org/%zz",
    "http://example.org/100%",
    "https://exa mple.org/x",
    'http://example.org/a b"<>{}|\\^`',
    "http://example.org:99999/",
    "http://[::1/",
    "http://user:secret@example.org/p",
    "http://bücher.example/ä?q=ü#frag ment",
    "javascript:alert(1)",
    "http://example.org/\u0000\u202e",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_url_from_input_becomes_a_valid_iri_or_nothing(url: str) -> None:
    iri = web_iri(url)
    if iri is not None:
        ox.NamedNode(str(iri))  # raises on an invalid IRI
        assert "secret" not in iri
    assert web_iri("http://example.org/%zz") == URIRef("http://example.org/%25zz")
    assert web_iri("https://example.org/a%20b") == URIRef("https://example.org/a%20b")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_url_text_gives_a_valid_iri_or_nothing(tail: str) -> None:
    for url in (f"http://example.org/{tail}", f"https://{tail}/x", f"http://{tail}"):
        iri = web_iri(url)
        if iri is not None:
            ox.NamedNode(str(iri))


@pytest.mark.parametrize(
    ("text", "lexical", "datatype"),
    [
        ("2016-10-11T10:30:00+00:00", "2016-10-11T10:30:00Z", XSD.dateTime),
        ("2016-10-11T10:30:00.500000Z", "2016-10-11T10:30:00.5Z", XSD.dateTime),
        ("2016-10-11T10:30:00.000000+05:30", "2016-10-11T10:30:00+05:30", XSD.dateTime),
        ("2016-10-11T10:30:00", "2016-10-11T10:30:00", XSD.dateTime),
        ("Tue, 11 Oct 2016 10:30:00 GMT", "2016-10-11T10:30:00Z", XSD.dateTime),
        ("11 October 2016", "2016-10-11", XSD.date),
        ("2016-10-11", "2016-10-11", XSD.date),
        ("October 2016", "October 2016", None),
        ("yesterday", "yesterday", None),
    ],
)
def test_dates_are_canonical_xsd_or_left_as_text(text: str, lexical: str, datatype: URIRef | None) -> None:
    literal = calendar(text)
    assert literal is not None and str(literal) == lexical and literal.datatype == datatype


HOSTILE_DOCUMENTS = [
    {"id": f"hostile-{n}", "url": url, "published": published, "text": text}
    for n, (url, published, text) in enumerate(
        [
            ("http://example.org/%zz", "Tue, 11 Oct 2016 10:30:00 GMT", "Turkey accused Russia of bombing a hospital."),
            ('http://example.org/a b"<x>', "2016-10-11T10:30:00.500000+00:00", "Germany condemned the attack."),
            ("https://exa mple.org/", "sometime", "Russia denied the accusation."),
        ]
    )
]


@pytest.fixture(scope="module", params=["falkordb", "neo4j"])
def hostile(request, nlp, tmp_path_factory) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from allegraph.graph.falkor import EmbeddedServer
    from allegraph.graph.store import open_store
    from allegraph.service import ingest_paths

    source = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in HOSTILE_DOCUMENTS), encoding="utf-8")
    settings_ = _backend_settings(request.param)
    with open_store(settings_) as store:
        if settings_.uses_neo4j:
            wipe_test_database(store)
        assert ingest_paths(store, nlp, [str(source)], settings_).documents == len(HOSTILE_DOCUMENTS)
        yield store
    if not settings_.uses_neo4j:
        EmbeddedServer(settings_.home).stop()


def test_hostile_urls_and_loose_dates_export_in_every_format(hostile: object) -> None:
    statements = oxigraph_triples(exported(hostile, RdfFormat.nt), RdfFormat.nt)
    for fmt in (RdfFormat.ttl, RdfFormat.jsonld, RdfFormat.trig):
        assert oxigraph_triples(exported(hostile, fmt), fmt) == statements, fmt
    graph = Graph().parse(data=exported(hostile, RdfFormat.nt), format="nt")
    urls = {str(o) for o in graph.objects(None, SCHEMA.url)}
    assert urls == {"http://example.org/%25zz", "http://example.org/a%20b%22%3Cx%3E"}
    dates = {(o, o.datatype) for o in graph.objects(None, SCHEMA.datePublished) if isinstance(o, Literal)}
    nt = exported(hostile, RdfFormat.nt).decode()
    assert '"2016-10-11T10:30:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in nt
    assert '"2016-10-11T10:30:00.5Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in nt
    assert (Literal("sometime"), None) in dates


# --- vocabularies and reasoning --------------------------------------------------------------


def test_terms_are_used_within_their_vocabularies_domains(export_graph: Graph) -> None:
    assert not set(export_graph.subject_objects(PROV.wasDerivedFrom))  # it would make incidents prov:Entity
    assert not set(export_graph.subject_objects(OWL.sameAs))
    for place in export_graph.subjects(RDF.type, SCHEMA.Place):
        assert export_graph.value(place, SCHEMA.addressCountry) is None
    coordinates = set(export_graph.subjects(RDF.type, SCHEMA.GeoCoordinates))
    assert {s for s, _ in export_graph.subject_objects(SCHEMA.addressCountry)} <= coordinates
    incidents = set(export_graph.subjects(RDF.type, AG.Incident))
    assert incidents and all(export_graph.value(i, SCHEMA.subjectOf) for i in incidents)
    claims = set(export_graph.subjects(RDF.type, SCHEMA.Claim))
    assert claims
    for claim in claims:
        assert export_graph.value(claim, SCHEMA.author) == export_graph.value(claim, PROV.wasAttributedTo)
        assert export_graph.value(claim, SCHEMA.text) == export_graph.value(claim, AG.evidence)
        assert export_graph.value(claim, SCHEMA.appearance) == export_graph.value(claim, PROV.wasQuotedFrom)
    russia = next(export_graph.subjects(SCHEMA.name, Literal("Russia")))
    assert (russia, SCHEMA.sameAs, URIRef("https://sws.geonames.org/2017370/")) in export_graph


@pytest.mark.parametrize("inference", ["none", "rdfs", "both"])
def test_the_shapes_hold_under_inference(export_graph: Graph, inference: str) -> None:
    """With the vocabulary as the ontology, as `pyshacl -i … -e allegraph/schema/allegraph.ttl` runs it."""
    conforms, _, report = validate(
        export_graph,
        shacl_graph=Graph().parse(SCHEMA_DIR / "shapes.ttl"),
        ont_graph=Graph().parse(SCHEMA_DIR / "allegraph.ttl"),
        inference=inference,
    )
    assert conforms, report


def test_a_merging_same_as_breaks_the_shapes_under_owl_reasoning(export_graph: Graph) -> None:
    damaged = Graph()
    for triple in export_graph:
        damaged.add(triple)
    for subject, geonames in list(export_graph.subject_objects(SCHEMA.sameAs)):
        damaged.add((subject, OWL.sameAs, geonames))
    conforms, _, _ = validate(damaged, shacl_graph=Graph().parse(SCHEMA_DIR / "shapes.ttl"), inference="both")
    assert not conforms


# --- deterministic output --------------------------------------------------------------------

_EXPORT_ALL = """
import sys
from pathlib import Path
from allegraph.config import Settings
from allegraph.rdf.export import RdfFormat, export_file
from allegraph.rdf.terms import Minter
from allegraph.graph.store import open_store
settings = Settings.from_env()
with open_store(settings) as store:
    for fmt in RdfFormat:
        export_file(store, Path(sys.argv[1]) / f"out.{fmt.value}", fmt, Minter(settings.base_iri), timeout_ms=30_000)
"""


def test_every_format_is_the_same_bytes_from_run_to_run(seeded: Seeded, tmp_path: Path) -> None:
    env = {**os.environ, "ALLEGRAPH_GRAPH": seeded.settings.graph_name}
    env |= {"ALLEGRAPH_STORE": seeded.settings.store, "ALLEGRAPH_HOME": str(seeded.settings.home)}
    runs = []
    for seed in ("1", "2"):  # rdflib's writers once followed hash order, which the seed changes
        out = tmp_path / seed
        out.mkdir()
        subprocess.run([sys.executable, "-c", _EXPORT_ALL, str(out)], env=env | {"PYTHONHASHSEED": seed}, check=True)
        runs.append({path.name: path.read_bytes() for path in out.iterdir()})
    assert len(runs[0]) == 4 and runs[0] == runs[1]


# --- the README's SPARQL on TriG -------------------------------------------------------------


def _readme_query(marker: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {re.escape(marker)} -->\n```sparql\n(.*?)```", readme, re.S)
    assert match, f"the README has no query marked {marker}"
    return match.group(1)


def test_the_readme_twin_on_trig_needs_its_graph_form(seeded: Seeded, turtle: bytes) -> None:
    store = ox.Store()
    store.load(exported(seeded.store, RdfFormat.trig), format=ox.RdfFormat.TRIG)
    plain = _readme_query("twin: accused-russia")
    graph_form = _readme_query("trig: accused-russia")
    on_turtle = {tuple(str(v) for v in row) for row in Graph().parse(data=turtle, format="turtle").query(plain)}  # type: ignore[union-attr]
    assert on_turtle

    def rows(query: str, union: bool = False) -> set[tuple[str, ...]]:
        solutions = store.query(query, use_default_graph_as_union=union)
        return {tuple(str(term.value) for term in row) for row in solutions}  # type: ignore[union-attr]

    assert rows(plain) == set()  # as the README warns: the claims sit in named graphs
    assert rows(graph_form) == on_turtle
    assert rows(plain, union=True) == on_turtle
