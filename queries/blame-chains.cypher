// name: blame-chains
// title: Blame chains
// description: Chains of two to four links where A blames B and B blames C (optionally counting accusations as links). A chain is a simple path of distinct actors, listed once however many claims support each link; each link shows the charge, evidence and source of its earliest claim by id. Ordered by hops, then names, then actor ids.
// param actor: actor = null ; example: Turkey
// param include_accusations: boolean = false ; example: false
// param limit: integer = 50 ; example: 10
// column chain: list
// column actor_ids: list
// column hops: integer
// column charges: list
// column evidence: list
// column document_ids: list
// column claim_ids: list
MATCH (a:Actor)-[r:BLAMES|ACCUSES]->(b:Actor)
WHERE a <> b AND (type(r) = 'BLAMES' OR $include_accusations)
// Built hop by hop rather than with a variable-length pattern: engines disagree on what
// `*2..4` may revisit (Neo4j repeats nodes, FalkorDB does not), and parallel edges (one per
// claim) multiply the paths. Each hop keeps one row per actor pair, so the cost grows with
// the number of distinct links, not with the number of claims.
WITH a, b, collect(r) AS edges
WITH a, b, reduce(first = null, e IN edges | CASE WHEN first IS NULL OR e.claim_id < first.claim_id THEN e ELSE first END) AS r1
MATCH (b)-[r:BLAMES|ACCUSES]->(c:Actor)
WHERE c <> a AND c <> b AND (type(r) = 'BLAMES' OR $include_accusations)
WITH a, b, c, r1, collect(r) AS edges
WITH a, b, c, r1, reduce(first = null, e IN edges | CASE WHEN first IS NULL OR e.claim_id < first.claim_id THEN e ELSE first END) AS r2
OPTIONAL MATCH (c)-[r:BLAMES|ACCUSES]->(d:Actor)
WHERE d <> a AND d <> b AND d <> c AND (type(r) = 'BLAMES' OR $include_accusations)
WITH a, b, c, d, r1, r2, collect(r) AS edges
WITH a, b, c, d, r1, r2, reduce(first = null, e IN edges | CASE WHEN first IS NULL OR e.claim_id < first.claim_id THEN e ELSE first END) AS r3
OPTIONAL MATCH (d)-[r:BLAMES|ACCUSES]->(e:Actor)
WHERE e <> a AND e <> b AND e <> c AND e <> d AND (type(r) = 'BLAMES' OR $include_accusations)
WITH a, b, c, d, e, r1, r2, r3, collect(r) AS edges
WITH [a, b, c, d, e] AS actors,
     [r1, r2, r3, reduce(first = null, x IN edges | CASE WHEN first IS NULL OR x.claim_id < first.claim_id THEN x ELSE first END)] AS links
// every prefix of two, three and four links, each once
UNWIND [2, 3, 4] AS hops
WITH hops, actors[0..hops + 1] AS actors, links[0..hops] AS links
WHERE none(x IN actors WHERE x IS NULL)
WITH DISTINCT hops, actors, links
WHERE $actor IS NULL OR any(n IN actors WHERE $actor IN n.scope_keys)
RETURN [n IN actors | n.name] AS chain, [n IN actors | n.id] AS actor_ids, hops,
       [r IN links | r.charge] AS charges, [r IN links | r.evidence] AS evidence,
       [r IN links | r.document_id] AS document_ids, [r IN links | r.claim_id] AS claim_ids
ORDER BY hops, chain, actor_ids
LIMIT $limit
