"""Trigger words and the modality of the event they name.

Entries of triggers.tsv are matched by kind: a lemma entry against the word's
lemma and, because the lemmatizer misses rare inflections, against its form
and its token's form without clitics and person affixes (وبينت -> بين); a
form entry against the surface form; a phrase entry word by word, where a
preposition may follow its verb after the subject (بحث X مع Y). False
triggers (تتطلب "requires", مطالبون "are required") veto a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.extract import lexicon
from kg.extract.sentence import Sentence, Word
from kg.text import match_key

# Grammar, not vocabulary: these particles are always what they are.
NEGATION = {"لم", "لن", "لا", "ليس", "عدم"}
FUTURE_PARTICLES = {"س", "سوف"}
FUTURE_PREFIX = ("سي", "ست", "سن")
CLITIC_PREFIXES = ("وس", "فس", "و", "ف", "ل", "ب", "س")
PREPOSITIONS = {"مع", "ب", "من", "الي", "علي", "عن", "ل", "في"}
SUFFIXES = ("وا", "تا", "ان", "ون", "ت", "ا", "ن")
PREFIXES = ("ي", "ت", "ن", "ا")
DEFECTIVE_SUFFIXES = ("ت", "وا", "تا")
DUAL_PRONOUN = "هما"  # their (two) meeting: لقائهما


@dataclass(frozen=True)
class Hit:
    word: int  # position of the trigger's content word
    relation: str
    key: str  # the lexicon entry that matched
    kind: str  # lemma | form | phrase
    nominal: bool  # a noun (لقاء، طلب) rather than a verb
    future: bool  # written with a future prefix (سيبحثان)
    note: str = ""
    marker: int | None = None  # position of the preposition a phrase entry names (بحث مع -> مع)


def surface_keys(sent: Sentence, w: Word) -> list[str]:
    """The word's form key, its token's form key, and both with leading clitics peeled off."""
    surface = match_key(sent.text[w.start - sent.start:w.end - sent.start])
    keys = [w.key, surface]
    for k in list(keys):
        for p in CLITIC_PREFIXES:
            # (وحث, a verb the tokenizer left whole: و + a verb of two letters, which the tagger may take
            # for a noun or a name)
            short_verb = w.upos in ("VERB", "NOUN", "PROPN", "X") and p in ("و", "ف") and len(k) == 3
            if k.startswith(p) and (len(k) - len(p) >= 3 or short_verb):
                keys.append(k[len(p):])
    for k in list(keys):  # the article: المباحثات -> مباحثات, للقاء -> لقاء
        if k.startswith("ال") and len(k) > 4:
            keys.append(k[2:])
        elif k.startswith("لل") and len(k) > 4:
            keys.append(k[2:])
    return list(dict.fromkeys(k for k in keys if k))


FIRST_PERSON_PREFIXES = ("ن", "ا")  # (as match keys: أ is ا)


def first_person(sent: Sentence, w: Word) -> bool:
    """نطالب، أدعو: an imperfect verb of the first person. The tagger's Aspect and Person are unsure on
    these (ندعو tagged a perfect of the third person), so a form listed in verb_forms.tsv whose prefix
    is not its lemma's first letter counts too."""
    if w.upos != "VERB":
        return False
    if "Aspect=Imp" in w.feats and w.key[:1] in FIRST_PERSON_PREFIXES:
        return True
    listed = lexicon.pair_map("verb_forms")
    return any(f[:1] in FIRST_PERSON_PREFIXES and f in listed and not listed[f].startswith(f[:1])
               for f in surface_keys(sent, w))


OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")  # وطالبهم: a verb the tokenizer left whole with its object


def _without_object(w: Word, forms: list[str]) -> list[str]:
    """وطالبهم left whole and tagged a name: و + a request verb + its object pronoun (the request verbs
    only: لقاءهم is a meeting noun, not a verb the tokenizer failed)."""
    if w.key[:1] not in ("و", "ف") or w.upos == "VERB":
        return []
    return [k[:-len(p)] for k in forms[1:] for p in OBJECT_PRONOUNS
            if k.endswith(p) and len(k) - len(p) >= 3 and k[:1] not in ("و", "ف")]


def _inflections(keys: list[str]) -> list[str]:
    """Stems a lemma entry may hide behind when the lemmatizer fails: no person suffix or prefix."""
    out = []
    for k in keys:
        out += [k[:-len(s)] for s in SUFFIXES if k.endswith(s) and len(k) - len(s) >= 3]
        # a verb whose last letter is ى drops it before a suffix (التقى -> التقت، التقوا): put it back
        out += [k[:-len(s)] + "ي" for s in DEFECTIVE_SUFFIXES if k.endswith(s) and len(k) - len(s) >= 3]
        if k.startswith(PREFIXES) and len(k) > 4:
            out.append(k[1:])
            out += [k[1:-len(s)] for s in SUFFIXES if k.endswith(s) and len(k) - len(s) > 3]
    return out


