"""Which named graphs a build changed: a digest per graph, compared with the last build's.

kg.graph.oxstore replaces in the query store only the graphs whose digest changed. The fast way hashes
graph.trig's blocks (kg.graph.trig writes each graph as one sorted block, so the same graph gives the
same bytes); the fallback hashes the triples.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from rdflib import BNode, Dataset, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

DEFAULT_GRAPH = ""  # key of the default graph in the digests (kg puts nothing there)


def _key(s, p, o) -> bytes:
    if isinstance(o, Literal):
        obj = f"L{o}\x1f{(o.language or '').lower()}\x1f{o.datatype or ''}"
    else:
        obj = f"{'B' if isinstance(o, BNode) else 'I'}{o}"
    return f"{s}\x1f{p}\x1f{obj}".encode("utf-8", "surrogatepass")


def _graph_name(context) -> str:
    name = getattr(context, "identifier", context)
    return DEFAULT_GRAPH if name is None or name == DATASET_DEFAULT_GRAPH_ID else str(name)


_BLOCK = re.compile(rb"^(?:<([^<>\s]*)> )?\{$", re.M)  # a graph's first line, as kg.graph.trig writes it


def trig_digests(trig: Path, ds: Dataset | None = None) -> dict[str, list] | None:
    """Graph name -> [digest, lines] from graph.trig's text, one block per named graph as
    kg.graph.trig writes them (sorted, so the same graph gives the same bytes): a hash of bytes,
    much faster than hashing triples in Python. None when the blocks are not the graphs of ``ds``
    (a file written otherwise): the caller then hashes triples (graph_digests)."""
    data = trig.read_bytes()
    starts = list(_BLOCK.finditer(data))
    digests: dict[str, list] = {}
    for i, match in enumerate(starts):
        name = (match[1] or b"").decode("utf-8")
        block = data[match.start(): starts[i + 1].start() if i + 1 < len(starts) else len(data)]
        if name in digests:
            return None
        digests[name] = ["b" + hashlib.sha256(block).hexdigest()[:32], block.count(b"\n")]
    if ds is not None:
        names = {_graph_name(c) for c in ds.graphs() if next(iter(c.triples((None, None, None))), None)}
        if names != set(digests):
            return None
    return digests


def graph_digests(ds: Dataset) -> dict[str, list]:
    """Graph name -> [digest, triples]: an order-independent hash of each named graph's triples, to
    find the graphs a build changed without comparing them triple by triple."""
    sums: dict[str, list[int]] = {}
    for s, p, o, context in ds.quads((None, None, None, None)):
        h = int.from_bytes(hashlib.blake2b(_key(s, p, o), digest_size=16).digest(), "big")
        entry = sums.setdefault(_graph_name(context), [0, 0])
        entry[0] = (entry[0] + h) % (1 << 128)
        entry[1] += 1
    return {name: [f"{total:032x}", count] for name, (total, count) in sums.items()}


