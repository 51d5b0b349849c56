// name: accusations-against
// title: Accusations against an actor
// description: Every accusation or blame aimed at the actor or at anyone who speaks for it, with the accuser, the charge, the evidence sentence and the source document.
// param actor: actor = required ; example: Russia
// param limit: integer = 100 ; example: 20
// column accuser: string
// column accuser_id: string
// column accuser_represents: string
// column kind: string ; one of: accuse, deny, condemn, blame
// column target: string
// column target_id: string
// column charge: string
// column evidence: string
// column quote: string
// column date: date
// column document: string
// column document_id: string
// column url: string
// column claim_id: string
MATCH (s:Actor)-[:MADE]->(c:Claim)-[:AGAINST]->(t:Actor)
WHERE $actor IN t.scope_keys AND c.kind IN ['accuse', 'blame']
MATCH (c)-[:REPORTED_IN]->(d:Document)
RETURN s.name AS accuser, s.id AS accuser_id, s.represents AS accuser_represents, c.kind AS kind,
       t.name AS target, t.id AS target_id, c.charge AS charge, c.evidence AS evidence, c.quote AS quote,
       c.date AS date, d.title AS document, d.id AS document_id, d.url AS url, c.id AS claim_id
ORDER BY coalesce(c.date, '') DESC, c.id
LIMIT $limit
