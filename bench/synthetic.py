"""Synthetic document graphs with a realistic shape, written through the real write path.

About 200 states, thousands of organisations and people (each person speaks for an
organisation, each organisation belongs to a state), and power-law activity: a few actors make
and receive most claims, as in the news. Deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from allegraph import EXTRACTOR_VERSION
from allegraph.models import Actor, Claim, ClaimKind, Document, DocumentGraph, Incident, Place, stable_id

KINDS: tuple[ClaimKind, ...] = ("accuse", "deny", "condemn", "blame")
CHARGES = ("war crimes", "shelling civilians", "violating the ceasefire", "the attack", "spreading disinformation")


@dataclass(frozen=True)
class Shape:
    states: int = 200
    organizations: int = 2_000
    people: int = 5_000
    claims_per_document: int = 10
    skew: float = 1.1  # Zipf exponent of actor activity


def _actors(shape: Shape) -> list[Actor]:
    states = [
        Actor(id=stable_id("actor", "State", n), name=f"State {n:03d}", type="State", iso_code=_iso(n))
        for n in range(shape.states)
    ]
    orgs = [
        Actor(
            id=stable_id("actor", "Organization", n),
            name=f"Ministry {n:04d}",
            type="Organization",
            state_id=states[n % len(states)].id,
        )
        for n in range(shape.organizations)
    ]
    people = [
        Actor(
            id=stable_id("actor", "Person", n),
            name=f"Person {n:05d}",
            type="Person",
            role="spokesperson" if n % 3 == 0 else "official",
            title="spokesperson" if n % 3 == 0 else "minister",
            affiliation_id=orgs[n % len(orgs)].id,
        )
        for n in range(shape.people)
    ]
    everyone = states + orgs + people
    for actor in everyone:
        actor.keys = [actor.id, actor.name.lower()]
        actor.scope_keys = list(actor.keys)
    return everyone


def _iso(n: int) -> str:
    return chr(65 + n // 26 % 26) + chr(65 + n % 26)


def synthetic_documents(n_claims: int, shape: Shape = Shape(), seed: int = 7) -> Iterator[DocumentGraph]:
    """Documents holding `n_claims` claims in all, `shape.claims_per_document` each."""
    rng = random.Random(seed)
    actors = _actors(shape)
    rng.shuffle(actors)  # so that the most active actors are of every type
    by_id = {a.id: a for a in actors}
    weights = [1 / (rank + 1) ** shape.skew for rank in range(len(actors))]
    place = Place(id="geonames:170063", name="Aleppo", geonames_id=170063, latitude=36.20124, longitude=37.16117)
    n_documents = max(1, -(-n_claims // shape.claims_per_document))
    for number in range(n_documents):
        doc_id = f"synthetic-{seed}-{number:07d}"
        count = min(shape.claims_per_document, n_claims - number * shape.claims_per_document)
        pairs = [rng.choices(actors, weights, k=2) for _ in range(count)]
        sentences = [f"{s.name} accused {t.name} of {rng.choice(CHARGES)}." for s, t in pairs]
        text = " ".join(sentences)
        incident = Incident(id=stable_id("incident", doc_id), type="air strike", label="air strike", place_id=place.id)
        claims, offset = [], 0
        for index, ((speaker, target), sentence) in enumerate(zip(pairs, sentences, strict=True)):
            claims.append(
                Claim(
                    id=stable_id("claim", doc_id, index),
                    kind=rng.choice(KINDS),
                    speaker_id=speaker.id,
                    target_id=target.id if rng.random() < 0.9 else None,
                    charge=rng.choice(CHARGES),
                    evidence=sentence,
                    start=offset,
                    end=offset + len(sentence),
                    date=f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
                    confidence=0.75,
                    extractor=EXTRACTOR_VERSION,
                    incident_id=incident.id if index == 0 else None,
                )
            )
            offset += len(sentence) + 1
        used = _with_affiliations({a.id for pair in pairs for a in pair}, by_id)
        yield DocumentGraph(
            document=Document(
                id=doc_id,
                title=sentences[0] if sentences else doc_id,
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            ),
            actors=[by_id[actor_id] for actor_id in sorted(used)],
            claims=claims,
            incidents=[incident],
            places=[place],
        )


def _with_affiliations(actor_ids: set[str], by_id: dict[str, Actor]) -> set[str]:
    """The actors plus whom they speak for and the states those belong to: no bare nodes."""
    result = set(actor_ids)
    frontier = set(actor_ids)
    while frontier:
        linked = {ref for a in frontier for ref in (by_id[a].affiliation_id, by_id[a].state_id) if ref is not None}
        frontier = linked - result
        result |= frontier
    return result
