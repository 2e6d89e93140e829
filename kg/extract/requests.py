"""requested: who asked whom for what, and requests that were not made.

The requester is the trigger's subject; the addressee is the entity in the من/إلى
phrase after it (or a ل phrase: "الدعم للولايات المتحدة والتحالف الدولي", one
record per addressee), or the object of دعا/ناشد/حث; the theme is what was
asked, as written. A received request (لم تتلق واشنطن طلبا من بغداد) turns the
roles around, and a negation before the verb makes it a negated request.
"""

from __future__ import annotations

from functools import cache

from kg.extract import frames, lexicon, subjects, surface, triggers
from kg.extract.mentions import Mention, group_noun, match_seq
from kg.extract.model import Assertion
from kg.extract.relations import DUALS, Context, _unique
from kg.extract.sentence import Sentence

RECEIVE = {"تلقي", "تسلم", "استلم", "يتلقي", "تتلقي", "تلقت"}
# the addressee is marked (طلب من) or is an object before بـ (طالب X بـ); دعا، ناشد، حث take an object
ADDRESSEE_FIRST = {"طلب", "طالب", "التمس", "مطالبا"}


def _pp(s: Sentence, ms: list[Mention], preps: tuple[str, ...], first: int,
        end: int) -> tuple[int, list[Mention]]:
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
            if any(x.upos in ("ADP", "VERB") or x.text in ("،", ",") or frames.quoted_preposition(x)
                   for x in gap if x.i != start):  # (إلى محاكمة ب«اسم X»: X is inside the theme)
                break
            found.append(m)
        # من الأمين العام للأمم المتحدة بان كي مون: the body in the title of the person after it is no party
        return start, [m for m in found if not frames.owned(s, m, ms)] or found
    return -1, []


def _theme(s: Sentence, start: int, stop: int) -> str | None:
    """The requested thing: the object phrase or clause from ``start``, up to a comma or ``stop``."""
    while start <= stop and (s.words[start].punct or s.words[start].key in frames.CLAUSE_MARKERS
                             or s.words[start].key in ("ب", "ان", "الي", "ل") or _blessing(s, start)
                             or s.words[start].key in frames.PREPOSITIONS_WITH_PRONOUN):  # (طلب منهما X)
        start += 1
    end = start
    while end + 1 <= stop and s.words[end + 1].text not in ("،", ",", ":", "؛") and end - start < 14:
        end += 1
    return frames.text_between(s, start, end) or None if start <= stop else None


def _addressees(ctx: Context, hit: triggers.Hit, after: int, end: int) -> tuple[list[Mention], str | None]:
    """Addressees (من/إلى phrase, else a ل phrase, else the object of دعا/ناشد/حث) and the theme."""
    s, ms = ctx.sent, [m for m in ctx.mentions if m.type in ("PER", "ORG", "LOC")]
    while after < end and s.words[after].text in ("،", ","):  # طالب X، وزارة العمل بـ: a comma after X
        after += 1
    after += _adverb_length(s, after, end)  # دعا X أيضا Y إلى، ونطالب بالذات Y بـ
    bare = [m for m in frames.in_span(ms, after, end) if frames.marker(s, m, ms, after) is None]
    start = frames.np_start(s, bare[0], ms, after) if bare else after
    # دعا X خلال الاتصال الهاتفي الرئيس Y إلى: a prepositional phrase may stand before the object
    right_after = start == after or hit.key not in ADDRESSEE_FIRST and s.words[after].upos == "ADP" \
        and surface.adjunct(s, ms, after, start - 1)
    bare = bare[:1] + frames.coordinated(s, bare[0], ms, end, any_type=True) if bare and right_after else []
    # طالب X بـ، دعا X إلى، حث X على: an object with the asked-for phrase right after it
    asked = ("ب",) if hit.key in ADDRESSEE_FIRST else ("ب", "الي", "علي", "ل")
    p, found = (after, bare) if bare and _asked_for(s, bare[-1].last + 1, asked) else (-1, [])
    if not found:
        p, found = _pp(s, ms, ("من", "الي"), after, end)
        if found and p > _theme_opens(s, ms, after, end):
            p, found = -1, []  # ودعاه للانسحاب من الكويت: a phrase inside what is asked names no one asked
    if not found:
        p, found = _pp(s, ms, ("ل",), after, end)
    if not found and bare and hit.key not in ADDRESSEE_FIRST:
        p, found = after, bare
    if found and p <= after + 1:  # طلب من واشنطن استمرار الدعم: the theme follows the phrase
        return found, _theme(s, found[-1].last + 1, end)
    return found, _theme(s, after, (p - 1) if found else end)


