"""References within an article: a bare title or an honorific pronoun for a person named earlier.

"وقال الوزير" after "وزير الخارجية الإيطالي باولو جنتيلوني", "وأكد خادم الحرمين الشريفين" after
"خادم الحرمين الشريفين الملك سلمان", "وبحث سموه" after "ولي العهد الأمير محمد بن نايف". Which
words stand for which titles is data (kg/extract/data/references.tsv); the mention rules
(bare titles, honorific pronouns) find the words, this module says whom they name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg.extract import lexicon
from kg.extract.mentions import Mention, nisba
from kg.extract.sentence import Sentence
from kg.text import match_key

COREFERENCE_RULES = ("title coreference", "honorific pronoun")


@dataclass(frozen=True)
class Reference:
    kind: str  # title | pronoun
    word: str  # match keys joined by spaces (pronoun: joined without spaces, as the token is)
    titles: tuple[str, ...]  # match keys of the titles it stands for


@cache
def references() -> tuple[Reference, ...]:
    out = []
    for cells in lexicon._rows(lexicon.DATA / "references.tsv"):
        if len(cells) < 3:
            continue
        kind, word, titles = cells[:3]
        key = " ".join(w for w in lexicon.tokens(word) if w != "مجلس")
        out.append(Reference(kind, key.replace(" ", "") if kind == "pronoun" else key,
                             tuple(" ".join(lexicon.tokens(t)) for t in titles.split("|") if t.strip())))
    return tuple(out)


def _titles_of(m: Mention) -> list[str]:
    return [k for k in (m.title_key, match_key(m.role) if m.role else None) if k]


def fits(m: Mention, titles: tuple[str, ...]) -> bool:
    """The person was named with one of the titles (a title matches the ones it starts with)."""
    return any(k == t or k.startswith(t + " ") or k.startswith(t) and len(t) > 4
               for k in _titles_of(m) for t in titles)


def standin_holders(mentions: Iterable[Mention]) -> dict[str, str]:
    """Bare title (its title key) -> the one person the document names with a title it stands for."""
    people = [m for m in mentions if m.type == "PER" and m.rule not in COREFERENCE_RULES and _titles_of(m)]
    out = {}
    for ref in references():
        if ref.kind != "title":
            continue
        names = {m.text for m in people if fits(m, ref.titles)}
        if names and (holder := one_holder(names)):
            out[ref.word] = holder
    return out


def one_holder(names: set[str]) -> str | None:
    """The one person a set of names is (الكاظمي and مصطفى الكاظمي are one holder: the full name), or
    None for two people."""
    full = max(names, key=len)
    return full if all(full.endswith(n) for n in names) else None


COUNTERPART = "نظير"  # نظيره الفرنسي: his French counterpart, the one person named with a French title
OFFICIAL = "المسؤول"  # المسؤول الأوروبي: the one person named with a European title
# the words that name a person by the adjective of his title (match keys) -> the key they are stored under
DESCRIBED_BY_ADJECTIVE = {**dict.fromkeys(("نظير", "نظيره", "نظيرته", "نظيرها"), COUNTERPART),
                          **dict.fromkeys(("المسؤول", "المسؤوله"), OFFICIAL)}


def described_holders(mentions: Iterable[Mention]) -> dict[str, str]:
    """A bare title told with what sets its holder apart: the whole title again (أمير منطقة نجران, after
    "الأمير جلوي بن عبدالعزيز، أمير منطقة نجران") or a title and the adjective of his country (الرئيس
    الأمريكي, الوزير الإسباني, after "وزير الخارجية الإسباني X") -> the one person the document names
    with it. Two people named "الرئيس" (the American and the Kenyan) are told apart this way."""
    people = [m for m in mentions if m.type == "PER" and m.rule not in COREFERENCE_RULES and m.role]
    seen: dict[str, set[str]] = {}
    for m in people:
        role = [w for w in match_key(m.role).split() if w != "مجلس"]
        keys = {" ".join(role)} if len(role) > 1 else set()
        bases = {m.title_key, *(r.word for r in references() if r.kind == "title" and fits(m, r.titles))}
        keys |= {f"{base} {w}" for base in bases if base for w in role[1:]
                 if nisba(w) and w not in base.split()}  # (الخارجية is the title's own noun)
        adjectives = {w for w in role[1:] if nisba(w)} | ({UN_ADJECTIVE} if _of_the_un(role) else set())
        keys |= {f"{word} {w}" for w in adjectives for word in (COUNTERPART, OFFICIAL)}  # نظيره الفرنسي
        keys |= short_forms(role)  # رئيس الإقليم after رئيس إقليم كردستان
        for key in keys:
            seen.setdefault(key, set()).add(m.text)
    return {key: holder for key, names in seen.items() if (holder := one_holder(names))}


UN_ADJECTIVE = "الاممي"  # المسؤول الأممي: the one named with a title of the United Nations


def _of_the_un(role: list[str]) -> bool:
    """The title names the United Nations (المنسق الإنساني للأمم المتحدة)."""
    return any(w.endswith("امم") and nxt == "المتحده" for w, nxt in zip(role, role[1:]))


def short_forms(role: list[str]) -> set[str]:
    """رئيس إقليم كردستان -> رئيس الإقليم, أمير منطقة نجران -> أمير المنطقة: a one-word title with a
    genitive that a proper name defines is named later by the title and the genitive with the article.
    Not where that is a title of its own (نائب رئيس الوزراء: نائب الرئيس is the vice-president)."""
    titles = lexicon.titles()
    if len(role) < 3 or (role[0],) not in titles or role[1].startswith("ال") or len(role[1]) < 3:
        return set()
    short = (role[0], "ال" + role[1])
    if short in titles or (short[1],) in titles:
        return set()
    return {" ".join(short)}


def later_titles(m: Mention) -> list[str]:
    """The keys of the positions a person's title goes on to name after its first one and that title's
    complement (صدقي صبحي القائد العام للقوات المسلحة وزير الدفاع: وزير الدفاع names him too). Not a
    title the first one governs (مستشار وزير الدفاع: the adviser is no minister)."""
    from kg.extract.mention_rules import title_key
    from kg.extract.mentions import seq_index

    if not m.role:
        return []
    keys, titles, sections = lexicon.tokens(m.role), seq_index(lexicon.titles()), lexicon.title_variants()
    out: list[str] = []
    i = max(titles.match(keys, 0), 1)
    while i < len(keys):
        n = titles.match(keys, i)
        if n and keys[i - 1].startswith("ال") and sections.get(keys[i:i + n]) == "position":
            out.append(title_key(keys[i:i + n]))
        i += max(n, 1)
    return out


def repoint_pronouns(sent: Sentence, mentions: list[Mention], earlier: list[Mention]) -> None:
    """An honorific pronoun names the last person with a title it stands for (سموه: a prince), in this
    sentence before it or in ``earlier`` (the document's titled persons so far); else it keeps the
    last person named, as the mention rule chose."""
    by_word = {r.word: r for r in references() if r.kind == "pronoun"}
    for m in mentions:
        if m.rule != "honorific pronoun":
            continue
        word = "".join(w.key for w in sent.words[m.first:m.last + 1])
        ref = by_word.get(word)
        if ref is None:
            continue
        here = [x for x in titled(mentions) if x.last < m.first]
        before = [x for x in [*earlier, *here] if fits(x, ref.titles)]
        if before:
            m.text = before[-1].text


def titled(mentions: Iterable[Mention]) -> list[Mention]:
    """The persons named with a title, in order (what honorific pronouns can stand for)."""
    return [m for m in mentions if m.type == "PER" and m.rule not in COREFERENCE_RULES and _titles_of(m)]


def named_nouns(sentences: Iterable[Sentence]) -> frozenset[str]:
    """The definite forms of the common nouns a document heads a name with (قاعدة العند → القاعدة): in
    that document the bare definite noun is the thing named (the base), not a one-word name found by
    looking again (القاعدة, al-Qaeda)."""
    out = set()
    for s in sentences:
        for w, nxt in zip(s.words, s.words[1:]):
            if w.upos == "NOUN" and not w.article and w.tok != nxt.tok and nxt.article \
                    and nxt.upos in ("PROPN", "X", "NOUN") and len(w.key) > 2 and w.key.isalpha():
                out.add("ال" + w.key)
    return frozenset(out)


def named_noun(m: Mention, nouns: frozenset[str]) -> bool:
    """A one-word name found by looking again that is the definite form of one of ``nouns``."""
    return m.rule == "known name" and " " not in m.text and m.key() in nouns
