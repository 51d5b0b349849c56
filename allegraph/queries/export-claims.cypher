// name: export-claims
// title: Bulk export: claims
// description: Claims in (document id, claim id) order, a page at a time, for the RDF export: the claims of a window of `documents` documents starting at `after_document`, after (`after_document`, `after_claim`), at most `limit` rows. A document of the window without such claims gives one row with empty claim columns; `window_end` is the window's last document, where the next window starts once this one is read. Pages stay the same size however many claims a document holds, and each page reads one window through the document index.
// param after_document: string = "" ; example: ""
// param after_claim: string = "" ; example: ""
// param documents: integer = 20 ; example: 20
// param limit: integer = 200 ; example: 5
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
// column document_id: string
// column in_headline: boolean
// column responds_to: list
// column incidents: list
// column window_end: string
MATCH (w:Document)
WHERE w.id >= $after_document
WITH w.id AS doc_id
ORDER BY doc_id
LIMIT $documents
WITH collect(doc_id) AS ids
UNWIND ids AS doc_id
MATCH (d:Document {id: doc_id})
OPTIONAL MATCH (s:Actor)-[:MADE]->(c:Claim)-[:REPORTED_IN]->(d)
WHERE d.id > $after_document OR c.id > $after_claim
OPTIONAL MATCH (c)-[:AGAINST]->(t:Actor)
RETURN c.id AS claim_id, c.kind AS kind, s.id AS speaker_id, t.id AS target_id, c.charge AS charge,
       c.evidence AS evidence, c.quote AS quote, c.start AS start, c.end AS end, c.date AS date,
       c.modality AS modality, c.confidence AS confidence, d.id AS document_id, c.in_headline AS in_headline,
       [(c)-[:RESPONDS_TO]->(r:Claim) | r.id] AS responds_to, [(c)-[:ABOUT]->(i:Incident) | i.id] AS incidents,
       ids[size(ids) - 1] AS window_end
ORDER BY document_id, claim_id
LIMIT $limit
