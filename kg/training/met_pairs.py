"""Train the learned meeting reader (kg.extract.learned) on gold meetings; cross-validate it by split.

    python -m kg.training.met_pairs --build OUT --gold GOLD_DIR --splits benchmarks/political \\
        [--l2 2] [--threshold 0.5] [--write kg/resources/met_pairs.tsv]

OUT is a ``kg build --out`` of the gold's articles (its parses are read again, with the learned reader
off). Every pair of names in a sentence with a meeting trigger is an example, positive when the gold
has a meeting between the two in that document. A logistic regression is fitted on all splits but one
and scored on that one, for each split in turn. The weights fitted on every split are written with
the threshold given (the bundled file: 0.5), or else the one with the best cross-validated F1 of the
rules and the reader together.
"""

from __future__ import annotations

import argparse
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg.extract import learned

THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Example:
    doc: str
    group: str  # the benchmark split the document belongs to
    pair: frozenset[str]  # the two names as the gold resolves them
    features: list[str]
    positive: bool


def examples(build: Path, gold: Path, groups: dict[str, str]) -> tuple[list[Example], dict, dict]:
    """Candidate pairs of every document of ``build`` with their labels; the gold pairs and the pairs
    the rules read, per document (names resolved as kg.evaluation resolves them)."""
    from kg.corpus import Corpus
    from kg.evaluation import NameIndex, load_gold, restrict
    from kg.extract import add_known_names, extract_document, sentences_of

    gold_entities, gold_relations = load_gold(gold)
    names = NameIndex(gold_entities, gold_relations)
    gold_pairs: dict[str, set[frozenset[str]]] = defaultdict(set)
    for g in restrict(gold_relations, ["met"]):
        if g.get("object"):
            gold_pairs[g["doc"]].add(frozenset((names.canonical(g["doc"], g["subject"]),
                                                names.canonical(g["doc"], g["object"]))))
    corpus = Corpus(build)
    read = [(doc, corpus.read_parse(doc)) for doc, _ in corpus.documents()]
    read = [(doc, parsed, sentences_of(parsed)) for doc, parsed in read]
    before = os.environ.get(learned.SETTING)
    os.environ[learned.SETTING] = "off"
    try:
        known: dict = {}
        for doc, parsed, sents in read:
            add_known_names(known, doc, parsed, sents)
        out, rules = [], defaultdict(set)
        for doc, parsed, sents in read:
            ext = extract_document(doc, parsed, known, sents)
            text = {m.id: m.text for m in ext.mentions}
            for a in ext.assertions:
                if a.type == "met" and a.subject in text and a.object in text:
                    rules[doc.id].add(frozenset((names.canonical(doc.id, text[a.subject]),
                                                 names.canonical(doc.id, text[a.object]))))
            by_sentence = defaultdict(list)
            for m in ext.mentions:
                by_sentence[m.sentence].append(m)
            for s in sents:
                ms = by_sentence.get(s.index, [])
                sides = [m for m in ms if m.type in learned.SIDES]
                for a, b, hit in learned.candidates(s, ms):
                    pair = frozenset((names.canonical(doc.id, a.text), names.canonical(doc.id, b.text)))
                    if len(pair) < 2:
                        continue
                    out.append(Example(doc.id, groups.get(doc.id, "?"), pair,
                                       learned.features(s, sides, a, b, hit), pair in gold_pairs[doc.id]))
    finally:
        if before is None:
            os.environ.pop(learned.SETTING, None)
        else:
            os.environ[learned.SETTING] = before
    return out, dict(gold_pairs), dict(rules)


