"""A rewritten document takes with it what only its old claims referred to, and nothing else.

Re-ingesting a changed document replaces its claims; an incident, place or actor that nothing
refers to any more goes too, in the same atomic write, so the graph is the one a fresh ingest of
the current documents gives. Every test runs on the embedded FalkorDB and, when
ALLEGRAPH_TEST_NEO4J_URI is set, on that disposable Neo4j (skipped loudly otherwise).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from allegraph.config import Settings
from allegraph.graph.falkor import FalkorStore
from allegraph.graph.store import GraphStore, open_store
from allegraph.graph.write import WRITE_DOCUMENTS, documents_params
from allegraph.models import Actor, Claim, Document, DocumentGraph, Incident, Place, stable_id
from allegraph.queries import registry
from tests.conftest import wipe

# --- a small world, built from models (no spaCy), so each test pins what reaches the store ----


def _actor(name: str, kind: str, **links: str) -> Actor:
    actor_id = stable_id("actor", kind, name.lower())
    keys = [actor_id, name.lower()]
    return Actor(id=actor_id, name=name, type=kind, keys=keys, scope_keys=keys, **links)  # type: ignore[arg-type]


RUSSIA, TURKEY, SYRIA, IRAQ = (_actor(n, "State") for n in ("Russia", "Turkey", "Syria", "Iraq"))
MINISTRY = _actor("Defence Ministry", "Organization", state_id=RUSSIA.id)
AGENCY = _actor("Example Agency", "Organization", state_id=RUSSIA.id)
KONASHENKOV = _actor("Igor Konashenkov", "Person", affiliation_id=MINISTRY.id)
SHOIGU = _actor("Sergei Shoigu", "Person", affiliation_id=MINISTRY.id)
PETROV = _actor("Ivan Petrov", "Person", affiliation_id=AGENCY.id)


def _place(name: str, state: Actor) -> Place:
    place_id = stable_id("place", name)
    return Place(id=place_id, name=name, state_id=state.id, keys=[place_id, name.lower()])


IDLIB, AFRIN, ERBIL = _place("Idlib", SYRIA), _place("Afrin", SYRIA), _place("Erbil", IRAQ)


def _incident(kind: str, place: Place, date: str) -> Incident:
    return Incident(
        id=stable_id("incident", kind, place.name, date),
        type=kind,
        label=f"{kind} in {place.name}, {date}",
        date=date,
        place_id=place.id,
    )


SHARED_STRIKE = _incident("air strike", IDLIB, "2018-03-03")  # d1 and d2 both report it
AFRIN_SHELLING = _incident("shelling", AFRIN, "2018-02-01")  # only the first version of d1
ERBIL_ATTACK = _incident("attack", ERBIL, "2018-01-10")  # only the first version of d1

Link = tuple[Actor, str, Actor | None, Incident | None]


def _graph(doc_id: str, links: list[Link], mentioned: list[Actor] = ()) -> DocumentGraph:  # type: ignore[assignment]
    """A document of these claims; its actors, places and incidents are what they refer to (with
    affiliations and the states places lie in), plus any actor it only mentions."""
    claims = [
        Claim(
            id=stable_id("claim", doc_id, n, speaker.id),
            kind=kind,  # type: ignore[arg-type]
            speaker_id=speaker.id,
            target_id=target.id if target else None,
            incident_id=incident.id if incident else None,
            charge=f"charge {n}",
            evidence=f"{speaker.name} {kind}s.",
            start=n,
            end=n + 1,
            extractor="test",
        )
        for n, (speaker, kind, target, incident) in enumerate(links)
    ]
    incidents = {i.id: i for _, _, _, i in links if i is not None}
    places = {p.id: p for p in (IDLIB, AFRIN, ERBIL) if any(i.place_id == p.id for i in incidents.values())}
    everyone = {a.id: a for a in (RUSSIA, TURKEY, SYRIA, IRAQ, MINISTRY, AGENCY, KONASHENKOV, SHOIGU, PETROV)}
    wanted = {s.id for s, _, _, _ in links} | {t.id for _, _, t, _ in links if t} | {a.id for a in mentioned}
    wanted |= {p.state_id for p in places.values() if p.state_id}
    for _ in range(2):  # a person's organisation, and the organisation's state
        wanted |= {x for a in wanted for x in (everyone[a].affiliation_id, everyone[a].state_id) if x}
    text = " ".join(claim.evidence for claim in claims) or "Nothing happened."
    document = Document(id=doc_id, text=text, title=doc_id, content_hash=stable_id("hash", text))
    return DocumentGraph(
        document=document,
        actors=[everyone[a] for a in sorted(wanted)],
        claims=claims,
        incidents=list(incidents.values()),
        places=list(places.values()),
    )


D1 = _graph(
    "d1",
    [
        (KONASHENKOV, "accuse", TURKEY, AFRIN_SHELLING),
        (KONASHENKOV, "accuse", TURKEY, SHARED_STRIKE),
        (PETROV, "blame", TURKEY, ERBIL_ATTACK),
        (RUSSIA, "accuse", TURKEY, None),
    ],
)
D2 = _graph("d2", [(SHOIGU, "accuse", TURKEY, SHARED_STRIKE), (TURKEY, "deny", RUSSIA, None)])
D1_CHANGED = _graph("d1", [(RUSSIA, "condemn", TURKEY, None)])


def _snapshot(store: GraphStore) -> dict[str, Any]:
    """Every node id by label, every edge as (source id, type, target id), and each node's
    properties: two graphs with equal snapshots are the same graph."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS props").rows
    edges = store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b").rows
    return {
        "nodes": sorted((sorted(row["labels"]), row["id"], sorted(row["props"].items(), key=str)) for row in nodes),
        "edges": sorted((row["a"], row["type"], row["b"]) for row in edges),
    }


