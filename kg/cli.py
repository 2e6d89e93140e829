"""The `kg` command: thin Typer commands over the library API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(help="Knowledge graphs from Arabic news, built offline.", no_args_is_help=True,
                  add_completion=False)
models_app = typer.Typer(help="The bundled Stanza Arabic models: where they are, what they score, "
                              "how to rebuild them.", no_args_is_help=True)
app.add_typer(models_app, name="models")

console = Console()
err = Console(stderr=True)

MODELS_OPTION = typer.Option(None, "--models", envvar="KG_STANZA_DIR",
                             help="A Stanza resources dir to use instead of the bundled models.")


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


@models_app.command("path")
def models_path(models: Path | None = MODELS_OPTION) -> None:
    """Print the models directory (a Stanza resources dir) as the last line.

    Example: stanza.Pipeline("ar", dir="$(kg models path)", download_method=None)
    """
    from kg.nlp.bundle import ModelsNotFound, models_dir

    try:
        print(models_dir(models))
    except ModelsNotFound as e:
        _fail(str(e))


@models_app.command("info")
def models_info(models: Path | None = MODELS_OPTION,
                as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Processors, file sizes, training data and held-out scores of the models."""
    from kg.nlp.bundle import ModelsNotFound, bundle_info

    try:
        info = bundle_info(models)
    except ModelsNotFound as e:
        _fail(str(e))
    if as_json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return
    from kg.cli_render import render_models_info

    render_models_info(console, info)


@models_app.command("train")
def models_train(
    data: Path = typer.Option(..., "--data", help="The shared data dir (ud/, ner/, corpus/saudinewsnet/)."),
    work: Path = typer.Option(Path("build/train"), help="Scratch dir for converted data and checkpoints."),
    out: Path = typer.Option(None, help="Where to write the bundle (default: the package's bundle)."),
    steps: str = typer.Option("all", help="Comma-separated subset of: vectors,data,tokenize,mwt,pos,lemma,"
                                          "depparse,ner,bundle,evaluate,speed."),
    gpu: bool = typer.Option(False, "--gpu", help="Train on the GPU with larger batches."),
) -> None:
    """Rebuild the whole model bundle from the data, with fixed seeds (CPU or GPU)."""
    from kg.training.build import ALL_STEPS, train_bundle

    chosen = ALL_STEPS if steps == "all" else tuple(s.strip() for s in steps.split(","))
    unknown = set(chosen) - set(ALL_STEPS)
    if unknown:
        _fail(f"unknown steps {sorted(unknown)}; choose from {', '.join(ALL_STEPS)}")
    if not (data / "ud").is_dir() or not (data / "ner").is_dir():
        _fail(f"{data} does not look like the shared data dir: expected ud/ and ner/ inside")
    train_bundle(data, work, out, chosen, gpu=gpu, console=console)


@app.command("build")
def build(
    paths: list[Path] = typer.Argument(..., help="Files (.txt, .json, .jsonl, .html) or directories."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output directory; running again adds to it."),
    models: Path | None = MODELS_OPTION,
) -> None:
    """Read Arabic news and parse it with the bundled models into OUT.

    Example: kg build seeds/ --out out/
    """
    from rich.progress import Progress

    from kg.builder import build as run_build
    from kg.nlp import ModelsNotFound, default_pipeline

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or directory: {', '.join(missing)}", 2)
    try:
        pipeline = default_pipeline(str(models) if models else None)
    except ModelsNotFound as e:
        _fail(str(e))
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("building", total=None)

        def step(doc_id: str, status: str) -> None:
            progress.update(task, advance=1, description=f"{status}: {doc_id}")

        report = run_build(paths, out, pipeline, on_document=step)
    console.print(f"{len(report.parsed)} parsed, {len(report.unchanged)} unchanged, "
                  f"{len(report.skipped)} skipped -> {out}")
    for s in report.skipped:
        err.print(f"[yellow]skipped[/] {s.path}: {s.reason}")
    if not report.ok:
        raise typer.Exit(1)


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
        _fail(str(e), 2)
    except ModelsNotFound as e:
        _fail(str(e))
    from kg.cli_render import render_parse

    render_parse(console, parsed, fmt)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
