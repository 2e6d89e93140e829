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

# Every step, in the order they run: each reads what the earlier ones left in the work dir.
STEP_ORDER = ("vectors", "data", "charlm", "tokenize", "mwt", "pos", "lemma", "depparse", "ner",
              "bundle", "evaluate", "speed")
# Steps only run when named: the character LMs (about an hour per direction on 2 CPU cores). Taggers
# trained with them (--charlm) did not beat the bundled ones on dev (MODELS.md), so the bundle has none.
OPTIONAL_STEPS = ("charlm",)
ALL_STEPS = tuple(s for s in STEP_ORDER if s not in OPTIONAL_STEPS)
SPEED_ARTICLES = 40  # the first SaudiNewsNet articles, about 15k words

TRAINING_DATA = {
    "tokenize": "PADT 2016 (UD v1 -> v2, undiacritized, fused tokens restored) + PUD, minus held-out",
    "mwt": "same as tokenize",
    "pos": "same as tokenize",
    "lemma": "same as tokenize",
    "depparse": "same as tokenize",
    "ner": ("every NER corpus (ANERcorp's training side x4, WikiFANE, AQMAR, NewsFANE's new sentences; "
            "held-out sentences removed), then ANERcorp's training side alone (last tenth of it as dev)"),
    "pretrain": "word2vec skip-gram, 100 dims, 60k words, SaudiNewsNet (31k articles)",
}

GPU_BATCHES = {"tokenize": ["--batch_size", "64"], "pos": ["--batch_size", "1000"],
               "ner": ["--batch_size", "128"], "lemma": ["--batch_size", "200"],
               "mwt": ["--batch_size", "200"]}


# Stored in half precision: Stanza loads them back into float32 parameters with load_state_dict, so only
# storage shrinks. The tokenizer is tiny; the pretrain is fed to nn.Embedding as stored.
HALF_PRECISION = ("pos", "depparse", "ner", "lemma", "mwt", *CHARLMS)


def store_checkpoint(src: Path, dst: Path, half: bool) -> dict:
    """Copy a Stanza checkpoint, its float32 weights as float16 when half; returns its training config."""
    import torch

    ckpt = torch.load(src, map_location="cpu", weights_only=False)

    def shrink(obj):
        if isinstance(obj, torch.Tensor) and obj.dtype == torch.float32:
            return obj.half()
        if isinstance(obj, dict):
            return {k: shrink(v) for k, v in obj.items()}
        return obj

    for key in ("model", "state_dict") if half else ():  # a tagger's checkpoint, a character LM's
        if key in ckpt:
            ckpt[key] = shrink(ckpt[key])
    torch.save(ckpt, dst)
    return ckpt.get("config", {})


def assemble_bundle(work: Path, out: Path, fp16: bool = True) -> Path:
    """Copy the checkpoints trained in work/ into Stanza's resources-dir layout and write
    resources.json; the character LMs come along when a tagger's config says it was trained with them."""
    from kg.training.charlm import charlm_file

    targets = model_files(out, charlm=True)
    sources = {"pretrain": work / "vectors" / "pretrain.pt", "forward_charlm": charlm_file(work, "forward"),
               "backward_charlm": charlm_file(work, "backward")}
    sources = {proc: sources.get(proc, work / "models" / f"{proc}.pt") for proc in targets}
    missing = [str(path) for proc, path in sources.items() if proc not in CHARLMS and not path.is_file()]
    if missing:  # checked before anything is written, so a bundle in place stays whole
        raise FileNotFoundError(f"the bundle step needs the trained models, and {work} lacks "
                                f"{', '.join(missing)}: run the earlier steps with this --work first")
    charlm_users: list[str] = []
    for proc, target in targets.items():  # the charlms last: shipped if a tagger used them
        if proc in CHARLMS and not charlm_users:
            target.unlink(missing_ok=True)  # left over from an earlier bundle
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        src = sources[proc]
        if proc in HALF_PRECISION:
            if store_checkpoint(src, target, half=fp16).get("charlm"):
                charlm_users.append(proc)
        else:
            shutil.copyfile(src, target)
    write_resources(out, {"package": PACKAGE, "data": TRAINING_DATA}, tuple(charlm_users))
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
    for step in sorted(steps, key=STEP_ORDER.index):
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
