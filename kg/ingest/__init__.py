"""Stage 1: news files (.txt, SaudiNewsNet-style .json/.jsonl dumps, .html) to clean Documents.

Usage::

    for item in read_documents(["seeds/"]):
        print(item.id if isinstance(item, Document) else f"skipped {item.path}: {item.reason}")
"""

from kg.ingest.document import Document, Skipped
from kg.ingest.reader import MAX_BYTES, SUFFIXES, read_documents

__all__ = ["MAX_BYTES", "SUFFIXES", "Document", "Skipped", "read_documents"]
