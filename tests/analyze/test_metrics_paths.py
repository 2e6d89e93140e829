"""Network measures, chains and neighbourhoods on the seeds graph."""

import pytest

from kg.analyze import (
    NameIndex,
    centrality,
    communities,
    components,
    neighborhood,
    project,
    shortest_chain,
    top,
)
from kg.query import open_graph


@pytest.fixture(scope="module")
def G(seeds_graph):
    return project(open_graph(seeds_graph))


def iri(G, name):
    return NameIndex.from_network(G).find(name)[0].entity.iri


def test_kadhimi_is_the_most_central_entity(G):
    measures = centrality(G)
    for measure in ("degree", "betweenness", "pagerank"):
        assert top(G, measures, measure, 1)[0]["label"] == "مصطفى الكاظمي", measure


def test_components_and_communities_are_stable(G):
    comp = components(G)
    assert comp["count"] == len(comp["sizes"]) and sum(comp["sizes"]) == G.number_of_nodes()
    first, second = communities(G), communities(G)
    assert first == second and first
    together = next(c for c in first if iri(G, "Kadhimi") in c)
    assert iri(G, "Biden") in together


def test_shortest_chain_across_documents(G):
    # Lloyd Austin is only in document 000, Kenneth McKenzie only in document 003
    chain = shortest_chain(G, iri(G, "Lloyd Austin"), iri(G, "McKenzie"))
    assert chain and chain[0]["source_label"] == "لويد اوستن" and chain[-1]["target_label"] == "كينيث مكينزي"
    for a, b in zip(chain, chain[1:]):
        assert a["target"] == b["source"]
    docs = {r["doc"] for hop in chain for r in hop["relations"]}
    assert len(docs) >= 2
    assert all(hop["relations"][0]["sentence"] for hop in chain)


def test_kadhimi_and_biden_are_one_meeting_apart(G):
    [hop] = shortest_chain(G, iri(G, "الكاظمي"), iri(G, "Biden"))
    assert hop["relations"][0]["type"] == "met" and hop["relations"][0]["mutual"]


def test_unconnected_entities_have_no_chain_and_self_is_empty(G):
    alone = next(n for n in G if G.degree(n) == 0)
    assert shortest_chain(G, alone, iri(G, "Kadhimi")) is None
    assert shortest_chain(G, alone, alone) == []


def test_neighborhood_grows_with_depth(G):
    one = neighborhood(G, iri(G, "Kadhimi"), 1)
    two = neighborhood(G, iri(G, "Kadhimi"), 2)
    assert {r["label"] for r in one} < {r["label"] for r in two}
    assert all(r["distance"] == 1 and r["via"] == "مصطفى الكاظمي" for r in one)
    assert next(r for r in one if r["label"] == "جو بايدن")["relations"] == ["met"]
    assert {r["distance"] for r in two} == {1, 2}
