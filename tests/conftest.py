from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="session")
def pipeline():
    """The real bundled Arabic pipeline, loaded once for the whole test session."""
    from kg.nlp import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory, pipeline) -> Path:
    """A directory holding the graph `kg build seeds/` makes, built once per session. Read only:
    tests that change a graph copy it first."""
    from kg.builder import build

    out = tmp_path_factory.mktemp("seeds-graph")
    report = build([SEEDS], out, pipeline)
    assert report.ok and report.documents == 5
    return out
