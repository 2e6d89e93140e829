"""`kg sparql` and `kg serve` as a user runs them."""

import csv
import io
import json
import os
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query.sparql_store import oxigraph_available

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "ontology" / "queries"


def sparql(*args):
    return runner.invoke(app, ["sparql", *map(str, args)])


def test_example_query_file_as_csv(seeds_graph):
    result = sparql("-f", QUERIES / "who_met_whom.rq", "--graph", seeds_graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"party1": "جو بايدن", "party2": "مصطفى الكاظمي", "modality": "Planned", "date": "2021-07-26",
            "doc": "000_298073592aaecfde"} in rows


def test_query_argument_as_sparql_json_and_as_a_table(seeds_graph):
    query = "SELECT ?role WHERE { ?p rdfs:label 'جين ساكي'@ar ; kg:holdsRole/rdfs:label ?role }"
    result = sparql(query, "--graph", seeds_graph, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["head"]["vars"] == ["role"]
    assert doc["results"]["bindings"][0]["role"]["value"] == "المتحدثة باسم البيت الابيض"
    table = sparql(query, "--graph", seeds_graph)
    assert table.exit_code == 0 and "المتحدثة باسم البيت الابيض" in table.stdout and "1 rows" in table.stdout


def test_ask_and_construct(seeds_graph):
    assert sparql("-f", QUERIES / "did_they_meet.rq", "-g", seeds_graph).stdout.strip() == "yes"
    result = sparql("-f", QUERIES / "meeting_network.rq", "-g", seeds_graph, "--format", "turtle")
    assert result.exit_code == 0 and "kg:met" in result.stdout


@pytest.mark.skipif(not oxigraph_available(), reason="oxrdflib is not installed")
def test_both_stores_answer_alike(seeds_graph):
    answers = [sparql("-f", QUERIES / "who_requested_what.rq", "-g", seeds_graph, "--format", "csv",
                      "--store", store).stdout for store in ("memory", "oxigraph")]
    assert sorted(answers[0].splitlines()) == sorted(answers[1].splitlines())


def test_without_oxrdflib_rdflib_answers(seeds_graph, monkeypatch):
    monkeypatch.setitem(sys.modules, "oxrdflib", None)  # as if it were not installed
    result = sparql("-f", QUERIES / "did_they_meet.rq", "-g", seeds_graph)
    assert result.exit_code == 0 and result.stdout.strip() == "yes"
    result = sparql("ASK {}", "-g", seeds_graph, "--store", "oxigraph")
    assert result.exit_code == 2 and "pip install oxrdflib" in result.output


def test_malformed_query_exits_2_with_line_and_column(seeds_graph):
    result = sparql("SELECT ?x\nWHERE {\n  ?x rdfs:label ?l ]\n}", "-g", seeds_graph)
    assert result.exit_code == 2
    assert "line 3, column 20" in result.output and "?x rdfs:label ?l ]" in result.output


def test_update_is_refused(seeds_graph):
    result = sparql("CLEAR ALL", "-g", seeds_graph)
    assert result.exit_code == 2 and "read-only" in result.output


def test_unknown_graph_directory_exits_2(tmp_path):
    result = sparql("ASK {}", "-g", tmp_path / "missing")
    assert result.exit_code == 2 and "kg build" in result.output


def test_empty_graph_says_so(tmp_path):
    (tmp_path / "graph.trig").write_text("", encoding="utf-8")
    result = sparql("SELECT * WHERE { ?s ?p ?o }", "-g", tmp_path)
    assert result.exit_code == 1 and "empty" in result.output


def test_a_query_that_would_run_for_ever_is_stopped(seeds_graph):
    result = sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                    "-g", seeds_graph, "--timeout", "1")
    assert result.exit_code == 1 and "time limit" in result.output


def start_server(graph, ignore_sigint=False):
    """`kg serve` in a process of its own; with ignore_sigint it starts as a background job (`&`) does,
    with SIGINT ignored."""
    kg = [sys.executable, "-c", "from kg.cli import app; app()"]
    return subprocess.Popen([*kg, "serve", "--graph", str(graph), "--port", "0", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"},
                            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
                            if ignore_sigint else None)


def ask(server):
    line = server.stdout.readline()
    assert "http://127.0.0.1:" in line, line + server.stderr.read()
    url = next(word for word in line.split() if word.startswith("http://"))
    query = urllib.parse.urlencode({"query": "ASK { ?a kg:met ?b }"})
    with urllib.request.urlopen(f"{url}?{query}", timeout=20) as response:
        return json.loads(response.read())["boolean"]


def test_serve_prints_the_endpoint_and_answers(seeds_graph):
    server = start_server(seeds_graph)
    try:
        assert ask(server) is True
    finally:
        server.send_signal(signal.SIGTERM)  # how services are stopped
        server.wait(10)
    assert server.returncode == 0


def test_serve_started_with_sigint_ignored_still_stops_on_sigint(seeds_graph):
    server = start_server(seeds_graph, ignore_sigint=True)
    try:
        assert ask(server) is True
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode == 0
