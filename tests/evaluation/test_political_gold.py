"""Format and consistency of the political benchmark's gold (benchmarks/gold-political/), split by
split, without running the extractor: every record valid for the scorer, only the four relation
types the benchmark annotates, every name and evidence string in its article, every relation end an
entity of its document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gold_text import misplaced

from kg.evaluation import load_gold
from kg.ingest import Document, read_documents
from kg.text import match_key

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "gold-political"
SPLITS = sorted(p.name.split(".")[0] for p in GOLD.glob("*.entities.jsonl"))


@pytest.fixture(scope="module", params=SPLITS)
def split(request, tmp_path_factory):
    name = request.param
    folder = tmp_path_factory.mktemp(f"gold-{name}")
    for path in GOLD.glob(f"{name}.*.jsonl"):
        shutil.copy(path, folder / path.name)
    entities, relations = load_gold(folder)  # raises on a record the scorer would reject
    docs = {d.id: d for d in read_documents([ROOT / "benchmarks" / "political" / name])
            if isinstance(d, Document)}
    return name, entities, relations, docs


def test_the_splits_are_there():
    assert {"dev", "test"} <= set(SPLITS)


def test_every_record_is_of_an_article_of_its_split(split):
    name, entities, relations, docs = split
    assert {r["doc"] for r in [*entities, *relations]} <= set(docs), name
    assert {r["type"] for r in relations} <= {"met", "contacted", "requested", "attended"}


def test_names_and_evidence_are_in_the_text(split):
    _, entities, relations, docs = split
    assert misplaced(entities, relations, docs) == ([], [])


def test_relation_ends_are_entities_of_their_document(split):
    _, entities, relations, _ = split
    names = {(e["doc"], match_key(n)) for e in entities for n in [e["label"], *e["aliases"]]}
    loose = [(r["doc"], end) for r in relations for end in (r["subject"], r["object"])
             if end and (r["doc"], match_key(end)) not in names]
    assert loose == []
