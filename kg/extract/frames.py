"""Who is the subject, who the object: argument slots around a trigger word.

The bundled parser gets about two arcs in three right, and a verb is often
tagged NOUN, so the tree alone is not enough. Slots are read from the tree
when it gives a mention (nsubj, obj), else from the word order that Arabic
news writes: a verb, then its subject, then its object or a phrase marked
by a preposition (مع, ب, من, إلى); or a subject just before the verb
("أن بغداد طلبت"). A mention's marker is the preposition in front of its
noun phrase, title included (مع قائد القيادة المركزية كينيث مكينزي).
"""

from __future__ import annotations

from kg.extract import lexicon
from kg.extract.mentions import Mention, formula_words, match_seq, seq_index
from kg.extract.sentence import Sentence

CLAUSE_MARKERS = {"ان", "انه", "انها", "بان", "وان", "لان", "انهم"}
COMPLEMENTIZERS = {"ان", "بان", "لان"}  # أن, with ب or ل (match keys)
# the same with the pronoun of their clause's subject on them, as the tokenizer may leave them (إنهما)
COMPLEMENTIZERS_WITH_PRONOUN = {c + h for c in COMPLEMENTIZERS for h in ("", "ه", "ها", "هما", "هم")}
NOMINAL = {"NOUN", "ADJ", "PROPN", "X", "NUM"}
# a preposition with its pronoun, as the tokenizer may leave it (منهما): no subject, whatever the tree says
PREPOSITIONS_WITH_PRONOUN = {p + h for p in ("من", "ل", "ب", "مع") for h in ("ه", "ها", "هما", "هم")}
RELATIVE = {"الذي", "التي", "الذين", "اللذين", "اللتين"}
BOUNDARY_CONJ = {"حيث", "فيما", "بينما", "كما", "لكن", "الذي", "التي", "الذين", "اللذين", "اذ", "حين"}
PARTY_TYPES = ("PER", "ORG", "LOC", "MISC")
# Words of time that may stand between a verb's arguments (استقبل X اليوم Y), as match keys
TIME_WORDS = {"اليوم", "امس", "الليله", "مساء", "صباح", "ظهر", "عصر", "امس الاول", "الاحد", "الاثنين",
              "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "يوم", "مساءا", "صباحا", "ظهرا", "عصرا"}


def np_start(sent: Sentence, m: Mention, mentions: list[Mention] | None = None, floor: int = 0,
             limit: int = 4) -> int:
    """First word of the noun phrase a mention heads or ends: its title when it has one (مع قائد القيادة
    المركزية كينيث مكينزي starts at قائد), else a few nouns and adjectives before it (مع نظيره الإيراني
    محمد جواد ظريف), never crossing another mention or going below ``floor`` (the trigger)."""
    if m.role_first is not None and m.role_first < m.first:
        return m.role_first
    j, steps = m.first, 0
    while j - 1 >= max(floor, 0) and steps < limit:
        w = sent.words[j - 1]
        attached = w.upos == "PRON" and j - 2 >= 0 and sent.words[j - 2].tok == w.tok  # نظيره
        if w.punct or (w.upos not in ("NOUN", "ADJ") and not attached) or w.key in TIME_WORDS \
                or any(o.covers(j - 1) for o in mentions or []):  # في نفس اليوم X: no title of X
            break
        j -= 1
        steps += 1
    return _long_title_start(sent, j, mentions or [], floor) if m.type == "PER" else j


TITLE_PREPOSITIONS = {"ل", "لدي", "في", "ب"}  # inside a title: لكرة القدم، لدى الأردن، بمنطقة الرياض


def _long_title_start(sent: Sentence, j: int, mentions: list[Mention], floor: int) -> int:
    """Where a title that names an institution begins, when the walk back stopped inside it (رئيس الاتحاد
    الأوروبي لكرة القدم الفرنسي X: it stopped at ل): a title word up to ten words back, with nothing but
    nouns, adjectives, names and prepositions of a title between, no punctuation, and no mention but an
    organization the title owns (a place or a person there may be a party of its own). Else j."""
    titles = lexicon.titles()
    for k in range(max(floor, j - 10, 0), j):
        length = match_seq(sent, k, titles) or clitic_title(sent, k)
        if not length:
            continue
        between = sent.words[k:j]
        # (رئيس إقليم كردستان X: a place the listed title names is part of it)
        inside = [o for o in mentions if k <= o.last and o.first < j and o.last >= k + length]
        if all(not w.punct and (w.upos in ("NOUN", "ADJ", "PROPN") or w.key in TITLE_PREPOSITIONS)
               and (w.ner == "O" or w.i < k + length or any(o.covers(w.i) for o in inside))
               for w in between) \
                and all(o.type == "ORG" and owned(sent, o, mentions) for o in inside):
            return k  # (a name NER tagged there but no mention of these covers is a place: في عدن)
    return j


PREPOSITION_KEYS = {"مع", "ب", "من", "الي", "ل", "في", "عن", "علي", "بين", "ضد", "خلال"}  # whatever the tag


def marker(sent: Sentence, m: Mention, mentions: list[Mention], floor: int = 0) -> str | None:
    """The preposition (match key) that governs a mention's phrase, or None for a bare phrase. A clitic
    inside the name's first token counts when an article follows it (للولايات، بالعراق), not in a name
    the tokenizer cut (ب + رهم in برهم)."""
    first = sent.words[m.first]
    if m.first + 1 <= m.last and first.upos == "ADP" and len(first.key) == 1 \
            and first.tok == sent.words[m.first + 1].tok \
            and (sent.words[m.first + 1].article or m.type == "LOC"):  # بجدة: at a place
        return first.key
    start = np_start(sent, m, mentions, floor)
    head = sent.words[start]
    if start < m.first and clitic_title(sent, start):
        return head.key[0]  # سيلتقي برئيس الوزراء X: the tokenizer left the preposition on the title
    k = start - 1
    while k >= 0 and sent.words[k].text in "“”\"«»()'":
        k -= 1
    if k < 0:
        return None
    w = sent.words[k]
    if quoted_preposition(w):
        return w.text[0]  # ل«الشرق الأوسط»: the tokenizer left the preposition on the quotation mark
    if w.key in ("ب", "في") and m.type == "ORG" and k + 1 < m.first and _locative(sent.words[k + 1].key):
        return "في"  # التقى X بمقر الكلية الحربية: at its seat, not with it
    if w.key == "من" and k > 0 and sent.words[k - 1].key in ("كلا", "كل"):
        return None  # استقبل X كلا من Y و Z: "each of", the guests are objects
    if w.key == "ل" and m.type == "ORG":
        titled, governing = _unnamed_title_before(sent, k)
        if titled:  # التقى بالأمين العام لحزب X: the party stands for its unnamed head, in the title's phrase
            return governing
    if w.upos == "ADP" or w.upos != "VERB" and w.key in PREPOSITION_KEYS:
        return w.key  # (not بين after قد: a verb, بيّن)
    if w.text in "،," and (p := _title_before_comma(sent, k)) is not None:
        return sent.words[p].key  # مع وزير الخارجية، X: the name stands beside the title مع governs
    return None


def quoted_preposition(w) -> bool:
    """ب«، ل«: a preposition the tokenizer left on the quotation mark after it (one word, tagged a name)."""
    return len(w.text) == 2 and w.text[0] in ("ل", "ب") and w.text[1] in "«“\"("


def clitic_title(sent: Sentence, k: int) -> int:
    """Length of a title at word k whose first word the tokenizer left with its preposition (برئيس إقليم
    كردستان، لوزير الخارجية), 0 for none."""
    key = sent.words[k].key
    if key[:1] not in ("ب", "ل") or len(key) < 4:
        return 0
    keys = sent.keys
    for seq in seq_index(lexicon.titles()).by_first.get(key[1:], ()):  # (longest first)
        if tuple(keys[k + 1:k + len(seq)]) == seq[1:]:
            return len(seq)
    return 0


def _unnamed_title_before(sent: Sentence, lam: int, most: int = 5) -> tuple[bool, str | None]:
    """Whether a position title ends right before the ل of an organization, and the preposition that
    governs the title (ب in بالأمين العام لحزب X; None for a bare title: استقبل مدير جامعة X)."""
    titles = lexicon.titles()
    for j in range(lam - 1, max(-1, lam - most - 1), -1):
        if j + match_seq(sent, j, titles) == lam:
            before = sent.words[j - 1] if j else None
            return True, before.key if before is not None and before.upos == "ADP" else None
    return False, None


def _title_before_comma(sent: Sentence, comma: int, most: int = 8) -> int | None:
    """The position of مع/ب when the words before a comma are a title that preposition governs (اجتمع X،
    مع المبعوث الأممي، Y): the name after the comma is in apposition to that title."""
    for p in range(comma - 2, max(-1, comma - most - 2), -1):
        w = sent.words[p]
        if w.key in ("مع", "ب") and w.upos == "ADP":
            return p if title_phrase(sent, p + 1, sent.words[p + 1:comma], most) else None
        if w.punct or w.upos == "VERB":
            return None
    return None


def unnamed_subject(sent: Sentence, gap: list) -> bool:
    """طالب خبراء عقاريون وزارة الإسكان بـ: the words between the verb and the name are a subject of
    their own (a plural common noun and its adjective), not the name's title: the name is the object."""
    titled = formula_words(sent)
    titles = lexicon.titles()
    if len(gap) > 2 and gap[0].upos == "NOUN" and gap[0].key.startswith("ال") and gap[0].i not in titled \
            and not match_seq(sent, gap[0].i, titles) and match_seq(sent, gap[1].i, titles):
        return True  # يدعو المجلس رئيس الوزراء X: a body with the article, then the name's title
    nouns = [w for w in gap if w.upos == "NOUN" and w.i not in titled]
    if len(nouns) > 1 and nouns[0].key in QUANTIFIERS:  # دعت بعض الأطراف Y إلى: the plural after بعض
        nouns = nouns[1:]
    return bool(nouns) and all(w.upos in ("NOUN", "ADJ") and w.i not in titled for w in gap) \
        and "Number=Plur" in nouns[0].feats


# prepositions that make a phrase the circumstance of its clause (قال X خلال لقائه مع Y): during, and
# before or after
DURING = {"اثناء", "خلال", "في", "عبر"}
BEFORE_AFTER = {"بعد", "عقب", "قبل", "اثر"}


def verb_before(s: Sentence, k: int, limit: int = 12) -> int | None:
    """The nearest verb before word k, within ``limit`` words and the same sentence part (no . : ؛)."""
    for j in range(k - 1, max(-1, k - limit - 1), -1):
        if s.words[j].upos == "VERB":
            return j
        if s.words[j].text in ".:؛;":
            return None
    return None


QUANTIFIERS = {"بعض", "عدد", "جميع", "كافه", "معظم", "اغلب"}


TITLE_PHRASE_UPOS = ("NOUN", "ADJ", "ADP", "PROPN", "X", "DET")


def title_phrase(sent: Sentence, first: int, words: list, most: int, conj: bool = False) -> bool:
    """``words`` (from ``first``) are title phrases whose holders' names are not among them: a title
    first, then nouns, adjectives, prepositions and names, no verb and no punctuation (``conj``: and و,
    for a list of several), at most ``most`` words. Used where NER left a name out or a title runs long
    (يجتمع مدير عام الشؤون الصحية بمنطقة مكة المكرمة الدكتور X مع ...)."""
    allowed = TITLE_PHRASE_UPOS + (("CCONJ",) if conj else ())
    return 0 < len(words) <= most and bool(match_seq(sent, first, lexicon.titles())) \
        and all(w.upos in allowed for w in words)


def apposition(sent: Sentence, first: int, t: int) -> bool:
    """Words first..t-1 are the subject's title in apposition, closed by a comma (X مدير الكلية الحربية،
    كان ...): a position, its complement, no verb."""
    words = sent.words[first:t]
    return 1 < len(words) <= 9 and bool(match_seq(sent, first, lexicon.titles())) \
        and words[-1].text in "،," and not any(w.upos == "VERB" or w.text in ".:؛" for w in words)


def person_follows(sent: Sentence, mentions: list[Mention], start: int, reach: int) -> bool:
    """A person's name begins within ``reach`` words from ``start``, with no punctuation or verb before
    it: the phrase there (a title, an organization in a title) is that person's."""
    for w in sent.words[start:start + reach]:
        if any(o.type == "PER" and o.first == w.i for o in mentions):
            return True
        if w.punct or w.upos == "VERB" or w.key == "مع":  # (a title never runs on past مع)
            return False
    return False


def owned(sent: Sentence, m: Mention, mentions: list[Mention]) -> bool:
    """An organization that is not a party itself: named in the title of the person after it (مدير
    مستشفى الملك فيصل X، بالمدير التنفيذي لبرنامج دروب بوزارة العمل X: X is the party), or as the
    complement of a common noun (وكلاء إمارة المنطقة، طلبة كلية الضباط، مقر الكلية: the deputies, the
    students, the seat). A delegation of it (وفد مجلس الشورى) still is the organization. A place named
    in the title of the person after it (رئيس وزراء لبنان X) is no party either."""
    if m.type == "LOC" and m.first > 0:  # رئيس وزراء لبنان X: the place ends the title of the name after it
        titles = lexicon.titles()
        return any(j + match_seq(sent, j, titles) == m.first for j in range(max(0, m.first - 4), m.first)) \
            and any(o.type == "PER" and o.first == m.last + 1 for o in mentions)
    if m.type != "ORG" or m.first == 0:
        return False
    titles = lexicon.titles()
    if any(match_seq(sent, j, titles) for j in range(max(0, m.first - 6), m.first)) \
            and person_follows(sent, mentions, m.last + 1, 6):  # لكرة القدم الفرنسي X
        return True
    for j in range(max(0, m.first - 4), m.first):  # X رئيس مدينة الملك عبدالعزيز: in X's title after him
        n = match_seq(sent, j, titles)
        apposed = (j - 1, j - 2) if j and sent.words[j - 1].text in "،," else (j - 1,)  # not "X مع رئيس Y"
        if n and j + n == m.first and any(o.type == "PER" and o.last in apposed for o in mentions):
            return True
    prev = sent.words[m.first - 1]
    if prev.upos != "NOUN" or prev.key in ("وفد", "وفدا", "الوفد") or any(o.covers(prev.i) for o in mentions):
        return False
    return not any(match_seq(sent, j, titles) >= m.first - j for j in range(max(0, m.first - 4), m.first))


def _locative(key: str) -> bool:
    nouns = lexicon.words("locative_nouns")
    return key in nouns or (key.startswith("ال") and key[2:] in nouns)


def _name_starts(sent: Sentence, k: int) -> bool:
    """A gazetteer name of several words starts at word k (بان كي مون: not the complementizer بأن)."""
    return match_seq(sent, k, lexicon.gazetteer_long_seqs()) > 1


def clause_end(sent: Sentence, t: int, stop_at_content: bool = True, limit: int = 80) -> int:
    """Last word of the trigger's clause: before a content marker (أن, إن, a colon), a new finite verb
    after a comma, or a subordinating word."""
    words = sent.words
    end = min(len(words) - 1, t + limit)
    for k in range(t + 1, end + 1):
        w = words[k]
        content = w.key in CLAUSE_MARKERS and not _name_starts(sent, k) or w.text in (":", "：")
        if stop_at_content and content:
            return k - 1
        if w.key in BOUNDARY_CONJ and k > t + 1:
            return k - 1
        if w.text in ".؟!?؛;":
            return k - 1
        if w.upos == "VERB" and k > t + 1:
            return k - 1
        if w.upos == "VERB" and k > t + 1 and words[k - 1].key in ("و", "،", ",", "ف") \
                and words[k - 1].tok != w.tok:
            return k - 2
        if w.upos == "VERB" and k > t + 1 and words[k - 1].text in ("،", ","):
            return k - 2
    return end


def dateline_end(sent: Sentence, most: int = 8) -> int:
    """The colon that closes a credit line or dateline at the start of a sentence (عبد الله الراجحي- سبق-
    جازان: ، سبق- الرياض:), -1 when there is none: the names before it are no party of what follows."""
    for w in sent.words[:most]:
        if w.text in (":", "："):
            before = sent.words[:w.i]
            return w.i if any(x.text.endswith(("-", "–")) or x.text in ("-", "–") for x in before) else -1
        if w.upos == "VERB":
            return -1
    return -1


def during_it(sent: Sentence, verb: int) -> bool:
    """يجري خلالها، التقى خلاله: the verb happens during what the verb before it told (a visit)."""
    nxt = sent.words[verb + 1:verb + 3]
    return len(nxt) == 2 and nxt[0].key == "خلال" and nxt[1].upos == "PRON"


def clause_start(sent: Sentence, t: int, limit: int = 12) -> int:
    """First word of the stretch before a trigger that can hold its preposed subject (after أن, a
    colon, a comma-separated clause or the sentence start)."""
    for k in range(t - 1, max(-1, t - limit - 1), -1):
        w = sent.words[k]
        if w.key in CLAUSE_MARKERS or w.text in (":", "“", "\"", "«", "؛", ";") or w.upos == "VERB" \
                or w.key in BOUNDARY_CONJ:
            return k + 1
    return max(0, t - limit)


def parties(mentions: list[Mention]) -> list[Mention]:
    """Mentions that can fill a slot: not those inside a person's title (the organization in قائد
    القيادة المركزية كينيث مكينزي is part of how he is named, not a party)."""
    spans = [(m.role_first, m.role_last) for m in mentions
             if m.role_first is not None and m.role_last is not None]
    return [m for m in mentions if not any(a <= m.first and m.last <= b for a, b in spans)]


def in_span(mentions: list[Mention], first: int, last: int) -> list[Mention]:
    return [m for m in mentions if first <= m.first and m.last <= last]


def tree_arg(sent: Sentence, t: int, rels: tuple[str, ...], mentions: list[Mention]) -> Mention | None:
    """The mention the parser attaches to the trigger with one of ``rels`` (the mention containing the
    dependent, or the first mention within a few words of it inside its subtree)."""
    for w in sent.kids(t, *rels):  # (the mention whose name or title holds the dependent: الوزيرة X ستزور)
        hit = next((m for m in mentions if m.holds(w.i)), None)
        if hit:
            return hit
        sub = sent.subtree(w.i)
        near = [m for m in mentions if m.first in sub and m.first - w.i <= 6 and m.first > t]
        if near and _title_between(sent, w.i, near[0].first):
            return near[0]
    return None


def _title_between(sent: Sentence, first: int, stop: int) -> bool:
    """Words first..stop-1 are the mention's title (الرئيس الفلسطيني X), not a noun of their own whose
    complement the mention is (يزور قاعدة الأمم المتحدة: a base, not the UN)."""
    titled = formula_words(sent)
    return all(i in titled or sent.words[i].punct or sent.words[i].upos in ("ADJ", "DET", "PROPN", "ADP")
               for i in range(first, stop))


def _oblique_plural(sent: Sentence, m: Mention) -> bool:
    """A one-word group name in the oblique plural (الحوثيين، الفلسطينيين) is no subject: a subject would
    read الحوثيون."""
    key = sent.words[m.first].key
    return m.first == m.last and key.startswith("ال") and key.endswith("يين")


def _in_bare_title(sent: Sentence, t: int, m: Mention, mentions: list[Mention]) -> bool:
    """ودعا مفتي عام السعودية العلماء: a place or body ending the title right after the verb, with no name
    after it, is the title's complement; the subject is its unnamed holder."""
    gap = sent.words[t + 1:m.first]
    if m.type not in ("LOC", "ORG") or not gap or not title_phrase(sent, t + 1, gap, 8):
        return False
    return not _person_right_after(m, mentions)


def _in_title_of_next(sent: Sentence, m: Mention, mentions: list[Mention]) -> bool:
    """An organization in the title of the person named right after it (نائب حزب المحافظين X)."""
    return _person_right_after(m, mentions) and owned(sent, m, mentions)


def _person_right_after(m: Mention, mentions: list[Mention]) -> bool:
    """The next mention after m is a person's name, within three words of it."""
    nxt = min((o for o in mentions if o.first > m.last), key=lambda o: o.first, default=None)
    return nxt is not None and nxt.type == "PER" and nxt.first - m.last <= 3


def subject(sent: Sentence, t: int, mentions: list[Mention], end: int,
            types: tuple[str, ...] = PARTY_TYPES) -> tuple[Mention | None, str]:
    """The trigger's subject and how it was found: tree, preposed (SVO) or postposed (VSO)."""
    cands = [m for m in mentions if m.type in types]
    k = t - 1
    if k >= 1 and sent.words[k].key in RELATIVE:  # داعش الذي أعلن: the antecedent
        k -= 1
        if k >= 0 and sent.words[k].key == "و" and sent.words[k].tok == sent.words[k + 1].tok:
            k -= 1  # X، والذي استقبلهم
        while k >= 0 and sent.words[k].text in "“”\"«»()'،,":
            k -= 1
        antecedent = next((m for m in cands if m.covers(k)), None)
        if antecedent:
            return antecedent, "relative"
    start = clause_start(sent, t)
    before = [m for m in in_span(cands, start, t - 1) if marker(sent, m, mentions, start) is None]
    after = [m for m in in_span(cands, t + 1, end) if marker(sent, m, mentions, t + 1) is None
             and not _in_title_of_next(sent, m, mentions)]  # دعا نائب حزب المحافظين X: X, not his party
    by_tree = tree_arg(sent, t, ("nsubj",), cands)
    conj = sent.words[t - 1].key in ("و", "ف") and t > 0 and sent.words[t - 1].tok == sent.words[t].tok
    if before and not conj and by_tree in after[:1] and \
            all(w.upos == "PART" or w.punct for w in sent.words[before[-1].last + 1:t]):
        return before[-1], "preposed"  # إن الرئيس X سيلتقي الرئيس Y: X right before the verb is its subject
    if by_tree and (by_tree in before[-1:] or by_tree in after[:1]):
        return by_tree, "tree"
    if before and not conj:  # وتدارس الجانبان: a verb after و starts a clause; its subject follows
        last = before[-1]
        gap = [w for w in sent.words[last.last + 1:t] if not w.punct]
        if len(gap) <= 1 or apposition(sent, last.last + 1, t):
            return last, "preposed"
    plural = sent.words[t].upos == "VERB" and sent.words[t].key.endswith("وا")  # دعوا X: they, X the object
    after = [m for m in after if not _oblique_plural(sent, m)  # ودعت الحوثيين: the object's case
             and not _in_bare_title(sent, t, m, mentions)]
    if after and not plural and by_tree is None and common_noun_subject_before(sent, t, mentions):
        return None, ""  # إن الوفد الإيراني التقى X وY: the delegation met them; X is no subject
    if after and not plural:
        first = after[0]
        gap = [w for w in sent.words[t + 1:np_start(sent, first, mentions)] if not w.punct]
        if (len(gap) <= 4 or title_phrase(sent, t + 1, sent.words[t + 1:first.first], 12)) \
                and not any(w.key == "كلا" for w in gap) \
                and not unnamed_subject(sent, [w for w in sent.words[t + 1:first.first] if not w.punct]):
            # (استقبل كلا من X: accusative, objects)
            return first, "postposed"
    if by_tree:
        return by_tree, "tree"
    return None, ""


def common_noun_subject_before(sent: Sentence, t: int, mentions: list[Mention]) -> bool:
    """The tree gives the verb at t a subject before it that is a common noun, no name and no title of
    one (الوفد الإيراني التقى): the names after the verb are its objects."""
    start = clause_start(sent, t)  # (الحل سياسي، فيما تدعو تركيا: a subject of the clause before is none)
    return any(start <= w.i < t and w.upos == "NOUN" and not any(m.holds(w.i) for m in mentions)
               for w in sent.kids(t, "nsubj"))


def marked(sent: Sentence, mentions: list[Mention], first: int, last: int, preps: tuple[str, ...],
           types: tuple[str, ...] = PARTY_TYPES) -> list[Mention]:
    """Mentions in first..last whose phrase is governed by one of the prepositions (keys)."""
    return [m for m in in_span(mentions, first, last)
            if m.type in types and marker(sent, m, mentions, first) in preps]


def coordinated(sent: Sentence, m: Mention, mentions: list[Mention], end: int,
                any_type: bool = False) -> list[Mention]:
    """Mentions joined to m by و (X وY وZ), in order, within the clause. An item may carry a long title
    with names of other types in it (و مدير عام فرع وزارة العدل بمنطقة الرياض الشيخ Y): they are stepped
    over. Items are of m's type, or (``any_type``) persons and bodies alike (يناشد الرئيس X والحكومة)."""
    out, cur, tail = [], m, m.last  # tail: where the last item ends, its title after it included
    for o in sorted(mentions, key=lambda x: x.first):
        if o.first <= tail or o.last > end:
            continue
        between = [w for w in sent.words[tail + 1:np_start(sent, o, mentions)] if not w.punct]
        alongside = _alongside(between)  # X، إلى جانب وزير الصحة Y: alongside is and
        if alongside:
            between = between[2:]
        joiner = (alongside or bool(between) and (between[0].key == "و" or _joined_title(between[0]))) \
            and (len(between) <= 4 or _title_item(sent, cur, o))
        k = tail + 1
        if not joiner and out and k + 1 < o.first and sent.words[k].text in ("،", ",") \
                and match_seq(sent, k + 1, lexicon.titles()) and o.first - k <= 8 \
                and not any(w.punct or w.upos == "VERB" for w in sent.words[k + 1:o.first]):
            joiner = True  # X، وY، وزير النقل Z: a list's last item after a comma alone
        if not joiner and sent.words[o.first].key.startswith("و") and not between:
            joiner = True
        if joiner and (o.type == m.type or any_type and {o.type, m.type} <= {"PER", "ORG"}):
            out.append(o)
            cur, tail = o, o.last
        elif joiner and _title_item(sent, cur, o):
            continue  # وزارة العدل inside the next item's title
        elif not joiner and _in_apposition(sent, cur, o):
            tail = o.last  # X وزير خارجية الولايات المتحدة ولافروف: the country is in X's title
        elif o.first > cur.last:
            break
    return out


def _in_apposition(sent: Sentence, cur: Mention, o: Mention) -> bool:
    """o lies in a title written after cur (X وزير خارجية الولايات المتحدة): title words, then nouns,
    adjectives and names, no punctuation or verb, up to o."""
    k = cur.last + 1
    if k >= len(sent.words) or not match_seq(sent, k, lexicon.titles()):
        return False
    words = sent.words[k:o.first]
    return len(words) <= 6 and all(not w.punct and w.upos in ("NOUN", "ADJ", "ADP", "PROPN", "X", "DET")
                                   for w in words)


def _joined_title(w) -> bool:
    """ووزير as one word (the tokenizer left و on a title): the next item of a list starts here."""
    return w.key.startswith("و") and (w.key[1:],) in lexicon.title_variants()


ALONGSIDE = {("الي", "جانب"), ("بالاضافه", "الي"), ("اضافه", "الي")}


def _alongside(words) -> bool:
    """إلى جانب، بالإضافة إلى: two words that join the next item of a list as و does."""
    return len(words) >= 2 and (words[0].key, words[1].key) in ALONGSIDE


def _title_item(sent: Sentence, cur: Mention, o: Mention) -> bool:
    """Words between two items are و (or إلى جانب) and one title phrase: nouns, adjectives,
    prepositions, names, no verb and no punctuation, at most 12 words."""
    words = sent.words[cur.last + 1:o.first]
    while words and words[0].text in "،,":  # X، ومدير عام ... Y: a comma before the item
        words = words[1:]
    if _alongside(words):
        words = words[2:]
    elif not words or not (words[0].key == "و" or _joined_title(words[0])):
        return False
    return 0 < len(words) <= 12 and all(
        not w.punct and w.upos in ("NOUN", "ADJ", "ADP", "PROPN", "X", "CCONJ", "DET") for w in words)


def text_between(sent: Sentence, first: int, last: int) -> str:
    """Surface text of words first..last, trimmed of edge punctuation and quotes."""
    if first > last:
        return ""
    return sent.text_of(first, last, split=True).strip(" ،,:;.\"“”«»()'")
