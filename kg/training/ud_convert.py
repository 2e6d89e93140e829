"""Bring the UD Arabic treebanks we have to one convention: that of current PADT.

PADT as of 2016 is UD v1, fully vocalized, and has no multi-word tokens: every
clitic is its own word. News is written without vowels and with clitics
attached, so the tokenizer and MWT expander must learn surface tokens such as
وللبدء -> و + ل + البدء. PUD is UD v2 but splits clitics into tokens with
SpaceAfter=No. Both become: undiacritized forms, multi-word token lines for
fused words, UD v2 relations, no XPOS (the two tagsets differ).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.text import strip_diacritics

PROCLITICS = {"و", "ف", "ب", "ل", "ك", "س"}
ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"}
# Prepositions whose final alef maqsura is written ya before a pronoun: على + ه = عليه.
YA_HOSTS = {"على", "إلى", "الى", "لدى", "حتى"}
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


@dataclass
class Word:
    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    deps: str
    misc: str

    @classmethod
    def parse(cls, line: str) -> Word:
        c = line.rstrip("\n").split("\t")
        return cls(int(c[0]), c[1], c[2], c[3], c[4], c[5], int(c[6]), c[7], c[8], c[9])

    def feat(self, name: str) -> str | None:
        for kv in self.feats.split("|"):
            k, _, v = kv.partition("=")
            if k == name:
                return v
        return None

    def misc_without(self, *keys: str) -> str:
        kept = [kv for kv in self.misc.split("|") if kv != "_" and kv.split("=")[0] not in keys]
        return "|".join(kept) or "_"

    @property
    def space_after(self) -> bool:
        return "SpaceAfter=No" not in self.misc.split("|")

    def line(self) -> str:
        cols = [self.id, self.form, self.lemma, self.upos, self.xpos, self.feats,
                self.head, self.deprel, self.deps, self.misc]
        return "\t".join(str(c) for c in cols)


@dataclass
class Sentence:
    comments: list[str]
    words: list[Word]
    tokens: list[tuple[int, int, str]] = field(default_factory=list)  # (first, last, surface) MWTs

    def children(self, head: int) -> list[Word]:
        return [w for w in self.words if w.head == head]

    def text(self) -> str:
        """The surface text, from MWT surfaces and SpaceAfter."""
        out, i = [], 0
        spans = {first: (last, surf) for first, last, surf in self.tokens}
        while i < len(self.words):
            w = self.words[i]
            if w.id in spans:
                last, surf = spans[w.id]
                end = self.words[last - 1]
                out.append(surf + (" " if end.space_after else ""))
                i = last
            else:
                out.append(w.form + (" " if w.space_after else ""))
                i += 1
        return "".join(out).strip()

    def to_conllu(self) -> str:
        lines = [c for c in self.comments if not c.startswith("# text")]
        lines.append(f"# text = {self.text()}")
        spans = {first: (last, surf) for first, last, surf in self.tokens}
        inside: set[int] = set()
        for w in self.words:
            if w.id in spans:
                last, surf = spans[w.id]
                end = self.words[last - 1]
                misc = "_" if end.space_after else "SpaceAfter=No"
                lines.append(f"{w.id}-{last}\t{surf}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
                inside.update(range(w.id, last + 1))
            if w.id in inside:
                lines.append(Word(**{**w.__dict__, "misc": w.misc_without("SpaceAfter")}).line())
            else:
                lines.append(w.line())
        return "\n".join(lines) + "\n\n"


def read_conllu(text: str) -> list[Sentence]:
    sentences = []
    for block in text.strip().split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        comments = [ln for ln in lines if ln.startswith("#")]
        words = [Word.parse(ln) for ln in lines
                 if not ln.startswith("#") and re.match(r"^\d+\t", ln)]
        if words:
            sentences.append(Sentence(comments, words))
    return sentences


# ---------------------------------------------------------------- UD v1 -> v2


def convert_v1_to_v2(path: Path) -> str:
    """Run udapi's ud.Convert1to2 over a UD v1 file and return CoNLL-U text."""
    import tempfile

    from udapi.block.ud.convert1to2 import Convert1to2
    from udapi.core.document import Document

    doc = Document(str(path))
    Convert1to2().apply_on_document(doc)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "v2.conllu"
        doc.store_conllu(str(out))
        return out.read_text(encoding="utf-8")


