"""Calibrated confidence: counting a rule's right and wrong assertions against gold, smoothing, the
table the extract stage loads, and scoring only chosen relation types."""

from __future__ import annotations

from kg.calibration import count_rules, read_rows, smoothed, write_table
from kg.evaluation import score_by_threshold, score_relations
from kg.extract import confidence

GOLD = [
    {"doc": "d", "type": "met", "subject": "أ", "object": "ب", "theme": None, "negated": False,
     "modality": "occurred", "date": None, "evidence": "x"},
    {"doc": "d", "type": "attended", "subject": "ج", "object": "أ", "theme": None, "negated": False,
     "modality": "occurred", "date": None, "evidence": "x"},
    {"doc": "d", "type": "said", "subject": "أ", "object": None, "theme": "ق", "negated": False,
     "modality": None, "date": None, "evidence": "x"},
]


def pred(type_, subj, obj, rule, conf, modality="occurred"):
    return {"doc": "d", "type": type_, "subject": subj, "object": obj, "theme": None, "negated": False,
            "modality": modality, "date": None, "rule": rule, "confidence": conf, "sentence": "x"}


PRED = [pred("met", "ب", "أ", "met:tree", 0.7), pred("met", "أ", "د", "met:frame:reception", 0.6),
        pred("attended", "ج", "أ", "attended:frame:attend", 0.6)]


def test_counts_per_rule():
    counts = count_rules(PRED, GOLD, [])
    assert (counts["met:tree"].n, counts["met:tree"].correct) == (1, 1)
    assert (counts["met:frame:reception"].n, counts["met:frame:reception"].correct) == (1, 0)
    assert counts["attended:frame:attend"].correct == 1


def test_smoothing_keeps_few_examples_off_0_and_1():
    rows = {c.rule: conf for c, conf in smoothed(count_rules(PRED, GOLD, []))}
    assert 0.0 < rows["met:frame:reception"] < rows["met:*"] < rows["met:tree"] < 1.0
    assert "attended:*" in rows


def test_table_round_trip_and_lookup(tmp_path):
    path = tmp_path / "confidence.tsv"
    write_table(smoothed(count_rules(PRED, GOLD, [])), path, "test\ncomment",
                keep={"said:tree": ["said:tree", "said", "5", "4", "0.800", "0.790"]})
    rows = read_rows(path)
    assert rows["said:tree"][5] == "0.790" and "met:tree" in rows
    table = confidence.table(path)
    assert table["said:tree"] == 0.79 and 0 < table["met:*"] < 1


def test_the_shipped_table_loads_and_falls_back():
    assert confidence.table()  # kg/resources/confidence.tsv
    assert confidence.calibrated("nosuchtype", "nosuchtype:rule", 0.42) == 0.42


def test_chosen_types_only():
    report = score_relations(PRED + [pred("said", "أ", None, "said:tree", 0.8, None)], GOLD, [],
                             types=["met", "attended"])
    assert list(report.per_type) == ["met", "attended"]
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 1, 0)


def test_threshold_table_drops_low_confidence():
    gold = [g for g in GOLD if g["type"] != "said"]
    table = dict(score_by_threshold(PRED, gold, [], thresholds=(0.0, 0.65)))
    assert (table[0.0].tp, table[0.0].fp) == (2, 1)
    assert (table[0.65].tp, table[0.65].fp) == (1, 0)
