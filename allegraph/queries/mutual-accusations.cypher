// name: mutual-accusations
// title: Mutual accusations
// description: Pairs of sides that accuse or blame each other (A → B and B → A). People and ministries count for the state or organisation they speak for. Each row carries one example claim per direction with its evidence and source.
// param actor: actor = null ; example: Turkey
// param limit: integer = 50 ; example: 10
// column side_a: string
// column side_a_id: string
// column side_b: string
// column side_b_id: string
// column a_to_b: integer
// column b_to_a: integer
// column a_to_b_evidence: string
// column a_to_b_document_id: string
// column a_to_b_claim_id: string
// column b_to_a_evidence: string
// column b_to_a_document_id: string
// column b_to_a_claim_id: string
MATCH (s1:Actor)-[:MADE]->(c1:Claim)-[:AGAINST]->(t1:Actor)
WHERE c1.kind IN ['accuse', 'blame']
WITH coalesce(s1.represents_id, s1.id) AS side_a, coalesce(t1.represents_id, t1.id) AS side_b, c1
ORDER BY c1.id
WITH side_a, side_b, collect(c1 {.id, .evidence, .document_id}) AS forward
WHERE side_a < side_b
MATCH (s2:Actor)-[:MADE]->(c2:Claim)-[:AGAINST]->(t2:Actor)
WHERE c2.kind IN ['accuse', 'blame']
  AND coalesce(s2.represents_id, s2.id) = side_b AND coalesce(t2.represents_id, t2.id) = side_a
WITH side_a, side_b, forward, c2
ORDER BY c2.id
WITH side_a, side_b, forward, collect(c2 {.id, .evidence, .document_id}) AS backward
MATCH (a:Actor {id: side_a}), (b:Actor {id: side_b})
WHERE $actor IS NULL OR $actor IN a.scope_keys OR $actor IN b.scope_keys
RETURN a.name AS side_a, a.id AS side_a_id, b.name AS side_b, b.id AS side_b_id,
       size(forward) AS a_to_b, size(backward) AS b_to_a,
       forward[0].evidence AS a_to_b_evidence, forward[0].document_id AS a_to_b_document_id,
       forward[0].id AS a_to_b_claim_id, backward[0].evidence AS b_to_a_evidence,
       backward[0].document_id AS b_to_a_document_id, backward[0].id AS b_to_a_claim_id
ORDER BY a_to_b + b_to_a DESC, side_a, side_b
LIMIT $limit
