"""Stage 5: reading the graph back: relation and entity records, SPARQL, lookups, analytics, exports."""

from kg.query.graphdir import GraphNotFound, open_graph
from kg.query.records import entity_rows, relation_rows

__all__ = ["GraphNotFound", "entity_rows", "open_graph", "relation_rows"]
