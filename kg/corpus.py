"""What `kg build` keeps in OUT besides the graph: the documents it has read and their parses.

OUT/documents.jsonl is an append-only log of documents (metadata, cleaned text, counts); the last
line for an id wins, so adding or changing a document appends one line instead of rewriting the
file, and a line cut short by a crash is ignored; a build that ends rewrites the file (atomically)
without superseded or cut lines. OUT/parses/<content hash>.conllu caches Stanza's analysis in CoNLL-U
(readable, and reloaded without running Stanza again); its first line, a comment, holds the sha256 of
the rest, so a damaged file is detected on reading and the document is parsed again. Together they let
a later build re-read the whole corpus, so entities are resolved across every document ever added.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from kg.files import write_atomic
from kg.ingest import Document

MANIFEST = "documents.jsonl"
PARSES = "parses"
CHECKSUM = "# kg_parse_sha256 = "  # the first line of a parse file written by to_conllu
PARSER = "# kg_parser = "  # the next: which models (and whole-word lexicon) made the parse

log = logging.getLogger(__name__)


class DamagedParse(ValueError):
    """A parse cache file that is not what to_conllu wrote (cut short, edited, or unreadable)."""


def to_conllu(parsed, parser: str | None = None) -> str:
    """A Parsed text as CoNLL-U, with character offsets and NER tags in MISC (Stanza's own writer);
    ``parser``, the fingerprint of the pipeline that made it (kg.nlp.parser_fingerprint), heads it."""
    from stanza.utils.conll import CoNLL

    lines = [f"{PARSER}{parser}"] if parser else []
    for i, sent in enumerate(parsed.sentences):
        lines.append(f"# sent_id = {i + 1}")
        lines.append(f"# text = {sent.text}")
        lines.extend("\t".join(row) for row in CoNLL.convert_dict([sent.to_dict()])[0])
        lines.append("")
    body = "\n".join(lines) + "\n"
    return f"{CHECKSUM}{_sha256(body)}\n{body}"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def checked_conllu(conllu: str) -> str:
    """The CoNLL-U body of a parse file after checking it is whole; DamagedParse if not.

    Files from before the checksum line are accepted when they end as to_conllu ends (a blank line)."""
    if conllu.startswith(CHECKSUM):
        header, _, body = conllu.partition("\n")
        if header[len(CHECKSUM):].strip() != _sha256(body):
            raise DamagedParse("its checksum does not match (cut short or changed)")
        return body
    if not conllu.endswith("\n\n"):
        raise DamagedParse("it does not end with a complete sentence (cut short)")
    return conllu


def from_conllu(text: str, conllu: str):
    """The Parsed text back from to_conllu's output (offsets, heads and entities as Stanza gave them);
    DamagedParse when the file is not whole."""
    from stanza.utils.conll import CoNLL

    from kg.nlp.pipeline import Parsed

    body = checked_conllu(conllu)
    try:
        doc = CoNLL.conll2doc(input_str=body)
    except Exception as e:  # stanza raises many types for a malformed file
        raise DamagedParse(f"it is not valid CoNLL-U ({type(e).__name__}: {e})") from e
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

    def __init__(self, out: Path, parser: str | None = None) -> None:
        """``parser``: the fingerprint of the pipeline this build parses with; a cached parse made by
        another one is parsed again when its document is given (None: any cached parse will do)."""
        self.out = Path(out)
        self.parser = parser
        self.records: dict[str, dict] = {}
        self.lines = 0  # lines in the manifest, cut and superseded ones included
        path = self.out / MANIFEST
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                self.lines += 1
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:  # a line cut short by a crash: that document is parsed again
                    continue
                if isinstance(record, dict) and "id" in record and "text" in record \
                        and "content_hash" in record:
                    self.records[record["id"]] = record

    def remove_leftovers(self) -> None:
        """Delete the temp files of writes a killed build left half done (only the lock holder may)."""
        for folder in (self.out, self.out / PARSES):
            for leftover in folder.glob(".*.tmp"):
                leftover.unlink(missing_ok=True)

    def parse_path(self, content_hash: str) -> Path:
        return self.out / PARSES / f"{content_hash}.conllu"

    def unchanged(self, doc: Document) -> bool:
        known = self.records.get(doc.id)
        return bool(known) and known["content_hash"] == doc.content_hash and self.parse_ok(doc.content_hash)

    def parse_ok(self, content_hash: str) -> bool:
        """Whether the parse cache holds a whole file for this text (a damaged one is logged)."""
        path = self.parse_path(content_hash)
        try:
            body = checked_conllu(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return False
        except (OSError, UnicodeDecodeError, DamagedParse) as e:
            log.warning("%s is damaged (%s); the document is parsed again", path, e)
            return False
        if self.parser and not body.startswith(f"{PARSER}{self.parser}\n"):
            log.info("%s was parsed by other models; the document is parsed again", path)
            return False
        return True

    def read_parse(self, doc: Document):
        """The Parsed text from the cache; DamagedParse naming the file and what to do if it is not whole."""
        path = self.parse_path(doc.content_hash)
        try:
            return from_conllu(doc.text, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, DamagedParse) as e:
            raise DamagedParse(f"its cached parse {path} cannot be used ({e}); give the document to "
                               "kg build again to parse it again") from e

    def cached_parse(self, doc: Document):
        """The cached parse of this text (any document with the same content), or None (also when the
        cached file is damaged: the text is parsed again and the file replaced)."""
        if not self.parse_ok(doc.content_hash):
            return None
        try:
            return self.read_parse(doc)
        except DamagedParse as e:
            log.warning("%s", e)
            return None

    def add(self, doc: Document, parsed) -> None:
        """Record a parsed document: the parse first (atomically), then one manifest line (fsynced)."""
        if not self.parse_ok(doc.content_hash):
            write_atomic(self.parse_path(doc.content_hash), to_conllu(parsed, self.parser))
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
        self.lines += 1

    def compact(self) -> None:
        """Rewrite the manifest atomically with one line per document, when it holds cut or superseded
        lines (a changed document, a build killed mid-line)."""
        if self.lines == len(self.records):
            return
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records.values())
        write_atomic(self.out / MANIFEST, text)
        self.lines = len(self.records)

    def documents(self) -> Iterator[tuple[Document, Path]]:
        """Every document in OUT (the latest version of each id) with its parse file."""
        for record in self.records.values():
            yield document_of(record), self.parse_path(record["content_hash"])

    @property
    def words(self) -> int:
        return sum(r.get("words", 0) for r in self.records.values())
