"""Relations in one sentence: meetings, contacts and roles, from triggers and argument slots.

Each rule starts from a trigger word (lexicon), finds its arguments with the
slot helpers in frames.py (tree first, word order as fallback), and records
its name and a confidence. Arguments are mention ids here; the document
stage maps them to entity keys after entity resolution.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from kg.extract import delegations, frames, learned, lexicon, nominal, subjects, surface, triggers
from kg.extract.mentions import Mention, group_noun
from kg.extract.model import Assertion, Evidence
from kg.extract.sentence import Sentence
from kg.extract.when import best_date

PARTIES = subjects.PARTIES
MEET_PARTIES = ("PER", "ORG", "LOC")


class Meeting(tuple):
    """The last meeting a document reported: (event_id, host mention id, modality, sentence index)."""

    @property
    def event_id(self) -> str:
        return self[0]

    @property
    def host(self) -> str:
        return self[1]

    @property
    def modality(self) -> str | None:
        return self[2]

    @property
    def sentence(self) -> int:
        return self[3]


class Context:
    """What every rule needs: the sentence, its mentions, the document and its date."""

    def __init__(self, doc_id: str, sent: Sentence, mentions: list[Mention], anchor: dt.date | None,
                 pair: tuple[Mention, Mention] | None = None, meeting: Meeting | None = None,
                 host: Mention | None = None, pair_relation: str = "met"):
        self.doc_id, self.sent, self.anchor = doc_id, sent, anchor
        self.pair_relation = pair_relation  # met, or contacted when the previous event was a call
        self.host = host  # the host of the last meeting of an earlier sentence, for كما استقبل Y
        self.pair = pair  # the two parties of the previous sentence's event, for البلدان / الجانبان
        self.meeting = meeting  # the last meeting of the document, for وحضر الاستقبال in the next sentence
        self.hosted: Meeting | None = None  # استقبل X المهنئين: a reception with a host and no named guest
        self.continued: Mention | None = None  # the speaker the document goes on quoting (وأضاف ...)
        self.actor: Mention | None = None  # whom the sentences before were about (وطالبهم بـ: he asked them)
        self.all_mentions = mentions
        dateline = frames.dateline_end(sent)  # سبق- الرياض: استقبل X Y: the credit line is no party
        self.mentions = [m for m in frames.parties(mentions) if m.first > dateline]

    def assertion(self, type_: str, subj: Mention | None, obj: Mention | None, hit: triggers.Hit, rule: str,
                  conf: float, first: int, last: int, **kw) -> Assertion:
        s = self.sent
        pieces = self.local([subj, obj])  # البلدان: parties named before
        a = min([hit.word, first] + [m.first for m in pieces])
        b = max([hit.word] + [m.last for m in pieces])
        ev = Evidence(self.doc_id, s.index, s.text, s.words[a].start, s.words[b].end, rule, conf)
        return Assertion(type_, subj.id if subj else None, obj.id if obj else None, ev, **kw)

    def local(self, mentions: list[Mention | None]) -> list[Mention]:
        """The mentions of this sentence among ``mentions``: not the two sides of a meeting an earlier
        sentence told (البلدان), nor the actor of an earlier sentence."""
        return [m for m in mentions if m is not None and m.sentence == self.sent.index]

    def when(self, hit: triggers.Hit, modality: str,
             max_chars: int | None = 80) -> tuple[dt.date | None, str | None]:
        """The event's date: the nearest date expression within ``max_chars`` of the trigger."""
        s = self.sent
        found = best_date(s.text, self.anchor, s.words[hit.word].start - s.start,
                          future=modality == "planned", max_chars=max_chars)
        if found is None:
            return None, None
        return found.date, found.text

    def place(self, first: int, last: int, exclude: list[Mention]) -> str | None:
        locs = [m for m in frames.marked(self.sent, self.mentions, first, last, ("في",), ("LOC",))
                if m not in exclude]
        return locs[0].id if locs else None


RELATIVE = {"التي", "الذي", "اللتين", "اللذين"}


def _between(ctx: Context, t: int, cands: list[Mention]) -> list[Mention]:
    """محادثات ... بين بغداد وواشنطن: the parties after بين, when بين belongs to the trigger (no verb
    other than a relative clause's, and no other relation noun such as العلاقة, in between)."""
    s, relational = ctx.sent, lexicon.words("relational_nouns")
    for k in range(t + 1, min(len(s.words), t + 16)):
        w = s.words[k]
        if w.key in frames.CLAUSE_MARKERS or w.text in ".؟!?؛;:" or w.key in relational:
            return []
        if w.upos == "VERB" and s.words[k - 1].key not in RELATIVE and not s.words[k - 1].punct \
                and not nominal.is_light_verb(w):  # (اجتماع يعقد غدا بين: the meeting is held)
            return []
        if w.key == "بين" and w.upos == "ADP":
            first = next((m for m in cands if k < m.first <= k + 3), None)
            if first is None:
                return []
            end = min(len(s.words) - 1, first.last + 12)
            return [first] + (frames.coordinated(s, first, cands, end)
                              or _other_side(s, first, cands, ctx.mentions, end))
    return []


