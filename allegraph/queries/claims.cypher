// name: claims
// title: Claims, page by page
// description: All claims (with or without a target) in a stable order, for paging with a cursor: pass the last claim_id you received as `after`. Filters as in who-accused-whom, plus a document id.
// param speaker: actor = null ; example: Turkey
// param target: actor = null ; example: Russia
// param kind: string = null ; example: accuse ; one of: accuse, deny, condemn, blame
// param since: date = null ; example: 2016-01-01
// param until: date = null ; example: 2030-12-31
// param document: string = null ; example: null
// param after: string = null ; example: null
// param limit: integer = 100 ; example: 20
// column claim_id: string
// column kind: string ; one of: accuse, deny, condemn, blame
// column speaker: string
// column speaker_id: string
// column speaker_type: string ; one of: State, Organization, Person
// column target: string
// column target_id: string
// column target_type: string ; one of: State, Organization, Person
// column charge: string
// column evidence: string
// column quote: string
// column start: integer
// column end: integer
// column date: date
// column modality: string ; one of: asserted, hedged
// column confidence: float
// column document: string
// column document_id: string
// column url: string
// column in_headline: boolean
// column responds_to: list of string
// column incidents: list of string
MATCH (s:Actor)-[:MADE]->(c:Claim)-[:REPORTED_IN]->(d:Document)
WHERE ($after IS NULL OR c.id > $after)
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($speaker IS NULL OR $speaker IN s.scope_keys)
  AND ($document IS NULL OR d.id = $document)
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR c.date <= $until)
OPTIONAL MATCH (c)-[:AGAINST]->(t:Actor)
WITH s, c, d, t
WHERE $target IS NULL OR (t IS NOT NULL AND $target IN t.scope_keys)
RETURN c.id AS claim_id, c.kind AS kind, s.name AS speaker, s.id AS speaker_id, s.type AS speaker_type,
       t.name AS target, t.id AS target_id, t.type AS target_type, c.charge AS charge, c.evidence AS evidence,
       c.quote AS quote, c.start AS start, c.end AS end, c.date AS date, c.modality AS modality,
       c.confidence AS confidence, d.title AS document, d.id AS document_id, d.url AS url,
       c.in_headline AS in_headline, [(c)-[:RESPONDS_TO]->(r:Claim) | r.id] AS responds_to,
       [(c)-[:ABOUT]->(i:Incident) | i.id] AS incidents
ORDER BY claim_id
LIMIT $limit
