// name: edge-evidence
// title: The claims on one network edge
// description: Every claim on one edge of actor-network (same centre, grouping and filters), newest first, with the evidence sentence and its offsets, the text around it (context starts at context_start in the document), the quote, modality and confidence, the accusation a denial answers, and the document's title, outlet, date and link.
// param actor: actor = required ; example: Russia
// param source: string = required ; example: actor:59355cb4eb0c8f5f
// param kind: string = required ; example: accuse ; one of: accuse, deny, condemn, blame
// param target: string = required ; example: actor:ba60f574dc2f2739
// param group: boolean = true ; example: true
// param since: date = null ; example: 2016-01-01
// param until: date = null ; example: 2030-12-31
// param hedged: boolean = true ; example: true
// param context: integer = 200 ; example: 200
// param limit: integer = 100 ; example: 20
// column claim_id: string
// column kind: string ; one of: accuse, deny, condemn, blame
// column speaker: string
// column speaker_id: string
// column target: string
// column target_id: string
// column charge: string
// column evidence: string
// column quote: string
// column start: integer
// column end: integer
// column context_start: integer
// column context: string
// column date: date
// column modality: string ; one of: asserted, hedged
// column confidence: float
// column responds_to: string
// column responds_to_speaker: string
// column responds_to_charge: string
// column responds_to_evidence: string
// column document: string
// column document_id: string
// column outlet: string
// column published: string
// column url: string
MATCH (centre:Actor)
WHERE $actor IN centre.keys
WITH centre
ORDER BY centre.name, centre.id
LIMIT 1
MATCH (x:Actor)
WHERE $actor IN x.scope_keys
MATCH (x)-[:MADE|AGAINST]-(c:Claim)
WITH DISTINCT centre, c
WHERE c.kind = $kind
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR c.date <= $until)
  AND ($hedged OR coalesce(c.modality, '') <> 'hedged')
MATCH (s)-[:MADE]->(c)-[:AGAINST]->(t)
WITH c, s, t,
     CASE WHEN NOT $group THEN s.id WHEN $actor IN s.scope_keys THEN centre.id
          ELSE coalesce(s.represents_id, s.id) END AS source_id,
     CASE WHEN NOT $group THEN t.id WHEN $actor IN t.scope_keys THEN centre.id
          ELSE coalesce(t.represents_id, t.id) END AS target_id
WHERE source_id = $source AND target_id = $target
WITH c, s, t
ORDER BY coalesce(c.date, '') DESC, c.id
LIMIT $limit
MATCH (c)-[:REPORTED_IN]->(d:Document)
OPTIONAL MATCH (c)-[:RESPONDS_TO]->(r:Claim)<-[:MADE]-(rs:Actor)
WITH c, s, t, d, collect({claim_id: r.id, speaker: rs.name, kind: r.kind, charge: r.charge, evidence: r.evidence})[0] AS answered,
     CASE WHEN c.start > $context THEN c.start - $context ELSE 0 END AS context_start
RETURN c.id AS claim_id, c.kind AS kind, s.name AS speaker, s.id AS speaker_id, t.name AS target, t.id AS target_id,
       c.charge AS charge, c.evidence AS evidence, c.quote AS quote, c.start AS start, c.end AS end,
       context_start, substring(d.text, context_start, c.end + $context - context_start) AS context,
       c.date AS date, c.modality AS modality, c.confidence AS confidence,
       answered.claim_id AS responds_to, answered.speaker AS responds_to_speaker,
       answered.charge AS responds_to_charge, answered.evidence AS responds_to_evidence,
       d.title AS document, d.id AS document_id, d.source AS outlet, d.published AS published, d.url AS url
ORDER BY coalesce(date, '') DESC, claim_id