def _theme_opens(s: Sentence, ms: list[Mention], after: int, end: int) -> int:
    """Where what is asked begins: the first ل/ب/إلى/على from ``after`` with a common noun after it
    (للانسحاب، بوقف، إلى الحوار), no name and no title; end + 1 when none does."""
    titles = lexicon.titles()
    for k in range(after, end):
        nxt = s.words[k + 1]
        if s.words[k].upos == "ADP" and s.words[k].key in ("ل", "ب", "الي", "علي") and nxt.upos == "NOUN" \
                and not any(m.covers(nxt.i) for m in ms) and not match_seq(s, nxt.i, titles):
            return k
    return end + 1


ADVERBS = (("ايضا",), ("كذلك",), ("مجددا",), ("تحديدا",), ("خاصه",), ("ب", "الذات"), ("بالذات",))


def _adverb_length(s: Sentence, k: int, end: int) -> int:
    """The words of an adverb at k (أيضا، كذلك، بالذات), which stands between a request verb's subject
    and the one asked."""
    for adverb in ADVERBS:
        n = len(adverb)
        if k + n <= end and tuple(w.key for w in s.words[k:k + n]) == adverb:
            return n
    return 0


def _asked_for(s: Sentence, k: int, preps: tuple[str, ...] = ("ب",)) -> bool:
    """طالب X بـ Y، دعا X إلى Y: the phrase of what is asked right after the object makes the object
    the addressee."""
    return k < len(s.words) and s.words[k].key in preps and s.words[k].upos == "ADP"


def _participle_requester(ctx: Context, t: int, cands: list[Mention]) -> tuple[Mention | None, str]:
    """Who asks in "...، داعيا X إلى Y": the subject of the sentence's speech verb (وقال X إن ...، داعيا),
    else of its first verb (واجتمع X باللاعبين ... أشاد ...، مطالبا), else of the verb nearest before; with
    none named, after a bare speech verb or none (وأضاف أن ...، داعيا; مهيبا at the start), the speaker
    the document goes on quoting."""
    s = ctx.sent
    speech = subjects.speech_verbs_before(s, t)
    verbs = [k for k in range(t) if s.words[k].upos == "VERB"]
    nearest = _main_verb(s, t)
    for v in dict.fromkeys([*speech[:1], *verbs[:1], *([nearest] if nearest is not None else [])]):
        subj, _ = frames.subject(s, v, cands, frames.clause_end(s, v))
        if subj is not None and subj.last < t:
            return subj, "participle"
    opening = speech[0] if speech else (verbs[0] if verbs else None)
    if ctx.continued is not None and (opening is None or opening <= 2):
        return ctx.continued, "participle_continued"
    return None, "participle"


def _body_of_group(ctx: Context, t: int) -> Mention | None:
    """وطلب النواب في مجلس الشيوخ من Y: a group noun right after the verb as its subject (not in the
    oblique plural -ين: طالب المسؤولين is an object), with the body it belongs to right after في/من."""
    s = ctx.sent
    if t + 3 >= len(s.words):
        return None
    group, prep = s.words[t + 1], s.words[t + 2]
    if not group_noun(group.key) or group.key.endswith("ين") or prep.key not in ("في", "من"):
        return None
    body = next((m for m in ctx.mentions if m.first == t + 3), None)
    return body if body is not None and body.type in ("ORG", "LOC") else None


def _invited(ctx: Context, hit: triggers.Hit, cands: list[Mention], host: Mention) -> Mention | None:
    """وصل X إلى تونس بدعوة من Y: who came at Y's invitation is the subject of the verb the phrase
    adjoins (an invitation, بـ right before دعوة; not a request, بطلب من, whose asked one is unsaid)."""
    s, t = ctx.sent, hit.word
    if not (hit.key == "دعوه" and t > 0 and s.words[t - 1].key == "ب"):
        return None
    verb = _main_verb(s, t)
    guest = frames.subject(s, verb, cands, t - 1)[0] if verb is not None else None
    if guest is None:  # (a verb the tagger took for a noun: the first bare person of the sentence)
        guest = next((m for m in cands if m.type == "PER" and m.last < t
                      and frames.marker(s, m, ctx.mentions) is None), None)
    inside = guest is not None and guest.first >= frames.clause_start(s, t)  # not a speaker before أن
    # (الذي يزور المملكة بدعوة من X: the place visited is not the one invited)
    return guest if inside and guest is not host and guest.last < t and guest.type != "LOC" else None


