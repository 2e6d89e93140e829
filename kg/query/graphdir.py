"""Opening the graph a `kg build --out DIR` wrote, with messages that say what to do."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.graph.store import FILENAME, GraphStore


class GraphNotFound(FileNotFoundError):
    """DIR holds no graph: it was never built, or it is the wrong directory."""


def open_graph(directory: str | Path) -> Dataset:
    """The Dataset stored in DIR/graph.trig (a GraphNotFound or CorruptGraphStore says what is wrong)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GraphNotFound(f"no such graph directory: {directory}. Build one first: "
                            f"kg build seeds/ --out {directory}")
    store = GraphStore(directory)
    if not store.path.exists():
        raise GraphNotFound(f"{directory} holds no {FILENAME}. Build the graph into it first: "
                            f"kg build seeds/ --out {directory}")
    return store.dataset
