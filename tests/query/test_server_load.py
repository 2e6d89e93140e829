"""A small run of benchmarks/server_load.py: 200 requests from 8 concurrent clients against a real `kg serve`
on 127.0.0.1, mixing valid and malformed queries, updates, large results and queries past the time
limit. Every request gets the status its kind must get, no 5xx but the time limit's 503, the server is
alive at the end, stops with status 0 on SIGTERM, and its memory stays bounded."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_benchmark():
    spec = importlib.util.spec_from_file_location("server_load", ROOT / "benchmarks" / "server_load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_endpoint_holds_a_mixed_load(seeds_graph):
    benchmark = load_benchmark()
    summary = benchmark.run_load(seeds_graph, requests=200, clients=8, seed=14, timeout_s=5.0,
                                 max_seconds=240)
    report = summary.report()
    assert len(summary.outcomes) == 200, report
    assert not summary.wrong and not summary.server_errors, report
    assert {kind for kind, _ in summary.counts} == set(benchmark.MIX), report  # every kind was sent
    assert summary.alive and summary.stopped_cleanly, report
    assert summary.ok, report