def _main_verb(s: Sentence, t: int) -> int | None:
    """The verb a participle (مطالبا، داعيا) adjoins: the nearest finite verb before it."""
    return next((k for k in range(t - 1, -1, -1) if s.words[k].upos == "VERB"), None)


def requests(ctx: Context) -> list[Assertion]:
    """requested: requester = subject, addressee = من-phrase (else ل-phrase, or the object of دعا/ناشد),
    theme = what was asked. A received request (لم تتلق واشنطن طلبا من بغداد) turns the roles around."""
    s, ms, out = ctx.sent, ctx.mentions, []
    types = ("PER", "ORG", "LOC")
    cands = [m for m in ms if m.type in types]
    for hit in triggers.find(s, "requested"):
        t = hit.word
        if _prayer(s, ms, t) or _not_a_request(s, hit):
            continue
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
        if not hit.nominal and t + 1 < len(s.words) and s.words[t + 1].key in DUALS:
            # وحث الجانبان Y على: the two parties of the previous sentence's event ask, each of them (and
            # where that event is too far back, nobody named: Y after the dual is the one asked)
            addressees, theme = _addressees(ctx, hit, t + 2, end)
            out += [_request(ctx, hit, asker, obj, theme, "requested:dual", 0.5, neg)
                    for asker in ctx.pair or () for obj in _unique(addressees) or [None]]
            continue
        participle = hit.kind == "form" or (
            t > 0 and s.words[t - 1].text in ("،", ",") and s.words[t].key in FEMININE_PARTICIPLES)
        # رفضت واشنطن طلب تركيا: طلب is a noun there, whatever its tag (not دعت in "رفضت X ودعت Y")
        answer = s.words[t].key == "طلب" and _answering_verb(s, t) is not None
        if (hit.nominal or answer) and not participle:  # بطلب من الحكومة العراقية، بدعوة من
            p, frm = _pp(s, cands, ("من",), t + 1, min(end, t + 14))
            frm = frm if p <= t + 4 else []  # (بطلب رسمي من X: the phrase right after the noun)
            if frm:  # نقل دعوة من X إلى Y لزيارة المملكة: the invited one after إلى
                _, to = _pp(s, cands, ("الي",), frm[-1].last + 1, min(end, frm[-1].last + 8))
                theme = _theme(s, to[-1].last + 1, end) if to else None
                guest = None if to else _invited(ctx, hit, cands, frm[0])
                answered = [] if to or guest else [m for m in _answerer(ctx, t, cands) if m is not frm[0]]
                if answered:  # استجاب X وY لطلب من Z: Z asked X and Y
                    out += [_request(ctx, hit, frm[0], m, None, "requested:answered", 0.45, neg)
                            for m in answered]
                    continue
                out.append(_request(ctx, hit, frm[0], to[0] if to else guest, theme,
                                    "requested:invited" if guest else "requested:nominal", 0.45, neg))
            elif (asker := _genitive_requester(ctx, hit, cands)) is not None:
                # استجابة لطلب الرئيس X، رفضت واشنطن طلب تركيا: X asked the one who answered (عقدت القمة
                # تلبية لطلب X: X asked, the one asked not named)
                answered = [m for m in _answerer(ctx, t, cands) if m is not asker]
                out += [_request(ctx, hit, asker, m, None, "requested:genitive", 0.45, neg)
                        for m in answered or [None]]
            elif (renewer := _renewer(ctx, hit, cands)) is not None:  # جدد X المطالبة بـ Y
                addressees, theme = _addressees(ctx, hit, t + 1, end)
                out += [_request(ctx, hit, renewer, obj, theme, "requested:renewed", 0.5, neg)
                        for obj in _unique(addressees) or [None]]
            else:
                out += _invitation(ctx, hit, cands, end, neg)
            continue
        if participle:  # مطالبا X بـ Y: the requester is the subject of the main verb
            subj, how = _participle_requester(ctx, t, cands)
        elif not hit.nominal and (speaker := subjects.speaker_of_clause(ctx, t, joined=False)) is not None:
            subj, how = speaker, "speaker"  # وقال X إنه يناشد Y: the pronoun is the speaker, Y the one asked
        elif (speaker := subjects.speaker_of_first_person(ctx, t)) is not None:
            subj, how = speaker, "speaker"  # وقال X: ... ونطالب Y بـ: a first person has no subject after it
        else:
            subj, how = frames.subject(s, t, cands, frames.clause_end(s, t))
        if subj is None and (shared := subjects.shared_subject(ctx, hit, subjects.PARTIES)) is not None:
            subj, how = shared, "shared_subject"  # رحب X بالاتفاق، وحث الأطراف على: X urged
        if subj is None and not hit.nominal and s.words[t].key[:1] == "و" and s.words[t].upos != "VERB" \
                and (earlier := subjects.earlier_subject(ctx, t)) is not None:
            subj, how = earlier, "shared_subject"  # اجتمع X باللاعبين ... وطالبهم (left whole): X asked them
        if subj is None and not hit.nominal and (speaker := subjects.speaker_of_clause(ctx, t)) is not None:
            subj, how = speaker, "speaker"  # وقال X في بيان إنه يناشد الأطراف: the speaker asks
        if subj is None and not hit.nominal and (speaker := subjects.speaker_of_joined_verb(ctx, t)):
            subj, how = speaker, "continued"  # قال إن ...، ودعا Y: the speaker quoted before asks
        if subj is None and not hit.nominal and (body := _body_of_group(ctx, t)) is not None:
            subj, how = body, "group"  # وطلب النواب في مجلس الشيوخ من Y: the body the group is of
        if subj is None:  # a broken tree: the order of the names (frames.tsv)
            read = _surface_request(ctx, hit, end, neg)
            if read or ctx.actor is None or hit.nominal or not subjects.opens_sentence(s, t):
                out += read
                continue
            subj, how = ctx.actor, "actor"  # وطالبهم بـ: the one the sentence before was about
        # ودعت بريطانيا وفرنسا دولا أخرى: a subject joined by و after the verb asks too
        here = subj.sentence == s.index
        joint = frames.coordinated(s, subj, cands, end) if here and subj.first > t and not participle else []
        last = max([t, subj.last if here else t] + [m.last for m in joint])
        if here and subj.last == last:
            last = _apposition_end(s, last + 1, end)  # ودعت X رئيسة اتحاد المصارف، ...: not the union
        addressees, theme = _addressees(ctx, hit, last + 1, end)
        if not addressees and how == "shared_subject" and (met := _met_before(ctx, t, subj)):
            # أجرى X اتصالا مع Y ... وطالب بوقف القصف: he asked the one he called; استقبل X Y وZ ...
            # وطلب منهما: the two he received
            addressees = met if _plural_object(s, t) else met[:1]
        out += [_request(ctx, hit, asker, obj, theme, f"requested:{how}", 0.7 if obj else 0.6, neg)
                for asker in _unique([subj, *joint]) for obj in _unique(addressees) or [None]]
    return out


