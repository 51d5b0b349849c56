// FalkorDB range indexes (the embedded store). Ids are unique by construction: every
// write MERGEs on them.
CREATE INDEX FOR (n:Actor) ON (n.id);
CREATE INDEX FOR (n:Claim) ON (n.id);
CREATE INDEX FOR (n:Document) ON (n.id);
CREATE INDEX FOR (n:Incident) ON (n.id);
CREATE INDEX FOR (n:Place) ON (n.id);
CREATE INDEX FOR (n:Actor) ON (n.name);
CREATE INDEX FOR (n:Claim) ON (n.kind);
CREATE INDEX FOR (n:Claim) ON (n.date);
// Lookup keys are lists; FalkorDB indexes each element, so `$key IN a.keys` is an index seek.
CREATE INDEX FOR (n:Actor) ON (n.keys);
CREATE INDEX FOR (n:Actor) ON (n.scope_keys);
