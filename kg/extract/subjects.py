"""Who did it when the tree does not say: the subject a meeting verb shares with the verb before it
(سيزور X ... ويلتقي Y), the main clause's person for a subordinate clause with none (على أن يلتقي Y),
the speaker of a reported meeting (وقال X إنه التقى Y), the party the sentence before was about for a
verb that opens its sentence with no subject (وطالب المسؤولين بـ). Used by kg.extract.relations and
kg.extract.requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import frames, lexicon, triggers
from kg.extract.mentions import Mention, formula_words

if TYPE_CHECKING:
    from kg.extract.relations import Context
    from kg.extract.sentence import Sentence

PARTIES = ("PER", "ORG")


def guests_of_an_elided_subject(ctx: Context, hit: triggers.Hit) -> list[Mention]:
    """على أن يلتقي في وقت لاحق بنظيريه، الأميركي X والسعودي Y (زار Z دمشق حيث التقى مع Y): a meeting
    verb with no subject of its own and persons after it (bare, or after مع/ب): X and Y, whom the
    sentence's earlier subject meets. (Not in a sentence listing attendees: the caller asks only then.)"""
    s, t = ctx.sent, hit.word
    if hit.nominal or s.words[t].upos != "VERB" or hit.key == "استقبل":
        return []
    before = [w for w in s.words[max(0, t - 2):t] if not w.punct and w.upos != "PART"]
    if not before or before[-1].key not in ("ان", "علي ان", "حيث"):
        return []  # only the clause of على أن / من المقرر أن / حيث, whose subject the main clause names
    if s.kids(t, "nsubj") and before[-1].key != "حيث":
        return []  # (وصل X إلى دمشق حيث التقى Y: the parser's subject after حيث is the one X met)
    end = frames.clause_end(s, t)
    cands = [m for m in ctx.mentions if m.type in PARTIES]
    after = [m for m in frames.in_span(cands, t + 1, end) if frames.marker(s, m, ctx.mentions, t + 1)
             in (None, "مع", "ب") and m.type == "PER"]
    return [after[0], *frames.coordinated(s, after[0], cands, end)] if after else []


EARLIER_REACH = 40  # words before a verb with no subject where the verb whose subject it shares is looked for


def earlier_subject(ctx: Context, t: int) -> Mention | None:
    """The person who is the subject of the nearest verb before word t in the sentence; past one verb
    with no subject at all, which shares the subject of the verb before it."""
    s = ctx.sent
    # (not the body in the person's title: المبعوث الخاص للأمم المتحدة إلى سورية X)
    cands = [m for m in ctx.mentions if m.type in PARTIES and not frames.owned(s, m, ctx.mentions)]
    skipped = 0
    for k in range(t - 1, max(-1, t - EARLIER_REACH), -1):
        if s.words[k].upos == "VERB":
            subj, _ = frames.subject(s, k, cands, t - 1)
            if subj is None and s.kids(k, "nsubj"):  # وصل المبعوث الخاص ... إلى سورية X: a title as the
                # subject, its name further on: the first person after the verb outside a phrase of its own
                subj = next((m for m in frames.in_span(cands, k + 1, t - 1) if m.type == "PER"
                             and frames.marker(s, m, ctx.mentions, k + 1) is None), None)
            if subj is not None and subj.type == "PER" and subj.last < t:
                return subj
            if subj is not None or s.kids(k, "nsubj") or skipped:
                return None
            skipped += 1  # اجتمع X بـ ...، وناقش معهم ...، وحث: a verb with no subject shares the one before
    return None


def earlier_subject_or_actor(ctx: Context, t: int) -> Mention | None:
    """earlier_subject, else, where the sentence names no party before word t (وجاء ذلك خلال زيارته المركز
    حيث التقى Y), the person the sentence before was about."""
    found = earlier_subject(ctx, t)
    if found is not None or any(m.last < t and m.type in PARTIES for m in ctx.mentions):
        return found
    return ctx.actor if ctx.actor is not None and ctx.actor.type == "PER" else None


