"""The SPARQL front end on any text (hypothesis): random strings and random sequences of SPARQL tokens give
a result or a SparqlError (a syntax error with a line and column inside the text), never another
exception, on both stores."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.query.sparql import SparqlError, SparqlSyntaxError, example_queries, run
from kg.query.sparql_store import STORES, open_dataset, oxigraph_available

GRAPH = """@prefix kg: <https://w3id.org/kg-arabic-news/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:doc> { <urn:a> a kg:Person ; rdfs:label "جو بايدن"@ar ; kg:met <urn:b> .
            <urn:b> a kg:Person ; rdfs:label "مصطفى الكاظمي"@ar ; kg:mentionCount 3 . }
"""
TOKENS = st.sampled_from([
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "(", ")", "[", "]", ".", ";", ",", "*", "?s",
    "?p", "?o", "$x", "a", "kg:met", "rdfs:label", "nope:x", "<urn:a>", "<http://x/y z>", '"جو بايدن"@ar',
    "'x'", '"""long', "3", "3.5e", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH", "BIND", "AS", "VALUES",
    "GROUP BY", "ORDER BY", "LIMIT", "OFFSET", "COUNT", "DISTINCT", "REGEX", "LANG", "PREFIX", "BASE", "ex:",
    "SERVICE", "INSERT", "DATA", "DELETE", "CLEAR", "ALL", "LOAD", "#", "\n", "^^", "@ar", "=", "!", "&&",
    "||", "+", "/", "|", "^", "<", ">", "NOT", "EXISTS", "IN", "\\u0000", "\x00", "\u202b"])
EXAMPLES = [q.read_text("utf-8") for q in example_queries()] + [
    "SELECT ?s WHERE { ?s kg:met ?o }", "ASK { ?a kg:met ?b }", "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <urn:a>", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n)",
    "SELECT ?l WHERE { ?s rdfs:label ?l FILTER(regex(?l, 'جو') && lang(?l) = 'ar') }"]


@st.composite
def edited_queries(draw):
    """A working query with one random edit: a span replaced by a token, or the rest cut off."""
    text = draw(st.sampled_from(EXAMPLES))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 30)))
    return text[:start] + draw(st.one_of(TOKENS, st.just(""), st.text(max_size=3))) + text[end:]


TEXTS = st.one_of(st.text(max_size=200), st.lists(TOKENS, max_size=25).map(" ".join), edited_queries())


@pytest.fixture(scope="module", params=STORES)
def dataset(request, tmp_path_factory):
    if request.param == "oxigraph" and not oxigraph_available():
        pytest.skip("oxrdflib is not installed")
    folder: Path = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    (folder / "graph.trig").write_text(GRAPH, encoding="utf-8")
    return open_dataset(folder, request.param)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
@example("\t0")  # pyparsing counts a tab as 8 columns: the position must be the one in the text as written
@example("SELECT(COUNT(0)AS?0)WHERE{?0?1?2}GROUP BY?0(0)")  # rdflib cannot evaluate a constant group
@example("ASK { ?s ?p ?o FILTER(kg:(?s)) }")  # an undefined function (pyoxigraph: "custom function")
@example("CONSTRUCT WHERE{}")  # an empty template: rdflib fails where it should construct nothing
def test_any_text_gives_a_result_or_a_clear_error(dataset, text):
    try:
        run(dataset, text, limit=100)
    except SparqlSyntaxError as e:
        lines = text.split("\n")
        assert 1 <= e.line <= len(lines) and 1 <= e.column <= len(lines[e.line - 1]) + 1, (e, text)
        assert str(e).startswith(f"SPARQL syntax error at line {e.line}, column {e.column}: ")
        assert e.excerpt(text).endswith("^")
    except SparqlError as e:  # not "the query failed: <exception>", which stands for an unforeseen error
        assert str(e) and not str(e).startswith("the query failed"), (e, text)
