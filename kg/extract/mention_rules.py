"""Mention rules that do not need NER: titles, media, organizations, known names, coordination.

Each rule works on surface forms and coarse tags only, so it survives the
small models' errors: a title from titles.txt followed (after nationality
adjectives, the title's complement, ranks and honorifics) by a name-like word
run is a person; a media name after صحيفة/وكالة or in quotes is an outlet; an
institution noun with its complement (وزارة الدفاع، الحكومة العراقية) is an
organization; a name found elsewhere is found again; an unknown proper noun
joined by و to a typed mention shares its type (الكاظمي وبادين).
"""

from __future__ import annotations

from kg.extract import frames, lexicon, references
from kg.extract.mentions import (
    EDGE,
    NAME_PARTICLES,
    Builder,
    Mention,
    SeqIndex,
    conjoined_genitives,
    match_seq,
    name_like,
    nisba,
    seq_index,
    verb_tagged_as_name,
    without_article,
)
from kg.extract.sentence import Sentence

MEDIA_NOUNS = {"صحيفه", "وكاله", "قناه", "مجله", "موقع", "تلفزيون", "اذاعه", "جريده", "شبكه", "محطه"}
QUOTES = set("“”\"«»()'‘’")
OPENING = QUOTES - set("»”)’")  # marks that may stand before a quoted name
CLOSING = QUOTES - set("«“(‘")  # and after it
SKIP_IN_TITLE = {"باسم", "اسم", "ب", "ل"}


def title_key(words: tuple[str, ...]) -> str:
    """A title as compared across a document: without مجلس (رئيس مجلس الوزراء = رئيس الوزراء)."""
    return " ".join(w for w in words if w != "مجلس")


def _name_after(b: Builder, i: int, limit: int = 20) -> tuple[int, int, int | None, str | None] | None:
    """The name a title at i introduces, skipping further titles, the title's complement (الوزراء,
    باسم البيت الأبيض), nisba adjectives, ranks, honorifics and commas. Returns (first, last, role_end,
    position key): role_end is the last word of the position phrase (None when only a rank or an
    honorific precedes the name)."""
    s = b.sent
    sections = lexicon.title_variants()
    seqs = lexicon.titles()
    j, end = i, min(len(s.words), i + limit)
    role_end, position, title_end, complement = None, None, -1, False
    while j < end:
        w = s.words[j]
        other = b.at(j)
        if other is not None and other.type != "PER":  # the title's organization (البنتاغون)
            role_end = other.last if position else role_end
            j = other.last + 1
            continue
        n = match_seq(s, j, seqs)
        if n:
            seq = tuple(x.key for x in s.words[j:j + n])
            if sections.get(seq) == "position":
                prev = b.at(j - 1) if j else None
                if complement and n == 1 and seq[0] in ROYAL and role_end == j - 1 and prev is not None \
                        and prev.type in ("LOC", "ORG"):
                    j += n  # أمير منطقة القصيم الأمير فيصل: the rank right after the title's complement
                    continue
                if complement:  # لخادم الحرمين الشريفين تحيات الرئيس أوباما: a new title, a new phrase
                    return None
                if position and j and s.words[j - 1].key == "ب" and s.words[j - 1].upos == "ADP":
                    return None  # اجتمع الأمير بوزير الخارجية X: the title after ب is another's
                position = position or title_key(seq)
                role_end = title_end = j + n - 1
            j += n
            continue
        if w.key in frames.COMPLEMENTIZERS_WITH_PRONOUN:  # (left whole, tagged a proper noun at times)
            return None  # قال مساعد الرئيس إنهما بحثا: the clause he says begins, no name
        starts_per = w.ner[:2] in ("B-", "S-") and w.ner[2:] == "PER"
        if starts_per or (name_like(w, True) and w.upos in ("PROPN", "X")):
            k = j
            if w.ner[2:] == "PER":
                while k + 1 < len(s.words) and s.words[k + 1].ner[:2] in ("I-", "E-"):
                    k += 1
                if verb_tagged_as_name(s, j, k):
                    return None
            else:
                while k + 1 < len(s.words) and k - j < 3 and (
                        name_like(s.words[k + 1]) or s.words[k].key in NAME_PARTICLES):
                    k += 1
                if k == j and lexicon.plain_word(w.key):
                    return None  # أيضا، قائلا، وذلك: a plain word the tagger did not know, alone
            return j, k, role_end, position
        if position and title_end == j - 1 and w.upos == "NOUN" and not w.article:
            role_end = j  # the title's complement in construct state (مدير شرطة بارق، وزير خارجية إيطاليا)
            complement = True
            j += 1
            continue
        if w.punct and position and j + 1 < len(s.words) and _next_item(s.words[j + 1]):
            return None  # "... مكتب وزير الدفاع، ورونالد لويس": the title ends the list item before
        coord_adj = w.key == "و" and j + 1 < len(s.words) and s.words[j + 1].upos == "ADJ"
        if w.punct or w.upos in ("ADJ", "DET") or (w.upos == "NOUN" and w.article) or coord_adj \
                or (w.upos in ("PROPN", "NOUN") and w.ner != "O") or w.key in SKIP_IN_TITLE:
            if position and not w.punct and not coord_adj:
                role_end = j
            elif position and coord_adj:
                role_end = j + 1
            j += 1
            continue
        return None
    return None


