"""`kg build` on disk trouble: a full OUT and a read-only OUT. The build stops with a message saying what
went wrong and what to do, exit status 2, and OUT's previous graph is left whole; once the trouble is
gone, the next build completes.

A full disk is a real 1 MiB tmpfs where the tests may mount one (root), else a stub: os.fsync raising
ENOSPC, as a full disk with delayed allocation does. A read-only OUT is a tmpfs remounted read-only
(root), else a directory without write permission (other users); each is skipped where it cannot be made.
"""

import errno
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.builder import build
from kg.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list[Path]:
    """Three short articles (the first paragraphs of three seeds), one per folder."""
    folder = tmp_path_factory.mktemp("disk-articles")
    made = []
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        paragraphs = [p for p in seed.read_text("utf-8").split("\n\n") if p.strip()]
        (folder / seed.stem).mkdir()
        made.append(folder / seed.stem / seed.name)
        made[-1].write_text("\n\n".join(paragraphs[:3]) + "\n", "utf-8")
    return made


def kg_build(*args):
    return CliRunner().invoke(app, ["build", *map(str, args)], env={"COLUMNS": "300"})


def snapshot(out: Path) -> dict[str, bytes]:
    """OUT's files (the parse cache included), but the lock file, which names who holds it."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".kg-build.lock"}


@pytest.fixture
def tmpfs(tmp_path):
    """A 1 MiB tmpfs mounted on a fresh directory, or a skip where mounting is not allowed."""
    where = tmp_path / f"tmpfs-{uuid.uuid4().hex[:8]}"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'not root'})")
    yield where
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(directory: Path, leave: int) -> Path:
    """A file taking all but about ``leave`` bytes of the file system's free space."""
    stats = os.statvfs(directory)
    filler = directory / "filler.bin"
    filler.write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - leave))
    return filler


def test_a_full_tmpfs_stops_the_build_and_keeps_the_previous_graph(articles, pipeline, tmpfs):
    out = tmpfs / "out"
    build(articles[:1], out, pipeline)
    before = snapshot(out)
    filler = fill(tmpfs, leave=8_192)
    result = kg_build(*[a.parent for a in articles], "--out", out)
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and "free some space" in result.output
    assert "left whole" in result.output
    assert snapshot(out)["graph.trig"] == before["graph.trig"]
    assert not list(out.rglob(".*.tmp"))  # no half-written temp files take the space
    filler.unlink()
    result = kg_build(*[a.parent for a in articles], "--out", out)
    assert result.exit_code == 0, result.output
    assert "graph: 3 documents" in result.output


def test_a_disk_full_when_saving_keeps_the_previous_graph(articles, pipeline, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(articles[:1], out, pipeline)
    before = snapshot(out)

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = kg_build(*[a.parent for a in articles[:2]], "--out", out)
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and "left whole" in result.output
    assert snapshot(out) == before  # the new document was not recorded either: its parse never landed
    assert not list(out.rglob(".*.tmp"))
    result = kg_build(*[a.parent for a in articles[:2]], "--out", out)
    assert result.exit_code == 0 and "graph: 2 documents" in result.output, result.output


def test_a_read_only_out_is_refused_and_left_as_it_was(articles, pipeline, tmp_path):
    out = tmp_path / "out"
    build(articles[:1], out, pipeline)
    before = snapshot(out)
    if os.geteuid() == 0:  # root writes anywhere a permission bit says no: make the file system read-only
        mountpoint = tmp_path / "ro"
        mountpoint.mkdir()
        mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mountpoint)],
                               capture_output=True, text=True)
        if mount.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {mount.stderr.strip()}")
        try:
            shutil.copytree(out, mountpoint / "out")
            subprocess.run(["mount", "-o", "remount,ro", str(mountpoint)], check=True)
            check_refused(mountpoint / "out", articles, before, "read-only")
        finally:
            subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)
    else:
        out.chmod(0o555)
        try:
            check_refused(out, articles, before, "permission")
        finally:
            out.chmod(0o755)


def check_refused(out: Path, articles: list[Path], before: dict[str, bytes], words: str) -> None:
    result = kg_build(*[a.parent for a in articles[:2]], "--out", out)
    assert result.exit_code == 2, result.output
    assert f"cannot write to {out}" in result.output and words in result.output.lower()
    assert snapshot(out) == before
