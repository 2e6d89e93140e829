"""What every command shares: the Typer app, consoles, common options, failing with a message, and
writing records as JSON lines, CSV or a table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Knowledge graphs from Arabic news, built offline.", no_args_is_help=True,
                  add_completion=False)
console = Console()
err = Console(stderr=True)

MODELS_OPTION = typer.Option(None, "--models", envvar="KG_STANZA_DIR",
                             help="A Stanza resources dir to use instead of the bundled models.")
GRAPH_OPTION = typer.Option(Path("out"), "--graph", "-g", envvar="KG_GRAPH",
                            help="The directory `kg build --out` wrote.")


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def choose(value: str, allowed: Sequence[str], what: str = "format") -> str:
    """value if it is one of allowed, else a message naming the choices and exit status 2."""
    if value not in allowed:
        fail(f"unknown {what} {value!r}; choose one of {', '.join(allowed)}", 2)
    return value


def check_known(given: Sequence[str], allowed: Sequence[str], what: str) -> None:
    """Every item of given is one of allowed, else a message naming the unknown ones and exit status 2."""
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        fail(f"unknown {what} {', '.join(unknown)}; choose from {', '.join(allowed)}", 2)


def fail_unbuilt(graph: Path, problem: str) -> NoReturn:
    """A graph with nothing in it to work on: say so and how to build one (exit status 1)."""
    fail(f"the graph in {graph} {problem}. Build it from news first: kg build PATH --out {graph}", 1)


def note(message: str) -> None:
    """A remark on stderr that does not stop the command (e.g. the store fell back to graph.trig)."""
    err.print(f"[yellow]note:[/] {message}", highlight=False, markup=True)


def load_graph(directory: Path, store: str | None = None):
    """The graph in DIR, or a clear message and exit status 2. By default the query store DIR/store
    (kg.query.sparql_store.default_store()); store="memory" parses graph.trig with rdflib."""
    from kg.graph.store import CorruptGraphStore
    from kg.query import GraphNotFound
    from kg.query.sparql_store import StoreUnavailable, open_dataset

    try:
        return open_dataset(directory, store, note=note)
    except (GraphNotFound, CorruptGraphStore, StoreUnavailable, ValueError) as e:
        fail(str(e), 2)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_records(records: Sequence[dict[str, Any]], fmt: str, keys: Sequence[str],
                  table_keys: Sequence[str] | None = None, title: str | None = None) -> None:
    """Records as jsonl (one JSON object a line, ``keys`` first), csv (``keys``) or a rich table."""
    if fmt == "jsonl":
        for r in records:
            ordered = {k: r.get(k) for k in keys} | {k: v for k, v in r.items() if k not in keys}
            sys.stdout.write(json.dumps(ordered, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(keys)
        for r in records:
            writer.writerow([_cell(r.get(k)) for k in keys])
    elif fmt == "table":
        table = Table(title=title, show_lines=False)
        for k in table_keys or keys:
            table.add_column(k, overflow="fold")
        for r in records:
            table.add_row(*[_cell(r.get(k)) for k in table_keys or keys])
        console.print(table)
    else:
        fail(f"unknown format {fmt!r}", 2)
