// name: export-places
// title: Bulk export: places
// description: Every geocoded place in id order, a page at a time (pass the last id you received as `after`), with its coordinates and the state it lies in. `id` picks one (an IRI's description).
// param after: string = "" ; example: ""
// param id: string = null ; example: null
// param limit: integer = 500 ; example: 20
// column id: string
// column name: string
// column geonames_id: integer
// column latitude: float
// column longitude: float
// column country_code: string
// column located_in: list of string
MATCH (p:Place)
WHERE p.id > $after AND ($id IS NULL OR p.id = $id)
WITH p
ORDER BY p.id
LIMIT $limit
RETURN p.id AS id, p.name AS name, p.geonames_id AS geonames_id, p.latitude AS latitude, p.longitude AS longitude,
       p.country_code AS country_code, reduce(acc = [], item IN [(p)-[:LOCATED_IN]->(s:Actor) | s.id] | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS located_in
ORDER BY id
