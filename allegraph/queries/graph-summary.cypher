// name: graph-summary
// title: What the graph holds
// description: Counts by kind of node: claims by kind with the dates they cover, actors by type, documents with their publication dates, incidents and places.
// column what: string
// column name: string
// column count: integer
// column first_date: date
// column last_date: date
MATCH (c:Claim)
RETURN 'claims' AS what, c.kind AS name, count(c) AS count, min(c.date) AS first_date, max(c.date) AS last_date
UNION ALL
MATCH (a:Actor)
RETURN 'actors' AS what, a.type AS name, count(a) AS count, null AS first_date, null AS last_date
UNION ALL
MATCH (d:Document)
RETURN 'documents' AS what, null AS name, count(d) AS count, min(d.published) AS first_date,
       max(d.published) AS last_date
UNION ALL
MATCH (i:Incident)
RETURN 'incidents' AS what, null AS name, count(i) AS count, min(i.date) AS first_date, max(i.date) AS last_date
UNION ALL
MATCH (p:Place)
RETURN 'places' AS what, null AS name, count(p) AS count, null AS first_date, null AS last_date
