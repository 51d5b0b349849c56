// name: export-documents
// title: Bulk export: documents
// description: Documents in id order, a page at a time (pass the last document_id you received as `after`): one row per document with its metadata, each field once. Their claims are paged separately, by claim id, with the `claims` query, so that a page costs the same however many claims its documents hold. `id` picks one (an IRI's description).
// param after: string = "" ; example: ""
// param id: string = null ; example: null
// param limit: integer = 100 ; example: 5
// column document_id: string
// column document: string
// column url: string
// column published: string
// column source: string
// column content_hash: string
// column extractor: string
MATCH (d:Document)
WHERE d.id > $after AND ($id IS NULL OR d.id = $id)
WITH d
ORDER BY d.id
LIMIT $limit
RETURN d.id AS document_id, d.title AS document, d.url AS url, d.published AS published, d.source AS source,
       d.content_hash AS content_hash, d.extractor AS extractor
ORDER BY document_id
