"""Extraction kept in OUT between builds, so that adding k documents re-extracts about k, not the corpus.

A document's extraction depends on its own parse and on one thing from the rest of the corpus: the
names other documents taught (``known``, extended document by document in corpus order, first type
seen wins). Documents are only ever appended, so a later build can only *add* names. An old document
is extracted again only when a new name could occur in it: every word key of the name is among the
document's word keys (with a leading clitic off, as kg.extract.mention_rules.KnownNames matches). Entity
resolution runs over the mentions of the whole corpus every time (kg.extract.combine), from the cache.

OUT/extract/ holds index.pickle (the corpus order, ``known``, a word key -> documents index and the
fingerprint of the extraction code and data) and docs/<hash of id and text>.pickle (one document's extraction
before resolution). A fingerprint change (a new kg, edited lexicons), a changed or removed document, or a
missing file means: extract everything again, as a first build does.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.document import DocumentExtraction, Known
from kg.extract.learned import SETTING

CACHE_DIR = "extract"
CLITICS = "وفبلك"
_PACKAGE = Path(__file__).resolve().parents[1]  # kg/


def fingerprint() -> str:
    """A hash of everything extraction reads besides the parses: its code, its data, the lexicons."""
    digest = hashlib.sha256()
    for folder in ("extract", "resources", "text.py"):
        root = _PACKAGE / folder
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()
                                                     and "__pycache__" not in p.parts)
        for path in files:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    setting = os.environ.get(SETTING, "")  # another meeting-pair model, or none
    digest.update(setting.encode())
    if setting and Path(setting).is_file():
        digest.update(Path(setting).read_bytes())
    return digest.hexdigest()[:16]


def word_keys(sentences) -> set[str]:
    """The keys a known name can match in these sentences: each word's, and without a leading clitic."""
    keys: set[str] = set()
    for s in sentences:
        for k in s.keys:
            keys.add(k)
            if len(k) > 1 and k[0] in CLITICS:
                keys.add(k[1:])
    return keys


@dataclass
class ExtractionIndex:
    """What the last build knew: documents in corpus order, the names they taught, where words occur."""

    fingerprint: str
    order: list[tuple[str, str]] = field(default_factory=list)  # (doc id, content hash)
    known: Known = field(default_factory=dict)
    where: dict[str, set[int]] = field(default_factory=dict)  # word key -> positions in order

    def add_document(self, doc_id: str, content_hash: str, keys: set[str]) -> None:
        position = len(self.order)
        self.order.append((doc_id, content_hash))
        for k in keys:
            self.where.setdefault(k, set()).add(position)

    def documents_containing(self, names) -> set[int]:
        """Positions of the documents in which every word of one of these names occurs."""
        found: set[int] = set()
        for seq in names:
            sets = [self.where.get(k, set()) for k in seq]
            if sets and all(sets):
                found |= set.intersection(*sets)
        return found


class ExtractionCache:
    """OUT/extract: the index and one pickled DocumentExtraction per text."""

    def __init__(self, out: str | Path) -> None:
        self.dir = Path(out) / CACHE_DIR
        self.index_path = self.dir / "index.pickle"

    def load_index(self, current: list[tuple[str, str]]) -> ExtractionIndex | None:
        """The stored index when it can be extended to the corpus ``current`` (its documents are a prefix
        of current's, with the same texts, and the code is the same); else None."""
        try:
            index = pickle.loads(self.index_path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if not isinstance(index, ExtractionIndex) or index.fingerprint != fingerprint():
            return None
        if current[:len(index.order)] != index.order:
            return None
        if not all(self._path(d, h).exists() for d, h in index.order):
            return None
        return index

    def save_index(self, index: ExtractionIndex) -> None:
        from kg.files import write_atomic

        write_atomic(self.index_path, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))

    def load(self, doc_id: str, content_hash: str) -> DocumentExtraction | None:
        try:
            return pickle.loads(self._path(doc_id, content_hash).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def store(self, doc_id: str, content_hash: str, extraction: DocumentExtraction) -> None:
        """Keep an extraction as it is before resolution (combine rewrites assertion ends in place)."""
        from kg.files import write_atomic

        data = pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(self._path(doc_id, content_hash), data)

    def forget(self) -> None:
        """Drop the index: the next build extracts everything (after a document failed to extract)."""
        self.index_path.unlink(missing_ok=True)

    def _path(self, doc_id: str, content_hash: str) -> Path:
        key = hashlib.sha256(f"{doc_id}\0{content_hash}".encode()).hexdigest()[:32]
        return self.dir / "docs" / f"{key}.pickle"
