"""Opening the graph a `kg build --out DIR` wrote, with messages that say what to do."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.graph.trig import FILENAME


class GraphNotFound(FileNotFoundError):
    """DIR holds no graph: it was never built, or it is the wrong directory."""


def graph_file(directory: str | Path) -> Path:
    """DIR/graph.trig, or a GraphNotFound that says how to build it."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GraphNotFound(f"no such graph directory: {directory}. Build one first: "
                            f"kg build seeds/ --out {directory}")
    path = directory / FILENAME
    if not path.exists():
        raise GraphNotFound(f"{directory} holds no {FILENAME}. Build the graph into it first: "
                            f"kg build seeds/ --out {directory}")
    return path


def open_graph(directory: str | Path) -> Dataset:
    """The Dataset stored in DIR/graph.trig (a GraphNotFound or CorruptGraphStore says what is wrong)."""
    from kg.graph.store import GraphStore

    graph_file(directory)
    return GraphStore(directory).dataset
