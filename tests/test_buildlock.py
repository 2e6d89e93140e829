"""One writer per output directory, tried with real processes: `kg build` against a process holding the
lock, against a killed holder, and against another `kg build`."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from kg.buildlock import LOCK_FILE, BuildLocked, build_lock
from kg.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
KG = [sys.executable, "-c", "from kg.cli import app; app()"]
ENV = {**os.environ, "COLUMNS": "300", "KG_THREADS": "1"}
HOLDER = ("import sys\nfrom kg.buildlock import build_lock\nwith build_lock(sys.argv[1]):\n"
          "    print('held', flush=True)\n    sys.stdin.read()\n")


def hold(directory: Path) -> subprocess.Popen:
    """A process holding DIR's build lock until its stdin closes (or it is killed)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(directory)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def manifest_ids(directory: Path) -> list[str]:
    lines = (directory / "documents.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line)["id"] for line in lines]


def test_no_wait_fails_at_once_naming_the_holder(tmp_path):
    holder = hold(tmp_path)
    try:
        started = time.monotonic()
        result = subprocess.run([*KG, "build", str(SEEDS), "--out", str(tmp_path), "--no-wait"],
                                capture_output=True, text=True, env=ENV, timeout=120)
        assert result.returncode == 3, result.stderr
        assert f"pid {holder.pid} on " in result.stderr and "since" in result.stderr
        assert "another kg build is writing" in result.stderr
        assert time.monotonic() - started < 60  # before loading any model
        assert not (tmp_path / "documents.jsonl").exists()
    finally:
        holder.stdin.close()
        holder.wait(10)


def test_a_build_waits_for_the_holder_a_killed_holder_never_blocks_and_readers_keep_reading(
        tmp_path, seeds_graph):
    out = tmp_path / "out"
    shutil.copytree(seeds_graph, out)
    before = (out / "graph.trig").read_bytes()
    holder = hold(out)
    build = subprocess.Popen([*KG, "build", str(SEEDS), "--out", str(out)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        line = build.stderr.readline()
        assert "waiting for it to finish" in line and f"pid {holder.pid} on " in line, line
        # a reader does not take the lock: it answers from the last complete graph while the build waits
        answer = CliRunner().invoke(app, ["sparql", "ASK { ?a kg:met ?b }", "--graph", str(out)])
        assert answer.exit_code == 0 and answer.stdout.strip() == "yes", answer.output
        assert build.poll() is None
    finally:
        holder.kill()  # the kernel drops its flock: the waiting build goes on
        holder.wait(10)
    stdout, stderr = build.communicate(timeout=300)
    assert build.returncode == 0, stderr
    assert "0 parsed, 5 unchanged" in stdout
    assert sorted(manifest_ids(out)) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert (out / "graph.trig").read_bytes() == before


def test_two_builds_at_once_record_each_document_once(tmp_path):
    docs = sorted(SEEDS.glob("*.txt"))[:2]
    out = tmp_path / "out"
    builds = [subprocess.Popen([*KG, "build", *map(str, docs), "--out", str(out)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=ENV) for _ in range(2)]
    results = [b.communicate(timeout=400) for b in builds]
    assert [b.returncode for b in builds] == [0, 0], results
    assert sorted(manifest_ids(out)) == sorted(d.stem for d in docs)  # not 4 lines for 2 documents
    assert sum("2 parsed" in stdout for stdout, _ in results) == 1
    assert sum("2 unchanged" in stdout for stdout, _ in results) == 1


def test_the_lock_is_reentrant_in_its_thread_and_exclusive_across_descriptors(tmp_path):
    with build_lock(tmp_path) as path:
        assert path.name == LOCK_FILE and f"pid {os.getpid()} on " in path.read_text("utf-8")
        with build_lock(tmp_path):  # the command line holds it, then the builder takes it again
            pass
        other = subprocess.run([sys.executable, "-c", "import sys\nfrom kg.buildlock import build_lock\n"
                                "try:\n    with build_lock(sys.argv[1], wait=False): pass\n"
                                "except Exception as e:\n    print(type(e).__name__, e)\n", str(tmp_path)],
                               capture_output=True, text=True, timeout=60)
        assert other.stdout.startswith(BuildLocked.__name__) and f"pid {os.getpid()}" in other.stdout
    assert path.read_text("utf-8") == ""  # released: it names nobody
