"""A learned reader of meetings: a logistic model over pairs of names in a sentence with a meeting trigger.

The rules read a meeting from the parts of a sentence they know (a host and his guest, X مع Y, a
delegation's head); where the parse or the wording defeats them, the meeting is lost. This reader
weighs what a pair of names has around it (the trigger, the order of the two names and the trigger,
the words before each name and between them, their links to the trigger in the tree) with weights
learnt from the gold meetings of the political benchmark's spent splits (``kg.training.met_pairs``
writes kg/resources/met_pairs.tsv). It adds a meeting the rules did not read when the model's
probability reaches the file's threshold; the assertion's rule is ``met:learned``.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.extract import frames, surface, triggers
from kg.extract.mentions import Mention
from kg.extract.model import Assertion
from kg.extract.sentence import Sentence, Word
from kg.text import match_key

WEIGHTS = Path(__file__).resolve().parent.parent / "resources" / "met_pairs.tsv"
SETTING = "KG_MET_PAIRS"  # another weights file, or "off" for the rules alone
SIDES = ("PER", "ORG", "LOC")
COMMAS = ("،", ",")
RULE = "learned"


@dataclass(frozen=True)
class PairModel:
    """Feature weights and the probability a pair needs to count as a meeting."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def model() -> PairModel | None:
    """The bundled model, or the one $KG_MET_PAIRS names; None when it says "off" (the rules alone)."""
    setting = os.environ.get(SETTING, "")
    if setting.lower() in ("off", "0", "none"):
        return None
    return load(Path(setting) if setting else WEIGHTS)


@cache
def load(path: Path) -> PairModel:
    """The weights and threshold written in ``path``."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no meeting-pair weights; unset {SETTING} or rerun "
                                "python -m kg.training.met_pairs")
    weights: dict[str, float] = {}
    threshold = 1.0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# threshold"):
            threshold = float(line.split()[-1])
        if not line.strip() or line.startswith("#"):
            continue
        feature, _, value = line.rpartition("\t")
        try:
            weights[feature] = float(value)
        except ValueError as e:
            raise ValueError(f"{path}:{n}: bad weight {value!r}; "
                             "rerun python -m kg.training.met_pairs") from e
    return PairModel(weights, threshold)


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8, 12, 20)) -> str:
    return next((str(e) for e in edges if n <= e), "more")


def _top(sent: Sentence, m: Mention) -> Word:
    """The word of a name whose head lies outside it."""
    words = sent.words[m.first:m.last + 1]
    return next((w for w in words if not m.first <= w.head <= m.last), words[0])


def _key_at(sent: Sentence, i: int) -> str:
    return sent.words[i].key if 0 <= i < len(sent.words) else "^"


def features(sent: Sentence, mentions: list[Mention], a: Mention, b: Mention, hit: triggers.Hit) -> list[str]:
    """What a pair of names (``a`` before ``b``) has around it, as feature names."""
    t = hit.word
    order = "".join(x for _, x in sorted([(a.first, "A"), (b.first, "B"), (t, "T")]))
    top_a, top_b = _top(sent, a), _top(sent, b)
    between = sum(1 for m in mentions if a.last < m.first < b.first)
    commas = sum(1 for w in sent.words[a.last + 1:b.first] if w.text in COMMAS)
    ranked = sorted(mentions, key=lambda m: m.first)
    index_a, index_b = ranked.index(a), ranked.index(b)
    gap = [w.key for w in sent.words[min(a.last, t) + 1:max(b.first, t)] if not w.punct][:12]
    adjunct = surface.adjunct(sent, mentions, a.last + 1, frames.np_start(sent, b, mentions) - 1)
    marker_b = frames.marker(sent, b, mentions)
    return [
        "bias", f"t={hit.key}", f"pos={order}", f"pos_t={order}_{hit.key}",
        f"prevA={_key_at(sent, a.first - 1)}", f"prevB={_key_at(sent, b.first - 1)}",
        f"prev2B={_key_at(sent, b.first - 2)}", f"prevB_pos={_key_at(sent, b.first - 1)}_{order}",
        f"dA={_bucket(abs(a.first - t))}", f"dB={_bucket(abs(b.first - t))}",
        f"betw={_bucket(between, (0, 1, 2, 3))}", f"n={_bucket(len(mentions), (2, 3, 4, 6, 9))}",
        f"types={a.type}{b.type}", f"relA={top_a.deprel}", f"relB={top_b.deprel}",
        f"headA_t={top_a.head == t}", f"headB_t={top_b.head == t}",
        f"relA_t={top_a.deprel}_{top_a.head == t}", f"relB_t={top_b.deprel}_{top_b.head == t}",
        f"subjA={top_a.head == t and top_a.rel == 'nsubj'}",
        f"objB={top_b.head == t and top_b.rel in ('obj', 'obl', 'nmod')}",
        f"commas={_bucket(commas, (0, 1, 2, 4))}", f"firstA={index_a == 0}",
        f"nextB={index_b == index_a + 1}",
        f"roleA={a.role is not None}", f"roleB={b.role is not None}", f"nominal={hit.nominal}",
        f"outletA={a.outlet}", f"outletB={b.outlet}", f"prevT={_key_at(sent, t - 1)}",
        *(f"btw={k}" for k in gap), *(f"btwT={w.key}" for w in sent.words[t + 1:t + 4]),
        f"adjunct={adjunct}", f"adjunct_pos={adjunct}_{order}",
        f"markerA={frames.marker(sent, a, mentions)}", f"markerB={marker_b}",
        f"markerB_pos={marker_b}_{order}",
    ]


def across_a_clause(sent: Sentence, m: Mention, t: int) -> bool:
    """A content clause (أن، إن ...) begins between the name and the trigger: the name is its speaker or
    lies outside the meeting's clause (وأضافت X أن الجانبين سيبحثان خلال لقاء Y وZ)."""
    lo, hi = (m.last + 1, t) if m.last < t else (t + 1, m.first)
    return any(w.key in frames.CLAUSE_MARKERS for w in sent.words[lo:hi])


