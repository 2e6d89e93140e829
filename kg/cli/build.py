"""`kg build` (news in, graph out) and `kg parse` (one text through the Arabic pipeline)."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import typer

from kg.cli.common import MODELS_OPTION, app, console, err, fail


@app.command("build")
def build(
    paths: list[Path] = typer.Argument(..., help="Files (.txt, .json, .jsonl, .html) or directories."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output directory; running again adds to it."),
    models: Path | None = MODELS_OPTION,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List the facts the graph could not hold."),
    no_wait: bool = typer.Option(False, "--no-wait", help="If another kg build is writing OUT, fail at once "
                                                          "(exit status 3) instead of waiting for it."),
) -> None:
    """Read Arabic news and build the knowledge graph in OUT.

    The graph is OUT/graph.trig (TriG, a named graph per document).
    Running it again on the same OUT adds the new documents; unchanged ones are not parsed again.
    Bad files are skipped with the reason; the exit status is 1 when any was.
    One build writes OUT at a time: a second one waits for the first (or, with --no-wait, exits with 3);
    queries keep reading the last complete graph meanwhile. If OUT cannot be written (read-only, disk
    full) the build stops with exit status 2 and OUT's previous graph is left whole.

    Example: kg build seeds/ --out out/
    """
    from kg.buildlock import BuildLocked, build_lock

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}", 2)

    def waiting(holder: str) -> None:
        err.print(f"another kg build is writing {out}: {holder}; waiting for it to finish "
                  "(--no-wait fails at once instead)", highlight=False)

    with ExitStack() as held:
        try:  # before loading the models: a busy OUT is said at once
            held.enter_context(build_lock(out, wait=not no_wait, on_wait=waiting))
        except BuildLocked as e:
            fail(str(e), 3)
        except OSError as e:
            fail(_write_failure(e, out), 2)
        _build(paths, out, models, verbose)


def _build(paths: list[Path], out: Path, models: Path | None, verbose: bool) -> None:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.builder import build as run_build
    from kg.nlp import ModelsNotFound, default_pipeline

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

        try:
            report = run_build(paths, out, pipeline, on_document=step)
        except OSError as e:
            fail(_write_failure(e, out), 2)
    _summary(report, out, verbose)
    if not report.ok:
        raise typer.Exit(1)


def _write_failure(error: OSError, out: Path) -> str:
    """What to tell a user whose OUT could not be written (read-only, full, no permission)."""
    import errno

    where = f" ({error.filename})" if error.filename else ""
    advice = {errno.ENOSPC: "free some space (or choose another --out) and run again",
              errno.EDQUOT: "free some space (or choose another --out) and run again",
              errno.EROFS: "the file system is read-only; choose another --out",
              errno.EACCES: "you may not write there; fix the permissions or choose another --out",
              errno.EPERM: "you may not write there; fix the permissions or choose another --out"}
    what = advice.get(error.errno, "check the disk and run again")
    try:
        had_graph = (out / "graph.trig").exists()
    except OSError:
        had_graph = False
    kept = (f"The graph {out} held before this build is left whole; documents already recorded are not "
            "parsed again." if had_graph else f"{out} holds no graph yet.")
    return f"cannot write to {out}: {error.strerror or error}{where}; {what}. {kept}"


def _summary(report, out: Path, verbose: bool) -> None:
    s = report.seconds
    other = s["ingest"] + s["extract"] + s["graph"] + s["save"]
    console.print(f"{len(report.parsed)} parsed, {len(report.unchanged)} unchanged, "
                  f"{len(report.skipped)} skipped -> {report.graph or out}")
    relations = ", ".join(f"{n} {t}" for t, n in report.relations.most_common())
    console.print(f"graph: {report.documents} documents, {report.entities} entities, "
                  f"{sum(report.relations.values())} relations ({relations or 'none'})")
    speed = f", {report.words / s['stanza']:.0f} words/s" if s["stanza"] > 0 else ""
    console.print(f"time: stanza {s['stanza']:.1f} s ({report.words} words{speed}), everything else "
                  f"{other:.1f} s (ingest {s['ingest']:.1f}, extract {s['extract']:.1f}, "
                  f"graph {s['graph']:.1f}, save {s['save']:.1f})")
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
