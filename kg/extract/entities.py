"""Mentions to canonical entities, within and across documents, every merge recorded with its reason.

Names are compared by match key. Merges go from safe to risky: spelling
variants of one key, a leading clitic when the rest is a known name (لداعش),
a short form that ends exactly one known full name (الكاظمي; across documents
only with evidence: the same English name or a shared title), then a small
spelling mistake with one unique closest candidate (بادين -> بايدن). The
canonical label is the fullest form; the Latin label comes from translit.tsv
or, failing that, from the rule-based romanization.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from kg.extract import lexicon
from kg.extract.lexicon import Known
from kg.extract.mentions import Mention
from kg.extract.model import Entity, Merge
from kg.extract.translit import transliterate
from kg.text import match_key, name_key

CLITIC_LETTERS = "وفبلك"
TYPE_WEIGHT = {"title": 2.0, "media": 2.0, "ner": 1.0}


def clitic_variants(key: str) -> list[str]:
    """What a name key could be without one or two leading clitics: لداعش -> داعش, للولايات -> الولايات,
    وبالعراق -> بالعراق -> العراق."""
    out = []
    todo = [key]
    for _ in range(2):
        nxt = []
        for k in todo:
            if len(k) > 3 and k[0] in CLITIC_LETTERS:
                if k.startswith("لل") and len(k) > 4:
                    nxt.append("ال" + k[2:])
                nxt.append(k[1:])
        out += nxt
        todo = nxt
    return [v for v in out if len(v) >= 2]


def osa(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit (بادين/بايدن differ by one swap)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@cache
def _gazetteer() -> dict[str, Known]:
    """The gazetteer keyed by name_key (عبد العزيز = عبدالعزيز), aliases pointing to name keys too."""
    return {name_key(k): Known(e.label, e.type, e.canonical and name_key(e.canonical))
            for k, e in lexicon.gazetteer_entries().items()}


@cache
def _countries() -> frozenset[str]:
    """The countries (kg/extract/data/countries.txt) by name key: typed places wherever NER finds them,
    but not looked for (مالي is also "my money")."""
    return frozenset(name_key(c) for c in lexicon.words("countries"))


class _Groups:
    """Mentions grouped by match key, with a union-find over keys that remembers why. A key may also
    stand for a gazetteer name no mention spells exactly (the target of a clitic or alias merge)."""

    def __init__(self, mentions: Iterable[Mention]):
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            self.mentions[name_key(m.text)].append(m)
        self.parent = {k: k for k in self.mentions}
        self.reason: dict[str, str] = {}
        self.gaz = _gazetteer()
        self._votes: dict[str, Counter] = {}

    def virtual(self, key: str) -> None:
        """Add a gazetteer name as a group without mentions."""
        if key not in self.mentions:
            self.mentions[key] = []
            self.parent[key] = key
            self._votes.pop(key, None)

    def root(self, k: str) -> str:
        top = k
        while self.parent[top] != top:
            top = self.parent[top]
        while self.parent[k] != top:  # path compression: later lookups are one step
            self.parent[k], k = top, self.parent[k]
        return top

    def union(self, alias: str, target: str, reason: str) -> None:
        a, t = self.root(alias), self.root(target)
        if a != t:
            self.parent[a] = t
            self.reason[a] = reason

    def own_votes(self, k: str) -> Counter:
        """Type votes of one key's mentions (fixed once the mentions are in: cached)."""
        if k not in self._votes:
            c: Counter = Counter()
            for m in self.mentions[k]:
                c[m.type] += TYPE_WEIGHT.get(m.rule, m.confidence)
            if k in self.gaz:
                c[self.gaz[k].type] += 100
            elif k in _countries():  # سنغافورة, which NER may call a person: a place
                c["LOC"] += 100
            elif (typ := lexicon.latin_name_types().get(k)) is not None:
                c[typ] += 100  # فيديريكا موغيريني, a well-known person NER may call an organization
            self._votes[k] = c
        return self._votes[k]

    def votes(self, keys: Iterable[str]) -> Counter:
        """Type votes of the mentions; a gazetteer name's type outvotes them all."""
        c: Counter = Counter()
        for k in keys:
            c.update(self.own_votes(k))
        return c

    def type_of(self, k: str) -> str:
        c = self.own_votes(k) or self.votes([x for x in self.mentions if self.root(x) == self.root(k)])
        return c.most_common(1)[0][0] if c else "MISC"

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for k in self.mentions:
            out[self.root(k)].append(k)
        return out