def _next_item(w) -> bool:
    """A word after a comma that starts the next item of a list: و alone, or و written on a name."""
    return w.key == "و" or (w.text[:1] == "و" and w.upos in ("PROPN", "X") and w.ner[2:] == "PER")


def _after_name_or_title(b: Builder, i: int) -> bool:
    """Word i follows a person's name or a title phrase (a comma between allowed): a position there is
    an apposition (أشتون كارتر وزير الدفاع) or part of a longer title (رئيس الأركان بمكتب وزير الدفاع),
    not a title standing alone for its holder."""
    s = b.sent
    k = i - 1
    if k >= 0 and s.words[k].text in ("،", ","):
        k -= 1
    if k < 0:
        return False
    prev = b.at(k)
    if prev is not None and prev.type == "PER":
        return True
    if any(m.role_first is not None and m.role_first <= k <= (m.role_last or -1) for m in b.out):
        return True
    if s.words[k].key in lexicon.words("title_dependents"):
        return True
    seqs = lexicon.titles()
    return any((n := match_seq(s, j, seqs)) and j + n - 1 >= k for j in range(max(0, k - 6), k + 1))


def titles(b: Builder) -> None:
    s, seqs = b.sent, lexicon.titles()
    i = 0
    while i < len(s.words):
        n = match_seq(s, i, seqs)
        if not n:
            i += 1
            continue
        found = _name_after(b, i)
        if not found:
            i += n
            continue
        first, last, role_end, position = found
        m = b.at(first)
        if m is None:
            m = b.add(first, last, "PER", "title", 0.8)
        elif m.type != "PER" and m.first == first:
            m.trims.append((m.text, f"typed PER after a title (NER said {m.type})"))
            m.type = "PER"
        if m and m.role is None and role_end is not None:
            m.role_first, m.role_last = i, role_end
            m.role = s.text_of(i, role_end, split=True).strip(EDGE + " ")
            m.title_key = position
        elif m and role_end is not None and m.role_first is not None and i < m.role_first \
                and role_end == m.role_first - 1:  # أمير منطقة القصيم + الأمير: one title, the place in it
            m.role_first = i
            m.role = s.text_of(i, m.role_last, split=True).strip(EDGE + " ")
            m.title_key = position or m.title_key
        i = max(i + n, (m.last + 1) if m else first)


def named_after(b: Builder) -> None:
    """Drop the person found in a facility's name (مطار الملك خالد، جامعة الملك عبدالعزيز): the king
    or prince after a facility noun names the airport or the university, not someone in the news."""
    s, nouns = b.sent, lexicon.words("facility_nouns")
    for m in list(b.out):
        if m.type in ("ORG", "LOC") and m.first >= 1 and s.words[m.first].key in ROYAL \
                and s.words[m.first - 1].key in nouns and b.at(m.first - 1) is None:
            b.out.remove(m)  # مركز + الملك سلمان للإغاثة: the facility noun NER left out begins the name
            b.add(m.first - 1, m.last, m.type, m.rule, m.confidence, m.raw)
            continue
        if m.type != "PER":
            continue
        royal = m.role_first if m.role_first is not None else m.first - 1  # الملك, in the title or before
        before = s.words[royal - 1].key if 1 <= royal < len(s.words) else ""  # (لبيت, left whole)
        facility = before in nouns or before[:1] in ("ل", "ب", "و") and before[1:] in nouns
        if before and s.words[royal].key in ROYAL and facility:
            b.out.remove(m)
            # مستشفى الملك فيصل التخصصي قاسم القصبي, one span: the facility's name ends at its adjective
            end = next((k for k in range(m.first + 1, m.last - 1)
                        if s.words[k].article and nisba(s.words[k].key)), None)
            if end is not None:
                b.add(end + 1, m.last, "PER", "ner", 0.8)


PRINCELY = (None, "الامير", "الاميره")  # title keys a position after the name replaces (None: no position)


