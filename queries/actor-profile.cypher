// name: actor-profile
// title: Actor profile
// description: An actor's type and role, the chain of organisations and state it speaks for, and the claims it made and received, counted by kind.
// param actor: actor = required ; example: Konashenkov
// column id: string
// column name: string
// column type: string
// column labels: list
// column role: string
// column title: string
// column represents: string
// column speaks_for: list
// column made: map
// column received: map
// column documents: integer
MATCH (a:Actor)
WHERE $actor IN a.keys
OPTIONAL MATCH path = (a)-[:SPEAKS_FOR|PART_OF*1..3]->(:Actor)
WITH a, [n IN nodes(path) | n.name] AS chain
ORDER BY size(chain) DESC
WITH a, head(collect(chain)) AS chain
OPTIONAL MATCH (a)-[:MADE]->(m:Claim)
WITH a, chain, collect(m) AS made
OPTIONAL MATCH (r:Claim)-[:AGAINST]->(a)
WITH a, chain, made, collect(r) AS received
RETURN a.id AS id, a.name AS name, a.type AS type, labels(a) AS labels, a.role AS role, a.title AS title,
       a.represents AS represents, coalesce(chain[1..], []) AS speaks_for,
       {accuse: size([c IN made WHERE c.kind = 'accuse']), deny: size([c IN made WHERE c.kind = 'deny']),
        condemn: size([c IN made WHERE c.kind = 'condemn']), blame: size([c IN made WHERE c.kind = 'blame'])} AS made,
       {accuse: size([c IN received WHERE c.kind = 'accuse']), deny: size([c IN received WHERE c.kind = 'deny']),
        condemn: size([c IN received WHERE c.kind = 'condemn']),
        blame: size([c IN received WHERE c.kind = 'blame'])} AS received,
       size(reduce(ids = [], c IN made + received |
         CASE WHEN c.document_id IN ids THEN ids ELSE ids + c.document_id END)) AS documents
ORDER BY name, id
