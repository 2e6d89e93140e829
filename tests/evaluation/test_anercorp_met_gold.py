"""Format and consistency of the ANERcorp meeting sentences' gold (benchmarks/gold-anercorp-met/):
the chosen sentences rebuilt from ../shared/data by the set's own rule, every record valid for the
scorer, every name and evidence string in its sentence, every relation end an entity."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from gold_text import misplaced

from kg.evaluation import load_gold
from kg.ingest import Document, read_documents
from kg.text import match_key

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "benchmarks" / "anercorp-met"
GOLD = ROOT / "benchmarks" / "gold-anercorp-met"


def _data() -> Path | None:
    if os.environ.get("KG_SHARED_DATA"):
        return Path(os.environ["KG_SHARED_DATA"])
    found = (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data" / "ner").is_dir())
    return next(found, None)


DATA = _data()


@pytest.fixture(scope="module")
def chosen(tmp_path_factory):
    if DATA is None:
        pytest.skip("ANERcorp is not here: ../shared/data is absent and KG_SHARED_DATA is not set")
    spec = importlib.util.spec_from_file_location("anercorp_met_select", SET / "select.py")
    select = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(select)
    rows = select.chosen(DATA)
    texts = tmp_path_factory.mktemp("anc")
    for i, text in rows:
        (texts / f"anc_{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    gold = tmp_path_factory.mktemp("gold-anc")
    for path in GOLD.glob("*.jsonl"):
        shutil.copy(path, gold / path.name)
    entities, relations = load_gold(gold)
    docs = {d.id: d for d in read_documents([texts]) if isinstance(d, Document)}
    return rows, entities, relations, docs


def test_the_rule_gives_the_committed_sentences(chosen):
    rows = chosen[0]
    assert [i for i, _ in rows] == [int(x) for x in (SET / "ids.txt").read_text().split()]


def test_gold_records_are_of_the_sentences_and_in_their_text(chosen):
    _, entities, relations, docs = chosen
    assert {r["doc"] for r in [*entities, *relations]} <= set(docs)
    assert {r["type"] for r in relations} <= {"met", "contacted", "requested", "attended"}
    assert misplaced(entities, relations, docs) == ([], [])
    names = {(e["doc"], match_key(n)) for e in entities for n in [e["label"], *e["aliases"]]}
    assert [(r["doc"], end) for r in relations for end in (r["subject"], r["object"])
            if end and (r["doc"], match_key(end)) not in names] == []
