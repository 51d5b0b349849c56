// name: document
// title: A document
// description: One source document's metadata and how many claims were extracted from it.
// param document: string = required ; example: 000_45b42b409655187d.txt
// column id: string
// column title: string
// column url: string
// column published: string
// column source: string
// column path: string
// column length: integer
// column extractor: string
// column claims: integer
MATCH (d:Document {id: $document})
OPTIONAL MATCH (c:Claim)-[:REPORTED_IN]->(d)
RETURN d.id AS id, d.title AS title, d.url AS url, d.published AS published, d.source AS source, d.path AS path,
       d.length AS length, d.extractor AS extractor, count(c) AS claims
