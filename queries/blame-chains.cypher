// name: blame-chains
// title: Blame chains
// description: Chains of two to four links where A blames B and B blames C (optionally counting accusations as links), with every link's charge, evidence and source document.
// param actor: actor = null ; example: Turkey
// param include_accusations: boolean = false ; example: false
// param limit: integer = 50 ; example: 10
// column chain: list
// column hops: integer
// column charges: list
// column evidence: list
// column document_ids: list
// column claim_ids: list
MATCH path = (a:Actor)-[:BLAMES|ACCUSES*2..4]->(z:Actor)
WHERE a <> z
  AND all(r IN relationships(path) WHERE type(r) = 'BLAMES' OR ($include_accusations AND type(r) = 'ACCUSES'))
  AND ($actor IS NULL OR any(n IN nodes(path) WHERE $actor IN n.scope_keys))
WITH path, [n IN nodes(path) | n.name] AS chain, relationships(path) AS links
RETURN chain, size(links) AS hops, [r IN links | r.charge] AS charges, [r IN links | r.evidence] AS evidence,
       [r IN links | r.document_id] AS document_ids, [r IN links | r.claim_id] AS claim_ids
ORDER BY hops, chain
LIMIT $limit
