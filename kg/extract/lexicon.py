"""The extract stage's word lists, loaded once per process.

Triggers, titles, media names and conventional Latin spellings change with the
news, not with the code, so they live in data files: kg/resources/ (shared
with other stages) and kg/extract/data/ (lists only this stage needs). Every
entry is compared by match key (kg.text.match_key), so spelling variants of
alef, ta marbuta and ya, and diacritics, do not matter. A missing file is an
empty list, so the code runs (with less recall) on a partial checkout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.text import match_key, name_key

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Trigger:
    """One row of triggers.tsv: ``words`` are match keys ("..." marks an allowed gap)."""

    words: tuple[str, ...]
    relation: str  # met, contacted, requested, said, reported_by, or * (a marker for any event)
    kind: str  # lemma | form | phrase | planned | negation | false
    note: str = ""

    @property
    def key(self) -> str:
        return " ".join(self.words)


def _rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file, without blank lines, # comments and [section] headers."""
    if not path.exists():
        return []
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or (line.startswith("[") and line.endswith("]")):
            continue
        rows.append([c.strip() for c in raw.split("\t")])
    return rows


def _sections(path: Path, default: str = "") -> dict[str, list[str]]:
    """First cells of a data file grouped by [section] headers."""
    out: dict[str, list[str]] = {default: []}
    current = default
    if not path.exists():
        return out
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            out.setdefault(current, [])
        else:
            out.setdefault(current, []).append(line.split("\t")[0].strip())
    return out


def tokens(text: str) -> tuple[str, ...]:
    """Match keys of the words of a phrase, the unit that word lists are matched in."""
    return tuple(match_key(t) for t in text.replace("ـ", " ").split() if t.strip())


@cache
def triggers() -> tuple[Trigger, ...]:
    """All rows of kg/resources/triggers.tsv plus kg/extract/data/triggers.tsv (this stage's additions)."""
    out = []
    for path in (RESOURCES / "triggers.tsv", DATA / "triggers.tsv"):
        for cells in _rows(path):
            cells += [""] * (4 - len(cells))
            words = tuple("..." if w == "..." else w for w in tokens(cells[0]))
            if words and cells[1]:
                out.append(Trigger(words, cells[1].lower(), cells[2].lower(), cells[3]))
    return tuple(out)


@cache
def relation_triggers(relation: str) -> tuple[Trigger, ...]:
    """Entries that trigger a relation (lemma, form and phrase kinds)."""
    return tuple(t for t in triggers() if t.relation == relation and t.kind in ("lemma", "form", "phrase"))


@cache
def trigger_heads(*relations: str) -> frozenset[str]:
    """The first words of the triggers of these relations (one word's match key each)."""
    return frozenset(t.words[0] for r in relations for t in relation_triggers(r))


@cache
def false_triggers(relation: str | None = None) -> frozenset[str]:
    """Keys that must never fire (for one relation, or for any)."""
    return frozenset(t.key for t in triggers() if t.kind == "false" and (relation in (None, t.relation)))


def _markers(kind: str) -> frozenset[str]:
    return frozenset(t.key for t in triggers() if t.kind == kind)


@cache
def negation_markers() -> frozenset[str]:
    """Negation words and phrases (keys joined by spaces)."""
    return _markers("negation")


@cache
def planned_markers() -> frozenset[str]:
    return _markers("planned")


DENIAL_VERBS = ("نفي", "نفت", "ينفي", "تنفي", "نفيا", "نفوا")


@cache
def denial_markers() -> frozenset[str]:
    """Verbs of denial among the negation markers (نفى): the embedded event is denied."""
    return frozenset(k for k in negation_markers() if k in DENIAL_VERBS or k.startswith("نف"))


@cache
def title_sections() -> dict[tuple[str, ...], str]:
    """Title word-key sequences -> section (position, rank, honorific; additions count as position)."""
    out: dict[tuple[str, ...], str] = {}
    for path in (RESOURCES / "titles.txt", DATA / "titles.txt"):
        for section, entries in _sections(path, "position").items():
            for entry in entries:
                seq = tokens(entry)
                if seq:
                    out.setdefault(seq, section or "position")
    return out