SIDE = {"جهه", "ناحيه", "طرف"}  # بين X من جهة، وY من جهة أخرى


def _other_side(s: Sentence, first: Mention, cands: list[Mention], ms: list[Mention],
                end: int) -> list[Mention]:
    """بين X من جهة، وY من جهة أخرى: the party after "من جهة" and و is the other side (X may have a
    phrase of its own before من جهة: لجنة الأمن القومي في البرلمان)."""
    k = first.last + 1
    while k + 1 <= min(end, first.last + 6) and not (s.words[k].key == "من" and s.words[k + 1].key in SIDE):
        if s.words[k].punct or s.words[k].upos == "VERB":
            return []
        k += 1
    if k + 1 > end or s.words[k].key != "من" or s.words[k + 1].key not in SIDE:
        return []
    k += 2
    while k <= end and s.words[k].punct:
        k += 1
    if k > end or not s.words[k].key.startswith("و"):
        return []
    start = k + 1 if s.words[k].key == "و" else k
    return [m for m in cands if m.first == start or frames.np_start(s, m, ms, start) == start][:1]


def _parties(ctx: Context, hit: triggers.Hit, types: tuple[str, ...]) -> tuple[list[Mention], str]:
    """Participants of a meeting or contact and the pattern that found them."""
    s, ms, t = ctx.sent, ctx.mentions, hit.word
    end = frames.clause_end(s, t)
    cands = [m for m in ms if m.type in types and not frames.owned(s, m, ms)]
    preps = ("مع", "ب", "من") if hit.relation == "contacted" else ("مع", "ب")
    between = _between(ctx, t, cands)
    if between:
        return between, "between"
    out: list[Mention] = []
    prev = s.words[t - 1] if t > 0 else None
    purpose = prev is not None and prev.key == "ل" and prev.tok == s.words[t].tok \
        and any(e.words[0] in (s.words[t].key, s.words[t].lemma) for e in [hit_entry(hit)] if e)
    if hit.nominal and t + 1 < len(s.words) and s.words[t + 1].key in nominal.GATHERING:
        gathered = nominal.gathered(ctx, t + 1, cands, end)  # لقاء ضم X مع Y، اجتماع جمع X وY
        if len(gathered) > 1:
            return gathered, "nominal"
    if hit.nominal and (pair := nominal.dual_holders(ctx, t, hit.key, cands)):
        return pair, "dual_possessed"  # تحدث X مع Y خلال لقائهما
    if hit.nominal or purpose:
        possessed = nominal.possessed(s, t, hit.key)  # لقائه Y: the pronoun is the holder, Y the other side
        after = [m for m in frames.in_span(cands, t + 1, end) if frames.marker(s, m, ms, t + 1) is None]
        other: list[Mention] = []  # (a possessed noun's bare list is one side: it needs the holder)
        gap = s.words[t + 1 + possessed:frames.np_start(s, after[0], ms)] if after else []
        if after and not [w for w in gap if not w.punct]:
            other = [after[0]] + frames.coordinated(s, after[0], cands, end)
            out = [] if possessed else other
        marked = nominal.next_marked(ctx, (out or other)[-1].last if out or other else t, cands, end, preps)
        out += [m for m in marked if m not in out]
        verb = nominal.light_verb(s, t)
        held = nominal.held_after(s, t) if verb is None and not purpose else None
        if held is not None:  # X خلال مؤتمر صحافي عقده مع Y
            before = [m for m in frames.in_span(cands, max(0, t - 8), t - 1)
                      if m.type == "PER" and frames.marker(s, m, ms) is None]
            # خلال اتصال هاتفي أجراه الرئيس X مع Y: the one who held it is named after the verb
            held_end = max(end, frames.clause_end(s, held))
            holder = [m for m in frames.in_span(cands, held + 2, min(held_end, held + 8))
                      if m.type == "PER" and frames.marker(s, m, ms, held + 1) is None]
            if holder:
                before = holder[:1]
            if before and before[-1] not in out:
                out = [before[-1], *out]
            out += [m for m in nominal.with_phrase(s, cands, t + 1, min(held_end, max(t + 10, held + 12)))
                    if m not in out]
            return out, "nominal"
        if verb is None and nominal.circumstance(s, t, hit.relation, possessed):
            caller = nominal.caller_of_adverbial_call(ctx, t, cands)  # X ونظيره Y اتفقا أثناء اتصال هاتفي
            if caller:
                out = [*caller, *(m for m in [*other, *out] if m not in caller)]
                out += [m for m in nominal.with_phrase(s, cands, t + 1, min(end, t + 12)) if m not in out]
                return out, "nominal"
        if verb is not None or purpose:
            subj, _ = frames.subject(s, verb if verb is not None else t, cands, t - 1)
            if (subj is None or subj.type == "LOC") and verb is not None and frames.during_it(s, verb):
                # X سيزور موسكو ... يجري خلالها مباحثات مع Y: the visitor holds the talks
                prev = next((k for k in range(verb - 1, -1, -1) if s.words[k].upos == "VERB"), None)
                if prev is not None:
                    subj, _ = frames.subject(s, prev, cands, verb - 1)
            if subj is None and purpose:  # زيارة X إلى Y للقاء Z: X is the visitor
                before = [m for m in frames.in_span(cands, max(0, t - 14), t - 1)
                          if m.type == "PER" and frames.marker(s, m, ms) is None]
                subj = before[-1] if before else None
            if subj and subj not in out:
                out = [subj] + [m for m in frames.coordinated(s, subj, cands, t - 1) if m not in out] + out
        if hit.relation == "met" and len(out) > 1 and all(m in marked for m in out):
            return out, "guests"  # سيجري لقاءات مع X وY: the other side of a holder not named, no meeting
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
                if m not in out and frames.marker(s, m, ms, t + 1) in (None,) + preps
                and not (m.type == "LOC" and frames.marker(s, m, ms, t + 1) == "ب")]  # بالرياض: where
    if objs and out and hit.marker is None and objs[0].first > out[-1].last \
            and frames.marker(s, objs[0], ms, t + 1) is None \
            and not surface.adjunct(s, ms, max(out[-1].last, t) + 1, objs[0].first - 1):
        objs = []  # استقبل X، جثمان الشهيد Y / يزور X قاعدة الأمم المتحدة: the body, the base, not Y
    if objs and not out and _no_subject_pairs(s, hit, ms, objs[0]):
        return [], "verb"  # استقبل كلا من X وY: the guests do not meet each other
    if objs and not out and frames.marker(s, objs[0], ms, t + 1) in ("مع", "ب"):
        return [objs[0]] + frames.coordinated(s, objs[0], cands, end), "guests"  # إذ التقى بـ X وY
    if objs:
        out += [objs[0]] + frames.coordinated(s, objs[0], cands, end)
    return out, how or "verb"