def _ids(store: GraphStore, label: str) -> set[str]:
    return {row["id"] for row in store.read(f"MATCH (n:{label}) RETURN n.id AS id").rows}


def _canned(store: GraphStore, name: str, **params: object) -> list[dict[str, Any]]:
    query = registry()[name]
    return store.read(query.cypher, query.bind(params)).rows


def _unreferenced(store: GraphStore) -> dict[str, int]:
    """Incidents no claim is about and places no incident occurred in (a full scan: tests only)."""
    return {
        "incidents": store.read("MATCH (i:Incident) WHERE NOT (:Claim)-[:ABOUT]->(i) RETURN count(i) AS n").rows[0][
            "n"
        ],
        "places": store.read("MATCH (p:Place) WHERE NOT (:Incident)-[:OCCURRED_IN]->(p) RETURN count(p) AS n").rows[0][
            "n"
        ],
    }


# --- a changed document --------------------------------------------------------------------------


def test_a_changed_document_takes_what_only_it_referred_to(empty: GraphStore) -> None:
    empty.write_documents([D1])
    empty.write_documents([D2])
    before = {row["incident_id"]: row["claims"] for row in _canned(empty, "incidents-at", place="Syria")}
    assert before == {SHARED_STRIKE.id: 2, AFRIN_SHELLING.id: 1}
    assert ERBIL_ATTACK.id in _ids(empty, "Incident") and IRAQ.id in _ids(empty, "Actor")

    empty.write_documents([D1_CHANGED])

    # incidents-at lists no incident with 0 claims: the shared one keeps d2's claim
    after = _canned(empty, "incidents-at", place="Syria")
    assert [(row["incident_id"], row["claims"]) for row in after] == [(SHARED_STRIKE.id, 1)]
    assert _ids(empty, "Incident") == {SHARED_STRIKE.id}
    assert _ids(empty, "Place") == {IDLIB.id}  # Afrin and Erbil had only d1's incidents
    assert _unreferenced(empty) == {"incidents": 0, "places": 0}
    # Konashenkov and Petrov spoke only in d1, the agency only through Petrov, Iraq only held Erbil;
    # the ministry stays for Shoigu (d2), Syria for Idlib, Russia and Turkey for their claims
    assert _ids(empty, "Actor") == {a.id for a in (RUSSIA, TURKEY, SYRIA, MINISTRY, SHOIGU)}
    assert not _canned(empty, "actor-search", search="konashenkov")
    assert not _canned(empty, "actor-search", search="example agency")
    assert [row["id"] for row in _canned(empty, "actor-search", search="defence ministry")] == [MINISTRY.id]


def test_after_rewrites_the_graph_is_what_a_fresh_ingest_of_the_current_documents_gives(
    empty: GraphStore,
) -> None:
    for batch in ([D1], [D2], [D1_CHANGED]):
        empty.write_documents(batch)
    rewritten = _snapshot(empty)
    wipe(empty)
    empty.write_documents([D2, D1_CHANGED])
    assert rewritten == _snapshot(empty)


def test_a_batch_rewriting_several_documents_collects_only_what_none_of_them_still_uses(
    empty: GraphStore,
) -> None:
    empty.write_documents([D1, D2])
    d2_changed = _graph("d2", [(TURKEY, "deny", RUSSIA, None)])  # d2 drops Shoigu and the strike
    empty.write_documents([D1_CHANGED, d2_changed])
    assert _ids(empty, "Incident") == set() and _ids(empty, "Place") == set()
    assert _ids(empty, "Actor") == {RUSSIA.id, TURKEY.id}
    assert not _canned(empty, "incidents-at", place="Syria")


