"""Lookup keys written on actor and place nodes, so queries accept any name a reader would use.

"russia", "the Russian Federation", "Konashenkov" and "the U.N." all become keys at ingest
time; a query parameter is normalised the same way (allegraph.models.lookup_key), which keeps
the canned Cypher a plain list-membership test that runs on both stores.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from allegraph.ingest.gazetteer import load_gazetteer
from allegraph.models import Actor, Place, lookup_key


@lru_cache(maxsize=1)
def _aliases_by_name() -> dict[str, set[str]]:
    """Canonical state / organisation name -> every surface form the gazetteer knows."""
    gaz = load_gazetteer()
    aliases: dict[str, set[str]] = defaultdict(set)
    for alias, iso in gaz.state_names.items():
        aliases[gaz.states[iso].name].add(alias)
    for alias, org in gaz.orgs.items():
        aliases[org.name].add(alias)
    for alias, (display, _iso) in gaz.seats.items():
        aliases[display].add(alias)
    return aliases


def _own_keys(actor: Actor) -> list[str]:
    names = [actor.name, *actor.aliases, *_aliases_by_name().get(actor.name, ())]
    parts = actor.name.split()
    if actor.type == "Person" and len(parts) > 1:
        names.append(parts[-1])  # reporters refer to people by surname after the first mention
    return _unique([actor.id, *(lookup_key(n) for n in names)])


def assign_keys(actors: list[Actor], places: list[Place]) -> None:
    """Fill `keys` and `scope_keys` (own keys plus those of everyone the actor speaks for)."""
    by_id = {a.id: a for a in actors}
    for actor in actors:
        actor.keys = _own_keys(actor)
    for actor in actors:
        scope = list(actor.keys)
        for other_id in _speaks_for(actor, by_id):
            scope += by_id[other_id].keys
        actor.scope_keys = _unique(scope)
    for place in places:
        place.keys = _unique([place.id, lookup_key(place.name)])


def _speaks_for(actor: Actor, by_id: dict[str, Actor]) -> list[str]:
    chain: list[str] = []
    frontier = [actor.affiliation_id, actor.state_id, actor.represents_id]
    while frontier:
        next_id = frontier.pop(0)
        if next_id is None or next_id in chain or next_id == actor.id or next_id not in by_id:
            continue
        chain.append(next_id)
        other = by_id[next_id]
        frontier += [other.affiliation_id, other.state_id, other.represents_id]
    return chain


def _unique(keys: list[str]) -> list[str]:
    return [k for k in dict.fromkeys(keys) if k]
