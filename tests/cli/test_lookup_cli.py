"""`kg lookup` finds an entity by any of its names and lists its relations with their evidence."""

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def lookup(graph, *args):
    return runner.invoke(app, ["lookup", *map(str, args), "--graph", str(graph)])


@pytest.mark.parametrize("name", ["الكاظمي", "Kadhimi", "والكاظمي", "Kazemi", "مصطفى الكاظمي"])
def test_the_meeting_with_biden_whatever_the_spelling(seeds_graph, name):
    result = lookup(seeds_graph, name, "--rel", "met", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entity"] == "مصطفى الكاظمي"
    biden = [r for r in data["relations"] if r["other"] == "جو بايدن"]
    assert biden and all(r["relation"] == "met" and r["doc"] and r["sentence"] for r in biden)
    assert {r["modality"] for r in biden} >= {"planned", "occurred"}
    assert any(r["date"] == "2021-07-26" for r in biden)


def test_table_lists_the_other_party(seeds_graph):
    result = lookup(seeds_graph, "الكاظمي", "--rel", "met")
    assert result.exit_code == 0, result.output
    assert "7 relations (met)" in result.stdout or "relations (met)" in result.stdout
    assert "بايدن" in result.stdout and "planned" in result.stdout  # cells fold on a narrow terminal


def test_requests_as_requester_and_as_addressee(seeds_graph):
    washington = json.loads(lookup(seeds_graph, "واشنطن", "--rel", "requested", "-f", "json").stdout)
    asked = {(r["as"], r["other"]) for r in washington["relations"]}
    assert ("addressee", "بغداد") in asked
    baghdad = json.loads(lookup(seeds_graph, "Baghdad", "-r", "requested", "-f", "json").stdout)
    request = next(r for r in baghdad["relations"] if r["other"] == "واشنطن")
    assert request["as"] == "requester" and "الدعم اللوجستي" in request["theme"]


def test_roles(seeds_graph):
    data = json.loads(lookup(seeds_graph, "Psaki", "--rel", "role", "-f", "json").stdout)
    assert any(r["theme"] == "المتحدثة باسم البيت الابيض" and r["other"] == "البيت الأبيض"
               for r in data["relations"])


def test_unknown_name_exits_1_with_the_nearest_names(seeds_graph):
    result = lookup(seeds_graph, "بايدين")
    assert result.exit_code == 1 and "جو بايدن" in " ".join(result.stderr.split())
    assert lookup(seeds_graph, "Obama").exit_code == 1


def test_bad_options_exit_2(seeds_graph, tmp_path):
    assert lookup(seeds_graph, "الكاظمي", "--rel", "married").exit_code == 2
    assert lookup(seeds_graph, "الكاظمي", "--format", "xml").exit_code == 2
    assert lookup(tmp_path / "none", "الكاظمي").exit_code == 2
