"""The commands that read the graph give the same output from the query store (DIR/store, the default)
as from graph.trig parsed by rdflib (KG_STORE=memory, what they read before the store existed)."""

import shutil

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import oxstore

runner = CliRunner()

COMMANDS = [["lookup", "الكاظمي", "--format", "json"], ["relations", "--format", "jsonl"],
            ["entities", "--format", "jsonl"], ["stats", "--format", "json"],
            ["eval", "--format", "json"], ["neighbors", "الكاظمي"]]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_the_store_and_graph_trig_give_the_same_output(seeds_graph, command, monkeypatch):
    from_store = runner.invoke(app, [*command, "--graph", str(seeds_graph)])
    monkeypatch.setenv("KG_STORE", "memory")
    from_trig = runner.invoke(app, [*command, "--graph", str(seeds_graph)])
    assert from_store.exit_code == from_trig.exit_code == 0, from_store.output
    assert from_store.stdout == from_trig.stdout and from_store.stdout.strip()


def test_a_missing_store_is_rebuilt_with_a_note(seeds_graph, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    shutil.rmtree(out / oxstore.STORE_DIR)
    result = runner.invoke(app, ["sparql", "ASK { ?a kg:met ?b }", "--graph", str(out)])
    assert result.exit_code == 0 and result.stdout.strip() == "yes"
    assert "rebuilding it" in result.stderr
    assert oxstore.is_fresh(out)