def appositions(b: Builder) -> None:
    """A position written after the name: جين ساكي المتحدثة باسم البيت الأبيض."""
    s, sections = b.sent, lexicon.title_variants()
    for m in list(b.out):
        # (only a prince's title, a rank or an honorific before the name, صاحب السمو الأمير X، أمير منطقة
        # نجران: the position after it is his title)
        if m.role and m.title_key not in PRINCELY or m.type != "PER" and not _untyped_name(s, m):
            continue
        j = m.last + 1
        if j < len(s.words) and s.words[j].text in ("،", ","):
            j += 1
        n = match_seq(s, j, lexicon.titles())
        if not n or sections.get(tuple(w.key for w in s.words[j:j + n])) != "position":
            continue
        if m.type != "PER":  # برناردينو ليون، الممثل الخاص: a name with a position after it is a person
            m.trims.append((m.text, f"typed PER before a title (NER said {m.type})"))
            m.type = "PER"
        k = j + n - 1
        while k + 1 < len(s.words) and k - j < 8 and not s.words[k + 1].punct and (
                s.words[k + 1].upos in ("NOUN", "ADJ", "PROPN") or s.words[k + 1].key in SKIP_IN_TITLE) \
                and not _person_at(b, k + 1):  # وزير الخارجية المصري | فيسنا بوسيتش: the next person
            k += 1
        m.role_first, m.role_last = j, k
        m.role = s.text_of(j, k, split=True).strip(EDGE + " ")
        m.title_key = title_key(tuple(w.key for w in s.words[j:j + n]))


def _person_at(b: Builder, i: int) -> bool:
    m = b.at(i)
    return m is not None and m.type == "PER" and m.first == i


def _untyped_name(s: Sentence, m: Mention) -> bool:
    """An NER name of proper nouns without the article (not a gazetteer or media name): its type is a
    guess that a title next to it may correct."""
    words = s.words[m.first:m.last + 1]
    proper = all(w.upos in ("PROPN", "X") and not w.article for w in words)
    return m.rule == "ner" and not m.outlet and proper \
        and lexicon.tokens(m.text) not in lexicon.gazetteer()


def _quoted(s: Sentence, i: int, n: int) -> bool:
    """A quote mark opens before the name or closes after it (an opening one after it, العربية «لجنة
    الميثاق», starts the next phrase)."""
    before = s.words[i - 1].text if i > 0 else ""
    after = s.words[i + n].text if i + n < len(s.words) else ""
    if after[:1] in "-–—":
        return False  # (الرياض - القاهرة): a pair of places in brackets, not a quoted name
    return before[-1:] in OPENING or after[:1] in CLOSING or s.words[i].text[:1] in QUOTES


def media(b: Builder) -> None:
    s = b.sent
    names = lexicon.media_names()
    for i, w in enumerate(s.words):
        n = match_seq(s, i, names)
        if n:
            cued = any(x.key in MEDIA_NOUNS for x in s.words[max(0, i - 2):i])
            ner = s.words[i].ner[2:] == "ORG"
            plain = n == 1 and (name_like(w) or not any("\u0600" <= c <= "\u06ff" for c in w.text))
            quoted = _quoted(s, i, n)
            if tuple(x.key for x in s.words[i:i + n]) in lexicon.cued_media():
                ner = plain = False  # الوطن: the homeland, unless cued or quoted
                # a quote mark must open before it: "... مساء اليوم". closes a quotation, not a name
                quoted = quoted and (i > 0 and s.words[i - 1].text[-1:] in OPENING or w.text[:1] in QUOTES)
            if cued or ner or plain or quoted or _dateline(s, i + n - 1):
                _outlet(b, i, i + n - 1, 0.85)
            continue
        if w.key in MEDIA_NOUNS and i + 1 < len(s.words):
            j = i + 1
            while j < len(s.words) and s.words[j].text in QUOTES:
                j += 1
            if j >= len(s.words) or not (s.words[j - 1].text in QUOTES or name_like(s.words[j], True)):
                continue
            k = j
            while k + 1 < len(s.words) and k - j < 4 and s.words[k + 1].text not in QUOTES \
                    and not s.words[k + 1].punct and name_like(s.words[k + 1]):
                k += 1
            _outlet(b, j, k, 0.75)


def _dateline(s: Sentence, last: int) -> bool:
    """سبق- جدة: the outlet in a dateline, a hyphen after it and a place and a colon next."""
    if not s.words[last].text.endswith(("-", "–")) and not (
            last + 1 < len(s.words) and s.words[last + 1].text in ("-", "–")):
        return False
    return any(w.text == ":" for w in s.words[last + 1:last + 5])


def _outlet(b: Builder, first: int, last: int, conf: float) -> None:
    m = b.at(first)
    if m is None:
        m = b.add(first, last, "ORG", "media", conf)
    if m is not None:
        m.type, m.outlet = "ORG", True


