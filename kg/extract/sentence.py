"""A plain, read-only view of one parsed sentence that the rules work on.

Stanza objects mix token- and word-level offsets (clitic words of a multi-word
token have no offsets of their own) and 1-based ids; the rules want 0-based
words that know their token, its character span, its NER tag and match keys
for form and lemma. Building the view once per sentence keeps the rules short
and lets tests build sentences without Stanza.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from kg.text import match_key, strip_diacritics

CLITICS = ("و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class Word:
    i: int  # 0-based position in the sentence's words
    text: str
    key: str  # match_key of the form
    lemma: str  # match_key of the lemma (undiacritized)
    upos: str
    head: int  # 0-based head position, -1 for the root
    deprel: str
    tok: int  # 0-based token position
    start: int  # the token's character span in the document text
    end: int
    ner: str = "O"
    feats: str = ""
    vocalized: bool = True  # the lemmatizer gave a vocalized lemma: a word it knows, not a name

    @property
    def article(self) -> bool:
        return self.key.startswith("ال") and len(self.key) > 3

    @property
    def punct(self) -> bool:
        return self.upos == "PUNCT" or not any(ch.isalnum() for ch in self.text)

    @property
    def rel(self) -> str:
        """The deprel without subtype (nsubj:pass -> nsubj)."""
        return self.deprel.split(":")[0]


@dataclass
class Span:
    """An NER span: its words and characters."""

    type: str
    first: int  # first word position
    last: int  # last word position, inclusive
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    index: int
    text: str
    start: int
    end: int
    words: list[Word]
    ents: list[Span] = field(default_factory=list)
    children: dict[int, list[int]] = field(default_factory=dict)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-sentence caches of the rules

    def __post_init__(self) -> None:
        if not self.children:
            for w in self.words:
                self.children.setdefault(w.head, []).append(w.i)

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """The match keys of the words, in order (what lexicon sequences are compared with)."""
        return tuple(w.key for w in self.words)

    def kids(self, i: int, *rels: str) -> list[Word]:
        """Dependents of word i, optionally only those with one of the given relations."""
        out = [self.words[j] for j in self.children.get(i, [])]
        return [w for w in out if not rels or w.rel in rels or w.deprel in rels]

    def subtree(self, i: int) -> list[int]:
        """Positions in the subtree of word i, sorted (cycles from bad parses are cut)."""
        seen, stack = {i}, [i]
        while stack:
            for j in self.children.get(stack.pop(), []):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        return sorted(seen)

    def ancestors(self, i: int) -> list[int]:
        out, seen = [], {i}
        while 0 <= (i := self.words[i].head) < len(self.words) and i not in seen:
            out.append(i)
            seen.add(i)
        return out

    def char_start(self, i: int) -> int:
        """Where word i starts in the document: its token's start, past clitic words of the same token
        written before it (و in ونائب)."""
        w = self.words[i]
        start = w.start
        surface = self.text[w.start - self.start:w.end - self.start]
        k = i - 1
        prefix = ""
        while k >= 0 and self.words[k].tok == w.tok:
            prefix = self.words[k].text + prefix
            k -= 1
        if prefix and surface.startswith(prefix) and len(surface) > len(prefix):
            start += len(prefix)
        return start

    def char_end(self, i: int) -> int:
        """Where word i ends: its token's end, before clitic words of the same token written after it."""
        w = self.words[i]
        end = w.end
        suffix = "".join(x.text for x in self.words[i + 1:] if x.tok == w.tok)
        surface = self.text[w.start - self.start:w.end - self.start]
        if suffix and surface.endswith(suffix) and len(surface) > len(suffix):
            end -= len(suffix)
        return end

    def text_of(self, first: int, last: int, split: bool = False) -> str:
        """Surface text of words first..last: whole tokens (names: the tokenizer may have split a name's
        first letter off as a clitic), or with ``split`` cut at clitics inside tokens (ونائب -> نائب)."""
        if not split:
            return self.text[self.words[first].start - self.start:self.words[last].end - self.start]
        return self.text[self.char_start(first) - self.start:self.char_end(last) - self.start]