def fit(train: list[Example], l2: float = 2.0, epochs: int = 400, rate: float = 5.0) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent (L2 on every weight but the bias)."""
    index: dict[str, int] = {}
    for e in train:
        for f in e.features:
            index.setdefault(f, len(index))
    x = np.zeros((len(train), len(index)), dtype=np.float64)
    for i, e in enumerate(train):
        for f in e.features:
            x[i, index[f]] = 1.0
    y = np.array([e.positive for e in train], dtype=np.float64)
    w = np.zeros(len(index))
    penalty = np.full(len(index), l2)
    penalty[index["bias"]] = 0.0
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= rate * (x.T @ (p - y) + penalty * w) / len(y)
    return {f: float(w[i]) for f, i in index.items()}


def probability(weights: dict[str, float], e: Example) -> float:
    return learned.PairModel(weights, 0.5).probability(e.features)


def score(predicted: set[tuple[str, frozenset]], gold: dict) -> tuple[int, int, int]:
    """(tp, fp, fn) of document-level pairs."""
    truth = {(d, p) for d, ps in gold.items() for p in ps}
    tp = len(predicted & truth)
    return tp, len(predicted) - tp, len(truth) - tp


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(data: list[Example], gold: dict, rules: dict,
                   l2: float) -> list[tuple[float, tuple, tuple]]:
    """For each threshold: the reader's and the rules-plus-reader's (tp, fp, fn), each split scored by
    a model fitted on the others."""
    probs: dict[int, float] = {}
    for group in sorted({e.group for e in data}):
        weights = fit([e for e in data if e.group != group], l2)
        probs.update((i, probability(weights, e)) for i, e in enumerate(data) if e.group == group)
    rule_pairs = {(d, p) for d, ps in rules.items() for p in ps}
    table = []
    for th in THRESHOLDS:
        reader = {(e.doc, e.pair) for i, e in enumerate(data) if probs[i] >= th}
        table.append((th, score(reader, gold), score(reader | rule_pairs, gold)))
    return table


def write(weights: dict[str, float], threshold: float, path: Path, note: str) -> None:
    lines = [f"# {line}" for line in note.splitlines()] + [f"# threshold {threshold}"]
    lines += [f"{f}\t{w:.4f}" for f, w in sorted(weights.items(), key=lambda t: -abs(t[1])) if abs(w) >= 1e-4]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def split_of(folder: Path) -> dict[str, str]:
    """Document id -> split, from a benchmark folder of split subfolders of <id>.txt files."""
    return {f.stem: sub.name for sub in folder.iterdir() if sub.is_dir() for f in sub.glob("*.txt")}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", type=Path, required=True, help="a kg build --out of the gold's articles")
    ap.add_argument("--gold", type=Path, required=True, help="directory of gold *.relations.jsonl")
    ap.add_argument("--splits", type=Path, required=True, help="benchmark folder, a subfolder a split")
    ap.add_argument("--l2", type=float, default=2.0, help="L2 penalty (the bundled weights: 2)")
    ap.add_argument("--threshold", type=float, help="write this threshold, not the best")
    ap.add_argument("--write", type=Path, help="write the weights fitted on every split here")
    args = ap.parse_args(argv)
    data, gold, rules = examples(args.build, args.gold, split_of(args.splits))
    print(f"{len(data)} candidate pairs, {sum(e.positive for e in data)} positive; "
          f"{sum(len(v) for v in gold.values())} gold meetings")
    tp, fp, fn = score({(d, p) for d, ps in rules.items() for p in ps}, gold)
    print(f"rules alone: tp {tp} fp {fp} fn {fn}")
    table = cross_validate(data, gold, rules, args.l2)
    print("threshold | reader tp fp fn F1 | rules + reader tp fp fn F1")
    for th, alone, both in table:
        print(f"{th:.1f} | {alone[0]} {alone[1]} {alone[2]} {f1(*alone):.3f} | {both[0]} {both[1]} {both[2]} "
              f"{f1(*both):.3f}")
    if args.write:
        best = max(table, key=lambda t: (f1(*t[2]), t[0]))
        if args.threshold is not None:
            best = min(table, key=lambda t: abs(t[0] - args.threshold))
        (tp, fp, fn), both = best[1], best[2]
        note = (f"Meeting-pair weights (kg.extract.learned), fitted by kg.training.met_pairs on {len(data)} "
                f"candidate pairs\nof {args.gold} (l2 {args.l2}). Cross-validated by split at threshold "
                f"{best[0]}: the reader alone\nP {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f}, "
                f"rules + reader F1 {f1(*both):.3f}.")
        write(fit(data, args.l2), best[0], args.write, note)
        print(f"wrote {args.write} (threshold {best[0]})")


if __name__ == "__main__":
    main()
