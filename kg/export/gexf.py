"""GEXF 1.3 for Gephi, written with lxml (networkx's writer writes 1.2draft).

Nodes carry type, Arabic label, Latin label, mentions, documents and roles as attributes, a colour
by type (viz:color) and a size by degree (viz:size). Edges carry the relation type (as ``kind``,
GEXF 1.3's multigraph field, and as an attribute), weight = number of assertions, the documents and
one example sentence; met and contacted are ``mutual``. The graph is ``mode="dynamic"`` with
``timeformat="date"``: a node or edge gets ``start``/``end`` from the first and last date of its
facts, so Gephi's timeline plays the network over time. ``cumulative=True`` leaves ``end`` out, so
that what has appeared stays (the network grows as the news come in). Checked against the GEXF 1.3
RelaxNG schema (tests/fixtures/gexf).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import networkx as nx
from lxml import etree

from kg.analyze.projection import undirected

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
# One colour per entity type (Tableau 10): persons blue, organizations orange, places green.
TYPE_COLORS = {"PER": (78, 121, 167), "ORG": (242, 142, 43), "LOC": (89, 161, 79), "MISC": (186, 176, 172)}
MIN_SIZE, MAX_SIZE = 4.0, 40.0
NODE_ATTRIBUTES = (("type", "string"), ("label_ar", "string"), ("latin", "string"), ("mentions", "integer"),
                   ("documents", "integer"), ("aliases", "string"), ("roles", "string"), ("iri", "anyURI"))
EDGE_ATTRIBUTES = (("relation", "string"), ("assertions", "integer"), ("documents", "string"),
                   ("modalities", "string"), ("example", "string"))


def _g(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _v(tag: str) -> str:
    return f"{{{VIZ_NS}}}{tag}"


def _attributes(graph_el, cls: str, fields) -> None:
    attrs = etree.SubElement(graph_el, _g("attributes"), {"class": cls})
    for name, kind in fields:
        etree.SubElement(attrs, _g("attribute"), {"id": name, "title": name, "type": kind})


def _attvalues(el, values: dict[str, Any]) -> None:
    box = etree.SubElement(el, _g("attvalues"))
    for key, value in values.items():
        if value not in (None, "", []):
            etree.SubElement(box, _g("attvalue"), {"for": key, "value": str(value)})


def _time(el, first: str | None, last: str | None, cumulative: bool) -> None:
    if first:
        el.set("start", first)
        if last and not cumulative:
            el.set("end", last)


def _clean(text: str | None) -> str:
    """XML 1.0 cannot hold control characters; a stray one must not make the file unreadable."""
    return "".join(ch for ch in (text or "") if ch in "\t\n\r" or ord(ch) >= 32)


def to_gexf(G: nx.MultiDiGraph, cumulative: bool = False, description: str | None = None) -> bytes:
    """The network as a GEXF 1.3 document (UTF-8 bytes)."""
    root = etree.Element(_g("gexf"), nsmap={None: GEXF_NS, "viz": VIZ_NS}, version="1.3")
    meta = etree.SubElement(root, _g("meta"), lastmodifieddate=dt.date.today().isoformat())
    etree.SubElement(meta, _g("creator")).text = "kg (knowledge graphs from Arabic news)"
    etree.SubElement(meta, _g("description")).text = _clean(
        description or f"{G.number_of_nodes()} entities, {G.number_of_edges()} relation edges")
    graph_el = etree.SubElement(root, _g("graph"), defaultedgetype="directed", mode="dynamic",
                                timeformat="date")
    dates = [d for _, data in G.nodes(data=True) for d in (data.get("first"), data.get("last")) if d]
    if dates:
        graph_el.set("start", min(dates))
        graph_el.set("end", max(dates))
    _attributes(graph_el, "node", NODE_ATTRIBUTES)
    _attributes(graph_el, "edge", EDGE_ATTRIBUTES)

    degree = dict(undirected(G).degree())
    top = max(degree.values(), default=0) or 1
    nodes_el = etree.SubElement(graph_el, _g("nodes"), count=str(G.number_of_nodes()))
    for node, data in G.nodes(data=True):
        el = etree.SubElement(nodes_el, _g("node"), id=node, label=_clean(data["label"]))
        _time(el, data.get("first"), data.get("last"), cumulative)
        _attvalues(el, {"type": data["type"], "label_ar": _clean(data["label"]),
                        "latin": _clean(data.get("latin")), "mentions": data.get("mentions", 0),
                        "documents": len(data.get("docs", ())),
                        "aliases": _clean("; ".join(data.get("aliases", ()))),
                        "roles": _clean("; ".join(data.get("roles", ()))), "iri": node})
        r, g, b = TYPE_COLORS.get(data["type"], TYPE_COLORS["MISC"])
        etree.SubElement(el, _v("color"), r=str(r), g=str(g), b=str(b))
        size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(degree.get(node, 0) / top)
        etree.SubElement(el, _v("size"), value=f"{size:.2f}")

    edges_el = etree.SubElement(graph_el, _g("edges"), count=str(G.number_of_edges()))
    for i, (u, v, data) in enumerate(G.edges(data=True)):
        el = etree.SubElement(edges_el, _g("edge"), id=str(i), source=u, target=v, label=data["type"],
                              kind=data["type"], weight=str(data["weight"]))
        if data.get("mutual"):
            el.set("type", "mutual")
        _time(el, data.get("first"), data.get("last"), cumulative)
        evidence = data.get("evidence", [])
        modalities = sorted({e["modality"] for e in evidence if e.get("modality")})
        _attvalues(el, {"relation": data["type"], "assertions": data["weight"],
                        "documents": "; ".join(sorted({e["doc"] for e in evidence if e.get("doc")})),
                        "modalities": "; ".join(modalities),
                        "example": _clean(evidence[0].get("sentence")) if evidence else None})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
