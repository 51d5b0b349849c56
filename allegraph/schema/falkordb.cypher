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
// who-accused-whom reads a speaker's newest claims: speaker_id and date in one index scan
CREATE INDEX FOR (n:Claim) ON (n.speaker_id);
// Lookup keys are lists; FalkorDB indexes each element, so `$key IN a.keys` is an index seek.
CREATE INDEX FOR (n:Actor) ON (n.keys);
CREATE INDEX FOR (n:Actor) ON (n.scope_keys);