def shared_subject(ctx: Context, hit: triggers.Hit, types: tuple[str, ...] = ("PER",)) -> Mention | None:
    """سيزور X الولايات المتحدة ويلتقي بالرئيس Y: a verb joined by و to the verb before it, with no
    subject of its own, shares that verb's subject; joined to a noun (قام X بزيارة إلى الجامعة والتقى
    رئيسها Y), it shares the subject of the verb that noun hangs on. ``types``: the subject's types (a
    body asks too: رحب مجلس الأمن بالاتفاق ودعا الأطراف إلى)."""
    s, w = ctx.sent, ctx.sent.words[hit.word]
    # (وطلب منهما: a preposition with its pronoun, left whole, that the parser made the subject)
    own = [x for x in s.kids(w.i, "nsubj") if x.key not in frames.PREPOSITIONS_WITH_PRONOUN]
    if hit.nominal or w.deprel != "conj" or w.head < 0 or w.head > w.i or own:
        return None
    verb = next((k for k in [w.head, *s.ancestors(w.head)] if k >= 0 and s.words[k].upos == "VERB"), None)
    if verb is None or verb > w.i:
        return None
    cands = [m for m in ctx.mentions if m.type in PARTIES]
    subj, _ = frames.subject(s, verb, cands, w.i - 1)
    return subj if subj is not None and subj.type in types and subj.last < w.i else None


def relative_subject(ctx: Context, hit: triggers.Hit) -> Mention | None:
    """X الذي زار إيران أمس، والتقى الرئيس Y: a meeting verb after "، و" that goes on from the verb of a
    relative clause (no verb between) has the relative's antecedent (X) for its subject, and the
    parser's subject after it (الرئيس Y) is whom X met. Read from the words, as the parser often
    hangs the verb on the main clause."""
    s, t = ctx.sent, hit.word
    if hit.nominal or t < 4 or s.words[t].upos != "VERB":
        return None
    k = t - 1
    if s.words[t].key[:1] != "و":  # (the verb's و left on it: والتقى; else cut off, a word of its own)
        if s.words[k].key != "و":
            return None
        k -= 1
    if s.words[k].text not in ("،", ","):
        return None
    verb = frames.verb_before(s, k, limit=15)
    if verb is None or verb == 0 or s.words[verb - 1].key not in frames.RELATIVE:
        return None
    subj, how = frames.subject(s, verb, [m for m in ctx.mentions if m.type in PARTIES], k)
    return subj if how == "relative" and subj is not None and subj.type == "PER" else None


def visit_meeting(ctx: Context, hit: triggers.Hit) -> tuple[Mention, list[Mention]] | None:
    """زار X المستشفى، التقى خلالها Y ونائبه Z: a meeting verb followed by خلال and a pronoun (the visit
    told before) is the visitor's, the person who is the subject of the verb before it; the persons and
    organizations after it (those after مع/ب when there are such: the others are the visitor named
    again) are whom he met, each on his own. (visitor, guests), or None."""
    s, t = ctx.sent, hit.word
    if hit.nominal or not frames.during_it(s, t):
        return None
    visitor = earlier_subject(ctx, t)
    if visitor is None:
        return None
    end = frames.clause_end(s, t)
    cands = [m for m in ctx.mentions if m.type in PARTIES and m.text != visitor.text
             and not frames.owned(s, m, ctx.mentions)]
    after = frames.in_span(cands, t + 3, end)
    marked = [m for m in after if frames.marker(s, m, ctx.mentions, t + 1) in ("مع", "ب")]
    bare = [m for m in after if frames.marker(s, m, ctx.mentions, t + 1) is None]
    first = marked[0] if marked else bare[0] if bare else None
    if first is None:
        return None
    return visitor, [first, *(m for m in frames.coordinated(s, first, cands, end) if m is not first)]


