"""The entity network of the seeds graph: nodes, typed weighted edges, dates and evidence."""

import pytest
from rdflib import Literal

from kg.analyze import RELATION_TYPES, counts, edges_between, project, undirected
from kg.graph.namespace import KG
from kg.query import open_graph

KADHIMI, BIDEN, MCKENZIE = "مصطفى الكاظمي", "جو بايدن", "كينيث مكينزي"


@pytest.fixture(scope="module")
def ds(seeds_graph):
    return open_graph(seeds_graph)


@pytest.fixture(scope="module")
def G(ds):
    return project(ds)


def node(G, label):
    return next(n for n, d in G.nodes(data=True) if d["label"] == label)


def test_entities_are_nodes_with_their_labels_type_and_mentions(G):
    kadhimi = G.nodes[node(G, KADHIMI)]
    assert kadhimi["type"] == "PER" and kadhimi["latin"] == "Mustafa al-Kadhimi"
    assert "الكاظمي" in kadhimi["aliases"] and kadhimi["mentions"] >= 10
    assert node(G, KADHIMI).startswith("https://w3id.org/kg-arabic-news/resource/entity/")
    assert {d["type"] for _, d in G.nodes(data=True)} <= {"PER", "ORG", "LOC", "MISC"}


def test_the_meeting_of_kadhimi_and_biden_is_one_weighted_mutual_edge_with_evidence(G):
    [met] = [e for e in edges_between(G, node(G, KADHIMI), node(G, BIDEN)) if e["type"] == "met"]
    assert met["mutual"] and met["weight"] == len(met["evidence"]) >= 2
    assert met["first"] == "2021-07-26"
    docs = {e["doc"] for e in met["evidence"]}
    assert "000_298073592aaecfde" in docs and len(docs) >= 2
    assert all(e["sentence"] for e in met["evidence"])
    assert {e["modality"] for e in met["evidence"]} >= {"planned", "occurred"}


def test_requests_are_directed_from_requester_to_addressee_with_their_theme(G):
    edge = G.get_edge_data(node(G, "بغداد"), node(G, "واشنطن"), key="requested")
    assert edge and not edge["mutual"]
    assert "استمرار الدعم اللوجستي" in edge["evidence"][0]["theme"]
    assert G.get_edge_data(node(G, "واشنطن"), node(G, "بغداد"), key="requested") is None


def test_a_role_links_the_holder_to_the_organization_and_the_position_is_kept(G):
    psaki = node(G, "جين ساكي")
    assert G.get_edge_data(psaki, node(G, "البيت الأبيض"), key="role")
    assert "المتحدثة باسم البيت الابيض" in G.nodes[psaki]["roles"]


def test_dates_come_from_the_event_else_from_the_document(G):
    mckenzie = G.get_edge_data(*sorted([node(G, KADHIMI), node(G, MCKENZIE)]), key="met")
    assert mckenzie["first"] == mckenzie["last"] == "2021-05-20"
    kadhimi = G.nodes[node(G, KADHIMI)]
    assert kadhimi["first"] == "2021-05-20" and kadhimi["last"] == "2021-07-26"


def test_negated_events_are_not_ties(ds):
    before = project(ds, ["met"])
    pair = sorted([node(before, KADHIMI), node(before, MCKENZIE)])
    events = {e["event"] for e in before.get_edge_data(*pair, key="met")["evidence"]}
    from rdflib import URIRef
    for event in events:
        ds.remove((URIRef(event), KG.negated, None))
        ds.add((URIRef(event), KG.negated, Literal(True)))
    try:
        assert project(ds, ["met"]).get_edge_data(*pair, key="met") is None
    finally:
        for event in events:
            ds.remove((URIRef(event), KG.negated, None))
            ds.add((URIRef(event), KG.negated, Literal(False)))


def test_only_the_asked_relation_types_and_a_clear_error_for_others(ds):
    G = project(ds, ["met"])
    assert {d["type"] for _, _, d in G.edges(data=True)} == {"met"}
    with pytest.raises(ValueError, match="choose from"):
        project(ds, ["married"])
    assert set(RELATION_TYPES) >= {"met", "contacted", "requested", "said_about", "role", "reported_by"}


def test_same_graph_same_network(ds, G):
    again = project(ds)
    assert list(again.nodes) == list(G.nodes) and list(again.edges(keys=True)) == list(G.edges(keys=True))


def test_counts_and_the_undirected_view_add_up(G):
    c = counts(G)
    assert c["documents"] == 5 and c["entities"] == G.number_of_nodes()
    assert c["relations"] == sum(d["weight"] for _, _, d in G.edges(data=True))
    H = undirected(G)
    assert sum(d["weight"] for _, _, d in H.edges(data=True)) == c["relations"]
