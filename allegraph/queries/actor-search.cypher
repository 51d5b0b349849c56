// name: actor-search
// title: Find actors
// description: Actors whose name or alias contains the search text (case-insensitive), with how many claims they made and received.
// param search: actor = null ; example: russia
// param type: string = null ; example: State ; one of: State, Organization, Person
// param limit: integer = 50 ; example: 20
// column id: string
// column name: string
// column type: string ; one of: State, Organization, Person
// column role: string ; one of: official, spokesperson
// column title: string
// column represents: string
// column claims_made: integer
// column claims_received: integer
MATCH (a:Actor)
WHERE a.name IS NOT NULL AND ($type IS NULL OR a.type = $type)
  AND ($search IS NULL OR any(k IN a.keys WHERE k CONTAINS $search))
OPTIONAL MATCH (a)-[:MADE]->(m:Claim)
WITH a, count(m) AS claims_made
OPTIONAL MATCH (r:Claim)-[:AGAINST]->(a)
RETURN a.id AS id, a.name AS name, a.type AS type, a.role AS role, a.title AS title, a.represents AS represents,
       claims_made, count(r) AS claims_received
ORDER BY claims_made + claims_received DESC, name, id
LIMIT $limit