def _compatible(g: _Groups, short: str, full: str) -> bool:
    """Short form and full name can be one entity: same voted type, or the short one was typed PER at
    least once (NER often calls a lone surname ORG)."""
    tf = g.type_of(full)
    if g.type_of(short) == tf or (tf == "PER" and g.votes([short])["PER"] > 0):
        return True
    # a lone surname NER never typed PER (وصرح ليون): still the person, where every one of its mentions
    # is in a document that names the person in full, and it is no gazetteer name
    docs = {m.doc_id for m in g.mentions.get(full, [])}
    return tf == "PER" and len(short.split()) == 1 and short not in g.gaz and bool(g.mentions.get(short)) \
        and all(m.doc_id in docs for m in g.mentions.get(short, []))


def _clitics(g: _Groups) -> None:
    """A leading clitic goes when the rest is a known name (in the corpus or the gazetteer), or when the
    tokenizer split off a conjunction و before a word of four letters or more (وافغانستان)."""
    for k in list(g.mentions):
        if k in g.gaz:
            continue
        variants = clitic_variants(k)
        # a clitic before the article (والعراق، للولايات) is never part of a name; فالح is no ف + الح
        plain = variants[:1] if k[:1] in CLITIC_LETTERS and (k[1:3] == "ال" or k[:2] == "لل") \
            and variants and len(variants[0].split()[0]) >= 5 else []
        for v in variants:
            if v != k and (v in g.mentions or v in g.gaz or v in plain):
                g.virtual(v)
                g.union(k, v, "clitic")
                break
        else:
            split = [m.clitic for m in g.mentions[k] if m.clitic]
            if split and k[0] == "و" and len(split) == len(g.mentions[k]) and len(split[0]) >= 4:
                g.virtual(split[0])
                g.union(k, split[0], "clitic")
            elif g.type_of(k) == "PER" and _clitic_before_first_name(k):
                g.virtual(k[1:])
                g.union(k, k[1:], "clitic before a first name")


@cache
def _whole_words() -> frozenset[str]:
    from kg.nlp.clitics import load_whole_words

    return frozenset(match_key(w) for w in load_whole_words().words)


def _clitic_before_first_name(key: str) -> bool:
    """وفهد فقيهي: a person's name whose first word is a clitic the tokenizer left on a first name (the
    word is no whole word of the news, as وليد is; what is left is one, or a name word of the name
    lexicon)."""
    first, _, rest = key.partition(" ")
    if not rest or first[:1] not in CLITIC_LETTERS or len(first) < 4 or first in _whole_words():
        return False
    return first[1:] in _whole_words() or name_key(first[1:]) in lexicon.translit()


def _aliases(g: _Groups) -> None:
    """Gazetteer aliases: أميركا is الولايات المتحدة, تنظيم الدولة الإسلامية is داعش."""
    for k in list(g.mentions):
        entry = g.gaz.get(k)
        if entry and entry.canonical and entry.canonical != k:
            g.virtual(entry.canonical)
            g.union(k, entry.canonical, "gazetteer alias")


def _club_names(g: _Groups) -> None:
    """نادي الشباب is الشباب: a club noun (data/club_nouns.txt) before the name of an organization the
    corpus names without it."""
    nouns = lexicon.words("club_nouns")
    for k in list(g.mentions):
        head, _, rest = k.partition(" ")
        if head in nouns and rest in g.mentions and g.type_of(k) == "ORG" == g.type_of(rest):
            g.union(k, rest, "club noun")


# words that make the name after them a forebear's:
# سلمان بن عبدالعزيز is the father of فيصل بن سلمان بن عبدالعزيز
LINEAGE = {"بن", "ابن", "بنت", "ابو", "ام"}


