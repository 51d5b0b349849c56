// name: export-incidents
// title: Bulk export: incidents
// description: Every incident in id order, a page at a time (pass the last id you received as `after`), with where it happened and the documents whose claims are about it. `id` picks one (an IRI's description).
// param after: string = "" ; example: ""
// param id: string = null ; example: null
// param limit: integer = 500 ; example: 20
// column id: string
// column type: string
// column label: string
// column date: date
// column casualties: integer
// column places: list of string
// column documents: list of string
MATCH (i:Incident)
WHERE i.id > $after AND ($id IS NULL OR i.id = $id)
WITH i
ORDER BY i.id
LIMIT $limit
RETURN i.id AS id, i.type AS type, i.label AS label, i.date AS date, i.casualties AS casualties,
       reduce(acc = [], item IN [(i)-[:OCCURRED_IN]->(p:Place) | p.id] | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS places,
       reduce(acc = [], item IN [(c:Claim)-[:ABOUT]->(i) | c.document_id] | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS documents
ORDER BY id
