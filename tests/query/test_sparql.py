"""kg.query.sparql on the seeds graph: the example queries' answers on both stores, errors that point into
the user's text, updates refused, the row and time limits, and the result formats."""

import csv
import io
import json
import time
import xml.etree.ElementTree as ET

import pytest

from kg.query.sparql import (
    PREFIXES,
    QueryTimeout,
    SparqlError,
    SparqlSyntaxError,
    UpdateRefused,
    example_queries,
    query_kind,
    run,
)
from kg.query.sparql_format import serialize
from kg.query.sparql_store import STORES, is_empty, open_dataset, oxigraph_available

QUERIES = {path.stem: path.read_text(encoding="utf-8") for path in example_queries()}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module", params=STORES)
def ds(request, seeds_graph):
    if request.param == "oxigraph" and not oxigraph_available():
        pytest.skip("oxrdflib is not installed")
    return open_dataset(seeds_graph, request.param)


def answer(ds, text):
    return run(ds, text, timeout_s=30).records()


def values(rows, key):
    return [str(r[key]) if r[key] is not None else None for r in rows]


def test_every_example_query_says_what_it_asks_and_runs(ds):
    assert len(QUERIES) >= 6
    for name, text in QUERIES.items():
        assert text.startswith("# "), f"{name}.rq needs a comment header saying what it asks"
        result = run(ds, text, timeout_s=30)
        assert result.kind == query_kind(text)


def test_who_met_whom_has_biden_and_kadhimi_planned_and_occurred(ds):
    rows = answer(ds, QUERIES["who_met_whom"])
    pairs = {(r["party1"], r["party2"], r["modality"]) for r in rows}
    assert ("جو بايدن", "مصطفى الكاظمي", "Planned") in pairs
    assert ("جو بايدن", "مصطفى الكاظمي", "Occurred") in pairs
    planned = [r for r in rows if r["party1"] == "جو بايدن" and r["doc"] == "000_298073592aaecfde"]
    assert planned and str(planned[0]["date"]) == "2021-07-26"


def test_who_requested_what_has_baghdad_asking_washington(ds):
    rows = answer(ds, QUERIES["who_requested_what"])
    baghdad = [r for r in rows if r["requester"] == "بغداد" and r["addressee"] == "واشنطن"]
    assert baghdad and baghdad[0]["theme"].startswith("استمرار الدعم اللوجستي")
    assert baghdad[0]["doc"] == "000_298073592aaecfde"


def test_roles_of_jen_psaki_and_of_kadhimi_by_his_short_name(ds):
    rows = answer(ds, QUERIES["roles_of_a_person"])
    assert ("جين ساكي", "المتحدثة باسم البيت الابيض", "البيت الأبيض") in {
        (r["person"], r["role"], r["organization"]) for r in rows}
    kadhimi = answer(ds, QUERIES["roles_of_a_person"].replace('"جين ساكي"@ar', '"الكاظمي"@ar'))
    assert {"مصطفى الكاظمي"} == set(values(kadhimi, "person"))
    assert {"رئيس الوزراء", "رئيس الوزراء العراقي"} <= set(values(kadhimi, "role"))


def test_meetings_in_date_range(ds):
    rows = answer(ds, QUERIES["meetings_in_date_range"])
    assert [(str(r["date"]), r["party1"], r["party2"], r["modality"]) for r in rows] == [
        ("2021-05-20", "كينيث مكينزي", "مصطفى الكاظمي", "Occurred"),
        ("2021-07-26", "جو بايدن", "مصطفى الكاظمي", "Planned")]


def test_most_mentioned_entities_start_with_iraq(ds):
    rows = answer(ds, QUERIES["most_mentioned_entities"])
    assert rows[0]["entity"] == "العراق" and rows[0]["latin"] == "Iraq" and rows[0]["mentions"] == 38
    counts = [r["mentions"] for r in rows]
    assert counts == sorted(counts, reverse=True) and len(rows) == 20
    assert "مصطفى الكاظمي" in values(rows, "entity")


def test_said_about_a_person_gives_sentences_with_their_documents(ds):
    rows = answer(ds, QUERIES["said_about_a_person"])
    first = next(r for r in rows if r["sentence"].startswith("وقالت جين ساكي المتحدثة باسم البيت"))
    assert first["doc"] == "000_298073592aaecfde" and first["title"].startswith("جين ساكي")
    assert {"Statement", "RoleAssignment"} <= set(first["facts"].split(", "))
    # a statement reported without her name ("وبينت، ...") is found through the fact, not a mention
    assert any(r["sentence"].startswith("وبينت") and "Statement" in r["facts"] for r in rows)


def test_ask_and_construct_examples(ds):
    assert run(ds, QUERIES["did_they_meet"]).boolean is True
    network = run(ds, QUERIES["meeting_network"])
    assert network.kind == "CONSTRUCT" and len(network.graph) == len(network.triples) > 0
    turtle = serialize(network, "turtle").decode("utf-8")
    assert "kg:met" in turtle and '"جو بايدن"@ar' in turtle


