"""contacted: a phone interview with a news outlet ("وأوضح X في اتصال هاتفي مع «الوطن»").

The call trigger names one party, the outlet, or none; the other is the one who speaks in the
sentence. The outlet is named in the sentence (with مع, ل, or as the one who made the call, "أجرته
معه «الشرق الأوسط»"), or in the sentence before ("قال X لـ«الشرق الأوسط» ... وأضاف في اتصال هاتفي").
Runs after the statements of the sentence, whose speaker (said, continued speakers included) it takes
from the document's Discourse.
"""

from __future__ import annotations

from kg.extract import frames, speech, triggers
from kg.extract.mention_rules import QUOTES
from kg.extract.mentions import Mention
from kg.extract.model import Assertion
from kg.extract.relations import Context

OUTLET_REACH = 2  # an outlet named this many sentences before still stands for "the paper"
WINDOW = 8  # words around the call where its outlet is looked for


def quoted(ctx: Context, m: Mention) -> bool:
    """«الرياض»، "الرياض": a name in quotes right after a call is the newspaper, not the city."""
    s = ctx.sent
    before = m.first > 0 and s.words[m.first - 1].text in QUOTES
    after = m.last + 1 < len(s.words) and s.words[m.last + 1].text in QUOTES
    return before and after


def _outlet_in(ctx: Context, hit: triggers.Hit, speaker: Mention) -> Mention | None:
    """The outlet named around the call: a known outlet within a few words of it, or a quoted name that
    مع/ل governs there ("في اتصال هاتفي مع «الرياض»", "قال X لـ(الجزيرة) عبر الهاتف")."""
    s, t = ctx.sent, hit.word
    near = [m for m in ctx.mentions if m is not speaker and t - WINDOW <= m.first <= t + WINDOW]
    known = [m for m in near if speech.is_outlet(m)]
    if known:
        return min(known, key=lambda m: abs(m.first - t))
    return next((m for m in near if m.type in ("ORG", "LOC") and quoted(ctx, m)
                 and frames.marker(s, m, ctx.mentions) in ("مع", "ل", "معه")), None)


def _speaker(ctx: Context, hit: triggers.Hit, memory: speech.Discourse) -> Mention | None:
    """Who speaks on the phone: the named subject of the last verb before the call, a speech verb (وقال X
    رئيس الكتلة لـ(الجزيرة) عبر الهاتف) or any other (دعا X، الأمين العام ...، في اتصال هاتفي مع «Y»);
    or, after a bare verb (وأضاف في اتصال هاتفي), the speaker the document continues."""
    s, t = ctx.sent, hit.word
    v = next((k for k in range(t - 1, -1, -1) if s.words[k].upos == "VERB"), None)
    if v is None:
        return None
    cands = [m for m in ctx.mentions if m.type == "PER"]
    subj, _ = frames.subject(s, v, cands, t - 1)
    if subj is not None and v < subj.first and subj.last < t:
        return subj
    bare = all(w.punct or w.key in ("في", "خلال", "عبر") for w in s.words[v + 1:t])
    earlier = memory.recent_speaker(s.index, reach=1)
    return earlier if bare and earlier is not None and earlier.sentence < s.index else None


def interviews(ctx: Context, memory: speech.Discourse, found: list[Assertion]) -> list[Assertion]:
    """contacted between the speaker of the sentence and the outlet that interviewed them by phone."""
    s = ctx.sent
    if any(a.type == "contacted" and a.evidence.sentence_index == s.index for a in found):
        return []
    out: list[Assertion] = []
    for hit in triggers.find(s, "contacted"):
        if not hit.nominal:
            continue
        speaker = _speaker(ctx, hit, memory)
        if speaker is None or speech.is_outlet(speaker):
            continue
        outlet = _outlet_in(ctx, hit, speaker)
        recent = 0 < s.index - memory.outlet_sentence <= OUTLET_REACH
        if outlet is None and recent:
            outlet = memory.outlet
        if outlet is None or _other_party(ctx, hit, speaker, outlet):
            continue
        here = [m for m in (speaker, outlet) if m.sentence == s.index]  # (both may be named before)
        first = min([hit.word] + [m.first for m in here])
        last = max([hit.word] + [m.last for m in here])
        out.append(ctx.assertion("contacted", speaker, outlet, hit, "contacted:interview", 0.6, first, last,
                                 negated=triggers.negated(s, hit.word), modality="occurred",
                                 event_id=f"{ctx.doc_id}#{s.index}:{hit.word}"))
        break
    return out


def _other_party(ctx: Context, hit: triggers.Hit, speaker: Mention, outlet: Mention) -> bool:
    """في اتصال هاتفي مع نظيره X: a party other than the outlet right after the call is a real call,
    which the call rules read (or, where they could not, which this rule must not misread)."""
    s = ctx.sent
    end = min(len(s.words) - 1, hit.word + 6)
    return any(m is not speaker and m is not outlet and m.type in ("PER", "ORG")
               and frames.marker(s, m, ctx.mentions, hit.word) in ("مع", "ب", "من")
               for m in ctx.mentions if hit.word < m.first <= end)