def nominal_entry(entry: str) -> bool:
    """Shape of a verbal noun (لقاء، زيارة، مباحثات، مطلب، اجتماع) as opposed to a verb (استقبل، زار)."""
    entry = entry.split()[0]
    if entry.endswith("ا") and len(entry) > 4:  # accusative: اتصالا
        entry = entry[:-1]
    return entry.endswith(("ء", "ه", "ات")) or (entry.startswith("م") and len(entry) >= 4) \
        or (len(entry) >= 5 and entry[-2] == "ا" and not entry.startswith("است"))


def _phrase(sent: Sentence, i: int, words: tuple[str, ...], first_keys: list[str]) -> list[int] | None:
    """Positions of a phrase entry's words from word i: adjacent, except after "..." (a gap of up to five
    words) and before a preposition, which may follow its verb after the subject (بحث X مع Y)."""
    if words[0] not in first_keys:
        return None
    pos, k, gap = [i], i + 1, 0
    for w in words[1:]:
        if w == "...":
            gap = 5
            continue
        limit = max(gap, 12 if w in PREPOSITIONS and len(pos) == 1 else 0)
        found = next((j for j in range(k, min(len(sent.words), k + limit + 1))
                      if w in (sent.words[j].key, sent.words[j].lemma)), None)
        if found is None:
            return None
        pos.append(found)
        k, gap = found + 1, 0
    return pos


@cache
def _entries_by_head(relation: str) -> dict[str, list[tuple[int, lexicon.Trigger]]]:
    """A relation's lexicon entries keyed by their first word, with their place in the lexicon."""
    out: dict[str, list[tuple[int, lexicon.Trigger]]] = {}
    for n, e in enumerate(lexicon.relation_triggers(relation)):
        out.setdefault(e.words[0], []).append((n, e))
    return out


def _word_keys(sent: Sentence, w: Word) -> tuple[list[str], list[str]]:
    """(forms, stems) of a word, computed once per sentence for all relations."""
    cache = sent.memo.setdefault("trigger_keys", {})
    if w.i not in cache:
        forms = surface_keys(sent, w)
        listed = lexicon.pair_map("verb_forms")  # تدعو -> دعا: forms the lemmatizer gets wrong
        stems = [w.lemma] + forms + _inflections(forms) + [listed[f] for f in forms if f in listed]
        if w.upos != "VERB":  # لقائهما left whole: the noun without the pronoun of the two who met
            stems += [f[:-len(DUAL_PRONOUN)] for f in forms if f.endswith(DUAL_PRONOUN) and len(f) > 5]
        cache[w.i] = (forms, stems + [k[:-1] + "ء" for k in stems if k.endswith(("ئ", "ؤ"))])
    return cache[w.i]  # (لقائه -> لقائ + ه: the hamza of لقاء sits on ي before a suffix)


def find(sent: Sentence, relation: str) -> list[Hit]:
    """Trigger words of one relation in a sentence, one per token. Several rules ask for the same
    relation's triggers in the same sentence: the answer is kept in the sentence's memo."""
    key = f"triggers:{relation}"
    if key not in sent.memo:
        sent.memo[key] = tuple(_find(sent, relation))
    return list(sent.memo[key])


def _find(sent: Sentence, relation: str) -> list[Hit]:
    by_head = _entries_by_head(relation)
    false = lexicon.false_triggers(relation)
    hits: list[Hit] = []
    seen: set[int] = set()
    for w in sent.words:
        if w.punct or w.upos in ("CCONJ", "PRON", "DET", "PART", "NUM") or w.tok in seen:
            continue
        if w.i > 0 and sent.words[w.i - 1].key == "ال" and sent.words[w.i - 1].tok != w.tok:
            continue  # صالح آل طالب: the family's name after آل, not "demanded"
        forms, stems = _word_keys(sent, w)
        listed = lexicon.pair_map("verb_forms")  # (أدعو, lemmatized as ادعى: a listed form is what it is)
        if any(k in false for k in forms) or (w.lemma in false and w.lemma not in forms
                                              and not any(f in listed for f in forms)):
            continue
        if relation == "requested":
            stems = stems + _without_object(w, forms)
        # every kind of entry needs its first word among the stems: look only at those, in lexicon order
        candidates = {n: e for k in set(stems) for n, e in by_head.get(k, ())}
        for _, e in sorted(candidates.items()):
            head = e.words[0]
            if w.upos == "ADP" and e.kind != "form":  # a preposition only as a listed form (بحسب)
                continue
            if e.kind == "form":
                pos: list[int] | None = [w.i] if head in forms else None
            elif e.kind == "phrase":
                pos = _phrase(sent, w.i, e.words, stems)
            else:
                pos = [w.i] if head in stems else None
            if pos is None:
                continue
            seen.add(w.tok)
            nominal = (nominal_entry(e.key) and e.kind != "form") or (w.article and w.upos != "VERB") or (
                "noun" in e.note and w.upos == "NOUN" and _after_preposition(sent, w))
            words = [x for x in e.words if x != "..."]
            marker = next((p for p, x in zip(pos, words) if x in PREPOSITIONS), None)
            hits.append(Hit(w.i, relation, e.key, e.kind, nominal, _future(sent, w, forms, head), e.note,
                            marker))
            break
    return hits


