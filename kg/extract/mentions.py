"""Name mentions in one sentence: NER spans, repaired and completed by rules.

The bundled NER model is small (F1 about 70): it cuts names short (دونالد
without ترمب), swallows quotes, clitics and neighbouring foreign words, types
a person ORG, and misses names it found elsewhere. So NER spans are trimmed
here and completed by the rules in mention_rules.py, which do not depend on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.extract.model import Evidence
from kg.extract.sentence import Sentence, Word
from kg.text import match_key, name_key

EDGE = "“”\"«»()[]{}'‘’،,:;.!؟?-–—…/|*"
STOP_UPOS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "DET", "PART", "ADV", "INTJ", "SYM"}


@dataclass
class Mention:
    id: str
    doc_id: str
    sentence: int
    first: int  # word positions, inclusive
    last: int
    start: int  # characters of the name in the document text
    end: int
    text: str  # the name, trimmed
    type: str
    rule: str
    confidence: float
    sentence_text: str
    raw: str = ""  # the span as first found
    trims: list[tuple[str, str]] = field(default_factory=list)  # (alias, reason) for the record
    role: str | None = None  # a position written next to the name (رئيس الوزراء)
    role_first: int | None = None  # the words of that title phrase, honorifics and ranks included
    role_last: int | None = None
    clitic: str | None = None  # key of the name without a clitic the tokenizer split off
    outlet: bool = False  # a news medium (from the media list or after صحيفة، وكالة ...)
    title_key: str | None = None  # the position title's key, for bare-title coreference

    def evidence(self) -> Evidence:
        return Evidence(self.doc_id, self.sentence, self.sentence_text, self.start, self.end, self.rule,
                        self.confidence)

    def covers(self, i: int) -> bool:
        return self.first <= i <= self.last

    def holds(self, i: int) -> bool:
        """Word i is in the name or in the title written before it (الوزيرة in الوزيرة X)."""
        return self.covers(i) or self.role_first is not None and self.role_first <= i < self.first

    def key(self) -> str:
        """The name's match key without a clitic the tokenizer split off (والشباب: الشباب)."""
        return self.clitic or match_key(self.text)


def arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def name_like(w: Word, first: bool = False) -> bool:
    """Could this word be part of a name? Proper nouns, foreign words, and nouns the lemmatizer did not
    know (unvocalized lemma); a name's first word carries no article unless tagged PROPN."""
    if w.punct or w.upos in STOP_UPOS or len(w.key) < 2:
        return False
    if w.upos in ("PROPN", "X"):
        return True
    if first and w.article:
        return False
    return w.upos in ("NOUN", "ADJ") and not w.vocalized


