"""Chains of relations between entities: the shortest one between two, and everything within N hops.

Direction is ignored when walking (A requested from B links A and B either way); each hop reports
the relation edges between its two ends with their direction and evidence, strongest first.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

import networkx as nx

from kg.analyze.projection import edges_between, undirected

MAX_PATHS = 1000  # shortest paths compared for the strongest; their number can grow exponentially


def _hop(G: nx.MultiDiGraph, a: str, b: str) -> dict[str, Any]:
    relations = []
    for edge in edges_between(G, a, b):
        first = edge["evidence"][0] if edge["evidence"] else {}
        relations.append({"type": edge["type"], "forward": edge["source"] == a or edge["mutual"],
                          "mutual": edge["mutual"], "weight": edge["weight"], "first": edge["first"],
                          "last": edge["last"], "doc": first.get("doc"), "sentence": first.get("sentence"),
                          "theme": first.get("theme"), "modality": first.get("modality"),
                          "docs": sorted({e["doc"] for e in edge["evidence"] if e.get("doc")})})
    return {"source": a, "target": b, "source_label": G.nodes[a]["label"],
            "target_label": G.nodes[b]["label"], "relations": relations}


def shortest_chain(G: nx.MultiDiGraph, source: str, target: str) -> list[dict[str, Any]] | None:
    """The hops of a shortest chain of relations from source to target (fewest hops; among equals,
    the one whose weakest link has the most assertions), or None when they are not connected.
    An entity to itself is an empty chain."""
    if source == target:
        return []
    H = undirected(G)
    try:
        paths = list(islice(nx.all_shortest_paths(H, source, target), MAX_PATHS))
    except nx.NetworkXNoPath:
        return None
    best = max(sorted(paths), key=lambda p: (min(H[u][v]["weight"] for u, v in zip(p, p[1:])),
                                             sum(H[u][v]["weight"] for u, v in zip(p, p[1:]))))
    return [_hop(G, u, v) for u, v in zip(best, best[1:])]


def neighborhood(G: nx.MultiDiGraph, source: str, depth: int = 1) -> list[dict[str, Any]]:
    """Entities within ``depth`` hops of source: distance, the entity one hop nearer through which it
    is reached (the strongest such), and the relation types of that link. Nearest first, then by the
    strength of the link."""
    H = undirected(G)
    distance = nx.single_source_shortest_path_length(H, source, cutoff=max(depth, 0))
    found = []
    for node, d in distance.items():
        if node == source:
            continue
        nearer = [p for p in H[node] if distance.get(p) == d - 1]
        via = max(sorted(nearer), key=lambda p: H[node][p]["weight"])
        data = G.nodes[node]
        found.append({"iri": node, "label": data["label"], "latin": data.get("latin"), "type": data["type"],
                      "distance": d, "via": G.nodes[via]["label"], "relations": H[node][via]["types"],
                      "weight": H[node][via]["weight"]})
    return sorted(found, key=lambda r: (r["distance"], -r["weight"], r["label"]))
