"""Calibrate relation confidence on gold: kg/resources/confidence.tsv, rule -> share correct.

Builds (or reuses) the graph of each document set, scores it against its gold with kg.evaluation,
counts for every extraction rule how many of its assertions were right, and writes the smoothed
precision of each rule (kg.calibration) to kg/resources/confidence.tsv, which `kg build` loads: an
assertion's confidence is then the share of its rule's output that was right on this gold.

    python benchmarks/calibrate.py benchmarks/gold-dev benchmarks/dev \\
        --also benchmarks/gold:seeds --work /tmp/calib
    # the political benchmark annotates met, contacted, requested and attended only: score those,
    # keep the other types' rows of the existing table
    python benchmarks/calibrate.py benchmarks/gold-political benchmarks/political/dev \\
        --types met,contacted,requested,attended --work /tmp/calib

Only the gold of the documents built is used (a gold directory that also holds a test split is
fine: its documents are not built, so they are not scored). Never calibrate on a test split.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

os.environ.setdefault("KG_THREADS", "1")

from kg.builder import build  # noqa: E402
from kg.calibration import PRIOR_WEIGHT, count_rules, merge, read_rows, smoothed, write_table  # noqa: E402
from kg.evaluation import load_gold  # noqa: E402
from kg.extract.confidence import TABLE  # noqa: E402
from kg.query import open_graph, relation_rows  # noqa: E402


def counts_for(gold_dir: Path, docs: list[Path], work: Path, types: list[str] | None, pipeline):
    gold_entities, gold_relations = load_gold(gold_dir)
    report = build(docs, work, pipeline)
    if not report.ok:
        print(f"warning: {len(report.skipped)} documents skipped in {docs}", file=sys.stderr)
    ds = open_graph(work)
    rows = relation_rows(ds)
    built = set(report.parsed) | set(report.unchanged)
    scope = {g["doc"] for g in [*gold_entities, *gold_relations]} & built
    if not scope:
        raise SystemExit(f"none of the documents in {docs} is annotated in {gold_dir}")
    return count_rules(rows, gold_relations, gold_entities, docs=scope, types=types), len(scope)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="gold directory (*.entities.jsonl, *.relations.jsonl)")
    ap.add_argument("docs", type=Path, nargs="+", help="the documents it annotates (files or directories)")
    ap.add_argument("--also", action="append", default=[], metavar="GOLD:DOCS",
                    help="another gold directory and its documents, pooled with the first")
    ap.add_argument("--types", default="", help="score only these relation types (comma-separated); the "
                                                "other types' rows of the existing table are kept")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-calibrate"),
                    help="where the graphs are built (parses are reused on a second run)")
    ap.add_argument("--out", type=Path, default=TABLE, help=f"table to write (default {TABLE})")
    ap.add_argument("--prior-weight", type=float, default=PRIOR_WEIGHT)
    args = ap.parse_args(argv)
    from kg.nlp import default_pipeline

    types = [t for t in args.types.split(",") if t] or None
    sets = [(args.gold, args.docs)]
    sets += [(Path(g), [Path(d)]) for g, d in (x.split(":", 1) for x in args.also)]
    pipeline = default_pipeline()
    tables, described = [], []
    for n, (gold, docs) in enumerate(sets):
        counts, ndocs = counts_for(gold, docs, args.work / f"set{n}", types, pipeline)
        tables.append(counts)
        described.append(f"{gold} ({ndocs} documents)")
    counts = merge(*tables)
    rows = smoothed(counts, args.prior_weight)
    scored = {c.type for c, _ in rows}
    keep = {rule: cells for rule, cells in read_rows(args.out).items()
            if types is not None and cells[1] not in types and cells[1] not in scored}
    command = "python benchmarks/calibrate.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    kinds = ", ".join(types) if types else "all"
    comment = "\n".join([
        "Calibrated confidence per extraction rule (kg.calibration; loaded by kg.extract.confidence).",
        f"Written by: {command}",
        f"Gold: {'; '.join(described)}; relation types: {kinds}.",
        "n: the rule's assertions in those documents; correct: matched to a gold record; precision:",
        f"correct / n; confidence: (correct + k * prior) / (n + k), k = {args.prior_weight:g}, prior the",
        "type's row (TYPE:*), itself smoothed towards the precision of all rules. Rules not listed get",
        f"their type's row. Kept from an earlier run (types not scored here): {len(keep)} rows."])
    write_table(rows, args.out, comment, keep)
    for c, conf in rows:
        print(f"{c.rule:<32}{c.n:>5}{c.correct:>5}{c.precision:>8.3f}{conf:>8.3f}")
    print(f"-> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