def organizations(b: Builder) -> None:
    """An institution noun and its complement: وزارة الدفاع الأميركية, الحكومة العراقية, خلية الإعلام,
    إمارة منطقة الرياض, مستشفى الملك فهد بجدة, الشركة السعودية للخدمات الأرضية. A place or name NER found
    inside the phrase (الرياض in إمارة منطقة الرياض) becomes part of the organization."""
    s, heads, royal_heads = b.sent, lexicon.words("org_heads"), lexicon.words("org_heads_royal")
    i = 0
    while i < len(s.words):
        w = s.words[i]
        base = without_article(w)
        named = base in royal_heads and not w.article and i + 1 < len(s.words) and s.words[i + 1].key in ROYAL
        alone = b.at(i)
        if alone is not None and alone.type == "ORG" and alone.first == alone.last == i and base in heads \
                and i + 1 < len(s.words) and nisba(s.words[i + 1].key) and b.at(i + 1) is None:
            b.out.remove(alone)  # البرلمان (NER, or the gazetteer) + اليوناني: the head and its adjective
        else:
            alone = None
        if (base not in heads and not named) or b.at(i) is not None or _descriptive(s, i) \
                or base == "اداره" and i and s.words[i - 1].key == "مجلس":
            # (مجلس إدارة الشركة: the board, in a title, not an administration)
            i += 1
            continue
        chain = not w.article and i + 1 < len(s.words) and not s.words[i + 1].article \
            and (s.words[i + 1].upos == "NOUN" or getattr(b.at(i + 1), "type", None) == "ORG")
        # (a name NER left untyped after إدارة is a president's: إدارة بايدن)
        k = _org_end(b, i) if base not in lexicon.words("org_heads_genitive") or chain else i
        if k > i and _unqualified(base, s.words[i + 1].key):
            k = i  # القيادة الإيرانية: a leadership, no body (data/org_heads_qualified.tsv)
        if k > i:
            inner = [m for m in b.out if i <= m.first and m.last <= k]
            if all((m.type != "PER" or s.words[m.first - 1].key in ROYAL) and not m.outlet
                   for m in inner) \
                    and b.free(i, i) and \
                    all(m in inner for m in b.out if not (m.last < i or m.first > k)):
                for m in inner:
                    b.out.remove(m)
                if b.add(i, k, "ORG", "organization", 0.7) is None:
                    b.out.extend(inner)
        if alone is not None and b.at(i) is None:
            b.out.append(alone)  # (no longer name was read: the head as NER or the gazetteer found it)
        i = max(k, i) + 1


def _descriptive(s: Sentence, i: int) -> bool:
    """مجلس الإدارة، هيئة التدريس: a body every institution has; إمارة المنطقة، الحكومة الحالية: a body
    the article points back to (data/descriptive_bodies.txt)."""
    if i + 1 >= len(s.words):
        return False
    listed = lexicon.words("descriptive_bodies")
    after = s.words[i + 1].key
    return f"{without_article(s.words[i])} {after}" in listed or f"* {after}" in listed


def _unqualified(head: str, after: str) -> bool:
    """The head needs a qualifying word after it to name a body (قيادة: المركزية، العامة), and this is not
    one."""
    qualifying = lexicon.pairs("org_heads_qualified")
    return any(h == head for h, _ in qualifying) and (head, after) not in qualifying


# the titles a facility or institution is named after (مطار الملك خالد، مستشفى الأمير سلطان)
ROYAL = ("الملك", "الامير", "الاميره")
# adjectives that belong to an institution's name though they are no nisba (ديوان المراقبة العامة)
INSTITUTION_ADJECTIVES = {"العامه", "العام", "الاعلي", "العليا", "الاتحاديه", "الاتحادي", "الدوليه", "الدولي"}