def _short_forms(g: _Groups) -> None:
    """A name that ends a longer person name is that person (كيري for جون كيري), unless a lineage word
    stands before it in the longer name: then it names a father or grandfather. Where the short form is
    written in an article that does not name that person in full, the merge needs evidence
    (_short_form_evidence); without it, the articles that do name him still join him
    (_short_forms_by_document)."""
    keys = list(g.mentions)
    by_last = _persons_by_last_word(g, mentioned=False)
    for k in keys:
        if g.reason.get(k, "").startswith("without the family name"):
            continue  # already joined to the longer name of its own person
        fulls = _ending_with(g, k, by_last) if k else []
        cands = {g.root(f) for f in fulls}
        if len(cands) == 1 and (why := _short_form_evidence(g, k, fulls)):
            g.union(k, cands.pop(), why)


def _short_form_evidence(g: _Groups, k: str, fulls: list[str]) -> str | None:
    """Why the short form k is the person named in full as ``fulls``, or None. Every article that writes
    k names him in full (or no article does: the full name is only the gazetteer's); else, as for a
    misspelling, the same English name or a shared title. A bare word from another article is no
    evidence: غرم الله المرشد in one article is not every "المرشد" of the corpus, nor علي عبد الله صالح
    his son أحمد علي عبد الله صالح."""
    named = _docs(g, fulls)
    if _docs(g, [k]) <= named or not named and all(f in g.gaz for f in fulls):
        return "short form"
    known = lexicon.latin_names()
    mine = known.get(k)
    if mine and any(known.get(f, "").endswith(" " + mine) for f in fulls):
        return "short form (same English name, another document)"
    if _titles(g, [k]) & _titles(g, fulls):
        return "short form (same title, another document)"
    return None


def _persons_by_last_word(g: _Groups, mentioned: bool = True) -> dict[str, list[str]]:
    """Person names of several words (``mentioned``: only those the text names, not gazetteer names
    alone), by their last word."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for f in g.mentions:
        if " " in f and (g.mentions[f] or not mentioned) and g.type_of(f) == "PER":
            by_last[f.split()[-1]].append(f)
    return by_last


def _persons_by_first_word(g: _Groups) -> dict[str, list[str]]:
    """The person names of several words the text names, by their first word."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for names in _persons_by_last_word(g).values():
        for f in names:
            by_first[f.split()[0]].append(f)
    return by_first


def _ending_with(g: _Groups, k: str, by_last: dict[str, list[str]]) -> list[str]:
    """The longer person names that end with the short form k, not after a lineage word (بن)."""
    toks = k.split()
    return [f for f in by_last.get(toks[-1], ()) if f != k and len(f.split()) > len(toks)
            and f.split()[-len(toks):] == toks and f.split()[-len(toks) - 1] not in LINEAGE
            and _compatible(g, k, f)]


def _short_forms_in_full(g: _Groups) -> None:
    """أوباما where the corpus also names أوما أوباما: a short form that ends several person names joins
    the one of them that every document writing the short form also names in full (باراك أوباما), the
    others being named elsewhere."""
    by_last = _persons_by_last_word(g)
    for k in list(g.mentions):
        if not k or g.root(k) != k or not g.mentions[k] or g.type_of(k) != "PER":
            continue
        docs = _docs(g, [k])
        fulls = [f for f in _ending_with(g, k, by_last) if docs <= _docs(g, [f])]
        roots = {g.root(f) for f in fulls}
        if len(roots) == 1:
            g.union(k, roots.pop(), "short form (each of its documents names him in full)")


SHORT_IN_DOCUMENT = "short form (its document names one person in full with it)"


def _short_forms_by_document(g: _Groups) -> dict[tuple[str, str], str]:
    """(short form, document) -> the group its mentions there belong to: أوباما, which stays apart where
    the corpus also names أوما أوباما, is باراك أوباما in a document that names him in full and no other
    person whose name ends with it."""
    by_last, by_first = _persons_by_last_word(g), _persons_by_first_word(g)
    members = g.members()
    out: dict[tuple[str, str], str] = {}
    for k, keys in members.items():
        if not k or not g.mentions[k] or g.type_of(k) != "PER" \
                or any(g.reason.get(x) != "clitic" for x in keys if x != k):
            continue  # (a short form that other names joined keeps its group; its clitic forms go with it)
        fulls = _ending_with(g, k, by_last)
        if " " not in k:  # a lone first name: فيصل where the article names فيصل بن عبدالعزيز
            fulls += [f for f in by_first.get(k, ()) if _compatible(g, k, f)]
        else:  # عبد الملك الحوثي where the article names عبد الملك بدر الدين الحوثي
            fulls += _with_middle_names(g, k, by_first.get(k.split()[0], ()))
        # (named in full under any of the full names his group holds: مسعود البارزاني for مسعود بارزاني)
        in_full = {g.root(f): _docs(g, [x for x in members.get(g.root(f), [f]) if " " in x]) for f in fulls}
        out.update(_where_one_is_named(keys, _docs(g, keys), in_full))
    return out