def speaker_of_clause(ctx: Context, t: int, joined: bool = True) -> Mention | None:
    """وقال X إنه التقى ...: a trigger right after إنه/أنه (with the future prefix between: أنه سيبحث)
    whose subject is the pronoun, or (``joined``) joined by و to such a verb (إنه زار الجزائر، والتقى Y), is
    the speaker's act; the speaker is the party before the complementizer, after a speech verb of the same
    sentence."""
    s = ctx.sent
    k = t - 1
    if k >= 0 and s.words[k].key == "س" and s.words[k].upos in ("PART", "AUX"):
        k -= 1  # أنه سيبحث: the future prefix between the pronoun and the verb
    if k >= 0 and s.words[k].upos == "PRON" and s.words[k].key in ("ه", "ها", "هم"):
        k -= 1
    elif k >= 0 and s.words[k].key in ("انه", "انها"):
        k += 0
    else:
        w = s.words[t]  # إنه زار الجزائر، والتقى الرئيس Y: a verb joined to the speaker's is his too
        head = w.head
        return speaker_of_clause(ctx, head) if joined and w.deprel == "conj" and 0 <= head < t \
            and s.words[head].upos == "VERB" else None
    if k < 0 or not (s.words[k].key in frames.COMPLEMENTIZERS or s.words[k].key in ("انه", "انها")):
        return None
    speech = [h.word for h in triggers.find(s, "said") if h.word < k]
    if not speech:
        return None
    before = [m for m in ctx.mentions if speech[0] < m.first and m.last < k and m.type in PARTIES
              and frames.marker(s, m, ctx.mentions, speech[0] + 1) is None]
    subj, _ = frames.subject(s, speech[0], before, k - 1)
    if subj is not None:  # أفصح X في تدوينة على موقع «تويتر» أنه التقى: X, not the site
        return subj
    if before:
        return before[-1]
    # مضيفا أنه ناقش مع Y، وأضاف أنه التقى Y: no one named before: the speaker the document goes on quoting
    return ctx.continued if ctx.continued is not None and ctx.continued.type == "PER" else None


def speech_verbs_before(s: Sentence, t: int) -> list[int]:
    """Positions of the speech verbs (said triggers tagged as verbs) before word t."""
    return [h.word for h in triggers.find(s, "said") if h.word < t and s.words[h.word].upos == "VERB"]


def speaker_before(ctx: Context, t: int) -> Mention | None:
    """وأكد X، في اتصال هاتفي مع Y: the subject of the speech verb right before a nominal trigger, with
    nothing but the speaker and punctuation between them, is the trigger's other party."""
    s = ctx.sent
    speech = speech_verbs_before(s, t)
    if not speech:
        return None
    cands = [m for m in ctx.mentions if m.type in PARTIES]
    subj, _ = frames.subject(s, speech[-1], cands, t - 1)
    if subj is None or subj.last >= t or subj.first < speech[-1]:
        return None
    between = [w for w in s.words[subj.last + 1:t] if not w.punct]
    return subj if len(between) <= 1 and all(w.key in CIRCUMSTANCE for w in between) else None


CIRCUMSTANCE = frames.DURING | frames.BEFORE_AFTER


def quoted_or_actor(ctx: Context) -> Mention | None:
    """The person the document goes on quoting, else the person the sentence before was about."""
    found = ctx.continued if ctx.continued is not None else ctx.actor
    return found if found is not None and found.type == "PER" else None


def speaker_going_on(ctx: Context, t: int) -> Mention | None:
    """وأضاف في اتصال هاتفي مع Y، وقال عقب اتصال هاتفي مع Y: a speech verb with no subject right before the
    phrase of a nominal trigger is the speaker the document goes on quoting (else the party the sentence
    before was about); the trigger's other party is in the phrase."""
    s = ctx.sent
    if t < 2 or s.words[t - 1].key not in CIRCUMSTANCE:
        return None
    verb = t - 2
    if s.words[verb].upos != "VERB" or verb not in speech_verbs_before(s, t) or s.kids(verb, "nsubj") \
            or not all(w.key in OPENERS for w in s.words[:verb]):
        return None
    return quoted_or_actor(ctx)


def speaker_of_joined_verb(ctx: Context, t: int) -> Mention | None:
    """وفي الشأن الليبي، قال إن ...، ودعا Y إلى: a verb after "، و" in a sentence opened by a speech verb
    that names no subject is the act of the speaker the document goes on quoting (else the party the
    sentence before was about)."""
    s = ctx.sent
    joined = t >= 2 and s.words[t - 1].key == "و" and s.words[t - 2].text in ("،", ",") \
        or t >= 1 and s.words[t].key[:1] == "و" and s.words[t - 1].text in ("،", ",")
    speech = speech_verbs_before(s, t)
    if not joined or not speech or s.kids(speech[0], "nsubj") or not opens_sentence(s, speech[0]):
        return None
    return quoted_or_actor(ctx)


