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
# for the write's SET on every actor it writes (`n`): a new actor starts at zero
INITIAL = tuple(f"n.{name} = coalesce(n.{name}, {zero})" for name, zero in ZERO.items())

# The documents of the batch; the recomputation passes a page of document ids instead.
BATCH_DOCUMENTS = "UNWIND $docs AS doc\nMATCH (d:Document {id: doc.id})"
PAGE_DOCUMENTS = "UNWIND $docs AS doc\nMATCH (d:Document {id: doc})"


def tally(documents: str, sign: int) -> str:
    """Add (`sign` 1) or take away (-1) what the claims reported in `documents` contribute.

    One row per actor reaches each SET (the engines disagree on a property set twice in one
    statement); rows are in id order, so concurrent Neo4j writers lock actors in one order, and
    every SET reads the property it sets, so Neo4j locks the actor before reading it.
    """
    op = "+" if sign > 0 else "-"
    sums = ",\n     ".join(
        f"toInteger(sum(CASE WHEN role = '{'MADE' if role == 'made' else 'AGAINST'}' AND c.kind = '{kind}' "
        f"THEN 1 ELSE 0 END)) AS {role}_{kind}"
        for role in ("made", "received")
        for kind in KINDS
    )
    sets = ",\n    ".join(f"a.{name} = coalesce(a.{name}, 0) {op} {name}" for name in (*COUNTS, "documents"))
    return f"""{documents}
MATCH (d)<-[:REPORTED_IN]-(c:Claim)-[r:MADE|AGAINST]-(a:Actor)
WITH d, c, a, type(r) AS role
WITH d, c, a, role,
     CASE WHEN role = 'MADE' AND c.date IS NOT NULL THEN size([(c)-[:AGAINST]->(:Actor) | 1]) ELSE 0 END AS rows
WITH a, count(DISTINCT d) AS documents,
     {sums},
     collect(CASE WHEN rows > 0 THEN [c.kind + ' ' + c.date, rows] END) AS days
ORDER BY a.id
SET {sets},
    a.{DAYS} = coalesce(a.{DAYS}, [])
WITH a, days
UNWIND [i IN range(0, size(coalesce(a.{DAYS}, [])) - 1) | [a.{DAYS}[i], a.{DAY_CLAIMS}[i]]]
       + [x IN days | [x[0], {sign} * x[1]]] AS entry
WITH a, entry[0] AS day, toInteger(sum(entry[1])) AS claims
ORDER BY a.id, day
WITH a, collect(CASE WHEN claims <> 0 THEN day END) AS days, collect(CASE WHEN claims <> 0 THEN claims END) AS counts
SET a.{DAYS} = days, a.{DAY_CLAIMS} = counts"""


# Recomputing: every actor's figures set to zero, then the documents added back a page at a time
# (each page one statement: a whole large graph at once would outgrow the store's query memory).
CLEAR_AGGREGATES = "MATCH (a:Actor)\nSET " + ", ".join(f"a.{name} = {zero}" for name, zero in ZERO.items())
DOCUMENT_PAGE = "MATCH (d:Document) WHERE d.id > $after RETURN d.id AS id ORDER BY id LIMIT $size"
ADD_DOCUMENTS = tally(PAGE_DOCUMENTS, 1)
