"""`kg stats`, `kg path`, `kg neighbors`, `kg export`: the graph as a network (issue 4)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from kg.cli.common import GRAPH_OPTION, app, check_known, choose, console, err, fail, fail_unbuilt, load_graph
from kg.text import clip


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


REL_OPTION = typer.Option([], "--rel", "-r", help="Only these relation types: met, contacted, requested, "
                                                 "said_about, role, reported_by; repeat for several.")


def load_network(graph: Path, types: list[str] | None = None):
    """The entity network of the graph in DIR (exit 2 with a message if there is none)."""
    from kg.analyze import RELATION_TYPES, project

    check_known(types or (), RELATION_TYPES, "relation type")
    ds = load_graph(graph)
    with err.status(f"projecting {graph} onto its entities …"):
        G = project(ds, types or None)
    if G.number_of_nodes() == 0:
        fail_unbuilt(graph, "has no entities: nothing to analyze")
    return G


def resolve(index, name: str):
    """The entity a typed name denotes, or exit 1 with the nearest known names."""
    matches = index.find(name)
    if not matches:
        near = index.suggest(name)
        hint = f"nearest known names: {', '.join(near)}" if near else "no similar name is known"
        fail(f"no entity named {name!r} in the graph; {hint}. List them all with `kg entities`.", 1)
    if len(matches) > 1:
        # one label can name a body and a place (الشرق الأوسط the newspaper, the region): say which
        def shown(e) -> str:
            return f"{e.display()} [{e.type}]" if e.type else e.display()
        others = ", ".join(shown(m.entity) for m in matches[1:6])
        err.print(f"note: {name!r} also matches {others}; using {shown(matches[0].entity)}",
                  highlight=False)
    return matches[0].entity


@app.command("stats")
def stats(
    graph: Path = GRAPH_OPTION,
    top_n: int = typer.Option(10, "--top", "-n", min=1, help="How many entities to list per measure."),
    rel: list[str] = REL_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Counts, central entities (degree, betweenness, PageRank), components and communities.

    Centrality and communities use the undirected entity network (one weighted edge per linked
    pair); communities are Louvain with a fixed seed, so a graph always gives the same ones.

    Example: kg stats --graph out/ --top 5
    """
    from kg.analyze import centrality, communities, components, counts, top

    choose(fmt, ("table", "json"))
    G = load_network(graph, rel)
    with err.status("computing centrality and communities …"):
        measures = centrality(G)
        summary = {"counts": counts(G),
                   "top": {m: top(G, measures, m, top_n) for m in ("degree", "betweenness", "pagerank")},
                   "components": components(G),
                   "communities": [[G.nodes[n]["label"] for n in c] for c in communities(G)]}
    if fmt == "json":
        _print_json(summary)
        return
    c = summary["counts"]
    console.print(f"[bold]{c['documents']}[/] documents, [bold]{c['entities']}[/] entities "
                  f"({', '.join(f'{k} {v}' for k, v in c['entities_by_type'].items())}), "
                  f"[bold]{c['relations']}[/] relation assertions "
                  f"({', '.join(f'{k} {v}' for k, v in c['relations_by_type'].items())})", highlight=False)
    table = Table(title=f"Top {top_n} entities")
    table.add_column("#", justify="right")
    for m in ("degree", "betweenness", "pagerank"):
        table.add_column(m)
    ranked = summary["top"]
    for i in range(max((len(v) for v in ranked.values()), default=0)):
        cells = []
        for m in ("degree", "betweenness", "pagerank"):
            row = ranked[m][i] if i < len(ranked[m]) else None
            cells.append(f"{row['label']} ({row[m]:g})" if row else "")
        table.add_row(str(i + 1), *cells)
    console.print(table)
    comp = summary["components"]
    console.print(f"{comp['count']} connected components; largest {comp['sizes'][:5]}; "
                  f"{comp['isolated']} entities without any relation", highlight=False)
    table = Table(title=f"{len(summary['communities'])} communities (Louvain, seed 42)")
    table.add_column("#", justify="right")
    table.add_column("size", justify="right")
    table.add_column("members, most connected first", overflow="fold")
    for i, members in enumerate(summary["communities"][:top_n], 1):
        shown = "، ".join(members[:12]) + (" …" if len(members) > 12 else "")
        table.add_row(str(i), str(len(members)), shown)
    console.print(table)


