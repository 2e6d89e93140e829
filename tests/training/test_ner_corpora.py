"""The NER training data: every tag of every corpus is mapped, FANE's text is made news-like, and no
training sentence of any corpus is a held-out one."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from kg.training.ner_corpora import (
    DROP,
    NewsSpelling,
    map_sentence,
    raw_corpora,
    reattach_clitics,
    split_tag,
    tag_corpus,
    tag_map,
)

REPO = Path(__file__).resolve().parents[2]


def shared_data() -> Path | None:
    """../shared/data beside the repository (CI), or beside a folder above it (a worktree), or
    $KG_SHARED_DATA."""
    if os.environ.get("KG_SHARED_DATA"):
        return Path(os.environ["KG_SHARED_DATA"])
    for parent in REPO.parents:
        if (parent / "shared" / "data" / "ner").is_dir():
            return parent / "shared" / "data"
    return None


DATA = shared_data()
needs_data = pytest.mark.skipif(DATA is None, reason="the NER corpora are not here: ../shared/data (beside "
                                "the repository) is absent and KG_SHARED_DATA is not set")


@pytest.fixture(scope="module")
def corpora():
    return raw_corpora(DATA)


def test_tag_map_targets_are_known():
    assert set(tag_map().values()) <= {"PER", "ORG", "LOC", "MISC", "O", DROP}


@needs_data
def test_every_tag_of_every_corpus_is_mapped(corpora):
    mapping = tag_map()
    for name, sents in corpora.items():
        assert sents, f"{name} read as empty"
        seen = Counter(split_tag(tag)[1] for sent in sents for _, tag in sent)
        missing = sorted(t for t in seen if (tag_corpus(name), t) not in mapping)
        assert not missing, f"{name}: tags not in ner_tags.tsv: {missing}"


def test_mapping_repairs_bio():
    sent = [("a", "I-Politician"), ("b", "I-Politician"), ("c", "B-Nation"), ("d", "I-Group"), ("e", "O")]
    assert map_sentence("fane", sent) == [("a", "B-PER"), ("b", "I-PER"), ("c", "B-LOC"), ("d", "O"),
                                          ("e", "O")]
    assert map_sentence("aqmar", [("x", "B-MIS1"), ("y", "O")]) is None
    assert map_sentence("aqmar", [("x", "B-ORG"), ("y", "I--ORG"), ("z", "OO")]) == [
        ("x", "B-ORG"), ("y", "I-ORG"), ("z", "O")]


def test_clitics_are_reattached_as_news_writes_them():
    fane = [("و", "O"), ("ل", "O"), ("الحكومة", "O"), ("ب", "O"), ("المانيا", "B-LOC"), ("حكومة", "O"),
            ("ها", "O"), ("على", "O"), ("ه", "O"), ("د", "B-ORG"), ("ب", "I-ORG"), ("ا", "I-ORG")]
    assert reattach_clitics(fane) == [("وللحكومة", "O"), ("بالمانيا", "B-LOC"), ("حكومتها", "O"),
                                      ("عليه", "O"), ("د", "B-ORG"), ("ب", "I-ORG"), ("ا", "I-ORG")]


def test_news_spelling_restores_hamza_but_keeps_names():
    spelling = NewsSpelling(["على", "أعلن", "ألمانيا", "علي", "أمس"])
    sent = [("اعلن", "O"), ("علي", "B-PER"), ("علي", "O"), ("بالمانيا", "B-LOC"), ("وامس", "O")]
    assert spelling.sentence(sent) == [("أعلن", "O"), ("علي", "B-PER"), ("على", "O"), ("بألمانيا", "B-LOC"),
                                       ("وأمس", "O")]


@needs_data
@pytest.mark.parametrize("news", ["anercorp", "cleananercorp"])
def test_no_training_sentence_is_held_out(news):
    """ANERcorp's test sixth and CLEANANERCorp's test part never reach training, from any corpus."""
    from kg.training.ner_data import NerMix, held_out_sentences, sentence_key, training_corpora

    held = {sentence_key(t for t, _ in s) for s in held_out_sentences(DATA)}
    held.discard("")
    assert len(held) > 800
    if news == "anercorp":  # the check has teeth: NewsFANE as distributed repeats most of the test sixth
        newsfane = raw_corpora(DATA)["newsfane"]
        assert sum(sentence_key(t for t, _ in s) in held for s in newsfane) > 400
    corpora = training_corpora(DATA, NerMix(news=news), spelling=None)
    assert set(corpora) == {news, "wikifane", "newsfane", "aqmar"}
    for name, sents in corpora.items():
        leaked = [" ".join(t for t, _ in s) for s in sents if sentence_key(t for t, _ in s) in held]
        assert not leaked, f"{name}: {len(leaked)} held-out sentences in training, e.g. {leaked[:2]}"


def test_ner_step_names_the_missing_data(tmp_path):
    """The ner step trains on the data step's mix: without it, the error says which step to run."""
    from kg.training.recipe import Budget, train_ner

    with pytest.raises(FileNotFoundError, match="run the `data` step"):
        train_ner(tmp_path, tmp_path / "models", tmp_path / "pretrain.pt", Budget())
