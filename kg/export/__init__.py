"""Exports: the entity network as GEXF 1.3 (Gephi), GraphML and JSON; the RDF as Turtle, N-Triples,
JSON-LD. ``export(ds, fmt, path)`` writes one file atomically."""

from kg.export.formats import FORMATS, NETWORK_FORMATS, RDF_FORMATS, export, network_bytes, rdf_bytes
from kg.export.gexf import to_gexf

__all__ = ["FORMATS", "NETWORK_FORMATS", "RDF_FORMATS", "export", "network_bytes", "rdf_bytes", "to_gexf"]
