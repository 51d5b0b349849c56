"""RDF export on the Allegraph vocabulary (`allegraph/schema/allegraph.ttl`)."""
