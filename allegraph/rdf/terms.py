"""Namespaces, IRI minting and literal helpers for the RDF export.

Data IRIs are `{base}{kind}/{local}`, where `local` is the node id without its kind prefix
("actor:59355cb4eb0c8f5f" → `{base}actor/59355cb4eb0c8f5f`). Node ids are derived from content
(names, document ids, offsets), so a re-ingest mints the same IRIs.
"""

from __future__ import annotations

import ipaddress
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
    """A document URL as an IRI every RDF parser accepts, or None when it cannot be one.

    URLs come from input files, so nothing about them is trusted: the URL is rebuilt from its
    parts, with a host that must be a valid name or address, a port in range, the user part
    dropped (credentials are not published), and every character or `%` that a URI may not
    hold there percent-encoded — `%zz` becomes `%25zz` rather than an IRI that makes a strict
    parser refuse the whole file."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = _host(parts.hostname or "")
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or host is None:
        return None
    authority = host if port is None else f"{host}:{port}"
    iri = f"{parts.scheme.lower()}://{authority}{_escape(parts.path or '/', _PATH_SAFE)}"
    if parts.query or url.rstrip("#").endswith("?"):
        iri += "?" + _escape(parts.query, _QUERY_SAFE)
    if parts.fragment:
        iri += "#" + _escape(parts.fragment, _QUERY_SAFE)
    return URIRef(iri)


_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
# RFC 3986's reg-name without escapes (underscores occur in real host names)
_REG_NAME = re.compile(r"^[a-z0-9._~!$&'()*+,;=-]+$")


def _escape(component: str, safe: str) -> str:
    """Percent-encode what may not stand in a URI component, keeping valid `%XX` escapes."""
    pieces = _PERCENT.split(component)
    escapes = _PERCENT.findall(component)
    out = [quote(pieces[0], safe=safe)]
    for escape, piece in zip(escapes, pieces[1:], strict=True):
        out.append(escape.upper() + quote(piece, safe=safe))
    return "".join(out)


def _host(hostname: str) -> str | None:
    """A host name (IDNA-encoded when it is not ASCII) or an IP address; None otherwise."""
    try:
        return f"[{ipaddress.IPv6Address(hostname)}]" if ":" in hostname else str(ipaddress.IPv4Address(hostname))
    except ValueError:
        pass
    try:
        ascii_name = hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    return ascii_name if len(ascii_name) <= 253 and _REG_NAME.match(ascii_name) else None


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
    """xsd:gYear, xsd:gYearMonth, xsd:date or xsd:dateTime (canonical) as precise as the text is; else the text.

    ISO 8601 first; then the forms feeds and pages use ("Tue, 11 Oct 2016 10:30:00 GMT",
    "March 5, 2024"), read as the ingest reads `published` for claim dates (dateparser), but
    only absolute ones with day, month and year: "yesterday" or "October 2016" stay text."""
    if not value:
        return None
    text_value = value.strip()
    reduced = _reduced_precision(text_value)
    if reduced is not None:
        return reduced
    if _ISO_DATE.match(text_value):
        try:
            return _date(date.fromisoformat(text_value))
        except ValueError:
            return Literal(value)
    try:
        return _date_time(datetime.fromisoformat(text_value.replace("Z", "+00:00")))
    except ValueError:
        pass
    parsed = _parse_loose(text_value)
    if parsed is None:
        return Literal(value)
    return _date_time(parsed) if _HAS_TIME.search(text_value) else _date(parsed.date())


_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _reduced_precision(value: str) -> Literal | None:
    """A date the text gives only to the year or month ("in 2018", "in March 2019"): xsd:gYear or
    xsd:gYearMonth, never a day invented for it."""
    match = _YEAR_MONTH.match(value)
    if match is None:
        return None
    if match.group(2) is None:
        return Literal(value, datatype=XSD.gYear)
    return Literal(value, datatype=XSD.gYearMonth) if 1 <= int(match.group(2)) <= 12 else Literal(value)


_LOOSE = {"STRICT_PARSING": True, "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}


def _parse_loose(value: str) -> datetime | None:
    import dateparser

    try:
        return dateparser.parse(value, settings=_LOOSE)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None


def _date(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


def _date_time(moment: datetime) -> Literal:
    """The canonical xsd:dateTime lexical form: no trailing zeros in the fraction (none at all
    for whole seconds), `Z` for UTC. rdflib would re-render it with six digits and `+00:00`,
    so the literal is not normalised."""
    lexical = moment.replace(tzinfo=None).isoformat(timespec="microseconds")
    head, _, fraction = lexical.partition(".")
    lexical = f"{head}.{fraction.rstrip('0')}" if fraction.rstrip("0") else head
    offset = moment.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        lexical += "Z" if minutes == 0 else f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return Literal(lexical, datatype=XSD.dateTime, normalize=False)
