// name: places
// title: Places
// description: Geocoded places (GeoNames ids) whose name contains the search text, with the state they lie in, their coordinates and how many incidents happened there, most incidents first.
// param search: place = null ; example: idlib
// param limit: integer = 100 ; example: 20
// column place: string
// column place_id: string
// column country_code: string
// column state: string
// column state_id: string
// column latitude: float
// column longitude: float
// column incidents: integer
MATCH (p:Place)
WHERE $search IS NULL OR any(k IN p.keys WHERE k CONTAINS $search)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(s:Actor)
OPTIONAL MATCH (i:Incident)-[:OCCURRED_IN]->(p)
RETURN p.name AS place, p.id AS place_id, p.country_code AS country_code, s.name AS state, s.id AS state_id,
       p.latitude AS latitude, p.longitude AS longitude, count(DISTINCT i) AS incidents
ORDER BY incidents DESC, place, place_id
LIMIT $limit
