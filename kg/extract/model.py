"""What the extract stage hands to the graph stage: entities and assertions with evidence.

Plain dataclasses, no rdflib: the graph stage turns them into RDF, the CLI into
JSON lines. Keys are stable match keys (kg.text.match_key of the canonical label).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
RELATION_TYPES = ("met", "contacted", "requested", "said", "role", "reported_by", "attended")
SYMMETRIC = frozenset({"met", "contacted"})
MODALITIES = ("occurred", "planned", "denied")


@dataclass(frozen=True)
class Evidence:
    """Where an assertion or mention comes from: document, sentence, character span, rule."""

    doc_id: str
    sentence_index: int  # 0-based, in document order
    sentence_text: str
    start: int  # character offsets into the document's cleaned text
    end: int
    rule: str = "ner"
    confidence: float = 1.0


@dataclass
class Merge:
    """One decision that two names are the same entity, and why (for the record)."""

    alias: str
    reason: str  # e.g. "orthographic variant", "clitic", "title stripped", "short form", "misspelling"


@dataclass
class Entity:
    key: str
    label: str  # canonical Arabic label
    type: str  # one of ENTITY_TYPES
    latin: str | None = None  # transliteration, for @ar-Latn labels and lookup
    aliases: set[str] = field(default_factory=set)
    mentions: list[Evidence] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return sorted({m.doc_id for m in self.mentions})


@dataclass
class Assertion:
    """An extracted relation. For met/contacted with 3+ parties, `participants` lists all of them
    and one Assertion is emitted per pair as subject/object."""

    type: str  # one of RELATION_TYPES
    subject: str  # entity key
    object: str | None  # entity key, or None (a request with no stated addressee)
    evidence: Evidence
    theme: str | None = None  # what was requested / what was said / the role title
    negated: bool = False
    modality: str | None = None  # one of MODALITIES for events
    date: dt.date | None = None
    date_text: str | None = None
    place: str | None = None  # entity key
    participants: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()  # a reception's hosts (استقبل X Y وZ): guests met them, not each other
    event_id: str | None = None  # assertions of one event (pairs of a meeting) share it; an attended
    # assertion (subject the attendee, object the host or first-named party) names its meeting's event_id
