"""The graph kept ready to query: an on-disk Oxigraph store in DIR/store, beside DIR/graph.trig.

graph.trig stays the portable export; the store is what query commands open, so they answer without
re-reading TriG. Oxigraph (RocksDB) allows no reader while another process writes ("undefined
behaviour"), so the store is never changed in place: each build makes a new *generation*,
DIR/store/gen-NNNNNN, from the current one by a RocksDB checkpoint (hard links, instant), replaces in
it only the named graphs whose triples changed (one per document, plus the entities graph), and then
points DIR/store/current.json at it (an atomic rename). Readers open the generation the pointer names,
read-only, and are never blocked nor disturbed by a build; the generation before the current one is
kept for readers that opened it a moment earlier, older ones are removed.

The pointer records graph.trig's size, mtime and SHA-256. A store whose pointer does not match
graph.trig (a DIR built by an older kg, a build killed between the two writes, a copied DIR) is stale:
the next build or the first reader rebuilds it from graph.trig.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Literal, URIRef

from kg.files import write_atomic
from kg.graph.digests import DEFAULT_GRAPH, graph_digests, trig_digests

log = logging.getLogger(__name__)

STORE_DIR = "store"
POINTER = "current.json"
FORMAT = 1  # of the pointer and digest files; another value means "rebuild"
GENERATION = re.compile(r"gen-(\d{6,})")
FULL_RELOAD_SHARE = 0.5  # past this share of changed triples, reloading graph.trig whole is faster


class OxStoreError(RuntimeError):
    """The store cannot be opened or written; the message says why and what to do."""


@dataclass
class SyncReport:
    """What bringing the store up to date did."""

    generation: str
    full: bool  # rebuilt from graph.trig (else: only the changed graphs were replaced)
    replaced: int = 0  # named graphs added or replaced
    removed: int = 0  # named graphs dropped
    quads: int | None = None  # quads in the store afterwards (None: not counted, nothing changed)
    seconds: float = 0.0


def store_dir(directory: str | Path) -> Path:
    return Path(directory) / STORE_DIR


def trig_path(directory: str | Path) -> Path:
    from kg.graph.trig import FILENAME

    return Path(directory) / FILENAME


# --- freshness -------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return _sha256_of(f)


def _sha256_of(f) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: f.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def trig_stamp(trig: Path) -> dict:
    """What identifies this graph.trig: size, mtime (ns) and SHA-256, all of the same file (it may be
    replaced meanwhile)."""
    with open(trig, "rb") as f:
        st = os.fstat(f.fileno())
        return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": _sha256_of(f)}


def read_pointer(directory: str | Path) -> dict | None:
    """DIR/store/current.json, or None when there is none usable."""
    try:
        pointer = json.loads((store_dir(directory) / POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(pointer, dict) or pointer.get("format") != FORMAT or \
            not GENERATION.fullmatch(str(pointer.get("generation", ""))):
        return None
    return pointer


def is_fresh(directory: str | Path, pointer: dict | None = None) -> bool:
    """Whether the store's current generation holds what graph.trig holds (cheap: a stat, and a hash
    only when size or mtime differ, e.g. in a copied DIR)."""
    pointer = pointer if pointer is not None else read_pointer(directory)
    trig = trig_path(directory)
    if pointer is None or not trig.exists():
        return False
    if not (store_dir(directory) / pointer["generation"]).is_dir():
        return False
    stamp, st = pointer.get("trig") or {}, trig.stat()
    if stamp.get("size") != st.st_size:
        return False
    return stamp.get("mtime_ns") == st.st_mtime_ns or stamp.get("sha256") == _sha256(trig)


# --- writing generations ---------------------------------------------------------------------------

def _ox():
    import pyoxigraph

    return pyoxigraph


def _to_ox(term):
    ox = _ox()
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(term, language=term.language)
        return ox.Literal(term, datatype=ox.NamedNode(term.datatype) if term.datatype else None)
    raise ValueError(f"cannot store the term {term!r}")


def _ox_graph(name: str):
    ox = _ox()
    return ox.DefaultGraph() if name == DEFAULT_GRAPH else ox.NamedNode(name)


def _generations(root: Path) -> list[tuple[int, Path]]:
    found = []
    for path in root.glob("gen-*"):
        match = GENERATION.fullmatch(path.name)
        if match and path.is_dir():
            found.append((int(match[1]), path))
    return sorted(found)


def _staging(root: Path) -> Path:
    """A new private directory to build a generation in (readable by all, like graph.trig)."""
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".staging-"))
    os.chmod(staging, 0o777 & ~_umask())
    return staging


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(root: Path, staging: Path, digests: dict | None) -> str:
    """Rename the finished staging store to the next free gen-NNNNNN and write its digests."""
    while True:
        number = (_generations(root)[-1][0] + 1) if _generations(root) else 1
        name = f"gen-{number:06d}"
        try:
            os.rename(staging, root / name)
        except OSError:  # another writer took that number a moment ago: take the next
            if not (root / name).exists():
                raise
            continue
        if digests is not None:  # without them (a crash here) the next build reloads graph.trig whole
            write_atomic(root / f"{name}.digests.json", json.dumps({"format": FORMAT, "graphs": digests}))
        return name


def _point(directory: Path, generation: str, stamp: dict) -> None:
    pointer = {"format": FORMAT, "generation": generation, "trig": stamp,
               "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    write_atomic(store_dir(directory) / POINTER, json.dumps(pointer, indent=1) + "\n")


def _collect_garbage(root: Path, current: str) -> None:
    """Drop generations older than the one before the current, and staging dirs of dead writers."""
    keep_from = int(GENERATION.fullmatch(current)[1]) - 1
    for number, path in _generations(root):
        if number < keep_from:
            shutil.rmtree(path, ignore_errors=True)
            (root / f"{path.name}.digests.json").unlink(missing_ok=True)
    for path in root.glob(".staging-*"):
        try:
            if time.time() - path.stat().st_mtime > 3600:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass


def _base_digests(directory: Path, pointer: dict | None) -> dict | None:
    """The digests of the current generation, if it is there to start from."""
    if pointer is None or not (store_dir(directory) / pointer["generation"]).is_dir():
        return None
    try:
        data = json.loads((store_dir(directory) / f"{pointer['generation']}.digests.json")
                          .read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("graphs") if data.get("format") == FORMAT else None


def rebuild(directory: str | Path, digests: dict | None = None) -> SyncReport:
    """A new generation loaded whole from graph.trig, made current."""
    started = time.perf_counter()
    directory = Path(directory)
    trig = trig_path(directory)
    root = store_dir(directory)
    root.mkdir(parents=True, exist_ok=True)
    stamp = trig_stamp(trig)
    from_file = digests is None
    if from_file:
        digests = trig_digests(trig)  # lets the next build replace only what it changes
    staging = _staging(root)
    try:
        ox = _ox()
        store = ox.Store(str(staging))
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        store.flush()
        quads = len(store)
        if from_file and digests is not None:  # the file's blocks must be exactly its graphs
            names = {g.value for g in store.named_graphs()}
            if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
                names.add(DEFAULT_GRAPH)
            digests = digests if names == set(digests) else None
        del store
        generation = _publish(root, staging, digests)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _point(directory, generation, stamp)
    _collect_garbage(root, generation)
    return SyncReport(generation, full=True, quads=quads, seconds=time.perf_counter() - started)


def sync(directory: str | Path, ds: Dataset) -> SyncReport:
    """Bring DIR/store up to date with ``ds``, the dataset just saved to DIR/graph.trig: replace the
    named graphs that changed since the current generation, or reload graph.trig whole when there is
    no usable generation or most of the graph changed. For the build, which holds DIR's build lock."""
    started = time.perf_counter()
    directory = Path(directory)
    for leftover in store_dir(directory).glob(".*.tmp"):  # of a killed build's pointer or digests write
        leftover.unlink(missing_ok=True)
    digests = trig_digests(trig_path(directory), ds) or graph_digests(ds)
    pointer = read_pointer(directory)
    base = _base_digests(directory, pointer)
    if base is None:
        return rebuild(directory, digests)
    changed = [name for name, value in digests.items() if base.get(name) != value]
    gone = [name for name in base if name not in digests]
    total = sum(count for _, count in digests.values()) or 1
    if sum(digests[name][1] for name in changed) > FULL_RELOAD_SHARE * total:
        return rebuild(directory, digests)
    root = store_dir(directory)
    stamp = trig_stamp(trig_path(directory))
    if not changed and not gone:  # the same graph written again: the generation stays current
        _point(directory, pointer["generation"], stamp)
        return SyncReport(pointer["generation"], full=False, seconds=time.perf_counter() - started)
    staging = _staging(root)
    try:
        ox = _ox()
        source = ox.Store.read_only(str(root / pointer["generation"]))
        shutil.rmtree(staging)  # the checkpoint must create its directory itself
        source.backup(str(staging))
        del source
        store = ox.Store(str(staging))
        for name in gone + changed:
            if name == DEFAULT_GRAPH:
                store.clear_graph(ox.DefaultGraph())
            else:
                store.remove_graph(ox.NamedNode(name))
        for name in changed:
            graph = ds.graph(URIRef(name)) if name != DEFAULT_GRAPH else ds.default_context
            target = _ox_graph(name)
            store.extend([ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), target) for s, p, o in graph])
        store.flush()
        quads = len(store)
        del store
        generation = _publish(root, staging, digests)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _point(directory, generation, stamp)
    _collect_garbage(root, generation)
    return SyncReport(generation, full=False, replaced=len(changed), removed=len(gone), quads=quads,
                      seconds=time.perf_counter() - started)


