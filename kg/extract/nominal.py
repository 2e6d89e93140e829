"""Parties of an event a noun names (لقاء، اجتماع، اتصال هاتفي، مباحثات): the verb that carries the noun
(أجرى X مباحثات), the one who held it when a verb after the noun says so (اتصال أجراه X مع Y), the
clause it is the circumstance of (X ونظيره Y اتفقا أثناء اتصال هاتفي), the parties it gathered (لقاء
ضم X وY) and the مع/ب phrase that names the other side. Used by kg.extract.relations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import frames, subjects, triggers
from kg.extract.mentions import Mention
from kg.extract.sentence import Sentence

if TYPE_CHECKING:
    from kg.extract.relations import Context

# the verb that carries a nominal trigger: أجرى X مباحثات، فتح X خط مفاوضات، كان X في استقبال Y
LIGHT_VERBS = {"اجري", "يجري", "تجري", "عقد", "يعقد", "تعقد", "تلقي", "اجرت", "عقدت", "تلقت", "اجريا", "عقدا",
               "فتح", "كان"}


def is_light_verb(w) -> bool:
    """أجرى، عقد، تلقى ... also with the future prefix the tokenizer left on (سيجري، ستعقد)."""
    return w.key in LIGHT_VERBS or w.lemma in LIGHT_VERBS or future_light_verb(w)


def future_light_verb(w) -> bool:
    return w.upos == "VERB" and len(w.key) > 3 and w.key[0] == "س" and w.key[1:] in LIGHT_VERBS


def next_marked(ctx: Context, after: int, cands: list[Mention], end: int, preps: tuple[str, ...],
                 window: int = 2) -> list[Mention]:
    """A مع/ب phrase that starts right after position ``after`` (اجتماع X مع Y، لقاء X بـ Y)."""
    s, ms = ctx.sent, ctx.mentions
    for m in frames.marked(s, cands, after + 1, end, preps):
        gap = [w for w in s.words[after + 1:frames.np_start(s, m, ms)] if not w.punct]
        if len(gap) <= window:
            return [m] + frames.coordinated(s, m, cands, end)
    return []


# لقاء ضم X وY: a meeting that brought X and Y together; وفدا ضم كلا من X وY: a delegation's members
GATHERING = {"ضم", "جمع", "يضم", "تضم", "جمعت", "ضمت"}


def gathered(ctx: Context, verb: int, cands: list[Mention], end: int) -> list[Mention]:
    """The parties after ضم/جمع: the first name within a title's reach, those joined to it by و, and a
    مع phrase right after them."""
    s, ms = ctx.sent, ctx.mentions
    first = next((m for m in frames.in_span(cands, verb + 1, min(end, verb + 8))
                  if frames.marker(s, m, ms, verb + 1) is None), None)
    if first is None:
        return []
    out = [first] + frames.coordinated(s, first, cands, end)
    return out + [m for m in next_marked(ctx, out[-1].last, cands, end, ("مع", "ب")) if m not in out]


def light_verb(s: Sentence, t: int, limit: int = 16) -> int | None:
    """تلقى X اتصالا، أجرى X مباحثات: the verb that carries a nominal trigger, before it in its clause."""
    for k in range(t - 1, max(-1, t - limit - 1), -1):
        w = s.words[k]
        if is_light_verb(w):
            return k
        if w.upos == "VERB" and k > 0 and s.words[k - 1].key in frames.RELATIVE:
            continue  # سيجري X خلال زيارته التي تستغرق يومين محادثات: a relative clause is stepped over
        if w.upos == "VERB" or w.key in frames.CLAUSE_MARKERS or w.text in ".:؛;":
            return None
    return None


def held_after(s: Sentence, t: int) -> int | None:
    """مؤتمر صحافي عقده، لقاء أجراه: the event noun is followed, within its phrase, by a light verb
    with a pronoun for the event: whoever was named before (or right after it) held it. The verb's
    position, or None."""
    for w in s.words[t + 1:t + 4]:
        if is_light_verb(w) and w.i + 1 < len(s.words) \
                and s.words[w.i + 1].upos == "PRON" and s.words[w.i + 1].tok == w.tok:
            return w.i
    return None


# meetings a possessive pronoun names the holder of (خلال لقائه Y); not a visit (زيارتهم مجلس العزاء: a
# place) nor a reception (كان في استقباله Y: Y is the host, read by received_on_arrival)
MEETING_NOUNS = {"لقاء", "اجتماع", "مباحثات", "محادثات", "مشاورات"}


def circumstance(s: Sentence, t: int, relation: str, possessed: bool) -> bool:
    """The event noun at t is told as the circumstance of its clause, so the clause's subject held it:
    a call after خلال/أثناء/في/عبر (X ونظيره Y اتفقا أثناء اتصال هاتفي), a meeting after those when it is
    possessed or its other side follows مع (أعلن X ...، خلال لقاء مع Y), a possessed meeting after
    بعد/عقب/قبل/إثر (قال X أثناء اجتماعه مع Y، أعلن X بعد لقائه مع Y)."""
    prev = s.words[t - 1].key if t else ""
    with_other = t + 1 < len(s.words) and s.words[t + 1].key == "مع"
    return prev in frames.DURING and (relation == "contacted" or possessed or with_other) \
        or possessed and prev in frames.BEFORE_AFTER  # (أعلن X بعد لقائه مع Y: only a possessed one)


def possessed(s: Sentence, t: int, key: str) -> bool:
    """The meeting noun at t (trigger entry ``key``) carries a possessive pronoun (اجتماعه، لقائهما): its
    holder was named before it, and a person right after it is the other side."""
    return key in MEETING_NOUNS and t + 1 < len(s.words) and s.words[t + 1].upos == "PRON" \
        and s.words[t + 1].tok == s.words[t].tok


def dual_holders(ctx: Context, t: int, key: str, cands: list[Mention]) -> list[Mention]:
    """X تحدث مع Y خلال لقائهما، أبلغ X نظيره Y ... بعد لقائهما: the two a dual pronoun on the meeting noun
    at t (trigger entry ``key``) stands for, the subject of the verb before it and the other party of
    that verb (or a second subject joined by و); [] where they are not both named."""
    s, ms = ctx.sent, ctx.mentions
    whole = key in MEETING_NOUNS and s.words[t].key.endswith(triggers.DUAL_PRONOUN)  # (left whole: لقائهما)
    if not (whole or possessed(s, t, key) and s.words[t + 1].key == triggers.DUAL_PRONOUN):
        return []  # (not زيارتهما: the two who visited together did not meet each other)
    verbs = [k for k in range(t - 1, max(-1, t - 25), -1) if s.words[k].upos == "VERB"][:2]
    subj = verb = None
    for verb in verbs:  # (كان X قد تحدث مع Y: the subject of كان)
        if (subj := frames.subject(s, verb, cands, t - 1)[0]) is not None:
            break
    if subj is None or verb is None:
        return []
    joint = frames.coordinated(s, subj, cands, t - 1)
    if joint:
        return [subj, joint[0]]
    after = max(verb, subj.last)
    other = next((m for m in frames.in_span(cands, after + 1, t - 1)
                  if frames.marker(s, m, ms, after + 1) in (None, "مع", "ل", "ب")), None)
    return [subj, other] if other is not None else []


def with_phrase(s: Sentence, cands: list[Mention], first: int, last: int) -> list[Mention]:
    """The person a مع phrase in first..last names, past his title (مع الأمين العام للأمم المتحدة بان
    كي مون), with those joined to him; [] when there is none."""
    k = next((i for i in range(first, min(last, len(s.words) - 1) + 1) if s.words[i].key == "مع"), None)
    if k is None:
        return []
    for m in frames.in_span(cands, k + 1, min(last, k + 10)):
        if any(w.upos == "VERB" or w.text in ("،", ",", ".") for w in s.words[k + 1:m.first]):
            return []
        if m.type == "PER":
            return [m, *(o for o in frames.coordinated(s, m, cands, last) if o.type == "PER")]
    return []


def caller_of_adverbial_call(ctx: Context, t: int, cands: list[Mention]) -> list[Mention]:
    """بحث X الأوضاع في اتصال هاتفي مع Y، X ونظيره Y اتفقا أثناء اتصال هاتفي: a call told as the
    circumstance of its clause was made by the clause's subject (and those joined to it): the subject
    of the verb before it (of the speech verb, where that verb is inside its أن clause or the clause has
    none: أعلن X أن بلاده ستبدأ ...، خلال لقاء مع Y), else the first person of the clause, outside a
    prepositional phrase; and with the person the verb takes as its object after them (هنأ X نظيره Y
    خلال اتصال هاتفي)."""
    s, ms = ctx.sent, ctx.mentions
    verb, said = None, None
    for k in range(t - 2, max(-1, t - 30), -1):
        if s.words[k].upos == "VERB":
            verb, said = k, _speech_verb_before_clause(s, k)
            break
        if s.words[k].key in frames.CLAUSE_MARKERS or s.words[k].text in ".:؛;":
            said = frames.verb_before(s, k) if s.words[k].key in ("ان", "بان") else None
            break
    start = frames.clause_start(s, verb if verb is not None else t - 1, limit=20)
    subj = frames.subject(s, verb, cands, t - 2)[0] if verb is not None else None
    if said is not None and (subj is None or subj.type != "PER" or subj.first > t):
        # أعلن X أن بلاده ستبدأ ...، خلال لقاء مع Y: the meeting is the speaker's, not the clause's
        verb, start = said, frames.clause_start(s, said, limit=20)
        subj = frames.subject(s, verb, cands, t - 2)[0]
    if subj is None:
        subj = next((m for m in frames.in_span(cands, start, t - 2)
                     if m.type == "PER" and frames.marker(s, m, ms) is None), None)
    if subj is None or subj.last >= t:
        return []
    first = next((m for m in frames.in_span(cands, start, subj.first - 1) if m.type == "PER"
                  and subj in frames.coordinated(s, m, cands, t - 2)), subj)  # the tree took the second
    callers = [first, *(m for m in frames.coordinated(s, first, cands, t - 2) if m.type == "PER")]
    # هنأ X نظيره Y، خلال اتصال هاتفي: a person the verb takes as its object, after the caller, is called
    callee = next((m for m in frames.in_span(cands, callers[-1].last + 1, t - 2) if m.type == "PER"
                   and frames.marker(s, m, ms, callers[-1].last + 1) is None), None) \
        if verb is not None and verb < first.first else None
    return callers + ([callee] if callee is not None else [])


def _speech_verb_before_clause(s: Sentence, verb: int) -> int | None:
    """The verb whose complement (أن ...) holds the verb at ``verb``: أعلن X أن بلاده ستبدأ."""
    for k in range(verb - 1, max(-1, verb - 20), -1):
        if s.words[k].key in ("ان", "بان"):
            return frames.verb_before(s, k)
        if s.words[k].upos == "VERB" or s.words[k].text in ".:؛;":
            return None
    return None


RECEIVING = {"كان", "يكون", "سيكون"}  # وكان في استقباله X: X received him


def received_on_arrival(ctx: Context, t: int) -> tuple[Mention | None, list[Mention]] | None:
    """وصل X إلى جدة، وكان في استقباله (باستقباله، في استقبال سموه) Y وZ: the persons named after the
    phrase received X, its guest: the person an honorific pronoun stands for (سموه), else the subject of
    the verb before كان, else the sentence's first person outside a prepositional phrase. (guest, hosts),
    hosts possibly [] (مدير المطار, unnamed); guest None when it is not known (the hosts did not meet
    one another); None when the noun at t is not in the phrase."""
    s, ms = ctx.sent, ctx.mentions
    if s.words[t].key != "استقبال" or t < 2 or t + 1 >= len(s.words) or s.words[t - 1].key not in ("في", "ب"):
        return None
    verb = None
    for k in range(t - 2, max(-1, t - 14), -1):  # وكان ولي العهد الأمير Y في استقباله
        if s.words[k].key in RECEIVING or s.words[k].lemma == "كان":
            verb = k
            break
        if s.words[k].text in ".؟!?؛;:،," or s.words[k].upos == "VERB":
            return None
    if verb is None:
        return None
    guest = next((m for m in ms if m.first == t + 1 and m.rule == "honorific pronoun"), None)
    if guest is None:
        nxt = s.words[t + 1]
        if nxt.upos != "PRON" or nxt.tok != s.words[t].tok:
            return None
        guest = subjects.earlier_subject(ctx, verb) or next(  # else the sentence's first bare person
            (m for m in frames.in_span(ms, 0, verb - 1) if m.type == "PER" and frames.marker(s, m, ms) is None
             and not frames.owned(s, m, ms)), None)
        if guest is None and subjects.opens_clause(s, verb):  # وصل X إلى نيروبي. وكان في استقباله Y: X
            guest = ctx.actor
    if guest is None or guest.type != "PER":
        return None, []
    hosts: list[Mention] = []
    cands = [m for m in ms if m.type == "PER" and m.text != guest.text and not frames.owned(s, m, ms)]
    for w in s.words[t + 2:]:
        if w.text in ".؟!?؛;:" or w.key in frames.BOUNDARY_CONJ or w.key in frames.CLAUSE_MARKERS or \
                w.upos == "VERB" and not any(m.covers(w.i) for m in ms):
            break
        hosts += [m for m in cands if m.first == w.i and frames.marker(s, m, ms, t + 2) is None]
    if not hosts:  # وكان أمير المنطقة الأمير Y في استقباله
        hosts = [m for m in frames.in_span(cands, verb + 1, t - 2)
                 if frames.marker(s, m, ms, verb + 1) is None][:1]
    return guest, hosts
