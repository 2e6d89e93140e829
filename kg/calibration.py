"""Calibration of relation confidence on gold: the share of each rule's output that is right.

For every rule (``kg:rule`` of an assertion: relation type and path type, e.g. ``met:tree``,
``requested:frame:demand``) the predictions of a graph are split into right (matched to a gold
record by kg.evaluation's one-to-one matching) and wrong. A rule's confidence is its precision,
smoothed towards its relation type's precision (itself smoothed towards the precision of all rules)
with :data:`PRIOR_WEIGHT` pseudo-examples, so a rule seen twice does not get 0 or 1:

    confidence = (correct + k * prior) / (n + k)

``benchmarks/calibrate.py`` runs it and writes kg/resources/confidence.tsv, which the extract stage
loads (kg.extract.confidence).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.evaluation import score_relations

PRIOR_WEIGHT = 3.0
HEADER = ("rule", "type", "n", "correct", "precision", "confidence")


@dataclass
class RuleCount:
    rule: str
    type: str
    n: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.n if self.n else 0.0


def count_rules(pred: Iterable[Mapping[str, Any]], gold_relations: Iterable[Mapping[str, Any]],
                gold_entities: Iterable[Mapping[str, Any]], *, docs: Collection[str] | None = None,
                types: Collection[str] | None = None) -> dict[str, RuleCount]:
    """rule -> how many of its predictions (in the gold's documents) were right."""
    report = score_relations(pred, gold_relations, gold_entities, docs=docs, types=types)
    counts: dict[str, RuleCount] = {}
    for records, right in ((report.matches, True), (report.false_positives, False)):
        for rec in records:
            p = rec[0] if right else rec
            rule = p.get("rule") or f"{p['type']}:?"
            c = counts.setdefault(rule, RuleCount(rule, p["type"]))
            c.n += 1
            c.correct += int(right)
    return counts


def merge(*tables: Mapping[str, RuleCount]) -> dict[str, RuleCount]:
    out: dict[str, RuleCount] = {}
    for table in tables:
        for rule, c in table.items():
            m = out.setdefault(rule, RuleCount(rule, c.type))
            m.n += c.n
            m.correct += c.correct
    return out


def smoothed(counts: Mapping[str, RuleCount], k: float = PRIOR_WEIGHT) -> list[tuple[RuleCount, float]]:
    """Each rule with its calibrated confidence, plus one ``TYPE:*`` row per relation type (the fallback
    for rules the gold never saw), sorted by rule."""
    total_n = sum(c.n for c in counts.values())
    overall = sum(c.correct for c in counts.values()) / total_n if total_n else 0.5
    by_type: dict[str, RuleCount] = {}
    for c in counts.values():
        t = by_type.setdefault(c.type, RuleCount(f"{c.type}:*", c.type))
        t.n += c.n
        t.correct += c.correct
    prior = {t: (c.correct + k * overall) / (c.n + k) for t, c in by_type.items()}
    rows = [(c, prior[c.type]) for c in by_type.values()]
    rows += [(c, (c.correct + k * prior[c.type]) / (c.n + k)) for c in counts.values()]
    return sorted(rows, key=lambda r: r[0].rule)


def write_table(rows: list[tuple[RuleCount, float]], path: Path, comment: str,
                keep: Mapping[str, list[str]] | None = None) -> None:
    """Write confidence.tsv; ``keep``: rows (cells) of relation types this run did not score."""
    lines = [f"# {line}" if line else "#" for line in comment.splitlines()]
    lines.append("\t".join(HEADER))
    body = [[c.rule, c.type, str(c.n), str(c.correct), f"{c.precision:.3f}", f"{conf:.3f}"]
            for c, conf in rows]
    body += list((keep or {}).values())
    lines += ["\t".join(cells) for cells in sorted(body)]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def read_rows(path: Path) -> dict[str, list[str]]:
    """rule -> cells of an existing confidence.tsv (to keep the types a new run does not score)."""
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "rule" or len(cells) < len(HEADER):
            continue
        out[cells[0]] = cells
    return out