def _apposition_end(s: Sentence, k: int, end: int) -> int:
    """The requester's title in apposition after the name (X رئيسة اتحاد المصارف اليونانية، ...) names
    the body he heads, not whom he asks: the comma that closes it, or k - 1 when no title opens at k."""
    close = next((j for j in range(k, min(end, k + 9) + 1) if s.words[j].text in ("،", ",")), None)
    return close if close is not None and frames.apposition(s, k, close + 1) else k - 1


def _met_before(ctx: Context, t: int, subj: Mention) -> list[Mention]:
    """Those ``subj`` met or called earlier in the sentence (a meeting or call trigger after the subject
    and before t, with a مع/ب phrase after it, or a verb's objects: استقبل X Y وZ), whom a request he
    makes in the same breath is addressed to; the first of them and those joined to it."""
    s, ms = ctx.sent, ctx.mentions
    cands = [m for m in ms if m.type in ("PER", "ORG") and m is not subj]
    for hit in triggers.find(s, "met") + triggers.find(s, "contacted"):
        if subj.last < hit.word < t:
            found = frames.marked(s, cands, hit.word + 1, min(t - 1, hit.word + 12), ("مع", "ب"))
            if not found and not hit.nominal:
                found = [m for m in frames.in_span(cands, hit.word + 1, t - 1)
                         if frames.marker(s, m, ms, hit.word + 1) is None][:1]
            if found:
                return [found[0], *frames.coordinated(s, found[0], cands, t - 1)]
    return []


PLURAL_OBJECTS = {"منهما", "منهم", "هما", "هم"}  # طلب منهما، طالبهم: more than one asked


