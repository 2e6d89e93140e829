"""The `kg` command as a user runs it."""

import json
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.nlp.bundle import BUNDLE

runner = CliRunner()


def test_models_path_prints_the_bundle_last():
    result = runner.invoke(app, ["models", "path"])
    assert result.exit_code == 0
    assert Path(result.output.strip().splitlines()[-1]) == BUNDLE


def test_models_path_with_a_wrong_dir_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["models", "path", "--models", str(tmp_path)])
    assert result.exit_code == 1
    assert "no resources.json" in result.output


def test_models_info_reports_sizes_and_scores():
    result = runner.invoke(app, ["models", "info", "--json"])
    assert result.exit_code == 0
    info = json.loads(result.output)
    assert set(info["processors"]) >= {"tokenize", "mwt", "pos", "lemma", "depparse", "ner", "pretrain"}
    assert info["total_bytes"] < 80 * 1024 * 1024
    assert "ner_anercorp_test" in info["card"]["scores"]
    table = runner.invoke(app, ["models", "info"])
    assert "depparse" in table.output and "LAS" in table.output


def test_models_train_refuses_bad_steps_and_charlm_taggers_before_training(tmp_path):
    bad_step = runner.invoke(app, ["models", "train", "--data", str(tmp_path), "--steps", "ner,tagging"])
    assert bad_step.exit_code == 2 and "unknown step tagging; choose from vectors," in bad_step.output
    bad_charlm = runner.invoke(app, ["models", "train", "--data", str(tmp_path), "--charlm", "ner,lemma"])
    assert bad_charlm.exit_code == 2
    assert "unknown --charlm tagger lemma; choose from pos, ner" in bad_charlm.output


def test_parse_shows_entities():
    result = runner.invoke(app, ["parse", "استقبل رئيس الوزراء مصطفى الكاظمي وزير الدفاع في بغداد."])
    assert result.exit_code == 0
    assert "الكاظمي" in result.output


def test_parse_conllu_and_empty_input():
    result = runner.invoke(app, ["parse", "--format", "conllu", "التقى الوزير بالسفير."])
    assert result.exit_code == 0
    rows = [r.split("\t") for r in result.output.splitlines() if r and not r.startswith("#")]
    assert all(len(r) == 10 for r in rows)
    empty = runner.invoke(app, ["parse", "   "])
    assert empty.exit_code == 2 and "empty text" in empty.output


def test_build_reports_and_fails_on_missing_path(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no such file" in result.output
