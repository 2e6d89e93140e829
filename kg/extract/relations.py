"""Relations in one sentence: meetings, contacts and requests, from triggers and argument slots.

Each rule starts from a trigger word (lexicon), finds its arguments with the
slot helpers in frames.py (tree first, word order as fallback), and records
its name and a confidence. Arguments are mention ids here; the document
stage maps them to entity keys after entity resolution.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from kg.extract import frames, triggers
from kg.extract.mentions import Mention
from kg.extract.model import Assertion, Evidence
from kg.extract.sentence import Sentence
from kg.extract.when import best_date

PARTIES = ("PER", "ORG")
MEET_PARTIES = ("PER", "ORG", "LOC")
RECEIVE = {"تلقي", "تسلم", "استلم", "يتلقي", "تتلقي", "تلقت"}
LIGHT_VERBS = {"اجري", "عقد", "تلقي", "اجرت", "عقدت", "تلقت", "اجريا", "عقدا"}
ADDRESSEE_FIRST = {"طلب", "طالب", "التمس"}  # the addressee is marked (طلب من); دعا، ناشد، حث take an object


class Context:
    """What every rule needs: the sentence, its mentions, the document and its date."""

    def __init__(self, doc_id: str, sent: Sentence, mentions: list[Mention], anchor: dt.date | None):
        self.doc_id, self.sent, self.anchor = doc_id, sent, anchor
        self.all_mentions = mentions
        self.mentions = frames.parties(mentions)

    def assertion(self, type_: str, subj: Mention | None, obj: Mention | None, hit: triggers.Hit, rule: str,
                  conf: float, first: int, last: int, **kw) -> Assertion:
        s = self.sent
        pieces = [m for m in (subj, obj) if m] or []
        a = min([hit.word, first] + [m.first for m in pieces])
        b = max([hit.word] + [m.last for m in pieces])
        ev = Evidence(self.doc_id, s.index, s.text, s.words[a].start, s.words[b].end, rule, conf)
        return Assertion(type_, subj.id if subj else None, obj.id if obj else None, ev, **kw)

    def when(self, hit: triggers.Hit, modality: str) -> tuple[dt.date | None, str | None]:
        s = self.sent
        found = best_date(s.text, self.anchor, s.words[hit.word].start - s.start, future=modality == "planned")
        if found is None:
            return None, None
        return found.date, found.text

    def place(self, first: int, last: int, exclude: list[Mention]) -> str | None:
        locs = [m for m in frames.marked(self.sent, self.mentions, first, last, ("في",), ("LOC",))
                if m not in exclude]
        return locs[0].id if locs else None


RELATIONAL = {"العلاقه", "العلاقات", "علاقه", "علاقات", "التعاون", "الشراكه", "الحرب", "الحدود", "الخلاف",
              "الصراع", "التنسيق", "الاتفاق", "الاتفاقيه", "المسافه", "الفرق"}
RELATIVE = {"التي", "الذي", "اللتين", "اللذين"}


def _between(ctx: Context, t: int, cands: list[Mention]) -> list[Mention]:
    """محادثات ... بين بغداد وواشنطن: the parties after بين, when بين belongs to the trigger (no verb
    other than a relative clause's, and no other relation noun such as العلاقة, in between)."""
    s = ctx.sent
    for k in range(t + 1, min(len(s.words), t + 16)):
        w = s.words[k]
        if w.key in frames.CLAUSE_MARKERS or w.text in ".؟!?؛;:" or w.key in RELATIONAL:
            return []
        if w.upos == "VERB" and s.words[k - 1].key not in RELATIVE and not s.words[k - 1].punct:
            return []
        if w.key == "بين" and w.upos == "ADP":
            first = next((m for m in cands if k < m.first <= k + 3), None)
            if first is None:
                return []
            return [first] + frames.coordinated(s, first, cands, min(len(s.words) - 1, first.last + 6))
    return []


def _next_marked(ctx: Context, after: int, cands: list[Mention], end: int, preps: tuple[str, ...],
                 window: int = 2) -> list[Mention]:
    """A مع/ب phrase that starts right after position ``after`` (اجتماع X مع Y، لقاء X بـ Y)."""
    s, ms = ctx.sent, ctx.mentions
    for m in frames.marked(s, cands, after + 1, end, preps):
        gap = [w for w in s.words[after + 1:frames.np_start(s, m, ms)] if not w.punct]
        if len(gap) <= window:
            return [m] + frames.coordinated(s, m, cands, end)
    return []


def _parties(ctx: Context, hit: triggers.Hit, types: tuple[str, ...]) -> tuple[list[Mention], str]:
    """Participants of a meeting or contact and the pattern that found them."""
    s, ms, t = ctx.sent, ctx.mentions, hit.word
    end = frames.clause_end(s, t)
    cands = [m for m in ms if m.type in types]
    preps = ("مع", "ب", "من") if hit.relation == "contacted" else ("مع", "ب")
    between = _between(ctx, t, cands)
    if between:
        return between, "between"
    out: list[Mention] = []
    prev = s.words[t - 1] if t > 0 else None
    purpose = prev is not None and prev.key == "ل" and prev.tok == s.words[t].tok \
        and any(e.words[0] in (s.words[t].key, s.words[t].lemma) for e in [hit_entry(hit)] if e)
    if hit.nominal or purpose:
        after = [m for m in frames.in_span(cands, t + 1, end) if frames.marker(s, m, ms, t + 1) is None]
        if after and not [w for w in s.words[t + 1:frames.np_start(s, after[0], ms)] if not w.punct]:
            out = [after[0]] + frames.coordinated(s, after[0], cands, end)
        out += [m for m in _next_marked(ctx, out[-1].last if out else t, cands, end, preps) if m not in out]
        verb = next((k for k in range(t - 1, max(-1, t - 4), -1) if s.words[k].key in LIGHT_VERBS
                     or s.words[k].lemma in LIGHT_VERBS), None)
        if verb is not None or purpose:
            subj, _ = frames.subject(s, verb if verb is not None else t, cands, t - 1)
            if subj is None and purpose:  # زيارة X إلى Y للقاء Z: X is the visitor
                before = [m for m in frames.in_span(cands, max(0, t - 14), t - 1)
                          if m.type == "PER" and frames.marker(s, m, ms) is None]
                subj = before[-1] if before else None
            if subj and subj not in out:
                out.insert(0, subj)
        return out, "purpose" if purpose else "nominal"
    subj, how = frames.subject(s, t, cands, end)
    if subj:
        out = [subj] + frames.coordinated(s, subj, cands, end)
    if hit.marker is not None:  # بحث X مع Y: the phrase names the preposition
        objs = [m for m in cands if hit.marker < m.first <= hit.marker + 8 and m not in out
                and frames.marker(s, m, ms, t + 1) == s.words[hit.marker].key]
    else:
        start = (out[-1].last + 1) if out else t + 1
        objs = [m for m in frames.in_span(cands, start, end)
                if m not in out and frames.marker(s, m, ms, t + 1) in (None,) + preps]
    if objs:
        out += [objs[0]] + frames.coordinated(s, objs[0], cands, end)
    return out, how or "verb"


def hit_entry(hit: triggers.Hit):
    from kg.extract import lexicon

    return next((e for e in lexicon.relation_triggers(hit.relation) if e.key == hit.key), None)


def _pairs(ctx: Context, relation: str, hit: triggers.Hit, parties: list[Mention], how: str,
           conf: float) -> list[Assertion]:
    s = ctx.sent
    last = max([hit.word] + [m.last for m in parties])
    first = min([hit.word] + [m.first for m in parties])
    mod = triggers.modality(s, hit, first, last)
    date, date_text = ctx.when(hit, mod)
    place = ctx.place(first, frames.clause_end(s, hit.word), parties)
    ids = tuple(m.id for m in parties)
    event = f"{ctx.doc_id}#{s.index}:{hit.word}"
    out = []
    for a, b in combinations(parties, 2):
        out.append(ctx.assertion(relation, a, b, hit, f"{relation}:{how}", conf, first, last,
                                 negated=triggers.negated(s, hit.word), modality=mod, date=date,
                                 date_text=date_text, place=place, participants=ids if len(ids) > 2 else (),
                                 event_id=event))
    return out


def meetings(ctx: Context) -> list[Assertion]:
    """met and contacted. A meeting trigger whose clause also names a phone call is a contact."""
    out: list[Assertion] = []
    s = ctx.sent
    phone = triggers.find(s, "contacted")
    phone_clauses = [(h.word, frames.clause_end(s, h.word)) for h in phone]
    for hit in phone:
        parties, how = _parties(ctx, hit, PARTIES)
        if len(_unique(parties)) >= 2:
            out += _pairs(ctx, "contacted", hit, _unique(parties), how, 0.7)
    attend = [h for h in triggers.find(s, "met") if "attend" in h.note.lower() and not h.nominal]
    if attend:  # الاجتماع حضره من الجانب العراقي X وY، كما حضره من الجانب الأمريكي Z
        people = _unique([m for m in ctx.mentions if m.first > attend[0].word and m.type == "PER"])
        if len(people) >= 2:
            out += _pairs(ctx, "met", attend[0], people, "attendance", 0.65)
    for hit in triggers.find(s, "met"):
        if hit in attend:
            continue
        if any(a - 6 <= hit.word <= b + 2 for a, b in phone_clauses):
            continue
        parties, how = _parties(ctx, hit, MEET_PARTIES)
        parties = _unique(parties)
        if len(parties) >= 2 and any(m.type in PARTIES for m in parties) or \
                len(parties) >= 2 and how == "between":
            out += _pairs(ctx, "met", hit, parties, how, 0.7 if how in ("verb", "tree", "postposed") else 0.6)
    return out


def _unique(ms: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in ms:
        if m.id not in seen and m.text not in seen:
            seen.update((m.id, m.text))
            out.append(m)
    return out


def _pp(s: Sentence, ms: list[Mention], preps: tuple[str, ...], first: int, end: int) -> tuple[int, list[Mention]]:
    """The first phrase after ``first`` headed by one of the prepositions, and the entity mentions in it
    (من القوات الأميركية والتحالف الدولي: only the coalition is an entity). (-1, []) when none."""
    for p in range(first, end + 1):
        w = s.words[p]
        inside = next((m for m in ms if m.first == p), None)
        if inside and frames.marker(s, inside, ms, first) in preps and s.words[p].upos == "ADP":
            start = p  # ل + الولايات: the preposition is the name's first word
        elif w.upos == "ADP" and w.key in preps:
            start = p
        else:
            continue
        found = []
        for m in sorted(ms, key=lambda x: x.first):
            if m.first < start or m.last > end:
                continue
            gap = [x for x in s.words[start + 1:frames.np_start(s, m, ms, start + 1)]
                   if not any(o.covers(x.i) for o in ms)]
            if any(x.upos in ("ADP", "VERB") or x.text in ("،", ",") for x in gap if x.i != start):
                break
            found.append(m)
        return start, found
    return -1, []


def _theme(s: Sentence, start: int, stop: int) -> str | None:
    """The requested thing: the object phrase or clause from ``start``, up to a comma or ``stop``."""
    while start <= stop and (s.words[start].punct or s.words[start].key in frames.CLAUSE_MARKERS
                             or s.words[start].key in ("ب", "ان", "الي", "ل")):
        start += 1
    end = start
    while end + 1 <= stop and s.words[end + 1].text not in ("،", ",", ":", "؛") and end - start < 14:
        end += 1
    return frames.text_between(s, start, end) or None if start <= stop else None


def _addressees(ctx: Context, hit: triggers.Hit, after: int, end: int) -> tuple[list[Mention], str | None]:
    """Addressees (من/إلى phrase, else a ل phrase, else the object of دعا/ناشد/حث) and the theme."""
    s, ms = ctx.sent, [m for m in ctx.mentions if m.type in ("PER", "ORG", "LOC")]
    p, found = _pp(s, ms, ("من", "الي"), after, end)
    if not found:
        p, found = _pp(s, ms, ("ل",), after, end)
    if not found and hit.key not in ADDRESSEE_FIRST:
        bare = [m for m in frames.in_span(ms, after, end) if frames.marker(s, m, ms, after) is None]
        if bare and frames.np_start(s, bare[0], ms, after) == after:
            p, found = after, bare[:1] + frames.coordinated(s, bare[0], ms, end)
    if found and p <= after + 1:  # طلب من واشنطن استمرار الدعم: the theme follows the phrase
        return found, _theme(s, found[-1].last + 1, end)
    return found, _theme(s, after, (p - 1) if found else end)


def requests(ctx: Context) -> list[Assertion]:
    """requested: requester = subject, addressee = من-phrase (else ل-phrase, or the object of دعا/ناشد),
    theme = what was asked. A received request (لم تتلق واشنطن طلبا من بغداد) turns the roles around."""
    s, ms, out = ctx.sent, ctx.mentions, []
    types = ("PER", "ORG", "LOC")
    cands = [m for m in ms if m.type in types]
    for hit in triggers.find(s, "requested"):
        t = hit.word
        end = frames.clause_end(s, t, stop_at_content=False)
        neg = triggers.negated(s, t)
        recv = next((k for k in range(t - 1, max(-1, t - 5), -1)
                     if s.words[k].lemma in RECEIVE or s.words[k].key in RECEIVE), None)
        if recv is not None:
            addressee, _ = frames.subject(s, recv, cands, t - 1)
            p, frm = _pp(s, cands, ("من",), t + 1, end)
            theme = _theme(s, (frm[-1].last + 1) if frm else t + 1, end)
            if frm or addressee:
                out.append(_request(ctx, hit, frm[0] if frm else None, addressee, theme, "requested:received",
                                    0.6, neg or triggers.negated(s, recv)))
            continue
        if hit.nominal:  # بطلب من الحكومة العراقية، بدعوة من
            _, frm = _pp(s, cands, ("من",), t + 1, min(end, t + 6))
            if frm:
                out.append(_request(ctx, hit, frm[0], None, None, "requested:nominal", 0.45, neg))
            continue
        subj, how = frames.subject(s, t, cands, frames.clause_end(s, t))
        if subj is None:
            continue
        addressees, theme = _addressees(ctx, hit, max(t, subj.last) + 1, end)
        for obj in _unique(addressees) or [None]:
            out.append(_request(ctx, hit, subj, obj, theme, f"requested:{how}", 0.7 if obj else 0.6, neg))
    return out


def _request(ctx: Context, hit: triggers.Hit, subj: Mention | None, obj: Mention | None, theme: str | None,
             rule: str, conf: float, neg: bool) -> Assertion:
    first = min([hit.word] + [m.first for m in (subj, obj) if m])
    last = max([hit.word] + [m.last for m in (subj, obj) if m])
    date, date_text = ctx.when(hit, "occurred")
    return ctx.assertion("requested", subj, obj, hit, rule, conf, first, last, theme=theme, negated=neg,
                         date=date, date_text=date_text)


def roles(ctx: Context) -> list[Assertion]:
    """role: a person with a title written next to the name; the organization named in the title is the
    object (المتحدثة باسم البيت الأبيض)."""
    out = []
    s = ctx.sent
    for m in ctx.mentions:
        if m.type != "PER" or not m.role or m.role_first is None or m.role_last is None:
            continue
        org = [o for o in frames.in_span(ctx.all_mentions, m.role_first, m.role_last) if o.type in ("ORG", "MISC")]
        a, b = min(m.role_first, m.first), max(m.role_last, m.last)
        ev = Evidence(ctx.doc_id, s.index, s.text, s.words[a].start, s.words[b].end, "role:title", 0.8)
        out.append(Assertion("role", m.id, org[0].id if org else None, ev, theme=m.role))
    return out
