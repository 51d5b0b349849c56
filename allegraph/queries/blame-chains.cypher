// name: blame-chains
// title: Blame chains
// description: Chains of two to four links where A blames B and B blames C (optionally counting accusations as links). A chain is a simple path of distinct actors, listed once however many claims support each link; each link shows the charge, evidence and source of its earliest claim by id. Ordered by hops, then names, then actor ids; longer chains are only looked for while the shorter ones number fewer than `limit`, which bounds the cost.
// param actor: actor = null ; example: Turkey
// param include_accusations: boolean = false ; example: false
// param limit: integer = 50 ; example: 10
// column chain: list of string
// column actor_ids: list of string
// column hops: integer
// column charges: list of string
// column evidence: list of string
// column document_ids: list of string
// column claim_ids: list of string
MATCH (a:Actor)-[r:BLAMES|ACCUSES]->(b:Actor)
WHERE a <> b AND (type(r) = 'BLAMES' OR $include_accusations)
// Built hop by hop rather than with a variable-length pattern: engines disagree on what
// `*2..4` may revisit (Neo4j repeats nodes, FalkorDB does not), and parallel edges (one per
// claim) multiply the paths. Each link between two actors is shown by its earliest claim. The
// cost stays bounded: rows are ordered by hops first, so the first $limit two-link chains are
// kept and longer chains are only looked for while fewer were found; with $actor, a chain that
// does not hold it is only grown from a tip at most two links before it. Chains are carried
// as [actor ids, names, claim ids, whether it holds $actor]; the claims' text comes last.
WITH a, b, min(r.claim_id) AS k1
MATCH (b)-[r:BLAMES|ACCUSES]->(c:Actor)
WHERE c <> a AND c <> b AND (type(r) = 'BLAMES' OR $include_accusations) AND ($actor IS NULL OR any(n IN [a, b, c] WHERE $actor IN n.scope_keys))
WITH a, b, c, k1, min(r.claim_id) AS k2
WITH [a.id, b.id, c.id] AS ids, [a.name, b.name, c.name] AS names, [k1, k2] AS claims
ORDER BY names, ids
LIMIT $limit
WITH collect([ids, names, claims, true]) AS twos
// who links to $actor (near1) and who links to them (near2)
OPTIONAL MATCH (p:Actor)-[l:BLAMES|ACCUSES]->(x:Actor)
WHERE size(twos) < $limit AND $actor IN x.scope_keys AND p <> x AND (type(l) = 'BLAMES' OR $include_accusations)
WITH twos, collect(DISTINCT p.id) AS near1
OPTIONAL MATCH (q:Actor)-[l:BLAMES|ACCUSES]->(p:Actor)
WHERE p.id IN near1 AND q <> p AND (type(l) = 'BLAMES' OR $include_accusations)
WITH twos, near1, near1 + collect(DISTINCT q.id) AS near2
// two-link chains without $actor that end next to it: prefixes of longer chains that hold it
UNWIND near2 + [null] AS tip
OPTIONAL MATCH (a:Actor)-[r:BLAMES|ACCUSES]->(b:Actor)-[r2:BLAMES|ACCUSES]->(c:Actor {id: tip})
WHERE a <> b AND a <> c AND b <> c AND (type(r) = 'BLAMES' OR $include_accusations) AND (type(r2) = 'BLAMES' OR $include_accusations) AND NOT ($actor IS NULL OR any(n IN [a, b, c] WHERE $actor IN n.scope_keys))
WITH twos, near1, a, b, c, min(r.claim_id) AS k1, min(r2.claim_id) AS k2
WITH twos, near1, collect(CASE WHEN c IS NOT NULL THEN [[a.id, b.id, c.id], [a.name, b.name, c.name], [k1, k2], false] END) AS prefixes
// three links
UNWIND CASE WHEN size(twos) < $limit THEN twos + prefixes ELSE [] END + [null] AS two
OPTIONAL MATCH (:Actor {id: last(two[0])})-[r:BLAMES|ACCUSES]->(d:Actor)
WHERE NOT d.id IN two[0] AND (type(r) = 'BLAMES' OR $include_accusations) AND (two[3] OR $actor IN d.scope_keys OR d.id IN near1)
WITH twos, two, d, min(r.claim_id) AS k
WITH twos, collect(CASE WHEN d IS NOT NULL THEN
       [two[0] + [d.id], two[1] + [d.name], two[2] + [k], two[3] OR $actor IN d.scope_keys] END) AS threes
// four links
UNWIND CASE WHEN size(twos) + size([t IN threes WHERE t[3]]) < $limit THEN threes ELSE [] END + [null] AS three
OPTIONAL MATCH (:Actor {id: last(three[0])})-[r:BLAMES|ACCUSES]->(e:Actor)
WHERE NOT e.id IN three[0] AND (type(r) = 'BLAMES' OR $include_accusations) AND (three[3] OR $actor IN e.scope_keys)
WITH twos, threes, three, e, min(r.claim_id) AS k
WITH twos, threes, collect(CASE WHEN e IS NOT NULL THEN [three[0] + [e.id], three[1] + [e.name], three[2] + [k], true] END) AS fours
UNWIND twos + threes + fours AS chain
WITH chain
WHERE chain[3]
WITH chain[0] AS ids, chain[1] AS names, chain[2] AS claims
ORDER BY size(claims), names, ids
LIMIT $limit
UNWIND range(0, size(claims) - 1) AS i
MATCH (cl:Claim {id: claims[i]})
WITH ids, names, claims, collect([i, cl.charge, cl.evidence, cl.document_id]) AS texts
WITH ids, names, claims, [i IN range(0, size(claims) - 1) | head([t IN texts WHERE t[0] = i])] AS texts
RETURN names AS chain, ids AS actor_ids, size(claims) AS hops, [t IN texts | t[1]] AS charges,
       [t IN texts | t[2]] AS evidence, [t IN texts | t[3]] AS document_ids, claims AS claim_ids
ORDER BY hops, chain, actor_ids
