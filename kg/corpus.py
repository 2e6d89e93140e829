"""What `kg build` keeps in OUT besides the graph: the documents it has read and their parses.

OUT/documents.jsonl is an append-only log of documents (metadata, cleaned text, counts); the last
line for an id wins, so adding or changing a document appends one line instead of rewriting the
file, and a line cut short by a crash is ignored. OUT/parses/<content hash>.conllu caches Stanza's
analysis in CoNLL-U (readable, and reloaded without running Stanza again). Together they let a later
build re-read the whole corpus, so entities are resolved across every document ever added.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from kg.files import write_atomic
from kg.ingest import Document

MANIFEST = "documents.jsonl"
PARSES = "parses"


def to_conllu(parsed) -> str:
    """A Parsed text as CoNLL-U, with character offsets and NER tags in MISC (Stanza's own writer)."""
    from stanza.utils.conll import CoNLL

    lines = []
    for i, sent in enumerate(parsed.sentences):
        lines.append(f"# sent_id = {i + 1}")
        lines.append(f"# text = {sent.text}")
        lines.extend("\t".join(row) for row in CoNLL.convert_dict([sent.to_dict()])[0])
        lines.append("")
    return "\n".join(lines) + "\n"


def from_conllu(text: str, conllu: str):
    """The Parsed text back from to_conllu's output (offsets, heads and entities as Stanza gave them)."""
    from stanza.utils.conll import CoNLL

    from kg.nlp.pipeline import Parsed

    doc = CoNLL.conll2doc(input_str=conllu)
    doc.build_ents()
    return Parsed(text, doc.sentences)


def document_record(doc: Document, parsed) -> dict:
    record = asdict(doc)
    record["date"] = doc.date.isoformat() if doc.date else None
    record["sentences"] = len(parsed.sentences)
    record["words"] = len(parsed.words)
    return record


def document_of(record: dict) -> Document:
    date = record.get("date")
    return Document(id=record["id"], text=record["text"], title=record.get("title"),
                    date=dt.date.fromisoformat(date[:10]) if date else None, source=record.get("source"),
                    url=record.get("url"), path=record.get("path", ""), content_hash=record["content_hash"])


class Corpus:
    """The documents and parses under OUT."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.records: dict[str, dict] = {}
        path = self.out / MANIFEST
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:  # a line cut short by a crash: that document is parsed again
                    continue
                if isinstance(record, dict) and "id" in record and "text" in record:
                    self.records[record["id"]] = record

    def parse_path(self, content_hash: str) -> Path:
        return self.out / PARSES / f"{content_hash}.conllu"

    def unchanged(self, doc: Document) -> bool:
        known = self.records.get(doc.id)
        return bool(known) and known["content_hash"] == doc.content_hash \
            and self.parse_path(doc.content_hash).exists()

    def cached_parse(self, doc: Document):
        """The cached parse of this text (any document with the same content), or None."""
        path = self.parse_path(doc.content_hash)
        return from_conllu(doc.text, path.read_text(encoding="utf-8")) if path.exists() else None

    def add(self, doc: Document, parsed) -> None:
        """Record a parsed document: the parse first, then one manifest line (fsynced)."""
        path = self.parse_path(doc.content_hash)
        if not path.exists():
            write_atomic(path, to_conllu(parsed))
        record = document_record(doc, parsed)
        self.out.mkdir(parents=True, exist_ok=True)
        manifest = self.out / MANIFEST
        with open(manifest, "a+b") as f:
            f.seek(0, os.SEEK_END)
            if f.tell():  # a line cut short by a crash must not swallow this one
                f.seek(-1, os.SEEK_END)
                if f.read(1) != b"\n":
                    f.write(b"\n")
            f.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        self.records[doc.id] = record

    def documents(self) -> Iterator[tuple[Document, Path]]:
        """Every document in OUT (the latest version of each id) with its parse file."""
        for record in self.records.values():
            yield document_of(record), self.parse_path(record["content_hash"])

    @property
    def words(self) -> int:
        return sum(r.get("words", 0) for r in self.records.values())
