// name: evidence
// title: A claim's evidence
// description: One claim with everything that supports it: the sentence and its offsets, the quote, the document's title, url and date, and the claim it responds to.
// param claim: string = required ; example: claim:53edf778928cb0aa
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
// column date: date
// column modality: string ; one of: asserted, hedged
// column confidence: float
// column extractor: string
// column responds_to: string
// column incident: string
// column document: string
// column document_id: string
// column url: string
// column published: string
MATCH (s:Actor)-[:MADE]->(c:Claim {id: $claim})-[:REPORTED_IN]->(d:Document)
OPTIONAL MATCH (c)-[:AGAINST]->(t:Actor)
OPTIONAL MATCH (c)-[:RESPONDS_TO]->(r:Claim)
OPTIONAL MATCH (c)-[:ABOUT]->(i:Incident)
RETURN c.id AS claim_id, c.kind AS kind, s.name AS speaker, s.id AS speaker_id, t.name AS target,
       t.id AS target_id, c.charge AS charge, c.evidence AS evidence, c.quote AS quote, c.start AS start,
       c.end AS end, c.date AS date, c.modality AS modality, c.confidence AS confidence,
       c.extractor AS extractor, head(collect(r.id)) AS responds_to, head(collect(i.label)) AS incident,
       d.title AS document, d.id AS document_id, d.url AS url, d.published AS published
