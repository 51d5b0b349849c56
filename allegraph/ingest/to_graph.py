"""Turn the component's plain payload plus document metadata into typed graph models."""

from __future__ import annotations

from typing import Any

from allegraph import EXTRACTOR_VERSION
from allegraph.ingest.gazetteer import load_gazetteer
from allegraph.ingest.incidents import date_precision, geocode, incident_id, resolve_date
from allegraph.ingest.keys import assign_keys
from allegraph.models import Actor, Claim, Document, DocumentGraph, Incident, Place, actor_id, stable_id


def _actors(rows: list[dict[str, Any]]) -> dict[str, Actor]:
    gaz = load_gazetteer()
    ids = {row["key"]: actor_id(row["name"], row["type"]) for row in rows}
    by_name = {row["name"]: ids[row["key"]] for row in rows}
    actors = {}
    for row in rows:
        state = gaz.states.get(row["iso"]) if row["iso"] else None
        actors[row["key"]] = Actor(
            id=ids[row["key"]],
            name=row["name"],
            type=row["type"],
            role=row["role"],
            title=row["title"],
            represents=row["represents"],
            represents_id=by_name.get(row["represents"] or ""),
            affiliation_id=ids.get(row["affiliation"] or ""),
            state_id=ids.get(row["state"] or ""),
            iso_code=row["iso"],
            geonames_id=state.geonames_id if state else None,
        )
    return actors


def _state_id_for_iso(iso: str) -> str | None:
    state = _state_actor(iso)
    return state.id if state else None


def _state_actor(iso: str) -> Actor | None:
    """The State a geocoded place lies in, so its LOCATED_IN edge never points at a bare node."""
    state = load_gazetteer().states.get(iso)
    if state is None:
        return None
    state_id = actor_id(state.name, "State")
    return Actor(
        id=state_id,
        name=state.name,
        type="State",
        represents=state.name,
        represents_id=state_id,
        iso_code=iso,
        geonames_id=state.geonames_id,
    )


def build_graph(document: Document, payload: dict[str, Any]) -> DocumentGraph:
    actors = _actors(payload["actors"])
    places: dict[str, Place] = {}
    incidents: dict[str, Incident] = {}
    claims: list[Claim] = []
    for row in payload["claims"]:
        speaker = actors[row["speaker"]]
        target = actors.get(row["target"] or "")
        date = resolve_date(row["dates"], document.published)
        claim_id = stable_id(
            "claim", document.id, row["start"], row["end"], row["kind"], speaker.id, target.id if target else ""
        )
        incident = _incident(document.id, row, date, places, incidents)
        claims.append(
            Claim(
                id=claim_id,
                kind=row["kind"],
                speaker_id=speaker.id,
                target_id=target.id if target else None,
                charge=row["charge"],
                evidence=row["evidence"],
                start=row["start"],
                end=row["end"],
                quote=row["quote"],
                date=date,
                date_precision=date_precision(date),
                modality=row["modality"],
                confidence=row["confidence"],
                extractor=EXTRACTOR_VERSION,
                incident_id=incident.id if incident else None,
                in_headline=row["headline"],
            )
        )
    for claim, row in zip(claims, payload["claims"], strict=True):
        if row["responds_to"] is not None:
            claim.responds_to = claims[row["responds_to"]].id
    by_id = {a.id: a for a in actors.values()}
    for place in places.values():
        state = _state_actor(place.country_code) if place.country_code else None
        if state is not None and state.id not in by_id:
            by_id[state.id] = state
    assign_keys(list(by_id.values()), list(places.values()))
    return DocumentGraph(
        document=document,
        actors=list(by_id.values()),
        claims=claims,
        incidents=list(incidents.values()),
        places=list(places.values()),
    )


def _incident(
    doc_id: str, row: dict[str, Any], date: str | None, places: dict[str, Place], incidents: dict[str, Incident]
) -> Incident | None:
    kind = row["incident_type"]
    if kind is None:
        return None
    place = next((p for name in row["places"] if (p := geocode(name, _state_id_for_iso))), None)
    if place is not None:
        places[place.id] = place
    new_id = incident_id(doc_id, kind, place.name if place else None, date)
    if new_id not in incidents:
        where = f" in {place.name}" if place else ""
        when = f", {date}" if date else ""
        incidents[new_id] = Incident(
            id=new_id,
            type=kind,
            label=f"{kind}{where}{when}",
            date=date,
            casualties=row["casualties"],
            place_id=place.id if place else None,
        )
    elif incidents[new_id].casualties is None:
        incidents[new_id].casualties = row["casualties"]
    return incidents[new_id]
