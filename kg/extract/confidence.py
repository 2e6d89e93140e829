"""Calibrated confidence: the share of a rule's output that was right on gold, loaded as data.

A rule's hand-set confidence (0.7 for a meeting read off the tree) says nothing a user can rely
on; kg/resources/confidence.tsv holds, for each rule (relation type and path type, e.g.
``met:tree``, ``requested:frame:demand``), the precision measured on dev gold by
``benchmarks/calibrate.py``, smoothed towards its relation type's precision when it has few examples.
An assertion's confidence is that figure; a rule the table does not list gets its type's row
(``met:*``), else keeps its hand-set value.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.extract.model import Assertion

TABLE = Path(__file__).resolve().parent.parent / "resources" / "confidence.tsv"
COLUMNS = ("rule", "type", "n", "correct", "precision", "confidence")


@cache
def table(path: Path = TABLE) -> dict[str, float]:
    """rule -> calibrated confidence (rows with a ``TYPE:*`` rule are the per-type fallbacks)."""
    out: dict[str, float] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "rule" or len(cells) < len(COLUMNS):
            continue
        try:
            out[cells[0]] = float(cells[5])
        except ValueError as e:
            raise ValueError(f"{path}: bad confidence in line {line!r}: {e}; rerun benchmarks/calibrate.py") \
                from e
    return out


def calibrated(type_: str, rule: str, default: float) -> float:
    """The confidence of an assertion made by ``rule``: measured, else its type's, else ``default``."""
    known = table()
    if rule in known:
        return known[rule]
    return known.get(f"{type_}:*", default)


def calibrate(assertions: list[Assertion]) -> None:
    """Replace each assertion's hand-set confidence by its rule's calibrated one (in place)."""
    from dataclasses import replace

    for a in assertions:
        ev = a.evidence
        value = calibrated(a.type, ev.rule, ev.confidence)
        if value != ev.confidence:
            a.evidence = replace(ev, confidence=value)