def lemma_key(lemma: str | None, form: str) -> str:
    return match_key(strip_diacritics(lemma or form))


def from_stanza(index: int, sent, doc_text: str | None = None) -> Sentence:
    """Build the view from a stanza Sentence (token offsets refer to the document text, which,
    when given, supplies the sentence text so that offsets and text always agree)."""
    words: list[Word] = []
    tok_of_word: dict[int, int] = {}
    for ti, token in enumerate(sent.tokens):
        for w in token.words:
            tok_of_word[w.id] = ti
    for w in sent.words:
        ti = tok_of_word.get(w.id, 0)
        token = sent.tokens[ti]
        words.append(Word(
            i=w.id - 1, text=w.text, key=match_key(w.text.strip("-–—") or w.text),
            lemma=lemma_key(w.lemma, w.text),
            upos=w.upos or "X", head=(w.head or 0) - 1, deprel=w.deprel or "dep", tok=ti,
            start=token.start_char, end=token.end_char, ner=token.ner or "O", feats=w.feats or "",
            vocalized=strip_diacritics(w.lemma or "") != (w.lemma or "")))
    _verbs_after_qad(words)
    start = sent.tokens[0].start_char if sent.tokens else 0
    end = sent.tokens[-1].end_char if sent.tokens else 0
    by_start = {w.start: w.i for w in reversed(words)}
    by_end = {w.end: w.i for w in words}
    ents = []
    for e in sent.ents:
        first, last = by_start.get(e.start_char), by_end.get(e.end_char)
        if first is not None and last is not None:
            ents.append(Span(e.type, first, last, e.start_char, e.end_char, e.text))
    text = doc_text[start:end] if doc_text is not None else sent.text
    return Sentence(index, text, start, end, words, ents)


# the particle before a perfect verb (وقد بيّن: has explained); not فقد, also the verb "lost" (فقد حياته)
QAD = {"قد", "لقد", "وقد"}


def _verbs_after_qad(words: list[Word]) -> None:
    """وقد بين X: the tagger reads بين as "between"; after قد a word of a token of its own is a verb."""
    for k in range(1, len(words)):
        prev, w = words[k - 1], words[k]
        if prev.key in QAD and w.upos in ("ADP", "NOUN") and w.tok != prev.tok and not w.key.startswith("ال"):
            words[k] = replace(w, upos="VERB")


# One-letter abbreviations of titles written with a full stop (د. for دكتور, م. for مهندس): the
# sentence splitter ends a sentence there ("الأمير محمد بن سلمان ود." | "مساعد العيبان خلال الاستقبال.").
ABBREVIATIONS = {"د", "م", "ا"}


def _ends_in_abbreviation(s: Sentence) -> bool:
    w = s.words
    if len(w) < 2 or w[-1].text != "." or w[-2].end != w[-1].start:
        return False
    key = w[-2].key
    return key in ABBREVIATIONS or (len(key) == 2 and key[0] == "و" and key[1:] in ABBREVIATIONS)


def join_abbreviated(sentences: list[Sentence], doc_text: str | None = None) -> list[Sentence]:
    """Sentences the splitter cut after an abbreviated title (ود. مساعد العيبان) joined again, and
    numbered anew; each keeps its own tree (the parser saw them apart)."""
    out: list[Sentence] = []
    for s in sentences:
        prev = out[-1] if out else None
        if prev is not None and _ends_in_abbreviation(prev) and s.words:
            n, tn = len(prev.words), prev.words[-1].tok + 1
            words = prev.words + [replace(w, i=w.i + n, head=w.head + n if w.head >= 0 else -1,
                                          tok=w.tok + tn) for w in s.words]
            ents = prev.ents + [replace(e, first=e.first + n, last=e.last + n) for e in s.ents]
            text = doc_text[prev.start:s.end] if doc_text is not None else f"{prev.text} {s.text}"
            out[-1] = Sentence(prev.index, text, prev.start, s.end, words, ents)
        else:
            out.append(replace(s, index=len(out), children={}, memo={}) if s.index != len(out) else s)
    return out
