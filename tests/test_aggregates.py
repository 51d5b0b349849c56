"""The actors' aggregates stay exact through writes, rewrites and cleanup, and the two queries
that read them answer as the full counts did.

actor-profile reads each actor's claim counts from the actor, and who-accused-whom reads a named
speaker's claims from a cutoff date its per-day counts give (allegraph/graph/aggregates.py).
Both must give what the queries that counted every claim gave (kept here as references), on a
random graph written in random batches, then partly rewritten, emptied and collected. Every test
runs on the embedded FalkorDB and, when ALLEGRAPH_TEST_NEO4J_URI is set, on that disposable Neo4j.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from allegraph.config import Settings
from allegraph.graph.aggregates import AGGREGATES, CLEAR_AGGREGATES, DAY_CLAIMS, DAYS, KINDS
from allegraph.graph.falkor import FalkorStore
from allegraph.graph.store import GraphStore, open_store
from allegraph.models import Actor, Claim, Document, DocumentGraph, stable_id
from allegraph.queries import registry

# The queries as they were before the aggregates: they count every claim of the actor.
REFERENCE_PROFILE = """MATCH (a:Actor)
WHERE $actor IN a.keys
OPTIONAL MATCH path = (a)-[:SPEAKS_FOR|PART_OF*1..3]->(:Actor)
WITH a, [n IN nodes(path) | n.name] AS chain
ORDER BY size(chain) DESC
WITH a, head(collect(chain)) AS chain
WITH a, chain, [(a)-[:MADE]->(m) | m.kind] AS made, [(r)-[:AGAINST]->(a) | r.kind] AS received,
     [(a)-[:MADE]->()-[:REPORTED_IN]->(d) | d] + [(a)<-[:AGAINST]-()-[:REPORTED_IN]->(d) | d] AS sources
WITH a, chain, sources,
     {accuse: size([k IN made WHERE k = 'accuse']), deny: size([k IN made WHERE k = 'deny']),
      condemn: size([k IN made WHERE k = 'condemn']), blame: size([k IN made WHERE k = 'blame'])} AS made,
     {accuse: size([k IN received WHERE k = 'accuse']), deny: size([k IN received WHERE k = 'deny']),
      condemn: size([k IN received WHERE k = 'condemn']), blame: size([k IN received WHERE k = 'blame'])} AS received
UNWIND sources + [null] AS source
WITH a, chain, made, received, count(DISTINCT source) AS documents
RETURN a.id AS id, a.name AS name, a.type AS type, reduce(acc = [], item IN labels(a) | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS labels, a.role AS role, a.title AS title,
       a.represents AS represents, coalesce(chain[1..], []) AS speaks_for, made, received, documents
ORDER BY name, id"""
REFERENCE_WHO_ACCUSED_WHOM = """MATCH (s:Actor)
WHERE $speaker IS NULL OR $speaker IN s.scope_keys
WITH s
MATCH (s)-[:MADE]->(c)-[:AGAINST]->(t)
WHERE ($kind IS NULL OR c.kind = $kind)
  AND ($target IS NULL OR $target IN t.scope_keys)
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR c.date <= $until)
WITH s, c, t
ORDER BY coalesce(c.date, '') DESC, c.id
LIMIT $limit
MATCH (c)-[:REPORTED_IN]->(d:Document)
RETURN s.name AS speaker, s.id AS speaker_id, s.represents AS speaker_represents, c.kind AS kind,
       t.name AS target, t.id AS target_id, t.represents AS target_represents, c.charge AS charge,
       c.evidence AS evidence, c.quote AS quote, c.date AS date, c.modality AS modality,
       d.title AS document, d.id AS document_id, d.url AS url, c.id AS claim_id
