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
// the counts are kept on the actor by the write (allegraph/graph/aggregates.py): reading them
// costs the same for the busiest actor as for one with a single claim
RETURN a.id AS id, a.name AS name, a.type AS type, reduce(acc = [], item IN labels(a) | CASE WHEN item IN acc THEN acc ELSE [other IN acc WHERE other < item] + [item] + [other IN acc WHERE other > item] END) AS labels, a.role AS role, a.title AS title,
       a.represents AS represents, coalesce(chain[1..], []) AS speaks_for,
       {accuse: coalesce(a.made_accuse, 0), deny: coalesce(a.made_deny, 0), condemn: coalesce(a.made_condemn, 0),
        blame: coalesce(a.made_blame, 0)} AS made,
       {accuse: coalesce(a.received_accuse, 0), deny: coalesce(a.received_deny, 0),
        condemn: coalesce(a.received_condemn, 0), blame: coalesce(a.received_blame, 0)} AS received,
       coalesce(a.documents, 0) AS documents
ORDER BY name, id