class SeqIndex:
    """Word-key sequences bucketed by their first key, in the order given (callers give them longest
    first), so matching at a word looks at a handful of candidates instead of every sequence."""

    def __init__(self, seqs: Iterable[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for seq in seqs:
            if seq:
                self.by_first.setdefault(seq[0], []).append(seq)

    def match(self, keys: Sequence[str], i: int) -> int:
        for seq in self.by_first.get(keys[i], ()) if i < len(keys) else ():
            if tuple(keys[i:i + len(seq)]) == seq:
                return len(seq)
        return 0


_INDEXES: dict[int, tuple[object, SeqIndex]] = {}


def seq_index(seqs) -> SeqIndex:
    """The index of a (long-lived, e.g. cached lexicon) collection of sequences, built once."""
    if isinstance(seqs, SeqIndex):
        return seqs
    hit = _INDEXES.get(id(seqs))
    if hit is None or hit[0] is not seqs:
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        hit = _INDEXES[id(seqs)] = (seqs, SeqIndex(seqs))
    return hit[1]


def match_seq(sent: Sentence, i: int, seqs) -> int:
    """Length (in words) of the longest sequence of word keys starting at word i, 0 for none."""
    return seq_index(seqs).match(sent.keys, i)


class Builder:
    """Collects the mentions of one sentence, keeping them disjoint (first come, first served)."""

    def __init__(self, doc_id: str, sent: Sentence, surnames: frozenset[str] = frozenset()):
        self.doc_id, self.sent, self.out = doc_id, sent, []
        self.surnames = surnames  # family names of persons the document named in full

    def free(self, first: int, last: int) -> bool:
        return all(last < m.first or first > m.last for m in self.out)

    def at(self, i: int) -> Mention | None:
        return next((m for m in self.out if m.covers(i)), None)

    def add(self, first: int, last: int, type_: str, rule: str, conf: float,
            raw: str | None = None) -> Mention | None:
        s = self.sent
        while first <= last and s.words[first].punct:
            first += 1
        while last >= first and s.words[last].punct:
            last -= 1
        if first > last or not self.free(first, last):
            return None
        # a clitic word left out of the span (و in وبادين) is left out of the text too
        split = first > 0 and s.words[first - 1].tok == s.words[first].tok
        text = s.text_of(first, last, split=split)
        if split:  # ل + التحالف in للتحالف: the word's own letters, not a cut of the token
            same = [w for w in s.words[first:last + 1] if w.tok == s.words[first].tok]
            rest = s.text_of(same[-1].i + 1, last) if same[-1].i < last else ""
            gap = " " if rest and s.words[same[-1].i + 1].start > s.words[first].end else ""
            text = "".join(w.text for w in same) + gap + rest
        stripped = text.strip(EDGE + " ")
        if sum(ch.isalpha() for ch in stripped) < 2 or _not_a_name(stripped):
            return None  # (a one-letter name: the clitic ل of ل«الشرق» read as a title's holder)
        if type_ in ("PER", "MISC") and rule in NAME_RULES and inside_formula(s, first, last):
            return None
        start = s.char_start(first) if split else s.words[first].start
        start += len(text) - len(text.lstrip(EDGE + " "))
        m = Mention(f"{self.doc_id}#{s.index}:{first}-{last}", self.doc_id, s.index, first, last, start,
                    start + len(stripped), stripped, type_, rule, conf, s.text, raw or text)
        if stripped != text:
            m.trims.append((text, "punctuation"))
        w0 = s.words[first]
        if first < last and len(w0.key) == 1 and w0.upos in ("ADP", "CCONJ") \
                and w0.tok == s.words[first + 1].tok:
            m.clitic = match_key(" ".join(w.text for w in s.words[first + 1:last + 1]))
        self.out.append(m)
        return m


NAME_RULES = {"ner", "title", "known name", "coordination"}  # rules that read a name off the words


def formula_words(s: Sentence) -> frozenset[int]:
    """Positions of words inside a title or a formula as written in the sentence (ولي العهد، خادم
    الحرمين الشريفين، حفظه الله، ولي الأمر). Matched on words and on whole tokens, so that a title the
    tokenizer cut (ولي -> و + لي) still covers its pieces."""
    if "formula_words" in s.memo:
        return s.memo["formula_words"]
    from kg.extract import lexicon

    seqs = lexicon.formulae()
    out: set[int] = set()
    for i in range(len(s.words)):
        n = match_seq(s, i, seqs)
        out.update(range(i, i + n))
    tokens: list[list[int]] = []  # word positions of each token, in order
    for w in s.words:
        if tokens and s.words[tokens[-1][0]].tok == w.tok:
            tokens[-1].append(w.i)
        else:
            tokens.append([w.i])
    tkeys = tuple(match_key(s.text_of(t[0], t[-1])) for t in tokens)
    index = seq_index(seqs)
    for j in range(len(tokens)):
        n = index.match(tkeys, j)
        if not n and len(tkeys[j]) > 2 and tkeys[j][0] in "وفبلك":  # a clitic left on: لولي العهد
            n = index.match((tkeys[j][1:], *tkeys[j + 1:j + 8]), 0)
        for t in tokens[j:j + n]:
            out.update(t)
    s.memo["formula_words"] = frozenset(out)
    return s.memo["formula_words"]


def inside_formula(s: Sentence, first: int, last: int) -> bool:
    """Every word of first..last lies inside a title or formula: no person's name is there."""
    words = formula_words(s)
    return all(i in words for i in range(first, last + 1))


def _not_a_name(text: str) -> bool:
    """God and religious formulae (الله، حفظه الله) are tagged as names but name no entity."""
    from kg.extract import lexicon

    key = " ".join(lexicon.tokens(text))
    words = lexicon.words("not_names")
    return key in words or (len(key) > 2 and key[0] in "وفبلك" and key[1:] in words)


ABBREVIATED_TITLES = {"د", "ود", "م", "وم"}  # د. (الدكتور), م. (المهندس), with or without و


def _without_particles(s: Sentence, first: int, last: int) -> int:
    """أحمد سيذهب: the future particle left before a verb cut off the name goes too."""
    while last > first and s.words[last].upos in ("PART", "AUX") \
            and s.words[last].tok == s.words[last + 1].tok:
        last -= 1
    return last


def _person_end(s: Sentence, first: int, last: int) -> int:
    """Where a person's name NER ran past ends: before a formula (فيصل بن عبدالعزيز رحمه الله), a verb
    (محمد تربى), a new conjunct (محمد بن سلمان وأدبه) or a one-word title after it (صالح بن حميد إمام)."""
    from kg.extract import lexicon

    formulae = formula_words(s)
    for k in range(first + 1, last + 1):
        w = s.words[k]
        conj = w.key == "و" and w.upos == "CCONJ"
        if conj or (w.upos == "VERB" and k == last and w.key != "ولد") \
                or (k in formulae and all(j in formulae for j in range(k, last + 1))
                    and s.words[k - 1].key not in ("ال", "عبد")):  # عبداللطيف آل الشيخ: a family name
            # after آل; تركي بن عبد الله: God's name after عبد is the name's own
            return _without_particles(s, first, k - 1)
        if w.upos == "ADP" and k < last and s.words[k + 1].tok == w.tok and s.words[k + 1].article:
            return k - 1  # الجاسر بالوفد: a preposition on a noun with the article ends the name
        if k > first + 1 and s.words[k - 1].key not in NAME_PARTICLES | {"ال", "آل"} \
                and (n := match_seq(s, k, lexicon.titles())) and (n > 1 or k + n <= last):
            return k - 1  # صالح آل طالب إمام الحرم المكي: a title with its complement ends the name
    w = s.words[last]
    if last > first and w.key in ABBREVIATED_TITLES:
        return last - 1  # محمد بن سلمان ود. مساعد العيبان: "و د." (and Dr.) opens the next name
    if last > first + 1 and s.words[last - 1].key not in ("ال", "عبد") \
            and (match_seq(s, last, lexicon.titles())
                 or w.key.startswith("و") and w.key.endswith(("ه", "ها", "هم")) and len(w.key) > 3):
        return last - 1  # صالح بن حميد إمام (الحرم)، محمد بن سلمان وأدبه; not داود عبد السيد
    return last


NAME_TAGS = ("PROPN", "X", "NOUN", "ADJ")  # the tags a listed surname may get (بحاح tagged an adjective)


def _family_honorific(s: Sentence, j: int) -> bool:
    """An honorific right after a name and before a comma, و or the sentence's end (عصام السيد، ...): it
    introduces no name there, so it is the family name (السيد، الشيخ)."""
    from kg.extract import lexicon

    if j >= len(s.words) or lexicon.title_variants().get((s.words[j].key,)) != "honorific":
        return False
    nxt = s.words[j + 1] if j + 1 < len(s.words) else None
    return nxt is None or nxt.text in ("،", ",", ".", ":", "؛") or nxt.key == "و"


def conjoined_genitives(s: Sentence, first: int, last: int, free=lambda j: True) -> int:
    """Where an organization's name ends that goes on with genitives joined by و and their nisba
    adjectives (لجنة الأمن القومي والسياسة الخارجية والطاقة); not into a new organization (والسفارة)."""
    from kg.extract import lexicon

    heads, n, k = lexicon.words("org_heads"), len(s.words), last
    while k + 2 < n and k - first < 10 and s.words[k + 1].key == "و" \
            and s.words[k + 1].tok == s.words[k + 2].tok and s.words[k + 2].article \
            and s.words[k + 2].upos == "NOUN" and free(k + 2) and s.words[k + 2].key[2:] not in heads:
        k += 2
        while k + 1 < n and k - first < 10 and s.words[k + 1].upos == "ADJ" and free(k + 1) \
                and s.words[k + 1].key.startswith("ال") and s.words[k + 1].key.endswith(("ي", "يه")):
            k += 1
    return k


def verb_tagged_as_name(s: Sentence, first: int, last: int) -> bool:
    """الوزير سيسافر غدا: NER tags a verb with its future or negative particle as a person."""
    upos = {s.words[k].upos for k in range(first, last + 1)}
    return upos <= {"VERB", "AUX", "PART"} and bool(upos & {"AUX", "PART"})


def nisba(key: str) -> bool:
    """An adjective of relation with the article (الأمريكي، الإسبانية): a country or a place's adjective."""
    return key.startswith("ال") and key.endswith(("ي", "يه")) and len(key) > 4


def group_noun(key: str) -> bool:
    """وفد، وزراء، نظراء (kg/extract/data/group_nouns.txt), with or without the article or a clitic."""
    from kg.extract import lexicon

    nouns = lexicon.words("group_nouns")
    for k in (key, key[1:] if key[:1] in "وفبلك" else key):
        if k in nouns or (k.startswith("ال") and k[2:] in nouns):
            return True
    return False


TIMES_OF_DAY = {"صباح", "مساء", "ظهر", "عصر", "فجر"}  # as match keys
DAYS = {"اليوم", "امس", "الغد", "غد", "يوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
        "السبت"}


QUOTE_MARKS = set("«»\"“”")  # marks that quote a term or a name (not brackets)


def without_article(w: Word) -> str:
    """The word's match key without the article: الجمعية and جمعية are the same institution noun."""
    return w.key[2:] if w.article else w.key


def scare_quoted(s: Sentence, first: int) -> int | None:
    """The last word of a quoted phrase of common words that opens at ``first`` («سلام ومصالحة»،
    «النظام الشمولي»، "كيس"): news quotes a slogan or a term so, and NER takes it for a name. Every word
    up to the closing mark is a noun, an adjective or و, none a proper noun. None for anything else."""
    if first == 0 or s.words[first - 1].text not in QUOTE_MARKS:
        return None
    j = first
    while j < len(s.words) and j - first < 6 and s.words[j].text not in QUOTE_MARKS:
        if s.words[j].upos not in ("NOUN", "ADJ", "CCONJ"):
            return None
        j += 1
    return j - 1 if j < len(s.words) and s.words[j].text in QUOTE_MARKS and j > first else None


def _not_ner_name(s: Sentence, first: int, last: int, type_: str) -> bool:
    """Spans NER tags that name nothing: a quoted term (scare_quoted) as an event, or a part of one as an
    organization (سلام in «سلام ومصالحة»); the subject of a portfolio or the rest of a title (مساعد وزير
    الدفاع لشؤون الأمن الدولي، مستشار الأمن القومي العراقي) as an organization, unless an institution noun
    heads it."""
    from kg.extract import lexicon

    if lexicon.tokens(s.text_of(first, last)) in lexicon.gazetteer():
        return False
    quoted_end = scare_quoted(s, first)
    if quoted_end is not None and (type_ == "MISC" or type_ == "ORG" and last < quoted_end):
        return True
    if type_ != "ORG" or first == 0:
        return False
    titles = lexicon.titles()
    in_title = any(match_seq(s, k, titles) > first - k for k in range(max(0, first - 4), first))
    return (s.words[first - 1].key == "شؤون" or in_title) \
        and without_article(s.words[first]) not in lexicon.words("org_heads")


def _holder_after_title(s: Sentence, first: int, last: int) -> bool:
    """The span follows a title with the article (and its nationality adjectives), which takes its
    holder's name after it, not a complement (مدير رواد ميديا: the body he directs), and is made of
    names with no article and no institution noun, known as no body."""
    from kg.extract import lexicon

    def title_ends_at(j: int) -> bool:
        return s.words[j].article \
            and any(match_seq(s, k, lexicon.titles()) == j + 1 - k for k in range(max(0, j - 4), j + 1))

    # (وزيرة الخارجية الأوروبية X: the title's own last word, الخارجية, is an adjective of that form too)
    j = first - 1
    while j > 0 and s.words[j].upos == "ADJ" and nisba(s.words[j].key) and not title_ends_at(j):
        j -= 1
    if j < 0 or not title_ends_at(j):
        return False
    words = s.words[first:last + 1]
    seq = lexicon.tokens(s.text_of(first, last))
    return all(not w.article and w.upos in ("PROPN", "X", "NOUN") for w in words) \
        and without_article(words[0]) not in lexicon.words("org_heads") \
        and seq not in lexicon.gazetteer() and seq not in lexicon.media()


def _site(s: Sentence, first: int) -> bool:
    """قاعدة العند الجوية: the span follows a site noun in the construct state (data/site_nouns.txt). A
    place NER typed so stays as it is (ميناء البريقة: the town البريقة); a site typed as an organization
    or an event is a place with its noun."""
    from kg.extract import lexicon

    if first == 0:
        return False
    w = s.words[first - 1]
    return not w.article and w.upos == "NOUN" and w.tok != s.words[first].tok \
        and w.key in lexicon.words("site_nouns")


# words inside a person's name that never end it: the name goes on after them (آل and ال are compared
# as written, in add_ner)
NAME_PARTICLES = {"عبد", "ابو", "بن", "ابن", "بنت", "ام", "ولد", "دي", "دو", "دا", "فان", "فون", "دل", "ديل"}


# words NER takes into a person's name before a surname the article gives in full elsewhere: فان for
# فإن (then), بلسان (in the words of), لكن (but); as the first of two words only
BEFORE_A_SURNAME = {"فان", "ان", "وان", "لكن", "ولكن", "بلسان", "لسان"}


def _person_bounds(b: Builder, first: int, last: int) -> tuple[int, int, int | None]:
    """A person span NER drew across a preposition, a particle or a verb, mended: (first, last, the
    position of a second person's one-word name cut off its end, or None). The family names the article
    gives in full elsewhere (b.surnames) tell a name from the word next to it."""
    from kg.extract import lexicon

    s, tail = b.sent, None
    triggers = lexicon.trigger_heads("met", "contacted", "requested")
    if first + 1 == last and s.words[first].upos == "ADP" and len(s.words[first].key) == 1 \
            and s.words[first].tok == s.words[last].tok and s.words[last].key in b.surnames:
        first += 1  # ب + شكري after سامح شكري: the preposition is no part of the name (ل + ندسي is)
    if first > 0 and s.words[first - 1].text == "علي" and s.words[first - 1].upos == "ADP" \
            and s.words[first].upos == "PROPN" and b.free(first - 1, first - 1):
        first -= 1  # علي عواض عسيري: the name علي (the preposition is written على) the tagger took for one
    if first < last and s.words[last].key[:1] in ("ب", "ل") and s.words[last].key[1:] in b.surnames \
            and s.words[last].tok != s.words[last - 1].tok:
        tail, last = last, last - 1  # هولاند بروحاني: a second person, after his preposition
    if tail is None and last == first + 2 and s.words[first].key in b.surnames \
            and s.words[first + 1].upos == "ADP" and len(s.words[first + 1].key) == 1 \
            and s.words[first + 1].tok == s.words[last].tok:
        # وقال نتنياهو لرانتشي: a family name the article knows, then a preposition and its noun
        tail, last = (last if s.words[last].key in b.surnames else None), first
    if last == first + 1 and s.words[first].key in b.surnames and s.words[last].key[:1] in ("ب", "ل", "ك") \
            and s.words[last].key not in b.surnames and name_key(s.words[last].key) not in lexicon.translit():
        last = first  # عون بحركة: the same, the preposition left on its word
    if last == first + 1 and s.words[first].key in BEFORE_A_SURNAME and s.words[last].key in b.surnames:
        first += 1  # فان نتنياهو (فإن), بلسان نتنياهو: a word before a surname the article knows
    if last > first + 1 and s.words[first].upos == "VERB" \
            and {s.words[first].key, s.words[first].lemma} & triggers:
        first += 1  # طالب مسعود البارزاني بوقف القصف: the verb before its subject, not his first name
    return first, last, tail


def add_ner(b: Builder, span, titles) -> None:
    """An NER span without a leading title, without trailing foreign words or clitics (احمد الخضر
    لPUKmedia), and with a proper noun the parser hangs on it as flat (دونالد ترمب)."""
    s = b.sent
    from kg.extract import lexicon

    first, last, type_ = span.first, span.last, span.type
    if _not_ner_name(s, first, last, type_):
        return
    if type_ == "ORG" and _holder_after_title(s, first, last):
        type_ = "PER"  # الرئيس الغاني جون ماهاما: NER typed the title's holder an organization
    type_ = lexicon.latin_name_types().get(name_key(s.text_of(first, last)), type_)  # a well-known name's
    # listed type (فيديريكا موغيريني, which NER may call an organization), as the entity will have it
    if type_ in ("ORG", "MISC") and _site(s, first) and b.free(first - 1, first - 1):
        first, type_ = first - 1, "LOC"  # قاعدة العند الجوية: the site's noun is part of its name
    raw = s.text_of(first, last)
    if arabic(s.words[first].text):
        while last > first and (not arabic(s.words[last].text)
                                or (len(s.words[last].key) == 1 and s.words[last].upos == "ADP")):
            last -= 1
    stops = lexicon.words("name_end_stops")
    while last > first and s.words[last].key in stops:  # فيصل بن بندر الجميع: the name ends before
        last -= 1
    if type_ == "PER":  # محسن مرزوق أمينا عاما: a person's name ends before the first such word
        last = next((k - 1 for k in range(first + 1, last + 1) if s.words[k].key in stops), last)
    if type_ == "PER" and last > first + 1 and s.words[last].key in TIMES_OF_DAY \
            and last + 1 < len(s.words) and s.words[last + 1].key in DAYS:
        last -= 1  # استقبل الملك سلمان بن عبدالعزيز صباح اليوم: the time of day, not the name صباح
    while last + 1 < len(s.words) and last - first < 4 and s.words[last + 1].deprel == "flat" \
            and s.words[last + 1].upos == "PROPN" and s.words[last + 1].ner == "O" \
            and s.words[last + 1].key not in stops:
        last += 1
    if type_ == "PER" and last + 1 < len(s.words) and (s.words[last].text in ("آل", "ال") or last > first
                                                        and s.words[last].key in NAME_PARTICLES) \
            and not s.words[last + 1].punct and s.words[last + 1].upos in ("PROPN", "NOUN", "X", "ADJ"):
        last += 1  # عبداللطيف آل الشيخ، ستيفان دي مستورا: no name ends with a particle, its name follows
    if type_ == "PER":
        # ياسر العتيبي- سبق- جدة: a dateline's hyphen ends the reporter's name
        last = next((k for k in range(first, last) if s.words[k].text.endswith(("-", "–"))), last)
        last = _person_end(s, first, last)
        surnames = lexicon.curated_surnames()
        while last + 1 < len(s.words) and last - first < 4 and s.words[last + 1].upos in NAME_TAGS \
                and s.words[last + 1].ner == "O" and s.words[last + 1].key in surnames:
            last += 1  # خالد محفوظ بحاح: a surname the gazetteer knows, left out of the span
        if _family_honorific(s, last + 1):
            last += 1  # والمخرج عصام السيد، والمنتج: السيد ending the name before a comma is his family
    while type_ == "ORG" and last > first + 1 and s.words[last].upos == "NOUN" \
            and not s.words[last].article and s.words[last - 1].article:
        last -= 1  # الشركة السعودية للخدمات الأرضية فتح (تحقيق): a verbal noun after the name, not in it
    if type_ == "ORG":  # طبي بمستشفى الملك فهد: the institution begins after the preposition
        heads = lexicon.words("org_heads")
        first = next((k + 1 for k in range(first + 1, last) if s.words[k].upos == "ADP"
                      and s.words[k].tok == s.words[k + 1].tok and s.words[k + 1].key in heads), first)
        if s.words[last].article and s.words[last].upos in ("NOUN", "ADJ") \
                and without_article(s.words[first]) in heads:
            last = conjoined_genitives(s, first, last, lambda j: s.words[j].ner == "O")  # لجنة ... والطاقة
    tail = None
    if type_ == "PER":
        first, last, tail = _person_bounds(b, first, last)
    if type_ == "PER" and group_noun(s.words[first].key):
        return  # ووفدا عشائريا: a delegation, no person
    if verb_tagged_as_name(s, first, last):
        return
    n = match_seq(s, first, titles) if type_ == "PER" else 0
    role_first = None
    if n and first + n <= last:
        role_first, first = first, first + n
    m = b.add(first, last, type_, "ner", 0.9, raw)
    if tail is not None:
        b.add(tail, tail, "PER", "ner", 0.9)
    if m is None:
        return
    if role_first is not None:
        m.role_first, m.role_last = role_first, first - 1
        m.role = s.text_of(role_first, first - 1, split=True).strip(EDGE + " ")
        m.title_key = " ".join(w.key for w in s.words[role_first:first] if w.key != "مجلس")
        m.trims.append((raw.strip(EDGE + " "), "title stripped"))
    elif raw.strip(EDGE + " ") != m.text and all(a != raw for a, _ in m.trims):
        m.trims.append((raw.strip(EDGE + " "), "trimmed" if len(raw) > len(m.text) else "NER span extended"))


_LAST_KNOWN: list = [None, None]  # (the names dict last asked for, its index): one document's names


def known_index(known: dict[tuple[str, ...], str] | None):
    """The gazetteer plus ``known`` as an index; a document asks for it once per sentence with the same
    dict, so the last one is kept."""
    from kg.extract import lexicon
    from kg.extract.mention_rules import KnownNames

    if _LAST_KNOWN[0] is not known or _LAST_KNOWN[1] is None:
        _LAST_KNOWN[:] = [known, KnownNames({**lexicon.gazetteer(), **(known or {})}, lexicon.known_extra())]
    return _LAST_KNOWN[1]


def find_mentions(doc_id: str, sent: Sentence, known: dict[tuple[str, ...], str] | None = None,
                  holders: dict[str, str] | None = None, person: str | None = None,
                  head: str | None = None, surnames: frozenset[str] = frozenset()) -> list[Mention]:
    """All mentions in a sentence, disjoint, in order. ``known``: names to look for again (word keys ->
    type); ``holders``: title key -> the one person holding it in the document, for bare titles;
    ``person``: the last person named before this sentence, for honorific pronouns (معاليه); ``head``:
    the head of the last delegation named before it, for "الوفد"; ``surnames``: the family names of
    the persons the document names in full (الرئيس السيسي after عبد الفتاح السيسي)."""
    from kg.extract import lexicon
    from kg.extract import mention_rules as rules

    b = Builder(doc_id, sent, surnames)
    for span in sent.ents:
        add_ner(b, span, lexicon.titles())
    rules.media(b)
    rules.organizations(b)
    rules.titles(b)
    rules.gazetteer_names(b)
    index = known_index(known)
    rules.known(b, index)
    if known:
        rules.surnames(b, index)
    rules.surnames_after_titles(b)
    rules.named_after(b)
    rules.appositions(b)  # after known names: أشتون كارتر وزير الدفاع, Carter found by name only
    rules.coordinated(b)
    if holders:
        rules.bare_titles(b, holders)
        rules.counterparts(b, holders)
    rules.honorific_pronouns(b, person)
    if head:
        rules.the_delegation(b, head)
    return sorted(b.out, key=lambda m: m.first)
