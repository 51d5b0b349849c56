// name: incidents-at
// title: Incidents at a place
// description: Incidents (strikes, shelling, attacks) that happened at the place or anywhere inside it ("Syria" includes Idlib), with the claims made about them and an example of their evidence and source.
// param place: place = required ; example: Syria
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
MATCH (i:Incident)-[:OCCURRED_IN]->(p:Place)-[:LOCATED_IN*0..2]->(area)
WHERE $place IN area.keys
WITH DISTINCT i, p
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(i)
WITH i, p, c
ORDER BY c.id
WITH i, p, collect(c) AS claims
RETURN i.label AS incident, i.id AS incident_id, i.type AS type, i.date AS date, i.casualties AS casualties,
       p.name AS place, p.id AS place_id, p.latitude AS latitude, p.longitude AS longitude,
       size(claims) AS claims, claims[0].evidence AS example_evidence,
       claims[0].document_id AS example_document_id, claims[0].id AS example_claim_id
ORDER BY coalesce(date, '') DESC, incident_id
LIMIT $limit
