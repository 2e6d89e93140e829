"""The recipe that rebuilds the bundled Arabic models from ../shared/data.

Each step calls Stanza's own training entry points (stanza.utils.training.run_*)
with explicit files: no resources.json lookup, no download, fixed seeds.
Budgets are sized for a 2-core CPU; on a GPU pass --gpu and larger batches.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.training.charlm import charlm_args
from kg.training.datasets import NER_SHORT, TREEBANK, stanza_env

log = logging.getLogger(__name__)

SEED = "1234"
NER_NEWS_EVAL_INTERVAL = 250


@dataclass
class Budget:
    """Training lengths, as used for the bundle: about two hours for the whole recipe on 2 CPU cores."""

    tokenize_steps: int = 2000
    mwt_epochs: int = 20
    pos_steps: int = 1500
    lemma_epochs: int = 8
    depparse_steps: int = 2000
    ner_mix_steps: int = 6500  # NER stage 1: every corpus, from scratch (Stanza's lr 0.1, halved on plateaus)
    ner_news_steps: int = 1500  # NER stage 2: ANERcorp's training side alone, from stage 1's best
    ner_news_lr: float = 0.03
    charlm: tuple[str, ...] = ()  # taggers trained with the character LMs: pos (measured in MODELS.md)
    extra: dict[str, list[str]] = field(default_factory=dict)


# Smaller than Stanza's defaults (400-dim char and biaffine layers, 5000-word parser batches,
# 250-sentence tagger batches): the training set is 2k sentences, the CPU has 2 cores, and the
# files ship inside the package.
MODEL_SIZE = {
    "pos": ["--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "200", "--batch_size", "32"],
    "depparse": ["--hidden_dim", "200", "--char_hidden_dim", "100", "--deep_biaff_hidden_dim", "128",
                 "--batch_size", "1000"],
}


def _run(module_name: str, args: list[str], work: Path) -> None:
    """Run one of Stanza's run_* training scripts; they read their data dirs from the env."""
    start = time.time()
    cmd = [sys.executable, "-m", f"stanza.utils.training.{module_name}", *args]
    log.info("training: %s", " ".join(cmd))
    subprocess.run(cmd, env=stanza_env(work), cwd=work, check=True)
    log.info("%s done in %.0f s", module_name, time.time() - start)


def train_tokenizer(work: Path, out: Path, budget: Budget) -> Path:
    _run("run_tokenizer", [TREEBANK, "--force", "--save_dir", str(out), "--save_name", "tokenize.pt",
                           "--no_charlm", "--steps", str(budget.tokenize_steps), "--seed", SEED,
                           *budget.extra.get("tokenize", [])], work)
    return out / "tokenize.pt"


def train_mwt(work: Path, out: Path, budget: Budget) -> Path:
    _run("run_mwt", [TREEBANK, "--force", "--save_dir", str(out), "--save_name", "mwt.pt",
                     "--num_epoch", str(budget.mwt_epochs), "--seed", SEED,
                     *budget.extra.get("mwt", [])], work)
    return out / "mwt.pt"


def _charlm_flags(step: str, work: Path, budget: Budget) -> list[str]:
    """The tagger's charlm flags: the trained character LMs when the budget says so, else none."""
    if step not in budget.charlm:
        return ["--no_charlm"]
    flags = charlm_args(work)
    if not flags:
        raise FileNotFoundError(f"{step} is trained with character LMs but {work} has none: "
                                "run `kg models train --steps charlm` first")
    return flags


def train_pos(work: Path, out: Path, pretrain: Path, budget: Budget) -> Path:
    _run("run_pos", [TREEBANK, "--force", "--save_dir", str(out), "--save_name", "pos.pt",
                     *_charlm_flags("pos", work, budget), "--wordvec_pretrain_file", str(pretrain),
                     "--max_steps", str(budget.pos_steps), "--seed", SEED, *MODEL_SIZE["pos"],
                     *budget.extra.get("pos", [])], work)
    return out / "pos.pt"


def train_lemma(work: Path, out: Path, budget: Budget) -> Path:
    _run("run_lemma", [TREEBANK, "--force", "--save_dir", str(out), "--save_name", "lemma.pt",
                       "--no_charlm", "--num_epoch", str(budget.lemma_epochs), "--seed", SEED,
                       *budget.extra.get("lemma", [])], work)
    return out / "lemma.pt"


def train_depparse(work: Path, out: Path, pretrain: Path, budget: Budget) -> Path:
    _run("run_depparse", [TREEBANK, "--force", "--save_dir", str(out), "--save_name", "depparse.pt",
                          "--no_charlm", "--wordvec_pretrain_file", str(pretrain),
                          "--max_steps", str(budget.depparse_steps), "--seed", SEED,
                          *MODEL_SIZE["depparse"], *budget.extra.get("depparse", [])], work)
    return out / "depparse.pt"


def train_ner(work: Path, out: Path, pretrain: Path, budget: Budget) -> Path:
    """The bundled NER, in two stages (MODELS.md, "NER on every corpus"): the mix of every corpus
    (work/ner-all, written by the data step) from scratch, then ANERcorp's training side alone
    (work/ner-all/news) at a lower rate, so the tagger ends on the news it is scored on. Model selection
    on ANERcorp's dev slice only; Stanza's ner_tagger is called directly, so no held-out file is scored.
    One torch thread, as the bundled model was trained."""
    data = work / "ner-all"
    if not (data / f"{NER_SHORT}.train.json").is_file():
        raise FileNotFoundError(f"the ner step trains on {data}, which is missing: "
                                "run the `data` step with this --work first")
    mixed = _tagger(work, data, out / "ner-mix.pt", pretrain, budget.ner_mix_steps, budget, eval_interval=500,
                    extra=["--max_steps_no_improve", str(budget.ner_mix_steps)])
    start = _with_lr(mixed, budget.ner_news_lr, data / "news" / "start.pt")
    return _tagger(work, data / "news", out / "ner.pt", pretrain, budget.ner_news_steps, budget,
                   eval_interval=NER_NEWS_EVAL_INTERVAL,
                   extra=["--finetune", "--finetune_load_name", str(start)])


def _tagger(work: Path, data: Path, out: Path, pretrain: Path, steps: int, budget: Budget, eval_interval: int,
            extra: list[str]) -> Path:
    """Stanza's ner_tagger on data/{train,dev}.json; returns the best-dev checkpoint."""
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
           "--train_file", str(data / f"{NER_SHORT}.train.json"),
           "--eval_file", str(data / f"{NER_SHORT}.dev.json"),
           "--wordvec_pretrain_file", str(pretrain), "--shorthand", NER_SHORT,
           "--save_dir", str(out.parent), "--save_name", out.name,
           "--max_steps", str(steps), "--eval_interval", str(eval_interval),
           "--seed", SEED, *extra, *budget.extra.get("ner", [])]
    log.info("training: %s", " ".join(cmd))
    start_time = time.time()
    subprocess.run(cmd, env={**stanza_env(work), "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}, cwd=work,
                   check=True)
    log.info("%s done in %.0f s", out.name, time.time() - start_time)
    return out


def _with_lr(checkpoint: Path, lr: float, dst: Path) -> Path:
    """A copy of a tagger checkpoint whose config carries the learning rate to fine-tune with: Stanza's
    --finetune builds the optimizer from the loaded checkpoint's config, not from --lr."""
    import torch

    ckpt = torch.load(checkpoint, map_location="cpu", weights_only=False)
    ckpt["config"]["lr"] = lr
    torch.save(ckpt, dst)
    return dst
