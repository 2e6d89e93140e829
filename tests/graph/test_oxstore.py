"""The query store `kg build` keeps in DIR/store: it holds what graph.trig holds after builds, incremental
builds and failed builds, answers the example queries as TriG does, and is rebuilt when stale."""

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.builder import build
from kg.graph import oxstore, trig
from kg.graph.digests import graph_digests, trig_digests
from kg.graph.store import FILENAME
from kg.query.sparql import example_queries, run
from kg.query.sparql_store import open_dataset

EXTRA = "التقى وزير الخارجية العراقي فؤاد حسين نظيره الأمريكي في بغداد."


def trig_quads(directory: Path) -> set[str]:
    return {str(q) for q in ox.parse(path=str(directory / FILENAME), format=ox.RdfFormat.TRIG)}


def store_quads(directory: Path) -> set[str]:
    store, _ = oxstore.open_read_only(directory)
    return {str(q) for q in store}


def assert_agree(directory: Path) -> None:
    assert oxstore.is_fresh(directory)
    assert store_quads(directory) == trig_quads(directory)


def answers(ds, text: str):
    result = run(ds, text, timeout_s=60)
    if result.kind == "ASK":
        return result.boolean
    if result.kind == "SELECT":
        return result.vars, sorted(tuple(map(str, row)) for row in result.rows)
    return sorted(tuple(map(str, t)) for t in result.triples)


@pytest.fixture
def copied(seeds_graph, tmp_path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    return out


@pytest.fixture
def extra(tmp_path) -> Path:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "new.txt").write_text(EXTRA, encoding="utf-8")
    return folder


def test_the_build_keeps_a_store_holding_what_graph_trig_holds(seeds_graph):
    assert (seeds_graph / oxstore.STORE_DIR / oxstore.POINTER).exists()
    assert_agree(seeds_graph)


def test_every_example_query_answers_alike_from_the_store_and_from_trig(seeds_graph):
    stored, parsed = open_dataset(seeds_graph, "oxigraph"), open_dataset(seeds_graph, "oxigraph-trig")
    assert type(stored.store._inner) is ox.Store and len(stored.store._inner) == len(parsed.store._inner)
    for path in example_queries():
        text = path.read_text(encoding="utf-8")
        assert answers(stored, text) == answers(parsed, text), path.name
        # the rows come in the same order too (ORDER BY ties included: same engine, same data)
        assert run(stored, text).rows == run(parsed, text).rows, path.name


def test_a_second_build_with_a_new_document_replaces_only_the_graphs_that_changed(copied, extra, pipeline):
    before = oxstore.read_pointer(copied)["generation"]
    report = build([extra], copied, pipeline)
    assert report.ok and report.store is not None and not report.store.full
    assert 1 <= report.store.replaced < report.documents  # the new document's graph, the entities graph
    assert report.store.generation != before
    assert_agree(copied)
    assert "new" in str(store_quads(copied))
    digests = json.loads((copied / oxstore.STORE_DIR / f"{report.store.generation}.digests.json").read_text())
    assert all(d.startswith("b") for d, _ in digests["graphs"].values())  # from graph.trig's blocks


def test_digests_from_graph_trig_blocks_match_the_graphs(seeds_graph):
    from kg.query import open_graph

    ds = open_graph(seeds_graph)
    blocks, triples = trig_digests(seeds_graph / FILENAME, ds), graph_digests(ds)
    assert blocks is not None and set(blocks) == set(triples) and len(blocks) == 6


def test_an_unchanged_rebuild_replaces_nothing(copied, pipeline):
    before = oxstore.read_pointer(copied)["generation"]
    report = build([], copied, pipeline)
    assert report.store is not None and report.store.replaced == report.store.removed == 0
    assert report.store.generation == before  # graph.trig was written again, the same
    assert_agree(copied)


def test_a_crash_while_saving_graph_trig_leaves_the_store_as_the_file(copied, extra, pipeline, monkeypatch):
    def crash(dataset):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(trig, "serialize", crash)
    with pytest.raises(KeyboardInterrupt):
        build([extra], copied, pipeline)
    monkeypatch.undo()
    assert_agree(copied)