def split_clitics(seq: tuple[str, ...]) -> tuple[str, ...]:
    """The words as the tokenizer splits them: a leading ب/ل/ك becomes a word (باسم -> ب اسم)."""
    out: list[str] = []
    for w in seq:
        if len(w) > 3 and w[0] in "بلك" and w[1:2] != w[0]:
            out += [w[0], w[1:]]
        else:
            out.append(w)
    return tuple(out)


@cache
def title_variants() -> dict[tuple[str, ...], str]:
    """Titles as written and as tokenized (المتحدث باسم / المتحدث ب اسم، ولي العهد / و لي العهد) ->
    section."""
    out = dict(title_sections())
    for seq, section in title_sections().items():
        out.setdefault(split_clitics(seq), section)
        if len(seq[0]) >= 3 and seq[0][0] == "و":  # ولي العهد as the tokenizer may cut it: و + لي العهد
            out.setdefault(("و", seq[0][1:], *seq[1:]), section)
    return out


@cache
def titles() -> tuple[tuple[str, ...], ...]:
    """All titles as word-key sequences (both spellings), longest first (رئيس الوزراء beats رئيس)."""
    return tuple(sorted(title_variants(), key=len, reverse=True))


@cache
def formulae() -> tuple[tuple[str, ...], ...]:
    """Titles and not-names phrases as word-key sequences, longest first: no person mention lies wholly
    inside one (kg.extract.mentions.formula_words)."""
    seqs = set(title_sections()) | {tuple(k.split()) for k in words("not_names")}
    return tuple(sorted(seqs, key=len, reverse=True))


@cache
def media() -> dict[tuple[str, ...], str]:
    """Media outlet names as word-key sequences -> Latin name ('' when none is given)."""
    out: dict[tuple[str, ...], str] = {}
    for path in (RESOURCES / "media.txt", DATA / "media.txt"):
        for cells in _rows(path):
            if cells and cells[0]:
                out.setdefault(tokens(cells[0]), cells[1] if len(cells) > 1 else "")
    return out


@cache
def cued_media() -> frozenset[tuple[str, ...]]:
    """Outlet names that are everyday words (الوطن: the homeland; الجزيرة، العربية): outlets only after a
    class noun (صحيفة الوطن) or in quotes (مصادر "الوطن"); a third column "cued" in media.txt."""
    return frozenset(tokens(cells[0]) for path in (RESOURCES / "media.txt", DATA / "media.txt")
                     for cells in _rows(path) if len(cells) > 2 and cells[2] == "cued")


@cache
def media_names() -> tuple[tuple[str, ...], ...]:
    """Media outlet names as word-key sequences, longest first."""
    return tuple(sorted(media(), key=len, reverse=True))


@cache
def translit() -> dict[str, str]:
    """Name key (kg.text.name_key) of an Arabic name or name word -> its usual Latin spelling: the
    curated table of well-known people (latin_names.tsv) first, then translit.tsv, media names, and
    last the name words filtered from the Arabic-English name lexicon (latin_words.tsv)."""
    out: dict[str, str] = {}
    for path in (RESOURCES / "latin_names.tsv", RESOURCES / "translit.tsv", DATA / "translit.tsv"):
        for cells in _rows(path):
            if len(cells) >= 2 and cells[0] and cells[1]:
                out.setdefault(name_key(cells[0]), cells[1])
    for seq, latin in media().items():
        if latin:
            out.setdefault(name_key(" ".join(seq)), latin)
    for cells in _rows(RESOURCES / "latin_words.tsv"):
        if len(cells) >= 2 and cells[0] and cells[1]:
            out.setdefault(name_key(cells[0]), cells[1])
    return out


@cache
def latin_names() -> dict[str, str]:
    """The curated tables alone (latin_names.tsv, then translit.tsv; not the lexicon's name words):
    name key -> English spelling. Two names spelt differently here are two people."""
    out: dict[str, str] = {}
    for path in (RESOURCES / "latin_names.tsv", RESOURCES / "translit.tsv"):
        for cells in _rows(path):
            if len(cells) >= 2 and cells[0] and cells[1]:
                out.setdefault(name_key(cells[0]), cells[1])
    return out


@dataclass(frozen=True)
class Known:
    """A gazetteer entry: the name as written, its type, and the key of the name it is an alias of."""

    label: str
    type: str
    canonical: str | None = None