def _org_end(b: Builder, i: int) -> int:
    """Last word of the organization headed at word i, or i when none: a genitive chain of nouns and
    names (without an article on the head), nisba adjectives, a ل-complement (للخدمات الأرضية، للتدريب
    والدراسات) and a place after ب (بالرياض)."""
    s, n = b.sent, len(b.sent.words)
    k = i
    if not s.words[i].article:  # وزارة الدفاع، إمارة منطقة الرياض، مستشفى الملك فهد
        j = i + 1
        while j < n and j - i <= 3 and not s.words[j].punct and (
                s.words[j].upos in ("NOUN", "PROPN")
                # a head in the construct state takes no definite adjective: الخارجية in وزارة الخارجية is
                # its genitive complement, a noun the tagger calls ADJ
                or j == i + 1 and s.words[j].upos == "ADJ" and s.words[j].article):
            if match_seq(s, j, lexicon.titles()) and s.words[j].key not in ROYAL:
                return i  # رئاسة رئيس الحكومة: a position, not the institution's name
            m = b.at(j)
            named = j > i + 1 and s.words[j - 1].key in ROYAL  # مستشفى الملك فهد
            if m is not None and m.type == "PER" and not named:
                return i
            if m is not None:
                j = m.last
            k = j
            if s.words[j].article or m is not None or s.words[j].upos == "PROPN":
                if j + 1 < n and s.words[j + 1].upos == "PROPN" and s.words[j].key in ROYAL:
                    k = j = j + 1  # مستشفى الملك فهد
                break
            j += 1
        if k == i or not (s.words[k].article or b.at(k) is not None or s.words[k].upos == "PROPN"):
            return i
    genitive = k > i
    if genitive:  # وزارة الثقافة والإعلام، هيئة الإذاعة والتلفزيون (not وزارة الخارجية والسفارة الأمريكية)
        k = conjoined_genitives(s, i, k, lambda j: b.at(j) is None)
    while k + 1 < n and k - i < 6 and s.words[k + 1].upos in ("ADJ", "NOUN") and b.at(k + 1) is None \
            and (nisba(s.words[k + 1].key) or s.words[k + 1].key in INSTITUTION_ADJECTIVES):
        k += 1  # الجزائية، العامة، السعودية، الثوري (not المؤقت، البالغ: a description, not the name)
    if genitive:  # لجنة الأمن القومي والسياسة الخارجية والطاقة: more genitives joined by و
        k = conjoined_genitives(s, i, k, lambda j: b.at(j) is None)
    adjectives_end = k
    if k == i:
        return i
    described = not genitive and s.words[i].article and s.words[i].key[2:] in lexicon.words("org_heads_named")
    royal = genitive and s.words[k - 1].key in ROYAL  # مركز الملك سلمان للإغاثة: a ل-complement follows
    if (not genitive or royal) and k + 2 < n and s.words[k + 1].key == "ل" \
            and s.words[k + 1].tok == s.words[k + 2].tok \
            and s.words[k + 2].upos == "NOUN" and b.at(k + 2) is None \
            and without_article(s.words[k + 2]) not in lexicon.words("purpose_nouns") and (
                s.words[k + 2].article or (k + 3 < n and s.words[k + 3].article
                                           and s.words[k + 3].upos == "NOUN" and b.at(k + 3) is None)):
        k += 2 if s.words[k + 2].article else 3  # للخدمات الأرضية، للتدريب والدراسات، لصوامع الغلال
        while k + 1 < n and k - i < 10 and (
                (s.words[k + 1].upos == "ADJ" and s.words[k + 1].article) or
                (s.words[k + 1].key == "و" and k + 2 < n and s.words[k + 2].article
                 and s.words[k + 2].upos in ("NOUN", "ADJ"))):
            k += 1 if s.words[k + 1].key != "و" else 2
    if k + 2 < n and s.words[k + 1].key == "ب" and s.words[k + 1].tok == s.words[k + 2].tok:
        place = b.at(k + 2)
        known = lexicon.gazetteer().get((s.words[k + 2].key,)) == "LOC"
        if (place is None and known) or (place is not None and place.type == "LOC"
                                         and place.first in (k + 1, k + 2) and place.last == k + 2):
            k += 2  # المحكمة الجزائية بالرياض
    elif k + 2 < n and s.words[k + 1].key == "في" \
            and without_article(s.words[i]) in lexicon.words("org_heads_located"):
        place = b.at(k + 2)
        if place is not None and place.type == "LOC" and place.first == k + 2:
            k = place.last  # السفارة الأمريكية في بيروت: which embassy
    if described and k == adjectives_end:
        return i  # الجامعة الإلكترونية، النادي الحازمي: a description, no name after it
    return k


class KnownNames:
    """Names to look for again (word keys -> type), indexed by first word; a name also matches with a
    leading clitic the tokenizer left attached (لداعش). Built once per document, not per sentence."""

    def __init__(self, names: dict[tuple[str, ...], str],
                 weak: dict[tuple[str, ...], str] | None = None) -> None:
        """``weak``: names from lists, taken only on words that could be a name (_could_be_name)."""
        self.weak = frozenset(seq for seq in weak or () if seq not in names)
        self.names = names = {**(weak or {}), **names}
        self.rank = {seq: r for r, seq in enumerate(sorted(names, key=len, reverse=True))}
        self.index = SeqIndex(sorted(names, key=self.rank.__getitem__))
        # the last words of persons' names of two words or more (a surname NER may type a place)
        self.surnames = frozenset(seq[-1] for seq, t in names.items() if t == "PER" and len(seq) > 1)

    def candidates(self, head: str) -> list[tuple[tuple[str, ...], bool]]:
        """(sequence, via clitic) pairs that could start at a word with key head, best first."""
        out = [(seq, False) for seq in self.index.by_first.get(head, ())]
        if len(head) > 1 and head[0] in "وفبلك":
            out += [(seq, True) for seq in self.index.by_first.get(head[1:], ())]
        return sorted(out, key=lambda c: self.rank[c[0]])


