"""NER training data from every corpus: held-out and dev sentences kept out, news weighted up.

Held out (never trained or tuned on): ANERcorp's last sixth (the CAMeL Tools split) and
CLEANANERCorp's test part, which is the same sixth with corrected labels. Dev (model selection): the
last tenth of ANERcorp's training side. NewsFANE and CLEANANERCorp repeat ANERcorp's text, so every
training sentence of every corpus that matches a held-out or dev sentence is dropped, by the
normalized text the data README prescribes and, in case sentence boundaries differ between corpora,
by any shared run of WINDOW normalized characters.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.text import DIACRITICS, TATWEEL
from kg.training.ner_corpora import (
    NewsSpelling,
    Sentence,
    aqmar_raw,
    cleananercorp_raw,
    fane_raw,
    map_sentence,
    newslike_fane,
    read_anercorp_raw,
)

NER_SHORT = "ar_anercorp"
WINDOW = 40  # characters of normalized text (about nine words) that no training sentence may share
MIX_SEED = 1234

_KEY_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_NOT_LETTER = re.compile(r"[\W_]+")  # spaces, punctuation, U+200E and other controls


def sentence_key(tokens: Iterable[str]) -> str:
    """A sentence compared as the data README says: no diacritics, tatweel, U+200E, spaces or
    punctuation; أ إ آ -> ا, ى -> ي, ة -> ه."""
    text = DIACRITICS.sub("", "".join(tokens)).replace(TATWEEL, "")
    return _NOT_LETTER.sub("", text.translate(_KEY_FOLD))


def windows(key: str) -> Iterable[str]:
    if len(key) <= WINDOW:
        yield key
    else:
        for i in range(len(key) - WINDOW + 1):
            yield key[i:i + WINDOW]


class HeldOut:
    """Normalized keys and character windows of sentences that training must not see."""

    def __init__(self, sentences: Iterable[Sentence]):
        self.keys: set[str] = set()
        self.windows: set[str] = set()
        for sent in sentences:
            key = sentence_key(t for t, _ in sent)
            if key:
                self.keys.add(key)
                self.windows.update(windows(key))

    def matches(self, sent: Sentence) -> bool:
        key = sentence_key(t for t, _ in sent)
        if not key:
            return False
        if key in self.keys:
            return True
        if len(key) < WINDOW:
            return False  # short sentences match only whole (a held-out window may hold them by chance)
        return any(w in self.windows for w in windows(key))

    def drop_from(self, sentences: Iterable[Sentence]) -> list[Sentence]:
        return [s for s in sentences if not self.matches(s)]


def anercorp_splits(data_dir: Path) -> dict[str, list[Sentence]]:
    """ANERcorp (data_dir/ner/ANERCorp.txt) mapped to PER/ORG/LOC/MISC: train, dev (last tenth of the
    training side), test (last sixth: held out, the CAMeL Tools split)."""
    sents = [map_sentence("anercorp", s) for s in read_anercorp_raw(data_dir / "ner" / "ANERCorp.txt")]
    test_start = len(sents) - len(sents) // 6
    train_all = sents[:test_start]
    dev_start = len(train_all) - len(train_all) // 10
    return {"train": train_all[:dev_start], "dev": train_all[dev_start:], "test": sents[test_start:]}


def held_out_sentences(data_dir: Path) -> list[Sentence]:
    """Every held-out sentence: ANERcorp's test sixth and CLEANANERCorp's test part."""
    return anercorp_splits(data_dir)["test"] + cleananercorp_test(data_dir)


def cleananercorp_test(data_dir: Path) -> list[Sentence]:
    return [map_sentence("cleananercorp", s) for s in cleananercorp_raw(data_dir, "test")]


def _mapped(corpus: str, raw: Iterable[Sentence], min_len: int = 2, max_len: int = 120) -> list[Sentence]:
    out = []
    for sent in raw:
        mapped = map_sentence(corpus, sent)
        if mapped is not None and min_len <= len(mapped) <= max_len:
            out.append(mapped)
    return out


@dataclass
class NerMix:
    """Which corpora go into training and how often each is repeated (news weighted up)."""

    news: str = "anercorp"  # or "cleananercorp": ANERcorp's training side with corrected labels
    news_repeat: int = 4
    wikifane: bool = True
    newsfane: bool = True  # only its sentences that are not ANERcorp's (those are dropped as repeats)
    aqmar: bool = True
    extra_repeat: dict[str, int] = field(default_factory=dict)


def training_corpora(data_dir: Path, mix: NerMix, spelling: NewsSpelling | None) -> dict[str, list[Sentence]]:
    """Each training corpus, mapped, made news-like and decontaminated (before any repetition)."""
    aner = anercorp_splits(data_dir)
    banned = HeldOut(held_out_sentences(data_dir) + aner["dev"])
    if mix.news == "cleananercorp":
        news = _mapped("cleananercorp", cleananercorp_raw(data_dir, "train"), min_len=1, max_len=10_000)
    else:
        news = aner["train"]
    corpora = {mix.news: banned.drop_from(news)}
    if mix.wikifane:
        corpora["wikifane"] = banned.drop_from(newslike_fane(_mapped("fane", fane_raw(data_dir, "wikifane")),
                                                             spelling))
    if mix.newsfane:
        seen = HeldOut(aner["train"])  # ANERcorp's own text, labelled in ANERcorp's scheme
        fresh = newslike_fane(_mapped("fane", fane_raw(data_dir, "newsfane")), spelling)
        corpora["newsfane"] = seen.drop_from(banned.drop_from(fresh))
    if mix.aqmar:
        corpora["aqmar"] = banned.drop_from(_mapped("aqmar", aqmar_raw(data_dir)))
    return corpora


def mix_training(corpora: dict[str, list[Sentence]], mix: NerMix) -> list[Sentence]:
    """The news corpus repeated news_repeat times, the others as given, shuffled with a fixed seed."""
    out: list[Sentence] = []
    for name, sents in corpora.items():
        repeat = mix.news_repeat if name == mix.news else mix.extra_repeat.get(name, 1)
        out.extend(sents * repeat)
    random.Random(MIX_SEED).shuffle(out)
    return out


def write_ner_json(splits: dict[str, list[Sentence]], ner_dir: Path) -> None:
    """Stanza's NER json: a list of sentences, each a list of {"text", "ner"}."""
    ner_dir.mkdir(parents=True, exist_ok=True)
    for name, sents in splits.items():
        data = [[{"text": t, "ner": tag} for t, tag in s] for s in sents]
        path = ner_dir / f"{NER_SHORT}.{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def prepare_ner(data_dir: Path, ner_dir: Path, mix: NerMix | None = None,
                pretrain: Path | None = None) -> dict[str, int]:
    """Write train/dev json for Stanza's NER trainer (the mix, and in news/ the news corpus alone, both
    decontaminated); returns sentences per training corpus. No held-out file is written beside them."""
    from kg.training.ner_corpora import pretrain_vocab

    mix = mix or NerMix()
    spelling = NewsSpelling(pretrain_vocab(pretrain)) if pretrain and pretrain.is_file() else None
    corpora = training_corpora(data_dir, mix, spelling)
    aner = anercorp_splits(data_dir)
    write_ner_json({"train": mix_training(corpora, mix), "dev": aner["dev"]}, ner_dir)
    write_ner_json({"train": corpora[mix.news], "dev": aner["dev"]}, ner_dir / "news")  # the second stage
    counts = {name: len(s) for name, s in corpora.items()}
    (ner_dir / "ner_mix.json").write_text(json.dumps({"mix": mix.__dict__, "sentences": counts}, indent=1),
                                         encoding="utf-8")
    return counts
