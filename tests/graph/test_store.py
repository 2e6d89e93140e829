"""The graph store: replace-by-document, entity merging, atomic saves, clear errors on a bad file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DOC_ID, Run, document, evidence, key, make_run
from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic

from kg.extract.model import Assertion, Entity
from kg.graph import iri
from kg.graph.namespace import KG
from kg.graph.store import FILENAME, CorruptGraphStore, GraphStore

pytestmark = [pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
              pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")]

ABBAS = iri.entity_iri("محمود عباس", "PER")


def stored(tmp_path: Path, *runs: Run) -> GraphStore:
    store = GraphStore(tmp_path)
    for run in runs:
        assert store.add(run.documents, run.entities, run.assertions) == []
    return store


def quads(store: GraphStore) -> set[tuple]:
    return set(store.dataset.quads())


def test_missing_store_is_empty(tmp_path):
    store = GraphStore(tmp_path / "nothing-here")
    assert len(store.dataset) == 0 and store.documents() == {}
    assert not (tmp_path / "nothing-here").exists()  # reading creates nothing


def test_save_and_load_round_trip(tmp_path, run):
    store = stored(tmp_path, run, make_run("wafa-2"))
    path = store.save()
    assert path == tmp_path / FILENAME and sorted(os.listdir(tmp_path)) == [FILENAME]
    loaded = GraphStore(tmp_path)
    loaded.load()
    assert quads(loaded) == quads(store)
    for graph in store.dataset.graphs():
        assert isomorphic(graph, loaded.dataset.graph(graph.identifier)), graph.identifier
    assert loaded.documents() == {DOC_ID: run.documents[0].content_hash,
                                  "wafa-2": make_run("wafa-2").documents[0].content_hash}
    query = "ASK { ?a <https://w3id.org/kg-arabic-news/ontology#met> ?b }"
    assert loaded.dataset.query(query).askAnswer  # SPARQL sees the named graphs after loading too


def test_saving_twice_writes_identical_bytes(tmp_path, run):
    store = stored(tmp_path, run)
    first = store.save().read_bytes()
    again = GraphStore(tmp_path)
    again.load()
    assert again.save().read_bytes() == first


def test_re_adding_a_document_replaces_its_graph(tmp_path, run):
    store = stored(tmp_path, run)
    before = quads(store)
    store.add(run.documents, run.entities, run.assertions)
    assert quads(store) == before  # idempotent: counts are not doubled
    assert store.dataset.graph(iri.ENTITIES_GRAPH).value(ABBAS, KG.mentionCount) == Literal(2)

    changed = make_run()
    changed.assertions = [a for a in changed.assertions if a.type != "met"]
    text = changed.documents[0].text + " وأضاف أن اللقاء كان مثمرا."
    changed.documents = [document(DOC_ID, text)]
    store.add(changed.documents, changed.entities, changed.assertions)
    ds = store.dataset
    assert not list(ds.subjects(RDF.type, KG.Meeting)) and not list(ds.triples((None, KG.met, None)))
    assert store.documents() == {DOC_ID: changed.documents[0].content_hash}
    assert list(ds.triples((None, KG.requester, ABBAS)))  # the rest of the document is still there


def test_entities_are_merged_across_documents(tmp_path, run):
    second = make_run("wafa-2")
    abbas = second.entity("محمود عباس")
    second.entities.remove(abbas)
    # the same person, spelled with a shadda and known by another alias: same IRI, names unioned
    variant = Entity(abbas.key, "محمود عبّاس", "PER", latin="M. Abbas", aliases={"أبو مازن"},
                     mentions=abbas.mentions)
    second.entities.append(variant)
    store = stored(tmp_path, run, second)
    entities = store.dataset.graph(iri.ENTITIES_GRAPH)
    assert iri.entity_iri(variant.label, "PER") == ABBAS
    assert set(entities.objects(ABBAS, RDFS.label)) == {Literal("محمود عباس", lang="ar"),
                                                        Literal("Mahmoud Abbas", lang="ar-Latn")}
    assert {str(a) for a in entities.objects(ABBAS, KG.alias)} == {"عباس", "محمود عبّاس", "أبو مازن"}
    assert entities.value(ABBAS, KG.mentionCount) == Literal(4)
    # replacing one document corrects the count instead of adding to it
    store.add(second.documents, second.entities, second.assertions)
    assert entities.value(ABBAS, KG.mentionCount) == Literal(4)


def test_an_entity_no_document_mentions_any_more_is_dropped(tmp_path, run):
    store = stored(tmp_path, run)
    reuters = iri.entity_iri("وكالة رويترز", "ORG")
    assert (reuters, KG.entityType, None) in store.dataset
    again = make_run()
    again.entities = [e for e in again.entities if e.label != "وكالة رويترز"]
    again.assertions = [a for a in again.assertions if a.type != "reported_by"]
    store.add(again.documents, again.entities, again.assertions)
    assert not list(store.dataset.triples((reuters, None, None)))
    assert not list(store.dataset.triples((None, KG.reportedBy, None)))


def test_replace_and_remove_document_by_triples(tmp_path, run):
    store = stored(tmp_path, run)
    built = GraphStore(tmp_path / "other")
    built.add(make_run("wafa-2").documents, [], [])
    doc_graph = built.dataset.graph(iri.document_graph_iri("wafa-2"))
    store.replace_document("wafa-2", ((s, p, o, doc_graph.identifier) for s, p, o in doc_graph))
    assert set(store.documents()) == {DOC_ID, "wafa-2"}
    assert store.remove_document(DOC_ID) is True and store.remove_document(DOC_ID) is False
    assert set(store.documents()) == {"wafa-2"}
    assert len(store.dataset.graph(iri.ENTITIES_GRAPH)) == 0  # nothing refers to the entities any more


def test_store_conforms_to_the_shapes_after_updates(tmp_path, run):
    pytest.importorskip("pyshacl")
    from kg.graph.validate import validate

    store = stored(tmp_path, run, make_run("wafa-2"), make_run())
    conforms, _, text = validate(store.dataset)
    assert conforms, text


def test_validation_sees_across_named_graphs(tmp_path, run):
    """Guards the check above: without the entities graph, event participants are not kg:Entity."""
    pytest.importorskip("pyshacl")
    from kg.graph.validate import validate

    store = stored(tmp_path, run)
    store.dataset.remove_graph(iri.ENTITIES_GRAPH)
    conforms, _, text = validate(store.dataset)
    assert not conforms and "kg:participant" in text


def test_crash_during_save_keeps_the_previous_file(tmp_path, run, monkeypatch):
    store = stored(tmp_path, run)
    old = store.save().read_bytes()
    store.add(make_run("wafa-2").documents, make_run("wafa-2").entities, make_run("wafa-2").assertions)

    def crash(src, dst):
        raise OSError("disk unplugged")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk unplugged"):
        store.save()
    monkeypatch.undo()
    assert (tmp_path / FILENAME).read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == [FILENAME]  # no temp file left behind
    assert GraphStore(tmp_path).documents() == {DOC_ID: run.documents[0].content_hash}


@pytest.mark.parametrize("content", [b"<a> <b> .\n{ broken", b"\xff\xfe\x00binary",
                                     b'<a> <b> "unterminated .', "truncated"])
def test_corrupt_file_names_the_file_and_the_fix(tmp_path, content):
    if content == "truncated":  # a file cut short, e.g. copied while a non-atomic writer was busy
        run = make_run()
        data = stored(tmp_path, run).save().read_bytes()
        content = data[: len(data) // 2]
    (tmp_path / FILENAME).write_bytes(content)
    with pytest.raises(CorruptGraphStore) as caught:
        GraphStore(tmp_path).load()
    message = str(caught.value)
    assert str(tmp_path / FILENAME) in message
    assert "delete it" in message and "backup" in message


def test_dropped_items_are_reported_by_add(tmp_path, run):
    run.assertions.append(Assertion("said", key("رام الله"), None, evidence(0, "رام الله", "statement.v1"),
                                    theme="x"))
    store = GraphStore(tmp_path)
    dropped = store.add(run.documents, run.entities, run.assertions)
    assert len(dropped) == 1 and "not PER/ORG" in dropped[0].reason
