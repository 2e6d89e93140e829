"""Which triple store answers SPARQL: rdflib's in-memory store, or Oxigraph through oxrdflib.

Both load the same DIR/graph.trig into an rdflib Dataset whose default graph is the union of all named
graphs, so the same queries give the same answers (docs/sparql.md has the latency comparison).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.graph.store import CorruptGraphStore
from kg.query.graphdir import graph_file, open_graph

STORES = ("memory", "oxigraph")


class StoreUnavailable(RuntimeError):
    """The store asked for is not installed."""


def oxigraph_available() -> bool:
    try:
        import oxrdflib  # noqa: F401
    except ImportError:
        return False
    return True


def default_store() -> str:
    """Oxigraph when oxrdflib is installed, else rdflib's in-memory store.

    Oxigraph loads 16-18x faster and answers six of the eight example queries 4-640x faster; rdflib wins
    only on who_requested_what on the largest graph measured (docs/sparql.md).
    """
    return "oxigraph" if oxigraph_available() else "memory"


def open_dataset(directory: str | Path, store: str | None = None) -> Dataset:
    """The graph in DIR loaded into ``store`` ("memory" or "oxigraph"; default_store() if None);
    GraphNotFound, CorruptGraphStore or StoreUnavailable say what is wrong."""
    store = store or default_store()
    if store == "memory":
        return open_graph(directory)
    if store != "oxigraph":
        raise ValueError(f"unknown store {store!r}: choose one of {', '.join(STORES)}")
    if not oxigraph_available():
        raise StoreUnavailable("the oxigraph store needs oxrdflib: pip install oxrdflib "
                               "(or use --store memory)")
    path = graph_file(directory)
    ds = Dataset(store="Oxigraph", default_union=True)
    try:
        ds.parse(path, format="ox-trig")
    except OSError:
        raise
    except Exception as e:  # the parser raises several types; all mean "not a graph we can use"
        raise CorruptGraphStore(f"{path}: cannot read the graph store ({type(e).__name__}: {e}). Delete it "
                                "and build again.") from e
    return ds


def is_empty(ds: Dataset) -> bool:
    """Whether the dataset holds no triple at all (in any graph)."""
    return next(iter(ds.quads((None, None, None, None))), None) is None
