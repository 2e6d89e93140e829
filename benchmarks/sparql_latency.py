"""Latency of the example SPARQL queries on rdflib's Memory store and on Oxigraph (oxrdflib).

For each graph directory and store: the load time, then for each ontology/queries/*.rq query the median
and 95th percentile of repeated runs in this process (parse + evaluate + collecting the rows), and the
median of runs in a forked child with a time limit (what `kg serve` and `kg sparql --timeout` do), so the
fork overhead shows. It also checks that both stores return the same number of results.

    .venv/bin/python benchmarks/sparql_latency.py seeds=/tmp/seeds-out big=/work/bench/out1000 \
        --repeat 20 --json benchmarks/sparql_latency.json

The example queries name people of the seeds (جين ساكي، جو بايدن، الكاظمي); on another corpus
--name OLD=NEW puts names that graph holds in their place, so lookup-style queries have answers:

    .venv/bin/python benchmarks/sparql_latency.py snn=/tmp/out5000 --stores oxigraph --repeat 200 \
        --name "جين ساكي=عادل الجبير" --name "جو بايدن=عادل الجبير" --name "الكاظمي=جون كيري"
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
from pathlib import Path

from rich.console import Console

from kg.query.sparql import QueryResult, evaluate, example_queries, run
from kg.query.sparql_store import STORES, open_dataset, oxigraph_available

console = Console(stderr=True)


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by linear interpolation between closest ranks."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def size(result: QueryResult) -> int:
    return len(result.rows) if result.kind == "SELECT" else int(bool(result.boolean)) \
        if result.kind == "ASK" else len(result.triples)


def time_query(ds, text: str, repeat: int, budget_s: float, forked: bool) -> tuple[list[float], int]:
    """Wall times of up to ``repeat`` runs (at least 3, fewer when the budget is spent), and the result
    size. The first run warms caches and is not counted."""
    result = evaluate(ds, text)
    times: list[float] = []
    spent = 0.0
    while len(times) < repeat and (len(times) < 3 or spent < budget_s):
        start = time.perf_counter()
        if forked:
            run(ds, text, timeout_s=600)
        else:
            evaluate(ds, text)
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        spent += elapsed
    return times, size(result)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def with_names(text: str, names: dict[str, str]) -> str:
    """The query with each "OLD"@ar literal replaced by "NEW"@ar."""
    for old, new in names.items():
        text = text.replace(f'"{old}"@ar', f'"{new}"@ar')
    return text


def measure(graphs: dict[str, Path], stores: list[str], repeat: int, budget_s: float,
            names: dict[str, str] | None = None, only: list[str] | None = None) -> list[dict]:
    rows = []
    queries = [q for q in example_queries() if not only or q.stem in only]
    for label, directory in graphs.items():
        for store in stores:
            gc.collect()
            before = rss_mib()
            start = time.perf_counter()
            ds = open_dataset(directory, store)
            load_s = time.perf_counter() - start
            triples = sum(1 for _ in ds.quads((None, None, None, None)))
            console.print(f"{label}/{store}: {triples} quads loaded in {load_s:.2f} s "
                          f"(peak RSS +{rss_mib() - before:.0f} MiB)")
            for path in queries:
                text = with_names(path.read_text(encoding="utf-8"), names or {})
                times, n = time_query(ds, text, repeat, budget_s, forked=False)
                forked, _ = time_query(ds, text, max(3, repeat // 4), budget_s / 4, forked=True)
                row = {"graph": label, "store": store, "query": path.stem, "results": n, "runs": len(times),
                       "median_ms": statistics.median(times) * 1000, "p95_ms": percentile(times, 0.95) * 1000,
                       "p99_ms": percentile(times, 0.99) * 1000,
                       "forked_median_ms": statistics.median(forked) * 1000, "load_s": load_s,
                       "quads": triples}
                rows.append(row)
                console.print(f"  {path.stem}: {n} results, median {row['median_ms']:.1f} ms, "
                              f"p95 {row['p95_ms']:.1f} ms, p99 {row['p99_ms']:.1f} ms, "
                              f"forked {row['forked_median_ms']:.1f} ms")
            del ds
    return rows


def report(rows: list[dict]) -> None:
    """A Markdown table on standard output (for docs/sparql.md); disagreements between stores on stderr."""
    print("| graph | query | store | results | runs | median ms | p95 ms | p99 ms | forked median ms |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for r in sorted(rows, key=lambda r: (r["graph"], r["query"], r["store"])):
        print(f"| {r['graph']} | {r['query']} | {r['store']} | {r['results']} | {r['runs']} | "
              f"{r['median_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['forked_median_ms']:.1f} |")
    by_key: dict[tuple[str, str], dict[str, int]] = {}
    for r in rows:
        by_key.setdefault((r["graph"], r["query"]), {})[r["store"]] = r["results"]
    for (graph, query), sizes in by_key.items():
        if len(set(sizes.values())) > 1:
            console.print(f"[yellow]stores disagree[/] on {graph}/{query}: {sizes}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graphs", nargs="+", help="LABEL=DIR pairs (DIR holds graph.trig)")
    parser.add_argument("--stores", nargs="+", default=list(STORES), choices=STORES)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs a query (after one warm-up)")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds a query may take in all")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--queries", nargs="+", help="only these example queries (file stems)")
    parser.add_argument("--name", action="append", default=[], metavar="OLD=NEW",
                        help="put NEW in place of the example queries' name OLD (repeatable)")
    args = parser.parse_args(argv)
    graphs = dict(pair.split("=", 1) for pair in args.graphs)
    if "oxigraph" in args.stores and not oxigraph_available():
        console.print("oxrdflib is not installed: pip install oxrdflib (measuring memory only)")
        args.stores = [s for s in args.stores if s != "oxigraph"]
    names = dict(pair.split("=", 1) for pair in args.name)
    rows = measure({k: Path(v) for k, v in graphs.items()}, args.stores, args.repeat, args.budget, names,
                   args.queries)
    report(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
