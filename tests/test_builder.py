"""`kg build` on the seeds: documents parsed once, bad input skipped, earlier output kept."""

import json
import shutil
from pathlib import Path

import pytest

from kg.builder import MANIFEST, build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline):
    out = tmp_path_factory.mktemp("out")
    report = build([SEEDS], out, pipeline)
    return out, report


def test_seeds_are_parsed_into_the_cache(built):
    out, report = built
    assert len(report.parsed) == 5 and report.ok
    manifest = [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert {m["id"] for m in manifest} == {p.stem for p in SEEDS.glob("*.txt")}
    for m in manifest:
        conllu = out / "parses" / f"{m['content_hash']}.conllu"
        assert conllu.read_text(encoding="utf-8").count("# text = ") == m["sentences"] > 3
    people = {e["text"] for m in manifest for e in m["entities"] if e["type"] == "PER"}
    assert any("الكاظمي" in p for p in people)


def test_second_run_parses_nothing_again(built, pipeline):
    out, _ = built
    again = build([SEEDS], out, pipeline)
    assert again.parsed == [] and len(again.unchanged) == 5


def test_bad_documents_are_skipped_and_the_rest_is_built(tmp_path, built, pipeline):
    out, _ = built
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    shutil.copy(SEEDS / "000_298073592aaecfde.txt", mixed / "good.txt")
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (mixed / "broken.json").write_text('[{"content": "x"', encoding="utf-8")
    dest = tmp_path / "out"
    shutil.copytree(out, dest)
    report = build([mixed], dest, pipeline)
    assert report.parsed == ["good"]
    skipped = {Path(s.path).name.split("#")[0] for s in report.skipped}
    assert skipped == {"empty.txt", "binary.txt", "broken.json"}
    ids = {json.loads(line)["id"] for line in (dest / MANIFEST).read_text(encoding="utf-8").splitlines()}
    assert ids >= {p.stem for p in SEEDS.glob("*.txt")} | {"good"}  # nothing already built was lost
