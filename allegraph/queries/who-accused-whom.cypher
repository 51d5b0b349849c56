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
// A named speaker's newest claims are read through the Claim(speaker_id, date) index from a
// cutoff date on: the newest date that leaves at least $limit rows, found by adding up the
// speakers' rows per (kind, date), which the write keeps on each Actor (made_days, counted as
// allegraph/graph/aggregates.py says). So the busiest speaker costs about one day of its claims,
// not all of them. Without a speaker, with a target, or with fewer dated rows than $limit there
// is no cutoff, and every claim of the speakers is read, as before. Undated claims sort last, so
// a cutoff never leaves out one that would be shown.
OPTIONAL MATCH (h:Actor)
WHERE $target IS NULL AND $speaker IN h.scope_keys
UNWIND range(0, size(coalesce(h.made_days, [])) - 1) AS i
WITH h.made_days[i] AS key, split(h.made_days[i], ' ')[0] AS kind, h.made_day_claims[i] AS claims
WITH kind, substring(key, size(kind) + 1) AS day, claims
WHERE ($kind IS NULL OR kind = $kind) AND ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
WITH day, sum(claims) AS claims
ORDER BY day DESC
WITH collect([day, claims]) AS days
WITH reduce(acc = [0, null], x IN days | CASE WHEN acc[0] >= $limit THEN acc ELSE [acc[0] + x[1], x[0]] END) AS newest
WITH CASE WHEN newest[0] >= $limit THEN newest[1] END AS cutoff
// The speakers: through the scope_keys index when named, every actor otherwise (a predicate on
// `cutoff` comes before FalkorDB's label scan, so a named speaker never pays for that scan)
OPTIONAL MATCH (named:Actor)
WHERE $speaker IN named.scope_keys
WITH cutoff, collect(named) AS by_name
OPTIONAL MATCH (other:Actor)
WHERE cutoff IS NULL AND $speaker IS NULL
WITH cutoff, by_name, collect(other) AS others
UNWIND by_name + others AS s
WITH s, cutoff
OPTIONAL MATCH (recent:Claim)
WHERE recent.speaker_id = s.id AND recent.date >= cutoff
WITH s, cutoff, collect(recent) AS newest_claims
WITH s, newest_claims + [(s)-[:MADE]->(every:Claim) WHERE cutoff IS NULL | every] AS candidates
UNWIND candidates AS c
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
