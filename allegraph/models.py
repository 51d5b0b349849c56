"""Typed shapes that cross boundaries: extraction output, graph rows, CLI/API payloads."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, Field, field_validator

ClaimKind = Literal["accuse", "deny", "condemn", "blame"]
ActorType = Literal["State", "Organization", "Person"]
PersonRole = Literal["official", "spokesperson"]
Modality = Literal["asserted", "hedged"]
DatePrecision = Literal["year", "month", "day"]

EDGE_BY_KIND: dict[str, str] = {
    "accuse": "ACCUSES",
    "deny": "DENIES",
    "condemn": "CONDEMNS",
    "blame": "BLAMES",
}


def normalise_name(name: str) -> str:
    """Fold accents, case and punctuation so that spelling variants share one id."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("\u2019", "'")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def lookup_key(name: str) -> str:
    """How an actor or place is looked up: ids as given, names normalised without a leading "the"."""
    if re.fullmatch(r"(actor|claim|incident|geonames):[\w.-]+", name.strip()):
        return name.strip()
    key = normalise_name(name)
    return key[4:] if key.startswith("the ") else key


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}:{digest[:16]}"


def actor_id(name: str, actor_type: str) -> str:
    return stable_id("actor", actor_type, normalise_name(name))


# A document id is given by the input and becomes an indexed property and part of an IRI. Stores
# cannot index long strings reliably (FalkorDB's index silently misses values over 4,096 bytes,
# Neo4j refuses keys over about 8 kB), so ids are bounded well below both: 512 characters are at
# most 2,048 bytes of UTF-8.
MAX_ID_CHARS = 512


class Document(BaseModel):
    id: str
    title: str | None = None
    text: str
    url: str | None = None
    published: str | None = None
    source: str | None = None
    path: str | None = None
    content_hash: str

    @field_validator("id")
    @classmethod
    def _id_fits_the_stores(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a document id cannot be empty")
        if len(value) > MAX_ID_CHARS:
            raise ValueError(f"the id is {len(value):,} characters long; at most {MAX_ID_CHARS} are allowed")
        return value


class Actor(BaseModel):
    id: str
    name: str
    type: ActorType
    role: PersonRole | None = None
    title: str | None = None
    represents: str | None = Field(
        default=None, description="Name of the state or organisation this actor ultimately speaks for"
    )
    represents_id: str | None = None
    affiliation_id: str | None = Field(
        default=None, description="Organisation or state a person speaks for (SPEAKS_FOR)"
    )
    state_id: str | None = Field(default=None, description="State an organisation belongs to (PART_OF)")
    aliases: list[str] = Field(default_factory=list)
    iso_code: str | None = None
    geonames_id: int | None = None
    keys: list[str] = Field(default_factory=list, description="Lookup keys: id, normalised name and aliases")
    scope_keys: list[str] = Field(
        default_factory=list, description="Own keys plus the keys of whom the actor represents"
    )


class Place(BaseModel):
    id: str
    name: str
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    state_id: str | None = None
    keys: list[str] = Field(default_factory=list, description="Lookup keys: id and normalised name")


class Incident(BaseModel):
    id: str
    type: str
    label: str
    date: str | None = None
    casualties: int | None = None
    place_id: str | None = None


class Claim(BaseModel):
    id: str
    kind: ClaimKind
    speaker_id: str
    target_id: str | None = None
    charge: str
    evidence: str
    start: int
    end: int
    quote: str | None = None
    date: str | None = Field(None, description="ISO 8601 at the precision the text gives: 2018, 2018-03 or 2018-03-05")
    date_precision: DatePrecision | None = None
    modality: Modality = "asserted"
    confidence: float = 0.5
    extractor: str
    responds_to: str | None = None
    incident_id: str | None = None
    in_headline: bool = False


class DocumentGraph(BaseModel):
    """Everything extraction found in one document: the unit written atomically."""

    document: Document
    actors: list[Actor] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)

    def actor(self, actor_id_: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id_), None)


class ActorRef(BaseModel):
    id: str
    name: str
    type: ActorType
    role: PersonRole | None = None
    represents: str | None = None


class ClaimRecord(BaseModel):
    """One line of `allegraph extract --jsonl` (the format score.py reads)."""

    doc: str
    kind: ClaimKind
    speaker: ActorRef
    target: ActorRef | None
    charge: str
    evidence: str
    start: int
    end: int
    quote: str | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    modality: Modality
    confidence: float
    claim_id: str
    responds_to: str | None = None
    incident: str | None = None


def claim_records(graph: DocumentGraph, doc_label: str) -> list[ClaimRecord]:
    def ref(actor: Actor | None) -> ActorRef | None:
        if actor is None:
            return None
        return ActorRef(id=actor.id, name=actor.name, type=actor.type, role=actor.role, represents=actor.represents)

    incidents = {i.id: i.label for i in graph.incidents}
    records = []
    for claim in graph.claims:
        speaker = ref(graph.actor(claim.speaker_id))
        assert speaker is not None
        records.append(
            ClaimRecord(
                doc=doc_label,
                kind=claim.kind,
                speaker=speaker,
                target=ref(graph.actor(claim.target_id)),
                charge=claim.charge,
                evidence=claim.evidence,
                start=claim.start,
                end=claim.end,
                quote=claim.quote,
                date=claim.date,
                date_precision=claim.date_precision,
                modality=claim.modality,
                confidence=claim.confidence,
                claim_id=claim.id,
                responds_to=claim.responds_to,
                incident=incidents.get(claim.incident_id or ""),
            )
        )
    return records


class SkippedDocument(BaseModel):
    source: str
    reason: str


class OtherLanguage(BaseModel):
    source: str
    language: str = Field(description="ISO 639-1 code, e.g. fr")


class IngestSummary(BaseModel):
    documents: int = 0
    unchanged: int = 0
    claims: int = 0
    actors: int = 0
    skipped: list[SkippedDocument] = Field(default_factory=list)
    not_english: list[OtherLanguage] = Field(
        default_factory=list,
        description="Documents written that are clearly not in English: the extractor reads English only",
    )


class GraphStats(BaseModel):
    nodes: dict[str, int]
    edges: dict[str, int]
