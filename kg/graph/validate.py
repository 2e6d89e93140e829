"""SHACL check of a built graph against ontology/shapes.ttl, the way the shapes file prescribes.

pySHACL is a test extra, not a run-time dependency, so it is imported only when a check is asked for.
"""

from __future__ import annotations

from rdflib import Graph

from kg.graph.namespace import load_ontology, load_shapes


def validate(data: Graph) -> tuple[bool, Graph, str]:
    """(conforms, report graph, report text), strict mode: the ontology as ont_graph, no inference."""
    try:
        import pyshacl
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise RuntimeError("SHACL validation needs pySHACL: pip install 'kg[test]'") from e
    conforms, report_graph, report_text = pyshacl.validate(
        data, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none", allow_warnings=False)
    return bool(conforms), report_graph, str(report_text)