def fix_v2_leftovers(sent: Sentence) -> None:
    """Finish what ud.Convert1to2 marks ToDo, and PADT v1 habits v2 dropped."""
    by_id = {w.id: w for w in sent.words}
    for w in sent.words:
        todo = next((kv.split("=", 1)[1] for kv in w.misc.split("|") if kv.startswith("ToDo=")), None)
        if todo == "nmod":
            # A nominal with a case marker under a predicate is obl in v2; in a construct it stays nmod.
            parent = by_id.get(w.head)
            has_case = any(c.deprel == "case" for c in sent.children(w.id))
            if parent is not None and parent.upos in {"VERB", "AUX", "ADJ", "ADV"} and has_case:
                w.deprel = "obl"
        elif todo == "cc-without-conj" and w.feat("PronType") == "Rel":
            _attach_relative_pronoun(sent, w)
        if todo:
            w.misc = w.misc_without("ToDo")
    _promote_conjunction_root(sent)
    for w in sent.words:
        if w.upos == "X" and w.feat("Abbr") != "Yes":
            w.upos = "PROPN"  # PADT v1 tags transliterated names X; PUD and NER want PROPN.
            w.feats = "|".join(kv for kv in w.feats.split("|") if kv != "Foreign=Yes") or "_"


def _attach_relative_pronoun(sent: Sentence, rel: Word) -> None:
    """v1 hung الذي/التي on the noun as cc; v2 makes it an argument of the relative clause."""
    clause = next((w for w in sent.words if w.id > rel.id and w.head == rel.head
                   and w.deprel in {"acl", "acl:relcl"}), None)
    if clause is None:
        rel.deprel = "dep"
        return
    clause.deprel = "acl:relcl"
    rel.head = clause.id
    has_subj = any(c.deprel.startswith("nsubj") for c in sent.children(clause.id) if c is not rel)
    rel.deprel = "obj" if has_subj else "nsubj"


def _promote_conjunction_root(sent: Sentence) -> None:
    """PADT v1 made a sentence-initial و the root; v2 attaches it to the clause as cc."""
    root = next((w for w in sent.words if w.head == 0), None)
    if root is None or root.upos not in {"CCONJ", "SCONJ", "ADP", "PART"}:
        return
    kids = [c for c in sent.children(root.id) if c.deprel not in {"punct", "cc", "case", "mark"}]
    if not kids:
        return
    new_root = next((c for c in kids if c.deprel == "parataxis"), kids[0])
    new_root.head, new_root.deprel = 0, "root"
    for c in sent.children(root.id):
        if c is not new_root:
            c.head = new_root.id
    root.head = new_root.id
    root.deprel = {"CCONJ": "cc", "SCONJ": "mark", "ADP": "case"}.get(root.upos, "advmod")


# ------------------------------------------- tokens PADT v1 could not analyze

# PADT v1 leaves a token its morphological analyzer failed on unsegmented: tagged X, its surface
# form copied once per syntactic word (بمنطقة/case + بمنطقة/nmod, ونادي/cc + ونادي/conj).
# Left alone, the text reads "بمنطقة بمنطقة". The relations say which copy is which clitic.
LEADING_CLITIC_RELS = {"cc", "case", "mark", "aux"}
PRONOUN_CLITIC_RELS = {"nmod", "obj", "iobj", "nsubj", "obl"}  # not flat: a name written twice
PROCLITIC_UPOS = {"و": "CCONJ", "ف": "CCONJ", "ب": "ADP", "ل": "ADP", "ك": "ADP", "س": "AUX"}
PROCLITIC_LEMMA = {"و": "وَ", "ف": "فَ", "ب": "بِ", "ل": "لِ", "ك": "كَ", "س": "سَ"}
ENCLITIC_LEMMA = {"ه": "هُوَ", "ها": "هِيَ", "هم": "هُم", "هما": "هُمَا", "هن": "هُنَّ", "ك": "أَنتَ",
                  "كم": "أَنتُم", "كما": "أَنتُمَا", "كن": "أَنتُنَّ", "ي": "أَنَا", "ني": "أَنَا", "نا": "نَحنُ"}


