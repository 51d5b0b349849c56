"""What each actor's claims add up to, kept on the Actor by the write that changes them.

An actor's profile counts every claim it made and received, and who-accused-whom sorts every
claim a speaker made; for the busiest actor (in the synthetic Zipf graph, about 15% of all
claims) both cost time in proportion to the graph. So the write keeps, on each Actor:

- `made_<kind>` and `received_<kind>`: how many claims of each kind it made and was the target
  of (each AGAINST edge counts once, as the profile's pattern did);
- `documents`: in how many documents it made or received a claim;
- `made_days` and `made_day_claims`: for its dated claims with a target, how many
  who-accused-whom rows each (kind, date) has, as two lists in step, sorted by `"<kind> <date>"`.
  The query adds these up from the newest date back until it has `limit` rows, and reads only
  the claims from that date on, through the Claim(speaker_id, date) index.

Every claim is reported in exactly one document, so each figure is a sum over documents. A batch
takes away what its documents' old claims added (before they are deleted) and adds what their
new claims add (after their edges are written), both counted from the graph itself, in the same
atomic batch on both stores; the cost follows the documents written, never the graph.

Every actor holds every figure, zeros and empty lists included (the write sets them when it
first writes the actor), so an actor holds exactly what a fresh ingest of the current documents
would give it, whatever the history. No figure is ever set to null: FalkorDB misapplies the
other properties of a SET that removes one. `GraphStore.recompute_aggregates` rebuilds every
actor's figures from scratch (a store written before they existed).
"""

from __future__ import annotations

from typing import get_args

from allegraph.models import ClaimKind

KINDS: tuple[str, ...] = get_args(ClaimKind)
COUNTS = tuple(f"{role}_{kind}" for role in ("made", "received") for kind in KINDS)
DAYS, DAY_CLAIMS = "made_days", "made_day_claims"
# each figure and its value for an actor no claim refers to
ZERO = {**dict.fromkeys((*COUNTS, "documents"), "0"), DAYS: "[]", DAY_CLAIMS: "[]"}
AGGREGATES = tuple(ZERO)
# for the write's ON CREATE SET of an actor (`n`): a new actor starts at zero
INITIAL = tuple(f"n.{name} = {zero}" for name, zero in ZERO.items())

# The documents of the batch; the recomputation passes a page of document ids instead.
BATCH_DOCUMENTS = "UNWIND $docs AS doc\nMATCH (d:Document {id: doc.id})"
PAGE_DOCUMENTS = "UNWIND $docs AS doc\nMATCH (d:Document {id: doc})"


def tally(documents: str, sign: int) -> tuple[str, str]:
    """Add (`sign` 1) or take away (-1) what the claims reported in `documents` contribute: the
    counts of every actor in their claims, then the per-day rows of their speakers.

    One row per actor reaches each SET (the engines disagree on a property set twice in one
    statement); rows are in id order, so concurrent Neo4j writers lock actors in one order, and
    each actor's first SET reads the property it sets, so Neo4j locks the actor before reading.
    The counts are grouped before they are collected, and the day lists merged as lists, not
    unwound into rows: FalkorDB's aggregations and per-row pattern comprehensions cost far more.
    (A WHERE on the claim right in the MATCH made FalkorDB scan every Claim instead.)
    """
    op = "+" if sign > 0 else "-"
    sets = ",\n    ".join(
        f"a.{role}_{kind} = coalesce(a.{role}_{kind}, 0) {op} reduce(n = 0, x IN tallies | "
        f"n + CASE WHEN x[0] = '{'MADE' if role == 'made' else 'AGAINST'}' AND x[1] = '{kind}' THEN x[2] ELSE 0 END)"
        for role in ("made", "received")
        for kind in KINDS
    )
    counts = f"""{documents}
MATCH (d)<-[:REPORTED_IN]-(c:Claim)-[r:MADE|AGAINST]-(a:Actor)
WITH a, d, type(r) AS role, c.kind AS kind, count(*) AS n
WITH a, count(DISTINCT d) AS documents, collect([role, kind, n]) AS tallies
ORDER BY a.id
SET {sets},
    a.documents = coalesce(a.documents, 0) {op} documents"""
    days = f"""{documents}
MATCH (d)<-[:REPORTED_IN]-(c:Claim)-[:AGAINST]->(:Actor)
WITH c
WHERE c.date IS NOT NULL
WITH c.speaker_id AS speaker, c.kind + ' ' + c.date AS day, count(*) AS n
WITH speaker, collect([day, n]) AS days
MATCH (a:Actor {{id: speaker}})
WITH a, days
ORDER BY a.id
SET a.{DAYS} = coalesce(a.{DAYS}, [])
WITH a, days, [i IN range(0, size(a.{DAYS}) - 1) | [a.{DAYS}[i], a.{DAY_CLAIMS}[i]]] AS old
WITH a, days, reduce(acc = old, x IN days | CASE WHEN any(p IN acc WHERE p[0] = x[0]) THEN acc
     ELSE [p IN acc WHERE p[0] < x[0]] + [[x[0], 0]] + [p IN acc WHERE p[0] > x[0]] END) AS merged
WITH a, [p IN merged | [p[0], p[1] {op} reduce(n = 0, x IN days | n + CASE WHEN x[0] = p[0] THEN x[1] ELSE 0 END)]]
     AS totals
WITH a, [p IN totals WHERE p[1] <> 0] AS kept
SET a.{DAYS} = [p IN kept | p[0]], a.{DAY_CLAIMS} = [p IN kept | p[1]]"""
    return counts, days


# Recomputing: every actor's figures set to zero, then the documents added back a page at a time
# (each page one statement: a whole large graph at once would outgrow the store's query memory).
CLEAR_AGGREGATES = "MATCH (a:Actor)\nSET " + ", ".join(f"a.{name} = {zero}" for name, zero in ZERO.items())
DOCUMENT_PAGE = "MATCH (d:Document) WHERE d.id > $after RETURN d.id AS id ORDER BY id LIMIT $size"
ADD_DOCUMENTS = tally(PAGE_DOCUMENTS, 1)
