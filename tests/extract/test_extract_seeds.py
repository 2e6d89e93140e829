"""The extract stage on the seeds, scored against the gold annotations in benchmarks/gold."""

from pathlib import Path

import pytest

from kg.evaluation import load_gold, score_entities, score_relations
from kg.extract import records
from kg.extract.document import extract_corpus
from kg.ingest import read_documents

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extracted(pipeline):
    docs = list(read_documents([ROOT / "seeds"]))
    return extract_corpus([(d, pipeline.parse(d.text)) for d in docs])



def test_seed_people_and_relations_reach_the_floor(extracted):
    entities, assertions = extracted
    gold_entities, gold_relations = load_gold(ROOT / "benchmarks" / "gold")
    people = score_entities(records.entity_records(entities), gold_entities, types=("PER",))
    relations = score_relations(records.relation_records(assertions, entities), gold_relations, gold_entities)
    from kg.evaluation import format_report

    table = format_report(people, relations)
    rows = {line.split()[0]: line.split() for line in table.splitlines() if line.strip()}
    assert float(rows["PER"][3]) >= 0.9
    assert float(rows["met"][3]) >= 0.8
    assert float(rows["requested"][3]) >= 0.8


def test_every_assertion_names_known_entities_and_carries_evidence(extracted):
    entities, assertions = extracted
    assert assertions
    for a in assertions:
        assert a.subject in entities or (a.type == "reported_by" and a.subject is None)
        assert a.object is None or a.object in entities
        assert a.evidence.sentence_text and a.evidence.start <= a.evidence.end
        assert 0 < a.evidence.confidence <= 1