def sync_after_save(directory: str | Path, ds: Dataset) -> SyncReport | None:
    """``sync`` for the build: a store that cannot be updated is reported, never fails the build
    (graph.trig is saved; readers rebuild the store from it, and so does the next build)."""
    try:
        return sync(directory, ds)
    except Exception as e:  # noqa: BLE001 - disk full, permissions, pyoxigraph missing: all recoverable
        log.warning("could not update the query store in %s (%s: %s); graph.trig is saved and the "
                    "store will be rebuilt from it when it is next opened", store_dir(directory),
                    type(e).__name__, e)
        return None


# --- reading ---------------------------------------------------------------------------------------

def _current(directory: Path, on_rebuild: Callable[[str], None] | None) -> Path:
    """The current generation's directory, rebuilt from graph.trig first when stale."""
    pointer = read_pointer(directory)
    if not is_fresh(directory, pointer):
        if on_rebuild is not None:
            on_rebuild(f"the store in {store_dir(directory)} is missing or older than "
                       f"{trig_path(directory).name}: rebuilding it from that file")
        try:
            rebuild(directory)
        except Exception as e:  # read-only DIR, disk full, pyoxigraph missing, bad TriG, ...
            raise OxStoreError(f"cannot rebuild the store in {store_dir(directory)} "
                               f"({type(e).__name__}: {e})") from e
        pointer = read_pointer(directory)
    if pointer is None:
        raise OxStoreError(f"{store_dir(directory) / POINTER} is missing or unreadable")
    return store_dir(directory) / pointer["generation"]