def gazetteer_names(b: Builder) -> None:
    """A gazetteer name of three words or more, or a place name of two, that holds the mentions found on it
    whole and goes beyond them replaces them: مجلس التعاون لدول الخليج العربية, not the organization مجلس
    التعاون and the place الخليج العربية; المدينة المنورة, not المدينة and المنورة. Compared token by
    token, so a clitic the tokenizer cut (ل + دول) still matches."""
    s = b.sent
    toks: list[tuple[int, int, str]] = []  # first word, last word, match key of the token as written
    for w in s.words:
        if toks and s.words[toks[-1][0]].tok == w.tok:
            first, _, key = toks[-1]
            toks[-1] = (first, w.i, key + w.key)
        else:
            toks.append((w.i, w.i, w.key))
    keys = [k for _, _, k in toks]
    names = lexicon.gazetteer_long()
    index = seq_index(lexicon.gazetteer_long_seqs())
    for j in range(len(toks)):
        n = index.match(keys, j)
        if not n:
            continue
        first, last = toks[j][0], toks[j + n - 1][1]
        inside = [m for m in b.out if m.first <= last and first <= m.last]
        if inside and all(first <= m.first and m.last <= last for m in inside) \
                and not any((m.first, m.last) == (first, last) for m in inside):
            b.out = [m for m in b.out if m not in inside]
            m = b.add(first, last, names[tuple(keys[j:j + n])], "known name", 0.7)
            titled = next((x for x in inside if x.role is not None and x.first == first), None)
            if m is not None and m.type == "PER" and titled is not None:  # المبعوث الأممي، إسماعيل + ولد
                m.role, m.role_first, m.role_last, m.title_key = (  # الشيخ أحمد: the title NER's part had
                    titled.role, titled.role_first, titled.role_last, titled.title_key)


def known(b: Builder, names: KnownNames) -> None:
    """Names known from elsewhere (gazetteer, other sentences, other documents), where NER missed them."""
    s = b.sent
    for i in range(len(s.words)):
        if b.at(i):
            continue
        keys = s.keys[i:i + 6]
        for seq, clitic in names.candidates(keys[0]):
            n = len(seq)
            if len(keys) < n:
                continue
            if (clitic and keys[1:n] == seq[1:] or not clitic and keys[:n] == seq) \
                    and s.words[i + n - 1].upos not in ("VERB", "ADP") and b.free(i, i + n - 1) \
                    and (seq not in names.weak or _could_be_name(s, i, n)) \
                    and not (n == 1 and names.names[seq] == "PER" and _after_preposition(s, i, clitic)) \
                    and not (n == 1 and _nisba_adjective(s, i)) \
                    and not (n == 1 and match_seq(s, i, lexicon.titles()) > 1) \
                    and not (n == 1 and seq[0] not in b.surnames and _described_noun(s, i)) \
                    and not (n == 1 and names.names[seq] == "PER" and seq[0] not in b.surnames
                             and s.words[i].upos not in ("PROPN", "X")) \
                    and not _possessed(s, i + n - 1):  # أمين العاصمة: a title; عمره: his age, no عمر
                b.add(i, i + n - 1, names.names[seq], "known name", 0.6)
                break


def _described_noun(s: Sentence, i: int) -> bool:
    """القاعدة العسكرية، القاعدة الجوية: a common noun with its definite adjective, where a one-word name
    (القاعدة, al-Qaeda) is looked for again (not a surname the document gave in full: زيارة الحفناوي
    المفاجئة, the adjective the visit's)."""
    after = s.words[i + 1] if i + 1 < len(s.words) else None
    # (only an adjective of relation: السابق in رئيس البرلمان السابق is the head's, not the body's)
    return s.words[i].upos in ("NOUN", "ADJ") and after is not None and after.upos == "ADJ" \
        and nisba(after.key)


def _possessed(s: Sentence, j: int) -> bool:
    """The word carries a pronoun the tokenizer split off its token (عمر+ه، تعازي+ه): a possessed noun,
    which no name is."""
    return j + 1 < len(s.words) and s.words[j + 1].upos == "PRON" and s.words[j + 1].tok == s.words[j].tok


def surnames(b: Builder, names: KnownNames) -> None:
    """A one-word name NER typed a place or a body that the document names as a person's surname (لافروف
    after سيرغي لافروف: kg.extract.document.known_names) is that person."""
    for m in b.out:
        key = b.sent.words[m.first].key
        if m.rule == "ner" and m.first == m.last and m.type in ("LOC", "ORG", "MISC") \
                and names.names.get((key,)) == "PER" and key in names.surnames:
            m.trims.append((m.text, f"typed PER as a person's surname (NER said {m.type})"))
            m.type = "PER"


