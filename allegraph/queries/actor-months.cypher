// name: actor-months
// title: An actor's claims by month
// description: How many claims the actor (or anyone who speaks for it) made and received each month, by kind; month is null for undated claims.
// param actor: actor = required ; example: Russia
// column month: string
// column direction: string ; one of: made, received
// column kind: string ; one of: accuse, deny, condemn, blame
// column claims: integer
MATCH (x:Actor)
WHERE $actor IN x.scope_keys
MATCH (x)-[:MADE|AGAINST]-(c:Claim)
WITH DISTINCT c
MATCH (s:Actor)-[:MADE]->(c)
WITH left(c.date, 7) AS month, CASE WHEN $actor IN s.scope_keys THEN 'made' ELSE 'received' END AS direction,
     c.kind AS kind, count(c) AS claims
RETURN month, direction, kind, claims
ORDER BY coalesce(month, '9999'), direction, kind
