// name: who-accused-whom
// title: Who accused whom of what
// description: One row per claim between two actors, newest first, with its evidence sentence and source. Actor filters match a name or whom the actor represents, case-insensitively.
// param speaker: string = null ; example: Turkey
// param target: string = null ; example: Russia
// param kind: string = null ; example: accuse
// param since: date = null ; example: 2016-01-01
// param until: date = null ; example: 2030-12-31
// param limit: integer = 100 ; example: 20
MATCH (s:Actor)-[:MADE]->(c:Claim)-[:AGAINST]->(t:Actor)
MATCH (c)-[:REPORTED_IN]->(d:Document)
WHERE ($kind IS NULL OR c.kind = $kind)
  AND ($speaker IS NULL OR toLower(s.name) = toLower($speaker) OR toLower(s.represents) = toLower($speaker))
  AND ($target IS NULL OR toLower(t.name) = toLower($target) OR toLower(t.represents) = toLower($target))
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR c.date <= $until)
RETURN s.name AS speaker, s.represents AS speaker_represents, c.kind AS kind,
       t.name AS target, t.represents AS target_represents, c.charge AS charge,
       c.evidence AS evidence, c.date AS date, d.title AS document, d.id AS document_id, c.id AS claim_id
ORDER BY speaker, kind, target, claim_id
LIMIT $limit
