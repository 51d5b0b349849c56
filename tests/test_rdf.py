"""The RDF export of the seed graph: every format holds the same statements, the export is
SHACL-valid, SPARQL over it answers like the Cypher registry, and IRIs survive a re-ingest."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from allegraph.config import Settings
from allegraph.graph.falkor import EmbeddedServer
from allegraph.graph.store import GraphStore, open_store
from allegraph.querying import run_query
from allegraph.rdf.export import RdfFormat, export, jsonld_context
from allegraph.rdf.mapping import KIND_CLASS
from allegraph.rdf.terms import AG, SCHEMA, Minter
from allegraph.schema import SCHEMA_DIR
from allegraph.service import ingest_paths
from tests.conftest import DATED_WIRE, EXAMPLES, ROOT, Seeded, _short_home

PARSER = {RdfFormat.ttl: "turtle", RdfFormat.nt: "nt", RdfFormat.jsonld: "json-ld", RdfFormat.trig: "trig"}
KIND_OF_CLASS = {cls: kind for kind, cls in KIND_CLASS.items()}

WHO_ACCUSED_WHOM_SPARQL = """
PREFIX ag: <https://w3id.org/allegraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT ?speaker ?kind ?target ?evidence WHERE {
  ?claim a ag:Claim, ?kindClass ;
         prov:wasAttributedTo/schema:identifier ?speaker ;
         ag:target/schema:identifier ?target ;
         ag:evidence ?evidence .
  VALUES (?kindClass ?kind) {
    (ag:Accusation "accuse") (ag:Denial "deny") (ag:Condemnation "condemn") (ag:Blame "blame")
  }
}
"""


def exported(store: GraphStore, fmt: RdfFormat, base: str = "https://example.org/ag/") -> bytes:
    out = io.BytesIO()
    export(store, out, fmt, Minter(base), timeout_ms=30_000, page_size=2)  # tiny pages: paging is exercised
    return out.getvalue()


def parse(data: bytes, fmt: RdfFormat) -> Graph:
    if fmt is RdfFormat.trig:
        dataset = Dataset()
        dataset.parse(data=data, format="trig")
        union = Graph()
        for subject, predicate, value, _ in dataset.quads((None, None, None, None)):
            union.add((subject, predicate, value))
        return union
    return Graph().parse(data=data, format=PARSER[fmt])


@pytest.fixture(scope="module")
def export_graph(seeded: Seeded) -> Graph:
    return parse(exported(seeded.store, RdfFormat.ttl), RdfFormat.ttl)


def test_every_format_parses_back_to_the_same_statements(seeded: Seeded, export_graph: Graph) -> None:
    expected = set(export_graph)
    assert len(expected) > 500
    for fmt in (RdfFormat.nt, RdfFormat.jsonld, RdfFormat.trig):
        got = set(parse(exported(seeded.store, fmt), fmt))
        assert got == expected, f"{fmt}: {len(got - expected)} extra, {len(expected - got)} missing"


def test_trig_holds_each_documents_claims_in_its_own_named_graph(seeded: Seeded) -> None:
    dataset = Dataset()
    dataset.parse(data=exported(seeded.store, RdfFormat.trig), format="trig")
    documents = set(dataset.default_graph.subjects(RDF.type, AG.Document))
    named = {g.identifier: g for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier}
    named = {name: g for name, g in named.items() if len(g)}
    assert len(named) == 6 and not documents  # documents are described inside their own graphs
    for name, graph in named.items():
        assert (name, RDF.type, AG.Document) in graph
        claims = set(graph.subjects(RDF.type, AG.Claim))
        assert claims and all(graph.value(c, PROV.wasQuotedFrom) == name for c in claims)


def test_export_conforms_to_the_shapes(export_graph: Graph) -> None:
    conforms, _, report = validate(export_graph, shacl_graph=_shapes(), inference="none")
    assert conforms, report


def _shapes() -> Graph:
    return Graph().parse(SCHEMA_DIR / "shapes.ttl")


def _some_claim(graph: Graph, kind: URIRef = AG.Denial) -> URIRef:
    return sorted(c for c in graph.subjects(RDF.type, kind) if isinstance(c, URIRef))[0]


def _drop_speaker(graph: Graph, claim: URIRef) -> None:
    graph.remove((claim, PROV.wasAttributedTo, None))


def _second_kind(graph: Graph, claim: URIRef) -> None:
    graph.add((claim, RDF.type, AG.Accusation))


def _confidence_as_text(graph: Graph, claim: URIRef) -> None:
    graph.set((claim, AG.confidence, Literal("high")))


def _target_is_a_document(graph: Graph, claim: URIRef) -> None:
    graph.set((claim, AG.target, graph.value(claim, PROV.wasQuotedFrom)))


def _evidence_ends_before_it_starts(graph: Graph, claim: URIRef) -> None:
    graph.set((claim, AG.evidenceEnd, Literal(0)))


@pytest.mark.parametrize(
    "damage",
    [_drop_speaker, _second_kind, _confidence_as_text, _target_is_a_document, _evidence_ends_before_it_starts],
)
def test_a_broken_export_does_not_conform(export_graph: Graph, damage) -> None:  # type: ignore[no-untyped-def]
    broken = Graph()
    for triple in export_graph:
        broken.add(triple)
    claim = _some_claim(broken)
    damage(broken, claim)
    conforms, results, _ = validate(broken, shacl_graph=_shapes(), inference="none")
    assert not conforms
    focus = set(results.objects(None, URIRef("http://www.w3.org/ns/shacl#focusNode")))
    assert focus == {claim}


def test_sparql_answers_like_the_who_accused_whom_cypher(seeded: Seeded, export_graph: Graph) -> None:
    rows = run_query(seeded.store, "who-accused-whom", {"limit": 100_000}, timeout_ms=30_000).rows
    from_cypher = {(r["speaker_id"], r["kind"], r["target_id"], r["evidence"]) for r in rows}
    from_sparql = {tuple(str(v) for v in row) for row in export_graph.query(WHO_ACCUSED_WHOM_SPARQL)}
    assert len(from_cypher) > 10
    assert from_sparql == from_cypher


def test_direct_statements_match_the_claims(export_graph: Graph) -> None:
    direct = {
        (s, p, o) for p in (AG.accuses, AG.denies, AG.condemns, AG.blames) for s, o in export_graph.subject_objects(p)
    }
    by_claims = set()
    for claim in export_graph.subjects(RDF.type, AG.Claim):
        target = export_graph.value(claim, AG.target)
        if target is None:
            continue
        kind = next(KIND_OF_CLASS[c] for c in export_graph.objects(claim, RDF.type) if c in KIND_OF_CLASS)
        predicate = {"accuse": AG.accuses, "deny": AG.denies, "condemn": AG.condemns, "blame": AG.blames}[kind]
        by_claims.add((export_graph.value(claim, PROV.wasAttributedTo), predicate, target))
    assert direct == by_claims and direct


def test_places_and_states_link_to_geonames(export_graph: Graph) -> None:
    russia = next(export_graph.subjects(SCHEMA.name, Literal("Russia")))
    assert (russia, SCHEMA.sameAs, URIRef("https://sws.geonames.org/2017370/")) in export_graph
    idlib = next(export_graph.subjects(SCHEMA.name, Literal("Idlib")))
    geo = export_graph.value(idlib, SCHEMA.geo)
    assert 35 < float(export_graph.value(geo, SCHEMA.latitude)) < 37  # type: ignore[arg-type]
    assert str(export_graph.value(idlib, SCHEMA.sameAs)).startswith("https://sws.geonames.org/")


def test_iris_are_identical_after_a_re_ingest(nlp, seeded: Seeded) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(store="embedded", home=_short_home(), graph_name="again")
    try:
        with open_store(settings) as fresh:
            ingest_paths(fresh, nlp, [str(DATED_WIRE), str(EXAMPLES)], settings)  # other order, new store
            again = exported(fresh, RdfFormat.nt)
    finally:
        EmbeddedServer(settings.home).stop()
    assert set(parse(again, RdfFormat.nt)) == set(parse(exported(seeded.store, RdfFormat.nt), RdfFormat.nt))


def test_the_vocabulary_declares_every_term_the_export_uses(export_graph: Graph) -> None:
    vocabulary = Graph().parse(SCHEMA_DIR / "allegraph.ttl")
    declared = {s for s in vocabulary.subjects(RDFS.isDefinedBy, URIRef(str(AG)))}
    used = {p for p in export_graph.predicates() if str(p).startswith(str(AG))}
    used |= {o for o in export_graph.objects(None, RDF.type) if str(o).startswith(str(AG))}
    assert used <= declared, used - declared
    for term in declared:
        assert vocabulary.value(term, RDFS.label) and vocabulary.value(term, RDFS.comment), term
    context_terms = {v if isinstance(v, str) else v["@id"] for v in jsonld_context().values()}
    ag_terms = {URIRef(str(AG) + t.removeprefix("ag:")) for t in context_terms if t.startswith("ag:")}
    assert ag_terms <= declared, ag_terms - declared


def test_minted_iris_are_valid_for_any_document_id(tmp_path: Path) -> None:
    mint = Minter("https://example.org/data/")
    odd = ["a b/c#d?e", "ünïcødé—id", 'quote"<tag>{x}|^`\\', "document:already-prefixed"]
    graph = Graph()
    for node_id in odd:
        graph.add((mint("document", node_id), SCHEMA.identifier, Literal(node_id)))
    out = tmp_path / "odd.nt"
    graph.serialize(out, format="nt", encoding="utf-8")
    parsed = Graph().parse(out, format="nt")
    assert {str(o) for o in parsed.objects()} == set(odd)
    assert mint("document", "x") == URIRef("https://example.org/data/document/x")
    assert mint("actor", "actor:0123") == URIRef("https://example.org/data/actor/0123")


def _readme_twins() -> dict[str, dict[str, str]]:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    twins: dict[str, dict[str, str]] = {}
    for name, language, body in re.findall(r"<!-- twin: ([\w-]+) -->\n```(\w+)\n(.*?)```", readme, re.S):
        twins.setdefault(name, {})[language] = body
    return twins


def test_the_readme_sparql_examples_answer_like_their_cypher_twins(seeded: Seeded, export_graph: Graph) -> None:
    twins = _readme_twins()
    assert len(twins) >= 2 and all(set(pair) == {"cypher", "sparql"} for pair in twins.values()), twins
    for name, pair in twins.items():
        cypher_rows = {tuple(row.values()) for row in seeded.store.read(pair["cypher"]).rows}
        sparql_rows = {tuple(str(v) for v in row) for row in export_graph.query(pair["sparql"])}
        assert cypher_rows and sparql_rows == cypher_rows, name
