"""notebooks/tour.ipynb runs from top to bottom, in a kernel of this Python, and shows the seeds' facts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "tour.ipynb"


def kernel_for_this_python(folder: Path) -> KernelManager:
    """A kernel running sys.executable (not whatever `python3` kernel the user has installed), with
    matplotlib's non-interactive Agg backend and one torch thread: on 2 cores shared with another torch
    process, two threads each made parsing the seeds take 71 s instead of 6 s."""
    spec = folder / "kernels" / "kg-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "kg test", "language": "python",
        "env": {"MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1"}}))
    specs = KernelSpecManager(kernel_dirs=[str(folder / "kernels")], ensure_native_kernel=False)
    return KernelManager(kernel_name="kg-test", kernel_spec_manager=specs)


def outputs(cell) -> str:
    """Everything a cell showed: streams, results and displays (text and HTML)."""
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        for mime in ("text/plain", "text/html"):
            data = out.get("data", {}).get(mime, "")
            parts.append("".join(data) if isinstance(data, list) else data)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    km = kernel_for_this_python(tmp_path_factory.mktemp("kernel"))
    NotebookClient(nb, km=km, timeout=300, resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb  # nbclient raises CellExecutionError, with the cell and traceback, if any cell fails


def test_every_cell_ran_without_errors_or_missing_glyphs(executed):
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code)
    for cell in code:
        assert not [o for o in cell.outputs if o.output_type == "error"]
        assert "missing from font" not in outputs(cell)  # matplotlib's warning for an Arabic glyph it lacks


def test_notebook_shows_the_seeds_facts(executed):
    shown = [outputs(c) for c in executed.cells if c.cell_type == "code"]
    everything = "\n".join(shown)
    assert "5 parsed, 0 skipped" in everything
    met = next(s for s in shown if "who_met_whom.rq" in s)
    assert "جو بايدن" in met and "مصطفى الكاظمي" in met and "2021-07-26" in met
    assert "did_they_meet.rq: True" in everything
    roles = next(s for s in shown if "roles (" in s)
    assert "جين ساكي" in roles and "المتحدثة باسم البيت الابيض" in roles
    central = next(s for s in shown if "top entities" in s)
    header, first_row = central.split("top entities (5 rows)\n")[1].splitlines()[:2]
    assert header == "degree | betweenness | pagerank"
    assert first_row.count("مصطفى الكاظمي") == 3  # first on degree, betweenness and PageRank
    figures = [o for c in executed.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(figures) == 1
    assert "'Kadhimi' -> مصطفى الكاظمي (Mustafa al-Kadhimi)" in everything
    lookup = next(s for s in shown if "met: مصطفى الكاظمي" in s)
    assert "جو بايدن" in lookup and "planned" in lookup and "occurred" in lookup