def segment_unanalyzed(surface: str, deprels: list[str]) -> tuple[list[str], int] | None:
    """Cut one surface token into len(deprels) words: leading clitics, the host, a pronoun.

    Returns the words and the host's index, or None when relations and letters disagree.
    """
    rest, pieces = surface, []
    for rel in deprels[:-1]:
        if rel not in LEADING_CLITIC_RELS or rest[:1] not in PROCLITICS or len(rest) <= 2:
            break
        clitic, rest = rest[0], rest[1:]
        if clitic == "ل" and rest.startswith("ل"):
            rest = "ا" + rest  # للمشروع = ل + المشروع
        pieces.append(clitic)
    left = len(deprels) - len(pieces)
    if left == 1:
        return [*pieces, rest], len(pieces)
    if left == 2 and deprels[-1] in PRONOUN_CLITIC_RELS:
        for clitic in sorted(ENCLITICS, key=len, reverse=True):
            if rest.endswith(clitic) and len(rest) - len(clitic) >= 2:
                return [*pieces, rest[:-len(clitic)], clitic], len(pieces)
    return None


def split_unanalyzed(sent: Sentence) -> int:
    """Turn each run of copied X words into the clitics and host they stand for; returns the count."""
    words, done, i = sent.words, 0, 0
    while i < len(words):
        j, form = i, strip_diacritics(words[i].form)
        while (j + 1 < len(words) and words[i].upos == "X" and words[j + 1].upos == "X"
               and strip_diacritics(words[j + 1].form) == form):
            j += 1
        group = words[i:j + 1]
        cut = segment_unanalyzed(form, [w.deprel for w in group]) if j > i else None
        if cut is not None:
            pieces, host = cut
            for k, (w, piece) in enumerate(zip(group, pieces)):
                w.form = piece
                if k < host:
                    w.upos, w.lemma, w.feats = PROCLITIC_UPOS[piece], PROCLITIC_LEMMA[piece], "_"
                elif k > host:
                    w.upos, w.lemma, w.feats = "PRON", ENCLITIC_LEMMA[piece], "PronType=Prs"
                else:
                    w.lemma = piece
            done += 1
        i = j + 1
    return done


# ------------------------------------------------- surface forms and MWT lines


def is_arabic_word(form: str) -> bool:
    return bool(form) and ARABIC_LETTER.match(form) is not None


def is_proclitic(w: Word) -> bool:
    return w.form in PROCLITICS and w.upos in {"CCONJ", "ADP", "PART", "AUX", "SCONJ", "ADV"}


def is_enclitic(w: Word) -> bool:
    return (w.upos == "PRON" and w.form in ENCLITICS and w.feat("PronType") == "Prs"
            and w.feat("Case") != "Nom")


def join_host_enclitic(host: str, clitic: str) -> str:
    """Write host + pronoun as news does: حكومة+ه=حكومته, على+ه=عليه, مدى+ه=مداه, نقلوا+ه=نقلوه."""
    if host.endswith("ة"):
        host = host[:-1] + "ت"
    elif host.endswith("ى"):
        host = host[:-1] + ("ي" if host in YA_HOSTS else "ا")
    elif host.endswith("وا") and len(host) > 2:
        host = host[:-1]
    return host + clitic


def join_proclitic(clitic: str, rest: str) -> str:
    """ل + الـ is written لل (ل + البدء = للبدء); other proclitics simply attach."""
    if clitic == "ل" and rest.startswith("ال"):
        return "ل" + rest[1:]
    return clitic + rest