def _no_subject_pairs(s: Sentence, hit: triggers.Hit, ms: list[Mention], first: Mention) -> bool:
    """With no subject found, the objects of a verb are one side: a host's guests (استقبل) never meet each
    other, nor do those an unnamed subject before the verb met (الوفد الإيراني التقى X وY), and names far
    from the verb (after an unnamed subject and more) are not its two parties, unless the first is named
    among a group the verb's object names (عددا من المسؤولين، بينهم Y: Y is met, by a subject to find)."""
    gap = [w for w in s.words[hit.word + 1:frames.np_start(s, first, ms)] if not w.punct]
    far = len(gap) > 4 and not _member_of_a_group(s, hit.word, first)
    return hit.key == "استقبل" or far or frames.common_noun_subject_before(s, hit.word, ms)


def hit_entry(hit: triggers.Hit):
    from kg.extract import lexicon

    return next((e for e in lexicon.relation_triggers(hit.relation) if e.key == hit.key), None)


def _pairs(ctx: Context, relation: str, hit: triggers.Hit, parties: list[Mention], how: str,
           conf: float, rule_is_full: bool = False, hosts: int = 0,
           separate: bool = False) -> list[Assertion]:
    """One assertion per pair of parties; with ``hosts`` > 0 the first ``hosts`` parties are the hosts of
    a reception and the rest its guests, who meet the hosts and not each other. ``separate``: each pair
    is its own event (يلتقي X Y وZ: X meets Y and Z, not necessarily together), with no host."""
    s = ctx.sent
    here = ctx.local(parties)
    last = max([hit.word] + [m.last for m in here])
    first = min([hit.word] + [m.first for m in here])
    mod = triggers.modality(s, hit, first, last)
    date, date_text = ctx.when(hit, mod)
    place = ctx.place(first, frames.clause_end(s, hit.word), parties)
    ids = tuple(m.id for m in parties)
    event = f"{ctx.doc_id}#{s.index}:{hit.word}"
    out = []
    hosts = hosts if hosts < len(parties) else 0
    pairs = combinations(parties, 2) if not hosts else \
        [(a, b) for a in parties[:hosts] for b in parties[hosts:]]
    for a, b in pairs:
        if relation == "met" and not (_side(a, b) and _side(b, a)):
            continue  # زار وفد حماس موسكو: the city is where the delegation went, not whom it met
        rule = how if rule_is_full else f"{relation}:{how}"
        together = not separate and len(ids) > 2
        out.append(ctx.assertion(relation, a, b, hit, rule, conf, first, last,
                                 negated=triggers.negated(s, hit.word), modality=mod, date=date,
                                 date_text=date_text, place=place, participants=ids if together else (),
                                 event_id=event if not separate else f"{event}:{b.first}",
                                 hosts=ids[:hosts] if together else ()))
    return out


