// name: top-accusers
// title: Top accusers
// description: Sides ranked by how many accusations and blames they made; ministries and people count for the state or organisation they speak for. Each row carries an example claim with its evidence and source.
// param kind: string = null ; example: accuse ; one of: accuse, blame
// param since: date = null ; example: 2016-01-01
// param until: date = null ; example: 2030-12-31
// param limit: integer = 20 ; example: 10
// column actor: string
// column actor_id: string
// column type: string ; one of: State, Organization, Person
// column accusations: integer
// column targets: integer
// column example_evidence: string
// column example_document_id: string
// column example_claim_id: string
MATCH (s:Actor)-[:MADE]->(c:Claim)-[:AGAINST]->(t:Actor)
WHERE c.kind IN ['accuse', 'blame'] AND ($kind IS NULL OR c.kind = $kind)
  AND ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
WITH coalesce(s.represents_id, s.id) AS side, coalesce(t.represents_id, t.id) AS target, c
ORDER BY c.id
WITH side, count(c) AS accusations, count(DISTINCT target) AS targets, collect(c)[0] AS example
MATCH (a:Actor {id: side})
RETURN a.name AS actor, a.id AS actor_id, a.type AS type, accusations, targets,
       example.evidence AS example_evidence, example.document_id AS example_document_id,
       example.id AS example_claim_id
ORDER BY accusations DESC, actor
LIMIT $limit