def _plural_object(s: Sentence, t: int) -> bool:
    """The request verb at t asks two or more (a dual or plural pronoun after من, or on the verb)."""
    forms = triggers.surface_keys(s, s.words[t])
    return any(w.key in PLURAL_OBJECTS for w in s.words[t + 1:t + 3]) \
        or any(f.endswith(("هما", "هم")) for f in forms)


GOD = {"الله", "المولي", "ربه", "الباري"}
INVITING_VERBS = {"وجه", "قدم"}  # وجه X الدعوة إلى Y: the light verbs of an invitation
# رحبت الجامعة بالهدنة، مطالبة الحوثيين باحترامها: after a comma the verbal noun is a participle
FEMININE_PARTICIPLES = {"مطالبه"}


def _prayer(s: Sentence, ms: list[Mention], t: int) -> bool:
    """داعيا الله أن يتقبل ...، ودعا سموه في اتصال هاتفي المولى عز وجل: a prayer, addressed to God, is no
    request (God named within a few words, not inside a name: عبد الله)."""
    return any(w.key in GOD and not any(m.covers(w.i) for m in ms) and not _blessing(s, w.i)
               for w in s.words[t + 1:t + 8])


def _blessing(s: Sentence, k: int) -> bool:
    """Word k is in a formula of blessing on a person (رحمه الله، حفظه الله: ودعا رحمه الله إلى), which
    is no prayer and no part of what is asked. The token's form counts (رحم + ه is رحمه)."""
    blessing = _blessing_words()
    w = s.words[k]
    if w.key in GOD:
        return k > 0 and bool(set(triggers.surface_keys(s, s.words[k - 1])) & blessing)
    nxt = next((x for x in s.words[k + 1:k + 3] if x.tok != w.tok), None)
    return nxt is not None and nxt.key in GOD and bool(set(triggers.surface_keys(s, w)) & blessing)


@cache
def _blessing_words() -> frozenset[str]:
    """The first words of the listed formulas of blessing (رحمه، حفظه of رحمه الله، حفظه الله)."""
    return frozenset(seq[0] for seq in lexicon.formulae() if len(seq) == 2 and seq[1] in GOD)


CONTEXT_PREFIXES = ("ال", "ل", "ب", "لال", "بال", "لل")  # (للقلق، بالدكتوراة: the word as listed)


def _not_a_request(s: Sentence, hit: triggers.Hit) -> bool:
    """طالب الدكتوراة (a student), لا يدعو للقلق (gives no cause for concern): the word after the trigger,
    past a preposition, is listed for the trigger's lemma in not_request_contexts.tsv."""
    t = hit.word
    k = t + 1
    while k < len(s.words) and s.words[k].upos == "ADP" and k <= t + 2:
        k += 1
    if k >= len(s.words):
        return False
    key = s.words[k].key
    forms = {key} | {key[len(p):] for p in CONTEXT_PREFIXES if key.startswith(p)}
    trigger = hit.key.split()[0]
    return any((trigger, f) in lexicon.pairs("not_request_contexts") for f in forms)


ANSWERING = {"استجابه", "تلبيه", "بناء", "نزولا"}  # استجابة لطلب X، تلبية لدعوة X، بناء على طلب X، نزولا عند


def _answering_verb(s: Sentence, t: int) -> int | None:
    """استجاب X لـ، رفضت واشنطن، قبل X، وافق X على (kg/extract/data/answering_verbs.txt) before the
    request noun at t, with only its subject between them."""
    if t == 0 or s.words[t - 1].key == "و":  # (رفضت الحكومة وطلب الوزير: a clause of its own)
        return None
    verbs = lexicon.words("answering_verbs")
    k = _verb_before(s, t, verbs, limit=14)
    if k is None or s.words[k].upos == "VERB" or s.words[k].key != "قبل":
        return k
    # قبل is also "before": a verb when a subject stands between it and an indefinite noun (قبل X دعوة)
    return k if not s.words[t].article and s.words[k + 1].upos in ("NOUN", "PROPN") and k + 1 < t else None


def _answerer(ctx: Context, t: int, cands: list[Mention]) -> list[Mention]:
    """Who answered the request the noun at t names: the subject of an answering verb right before it
    (and those joined to it: استجاب X وY لطلب من Z), else, after استجابة ل/تلبية ل/بناء على/نزولا
    عند, the subject of the clause's verb."""
    s = ctx.sent
    verb = _answering_verb(s, t)
    if verb is None and any(w.key in ANSWERING for w in s.words[max(0, t - 3):t]):
        verb = _main_verb(s, t)
    subj = frames.subject(s, verb, cands, t - 1)[0] if verb is not None else None
    if subj is None or subj.last >= t:
        return []
    return [subj, *(m for m in frames.coordinated(s, subj, cands, t - 1) if m.last < t)]