def _where_one_is_named(keys: list[str], docs: set[str],
                        named_in: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """(key, document) -> the group the short name's mentions there belong to, for each of ``docs``
    that names exactly one group of ``named_in`` (group -> the documents that name it in full)."""
    out: dict[tuple[str, str], str] = {}
    for doc in docs:
        named = [root for root, docs in named_in.items() if doc in docs]
        if len(named) == 1:
            out.update({(x, doc): named[0] for x in keys})
    return out


def _bodies_by_document(g: _Groups) -> dict[tuple[str, str], str]:
    """(body's name, document) -> the group its mentions there belong to: الحرس الثوري is الحرس الثوري
    الإيراني, الاتحاد الدولي is الاتحاد الدولي لكرة القدم, in a document that names that body with its
    adjective or its ل-complement and no other body the short name begins; الحكومة الشرعية
    (data/standing_for_adjectives.txt) is the one الحكومة with a country's adjective the document names.
    Only within the document: elsewhere الحرس الثوري may be another country's guard. (Not a one-word
    name: الاتحاد is a club as often as الاتحاد السعودي.)"""
    from kg.extract.mentions import nisba

    longer: dict[str, list[str]] = defaultdict(list)
    for f in g.mentions:
        words = f.split()
        if len(words) < 3 or not g.mentions[f] or g.type_of(f) != "ORG":
            continue
        if nisba(words[-1]):
            longer[" ".join(words[:-1])].append(f)
        # الاتحاد الدولي لكرة القدم, الرئاسة العامة لرعاية الشباب: the name before its ل-complement
        cut = next((i for i in range(2, len(words)) if words[i][:1] == "ل" and len(words[i]) > 3), None)
        if cut is not None:
            longer[" ".join(words[:cut])].append(f)
    describing = {name_key(w) for w in lexicon.words("standing_for_adjectives")}
    for f in g.mentions:  # الحكومة الشرعية for الحكومة اليمنية: the head with its country's adjective
        words = f.split()
        if len(words) == 2 and words[1] in describing and g.mentions[f] and g.type_of(f) == "ORG":
            longer[f] += [x for x in g.mentions if len(x.split()) == 2 and x.split()[0] == words[0]
                          and nisba(x.split()[1]) and x.split()[1] not in describing and g.mentions[x]
                          and g.type_of(x) == "ORG"]
    out: dict[tuple[str, str], str] = {}
    for k, keys in g.members().items():
        if not g.mentions[k] or g.type_of(k) != "ORG" or k not in longer:
            continue
        in_doc: dict[str, set[str]] = defaultdict(set)
        for f in longer[k]:
            if g.root(f) != k:
                in_doc[g.root(f)] |= _docs(g, [f])
        out.update(_where_one_is_named(keys, _docs(g, [k]), in_doc))
    return out


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _first_and_family(g: _Groups) -> None:
    """عادل الجبير is عادل بن أحمد الجبير and عادل جبير: a two-word person name (first name, family name)
    joins the one person name that has the same first and family names (the family name with or without
    its article) with only a lineage (بن أحمد) between them. Evidence across documents: first and
    family name both agree, and no other person name does."""
    by_ends: dict[tuple[str, str, bool], list[str]] = defaultdict(list)
    firsts = {f.split()[0] for f in g.mentions if g.mentions[f] and g.type_of(f) == "PER" and " " in f}
    for f in g.mentions:
        words = f.split()
        if len(words) >= 2 and g.mentions[f] and g.type_of(f) == "PER" and words[-1] not in LINEAGE \
                and (len(words) == 2 or words[1] in LINEAGE):
            family = _bare(words[-1])
            # (خالد يوسف, son of Youssef, a first name, is not خالد اليوسف of the Yousef family)
            apart = family in firsts and family != words[-1]
            by_ends[(words[0], family, apart)].append(f)
    for (first, _, _), keys in by_ends.items():
        twos = [k for k in keys if len(k.split()) == 2]
        if first in LINEAGE or not twos:
            continue
        for k in twos[1:]:
            g.union(k, twos[0], "family name with or without its article")
        roots = {g.root(f) for f in keys if f not in twos and _compatible(g, twos[0], f)}
        if len(roots) == 1:
            g.union(twos[0], roots.pop(), "first and family name")


def _middle_names(g: _Groups) -> None:
    """عبدالله عزام for عبدالله يوسف عزام, سامي معوض الحربي for سامي معوض عوض الله الحربي: a person name
    whose words all stand, in order, in the one longer person name with the same first and last word,
    in documents that all name that person in full, is the same person."""
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for f in g.mentions:
        words = f.split()
        if len(words) >= 2 and g.mentions[f] and g.type_of(f) == "PER":
            by_ends[(words[0], words[-1])].append(f)
    for keys in by_ends.values():
        for k in keys:
            if g.root(k) != k:
                continue
            docs = _docs(g, [k])
            fulls = [f for f in _with_middle_names(g, k, keys) if _docs(g, [f]) & docs]
            roots = {g.root(f) for f in fulls}
            if len(roots) == 1 and docs <= _docs(g, fulls):
                g.union(k, roots.pop(), "without a middle name (same document)")


def _with_middle_names(g: _Groups, k: str, names: Iterable[str]) -> list[str]:
    """The person names among ``names`` that hold every word of k, in order, with the same first and last
    word and more words between (عبدالله يوسف عزام for عبدالله عزام)."""
    words = k.split()
    out = []
    for f in names:
        longer = f.split()
        rest = iter(longer)
        if len(longer) > len(words) and longer[0] == words[0] and longer[-1] == words[-1] \
                and all(w in rest for w in words) and _compatible(g, k, f):
            out.append(f)
    return out


def _family_names(g: _Groups) -> None:
    """A person's name without its dynasty (سلمان بن عبدالعزيز for سلمان بن عبدالعزيز آل سعود) is the
    same person, where exactly one full name ends so."""
    longer: dict[str, set[str]] = defaultdict(set)
    for f in g.mentions:
        words = f.split()
        if len(words) >= 4 and words[-2] == "ال" and g.mentions[f] and g.type_of(f) == "PER":
            longer[" ".join(words[:-2])].add(f)
    for short, fulls in longer.items():
        if short in g.mentions and g.mentions[short] and len(fulls) == 1:
            full = next(iter(fulls))
            if _compatible(g, short, full):
                g.union(short, full, "without the family name (آل)")


def _shorter_lineage(g: _Groups) -> None:
    """فيصل بن بندر for فيصل بن بندر بن عبدالعزيز: a person name with a lineage word that begins the one
    longer person name going on with another lineage word, in documents that all name that person in
    full, is the same person."""
    for k in list(g.mentions):
        words = k.split()
        if len(words) < 3 or not LINEAGE & set(words[1:-1]) or g.root(k) != k or not g.mentions[k] \
                or g.type_of(k) != "PER":
            continue
        docs = _docs(g, [k])
        fulls = [f for f in g.mentions if g.mentions[f] and f != k and f.split()[:len(words)] == words
                 and f.split()[len(words)] in LINEAGE and _docs(g, [f]) & docs and _compatible(g, k, f)]
        roots = {g.root(f) for f in fulls}
        if len(roots) == 1 and docs <= _docs(g, fulls):
            g.union(k, roots.pop(), "shorter lineage (same document)")


def _first_names(g: _Groups) -> None:
    """A lone first name (الرئيس عبدربه) joins the one full person name that starts with it in the
    documents where it is written, when every one of those documents names that person in full."""
    by_first = _persons_by_first_word(g)
    for k in list(g.mentions):
        if " " in k or g.root(k) != k or k not in by_first or not g.mentions[k]:
            continue
        docs = _docs(g, [k])
        fulls = [f for f in by_first[k] if _docs(g, [f]) & docs and _compatible(g, k, f)]
        roots = {g.root(f) for f in fulls}
        if len(roots) == 1 and docs <= _docs(g, fulls):
            g.union(k, roots.pop(), "first name (same document)")


def _deletions(text: str, n: int) -> set[str]:
    """Every string left after deleting up to n characters of text."""
    out, frontier = {text}, {text}
    for _ in range(n):
        frontier = {x[:i] + x[i + 1:] for x in frontier for i in range(len(x))}
        out |= frontier
    return out


def _misspellings(g: _Groups) -> None:
    """A rare name one or two edits (swaps count one) from exactly one more frequent compatible name is a
    misspelling of it.

    Candidates come from a deletion index: two strings within n edits (insert, delete, substitute,
    swap neighbours) always share a string left after deleting at most n characters from each, so
    looking up the deletions of a name finds every candidate without comparing all pairs.
    """
    gaz = {name_key(" ".join(seq)) for seq in lexicon.gazetteer()}
    index: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)  # deletion -> (form, key, surname)
    for f in list(g.mentions):
        forms = [(f, False)]
        if g.type_of(f) == "PER" and " " in f:
            forms.append((f.split()[-1], True))
        for form, surname in forms:
            for variant in _deletions(form, 2 if len(form) >= 6 else 1):
                index[variant].append((form, f, surname))
    groups = g.members()
    sizes = {r: sum(len(g.mentions[x]) for x in members) for r, members in groups.items()}
    for k in sorted(g.mentions, key=lambda x: len(g.mentions[x])):
        if g.root(k) != k or len(k.replace(" ", "")) < 4:
            continue
        t = g.type_of(k)
        if t == "LOC" and len(k) < 7:
            continue
        limit = 1 if len(k) < 8 else 2
        single = len(k.split()) == 1
        candidates = {c for v in _deletions(k, limit) for c in index.get(v, ())}
        best: dict[str, int] = {}
        for form, f, surname in candidates:
            if (surname and not single) or form == k or g.root(f) == k:
                continue
            if (form in gaz and k in gaz) or not _compatible(g, k, f):
                continue
            d = osa(k, form)
            if d <= limit:
                root = g.root(f)
                best[root] = min(best.get(root, d), d)
        if best:
            top = min(best.values())
            winners = [r for r, d in best.items() if d == top]
            mine = sizes.get(k, len(g.mentions[k]))
            if len(winners) == 1 and sizes.get(winners[0], 0) >= mine:
                why = _misspelling_evidence(g, k, groups.get(winners[0], [winners[0]]))
                if why:
                    g.union(k, winners[0], why)
                    sizes[winners[0]] = sizes.get(winners[0], 0) + sizes.pop(k, 0)
                    groups.setdefault(winners[0], [winners[0]]).extend(groups.pop(k, [k]))


