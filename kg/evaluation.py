"""Score extracted entities and relations against hand-annotated gold (benchmarks/gold/).

Gold and predictions are plain JSON-like records, so the scorer works on `kg build` output,
on another system's output, or on hand-written test cases alike:

* gold entity: ``{"doc", "label", "type", "aliases"}``, one record per entity per document;
* gold relation: ``{"doc", "type", "subject", "object", "theme", "negated", "modality", "date",
  "evidence"}``, one record per sentence that states the relation (see benchmarks/gold/GUIDELINES.md);
* predicted entity: ``{"label", "type", "aliases", "docs"}`` (or ``"doc"`` for a single document);
* predicted relation: the gold shape, with ``"sentence"`` and ``"confidence"`` instead of ``"evidence"``.

Matching rules (the point of the module; everything else is counting):

* Everything is matched **per document**; predictions for documents the gold does not cover are
  ignored, because the gold annotates a sample of the corpus, not all of it.
* **Names** are compared by :func:`name_variants`: kg.text.match_key (no diacritics; أ/إ/آ=ا,
  ة=ه, ى=ي), edge quotes and brackets dropped, the spacing of compound name words folded
  (عبد العزيز = عبدالعزيز, kg.text.name_key), and, only when the rest is a known gold name of that
  document, leading clitics stripped (و ف ب ك ل, up to two, and لل -> ال: "لداعش" is داعش,
  "للولايات المتحدة" is الولايات المتحدة). A predicted name matches a gold entity when it equals
  the entity's label or any alias of it in that document ("الكاظمي" is مصطفى الكاظمي).
* **Entities** match on document, type, and at least one shared name (predicted label or alias
  against gold label or alias).
* **Relations** match on document, type, subject and object; met and contacted are symmetric, so
  the order of the two parties is ignored; a null object matches only a null object.
* Matching is **one-to-one** (a maximum matching): two predictions cannot both be credited with one
  gold record, so a system that splits an entity, or repeats a relation more often than the text
  states it, gets false positives. Among equally large matchings, pairs that agree on the evidence
  sentence and the attributes are preferred.
* **Attributes** are not part of the match: theme, date, modality and negation are reported as
  accuracies over the matched pairs of the relation types they apply to (:data:`ATTRIBUTES`).
  Dates and modalities must be equal (null equals null: inventing a date is an error); themes
  are free text, so a theme counts as right when its words overlap the gold theme's words by at
  least :data:`THEME_MIN_OVERLAP` (Dice coefficient over match_key words), or both are null.

``unique=True`` scores facts instead of mentions: each side is first reduced to one record per
(document, type, subject, object), as a knowledge graph stores them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from kg.extract.model import ENTITY_TYPES, MODALITIES, RELATION_TYPES, SYMMETRIC
from kg.text import match_key
from kg.text import name_key as text_name_key

Record = Mapping[str, Any]

ENTITY_KEYS = ("doc", "label", "type", "aliases")
RELATION_KEYS = ("doc", "type", "subject", "object", "theme", "negated", "modality", "date", "evidence")
# Which attributes are scored for which relation types: a met has no theme, a role no date.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "theme": ("requested", "said", "role", "reported_by"),
    "date": ("met", "contacted", "requested", "said", "attended"),
    "modality": ("met", "contacted", "attended"),
    "negated": ("requested",),
}
THEME_MIN_OVERLAP = 0.5
CLITICS = "وفبكل"
MAX_CLITICS = 2
EDGE_MARKS = " \"'“”‘’«»()[]{}<>.,،:;؛!?؟-–—"
WORD = re.compile(r"\w+")


# ----------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Score:
    """Counts for one type; precision/recall/F1 are 0.0 when their denominator is 0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Accuracy:
    """How many matched pairs agree on one attribute."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass
class EntityReport:
    """Per-type and micro-averaged scores, plus the records behind them for error analysis."""

    per_type: dict[str, Score]
    overall: Score
    matches: list[tuple[Record, Record]] = field(default_factory=list)  # (predicted, gold)
    false_positives: list[Record] = field(default_factory=list)
    false_negatives: list[Record] = field(default_factory=list)


@dataclass
class RelationReport:
    """Per-type and micro-averaged scores, attribute accuracies, and the records behind them."""

    per_type: dict[str, Score]
    overall: Score
    attributes: dict[str, Accuracy]
    attributes_by_type: dict[str, dict[str, Accuracy]]
    matches: list[tuple[Record, Record]] = field(default_factory=list)  # (predicted, gold)
    false_positives: list[Record] = field(default_factory=list)
    false_negatives: list[Record] = field(default_factory=list)


# ----------------------------------------------------------------------------- gold files


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSON-lines file; blank lines are skipped, a bad line fails with its number."""
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise ValueError(f"{path}:{number}: expected a JSON object")
        records.append(record)
    return records


