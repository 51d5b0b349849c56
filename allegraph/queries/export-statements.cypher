// name: export-statements
// title: Bulk export: direct statements between actors
// description: Distinct (speaker, edge type, target) statements (ACCUSES, DENIES, CONDEMNS, BLAMES) in speaker id then `edge target` order, a page at a time, for the RDF export: those of a window of `actors` speakers starting at `after_actor`, after (`after_actor`, `after_edge`), at most `limit` rows. A speaker of the window without such statements gives one row with an empty edge; `window_end` is the window's last actor, where the next window starts once this one is read.
// param after_actor: string = "" ; example: ""
// param after_edge: string = "" ; example: ""
// param actors: integer = 20 ; example: 20
// param limit: integer = 200 ; example: 5
// column speaker_id: string
// column edge: string
// column target_id: string
// column window_end: string
MATCH (w:Actor)
WHERE w.id >= $after_actor
WITH w.id AS actor_id
ORDER BY actor_id
LIMIT $actors
WITH collect(actor_id) AS ids
UNWIND ids AS actor_id
MATCH (a:Actor {id: actor_id})
OPTIONAL MATCH (a)-[r:ACCUSES|DENIES|CONDEMNS|BLAMES]->(b:Actor)
WITH DISTINCT ids, a.id AS speaker_id, type(r) AS edge, b.id AS target_id
WHERE speaker_id > $after_actor OR edge + ' ' + target_id > $after_edge
RETURN speaker_id, edge, target_id, ids[size(ids) - 1] AS window_end
ORDER BY speaker_id, edge, target_id
LIMIT $limit
