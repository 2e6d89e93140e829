"""News dumps in SaudiNewsNet's shape: a JSON list (or JSON Lines) of article objects.

Each object is {source, url, date_extracted, title, author, content}. One bad
record must not cost the others, so records are checked one by one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from kg.ingest.article import Article, extract_article
from kg.ingest.dates import parse_date
from kg.ingest.document import Document, Skipped, Unreadable, make_document

SHAPE = "{source, url, date_extracted, title, author, content}"


def read_json(text: str, path: str, stem: str) -> Iterator[Document | Skipped]:
    """Documents from a .json dump (a list of records, or one record)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; "
                         "fix the file or export it again") from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise Unreadable(f"expected a JSON list of article objects {SHAPE}, found {_kind(data)}")
    for index, record in enumerate(data):
        yield record_document(record, index, path, stem)


def read_jsonl(text: str, path: str, stem: str) -> Iterator[Document | Skipped]:
    """Documents from a .jsonl dump: one record per line; a malformed line skips only that record."""
    index = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"malformed JSON at line {lineno}, column {exc.colno}: {exc.msg}"
            yield Skipped(f"{path}#{index}", f"{reason}; only this record is skipped; fix that line")
        else:
            yield record_document(record, index, path, stem)
        index += 1


def record_document(record: Any, index: int, path: str, stem: str) -> Document | Skipped:
    """The Document for one record, or Skipped naming what the record lacks; never raises."""
    try:
        return _record_document(record, index, path, stem)
    except Exception as exc:  # one odd record must not cost the rest of the dump
        return Skipped(f"{path}#{index}", f"record {index} could not be read ({type(exc).__name__}: {exc}); "
                                          "please report this record")


def _record_document(record: Any, index: int, path: str, stem: str) -> Document | Skipped:
    where = f"{path}#{index}"
    if not isinstance(record, dict):
        return Skipped(where, f"record {index} is {_kind(record)}, not an article object {SHAPE}")
    content = record.get("content")
    if not isinstance(content, str) or not content.strip():
        return Skipped(where, f"record {index} has no content (the 'content' field is missing or empty); "
                              "only this record is skipped")
    title = record.get("title") if isinstance(record.get("title"), str) else None
    article = extract_article(content, title=title, find_title=False)
    date = _field_date(record.get("date_extracted")) or article.date
    source = _text(record.get("source")) or article.source
    try:
        return make_document(f"{stem}-{index}", Article(article.title, article.paragraphs, date, source),
                             where, url=_text(record.get("url")))
    except Unreadable as exc:
        return Skipped(where, f"record {index}: {exc}")


def _field_date(value: Any) -> dt.date | None:
    """The date part of date_extracted ("2015-07-21 02:51:32")."""
    return parse_date(value) if isinstance(value, str) else None


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _kind(value: Any) -> str:
    """How JSON calls the value's type, for messages."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