def load_gold(directory: str | Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """All ``*.entities.jsonl`` and ``*.relations.jsonl`` of a directory, validated.

    Returns (entities, relations). Pass the entities to :func:`score_relations` too: relation
    names are matched through their aliases.
    """
    root = Path(directory)
    entities = [rec for path in sorted(root.glob("*.entities.jsonl"))
                for rec in _checked(path, _check_entity)]
    relations = [rec for path in sorted(root.glob("*.relations.jsonl"))
                 for rec in _checked(path, _check_relation)]
    if not entities and not relations:
        raise ValueError(f"{root}: no *.entities.jsonl or *.relations.jsonl files")
    return entities, relations


def _checked(path: Path, check: Callable[[Mapping[str, Any]], str | None]) -> list[dict[str, Any]]:
    """Gold errors are annotation bugs: fail loudly, naming the file and record."""
    records = read_jsonl(path)
    for index, record in enumerate(records, 1):
        problem = check(record)
        if problem:
            raise ValueError(f"{path}: record {index}: {problem}")
    return records


def _check_entity(rec: Mapping[str, Any]) -> str | None:
    missing = [k for k in ENTITY_KEYS if k not in rec]
    if missing:
        return f"missing keys {missing}"
    if rec["type"] not in ENTITY_TYPES:
        return f"type {rec['type']!r} is not one of {ENTITY_TYPES}"
    if not isinstance(rec["aliases"], list) or not all(isinstance(a, str) and a for a in rec["aliases"]):
        return "aliases must be a list of names"
    if not isinstance(rec["label"], str) or not rec["label"]:
        return "label must be a name"
    return None


def _check_relation(rec: Mapping[str, Any]) -> str | None:
    missing = [k for k in RELATION_KEYS if k not in rec]
    if missing:
        return f"missing keys {missing}"
    if rec["type"] not in RELATION_TYPES:
        return f"type {rec['type']!r} is not one of {RELATION_TYPES}"
    if rec["modality"] is not None and rec["modality"] not in MODALITIES:
        return f"modality {rec['modality']!r} is not one of {MODALITIES}"
    if rec["type"] in SYMMETRIC and rec["modality"] is None:
        return "met/contacted need a modality"
    if rec["type"] not in (*SYMMETRIC, "attended") and rec["modality"] is not None:
        return "only met, contacted and attended have a modality"
    if not isinstance(rec["negated"], bool):
        return "negated must be true or false"
    if rec["date"] is not None:
        try:
            dt.date.fromisoformat(rec["date"])
        except (TypeError, ValueError):
            return f"date {rec['date']!r} is not yyyy-mm-dd"
    if not rec["subject"] and rec["type"] != "reported_by":
        return "subject is required"
    return None


# ----------------------------------------------------------------------------- names


def name_key(name: str) -> str:
    """The comparison key of a name: match_key without edge quotes, brackets and punctuation, and with
    the spacing of compound name words folded (عبد العزيز = عبدالعزيز: kg.text.name_key)."""
    return text_name_key(match_key(name).strip(EDGE_MARKS))


def name_variants(name: str) -> list[str]:
    """The name's key, then the keys left after stripping up to two leading clitics (لل -> ال)."""
    variants = [name_key(name)]
    frontier = list(variants)
    for _ in range(MAX_CLITICS):
        stripped = []
        for key in frontier:
            if key.startswith("لل") and len(key) > 3:
                stripped.append("ال" + key[2:])
            if key[:1] in CLITICS and len(key) > 2:
                stripped.append(key[1:].lstrip())
        variants += [v for v in stripped if v not in variants]
        frontier = stripped
    return variants


class NameIndex:
    """Gold names of each document (labels and aliases) to the canonical labels they stand for."""

    def __init__(self, entities: Iterable[Record] = (), relations: Iterable[Record] = ()) -> None:
        self._names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for ent in entities:
            for name in [ent["label"], *ent.get("aliases", ())]:
                self._names[ent["doc"]][name_key(name)].add(ent["label"])
        for rel in relations:  # a relation may name an entity the entity file lacks
            for name in (rel.get("subject"), rel.get("object")):
                if name:
                    self._names[rel["doc"]][name_key(name)].add(name)

    def resolve(self, doc: str, name: str | None) -> frozenset[str]:
        """Gold labels a predicted name can stand for in ``doc``: the exact key first, then a key
        with clitics stripped; empty when nothing matches."""
        if not name:
            return frozenset()
        known = self._names.get(doc, {})
        for variant in name_variants(name):
            if variant in known:
                return frozenset(known[variant])
        return frozenset()

    def canonical(self, doc: str, name: str | None) -> str | None:
        """One label for ``name``: the gold label it resolves to, else its own key."""
        if not name:
            return None
        labels = self.resolve(doc, name)
        return min(labels) if labels else name_key(name)


# ----------------------------------------------------------------------------- entities


def score_entities(pred: Iterable[Record], gold: Iterable[Record], types: Sequence[str] | None = ("PER",),
                   *, docs: Collection[str] | None = None) -> EntityReport:
    """Precision/recall/F1 of predicted entities per type (``types=None``: all types).

    A predicted entity that spans several documents counts once in each of them. ``docs``
    limits scoring to those documents (default: the documents of the gold entities).
    """
    wanted = tuple(types) if types is not None else ENTITY_TYPES
    every = list(gold)
    gold_items = [g for g in every if g["type"] in wanted]
    scope = set(docs) if docs is not None else {g["doc"] for g in every}
    pred_items = [
        {**p, "doc": doc}
        for p in pred if p.get("type") in wanted
        for doc in (p.get("docs") or ([p["doc"]] if p.get("doc") else []))
        if doc in scope
    ]
    index = NameIndex(gold_items)

    def labels(p: Record) -> set[str]:
        names = [p.get("label"), *(p.get("aliases") or ())]
        return {lab for name in names for lab in index.resolve(p["doc"], name)}

    resolved = [labels(p) for p in pred_items]

    def compatible(i: int, j: int) -> bool:
        p, g = pred_items[i], gold_items[j]
        return p["doc"] == g["doc"] and p["type"] == g["type"] and g["label"] in resolved[i]

    def preference(i: int, j: int) -> int:  # the predicted label itself naming the gold entity is best
        return int(gold_items[j]["label"] in index.resolve(pred_items[i]["doc"], pred_items[i].get("label")))

    pairs = _match(pred_items, gold_items, compatible, preference, group=lambda r: (r["doc"], r["type"]))
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    per_type = {}
    for typ in wanted:
        per_type[typ] = Score(
            tp=sum(1 for _, j in pairs if gold_items[j]["type"] == typ),
            fp=sum(1 for i, p in enumerate(pred_items) if p["type"] == typ and i not in matched_pred),
            fn=sum(1 for j, g in enumerate(gold_items) if g["type"] == typ and j not in matched_gold),
        )
    return EntityReport(
        per_type=per_type,
        overall=sum(per_type.values(), Score()),
        matches=[(pred_items[i], gold_items[j]) for i, j in pairs],
        false_positives=[p for i, p in enumerate(pred_items) if i not in matched_pred],
        false_negatives=[g for j, g in enumerate(gold_items) if j not in matched_gold],
    )


# ----------------------------------------------------------------------------- relations


def score_relations(pred: Iterable[Record], gold: Iterable[Record], entities: Iterable[Record] = (), *,
                    docs: Collection[str] | None = None, unique: bool = False,
                    types: Collection[str] | None = None,
                    predicted_entities: Iterable[Record] = ()) -> RelationReport:
    """Precision/recall/F1 of predicted relations per type, and attribute accuracies.

    ``entities`` are the gold entities: without them a predicted name must equal the gold label
    (up to match_key and clitics); with them any alias of the entity in that document matches.
    ``docs`` limits scoring to those documents (default: every document the gold annotates).
    ``unique`` scores distinct facts instead of sentence-level mentions. ``types`` scores only those
    relation types (a benchmark that annotates met/contacted/requested/attended only): predictions
    and gold of other types are left out, and only these types get a row. ``predicted_entities``
    (label, aliases): a predicted name that names no gold entity of its document is tried by its
    entity's other spellings (the label chosen across documents, سيرجي لافروف, where the document
    writes سيرغي لافروف).
    """
    entities = list(entities)
    if types:
        pred, gold = restrict(pred, types), restrict(gold, types)
    gold_items = [dict(g) for g in gold]
    scope = set(docs) if docs is not None else {r["doc"] for r in [*gold_items, *entities]}
    index = NameIndex(entities, gold_items)
    pred_items = [dict(p) for p in pred if p.get("doc") in scope]
    gold_items = [g for g in gold_items if g["doc"] in scope]
    if unique:
        pred_items = _unique(pred_items, index)
        gold_items = _unique(gold_items, index)
    spellings = {e["label"]: e.get("aliases", ()) for e in predicted_entities if e.get("label")}
    ends = [(_End.of(p["doc"], p.get("subject"), index, spellings),
             _End.of(p["doc"], p.get("object"), index, spellings)) for p in pred_items]

    def compatible(i: int, j: int) -> bool:
        g = gold_items[j]
        subj, obj = ends[i]
        if g["type"] != pred_items[i]["type"]:
            return False
        if subj.fits(g["subject"]) and obj.fits(g["object"]):
            return True
        return g["type"] in SYMMETRIC and subj.fits(g["object"]) and obj.fits(g["subject"])

    def preference(i: int, j: int) -> int:
        p, g = pred_items[i], gold_items[j]
        agree = sum(_attribute_ok(name, p, g) for name, applies in ATTRIBUTES.items() if g["type"] in applies)
        return 2 * _same_sentence(p, g) + agree

    pairs = _match(pred_items, gold_items, compatible, preference, group=lambda r: (r["doc"], r["type"]))
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    seen = {r["type"] for r in [*gold_items, *pred_items]}
    if types:
        rows = [t for t in RELATION_TYPES if t in types] + sorted(set(types) - set(RELATION_TYPES))
    else:  # every type, so a 0/0 row shows as '-'
        rows = [*RELATION_TYPES, *sorted(seen - set(RELATION_TYPES))]
    per_type = {
        typ: Score(
            tp=sum(1 for _, j in pairs if gold_items[j]["type"] == typ),
            fp=sum(1 for i, p in enumerate(pred_items) if p["type"] == typ and i not in matched_pred),
            fn=sum(1 for j, g in enumerate(gold_items) if g["type"] == typ and j not in matched_gold),
        )
        for typ in rows
    }
    by_type: dict[str, dict[str, Accuracy]] = defaultdict(dict)
    for i, j in pairs:
        p, g = pred_items[i], gold_items[j]
        for name, applies in ATTRIBUTES.items():
            if g["type"] in applies:
                previous = by_type[g["type"]].get(name, Accuracy())
                by_type[g["type"]][name] = previous + Accuracy(int(_attribute_ok(name, p, g)), 1)
    attributes = {
        name: sum((acc[name] for acc in by_type.values() if name in acc), Accuracy()) for name in ATTRIBUTES
    }
    return RelationReport(
        per_type=per_type,
        overall=sum(per_type.values(), Score()),
        attributes=attributes,
        attributes_by_type=dict(by_type),
        matches=[(pred_items[i], gold_items[j]) for i, j in pairs],
        false_positives=[p for i, p in enumerate(pred_items) if i not in matched_pred],
        false_negatives=[g for j, g in enumerate(gold_items) if j not in matched_gold],
    )


def restrict(records: Iterable[Record], types: Collection[str] | None) -> list[Record]:
    """The records of the given relation types (all of them when ``types`` is empty or None)."""
    return [r for r in records if not types or r.get("type") in types]


THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def score_by_threshold(pred: Iterable[Record], gold: Iterable[Record], entities: Iterable[Record] = (), *,
                       thresholds: Sequence[float] = THRESHOLDS,
                       predicted_entities: Iterable[Record] = ()) -> list[tuple[float, Score]]:
    """Micro-averaged relation scores of the predictions whose confidence is at least each threshold:
    what ``kg relations --min-confidence T`` would give against this gold (a prediction without a
    confidence counts as 1.0)."""
    pred, gold, entities, named = list(pred), list(gold), list(entities), list(predicted_entities)

    def conf(r: Record) -> float:
        c = r.get("confidence")
        return 1.0 if c is None else float(c)

    return [(t, score_relations([p for p in pred if conf(p) >= t - 1e-9], gold, entities,
                                predicted_entities=named).overall) for t in thresholds]


def format_thresholds(table: Sequence[tuple[float, Score]]) -> str:
    """The threshold table as text: the relations kept at each minimum confidence, and how good."""
    lines = ["Relations by minimum confidence", f"{'min conf':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}"
             f"{'FN':>6}"]
    for t, sc in table:
        p = f"{sc.precision:>7.3f}" if sc.predicted else f"{'-':>7}"
        r = f"{sc.recall:>7.3f}" if sc.gold else f"{'-':>7}"
        f = f"{sc.f1:>7.3f}" if sc.predicted and sc.gold else f"{'-':>7}"
        lines.append(f"{'>= ' + format(t, '.2f'):<14}{p}{r}{f}{sc.tp:>6}{sc.fp:>6}{sc.fn:>6}")
    return "\n".join(lines)


class _End(NamedTuple):
    """One end (subject or object) of a predicted relation, resolved to the gold labels it may name."""

    labels: frozenset[str]
    null: bool

    @classmethod
    def of(cls, doc: str, name: str | None, index: NameIndex,
           spellings: Mapping[str, Sequence[str]] | None = None) -> _End:
        labels = index.resolve(doc, name)
        for alias in (spellings or {}).get(name or "", ()) if not labels else ():
            if labels := index.resolve(doc, alias):
                break
        return cls(labels, not name)

    def fits(self, gold: str | None) -> bool:
        """Null matches null only; a name matches a gold label it resolves to."""
        return self.null if gold is None else gold in self.labels


def _unique(records: list[dict[str, Any]], index: NameIndex) -> list[dict[str, Any]]:
    """The first record of each (doc, type, subject, object) fact; parties unordered for met/contacted."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for rec in records:
        parties: tuple[Any, ...] = (index.canonical(rec["doc"], rec.get("subject")),
                                    index.canonical(rec["doc"], rec.get("object")))
        if rec["type"] in SYMMETRIC:
            parties = tuple(sorted(parties, key=lambda x: (x is None, x or "")))
        key = (rec["doc"], rec["type"], *parties)
        if key not in seen:
            seen.add(key)
            kept.append(rec)
    return kept


def _same_sentence(pred: Record, gold: Record) -> bool:
    """Whether the predicted sentence contains the gold evidence (or the other way round)."""
    sentence, evidence = pred.get("sentence") or pred.get("evidence"), gold.get("evidence")
    if not sentence or not evidence:
        return False
    a, b = _words_key(sentence), _words_key(evidence)
    return bool(a and b) and (b in a or a in b)


def _words_key(text: str) -> str:
    return " ".join(WORD.findall(match_key(text)))


def _attribute_ok(name: str, pred: Record, gold: Record) -> bool:
    """Whether one attribute of a matched pair agrees (see the module docstring)."""
    if name == "theme":
        return theme_agrees(pred.get("theme"), gold.get("theme"))
    if name == "date":
        return _iso(pred.get("date")) == _iso(gold.get("date"))
    if name == "negated":
        return bool(pred.get("negated")) == bool(gold.get("negated"))
    return pred.get(name) == gold.get(name)


def theme_agrees(pred: str | None, gold: str | None) -> bool:
    """Free-text themes agree when both are null or their words overlap enough (Dice >= 0.5)."""
    if not pred or not gold:
        return not pred and not gold
    a, b = set(WORD.findall(match_key(pred))), set(WORD.findall(match_key(gold)))
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= THEME_MIN_OVERLAP


def _iso(value: Any) -> str | None:
    """Dates may come as date objects or strings; compare their yyyy-mm-dd form."""
    if value is None or value == "":
        return None
    return value.isoformat()[:10] if isinstance(value, dt.date) else str(value)[:10]


# ----------------------------------------------------------------------------- matching


def _match(pred: Sequence[Record], gold: Sequence[Record], compatible: Callable[[int, int], bool],
           preference: Callable[[int, int], int], group: Callable[[Record], Any]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of compatible (pred, gold) pairs within each group.

    Greedy on preference first (so agreeing pairs are kept together), then augmenting paths
    (Kuhn's algorithm) make it maximum: more matches always win over better-agreeing ones.
    """
    gold_by_group: dict[Any, list[int]] = defaultdict(list)
    for j, g in enumerate(gold):
        gold_by_group[group(g)].append(j)
    edges: dict[int, list[int]] = {}
    for i, p in enumerate(pred):
        options = [j for j in gold_by_group.get(group(p), []) if compatible(i, j)]
        edges[i] = sorted(options, key=lambda j, i=i: (-preference(i, j), j))
    owner: dict[int, int] = {}  # gold -> pred
    taken: dict[int, int] = {}  # pred -> gold
    ranked = sorted((-preference(i, j), i, j) for i, js in edges.items() for j in js)
    for _, i, j in ranked:
        if i not in taken and j not in owner:
            owner[j], taken[i] = i, j

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j], taken[i] = i, j
                return True
        return False

    for i in edges:
        if i not in taken and edges[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


# ----------------------------------------------------------------------------- report


def format_report(entities: EntityReport | None = None, relations: RelationReport | None = None) -> str:
    """A plain-text table of the scores (what `kg eval` prints); '-' where there is nothing to score."""
    lines: list[str] = []
    header = f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"

    def row(name: str, score: Score) -> str:
        def cell(value: float, defined: bool) -> str:
            return f"{value:>7.3f}" if defined else f"{'-':>7}"
        both = score.predicted > 0 and score.gold > 0
        return (f"{name:<14}{cell(score.precision, score.predicted > 0)}{cell(score.recall, score.gold > 0)}"
                f"{cell(score.f1, both)}{score.tp:>6}{score.fp:>6}{score.fn:>6}")

    if entities is not None:
        lines += ["Entities", header, *(row(t, s) for t, s in entities.per_type.items())]
        if len(entities.per_type) > 1:
            lines.append(row("all (micro)", entities.overall))
    if relations is not None:
        if lines:
            lines.append("")
        lines += ["Relations", header, *(row(t, s) for t, s in relations.per_type.items()),
                  row("all (micro)", relations.overall), "", "Attributes of matched relations"]
        for name, acc in relations.attributes.items():
            shown = f"{acc.value:>7.3f}" if acc.total else f"{'-':>7}"
            lines.append(f"{name:<14}{shown}{acc.correct:>6} / {acc.total}")
    return "\n".join(lines)
