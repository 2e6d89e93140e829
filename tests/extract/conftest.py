"""Fixtures for the extract stage: real parses of short sentences, cached across test runs.

Parsing is the slow part (seconds per sentence on a busy CPU), and the rules under test do not
change the parse, so parses are cached under the temp dir, keyed by the text and what the parse
depends on (kg.nlp.pipeline.parser_fingerprint: a retrained bundle or a new whole-word lexicon
invalidates the cache).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

CACHE = Path(os.environ.get("KG_TEST_PARSE_CACHE", Path(tempfile.gettempdir()) / "kg-extract-test-parses"))


def _fingerprint(models: Path) -> str:
    """The parse cache's own key: the model files, Stanza's version and the whole-word lexicon."""
    from kg.nlp.pipeline import parser_fingerprint

    return parser_fingerprint(models)


@dataclass
class Doc:
    """The fields of kg.ingest.Document that the extract stage reads."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None


@pytest.fixture(scope="session")
def parse(pipeline):
    """parse(text) -> kg.nlp.Parsed, from the cache when the same models parsed the same text before."""
    from stanza.models.common.doc import Document as StanzaDoc

    from kg.nlp import Parsed

    fingerprint = _fingerprint(Path(pipeline.models))

    def run(text: str):
        key = hashlib.sha256(f"{fingerprint}\n{text}".encode()).hexdigest()[:24]
        path = CACHE / f"{key}.json"
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            doc = StanzaDoc(data["sentences"], text=data["text"])
            doc.build_ents()
            return Parsed(text=data["text"], sentences=doc.sentences)
        parsed = pipeline.parse(text)
        CACHE.mkdir(parents=True, exist_ok=True)
        payload = {"text": parsed.text, "sentences": [s.to_dict() for s in parsed.sentences]}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        return parsed

    return run


@pytest.fixture(scope="session")
def extract(parse):
    """extract(text, date=None, known=None) -> (entities, relation records) for one short document;
    ``known``: names a corpus found in other documents (word keys -> type)."""
    from kg.extract.document import combine, extract_document
    from kg.extract.records import relation_records

    def run(text: str, date: dt.date | None = None, doc_id: str = "t", known=None):
        parsed = parse(text)
        entities, assertions = combine([extract_document(Doc(doc_id, parsed.text, date), parsed, known)])
        return entities, relation_records(assertions, entities)

    return run


@pytest.fixture(scope="session")
def extract_articles(parse):
    """extract_articles({doc_id: text, ...}) -> entities: several short documents read as one corpus
    (names one article teaches are looked for in the others, entities resolved across them)."""
    from kg.extract.document import extract_corpus

    def run(texts: dict[str, str]):
        entities, _ = extract_corpus((Doc(i, parse(t).text), parse(t)) for i, t in texts.items())
        return entities

    return run
