"""Delegations: who stands for a side whose people are not named.

A delegation meeting counts between the heads the sentence names (ترأس X الوفد, الوفد الذي رأسه Y,
وفد برئاسة Z); a guest side named only as a group (وفدا من جمهورية الجزائر، وزراء خارجية دول مجلس
التعاون، نظراءه في دول مجلس التعاون) is the country or organization the group is of.
Used by kg.extract.relations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import frames, nominal
from kg.extract.mentions import QUOTE_MARKS, TIMES_OF_DAY, Mention, group_noun

if TYPE_CHECKING:
    from kg.extract.relations import Context

HEAD_VERBS = {"راس", "تراس", "يراس", "تتراس", "يتراس"}
HEAD_NOUNS = {"برئاسه", "رئاسه", "بقياده"}  # and ب + قياده (led by; قيادة alone is a command)
# verbs that may sit inside a group's phrase before its origin: وفدا قدم من الجزائر، وفد قادم من
ARRIVAL_VERBS = {"قدم", "قادم", "قادما", "وصل", "يزور", "الزائر", "الزائرين"}
MEET_PARTIES = ("PER", "ORG", "LOC")

def heads(ctx: Context) -> list[Mention]:
    """Heads of the delegations a sentence names (ترأس X الوفد, الوفد الذي رأسه Y, وفد برئاسة Z): a
    delegation meeting counts between them; an unnamed head's country stands for its side."""
    s, cands = ctx.sent, [m for m in ctx.mentions if m.type in MEET_PARTIES]
    if not any("وفد" in w.key for w in s.words):
        return []
    out: list[Mention] = []
    for w in s.words:
        if _head_noun(s, w.i):
            found = next((m for m in cands if w.i < m.first <= w.i + 3), None)
        elif (w.lemma in HEAD_VERBS or w.key in HEAD_VERBS) and w.upos == "VERB":
            nxt = s.words[w.i + 1] if w.i + 1 < len(s.words) else None
            if nxt is not None and nxt.tok == w.tok and nxt.upos == "PRON":  # رأسه X
                found = next((m for m in cands if w.i + 1 < m.first <= w.i + 6), None)
            else:
                found, _ = frames.subject(s, w.i, cands, frames.clause_end(s, w.i))
        else:
            continue
        if found is not None and found not in out:
            out.append(found)
    return out


def own_head(ctx: Context) -> str | None:
    """The one head of a delegation a sentence names before a bare "الوفد" later in it (الوفد الذي
    يترأسه X ...، حيث اجتمع الوفد مع Y), or None."""
    s = ctx.sent
    if not any(w.key == "الوفد" for w in s.words):
        return None
    found = heads(ctx)
    if len(found) != 1 or found[0].type != "PER":
        return None
    return found[0].text if any(w.key == "الوفد" for w in s.words[found[0].last + 1:]) else None


def _head_noun(s, i: int) -> bool:
    """برئاسة / بقيادة at word i: the delegation's head follows."""
    w = s.words[i]
    led = w.key == "قياده" and i > 0 and s.words[i - 1].key == "ب"
    return w.key in HEAD_NOUNS or w.lemma in HEAD_NOUNS or led


def _stops(w) -> bool:
    return w.key in frames.CLAUSE_MARKERS or w.key in frames.BOUNDARY_CONJ or w.text in ".؟!?؛;:"


def guest_side(ctx: Context, t: int, parties: list[Mention]) -> tuple[list[Mention], int]:
    """The hosts and, last, the side a group of guests stands for, when the meeting verb at t has one
    (استقبل X وY، ظهر أمس، وفدا قدم من الجزائر: X, Y and الجزائر), or the group's members when it names
    them; with the number of hosts. ([], 0) when it has none. The hosts
    are the parties already read, when they are one subject and its conjuncts, or else the persons
    named between the verb and the group outside any prepositional phrase."""
    s, ms = ctx.sent, ctx.mentions
    if parties:
        if len(parties) != 1 + len(frames.coordinated(s, parties[0], parties, frames.clause_end(s, t))):
            return [], 0  # a subject and an object already: the group is no guest of theirs
        group, side = unnamed_side(ctx, max(t, parties[-1].last) + 1)
        hosts = parties
    else:
        group, side = unnamed_side(ctx, t + 1, reach=40)
        hosts = [m for m in ms if t < m.first and m.last < group and m.type == "PER"
                 and frames.marker(s, m, ms, t + 1) is None]
    members = [m for m in named_members(ctx, group) if m not in hosts] if group >= 0 else []
    if not hosts or side is None and not members:
        return [], 0
    if side is not None and any(side.text == m.text for m in hosts):
        return [], 0
    sides = [side] if side is not None else []
    if side is not None and side.first == group + 1:  # سفراء السويد والدنمارك وسويسرا: each country's
        end = frames.clause_end(s, group)
        sides += [m for m in frames.coordinated(s, side, ms, end) if m.type == side.type]
    return [*hosts, *(members or sides)], len(hosts)


