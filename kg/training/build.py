"""`kg models train`: every step from shared data to the committed bundle.

vectors -> data -> [charlm] -> tokenize, mwt, pos, lemma, depparse, ner -> bundle -> evaluate -> speed.
Each step reads what earlier steps left in the work dir, so a subset can be rerun.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from rich.console import Console

from kg.nlp.bundle import BUNDLE, CHARLMS, PACKAGE, model_files, update_card, write_resources
from kg.training import recipe

ALL_STEPS = ("vectors", "data", "tokenize", "mwt", "pos", "lemma", "depparse", "ner", "bundle", "evaluate",
             "speed")
# Steps only run when named: the character LMs (about an hour per direction on 2 CPU cores). Taggers
# trained with them (--charlm) did not beat the bundled ones on dev (MODELS.md), so the bundle has none.
OPTIONAL_STEPS = ("charlm",)
SPEED_ARTICLES = 40  # the first SaudiNewsNet articles, about 15k words

TRAINING_DATA = {
    "tokenize": "PADT 2016 (UD v1 -> v2, undiacritized, fused tokens restored) + PUD, minus held-out",
    "mwt": "same as tokenize",
    "pos": "same as tokenize",
    "lemma": "same as tokenize",
    "depparse": "same as tokenize",
    "ner": "ANERcorp, first 5/6 of sentences (last tenth of those as dev)",
    "pretrain": "word2vec skip-gram, 100 dims, 60k words, SaudiNewsNet (31k articles)",
}

GPU_BATCHES = {"tokenize": ["--batch_size", "64"], "pos": ["--batch_size", "1000"],
               "ner": ["--batch_size", "128"], "lemma": ["--batch_size", "200"],
               "mwt": ["--batch_size", "200"]}


def half_precision(src: Path, dst: Path) -> None:
    """Store float32 weights of a Stanza checkpoint as float16 (Stanza loads them back into
    float32 parameters with load_state_dict, so only storage shrinks)."""
    import torch

    ckpt = torch.load(src, map_location="cpu", weights_only=False)

    def shrink(obj):
        if isinstance(obj, torch.Tensor) and obj.dtype == torch.float32:
            return obj.half()
        if isinstance(obj, dict):
            return {k: shrink(v) for k, v in obj.items()}
        return obj

    for key in ("model", "state_dict"):  # a tagger's checkpoint, a character LM's
        if isinstance(ckpt, dict) and key in ckpt:
            ckpt[key] = shrink(ckpt[key])
    torch.save(ckpt, dst)


def trained_with_charlm(models: Path) -> tuple[str, ...]:
    """The taggers whose checkpoints were trained with the character LMs (their config says so)."""
    import torch

    return tuple(p for p in ("pos", "ner") if (models / f"{p}.pt").exists() and torch.load(
        models / f"{p}.pt", map_location="cpu", weights_only=False)["config"].get("charlm"))


def assemble_bundle(work: Path, out: Path, fp16: bool = True) -> Path:
    """Copy the checkpoints trained in work/ into Stanza's resources-dir layout and write
    resources.json; the character LMs come along when a tagger was trained with them."""
    from kg.training.charlm import charlm_file

    out.mkdir(parents=True, exist_ok=True)
    models = work / "models"
    charlm_users = trained_with_charlm(models)
    sources = {"pretrain": work / "vectors" / "pretrain.pt", "forward_charlm": charlm_file(work, "forward"),
               "backward_charlm": charlm_file(work, "backward")}
    for proc, target in model_files(out, charlm=bool(charlm_users)).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        src = sources.get(proc, models / f"{proc}.pt")
        if fp16 and proc in ("pos", "depparse", "ner", "lemma", "mwt", *CHARLMS):
            half_precision(src, target)
        else:
            shutil.copyfile(src, target)
    if not charlm_users:
        for lm in CHARLMS:  # left over from an earlier bundle
            (out / "ar" / lm / f"{PACKAGE}.pt").unlink(missing_ok=True)
    write_resources(out, {"package": PACKAGE, "data": TRAINING_DATA}, charlm_users)
    return out


def train_bundle(data: Path, work: Path, out: Path | None, steps: tuple[str, ...], gpu: bool = False,
                 charlm: tuple[str, ...] = (), console: Console | None = None) -> Path:
    console = console or Console()
    out = out or BUNDLE
    work = work.resolve()
    models = work / "models"
    pretrain = work / "vectors" / "pretrain.pt"
    budget = recipe.Budget(charlm=charlm)
    if gpu:
        budget.extra = GPU_BATCHES
    for step in steps:
        start = time.time()
        console.rule(f"[bold]{step}")
        if step == "vectors":
            from kg.training.vectors import make_pretrain, train_vectors

            vec = train_vectors(data / "corpus" / "saudinewsnet", work / "vectors")
            pretrain.unlink(missing_ok=True)
            make_pretrain(vec, pretrain)
        elif step == "charlm":
            from kg.training.charlm import prepare_charlm_data, train_charlm

            corpus = prepare_charlm_data(work / "vectors" / "saudinewsnet.tok.txt", work / "charlm")
            for direction in ("forward", "backward"):
                train_charlm(corpus, work, direction, gpu=gpu)
        elif step == "data":
            from kg.training.datasets import prepare_all

            prepare_all(data, work)
        elif step in ("tokenize", "mwt", "lemma"):
            getattr(recipe, f"train_{'tokenizer' if step == 'tokenize' else step}")(work, models, budget)
        elif step in ("pos", "depparse", "ner"):
            getattr(recipe, f"train_{step}")(work, models, pretrain, budget)
        elif step == "bundle":
            assemble_bundle(work, out)
        elif step == "evaluate":
            from kg.training.evaluate import evaluate_bundle

            scores = evaluate_bundle(out, data)
            update_card(out, scores=scores)
            console.print_json(json.dumps(scores, ensure_ascii=False))
        elif step == "speed":
            import itertools
            import os

            from kg.training.evaluate import measure_speed
            from kg.training.vectors import saudinewsnet_articles

            corpus = data / "corpus" / "saudinewsnet"
            articles = itertools.islice(saudinewsnet_articles(corpus), SPEED_ARTICLES)
            texts = [a["content"] for a in articles if a.get("content")]
            speed = [measure_speed(out, texts, threads) for threads in sorted({1, os.cpu_count() or 1})]
            update_card(out, speed=speed)
            console.print_json(json.dumps(speed))
        console.print(f"{step} done in {time.time() - start:.0f} s")
    return out
