"""The SPARQL endpoint as a client sees it: a real server on 127.0.0.1 and SPARQLWrapper (plus raw urllib
for what a library hides: headers, preflight, bad requests)."""

import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.query.server import make_server
from kg.query.sparql_store import open_dataset

PEOPLE = ("SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name . FILTER(lang(?name) = 'ar') } "
          "ORDER BY ?name")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
LIMIT = 5


@pytest.fixture(scope="module")
def endpoint(seeds_graph):
    server = make_server(open_dataset(seeds_graph), "127.0.0.1", 0, timeout_s=2, limit=LIMIT, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()


def client(url, query, fmt=JSON):
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def fetch(url, data=None, headers=None, method=None):
    """(status, headers, body) of a raw request, HTTP errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_select_as_json_xml_csv_tsv(endpoint):
    result = client(endpoint, PEOPLE).query()
    assert result.info()["content-type"].startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in result.convert()["results"]["bindings"]]
    assert len(names) == LIMIT and names == sorted(names)
    xml = client(endpoint, PEOPLE, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == LIMIT
    csv_text = client(endpoint, PEOPLE, CSV).query().convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "name" and csv_text.splitlines()[1] == names[0]
    tsv_text = client(endpoint, PEOPLE, TSV).query().convert().decode("utf-8")
    assert tsv_text.splitlines()[0] == "?name" and tsv_text.splitlines()[1] == f'"{names[0]}"@ar'


def test_ask(endpoint):
    assert client(endpoint, "ASK { ?a kg:met ?b }").query().convert()["boolean"] is True
    assert client(endpoint, "ASK { ?a kg:met ?a }").query().convert()["boolean"] is False


def test_construct_as_turtle(endpoint):
    query = "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }"
    result = client(endpoint, query, TURTLE).query()
    assert result.info()["content-type"].startswith("text/turtle")
    assert b"kg:met" in result.convert()


def test_post_form_and_post_direct(endpoint):
    for method in ("urlencoded", POSTDIRECTLY):
        sparql = client(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }")
        sparql.setMethod(POST)
        sparql.setRequestMethod(method)
        assert sparql.query().convert()["results"]["bindings"][0]["n"]["value"] == "5"


def test_rows_past_the_limit_are_cut_and_a_header_says_so(endpoint):
    info = client(endpoint, PEOPLE).query().info()
    assert info["kg-result-truncated"] == "true" and info["kg-result-limit"] == str(LIMIT)
    info = client(endpoint, "SELECT ?d WHERE { ?d a kg:Document } LIMIT 2").query().info()
    assert "kg-result-truncated" not in info


def test_update_is_refused(endpoint):
    sparql = SPARQLWrapper(endpoint)
    sparql.setMethod(POST)
    sparql.setQuery('INSERT DATA { <urn:a> <urn:b> "c" }')
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 403 and b"read-only" in caught.value.read()
    status, _, body = fetch(endpoint, b"DELETE WHERE { ?s ?p ?o }",
                            {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    assert client(endpoint, "ASK { ?d a kg:Document }").query().convert()["boolean"] is True


def test_malformed_query_is_a_400_with_line_and_column(endpoint):
    with pytest.raises(QueryBadFormed) as caught:
        client(endpoint, "SELECT ?x\nWHERE {\n  ?x rdfs:label ?l ]\n}").query()
    assert "line 3, column 20" in str(caught.value)


def test_runaway_query_times_out_without_blocking_others(endpoint):
    outcome = {}

    def runaway():
        outcome["status"] = fetch(f"{endpoint}?{urllib.parse.urlencode({'query': RUNAWAY})}")[0]

    slow = threading.Thread(target=runaway)
    started = time.monotonic()
    slow.start()
    time.sleep(0.3)
    assert client(endpoint, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True
    assert time.monotonic() - started < 1.9  # answered while the runaway query still ran
    slow.join(10)
    assert outcome["status"] == 503 and time.monotonic() - started < 6


def test_cors_headers_and_preflight(endpoint):
    status, headers, _ = fetch(f"{endpoint}?query=ASK%7B%7D", headers={"Origin": "http://example.org"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = fetch(endpoint, method="OPTIONS", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]


def test_content_negotiation_by_accept_and_format(endpoint):
    query = urllib.parse.urlencode({"query": "SELECT ?d WHERE { ?d a kg:Document } LIMIT 1"})
    status, headers, _ = fetch(f"{endpoint}?{query}", headers={"Accept": "text/csv;q=0.5, text/tab-separated-"
                                                                         "values"})
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    status, headers, _ = fetch(f"{endpoint}?{query}&format=xml")
    assert headers["Content-Type"].startswith("application/sparql-results+xml")
    status, _, body = fetch(f"{endpoint}?{query}", headers={"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body
    graph = urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?d a kg:Document }"})
    for accept, media in (("application/n-triples", "application/n-triples"),
                          ("application/ld+json", "application/ld+json"), ("*/*", "text/turtle")):
        status, headers, _ = fetch(f"{endpoint}?{graph}", headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(media)


@pytest.mark.parametrize("path, data, headers, status", [
    ("/nowhere", None, {}, 404),
    ("/sparql?query=%FF%FE", None, {}, 400),
    ("/sparql?query=a&query=b", None, {}, 400),
    ("/sparql?query=ASK%7B%7D&default-graph-uri=urn:x", None, {}, 400),
    ("/sparql", b"\xff\xfe", {"Content-Type": "application/sparql-query"}, 400),
    ("/sparql", b"query=%FF", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("/sparql", b"<x/>", {"Content-Type": "application/xml"}, 415),
    ("/sparql", b"", {"Content-Type": "application/sparql-query"}, 400),
    ("/sparql?update=CLEAR%20ALL", None, {}, 403),
    ("/sparql?query=SELECT%20*%20%7B%20SERVICE%20%3Chttp://127.0.0.1:1/%3E%20%7B%3Fs%20%3Fp%20%3Fo%7D%7D",
     None, {}, 400),
])
def test_bad_requests_get_a_4xx_and_the_server_keeps_serving(endpoint, path, data, headers, status):
    base = endpoint.rsplit("/", 1)[0]
    assert fetch(base + path, data, headers)[0] == status
    assert client(endpoint, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True


def test_get_without_a_query_describes_the_endpoint(endpoint):
    status, headers, body = fetch(endpoint)
    assert status == 200 and b"SPARQL 1.1 endpoint" in body and b"read-only" in body


def test_rdflib_memory_store_endpoint(seeds_graph):
    server = make_server(open_dataset(seeds_graph, "memory"), "127.0.0.1", 0, timeout_s=1, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        names = client(server.url, PEOPLE).query().convert()["results"]["bindings"]
        assert "جو بايدن" in [b["name"]["value"] for b in names]
        with pytest.raises(QueryBadFormed):
            client(server.url, "SELECT * WHERE { ?s ?p }").query()
        assert fetch(f"{server.url}?{urllib.parse.urlencode({'query': RUNAWAY})}")[0] == 503
    finally:
        server.shutdown()
        server.server_close()


def test_a_query_over_the_length_limit_is_refused_with_413_or_414(endpoint):
    from kg.query.server import MAX_BODY, MAX_QUERY

    long_query = "ASK { ?s ?p ?o } #" + "x" * MAX_QUERY
    status, _, body = fetch(f"{endpoint}?{urllib.parse.urlencode({'query': long_query})}")
    assert status == 414 and b"over the limit" in body
    status, _, body = fetch(endpoint, long_query.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"over the limit" in body
    status, _, body = fetch(endpoint, b"x" * (MAX_BODY + 1), {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"over the limit" in body
    status, headers, body = fetch(f"{endpoint}?query={'x' * 70_000}")  # past http.server's 64 KiB line
    assert status == 414 and b"POST the query" in body and headers["Content-Type"].startswith("text/plain")
    assert client(endpoint, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True


def test_idle_and_slow_clients_do_not_block_others(seeds_graph):
    import socket

    server = make_server(open_dataset(seeds_graph), "127.0.0.1", 0, timeout_s=2, quiet=True,
                         idle_timeout_s=1.5)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host, port = server.server_address[:2]
        idle = socket.create_connection((host, port), timeout=10)  # connects, sends nothing
        slow = socket.create_connection((host, port), timeout=10)
        slow.sendall(b"GET /sparql?query=ASK")  # half a request line, then nothing
        started = time.monotonic()
        assert client(server.url, "ASK { ?a kg:met ?b }").query().convert()["boolean"] is True
        assert time.monotonic() - started < 1.0  # answered while both connections were held
        assert idle.recv(1) == b"" and slow.recv(1) == b""  # and the server closed them when idle
        assert time.monotonic() - started < 5
        idle.close()
        slow.close()
    finally:
        server.shutdown()
        server.server_close()