def named_members(ctx: Context, group: int, reach: int = 14) -> list[Mention]:
    """The persons a group's phrase names as its members (وفدا من الرئاسة ضم كلا من X، والمهندس Y، وZ):
    they are the guests, rather than the organization the group is of."""
    s, ms = ctx.sent, ctx.mentions
    verb = next((w.i for w in s.words[group + 1:group + reach]
                 if w.key in nominal.GATHERING or w.lemma in nominal.GATHERING or among_them(s, w.i)), None)
    if verb is None:
        return []
    # every person up to the clause's end, not only those joined by و (nominal.gathered): a list of
    # members runs on past commas and past a member the NER did not find
    out: list[Mention] = []
    for w in s.words[verb + 1:]:
        covered = any(m.covers(w.i) for m in ms)
        if w.text in ".؟!?؛;:" or (w.key in frames.CLAUSE_MARKERS or w.key in frames.BOUNDARY_CONJ
                                     or w.upos == "VERB") and not covered:
            break
        out += [m for m in ms if m.first == w.i and m.type == "PER"
                and frames.marker(s, m, ms, verb + 1) in (None, "من")]
    return out


def among_them(s, i: int) -> bool:
    """من بينهم / بينهم / منهم at word i (the pronoun its own word): the group's members follow."""
    nxt = s.words[i + 1] if i + 1 < len(s.words) else None
    return s.words[i].key in ("بين", "من") and nxt is not None and nxt.key == "هم" \
        and nxt.tok == s.words[i].tok


def unnamed_side(ctx: Context, start: int, reach: int = 14) -> tuple[int, Mention | None]:
    """The side a group stands for, where a meeting verb's object is a group whose people are not named
    (استقبل X، ظهر أمس، وفدا إعلاميا قدم من جمهورية الجزائر): the first organization or country in the
    group's phrase, or a person named there as its head (وفدا برئاسة Y). The group noun comes within
    ``reach`` words from ``start`` (after the host), not as the complement of a noun (مقر الوفد)."""
    s, ms = ctx.sent, ctx.mentions
    group = None
    for w in s.words[start:start + reach]:
        if _stops(w) or w.upos == "VERB" and w.key not in TIMES_OF_DAY:  # ظهر أمس: the tagger's "appeared"
            return -1, None
        if any(m.covers(w.i) for m in ms):
            continue
        if group_noun(w.key):
            prev = next((p for p in reversed(s.words[:w.i]) if not p.punct), None)
            if prev is not None and prev.upos == "NOUN" and "Definite=Cons" in prev.feats \
                    and not any(m.covers(prev.i) for m in ms):
                return -1, None  # مقر الوفد: the seat of the delegation, not the delegation
            group = w.i
            break
    if group is None:
        return -1, None
    for w in s.words[group + 1:group + 10]:
        hit = next((m for m in ms if m.first == w.i), None)
        if hit is not None:
            return group, _head_after(ctx, hit.last + 1) or (hit if hit.type in MEET_PARTIES else None)
        if w.text in QUOTE_MARKS:
            continue  # وفدا من شركة "بيدو": the name in quotes is the side
        if w.punct or _stops(w) or (w.upos == "VERB" and w.key not in ARRIVAL_VERBS):
            break
    return group, None


def _head_after(ctx: Context, start: int, reach: int = 8) -> Mention | None:
    """The person a group's phrase names as its head after its origin (وفد جامعة X برئاسة Y: Y), who
    stands for the side rather than the body."""
    s, ms = ctx.sent, ctx.mentions
    for w in s.words[start:start + reach]:
        if _stops(w) or w.upos == "VERB":
            return None
        if _head_noun(s, w.i):  # (بقيادة المشرف المرافق: X: a title before the name)
            return next((m for m in ms if w.i < m.first <= w.i + 5 and m.type == "PER"), None)
    return None


def leading_side(ctx: Context, t: int, reach: int = 24) -> Mention | None:
    """The side of a delegation named as the subject before the meeting verb at t (وفد من حركة حماس
    برئاسة X، التقى Y: X; زار وفد من شركة بوينج المؤسسة، والتقى بـ Y: بوينج): its head when the group's
    phrase names one, else the organization or country it is of."""
    s, ms = ctx.sent, ctx.mentions
    for w in reversed(s.words[max(0, t - reach):t]):
        if w.text in ".؟!?؛;:" or w.key in frames.CLAUSE_MARKERS:
            return None
        if any(m.covers(w.i) for m in ms) or not group_noun(w.key):
            continue
        group, side = unnamed_side(ctx, w.i, reach=1)
        if side is None or side.last >= t:
            return None
        head = next((m for k in range(group + 1, t) if _head_noun(s, k)
                     for m in ms if k < m.first <= k + 3 and m.last < t and m.type == "PER"), None)
        return head or side
    return None
