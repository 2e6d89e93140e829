"""A reception with six attendees, built with the real pipeline: in the graph (SHACL-valid), in
`kg relations --type attended`, in `kg lookup --rel met`, in the SPARQL example; and the confidence,
type and threshold options of `kg relations` and `kg eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
RECEPTION = ("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم وزير الخارجية الأردني ناصر جودة. "
             "وحضر الاستقبال وزير الخارجية سامح شكري ورئيس المخابرات خالد فوزي ووزير الدفاع صدقي صبحي "
             "ووزير المالية هاني قدري ووزير الداخلية مجدي عبد الغفار ورئيس الوزراء إبراهيم محلب.")
ATTENDEES = {"سامح شكري", "خالد فوزي", "صدقي صبحي", "هاني قدري", "مجدي عبد الغفار", "إبراهيم محلب"}


@pytest.fixture(scope="module")
def reception_graph(tmp_path_factory, pipeline) -> Path:
    from kg.builder import build

    src = tmp_path_factory.mktemp("reception-in")
    (src / "reception.txt").write_text(RECEPTION, encoding="utf-8")
    out = tmp_path_factory.mktemp("reception-out")
    report = build([src], out, pipeline)
    assert report.ok and report.documents == 1
    return out


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_one_meeting_six_attendees_in_the_graph(reception_graph):
    from kg.graph.namespace import KG
    from kg.graph.validate import validate
    from kg.query import open_graph

    ds = open_graph(reception_graph)
    meetings = list(ds.subjects(predicate=None, object=KG.Meeting))
    assert len(meetings) == 1
    assert len(set(ds.objects(meetings[0], KG.attendee))) == 6
    assert len(set(ds.subject_objects(KG.met))) == 2  # host <-> guest, both directions: not 21 pairs
    assert len(set(ds.subjects(None, KG.Attendance))) == 6
    conforms, _, report = validate(ds)
    assert conforms, report


def test_relations_attended(reception_graph):
    result = invoke("relations", "--graph", reception_graph, "--type", "attended", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["subject"] for r in rows} == ATTENDEES
    assert {r["object"] for r in rows} == {"عبد الفتاح السيسي"}
    met = invoke("relations", "--graph", reception_graph, "--type", "met", "--format", "jsonl")
    assert [(json.loads(x)["subject"], json.loads(x)["object"]) for x in met.stdout.splitlines()] == [
        ("عبد الفتاح السيسي", "ناصر جودة")]


def test_lookup_met_shows_the_meeting_and_its_attendees(reception_graph):
    host = json.loads(invoke("lookup", "السيسي", "--rel", "met", "--graph", reception_graph, "-f",
                             "json").stdout)
    assert {(r["relation"], r["as"], r["other"]) for r in host["relations"]} == {
        ("met", "party", "ناصر جودة"), *(("attended", "host", a) for a in ATTENDEES)}
    guest = json.loads(invoke("lookup", "سامح شكري", "--rel", "met", "--graph", reception_graph, "-f",
                              "json").stdout)
    assert [(r["relation"], r["as"], r["other"]) for r in guest["relations"]] == [
        ("attended", "attendee", "عبد الفتاح السيسي")]


def test_sparql_example_lists_the_attendees(reception_graph):
    query = ROOT / "ontology/queries/meetings_with_attendees.rq"
    result = invoke("sparql", "-f", query, "--graph", reception_graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()[1:]
    assert len(lines) == 6 and all("عبد الفتاح السيسي,ناصر جودة" in line for line in lines)


def test_min_confidence_filters(seeds_graph):
    every = invoke("relations", "-g", seeds_graph, "-f", "jsonl").stdout.splitlines()
    high = invoke("relations", "-g", seeds_graph, "-f", "jsonl", "--min-confidence",
                  "0.9").stdout.splitlines()
    assert 0 < len(high) < len(every)
    assert all(json.loads(x)["confidence"] >= 0.9 for x in high)
    assert invoke("relations", "-g", seeds_graph, "--min-confidence", "1.5").exit_code == 2


def test_eval_chosen_types_and_thresholds(seeds_graph):
    result = invoke("eval", "-g", seeds_graph, "--gold", ROOT / "benchmarks/gold", "--types",
                    "met,contacted,requested,attended", "--entity-types", "PER,ORG", "--thresholds",
                    "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["relations"]) == {"met", "contacted", "requested", "attended"}
    assert set(data["entities"]) == {"PER", "ORG"}
    assert data["relations"]["met"]["f1"] >= 0.9
    table = data["thresholds"]
    assert table[0]["threshold"] == 0.0 and table[0]["tp"] == data["relations_micro"]["tp"]
    assert all(a["tp"] >= b["tp"] for a, b in zip(table, table[1:]))
    text = invoke("eval", "-g", seeds_graph, "--gold", ROOT / "benchmarks/gold", "--thresholds").stdout
    assert "Relations by minimum confidence" in text
    assert invoke("eval", "-g", seeds_graph, "--types", "married").exit_code == 2


@pytest.fixture(scope="module")
def two_guests_graph(tmp_path_factory, pipeline) -> Path:
    from kg.builder import build

    src = tmp_path_factory.mktemp("two-guests-in")
    (src / "reception.txt").write_text(
        "استقبل الرئيس المصري عبد الفتاح السيسي أمس وزير الخارجية الأردني ناصر جودة والمبعوث الأممي "
        "ستيفان دي ميستورا.", encoding="utf-8")
    out = tmp_path_factory.mktemp("two-guests-out")
    assert build([src], out, pipeline).ok
    return out


def test_a_reception_of_two_guests_joins_each_with_the_host_not_each_other(two_guests_graph):
    query = ROOT / "ontology/queries/receptions.rq"
    result = invoke("sparql", "-f", query, "--graph", two_guests_graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = {tuple(line.split(",")[1:3]) for line in result.stdout.strip().splitlines()[1:]}
    assert rows == {("عبد الفتاح السيسي", "ناصر جودة"), ("عبد الفتاح السيسي", "ستيفان دي ميستورا")}
    ask = invoke("sparql", "ASK { ?a kg:met ?b . ?a rdfs:label 'ناصر جودة'@ar . "
                 "?b rdfs:label 'ستيفان دي ميستورا'@ar }", "--graph", two_guests_graph)
    assert ask.exit_code == 0 and ask.stdout.strip() == "no", ask.output
    met = json.loads(invoke("lookup", "ناصر جودة", "--rel", "met", "--graph", two_guests_graph, "-f",
                            "json").stdout)
    assert [r["other"] for r in met["relations"]] == ["عبد الفتاح السيسي"]
