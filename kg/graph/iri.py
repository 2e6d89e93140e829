"""Stable, injection-proof IRIs for the resources of a graph built from Arabic news.

Names become single path segments: percent-encoded with nothing left "safe", so '/', '#', '?',
spaces, newlines, quotes, angle brackets and bidi controls can never break out of the segment or the
IRI. Entity IRIs use the match key of the canonical label, so the same entity gets the same IRI in
every build; events and assertions are named by a hash of what identifies them, so rebuilding the
same input gives the same IRIs.
"""

from __future__ import annotations

import hashlib
import json
import string
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import URIRef

from kg.text import match_key

BASE = "https://w3id.org/kg-arabic-news/resource/"
ENTITY_BASE = BASE + "entity/"
ENTITIES_GRAPH = URIRef(BASE + "graph/entities")

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
MAX_SEGMENT = 240  # percent-encoded characters; longer names keep a prefix plus a hash
# What a minted IRI may contain: unreserved characters, '%' escapes and the few delimiters we put there.
ALLOWED = frozenset(string.ascii_letters + string.digits + "-._~%/:")


def digest(text: str, length: int = 24) -> str:
    """Hex sha256 prefix: 96 bits by default, far beyond any corpus's number of events."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def segment(text: str) -> str:
    """One path segment for exactly this text (no normalization: distinct ids stay distinct).

    Empty and all-dot texts ("." and "..") would be removed by IRI resolution, and very long names
    make unwieldy IRIs: both get a hash instead (a prefix is kept for long names).
    """
    if not text.strip("."):
        return "_" + digest(text)
    encoded = quote(text, safe="", errors="surrogatepass")
    if len(encoded) > MAX_SEGMENT:
        encoded = quote(text[:40], safe="", errors="surrogatepass") + "~" + digest(text)
    return encoded


def name_key(label: str) -> str:
    """NFC match key of a name, also without invisible characters and with all whitespace collapsed."""
    chars = []
    for c in unicodedata.normalize("NFC", match_key(label)):
        category = unicodedata.category(c)
        if category == "Cf":  # bidi controls, zero-width joiners: invisible, so not part of the name
            continue
        chars.append(" " if category[0] in "CZ" else c)  # newlines, tabs, odd spaces separate words
    return " ".join("".join(chars).split())


def checked(iri: str) -> URIRef:
    """The IRI as a URIRef, after making sure it holds only characters rdflib and TriG accept."""
    bad = sorted({c for c in iri if c not in ALLOWED})
    if bad or not iri.startswith(BASE):
        raise ValueError(f"refusing to mint IRI {iri!r}: unexpected characters {bad!r}")
    return URIRef(iri)


def entity_iri(label: str, entity_type: str) -> URIRef:
    """base/entity/<type>/<encoded match key>: one IRI per (type, name) across builds."""
    if entity_type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {entity_type!r}; expected one of {ENTITY_TYPES}")
    return checked(f"{ENTITY_BASE}{entity_type.lower()}/{segment(name_key(label))}")


def role_iri(title: str) -> URIRef:
    """base/role/<encoded match key>: a position such as "وزير الخارجية", shared across documents."""
    return checked(f"{BASE}role/{segment(name_key(title))}")


def document_iri(doc_id: str) -> URIRef:
    return checked(f"{BASE}document/{segment(doc_id)}")


def document_graph_iri(doc_id: str) -> URIRef:
    """The named graph holding everything extracted from one document, replaced as a whole."""
    return checked(f"{document_iri(doc_id)}/graph")


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return checked(f"{document_iri(doc_id)}/s/{_index(index)}")


def mention_iri(doc_id: str, start: int, end: int) -> URIRef:
    return checked(f"{document_iri(doc_id)}/m/{_index(start)}-{_index(end)}")


def event_iri(kind: str, doc_id: str, sentence_index: int, start: int, end: int,
              participants: Iterable[str] = (), subject: str | None = None, obj: str | None = None,
              theme: str | None = None) -> URIRef:
    """base/event/<hash> of what identifies the event; participants are sorted (order carries no meaning)."""
    return checked(f"{BASE}event/" + _hash(kind, doc_id, sentence_index, start, end, participants, subject,
                                           obj, theme))


def assertion_iri(kind: str, doc_id: str, sentence_index: int, start: int, end: int,
                  subject: str | None = None, obj: str | None = None) -> URIRef:
    """base/assertion/<hash>: a reified fact that is not an event (e.g. a media attribution)."""
    fields = _hash(kind, doc_id, sentence_index, start, end, (), subject, obj, None)
    return checked(f"{BASE}assertion/{fields}")


def _hash(kind: str, doc_id: str, sentence_index: int, start: int, end: int, participants: Iterable[str],
          subject: str | None, obj: str | None, theme: str | None) -> str:
    # JSON keeps field boundaries unambiguous whatever characters the names hold
    fields = [kind, doc_id, sentence_index, start, end, sorted(set(participants)), subject, obj, theme]
    return digest(json.dumps(fields, ensure_ascii=False, separators=(",", ":")))


def _index(value: int) -> str:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"expected a non-negative integer, got {value!r}")
    return str(value)
