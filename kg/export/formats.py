"""Every export format: the entity network (gexf, graphml, json) and the RDF itself (ttl, nt, jsonld).

``export(ds, fmt, path)`` writes one file atomically (kg.files.write_atomic: a reader never sees half
a file) and returns what it wrote. GraphML cannot hold lists or dicts, so lists become "; "-joined
strings and the per-edge evidence becomes a document list and one example sentence; the JSON export
(networkx node-link) keeps the full evidence. Turtle and N-Triples have no named graphs, so they hold
the union of all graphs (provenance stays in the triples: kg:document on every event); JSON-LD keeps
the named graphs.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph

from kg.analyze.projection import project
from kg.export.gexf import to_gexf
from kg.files import write_atomic

NETWORK_FORMATS = ("gexf", "graphml", "json")
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
FORMATS = NETWORK_FORMATS + tuple(RDF_FORMATS)


def _scalar_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with only str/int/float/bool attribute values (what GraphML can type)."""
    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: "; ".join(v) if isinstance(v, list) else v
                            for k, v in data.items() if v is not None})
    for u, v, key, data in G.edges(keys=True, data=True):
        evidence = data.get("evidence", [])
        scalar = {k: val for k, val in data.items() if k != "evidence" and val is not None}
        scalar["documents"] = "; ".join(sorted({e["doc"] for e in evidence if e.get("doc")}))
        if evidence and evidence[0].get("sentence"):
            scalar["example"] = evidence[0]["sentence"]
        H.add_edge(u, v, key=key, **scalar)
    return H


def network_bytes(G: nx.MultiDiGraph, fmt: str, cumulative: bool = False) -> bytes:
    if fmt == "gexf":
        return to_gexf(G, cumulative=cumulative)
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(_scalar_copy(G), buffer, encoding="utf-8")
        return buffer.getvalue()
    if fmt == "json":
        data = nx.node_link_data(G, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    raise ValueError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")


def rdf_bytes(ds: Dataset, fmt: str) -> bytes:
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", encoding="utf-8")
    union = Graph()
    for prefix, namespace in ds.namespaces():
        union.bind(prefix, namespace)
    for triple in ds.triples((None, None, None)):
        union.add(triple)
    return union.serialize(format=RDF_FORMATS[fmt], encoding="utf-8")


def export(ds: Dataset, fmt: str, path: str | Path, cumulative: bool = False) -> dict:
    """Write the graph in ``fmt`` (one of FORMATS) to path; return {format, path, bytes, nodes, edges}."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in NETWORK_FORMATS:
        G = project(ds)
        payload = network_bytes(G, fmt, cumulative=cumulative)
        sizes = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    else:
        payload = rdf_bytes(ds, fmt)
        sizes = {"triples": len(ds)}
    write_atomic(path, payload)
    return {"format": fmt, "path": str(path), "bytes": len(payload), **sizes}