def learned_meetings(ctx: Context, found: list[Assertion]) -> list[Assertion]:
    """Meetings the learned pair reader (kg.extract.learned) finds where no rule in ``found`` related
    the pair."""
    out: list[Assertion] = []
    for a, b, hit, p in learned.read_pairs(ctx.sent, ctx.mentions, found, learned.model()):
        # an event of its own: the pair's trigger may be a rule's event too, whose rule it must not take
        out += _pairs(ctx, "met", hit, [a, b], learned.RULE, round(p, 3), separate=True)
    return out


def _side(m: Mention, other: Mention) -> bool:
    """A party that can meet ``other``: a person, a body, a country (kg/extract/data/countries.txt); a
    city only when the other side is a place too (الحوار بين بغداد وواشنطن: the capitals stand for their
    governments), not beside a person or a body (زار وفد حماس موسكو)."""
    if m.type != "LOC" or other.type == "LOC":
        return True
    keys, countries = lexicon.tokens(m.clitic or m.text), lexicon.words("countries")  # (والدنمارك)
    spans = (" ".join(keys[i:j]) for i in range(len(keys)) for j in range(i + 1, len(keys) + 1))
    return any(span in countries for span in spans)


def meetings(ctx: Context) -> list[Assertion]:
    """met and contacted. A meeting trigger whose clause also names a phone call is a contact."""
    out: list[Assertion] = []
    s = ctx.sent
    phone = triggers.find(s, "contacted")
    phone_clauses = [(h.word, frames.clause_end(s, h.word)) for h in phone]
    for hit in phone:
        parties, how = _parties(ctx, hit, PARTIES)
        one_party = hit.nominal and len(_unique(parties)) == 1
        speaker = (subjects.speaker_before(ctx, hit.word) or subjects.speaker_going_on(ctx, hit.word)) \
            if one_party else None
        if speaker is not None and speaker not in parties:  # وأكد X، في اتصال هاتفي مع "الوطن"
            parties, how = [speaker, *parties], "speaker"
        if len(_unique(parties)) >= 2:
            out += _pairs(ctx, "contacted", hit, _unique(parties), how, 0.7)
        elif (read := surface.read(s, ctx.mentions, hit.word, "contacted")) is not None and read.objects:
            out += _pairs(ctx, "contacted", hit, _unique([*read.subjects, *read.objects]), read.frame.rule,
                          0.6, rule_is_full=True)
    attend_at = surface.attendance_at(s)
    met_hits = [h for h in triggers.find(s, "met") if h.word != attend_at]
    out += _dual_meeting(ctx)
    heads = _unique(delegations.heads(ctx))
    if len(heads) >= 2 and met_hits:  # وترأس X الوفد ... خلال اجتماع مع الوفد الذي رأسه Y
        out += _pairs(ctx, "met", met_hits[0], heads, "delegations", 0.6)
        return out + _attendance(ctx, attend_at, out)
    for hit in met_hits:
        if any(a - 6 <= hit.word <= b + 2 for a, b in phone_clauses):
            continue
        if hit.nominal and (received := nominal.received_on_arrival(ctx, hit.word)) is not None:
            guest, hosts = received  # وكان في استقباله X: X received the one who arrived
            if guest is not None and hosts:
                out += _pairs(ctx, "met", hit, [*hosts, guest], "received", 0.7, hosts=len(hosts))
            continue
        if (passive := _received_by(ctx, hit)) is not None:  # وقد استقبل من طرف X وY: the one told of
            guest, hosts = passive
            if guest is not None:
                out += _pairs(ctx, "met", hit, [*hosts, guest], "received_by", 0.5, hosts=len(hosts))
            continue
        if (visit := subjects.visit_meeting(ctx, hit)) is not None:  # زار X المستشفى، التقى خلالها Y
            out += _pairs(ctx, "met", hit, [visit[0], *visit[1]], "visitor", 0.6, hosts=1)
            continue
        parties, how = _parties(ctx, hit, MEET_PARTIES)
        parties = _unique([m for m in parties if attend_at is None or m.first < attend_at])
        guest = _guest_of_the_last_host(ctx, hit, parties)
        if guest is not None:  # كما استقبل Y، واستقبل أيضا Z: the host of the reception told before
            out += _pairs(ctx, "met", hit, [ctx.host, guest], "continued_host", 0.6, hosts=1)
            continue
        if how != "between" and any(m.type == "PER" for m in parties):  # a visit to a place is no meeting
            if parties[0].type not in PARTIES and how in ("tree", "preposed", "postposed"):
                parties = []  # وزار المدينة، إذ التقى بـ X وY: a place read as the subject, X and Y guests
            parties = [m for m in parties if m.type in PARTIES]
        completed = _completed(ctx, hit, parties, how)
        if completed is None:
            continue
        parties, how, hosts = completed
        if len(parties) < 2 and hit.word != attend_at:  # a broken tree: the order of the names
            before = [m for m in ctx.mentions if attend_at is None or m.last < attend_at]  # not the attendees
            read = surface.read(s, before, hit.word, "met")
            if read is not None:
                hosts = len(_unique(list(read.subjects)))
                if read.frame.id == "reception" and not hosts:
                    continue  # guests of a host not read did not meet each other
                out += _pairs(ctx, "met", hit, _unique([*read.subjects, *read.objects]), read.frame.rule,
                              0.6, rule_is_full=True, hosts=hosts, separate=read.frame.id != "reception")
                continue
            # (no party, or only the guest after the verb: حيث يلتقي نظيره Y)
            elided = attend_at is None and (not parties or len(parties) == 1 and parties[0].first > hit.word)
            guests = subjects.guests_of_an_elided_subject(ctx, hit) if elided else []
            subj = subjects.earlier_subject_or_actor(ctx, hit.word) if guests else None
            if subj is not None and subj not in guests:
                out += _pairs(ctx, "met", hit, [subj, *guests], "zero_subject", 0.5, hosts=1, separate=True)
                continue
        if (actor := _actor_of(ctx, hit, parties)) is not None:  # وفي المساء، التقى بـ Y: the one told of
            out += _pairs(ctx, "met", hit, [actor, *parties], "actor", 0.5, hosts=1, separate=True)
            continue
        alone = parties if len(parties) == 1 else [] if parties else \
            [m for m in [surface.host(s, ctx.mentions, hit.word)] if m]
        if alone and alone[0].type in PARTIES and not hit.nominal and how != "between" and ctx.hosted is None:
            mod = triggers.modality(s, hit, min(hit.word, alone[0].first), max(hit.word, alone[0].last))
            ctx.hosted = Meeting((f"{ctx.doc_id}#{s.index}:{hit.word}", alone[0].id, mod, s.index))
        if len(parties) >= 2 and any(m.type in PARTIES for m in parties) or \
                len(parties) >= 2 and how == "between":
            out += _pairs(ctx, "met", hit, parties, how, 0.7 if how in ("verb", "tree", "postposed") else 0.6,
                          hosts=hosts or _hosts(ctx, hit, parties, how))
    return out + _attendance(ctx, attend_at, out) + _caption(ctx, out, attend_at)


