"""RDF export on the Allegraph vocabulary (`schema/allegraph.ttl`)."""