def future_form(sent: Sentence, w: Word) -> bool:
    """Word w is a verb written in the future (سيبحثان, س + يبحثان)."""
    forms = surface_keys(sent, w)
    return _future(sent, w, forms, w.lemma)


def _after_preposition(sent: Sentence, w: Word) -> bool:
    return w.i > 0 and sent.words[w.i - 1].upos == "ADP"


def _future(sent: Sentence, w: Word, forms: list[str], entry: str) -> bool:
    prev = sent.words[w.i - 1] if w.i > 0 else None
    if prev is not None and prev.key in FUTURE_PARTICLES and prev.upos != "ADP":
        return True
    s = forms[1].lstrip("وف") if len(forms) > 1 else w.key
    return s.startswith(FUTURE_PREFIX) and w.upos in ("VERB", "AUX") and not s.startswith(entry)


def negated(sent: Sentence, i: int, span: int = 2) -> bool:
    """A negation particle right before word i (لم يطلب، لم تتلق)."""
    markers = NEGATION | {m for m in lexicon.negation_markers() if " " not in m} - lexicon.denial_markers()
    return any(sent.words[k].key in markers for k in range(max(0, i - span), i))


def _phrase_at(sent: Sentence, phrases: frozenset[str] | set[str], first: int, last: int) -> bool:
    """One of the phrases (keys joined by spaces; a word also matches by lemma) in words first..last."""
    words = sent.words
    for k in range(max(0, first), min(len(words), last + 1)):
        if words[k].key == "س" and not _future_prefix(sent, k):
            continue  # سموه cut into س + موه, ستيفان into س + تيفان: not the future prefix
        for p in phrases:
            parts = p.split()
            if all(k + n < len(words) and part in (words[k + n].key, words[k + n].lemma)
                   for n, part in enumerate(parts)):
                return True
    return False


def _future_prefix(sent: Sentence, k: int) -> bool:
    """The word س at k is the future prefix: a verb of the same token follows, and the token is not an
    honorific pronoun the tokenizer cut (سموه -> س + موه) or a name NER found (ستيفان -> س + تيفان)."""
    w = sent.words[k]
    nxt = sent.words[k + 1] if k + 1 < len(sent.words) else None
    surface = match_key(sent.text[w.start - sent.start:w.end - sent.start]).lstrip("وف")
    return nxt is not None and nxt.tok == w.tok and nxt.upos in ("VERB", "AUX") and w.ner == "O" \
        and surface not in lexicon.words("honorific_pronouns")


def planned_before(sent: Sentence, hit: Hit, span: int = 6) -> bool:
    """A future form, or a planned marker in the few words before the trigger (من المتوقع أن تعلن)."""
    planned = set(lexicon.planned_markers()) | FUTURE_PARTICLES
    return hit.future or _phrase_at(sent, planned, hit.word - span, hit.word - 1)


def modality(sent: Sentence, hit: Hit, first: int, last: int) -> str:
    """planned for a future form or a planned marker (المقبل، من المقرر) in the event's stretch of
    the sentence; denied under a denial verb (نفى); else occurred."""
    if _phrase_at(sent, lexicon.denial_markers(), first - 8, hit.word - 1):
        return "denied"
    planned = set(lexicon.planned_markers()) | FUTURE_PARTICLES
    if hit.future or _phrase_at(sent, planned, first - 8, last + 4):
        return "planned"
    if hit.nominal:  # سيجري X محادثات مع Y: the verb that carries the noun, left whole by the tokenizer
        from kg.extract import nominal

        verb = nominal.light_verb(sent, hit.word)
        if verb is not None and nominal.future_light_verb(sent.words[verb]):
            return "planned"
    phrases = {p for p in planned if " " in p}  # من المقرر أن يزور ... للقاء: scheduled, further back
    if _phrase_at(sent, phrases, first - 16, hit.word - 1):
        return "planned"
    return "occurred"
