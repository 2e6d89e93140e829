"""The bundle step: checkpoints into Stanza's layout, half precision, charlms only when a tagger used them."""

import json

import pytest
import torch

from kg.nlp.bundle import PROCESSORS, model_files
from kg.training.build import assemble_bundle
from kg.training.charlm import charlm_file


def fake_work(tmp_path, charlm_taggers=()):
    """A work dir with tiny float32 checkpoints shaped like Stanza's."""
    work = tmp_path / "work"
    (work / "models").mkdir(parents=True)
    (work / "vectors").mkdir()
    for proc in PROCESSORS:
        torch.save({"model": {"w": torch.ones(3)}, "config": {"charlm": proc in charlm_taggers}},
                   work / "models" / f"{proc}.pt")
    torch.save({"emb": torch.ones(2, 2)}, work / "vectors" / "pretrain.pt")
    for direction in ("forward", "backward"):
        charlm_file(work, direction).parent.mkdir(parents=True, exist_ok=True)
        torch.save({"state_dict": {"w": torch.ones(3)}}, charlm_file(work, direction))
    return work


def test_bundle_without_charlm_taggers_ships_no_charlm(tmp_path):
    out = assemble_bundle(fake_work(tmp_path), tmp_path / "bundle")
    ar = json.loads((out / "resources.json").read_text(encoding="utf-8"))["ar"]
    assert "forward_charlm" not in ar and set(model_files(out)) == {*PROCESSORS, "pretrain"}
    assert torch.load(out / "ar" / "ner" / "kg.pt")["model"]["w"].dtype == torch.float16
    assert torch.load(out / "ar" / "pretrain" / "kg.pt")["emb"].dtype == torch.float32


def test_a_charlm_tagger_brings_both_charlms_as_its_dependencies(tmp_path):
    out = assemble_bundle(fake_work(tmp_path, charlm_taggers=("ner",)), tmp_path / "bundle")
    ar = json.loads((out / "resources.json").read_text(encoding="utf-8"))["ar"]
    assert {d["model"] for d in ar["ner"]["kg"]["dependencies"]} == {"pretrain", "forward_charlm",
                                                                     "backward_charlm"}
    files = model_files(out)
    assert files["forward_charlm"].is_file() and files["backward_charlm"].is_file()
    assert torch.load(files["backward_charlm"])["state_dict"]["w"].dtype == torch.float16
    again = assemble_bundle(fake_work(tmp_path / "next"), out)  # rebuilt without: the charlms go
    assert not (again / "ar" / "forward_charlm" / "kg.pt").exists()


def test_missing_models_are_named_and_the_bundle_in_place_stays_whole(tmp_path):
    out = assemble_bundle(fake_work(tmp_path), tmp_path / "bundle")
    before = {p: p.read_bytes() for p in model_files(out).values()}
    work = fake_work(tmp_path / "next")
    (work / "models" / "depparse.pt").unlink()
    with pytest.raises(FileNotFoundError, match="depparse.pt"):
        assemble_bundle(work, out)
    assert {p: p.read_bytes() for p in model_files(out).values()} == before
