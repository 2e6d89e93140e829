"""`kg build`, `kg relations`, `kg entities`, `kg eval` as a user runs them."""

import csv
import io
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def test_build_prints_a_summary_and_the_graph_path(tmp_path, seeds_graph, pipeline):
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "0 parsed, 5 unchanged, 0 skipped" in result.output
    assert "graph.trig" in result.output and "documents" in result.output and "stanza" in result.output


def test_build_exit_status_says_something_was_skipped(tmp_path, seeds_graph, pipeline):
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "skipped" in result.output


def test_relations_jsonl_has_the_documented_keys(seeds_graph):
    result = runner.invoke(app, ["relations", "--graph", str(seeds_graph), "--type", "met",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {r["type"] for r in rows} == {"met"}
    keys = ["type", "subject", "object", "theme", "negated", "modality", "date", "doc", "sentence",
            "confidence"]
    assert list(rows[0])[:10] == keys
    assert any({r["subject"], r["object"]} == {"جو بايدن", "مصطفى الكاظمي"} for r in rows)


def test_requested_records_name_requester_addressee_and_theme(seeds_graph):
    result = runner.invoke(app, ["relations", "-g", str(seeds_graph), "-t", "requested", "-f", "jsonl"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert any(r["subject"] == "بغداد" and r["object"] == "واشنطن" and "الدعم" in r["theme"] for r in rows)


def test_relations_csv_and_table(seeds_graph):
    result = runner.invoke(app, ["relations", "-g", str(seeds_graph), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and {"said", "role"} <= {r["type"] for r in rows}
    table = runner.invoke(app, ["relations", "-g", str(seeds_graph), "-t", "role"])
    assert table.exit_code == 0 and "relations in" in table.output


def test_entities_jsonl(seeds_graph):
    result = runner.invoke(app, ["entities", "-g", str(seeds_graph), "-t", "PER", "-f", "jsonl"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    kadhimi = next(r for r in rows if r["label"] == "مصطفى الكاظمي")
    assert kadhimi["type"] == "PER" and "الكاظمي" in kadhimi["aliases"] and kadhimi["mentions"] >= 5
    assert len(kadhimi["docs"]) >= 3 and kadhimi["latin"]


def test_eval_reports_persons_and_relations(seeds_graph):
    result = runner.invoke(app, ["eval", "-g", str(seeds_graph), "--gold", str(ROOT / "benchmarks/gold"),
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["persons"]["f1"] >= 0.9
    assert scores["relations"]["met"]["f1"] >= 0.8 and scores["relations"]["requested"]["f1"] >= 0.8
    table = runner.invoke(app, ["eval", "-g", str(seeds_graph), "--gold", str(ROOT / "benchmarks/gold")])
    assert "requested" in table.output and "PER" in table.output


def test_unknown_graph_type_and_format_are_clear_errors(tmp_path, seeds_graph):
    missing = runner.invoke(app, ["relations", "--graph", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "kg build" in missing.output
    empty = runner.invoke(app, ["entities", "--graph", str(tmp_path)])
    assert empty.exit_code == 2 and "graph.trig" in empty.output
    bad_type = runner.invoke(app, ["relations", "-g", str(seeds_graph), "-t", "hugged"])
    assert bad_type.exit_code == 2 and "hugged" in bad_type.output
    bad_format = runner.invoke(app, ["entities", "-g", str(seeds_graph), "-f", "xml"])
    assert bad_format.exit_code == 2
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "graph.trig").write_text("this is not trig {", encoding="utf-8")
    broken = runner.invoke(app, ["relations", "-g", str(corrupt)])
    assert broken.exit_code == 2 and "cannot read" in " ".join(broken.output.split())  # wrapped by width
