"""Forward and backward character language models on SaudiNewsNet, for the NER and POS taggers.

A charlm gives the taggers a representation of every word from its characters in context, so words
the 60k-word vector vocabulary lacks (most names, and words with clitics attached) are no longer
unknown. Trained with Stanza's own stanza.models.charlm on the tokenized corpus the vectors step
writes (work/vectors/saudinewsnet.tok.txt).
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

SHORTHAND = "ar_saudinews"
DEV_LINES = 1500  # the corpus' last lines: the dev set the charlm is selected on
TRAIN_CHARS = 16_000_000  # about a third of the corpus: what one CPU epoch can cover in an hour
SHARDS = 4
# Smaller than Stanza's default (1024 hidden units): the files ship in the package, the CPU is small.
SIZE = ["--char_hidden_dim", "512", "--char_emb_dim", "100", "--batch_size", "64", "--bptt_size", "200"]


def prepare_charlm_data(corpus: Path, dest: Path, seed: int = 7) -> Path:
    """Shuffle the corpus lines with a fixed seed, keep TRAIN_CHARS of them in SHARDS files (Stanza
    reads a directory of training files one at a time) and the last DEV_LINES as dev.txt."""
    lines = corpus.read_text(encoding="utf-8").split("\n")
    dev, train = lines[-DEV_LINES:], lines[:-DEV_LINES]
    random.Random(seed).shuffle(train)
    kept, size = [], 0
    for line in train:
        kept.append(line)
        size += len(line) + 1
        if size > TRAIN_CHARS:
            break
    (dest / "train").mkdir(parents=True, exist_ok=True)
    for i in range(SHARDS):
        (dest / "train" / f"part{i}.txt").write_text("\n".join(kept[i::SHARDS]) + "\n", encoding="utf-8")
    (dest / "dev.txt").write_text("\n".join(dev) + "\n", encoding="utf-8")
    return dest


def charlm_file(work: Path, direction: str) -> Path:
    """Where Stanza's run_* scripts look for the charlm named by `--charlm saudinews` (cwd = work)."""
    return work / "saved_models" / "charlm" / f"{SHORTHAND}_{direction}_charlm.pt"


def train_charlm(data: Path, work: Path, direction: str, epochs: int = 1, gpu: bool = False) -> Path:
    """Train one direction; Stanza keeps the checkpoint with the best dev perplexity."""
    target = charlm_file(work, direction)
    cmd = [sys.executable, "-m", "stanza.models.charlm", "--mode", "train",
           "--train_dir", str(data / "train"), "--eval_file", str(data / "dev.txt"), f"--{direction}",
           "--shorthand", SHORTHAND, *SIZE,
           "--epochs", str(epochs), "--eval_steps", "400", "--save_dir", str(target.parent),
           "--save_name", target.name, "--seed", "1234", *([] if gpu else ["--cpu"])]
    start = time.time()
    subprocess.run(cmd, check=True)
    print(f"charlm {direction} done in {time.time() - start:.0f} s")
    return target


def charlm_args(work: Path) -> list[str]:
    """run_pos/run_ner flags that use the trained charlms, or none when they have not been trained."""
    if not all(charlm_file(work, d).exists() for d in ("forward", "backward")):
        return []
    return ["--charlm", SHORTHAND.removeprefix("ar_")]