def restore_surface(sent: Sentence) -> None:
    """Group PADT's clitic words into the tokens news text writes, as MWT lines."""
    words = sent.words
    groups: list[list[Word]] = []
    i = 0
    while i < len(words):
        group = [words[i]]
        # proclitic chain: و ل البدء
        while is_proclitic(group[-1]) and i + len(group) < len(words) and \
                is_arabic_word(words[i + len(group)].form):
            group.append(words[i + len(group)])
        # pronoun enclitic on the host
        if is_arabic_word(group[-1].form) and not is_proclitic(group[-1]):
            j = i + len(group)
            if j < len(words) and is_enclitic(words[j]):
                group.append(words[j])
        groups.append(group)
        i += len(group)
    sent.tokens = []
    for g in groups:
        for w in g[:-1]:
            w.misc = w.misc_without("SpaceAfter")
        if len(g) > 1:
            sent.tokens.append((g[0].id, g[-1].id, surface_of([w.form for w in g], g)))


def surface_of(forms: list[str], group: list[Word]) -> str:
    surface = forms[-1]
    if is_enclitic(group[-1]) and len(group) > 1:
        surface = join_host_enclitic(forms[-2], forms[-1])
        forms = forms[:-1]
        prefix = forms[:-1]
    else:
        prefix = forms[:-1]
    for clitic in reversed(prefix):
        surface = join_proclitic(clitic, surface)
    return surface


NO_SPACE_BEFORE = set(".,،؛;:!?؟)]}»%")
NO_SPACE_AFTER = set("([{«")


def restore_spacing(sent: Sentence) -> None:
    """PADT v1 has no SpaceAfter: write punctuation the way news text does."""
    quote_open = False
    words = sent.words
    for w, nxt in zip(words, words[1:] + [None]):
        no_space = False
        if w.form in NO_SPACE_AFTER:
            no_space = True
        elif w.form == '"':
            quote_open = not quote_open
            no_space = quote_open
        if nxt is not None and (nxt.form in NO_SPACE_BEFORE or (nxt.form == '"' and quote_open)):
            no_space = True
        if no_space and nxt is not None:
            w.misc = "SpaceAfter=No" if w.misc == "_" else w.misc + "|SpaceAfter=No"


def clean_padt_sentence(sent: Sentence) -> None:
    for w in sent.words:
        w.form = strip_diacritics(w.form) or w.form
        w.xpos = "_"
        w.deps = "_"
        w.misc = w.misc_without("Gloss", "Root", "Translit", "LTranslit", "ToDo", "SpaceAfter")
    restore_spacing(sent)
    restore_surface(sent)


# ----------------------------------------------------------------------- PUD


def pud_to_padt(sent: Sentence) -> None:
    """PUD: clitic tokens joined by SpaceAfter=No become MWT lines; ل+لسلطة -> ل + السلطة."""
    groups: list[list[Word]] = [[sent.words[0]]]
    for prev, w in zip(sent.words, sent.words[1:]):
        fused = (not prev.space_after and is_arabic_word(prev.form) and is_arabic_word(w.form)
                 and w.upos != "PUNCT" and prev.upos != "PUNCT")
        if fused:
            groups[-1].append(w)
        else:
            groups.append([w])
    sent.tokens = []
    for g in groups:
        if len(g) > 1:
            surface = "".join(w.form for w in g)
            sent.tokens.append((g[0].id, g[-1].id, surface))
            for a, b in zip(g, g[1:]):
                if a.form == "ل" and b.form.startswith("ل") and b.feat("Definite") == "Def":
                    b.form = "ا" + b.form
    for w in sent.words:
        w.form = strip_diacritics(w.form) or w.form
        w.xpos = "_"
        w.deps = "_"
        w.misc = "_" if w.space_after else "SpaceAfter=No"
    for first, last, _ in sent.tokens:
        for w in sent.words[first - 1:last - 1]:
            w.misc = "_"


def load_padt(path: Path) -> list[Sentence]:
    sents = read_conllu(convert_v1_to_v2(path))
    for s in sents:
        split_unanalyzed(s)
        fix_v2_leftovers(s)
        clean_padt_sentence(s)
    return sents


def load_pud(path: Path) -> list[Sentence]:
    sents = read_conllu(path.read_text(encoding="utf-8"))
    for s in sents:
        pud_to_padt(s)
    return sents


def write_conllu(sents: list[Sentence], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(s.to_conllu() for s in sents), encoding="utf-8")
