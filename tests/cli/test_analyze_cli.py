"""`kg stats`, `kg path`, `kg neighbors`, `kg export` as a user runs them on the seeds graph."""

import json

from lxml import etree
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def said(text):
    """Messages as one line (rich wraps them at the terminal width)."""
    return " ".join(text.split())


def test_stats_json_counts_and_ranks(seeds_graph):
    result = run("stats", "--graph", seeds_graph, "--top", 3, "--format", "json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["counts"]["documents"] == 5 and stats["counts"]["entities_by_type"]["PER"] >= 10
    assert stats["counts"]["relations_by_type"]["met"] >= 5
    for measure in ("degree", "betweenness", "pagerank"):
        assert stats["top"][measure][0]["label"] == "مصطفى الكاظمي" and len(stats["top"][measure]) == 3
    assert stats["components"]["count"] >= 1 and stats["communities"]


def test_stats_table(seeds_graph):
    result = run("stats", "--graph", seeds_graph)
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.stdout and "communities" in result.stdout and "pagerank" in result.stdout


def test_path_between_kadhimi_and_biden(seeds_graph):
    result = run("path", "الكاظمي", "Biden", "--graph", seeds_graph, "--format", "json")
    assert result.exit_code == 0, result.output
    [hop] = json.loads(result.stdout)["hops"]
    assert {hop["source_label"], hop["target_label"]} == {"مصطفى الكاظمي", "جو بايدن"}
    assert hop["relations"][0]["type"] == "met" and hop["relations"][0]["doc"]


def test_path_across_documents_prints_each_hop_with_evidence(seeds_graph):
    result = run("path", "Lloyd Austin", "مكينزي", "--graph", seeds_graph, "--format", "json")
    assert result.exit_code == 0, result.output
    hops = json.loads(result.stdout)["hops"]
    assert len(hops) >= 2 and len({r["doc"] for h in hops for r in h["relations"]}) >= 2
    table = run("path", "Lloyd Austin", "مكينزي", "--graph", seeds_graph)
    assert table.exit_code == 0 and "met" in table.stdout and "لويد اوستن" in table.stdout


def test_unknown_name_exits_1_with_suggestions(seeds_graph):
    result = run("path", "بايدين", "الكاظمي", "--graph", seeds_graph)
    assert result.exit_code == 1
    assert "no entity named 'بايدين'" in said(result.stderr) and "جو بايدن" in said(result.stderr)


def test_no_chain_exits_1(seeds_graph):
    result = run("path", "أفغانستان", "الكاظمي", "--graph", seeds_graph)
    assert result.exit_code == 1 and "not connected" in said(result.stderr)


def test_neighbors_by_latin_name(seeds_graph):
    result = run("neighbors", "Kadhimi", "--depth", 2, "--graph", seeds_graph, "--format", "json")
    assert result.exit_code == 0, result.output
    found = {r["label"]: r for r in json.loads(result.stdout)["neighbors"]}
    assert found["جو بايدن"]["distance"] == 1 and found["جو بايدن"]["relations"] == ["met"]
    assert any(r["distance"] == 2 for r in found.values())


def test_export_gexf_and_bad_input(seeds_graph, tmp_path):
    out = tmp_path / "graph.gexf"
    result = run("export", "--graph", seeds_graph, "--format", "gexf", "-o", out)
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout and etree.parse(str(out)).getroot().get("version") == "1.3"
    assert run("export", "--graph", seeds_graph, "--format", "pdf", "-o", out).exit_code == 2
    assert run("export", "--graph", seeds_graph, "--format", "ttl", "-o", tmp_path).exit_code == 2
    assert run("stats", "--graph", tmp_path / "nothing").exit_code == 2


def test_rel_restricts_the_network(seeds_graph):
    stats = json.loads(run("stats", "--graph", seeds_graph, "--rel", "met", "--format", "json").stdout)
    assert set(stats["counts"]["relations_by_type"]) == {"met"}
    result = run("path", "Kadhimi", "Biden", "--rel", "met", "--graph", seeds_graph, "-f", "json")
    hops = json.loads(result.stdout)
    assert [r["type"] for r in hops["hops"][0]["relations"]] == ["met"]
    assert run("neighbors", "Kadhimi", "--rel", "married", "--graph", seeds_graph).exit_code == 2


def test_an_empty_graph_says_so(tmp_path):
    (tmp_path / "graph.trig").write_text("")
    result = run("stats", "--graph", tmp_path)
    assert result.exit_code == 1 and "no entities" in said(result.stderr)
    assert run("export", "--graph", tmp_path, "--format", "gexf", "-o", tmp_path / "g.gexf").exit_code == 0
