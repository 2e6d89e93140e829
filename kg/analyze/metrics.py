"""Network measures over the entity network: counts, central entities, components, communities.

Centrality, components and communities are computed on ``undirected(G)`` (one weighted edge per
linked pair): who is central in the news does not depend on who asked whom. Louvain communities use
a fixed seed, so the same graph always gives the same communities. Betweenness is exact up to
``BETWEENNESS_EXACT`` nodes and estimated from that many sampled sources (fixed seed) above it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from kg.analyze.projection import undirected

SEED = 42
BETWEENNESS_EXACT = 1000


def counts(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Documents, entities by type, relation assertions and distinct linked pairs by relation type."""
    assertions: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for _, _, data in G.edges(data=True):
        assertions[data["type"]] += data["weight"]
        pairs[data["type"]] += 1
    return {"documents": G.graph.get("documents"), "entities": G.number_of_nodes(),
            "entities_by_type": dict(sorted(Counter(d["type"] for _, d in G.nodes(data=True)).items())),
            "relations": sum(assertions.values()), "relations_by_type": dict(sorted(assertions.items())),
            "linked_pairs_by_type": dict(sorted(pairs.items()))}


def centrality(G: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Per node: degree (distinct neighbours), weighted degree, betweenness and PageRank."""
    H = undirected(G)
    if H.number_of_nodes() == 0:
        return {}
    k = None if H.number_of_nodes() <= BETWEENNESS_EXACT else BETWEENNESS_EXACT
    betweenness = nx.betweenness_centrality(H, k=k, seed=SEED if k else None)
    pagerank = nx.pagerank(H, weight="weight") if H.number_of_edges() else {n: 1 / len(H) for n in H}
    return {n: {"degree": H.degree(n), "weighted_degree": H.degree(n, weight="weight"),
                "betweenness": betweenness[n], "pagerank": pagerank[n]} for n in H}


def top(G: nx.MultiDiGraph, measures: dict[str, dict[str, float]], measure: str, n: int = 10) -> list[dict]:
    """The n nodes highest on one measure (ties by label), as records with label, type and value."""
    ranked = sorted(measures, key=lambda node: (-measures[node][measure], G.nodes[node]["label"]))
    return [{"label": G.nodes[node]["label"], "latin": G.nodes[node].get("latin"),
             "type": G.nodes[node]["type"], measure: round(measures[node][measure], 4), "iri": node}
            for node in ranked[:n] if measures[node][measure] > 0]


def components(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Connected components: how many, their sizes (largest first), and how many entities are alone."""
    H = undirected(G)
    sizes = sorted((len(c) for c in nx.connected_components(H)), reverse=True)
    return {"count": len(sizes), "sizes": sizes, "isolated": sum(1 for s in sizes if s == 1)}


def communities(G: nx.MultiDiGraph, seed: int = SEED) -> list[list[str]]:
    """Louvain communities of the linked entities (isolated ones left out), largest first; each a
    list of node ids, most connected first."""
    H = undirected(G)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    if H.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(H, weight="weight", seed=seed)
    ordered = [sorted(c, key=lambda n: (-H.degree(n, weight="weight"), G.nodes[n]["label"])) for c in found]
    return sorted(ordered, key=lambda c: (-len(c), G.nodes[c[0]]["label"]))