def test_syntax_error_points_at_the_line_and_column_of_the_users_text(ds):
    text = "SELECT ?x\nWHERE {\n  ?x rdfs:label ?l ]\n}"
    with pytest.raises(SparqlSyntaxError) as caught:
        run(ds, text, timeout_s=30)
    assert (caught.value.line, caught.value.column) == (3, 20)
    assert "line 3, column 20" in str(caught.value)
    assert caught.value.excerpt(text).splitlines()[1].endswith("^")


def test_unknown_prefix_is_named_with_its_position(ds):
    with pytest.raises(SparqlSyntaxError) as caught:
        run(ds, "SELECT * WHERE {\n  ?s ex:name ?o }")
    assert (caught.value.line, caught.value.column) == (2, 6) and "ex:" in str(caught.value)


def test_an_undefined_function_is_named(ds):
    """kg:foo(?s) calls no function: the stores that evaluate it say which, not "the query failed"."""
    try:
        run(ds, "SELECT ?s WHERE { ?s ?p ?o FILTER(kg:foo(?s)) } LIMIT 1")
    except SparqlError as e:
        assert "ontology#foo> is not defined" in str(e) and not str(e).startswith("the query failed")


def test_an_empty_construct_constructs_nothing(ds):
    assert run(ds, "CONSTRUCT WHERE { } LIMIT 3").triples == []


def test_declared_prefixes_need_no_prefix_lines(ds):
    assert {"kg", "rdf", "rdfs", "xsd", "owl", "dcterms", "schema", "foaf", "prov", "skos"} <= set(PREFIXES)
    assert run(ds, "ASK { ?d a kg:Document ; dcterms:identifier ?id }").boolean is True


@pytest.mark.parametrize("update", [
    'INSERT DATA { <urn:a> <urn:b> "c" }',
    "PREFIX ex: <urn:x:>\nDELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL", "LOAD <http://example.org/data.ttl>", "DROP GRAPH <urn:g>",
])
def test_updates_are_refused_and_change_nothing(ds, update):
    before = run(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    with pytest.raises(UpdateRefused, match="read-only"):
        run(ds, update, timeout_s=30)
    assert run(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == before


def test_from_names_a_graph_of_the_dataset(ds):
    entities = "<https://w3id.org/kg-arabic-news/resource/graph/entities>"
    whole = run(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].toPython()
    part = run(ds, f"SELECT (COUNT(*) AS ?n) FROM {entities} WHERE {{ ?s ?p ?o }}").rows[0][0].toPython()
    assert 0 < part < whole
    assert run(ds, f"ASK FROM {entities} {{ ?e a kg:Person }}").boolean is True
    assert run(ds, f"ASK FROM {entities} {{ ?d a kg:Document }}").boolean is False


def test_service_is_refused_so_nothing_is_fetched(ds):
    with pytest.raises(SparqlError, match="SERVICE"):
        run(ds, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")


def test_limit_truncates_and_says_so(ds):
    result = run(ds, "SELECT ?e WHERE { ?e a kg:Person }", limit=3)
    assert len(result.rows) == 3 and result.truncated
    whole = run(ds, "SELECT ?e WHERE { ?e a kg:Person }", limit=1000)
    assert not whole.truncated and len(whole.rows) > 3


def test_a_runaway_query_is_stopped_at_the_time_limit(ds):
    start = time.monotonic()
    with pytest.raises(QueryTimeout, match="1 s time limit"):
        run(ds, RUNAWAY, timeout_s=1)
    assert time.monotonic() - start < 5
    assert run(ds, "ASK { ?s ?p ?o }", timeout_s=5).boolean is True  # still usable


def test_result_formats(ds):
    result = run(ds, "SELECT ?l ?n WHERE { ?e kg:mentionCount ?n ; rdfs:label ?l . FILTER(lang(?l) = 'ar') } "
                     "ORDER BY DESC(?n) LIMIT 2")
    doc = json.loads(serialize(result, "json"))
    assert doc["head"]["vars"] == ["l", "n"]
    assert doc["results"]["bindings"][0]["l"] == {"type": "literal", "value": "العراق", "xml:lang": "ar"}
    assert list(csv.reader(io.StringIO(serialize(result, "csv").decode()))) == [
        ["l", "n"], ["العراق", "38"], ["داعش", "16"]]
    tsv = serialize(result, "tsv").decode().splitlines()
    assert tsv[0] == "?l\t?n" and tsv[1].startswith('"العراق"@ar\t"38"^^<')
    root = ET.fromstring(serialize(result, "xml"))
    assert root.tag == "{http://www.w3.org/2005/sparql-results#}sparql"
    ask = run(ds, "ASK { ?s kg:met ?o }")
    assert json.loads(serialize(ask, "json")) == {"head": {}, "boolean": True}


def test_empty_query_and_empty_graph(tmp_path):
    (tmp_path / "graph.trig").write_text("", encoding="utf-8")
    empty = open_dataset(tmp_path)
    assert is_empty(empty)
    with pytest.raises(SparqlError, match="empty"):
        run(empty, "  \n")
