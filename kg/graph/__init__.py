"""RDF side of kg: the ontology namespace and graph building."""