ORDER BY coalesce(date, '') DESC, claim_id"""


def _state(n: int) -> Actor:
    actor_id = stable_id("actor", "State", f"land {n}")
    keys = [actor_id, f"land {n}"]
    # every land's scope takes in the land before it too: a speaker filter can match two actors
    return Actor(id=actor_id, name=f"Land {n}", type="State", keys=keys, scope_keys=[*keys, f"bloc {n // 2}"])


LANDS = [_state(n) for n in range(7)]
DATES = [None, "2019", "2019-03", "2019-03-05", "2019-03-06", "2020-01-01"]


def _document(rng: random.Random, doc_id: str, version: int) -> DocumentGraph:
    claims = []
    for n in range(rng.choice([0, 1, 3, 6, 10])):
        speaker = rng.choice(LANDS[:5])  # lands 5 and 6 never speak
        target = rng.choice([None, speaker, *LANDS])  # some claims target nobody, some their speaker
        claims.append(
            Claim(
                id=stable_id("claim", doc_id, version, n),
                kind=rng.choice(KINDS),  # type: ignore[arg-type]
                speaker_id=speaker.id,
                target_id=target.id if target else None,
                charge=f"charge {n}",
                evidence=f"{speaker.name} said something.",
                start=n,
                end=n + 1,
                date=rng.choice(DATES),
                extractor="test",
            )
        )
    used = {c.speaker_id for c in claims} | {c.target_id for c in claims if c.target_id}
    text = f"{doc_id} version {version}"
    return DocumentGraph(
        document=Document(id=doc_id, text=text, title=doc_id, content_hash=stable_id("hash", text)),
        actors=[a for a in LANDS if a.id in used],
        claims=claims,
    )


def _zero() -> dict[str, Any]:
    return {name: [] if name in (DAYS, DAY_CLAIMS) else 0 for name in AGGREGATES}


def _expected(documents: dict[str, DocumentGraph]) -> dict[str, dict[str, Any]]:
    """Each actor's aggregates from the current documents (actors in no claim left out)."""
    out: dict[str, Counter[str]] = {}
    days: dict[str, Counter[str]] = {}
    for graph in documents.values():
        involved = set()
        for c in graph.claims:
            out.setdefault(c.speaker_id, Counter())[f"made_{c.kind}"] += 1
            involved.add(c.speaker_id)
            if c.target_id:
                out.setdefault(c.target_id, Counter())[f"received_{c.kind}"] += 1
                involved.add(c.target_id)
                if c.date:
                    days.setdefault(c.speaker_id, Counter())[f"{c.kind} {c.date}"] += 1
        for actor_id in involved:
            out[actor_id]["documents"] += 1
    expected: dict[str, dict[str, Any]] = {}
    for actor_id, counts in out.items():
        row: dict[str, Any] = _zero() | dict(counts)
        if actor_id in days:
            keys = sorted(days[actor_id])
            row |= {DAYS: keys, DAY_CLAIMS: [days[actor_id][k] for k in keys]}
        expected[actor_id] = row
    return expected


def _stored(store: GraphStore) -> dict[str, dict[str, Any]]:
    """Each actor's aggregate properties as stored."""
    columns = ", ".join(f"a.{name} AS {name}" for name in AGGREGATES)
    rows = store.read(f"MATCH (a:Actor) RETURN a.id AS id, {columns}").rows
    return {row["id"]: {k: v for k, v in row.items() if k != "id"} for row in rows}


def _check(store: GraphStore, documents: dict[str, DocumentGraph]) -> None:
    expected = _expected(documents)
    stored = _stored(store)
    assert set(expected) <= set(stored)
    assert stored == {actor_id: expected.get(actor_id, _zero()) for actor_id in stored}
    # integers, not the floats FalkorDB's sum() gives
    assert all(type(v) is int for row in stored.values() for name, v in row.items() if name not in (DAYS, DAY_CLAIMS))
    assert all(type(n) is int for row in stored.values() for n in row[DAY_CLAIMS])
    _check_queries(store)


def _same(store: GraphStore, name: str, reference: str, params: dict[str, Any]) -> None:
    query = registry()[name]
    bound = query.bind(params)
    assert store.read(query.cypher, bound).rows == store.read(reference, bound).rows, params


def _check_queries(store: GraphStore) -> None:
    for land in LANDS:
        _same(store, "actor-profile", REFERENCE_PROFILE, {"actor": land.name})
    speakers = [None, "land 0", "land 4", "land 6", "bloc 1", "nobody"]
    for speaker, kind, since, until, limit in itertools.product(
        speakers, [None, "accuse"], [None, "2019-03"], [None, "2019-03-05"], [1, 2, 5, 40]
    ):
        params = {"speaker": speaker, "kind": kind, "since": since, "until": until, "limit": limit}
        params = {k: v for k, v in params.items() if v is not None}
        if since and len(since) < 10:
            params["since"] = "2019-03-01"
        _same(store, "who-accused-whom", REFERENCE_WHO_ACCUSED_WHOM, params)
    for target in ("land 3", "bloc 2"):
        _same(store, "who-accused-whom", REFERENCE_WHO_ACCUSED_WHOM, {"speaker": "land 1", "target": target})
        _same(store, "who-accused-whom", REFERENCE_WHO_ACCUSED_WHOM, {"target": target, "limit": 3})


