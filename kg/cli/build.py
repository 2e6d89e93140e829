"""`kg build` (news in, graph out) and `kg parse` (one text through the Arabic pipeline)."""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from pathlib import Path

import typer

from kg.cli.common import MODELS_OPTION, app, check_known, console, err, fail


@app.command("build")
def build(
    paths: list[Path] = typer.Argument(..., help="Files (.txt, .json, .jsonl, .html) or directories."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output directory; running again adds to it."),
    models: Path | None = MODELS_OPTION,
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, help="Parse in N processes (one "
                                       "torch thread each). Default: the machine's cores, or this process "
                                       "alone when fewer than 8 documents need parsing."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or ray (a local Ray, or the "
                               "cluster at RAY_ADDRESS; needs kg[cluster])."),
    gpus: float = typer.Option(0.0, "--gpus-per-worker", min=0.0, help="With --engine ray: GPUs per parse "
                               "actor (e.g. 1, or 0.5 to share one GPU between two actors)."),
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

    Examples: kg build seeds/ --out out/ ; kg build archive/ --out big/ --workers 2 ;
    RAY_ADDRESS=auto kg build archive/ --out big/ --engine ray
    """
    from kg.buildlock import BuildLocked, build_lock
    from kg.nlp.engines import ENGINES

    check_known([engine], ENGINES, "engine")
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
        _build(paths, out, models, verbose, dict(workers=workers, engine=engine, gpus=gpus))


def _build(paths: list[Path], out: Path, models: Path | None, verbose: bool, engine_options: dict) -> None:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from kg.builder import build as run_build
    from kg.nlp import ModelsNotFound, models_dir

    try:
        models_dir(str(models) if models else None)
    except ModelsNotFound as e:
        fail(str(e))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"),
               TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("reading", total=None, rate="")
        clock = {"start": time.perf_counter(), "done": 0}

        def step(name: str, status: str) -> None:
            if name == "graph":
                progress.update(task, description=f"graph: {status}")
                return
            clock["done"] += 1
            rate = clock["done"] / max(time.perf_counter() - clock["start"], 1e-6)
            progress.update(task, advance=1, description=f"{status}: {name}", rate=f"{rate:.1f} docs/s")

        def total(n: int) -> None:
            progress.update(task, total=n)
            clock["start"] = time.perf_counter()

        try:
            report = run_build(paths, out, on_document=step, on_total=total,
                               models=str(models) if models else None, **engine_options)
        except OSError as e:
            fail(_write_failure(e, out), 2)
        except RuntimeError as e:  # e.g. --engine ray without Ray installed
            fail(str(e))
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
    other = s["ingest"] + s["extract"] + s["graph"] + s["save"] + s.get("store", 0.0)
    console.print(f"{len(report.parsed)} parsed, {len(report.unchanged)} unchanged, "
                  f"{len(report.skipped)} skipped -> {report.graph or out}")
    relations = ", ".join(f"{n} {t}" for t, n in report.relations.most_common())
    console.print(f"graph: {report.documents} documents, {report.entities} entities, "
                  f"{sum(report.relations.values())} relations ({relations or 'none'})")
    cached = report.documents - report.extracted
    console.print(f"extract: {report.extracted} documents extracted ({report.reextracted} earlier ones "
                  f"again, as a new name may occur in them), {max(cached, 0)} from OUT/extract")
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
