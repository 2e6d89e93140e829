"""Training, dev and held-out splits of the UD and NER data, in Stanza's layouts.

Held out, never trained or tuned on: the last 100 sentences of PUD, the last
150 of PADT test (UD), and the last sixth of ANERcorp's sentences (the CAMeL
Tools split). Dev sets for model selection come from the training side.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.training.ner_data import anercorp_splits, prepare_ner, write_ner_json
from kg.training.ud_convert import Sentence, Word, load_padt, load_pud, write_conllu

TREEBANK = "UD_Arabic-KG"  # Stanza short name ar_kg
SHORT = "ar_kg"
NER_SHORT = "ar_anercorp"

PUD_HELD_OUT = 100
PADT_TEST_HELD_OUT = 150
PADT_DEV_FOR_DEV = 120  # last sentences of padt dev used for model selection
PUD_FOR_DEV = 50  # PUD sentences just before the held-out part


@dataclass
class UDSplits:
    train: list[Sentence]
    dev: list[Sentence]
    test_padt: list[Sentence]
    test_pud: list[Sentence]


def ud_splits(data_dir: Path) -> UDSplits:
    ud = data_dir / "ud"
    padt_dev = load_padt(ud / "padt-v1-2016-dev.conllu")
    padt_test = load_padt(ud / "padt-v1-2016-test.conllu")
    pud = load_pud(ud / "ar_pud-ud-test.conllu")
    pud_train_end = len(pud) - PUD_HELD_OUT - PUD_FOR_DEV
    return UDSplits(
        train=padt_dev[:-PADT_DEV_FOR_DEV] + padt_test[:-PADT_TEST_HELD_OUT] + pud[:pud_train_end],
        dev=padt_dev[-PADT_DEV_FOR_DEV:] + pud[pud_train_end:len(pud) - PUD_HELD_OUT],
        test_padt=padt_test[-PADT_TEST_HELD_OUT:],
        test_pud=pud[-PUD_HELD_OUT:],
    )


NO_FINAL_PUNCT_EVERY = 4  # one training sentence in four loses its final punctuation, for the tokenizer


def without_final_punct(sent: Sentence) -> Sentence:
    """The sentence minus a final punctuation mark: headlines and captions end without one, and a
    tokenizer that never saw that splits the last letter off (بغداد -> بغدا + د)."""
    last = sent.words[-1]
    if len(sent.words) < 2 or last.upos != "PUNCT" or any(w.head == last.id for w in sent.words):
        return sent
    words = [Word(**w.__dict__) for w in sent.words[:-1]]
    words[-1].misc = words[-1].misc_without("SpaceAfter")
    tokens = [t for t in sent.tokens if t[1] < last.id]
    return Sentence(list(sent.comments), words, tokens)


def write_ud_base(splits: UDSplits, udbase: Path, tokenizer_base: Path | None = None) -> Path:
    """Write the splits as a UD treebank folder that Stanza's prepare scripts read; the
    tokenizer's copy has some final punctuation removed from the training side."""
    if tokenizer_base is not None:
        train = [without_final_punct(s) if i % NO_FINAL_PUNCT_EVERY == 0 else s
                 for i, s in enumerate(splits.train)]
        write_ud_base(UDSplits(train, splits.dev, splits.test_padt, splits.test_pud), tokenizer_base)
    tb = udbase / TREEBANK
    write_conllu(splits.train, tb / f"{SHORT}-ud-train.conllu")
    write_conllu(splits.dev, tb / f"{SHORT}-ud-dev.conllu")
    write_conllu(splits.test_padt + splits.test_pud, tb / f"{SHORT}-ud-test.conllu")
    write_conllu(splits.test_padt, udbase / "held-out" / "padt-test-last150.conllu")
    write_conllu(splits.test_pud, udbase / "held-out" / "pud-last100.conllu")
    return tb


def stanza_env(work: Path, udbase: str = "ud") -> dict[str, str]:
    env = dict(os.environ)
    env.update(DATA_ROOT=str(work / "data"), UDBASE=str(work / udbase), NERBASE=str(work / "ner"))
    return env


def prepare_ud(work: Path) -> None:
    """Run Stanza's own dataset scripts over the treebank folders."""
    tokenizer_cmd = [sys.executable, "-m", "stanza.utils.datasets.prepare_tokenizer_treebank", TREEBANK]
    subprocess.run(tokenizer_cmd, env=stanza_env(work, "ud-tokenize"), check=True, cwd=work)
    env = stanza_env(work)
    for module, extra in [("prepare_mwt_treebank", []),
                          ("prepare_pos_treebank", []),
                          ("prepare_lemma_treebank", ["--no_lemma_classifier", "--gold"]),
                          ("prepare_depparse_treebank", ["--gold"])]:
        cmd = [sys.executable, "-m", f"stanza.utils.datasets.{module}", TREEBANK, *extra]
        subprocess.run(cmd, env=env, check=True, cwd=work)


def prepare_all(data_dir: Path, work: Path) -> UDSplits:
    splits = ud_splits(data_dir)
    write_ud_base(splits, work / "ud", tokenizer_base=work / "ud-tokenize")
    prepare_ud(work)
    write_ner_json(anercorp_splits(data_dir), work / "data" / "ner")  # ANERcorp alone, run_ner's layout
    prepare_ner(data_dir, work / "ner-all", pretrain=work / "vectors" / "pretrain.pt")  # the ner step's data
    return splits
