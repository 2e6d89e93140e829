"""`kg models`: where the bundled Stanza models are, what they score, how to rebuild them."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from kg.cli.common import MODELS_OPTION, app, check_known, console, fail

models_app = typer.Typer(help="The bundled Stanza Arabic models: where they are, what they score, "
                              "how to rebuild them.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("path")
def models_path(models: Path | None = MODELS_OPTION) -> None:
    """Print the models directory (a Stanza resources dir) as the last line.

    Example: stanza.Pipeline("ar", dir="$(kg models path)", download_method=None)
    """
    from kg.nlp.bundle import ModelsNotFound, models_dir

    try:
        print(models_dir(models))
    except ModelsNotFound as e:
        fail(str(e))


@models_app.command("info")
def models_info(models: Path | None = MODELS_OPTION,
                as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Processors, file sizes, training data and held-out scores of the models."""
    from kg.nlp.bundle import ModelsNotFound, bundle_info

    try:
        info = bundle_info(models)
    except ModelsNotFound as e:
        fail(str(e))
    if as_json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return
    from kg.cli.render import render_models_info

    render_models_info(console, info)


@models_app.command("train")
def models_train(
    data: Path = typer.Option(..., "--data", help="The shared data dir (ud/, ner/, corpus/saudinewsnet/)."),
    work: Path = typer.Option(Path("build/train"), help="Scratch dir for converted data and checkpoints."),
    out: Path = typer.Option(None, help="Where to write the bundle (default: the package's bundle)."),
    steps: str = typer.Option("all", help="Comma-separated subset of: vectors,data,tokenize,mwt,pos,lemma,"
                                          "depparse,ner,bundle,evaluate,speed; and, only when named, "
                                          "charlm (the character LMs, not bundled: MODELS.md)."),
    charlm: str = typer.Option("", help="Comma-separated taggers (pos) to train with the character "
                                        "LMs of the charlm step; the bundle uses none (see MODELS.md)."),
    gpu: bool = typer.Option(False, "--gpu", help="Train on the GPU with larger batches."),
) -> None:
    """Rebuild the whole model bundle from the data, with fixed seeds (CPU or GPU)."""
    from kg.training.build import ALL_STEPS, OPTIONAL_STEPS, train_bundle

    chosen = ALL_STEPS if steps == "all" else tuple(s.strip() for s in steps.split(","))
    check_known(chosen, ALL_STEPS + OPTIONAL_STEPS, "step")
    users = tuple(t.strip() for t in charlm.split(",") if t.strip())
    check_known(users, ("pos", "ner"), "--charlm tagger")
    if users and steps == "all":  # the taggers need the character LMs trained (train_bundle orders steps)
        chosen = (*ALL_STEPS, "charlm")
    if not (data / "ud").is_dir() or not (data / "ner").is_dir():
        fail(f"{data} does not look like the shared data dir: expected ud/ and ner/ inside")
    try:
        train_bundle(data, work, out, chosen, gpu=gpu, charlm=users, console=console)
    except FileNotFoundError as missing:  # a step run before the steps it reads from
        fail(str(missing))
