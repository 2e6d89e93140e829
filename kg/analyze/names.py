"""Finding an entity by the name a user types: Arabic spelling variants, clitics, aliases, short forms
and Latin transliterations, with the nearest known names when nothing matches.

``NameIndex(entities).find(name)`` returns the matches of the best kind only, most mentioned first.
Kinds, best first: ``label`` (the Arabic label, compared with kg.text.match_key), ``alias``
(kg:alias), ``clitic`` (the name with a leading و ف ب ل ك, or لل for ال, taken off: والكاظمي,
للكاظمي), ``short`` (the name's words are the last words of a label or alias: الكاظمي -> مصطفى
الكاظمي), ``latin`` (the Latin label, case-insensitive, whole or some of its words: "Kadhimi" finds
"Mustafa al-Kadhimi"), ``latin~`` (Latin words within a small edit distance after folding common
spelling variants: Kazemi, Kazimi, Kadhimi). An Arabic name is never matched fuzzily: a near miss is
offered by ``suggest`` instead, so that a wrong person is never silently picked.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.text import match_key, name_key

ARABIC = re.compile(r"[\u0600-\u06FF]")
PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
LATIN_ARTICLES = {"al", "el", "the"}
# Letter groups English and French spellings of Arabic names write differently (Kadhimi / Kazemi).
LATIN_FOLDS = (("dh", "z"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ph", "f"), ("ch", "s"),
               ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("e", "i"), ("o", "u"), ("y", "i"),
               ("w", "u"), ("j", "g"))
FUZZY_RATIO = 0.8
KINDS = ("label", "alias", "clitic", "short", "latin", "latin~")


@dataclass(frozen=True)
class Entity:
    iri: str
    label: str
    type: str = ""
    latin: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 0

    def display(self) -> str:
        return f"{self.label} ({self.latin})" if self.latin else self.label


@dataclass(frozen=True)
class Match:
    entity: Entity
    kind: str


def arabic_key(text: str) -> str:
    """match_key without punctuation (quotes, brackets), with single spaces and the spacing of compound
    name words folded (عبد العزيز = عبدالعزيز: kg.text.name_key)."""
    return name_key(" ".join(PUNCT.sub(" ", match_key(text)).split()))


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def clitic_forms(key: str) -> set[str]:
    """The name with a leading conjunction (و ف) and/or preposition (ب ل ك) taken off."""
    forms = {key}
    for form in list(forms):
        if form[:1] in ("و", "ف") and len(form) > 3:
            forms.add(form[1:])
    for form in list(forms):
        if form.startswith("لل") and len(form) > 4:
            forms.add("ال" + form[2:])
        if form[:1] in ("ب", "ل", "ك") and len(form) > 3:
            forms.add(form[1:])
    return forms - {key}


def latin_words(text: str) -> list[str]:
    """Lower-case ASCII words of a Latin name, articles dropped, spelling variants folded."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = []
    for word in re.split(r"[\s\-'`]+", PUNCT.sub(" ", text.replace("-", " "))):
        if not word or word in LATIN_ARTICLES:
            continue
        for old, new in LATIN_FOLDS:
            word = word.replace(old, new)
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return words


def _near(word: str, candidates: Iterable[str]) -> bool:
    return any(difflib.SequenceMatcher(None, word, c).ratio() >= FUZZY_RATIO for c in candidates)


@dataclass
class NameIndex:
    """Entities searchable by name; build it once per graph and ask it many times."""

    entities: list[Entity]
    _keys: dict[str, dict[str, list[Entity]]] = field(default_factory=dict, init=False)
    _words: list[tuple[Entity, list[str]]] = field(default_factory=list, init=False)
    _latin_words: list[tuple[Entity, list[str]]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.entities = sorted(self.entities, key=lambda e: (-e.mentions, e.label))
        self._keys = {"label": {}, "alias": {}}
        for e in self.entities:
            self._keys["label"].setdefault(arabic_key(e.label), []).append(e)
            for alias in e.aliases:
                self._keys["alias"].setdefault(arabic_key(alias), []).append(e)
            for known in (e.label, *e.aliases):  # word lists for short forms, article stripped
                self._words.append((e, [_strip_article(w) for w in arabic_key(known).split()]))
            if e.latin:
                self._latin_words.append((e, latin_words(e.latin)))

    @classmethod
    def from_records(cls, rows: Iterable[Mapping[str, Any]]) -> NameIndex:
        """From kg.query.entity_rows(ds) records or projection node data (with an ``iri``)."""
        return cls([Entity(iri=r["iri"], label=r.get("label") or r["iri"], type=r.get("type") or "",
                           latin=r.get("latin"), aliases=tuple(r.get("aliases") or ()),
                           mentions=int(r.get("mentions") or 0)) for r in rows])

    @classmethod
    def from_network(cls, G) -> NameIndex:
        """From the nodes of kg.analyze.project(ds)."""
        return cls.from_records({"iri": n, **d} for n, d in G.nodes(data=True))

    def find(self, name: str) -> list[Match]:
        """Entities the name denotes, of the best kind of match only, most mentioned first."""
        name = (name or "").strip()
        if not name:
            return []
        finders = (self._arabic, ) if ARABIC.search(name) else (self._latin, )
        for finder in finders:
            for kind, found in finder(name):
                if found:
                    unique = list(dict.fromkeys(found))
                    return [Match(e, kind) for e in sorted(unique, key=lambda e: (-e.mentions, e.label))]
        return []

    def _arabic(self, name: str):
        key = arabic_key(name)
        labels, aliases = self._keys["label"], self._keys["alias"]
        yield "label", labels.get(key, [])
        yield "alias", aliases.get(key, [])
        forms = clitic_forms(key)
        yield "clitic", [e for f in sorted(forms) for e in labels.get(f, []) + aliases.get(f, [])]
        short = []
        for form in sorted({key} | forms):
            words = [_strip_article(w) for w in form.split()]
            n = len(words)
            short += [e for e, known in self._words if len(known) > n and known[-n:] == words]
        yield "short", short

    def _latin(self, name: str):
        words = latin_words(name)
        if not words:
            return
        whole, partial, fuzzy = [], [], []
        for e, known in self._latin_words:
            if known == words:
                whole.append(e)
            elif all(w in known for w in words):
                partial.append(e)
            elif all(_near(w, known) for w in words):
                fuzzy.append(e)
        yield "latin", whole
        yield "latin", partial
        yield "latin~", fuzzy

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """The known names nearest to an unknown one (labels, aliases and Latin labels)."""
        arabic = bool(ARABIC.search(name or ""))
        key = arabic_key(name) if arabic else " ".join(latin_words(name or ""))
        choices: dict[str, Entity] = {}
        for e in self.entities:
            if arabic:
                for known in (e.label, *e.aliases):
                    choices.setdefault(arabic_key(known), e)
            elif e.latin:
                choices.setdefault(" ".join(latin_words(e.latin)), e)
                for word in latin_words(e.latin):
                    choices.setdefault(word, e)
        close = difflib.get_close_matches(key, list(choices), n=n * 3, cutoff=0.6)
        return list(dict.fromkeys(choices[c].display() for c in close))[:n]