def test_a_crash_between_the_two_writes_is_caught_and_repaired(copied, extra, pipeline, monkeypatch):
    def crash(*args):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(oxstore, "_publish", crash)
    with pytest.raises(KeyboardInterrupt):
        build([extra], copied, pipeline)
    monkeypatch.undo()
    assert not oxstore.is_fresh(copied)  # graph.trig has the new document, the store not yet
    assert not list((copied / oxstore.STORE_DIR).glob(".staging-*"))
    notes = []
    ds = open_dataset(copied, "oxigraph", note=notes.append)  # the first reader rebuilds it
    assert notes and "rebuilding" in notes[0]
    assert run(ds, "ASK { ?d <http://purl.org/dc/terms/identifier> 'new' }").boolean
    assert_agree(copied)


def test_a_store_that_cannot_be_updated_never_fails_the_build(copied, extra, pipeline, monkeypatch):
    def broken(*args):
        raise OSError("No space left on device")

    monkeypatch.setattr(oxstore, "_publish", broken)
    report = build([extra], copied, pipeline)
    assert report.ok and report.store is None and "new" in report.parsed
    monkeypatch.undo()
    assert open_dataset(copied, "oxigraph") is not None
    assert_agree(copied)


def test_a_dir_from_an_older_kg_gets_its_store_on_first_open(copied):
    shutil.rmtree(copied / oxstore.STORE_DIR)
    notes = []
    open_dataset(copied, "oxigraph", note=notes.append)
    assert len(notes) == 1 and "missing or older" in notes[0]
    assert_agree(copied)
    open_dataset(copied, "oxigraph", note=notes.append)  # now fresh: no rebuild
    assert len(notes) == 1


def test_a_reader_keeps_its_generation_while_builds_publish_new_ones(copied, extra, pipeline):
    ds = open_dataset(copied, "oxigraph")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = run(ds, count, timeout_s=30).rows
    build([extra], copied, pipeline)
    assert run(ds, count, timeout_s=30).rows == before  # the old generation, whole
    after = run(open_dataset(copied, "oxigraph"), count, timeout_s=30).rows
    assert after[0][0].toPython() > before[0][0].toPython()


def test_when_the_store_cannot_be_opened_graph_trig_answers(copied, monkeypatch):
    shutil.rmtree(copied / oxstore.STORE_DIR)

    def refuse(directory, digests=None):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(oxstore, "rebuild", refuse)
    notes = []
    ds = open_dataset(copied, "oxigraph", note=notes.append)
    assert any("read-only file system" in n and "instead" in n for n in notes)
    assert run(ds, "ASK { ?a <https://w3id.org/kg-arabic-news/ontology#met> ?b }").boolean


def test_a_reader_answers_even_after_its_generation_is_removed(copied):
    ds = open_dataset(copied, "oxigraph")
    shutil.rmtree(copied / oxstore.STORE_DIR / oxstore.read_pointer(copied)["generation"])
    for path in example_queries():  # a kg serve outliving two builds: its files stay open
        run(ds, path.read_text(encoding="utf-8"), timeout_s=60)
    assert run(ds, "ASK { ?a <https://w3id.org/kg-arabic-news/ontology#met> ?b }", timeout_s=30).boolean


def test_kg_serve_on_the_store_answers_from_each_later_build(copied, extra, pipeline):
    import threading
    import time

    from kg.query.server import REFRESH_S, make_server

    ds = open_dataset(copied, "oxigraph")
    server = make_server(ds, "127.0.0.1", 0, timeout_s=30, quiet=True,
                         refresh=lambda current: oxstore.newer(copied, current))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ask = "ASK { ?d <http://purl.org/dc/terms/identifier> 'new' }"
    try:
        assert not run(server.dataset(), ask, timeout_s=30).boolean
        assert oxstore.newer(copied, ds) is None  # nothing newer yet
        build([extra], copied, pipeline)
        time.sleep(REFRESH_S + 0.1)
        assert run(server.dataset(), ask, timeout_s=30).boolean  # the new build's graph
    finally:
        server.shutdown()
        server.server_close()
