"""Stanza's Arabic pipeline with the bundled models, behind one small interface.

Text is cleaned first (the models were trained on undiacritized, normalized
text) and cut into pieces of bounded size so one huge line cannot exhaust
memory. Offsets in the result refer to the cleaned text that is returned.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.nlp.bundle import PROCESSORS, models_dir
from kg.nlp.clitics import WholeWords, guard_mwt, load_whole_words
from kg.text import clean

WHOLE_WORDS_VAR = "KG_WHOLE_WORDS"
MAX_CHUNK_CHARS = 20_000  # a paragraph is split at sentence-like boundaries past this
MAX_TEXT_CHARS = 200_000  # about 35k words, ten times a long article: beyond that, refuse
_BREAK = re.compile(r"(?<=[.!?؟。\n])\s+|\n")
_HAS_WORD = re.compile(r"\w")


class EmptyText(ValueError):
    """The text has nothing to parse (empty, whitespace or control characters only)."""


class TextTooLong(ValueError):
    """The text is far longer than a news article; parsing it would take minutes and memory."""


@dataclass
class Parsed:
    """A parsed text: the cleaned text Stanza saw and its sentences (stanza.models.common.doc.Sentence)."""

    text: str
    sentences: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def words(self) -> list:
        return [w for s in self.sentences for w in s.words]

    @property
    def entities(self) -> list:
        return [e for s in self.sentences for e in s.ents]


def chunks(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) pieces of at most `limit` characters, preferring paragraph
    and sentence ends, else spaces, else a hard cut."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            window = text[start:end]
            cut = max((m.end() for m in _BREAK.finditer(window)), default=0)
            if cut < limit // 4:
                cut = window.rfind(" ") + 1
            if cut > 0:
                end = start + cut
        out.append((start, text[start:end]))
        start = end
    return out


class ArabicPipeline:
    """Load once, parse many texts. `models` overrides the bundle (or set KG_STANZA_DIR).

    `guard` keeps names and frequent whole words from being cut into clitic + host by the MWT step
    (kg.nlp.clitics): True for the shipped lexicon, a path for another, False for Stanza as is;
    by default $KG_WHOLE_WORDS says which (a path, or "off"), else the shipped lexicon."""

    def __init__(self, models: str | Path | None = None, processors: tuple[str, ...] = PROCESSORS,
                 use_gpu: bool | None = None, threads: int | None = None,
                 guard: bool | str | Path | WholeWords | None = None):
        import stanza
        import torch

        threads = threads or default_threads()
        if threads:
            torch.set_num_threads(threads)
        self.models = models_dir(models)
        self.processors = processors
        logging.getLogger("stanza").setLevel(logging.WARNING)
        self._nlp = stanza.Pipeline("ar", dir=str(self.models), processors=",".join(processors),
                                    download_method=None, use_gpu=use_gpu, logging_level="WARN")
        if guard is None:
            guard = whole_words_setting()
        if guard is not False:
            guard_mwt(self._nlp, guard if isinstance(guard, WholeWords)
                      else load_whole_words(None if guard is True else str(guard)))

    def parse(self, text: str, max_chars: int = MAX_TEXT_CHARS, chunk_chars: int = MAX_CHUNK_CHARS) -> Parsed:
        """Parse raw Arabic text. Raises EmptyText when nothing is left after cleaning and
        TextTooLong past max_chars (split such input into articles first)."""
        cleaned = clean(text or "").strip()
        if not cleaned:
            raise EmptyText("empty text: nothing to parse after removing whitespace and control characters")
        if len(cleaned) > max_chars:
            raise TextTooLong(f"text of {len(cleaned):,} characters is over the limit of {max_chars:,} "
                              "(about ten long articles): split it into articles, one per file or record")
        result = Parsed(text=cleaned)
        if not _HAS_WORD.search(cleaned):
            result.notes.append("no letters or digits: punctuation or symbols only")
        pieces = chunks(cleaned, chunk_chars)
        if len(pieces) > 1:
            result.notes.append(f"long text parsed in {len(pieces)} pieces of at most {chunk_chars} chars")
        for offset, piece in pieces:
            if not piece.strip():
                continue
            doc = self._nlp(piece)
            for sent in doc.sentences:
                if offset:
                    _shift(sent, offset)
                result.sentences.append(sent)
        return result


def _shift(sentence, offset: int) -> None:
    """Move a piece's character offsets into the whole text (Stanza's Token has no setter)."""
    for token in sentence.tokens:
        token._start_char += offset
        token._end_char += offset
        for word in token.words:
            if word.start_char is not None:
                word.start_char += offset
                word.end_char += offset
    for ent in sentence.ents:
        ent.start_char += offset
        ent.end_char += offset


def whole_words_setting() -> bool | str:
    """KG_WHOLE_WORDS: "off" (or 0, no, false) runs the bare models, a path another lexicon;
    unset, the shipped lexicon (True)."""
    value = os.environ.get(WHOLE_WORDS_VAR, "").strip()
    if not value:
        return True
    return False if value.lower() in {"off", "0", "no", "false", "none"} else value


def default_threads() -> int | None:
    """Torch threads for parsing: KG_THREADS or OMP_NUM_THREADS when set, else one.

    Measured on 2 cores (MODELS.md): one thread parses faster than two on an idle machine (482 vs 439
    words/s), and far faster when another process is busy (the seeds in 5.9 s instead of 70 s), because
    the threads of a parallel region wait for each other. Raise it on large idle machines.
    """
    for name in ("KG_THREADS", "OMP_NUM_THREADS"):
        value = os.environ.get(name, "").strip()
        if value.isdigit() and int(value) > 0:
            return None if name == "OMP_NUM_THREADS" else int(value)  # torch already read OMP_NUM_THREADS
    return 1


@lru_cache(maxsize=4)
def default_pipeline(models: str | None = None) -> ArabicPipeline:
    """A process-wide pipeline per models dir: loading takes seconds, parsing is reused."""
    return ArabicPipeline(models)


@lru_cache(maxsize=8)
def _fingerprint(models: str, guard: bool | str) -> str:
    import stanza

    digest = hashlib.sha256(f"stanza {stanza.__version__}\n".encode())
    root = Path(models)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    if guard is not False:
        from kg.nlp.clitics import LEXICON, RULES_VERSION

        digest.update(Path(LEXICON if guard is True else guard).read_bytes())
        digest.update(f"guard rules {RULES_VERSION}\n".encode())
    return digest.hexdigest()[:16]


def parser_fingerprint(models: str | Path | None = None) -> str:
    """What a parse depends on besides its text: Stanza's version, the model files and the whole-word
    lexicon (KG_WHOLE_WORDS). The parse cache keeps it, so that new models parse documents again."""
    return _fingerprint(str(models_dir(models)), whole_words_setting())
