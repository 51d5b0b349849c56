// name: actor-incidents
// title: Incidents an actor's claims are about
// description: Incidents (strikes, shelling, attacks) that claims made by or against the actor (or anyone who speaks for it) are about, with their place and its coordinates, how many of those claims there are, and an example of their evidence and source.
// param actor: actor = required ; example: Russia
// param limit: integer = 100 ; example: 20
// column incident: string
// column incident_id: string
// column type: string
// column date: date
// column casualties: integer
// column place: string
// column place_id: string
// column latitude: float
// column longitude: float
// column claims: integer
// column example_evidence: string
// column example_document_id: string
// column example_claim_id: string
MATCH (x:Actor)
WHERE $actor IN x.scope_keys
MATCH (x)-[:MADE|AGAINST]-(c:Claim)-[:ABOUT]->(i:Incident)
WITH DISTINCT i, c
ORDER BY c.id
WITH i, collect(c) AS claims
OPTIONAL MATCH (i)-[:OCCURRED_IN]->(p:Place)
RETURN i.label AS incident, i.id AS incident_id, i.type AS type, i.date AS date, i.casualties AS casualties,
       p.name AS place, p.id AS place_id, p.latitude AS latitude, p.longitude AS longitude,
       size(claims) AS claims, claims[0].evidence AS example_evidence,
       claims[0].document_id AS example_document_id, claims[0].id AS example_claim_id
ORDER BY claims DESC, coalesce(date, '') DESC, incident_id
LIMIT $limit
