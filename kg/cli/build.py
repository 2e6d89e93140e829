"""`kg build` (news in, graph out) and `kg parse` (one text through the Arabic pipeline)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli.common import MODELS_OPTION, app, console, err, fail


@app.command("build")
def build(
    paths: list[Path] = typer.Argument(..., help="Files (.txt, .json, .jsonl, .html) or directories."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output directory; running again adds to it."),
    models: Path | None = MODELS_OPTION,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List the facts the graph could not hold."),
) -> None:
    """Read Arabic news and build the knowledge graph in OUT.

    The graph is OUT/graph.trig (TriG, a named graph per document).
    Running it again on the same OUT adds the new documents; unchanged ones are not parsed again.
    Bad files are skipped with the reason; the exit status is 1 when any was.

    Example: kg build seeds/ --out out/
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.builder import build as run_build
    from kg.nlp import ModelsNotFound, default_pipeline

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}", 2)
    try:
        pipeline = default_pipeline(str(models) if models else None)
    except ModelsNotFound as e:
        fail(str(e))
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} documents"),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("reading", total=None)

        def step(name: str, status: str) -> None:
            if name == "graph":
                progress.update(task, description=f"graph: {status}")
            else:
                progress.update(task, advance=1, description=f"{status}: {name}")

        report = run_build(paths, out, pipeline, on_document=step)
    _summary(report, out, verbose)
    if not report.ok:
        raise typer.Exit(1)


def _summary(report, out: Path, verbose: bool) -> None:
    s = report.seconds
    other = s["ingest"] + s["extract"] + s["graph"] + s["save"] + s.get("store", 0.0)
    console.print(f"{len(report.parsed)} parsed, {len(report.unchanged)} unchanged, "
                  f"{len(report.skipped)} skipped -> {report.graph or out}")
    relations = ", ".join(f"{n} {t}" for t, n in report.relations.most_common())
    console.print(f"graph: {report.documents} documents, {report.entities} entities, "
                  f"{sum(report.relations.values())} relations ({relations or 'none'})")
    speed = f", {report.words / s['stanza']:.0f} words/s" if s["stanza"] > 0 else ""
    console.print(f"time: stanza {s['stanza']:.1f} s ({report.words} words{speed}), everything else "
                  f"{other:.1f} s (ingest {s['ingest']:.1f}, extract {s['extract']:.1f}, "
                  f"graph {s['graph']:.1f}, save {s['save']:.1f}, store {s.get('store', 0.0):.1f})")
    for item in report.skipped:
        err.print(f"[yellow]skipped[/] {item.path}: {item.reason}", highlight=False)
    if report.dropped:
        err.print(f"{len(report.dropped)} extracted facts do not fit the ontology and were left out"
                  + ("" if verbose else " (--verbose lists them)"), highlight=False)
        if verbose:
            for d in report.dropped:
                err.print(f"  {d.what}: {d.reason}", highlight=False)


@app.command("parse")
def parse(
    text: str = typer.Argument(None, help="Arabic text; omit to read --file or stdin."),
    file: Path = typer.Option(None, "--file", "-f", help="Read the text from this file."),
    fmt: str = typer.Option("table", "--format", help="table, conllu or json."),
    models: Path | None = MODELS_OPTION,
) -> None:
    """Run the Arabic pipeline on a text: tokens, words, POS, lemmas, heads, entities."""
    from kg.nlp import EmptyText, ModelsNotFound, default_pipeline

    if text is None:
        text = file.read_text(encoding="utf-8") if file else sys.stdin.read()
    try:
        parsed = default_pipeline(str(models) if models else None).parse(text)
    except EmptyText as e:
        fail(str(e), 2)
    except ModelsNotFound as e:
        fail(str(e))
    from kg.cli.render import render_parse

    render_parse(console, parsed, fmt)
