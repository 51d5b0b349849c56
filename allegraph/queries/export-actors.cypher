// name: export-actors
// title: Bulk export: actors
// description: Every actor in id order, a page at a time (pass the last id you received as `after`), with whom it speaks for, the state it is part of and its direct claims on other actors as distinct [edge type, actor id] pairs; every list sorted. The RDF export reads actors this way; `id` picks one actor.
// param after: string = "" ; example: ""
// param id: string = null ; example: null
// param limit: integer = 500 ; example: 20
// param direct: boolean = true ; example: true
// column id: string
// column type: string ; one of: State, Organization, Person
// column role: string ; one of: official, spokesperson
// column name: string
// column title: string
// column titles: list of string
// column iso_code: string
// column geonames_id: integer
// column speaks_for: list of string
// column part_of: list of string
// column direct: list of list of string
MATCH (a:Actor)
WHERE a.id > $after AND ($id IS NULL OR a.id = $id)
WITH a
ORDER BY a.id
LIMIT $limit
RETURN a.id AS id, a.type AS type, a.role AS role, a.name AS name, a.title AS title,
       coalesce(a.titles, []) AS titles, a.iso_code AS iso_code,
       a.geonames_id AS geonames_id,
       // lists sorted (and made distinct) in the query: pattern comprehensions have no defined order
       reduce(acc = [], item IN [(a)-[:SPEAKS_FOR]->(o:Actor) | o.id] | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS speaks_for,
       reduce(acc = [], item IN [(a)-[:PART_OF]->(s:Actor) | s.id] | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS part_of,
       // the bulk export reads direct claims in pages of their own (export-statements)
       // (filtered before it is sorted: FalkorDB evaluates both branches of a CASE, and sorting
       // the busiest actor's list costs minutes at a million claims; a WHERE inside the pattern
       // comprehension would filter FalkorDB's outer rows instead)
       [pair IN reduce(acc = [], item IN [item IN [(a)-[r:ACCUSES|DENIES|CONDEMNS|BLAMES]->(b:Actor) | type(r) + ' ' + b.id] WHERE $direct] | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) | split(pair, ' ')] AS direct
ORDER BY id