def _nisba_adjective(s: Sentence, i: int) -> bool:
    """ونظيره التركي، الرئيس التركي: a one-word known name (a surname, منصور التركي) that is an adjective
    of relation after a noun here."""
    w = s.words[i]
    if w.upos != "ADJ" or not w.key.endswith("ي") or i == 0:
        return False
    before_name = i + 1 < len(s.words) and s.words[i + 1].ner[:2] in ("B-", "S-") \
        and s.words[i + 1].ner[2:] == "PER"  # والتركي رجب طيب أردوغان: the name after it is described
    if lexicon.title_sections().get((s.words[i - 1].key,)) in ("honorific", "rank"):
        return False  # الدكتور التركي: a surname after an honorific
    return s.words[i - 1].upos in ("NOUN", "PRON", "ADJ") or before_name


def surnames_after_titles(b: Builder) -> None:
    """الرئيس السيسي: the family name of a person this document names in full (Builder.surnames), right
    after a title, is that person, though it may end like an adjective of relation (السيسي, التركي)
    and no list gives it alone."""
    s, sections, seqs = b.sent, lexicon.title_sections(), lexicon.titles()
    for i in range(1, len(s.words)):
        w = s.words[i]
        if w.key in b.surnames and (s.words[i - 1].key,) in sections and b.at(i) is None \
                and w.upos in ("PROPN", "X", "NOUN", "ADJ") and b.at(i - 1) is None \
                and match_seq(s, i - 1, seqs) <= 1:  # (not the second word of a title: الأمين العام)
            b.add(i, i, "PER", "known name", 0.6)


def _after_preposition(s: Sentence, i: int, clitic: bool) -> bool:
    """A lone person's name right after a prepositional clitic (لصالح، بعباس) is rarely the person:
    لصالح is "in favour of"."""
    w = s.words[i]
    if clitic:
        return w.key[:1] in ("ل", "ب", "ك")
    return i > 0 and s.words[i - 1].tok == w.tok and s.words[i - 1].key in ("ل", "ب", "ك")


def _could_be_name(s: Sentence, i: int, n: int) -> bool:
    """A list name found in the text is taken only where its words are nouns or proper nouns (an
    adjective after the first: الدفاع المدني; no verb or particle) and it ends where its token ends (الخبر in
    والخبرة, cut و + الخبر + ة, is no place)."""
    last = i + n - 1
    whole = last + 1 >= len(s.words) or s.words[last + 1].tok != s.words[last].tok
    words = s.words[i:i + n]
    return whole and words[0].upos in ("PROPN", "X", "NOUN") \
        and all(w.upos in ("PROPN", "X", "NOUN", "ADJ") for w in words[1:])


def coordinated(b: Builder) -> None:
    """X و Y where one side is a typed mention and the other an untyped proper noun: same type."""
    s = b.sent
    for i, w in enumerate(s.words):
        if w.key != "و" or w.upos != "CCONJ" or i == 0 or i + 1 >= len(s.words):
            continue
        left, right = b.at(i - 1), b.at(i + 1)
        if left and not right and s.words[i + 1].upos in ("PROPN", "X") and name_like(s.words[i + 1]):
            b.add(i + 1, i + 1, left.type, "coordination", 0.55)
        elif right and not left and s.words[i - 1].upos in ("PROPN", "X") and name_like(s.words[i - 1]):
            b.add(i - 1, i - 1, right.type, "coordination", 0.55)


def bare_titles(b: Builder, holders: dict[str, str]) -> None:
    """A position without a name (رئيس الوزراء العراقي طلب ...) stands for the one person the document
    names with that position; the mention carries that person's name."""
    s, sections, seqs = b.sent, lexicon.title_variants(), lexicon.titles()
    i = 0
    while i < len(s.words):
        n = match_seq(s, i, seqs)
        seq = tuple(w.key for w in s.words[i:i + n])
        # لانتخاب رئيس جديد: a president, not the one (رئيس الإقليم، أمير منطقة نجران: a construct is his)
        indefinite = n == 1 and not seq[0].startswith("ال") and (
            i + 1 >= len(s.words) or s.words[i + 1].upos not in ("NOUN", "PROPN", "X"))
        if not n or indefinite or sections.get(seq) != "position" or b.at(i) or _name_after(b, i) \
                or _after_name_or_title(b, i) or frames.person_follows(s, b.out, i + n, _reach(s, i, n)):
            # (ومدير عام السياحة ... صالح عباس: the title runs on into its holder's name)
            i += max(n, 1)
            continue
        k = i + n - 1
        while k + 1 < len(s.words) and nisba(s.words[k + 1].key) and b.at(k + 1) is None:
            k += 1
        described = (title_key(seq + (s.words[j].key,)) for j in range(i + n, k + 1))  # الرئيس الأمريكي
        holder = next((holders[key] for key in described if key in holders), holders.get(title_key(seq)))
        whole = _whole_title(b, i, n, holders)  # أمير منطقة نجران: the title as the holder was named
        if whole is not None:
            k, holder = whole
        elif _organization_after(b, k + 1):
            holder = None  # بالأمين العام لحزب X: another body's head than the one named with the title
        if holder and b.free(i, k):
            m: Mention | None = b.add(i, k, "PER", "title coreference", 0.5)
            if m is not None:
                m.trims = []
                m.text = holder
        i = k + 1


