"""The ingest stage's output: a clean Document, or a Skipped input with the reason."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from kg.ingest.article import Article


@dataclass(frozen=True)
class Document:
    """One article, cleaned and ready for the NLP stage."""

    id: str  # .txt: the file name without extension; JSON records: "<file stem>-<index>"
    text: str  # the cleaned body, paragraphs separated by "\n\n"
    title: str | None
    date: dt.date | None  # publication date, when the page gives it
    source: str | None  # the outlet, when the page gives it
    url: str | None
    path: str  # the file it came from, plus "#<index>" for a record inside a dump
    content_hash: str  # sha256 of text: unchanged documents need not be parsed again


@dataclass(frozen=True)
class Skipped:
    """An input that gave no document: ``reason`` says what is wrong and what to do."""

    path: str
    reason: str


class Unreadable(Exception):
    """Raised inside the ingest stage for a bad input; read_documents turns it into Skipped."""


BOILERPLATE_ONLY = ("boilerplate only: no article text is left after removing page chrome "
                    "(menus, share buttons, comment prompts, metadata); check that it holds an article")


def make_document(doc_id: str, article: Article, path: str, url: str | None = None) -> Document:
    """A Document from an extracted article; an article without body text is Unreadable."""
    if not article.paragraphs:
        raise Unreadable(BOILERPLATE_ONLY)
    text = "\n\n".join(article.paragraphs)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(id=doc_id, text=text, title=article.title, date=article.date, source=article.source,
                    url=url or None, path=path, content_hash=digest)
