// name: actor-profile
// title: Actor profile
// description: An actor's type and role, the chain of organisations and state it speaks for, and the claims it made and received, counted by kind.
// param actor: actor = required ; example: Konashenkov
// column id: string
// column name: string
// column type: string ; one of: State, Organization, Person
// column labels: list of string
// column role: string ; one of: official, spokesperson
// column title: string
// column represents: string
// column speaks_for: list of string
// column made: counts
// column received: counts
// column documents: integer
MATCH (a:Actor)
WHERE $actor IN a.keys
OPTIONAL MATCH path = (a)-[:SPEAKS_FOR|PART_OF*1..3]->(:Actor)
WITH a, [n IN nodes(path) | n.name] AS chain
ORDER BY size(chain) DESC
WITH a, head(collect(chain)) AS chain
// pattern comprehensions rather than OPTIONAL MATCH + collect: carrying a list as long as a busy
// actor's claims through a later aggregation costs time quadratic in their number
WITH a, chain, [(a)-[:MADE]->(m) | m.kind] AS made, [(r)-[:AGAINST]->(a) | r.kind] AS received,
     [(a)-[:MADE]->()-[:REPORTED_IN]->(d) | d] + [(a)<-[:AGAINST]-()-[:REPORTED_IN]->(d) | d] AS sources
WITH a, chain, sources,
     {accuse: size([k IN made WHERE k = 'accuse']), deny: size([k IN made WHERE k = 'deny']),
      condemn: size([k IN made WHERE k = 'condemn']), blame: size([k IN made WHERE k = 'blame'])} AS made,
     {accuse: size([k IN received WHERE k = 'accuse']), deny: size([k IN received WHERE k = 'deny']),
      condemn: size([k IN received WHERE k = 'condemn']), blame: size([k IN received WHERE k = 'blame'])} AS received
// the trailing null keeps the row of an actor without claims; count(DISTINCT) skips it
UNWIND sources + [null] AS source
WITH a, chain, made, received, count(DISTINCT source) AS documents
RETURN a.id AS id, a.name AS name, a.type AS type, reduce(acc = [], item IN labels(a) | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS labels, a.role AS role, a.title AS title,
       a.represents AS represents, coalesce(chain[1..], []) AS speaks_for, made, received, documents
ORDER BY name, id
