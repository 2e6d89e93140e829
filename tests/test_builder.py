"""`kg build` on the seeds: parsed once, a graph with provenance, bad input skipped, earlier output kept."""

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.builder import MANIFEST, build
from kg.graph import trig
from kg.graph.store import FILENAME
from kg.query import open_graph, relation_rows

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def manifest_ids(out: Path) -> set[str]:
    return {json.loads(line)["id"] for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()}


def test_seeds_are_parsed_into_the_cache(seeds_graph):
    lines = (seeds_graph / MANIFEST).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["id"] for r in records} == {p.stem for p in SEEDS.glob("*.txt")}
    for r in records:
        conllu = seeds_graph / "parses" / f"{r['content_hash']}.conllu"
        assert conllu.read_text(encoding="utf-8").count("# text = ") == r["sentences"] > 3
        assert "start_char=" in conllu.read_text(encoding="utf-8") and r["text"]


def test_the_graph_has_documents_entities_and_relations_with_provenance(seeds_graph):
    ds = open_graph(seeds_graph)
    rows = relation_rows(ds)
    kinds = {r["type"] for r in rows}
    assert {"met", "requested", "said", "role"} <= kinds
    for r in rows:
        assert r["doc"] and r["sentence"] and r["rule"] and 0 < r["confidence"] <= 1
    met = {frozenset((r["subject"], r["object"])) for r in rows if r["type"] == "met"}
    assert frozenset(("جو بايدن", "مصطفى الكاظمي")) in met
    dated = [r for r in rows if r["type"] == "met" and r["date"]]
    assert dated and all(len(r["date"]) == 10 for r in dated)


def test_the_built_graph_conforms_to_the_shapes(seeds_graph):
    from kg.graph.validate import validate

    conforms, _, text = validate(open_graph(seeds_graph))
    assert conforms, text[:2000]


def test_second_run_parses_nothing_again_and_gives_the_same_graph(seeds_graph, pipeline, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    before = (out / FILENAME).read_bytes()
    again = build([SEEDS], out, pipeline)
    assert again.parsed == [] and len(again.unchanged) == 5 and again.words == 0
    assert (out / FILENAME).read_bytes() == before


def test_bad_documents_are_skipped_and_the_rest_is_built(tmp_path, seeds_graph, pipeline):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    shutil.copy(SEEDS / "000_298073592aaecfde.txt", mixed / "good.txt")
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (mixed / "broken.json").write_text('[{"content": "x"', encoding="utf-8")
    dest = tmp_path / "out"
    shutil.copytree(seeds_graph, dest)
    report = build([mixed], dest, pipeline)
    assert report.parsed == ["good"] and not report.ok
    skipped = {Path(s.path).name.split("#")[0] for s in report.skipped}
    assert skipped == {"empty.txt", "binary.txt", "broken.json"}
    assert all(s.reason for s in report.skipped)
    assert manifest_ids(dest) >= {p.stem for p in SEEDS.glob("*.txt")} | {"good"}
    docs = {r["doc"] for r in relation_rows(open_graph(dest))}
    assert docs >= {p.stem for p in SEEDS.glob("*.txt")} | {"good"}  # nothing already built was lost


def test_a_crash_while_saving_leaves_the_previous_graph_whole(tmp_path, seeds_graph, pipeline, monkeypatch):
    dest = tmp_path / "out"
    shutil.copytree(seeds_graph, dest)
    before = (dest / FILENAME).read_bytes()
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text("التقى وزير الخارجية العراقي فؤاد حسين نظيره الأمريكي في بغداد.",
                                   encoding="utf-8")

    def crash(dataset: Dataset) -> bytes:
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(trig, "serialize", crash)
    with pytest.raises(KeyboardInterrupt):
        build([extra], dest, pipeline)
    assert (dest / FILENAME).read_bytes() == before
    assert not [p for p in dest.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    report = build([extra], dest, pipeline)  # the next build picks up where the crash left off
    assert report.unchanged == ["new"], (report.parsed, report.skipped)
    assert "new" in {r["doc"] for r in relation_rows(open_graph(dest))}


def test_a_manifest_line_cut_short_is_ignored(tmp_path, seeds_graph, pipeline):
    dest = tmp_path / "out"
    shutil.copytree(seeds_graph, dest)
    with open(dest / MANIFEST, "a", encoding="utf-8") as f:
        f.write('{"id": "half-writ')
    report = build([SEEDS], dest, pipeline)
    assert len(report.unchanged) == 5 and report.documents == 5


def test_the_output_directory_is_not_read_as_input(tmp_path, seeds_graph, pipeline):
    work = tmp_path / "work"
    shutil.copytree(SEEDS, work / "seeds")
    shutil.copytree(seeds_graph, work / "out")
    report = build([work], work / "out", pipeline)
    assert report.ok and len(report.unchanged) == 5


def test_documents_parsed_by_other_models_are_parsed_again(pipeline, tmp_path, monkeypatch):
    one = sorted(SEEDS.glob("*.txt"))[:1]
    out = tmp_path / "out"
    assert len(build(one, out, pipeline).parsed) == 1
    assert len(build(one, out, pipeline).unchanged) == 1
    monkeypatch.setattr("kg.builder._parser", lambda *_: "0123456789abcdef")  # as if the models changed
    again = build(one, out, pipeline)
    assert again.parsed == [one[0].stem]
    parse_file = next((out / "parses").glob("*.conllu"))
    assert "# kg_parser = 0123456789abcdef\n" in parse_file.read_text(encoding="utf-8")
