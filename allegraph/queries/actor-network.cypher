// name: actor-network
// title: An actor's network
// description: The accusations, denials, condemnations and blame between an actor (with whoever speaks for it) and the actors around it, one row per (source, kind, target) with the number of claims, ranked by that number and capped at limit; edges_total says how many there were before the cap. With group, people and ministries count as the side they speak for (the centre's own people as the centre). kinds is a comma-separated list.
// param actor: actor = required ; example: Russia
// param kinds: string = null ; example: accuse,deny
// param since: date = null ; example: 2016-01-01
// param until: date = null ; example: 2030-12-31
// param min_claims: integer = 1 ; example: 1
// param hedged: boolean = true ; example: true
// param group: boolean = true ; example: true
// param limit: integer = 50 ; example: 50
// column source: string
// column source_id: string
// column source_type: string ; one of: State, Organization, Person
// column source_side_id: string
// column kind: string ; one of: accuse, deny, condemn, blame
// column target: string
// column target_id: string
// column target_type: string ; one of: State, Organization, Person
// column target_side_id: string
// column claims: integer
// column edges_total: integer
// The centre is the actor the parameter names; its scope is everyone whose scope_keys hold it.
// Claims are reached from the scope (few actors) rather than by a scan of every claim.
MATCH (centre:Actor)
WHERE $actor IN centre.keys
WITH centre
ORDER BY centre.name, centre.id
LIMIT 1
MATCH (x:Actor)
WHERE $actor IN x.scope_keys
MATCH (x)-[:MADE|AGAINST]-(c:Claim)
WITH DISTINCT centre, c
WHERE ($kinds IS NULL OR $kinds CONTAINS c.kind)
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR c.date <= $until)
  AND ($hedged OR coalesce(c.modality, '') <> 'hedged')
MATCH (s)-[:MADE]->(c)-[:AGAINST]->(t)
WITH c.kind AS kind,
     CASE WHEN NOT $group THEN s.id WHEN $actor IN s.scope_keys THEN centre.id
          ELSE coalesce(s.represents_id, s.id) END AS source_id,
     CASE WHEN NOT $group THEN t.id WHEN $actor IN t.scope_keys THEN centre.id
          ELSE coalesce(t.represents_id, t.id) END AS target_id
WITH source_id, kind, target_id, count(*) AS claims
WHERE claims >= $min_claims
WITH source_id, kind, target_id, claims
ORDER BY claims DESC, kind, source_id, target_id
WITH collect({source_id: source_id, kind: kind, target_id: target_id, claims: claims}) AS edges
// drop the whole list before the lookups: a list carried on every row costs time in its length
WITH edges[0..$limit] AS shown, size(edges) AS edges_total
UNWIND shown AS e
WITH e, edges_total
MATCH (s:Actor {id: e.source_id})
MATCH (t:Actor {id: e.target_id})
RETURN s.name AS source, s.id AS source_id, s.type AS source_type, coalesce(s.represents_id, s.id) AS source_side_id,
       e.kind AS kind, t.name AS target, t.id AS target_id, t.type AS target_type,
       coalesce(t.represents_id, t.id) AS target_side_id, e.claims AS claims, edges_total
ORDER BY claims DESC, kind, source_id, target_id
