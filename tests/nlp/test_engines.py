"""The parse stage on every engine gives the same graph: this process, two local workers, a real local Ray."""

import shutil
from pathlib import Path

import pytest

from kg.builder import build
from kg.graph.store import FILENAME
from kg.nlp.engines import InProcessEngine, LocalPoolEngine, ParseFailure, make_engine

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Three seed articles, one of them twice under another name, and one empty file."""
    d = tmp_path_factory.mktemp("engine-corpus")
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(f, d / f.name)
    first = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(first, d / "zz_same_text.txt")
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def in_process(corpus, tmp_path_factory, pipeline) -> Path:
    out = tmp_path_factory.mktemp("in-process")
    report = build([corpus], out, pipeline, workers=1)
    assert len(report.parsed) == 4 and [s.path for s in report.skipped] == [str(corpus / "empty.txt")]
    return out


def test_small_jobs_stay_in_this_process_and_big_ones_use_the_cores(pipeline):
    assert isinstance(make_engine("local", None, pipeline=pipeline, jobs=3), InProcessEngine)
    assert isinstance(make_engine("local", 1, pipeline=pipeline, jobs=500), InProcessEngine)
    pool = make_engine("local", 2, jobs=500)
    assert isinstance(pool, LocalPoolEngine) and pool.workers == 2
    assert make_engine("local", 4, jobs=2).workers == 2  # never more workers than texts
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark", 2)


def test_two_local_workers_give_the_same_graph(corpus, in_process, tmp_path):
    report = build([corpus], tmp_path, workers=2)
    assert len(report.parsed) == 4 and len(report.skipped) == 1
    assert "empty" in report.skipped[0].reason
    assert (tmp_path / FILENAME).read_bytes() == (in_process / FILENAME).read_bytes()
    assert (tmp_path / "documents.jsonl").read_bytes() == (in_process / "documents.jsonl").read_bytes()


def test_a_refused_text_and_a_killed_worker_lose_no_document():
    """A text the pipeline refuses is reported alone; a worker killed mid-batch is replaced and the texts
    it held are parsed again by the fresh one."""
    import os
    import signal

    texts = ["", "استقبل الوزير السفير في الرياض.", "التقى الرئيس وزير الخارجية في القاهرة.",
             "بحث ولي العهد مع رئيس الوزراء العلاقات بين البلدين."]
    engine = LocalPoolEngine(1)
    try:
        outcomes = engine.parse_all(texts)
        first = next(outcomes)
        for pid in list(engine._pool._processes):  # kill the worker while it holds the other texts
            os.kill(pid, signal.SIGKILL)
        rest = list(outcomes)
    finally:
        engine.close()
    assert isinstance(first, ParseFailure) and first.bad_input
    assert len(rest) == 3 and not any(isinstance(o, ParseFailure) for o in rest)
    assert [o.text for o in rest] == texts[1:]


def test_a_local_ray_gives_the_same_graph(corpus, in_process, tmp_path, monkeypatch):
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    report = build([corpus], tmp_path, workers=2, engine="ray")
    assert len(report.parsed) == 4 and len(report.skipped) == 1
    assert (tmp_path / FILENAME).read_bytes() == (in_process / FILENAME).read_bytes()
