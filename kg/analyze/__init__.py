"""The graph as a network (networkx): projection of the RDF onto entities and typed relations, network
measures, chains between entities, and finding entities by the name a user types.

    from kg.query import open_graph
    from kg.analyze import project, NameIndex, shortest_chain

    G = project(open_graph("out"))
    names = NameIndex.from_network(G)
    kadhimi = names.find("Kadhimi")[0].entity.iri
"""

from kg.analyze.metrics import centrality, communities, components, counts, top
from kg.analyze.names import Entity, Match, NameIndex
from kg.analyze.paths import neighborhood, shortest_chain
from kg.analyze.projection import RELATION_TYPES, edges_between, project, undirected

__all__ = ["RELATION_TYPES", "Entity", "Match", "NameIndex", "centrality", "communities", "components",
           "counts", "edges_between", "neighborhood", "project", "shortest_chain", "top", "undirected"]