def _docs(g: _Groups, keys: Iterable[str]) -> set[str]:
    return {m.doc_id for k in keys for m in g.mentions.get(k, ())}


def _titles(g: _Groups, keys: Iterable[str]) -> set[str]:
    return {m.title_key for k in keys for m in g.mentions.get(k, ()) if m.title_key}


def _misspelling_evidence(g: _Groups, k: str, members: list[str]) -> str | None:
    """Why the name k may be a misspelling of the entity whose names are ``members``, or None when it
    must stay apart.

    Two people's names can differ by one letter (جون كيري Kerry, جون كيربي Kirby), so a near spelling
    alone is not enough: names the curated table spells differently in English are different people;
    two full person names, each attested in full, are two people unless the table spells them alike;
    across documents (no document names both) a merge needs a shared title or the same English name.
    """
    known = lexicon.latin_names()
    mine = known.get(k)
    theirs = {known[x] for x in members if x in known}
    theirs |= {t.split()[-1] for t in theirs}
    if mine and theirs and mine not in theirs:
        return None
    full = [x for x in members if len(x.split()) > 1 and g.mentions[x]]
    if len(k.split()) > 1 and full and g.type_of(k) == "PER" and not (mine and mine in theirs):
        return None
    if _docs(g, [k]) & _docs(g, members):
        return "misspelling"
    if mine and mine in theirs:
        return "misspelling (same English name, another document)"
    if _titles(g, [k]) & _titles(g, members):
        return "misspelling (same title, another document)"
    return None


