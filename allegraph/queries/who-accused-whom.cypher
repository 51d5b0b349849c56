// name: who-accused-whom
// title: Who accused whom of what
// description: One row per claim between two actors (accuse, deny, condemn, blame), newest first, with its evidence sentence and source. Actor filters take a name, alias or id, case-insensitively, and also match whoever speaks for that actor ("russia" matches the Russian Defense Ministry and its spokesman).
// param speaker: actor = null ; example: Turkey
// param target: actor = null ; example: Russia
// param kind: string = null ; example: accuse ; one of: accuse, deny, condemn, blame
// param since: date = null ; example: 2016-01-01
// param until: date = null ; example: 2030-12-31
// param limit: integer = 100 ; example: 20
// column speaker: string
// column speaker_id: string
// column speaker_represents: string
// column kind: string ; one of: accuse, deny, condemn, blame
// column target: string
// column target_id: string
// column target_represents: string
// column charge: string
// column evidence: string
// column quote: string
// column date: date
// column modality: string ; one of: asserted, hedged
// column document: string
// column document_id: string
// column url: string
// column claim_id: string
// Start from the speakers and sort before fetching documents: a named speaker's claims are a small
// part of the graph. WITH keeps FalkorDB's planner from starting at a scan of every claim instead.
MATCH (s:Actor)
WHERE $speaker IS NULL OR $speaker IN s.scope_keys
WITH s
MATCH (s)-[:MADE]->(c)-[:AGAINST]->(t)
WHERE ($kind IS NULL OR c.kind = $kind)
  AND ($target IS NULL OR $target IN t.scope_keys)
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR c.date <= $until)
WITH s, c, t
ORDER BY coalesce(c.date, '') DESC, c.id
LIMIT $limit
MATCH (c)-[:REPORTED_IN]->(d:Document)
RETURN s.name AS speaker, s.id AS speaker_id, s.represents AS speaker_represents, c.kind AS kind,
       t.name AS target, t.id AS target_id, t.represents AS target_represents, c.charge AS charge,
       c.evidence AS evidence, c.quote AS quote, c.date AS date, c.modality AS modality,
       d.title AS document, d.id AS document_id, d.url AS url, c.id AS claim_id
ORDER BY coalesce(date, '') DESC, claim_id
