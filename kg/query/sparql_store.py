"""Which triple store answers: the on-disk Oxigraph store `kg build` keeps in DIR/store (opened at
once), Oxigraph loaded in memory from DIR/graph.trig, or rdflib's in-memory store loaded from it.

Each is an rdflib Dataset whose default graph is the union of all named graphs, so the same queries
give the same answers (docs/sparql.md has the latency comparison).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset

from kg.graph.store import CorruptGraphStore
from kg.query.graphdir import graph_file, open_graph

STORES = ("memory", "oxigraph", "oxigraph-trig")
STORE_ENV = "KG_STORE"  # the store query commands use when none is asked for

log = logging.getLogger(__name__)


class StoreUnavailable(RuntimeError):
    """The store asked for is not installed."""


def oxigraph_available() -> bool:
    try:
        import oxrdflib  # noqa: F401
    except ImportError:
        return False
    return True


def default_store() -> str:
    """$KG_STORE if set, else the on-disk Oxigraph store when oxrdflib is installed, else rdflib's.

    Oxigraph loads 16-18x faster than rdflib and answers six of the eight example queries 4-640x
    faster; rdflib wins only on who_requested_what on the largest graph measured; the on-disk store
    saves the load altogether (docs/sparql.md).
    """
    return os.environ.get(STORE_ENV) or ("oxigraph" if oxigraph_available() else "memory")


def open_dataset(directory: str | Path, store: str | None = None,
                 note: Callable[[str], None] | None = None) -> Dataset:
    """The graph in DIR in ``store`` (one of STORES; default_store() if None); GraphNotFound,
    CorruptGraphStore or StoreUnavailable say what is wrong.

    "oxigraph" opens DIR/store read-only (rebuilt from graph.trig first if it is missing or stale); if
    that fails, ``note`` (default: a logged warning) is told why and graph.trig is read instead.
    """
    store = store or default_store()
    if store == "memory":
        return open_graph(directory)
    if store not in STORES:
        raise ValueError(f"unknown store {store!r}: choose one of {', '.join(STORES)}")
    if not oxigraph_available():
        raise StoreUnavailable(f"the {store} store needs oxrdflib: pip install oxrdflib "
                               "(or use --store memory)")
    path = graph_file(directory)
    if store == "oxigraph":
        from kg.graph import oxstore

        say = note or log.warning
        try:
            return oxstore.open_dataset(directory, on_rebuild=say)
        except oxstore.OxStoreError as e:
            say(f"{e}; reading {path} instead (slower)")
    return oxigraph_from_trig(path)


def oxigraph_from_trig(path: Path) -> Dataset:
    """graph.trig parsed into an in-memory Oxigraph store."""
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
