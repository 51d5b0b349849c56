// name: spokespeople
// title: Who speaks for a state or organisation
// description: People who speak for the actor, directly or through one of its organisations (Konashenkov → Russian Defense Ministry → Russia), with their role, title and how many claims they made.
// param actor: actor = null ; example: Russia
// param limit: integer = 100 ; example: 20
// column person: string
// column person_id: string
// column role: string ; one of: official, spokesperson
// column title: string
// column speaks_for: string
// column speaks_for_id: string
// column state: string
// column claims: integer
MATCH (p:Person)-[:SPEAKS_FOR]->(o:Actor)
OPTIONAL MATCH (o)-[:PART_OF]->(s:Actor)
WITH p, o, s
WHERE $actor IS NULL OR $actor IN o.keys OR (s IS NOT NULL AND $actor IN s.keys)
OPTIONAL MATCH (p)-[:MADE]->(c:Claim)
RETURN p.name AS person, p.id AS person_id, p.role AS role, p.title AS title, o.name AS speaks_for,
       o.id AS speaks_for_id, s.name AS state, count(DISTINCT c) AS claims
ORDER BY claims DESC, person, speaks_for
LIMIT $limit
