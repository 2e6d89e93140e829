"""Entities and assertions as plain JSON records: what `kg` writes and kg.evaluation scores.

Relation ends are written as entity labels (names people can read and the
scorer can match through aliases), not as internal keys.
"""

from __future__ import annotations

from typing import Any

from kg.extract.model import Assertion, Entity


def entity_records(entities: dict[str, Entity]) -> list[dict[str, Any]]:
    return [{"key": e.key, "label": e.label, "type": e.type, "latin": e.latin, "aliases": sorted(e.aliases),
             "docs": e.docs, "merges": [{"alias": m.alias, "reason": m.reason} for m in e.merges]}
            for e in entities.values()]


def relation_records(assertions: list[Assertion], entities: dict[str, Entity]) -> list[dict[str, Any]]:
    def label(key: str | None) -> str | None:
        return entities[key].label if key in entities else key

    return [{"doc": a.evidence.doc_id, "type": a.type, "subject": label(a.subject), "object": label(a.object),
             "theme": a.theme, "negated": a.negated, "modality": a.modality,
             "date": a.date.isoformat() if a.date else None, "date_text": a.date_text,
             "place": label(a.place), "participants": [label(p) for p in a.participants],
             "event_id": a.event_id, "sentence": a.evidence.sentence_text,
             "sentence_index": a.evidence.sentence_index, "rule": a.evidence.rule,
             "confidence": a.evidence.confidence}
            for a in assertions]
