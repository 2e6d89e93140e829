"""Time from command start to first answer: `kg sparql` (a COUNT query) and `kg lookup`, as a user runs
them, reading the graph three ways (KG_STORE): `memory` (rdflib parses graph.trig: what `kg lookup`,
`kg relations`, `kg entities`, `kg stats` did before the store), `oxigraph-trig` (Oxigraph loads
graph.trig: what `kg sparql` and `kg serve` did before) and `oxigraph` (the store `kg build` keeps in
DIR/store, opened read-only: what they all do now). Each is a fresh process, timed from spawn to exit
(the answer is printed just before exit); median and range of --repeat runs.

    .venv/bin/python benchmarks/store_startup.py seeds=/tmp/seeds-out --repeat 5

--scale K makes a larger graph from a built one without parsing anything: every document's named
graph is copied K times under new document, event and assertion IRIs and identifiers (the entities
graph once), written as OUT/graph.trig, and its store built. Its shape is the seeds' repeated (every
entity is in 100 times as many relations), not a real archive's.

    .venv/bin/python benchmarks/store_startup.py --scale 100 /tmp/seeds-out /tmp/seeds-x100
    .venv/bin/python benchmarks/store_startup.py seeds-x100=/tmp/seeds-x100 --repeat 3

--sync DIR times what a build adds for the store on DIR's graph (digests, a one-document update, a
rebuild from graph.trig).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

STORES = ("memory", "oxigraph-trig", "oxigraph")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DOCUMENT = re.compile(r"/resource/document/([^/>]+)/graph$")


def kg_command() -> str:
    return str(Path(sys.executable).with_name("kg"))


def timed(argv: list[str], store: str) -> tuple[float, str]:
    env = {**os.environ, "KG_STORE": store, "KG_THREADS": "1"}
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} (KG_STORE={store}) failed: {done.stderr[-2000:]}")
    return elapsed, done.stdout


def measure(name: str, directory: Path, entity: str, repeat: int, stores=STORES) -> list[dict]:
    commands = {"sparql COUNT": [kg_command(), "sparql", COUNT, "--graph", str(directory), "--format", "csv"],
                f"lookup {entity}": [kg_command(), "lookup", entity, "--graph", str(directory), "--format",
                                     "json"]}
    rows = []
    for label, argv in commands.items():
        outputs = set()
        for store in stores:
            timed(argv, store)  # warm the page cache and Python's bytecode cache
            runs = []
            for _ in range(repeat):
                seconds, out = timed(argv, store)
                runs.append(seconds)
                outputs.add(out if label.startswith("lookup") else out.strip().splitlines()[-1])
            rows.append({"graph": name, "command": label, "store": store, "runs": len(runs),
                         "median_s": round(statistics.median(runs), 2), "min_s": round(min(runs), 2),
                         "max_s": round(max(runs), 2)})
        rows[-1]["same_answer"] = len(outputs) == 1 if label.startswith("lookup") else None
    return rows


def scale(source: Path, out: Path, copies: int) -> None:
    """OUT/graph.trig: SOURCE's document graphs copied ``copies`` times, and OUT's store."""
    import pyoxigraph as ox

    from kg.graph import oxstore

    data = ox.Store()
    data.bulk_load(path=str(source / "graph.trig"), format=ox.RdfFormat.TRIG)
    target = ox.Store()
    for graph in data.named_graphs():
        match = DOCUMENT.search(graph.value)
        text = data.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
        text = "".join(f"{line[:-2]} <{graph.value}> .\n" for line in text.splitlines() if line)
        if not match:
            target.load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            continue
        doc = match[1]
        for k in range(copies):
            copy = text.replace(f"/document/{doc}", f"/document/{doc}-c{k}").replace(
                f'"{doc}"', f'"{doc}-c{k}"').replace("/resource/event/", f"/resource/event/c{k}-").replace(
                "/resource/assertion/", f"/resource/assertion/c{k}-")
            target.bulk_load(copy.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    out.mkdir(parents=True, exist_ok=True)
    target.dump(str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    report = oxstore.rebuild(out)
    print(f"{out}: {report.quads:,} quads, store built in {report.seconds:.1f} s", file=sys.stderr)


def sync_cost(directory: Path) -> None:
    """What a build pays for the store on DIR's graph: a rebuild from graph.trig, and an update after a
    change to one document's graph (digests, checkpoint, replace). DIR's graph.trig is rewritten by
    kg's writer and changed: run it on a scratch copy."""
    from rdflib import Literal, URIRef

    from kg.files import write_atomic
    from kg.graph import oxstore, trig
    from kg.graph.digests import graph_digests, trig_digests
    from kg.graph.rdf import new_dataset

    ds = new_dataset()
    ds.parse(directory / "graph.trig", format="trig")
    write_atomic(directory / "graph.trig", trig.serialize(ds))
    report = oxstore.rebuild(directory)
    print(f"rebuild from graph.trig: {report.quads:,} quads, {report.seconds:.2f} s", file=sys.stderr)
    started = time.perf_counter()
    digests = graph_digests(ds)
    print(f"digests of {len(digests)} graphs from the triples: {time.perf_counter() - started:.2f} s",
          file=sys.stderr)
    started = time.perf_counter()
    trig_digests(directory / "graph.trig", ds)
    print(f"digests from graph.trig's blocks: {time.perf_counter() - started:.2f} s", file=sys.stderr)
    name = next(n for n in digests if DOCUMENT.search(n))
    ds.graph(URIRef(name)).add((URIRef(name), URIRef("urn:kg:bench"), Literal("changed")))
    write_atomic(directory / "graph.trig", trig.serialize(ds))
    report = oxstore.sync(directory, ds)
    print(f"sync replacing {report.replaced} graph(s) of {len(digests)}: {report.seconds:.2f} s "
          f"(full: {report.full})", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graphs", nargs="+", help="NAME=DIR of a built graph (or SOURCE OUT with --scale)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--entity", default="الكاظمي", help="the name `kg lookup` looks up")
    parser.add_argument("--scale", type=int, help="make OUT from SOURCE with each document copied K times")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--sync", action="store_true", help="time a build's store update on DIR instead")
    parser.add_argument("--stores", nargs="+", default=list(STORES), choices=STORES,
                        help="which ways to read the graph (memory takes minutes on a large graph)")
    args = parser.parse_args()
    if args.sync:
        sync_cost(Path(args.graphs[0]))
        return
    if args.scale:
        source, out = map(Path, args.graphs)
        scale(source, out, args.scale)
        return
    rows = []
    for spec in args.graphs:
        name, _, directory = spec.rpartition("=")
        rows += measure(name or directory, Path(directory), args.entity, args.repeat, args.stores)
    print("| graph | command | store | median s | min-max s | runs |\n|---|---|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['graph']} | {r['command']} | {r['store']} | {r['median_s']:.2f} | "
              f"{r['min_s']:.2f}-{r['max_s']:.2f} | {r['runs']} |")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