def _label(g: _Groups, keys: list[str]) -> tuple[str, str]:
    """(canonical key, label): a gazetteer's canonical name, else the fullest form, then the most mentioned;
    its most frequent spelling (a gazetteer name's own spelling when no mention spells it)."""
    canon = [k for k in keys if k in g.gaz and not g.gaz[k].canonical]
    def rank(k: str) -> tuple:
        return len(k.split()), k not in g.reason, len(g.mentions[k]), len(k)

    best = canon[0] if canon else max(keys, key=rank)
    if not g.mentions[best]:
        return best, g.gaz[best].label if best in g.gaz else best
    spelling = Counter(m.text for m in g.mentions[best]).most_common(1)[0][0]
    return best, spelling


def resolve_entities(mentions: Iterable[Mention]) -> tuple[dict[str, Entity], dict[str, str]]:
    """Canonical entities keyed by match key of their label, and mention id -> entity key."""
    g = _Groups(mentions)
    _aliases(g)
    _clitics(g)
    _club_names(g)
    _family_names(g)
    _first_and_family(g)
    _middle_names(g)
    _short_forms(g)
    _misspellings(g)
    _first_names(g)
    _shorter_lineage(g)
    _short_forms(g)  # a corrected spelling can now be a short form (بادين -> بايدن -> جو بايدن)
    _short_forms_in_full(g)
    table = lexicon.translit()
    entities: dict[str, Entity] = {}
    mention_to_key: dict[str, str] = {}
    groups = g.members()
    labels = {root: _label(g, keys) for root, keys in groups.items()}
    for root in groups:  # every group its entity, as before (a gazetteer name may have no mention)
        best, label = labels[root]
        key = match_key(label)
        entities.setdefault(key, Entity(key=key, label=label, type=g.type_of(best),
                                        latin=transliterate(label, table)))
    home = {**_short_forms_by_document(g), **_bodies_by_document(g)}
    read_as = _read_as_other_type(g, groups)
    emptied: set[str] = set()
    for root, keys in groups.items():
        for k in keys:
            for m in g.mentions[k]:
                target = home.get((k, m.doc_id), root)
                best, label = labels[target]
                ent = entities[match_key(label)]
                if (other := read_as.get((target, m.doc_id))) is not None:
                    key = f"{match_key(label)}@{other}"
                    ent = entities.setdefault(key, Entity(key=key, label=label, type=other,
                                                          latin=transliterate(label, table)))
                if target != root:
                    emptied.add(match_key(labels[root][1]))
                mention_to_key[m.id] = ent.key
                ent.mentions.append(m.evidence())
                for raw, why in m.trims:  # spans as first found: on the record, but not names to list
                    if raw != label and all(x.alias != raw for x in ent.merges):
                        ent.merges.append(Merge(raw, why))
                if m.text != label and m.text not in ent.aliases:
                    ent.aliases.add(m.text)
                    why = SHORT_IN_DOCUMENT if target != root else _why(g, k, best)
                    ent.merges.append(Merge(m.text, why))
    for key in emptied:
        if not entities[key].mentions:
            del entities[key]
    return entities, mention_to_key