@cache
def gazetteer_entries() -> dict[str, Known]:
    """Match key -> entry, from kg/extract/data/gazetteer.tsv."""
    out: dict[str, Known] = {}
    for cells in _rows(DATA / "gazetteer.tsv"):
        if len(cells) >= 2 and cells[0] and cells[1] in ("PER", "ORG", "LOC", "MISC"):
            canonical = match_key(cells[2]) if len(cells) >= 3 and cells[2] else None
            out[" ".join(tokens(cells[0]))] = Known(cells[0], cells[1], canonical)
    return out


@cache
def gazetteer() -> dict[tuple[str, ...], str]:
    """Well-known names NER often misses (word-key sequence -> type)."""
    return {tuple(k.split()): e.type for k, e in gazetteer_entries().items()}


@cache
def gazetteer_long() -> dict[tuple[str, ...], str]:
    """Names that win over the shorter mentions they hold (kg.extract.mention_rules.gazetteer_names):
    gazetteer names of three words or more, and place names of two or more (المدينة المنورة, which NER
    may cut in two); longest first."""
    names = {k: t for k, t in known_extra().items() if t == "LOC" and len(k) >= 2}
    names.update({k: t for k, t in gazetteer().items() if len(k) >= 3})
    return dict(sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True))


@cache
def gazetteer_long_seqs() -> tuple[tuple[str, ...], ...]:
    """The keys of gazetteer_long(), one long-lived tuple for kg.extract.mentions.seq_index."""
    return tuple(gazetteer_long())


@cache
def known_extra() -> dict[tuple[str, ...], str]:
    """Names looked for where NER missed them, but only on words that could be a name (name_like):
    the curated people of two words or more and the places of latin_names.tsv, and the place names of
    kg/extract/data/places.txt (filtered from ANERGazet). Organization names from the Arabic-English
    lexicon were tried and left out: on dev they added more false organizations than they found."""
    out: dict[tuple[str, ...], str] = {}
    for cells in _rows(RESOURCES / "latin_names.tsv"):
        if len(cells) >= 3 and cells[2] in ("PER", "LOC"):
            seq = tokens(cells[0])
            if len(seq) > 1 or cells[2] == "LOC":
                out.setdefault(seq, cells[2])
    for cells in _rows(DATA / "places.txt"):
        if cells and cells[0]:
            out.setdefault(tokens(cells[0]), "LOC")
    return out


@cache
def latin_name_types() -> dict[str, str]:
    """Name key (kg.text.name_key) -> type (PER or LOC) of the well-known names of latin_names.tsv: the
    type of such a name wherever NER finds it."""
    return {name_key(cells[0]): cells[2] for cells in _rows(RESOURCES / "latin_names.tsv")
            if len(cells) >= 3 and cells[2] in ("PER", "LOC")}


@cache
def curated_surnames() -> frozenset[str]:
    """One-word person names of latin_names.tsv (بحاح، نتنياهو): the family names of known people, which
    NER sometimes leaves off the end of a span (خالد محفوظ | بحاح)."""
    return frozenset(seq[0] for cells in _rows(RESOURCES / "latin_names.tsv")
                     if len(cells) >= 3 and cells[2] == "PER" and len(seq := tokens(cells[0])) == 1)


def plain_word(key: str) -> bool:
    """A word news writes mostly as a plain word, not a name: data/common_words.txt (generated from the
    NER corpora) and data/plain_words.txt (hand-kept: الحزم of عاصفة الحزم)."""
    return key in words("common_words") or key in words("plain_words")


@cache
def words(name: str) -> frozenset[str]:
    """A plain word list from kg/extract/data/<name>.txt, as match keys joined by spaces."""
    return frozenset(" ".join(tokens(c[0])) for c in _rows(DATA / f"{name}.txt") if c and c[0])


@cache
def pairs(name: str) -> frozenset[tuple[str, str]]:
    """(first, second) column pairs of kg/extract/data/<name>.tsv, as match keys."""
    return frozenset((" ".join(tokens(c[0])), " ".join(tokens(c[1])))
                     for c in _rows(DATA / f"{name}.tsv") if len(c) >= 2 and c[0] and c[1])


@cache
def pair_map(name: str) -> dict[str, str]:
    """The same pairs as a mapping, first column to second (one entry per first column)."""
    return dict(pairs(name))