def test_an_actor_the_new_version_still_mentions_stays_as_a_fresh_ingest_keeps_it(empty: GraphStore) -> None:
    """The extractor writes actors a document names without a claim; such an actor stays, as a
    fresh ingest of the new version would keep it, and so does its organisation."""
    empty.write_documents([D1])
    mentions_petrov = _graph("d1", [(RUSSIA, "condemn", TURKEY, None)], mentioned=[PETROV])
    empty.write_documents([mentions_petrov])
    assert {PETROV.id, AGENCY.id, RUSSIA.id} <= _ids(empty, "Actor")
    assert KONASHENKOV.id not in _ids(empty, "Actor")


def test_a_document_emptied_of_claims_leaves_only_itself(empty: GraphStore) -> None:
    empty.write_documents([D1])
    empty.write_documents([_graph("d1", [])])
    assert empty.stats().nodes == {"Document": 1}
    assert empty.stats().edges == {}


# --- an unchanged document -----------------------------------------------------------------------


def test_rewriting_an_unchanged_document_changes_nothing(empty: GraphStore) -> None:
    empty.write_documents([D1, D2])
    first = _snapshot(empty)
    empty.write_documents([D1])
    empty.write_documents([D2, D1])
    assert _snapshot(empty) == first
    assert "collect_actors" not in str(first)  # the batch's own record never outlives it


def test_reingesting_unchanged_documents_through_the_pipeline_is_a_no_op(empty: GraphStore, nlp) -> None:  # type: ignore[no-untyped-def]
    from allegraph.service import ingest_documents

    docs = [_document("shelling", SHELLING_TEXT), _document("other", OTHER_TEXT)]
    assert ingest_documents(empty, nlp, docs).documents == 2
    first = _snapshot(empty)
    again = ingest_documents(empty, nlp, docs)
    assert (again.documents, again.unchanged) == (0, 2)
    assert _snapshot(empty) == first


# --- through the real pipeline: text changed, re-ingested ----------------------------------------

SHELLING_TEXT = (
    "Russia accuses Turkey of shelling\n\nMOSCOW, March 5, 2018 - Kremlin spokesman Dmitry Peskov accused Turkey "
    "on Monday of shelling villages in Idlib, killing 12 civilians. Turkey's foreign ministry denied the accusation."
)
CHANGED_TEXT = (
    "Russia accuses Turkey\n\nMOSCOW, March 5, 2018 - Russia accused Turkey of lying. "
    "Turkey's foreign ministry denied the accusation."
)
OTHER_TEXT = "Turkey condemns Russia\n\nANKARA, March 6, 2018 - Turkey accused Russia of spreading lies."


def _document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text, published="2018-03-05", content_hash=stable_id("hash", text))


def test_a_reingested_changed_text_leaves_no_incident_without_claims(empty: GraphStore, nlp) -> None:  # type: ignore[no-untyped-def]
    from allegraph.service import ingest_documents

    ingest_documents(empty, nlp, [_document("shelling", SHELLING_TEXT), _document("other", OTHER_TEXT)])
    before = _canned(empty, "incidents-at", place="Syria")
    assert before and all(row["example_document_id"] == "shelling" for row in before), before
    assert _canned(empty, "actor-search", search="syria")  # the state Idlib lies in

    summary = ingest_documents(empty, nlp, [_document("shelling", CHANGED_TEXT)])
    assert summary.documents == 1

    assert not _canned(empty, "incidents-at", place="Syria")
    assert not _canned(empty, "places", search="idlib")
    assert not _canned(empty, "actor-search", search="syria")
    assert _unreferenced(empty) == {"incidents": 0, "places": 0}
    # the actors the other document still uses stay
    names = {row["name"] for row in _canned(empty, "actor-search")}
    assert {"Russia", "Turkey"} <= names


# --- cost: it never scans the graph ----------------------------------------------------------------


def test_the_batch_looks_nodes_up_by_id_and_never_scans_a_label(falkor_home: Path) -> None:
    """What it collects is found from the rewritten documents, so its cost follows them, not the
    graph: the embedded store's plan for the whole batch has no label or full scan."""
    settings = Settings(store="embedded", home=falkor_home, graph_name=f"t-{uuid.uuid4().hex[:8]}")
    with open_store(settings) as store:
        assert isinstance(store, FalkorStore)
        store.ensure_schema()
        store.write_documents([D1, D2])
        plan = "\n".join(store.graph.explain(WRITE_DOCUMENTS, documents_params([D1_CHANGED])).plan)
    assert "Node By Index Scan" in plan
    assert "Label Scan" not in plan and "All Node Scan" not in plan, plan
