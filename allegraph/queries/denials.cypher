// name: denials
// title: Denials and the accusations they answer
// description: Each denial next to the accusation it answers (when the text links them), with both evidence sentences and the source. Filter by the denying actor or whom it speaks for.
// param actor: actor = null ; example: Russia
// param limit: integer = 100 ; example: 20
// column denier: string
// column denier_id: string
// column denier_represents: string
// column denial: string
// column denial_evidence: string
// column denial_date: date
// column accuser: string
// column accuser_id: string
// column accusation: string
// column accusation_evidence: string
// column accusation_claim_id: string
// column document: string
// column document_id: string
// column url: string
// column claim_id: string
MATCH (s:Actor)-[:MADE]->(c:Claim)-[:REPORTED_IN]->(d:Document)
WHERE c.kind = 'deny' AND ($actor IS NULL OR $actor IN s.scope_keys)
OPTIONAL MATCH (c)-[:RESPONDS_TO]->(a:Claim)<-[:MADE]-(accuser:Actor)
RETURN s.name AS denier, s.id AS denier_id, s.represents AS denier_represents, c.charge AS denial,
       c.evidence AS denial_evidence, c.date AS denial_date, accuser.name AS accuser, accuser.id AS accuser_id,
       a.charge AS accusation, a.evidence AS accusation_evidence, a.id AS accusation_claim_id,
       d.title AS document, d.id AS document_id, d.url AS url, c.id AS claim_id
ORDER BY coalesce(c.date, '') DESC, c.id, accusation_claim_id
LIMIT $limit