def open_read_only(directory: str | Path, on_rebuild: Callable[[str], None] | None = None):
    """The current generation as a read-only ``pyoxigraph.Store`` and its path, rebuilt from
    graph.trig first when stale. Raises OxStoreError when neither works (the caller can still read
    graph.trig)."""
    directory = Path(directory)
    error: Exception | None = None
    for _ in range(3):
        path = _current(directory, on_rebuild)
        try:
            return _ox().Store.read_only(str(path)), path
        except OSError as e:  # a writer removed that generation between our reads: look again
            error = e
    raise OxStoreError(f"cannot open the store in {store_dir(directory)} ({error}). Delete that "
                       "directory and it is rebuilt from graph.trig.")


def open_dataset(directory: str | Path, on_rebuild: Callable[[str], None] | None = None) -> Dataset:
    """The store as an rdflib Dataset (through oxrdflib) whose default graph is the union of all.

    A forked child (kg.query.sparql_worker) queries it through the parent's open files, which it
    must therefore keep open: reopening the store there reads through RocksDB's cached handles."""
    from oxrdflib import OxigraphStore

    ox_store, path = open_read_only(Path(directory), on_rebuild)
    rdf_store = OxigraphStore(store=ox_store)
    rdf_store.kg_generation = path.name  # what newer() compares with the pointer
    return Dataset(store=rdf_store, default_union=True)


def newer(directory: str | Path, ds: Dataset) -> Dataset | None:
    """The current generation as a new Dataset when ``ds`` (from open_dataset) holds an older one and the
    current one matches graph.trig; else None. What lets `kg serve` follow later builds."""
    opened = getattr(ds.store, "kg_generation", None)
    pointer = read_pointer(directory)
    if opened is None or pointer is None or pointer["generation"] == opened or \
            not is_fresh(directory, pointer):
        return None
    return open_dataset(directory)