def test_aggregates_stay_exact_through_writes_rewrites_and_cleanup(empty: GraphStore) -> None:
    rng = random.Random(5)
    documents: dict[str, DocumentGraph] = {}
    pending = [_document(rng, f"doc-{n}", 0) for n in range(24)]
    while pending:  # random batches
        batch = pending[: rng.choice([1, 3, 7])]
        pending = pending[len(batch) :]
        empty.write_documents(batch)
        documents |= {g.document.id: g for g in batch}
    _check(empty, documents)
    for version in (1, 2):  # rewrite a random third, some emptied of claims, in one batch or one by one
        rewritten = [_document(rng, doc_id, version) for doc_id in rng.sample(sorted(documents), 8)]
        if version == 1:
            empty.write_documents(rewritten)
        else:
            for graph in rewritten:
                empty.write_documents([graph])
        documents |= {g.document.id: g for g in rewritten}
        _check(empty, documents)
    empty.write_documents(list(documents.values()))  # unchanged: nothing moves
    _check(empty, documents)


def test_a_land_whose_claims_are_all_rewritten_away_keeps_no_aggregate(empty: GraphStore) -> None:
    a, b = LANDS[0], LANDS[1]
    first = DocumentGraph(
        document=Document(id="d", text="v1", title="d", content_hash="v1"),
        actors=[a, b],
        claims=[
            Claim(id="claim:d1", kind="accuse", speaker_id=a.id, target_id=b.id, charge="x", evidence="e",
                  start=0, end=1, date="2019-03-05", extractor="test"),
        ],
    )  # fmt: skip
    empty.write_documents([first])
    assert _stored(empty)[a.id] == _zero() | {
        "made_accuse": 1,
        "documents": 1,
        DAYS: ["accuse 2019-03-05"],
        DAY_CLAIMS: [1],
    }
    assert _stored(empty)[b.id] == _zero() | {"received_accuse": 1, "documents": 1}
    mentions = DocumentGraph(
        document=Document(id="d", text="v2", title="d", content_hash="v2"), actors=[a, b], claims=[]
    )
    empty.write_documents([mentions])  # both still mentioned, neither in a claim
    assert _stored(empty) == {a.id: _zero(), b.id: _zero()}
    [profile] = empty.read(registry()["actor-profile"].cypher, {"actor": "land 0"}).rows
    assert profile["made"] == dict.fromkeys(KINDS, 0) and profile["documents"] == 0


def test_recomputing_gives_what_the_writes_kept(empty: GraphStore) -> None:
    """A store written before the aggregates existed gets them when it next applies the schema."""
    rng = random.Random(9)
    graphs = [_document(rng, f"doc-{n}", 0) for n in range(15)]
    for start in range(0, len(graphs), 4):
        empty.write_documents(graphs[start : start + 4])
    kept = _stored(empty)
    empty.write(CLEAR_AGGREGATES)
    assert all(row == _zero() for row in _stored(empty).values())
    empty.write("MATCH (a:Actor) SET a.made_accuse = 7")  # whatever was there goes
    empty.recompute_aggregates(page=4)  # several pages
    assert _stored(empty) == kept
    empty.write(CLEAR_AGGREGATES)
    empty.write("MATCH (s:AllegraphSchema) SET s.version = 'older'")
    empty.ensure_schema()
    assert _stored(empty) == kept


def test_a_busy_speakers_newest_claims_are_read_through_the_index(falkor_home: Path) -> None:
    """who-accused-whom reads the newest day of a busy speaker, not every claim it made."""
    settings = Settings(store="embedded", home=falkor_home, graph_name=f"t-{uuid.uuid4().hex[:8]}")
    busy, other = LANDS[0], LANDS[1]
    claims = [
        Claim(id=f"claim:{n:03d}", kind="accuse", speaker_id=busy.id, target_id=other.id, charge="x", evidence="e",
              start=n, end=n + 1, date=f"2019-{1 + n // 28:02d}-{1 + n % 28:02d}", extractor="test")
        for n in range(300)
    ]  # fmt: skip
    graph = DocumentGraph(
        document=Document(id="busy", text="t", title="busy", content_hash="h"), actors=[busy, other], claims=claims
    )
    with open_store(settings) as store:
        assert isinstance(store, FalkorStore)
        store.write_documents([graph])
        query = registry()["who-accused-whom"]
        params = query.bind({"speaker": "land 0", "limit": 5})
        rows = store.read(query.cypher, params).rows
        assert [row["claim_id"] for row in rows] == [f"claim:{n:03d}" for n in range(299, 294, -1)]
        plan = store.graph.profile(query.cypher, params).plan
        claim_scans = [line for line in plan if "Index Scan" in line and ":Claim" in line]
        assert claim_scans and all("Records produced: 5," in line for line in claim_scans), plan
        # the 300 days of its histogram are added up, but no traversal visits its 300 claims
        assert not any(("Traverse" in line or "Expand" in line) and "produced: 300," in line for line in plan), plan