PLACE_OR_BODY = {"LOC", "ORG"}


def _read_as_other_type(g: _Groups, groups: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    """(group, document) -> the other type its mentions there all have, where the corpus reads the name
    as a body and that document as a place, or the other way round: الشرق الأوسط the newspaper (ORG)
    in the articles that quote it, the region (LOC) in the others; a gazetteer's place only where every
    mention in the article is an outlet («الرياض» the newspaper). Such a document's mentions make an
    entity of that type with the same label (its own IRI)."""
    out: dict[tuple[str, str], str] = {}
    for root, keys in groups.items():
        typ = g.type_of(root)
        if typ not in PLACE_OR_BODY:
            continue
        by_doc: dict[str, set[str]] = defaultdict(set)
        media: dict[str, bool] = defaultdict(lambda: True)
        for k in keys:
            for m in g.mentions[k]:
                by_doc[m.doc_id].add(m.type)
                media[m.doc_id] &= m.outlet
        for doc, types in by_doc.items():
            # a gazetteer's place is another thing only where the article quotes a medium of its name
            # («الرياض» the newspaper)
            if len(types) == 1 and (other := next(iter(types))) != typ and other in PLACE_OR_BODY \
                    and (root not in g.gaz or media[doc]):
                out[(root, doc)] = other
    return out


def _why(g: _Groups, k: str, best: str) -> str:
    """The reason a name with key k sits under the label with key best (its own merge step)."""
    return "orthographic variant" if k == best else g.reason.get(k, "orthographic variant")
