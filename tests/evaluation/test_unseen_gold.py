"""Format and consistency of the held-out gold (benchmarks/gold-unseen/), not a score floor.

The unseen articles are a test set: these checks keep the hand annotation honest (every record
valid for the scorer, every name and evidence string in the text it claims) without running the
extractor, so they are fast and never tempt anyone to tune on the test set.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from gold_text import misplaced

from kg.evaluation import load_gold
from kg.extract.model import SYMMETRIC
from kg.ingest import Document, read_documents
from kg.text import match_key

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "benchmarks" / "unseen"
GOLD = ROOT / "benchmarks" / "gold-unseen"


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {d.id: d for d in read_documents([ARTICLES]) if isinstance(d, Document)}


@pytest.fixture(scope="module")
def gold() -> tuple[list[dict], list[dict]]:
    return load_gold(GOLD)


def test_every_article_reads_and_is_annotated(documents: dict[str, Document], gold) -> None:
    entities, relations = gold
    files = {p.stem for p in ARTICLES.glob("*.txt")}
    assert len(files) == 8 and set(documents) == files, "every article file must give a document"
    assert {e["doc"] for e in entities} == files
    assert {r["doc"] for r in relations} <= files


def test_no_entity_is_listed_twice_in_a_document(gold) -> None:
    entities, _ = gold
    keys = Counter((e["doc"], e["type"], match_key(e["label"])) for e in entities)
    assert max(keys.values()) == 1


def test_labels_are_the_same_across_documents(gold) -> None:
    """One entity, one label: a name used as label or alias in one document is not another label."""
    entities, _ = gold
    labels = {match_key(e["label"]) for e in entities}
    for e in entities:
        for alias in e["aliases"]:
            assert match_key(alias) not in labels, (e["doc"], alias)


def test_relations_name_gold_entities_of_their_document(gold) -> None:
    entities, relations = gold
    labels = {(e["doc"], e["label"]) for e in entities}
    for r in relations:
        for end in ("subject", "object"):
            assert r[end] is None or (r["doc"], r[end]) in labels, (r["doc"], r[end])
        if r["type"] in SYMMETRIC:
            assert r["object"] is not None and r["subject"] != r["object"]


def test_names_and_evidence_are_in_the_text(documents: dict[str, Document], gold) -> None:
    names, evidence = misplaced(*gold, documents)
    assert not names, "gold names must occur in their article"
    assert not evidence, "evidence must be whole words of the body text"