def _genitive_requester(ctx: Context, hit: triggers.Hit, cands: list[Mention]) -> Mention | None:
    """The one whose request a nominal trigger names by the genitive after it, where the request is
    answered (استجابة لطلب الرئيس X، بناء على طلب X، رفضت واشنطن طلب تركيا)."""
    s, t = ctx.sent, hit.word
    if not any(w.key in ANSWERING for w in s.words[max(0, t - 3):t]) and _answering_verb(s, t) is None:
        return None
    return next((m for m in cands
                 if m.first > t and frames.np_start(s, m, ctx.mentions, t + 1) == t + 1), None)


RENEWING = {"جدد", "يجدد", "جددت", "تجدد", "كرر", "يكرر", "كررت"}


def _verb_before(s: Sentence, t: int, verbs: set[str] | frozenset[str], limit: int = 8) -> int | None:
    """وجه X الدعوة، جدد X المطالبة: a verb of ``verbs`` before the noun at t, with nothing but its
    subject between them (no other verb, no punctuation)."""
    for k in range(t - 1, max(-1, t - limit - 1), -1):
        if s.words[k].key in verbs or s.words[k].lemma in verbs:
            return k
        if s.words[k].upos == "VERB" or s.words[k].punct:
            return None
    return None


def _renewer(ctx: Context, hit: triggers.Hit, cands: list[Mention]) -> Mention | None:
    """جدد X المطالبة بانتخاب رئيس، كرر X دعوته إلى: the subject of a verb that renews the request a noun
    names."""
    verb = _verb_before(ctx.sent, hit.word, RENEWING)
    subj = frames.subject(ctx.sent, verb, cands, hit.word - 1)[0] if verb is not None else None
    return subj if subj is not None and subj.last < hit.word else None


def _invitation(ctx: Context, hit: triggers.Hit, cands: list[Mention], end: int,
                neg: bool) -> list[Assertion]:
    """وجه X الدعوة لقيادة حماس لزيارة موسكو: the subject of the light verb invited the ل/إلى phrase's
    party to what follows."""
    s, t = ctx.sent, hit.word
    verb = _verb_before(s, t, INVITING_VERBS)  # وجه الرئيس الروسي فلاديمير بوتين الدعوة: the inviter between
    if verb is None:
        return []
    subj, _ = frames.subject(s, verb, cands, t - 1)
    end = max([end] + [m.last for m in cands if m.first <= end <= m.last])  # a name the clause end cuts
    _, to = _pp(s, cands, ("ل", "الي"), t + 1, min(end, t + 8))
    if subj is None or not to:
        return []
    theme = _theme(s, to[-1].last + 1, end)
    return [_request(ctx, hit, subj, to[0], theme, "requested:invitation", 0.5, neg)]


def _surface_request(ctx: Context, hit: triggers.Hit, end: int, neg: bool) -> list[Assertion]:
    """طلب X من Y، طالب X Y بـ، دعا X Y إلى، ناشد X Y read from the order of the names around the trigger."""
    read = surface.read(ctx.sent, ctx.mentions, hit.word, "requested", ("PER", "ORG", "LOC"))
    if read is None:
        return []
    last = read.objects[-1].last if read.objects else max(hit.word, read.subjects[0].last)
    stop = frames.clause_end(ctx.sent, last, stop_at_content=False)
    theme = _theme(ctx.sent, last + 1, stop) if last + 1 <= stop else None
    return [_request(ctx, hit, read.subjects[0], obj, theme, read.frame.rule, 0.6 if obj else 0.5, neg)
            for obj in _unique(list(read.objects)) or [None]]


def _request(ctx: Context, hit: triggers.Hit, subj: Mention | None, obj: Mention | None, theme: str | None,
             rule: str, conf: float, neg: bool) -> Assertion:
    here = ctx.local([subj, obj])
    first = min([hit.word] + [m.first for m in here])
    last = max([hit.word] + [m.last for m in here])
    date, date_text = ctx.when(hit, "occurred", max_chars=30)
    return ctx.assertion("requested", subj, obj, hit, rule, conf, first, last, theme=theme, negated=neg,
                         date=date, date_text=date_text)
