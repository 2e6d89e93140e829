"""Training the learned meeting reader: the fit, the cross-validation, the file the reader loads."""

from __future__ import annotations

from pathlib import Path

from kg.extract import learned
from kg.training import met_pairs

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold"


def _example(doc, group, positive, *features):
    return met_pairs.Example(doc, group, frozenset((doc + "a", doc + "b")), ["bias", *features], positive)


def test_fit_learns_which_feature_marks_a_meeting():
    data = [_example(f"d{i}", "g", i % 2 == 0, "prevB=مع" if i % 2 == 0 else "prevB=في") for i in range(40)]
    weights = met_pairs.fit(data, l2=1.0)
    assert weights["prevB=مع"] > 0 > weights["prevB=في"]
    assert met_pairs.probability(weights, data[0]) > 0.5 > met_pairs.probability(weights, data[1])


def test_cross_validation_scores_each_split_with_a_model_fitted_on_the_others():
    data = [_example(f"{g}{i}", g, i % 2 == 0, "prevB=مع" if i % 2 == 0 else "prevB=في")
            for g in ("s1", "s2", "s3") for i in range(20)]
    gold = {e.doc: {e.pair} for e in data if e.positive}
    table = met_pairs.cross_validate(data, gold, {}, l2=1.0)
    threshold, alone, both = next(t for t in table if t[0] == 0.5)
    assert alone == (30, 0, 0) and both == alone


def test_the_written_file_is_what_the_reader_loads(tmp_path):
    path = tmp_path / "w.tsv"
    met_pairs.write({"bias": -1.5, "prevB=مع": 2.25}, 0.6, path, "a note\non two lines")
    model = learned.load(path)
    assert model.threshold == 0.6
    assert model.weights == {"bias": -1.5, "prevB=مع": 2.25}


def test_examples_come_from_a_build_and_its_gold(seeds_graph):
    data, gold, rules = met_pairs.examples(seeds_graph, GOLD, {})
    assert data and all(e.features for e in data)
    assert sum(e.positive for e in data) >= 5  # the seeds' meetings named in one sentence
    assert sum(len(v) for v in rules.values()) >= 10