def _actor_of(ctx: Context, hit: triggers.Hit, parties: list[Mention]) -> Mention | None:
    """وفي إثيوبيا، سيلتقي كذلك برئيس الوزراء Y: a meeting verb that opens its sentence with no subject,
    only parties after it, meets them as the party the sentence before was about (ctx.actor)."""
    s = ctx.sent
    if ctx.actor is None or hit.nominal or not parties or ctx.actor in parties \
            or any(m.first < hit.word or m.type not in PARTIES for m in parties) \
            or frames.marker(s, parties[0], ctx.mentions, hit.word + 1) not in ("مع", "ب") \
            and not _member_of_a_group(s, hit.word, parties[0]):
        return None  # (واجتمع بوتين مع Y: the first party bare after the verb is its subject)
    return ctx.actor if subjects.opens_sentence(s, hit.word) else None


def _member_of_a_group(s: Sentence, t: int, m: Mention) -> bool:
    """وستلتقي عددا من المسؤولين، بينهم Y: the name after the verb is one of a group the verb's object
    names (a group noun, then بينهم/منهم before the name), not the verb's subject."""
    between = range(t + 1, m.first)
    return any(group_noun(s.words[k].key) for k in between) \
        and any(delegations.among_them(s, k) for k in between)


AGENT = {"طرف", "قبل"}  # استقبل من طرف X، من قبل X: by X


def _received_by(ctx: Context, hit: triggers.Hit) -> tuple[Mention | None, list[Mention]] | None:
    """وقد استقبل من طرف الرئيس X والفرنسي Y: a passive reception; its hosts are named after من طرف/من
    قبل (and do not meet each other), its guest the subject of a verb before it in the sentence, else the
    party the sentence before was about (None where there is none). None where the verb is no passive of
    this form."""
    s, t = ctx.sent, hit.word
    if hit.key != "استقبل" or hit.nominal or t + 2 >= len(s.words) \
            or s.words[t + 1].key != "من" or s.words[t + 2].key not in AGENT:
        return None
    end = frames.clause_end(s, t)
    cands = [m for m in ctx.mentions if m.type in PARTIES]
    first = next((m for m in frames.in_span(cands, t + 3, end)
                  if frames.np_start(s, m, ctx.mentions, t + 3) == t + 3), None)
    if first is None:
        return None
    hosts = [first, *frames.coordinated(s, first, cands, end)]
    guest = subjects.earlier_subject(ctx, t) or ctx.actor  # خاض X معركته ...، وقد استقبل من طرف Y
    return (guest if guest is not None and guest not in hosts else None), hosts


ALSO = {"كما", "ايضا", "ايضاً"}


