// name: export-documents
// title: Bulk export: documents and their claims
// description: Documents in id order, a page at a time (pass the last document_id you received as `after`): one row per claim with the claim's speaker, target, evidence, the claims it responds to and the incidents it is about, or one row with empty claim columns for a document without claims.
// param after: string = "" ; example: ""
// param limit: integer = 100 ; example: 5
// column document_id: string
// column document: string
// column url: string
// column published: string
// column source: string
// column content_hash: string
// column extractor: string
// column claim_id: string
// column kind: string
// column speaker_id: string
// column target_id: string
// column charge: string
// column evidence: string
// column quote: string
// column start: integer
// column end: integer
// column date: string
// column modality: string
// column confidence: float
// column in_headline: boolean
// column responds_to: list
// column incidents: list
MATCH (d:Document)
WHERE d.id > $after
WITH d
ORDER BY d.id
LIMIT $limit
OPTIONAL MATCH (s:Actor)-[:MADE]->(c:Claim)-[:REPORTED_IN]->(d)
OPTIONAL MATCH (c)-[:AGAINST]->(t:Actor)
RETURN d.id AS document_id, d.title AS document, d.url AS url, d.published AS published, d.source AS source,
       d.content_hash AS content_hash, d.extractor AS extractor, c.id AS claim_id, c.kind AS kind,
       s.id AS speaker_id, t.id AS target_id, c.charge AS charge, c.evidence AS evidence, c.quote AS quote,
       c.start AS start, c.end AS end, c.date AS date, c.modality AS modality, c.confidence AS confidence,
       c.in_headline AS in_headline, [(c)-[:RESPONDS_TO]->(r:Claim) | r.id] AS responds_to,
       [(c)-[:ABOUT]->(i:Incident) | i.id] AS incidents
ORDER BY document_id, claim_id