def _reach(s: Sentence, i: int, n: int, limit: int = 12) -> int:
    """How far a title at i (n words) may run on into its holder's name: not past the same title again
    (دعا الرئيس الإيراني خلال الاتصال ... الرئيس هولاند: the name is the second title's)."""
    seq = [w.key for w in s.words[i:i + n]]
    again = next((j for j in range(i + n, min(len(s.words), i + n + limit))
                  if [w.key for w in s.words[j:j + n]] == seq), None)
    return limit if again is None else again - (i + n)


def counterparts(b: Builder, holders: dict[str, str]) -> None:
    """نظيره الفرنسي, المسؤول الأوروبي with no name after it stands for the one person the document names
    with a French (a European) title (kg.extract.references.described_holders); the mention carries that
    person's name."""
    s = b.sent
    for w in s.words:
        base = references.DESCRIBED_BY_ADJECTIVE.get(w.key)
        if base is None or b.at(w.i) is not None:
            continue
        k = w.i + 1
        while k < len(s.words) and s.words[k].tok == w.tok and s.words[k].upos == "PRON":
            k += 1  # نظير + ه
        if k >= len(s.words) or not nisba(s.words[k].key) or b.at(k) is not None \
                or _person_at(b, k + 1) or frames.person_follows(s, b.out, k + 1, 3):
            continue
        holder = holders.get(f"{base} {s.words[k].key}")
        if holder and b.free(w.i, k):
            m = b.add(w.i, k, "PER", "title coreference", 0.5)
            if m is not None:
                m.trims, m.text = [], holder


def _organization_after(b: Builder, j: int) -> bool:
    """An organization begins at word j, or after a ل there (the complement of a title)."""
    s = b.sent
    if j < len(s.words) and s.words[j].key == "ل" and s.words[j].upos == "ADP":
        j += 1
    m = b.at(j) if j < len(s.words) else None
    return m is not None and m.first == j and m.type == "ORG"


def _whole_title(b: Builder, i: int, n: int, holders: dict[str, str]) -> tuple[int, str] | None:
    """The longest run of words from the title at i that is a holder's whole title (أمير منطقة نجران),
    with its last word and holder; the place NER found in it (نجران) is then part of the title."""
    s = b.sent
    for k in range(min(len(s.words), i + n + 5) - 1, i + n - 1, -1):
        holder = holders.get(title_key(tuple(w.key for w in s.words[i:k + 1])))
        inside = [m for m in b.out if m.first <= k and m.last >= i]
        if holder and all(i <= m.first and m.last <= k and m.type in ("LOC", "ORG") for m in inside):
            for m in inside:
                b.out.remove(m)
            return k, holder
    return None


def the_delegation(b: Builder, head: str) -> None:
    """"الوفد" alone (يلتقي الوفد بـ Y، بحث مع الوفد الزائر) stands for the head of the delegation named
    before it in the article (وفد ... برئاسة X); not "الوفد المرافق" (those with a guest) nor a
    delegation of somebody (الوفد السعودي، وفد الجامعة)."""
    s = b.sent
    for i, w in enumerate(s.words):
        if w.key != "الوفد" or b.at(i) is not None:
            continue
        nxt = s.words[i + 1] if i + 1 < len(s.words) else None
        if nxt is not None and not nxt.punct and nxt.upos in ("ADJ", "NOUN", "PROPN") and nxt.key != "الزائر":
            continue
        m = b.add(i, i + (nxt is not None and nxt.key == "الزائر"), "PER", "title coreference", 0.5)
        if m is not None:
            m.trims, m.text = [], head


def honorific_pronouns(b: Builder, person: str | None) -> None:
    """An honorific pronoun (وطالب معاليه، وأكد سموه) stands for the last person named before it, in
    this sentence or, failing that, before it (``person``); the mention carries that person's name."""
    s, pronouns = b.sent, lexicon.words("honorific_pronouns")
    for i, w in enumerate(s.words):
        if (i and s.words[i - 1].tok == w.tok) or b.at(i):  # not the token's first word, or taken
            continue
        tok = [x for x in s.words[i:i + 4] if x.tok == w.tok]
        body = [x for x in tok if not (x.upos == "CCONJ" and len(x.key) == 1)]  # و + معالي + ه
        if not body or "".join(x.key for x in body) not in pronouns:
            continue
        before = [m for m in b.out if m.type == "PER" and m.last < i]
        name = max(before, key=lambda m: m.last).text if before else person
        if name and b.free(body[0].i, body[-1].i):
            m = b.add(body[0].i, body[-1].i, "PER", "honorific pronoun", 0.5)
            if m is not None:
                m.trims, m.text = [], name