def _guest_of_the_last_host(ctx: Context, hit: triggers.Hit, parties: list[Mention]) -> Mention | None:
    """كما استقبل رئيس المدينة X، واستقبل أيضا Y: a reception verb marked as one more (كما before it,
    أيضا after it) whose clause names one party only, after the verb: a guest of the host of the
    reception an earlier sentence told."""
    s, t = ctx.sent, hit.word
    if ctx.host is None or hit.nominal or hit.key != "استقبل" or ctx.host in parties:
        return None
    if not (t > 0 and s.words[t - 1].key in ALSO or t + 1 < len(s.words) and s.words[t + 1].key in ALSO):
        return None
    named = [m for m in parties if m.type in PARTIES]
    if len(named) != 1 or named[0].first < t or named[0].type != "PER":
        return None
    return named[0]


def _completed(ctx: Context, hit: triggers.Hit, parties: list[Mention],
               how: str) -> tuple[list[Mention], str, int] | None:
    """The parties with those the slots did not give: the speaker of a reported meeting (وقال X إنه التقى
    بـ Y), the subject a verb shares with the verb before it (سيزور X ... ويلتقي Y), the side a group of
    unnamed guests stands for (استقبل X وفدا من الجزائر); and how many of them, from the first, are hosts
    (0: as _hosts says). None for the guests of an unnamed subject (إذ التقى بـ X وY): one side, no
    meeting among them."""
    hosts = 0
    if not parties and not hit.nominal and not delegations.guest_side(ctx, hit.word, [])[0]:
        # وقال X إنه التقى بممثلين للحوثيين: a group whose hosts are not between is the one side read
        parties = [side] if (side := delegations.unnamed_side(ctx, hit.word + 1)[1]) is not None else []
    one_side = len(parties) == 1 or how == "guests"
    # (أنه سيجري لقاءات مع X: the complementizer before the light verb of a nominal trigger)
    verb = nominal.light_verb(ctx.sent, hit.word) if hit.nominal else None
    speaker = subjects.speaker_of_clause(ctx, hit.word if verb is None else verb) if one_side else None
    if speaker is not None and parties[0].type in PARTIES and speaker not in parties:
        parties, how = [speaker, *parties], "speaker"
    shared = subjects.shared_subject(ctx, hit) if len(parties) == 1 or how == "guests" else None
    if shared is not None and parties[0].type in PARTIES and shared not in parties:
        parties, how = [shared, *parties], "shared_subject"
    relative = subjects.relative_subject(ctx, hit) if parties and how != "shared_subject" else None
    if relative is not None and relative not in parties and all(m.first > hit.word for m in parties):
        parties, how = [relative, *parties], "shared_subject"  # X الذي زار ...، والتقى الرئيس Y ونظيره Z
    side = delegations.leading_side(ctx, hit.word) if one_side and how not in ("speaker", "shared_subject") \
        and not hit.nominal else None
    if side is not None and parties[0].type in PARTIES and side not in parties:
        parties, how = [side, *parties], "delegation_subject"
    if how == "guests":
        if len(parties) > 1:  # حيث التقى مع X وY: the guests of the main clause's subject, else one side
            guests = subjects.guests_of_an_elided_subject(ctx, hit)
            subj = subjects.earlier_subject(ctx, hit.word) if guests else None
            return ([subj, *parties], "zero_subject", 1) if subj is not None and subj not in parties else None
        how = "verb"
    if how in ("speaker", "shared_subject", "delegation_subject") and len(parties) > 2:
        hosts = 1  # X met Y and Z: Y and Z did not meet each other
    if not hit.nominal and all(m.type in PARTIES for m in parties) \
            and (found := delegations.guest_side(ctx, hit.word, parties))[0]:
        parties, how, hosts = found[0], "delegation", found[1]
    return parties, how, hosts


ONE_HOST_VERBS = {"استقبل", "التقي", "التقى"}  # X met Y and Z: Y and Z are guests, not each other's


def _hosts(ctx: Context, hit: triggers.Hit, parties: list[Mention], how: str) -> int:
    """استقبل X Y وZ: how many of the parties, from the first, are the hosts (X and whoever is joined to
    X by و before the guests); 0 for a meeting that is no reception."""
    if hit.key not in ONE_HOST_VERBS or hit.nominal or how not in ("tree", "preposed", "postposed", "verb") \
            or len(parties) < 3:
        return 0
    s, host = ctx.sent, parties[0]
    joined = frames.coordinated(s, host, parties, frames.clause_end(s, hit.word)) if host.last < hit.word \
        else [m for m in frames.coordinated(s, host, parties, len(s.words) - 1) if m.last < hit.word]
    return 1 + len([m for m in joined if m in parties[1:]])


EVENT_NOUNS = {"الاستقبال", "اللقاء", "الاجتماع", "المباحثات", "المحادثات", "القمه", "الحفل", "المناسبه",
               "الجلسه", "الزياره"}


ACCOMPANYING = {"يرافق", "يرافقه", "برفقه", "رفقه"}


