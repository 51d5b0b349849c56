// name: timeline
// title: An actor's claims over time
// description: Claims made by or against the actor (or anyone who speaks for it), in date order, with evidence and source. Undated claims come last.
// param actor: actor = required ; example: Russia
// param kind: string = null ; example: deny ; one of: accuse, deny, condemn, blame
// param limit: integer = 200 ; example: 50
// column date: date
// column direction: string ; one of: made, received
// column speaker: string
// column speaker_id: string
// column kind: string ; one of: accuse, deny, condemn, blame
// column target: string
// column target_id: string
// column charge: string
// column evidence: string
// column document: string
// column document_id: string
// column url: string
// column claim_id: string
MATCH (s:Actor)-[:MADE]->(c:Claim)-[:REPORTED_IN]->(d:Document)
WHERE $kind IS NULL OR c.kind = $kind
OPTIONAL MATCH (c)-[:AGAINST]->(t:Actor)
WITH s, c, d, t, $actor IN s.scope_keys AS made, (t IS NOT NULL AND $actor IN t.scope_keys) AS received
WHERE made OR received
RETURN c.date AS date, CASE WHEN made THEN 'made' ELSE 'received' END AS direction, s.name AS speaker,
       s.id AS speaker_id, c.kind AS kind, t.name AS target, t.id AS target_id, c.charge AS charge,
       c.evidence AS evidence, d.title AS document, d.id AS document_id, d.url AS url, c.id AS claim_id
ORDER BY coalesce(c.date, '9999') , d.id, c.start, c.id
LIMIT $limit
