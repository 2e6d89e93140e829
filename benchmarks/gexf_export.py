"""Time the GEXF export of a built graph, stage by stage: open the RDF, project it, write GEXF 1.3.

Usage: python benchmarks/gexf_export.py OUT_DIR [REPEATS]   (writes OUT_DIR/graph.gexf)
Prints the size of the graph and the best time of each stage over REPEATS runs (default 3).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kg.analyze import project
from kg.export import to_gexf
from kg.files import write_atomic
from kg.query import open_graph


def main(directory: Path, repeats: int = 3) -> None:
    best: dict[str, float] = {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        ds = open_graph(directory)
        t1 = time.perf_counter()
        G = project(ds)
        t2 = time.perf_counter()
        data = to_gexf(G)
        write_atomic(directory / "graph.gexf", data)
        t3 = time.perf_counter()
        stages = {"open": t1 - t0, "project": t2 - t1, "gexf": t3 - t2, "total": t3 - t0}
        for stage, seconds in stages.items():
            best[stage] = min(best.get(stage, seconds), seconds)
    print(f"{directory}: {len(ds):,} triples, {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges, "
          f"{len(data):,} GEXF bytes")
    print("best of", repeats, ":", "  ".join(f"{k} {v:.2f} s" for k, v in best.items()))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3)