def _attendance(ctx: Context, t: int | None, found: list[Assertion]) -> list[Assertion]:
    """وحضر الاستقبال X وY، بحضور X: each person named is an attendee of the meeting of this sentence,
    else of the document's last meeting (within two sentences, or further when the trigger names the
    event: حضر الاستقبال), else of the act this sentence reports (دشن X المعرض بحضور Y: X led it): one
    attended assertion each, object the meeting's host (its first party). Attendees listed by side with
    no meeting known (حضره من الجانب العراقي X ... ومن الجانب الأمريكي Y) are its two delegations: they
    met."""
    if t is None:
        return []
    s = ctx.sent
    people = _unique(surface.attendees(s, ctx.mentions, t))
    here = [a for a in found if a.type == "met" and a.event_id and a.evidence.rule != "met:attendance"]
    if not here and s.words[t].key in ACCOMPANYING:
        return []  # يرافقه X: a guest's party attends the meeting this sentence tells, not another one
    known = ctx.hosted or ctx.meeting
    reach = 8 if _names_event(s, t) else 2
    leader = _leader(ctx, t) if not here and s.words[t].upos != "VERB" else None
    if here:
        event, host, modality = here[0].event_id, here[0].subject, here[0].modality
        principals = {x for a in here for x in (a.subject, a.object, *a.participants)}
    elif known is not None and s.index - known.sentence <= reach and known.modality in (None, "occurred"):
        # (who attended it cannot be told of a meeting still planned: that one is another meeting)
        event, host, modality = known.event_id, known.host, known.modality
        principals = {host}
    elif leader is not None and not surface.by_sides(s, t):
        event, host = f"{ctx.doc_id}#{s.index}:{t}", leader.id
        modality = triggers.modality(s, triggers.Hit(t, "attended", s.words[t].key, "form", True, False),
                                     leader.first, t)
        principals = {host}
    elif not surface.by_sides(s, t):
        return []  # attendees of a meeting whose principals are not known: not a meeting among them
    else:  # every person named after the trigger, whichever side (كما حضره من الجانب الأمريكي)
        people = _unique([m for m in ctx.mentions if m.first > t and m.type == "PER"])
        if len(people) < 2:
            return []
        hit = triggers.Hit(t, "met", s.words[t].key, "lemma", False, False, "attended")
        return _pairs(ctx, "met", hit, people, "attendance", 0.65)
    if surface.by_sides(s, t):  # فيما حضر من الجانب الأمريكي X، وY: every person named, whichever side
        people = _unique([m for m in ctx.mentions if m.first > t and m.type == "PER"])
    absent: list[Mention] = []
    if (away := _absence(s, t)) is not None:  # بينما تغيب عن الحضور: Z وW: they stayed away
        people = [m for m in people if m.first < away]
        absent = _unique(surface.attendees(s, ctx.mentions, _absence_list_start(s, away)))
    out = []
    for m, mod in [(m, modality) for m in people] + [(m, "denied") for m in absent]:
        if m.id in principals:
            continue
        a, b = min(t, m.first), max(t, m.last)
        ev = Evidence(ctx.doc_id, s.index, s.text, s.words[a].start, s.words[b].end,
                      surface.attendance_frame().rule, 0.6)
        out.append(Assertion("attended", m.id, host, ev, modality=mod, event_id=event))
    return out


def _absence(s: Sentence, t: int) -> int | None:
    """Where a verb of staying away (absence_verbs.txt: تغيب، اعتذر) stands after the attendance trigger."""
    verbs = lexicon.words("absence_verbs")
    return next((w.i for w in s.words[t + 1:] if {w.lemma, *triggers.surface_keys(s, w)} & verbs), None)


def _absence_list_start(s: Sentence, k: int) -> int:
    """The colon that opens the list of those who stayed away (تغيب عن الحضور لظروف قهرية: X، وY), if it
    comes within a few words; else the verb itself."""
    return next((w.i for w in s.words[k + 1:k + 8] if w.text == ":"), k)


def _caption(ctx: Context, found: list[Assertion], attend_at: int | None) -> list[Assertion]:
    """الأمير X والأمير Y ود. Z خلال الاستقبال (a photo caption, no verb): the persons named before
    خلال and the event's noun attended the document's last meeting, as وحضر الاستقبال would say."""
    s, known = ctx.sent, ctx.hosted or ctx.meeting
    if found or attend_at is not None or known is None or s.index - known.sentence > 8 \
            or known.modality not in (None, "occurred") or any(w.upos == "VERB" for w in s.words):
        return []
    k = next((w.i for w in s.words[1:-1] if w.key == "خلال" and s.words[w.i + 1].key in EVENT_NOUNS), None)
    if k is None or any(not w.punct for w in s.words[k + 2:]):
        return []
    people = _unique([m for m in ctx.mentions if m.type == "PER" and m.last < k and m.id != known.host])
    out = []
    for m in people:
        ev = Evidence(ctx.doc_id, s.index, s.text, s.words[m.first].start, s.words[k + 1].end,
                      "attended:caption", 0.6)
        out.append(Assertion("attended", m.id, known.host, ev, modality=known.modality or "occurred",
                             event_id=known.event_id))
    return out


