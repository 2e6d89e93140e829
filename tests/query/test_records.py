"""Entity records read from the graph, on the seeds graph built with the bundled models, from both
ways of reading it (rdflib parsing graph.trig, and the on-disk Oxigraph store the build keeps)."""

from __future__ import annotations

import pytest

from kg.query.records import entities_named, entity_rows
from kg.query.sparql_store import open_dataset, oxigraph_available

STORES = ["memory", pytest.param("oxigraph", marks=pytest.mark.skipif(not oxigraph_available(),
                                                                       reason="oxrdflib not installed"))]


@pytest.fixture(scope="module", params=STORES)
def dataset(request, seeds_graph):
    return open_dataset(seeds_graph, request.param)


def test_entity_rows_lists_every_entity_once_most_mentioned_first(dataset):
    rows = entity_rows(dataset)
    assert len({r["iri"] for r in rows}) == len(rows) > 20
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    kadhimi = next(r for r in rows if r["label"] == "مصطفى الكاظمي")
    assert kadhimi["type"] == "PER" and "الكاظمي" in kadhimi["aliases"] and len(kadhimi["docs"]) >= 3
    assert {r["type"] for r in entity_rows(dataset, types=["ORG"])} == {"ORG"}


def test_a_name_as_written_is_found_through_the_index_with_the_same_record(dataset):
    full = {r["iri"]: {**r, "docs": []} for r in entity_rows(dataset, documents=False)}
    for name in ("مصطفى الكاظمي", "الكاظمي"):  # a label, then an alias
        found = entities_named(dataset, name)
        assert found and all(r == full[r["iri"]] for r in found)
        assert any(name in (r["label"], *r["aliases"]) for r in found)


def test_other_forms_are_left_to_the_full_name_index(dataset):
    assert entities_named(dataset, "والكاظمي") == []
    assert entities_named(dataset, "Kadhimi") == []
    assert entities_named(dataset, "") == []