def in_another_phrase(sent: Sentence, mentions: list[Mention], a: Mention, b: Mention, t: int) -> bool:
    """After the trigger and ``a``, a bare ``b`` behind a noun of its own belongs to that noun's phrase,
    not to the verb (استقبل X، جثمان الشهيد Y: the body, not Y), as the rules read it."""
    return t < a.first and frames.marker(sent, b, mentions, t + 1) is None \
        and not surface.adjunct(sent, mentions, a.last + 1, frames.np_start(sent, b, mentions) - 1)


def joined_by_and(sent: Sentence, mentions: list[Mention], a: Mention, b: Mention, t: int) -> bool:
    """``b`` is one of the names joined to ``a`` by و with no trigger between them: one side of the
    meeting (استقبل X كلا من Y وZ: Y and Z are guests; سيجري لقاءات مع X وY)."""
    if a.last < t < b.first:
        return False
    return b in frames.coordinated(sent, a, mentions, frames.clause_end(sent, a.last, stop_at_content=False))


def candidates(sent: Sentence, mentions: list[Mention]) -> list[tuple[Mention, Mention, triggers.Hit]]:
    """Each pair of differently named persons, bodies or places in a sentence with a meeting trigger,
    with the trigger nearest to it, less the pairs the sentence's structure rules out (one side joined
    by و, a name inside another noun's phrase, a name outside the trigger's clause)."""
    hits = triggers.find(sent, "met")
    sides = sorted((m for m in mentions if m.type in SIDES and m.sentence == sent.index),
                   key=lambda m: m.first)
    if not hits or len(sides) < 2:
        return []
    out = []
    for i, a in enumerate(sides):
        for b in sides[i + 1:]:
            if match_key(a.text) == match_key(b.text):
                continue
            middle = (a.first + b.last) / 2
            hit = min(hits, key=lambda h: abs(h.word - middle))
            t = hit.word
            if not (joined_by_and(sent, sides, a, b, t) or in_another_phrase(sent, sides, a, b, t)
                    or across_a_clause(sent, a, t) or across_a_clause(sent, b, t)):
                out.append((a, b, hit))
    return out


def read_pairs(sent: Sentence, mentions: list[Mention], found: list[Assertion],
               pair_model: PairModel | None) -> list[tuple[Mention, Mention, triggers.Hit, float]]:
    """The pairs the model reads as meetings that no rule related in this sentence, with their
    probability."""
    if pair_model is None:
        return []
    related = {frozenset((x.subject, x.object)) for x in found
               if x.type in ("met", "contacted", "attended") and x.evidence.sentence_index == sent.index}
    together = {h for x in found for h in (*x.hosts, *x.participants)}  # paired by the rules
    attendees = {x.subject for x in found if x.type == "attended"}  # present, not a side
    sides = [m for m in mentions if m.type in SIDES]
    out = []
    for a, b, hit in candidates(sent, mentions):
        if frozenset((a.id, b.id)) in related or {a.id, b.id} <= together or {a.id, b.id} & attendees:
            continue
        p = pair_model.probability(features(sent, sides, a, b, hit))
        if p >= pair_model.threshold:
            out.append((a, b, hit, p))
    return around_one_side(out)


def around_one_side(pairs: list[tuple[Mention, Mention, triggers.Hit, float]]
                    ) -> list[tuple[Mention, Mention, triggers.Hit, float]]:
    """Of one trigger's pairs, those that share the name most of them share: a meeting the reader adds is
    one side with the others (a host and his guests, a chair and the members), not every pair of a
    list of names (اجتماعا ضم مستشاريه X، وY، وZ)."""
    by_hit: dict[int, list] = {}
    for pair in pairs:
        by_hit.setdefault(pair[2].word, []).append(pair)
    out = []
    for group in by_hit.values():
        weight: dict[str, float] = {}
        for a, b, _, p in group:
            for m in (a, b):
                weight[m.id] = weight.get(m.id, 0.0) + p
        center = max(weight, key=lambda k: (sum(k in (a.id, b.id) for a, b, _, _ in group), weight[k]))
        out += [pair for pair in group if center in (pair[0].id, pair[1].id)]
    return out