def _names_event(s: Sentence, t: int) -> bool:
    """حضر الاستقبال، وحضر اللقاء، فيما حضر من الجانب ...: the trigger says which event it means."""
    after = [w for w in s.words[t + 1:t + 3] if not w.punct]
    return bool(after) and (after[0].key in EVENT_NOUNS or after[0].key == "من") or surface.by_sides(s, t)


def _leader(ctx: Context, t: int) -> Mention | None:
    """دشن X المعرض بحضور Y: the person who led the act of the sentence, named before بحضور and not
    inside a prepositional phrase (نيابة عن ...)."""
    s = ctx.sent
    before = [m for m in ctx.mentions if m.last < t and m.type == "PER"
              and frames.marker(s, m, ctx.mentions) is None]
    return before[0] if before else None


def last_meeting(found: list[Assertion], sentence: int, previous: Meeting | None,
                 hosted: Meeting | None = None) -> Meeting | None:
    """The meeting a later "وحضر الاستقبال" refers to: this sentence's first meeting, else a reception it
    names with only its host (استقبل الأمير X المهنئين), else the one before."""
    for a in found:
        if a.type == "met" and a.event_id and a.evidence.rule != "met:attendance" and a.subject:
            return Meeting((a.event_id, a.subject, a.modality, sentence))
    return hosted or previous


DUALS = {"الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الزعيمان", "الزعيمين",
         "الرئيسان", "الرئيسين", "الوزيران", "الوزيرين"}


def dual_at(s: Sentence, t: int) -> bool:
    """A dual noun (البلدان، الجانبين) as the subject next to the verb at t (before or after it), or the dual
    pronoun of a complementizer right before it (قال X إنهما بحثا; not تنظيمهما اجتماعا, a possessive)."""
    near = [k for k in (t + 1, t - 1, t - 2) if 0 <= k < len(s.words)]
    if any(s.words[k].key in DUALS for k in near):
        return True
    before = "".join(w.key for w in s.words[max(0, t - 2):t] if w.tok == s.words[t - 1].tok) if t else ""
    return before in ("انهما", "بانهما")


def _during_that_meeting(ctx: Context, t: int) -> bool:
    """بحثوا خلال اللقاء مستجدات المنطقة: a discussion verb with no one named before it, told as taking
    place during "the" meeting (خلال/في/أثناء + a definite meeting noun right after it), is that
    meeting's parties talking."""
    s = ctx.sent
    if any(m.last < t and m.type in ("PER", "ORG") for m in ctx.mentions):
        return False
    after = [w.key for w in s.words[t + 1:t + 4]]
    return any(a in ("خلال", "في", "اثناء") and b.startswith("ال") and b[2:] in nominal.MEETING_NOUNS
               for a, b in zip(after, after[1:]))


def _dual_meeting(ctx: Context) -> list[Assertion]:
    """سيبحث الجانبان ...: the two sides are the two parties of the previous sentence's meeting; after a
    call (وقال البيان إن الزعيمين ناقشا ...) the same call told again."""
    from kg.extract import lexicon

    if ctx.pair is None:
        return []
    s = ctx.sent
    heads = lexicon.trigger_heads("met") | lexicon.words("dual_verbs")
    for w in s.words:
        verb = w.upos == "VERB" and (w.lemma in heads or w.key in heads)
        dual_form = w.key.endswith("ا") and w.key[:-1] in heads  # ناقشا, which the tagger may take for a noun
        if (verb or dual_form) and (dual_at(s, w.i) or _during_that_meeting(ctx, w.i)):
            relation = ctx.pair_relation
            hit = triggers.Hit(w.i, relation, w.lemma, "lemma", False, triggers.future_form(s, w), "dual")
            return _pairs(ctx, relation, hit, list(ctx.pair), "dual", 0.5)
    return []


def _unique(ms: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in ms:
        if m.id not in seen and m.text not in seen:
            seen.update((m.id, m.text))
            out.append(m)
    return out


def roles(ctx: Context) -> list[Assertion]:
    """role: a person with a title written next to the name; the organization named in the title is the
    object (المتحدثة باسم البيت الأبيض)."""
    out = []
    s = ctx.sent
    for m in ctx.mentions:
        if m.type != "PER" or not m.role or m.role_first is None or m.role_last is None:
            continue
        org = [o for o in frames.in_span(ctx.all_mentions, m.role_first, m.role_last)
               if o.type in ("ORG", "MISC")]
        a, b = min(m.role_first, m.first), max(m.role_last, m.last)
        ev = Evidence(ctx.doc_id, s.index, s.text, s.words[a].start, s.words[b].end, "role:title", 0.8)
        out.append(Assertion("role", m.id, org[0].id if org else None, ev, theme=m.role))
    return out
