"""GEXF 1.3 export: valid against the GEXF 1.3 RelaxNG schema, readable by networkx, with a timeline."""

from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.analyze import project
from kg.export import export, to_gexf
from kg.query import open_graph

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "gexf" / "gexf.rng"
NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}


@pytest.fixture(scope="module")
def schema():
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="module")
def G(seeds_graph):
    return project(open_graph(seeds_graph))


@pytest.fixture(scope="module")
def written(seeds_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("gexf") / "graph.gexf"
    report = export(open_graph(seeds_graph), "gexf", path)
    return path, report


def test_the_export_is_valid_gexf_1_3(written, schema):
    path, report = written
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    root = doc.getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    assert report["nodes"] == len(root.findall(".//g:node", NS))


def test_the_schema_rejects_what_gephi_would_choke_on(schema, G):
    doc = etree.fromstring(to_gexf(G))
    assert schema.validate(doc)
    doc.find(".//viz:color", NS).set("r", "300")  # colour channels are 0..255
    assert not schema.validate(doc)


def test_nodes_have_type_labels_colour_size_and_time(written):
    doc = etree.parse(str(written[0]))
    kadhimi = next(n for n in doc.iterfind(".//g:node", NS) if n.get("label") == "مصطفى الكاظمي")
    values = {a.get("for"): a.get("value") for a in kadhimi.iterfind(".//g:attvalue", NS)}
    assert values["type"] == "PER" and values["latin"] == "Mustafa al-Kadhimi"
    assert int(values["mentions"]) >= 10
    assert kadhimi.get("start") == "2021-05-20" and kadhimi.get("end") == "2021-07-26"
    sizes = [float(n.find("viz:size", NS).get("value")) for n in doc.iterfind(".//g:node", NS)]
    assert float(kadhimi.find("viz:size", NS).get("value")) == max(sizes)
    colors = {(n.find(".//g:attvalue[@for='type']", NS).get("value"),
               tuple(n.find("viz:color", NS).get(c) for c in "rgb")) for n in doc.iterfind(".//g:node", NS)}
    assert len({c for _, c in colors}) == len({t for t, _ in colors})  # one colour per type


def test_edges_have_relation_weight_and_time(written):
    doc = etree.parse(str(written[0]))
    graph = doc.find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edges = doc.findall(".//g:edge", NS)
    assert {e.get("kind") for e in edges} >= {"met", "requested", "role"}
    met = [e for e in edges if e.get("kind") == "met"]
    assert all(e.get("type") == "mutual" for e in met)
    assert any(float(e.get("weight")) > 1 for e in edges)
    assert any(e.get("start") for e in edges)


def test_cumulative_leaves_the_end_open(G):
    doc = etree.fromstring(to_gexf(G, cumulative=True))
    assert doc.findall(".//g:node[@start]", NS) and not doc.findall(".//g:node[@end]", NS)


def test_networkx_reads_the_gexf_back(written, G):
    # networkx 3.6 reads GEXF 1.3 (version="1.3"); it turns a mutual edge into one edge each way
    back = nx.read_gexf(written[0], version="1.3")
    assert set(back.nodes) == set(G.nodes)
    mutual = sum(1 for _, _, d in G.edges(data=True) if d["mutual"])
    assert back.number_of_edges() == G.number_of_edges() + mutual
    kadhimi = next(n for n, d in G.nodes(data=True) if d["label"] == "مصطفى الكاظمي")
    assert back.nodes[kadhimi]["latin"] == "Mustafa al-Kadhimi" and back.nodes[kadhimi]["type"] == "PER"


def test_the_same_graph_gives_the_same_file_in_every_process(seeds_graph, tmp_path):
    # Python randomizes set order per process; the export must not depend on it
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.gexf"
        command = [sys.executable, "-c", "from kg.cli import app; app()", "export", "--graph",
                   str(seeds_graph), "--format", "gexf", "-o", str(out)]
        subprocess.run(command, check=True, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