def speaker_of_first_person(ctx: Context, t: int) -> Mention | None:
    """وقال X: نحن ... ونطالب الحوثيين باحترامها: a verb in the first person inside what a speaker
    says is the speaker's act; the speaker is the subject of the speech verb before it."""
    s = ctx.sent
    if not triggers.first_person(s, s.words[t]):
        return None
    speech = speech_verbs_before(s, t)
    if not speech:
        return None
    cands = [m for m in ctx.mentions if m.type in PARTIES]
    subj, _ = frames.subject(s, speech[0], cands, t - 1)
    return subj if subj is not None and subj.last < t else None


OPENERS = {"و", "ف", "ثم", "كما", "قد", "لقد", "وقد", "فقد", "كذلك", "س"}  # (س: the future prefix, cut off)


def opens_sentence(s: Sentence, t: int) -> bool:
    """وطالبهم، ثم طلب، كما حث: the verb at t starts its sentence (nothing before it but a conjunction
    or a particle), so a subject it does not name is the one the sentences before were about."""
    w = s.words[t]
    if w.upos != "VERB" or triggers.first_person(s, w):
        return False  # (نطالب، أدعو: the first person is the speaker's, not the actor's)
    if t + 1 < len(s.words) and frames.match_seq(s, t + 1, lexicon.titles()) \
            or any(x.upos in ("NOUN", "PROPN") and not x.key.endswith("ين") and x.key not in frames.TIME_WORDS
                   and x.i not in formula_words(s) for x in s.kids(t, "nsubj")):
        # (سيلتقي الأحد: a day the tagger made the subject; ودعا رحمه الله: a blessing)
        return False  # دعا الرئيس المصري، يطالب قادة ميدانيون: a subject with no name of its own
    gap = []
    for x in s.words[t + 1:t + 5]:
        if x.upos not in ("NOUN", "ADJ"):
            break
        gap.append(x)
    if frames.unnamed_subject(s, gap) and not gap[0].key.endswith("ين"):
        return False  # (طالب اللاعبين، طالب المسؤولين: a plural in -ين is no subject, whatever the tree says)
    lead = [x for x in s.words[:t] if not x.punct and x.key not in OPENERS]
    if opens_clause(s, t) or lead[0].upos == "ADP" and len(lead) <= 4 and all(x.upos != "VERB" for x in lead):
        return True  # (وفي إثيوبيا، سيلتقي: a fronted place or time)
    # وركز في التدريبات ... وطالب اللاعبين: joined to a verb that opens the sentence, neither naming a subject
    head = w.head
    return w.deprel == "conj" and 0 <= head < t and not s.kids(head, "nsubj") and opens_sentence(s, head)


def opens_clause(s: Sentence, k: int) -> bool:
    """Nothing but conjunctions and particles before word k (وكان في استقباله: the sentence starts there)."""
    return all(x.punct or x.key in OPENERS for x in s.words[:k])


def sentence_actor(ctx: Context, found: list) -> Mention | None:
    """The party a sentence is about, for a verb with no subject in the next one: the subject of its
    first meeting, call, request or statement, else the person the tree makes the subject of its last
    verb that has a named subject."""
    by_id = {m.id: m for m in ctx.mentions}
    for a in found:
        if a.type in ("met", "contacted", "requested", "said") and (m := by_id.get(a.subject)) is not None \
                and m.type in PARTIES:
            return m
    s = ctx.sent
    cands = [m for m in ctx.mentions if m.type in PARTIES and not frames.owned(s, m, ctx.mentions)]
    for verb in (w.i for w in reversed(s.words) if w.upos == "VERB"):
        subj = frames.tree_arg(s, verb, ("nsubj",), cands)
        if subj is not None:
            return subj if subj.type == "PER" else None
    return None
