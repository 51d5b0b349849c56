"""Rows read from the graph → RDF quads, on the vocabulary in `allegraph/schema/allegraph.ttl`.

Pure functions: no store, no I/O. A quad's fourth element names the graph it belongs to in
TriG — the source document's IRI for a document and its claims, None (the default graph) for
actors, places and incidents, which many documents share.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, Field
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF
from rdflib.term import Node

from allegraph.models import EDGE_BY_KIND
from allegraph.querying import ClaimOut
from allegraph.rdf.terms import (
    AG,
    SCHEMA,
    Minter,
    boolean,
    calendar,
    decimal,
    geonames_iri,
    integer,
    text,
    web_iri,
)

Quad = tuple[URIRef, URIRef, Node, URIRef | None]

KIND_CLASS: dict[str, URIRef] = {
    "accuse": AG.Accusation,
    "deny": AG.Denial,
    "condemn": AG.Condemnation,
    "blame": AG.Blame,
}
# ACCUSES → ag:accuses, …: the direct actor-to-actor edges the graph keeps next to each claim
DIRECT_PROPERTY: dict[str, URIRef] = {edge: AG[edge.lower()] for edge in EDGE_BY_KIND.values()}
ACTOR_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "State": (AG.State, SCHEMA.Country),
    "Organization": (AG.Organization, SCHEMA.Organization),
    "Person": (AG.Person, SCHEMA.Person),
}
ROLE_CLASS = {"official": AG.Official, "spokesperson": AG.Spokesperson}


class ExportActor(BaseModel):
    id: str
    type: str | None = None
    role: str | None = None
    name: str | None = None
    title: str | None = None
    iso_code: str | None = None
    geonames_id: int | None = None
    speaks_for: list[str] = Field(default_factory=list)
    part_of: list[str] = Field(default_factory=list)
    direct: list[list[str]] = Field(default_factory=list, description="[edge type, target actor id] pairs")


class ExportPlace(BaseModel):
    id: str
    name: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    located_in: list[str] = Field(default_factory=list)


class ExportIncident(BaseModel):
    id: str
    type: str | None = None
    label: str | None = None
    date: str | None = None
    casualties: int | None = None
    places: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)


class ExportDocument(BaseModel):
    document_id: str
    document: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    content_hash: str | None = None
    extractor: str | None = None


def _emit(subject: URIRef, graph: URIRef | None, pairs: Iterable[tuple[URIRef, Node | None]]) -> Iterator[Quad]:
    for predicate, value in pairs:
        if value is not None:
            yield (subject, predicate, value, graph)


def actor_quads(actor: ExportActor, mint: Minter) -> Iterator[Quad]:
    iri = mint("actor", actor.id)
    classes = (AG.Actor, *ACTOR_CLASSES.get(actor.type or "", ()))
    if actor.type == "Organization" and actor.part_of:
        classes += (SCHEMA.GovernmentOrganization,)
    if actor.role in ROLE_CLASS:
        classes += (ROLE_CLASS[actor.role],)
    yield from _emit(iri, None, ((RDF.type, cls) for cls in classes))
    yield from _emit(
        iri,
        None,
        [
            (SCHEMA.identifier, Literal(actor.id)),
            (SCHEMA.name, text(actor.name)),
            (SCHEMA.jobTitle, text(actor.title)),
            (AG.role, text(actor.role)),
            (AG.isoCode, text(actor.iso_code)),
            # schema:sameAs, not owl:sameAs: a state is not the same individual as its GeoNames
            # feature, and OWL reasoners would merge the two (and their statements)
            (SCHEMA.sameAs, geonames_iri(actor.geonames_id)),
        ],
    )
    yield from _emit(iri, None, ((AG.speaksFor, mint("actor", other)) for other in sorted(set(actor.speaks_for))))
    yield from _emit(iri, None, ((AG.partOf, mint("actor", state)) for state in sorted(set(actor.part_of))))
    direct = {(edge, target) for edge, target in actor.direct if edge in DIRECT_PROPERTY}
    yield from _emit(iri, None, ((DIRECT_PROPERTY[edge], mint("actor", target)) for edge, target in sorted(direct)))


def place_quads(place: ExportPlace, mint: Minter) -> Iterator[Quad]:
    iri = mint("place", place.id)
    has_geo = place.latitude is not None and place.longitude is not None
    geo = URIRef(f"{iri}#geo")
    yield from _emit(
        iri,
        None,
        [
            (RDF.type, AG.Place),
            (RDF.type, SCHEMA.Place),
            (SCHEMA.identifier, Literal(place.id)),
            (SCHEMA.name, text(place.name)),
            (SCHEMA.sameAs, geonames_iri(place.geonames_id)),
            (SCHEMA.geo, geo if has_geo else None),
        ],
    )
    yield from _emit(iri, None, ((SCHEMA.containedInPlace, mint("actor", s)) for s in sorted(set(place.located_in))))
    if has_geo:
        yield from _emit(
            geo,
            None,
            [
                (RDF.type, SCHEMA.GeoCoordinates),
                (SCHEMA.latitude, decimal(place.latitude)),
                (SCHEMA.longitude, decimal(place.longitude)),
                # schema:addressCountry's domain holds GeoCoordinates, not Place
                (SCHEMA.addressCountry, text(place.country_code)),
            ],
        )


def incident_quads(incident: ExportIncident, mint: Minter) -> Iterator[Quad]:
    """Incidents no claim is about any more (their document changed on re-ingest) are left out."""
    if not incident.documents:
        return
    iri = mint("incident", incident.id)
    yield from _emit(
        iri,
        None,
        [
            (RDF.type, AG.Incident),
            (RDF.type, SCHEMA.Event),
            (SCHEMA.identifier, Literal(incident.id)),
            (SCHEMA.name, text(incident.label)),
            (AG.incidentType, text(incident.type)),
            (SCHEMA.startDate, calendar(incident.date)),
            (AG.casualties, integer(incident.casualties)),
        ],
    )
    yield from _emit(iri, None, ((SCHEMA.location, mint("place", p)) for p in sorted(set(incident.places))))
    sources = sorted(set(incident.documents))
    # schema:subjectOf (the articles about it), not prov:wasDerivedFrom, which would make the
    # incident a prov:Entity
    yield from _emit(iri, None, ((SCHEMA.subjectOf, mint("document", d)) for d in sources))


def document_quads(document: ExportDocument, mint: Minter) -> Iterator[Quad]:
    iri = mint("document", document.document_id)
    yield from _emit(
        iri,
        iri,
        [
            (RDF.type, AG.Document),
            (RDF.type, SCHEMA.NewsArticle),
            (SCHEMA.identifier, Literal(document.document_id)),
            (SCHEMA.headline, text(document.document)),
            (SCHEMA.url, web_iri(document.url)),
            (SCHEMA.datePublished, calendar(document.published)),
            (AG.publisherName, text(document.source)),
            (AG.contentHash, text(document.content_hash)),
            (AG.extractor, text(document.extractor)),
        ],
    )


def claim_quads(claim: ClaimOut, mint: Minter, *, labels: bool = False) -> Iterator[Quad]:
    """A claim as a resource in its document's graph. With `labels`, the names of its speaker,
    target and document come along, for a page that stands on its own (the API's views)."""
    iri = mint("claim", claim.claim_id)
    document = mint("document", claim.document_id)
    speaker = mint("actor", claim.speaker_id)
    target = mint("actor", claim.target_id) if claim.target_id else None
    yield from _emit(
        iri,
        document,
        [
            (RDF.type, AG.Claim),
            (RDF.type, KIND_CLASS[claim.kind]),
            (RDF.type, SCHEMA.Claim),
            (SCHEMA.identifier, Literal(claim.claim_id)),
            (PROV.wasAttributedTo, speaker),
            # what schema.org consumers read (ClaimReview's Claim): who said it, what, and where
            (SCHEMA.author, speaker),
            (SCHEMA.text, Literal(claim.evidence)),
            (SCHEMA.appearance, document),
            (AG.target, target),
            (AG.charge, text(claim.charge)),
            (AG.evidence, Literal(claim.evidence)),
            (AG.evidenceStart, integer(claim.start)),
            (AG.evidenceEnd, integer(claim.end)),
            (AG.quote, text(claim.quote)),
            (AG.date, calendar(claim.date)),
            (AG.modality, text(claim.modality)),
            (AG.confidence, decimal(claim.confidence)),
            (AG.inHeadline, boolean(claim.in_headline)),
            (PROV.wasQuotedFrom, document),
        ],
    )
    yield from _emit(iri, document, ((AG.respondsTo, mint("claim", c)) for c in sorted(set(claim.responds_to))))
    yield from _emit(iri, document, ((AG.incident, mint("incident", i)) for i in sorted(set(claim.incidents))))
    if labels:
        yield from _emit(speaker, None, [(SCHEMA.name, text(claim.speaker))])
        if target is not None:
            yield from _emit(target, None, [(SCHEMA.name, text(claim.target))])
        yield from _emit(document, None, [(SCHEMA.headline, text(claim.document))])
