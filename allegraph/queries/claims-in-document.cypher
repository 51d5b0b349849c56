// name: claims-in-document
// title: Claims in a document
// description: Every claim extracted from one document, in reading order, with its evidence sentence and character offsets into the document text.
// param document: string = required ; example: 000_45b42b409655187d.txt
// column speaker: string
// column speaker_id: string
// column kind: string ; one of: accuse, deny, condemn, blame
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
// column document: string
// column document_id: string
// column url: string
// column claim_id: string
MATCH (s:Actor)-[:MADE]->(c:Claim)-[:REPORTED_IN]->(d:Document {id: $document})
OPTIONAL MATCH (c)-[:AGAINST]->(t:Actor)
RETURN s.name AS speaker, s.id AS speaker_id, c.kind AS kind, t.name AS target, t.id AS target_id,
       c.charge AS charge, c.evidence AS evidence, c.quote AS quote, c.start AS start, c.end AS end,
       c.date AS date, c.modality AS modality, c.confidence AS confidence, d.title AS document,
       d.id AS document_id, d.url AS url, c.id AS claim_id
ORDER BY c.start, c.id