@app.command("path")
def path(
    source: str = typer.Argument(..., help="An entity name: Arabic, alias, short form or Latin."),
    target: str = typer.Argument(..., help="Another entity name."),
    graph: Path = GRAPH_OPTION,
    rel: list[str] = REL_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """The shortest chain of relations between two entities, each hop with its evidence.

    Walks relations in either direction; among chains of equal length it picks the one whose
    weakest link has the most assertions. Exit status 1 if a name is unknown or there is no chain.

    Example: kg path الكاظمي "Lloyd Austin" --graph out/
    """
    from kg.analyze import NameIndex, shortest_chain

    choose(fmt, ("table", "json"))
    G = load_network(graph, rel)
    index = NameIndex.from_network(G)
    a, b = resolve(index, source), resolve(index, target)
    chain = shortest_chain(G, a.iri, b.iri)
    if chain is None:
        fail(f"{a.display()} and {b.display()} are not connected by any chain of relations", 1)
    if fmt == "json":
        _print_json({"source": a.label, "target": b.label, "hops": chain})
        return
    table = Table(title=f"{a.display()} → {b.display()}: {len(chain)} hop(s)")
    for col in ("#", "from", "relation", "to", "doc", "sentence"):
        table.add_column(col, overflow="fold")
    for i, hop in enumerate(chain, 1):
        best = hop["relations"][0]
        arrow = "↔" if best["mutual"] else ("→" if best["forward"] else "←")
        more = f" (+{len(hop['relations']) - 1} more)" if len(hop["relations"]) > 1 else ""
        table.add_row(str(i), hop["source_label"], f"{arrow} {best['type']} ×{best['weight']}{more}",
                      hop["target_label"], best["doc"] or "", clip(best["sentence"], 90) or "")
    console.print(table)


@app.command("neighbors")
def neighbors(
    name: str = typer.Argument(..., help="An entity name: Arabic, alias, short form or Latin."),
    depth: int = typer.Option(1, "--depth", "-d", min=1, max=6, help="How many hops out."),
    graph: Path = GRAPH_OPTION,
    rel: list[str] = REL_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Entities within N hops of one entity, with the relation types that link them.

    Example: kg neighbors Kadhimi --depth 2 --graph out/
    """
    from kg.analyze import NameIndex, neighborhood

    choose(fmt, ("table", "json"))
    G = load_network(graph, rel)
    entity = resolve(NameIndex.from_network(G), name)
    found = neighborhood(G, entity.iri, depth)
    if fmt == "json":
        _print_json({"entity": entity.label, "depth": depth, "neighbors": found})
        return
    table = Table(title=f"{len(found)} entities within {depth} hop(s) of {entity.display()}")
    for col in ("hops", "entity", "type", "relations", "via", "assertions"):
        table.add_column(col, overflow="fold")
    for r in found:
        table.add_row(str(r["distance"]), r["label"], r["type"], ", ".join(r["relations"]), r["via"],
                      str(r["weight"]))
    console.print(table)


@app.command("export")
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="gexf, graphml, json (the entity network) or "
                                                         "ttl, nt, jsonld (the RDF)."),
    out: Path = typer.Option(..., "--out", "-o", help="The file to write (replaced atomically)."),
    graph: Path = GRAPH_OPTION,
    cumulative: bool = typer.Option(False, "--cumulative", help="gexf: entities and relations stay on "
                                                                "the timeline once they appear."),
) -> None:
    """Write the graph for other tools: GEXF 1.3 for Gephi (with a timeline), GraphML, JSON, RDF.

    Example: kg export --graph out/ --format gexf -o out/graph.gexf
    """
    from kg.export import FORMATS
    from kg.export import export as write_export

    choose(fmt, FORMATS)
    if out.is_dir():
        fail(f"{out} is a directory; give a file name, e.g. {out / ('graph.' + fmt)}", 2)
    ds = load_graph(graph, "memory")  # rdflib's terms as written, for exports identical from run to run
    started = time.perf_counter()
    with err.status(f"writing {fmt} …"):
        try:
            report = write_export(ds, fmt, out, cumulative=cumulative)
        except OSError as e:
            fail(f"cannot write {out}: {e.strerror or e}", 2)
    sizes = ", ".join(f"{report[k]} {k}" for k in ("nodes", "edges", "triples") if k in report)
    console.print(f"wrote {out} ({fmt}, {report['bytes']:,} bytes, {sizes}) in "
                  f"{time.perf_counter() - started:.2f} s", highlight=False)
