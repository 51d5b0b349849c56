"""Namespaces, IRI minting and literal helpers for the RDF export.

Data IRIs are `{base}{kind}/{local}`, where `local` is the node id without its kind prefix
("actor:59355cb4eb0c8f5f" → `{base}actor/59355cb4eb0c8f5f`). Node ids are derived from content
(names, document ids, offsets), so a re-ingest mints the same IRIs.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import quote, urlsplit

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

from allegraph.config import DEFAULT_BASE_IRI as DEFAULT_BASE
from allegraph.errors import BadRequest

AG = Namespace("https://w3id.org/allegraph/ns#")
SCHEMA = Namespace("https://schema.org/")
GEONAMES = "https://sws.geonames.org/{id}/"
KINDS = ("actor", "claim", "document", "incident", "place")

PREFIXES: dict[str, str] = {
    "ag": str(AG),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

# Characters kept as they are in a local name; everything else is percent-encoded (UTF-8),
# which keeps every minted IRI valid in Turtle, N-Triples and JSON-LD.
_LOCAL_SAFE = ":@!$&'()*+,;=-._~"
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_base(base: str) -> str:
    """An absolute http(s) IRI ending in '/' or '#', so that `base + kind/local` is well formed."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or not base.endswith(("/", "#")):
        raise BadRequest(
            f"base IRI {base!r} must be an absolute http(s) IRI ending in '/' or '#'",
            hint=f"for example {DEFAULT_BASE}",
        )
    if any(ch in base for ch in ' <>"{}|\\^`'):
        raise BadRequest(f"base IRI {base!r} contains characters not allowed in an IRI")
    return base


class Minter:
    """Stable IRIs for graph nodes under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)

    def __call__(self, kind: str, node_id: str) -> URIRef:
        local = node_id.removeprefix(f"{kind}:")
        return URIRef(f"{self.base}{kind}/{quote(local, safe=_LOCAL_SAFE)}")

    def namespaces(self) -> dict[str, str]:
        """Prefixes for compact Turtle/TriG output: one per node kind, under the base."""
        return {kind: f"{self.base}{kind}/" for kind in KINDS}


def geonames_iri(geonames_id: object) -> URIRef | None:
    if geonames_id is None or not str(geonames_id).isdigit():
        return None
    return URIRef(GEONAMES.format(id=geonames_id))


def web_iri(url: str | None) -> URIRef | None:
    """A document URL as an IRI; characters an IRI may not hold are percent-encoded."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    return URIRef(quote(url, safe=_URL_SAFE))


def text(value: object) -> Literal | None:
    return None if value is None or value == "" else Literal(str(value))


def integer(value: object) -> Literal | None:
    return None if value is None else Literal(int(str(value)), datatype=XSD.integer)


def decimal(value: object) -> Literal | None:
    # xsd:decimal from the float's shortest repr: 0.9 stays "0.9" in every format, where an
    # xsd:double would come out of the Turtle writer as 9e-01.
    return None if value is None else Literal(Decimal(repr(float(str(value)))), datatype=XSD.decimal)


def boolean(value: object) -> Literal | None:
    return None if value is None else Literal(bool(value), datatype=XSD.boolean)


def calendar(value: str | None) -> Literal | None:
    """xsd:date or xsd:dateTime when the text is ISO 8601; otherwise the text as given."""
    if not value:
        return None
    if _ISO_DATE.match(value):
        try:
            return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            return Literal(value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return Literal(value)
    return Literal(moment.isoformat(), datatype=XSD.dateTime)
