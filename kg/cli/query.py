"""`kg sparql`, `kg serve`, `kg lookup`: asking the graph questions (issue 4)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli.common import GRAPH_OPTION, app, check_known, choose, console, err, fail, fail_unbuilt
from kg.text import clip

# --- kg sparql, kg serve --------------------------------------------------------------------------

SPARQL_FORMATS = ("table", "csv", "json", "tsv", "xml", "turtle", "nt", "jsonld")
STORE_OPTION = typer.Option(None, "--store", envvar="KG_STORE",
                            help="oxigraph (the store kg build keeps in DIR/store), oxigraph-trig "
                                 "(Oxigraph loaded from graph.trig) or memory (rdflib, from graph.trig); "
                                 "default: oxigraph when installed (docs/sparql.md).")


def _open_for_sparql(graph: Path, store: str | None):
    """The graph in the chosen store, or a message and exit 2; an empty graph is an error too (exit 1)."""
    from kg.cli.common import note
    from kg.graph.store import CorruptGraphStore
    from kg.query import GraphNotFound
    from kg.query.sparql_store import STORES, StoreUnavailable, default_store, is_empty, open_dataset

    store = store or default_store()
    choose(store, STORES, "store")
    try:
        ds = open_dataset(graph, store, note=note)
    except (GraphNotFound, CorruptGraphStore, StoreUnavailable) as e:
        fail(str(e), 2)
    if is_empty(ds):
        fail_unbuilt(graph, "is empty: nothing to query")
    return ds


def _query_text(query: str | None, file: Path | None) -> str:
    if (query is None) == (file is None):
        fail("give a query (or - to read it from standard input) or --file FILE, not both", 2)
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            fail(f"cannot read {file}: {e}", 2)
    return sys.stdin.read() if query == "-" else query


def _as_rows(result):
    """A CONSTRUCT/DESCRIBE result as s, p, o rows, for the tabular formats."""
    from kg.query.sparql import QueryResult

    return QueryResult("SELECT", vars=["subject", "predicate", "object"], rows=list(result.triples),
                       truncated=result.truncated, limit=result.limit, elapsed_s=result.elapsed_s)


@app.command("sparql")
def sparql(
    query: str | None = typer.Argument(None, help="The SPARQL query (- reads it from standard input)."),
    file: Path | None = typer.Option(None, "--file", "-f", help="Read the query from this .rq file."),
    graph: Path = GRAPH_OPTION,
    fmt: str = typer.Option("table", "--format", help="table, csv, json (SPARQL JSON; JSON-LD for graphs), "
                                                      "tsv, xml, turtle, nt or jsonld."),
    timeout: float = typer.Option(30.0, "--timeout", help="Stop the query after this many seconds "
                                                          "(0: never)."),
    limit: int = typer.Option(0, "--limit", help="Return at most this many rows (0: all)."),
    store: str | None = STORE_OPTION,
) -> None:
    """Run a read-only SPARQL query on the graph (prefixes kg:, rdfs:, xsd:, dcterms:, ... are declared).

    Exit status: 0 answered; 1 timed out or empty graph; 2 malformed query, update refused or no graph.
    Examples live in ontology/queries/*.rq.

    Example: kg sparql -f ontology/queries/who_met_whom.rq --graph out/
    """
    from rich.markup import escape

    from kg.query.sparql import QueryTimeout, SparqlError, SparqlSyntaxError, run
    from kg.query.sparql_format import formats_for, print_table, serialize

    choose(fmt, SPARQL_FORMATS)
    text = _query_text(query, file)
    ds = _open_for_sparql(graph, store)
    try:
        result = run(ds, text, timeout_s=timeout or None, limit=limit or None)
    except SparqlSyntaxError as e:
        err.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False)
        err.print(e.excerpt(text), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except QueryTimeout as e:
        fail(f"{escape(str(e))} (--timeout)", 1)
    except SparqlError as e:
        fail(escape(str(e)), 2)
    graph_result = result.kind in ("CONSTRUCT", "DESCRIBE")
    if graph_result and fmt in ("csv", "tsv"):
        result, graph_result = _as_rows(result), False
    out_fmt = {"json": "jsonld", "xml": "rdfxml"}.get(fmt, fmt) if graph_result else fmt
    if fmt == "table":
        size = f"{len(result.rows)} rows" if result.kind == "SELECT" else None
        print_table(result, console, title=size and f"{size} ({result.elapsed_s:.2f} s)")
    elif out_fmt not in formats_for(result.kind):
        fail(f"a {result.kind} result cannot be written as {fmt}; choose one of table, "
             f"{', '.join(formats_for(result.kind))}", 2)
    else:
        data = serialize(result, out_fmt)
        sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
        sys.stdout.flush()
    if result.truncated:
        err.print(f"[yellow]note:[/] only the first {result.limit} results are shown (--limit)")


@app.command("serve")
def serve(
    graph: Path = GRAPH_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0: all)."),
    port: int = typer.Option(8000, "--port", "-p", help="Port (0 picks a free one)."),
    timeout: float = typer.Option(30.0, "--timeout", help="Stop each query after this many seconds."),
    limit: int = typer.Option(10_000, "--limit", help="Return at most this many rows a query (0: all); "
                                                      "the KG-Result-Truncated header marks a cut."),
    store: str | None = STORE_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not log each request."),
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint (GET/POST, JSON/XML/CSV/TSV, Turtle, CORS).

    Example: kg serve --graph out/ --port 8000   # then: curl 'http://127.0.0.1:8000/sparql?query=...'
    """
    from kg.query.server import serve as run_server

    if timeout <= 0:
        fail("--timeout must be above 0: a server needs a time limit for runaway queries", 2)
    ds = _open_for_sparql(graph, store)

    def announce(url: str) -> None:
        console.print(f"SPARQL endpoint for {graph}: [bold]{url}[/] (Ctrl-C or SIGTERM stops)",
                      highlight=False)

    refresh = None
    if getattr(ds.store, "kg_generation", None):  # the query store: answer from each later build's graph
        from kg.graph.oxstore import newer

        def refresh(current):
            return newer(graph, current)

    try:
        run_server(ds, host, port, announce=announce, timeout_s=timeout, limit=limit or None, quiet=quiet,
                   name=str(graph), refresh=refresh)
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}", 2)


# --- kg lookup ------------------------------------------------------------------------------------

LOOKUP_KEYS = ("relation", "as", "other", "theme", "date", "published", "modality", "negated", "doc",
               "sentence")
LOOKUP_TABLE = ("relation", "as", "other", "theme", "date", "modality", "doc", "sentence")
# The part the looked-up entity plays in a relation record: (as subject, as object).
LOOKUP_ROLES = {"met": ("party", "party"), "contacted": ("party", "party"),
                "requested": ("requester", "addressee"), "said": ("speaker", "addressed"),
                "role": ("holder", "organization"), "reported_by": ("reported", "outlet"),
                "attended": ("attendee", "host")}
# Asking for meetings also shows who attended them: --rel met lists attended rows too.
LOOKUP_ALSO = {"met": ("attended",)}


def _lookup_rows(ds, label: str, types: list[str], about: list[str] | None = None) -> list[dict]:
    """The relation records one entity takes part in, seen from its side (other = the other party).
    ``about``: the IRIs of every entity labelled so (only their relations are read; None: all)."""
    from kg.graph.iri import document_iri
    from kg.graph.namespace import KG
    from kg.query import relation_rows

    published: dict[str, object] = {}  # document id -> date, read for the documents listed only
    found = []
    wanted = list(dict.fromkeys([*types, *(x for t in types for x in LOOKUP_ALSO.get(t, ()))]))
    for row in relation_rows(ds, wanted or None, about=about):
        for side, other in (("subject", "object"), ("object", "subject")):
            if row[side] != label:
                continue
            if row["doc"] is not None and row["doc"] not in published:
                published[row["doc"]] = ds.value(document_iri(row["doc"]), KG.published)
            when = published.get(row["doc"])
            found.append({"relation": row["type"], "as": LOOKUP_ROLES[row["type"]][side == "object"],
                          "other": row[other], "theme": row["theme"], "date": row["date"],
                          "published": when.toPython().isoformat() if when is not None else None,
                          "modality": row["modality"], "negated": row["negated"], "doc": row["doc"],
                          "sentence": row["sentence"], "confidence": row["confidence"]})
            break
    return found


@app.command("lookup")
def lookup(
    name: str = typer.Argument(..., help="A person or organization: Arabic name, alias, short form "
                                         "(الكاظمي), with a clitic (والكاظمي) or in Latin letters "
                                         "(Kadhimi)."),
    rel: list[str] = typer.Option([], "--rel", "-r", help="met, contacted, requested, said, role, "
                                                          "reported_by or attended; repeat for several "
                                                          "(default all; met also lists attended)."),
    graph: Path = GRAPH_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
) -> None:
    """The relations of one entity: the other party, theme, date, modality, document and sentence.

    Symmetric relations (met, contacted) are listed whichever side the entity is on; requests both as
    requester and as addressee; --rel met also lists the meetings the entity attended (as attendee) or
    hosted with attendees (as host). An unknown name exits with status 1 and the nearest known names.

    Example: kg lookup الكاظمي --rel met --graph out/
    """
    import json

    from kg.analyze.names import NameIndex
    from kg.cli.analyze import resolve
    from kg.cli.common import load_graph, write_records
    from kg.query.records import entities_named, entity_rows

    check_known(rel, LOOKUP_ROLES, "relation type")
    choose(fmt, ("table", "json", "jsonl", "csv"))
    ds = load_graph(graph)
    # a name as written (label or alias) comes from the store's index; other forms need every name
    entities = entities_named(ds, name) or entity_rows(ds, documents=False)
    entity = resolve(NameIndex.from_records(entities), name)
    namesakes = [e["iri"] for e in entities if e["label"] == entity.label]
    rows = _lookup_rows(ds, entity.label, rel, about=namesakes)
    if fmt == "json":
        sys.stdout.write(json.dumps({"entity": entity.label, "latin": entity.latin, "type": entity.type,
                                     "relations": rows}, ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == "table":
        rows = [{**r, "theme": clip(r["theme"], 40), "sentence": clip(r["sentence"], 80),
                 "date": r["date"] or (r["published"] and f"({r['published']})")} for r in rows]
    kinds = ", ".join(rel) if rel else "all"
    write_records(rows, fmt, LOOKUP_KEYS, LOOKUP_TABLE,
                  title=f"{len(rows)} relations ({kinds}) of {entity.display()}")


