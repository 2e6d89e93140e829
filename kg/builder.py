"""`kg build`: documents in, parsed and analysed documents out, one bad document at a time.

Stages run in one direction: ingest -> nlp -> outputs. Parses are cached under
OUT/parses/<content hash>.conllu, so running again on the same OUT parses only
new or changed documents. Every file is written atomically (temp file + rename):
a crash leaves the previous output whole.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.ingest import Document, Skipped, read_documents

MANIFEST = "documents.jsonl"


@dataclass
class BuildReport:
    parsed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped


def write_atomic(path: Path, text: str) -> None:
    """Write text to path so that readers see the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_manifest(out: Path) -> dict[str, dict]:
    path = out / MANIFEST
    if not path.exists():
        return {}
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["id"]: r for r in records}


def to_conllu(parsed) -> str:
    from stanza.utils.conll import CoNLL

    lines = []
    for i, sent in enumerate(parsed.sentences):
        lines.append(f"# sent_id = {i + 1}")
        lines.append(f"# text = {sent.text}")
        lines.extend("\t".join(row) for row in CoNLL.convert_dict([sent.to_dict()])[0])
        lines.append("")
    return "\n".join(lines) + "\n"


def document_record(doc: Document, parsed) -> dict:
    meta = {k: (str(v) if v is not None else None) for k, v in asdict(doc).items() if k != "text"}
    meta["sentences"] = len(parsed.sentences)
    meta["words"] = len(parsed.words)
    meta["entities"] = [{"text": e.text, "type": e.type, "start": e.start_char, "end": e.end_char}
                        for e in parsed.entities]
    return meta


def build(paths: Iterable[str | Path], out: Path, pipeline=None,
          on_document: Callable[[str, str], None] | None = None) -> BuildReport:
    """Read, parse and record every document under paths into out; return what happened."""
    from kg.nlp import EmptyText, TextTooLong, default_pipeline

    pipeline = pipeline or default_pipeline()
    out.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(out)
    report = BuildReport()
    for item in read_documents(paths):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            if on_document:
                on_document(item.path, "skipped")
            continue
        cache = out / "parses" / f"{item.content_hash}.conllu"
        known = manifest.get(item.id)
        if known and known.get("content_hash") == item.content_hash and cache.exists():
            report.unchanged.append(item.id)
            if on_document:
                on_document(item.id, "unchanged")
            continue
        try:
            parsed = pipeline.parse(item.text)
        except (EmptyText, TextTooLong) as e:
            report.skipped.append(Skipped(item.path, str(e)))
            continue
        write_atomic(cache, to_conllu(parsed))
        manifest[item.id] = document_record(item, parsed)
        report.parsed.append(item.id)
        if on_document:
            on_document(item.id, "parsed")
        # the manifest is rewritten after each document: a crash loses at most the one in flight
        write_atomic(out / MANIFEST, "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                             for r in manifest.values()))
    return report
