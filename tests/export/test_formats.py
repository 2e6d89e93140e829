"""GraphML, node-link JSON, Turtle, N-Triples and JSON-LD exports, read back by real readers."""

import json

import networkx as nx
import pytest
import rdflib

from kg.export import FORMATS, export
from kg.query import open_graph


@pytest.fixture(scope="module")
def ds(seeds_graph):
    return open_graph(seeds_graph)


def test_graphml_round_trip(ds, tmp_path):
    report = export(ds, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == report["nodes"] and back.number_of_edges() == report["edges"]
    labels = {d["label"] for _, d in back.nodes(data=True)}
    assert "مصطفى الكاظمي" in labels


def test_json_keeps_the_evidence(ds, tmp_path):
    export(ds, "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    met = [d for _, _, d in back.edges(data=True) if d["type"] == "met"]
    assert met and all(d["evidence"][0]["sentence"] for d in met)


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt")])
def test_turtle_and_ntriples_hold_every_triple(ds, tmp_path, fmt, parser):
    report = export(ds, fmt, tmp_path / f"g.{fmt}")
    back = rdflib.Graph().parse(tmp_path / f"g.{fmt}", format=parser)
    assert len(back) == report["triples"] == len(ds)


def test_jsonld_keeps_the_named_graphs(ds, tmp_path):
    export(ds, "jsonld", tmp_path / "g.jsonld")
    back = rdflib.Dataset().parse(tmp_path / "g.jsonld", format="json-ld")
    names = {str(g.identifier) for g in back.graphs()}
    assert any(n.endswith("/graph/entities") for n in names)
    assert len({(s, p, o) for s, p, o, _ in back.quads()}) == len(ds)


def test_writes_are_atomic_and_unknown_formats_say_what_to_use(ds, tmp_path):
    target = tmp_path / "g.gexf"
    target.write_text("old")
    export(ds, "gexf", target)
    assert target.read_bytes().startswith(b"<?xml") and [p.name for p in tmp_path.iterdir()] == ["g.gexf"]
    with pytest.raises(ValueError, match="choose one of"):
        export(ds, "pdf", tmp_path / "g.pdf")
    assert set(FORMATS) == {"gexf", "graphml", "json", "ttl", "nt", "jsonld"}
